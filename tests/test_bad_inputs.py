"""No input sinks a run: each bad input, and each article whose analysis fails (an extractor that
raises, a time limit, a memory limit, a worker that dies), is one line with its reason, and the good
article beside it is still analysed or stored: in ``analyze`` (``--jobs 1`` and ``2``), ``ingest``
and ``POST /api/articles``. Failures are injected into the extractors by marker words in the text,
so these tests do not depend on any particular extractor bug."""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsgraph
from newsgraph import analyze as analysis
from newsgraph import pipeline as components
from newsgraph.analyze import Limits, WorkerPool, analyze_many
from newsgraph.cli import app
from newsgraph.ingest.dates import normalise_published
from newsgraph.ingest.sources import iter_sources
from newsgraph.model import Analysis, Article
from newsgraph.problems import Problem
from newsgraph.web import create_app

TOKEN = "bad-inputs-token-0123456789abcdef"
GOOD = (
    "Norwegian Foreign Minister Ingrid Halvorsen said on Monday that talks would resume next week. "
    "\u201cWe are ready,\u201d Halvorsen said."
)
RAISES, SLOW, GREEDY, DIES = "Zorblatt", "Slowcoach", "Gobbleworth", "Keeloverton"  # marker words
SRC = str(Path(__file__).resolve().parents[1] / "src")


def marked(word: str) -> str:
    return f"Chilean President Marta Rojas said on Friday that {word} would send observers to the vote."


@pytest.fixture(autouse=True)
def faulty_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quote extractor misbehaves on texts with a marker word (inherited by forked workers)."""
    real = components.extract_quotes

    def extract_quotes(doc, actors):
        if RAISES in doc.text:
            raise AttributeError("'NoneType' object has no attribute 'i'")
        if SLOW in doc.text:
            time.sleep(5)
        if GREEDY in doc.text:
            hoard = bytearray(1 << 30)  # noqa: F841 - over the test's memory limit
        if DIES in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, actors)

    monkeypatch.setattr(components, "extract_quotes", extract_quotes)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def lines_with(stderr: str, text: str) -> list[str]:
    return [line for line in stderr.splitlines() if text in line]


# --- analysis failures: raise, time limit, memory limit -----------------------------------------------------

FAILURES = [(RAISES, "analysis failed: AttributeError"), (SLOW, "time limit"), (GREEDY, "memory limit")]


@pytest.fixture(scope="module")
def failing_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("failing")
    for index, (word, _) in enumerate(FAILURES):
        (folder / f"{index}-bad.txt").write_text(marked(word), encoding="utf-8")
    (folder / "9-good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_analyze_reports_each_failed_article_and_goes_on(failing_inputs: Path, jobs: str):
    result = invoke(
        "analyze",
        str(failing_inputs),
        "--format",
        "jsonl",
        "--jobs",
        jobs,
        "--time-limit",
        "1",
        "--memory-limit",
        "256",
    )
    assert result.exit_code == 1
    for _, reason in FAILURES:
        [line] = lines_with(result.stderr, reason)
        assert line.startswith("newsgraph: failed article ")
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["text"] == GOOD and record["quotes"]


def test_jobs_2_output_equals_jobs_1_with_failures(failing_inputs: Path):
    args = ("analyze", str(failing_inputs), "--format", "jsonl", "--time-limit", "1", "--memory-limit", "256")
    one, two = invoke(*args, "--jobs", "1"), invoke(*args, "--jobs", "2")
    assert one.stdout == two.stdout and one.stderr == two.stderr and one.exit_code == two.exit_code == 1


def test_ingest_counts_failed_articles_and_stores_the_rest(failing_inputs: Path, tmp_path: Path):
    db = str(tmp_path / "corpus.db")
    result = invoke(
        "ingest", str(failing_inputs), "--db", db, "--jobs", "2", "--time-limit", "1", "--memory-limit", "256"
    )
    assert result.exit_code == 1
    assert "read 4, new 1, already stored 0, near-duplicates 0, skipped 0, failed 3" in result.stderr
    for _, reason in FAILURES:
        assert len(lines_with(result.stderr, reason)) == 1
    with newsgraph.open(db) as corpus:
        assert [a.text for a in corpus.articles()] == [GOOD]
    again = invoke("ingest", str(failing_inputs), "--db", db, "--time-limit", "1", "--memory-limit", "256")
    assert "read 4, new 0, already stored 1, near-duplicates 0, skipped 0, failed 3" in again.stderr


def test_a_near_duplicate_of_a_failed_article_fails_with_it(tmp_path: Path):
    story = " ".join(f"Observers from {n} countries will watch polling station number {n}." for n in range(40))
    failing = marked(RAISES) + " " + story
    copy = failing + " Counting starts at dusk."  # a near-duplicate: the same story and one more sentence
    db = str(tmp_path / "corpus.db")
    for name, text in (("1-failing.txt", failing), ("2-copy.txt", copy), ("3-good.txt", GOOD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = invoke(
        "ingest",
        str(tmp_path / "1-failing.txt"),
        str(tmp_path / "2-copy.txt"),
        str(tmp_path / "3-good.txt"),
        "--db",
        db,
    )
    assert result.exit_code == 1
    assert "new 1, already stored 0, near-duplicates 0, skipped 0, failed 2" in result.stderr
    assert len(lines_with(result.stderr, "whose analysis failed")) == 1
    with newsgraph.open(db) as corpus:
        assert [a.text for a in corpus.articles()] == [GOOD]


def test_a_worker_that_dies_costs_only_its_article():
    articles = [
        Article(id=f"a{i}", text=marked(DIES) if i == 3 else GOOD.replace("Monday", f"day {i}")) for i in range(6)
    ]
    with WorkerPool(2) as pool:
        outcomes = list(pool.analyze(articles))
    assert [o.article.id if isinstance(o, Analysis) else o.source for o in outcomes] == [
        "a0",
        "a1",
        "a2",
        "article a3",
        "a4",
        "a5",
    ]
    assert "analysis process died" in outcomes[3].reason


def test_a_failing_parse_of_a_batch_is_retried_article_by_article(monkeypatch: pytest.MonkeyPatch):
    pipeline = analysis._pipeline(analysis.Settings())
    monkeypatch.setattr(pipeline, "nlp", _PipeFails(pipeline.nlp))
    outcomes = pipeline.analyze_batch([Article(id="g", text=GOOD), Article(id="b", text=marked(RAISES))], Limits())
    assert isinstance(outcomes[0], Analysis) and outcomes[0].quotes
    assert isinstance(outcomes[1], Problem) and "AttributeError" in outcomes[1].reason


class _PipeFails:
    """A spaCy pipeline whose batch ``pipe`` fails; one document at a time still works."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def __call__(self, text: str, **options):
        return self.nlp(text, **options)

    def pipe(self, texts, **options):
        yield from ()
        raise MemoryError()


def test_the_python_api_still_raises(pipeline):
    with pytest.raises(AttributeError):
        pipeline.analyze(Article(id="x", text=marked(RAISES)))
    assert list(analyze_many([Article(id="g", text=GOOD)], limits=Limits()))[0].quotes


# --- bad inputs through analyze, ingest and the API ---------------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "deep.json": (DEEP.encode(), "JSON: nested too deeply"),
    "deep.jsonl": (DEEP.encode() + b"\n", "JSON: nested too deeply"),
    "nested.json": (('{"text": "A story.", "extra": ' + DEEP + "}").encode(), "JSON: nested too deeply"),
    "number.json": (b'{"text": 20250819}', "'text' must be a string, not a number"),
    "title.json": (json.dumps({"text": GOOD, "title": ["a", "list"]}).encode(), "'title' must be a string, not a list"),
    "date-type.json": (json.dumps({"text": GOOD, "published": 20250819}).encode(), "'published' must be a string"),
    "week.json": (json.dumps({"text": GOOD, "published": "2025-W34"}).encode(), "names a week, not a day"),
    "corrupt.warc": (b"WARC/1.0\r\nsome junk \x01\x02 here\r\n\r\n", "not a WARC file"),
    "raises.txt": (marked(RAISES).encode(), "analysis failed: AttributeError"),
}


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, (data, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "good-basic-date.json").write_text(json.dumps({"text": GOOD, "published": "20250819"}), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_bad_inputs_are_each_one_line_and_the_good_article_is_analysed(bad_inputs: Path):
    runs = {jobs: invoke("analyze", str(bad_inputs), "--format", "jsonl", "--jobs", jobs) for jobs in ("1", "2")}
    assert runs["1"].stdout == runs["2"].stdout
    for result in runs.values():
        assert result.exit_code == 1
        for name, (_, reason) in [*BAD_FILES.items(), ("pipe.txt", ("", "not a regular file (a FIFO)"))]:
            if name != "raises.txt":
                [line] = [
                    line
                    for line in result.stderr.splitlines()
                    if f"{bad_inputs / name}:" in line or f"{bad_inputs / name}[" in line
                ]
                assert reason in line, (name, line)
        assert len(lines_with(result.stderr, "analysis failed: AttributeError")) == 1
        [record] = [json.loads(line) for line in result.stdout.splitlines()]
        assert record["article"]["published"] == "2025-08-19" and record["quotes"]


def test_bad_inputs_through_ingest(bad_inputs: Path, tmp_path: Path):
    db = str(tmp_path / "corpus.db")
    result = invoke("ingest", str(bad_inputs), "--db", db, "--jobs", "2")
    assert result.exit_code == 1
    assert "new 1," in result.stderr and "skipped 9, failed 1" in result.stderr
    with newsgraph.open(db) as corpus:
        [stored] = corpus.articles()
    assert stored.published == "2025-08-19"


def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path: Path):
    for name, bom, codec in [
        ("le16.txt", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("be16.txt", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("le32.txt", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("u8.txt", codecs.BOM_UTF8, "utf-8"),
    ]:
        (tmp_path / name).write_bytes(bom + GOOD.encode(codec))
    items = list(iter_sources([str(tmp_path)]))
    assert [item.text for item in items] == [GOOD] * 4


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-08-19", "2025-08-19"),
        ("20250819", "2025-08-19"),
        ("2025-W34-2", "2025-08-19"),
        ("2025W342", "2025-08-19"),
        ("2025-08-19T23:10:00Z", "2025-08-19"),
        (" ", None),
    ],
)
def test_unambiguous_dates_are_normalised(value: str, day: str | None):
    assert normalise_published(value) == day


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-W34", "names a week"),
        ("2025-231", "is not a date"),
        ("2025-02-30", "day is out of range"),
        ("2025-0819", "is not a date"),
    ],
)
def test_ambiguous_or_invalid_dates_are_refused(value: str, reason: str):
    with pytest.raises(ValueError, match=reason):
        normalise_published(value)


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    with newsgraph.open(tmp_path / "api.db") as corpus:
        client = TestClient(create_app(corpus, ingest_token=TOKEN))
        client.headers["Authorization"] = f"Bearer {TOKEN}"
        yield client


NOT_ENGLISH = " ".join(["Der Minister sagte am Montag, dass die Gespräche nächste Woche weitergehen würden."] * 5)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (DEEP, "nested too deeply"),
        (
            json.dumps({"text": GOOD, "extra": json.loads("[" * 50 + "]" * 50)})[:-1] + ', "x": ' + DEEP + "}",
            "nested too deeply",
        ),
        (json.dumps({"text": 5}), "'text' must be a string, not a number"),
        (json.dumps({"text": GOOD, "published": "2025-W34"}), "names a week"),
        (json.dumps({"text": GOOD, "published": {"day": 1}}), "'published' must be a string, not an object"),
        (json.dumps({"text": NOT_ENGLISH}), "not English"),
        (json.dumps({"text": "word. " * 200_001}), "limit for one article"),
        (json.dumps({"text": marked(RAISES)}), "analysis failed: AttributeError"),
    ],
)
def test_the_api_answers_422_with_the_reason_and_goes_on(api: TestClient, body: str, reason: str):
    response = api.post("/api/articles", content=body.encode())
    assert response.status_code == 422 and reason in response.json()["detail"]
    assert "\n" not in response.json()["detail"]
    stored = api.post("/api/articles", json={"text": GOOD, "published": "20250819"})
    assert stored.status_code == 201
    assert api.get(stored.json()["record"]).json()["article"]["published"] == "2025-08-19"


# --- fetch deadline, workers dying with their parent, concurrent first opens ---------------------------------


class _Drip(BaseHTTPRequestHandler):
    """A feed that sends one byte at a time, forever unless stopped (here: at most 100 bytes)."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        for _ in range(100):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def log_message(self, *args: object) -> None:
        pass


def test_a_dripping_server_is_cut_off_at_the_fetch_deadline(monkeypatch: pytest.MonkeyPatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
        [problem] = list(iter_sources([url], fetch_timeout=5, fetch_deadline=1))
        assert time.monotonic() - start < 4
        assert problem.reason == "fetch failed: no complete response within the 1-second limit"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_ingest_is_killed(tmp_path: Path):
    for index in range(40):
        (tmp_path / f"{index:02}.txt").write_text(GOOD.replace("Monday", f"day {index}"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": SRC}
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "ingest",
            str(tmp_path),
            "--db",
            str(tmp_path / "c.db"),
            "--jobs",
            "2",
            "-q",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers did not start"
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_two_first_opens_of_a_new_sqlite_file_both_succeed(tmp_path: Path):
    code = "import sys; from newsgraph.api import Corpus; Corpus(sys.argv[1]).close()"
    env = {**os.environ, "PYTHONPATH": SRC}
    for round_ in range(3):
        db = str(tmp_path / f"new-{round_}.db")
        runs = [
            subprocess.Popen([sys.executable, "-c", code, db], env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        errors = [run.communicate()[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], errors
    with newsgraph.open(tmp_path / "new-0.db") as corpus:  # a usable corpus
        assert corpus.articles() == []


def test_a_name_whose_letters_fold_to_nothing_is_no_crash():
    """Characters with no ASCII reading (supplementary-plane ideographs) in a name next to a cue."""
    text = "\u201c\U000204a0 \U000404a0,\u201c spokesperson NATO Maria Lopez."
    (result,) = analyze_many([Article("fold", text)], jobs=1)
    assert isinstance(result, Analysis) and result.article.id == "fold"
