"""Stable article identity from normalised text (and URL when present)."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """NFC, collapsed whitespace, curly quotes and apostrophes made straight."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return " ".join(text.split())


def article_id(text: str, url: str | None = None) -> str:
    """A 16-hex-digit id that is the same for the same text (and URL) wherever it is read."""
    digest = hashlib.sha256()
    digest.update(normalise_text(text).encode("utf-8"))
    if url:
        digest.update(b"\x00" + url.strip().encode("utf-8"))
    return digest.hexdigest()[:16]
