"""Words read as events that are no act of their own.

Reporting and posting ("said", "wrote on X", "released a statement", "declined to comment"),
questions ("was asked about"), interviews ("spoke to the AP") and denials of a statement ("denied
the report") report acts; the content of a demand ("urged X to withdraw", "X must withdraw", "X
had to step down") is the demand's, a REQUEST, not the act demanded; what a purpose clause aims at
("to ensure X does not attack") has not happened and is not planned by anyone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.events.lexicon import Sense
from newsgraph.lang.en.events import (
    ASSENTING_VERBS,
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

# CAMEO code of an ultimatum, whose complement is what it demands.
ULTIMATUM_CAMEO = "139"
# Heads climbed at most from a trigger to a demand or purpose verb above it.
MAX_CLIMB = 4


def no_act(token: Token, senses: dict[int, Sense], actors: ActorIndex) -> bool:
    """The trigger reports, publishes, withholds a comment, is an interview, is demanded or only
    aimed at."""
    return _reporting(token) or _interview(token, actors) or _demanded(token, senses) or _aimed_at(token)


def _interview(token: Token, actors: ActorIndex) -> bool:
    """ "spoke to the AP", "talking to a TV channel": the partner is the media; "she spoke on
    Monday": no partner at all (see ``_alone``)."""
    if token.lemma_.lower() not in INTERVIEW_VERBS:
        return False
    partners = [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if _alone(token, partners):
        return True
    for partner in partners:
        actor = actors.actor_at(partner)
        if partner.lemma_.lower() in MEDIA_NOUNS or (actor is not None and actor.sector in MEDIA_SECTORS):
            return True
    return False


def _alone(token: Token, partners: list[Token]) -> bool:
    """One speaker and nobody spoken with or to ("X and Y spoke" is a conversation)."""
    addressed = [p for p in partners if p.head.lower_ in ("with", "to")]
    addressed += [c for c in token.children if c.dep_ in ("dobj", "dative")]
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return not addressed and bool(subjects) and not any(c.dep_ == "conj" for s in subjects for c in s.children)


def _reporting(token: Token) -> bool:
    """Saying, publishing, giving only a comment, asking a question, denying a statement,
    assenting to nothing named, declining to comment."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return lemma in NOT_ACT_VERBS or any(lemma in verbs and check(token, objects) for verbs, check in _CHECKS)


def _publishing(token: Token, objects: list[str]) -> bool:
    """ "released a statement", "published footage": a communication put out."""
    return not objects or any(o in COMMUNICATION_NOUNS for o in objects)


def _comment_only(token: Token, objects: list[str]) -> bool:
    """ "did not offer comment", "gave no details"."""
    return bool(objects) and all(o in COMMENT_NOUNS for o in objects)


def _no_comment(token: Token, objects: list[str]) -> bool:
    """ "declined to comment"."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS for c in token.children)


def _bare_assent(token: Token, objects: list[str]) -> bool:
    """ "he agreed", "she promptly offered": one side assenting to nothing named is a reply, not
    an agreement ("X and Y agreed", "agreed to talks", "agreed with Y" are)."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    coordinated = any(c.dep_ == "conj" for s in subjects for c in s.children)
    content = any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative", "attr") for c in token.children)
    return bool(subjects) and not coordinated and not content


def _question(token: Token, objects: list[str]) -> bool:
    """ "asked about X", "was asked whether": no complement saying what is asked for."""
    asked_for = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")]
    return all(any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children) for c in asked_for)


def _denial(token: Token, objects: list[str]) -> bool:
    """ "denied the report", "denied that X": a statement is denied, not a thing refused."""
    return not objects or any(o in CLAIM_NOUNS for o in objects) or any(c.dep_ == "ccomp" for c in token.children)


# Verbs that are no act when their check holds.
_CHECKS: tuple[tuple[frozenset[str], Callable[[Token, list[str]], bool]], ...] = (
    (PUBLISHING_VERBS, _publishing),
    (GIVING_VERBS, _comment_only),
    (QUESTION_VERBS, _question),
    (DENYING_VERBS, _denial),
    (ASSENTING_VERBS, _bare_assent),
    (REFUSING_VERBS, _no_comment),
)


def _demanded(token: Token, senses: dict[int, Sense]) -> bool:
    """Under a REQUEST trigger ("urged X to Y", "demanded that X Y"), or an obligation ("must Y",
    "has to Y")."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in OBLIGATION_VERBS:
        return True
    if token.pos_ == "VERB" and token.dep_ in DEMANDED_DEPS and _demand_beside(token, senses):
        return True
    node = token
    for _ in range(MAX_CLIMB):
        if token.pos_ != "VERB" or node.dep_ not in DEMANDED_DEPS or node.head == node:
            return False
        node = node.head
        sense = senses.get(node.i)
        if sense is not None:  # "urged X to leave", "a deadline for X to leave"
            return _demand(sense) and node.i != token.i
    return False


def _demand(sense: Sense | None) -> bool:
    """A request or an ultimatum, whose complement is what it demands."""
    return sense is not None and (sense.type == "REQUEST" or sense.cameo == ULTIMATUM_CAMEO)


def _demand_beside(token: Token, senses: dict[int, Sense]) -> bool:
    """ "gave X a deadline to leave": the clause's object is a demand."""
    return any(_demand(senses.get(c.i)) for c in token.head.children if c.dep_ == "dobj")


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
