"""Temporal expressions -> TIMEX3-style values relative to the publication date.

``extract_times(doc, published)`` runs these steps:

1. recognition (``patterns``): a token ``Matcher`` (one per ``Vocab``, built once) over windows
   around trigger words and number shapes;
2. admission (``admission``): sets ("every Tuesday"), fiscal periods and parts of names go; the
   model's DATE entities gate the ambiguous ones (bare years, bare month names);
3. normalisation (``normalise``): each label's value, anchored on the publication date (TIMEX3
   strings and calendar arithmetic in ``values``); weekdays, bare months and the weekend take
   their direction (past or future) from the governing verb in the dependency parse (``tense``).
   Without a publication date only absolute values (full dates, month + year, years, decades)
   are kept;
4. overlaps: the longest expression wins (spaCy's ``filter_spans``).

The words it reads by are language data in ``lang/en/times.py``.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.extract.times.admission import admissible
from newsgraph.extract.times.normalise import normalise
from newsgraph.extract.times.patterns import matches
from newsgraph.model import TimeExpr


def extract_times(doc: Doc, published: dt.date | None) -> list[TimeExpr]:
    """Temporal expressions of ``doc`` with TIMEX3-style values, sorted by offset."""
    resolved: dict[tuple[int, int], str] = {}
    spans = []
    for match_id, start, end in matches(doc):
        span = Span(doc, start, end, label=match_id)
        value = normalise(span, published) if admissible(span) else None
        if value:
            resolved[start, end] = value
            spans.append(span)
    return [
        TimeExpr(text=s.text, start=s.start_char, end=s.end_char, value=resolved[s.start, s.end])
        for s in sorted(filter_spans(spans), key=lambda s: s.start)
    ]
