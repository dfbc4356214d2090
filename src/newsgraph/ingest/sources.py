"""Sources (files, directories, globs, stdin, feed URLs) into articles: the one entry point of ingest.

Each input is read by the reader for its suffix (``.gz`` unwrapped first, ``.zip`` members each by
their own suffix) or, without a known suffix, for what its first bytes look like.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.ingest.archives import gunzip, zip_members
from newsgraph.ingest.feeds import feed_articles, looks_like_feed, read_feed
from newsgraph.ingest.fetch import fetch, is_url
from newsgraph.ingest.files import parse_json, read_json, read_jsonl, read_text, unfit_reason
from newsgraph.ingest.html import read_html
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Article
from newsgraph.problems import Problem

Reader = Callable[[BinaryIO, str, str | None], Iterator[Article | Problem]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".warc": read_warc,
}
ARCHIVE_SUFFIXES = (".gz", ".zip")
READ_ERRORS = (ValueError, OSError, EOFError, zlib.error, zipfile.BadZipFile)
SNIFF_BYTES = 64 * 1024
GLOB_CHARS = frozenset("*?[")


def iter_sources(
    sources: list[str],
    published: str | None = None,
    *,
    fetch_timeout: float = 20.0,
    max_fetch_bytes: int = 20_000_000,
    fetch_deadline: float = 60.0,
) -> Iterator[Article | Problem]:
    """Every article (or problem, with a one-line reason naming the input) from the sources, in order.

    A source is a file, a directory (recursive, sorted, hidden files skipped), a glob pattern,
    "-" (stdin), or the http(s) URL of an RSS/Atom feed, fetched within ``fetch_timeout`` seconds per
    read and ``fetch_deadline`` in all. ``published`` (YYYY-MM-DD) overrides the dates the inputs carry.
    """
    for source in sources:
        yield from _from_source(source, published, (fetch_timeout, max_fetch_bytes, fetch_deadline))


def _checked(where: str, items: Iterator[Article | Problem]) -> Iterator[Article | Problem]:
    """Items of one input, with articles that cannot be analysed turned into problems."""
    for item in items:
        reason = unfit_reason(item) if isinstance(item, Article) else None
        yield item if reason is None else Problem(where, reason)


def _from_source(
    source: str, published: str | None, fetch_bounds: tuple[float, int, float]
) -> Iterator[Article | Problem]:
    """Articles and problems of one source, by kind."""
    if source == "-":
        yield from _checked("-", read_stream("-", "", sys.stdin.buffer, published, default=read_text))
    elif is_url(source):
        try:
            data = fetch(source, *fetch_bounds)
        except ValueError as exc:
            yield Problem(source, str(exc))
            return
        yield from _checked(source, feed_articles(data, source, published))
    else:
        for path in expand(source):
            if isinstance(path, Problem):
                yield path
            else:
                yield from _checked(str(path), read_file(path, published))


def expand(source: str) -> Iterator[Path | Problem]:
    """The files a path, directory or glob pattern names, sorted; hidden files and folders skipped."""
    path = Path(source)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif GLOB_CHARS & set(source):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield Problem(source, "no files match the pattern")
        for match in matches:
            yield from _walk(Path(match)) if os.path.isdir(match) else [Path(match)]
    else:
        yield Problem(source, "no such file or directory")


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    return sorted(found)


def read_file(path: Path, published: str | None) -> Iterator[Article | Problem]:
    """Articles (or problems) from one file."""
    where = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Problem(where, f"not a regular file ({_file_kind(info.st_mode)}); only files are read")
            return
        if info.st_size == 0:
            yield Problem(where, "empty file")
            return
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(where, f"cannot read the file ({exc.strerror or exc})")
        return
    with handle:
        yield from read_stream(where, path.name, handle, published)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def read_stream(
    where: str,
    name: str,
    stream: BinaryIO,
    published: str | None,
    *,
    nested: bool = False,
    default: Reader | None = None,
) -> Iterator[Article | Problem]:
    """Articles from a stream whose file name is ``name``: by suffix, else by content, else ``default``.

    ``nested`` marks a stream inside an archive or gzip file, where a zip (which needs seeking) is refused.
    """
    lower = name.lower()
    if lower.endswith(".zip"):
        if nested:
            yield Problem(where, "a zip archive inside another archive is not read")
            return
        for member in zip_members(stream, where):
            if isinstance(member, Problem):
                yield member
            else:
                yield from read_stream(*member, published, nested=True)
        return
    if lower.endswith(".gz"):
        yield from read_stream(where, name[: -len(".gz")], gunzip(stream), published, nested=True, default=default)
        return
    suffix = Path(lower).suffix
    try:
        reader = READERS.get(suffix)
        if reader is None:
            head = stream.read(SNIFF_BYTES)
            stream = io.BufferedReader(_Replay(head, stream))
            reader = sniff(head) or default
        if reader is None:
            yield Problem(
                where,
                f"unsupported file type {suffix or '(none)'}; expected one of "
                f"{', '.join(sorted([*READERS, *ARCHIVE_SUFFIXES]))}",
            )
            return
        yield from reader(stream, where, published)
    except READ_ERRORS as exc:
        yield Problem(where, _reason(exc))


def sniff(head: bytes) -> Reader | None:
    """The reader for a document that starts with ``head`` (feed, HTML, WARC, JSON), if it is one of those."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:2048].lower()
    if lowered.startswith(b"warc/"):
        return read_warc
    if lowered.startswith(b"<"):
        if looks_like_feed(lowered):
            return read_feed
        if b"<html" in lowered or b"<!doctype html" in lowered:
            return read_html
    if lowered.startswith(b"["):
        return read_json
    if lowered.startswith(b"{"):
        first, newline, _ = start.partition(b"\n")
        return read_jsonl if not newline or _is_json(first) else read_json
    return None


def _is_json(data: bytes) -> bool:
    try:
        parse_json(data)
    except ValueError:
        return False
    return True


def _reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return f"truncated compressed data ({exc})"
    if isinstance(exc, zlib.error | zipfile.BadZipFile):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read ({exc.strerror})"
    return str(exc)


class _Replay(io.RawIOBase):
    """A stream that gives back the bytes already read for sniffing (``head``) before the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = memoryview(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
