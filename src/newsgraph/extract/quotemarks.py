"""Pairing quotation marks into quotations, robust to stray and unbalanced marks.

Works per paragraph (a line of the article). Curly double marks and guillemets pair
unambiguously; straight double marks are decided by the characters around them; single
curly marks only pair when they cannot be apostrophes. A paragraph that opens a quotation
and never closes it continues into the next paragraph when that one opens a quotation too
(the newswire convention for multi-paragraph quotes); an unclosed mark that starts a sentence
quotes to the end of its paragraph (a closing mark left out); any other unclosed mark is
dropped. Pairing never crosses a paragraph, so one stray mark cannot shift later quotations.
Marks with nothing between them quote nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSERS = {"”", "»", "›"}
STRAIGHT = '"'


@dataclass(frozen=True)
class Quotation:
    """A quoted region: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    continues: bool = False  # runs on into the next paragraph's quotation


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _straight_is_opening(text: str, i: int, is_open: bool) -> bool | None:
    """Decide whether a straight double mark at ``i`` opens (True), closes (False) or is stray."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = (before.isspace() or before in "([{—–-:/") and not after.isspace()
    can_close = not before.isspace()
    if is_open and can_close:
        return False
    if not is_open and can_open:
        return True
    return None


def _single_pairs(text: str, start: int, end: int, taken: list[Quotation]) -> list[Quotation]:
    """‘…’ pairs outside double quotations, where the closing mark is not an apostrophe."""
    found: list[Quotation] = []
    i = start
    while i < end:
        if text[i] == "‘" and (i == 0 or not text[i - 1].isalnum()):
            j = i + 1
            while j < end:
                nxt = text[j + 1] if j + 1 < len(text) else " "
                if text[j] == "’" and not nxt.isalpha():
                    break
                j += 1
            if j < end and not any(q.start <= i < q.end for q in taken):
                found.append(Quotation(i, j + 1, i + 1, j))
                i = j
        i += 1
    return found


def _opens_sentence(text: str, paragraph_start: int, at: int) -> bool:
    """True when a mark at ``at`` starts its paragraph or follows the end of a sentence."""
    before = text[paragraph_start:at].rstrip()
    return not before or before[-1] in ".!?:"


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in ``text``, in order; multi-paragraph quotes are chained by ``continues``."""
    quotations: list[Quotation] = []
    paragraphs = line_spans(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        found, open_at = _double_pairs(text, p_start, p_end)
        if open_at is not None:
            next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            unclosed = _unclosed(text, p_start, p_end, open_at, next_start)
            found.extend([unclosed] if unclosed is not None else [])
        found.extend(_single_pairs(text, p_start, p_end, found))
        quotations.extend(q for q in sorted(found, key=lambda q: q.start) if not _is_empty(text, q))
    return quotations


def _double_pairs(text: str, start: int, end: int) -> tuple[list[Quotation], int | None]:
    """The double-mark quotations closed within ``text[start:end]``, and where a mark left open opened."""
    open_at: int | None = None
    open_mark = ""
    found: list[Quotation] = []
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS and not (ch == "“" and open_mark == "„"):
            open_at, open_mark = i, ch
        elif ch in CLOSERS or (ch == "“" and open_mark == "„"):
            if open_at is not None:
                found.append(Quotation(open_at, i + 1, open_at + 1, i))
                open_at, open_mark = None, ""
        elif ch == STRAIGHT:
            opening = _straight_is_opening(text, i, open_mark == STRAIGHT)
            if opening is True and open_at is None:
                open_at, open_mark = i, STRAIGHT
            elif opening is False and open_mark == STRAIGHT and open_at is not None:
                found.append(Quotation(open_at, i + 1, open_at + 1, i))
                open_at, open_mark = None, ""
    return found, open_at


def _unclosed(text: str, p_start: int, p_end: int, open_at: int, next_start: int | None) -> Quotation | None:
    """A mark left open at ``open_at``: a quotation running on into the next paragraph when that one
    opens a quotation, to the paragraph's end when it opens a sentence, else none."""
    if next_start is not None and (text[next_start] in OPENERS or text[next_start] == STRAIGHT):
        return Quotation(open_at, p_end, open_at + 1, p_end, continues=True)
    if _opens_sentence(text, p_start, open_at):
        return Quotation(open_at, p_end, open_at + 1, p_end)  # the closing mark was left out
    return None


def _is_empty(text: str, quotation: Quotation) -> bool:
    """Marks with nothing but spaces between them ("‹›", "“ ”") quote nothing."""
    return not text[quotation.inner_start : quotation.inner_end].strip()
