"""Words read as events that are no act of their own.

Reporting and posting ("said", "wrote on X", "released a statement", "declined to comment"),
questions ("was asked about"), interviews ("spoke to the AP") and denials of a statement ("denied
the report") report acts; the content of a demand ("urged X to withdraw", "X must withdraw", "X
had to step down") is the demand's, a REQUEST, not the act demanded; what a purpose clause aims at
("to ensure X does not attack") has not happened and is not planned by anyone.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.events.lexicon import Sense
from newsgraph.lang.en.events import (
    CLAIM_NOUNS,
    COMMENT_NOUNS,
    COMMENT_VERBS,
    COMMUNICATION_NOUNS,
    CONTENT_DEPS,
    DEMANDED_DEPS,
    DENYING_VERBS,
    GIVING_VERBS,
    INTERVIEW_VERBS,
    MEDIA_NOUNS,
    MEDIA_SECTORS,
    NOT_ACT_VERBS,
    OBLIGATION_AUX,
    OBLIGATION_VERBS,
    PUBLISHING_VERBS,
    PURPOSE_VERBS,
    QUESTION_VERBS,
    REFUSING_VERBS,
)

# Heads climbed at most from a trigger to a demand or purpose verb above it.
MAX_CLIMB = 4


def no_act(token: Token, senses: dict[int, Sense], actors: ActorIndex) -> bool:
    """The trigger reports, publishes, withholds a comment, is an interview, is demanded or only
    aimed at."""
    return _reporting(token) or _interview(token, actors) or _demanded(token, senses) or _aimed_at(token)


def _interview(token: Token, actors: ActorIndex) -> bool:
    """ "spoke to the AP", "talking to a TV channel": the partner is the media."""
    if token.lemma_.lower() not in INTERVIEW_VERBS:
        return False
    partners = [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for partner in partners:
        actor = actors.actor_at(partner)
        if partner.lemma_.lower() in MEDIA_NOUNS or (actor is not None and actor.sector in MEDIA_SECTORS):
            return True
    return False


def _reporting(token: Token) -> bool:
    """Saying, publishing, giving only a comment, asking a question, denying a statement."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return (
        lemma in NOT_ACT_VERBS
        or (lemma in PUBLISHING_VERBS and (not objects or any(o in COMMUNICATION_NOUNS for o in objects)))
        or (lemma in GIVING_VERBS and bool(objects) and all(o in COMMENT_NOUNS for o in objects))
        or (lemma in QUESTION_VERBS and _question(token))
        or (lemma in DENYING_VERBS and _denial(token, objects))
        or (
            lemma in REFUSING_VERBS
            and any(c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS for c in token.children)
        )
    )


def _question(token: Token) -> bool:
    """ "asked about X", "was asked whether": no complement saying what is asked for."""
    return not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in token.children)


def _denial(token: Token, objects: list[str]) -> bool:
    """ "denied the report", "denied that X": a statement is denied, not a thing refused."""
    return not objects or any(o in CLAIM_NOUNS for o in objects) or any(c.dep_ == "ccomp" for c in token.children)


def _demanded(token: Token, senses: dict[int, Sense]) -> bool:
    """Under a REQUEST trigger ("urged X to Y", "demanded that X Y"), or an obligation ("must Y",
    "has to Y")."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in OBLIGATION_VERBS:
        return True
    node = token
    for _ in range(MAX_CLIMB):
        if token.pos_ != "VERB" or node.dep_ not in DEMANDED_DEPS or node.head == node:
            return False
        node = node.head
        sense = senses.get(node.i)
        if sense is not None:
            return sense.type == "REQUEST" and node.i != token.i
    return False


def _aimed_at(token: Token) -> bool:
    """Inside the complement of "to ensure", "to prevent", "so that"."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("so", "lest") for c in node.children):
            return True
        if node.dep_ not in CONTENT_DEPS or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in PURPOSE_VERBS and (
            node.dep_ in ("advcl", "xcomp", "acl") or any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children)
        ):
            return True
    return False
