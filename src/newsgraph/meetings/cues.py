"""Wording cues of the sentence around a meeting's evidence: its round ("the second round"), its mediators
("US-brokered", "hosted by Qatar"), whether its date is its end ("the talks that ended Thursday"), and what it
produced ("agreed to exchange 300 prisoners"). Plain text rules over the stored article text, no parser."""

from __future__ import annotations

import re

from newsgraph.lang.en.meetings import (
    ABBREVIATIONS,
    CALL_OFF_VERBS,
    CANCEL_SKIPPED,
    CANCEL_WORDS,
    CARDINALS,
    CLAUSE_BREAKS,
    END_WORDS,
    MAX_CANCEL_SKIP,
    MEDIATION_NOUNS,
    MEDIATION_SUFFIXES,
    MEDIATION_WORDS,
    NOT_OUTCOMES,
    ORDINALS,
    OUTCOME_CUES,
    OUTCOME_NEXT,
    OUTCOME_STOPS,
    PASSIVE_AUXILIARIES,
    POSTPONE_PHRASES,
    POSTPONE_WORDS,
    ROUND_WORDS,
)
from newsgraph.meetings.codes import code_of_name

MAX_SENTENCE = 600  # characters looked at on either side of the evidence
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*\s+|\n")
WORD = re.compile(r"[\w’'.-]+")
NAME_WORDS = 3  # a mediator's name is at most this many words


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``text[start:end]`` (at most ``MAX_SENTENCE`` characters around)."""
    low, high = max(0, start - MAX_SENTENCE), min(len(text), end + MAX_SENTENCE)
    first = low
    for m in SENTENCE_END.finditer(text, low, start):
        if _ends_sentence(text, m):
            first = m.end()
    last = high
    for m in SENTENCE_END.finditer(text, end, high):
        if _ends_sentence(text, m):
            last = m.start() + (text[m.start()] != "\n")
            break
    return first, last


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """A full stop after a single capital ("U.S.") or a short capitalised abbreviation ("Mr.") ends nothing."""
    if text[m.start()] != ".":
        return True
    before = text[max(0, m.start() - 5) : m.start()].split()
    word = before[-1] if before else ""
    return not (word[-1:].isupper() and (len(word) == 1 or word[-2:-1] == ".")) and word not in ABBREVIATIONS


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` with their offsets, trailing punctuation off."""
    return [(m.group().rstrip(".’'"), m.start()) for m in WORD.finditer(text)]


def round_of(sentence: str, at: int, till: int | None = None) -> int | None:
    """The ordinal of the round nearest to offset ``at``: "the second round", "round two", "a 3rd session"; not
    one named after ``till`` (the evidence's end) in another clause (``CLAUSE_BREAKS``)."""
    ws = words(sentence)
    found: list[tuple[int, int]] = []
    for i, (w, offset) in enumerate(ws):
        if w.casefold() not in ROUND_WORDS:
            continue
        if till is not None and offset > till and any(b in sentence[till:offset] for b in CLAUSE_BREAKS):
            continue
        before = ws[i - 1][0].casefold() if i else ""
        after = ws[i + 1][0].casefold() if i + 1 < len(ws) else ""
        if before in ORDINALS and before not in CARDINALS:
            found.append((abs(offset - at), ORDINALS[before]))
        elif after in CARDINALS:
            found.append((abs(offset - at), ORDINALS[after]))
    return min(found)[1] if found else None


def mediators_in(sentence: str) -> set[str]:
    """Codes of the third parties the sentence says broker or host: "US-brokered", "mediated by the United
    States", "mediated by Qatar and Turkey", "hosted by Swiss Foreign Minister X", "under Qatari mediation",
    "under the auspices of the UN"."""
    found: set[str] = set()
    ws = words(sentence)
    for i, (w, _) in enumerate(ws):
        low = w.casefold()
        suffix = next((s for s in MEDIATION_SUFFIXES if low.endswith(s)), None)
        if suffix:
            found |= _named(w[: -len(suffix)].split("-"))
        elif low in MEDIATION_WORDS and i + 1 < len(ws) and ws[i + 1][0] == "by":
            names = [x for x, _ in ws[i + 2 : i + 2 + 2 * (NAME_WORDS + 1) + 1]]
            first = names[: names.index("and")] if "and" in names else names
            found |= _named(first[: NAME_WORDS + 1])  # "mediated by Qatar and Turkey": both
            second = names[len(first) + 1 :][: NAME_WORDS + 1] if len(first) <= NAME_WORDS + 1 else []
            found |= _named(second) if second and (second[0][:1].isupper() or second[0] == "the") else set()
        elif low in MEDIATION_NOUNS:
            found |= _named([ws[i - 1][0]]) if i and low == "mediation" else _named([x for x, _ in ws[i + 1 : i + 5]])
    return found


def _named(candidates: list[str]) -> set[str]:
    """The first country or organisation that the capitalised words at the start of ``candidates`` name."""
    names = [w for w in candidates if w.casefold() not in ("the", "of")]
    for size in range(min(NAME_WORDS, len(names)), 0, -1):
        for begin in range(len(names) - size + 1):
            window = names[begin : begin + size]
            if not all(w[:1].isupper() for w in window):
                continue
            code = code_of_name(" ".join(window))
            if code:
                return {code}
    return set()


def ends(sentence: str, at: int, till: int) -> bool:
    """Whether an end word ("ended", "concluded") stands in the evidence or just after it."""
    return any(w.casefold() in END_WORDS for w, o in words(sentence) if at <= o <= till + 40)


def outcome_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What the sentence of ``text[start:end]`` and the sentence after it say a meeting produced: from an
    outcome word ("agreed to …", "signed a …") to the end of its sentence, not an agreement to meet again."""
    spans: list[tuple[int, int]] = []
    first, last = sentence_of(text, start, end)
    following = len(text) - len(text[last:].lstrip())
    sentences = [(first, last)] + ([sentence_of(text, following, following)] if following < len(text) else [])
    for low, high in sentences:
        ws = words(text[low:high])
        for i, (w, offset) in enumerate(ws):
            rest = [x.casefold() for x, _ in ws[i + 1 : i + 4]]
            if w.casefold() not in OUTCOME_CUES or not rest or not (rest[0] in OUTCOME_NEXT or rest[0].isdigit()):
                continue
            if not any(x in NOT_OUTCOMES for x in rest):
                clause = text[low + offset : high]
                stop = min((i for i in (clause.find(s) for s in OUTCOME_STOPS) if i > 0), default=len(clause))
                spans.append((low + offset, low + offset + stop))
            break
    return spans


def called_off_after(after: str) -> bool:
    """Whether the clause after a meeting's trigger says it was called off, in the passive ("The summit in
    Kigali … has been scrapped", "the talks were called off")."""
    ws = [w.casefold() for w, _ in words(after)]
    for i, w in enumerate(ws[:-1]):
        if w not in PASSIVE_AUXILIARIES:
            continue
        nxt = ws[i + 1 : i + 3]
        if nxt[0] in CANCEL_WORDS or (len(nxt) == 2 and nxt[0] in CALL_OFF_VERBS and nxt[1] == "off"):
            return True
    return False


def called_off(before: str) -> bool:
    """Whether the text just before a meeting's trigger calls it off: "called off the planned", "the
    cancellation of the Ankara", "scrapped next week's" (determiners, modifiers and names skipped)."""
    ws = [w for w, _ in words(before)]
    for _ in range(MAX_CANCEL_SKIP):
        if not ws or not (ws[-1].casefold() in CANCEL_SKIPPED or ws[-1][:1].isupper()):
            break
        ws.pop()
    last = [w.casefold() for w in ws[-2:]]
    return bool(last) and (last[-1] in CANCEL_WORDS or (last[-1] == "off" and last[0] in CALL_OFF_VERBS))


def postponed(sentence: str) -> bool:
    """Whether the sentence tells of a delay ("has been postponed until March", "was put off"): a meeting told
    as not held there is still to come."""
    ws = [w.casefold() for w, _ in words(sentence)]
    return any(w in POSTPONE_WORDS for w in ws) or any(
        pair in POSTPONE_PHRASES for pair in zip(ws, ws[1:], strict=False)
    )
