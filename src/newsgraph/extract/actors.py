"""Actors of one article: mentions, in-document coreference, metonymy, knowledge-base links.

``extract_actors(doc, kb, published)`` returns an :class:`ActorIndex`: the actors (with all
their mentions as evidence) and a token -> actor map that the quote and event extractors use
to resolve a subject such as "he", "the minister" or "the Kremlin" to an actor.

The steps, in order:
1. named mentions from the NER, corrected (headings, possessive places, persons tagged ORG);
2. persons clustered by name (surname = full name), organisations and countries by KB id;
3. capitals and seats of government that act ("Kyiv rejected") become that government;
4. roles from titles and appositions ("Russian Foreign Minister X", "X, Russia's envoy");
5. role descriptions ("the Kremlin leader", "the envoy") resolved through roles and the KB;
6. third-person pronouns resolved by syntax (governing subject), recency and gender.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.gender import gender_of_first_name, is_given_name
from newsgraph.extract.layout import layout_of
from newsgraph.extract.linking import (link_country, link_organization, link_person, strip_possessive,
                                       unambiguous_countries)
from newsgraph.kb.loader import KBCountry, KBPerson, KnowledgeBase
from newsgraph.model import Actor, Mention

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
HONORIFIC_GENDER = {"mr": "male", "mr.": "male", "sir": "male", "mrs": "female", "mrs.": "female",
                    "ms": "female", "ms.": "female", "miss": "female", "lady": "female", "dame": "female"}
# Role nouns that can stand for a person ("the minister"), with the KB office type they imply.
ROLE_NOUNS: dict[str, str | None] = {
    "president": "head_of_state", "leader": None, "prime minister": "head_of_government",
    "premier": "head_of_government", "chancellor": "head_of_government",
    "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister", "top diplomat": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defence secretary": "defence_minister", "defense secretary": "defence_minister",
    "military chief": "military_chief", "army chief": "military_chief",
    "secretary-general": "org_leader", "secretary general": "org_leader",
    "minister": None, "envoy": None, "ambassador": None, "chief": None, "spokesman": None,
    "spokeswoman": None, "spokesperson": None, "commander": None, "general": None,
    "admiral": None, "mayor": None, "governor": None, "senator": None, "king": "head_of_state",
    "queen": "head_of_state", "monarch": "head_of_state", "emir": "head_of_state",
    "diplomat": None, "negotiator": None, "official": None, "secretary": None,
}
LEADER_TYPES = ("head_of_state", "head_of_government")
TITLE_WORDS = frozenset(
    "chairman chairwoman chair ceo sen rep gov dr prof mr mrs ms miss sir dame lord lady prince "
    "princess pope rev reverend father sister judge justice gen lt col capt sgt cpl adm maj "
    "coach deputy vice former late president-elect".split()
)
# Military and police ranks written before a name ("Colonel Patrick Ilunga"); not "general", which
# also ends offices ("Attorney General", "Secretary General").
RANK_WORDS = frozenset(
    "colonel lieutenant major captain sergeant corporal admiral commodore brigadier "
    "commander marshal commandant inspector superintendent constable lieutenant-colonel".split()
)
ORGANIZATION_WORDS = frozenset(
    "school university college church diocese company inc corp corporation ltd llc party committee "
    "council association hospital department ministry agency bank court police club foundation "
    "institute society union group commission board authority service services network news "
    "press times post herald journal fund trust".split()
)
# State institutions named by a country word and a noun: canonical name and PLOVER sector.
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "foreign ministry": ("Ministry of Foreign Affairs", "GOV"),
    "foreign office": ("Ministry of Foreign Affairs", "GOV"),
    "defence ministry": ("Ministry of Defence", "MIL"), "defense ministry": ("Ministry of Defence", "MIL"),
    "interior ministry": ("Ministry of Internal Affairs", "GOV"),
    "finance ministry": ("Ministry of Finance", "GOV"), "justice ministry": ("Ministry of Justice", "GOV"),
    "health ministry": ("Ministry of Health", "GOV"), "economy ministry": ("Ministry of Economy", "GOV"),
    "army": ("Armed Forces", "MIL"), "military": ("Armed Forces", "MIL"), "armed forces": ("Armed Forces", "MIL"),
    "navy": ("Navy", "MIL"), "air force": ("Air Force", "MIL"), "coast guard": ("Coast Guard", "MIL"),
    "police": ("Police", "COP"), "parliament": ("Parliament", "LEG"), "central bank": ("Central Bank", "GOV"),
    "embassy": ("Embassy", "GOV"), "government": ("Government", "GOV"),
}
PLURAL_COUNTRY_ENDINGS = ("ines", "ands", "ives", "amas", "oros", "lles")  # the Philippines, the Maldives
THE_COUNTRY_WORDS = frozenset({"United", "Democratic", "Central", "Dominican", "Czech", "Gambia", "Holy", "Vatican"})
GENERIC_ORG_NOUNS = frozenset("company firm agency utility organization organisation group".split())
# Common nouns for a person's occupation or role (beyond the KB's agent nouns and ROLE_NOUNS).
PERSON_NOUNS = frozenset(
    """coach director commissioner counterpart spokesperson spokesman spokeswoman accountant analyst economist
    lawyer attorney professor teacher student doctor physician nurse officer executive manager founder
    owner chairman chairwoman chair mayor councillor councilor senator governor secretary ambassador
    envoy captain player golfer goaltender goalie pitcher quarterback actor actress singer author
    writer researcher scientist expert activist organizer organiser resident witness survivor farmer
    worker employee retiree veteran prosecutor judge detective investigator reporter journalist editor
    columnist historian strategist adviser advisor consultant pollster candidate leader member
    representative official entrepreneur designer engineer architect artist musician""".split()
)
SPOKESPERSON_NOUNS = frozenset("spokesperson spokesman spokeswoman official officials representative".split())
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")
LEGAL_SUFFIXES = frozenset("co inc corp ltd llc plc ag sa nv gmbh limited incorporated".split())
# First words of organisation names that do not, alone, name one of them.
GENERIC_NAME_WORDS = frozenset(
    "national royal federal central general international united american canadian british european "
    "first new north south east west st saint university bank city state world global public".split()
)
# Nouns that, with "the", stand for an organisation the article has named ("the ministry said").
ORG_NOUNS = frozenset(
    "agency ministry department government company firm utility organization organisation group "
    "union association board commission council committee party bank court police military army "
    "office authority service university hospital network newspaper broadcaster alliance bloc "
    "administration cabinet regime embassy secretariat coalition charity club league diocese church".split()
)
# Verbs after which a capital is a destination or a target, not an agent.
PLACE_VERBS = {"visit", "leave", "reach", "enter", "tour", "flee", "attack", "strike", "bomb",
               "hit", "shell", "target", "bombard", "capture", "besiege", "evacuate", "fly"}
PLACE_WORDS = frozenset("river valley street avenue road square park bay island islands county city "
                        "mountain mountains lake sea strait airport station bridge".split())
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest".split())
PLACE_PREPOSITIONS = frozenset("in near outside inside around into across towards toward".split())
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
PRONOUN_PARAGRAPHS = 3  # how many paragraphs back a pronoun may find its person
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "relcl", "conj", "acl", "pcomp", "parataxis"}


@dataclass
class PlaceMention:
    """A place named in the text (a city, region or country used as a location)."""

    start: int
    end: int
    text: str
    country: str | None


@dataclass
class _Cluster:
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

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()


@dataclass
class ActorIndex:
    """Actors of a document and the token -> actor map used to resolve references."""

    actors: list[Actor]
    by_token: dict[int, Actor]
    places: list[PlaceMention]
    named_countries: frozenset[str] = frozenset()  # ISO3 of the countries named unambiguously

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token is part of a mention of."""
        return self.by_token.get(token.i)


class _Builder:
    """Accumulates clusters while walking the document once per step."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None):
        self.doc = doc
        self.kb = kb
        self.published = published
        self.layout = layout_of(doc)
        self.heading_tokens = self.layout.heading_tokens
        self.noun_chunks: list[Span] = list(doc.noun_chunks)
        self.clusters: list[_Cluster] = []
        self.by_token: dict[int, _Cluster] = {}
        self.places: list[PlaceMention] = []
        self.place_names = self.names_used_as_places()
        self.named_countries = unambiguous_countries((ent.text for ent in doc.ents), kb)
        self.capitalised_org_nouns: list[int] = []  # "Army", "Ministry": a common noun the NER called a name

    # -- helpers -------------------------------------------------------------------------
    def names_used_as_places(self) -> set[str]:
        """Names the article uses as places somewhere: tagged a place by the NER, or in a place
        context ("in Goma", "north of Goma"). The same name elsewhere is not a person."""
        return {ent.text for ent in self.doc.ents
                if ent.label_ in PLACE_LABELS or ent.label_ in PERSON_LABELS and _located_in(ent.root)}

    def add(self, cluster: _Cluster, start: int, end: int) -> None:
        if any(i in self.by_token for i in range(start, end)):
            return
        cluster.spans.append((start, end))
        for i in range(start, end):
            self.by_token[i] = cluster
        if cluster not in self.clusters:
            self.clusters.append(cluster)

    def find(self, kind: str, kb_id: str | None = None, name: str | None = None) -> _Cluster | None:
        for cluster in self.clusters:
            if cluster.kind != kind:
                continue
            if kb_id is not None and cluster.kb_id == kb_id:
                return cluster
            if name is not None and cluster.name.lower() == name.lower():
                return cluster
        return None

    def in_quotation(self, token: Token) -> bool:
        return self.layout.in_quotation(token)

    def country_of_text(self, text: str) -> KBCountry | None:
        text = strip_possessive(text)
        return self.link_country(text) or self.kb.seat_of_government(text)

    def link_country(self, text: str) -> KBCountry | None:
        return link_country(text, self.kb, self.named_countries)

    # -- step 1 and 2: named mentions -----------------------------------------------------
    def trimmed(self, span: Span) -> tuple[int, int] | None:
        start, end = span.start, _hyphen_extended(self.doc, span.end) if span.label_ in ORG_LABELS else span.end
        while start < end - 1 and (
            self.doc[start].lower_ in {"the", "a", "an"} or self.doc[start].text in POSSESSIVE
            or self.doc[start].is_punct or (span.label_ in PERSON_LABELS and _is_title_word(self.doc[start]))
        ):
            start += 1
        while end > start and (self.doc[end - 1].text in POSSESSIVE or self.doc[end - 1].is_punct
                               or self.doc[end - 1].is_space):
            end -= 1
        return (start, end) if start < end else None

    def named_mentions(self) -> None:
        deferred_orgs: list[tuple[int, int, str]] = []
        for ent in self.doc.ents:
            if ent.start in self.heading_tokens:
                continue
            bounds = self.trimmed(ent)
            if bounds is None:
                continue
            start, end = bounds
            text = self.doc[start:end].text
            label = ent.label_
            if label == "NORP":
                continue
            if label in PERSON_LABELS and self.known_person(text) is not None:
                self.add(self.known_person(text), start, end)  # "Jordan" after "Jordan Stewart"
                continue
            if label in PERSON_LABELS | ORG_LABELS | PLACE_LABELS and self.place_or_government(start, end, text):
                continue
            if label in PERSON_LABELS and self.doc[start:end].text in self.place_names:
                self.places.append(self.place(start, end, None))  # "Goma, …" after "fighting near Goma"
                continue
            if label in PERSON_LABELS and _names_a_group(self.doc[start:end], self.kb):
                continue  # "Hutu extremists": a people, not a person
            if label in PERSON_LABELS:
                named_as_org = start > 0 and self.doc[start - 1].lower_ in ORG_NOUNS  # "the aid group Gatsby"
                if self.kb.organization(text) is not None or _looks_like_organization(text) or named_as_org:
                    self.organization(start, end, text)
                else:
                    start = self.name_after_title(start, end) or start
                    self.person(start, end, self.doc[start:end].text)
            elif label in ORG_LABELS and self.is_title_fragment(start, end, text):
                self.title_fragment(start)  # "AU Peace and Security Commissioner X": a title, not an organisation
            elif label in ORG_LABELS and self.is_common_org_noun(start, end):
                self.capitalised_org_nouns.append(start)  # "Army spokesman …": resolved later
            elif label in ORG_LABELS:
                deferred_orgs.append((start, end, text))
        for start, end, text in [part for org in deferred_orgs for part in self.listed_names(*org)]:
            known = self.known_person(text)
            titled = self.titled_name(start, end) or self.name_after_title(start, end)
            if known is not None:
                self.add(known, start, end)
            elif self.kb_person_named(text):
                self.person(start, end, text)
            elif titled is not None:
                self.person(titled, end, self.doc[titled:end].text)
            else:
                self.organization(start, end, text)

    def kb_person_named(self, text: str) -> bool:
        """The KB knows this name as a person and not as an organisation (the NER's ORG label
        on "Volodymyr Zelenskyy" is overruled)."""
        if self.kb.organization(text) is not None:
            return False
        return link_person(text, self.kb, self.published, surname_only=" " not in text) is not None

    def listed_names(self, start: int, end: int, text: str) -> list[tuple[int, int, str]]:
        """An entity the NER ran over a list ("Facebook, Workplace, Instagram"), one name per item."""
        if not any(self.doc[i].text == "," for i in range(start, end)):
            return [(start, end, text)]
        parts, begin = [], start
        for i in range(start, end + 1):
            if i == end or self.doc[i].text == "," or self.doc[i].lower_ == "and":
                if i > begin:
                    parts.append((begin, i, self.doc[begin:i].text))
                begin = i + 1
        return parts

    def settle_kinds(self) -> None:
        """A one-word "person" the NER more often calls an organisation is one ("Facebook")."""
        for cluster in self.clusters:
            if cluster.kind != "person" or cluster.kb_id or " " in cluster.name or is_given_name(cluster.name):
                continue
            titled = any(start > 0 and _is_title_word(self.doc[start - 1]) for start, _end in cluster.spans)
            labels = [self.doc[start].ent_type_ for start, _end in cluster.spans]
            if not titled and labels.count("ORG") > labels.count("PERSON"):
                cluster.kind, cluster.gender = "organization", None

    def organization_mentions(self) -> None:
        """One-word organisation names the NER missed elsewhere in the text ("Facebook said")."""
        names = {self.doc[s].text: c for c in self.clusters if c.kind == "organization"
                 for s, e in c.spans if e - s == 1 and len(self.doc[s].text) > 2}
        if not names:
            return
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
        for match in pattern.finditer(self.layout.text):
            token = self.layout.token_at_or_after(match.start())
            if token is None or token.idx != match.start() or token.text not in names:
                continue
            if token.i not in self.by_token and token.i not in self.heading_tokens \
                    and token.tag_ in {"NNP", "NNPS"} and token.ent_type_ not in NOT_NAMES:
                self.add(names[token.text], token.i, token.i + 1)

    def titled_name(self, start: int, end: int) -> int | None:
        """Where the name starts in an entity that is titles + a personal name ("Fed Chairman Jerome Powell")."""
        i = start
        while i < end and (_is_title_word(self.doc[i]) or self.kb.organization(self.doc[i].text) is not None):
            i += 1
        rest = self.doc[i:end]
        if i == start or not 2 <= len(rest) <= 3 or not all(t.is_title for t in rest):
            return None
        return i if is_given_name(rest[0].text) else None

    def name_after_title(self, start: int, end: int) -> int | None:
        """Where the name starts after a capitalised title inside an entity
        ("Wet'suwet'en Hereditary Chief Na'moks" -> "Na'moks")."""
        titles = [i for i in range(start, end - 1) if self.doc[i].is_title and _is_title_word(self.doc[i])]
        if not titles:
            return None
        rest = self.doc[titles[-1] + 1:end]
        if len(rest) > 3 or not all(t.text[:1].isupper() and t.lower_ not in ORGANIZATION_WORDS for t in rest):
            return None
        return titles[-1] + 1

    def place_or_government(self, start: int, end: int, text: str) -> bool:
        """Countries, capitals and seats of government; True when the span was consumed."""
        country = self.link_country(text)
        if country is not None and text.lower() in (d.lower() for d in country.demonyms):
            return False
        if country is not None:
            cluster = self.find("country", kb_id=f"country/{country.iso3}") or _Cluster(
                "country", country.name, kb_id=f"country/{country.iso3}", country=country.iso3
            )
            self.add(cluster, start, end)
            return True
        seat = self.kb.seat_of_government(text)
        if seat is not None:
            root = self.doc[start:end].root
            speaks_for = root.head.lower_ in SPOKESPERSON_NOUNS or not self.modifies_role_noun(root)
            if root.dep_ in {"compound", "amod"} and self.kb.organization(text) is not None and speaks_for:
                self.organization(start, end, text)  # "a State Department spokesperson"
            elif self.acts_as_agent(root):
                cluster = self.find("organization", kb_id=f"government/{seat.iso3}") or _Cluster(
                    "organization", f"Government of {_with_article(seat.name)}", kb_id=f"government/{seat.iso3}",
                    country=seat.iso3, sector="GOV",
                )
                self.add(cluster, start, end)
            elif not self.modifies_role_noun(self.doc[start:end].root):
                self.places.append(self.place(start, end, seat.iso3))
            return True
        if self.doc[start].ent_type_ in PLACE_LABELS:
            self.places.append(self.place(start, end, None))
            return True
        return False

    def place(self, start: int, end: int, country: str | None) -> PlaceMention:
        span = self.doc[start:end]
        return PlaceMention(span.start_char, span.end_char, span.text, country)

    def acts_as_agent(self, token: Token) -> bool:
        """A capital or seat of government that acts: subject, possessor, "by"/"with" object."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ in AGENT_DEPS:
            return True
        if token.dep_ == "pobj":
            prep = token.head
            according = prep.lower_ == "to" and prep.head.lower_ == "according"
            return according or prep.lower_ in {"by", "with", "between", "against"}
        if token.dep_ == "dobj":
            return token.head.lemma_ not in PLACE_VERBS
        return False

    def modifies_role_noun(self, token: Token) -> bool:
        return token.dep_ in {"compound", "amod"} and token.head.lower_ in ROLE_NOUNS

    def known_person(self, text: str) -> _Cluster | None:
        """A person of the document this (non-person) entity text names: full, sur- or first name."""
        lowered = strip_possessive(text).lower()
        for cluster in self.clusters:
            if cluster.kind == "person" and (cluster.name.lower() == lowered or cluster.surname == lowered):
                return cluster
        return self.latest_person_with_first_name(lowered) if " " not in lowered else None

    def person(self, start: int, end: int, text: str) -> None:
        tokens = text.split()
        if len(tokens) == 1:
            cluster = self.person_with_surname(text, start) or self.latest_person_with_first_name(text)
            if cluster is None:
                cluster = _Cluster("person", text)
                kb_person = link_person(text, self.kb, self.published, surname_only=True)
                if kb_person is not None:
                    self.attach_kb(cluster, kb_person)
        else:
            cluster = self.find("person", name=text) or self.person_with_full_name(text)
            if cluster is None:
                kb_person = link_person(text, self.kb, self.published, surname_only=False)
                cluster = self.find("person", kb_id=kb_person.id) if kb_person else None
                if cluster is None:
                    cluster = _Cluster("person", text)
                    if kb_person is not None:
                        self.attach_kb(cluster, kb_person)
        if cluster.gender is None and len(cluster.name.split()) > 1:
            cluster.gender = gender_of_first_name(cluster.name.split()[0])
        self.add(cluster, start, end)

    def person_with_full_name(self, text: str) -> _Cluster | None:
        """An earlier cluster this full name extends ("Putin" seen first, then "Vladimir Putin")."""
        surname = text.split()[-1].lower()
        for cluster in reversed(self.clusters):
            if cluster.kind == "person" and cluster.surname == surname and len(cluster.name.split()) == 1:
                if cluster.kb_person is None:
                    cluster.name = text
                return cluster
        return None

    def person_with_surname(self, word: str, at: int) -> _Cluster | None:
        """The person a bare surname refers to.

        With several persons of that surname (a family), the one named in the same paragraph
        wins, else the first one the article introduced (its main subject).
        """
        word = word.lower()
        matches = [
            c for c in self.clusters
            if c.kind == "person" and (c.surname == word or (c.kb_person is not None and any(
                alias.split()[-1].lower() == word for alias in c.kb_person.aliases)))
        ]
        if len(matches) <= 1:
            return matches[0] if matches else None
        para = self.layout.paragraph_of(self.doc[at].idx)
        latest = None
        for cluster in matches:
            before = [s for s, _ in cluster.spans if s < at]
            if before and self.layout.paragraph_of(self.doc[max(before)].idx) == para:
                if latest is None or max(before) > latest[0]:
                    latest = (max(before), cluster)
        return latest[1] if latest else matches[0]

    def latest_person_with_first_name(self, word: str) -> _Cluster | None:
        matches = [c for c in self.clusters if c.kind == "person" and len(c.name.split()) > 1
                   and c.name.split()[0].lower() == word.lower()]
        return matches[-1] if len(matches) == 1 else None

    def attach_kb(self, cluster: _Cluster, person: KBPerson) -> None:
        cluster.kb_person = person
        cluster.kb_id = person.id
        cluster.name = person.name
        cluster.country = person.country
        cluster.gender = person.gender
        held = self.kb.roles_on(person, self.published)
        # Without a publication date, any office the person ever held can explain a role description.
        for office in held if self.published else person.offices:
            if office in held and office.role not in cluster.roles:
                cluster.roles.append(office.role)
            cluster.office_types.add(office.type)
            cluster.sector = cluster.sector or office.sector
            cluster.role_words.update(_role_words(office.role))
            if office.type in LEADER_TYPES:
                cluster.role_words.add("leader")

    def organization(self, start: int, end: int, text: str) -> None:
        org = link_organization(text, self.kb)
        if org is not None:
            cluster = self.find("organization", kb_id=org.id) or _Cluster(
                "organization", org.name, kb_id=org.id, country=org.country, sector=org.sector
            )
        else:
            cluster = self.organization_named(text) or self.organization_with_short_name(text) \
                or _Cluster("organization", text)
        self.add(cluster, start, end)

    def organization_named(self, text: str) -> _Cluster | None:
        """The organisation of this name, with or without its legal suffix ("Samsung Electronics Co.")."""
        key = _without_legal_suffix(text)
        return next((c for c in self.clusters if c.kind == "organization" and _without_legal_suffix(c.name) == key), None)

    def organization_with_short_name(self, text: str) -> _Cluster | None:
        """The one organisation whose longer name this single distinctive word begins ("Samsung"
        after "Samsung Electronics Co."), or the one-word organisation a longer name extends."""
        first = text.split()[0]
        if first.lower() in GENERIC_NAME_WORDS or self.country_of_text(first) is not None:
            return None
        if " " in text:  # "Northwind" seen first, then "Northwind Trading": one organisation, the longer name
            shorter = [c for c in self.clusters if c.kind == "organization" and c.name == first and c.kb_id is None]
            if len(shorter) == 1:
                shorter[0].name = text
                return shorter[0]
            return None
        matches = [c for c in self.clusters if c.kind == "organization" and c.name.startswith(f"{text} ")]
        return matches[0] if len(matches) == 1 else None

    def given_name_persons(self) -> None:
        """Names the NER missed: a known first name followed by capitalised proper nouns."""
        doc = self.doc
        for token in doc:
            if token.i in self.by_token or token.i in self.heading_tokens or token.tag_ != "NNP":
                continue
            if not token.is_title or token.ent_type_ not in ("", "PERSON") or not is_given_name(token.text):
                continue
            before = doc[token.i - 1] if token.i else None
            if before is not None and before.tag_ == "NNP" and before.text[:1].isupper() and not _is_title_word(before):
                continue  # part of a longer name ("the BRP Sierra Madre", "the MV Grace Harbour")
            end = token.i + 1
            while end < len(doc) and doc[end].tag_ == "NNP" and doc[end].is_title and end not in self.by_token \
                    and doc[end].ent_type_ in ("", "PERSON"):
                end += 1
            last = doc[end - 1].lower_
            if end - token.i < 2 or end - token.i > 3 or last in ORGANIZATION_WORDS or last in PLACE_WORDS:
                continue
            self.person(token.i, end, doc[token.i:end].text)

    def surname_mentions(self) -> None:
        """Bare surnames of known persons that the NER missed ("…,” Sinclair states)."""
        surnames = {c.surname: c for c in self.clusters if c.kind == "person" and len(c.name.split()) > 1}
        for token in self.doc:
            if token.i in self.by_token or token.i in self.heading_tokens or not token.is_title:
                continue
            if token.ent_type_ in NOT_NAMES or token.tag_ not in {"NNP", "NNPS", "NN", "NNS"}:
                continue
            cluster = surnames.get(token.lower_)
            if cluster is not None:
                self.add(self.person_with_surname(token.text, token.i) or cluster, token.i, token.i + 1)

    def heading_mentions(self) -> None:
        """In headings, trust only names the body already established."""
        surfaces: dict[str, _Cluster] = {}
        for cluster in self.clusters:
            if cluster.kind == "person":
                surfaces.setdefault(cluster.surname, cluster)
            for start, end in cluster.spans:
                surfaces.setdefault(self.doc[start:end].text.lower(), cluster)
        for i in sorted(self.heading_tokens):
            token = self.doc[i]
            cluster = surfaces.get(token.lower_)
            if cluster is not None and token.is_alpha:
                self.add(cluster, i, i + 1)

    # -- step 4: roles from titles and appositions ------------------------------------------
    def text_roles(self) -> None:
        for cluster in [c for c in self.clusters if c.kind == "person"]:
            for start, _end in list(cluster.spans):
                head = self.doc[start:_end].root
                self.title_before(cluster, start)
                for child in head.children:
                    if child.dep_ == "appos":
                        self.role_phrase(cluster, child)
                if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                    self.role_phrase(cluster, head.head)

    def title_before(self, cluster: _Cluster, start: int) -> None:
        """Capitalised title words and a country word right before a name."""
        words: list[Token] = []
        i = start - 1
        while i >= 0 and self.doc[i].dep_ in {"compound", "amod", "nmod", "poss", "case"} and (
            self.doc[i].is_title or self.doc[i].text in POSSESSIVE or self.doc[i].ent_type_
            or self.is_person_noun(self.doc[i].lower_)  # "WHL commissioner Ron Robison"
        ) and self.doc[i].i not in self.by_token:
            words.insert(0, self.doc[i])
            i -= 1
        self.apply_role_tokens(cluster, words)

    def role_phrase(self, cluster: _Cluster, noun: Token) -> None:
        """A role noun phrase in apposition: "Russia's deputy UN envoy"; of another noun for a
        person only the country ("his Azerbaijani counterpart, X")."""
        words = [t for t in noun.subtree if t.i <= noun.i and not t.is_punct and t.dep_ != "det"]
        if noun.lower_ in ROLE_NOUNS or any(w in ROLE_NOUNS for w in _role_words(noun.text)):
            self.apply_role_tokens(cluster, words)
        elif self.is_person_noun(noun.lower_):
            country = next(filter(None, map(self.token_country, words)), None)
            cluster.country = cluster.country or (country.iso3 if country else None)

    def token_country(self, token: Token) -> KBCountry | None:
        """The country a demonym, country name or possessor names ("Azerbaijani", "Russia's")."""
        if token.ent_type_ in {"NORP", "GPE", "ORG"} or token.dep_ == "poss":
            return self.country_of_text(token.text)
        return None

    def apply_role_tokens(self, cluster: _Cluster, words: list[Token]) -> None:
        role_tokens: list[str] = []
        for token in words:
            if token.text in POSSESSIVE:
                continue
            country = self.token_country(token)
            if country is not None:
                cluster.country = cluster.country or country.iso3
                continue
            lowered = token.lower_.rstrip(".")
            if lowered in HONORIFIC_GENDER:
                cluster.gender = cluster.gender or HONORIFIC_GENDER[lowered]
                continue
            role_tokens.append(token.text)
        for part in _split_rank(role_tokens):
            self.add_role(cluster, part)

    def add_role(self, cluster: _Cluster, role_tokens: list[str]) -> None:
        role = " ".join(role_tokens).strip()
        if not role:
            return
        if cluster.kb_person is None and role not in cluster.roles:
            cluster.roles.append(role)
        cluster.role_words.update(_role_words(role))
        office = ROLE_NOUNS.get(role.lower())
        if office:
            cluster.office_types.add(office)
        cluster.sector = cluster.sector or self.kb.agent_sector(role_tokens[-1].lower())

    # -- step 4b: state institutions ----------------------------------------------------------
    def institutions(self) -> None:
        """ "Belarus’s foreign ministry", "the Congolese army": an institution of a named state."""
        for chunk in self.noun_chunks:
            head = chunk.root
            key = _head_phrase(chunk, INSTITUTIONS)
            if key is None or head.tag_ in {"NNS", "NNPS"} or self.by_token.get(head.i) is not None:
                continue
            country = self.chunk_country(chunk)
            if country is None:
                continue
            start = chunk.start + (1 if self.doc[chunk.start].lower_ in {"the", "a", "an"} else 0)
            if any(self.by_token.get(i) is not None and self.by_token[i].kind != "country"
                   for i in range(start, head.i + 1)):
                continue
            name, sector = INSTITUTIONS[key]
            kb_id = f"government/{country.iso3}" if key == "government" else f"institution/{country.iso3}/{key}"
            place = _with_article(country.name)
            label = f"Government of {place}" if key == "government" else f"{name} of {place}"
            cluster = self.find("organization", kb_id=kb_id) or _Cluster(
                "organization", label, kb_id=kb_id, country=country.iso3, sector=sector)
            self.release(start, head.i + 1)
            self.add(cluster, start, head.i + 1)

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

    # -- step 5: role descriptions ------------------------------------------------------------
    def role_descriptions(self) -> None:
        for chunk in self.noun_chunks:
            head = chunk.root
            role = _head_phrase(chunk, ROLE_NOUNS)
            if role is None or head.i in self.by_token or head.tag_ in {"NNS", "NNPS"} or head.dep_ == "compound":
                continue
            if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
                continue
            definite = any(t.lower_ == "the" or t.dep_ == "poss" for t in chunk if t.i < head.i)
            if not definite or self.introduced_unnamed(head):
                continue
            country = self.chunk_country(chunk)
            cluster = self.resolve_role(role, country, chunk.start)
            if cluster is not None:
                start = chunk.start + (1 if self.doc[chunk.start].lower_ == "the" else 0)
                named = [i for i in range(start, head.i) if i in self.by_token]
                self.add(cluster, max(named) + 1 if named else start, head.i + 1)

    def chunk_country(self, chunk: Span) -> KBCountry | None:
        for token in chunk:
            if token.i == chunk.root.i:
                continue
            if token.ent_type_ in {"NORP", "GPE", "ORG", "FAC"} or token.dep_ == "poss":
                country = self.country_of_text(token.text)
                if country is not None:
                    return country
        return None

    def resolve_role(self, role: str, country: KBCountry | None, before: int) -> _Cluster | None:
        """The person a role description refers to: a document person first, then the KB."""
        office = ROLE_NOUNS.get(role)
        word = role.split()[-1]
        best: tuple[int, _Cluster] | None = None
        for cluster in self.clusters:
            if cluster.kind != "person":
                continue
            if country is not None and cluster.country not in (None, country.iso3):
                continue
            if country is not None and cluster.country is None:
                continue
            fits = word in cluster.role_words or (office is not None and office in cluster.office_types)
            if role == "leader":
                fits = fits or bool(cluster.office_types & set(LEADER_TYPES))
            seen = [s for s, _ in cluster.spans if s < before]
            if fits and seen and (best is None or max(seen) > best[0]):
                best = (max(seen), cluster)
        if best is not None:
            return best[1]
        if country is None:
            return None
        types = (office,) if office else (LEADER_TYPES if role == "leader" else ())
        holders = {p.id: p for t in types for p in self.kb.office_holders(country.iso3, t, self.published)}
        if role == "leader" and len(holders) > 1:
            holders = {p.id: p for p in self.kb.office_holders(country.iso3, "head_of_state", self.published)}
        if len(holders) != 1:
            return None
        person = next(iter(holders.values()))
        cluster = self.find("person", kb_id=person.id)
        if cluster is None:
            cluster = _Cluster("person", person.name)
            self.attach_kb(cluster, person)
        return cluster

    def person_descriptions(self) -> None:
        """ "the Kentucky Republican said", "the analyst added": a definite description of a
        person as a subject refers to the person named in the sentences just before."""
        for chunk in self.noun_chunks:
            head = chunk.root
            if head.dep_ not in SUBJECT_DEPS or head.tag_ not in {"NN", "NNP"} or self.in_quotation(head):
                continue
            if self.doc[chunk.start].lower_ != "the" or any(t.i in self.by_token for t in chunk):
                continue
            if not (head.ent_type_ == "NORP" or self.is_person_noun(head.lower_)):
                continue
            if self.introduced_unnamed(head):
                continue  # "the spokesperson" after "a State Department spokesperson": that one, unnamed
            cluster = self.previous_sentence_person(head.sent, None)
            if cluster is not None:
                self.add(cluster, chunk.start + 1, head.i + 1)

    def introduced_unnamed(self, head: Token) -> bool:
        """An indefinite phrase with the same noun, not describing a named one, came before
        ("A State Department spokesperson said", not "Zhou, a ministry spokesperson,")."""
        return any(chunk.root.lower_ == head.lower_ and self.doc[chunk.start].lower_ in {"a", "an"}
                   and chunk.root.dep_ not in {"appos", "attr"}
                   and not any(t.i in self.by_token and self.by_token[t.i].kind == "person" for t in chunk)
                   for chunk in self.noun_chunks if chunk.end <= head.i)

    def is_person_noun(self, word: str) -> bool:
        """A role or occupation noun for a person ("analyst", "senator"), not for a group or a thing."""
        return word in ROLE_NOUNS or word in PERSON_NOUNS or (
            self.kb.agent_sector(word) is not None and word.endswith(PERSON_SUFFIXES))

    def is_title_fragment(self, start: int, end: int, text: str) -> bool:
        """A piece of a person's capitalised title the NER called an organisation: a KB
        organisation or a demonym, then words that name no organisation ("Philippine Defence"
        of "Philippine Defence Undersecretary X"), modifying the name that follows."""
        if end - start < 2 or not _in_title_of_name(self.doc[start:end].root):
            return False
        if self.kb.organization(text) is not None:
            return False
        first = self.doc[start].text
        known = self.kb.organization(first) is not None or self.kb.country(first) is not None
        rest = {t.lower_ for t in self.doc[start + 1:end]}
        return known and not rest & (ORGANIZATION_WORDS | ORG_NOUNS | set(INSTITUTIONS))

    def title_fragment(self, start: int) -> None:
        """The organisation a title fragment begins with is mentioned ("AU" of "AU Peace …")."""
        if self.kb.organization(self.doc[start].text) is not None:
            self.organization(start, start + 1, self.doc[start].text)

    def is_common_org_noun(self, start: int, end: int) -> bool:
        """A one-word "name" that is a common noun for an organisation ("Army", "Ministry")."""
        word = self.doc[start].lower_
        return end - start == 1 and (word in ORG_NOUNS or word in INSTITUTIONS) and self.kb.organization(word) is None

    def capitalised_org_descriptions(self) -> None:
        """ "Army spokesman …", "Ministry officials": a capitalised organisation noun stands for
        the organisation of that kind the article named before; alone it names none."""
        for start in self.capitalised_org_nouns:
            cluster = self.most_recent_organization(start, self.doc[start].lower_)
            if cluster is not None:
                self.add(cluster, start, start + 1)

    def organization_descriptions(self) -> None:
        """ "the ministry", "the agency": the organisation most recently named before."""
        for chunk in self.noun_chunks:
            head = chunk.root
            if head.lower_ not in ORG_NOUNS or head.i in self.by_token or head.tag_ != "NN":
                continue
            if head.dep_ not in SUBJECT_DEPS | {"poss"}:
                continue
            if self.doc[chunk.start].lower_ != "the" or chunk.end - chunk.start != 2:
                continue
            cluster = self.most_recent_organization(chunk.start, head.lower_)
            if cluster is not None:
                self.add(cluster, chunk.start + 1, chunk.end)

    def most_recent_organization(self, before: int, noun: str) -> _Cluster | None:
        """The organisation "the <noun>" refers to: the last one named whose name holds the noun
        ("the commission"); for a generic noun ("the company") the last one named within the
        previous two paragraphs."""
        para = self.layout.paragraph_of(self.doc[before].idx)
        fallback = None
        subject = None
        for i in range(before - 1, -1, -1):
            cluster = self.by_token.get(i)
            if cluster is None or cluster.kind != "organization" or cluster.kb_id and cluster.kb_id.startswith("government/"):
                continue
            if noun in cluster.name.lower().split() or cluster.kb_id and cluster.kb_id.endswith(f"/{noun}"):
                return cluster
            near = para - self.layout.paragraph_of(self.doc[i].idx) <= 2
            if noun in GENERIC_ORG_NOUNS and near:
                fallback = fallback or cluster
                subject = subject or (cluster if main_clause_subject(self.doc[i]) else None)
        return subject or fallback

    # -- step 6: pronouns ----------------------------------------------------------------------
    def pronouns(self) -> None:
        for token in self.doc:
            gender = PRONOUN_GENDER.get(token.lower_)
            if gender is None or token.i in self.by_token or self.in_quotation(token):
                continue
            cluster = self.resolve_pronoun(token, gender)
            if cluster is not None:
                cluster.gender = cluster.gender or gender
                self.add(cluster, token.i, token.i + 1)

    def compatible(self, cluster: _Cluster | None, gender: str | None) -> bool:
        return cluster is not None and cluster.kind == "person" and (gender is None or cluster.gender in (None, gender))

    def resolve_pronoun(self, token: Token, gender: str) -> _Cluster | None:
        """Governing subject, then an earlier subject of the sentence, then the nearest earlier
        sentence that names a compatible person (its subject if a person, else its first person)."""
        governing = self.governing_subject(token)
        if self.compatible(governing, gender):
            return governing
        sentence = token.sent
        for earlier in self.doc[sentence.start:token.i]:
            if earlier.dep_ in SUBJECT_DEPS and self.compatible(self.by_token.get(earlier.i), gender) \
                    and not self.in_quotation(earlier):
                return self.by_token[earlier.i]
        return self.previous_sentence_person(sentence, gender)

    def governing_subject(self, token: Token) -> _Cluster | None:
        """The person subject of the clause that embeds the pronoun's clause."""
        clause = token.head
        steps = 0
        while clause.dep_ in CLAUSE_DEPS | {"prep", "pobj", "dobj", "acomp"} and clause.head.i != clause.i and steps < 6:
            parent = clause.head
            for child in parent.children:
                if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                    cluster = self.subject_cluster(child)
                    if cluster is not None:
                        return cluster
            clause = parent
            steps += 1
        return None

    def subject_cluster(self, subject: Token) -> _Cluster | None:
        cluster = self.by_token.get(subject.i)
        if cluster is None:
            for token in subject.subtree:
                if token.dep_ == "compound" and token.i in self.by_token:
                    return self.by_token[token.i]
        return cluster if cluster is not None and cluster.kind == "person" else None

    def previous_sentence_person(self, sentence: Span, gender: str | None) -> _Cluster | None:
        """The person of the nearest earlier sentence (this or the previous paragraph) naming one."""
        para = self.layout.paragraph_of(sentence.start_char)
        previous = sentence.start - 1
        while previous >= 0:
            earlier = self.doc[previous].sent
            if para - self.layout.paragraph_of(earlier.start_char) > PRONOUN_PARAGRAPHS:
                return None
            persons = [(t, self.by_token[t.i]) for t in earlier
                       if self.compatible(self.by_token.get(t.i), gender) and not self.in_quotation(t)]
            if persons:
                main = [c for t, c in persons if main_clause_subject(t)]
                if main:
                    return main[0]
                subjects = [c for t, c in persons if t.dep_ in SUBJECT_DEPS]
                if not subjects:
                    return persons[0][1]
                # Among several subjects, the one the article has named most so far.
                return max(subjects, key=lambda c: sum(1 for s, _e in c.spans if s < sentence.start))
            previous = earlier.start - 1
        return None

    # -- output ------------------------------------------------------------------------------
    def merge_same_kb(self) -> None:
        seen: dict[str, _Cluster] = {}
        for cluster in list(self.clusters):
            if cluster.kb_id is None:
                continue
            first = seen.setdefault(cluster.kb_id, cluster)
            if first is not cluster:
                first.spans.extend(cluster.spans)
                for start, end in cluster.spans:
                    for i in range(start, end):
                        self.by_token[i] = first
                self.clusters.remove(cluster)

    def result(self) -> ActorIndex:
        self.merge_same_kb()
        ordered = sorted((c for c in self.clusters if c.spans), key=lambda c: min(c.spans))
        actors: list[Actor] = []
        by_cluster: dict[int, Actor] = {}
        for number, cluster in enumerate(ordered, start=1):
            mentions = []
            for start, end in sorted(cluster.spans):
                span = self.doc[start:end]
                mentions.append(Mention(span.start_char, span.end_char, span.text))
            actor = Actor(
                id=f"A{number}", name=cluster.name, kind=cluster.kind, kb_id=cluster.kb_id,
                country=cluster.country, sector=cluster.sector, roles=list(cluster.roles),
                mentions=mentions,
            )
            actors.append(actor)
            by_cluster[id(cluster)] = actor
        by_token = {i: by_cluster[id(c)] for i, c in self.by_token.items() if id(c) in by_cluster}
        return ActorIndex(actors, by_token, self.places, self.named_countries)


def _hyphen_extended(doc: Doc, end: int) -> int:
    """An entity end moved past hyphenated name parts the NER left out ("SNC" of "SNC-Lavalin")."""
    while end + 1 < len(doc) and doc[end].text in {"-", "–"} and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_title and not doc[end + 1].ent_type_:
        end += 2
    return end


def _without_legal_suffix(name: str) -> str:
    """An organisation name compared without case and a trailing "Co.", "Inc." or "Ltd."."""
    words = name.lower().replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def main_clause_subject(token: Token) -> bool:
    """The subject (or a word of it) of its sentence's main verb ("Google said …")."""
    while token.dep_ in {"compound", "amod", "nmod", "conj", "appos"} and token.head.i != token.i:
        token = token.head
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return token.dep_ in SUBJECT_DEPS and verb.dep_ == "ROOT"


def _located_in(token: Token) -> bool:
    """The object of a place preposition ("in Goma", "near Goma", "north of Goma")."""
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    return preposition.lower_ in PLACE_PREPOSITIONS or (
        preposition.lower_ == "of" and preposition.head.lower_ in COMPASS_WORDS)


def _names_a_group(name: Span, kb: KnowledgeBase) -> bool:
    """A one-word name modifying a plural noun for people ("Hutu extremists", "Kurdish fighters")."""
    head = name.root.head
    return len(name) == 1 and name.root.dep_ in {"compound", "amod"} and head.i > name.root.i \
        and head.tag_ in {"NNS", "NNPS"} and kb.agent_sector(head.lower_) is not None


def _in_title_of_name(token: Token) -> bool:
    """A modifier in a capitalised title before a personal name ("… Commissioner Samuel Osei")."""
    for _ in range(4):
        if token.dep_ not in {"compound", "nmod"}:
            return False
        token = token.head
        if token.ent_type_ in PERSON_LABELS:
            return True
        if not token.is_title:
            return False
    return False


def _looks_like_organization(text: str) -> bool:
    """A name the NER called a person that carries an organisation word ("… High School")."""
    return any(word.lower().strip(".,") in ORGANIZATION_WORDS for word in text.split()[1:])


def _is_title_word(token: Token) -> bool:
    """A title or honorific before a name ("Chairman", "Sen.", "Dr.")."""
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in ROLE_NOUNS or word in HONORIFIC_GENDER


def _split_rank(role_tokens: list[str]) -> list[list[str]]:
    """ "Army spokesman Colonel" -> "Army spokesman", "Colonel": a rank or title right before the
    name is a role of its own, not the end of the role phrase before it."""
    rank = len(role_tokens)
    while rank > 0 and role_tokens[rank - 1].lower().rstrip(".") in RANK_WORDS | TITLE_WORDS:
        rank -= 1
    before = role_tokens[rank - 1].lower() if rank else ""
    if rank == len(role_tokens) or before not in ROLE_NOUNS and before not in PERSON_NOUNS:
        return [role_tokens]
    return [role_tokens[:rank], role_tokens[rank:]]


def _role_words(role: str) -> set[str]:
    lowered = role.lower()
    words = {w for w in lowered.replace("-", " ").split() if w in ROLE_NOUNS}
    words.update(phrase for phrase in ROLE_NOUNS if " " in phrase and phrase in lowered)
    return words


def _with_article(country: str) -> str:
    """A country name as it follows "of": "the Philippines", "the United States", "Russia"."""
    first = country.split()[0]
    if country.endswith(PLURAL_COUNTRY_ENDINGS) or first in THE_COUNTRY_WORDS or "Republic" in country:
        return f"the {country}"
    return country


def _head_phrase(chunk: Span, vocabulary: Container[str]) -> str | None:
    """The noun (or two-word phrase, "foreign minister") heading a noun chunk, if in ``vocabulary``."""
    head = chunk.root
    previous = chunk.doc[head.i - 1].lower_ if head.i > chunk.start else ""
    two = f"{previous} {head.lower_}"
    if two in vocabulary:
        return two
    return head.lower_ if head.lower_ in vocabulary else None


def extract_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> ActorIndex:
    """Actors of ``doc`` with their mentions, roles and KB links (see the module docstring)."""
    builder = _Builder(doc, kb, published)
    builder.named_mentions()
    builder.merge_same_kb()
    builder.given_name_persons()
    builder.surname_mentions()
    builder.settle_kinds()
    builder.organization_mentions()
    builder.heading_mentions()
    builder.text_roles()
    builder.institutions()
    builder.role_descriptions()
    builder.capitalised_org_descriptions()
    builder.organization_descriptions()
    builder.person_descriptions()
    builder.pronouns()
    return builder.result()
