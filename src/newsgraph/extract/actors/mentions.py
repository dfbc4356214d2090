"""Named mentions: the NER's entities with corrections, and sweeps for the names it missed
(first name + surname, bare surnames, one-word organisations, names in headings)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.clusters import known_person, organization, person, person_with_surname, surname_keys
from newsgraph.extract.actors.places import part_of_name, place_or_government
from newsgraph.extract.actors.state import Cluster, State
from newsgraph.extract.gender import is_given_name
from newsgraph.extract.linking import link_person
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.actors import (
    HONORIFIC_GENDER,
    INSTITUTIONS,
    NOT_NAMES,
    ORG_LABELS,
    ORG_LEAD_NOUNS,
    ORG_NOUNS,
    ORGANIZATION_WORDS,
    PERSON_LABELS,
    PLACE_LABELS,
    PLACE_WORDS,
    POSSESSIVE,
    REGION_ABBREVIATIONS,
    ROLE_NOUNS,
    TITLE_LINKS,
    TITLE_WORDS,
)
from newsgraph.namekey import name_key

# Dependencies of a surname the NER missed that still names a party ("Trump met Putin", "met Trump").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
WORDS_AFTER_AND = 4  # capitalised words a name ending in "and" may still take


def named_mentions(state: State) -> None:
    """The NER's persons, organisations and places, corrected; organisations last (they may name persons)."""
    doc = state.doc
    datelines = state.dateline_tokens
    deferred_orgs: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.start in state.heading_tokens:
            continue
        bounds = name_bounds(doc, ent, datelines)
        if bounds is None:
            continue
        start, end = bounds
        text = doc[start:end].text
        label = ent.label_
        if label == "NORP":
            continue
        known = known_person(state, text) if label in PERSON_LABELS else None
        if known is not None:
            state.add(known, start, end)  # "Jordan" after "Jordan Stewart"
            continue
        if label in PERSON_LABELS | ORG_LABELS | PLACE_LABELS and place_or_government(state, start, end, text):
            continue
        if label in PERSON_LABELS:
            person_entity(state, start, end, text)
        elif label in ORG_LABELS and is_title_fragment(state, start, end, text):
            title_fragment(state, start)  # "AU Peace and Security Commissioner X": a title, not an organisation
        elif label in ORG_LABELS and is_common_org_noun(state, start, end):
            state.capitalised_org_nouns.append(start)  # "Army spokesman …": resolved later
        elif label in ORG_LABELS:
            deferred_orgs.append((start, end, text))
    for start, end, text in [part for org in deferred_orgs for part in listed_names(doc, *org)]:
        organization_entity(state, start, end, text)


def person_entity(state: State, start: int, end: int, text: str) -> None:
    """An entity the NER calls a person: a place, a people, an organisation or a person."""
    if (
        state.doc[start:end].text in state.place_names
        or region_after_place(state.doc, start, end)
        or is_known_place(state, start, end, text)
    ):
        state.places.append(state.place(start, end, None))  # "Goma, …" after "fighting near Goma"; "Dundas, Ont."
        return
    if names_a_group(state.doc[start:end], state.kb):
        return  # "Hutu extremists": a people, not a person
    if "/" in text or (end < len(state.doc) and state.doc[end].text.startswith("/")):
        return  # a photo credit ("Ana Ruiz/Reuters", "( Ana Ruiz / Daily Star )"), not a person of the story
    named_as_org = start > 0 and state.doc[start - 1].lower_ in ORG_NOUNS  # "the aid group Gatsby"
    as_org = state.kb.organization(text) is not None or looks_like_organization(text) or named_as_org
    if as_org and not kb_person_named(state, text):  # a KB person's alias is that person
        organization(state, start, end, text)
    else:
        start = name_after_title(state.doc, start, end) or start
        person(state, start, end, state.doc[start:end].text)


def is_known_place(state: State, start: int, end: int, text: str) -> bool:
    """A one-word name the gazetteer or the coding dictionary knows as a place ("Nanaimo", "Donbass"), that
    is no given name, no KB person, and no surname of a person the article names in full."""
    if end - start != 1 or is_given_name(text) or kb_person_named(state, text):
        return False
    coded = state.kb.codebook.place(text)
    if state.doc[start].dep_ == "nsubj" and coded is not None and coded[1] is not None:
        return False  # "Transnistria said": a breakaway region that acts is coded as an actor (dictionary_coding)
    if not (state.kb.place_country(text) or coded):
        return False
    return not part_of_name(state, state.doc[start:end])


def names_a_place_of_a_thing(state: State, start: int, end: int, text: str) -> bool:
    """A known place (see :func:`is_known_place`) named before a common noun it modifies ("the Almaty
    meeting", "the Geneva talks"), not a KB organisation."""
    word = state.doc[end - 1]
    modifies_noun = word.dep_ == "compound" and word.head.i >= end and word.head.pos_ == "NOUN"
    return modifies_noun and state.kb.organization(text) is None and is_known_place(state, start, end, text)


def region_after_place(doc: Doc, start: int, end: int) -> bool:
    """A state or province abbreviation ("Ont.", "Calif."), or the town before one ("Dundas, Ont.")."""
    if is_region_abbreviation(doc[start:end].text):
        return True
    return end + 1 < len(doc) and doc[end].text == "," and is_region_abbreviation(doc[end + 1].text)


def is_region_abbreviation(text: str) -> bool:
    """A news-style abbreviation of a US state or Canadian province."""
    return text.rstrip(".").lower() in REGION_ABBREVIATIONS


def organization_entity(state: State, start: int, end: int, text: str) -> None:
    """An entity the NER calls an organisation: a person it names, a titled person, or an organisation."""
    known = known_person(state, text)
    titled = titled_name(state, start, end) or name_after_title(state.doc, start, end)
    if known is None and names_a_place_of_a_thing(state, start, end, text):
        state.places.append(state.place(start, end, None))  # "the Almaty meeting": where, not who
        return
    if known is not None:
        state.add(known, start, end)
    elif kb_person_named(state, text):
        person(state, start, end, text)
    elif titled is not None:
        person(state, titled, end, state.doc[titled:end].text)
    else:
        organization(state, start, end, text)


def name_bounds(doc: Doc, span: Span, datelines: set[int]) -> tuple[int, int] | None:
    """An entity's token range trimmed (see :func:`trimmed`) and, unless it is a place (the
    dateline's own), without a dateline it runs over ("OSLO/BERLIN Germany")."""
    bounds = trimmed(doc, span)
    if bounds is None or span.label_ in PLACE_LABELS:
        return bounds
    start, end = bounds
    while start < end and start in datelines:
        start += 1
    return (start, end) if start < end else None


def trimmed(doc: Doc, span: Span) -> tuple[int, int] | None:
    """An entity's token range without articles, possessives, punctuation and (for persons) titles."""
    start, end = span.start, hyphen_extended(doc, span.end) if span.label_ in ORG_LABELS else span.end
    while start < end - 1 and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].text in POSSESSIVE
        or doc[start].is_punct
        or (span.label_ in PERSON_LABELS and is_title_word(doc[start]))
    ):
        start += 1
    if span.label_ in PERSON_LABELS:  # "Justin Trudeau's Liberals": the person is the possessor
        end = next((i for i in range(start + 1, end) if doc[i].text in POSSESSIVE), end)
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def kb_person_named(state: State, text: str) -> bool:
    """The KB knows this name as a person and not as an organisation (the NER's ORG label
    on "Volodymyr Zelenskyy" is overruled)."""
    if state.kb.organization(text) is not None:
        return False
    return link_person(text, state.kb, state.published, surname_only=" " not in text) is not None


def listed_names(doc: Doc, start: int, end: int, text: str) -> list[tuple[int, int, str]]:
    """An entity the NER ran over a list ("Facebook, Workplace, Instagram"), one name per item."""
    if not any(doc[i].text == "," for i in range(start, end)):
        return [(start, end, text)]
    parts, begin = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text == "," or doc[i].lower_ == "and":
            if i > begin:
                parts.append((begin, i, doc[begin:i].text))
            begin = i + 1
    return parts


def titled_name(state: State, start: int, end: int) -> int | None:
    """Where the name starts in an entity that is titles + a personal name ("Fed Chairman Jerome Powell")."""
    i = start
    while i < end and (is_title_word(state.doc[i]) or state.kb.organization(state.doc[i].text) is not None):
        i += 1
    rest = state.doc[i:end]
    if i == start or not 2 <= len(rest) <= 3 or not all(t.is_title for t in rest):
        return None
    return i if is_given_name(rest[0].text) else None


def name_after_title(doc: Doc, start: int, end: int) -> int | None:
    """Where the name starts after a capitalised title inside an entity
    ("Wet'suwet'en Hereditary Chief Na'moks" -> "Na'moks")."""
    titles = [i for i in range(start, end - 1) if doc[i].is_title and is_title_word(doc[i])]
    if not titles:
        return None
    rest = doc[titles[-1] + 1 : end]
    if len(rest) > 3 or not all(t.text[:1].isupper() and t.lower_ not in ORGANIZATION_WORDS for t in rest):
        return None
    return titles[-1] + 1


def is_title_fragment(state: State, start: int, end: int, text: str) -> bool:
    """A piece of a person's capitalised title the NER called an organisation: a KB
    organisation or a demonym, then words that name no organisation ("Philippine Defence"
    of "Philippine Defence Undersecretary X"), modifying the name that follows."""
    if end - start < 2 or not in_title_of_name(state.doc[start:end].root):
        return False
    if state.kb.organization(text) is not None:
        return False
    first = state.doc[start].text
    known = state.kb.organization(first) is not None or state.kb.country(first) is not None
    rest = {t.lower_ for t in state.doc[start + 1 : end]}
    return known and not rest & (ORGANIZATION_WORDS | ORG_NOUNS | set(INSTITUTIONS))


def title_fragment(state: State, start: int) -> None:
    """The organisation a title fragment begins with is mentioned ("AU" of "AU Peace …")."""
    if state.kb.organization(state.doc[start].text) is not None:
        organization(state, start, start + 1, state.doc[start].text)


def is_common_org_noun(state: State, start: int, end: int) -> bool:
    """A one-word "name" that is a common noun for an organisation ("Army", "Ministry")."""
    word = state.doc[start].lower_
    return end - start == 1 and (word in ORG_NOUNS or word in INSTITUTIONS) and state.kb.organization(word) is None


def settle_kinds(state: State) -> None:
    """A one-word "person" the NER more often calls an organisation is one ("Facebook"); one always
    written "the X" is the organisation named before whose name holds X ("the Observatory")."""
    led = {t.text for t in state.doc if names_its_lead(state.doc, t.i + 1)}  # "Velmora" of "Velmora chief Ana Lind"
    for cluster in list(state.clusters):
        if cluster.kind != "person" or cluster.kb_id or " " in cluster.name or is_given_name(cluster.name):
            continue
        whole = organization_named_in_part(state, cluster)
        if whole is not None:
            for start, end in list(cluster.spans):
                state.release(start, end)
                state.add(whole, start, end)
            state.clusters.remove(cluster)
            continue
        titled = any(start > 0 and is_title_word(state.doc[start - 1]) for start, _end in cluster.spans)
        labels = [state.doc[start].ent_type_ for start, _end in cluster.spans]
        if not titled and (cluster.name in led or labels.count("ORG") > labels.count("PERSON")):
            cluster.kind, cluster.gender = "organization", None


def organization_named_in_part(state: State, cluster: Cluster) -> Cluster | None:
    """The organisation named before in several words, one of them this one-word name, when every mention
    of the name is "the X" ("the Syrian Observatory for Human Rights" … "The Observatory said")."""
    first = min(start for start, _end in cluster.spans)
    if not all(start > 0 and state.doc[start - 1].lower_ == "the" for start, _end in cluster.spans):
        return None
    word = cluster.name.lower()
    wholes = [
        c
        for c in state.clusters
        if c.kind == "organization"
        and " " in c.name
        and word in c.name.lower().split()
        and any(end <= first for _start, end in c.spans)
    ]
    return wholes[-1] if len({id(c) for c in wholes}) == 1 else None


def names_its_lead(doc: Doc, end: int) -> bool:
    """A name followed by the title and name of one who leads or speaks for it ("Norvex chief Ana Lind")."""
    return end + 1 < len(doc) and doc[end].lower_ in ORG_LEAD_NOUNS and doc[end + 1].ent_type_ == "PERSON"


def organization_mentions(state: State) -> None:
    """One-word organisation names the NER missed elsewhere in the text ("Facebook said")."""
    names = {
        state.doc[s].text: c
        for c in state.clusters
        if c.kind == "organization"
        for s, e in c.spans
        if e - s == 1 and len(state.doc[s].text) > 2
    }
    if not names:
        return
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    for match in pattern.finditer(state.layout.text):
        token = state.layout.token_at_or_after(match.start())
        if token is None or token.idx != match.start() or token.text not in names:
            continue
        if (
            token.i not in state.by_token
            and token.i not in state.heading_tokens
            and token.tag_ in {"NNP", "NNPS"}
            and token.ent_type_ not in NOT_NAMES
        ):
            state.add(names[token.text], token.i, token.i + 1)


def given_name_persons(state: State) -> None:
    """Names the NER missed: a known first name followed by capitalised proper nouns."""
    for token in state.doc:
        if token.i in state.by_token or token.i in state.heading_tokens or not starts_missed_name(token):
            continue
        end = missed_name_end(state, token)
        last = state.doc[end - 1].lower_
        if end - token.i < 2 or end - token.i > 3 or last in ORGANIZATION_WORDS or last in PLACE_WORDS:
            continue
        person(state, token.i, end, state.doc[token.i : end].text)


def starts_missed_name(token: Token) -> bool:
    """A capitalised first name, not tagged otherwise, that no other proper noun precedes
    ("the BRP Sierra Madre" is no person)."""
    if token.tag_ != "NNP" or not token.is_title or token.ent_type_ not in ("", "PERSON"):
        return False
    if not is_given_name(token.text):
        return False
    before = token.doc[token.i - 1] if token.i else None
    return (
        before is None
        or before.tag_ != "NNP"
        or not before.text[:1].isupper()
        or is_title_word(before)
        or ends_title(token)
    )


def ends_title(token: Token) -> bool:
    """The capitalised words before ``token`` close a title ("Minister for International Development")."""
    for before in reversed(token.doc[max(token.i - 6, 0) : token.i]):
        if is_title_word(before):
            return True
        if not (before.text[:1].isupper() or before.lower_ in TITLE_LINKS):
            return False
    return False


def missed_name_end(state: State, first: Token) -> int:
    """Where the capitalised proper nouns after a first name end."""
    doc = state.doc
    end = first.i + 1
    while (
        end < len(doc)
        and doc[end].tag_ == "NNP"
        and doc[end].is_title
        and end not in state.by_token
        and doc[end].ent_type_ in ("", "PERSON")
    ):
        end += 1
    return end


def surname_mentions(state: State) -> None:
    """Bare surnames of known persons, in any spelling, that the NER missed ("…,” Sinclair states;
    "Zelenskiy said" after "Volodymyr Zelenskyy")."""
    surnames = {
        key: c for c in state.clusters if c.kind == "person" and len(c.name.split()) > 1 for key in surname_keys(c)
    }
    for token in state.doc:
        if token.i in state.by_token or token.i in state.heading_tokens or not token.is_title:
            continue
        if token.ent_type_ in NOT_NAMES or token.tag_ not in {"NNP", "NNPS", "NN", "NNS"}:
            continue
        if not token.text[:1].isupper():
            continue
        cluster = surnames.get(name_key(token.text))
        if cluster is not None:
            state.add(person_with_surname(state, token.text, token.i) or cluster, token.i, token.i + 1)
        elif token.dep_ in ARGUMENT_DEPS and kb_person_named(state, token.text):
            person(state, token.i, token.i + 1, token.text)  # "Trump met Putin": an office holder's surname


def heading_mentions(state: State) -> None:
    """In headings, trust only names the body already established."""
    surfaces: dict[str, Cluster] = {}
    for cluster in state.clusters:
        if cluster.kind == "person":
            surfaces.setdefault(cluster.surname, cluster)
        for start, end in cluster.spans:
            surfaces.setdefault(state.doc[start:end].text.lower(), cluster)
    for i in sorted(state.heading_tokens):
        token = state.doc[i]
        heading_cluster = surfaces.get(token.lower_)
        if heading_cluster is not None and token.is_alpha:
            state.add(heading_cluster, i, i + 1)


def hyphen_extended(doc: Doc, end: int) -> int:
    """An entity end moved past hyphenated name parts the NER left out ("SNC" of "SNC-Lavalin"), or past
    the capitalised words after a final "and" it took in ("Commission of Human Rights and" + "Fair Trials")."""
    if end < len(doc) and doc[end - 1].lower_ == "and":
        last = min(len(doc), end + WORDS_AFTER_AND)
        while end < last and doc[end].is_title:
            end += 1
    while (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
        and not doc[end + 1].ent_type_
    ):
        end += 2
    return end


def names_a_group(name: Span, kb: KnowledgeBase) -> bool:
    """A one-word name modifying a plural noun for people ("Hutu extremists", "Kurdish fighters")."""
    head = name.root.head
    return (
        len(name) == 1
        and name.root.dep_ in {"compound", "amod"}
        and head.i > name.root.i
        and head.tag_ in {"NNS", "NNPS"}
        and kb.agent_sector(head.lower_) is not None
    )


def in_title_of_name(token: Token) -> bool:
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


def looks_like_organization(text: str) -> bool:
    """A name the NER called a person that carries an organisation word ("… High School") or names
    what it is for ("Coalition for Open Roads")."""
    words = [word.strip(".,") for word in text.split()]
    return any(word.lower() in ORGANIZATION_WORDS for word in words[1:]) or "for" in words[1:-1]


def is_title_word(token: Token) -> bool:
    """A title or honorific before a name ("Chairman", "Sen.", "Dr.")."""
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in ROLE_NOUNS or word in HONORIFIC_GENDER
