"""A cheap check that a text is English: newsgraph's pipeline and rules are English only."""

from __future__ import annotations

import re
from functools import cache

MIN_WORDS = 30  # shorter texts are not judged
MIN_STOPWORD_SHARE = 0.2  # English news prose runs at 35-50 % function words
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20_000


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English function words, imported on the first text judged (importing spaCy takes a second,
    so reading inputs does not pay it before there is a text to judge)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and has too few English function words."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return True
    stop_words = _stop_words()
    return sum(1 for w in words if w in stop_words) / len(words) >= MIN_STOPWORD_SHARE
