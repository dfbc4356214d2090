"""The read-only paths start without the NLP stack: building the web app (read-only or with
``--allow-ingest``) and serving its pages, ``newsgraph query`` and ``newsgraph export``, and importing
the input readers leave spaCy, the extractors and the analysis modules unimported.

Each check runs in a fresh interpreter, so what other tests imported cannot hide an import.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ANALYSIS_MODULES = (
    "spacy",
    "thinc",
    "newsgraph.analyze",
    "newsgraph.nlp",
    "newsgraph.pipeline",
    "newsgraph.extract",
    "newsgraph.corpus",
)

REPORT = f"""
import json, sys
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")
                        or m.startswith({ANALYSIS_MODULES!r}))))
"""

WEB_APP = """
import warnings
import newsgraph
from newsgraph.web import create_app
warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient

corpus = newsgraph.open(sys.argv[1])
for token in (None, "a-token-of-sixteen-characters"):
    client = TestClient(create_app(corpus, ingest_token=token))
    for path in ("/", "/?q=talks", "/api/quotes", "/api/articles/none", "/overview", "/docs", "/openapi.json",
                 "/meetings", "/api/meetings", "/meetings/m-0"):
        assert client.get(path).status_code in (200, 404), path
"""

CLI = """
from newsgraph.cli import app
try:
    app(sys.argv[2:])
except SystemExit as exit:
    assert not exit.code, exit.code
"""

READERS = """
from newsgraph.ingest.files import read_inputs
from newsgraph.ingest.sources import iter_sources
assert list(iter_sources([sys.argv[1] + ".txt"]))
"""


def loaded_analysis_modules(program: str, *args: str) -> list[str]:
    """Run ``program`` in a fresh interpreter; the analysis modules it left in ``sys.modules``."""
    source = "import sys\n" + program + REPORT
    done = subprocess.run([sys.executable, "-c", source, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """An empty corpus database, migrated (a fresh interpreter, so this test's imports stay clean)."""
    path = tmp_path_factory.mktemp("startup") / "corpus.db"
    subprocess.run(
        [sys.executable, "-c", "import newsgraph, sys; newsgraph.open(sys.argv[1]).close()", str(path)],
        check=True,
        timeout=120,
    )
    Path(f"{path}.txt").write_text("Talks resume\nThe ministers met on Monday.\n", encoding="utf-8")
    return str(path)


def test_the_check_sees_an_import() -> None:
    assert {"newsgraph.nlp", "spacy"} <= set(loaded_analysis_modules("import newsgraph.nlp"))


def test_the_web_app_and_its_pages_do_not_import_spacy(db: str) -> None:
    assert loaded_analysis_modules(WEB_APP, db) == []


@pytest.mark.parametrize(
    "command",
    [
        ["query", "quotes", "--format", "json"],
        ["query", "actors"],
        ["meetings", "--format", "json"],
        ["meetings", "--rebuild"],
        ["export", "{db}.csv", "--table", "events", "--format", "csv"],
    ],
)
def test_query_and_export_do_not_import_spacy(db: str, command: list[str]) -> None:
    args = [part.format(db=db) for part in command] + ["--db", db]
    assert loaded_analysis_modules(CLI, db, *args) == []


def test_the_input_readers_do_not_import_spacy(db: str) -> None:
    assert loaded_analysis_modules(READERS, db) == []
