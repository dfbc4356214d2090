"""Article layout: paragraphs and headings (title-case lines without final punctuation)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

FINAL_PUNCT = tuple('.!?:;”"’)…»')
SMALL_WORDS = frozenset(
    "a an the and or but nor for of in on at to by with from as vs via over into amid after "
    "before than is are be its it his her their our your".split()
)
MAX_HEADING_WORDS = 16


@dataclass(frozen=True)
class Paragraph:
    """A line of the article: character range and whether it reads as a heading."""

    start: int
    end: int
    heading: bool


def is_heading(line: str) -> bool:
    """A short line without final punctuation whose content words are mostly capitalised, or a
    web-page label line ("READ MORE: …", "WATCH: …")."""
    stripped = line.strip()
    label, colon, _rest = stripped.partition(":")
    if colon and label.isupper() and len(label.split()) <= 3 and len(stripped.split()) <= MAX_HEADING_WORDS:
        return True
    if not stripped or stripped.endswith(FINAL_PUNCT):
        return False
    words = [w for w in stripped.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    content = [w for w in words if w.lower().strip("‘’'\"“”") not in SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w.lstrip("‘’'\"“”(")[:1].isupper())
    return capitalised / len(content) >= 0.75


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines of ``text`` with their offsets."""
    found, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append(Paragraph(pos, pos + len(line), is_heading(line)))
        pos += len(line) + 1
    return found


def heading_token_ids(doc: Doc, paras: list[Paragraph]) -> set[int]:
    """Indices of the tokens that lie in heading lines."""
    ids: set[int] = set()
    for para in paras:
        if para.heading:
            span = doc.char_span(para.start, para.end, alignment_mode="expand")
            if span is not None:
                ids.update(range(span.start, span.end))
    return ids


def paragraph_index(paras: list[Paragraph], char: int) -> int:
    """The index of the paragraph that holds character ``char`` (the last one before it)."""
    index = 0
    for i, para in enumerate(paras):
        if para.start <= char:
            index = i
        else:
            break
    return index
