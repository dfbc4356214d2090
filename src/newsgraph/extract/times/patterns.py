"""Recognition: the token patterns of temporal expressions and the matcher that finds them."""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.times.values import FUTURE_REF, PAST_REF
from newsgraph.lang.en.times import (
    COMING_WORDS,
    DAY_RE,
    DEICTIC_WORDS,
    EDGE_WORDS,
    FEW_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    PLURAL_UNITS,
    RELATIVE_WORDS,
    SEASONS,
    THIS_PARTS_OF_DAY,
    UNIT_EDGE_WORDS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
)

# Every pattern contains one of these words or a number of one of these shapes;
# the matcher only runs on windows around them.
TRIGGERS = frozenset(
    [
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *PARTS_OF_DAY,
        *UNITS,
        *PLURAL_UNITS,
        "weekend",
        *DEICTIC_WORDS,
        "ago",
        "recent",
        *COMING_WORDS,
        "ahead",
        "future",
    ]
)
TRIGGER_SHAPES = frozenset({"d", "dd", "dxx", "ddxx", "dddd", "ddddx", "xxx-dddd"})
WINDOW = 6  # no pattern is longer than 6 tokens

_YEAR_RE = r"^(1[89]|20)[0-9][0-9]$"  # ASCII digits only: values are ASCII
_YEAR = {"TEXT": {"REGEX": _YEAR_RE}}
_MIDYEAR = {"LOWER": {"REGEX": r"^mid-(1[89]|20)[0-9][0-9]$"}}
_DAY = {"LOWER": {"REGEX": DAY_RE}}
_MONTH = {"LOWER": {"IN": list(MONTHS)}}
_WEEKDAY = {"LOWER": {"IN": list(WEEKDAYS)}}
_PART = {"LOWER": {"IN": list(PARTS_OF_DAY)}, "OP": "?"}
_COMMA = {"ORTH": ",", "OP": "?"}
_EDGE = {"LOWER": {"IN": list(EDGE_WORDS)}, "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_REL = {"LOWER": {"IN": list(RELATIVE_WORDS)}}
_FEW: list[dict] = [{"LOWER": {"IN": list(FEW_WORDS)}}, {"LOWER": "of", "OP": "?"}]

# The patterns by label; the label picks the normaliser.
PATTERNS: dict[str, list[list[dict]]] = {
    "CAL": [
        [_EDGE, _MONTH, _DAY, _COMMA, _YEAR],
        [_EDGE, _MONTH, _DAY],
        [_DAY, _MONTH, _YEAR],
        [_DAY, _MONTH],
        [_THE, _DAY, {"LOWER": "of"}, _MONTH, _COMMA, _YEAR],
        [_THE, _DAY, {"LOWER": "of"}, _MONTH],
        [_WEEKDAY, _COMMA, _MONTH, _DAY, _COMMA, _YEAR],
        [_WEEKDAY, _COMMA, _MONTH, _DAY],
        [_EDGE, _MONTH, {"LOWER": "of", "OP": "?"}, _YEAR],
        [_EDGE, _MONTH],
        [_REL, _MONTH],
        [_EDGE, _YEAR],
        [_MIDYEAR],
    ],
    "ISO": [
        [
            _YEAR,
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^[0-9][0-9]$"}},
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^[0-9][0-9]$"}},
        ]
    ],
    "DECADE": [[_THE, _EDGE, {"TEXT": {"REGEX": r"^(1[89]|20)[0-9]0s$"}}]],
    "SEASON": [
        [{"LOWER": "this"}, {"LOWER": {"IN": list(SEASONS)}}],
        [_THE, {"LOWER": {"IN": list(SEASONS)}}, {"LOWER": "of", "OP": "?"}, _YEAR],
    ],
    "WEEKDAY": [[_WEEKDAY, _PART], [_REL, _WEEKDAY, _PART]],
    "REL_UNIT": [
        [
            {"LOWER": {"IN": list(UNIT_EDGE_WORDS)}, "OP": "?"},
            _REL,
            {"LOWER": {"IN": [*UNITS, "weekend"]}},
        ]
    ],
    "WEEKEND": [[{"LOWER": "the"}, {"LOWER": "weekend"}]],
    "DEICTIC": [
        [{"LOWER": {"IN": list(DEICTIC_WORDS)}}],
        [{"LOWER": {"IN": ["yesterday", "tomorrow"]}}, _PART],
        [{"LOWER": "this"}, {"LOWER": {"IN": list(THIS_PARTS_OF_DAY)}}],
        [{"LOWER": "last"}, {"LOWER": "night"}],
    ],
    "AGO": [
        [
            {"LOWER": {"IN": [*NUMBER_WORDS, *VAGUE_COUNTS]}},
            {"LOWER": {"IN": [*UNITS, *PLURAL_UNITS]}},
            {"LOWER": "ago"},
        ],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ago"}],
        [{"LOWER": "a"}, {"LOWER": "few"}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ago"}],
    ],
    FUTURE_REF: [
        [{"LOWER": "the"}, {"LOWER": "next"}, *_FEW, {"LOWER": {"IN": PLURAL_UNITS}}],
        [_THE, {"LOWER": {"IN": list(COMING_WORDS)}}, {"LOWER": {"IN": PLURAL_UNITS}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ahead"}],
        [{"LOWER": "the"}, {"LOWER": "near"}, {"LOWER": "future"}],
    ],
    PAST_REF: [[{"LOWER": "recent"}, {"LOWER": {"IN": PLURAL_UNITS}}]],
}


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    """The compiled matcher for one vocabulary (built once, then cached)."""
    matcher = Matcher(vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


def matches(doc: Doc) -> list[tuple[int, int, int]]:
    """Matcher hits (label id, start, end), matching only near trigger tokens for speed."""
    matcher = _matcher(doc.vocab)
    hits: list[tuple[int, int, int]] = []
    for start, end in _windows(doc):
        hits.extend((m, start + s, start + e) for m, s, e in matcher(doc[start:end]))
    return hits


def _windows(doc: Doc) -> list[tuple[int, int]]:
    """Merged token ranges of WINDOW tokens either side of each trigger token."""
    ranges: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ in TRIGGERS or token.shape_ in TRIGGER_SHAPES:
            start, end = max(0, token.i - WINDOW), min(len(doc), token.i + WINDOW)
            if ranges and start <= ranges[-1][1]:
                start = ranges.pop()[0]
            ranges.append((start, end))
    return ranges
