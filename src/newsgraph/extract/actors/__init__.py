"""Actors of one article: mentions, in-document coreference, metonymy, knowledge-base links.

``extract_actors(doc, kb, published)`` returns an :class:`ActorIndex` (`index.py`): the actors
(with all their mentions as evidence) and a token -> actor map that the quote and event
extractors use to resolve a subject such as "he", "the minister" or "the Kremlin" to an actor.

The steps, in order, each over the shared clusters of `state.State`; a step skips tokens an
earlier one took:

0. `kbnames.kb_person_names`: a KB person's full name the NER cut or split ("Ursula von der" +
   "Leyen") is one mention of that person;
1. `mentions.named_mentions`: the NER's entities, corrected (headings, titles, possessive places,
   a name used as a place, "Hutu extremists", persons tagged ORG, lists); countries, capitals
   and seats of government through `places.place_or_government` ("Kyiv rejected" becomes that
   government); persons clustered by name (surname = full name), organisations by KB id or
   name (`clusters.py`);
2. `kbnames.kb_name_mentions`: KB organisation acronyms (case-sensitive) and multi-word names
   (capitalised) the NER missed or mislabelled ("USAID provided …");
3. `clusters.merge_same_kb`: clusters of one KB id become one;
4. `mentions.given_name_persons`: a first name + proper nouns the NER missed;
5. `mentions.surname_mentions`: bare surnames of known persons the NER missed;
6. `mentions.settle_kinds`: a one-word "person" the NER mostly calls an organisation is one;
7. `mentions.organization_mentions`: one-word organisation names the NER missed;
8. `mentions.heading_mentions`: in headings, names the body established;
9. `coding.title_only_persons`: "Vice President" alone is no person, "General Staff" an organisation;
   `dictionary_coding.settle_dictionary_kinds`: "Transnistria said" is that region acting, an ORG
   named like a person of the actor dictionary is that person; `dictionary_coding.unnamed_places`:
   "Somaliland said", a place the NER missed, acting; `places.unnamed_seats`: "Kyiv said", a
   capital the NER missed, acting as its government;
10. `roles.text_roles`: roles from titles and appositions ("Russian Foreign Minister X", "X, Russia's envoy");
11. `places.institutions`: state institutions ("Belarus's foreign ministry");
12. `roles.role_descriptions`: "the Kremlin leader", "the envoy" through roles and the KB;
13. `references.capitalised_org_descriptions`: "Army spokesman" -> the army named before;
14. `references.organization_descriptions`: "the ministry", "the company" -> the organisation named before;
15. `references.person_descriptions`: "the analyst said" -> the person just named;
16. `references.pronouns`: third-person pronouns by syntax (governing subject), recency and gender;
17. `coding.unnamed_agents`: phrases named by a coded group noun only ("Ukrainian farmers", "police in
    Nairobi") as group actors (`agents.py`), a role subject as its office holder;
18. `clusters.merge_same_kb` again, for KB links the later steps made;
19. `coding.owned_bodies`: "Russia's Baltic Fleet" is one mention of the fleet, not one of Russia too;
20. `coding.code_actors`: every actor's country and sector from its KB entry, words and roles;
21. `coding.home_state_bodies`: "the government", "the authorities" that no word places, in an
    article whose actors belong to one country, are that country's.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsgraph.extract.actors.clusters import merge_same_kb
from newsgraph.extract.actors.coding import (
    code_actors,
    home_state_bodies,
    owned_bodies,
    title_only_persons,
    unnamed_agents,
)
from newsgraph.extract.actors.dictionary_coding import settle_dictionary_kinds, unnamed_places
from newsgraph.extract.actors.index import ActorIndex, PlaceMention
from newsgraph.extract.actors.kbnames import kb_name_mentions, kb_person_names
from newsgraph.extract.actors.mentions import (
    given_name_persons,
    heading_mentions,
    named_mentions,
    organization_mentions,
    settle_kinds,
    surname_mentions,
)
from newsgraph.extract.actors.places import institutions, unnamed_seats
from newsgraph.extract.actors.references import (
    capitalised_org_descriptions,
    organization_descriptions,
    person_descriptions,
    pronouns,
)
from newsgraph.extract.actors.roles import role_descriptions, text_roles
from newsgraph.extract.actors.state import State
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Actor, Mention

__all__ = ["ActorIndex", "PlaceMention", "extract_actors"]

STEPS = (
    kb_person_names,
    named_mentions,
    kb_name_mentions,
    merge_same_kb,
    given_name_persons,
    surname_mentions,
    settle_kinds,
    organization_mentions,
    heading_mentions,
    title_only_persons,
    settle_dictionary_kinds,
    unnamed_places,
    unnamed_seats,
    text_roles,
    institutions,
    role_descriptions,
    capitalised_org_descriptions,
    organization_descriptions,
    person_descriptions,
    pronouns,
    unnamed_agents,
    merge_same_kb,
    owned_bodies,
    code_actors,
    home_state_bodies,
)


def extract_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> ActorIndex:
    """Actors of ``doc`` with their mentions, roles and KB links (see the module docstring)."""
    state = State(doc, kb, published)
    for step in STEPS:
        step(state)
    return actor_index(state)


def actor_index(state: State) -> ActorIndex:
    """The clusters with mentions as actors, numbered in order of first mention, and the token -> actor map."""
    ordered = sorted((c for c in state.clusters if c.spans), key=lambda c: min(c.spans))
    actors: list[Actor] = []
    by_cluster: dict[int, Actor] = {}
    for number, cluster in enumerate(ordered, start=1):
        mentions = []
        for start, end in sorted(cluster.spans):
            span = state.doc[start:end]
            mentions.append(Mention(span.start_char, span.end_char, span.text))
        actor = Actor(
            id=f"A{number}",
            name=cluster.name,
            kind=cluster.kind,
            kb_id=cluster.kb_id,
            country=cluster.country,
            sector=cluster.sector,
            roles=list(cluster.roles),
            mentions=mentions,
        )
        actors.append(actor)
        by_cluster[id(cluster)] = actor
    by_token = {i: by_cluster[id(c)] for i, c in state.by_token.items() if id(c) in by_cluster}
    heads = {by_cluster[id(c)].id: c.head for c in ordered if c.head is not None}
    bodies = {by_cluster[id(c)].id: by_cluster[id(c.body)] for c in ordered if c.body and id(c.body) in by_cluster}
    return ActorIndex(actors, by_token, state.places, state.named_countries, state.kb, heads, bodies)
