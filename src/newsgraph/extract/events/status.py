"""An event's status: occurred, ongoing, planned, proposed, hypothetical or negated.

Read from the trigger upwards through the clauses that govern it: the nearest decisive marker
wins. A governor can negate ("ruled out sending troops"), propose ("hopes for a summit",
"suggested X travel to Y for talks") or plan ("scheduled for a meeting", "due to meet"); a
condition makes an event hypothetical ("could provide aid if ..."); otherwise the first finite
verb's tense and aspect decide ("will meet" planned, "continues to label" / "demands" ongoing,
"met" occurred). Intent and prospect never become occurred.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.lang.en.events import (
    ADJUNCT_PREPS,
    AGREED_ACTS,
    ANNOUNCING,
    ARRANGED,
    AWAITING_HEADS,
    AWAITING_PREPS,
    CONDITION_MARKS,
    CONDITIONAL,
    CONTINUING,
    DECIDING,
    FINITE_TAGS,
    FUTURE_AUX,
    HABITUAL_ADVERBS,
    MEETING_WORDS,
    NEGATING,
    NEGATING_PARTICLE,
    NEGATIVE_DETERMINERS,
    PERFORMATIVE_VERBS,
    PLANNING,
    PROPOSING,
    PROSPECT_MODIFIERS,
    READINESS,
    STATUS_CLIMB_DEPS,
    UNCERTAIN_AUX,
)

# Governing words climbed at most from a trigger.
MAX_CLIMB = 8


def event_status(trigger: Token, time_value: str | None, published: str | None) -> str:
    """The status of the event ``trigger`` denotes; ``time_value`` is its attached TIMEX3 value."""
    if _performative(trigger):
        return "occurred"
    if _awaited(trigger) and not (time_value and published and time_value[:10] < published[: len(time_value[:10])]):
        return "planned"
    for modifier in trigger.children:
        if modifier.dep_ == "amod" and modifier.lower_ in PROSPECT_MODIFIERS:
            return PROSPECT_MODIFIERS[modifier.lower_]
    node, embedded = trigger, False
    for _ in range(MAX_CLIMB):
        marked = _governor_marker(node, trigger) if embedded else None
        marked = marked or _clause_marker(node)
        if marked:
            return marked
        if _finite(node):
            return _tense_status(node, trigger, time_value, published)
        if node.dep_ not in STATUS_CLIMB_DEPS or node.head == node:
            break
        embedded = not (node.dep_ == "prep" and node.lower_ in ADJUNCT_PREPS) and node.dep_ not in ("advcl", "conj")
        node = node.head
    return _future_by_time(time_value, published) or "occurred"


def _performative(verb: Token) -> bool:
    """ "We urge X", "I condemn Y": a first-person present speech act is done by saying it."""
    children = list(verb.children)
    return (
        verb.tag_ in ("VBP", "VBZ")
        and verb.lemma_.lower() in PERFORMATIVE_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in children)
        and not any(c.dep_ in ("aux", "neg") for c in children)
    )


def _awaited(trigger: Token) -> bool:
    """ "weeks before a summit", "ahead of talks": the news comes before the event."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lower_ in AWAITING_HEADS:
        prep = prep.head
    elif prep.lower_ not in AWAITING_PREPS:
        return False
    clause = prep.head
    past = clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)
    # a past clause "ahead of the meeting" may well be history by now; "weeks before a summit" is not
    return not past or any(c.dep_ == "npadvmod" for c in prep.children)


def _governor_marker(node: Token, trigger: Token) -> str | None:
    """What a governing word says about the event below it."""
    lemma = node.lemma_.lower()
    if lemma in DECIDING or (lemma in ANNOUNCING and (_is_meeting(trigger) or trigger.lemma_.lower() in AGREED_ACTS)):
        return "planned" if not _negated(node) else "negated"
    particles = {c.lower_ for c in node.children if c.dep_ == "prt"}
    if lemma in NEGATING or NEGATING_PARTICLE.get(lemma) in particles:
        return "negated"
    if lemma in CONDITIONAL:
        return "hypothetical"
    if lemma in CONTINUING:
        return "ongoing"
    if lemma in PLANNING:
        return "planned" if not _negated(node) else "negated"
    if lemma in PROPOSING or (lemma in READINESS and node.pos_ != "VERB"):
        return "proposed" if not _negated(node) else "negated"
    return None


def _is_meeting(trigger: Token) -> bool:
    return trigger.lemma_.lower() in MEETING_WORDS


def _clause_marker(node: Token) -> str | None:
    """Negation and conditions on the node itself."""
    if _negated(node):
        return "negated"
    children = list(node.children)
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children):
        return "hypothetical"
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for c in children
    )
    modal = {c.lower_ for c in children if c.dep_ == "aux"}
    if modal & UNCERTAIN_AUX or (conditional and modal & FUTURE_AUX):
        return "hypothetical"
    return None


def _negated(node: Token) -> bool:
    for child in node.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ in NEGATIVE_DETERMINERS:
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for d in child.children
        ):
            return True
    return False


def _finite(node: Token) -> bool:
    if node.tag_ in FINITE_TAGS:
        return True
    return node.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in node.children
    )


def _tense_status(verb: Token, trigger: Token, time_value: str | None, published: str | None) -> str:
    """Status from a finite verb's tense and aspect (and a future time expression)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _future_form(verb, auxes):
        return "planned"
    future = _future_by_time(time_value, published)
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)
    perfect = any(a.lemma_ == "have" for a in auxes)
    if perfect and not past and _habitual(verb):
        return "ongoing"
    if past or perfect or verb.tag_ == "VBN":
        return "occurred"
    return future or _present_status(verb, trigger)


def _future_form(verb: Token, auxes: list[Token]) -> bool:
    """ "will meet", "is going to meet", "is to meet"."""
    return bool({a.lower_ for a in auxes} & FUTURE_AUX) or any(a.lower_ == "going" for a in auxes) or _is_to_be(verb)


def _habitual(verb: Token) -> bool:
    """ "has long accused", "has demanded since 2019": a present perfect that still goes on."""
    return any(c.lower_ in HABITUAL_ADVERBS or (c.dep_ == "prep" and c.lower_ == "since") for c in verb.children)


def _present_status(verb: Token, trigger: Token) -> str:
    """A present progressive is a travel, sending or meeting arranged ("is flying to X for talks",
    "is sending 250 troops"), or under way; a simple present is ongoing."""
    if verb.tag_ == "VBG":
        return "planned" if trigger != verb or verb.lemma_.lower() in ARRANGED else "ongoing"
    if verb.tag_ in ("VBZ", "VBP"):
        return "ongoing"
    return "occurred"


def _is_to_be(verb: Token) -> bool:
    """ "is to meet": a present "be" with an infinitive complement."""
    return (
        verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
    )


def _future_by_time(time_value: str | None, published: str | None) -> str | None:
    """ "planned" when the attached time lies after the publication date."""
    if not time_value or not published:
        return None
    if time_value == "FUTURE_REF":
        return "planned"
    if time_value[:4].isdigit() and "W" not in time_value and len(time_value) >= 7:
        return "planned" if time_value[:10] > published[: len(time_value[:10])] else None
    return None
