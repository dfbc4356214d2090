"""Compressed inputs: gzip streams and the members of zip archives, with bounds on what they expand to."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from typing import IO, BinaryIO

from newsgraph.ingest.files import size_text
from newsgraph.problems import Problem

MAX_MEMBER_BYTES = 50_000_000


def gunzip(stream: BinaryIO) -> BinaryIO:
    """The decompressed stream (concatenated gzip members included); errors surface while reading."""
    return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]


class BoundedReader(io.RawIOBase):
    """A stream that fails once more than ``limit`` bytes come out of it (a member bigger than it claims)."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream = stream
        self.left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.stream.read(min(len(buffer), self.left + 1))
        if len(data) > self.left:
            raise ValueError(f"expands past its declared size or the {size_text(MAX_MEMBER_BYTES)} member limit")
        self.left -= len(data)
        buffer[: len(data)] = data
        return len(data)


def zip_members(stream: BinaryIO, where: str) -> Iterator[tuple[str, str, BinaryIO] | Problem]:
    """(where, member name, bounded stream) for each file in a zip archive, by name; Problems for those not read.

    Directories, hidden members and ``__MACOSX`` resource forks are skipped silently.
    """
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile as exc:
        yield Problem(where, f"not a valid zip archive ({exc})")
        return
    with archive:
        members = sorted((info for info in archive.infolist() if _wanted(info)), key=lambda info: info.filename)
        if not members:
            yield Problem(where, "zip archive has no files")
        for info in members:
            member = f"{where}[{info.filename}]"
            if info.file_size > MAX_MEMBER_BYTES:
                yield Problem(
                    member,
                    f"member of {size_text(info.file_size)} is over the "
                    f"{size_text(MAX_MEMBER_BYTES)} limit for one member",
                )
                continue
            try:
                opened = archive.open(info)
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:  # encrypted, unknown method
                yield Problem(member, f"cannot open the member ({exc})")
                continue
            with opened:
                yield member, info.filename, io.BufferedReader(BoundedReader(opened, info.file_size))


def _wanted(info: zipfile.ZipInfo) -> bool:
    parts = info.filename.split("/")
    return not info.is_dir() and parts[0] != "__MACOSX" and not any(part.startswith(".") for part in parts)
