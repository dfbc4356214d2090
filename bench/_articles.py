"""Reading benchmark inputs: ``newsgraph-gold/1`` files and article records with a ``text`` field."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.model import Article


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.json``/``.jsonl`` files named, or found (sorted, not recursive) in the folders named."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return files


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of one file: a JSON object, a JSON list of objects, or JSON lines."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        yield from (json.loads(line) for line in text.splitlines() if line.strip())
        return
    data = json.loads(text)
    yield from (data if isinstance(data, list) else [data])


def _published(value: Any) -> str | None:
    """A usable ``YYYY-MM-DD`` date or None (gold files write ``null`` or ``"None"``)."""
    if not isinstance(value, str) or len(value) < 10 or not value[:4].isdigit():
        return None
    return value[:10]


def to_article(record: dict[str, Any], fallback_id: str) -> Article:
    """An :class:`Article` from a gold file or an article record."""
    return Article(
        id=str(record.get("id") or fallback_id),
        text=record["text"],
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        published=_published(record.get("published")),
    )


def load_articles(paths: Iterable[str | Path], limit: int | None = None) -> list[Article]:
    """Articles (records with a string ``text``) from the inputs, in file order, at most ``limit``."""
    articles: list[Article] = []
    for path in input_files(paths):
        for index, record in enumerate(_records(path)):
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                articles.append(to_article(record, f"{path.stem}-{index}"))
            if limit is not None and len(articles) >= limit:
                return articles
    return articles
