"""KB names the NER missed: organisation names and acronyms of the knowledge base found in the
text with spaCy's PhraseMatcher (one matcher pair per KB and vocabulary), under precision guards."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from anyascii import anyascii
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph.extract.actors.clusters import organization, person
from newsgraph.extract.actors.state import State
from newsgraph.extract.gender import is_given_name
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.actors import ARTICLES, ORG_LABELS, ORG_NOUNS, ORGANIZATION_WORDS, PERSON_LABELS, PLACE_LABELS

ACRONYM = re.compile(r"[A-Z0-9&.+\-]*[A-Z][A-Z0-9&.+\-]*[A-Z][A-Z0-9&.+\-]*")


def kb_name_mentions(state: State) -> None:
    """KB organisation names no earlier step took become mentions of that organisation."""
    acronyms, names = matchers(state.kb, state.doc.vocab)
    found = [state.doc[s:e] for _id, s, e in acronyms(state.doc)]
    found += [state.doc[s:e] for _id, s, e in names(state.doc) if proper_case(state.doc[s:e])]
    for span in filter_spans(found):
        if admissible(state, span) and not personal_name(span) and state.kb.organization(span.text) is not None:
            start = span.start + 1 if span[0].lower_ in ARTICLES and len(span) > 1 else span.start
            organization(state, start, span.end, span.text)  # linked by the KB's name, "The" not mentioned


def kb_person_names(state: State) -> None:
    """A KB person's full name written out whose words the NER cut or labelled apart ("Ursula von
    der" + "Leyen", "Imran" left out of "Imran Khan") is one mention of that person, when the NER
    calls a word of it a person."""
    for span in filter_spans([state.doc[s:e] for _id, s, e in person_matcher(state.kb, state.doc.vocab)(state.doc)]):
        as_written = proper_case(span) or span.text in person_names(state.kb)  # "Ursula von der Leyen"
        if not as_written or shouting(span) or not any(t.ent_type_ in PERSON_LABELS for t in span):
            continue
        exact = any(e.start == span.start and e.end == span.end for e in state.ents)
        taken = any(i in state.by_token or i in state.heading_tokens for i in range(span.start, span.end))
        if not exact and not taken:
            person(state, span.start, span.end, span.text)


@lru_cache(maxsize=4)
def person_names(kb: KnowledgeBase) -> frozenset[str]:
    """The multi-word names and aliases of ``kb``'s persons, as the KB writes them."""
    names = {n for p in kb.persons for n in (p.name, *p.aliases) if " " in n and n[:1].isupper()}
    return frozenset(names | {anyascii(n) for n in names})  # "Luiz Inacio Lula da Silva" without accents


@lru_cache(maxsize=4)
def person_matcher(kb: KnowledgeBase, vocab: Vocab) -> PhraseMatcher:
    """Case-blind multi-word names and aliases of ``kb``'s persons, built once."""
    blank = spacy.blank("en", vocab=vocab)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("PERSON", [blank.make_doc(n) for n in sorted(person_names(kb))])
    return matcher


def admissible(state: State, span: Span) -> bool:
    """No token taken or in a heading, not inside a longer person or place name, not in a run of capitals."""
    if any(i in state.by_token or i in state.heading_tokens for i in range(span.start, span.end)):
        return False
    if not any(t.ent_type_ in PERSON_LABELS | PLACE_LABELS for t in span):
        return not shouting(span)
    for ent in state.ents:
        overlaps = ent.start < span.end and ent.end > span.start
        if overlaps and ent.label_ in PERSON_LABELS | PLACE_LABELS and (ent.start, ent.end) != (span.start, span.end):
            return False
    return not shouting(span)


def personal_name(span: Span) -> bool:
    """A first name and more, without an organisation word, that the NER did not call an
    organisation ("Hassan Nasrallah" is an organisation of the KB's event-coding dictionaries)."""
    if len(span) < 2 or not is_given_name(span[0].text) or any(t.ent_type_ in ORG_LABELS for t in span):
        return False
    return not any(t.lower_ in ORGANIZATION_WORDS or t.lower_ in ORG_NOUNS for t in span)


def shouting(span: Span) -> bool:
    """An acronym among words in capitals ("GROUND ZERO"): capitals say nothing there."""
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return span.text.isupper() and any(t.is_alpha and len(t) > 1 and t.is_upper for t in neighbours)


def proper_case(span: Span) -> bool:
    """Every word of a multi-word name capitalised but its function words ("Bread for the World Institute")."""
    words = [t for t in span if t.is_alpha]
    return any(not t.is_stop for t in words) and all(t.is_stop or t.text[0].isupper() for t in words)


@lru_cache(maxsize=4)
def matchers(kb: KnowledgeBase, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive acronyms and case-blind multi-word names of ``kb``'s organisations, built once."""
    acronyms, names = [], []
    persons = {n.lower() for p in kb.persons for n in (p.name, *p.aliases)}
    for org in kb.organizations:
        for alias in dict.fromkeys((org.name, *org.aliases)):
            if alias.lower() in persons or kb.country(alias) is not None:
                continue
            if ACRONYM.fullmatch(alias):
                acronyms.append(alias)
            elif " " in alias and alias[:1].isupper():
                names.append(alias)
    blank = spacy.blank("en", vocab=vocab)
    by_case = PhraseMatcher(vocab, attr="ORTH")
    by_case.add("ORG", [blank.make_doc(a) for a in acronyms])
    by_words = PhraseMatcher(vocab, attr="LOWER")
    by_words.add("ORG", [blank.make_doc(a) for a in names])
    return by_case, by_words
