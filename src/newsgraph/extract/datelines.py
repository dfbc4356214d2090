"""Datelines opening a paragraph ("KYIV, Ukraine — ", "OSLO/BERLIN The ministers …"): they name the place
a story was filed from, neither an actor, a speaker nor quoted content."""

from __future__ import annotations

import re

from newsgraph.extract.layout import DocLayout
from newsgraph.kb.gazetteer import place_country

# A dateline with its dash: "KYIV, Ukraine — ", "BEIJING (Reuters) - ".
DATELINE = re.compile(r"[A-Z]{2}[A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ ]{0,30}?)?(?: \([^)\n]{1,30}\))? [—–-]+ ")
# Capitals opening the article without the dash a feed dropped: "OSLO, Norway The minister …",
# "OSLO/BERLIN The ministers …"; a dateline only when every name in it is a place, or a place follows it
# before the sentence's own capitalised words ("PAJU, South Korea North Korea said").
BARE_DATELINE = re.compile(r"[A-Z]{3,}(?: [A-Z]{3,})*(?:/[A-Z]{3,}(?: [A-Z]{3,})*)*(?=,? [A-Z])")
# Entity labels of the place after a bare dateline's city ("OSLO, Norway The minister …").
PLACE_LABELS = frozenset({"GPE", "LOC"})


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
        after = _place_after(layout, bare.end()) if bare is not None else []
        if bare is not None and (after or all(place_country(name.title()) for name in bare.group().split("/"))):
            ids.update(t.i for t in layout.tokens_between(bare.start(), bare.end()))
            ids.update(after)
    return ids


def _place_after(layout: DocLayout, end: int) -> list[int]:
    """The place named after a bare dateline's city when the sentence goes on with another capitalised
    word ("SEOUL, South Korea North Korea said": "South Korea"), as token indices; else none."""
    after = list(layout.tokens_between(end, min(len(layout.text), end + 60)))
    if len(after) < 2 or after[0].text != "," or after[1].ent_type_ not in PLACE_LABELS:
        return []
    place = [after[1]]
    for token in after[2:]:
        if token.ent_iob_ != "I":
            break
        place.append(token)
    following = place[-1].nbor() if place[-1].i + 1 < len(place[-1].doc) else None
    if following is None or not following.text[:1].isupper():
        return []
    return [after[0].i, *(t.i for t in place)]
