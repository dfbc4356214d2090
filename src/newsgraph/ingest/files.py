"""Plain text and JSON records into ``Article`` records, or a ``Problem`` saying why an input was not read."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from newsgraph.ingest.dates import normalise_published
from newsgraph.ingest.identity import article_id
from newsgraph.ingest.language import looks_english
from newsgraph.lang.en.punctuation import FINAL_PUNCT
from newsgraph.model import Article
from newsgraph.problems import Problem

MAX_ARTICLE_BYTES = 2_000_000  # one article: far above any news story
MAX_DOCUMENT_BYTES = 20_000_000  # one HTML page, feed or JSON file, read whole
MAX_RECORD_LINE_BYTES = 10_000_000  # one JSONL line: an article with its metadata, JSON-escaped
MAX_TITLE_CHARS = 300
READ_CHUNK = 1 << 20
# One article must fit the spaCy pipeline (its default max_length, a memory bound of the parser).
MAX_ARTICLE_CHARS = 1_000_000
RECORD_FIELDS = ("title", "published", "url", "source", "id")
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
JSON_TYPES = {dict: "an object", list: "a list", int: "a number", float: "a number", bool: "true or false"}


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
    """UTF-8, or UTF-8/16/32 with a byte-order mark (dropped); ValueError with a reason for binary
    data or other encodings."""
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding in (None, "utf-8-sig") else encoding.upper()
        raise ValueError(f"not {name} text (invalid byte at offset {exc.start}); convert it to UTF-8") from exc
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise ValueError("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_json(text: str | bytes) -> object:
    """A JSON document; ValueError with a one-line reason when it is invalid or nested too deeply."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("invalid JSON: nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from exc


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
    """An article from a JSON record: ``text`` required; title, published, url, source, id optional
    strings (``published`` normalised to YYYY-MM-DD). ValueError with a reason for anything else."""
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a JSON object, not {_json_type(record)}")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise ValueError(f"record 'text' must be a string, not {_json_type(text)}")
    if not text or not text.strip():
        raise ValueError("record has no 'text'")
    text = text.replace("\r\n", "\n")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        raise ValueError(f"record text is over the {MAX_ARTICLE_BYTES // 1_000_000} MB limit for one article")
    fields = {key: _optional_string(record, key) for key in RECORD_FIELDS}
    return Article(
        id=fields["id"] or article_id(text, fields["url"]),
        text=text,
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        published=published or normalise_published(fields["published"]),
    )


def _optional_string(record: dict, key: str) -> str | None:
    """A record's optional string field (absent, null, "" and "None" are None); ValueError for other types."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"record '{key}' must be a string, not {_json_type(value)}")
    return value if value not in ("", "None") else None


def _json_type(value: object) -> str:
    return JSON_TYPES.get(type(value), type(value).__name__)


def unfit_reason(article: Article) -> str | None:
    """Why an article cannot be analysed (too long for the pipeline, not English), or None."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        return (
            f"article is {len(article.text):,} characters, over the "
            f"{MAX_ARTICLE_CHARS:,}-character limit for one article"
        )
    if not looks_english(article.text):
        return "not English text (too few English function words); newsgraph analyses English news"
    return None


def read_text(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """One article from a plain-text file."""
    yield article_from_text(decode(read_document(stream, MAX_ARTICLE_BYTES, "one article")), None, published)


def read_json(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from a JSON file: one record or a list of records."""
    data = parse_json(decode(read_document(stream)))
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
            record = parse_json(decode(raw))
        except ValueError as exc:
            yield Problem(line, str(exc))
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
