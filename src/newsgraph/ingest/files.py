"""Reading article files (.txt, .json, .jsonl, stdin) into ``Article`` records, with reasons for what is skipped."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.extract.layout import FINAL_PUNCT
from newsgraph.ingest.identity import article_id
from newsgraph.model import Article

MAX_ARTICLE_BYTES = 2_000_000  # one article: far above any news story
MAX_RECORDS_FILE_BYTES = 2_000_000_000  # a .jsonl stream is read line by line
TEXT_SUFFIXES = {".txt", ".text"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | RECORD_SUFFIXES
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class Problem:
    """An input that was not read, and why (one line, naming the input)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


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


def _read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise ValueError("empty file")
    if size > limit:
        raise ValueError(f"file is {size / 1_000_000:.1f} MB, over the {limit / 1_000_000:.0f} MB limit for one article")
    return path.read_bytes()


def read_path(path: Path, published: str | None = None) -> Iterator[Article | Problem]:
    """Articles (or problems) from one file."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            text = decode(_read_limited(path, MAX_ARTICLE_BYTES))
            yield article_from_text(text, None, published)
        elif suffix == ".json":
            text = decode(_read_limited(path, MAX_ARTICLE_BYTES * 10))
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
            for index, record in enumerate(records):
                yield _record_or_problem(record, published, f"{path}[{index}]")
        elif suffix in {".jsonl", ".ndjson"}:
            yield from _read_jsonl(path, published)
        else:
            yield Problem(str(path), f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUPPORTED))}")
    except (ValueError, OSError) as exc:
        yield Problem(str(path), str(exc) if not isinstance(exc, json.JSONDecodeError) else f"invalid JSON: {exc}")


def _record_or_problem(record: object, published: str | None, where: str) -> Article | Problem:
    try:
        return article_from_record(record, published)
    except ValueError as exc:
        return Problem(where, str(exc))


def _read_jsonl(path: Path, published: str | None) -> Iterator[Article | Problem]:
    if path.stat().st_size == 0:
        raise ValueError("empty file")
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(decode(raw))
            except ValueError as exc:
                yield Problem(where, f"invalid JSON line: {exc}")
                continue
            yield _record_or_problem(record, published, where)


def read_stdin(published: str | None = None) -> Iterator[Article | Problem]:
    """One article from standard input: a JSON record if it parses as one, else plain text."""
    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    try:
        if len(data) > MAX_ARTICLE_BYTES:
            raise ValueError("input is over the limit for one article")
        if not data.strip():
            raise ValueError("empty input")
        text = decode(data)
        stripped = text.lstrip()
        if stripped.startswith("{"):
            try:
                yield article_from_record(json.loads(text), published)
                return
            except json.JSONDecodeError:
                pass
        yield article_from_text(text, None, published)
    except ValueError as exc:
        yield Problem("-", str(exc))


def expand(paths: list[str]) -> Iterator[Path | str]:
    """Files named, and the files under directories (recursively, sorted); "-" passes through."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def read_inputs(paths: list[str], published: str | None = None) -> Iterator[Article | Problem]:
    """Articles and problems from every input, in order."""
    for item in expand(paths):
        if item == "-":
            yield from read_stdin(published)
        elif not Path(item).exists():
            yield Problem(str(item), "no such file or directory")
        else:
            yield from read_path(Path(item), published)
