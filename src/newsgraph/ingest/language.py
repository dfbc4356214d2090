"""A cheap check that a text is English: newsgraph's pipeline and rules are English only."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORDS = 30  # shorter texts are not judged
MIN_STOPWORD_SHARE = 0.2  # English news prose runs at 35-50 % function words
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20_000


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and has too few English function words."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return True
    return sum(1 for w in words if w in STOP_WORDS) / len(words) >= MIN_STOPWORD_SHARE
