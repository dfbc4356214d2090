"""Character ranges of quotes: trimmed token runs, whole words, pieces of one clause joined."""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.lang.en.quotes import LEADING_MARKS, QUOTE_MARKS

WORD = re.compile(r"\w+(?:[-‐]\w+)*")  # a word, hyphenated ones whole
# What may lie between two pieces of one reported clause: "co" + "-" + "chair", "“terrorists” left".
PIECE_GAP = re.compile(r"[\s\-‐“”\"‘’]*")


def is_mark(token: Token) -> bool:
    """A quotation mark."""
    return token.text in QUOTE_MARKS


def trim(tokens: list[Token], datelines: set[int]) -> tuple[int, int] | None:
    """Character range of tokens without leading "that", dateline tokens and edge punctuation
    (quote marks kept); None for fewer than two tokens left."""
    tokens = sorted(tokens, key=lambda t: t.i)  # an object or clause put before may come from later
    while tokens and (
        tokens[0].lower_ in LEADING_MARKS or tokens[0].is_punct and not is_mark(tokens[0]) or tokens[0].i in datelines
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and not is_mark(tokens[-1]):
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def joined_pieces(text: str, contents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of one reported clause that the parser hung on the cue separately ("would co" +
    "chair …", "on condition “terrorists”" + "left …"): adjacent ranges become one."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(contents):
        if joined and PIECE_GAP.fullmatch(text, joined[-1][1], start) is not None:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The range widened to whole words: a span never starts or ends inside a word ("co-chair")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for word in WORD.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if word.start() < start < word.end():
            start = word.start()
        if word.start() < end < word.end():
            end = word.end()
        if word.start() >= end:
            break
    return start, end
