"""Actor coding as event data codes actors: every actor gets a country (ISO 3166 alpha-3, or an IGO
code) and a PLOVER/CAMEO sector (GOV, MIL, COP, REB, CVL ...).

Three steps:

- `title_only_persons`: a "person" named by title words only ("Vice President") is none, one
  named by a state institution ("General Staff") is an organisation;
- `unnamed_agents`: a subject, object or prepositional object named only by a group noun the
  agent dictionary codes ("Ukrainian farmers", "Kyiv police") is a group actor of its own
  (`agents.py`, the one generic-agent mechanism quotes and events read); a role subject
  ("Armenian Prime Minister said") is the office holder the document or the KB knows, else an
  unnamed official of its own ("A Ugandan attorney said"), unless a name stands in or beside it;
- `code_actors`: what the KB and the roles left open is filled from the words of the mentions:
  a country word or a place in the phrase ("Mexican National Guard", "Shanghai police"), the
  head noun of an organisation's name ("... Fleet" -> MIL, "... Party" -> PTY), a person's role
  nouns, and a KB person's offices (held on the date, else held before: ELI, a former official).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.agents import GroupAgents, held_bodies, place_country, through_quantity
from newsgraph.extract.actors.dictionary_coding import (
    code_by_country_word,
    code_by_known_prefix,
    code_dictionary_person,
    code_named_place,
    code_reordered_name,
    region_demonym_country,
)
from newsgraph.extract.actors.places import government_cluster
from newsgraph.extract.actors.roles import is_person_noun, resolve_role, unqualified_role
from newsgraph.extract.actors.state import Cluster, State
from newsgraph.kb.loader import KBCountry, KBPerson
from newsgraph.lang.en.actors import (
    AGENT_PREPOSITIONS,
    BODY_LEADER_NOUNS,
    CODING_DEPS,
    COLLECTIVE_NOUNS,
    FAITH_SECTORS,
    FORMER_OFFICIAL_SECTOR,
    GROUP_DEPS,
    HOME_STATE_NOUNS,
    INDIVIDUAL_SUFFIXES,
    INSTITUTIONS,
    MEDIA_SECTOR,
    NATIONAL_GOVERNMENT_NOUNS,
    NATIONAL_WORDS,
    NO_ACTOR_SECTORS,
    NOT_NAMES,
    OFFICIAL_NOUNS,
    ORG_NOUNS,
    ORGANIZATION_HEAD_SECTORS,
    PEOPLE_NOUNS,
    PERSON_LABELS,
    PERSON_NOUNS,
    PERSON_PLACE_POPULATION,
    PLACE_LABELS,
    ROLE_NOUNS,
    SPOKESPERSON_NOUNS,
    STATE_MEDIA_WORDS,
    SUBJECT_DEPS,
    TITLE_ONLY_WORDS,
    TITLE_WORDS,
    VAGUE_SECTORS,
)

# A group's phrase takes at most this many words after its noun chunk.
_MAX_TAIL = 6
# Dependencies of the words of a title before a name ("Russian Foreign Minister", "Kyiv's mayor").
TITLE_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# Dependents after a group's noun that end its phrase.
_STOP_DEPS = frozenset({"relcl", "cc", "conj"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_NO_AGENT = NO_ACTOR_SECTORS | VAGUE_SECTORS


def title_only_persons(state: State) -> None:
    """ "Vice President said", "the General Staff said": a "person" of the KB-less name sweeps
    named by title words only is none; one named by an institution is an organisation, one by a
    group noun ("antiwar protesters") a group."""
    for cluster in state.clusters:
        if cluster.kind != "person" or cluster.kb_id is not None or not cluster.spans:
            continue
        words = [t for s, e in cluster.spans for t in state.doc[s:e]]
        if cluster.name.lower() in INSTITUTIONS:
            cluster.kind, cluster.sector = "organization", INSTITUTIONS[cluster.name.lower()][1]
            cluster.roles, cluster.role_words = [], set()
        elif all(t.lower_.rstrip(".") in TITLE_ONLY_WORDS for t in words):
            for start, end in list(cluster.spans):
                state.release(start, end)
        elif group_named_as_person(state, words[-1]):  # "antiwar protesters" tagged PERSON
            cluster.kind, cluster.sector = "group", state.kb.agent_sector(words[-1].lower_)
            cluster.head = words[-1].lemma_.lower()


def group_named_as_person(state: State, last: Token) -> bool:
    """A "person" whose name ends in a plural noun of the agent dictionary is a group: a common
    noun ("antiwar protesters") or a capitalised people of a faith ("Rakhine Buddhists")."""
    sector = state.kb.agent_sector(last.lower_)
    plural = last.tag_ == "NNS" and last.is_lower or last.tag_ == "NNPS" and sector in FAITH_SECTORS
    return plural and sector is not None and sector not in NO_ACTOR_SECTORS


def owned_bodies(state: State) -> None:
    """ "Russia's Baltic Fleet": a country in the possessive before an organisation's name is
    whose body it is, so one mention of the organisation (as "Russia's Defense Ministry" is of
    the ministry), not a mention of the country of its own."""
    for cluster in [c for c in state.clusters if c.kind == "organization"]:
        for start, end in list(cluster.spans):
            owner = next((t for t in state.doc[start:end].root.children if t.dep_ == "poss" and t.i < start), None)
            holder = state.by_token.get(owner.i) if owner is not None else None
            if owner is None or holder is None or holder.kind != "country":
                continue
            first, last = next((s, e) for s, e in holder.spans if s <= owner.i < e)
            if not all(t.tag_ == "POS" for t in state.doc[last:start]):
                continue
            state.release(first, last)
            state.release(start, end)
            state.add(cluster, first, end)
            cluster.country = cluster.country or holder.country


def unnamed_agents(state: State) -> None:
    """Phrases named by a coded group noun only ("Ukrainian farmers said", "detained two Danish
    sailors") as group actors (`agents.py`); a role subject ("Armenian Prime Minister said") as
    the office holder."""
    agents = GroupAgents(state)
    for chunk in state.noun_chunks:
        head = chunk.root
        if not takes_part(head) or state.in_quotation(head) or head.ent_type_ in NOT_NAMES | PLACE_LABELS:
            continue
        noun = through_quantity(head)
        if noun.lower_ in SPOKESPERSON_NOUNS:
            officials_of_a_state(state, chunk, noun)
            continue
        start = chunk.start + (1 if chunk[0].lower_ in _DETERMINERS else 0)
        end = phrase_end(state, chunk, noun)
        if one_person(state, head, noun):
            if acts(head) and coded_noun(state, chunk)[1] and held_bodies(state, start, end, noun) is not None:
                country = state.chunk_country(state.doc[start : noun.i + 1])
                if not role_holder(state, chunk, country, end) and unnamed_official(state, head, noun):
                    agents.add(noun, start, end, individual=True)  # "A Ugandan attorney said": unnamed, coded
            continue  # an unnamed person is no actor of its own, unless one who acts
        agents.add(noun, start, end)
    nominal_adjectives(state, agents)


def nominal_adjectives(state: State, agents: GroupAgents) -> None:
    """ "the displaced", "Burkina Faso's displaced": an adjective or participle after a determiner
    or possessor that heads a party to an act, coded as the agent dictionary codes its people
    ("displaced people": REF), with the country of its possessor."""
    for token in state.doc:
        if token.pos_ not in {"ADJ", "VERB"} or not token.is_lower or token.i in state.by_token:
            continue
        lefts = [c for c in token.lefts if c.dep_ in {"det", "poss"} or any(t.tag_ == "POS" for t in c.children)]
        if not lefts or not takes_part(token) or state.in_quotation(token):
            continue
        sector = next((found for w in PEOPLE_NOUNS if (found := state.kb.agent_sector(f"{token.lower_} {w}"))), None)
        if sector is None or sector in NO_ACTOR_SECTORS:
            continue
        first = lefts[0].left_edge.i
        start = first + (1 if state.doc[first].lower_ in _DETERMINERS else 0)
        span = state.doc[start : token.i + 1]
        cluster = agents.cluster(span, token, sector, agents.own_country(span))
        state.release(start, token.i + 1)
        state.add(cluster, start, token.i + 1)


def unnamed_official(state: State, head: Token, noun: Token) -> bool:
    """A subject named by a person noun only ("A Ugandan attorney said"), no body ("the
    government"), without a name in apposition or inside it ("the envoy, Jane Roe,") and with a
    role no person of the document holds ("the deputy premier" is the one named before)."""
    word = noun.lemma_.lower()
    if head.dep_ not in SUBJECT_DEPS or noun.lower_ in ORG_NOUNS:
        return False
    if word not in ROLE_NOUNS and word not in PERSON_NOUNS and word not in TITLE_WORDS:
        if not word.endswith(INDIVIDUAL_SUFFIXES):
            return False  # "a settlement": a thing, though the dictionary codes it
    if any(t.dep_ == "appos" or t.ent_type_ in PERSON_LABELS for t in head.subtree):
        return False
    return not any(c.kind == "person" and noun.lower_ in c.role_words for c in state.clusters)


def officials_of_a_state(state: State, chunk: Span, noun: Token) -> None:
    """ "Ukrainian officials said", "U.S. officials": officials one country word places who act
    are a mention of that state's government (as their quotes are its); bare "officials" speak
    for a body named elsewhere."""
    if noun.lower_ not in OFFICIAL_NOUNS or not acts(chunk.root) or any(t.dep_ in {"cc", "conj"} for t in chunk):
        return  # "U.S. and Philippine officials": the officials of two states, read by the events
    country = state.chunk_country(chunk)
    taken = any(i in state.by_token and state.by_token[i].kind != "country" for i in range(chunk.start, noun.i + 1))
    if country is not None and not taken:
        start = chunk.start + (1 if chunk[0].lower_ in _DETERMINERS else 0)
        state.release(start, noun.i + 1)
        state.add(government_cluster(state, country), start, noun.i + 1)


def one_person(state: State, head: Token, noun: Token) -> bool:
    """A singular person noun ("the minister"), not a collective ("the team of inspectors") nor a
    nation's body ("the government", "the country's government")."""
    if noun.tag_ in {"NNS", "NNPS"} or head.lower_ in COLLECTIVE_NOUNS:
        return False
    if noun.lemma_.lower() in HOME_STATE_NOUNS and national(noun.doc[noun.left_edge.i : noun.i + 1]):
        return False
    return is_person_noun(state, noun.lower_)


def role_holder(state: State, chunk: Span, country: KBCountry | None, end: int) -> bool:
    """ "U.S. President said": the holder of the role the document or the KB knows, if any;
    True when one was found."""
    role = unqualified_role(chunk, state.kb)  # "Vice President" is not the president
    holder = resolve_role(state, role, country, chunk.start) if role else None
    if holder is not None:
        start = chunk.start + (1 if chunk[0].lower_ in _DETERMINERS else 0)
        state.release(start, end)
        state.add(holder, start, end)
    return holder is not None


def phrase_end(state: State, chunk: Span, noun: Token) -> int:
    """Where a group's phrase ends: with a short modifier after it ("people arrested last week"),
    never past a comma, a quotation, a relative clause ("who had called for ...") or a coordinated
    noun ("police and protesters" are two groups)."""
    end = max(chunk.end, noun.i + 1)
    stops = [c.left_edge.i for h in (chunk.root, noun) for c in h.children if c.dep_ in _STOP_DEPS and c.i >= end]
    right = min([chunk.root.right_edge.i + 1, *stops])
    tail = state.doc[end:right]
    if right - end <= _MAX_TAIL and not any(t.is_punct or t.is_quote for t in tail):
        return right
    return end


def takes_part(head: Token) -> bool:
    """A subject, object or prepositional object: a phrase that may be a party to an act."""
    return acts(head) or head.dep_ in GROUP_DEPS


def acts(head: Token) -> bool:
    """A subject or the agent of a passive ("by gunmen")."""
    if head.dep_ in CODING_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in AGENT_PREPOSITIONS


def coded_noun(state: State, chunk: Span) -> tuple[Token | None, str | None]:
    """The noun that codes a chunk (its head, or after "a group of" the group's members) and its sector."""
    head = chunk.root
    if head.lower_ in COLLECTIVE_NOUNS:
        objects = [o for p in head.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not objects:
            return None, None
        head = objects[0]
    if head.lower_ in SPOKESPERSON_NOUNS or head.pos_ not in {"NOUN", "PROPN"}:
        return None, None
    if head.i > 0:
        two = state.kb.agent_sector(f"{state.doc[head.i - 1].lower_} {head.lower_}")
        if two is not None and two not in NO_ACTOR_SECTORS:
            return head, two
    sector = state.kb.agent_sector(head.lower_)
    return head, sector if sector not in NO_ACTOR_SECTORS else None


def code_actors(state: State) -> None:
    """Fill each actor's country and sector from its mentions, role nouns and KB offices."""
    order = {"group": 1, "person": 2}  # groups and persons after the bodies they belong to
    for cluster in sorted(state.clusters, key=lambda c: order.get(c.kind, 0)):
        if cluster.kind != "country" and cluster.spans:
            code_actor(state, cluster)


def code_actor(state: State, cluster: Cluster) -> None:
    """Country and sector of one actor: its body's, its KB entry's, its words', the dictionary's."""
    body = body_of(state, cluster)
    if body is not None:  # "the president of the Riigikogu"
        cluster.country = cluster.country or body.country
    if cluster.kind == "group" and cluster.body is not None:
        group_of_body(cluster, cluster.body)
    if cluster.kind == "person":
        code_person_office(state, cluster)
    if cluster.kind == "organization":
        code_organization(state, cluster)
    if cluster.country is None:
        cluster.country = mention_country(state, cluster)
    if cluster.sector is None:
        cluster.sector = name_sector(state, cluster)
    if cluster.kind == "organization" and cluster.kb_id is None and state_media(state, cluster):
        cluster.sector = "GOV"  # "the official ... News Agency": the state speaking (PLOVER GOV, JRN)
    if cluster.kind == "person":  # what the KB and the words left open, from the dictionary
        if cluster.kb_person is None:
            code_reordered_name(state, cluster)  # "Ukhnaagiin Khurelsukh" for "Khurelsukh Ukhnaa"
        code_dictionary_person(state, cluster)


def code_person_office(state: State, cluster: Cluster) -> None:
    """A KB person's sector from the office held on the date; an unlinked person titled by a body
    ("Hamas leader Yahya Sinwar") the body's country and sector."""
    if cluster.kb_person is not None:
        cluster.sector = cluster.sector or person_sector(state, cluster.kb_person)
        return
    titled = title_body(state, cluster)
    if titled is not None:
        cluster.country, cluster.sector = cluster.country or titled.country, cluster.sector or titled.sector


def home_state_bodies(state: State) -> None:
    """ "The government arrested ...": a state body named by its noun (`HOME_STATE_NOUNS`) is of
    the country a place names ("the government in Minsk"), else, in an article whose actors belong
    to one country only, of that country: "the government" alone or with a national modifier ("the
    country's government") a mention of its government, others ("the authorities", "local
    authorities") a group of that country."""
    countries = {c.country for c in state.clusters if c.spans and c.country and state.kb.country_by_code(c.country)}
    home = state.kb.country_by_code(countries.pop()) if len(countries) == 1 else None
    for cluster in [c for c in state.clusters if c.kind == "group" and c.head in HOME_STATE_NOUNS and c.spans]:
        country = state.kb.country_by_code(cluster.country) if cluster.country else home
        if country is None:
            continue
        cluster.country = country.iso3
        if cluster.head in NATIONAL_GOVERNMENT_NOUNS and all(national(state.doc[s:e]) for s, e in cluster.spans):
            government = government_cluster(state, country)
            for start, end in list(cluster.spans):
                state.release(start, end)
                state.add(government, start, end)


def national(span: Span) -> bool:
    """A body's phrase with no modifier, or only national ones ("the country's government")."""
    root = span.root
    modifiers = [t for t in (*span, *root.lefts) if t.i != root.i and t.dep_ in TITLE_DEPS | {"amod"}]
    return all(t.lower_ in NATIONAL_WORDS for t in modifiers)


def code_organization(state: State, cluster: Cluster) -> None:
    """An organisation the KB lacks named by a KB one and kind words ("Shin Bet Security
    Service"), or named by a place that acts ("Mariupol said")."""
    if cluster.kb_id is None:
        code_by_known_prefix(state, cluster)  # "Shin Bet Security Service"
        code_by_country_word(state, cluster)  # "Afghan Taliban"
    if cluster.country is None:
        code_named_place(state, cluster)


def group_of_body(group: Cluster, body: Cluster) -> None:
    """A group or unnamed official of an organisation ("members of the Rwandan army", "the
    president of a Chadian rights league") has its country; one who leads it also its sector."""
    group.country = group.country or body.country
    if group.head in BODY_LEADER_NOUNS and body.sector is not None:
        group.sector = body.sector


def state_media(state: State, cluster: Cluster) -> bool:
    """A news medium the KB does not know, called official or state-run where it is named ("the
    official National News Agency", "the state-run ... News Agency")."""
    if cluster.sector != MEDIA_SECTOR:
        return False
    for start, _end in cluster.spans:
        root = state.doc[start:_end].root
        if any(t.lower_ in STATE_MEDIA_WORDS for t in state.doc[root.left_edge.i : start]):
            return True
    return False


def body_of(state: State, cluster: Cluster) -> Cluster | None:
    """The organisation or country an unnamed role belongs to: "president of the European Council"."""
    if cluster.kind != "person" or cluster.kb_person is not None:
        return None
    for start, end in cluster.spans:
        head = state.doc[start:end].root
        for prep in head.children:
            objects = [o for o in prep.children if o.dep_ == "pobj"] if prep.lower_ == "of" else []
            held = [state.by_token[o.i] for o in objects if o.i in state.by_token]
            if held and held[0] is not cluster:
                return held[0]
    return None


def title_body(state: State, cluster: Cluster) -> Cluster | None:
    """The organisation a title before a person's name names ("Hamas leader …", "Apple chief
    executive …"), if any."""
    for start, _end in cluster.spans:
        root = state.doc[start:_end].root
        for token in state.doc[root.left_edge.i : start]:
            body = state.by_token.get(token.i)
            if token.dep_ in TITLE_DEPS and body is not None and body.kind == "organization":
                return body
    return None


def person_sector(state: State, person: KBPerson) -> str | None:
    """The sector of a KB person's office on the date, else "former official" if one ended before."""
    held = state.kb.roles_on(person, state.published)
    if held:
        return held[0].sector
    if state.published is None:
        return None
    ended = [o for o in person.offices if o.ended_by(state.published)]  # not one that is yet to come
    return FORMER_OFFICIAL_SECTOR if ended else None


def mention_country(state: State, cluster: Cluster) -> str | None:
    """A country word, seat of government or place among a mention's words and modifiers."""
    for start, end in cluster.spans:
        span = state.doc[start:end]
        words = [t for t in span if t.i != span.root.i or len(span) == 1]
        words += [t for t in state.doc[span.root.left_edge.i : start] if t.dep_ in TITLE_DEPS]
        for token in words:
            found = word_country(state, cluster, token)
            if found is not None:
                return found
        if all(own_name_or_title(cluster, t) for t in span):
            continue  # "Jordan" for Jordan Quill is his name, not the country
        found = place_country(state, span)
        if found is not None:
            return found
    return None


def word_country(state: State, cluster: Cluster, token: Token) -> str | None:
    """The country one word of a mention gives: a country word, seat or place, or the country of
    another organisation it names ("Hamas leader …": the body's, not a town called Hamas)."""
    if own_name_or_title(cluster, token):
        return None  # "Jordan Stewart", "Nancy …", "Sen. …": a name or a title, no country
    body = state.by_token.get(token.i)
    if body is not None and body is not cluster and body.kind == "organization":
        return body.country
    if not (token.is_title or token.is_upper):
        return None
    country = state.country_of_text(token.text)
    return country.iso3 if country is not None else title_place(state, token)


def own_name_or_title(cluster: Cluster, token: Token) -> bool:
    """A word of a person's own name, or a title written before it ("Sen.", "Dr.")."""
    if cluster.kind != "person":
        return False
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in {w.lower() for w in cluster.name.split()}


def title_place(state: State, token: Token) -> str | None:
    """The country of a large city named in a title ("Zaporizhzhia Governor Ivan Fedorov") or of
    a region of the codebook before a plural or common noun ("Rakhine Buddhists"; a codebook
    place before a singular proper noun is more often a first name: "Lawrence Wong")."""
    if token.lower_ in TITLE_ONLY_WORDS or state.kb.agent_sector(token.lower_) is not None:
        return None
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    first_name = following is not None and following.tag_ == "NNP"  # "Lawrence Wong": a name, not a place
    coded = None if first_name else state.kb.codebook.place(token.text)
    found = coded[0] if coded is not None else state.kb.place_country(token.text, PERSON_PLACE_POPULATION)
    return found or region_demonym_country(state, token.text)  # "Crimean Tatar leaders"


def title_phrases(state: State, cluster: Cluster) -> list[str]:
    """The lower-case title words written before a person's name ("Kenyan opposition leader
    Raila Odinga" -> "opposition leader")."""
    phrases = []
    for start, _end in cluster.spans:
        root = state.doc[start:_end].root
        words = [t for t in state.doc[root.left_edge.i : start] if t.dep_ in TITLE_DEPS and t.is_lower]
        if words and words[-1].i == start - 1:
            phrases.append(" ".join(t.lower_ for t in words))
    return phrases


def role_sector(state: State, role: str) -> str | None:
    """The sector of a role: of its noun ("foreign minister", "minister"), else, when the noun
    codes none ("leader", "chief"), of a modifier that does ("opposition leader": OPP)."""
    words = role.lower().split()
    sector = state.kb.agent_sector(" ".join(words[-2:])) or state.kb.agent_sector(words[-1])
    if sector is not None:
        return sector
    coded = (state.kb.agent_sector(w) for w in reversed(words[:-1]))
    return next((found for found in coded if found is not None and found not in _NO_AGENT), None)


def name_sector(state: State, cluster: Cluster) -> str | None:
    """The sector the words of an organisation's name or a person's roles give."""
    if cluster.kind == "person":
        roles = [*title_phrases(state, cluster), *cluster.roles]
        return next((found for role in roles if (found := role_sector(state, role)) is not None), None)
    words = cluster.name.lower().replace("-", " ").split()
    for i in range(len(words) - 1, -1, -1):
        for key in (" ".join(words[i - 1 : i + 1]) if i else "", words[i]):
            if key in ORGANIZATION_HEAD_SECTORS:
                return ORGANIZATION_HEAD_SECTORS[key]
    # the agent noun ending the name: "Slovak Soldiers", "Iran's Supreme Leader"
    last = state.kb.agent_sector(" ".join(words[-2:])) or state.kb.agent_sector(words[-1]) if len(words) > 1 else None
    return last if last not in NO_ACTOR_SECTORS else None
