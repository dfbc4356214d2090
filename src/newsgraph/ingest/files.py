"""Plain text and JSON records into ``Article`` records; ``Problem``, the reason an input was not read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsgraph.extract.layout import FINAL_PUNCT
from newsgraph.ingest.identity import article_id
from newsgraph.model import Article

MAX_ARTICLE_BYTES = 2_000_000  # one article: far above any news story
MAX_DOCUMENT_BYTES = 20_000_000  # one HTML page, feed or JSON file, read whole
MAX_RECORD_LINE_BYTES = 10_000_000  # one JSONL line: an article with its metadata, JSON-escaped
MAX_TITLE_CHARS = 300
READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Problem:
    """An input that was not read, and why (one line, naming the input)."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", " ".join(self.reason.split()))  # one line, whatever the library said

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of ``stream``, or ValueError once it holds more than ``limit`` bytes (decompression bombs stop here too)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(READ_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise ValueError(f"over the {size_text(limit)} limit for {what}")
    return b"".join(chunks)


def size_text(size: int) -> str:
    """A byte count for messages: "2 MB", "512 bytes"."""
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size:,} bytes"


def read_document(stream: BinaryIO, limit: int = MAX_DOCUMENT_BYTES, what: str = "one document") -> bytes:
    """A whole input that must not be empty, bounded like ``read_bounded``."""
    data = read_bounded(stream, limit, what)
    if not data:
        raise ValueError("empty file")
    return data


def decode(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises ValueError with a reason for binary or other encodings."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (invalid byte at offset {exc.start}); convert it to UTF-8") from exc
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise ValueError("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_title(text: str) -> tuple[str | None, str]:
    """A first line without final punctuation, followed by more text, is the title."""
    stripped = text.strip("\n")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if rest.strip() and first and len(first) <= MAX_TITLE_CHARS and not first.endswith(FINAL_PUNCT):
        return first, rest.strip("\n")
    return None, stripped


def article_from_text(text: str, source_name: str | None = None, published: str | None = None) -> Article:
    """An article from plain text."""
    title, body = split_title(text)
    if not body.strip():
        raise ValueError("no text")
    return Article(id=article_id(body), text=body, title=title, source=source_name, published=published)


def article_from_record(record: object, published: str | None = None) -> Article:
    """An article from a JSON record: ``text`` required; title, published, url, source, id optional."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no 'text'")
    text = text.replace("\r\n", "\n")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ValueError(f"record text is over the {MAX_ARTICLE_BYTES // 1_000_000} MB limit for one article")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "", "None") else None

    url = optional("url")
    return Article(
        id=optional("id") or article_id(text, url),
        text=text,
        title=optional("title"),
        source=optional("source"),
        url=url,
        published=published or optional("published"),
    )


def read_text(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """One article from a plain-text file."""
    yield article_from_text(decode(read_document(stream, MAX_ARTICLE_BYTES, "one article")), None, published)


def read_json(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from a JSON file: one record or a list of records."""
    try:
        data = json.loads(decode(read_document(stream)))
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from exc
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield _record_or_problem(record, published, f"{where}[{index}]")


def read_jsonl(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from a JSON Lines stream, one line at a time."""
    number = 0
    while raw := stream.readline(MAX_RECORD_LINE_BYTES + 1):
        number += 1
        line = f"{where}:{number}"
        if len(raw) > MAX_RECORD_LINE_BYTES:
            yield Problem(line, f"line over the {size_text(MAX_RECORD_LINE_BYTES)} limit for one record")
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(MAX_RECORD_LINE_BYTES)
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw))
        except ValueError as exc:
            yield Problem(line, f"invalid JSON line: {exc}")
            continue
        yield _record_or_problem(record, published, line)
    if number == 0:
        raise ValueError("empty file")


def _record_or_problem(record: object, published: str | None, where: str) -> Article | Problem:
    try:
        return article_from_record(record, published)
    except ValueError as exc:
        return Problem(where, str(exc))


def read_inputs(paths: list[str], published: str | None = None) -> Iterator[Article | Problem]:
    """Articles and problems from every input, in order: the sources of ``iter_sources`` (``newsgraph analyze``)."""
    from newsgraph.ingest.sources import iter_sources  # sources builds on this module

    return iter_sources(paths, published)
