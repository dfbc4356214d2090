"""Datelines opening a paragraph ("KYIV, Ukraine — ", "OSLO/BERLIN The ministers …"): they name the place
a story was filed from, neither an actor, a speaker nor quoted content."""

from __future__ import annotations

import re

from newsgraph.extract.layout import DocLayout
from newsgraph.kb.gazetteer import place_country

# A dateline with its dash: "KYIV, Ukraine — ", "BEIJING (Reuters) - ".
DATELINE = re.compile(r"[A-Z]{2}[A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ ]{0,30}?)?(?: \([^)\n]{1,30}\))? [—–-]+ ")
# Capitals opening the article without the dash a feed dropped: "OSLO, Norway The minister …",
# "OSLO/BERLIN The ministers …"; a dateline only when every name in it is a place.
BARE_DATELINE = re.compile(r"[A-Z]{3,}(?: [A-Z]{3,})*(?:/[A-Z]{3,}(?: [A-Z]{3,})*)*(?=,? [A-Z])")


def dateline_tokens(layout: DocLayout) -> set[int]:
    """Indices of the tokens of the datelines in a document."""
    ids: set[int] = set()
    for paragraph in layout.paras:
        match = DATELINE.match(layout.text, paragraph.start, paragraph.end)
        if match is not None:
            ids.update(t.i for t in layout.tokens_between(match.start(), match.end()))
    if layout.paras:
        opening = layout.paras[0]
        bare = BARE_DATELINE.match(layout.text, opening.start, opening.end)
        if bare is not None and all(place_country(name.title()) for name in bare.group().split("/")):
            ids.update(t.i for t in layout.tokens_between(bare.start(), bare.end()))
    return ids
