"""Article layout: paragraphs and headings (title-case lines without final punctuation)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quotemarks import Quotation, find_quotations, line_spans
from newsgraph.lang.en.punctuation import FINAL_PUNCT

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
    if (
        colon
        and label.isupper()
        and len(label.split()) <= 3
        and (len(stripped.split()) <= MAX_HEADING_WORDS or not stripped.endswith("."))
    ):
        return True  # "READ MORE: …" links; a long "FED TALK: …" paragraph of sentences is body text
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
    return [Paragraph(start, end, is_heading(text[start:end])) for start, end in line_spans(text)]


def heading_token_ids(doc: Doc, paras: list[Paragraph]) -> set[int]:
    """Indices of the tokens that lie in heading lines."""
    ids: set[int] = set()
    for para in paras:
        if para.heading:
            span = doc.char_span(para.start, para.end, alignment_mode="expand")
            if span is not None:
                ids.update(range(span.start, span.end))
    return ids


@dataclass
class DocLayout:
    """What the extractors ask of a document's layout, computed once per document.

    ``doc.text`` is rebuilt by spaCy on every access, and scanning tokens for offsets is linear:
    this keeps the text, token offsets (for bisection), paragraphs, quotations and which tokens
    lie inside a quotation or a heading.
    """

    doc: Doc
    text: str
    starts: list[int]
    paras: list[Paragraph]
    para_starts: list[int]
    quotations: list[Quotation]
    quoted: bytearray
    heading_tokens: set[int]

    def token_at_or_after(self, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        i = bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.starts) else None

    def tokens_between(self, start: int, end: int) -> Span:
        """Tokens starting in [start, end)."""
        return self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding ``char`` (the last one starting before it)."""
        return max(bisect_right(self.para_starts, char) - 1, 0)

    def in_quotation(self, token: Token) -> bool:
        """True when the token lies inside a quotation's marks."""
        return bool(self.quoted[token.i])


def layout_of(doc: Doc) -> DocLayout:
    """The document's layout, cached in ``doc.user_data``."""
    cached = doc.user_data.get("newsgraph_layout")
    if cached is not None:
        return cached
    text = doc.text
    starts = [t.idx for t in doc]
    paras = paragraphs(text)
    quotations = find_quotations(text)
    quoted = bytearray(len(starts))
    for q in quotations:
        for i in range(bisect_left(starts, q.inner_start), bisect_left(starts, q.inner_end)):
            quoted[i] = 1
    layout = DocLayout(
        doc, text, starts, paras, [p.start for p in paras], quotations, quoted, heading_token_ids(doc, paras)
    )
    doc.user_data["newsgraph_layout"] = layout
    return layout
