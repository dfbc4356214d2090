"""Which actor(s) a token means, for every extractor: the rules behind `ActorIndex.resolve`.

A noun phrase names, for each of its conjuncts ("X, Y and Z"): the actor its head is a mention of
(names, "he"/"she", "the ministry", metonyms like "Kyiv" for the government, all put in the index
by the actor steps), else "I"/"we" inside a quotation its speaker, else an appositive name ("the
aid group Gatsby"), else the government of a seat ("talks with Kyiv"), else an actor named inside
the phrase: for a party to an event its modifiers ("Kyiv's leadership", "NATO chiefs", "Belarusian
officials" through the KB, "his talks" the owner); for a speaker a name before the head, a person
first ("WHL commissioner X"), never a possessor ("X's lawyers said"), for a voice ("a statement
from the ministry") anywhere in it but its clauses, for an official a body before a country and a
country's government before the country, else the one body its sentence names (`named_inside`).
A speaker's later conjuncts count only as names ("the first lady and senator" is one person).
"it" and "they" are resolved by `recent_organization` and `plural_antecedent`, and for an event
party "it"/"its" by `body_antecedent`, "they" by `group_antecedent`; "he" and "she" are in the index already
(`references.pronouns`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.extract.layout import layout_of
from newsgraph.extract.linking import link_country
from newsgraph.kb.loader import KBCountry
from newsgraph.lang.en.actors import CLAUSE_DEPS, POSTED_ROLE_NOUNS, SPOKESPERSON_NOUNS, SUBJECT_DEPS
from newsgraph.lang.en.events import (
    ACTOR_MODIFIER_DEPS,
    COUNTRY_LOOKBACK,
    COUNTRY_NOUNS,
    FIRST_PERSON,
    PLURAL_PRONOUNS,
    STATE_NOUNS,
)
from newsgraph.lang.en.quotes import DOCUMENT_NOUNS, VOICE_NOUNS
from newsgraph.model import Actor

if TYPE_CHECKING:
    from newsgraph.extract.actors.index import ActorIndex

# A quotation's character range and its speaker: whom "I"/"we" inside it mean.
Voice = tuple[int, int, Actor]
ORGANIZATION_LOOKBACK = 200  # tokens searched back for the organisation "it" stands for
RECENT_ORGANIZATION_PARAGRAPHS = 2  # paragraphs back an organisation stays "it", "the company"


def resolve(
    index: ActorIndex, token: Token, speaking: bool = False, voices: Iterable[Voice] = (), coordinated: bool = True
) -> list[Actor]:
    """The actors the noun phrase headed by ``token`` names, one per conjunct unless not
    ``coordinated`` (see the module docstring); ``speaking`` reads the phrase as who speaks (a
    conjunct after the first then counts only when it is a name itself: "the first lady and U.S.
    senator" is one person), ``voices`` are the quotes so far."""
    voices = list(voices)
    found: list[Actor] = []
    heads = conjuncts(index, token) if coordinated else [token]
    for number, head in enumerate(heads):
        named = head_actor(index, head, voices)
        if named is not None:
            inside = [named]
        elif speaking:
            inside = named_inside(index, head) if number == 0 else []
        else:
            inside = modifiers(index, head) or _antecedent(index, head)
        found.extend(a for a in inside if a not in found)
    return found


def head_actor(index: ActorIndex, token: Token, voices: Iterable[Voice] = ()) -> Actor | None:
    """The actor the head word itself names: a mention, "I"/"we" in a quotation, an appositive
    name, a seat of government."""
    actor = index.actor_at(token)
    if actor is None and token.lower_ in FIRST_PERSON:
        actor = next((s for start, end, s in voices if start <= token.idx < end), None)
    if actor is None:
        actor = next((a for c in token.children if c.dep_ == "appos" and (a := index.actor_at(c))), None)
    if actor is None and token.pos_ == "PROPN" and index.kb is not None:  # "talks with Kyiv"
        seat = index.kb.seat_of_government(token.text)
        actor = index.government.get(seat.iso3) if seat is not None else None
    return actor


def conjuncts(index: ActorIndex, token: Token) -> list[Token]:
    """The token and its conjuncts, also those the parser hung on another word of the same
    name ("The Republic of X and Y agreed": "Y" under "X", the name's head is "Republic") or on
    its appositive name."""
    found = _conjuncts(token)
    # "President X and Russian President Y": the parser hangs Y under the appositive name X
    names = [c for c in token.children if c.dep_ == "appos" and index.actor_at(c) is not None]
    for word in name_around(index, token) + names:
        found.extend(c for c in _conjuncts(word)[1:] if c not in found)
    return found


def name_around(index: ActorIndex, token: Token) -> list[Token]:
    """The other words of the actor mention ``token`` is part of."""
    actor = index.actor_at(token)
    if actor is None:
        return []
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and index.actor_at(doc[start - 1]) is actor:
        start -= 1
    while end < len(doc) and index.actor_at(doc[end]) is actor:
        end += 1
    return [t for t in doc[start:end] if t.i != token.i]


def _conjuncts(token: Token) -> list[Token]:
    """The token and its conjuncts (not a misattached possessor: "X and Y's Z")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and not any(c.dep_ == "case" for c in child.children):
            found.extend(_conjuncts(child))
    return found


def modifiers(index: ActorIndex, token: Token) -> list[Actor]:
    """ "Kyiv's leadership", "NATO chiefs", "U.S. and Philippine officials", "the government of X"."""
    state = token.lemma_.lower() in STATE_NOUNS
    found: list[Actor] = []
    for child in _modifier_words(token):
        actor = _modifier_actor(index, child, state)
        if actor is not None and actor not in found:
            found.append(actor)
    if not found and token.pos_ == "NOUN":
        for prep in token.children:
            objects = (
                [g for g in prep.children if g.dep_ == "pobj"] if prep.dep_ == "prep" and prep.lower_ == "of" else []
            )
            found.extend(a for g in objects if (a := index.actor_at(g)) is not None)
    return found


def _modifier_actor(index: ActorIndex, child: Token, state: bool) -> Actor | None:
    """The actor one modifier names (a state noun's demonym its government, made if need be:
    "Syrian officials"); a person's state noun ("Castro's government", "his administration") is
    their country's government."""
    actor = index.actor_at(child) or country_actor(index, child, state, make=state) or body_antecedent(index, child)
    owner = child.dep_ == "poss" and actor is not None and actor.kind == "person"
    if state and owner and actor is not None and actor.country in index.government:
        return index.government[actor.country]
    return actor


def _modifier_words(token: Token) -> list[Token]:
    """Pre-modifiers of a noun phrase head, nested ("Chinese coast guard ships") and
    coordinated ("U.S. and Philippine officials")."""
    found = []
    for child in token.lefts:
        if child.dep_ in ACTOR_MODIFIER_DEPS:
            found.append(child)
            found.extend(_modifier_words(child))
            found.extend(c for c in child.children if c.dep_ == "conj")
    return found


def governments(index: ActorIndex, token: Token) -> list[Actor]:
    """The governments (else countries) the demonyms and country names before a head name."""
    found: list[Actor] = []
    for child in _modifier_words(token):
        actor = country_actor(index, child, state=True)
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def country_actor(index: ActorIndex, token: Token, state: bool = False, make: bool = False) -> Actor | None:
    """A demonym or country name modifier -> the article's actor for that country (its
    government when the head is a state noun: "Belarusian officials"; with ``make`` one made
    now when the article names the country nowhere else)."""
    country = _country_named(index, token)
    if country is None:
        return None
    if state and make:
        return index.government_of(country, token)
    if state and country.iso3 in index.government:
        return index.government[country.iso3]
    return index.by_country.get(country.iso3)


def _country_named(index: ActorIndex, token: Token) -> KBCountry | None:
    """The KB country a capitalised word names, given the countries the article names."""
    if index.kb is None or not token.text[:1].isupper():
        return None
    return link_country(token.text, index.kb, index.named_countries)


def named_inside(index: ActorIndex, token: Token) -> list[Actor]:
    """Who speaks in a phrase that is no name: an actor named in it (`_phrase_words`, `_pick`);
    for a state noun a nation's government ("Iranian officials"); for an official, else, the one
    body the sentence names ("The ministry confirmed …, and the official said")."""
    if token.lower_ in POSTED_ROLE_NOUNS and _country_word_before(index, token):
        return _posting_state(index, token)  # "Canada's U.N. ambassador": Canada's, posted at the UN
    words = _phrase_words(token)
    picked = _pick(token, [(t, a) for t in words if (a := index.actor_at(t)) is not None])
    if picked is not None and picked.kind == "country" and picked.country and _speaks_for_state(token):
        picked = index.government.get(picked.country, picked)  # "U.S. officials", "a U.S. statement"
    if picked is not None:
        return [picked]
    if token.lemma_.lower() in STATE_NOUNS:
        nations = [a for t in words if t.i < token.i and (a := government_of(index, t)) is not None]
        if nations:
            return nations[:1]
    return sentence_body(index, token) if token.lower_ in SPOKESPERSON_NOUNS else []


def _country_word_before(index: ActorIndex, token: Token) -> bool:
    """A country word or possessor before the noun ("Canada's", "Canadian")."""
    return any(_country_named(index, t) is not None for t in token.subtree if t.i < token.i)


def _posting_state(index: ActorIndex, token: Token) -> list[Actor]:
    """The government a diplomat's phrase names by a country word or possessor ("Canada's U.N.
    ambassador", "the Canadian envoy to NATO"), not the body they are posted to (none when the article
    has no actor for that government: the phrase then names the speaker)."""
    before = [t for t in token.subtree if t.i < token.i]
    named = [a for t in before if (a := government_of(index, t)) is not None]
    return named[:1]


def _speaks_for_state(token: Token) -> bool:
    """An official or a document: a country's one speaks for its government."""
    lemma = token.lemma_.lower()
    return lemma in STATE_NOUNS or lemma in DOCUMENT_NOUNS or token.lower_ in SPOKESPERSON_NOUNS


def _phrase_words(token: Token) -> list[Token]:
    """The words of a phrase that may name who speaks in it: those before the noun, but not a
    possessor ("Norman's lawyers said"); for a voice noun all but its clauses ("a statement from
    the ministry", not "an official involved in X policy"; "a report released by X" names X)."""
    voice = token.lemma_.lower() in VOICE_NOUNS or token.lower_ in VOICE_NOUNS
    owners = set() if voice else {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
    clauses = {t.i for c in token.children if c.dep_ in CLAUSE_DEPS and not _by_agent(c) for t in c.subtree}
    return [t for t in token.subtree if (voice or t.i < token.i) and t.i not in owners | clauses]


def _pick(token: Token, named: list[tuple[Token, Actor]]) -> Actor | None:
    """Of the actors a phrase names: a person, the last ("WHL commissioner Ron Robison": the name,
    not the employer); for an official a body before the noun ahead of a country ("U.S. State
    Department officials"); else the first."""
    persons = [a for _t, a in named if a.kind == "person"]
    if persons:
        return persons[-1]
    if token.lower_ in SPOKESPERSON_NOUNS:
        bodies = [a for t, a in named if a.kind == "organization" and t.i < token.i]
        if bodies:
            return bodies[0]
    return named[0][1] if named else None


def government_of(index: ActorIndex, token: Token) -> Actor | None:
    """The article's government of the country a demonym or country name names ("Iranian")."""
    country = _country_named(index, token)
    return index.government.get(country.iso3) if country is not None else None


def sentence_body(index: ActorIndex, token: Token) -> list[Actor]:
    """The one organisation the sentence of ``token`` names as a subject, outside quotations and
    what its verb reports, if there is exactly one."""
    layout = layout_of(token.doc)
    reported = {t.i for c in token.head.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree}
    bodies: list[Actor] = []
    for word in token.sent:
        actor = index.actor_at(word)
        if actor is None or actor.kind != "organization" or word.i in reported or layout.in_quotation(word):
            continue
        verb = _subject_of(word)  # a subject: not a place, an object or a hearer
        if verb is not None and verb.i != token.head.i and actor not in bodies:
            bodies.append(actor)  # of another clause: "the FBI warned officials" is no body of theirs
    return bodies if len(bodies) == 1 else []


def _subject_of(token: Token) -> Token | None:
    """The verb whose subject ``token`` is a word of ("The Health Ministry confirmed …")."""
    while token.dep_ in {"compound", "amod", "nmod", "appos", "conj"} and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ in SUBJECT_DEPS else None


def _by_agent(clause: Token) -> bool:
    """A clause naming who did it ("a report released by the institute")."""
    return any(c.dep_ == "agent" for c in clause.children)


def recent_organization(index: ActorIndex, token: Token) -> Actor | None:
    """ "it said": the organisation last named as a main-clause subject within
    RECENT_ORGANIZATION_PARAGRAPHS paragraphs, else the one named most recently before, outside
    quotations."""
    layout = layout_of(token.doc)
    here = layout.paragraph_of(token.idx)
    latest = None
    for earlier in reversed(token.doc[max(0, token.i - ORGANIZATION_LOOKBACK) : token.i]):
        actor = index.actor_at(earlier)
        if actor is None or actor.kind != "organization" or layout.in_quotation(earlier):
            continue
        latest = latest or actor
        near = here - layout.paragraph_of(earlier.idx) <= RECENT_ORGANIZATION_PARAGRAPHS
        if near and main_clause_subject(earlier):
            return actor
    return latest


def body_antecedent(index: ActorIndex, token: Token) -> Actor | None:
    """ "China said it will ignore the ruling", "Russia ... its airstrikes": the country or
    organisation a subject "it" or a possessive "its" stands for: the subject of a clause that
    governs it, else the nearest country or organisation named as a main-clause subject in its
    sentence or the paragraph's sentence before, outside quotations ("called it illegal" is a thing)."""
    if not ((token.lower_ == "it" and token.dep_ in SUBJECT_DEPS) or (token.lower_ == "its" and token.dep_ == "poss")):
        return None
    governing = _governing_body(index, token)
    if governing is not None:
        return governing
    doc, layout = token.doc, layout_of(token.doc)
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    if layout.paragraph_of(doc[start].idx) != layout.paragraph_of(token.idx):
        start = token.sent.start
    for earlier in reversed(doc[start : token.i]):
        actor = _body(index, earlier)
        if actor is not None and not layout.in_quotation(earlier) and main_clause_subject(earlier):
            return actor
    return None


def _governing_body(index: ActorIndex, token: Token) -> Actor | None:
    """The country or organisation subject of a clause above ``token`` ("China said it ...")."""
    verb = token.head
    while verb.dep_ in CLAUSE_DEPS and verb.head.i != verb.i:
        verb = verb.head
        for child in verb.children:
            actor = _body(index, child) or _owning_body(index, child) if child.dep_ in SUBJECT_DEPS else None
            if actor is not None:
                return actor
    return None


def _owning_body(index: ActorIndex, token: Token) -> Actor | None:
    """The country or organisation whose person a subject is ("Turkey's president says it will")."""
    return next((a for c in token.children if c.dep_ == "poss" and (a := _body(index, c)) is not None), None)


def _body(index: ActorIndex, token: Token) -> Actor | None:
    """A country or organisation, or a group a singular noun names ("the regime", "the army")."""
    actor = index.actor_at(token)
    if actor is None:
        return None
    singular_group = actor.kind == "group" and token.tag_ in ("NN", "NNP")
    return actor if actor.kind in ("country", "organization") or singular_group else None


def _antecedent(index: ActorIndex, token: Token) -> list[Actor]:
    if token.lower_ in PLURAL_PRONOUNS:
        return group_antecedent(index, token)
    actor = body_antecedent(index, token) or described_country(index, token)
    return [actor] if actor is not None else []


def group_antecedent(index: ActorIndex, token: Token) -> list[Actor]:
    """ "Rebels said they would free the hostages", "X and Y said they would meet": whom a subject
    "they" stands for: the plural or coordinated subject of a clause that governs it ("X's envoy
    warned they threaten ..." is no antecedent), else the plural noun before it
    (`plural_antecedent`)."""
    if token.dep_ not in SUBJECT_DEPS:
        return []
    verb = token.head
    while verb.dep_ in CLAUSE_DEPS and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"]
        if subjects:
            plural = subjects[0].tag_ in ("NNS", "NNPS") or len(conjuncts(index, subjects[0])) > 1
            owner = _owning_body(index, subjects[0])  # "the union's chairman said they will strike"
            members = owner is not None and owner.kind == "organization" and owner.sector != "GOV"
            return resolve(index, subjects[0]) if plural else [owner] if owner is not None and members else []
    earlier = plural_antecedent(token)
    return resolve(index, earlier) if earlier is not None and earlier.pos_ != "PRON" else []


def described_country(index: ActorIndex, token: Token) -> Actor | None:
    """ "his visit to the Communist-led island", "left the country": the country named last
    before, outside quotations ("the island of Crete" names its own)."""
    children = list(token.children)
    if (
        token.lemma_.lower() not in COUNTRY_NOUNS
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in children)
        or any(c.dep_ == "prep" or c.pos_ == "PROPN" for c in children)
    ):
        return None
    layout = layout_of(token.doc)
    for earlier in reversed(token.doc[max(0, token.i - COUNTRY_LOOKBACK) : token.i]):
        actor = index.actor_at(earlier)
        if actor is not None and actor.kind == "country" and not layout.in_quotation(earlier):
            return actor
    return None


def plural_antecedent(token: Token) -> Token | None:
    """The plural noun "they" stands for: the nearest plural subject or possessor before it
    in its sentence or the one before, outside quotations."""
    doc, layout = token.doc, layout_of(token.doc)
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    if layout.paragraph_of(doc[start].idx) != layout.paragraph_of(token.idx):
        start = sentence.start
    verb = token.head
    reported = {t.i for t in verb.head.subtree} if verb.dep_ == "parataxis" else set()  # "X, they say, …"
    for earlier in reversed(doc[start : token.i]):
        if earlier.i in reported:
            continue
        if (
            earlier.tag_ in {"NNS", "NNPS"}
            and earlier.dep_ in SUBJECT_DEPS | {"poss"}
            and not layout.in_quotation(earlier)
        ):
            return earlier
    return None


def main_clause_subject(token: Token) -> bool:
    """The subject (or a word of it) of its sentence's main verb ("Google said …")."""
    while token.dep_ in {"compound", "amod", "nmod", "conj", "appos"} and token.head.i != token.i:
        token = token.head
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return token.dep_ in SUBJECT_DEPS and verb.dep_ == "ROOT"
