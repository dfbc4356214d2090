"""WARC archives (warcio), the CC-NEWS layout: one article per HTML response record, read as a stream."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph.ingest.files import MAX_DOCUMENT_BYTES, read_bounded
from newsgraph.ingest.html import article_from_html, iso_date
from newsgraph.model import Article
from newsgraph.problems import Problem


class _CutGuard:
    """A stream on which a cut-off compressed end (``EOFError`` from gzip) reads as the end, remembered in ``cut``.

    warcio takes an ``EOFError`` for a clean end of the archive, so without this a truncated
    ``.warc.gz`` would lose its last records silently.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.cut = False
        self.at_end = False

    def read(self, size: int = -1) -> bytes:
        read = getattr(self.stream, "read1", self.stream.read)  # read() would drop the bytes before the cut
        try:
            data = read(size)
        except EOFError:
            self.cut = True
            data = b""
        self.at_end = self.at_end or not data
        return data


def read_warc(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from the HTML responses of a WARC stream (decompressed already when it was ``.warc.gz``).

    Other records are skipped. A record whose page fails gives a Problem naming its URI; a
    truncated archive keeps the records before the cut and ends with one Problem.
    """
    guard = _CutGuard(stream)
    archive = ArchiveIterator(guard)
    records = iter(archive)
    complete = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises assorted errors (even AttributeError) on a cut or corrupt header
            if complete == 0 and not guard.cut:
                yield Problem(where, f"not a WARC file ({exc})")
            elif guard.at_end:
                yield Problem(where, _truncated(complete))
            else:
                yield Problem(where, f"invalid WARC record after {complete} records ({exc})")
            return
        if not record.rec_type:  # warcio reads a version line followed by junk as a record without headers
            yield Problem(
                where,
                "not a WARC file (no WARC headers after the version line)"
                if complete == 0
                else f"invalid WARC record after {complete} records (no WARC-Type header)",
            )
            return
        item = _article(record, where, published) if _is_html_response(record) else None
        archive.read_to_end()
        if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
            yield Problem(where, _truncated(complete))
            return
        complete += 1
        if item is not None:
            yield item
    if guard.cut:
        yield Problem(where, _truncated(complete))
    elif complete == 0:
        yield Problem(where, "no WARC records")


def _truncated(records: int) -> str:
    return f"truncated WARC after {records} records"


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2") and "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def _article(record: Any, where: str, published: str | None) -> Article | Problem:
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>") or None
    try:
        payload = read_bounded(record.content_stream(), MAX_DOCUMENT_BYTES, "one page")
        return article_from_html(
            payload,
            url=uri,
            published=published,
            fallback_date=iso_date(record.rec_headers.get_header("WARC-Date")),
        )
    except (ValueError, OSError) as exc:
        return Problem(f"{where}[{uri or 'record without URI'}]", str(exc))
