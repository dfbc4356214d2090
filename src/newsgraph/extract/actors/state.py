"""What the steps share over one document: its parse and layout, the clusters of mentions so far,
the token -> cluster map and the places found."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.index import PlaceMention
from newsgraph.extract.credits import credit_tokens
from newsgraph.extract.datelines import dateline_tokens
from newsgraph.extract.layout import layout_of
from newsgraph.extract.linking import link_country, strip_possessive, unambiguous_countries
from newsgraph.kb.loader import KBCountry, KBPerson, KnowledgeBase
from newsgraph.lang.en.actors import COMPASS_WORDS, PERSON_LABELS, PLACE_LABELS, PLACE_PREPOSITIONS


@dataclass
class Cluster:
    """One actor as the steps build it: its kind, name, mentions (token ranges) and what is known of it."""

    kind: str
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end)
    kb_person: KBPerson | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)  # lower-case role nouns from text and KB
    office_types: set[str] = field(default_factory=set)
    gender: str | None = None
    head: str | None = None  # a group's agent noun, lemma ("protester")
    body: Cluster | None = None  # the organisation a group belongs to ("EU lawmakers")

    @property
    def surname(self) -> str:
        """The last word of the name, lower-cased."""
        return self.name.split()[-1].lower()


class State:
    """One document's parse, layout and KB, with the clusters and places the steps have found so far."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None):
        self.doc = doc
        self.kb = kb
        self.published = published
        self.ents = tuple(doc.ents)  # spaCy builds the spans anew on every doc.ents
        self.ent_ends = [ent.end for ent in self.ents]
        self.layout = layout_of(doc)
        self.heading_tokens = self.layout.heading_tokens
        self.credit_tokens = credit_tokens(self.layout)  # "(Reporting by …)": no actor of the story
        self.dateline_tokens = dateline_tokens(self.layout)  # "KYIV, Ukraine —": no actor, a place at most
        self.noun_chunks: list[Span] = list(doc.noun_chunks)
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}
        self.places: list[PlaceMention] = []
        self.place_names = names_used_as_places(doc)
        self.named_countries = unambiguous_countries((ent.text for ent in self.ents), kb)
        self.capitalised_org_nouns: list[int] = []  # "Army", "Ministry": a common noun the NER called a name

    def add(self, cluster: Cluster, start: int, end: int) -> None:
        """Make tokens ``start:end`` a mention of ``cluster``, unless a token is taken already or in a credit line."""
        if any(i in self.by_token or i in self.credit_tokens for i in range(start, end)):
            return
        cluster.spans.append((start, end))
        for i in range(start, end):
            self.by_token[i] = cluster
        if cluster not in self.clusters:
            self.clusters.append(cluster)

    def find(self, kind: str, kb_id: str | None = None, name: str | None = None) -> Cluster | None:
        """The first cluster of ``kind`` with this KB id or (case-insensitively) this name."""
        for cluster in self.clusters:
            if cluster.kind != kind:
                continue
            if kb_id is not None and cluster.kb_id == kb_id:
                return cluster
            if name is not None and cluster.name.lower() == name.lower():
                return cluster
        return None

    def release(self, start: int, end: int) -> None:
        """Take tokens back from the mentions that hold them (a country word inside an institution)."""
        holders = {id(self.by_token[i]): self.by_token[i] for i in range(start, end) if i in self.by_token}
        for cluster in holders.values():
            kept = [(s, e) for s, e in cluster.spans if e <= start or s >= end]
            for s, e in cluster.spans:
                if s < end and e > start:  # one pass: a country named a thousand times stays linear
                    for i in range(s, e):
                        self.by_token.pop(i, None)
            cluster.spans = kept

    def in_quotation(self, token: Token) -> bool:
        """True for a token between quotation marks."""
        return self.layout.in_quotation(token)

    def link_country(self, text: str) -> KBCountry | None:
        """The KB country a name or demonym names, given the countries the article names."""
        return link_country(text, self.kb, self.named_countries)

    def country_of_text(self, text: str) -> KBCountry | None:
        """The country a name, demonym or seat of government names ("Russia's", "Kremlin")."""
        text = strip_possessive(text)
        return self.link_country(text) or self.kb.seat_of_government(text)

    def chunk_country(self, chunk: Span) -> KBCountry | None:
        """The country a modifier of a noun chunk names ("Belarus's foreign ministry")."""
        for token in chunk:
            if token.i == chunk.root.i:
                continue
            if token.ent_type_ in {"NORP", "GPE", "ORG", "FAC"} or token.dep_ == "poss":
                country = self.country_of_text(token.text)
                if country is not None:
                    return country
        names = (e.text for e in chunk.ents if len(e) > 1 and chunk.root not in e)  # "the Sri Lanka government"
        return next((c for name in names if (c := self.country_of_text(name)) is not None), None)

    def place(self, start: int, end: int, country: str | None) -> PlaceMention:
        """The place tokens ``start:end`` name."""
        span = self.doc[start:end]
        return PlaceMention(span.start_char, span.end_char, span.text, country)


def names_used_as_places(doc: Doc) -> set[str]:
    """Names the article uses as places somewhere: tagged a place by the NER, or in a place
    context ("in Goma", "north of Goma"). The same name elsewhere is not a person."""
    return {
        ent.text
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS or ent.label_ in PERSON_LABELS and located_in(ent.root)
    }


def located_in(token: Token) -> bool:
    """The object of a place preposition ("in Goma", "near Goma", "north of Goma")."""
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    return preposition.lower_ in PLACE_PREPOSITIONS or (
        preposition.lower_ == "of" and preposition.head.lower_ in COMPASS_WORDS
    )


def head_phrase(chunk: Span, vocabulary: Container[str]) -> str | None:
    """The noun (or two-word phrase, "foreign minister", "top U.S. diplomat") heading a noun chunk, if
    in ``vocabulary``; a country word between the two is skipped."""
    head = chunk.root
    before = head.i - 1
    while before > chunk.start and chunk.doc[before].ent_type_ in {"GPE", "NORP"}:
        before -= 1
    previous = chunk.doc[before].lower_ if before >= chunk.start else ""
    two = f"{previous} {head.lower_}"
    if two in vocabulary:
        return two
    return head.lower_ if head.lower_ in vocabulary else None
