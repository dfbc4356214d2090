"""Which stored actor an analysed actor is: one identity per person across spellings and articles.

A KB-linked actor is ``kb:<kb_id>``. An unlinked person is the stored unlinked person with the same
name key (`newsgraph.namekey`: "Kiril Dmitriev" = "Kirill Dmitriyev") and a compatible country
(the same, or one of them unknown); a key alone never joins different given names ("Jane Holm"
and "John Holm" stay two). A new person gets ``person:<folded name>``, or
``person:<folded name>@<country>`` when that id is taken by a namesake of another country. Other
kinds are ``<kind>:<folded name>``. Imports no spaCy.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from newsgraph.kb.loader import KBPerson, KnowledgeBase
from newsgraph.model import Actor
from newsgraph.namekey import display_name, name_key, person_keys, persons_keyed
from newsgraph.store import schema
from newsgraph.store.names import fold

actors, aliases, mentions, quotes, merges = (
    schema.actors,
    schema.actor_aliases,
    schema.mentions,
    schema.quotes,
    schema.actor_merges,
)
outer, sides = schema.event_actors, schema.event_actors.alias("sides")


def person_key(kind: str, name: str) -> str | None:
    """The name key stored with an unlinked person (None for other kinds)."""
    return (name_key(name) or None) if kind == "person" else None


def compatible(first: str | None, second: str | None) -> bool:
    """Two countries that can belong to one person: equal, or one unknown."""
    return first is None or second is None or first == second


class Identities:
    """Stored ids for the actors of a batch, consistent with the store and with each other."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_key: dict[str, list[tuple[str, str | None]]] = {}  # name key -> (id, country), stored or assigned
        self.taken: set[str] = set()

    def load(self, keys: set[str]) -> None:
        """Read the stored unlinked persons with these keys."""
        missing = sorted(k for k in keys if k not in self.by_key)
        for key in missing:
            self.by_key[key] = []
        for start in range(0, len(missing), 500):
            stmt = (
                select(actors.c.id, actors.c.name_key, actors.c.country)
                .where(actors.c.name_key.in_(missing[start : start + 500]), actors.c.kb_id.is_(None))
                .order_by(actors.c.id)
            )
            for actor_id, key, country in self.conn.execute(stmt):
                self.by_key[key].append((actor_id, country))
                self.taken.add(actor_id)

    def id_of(self, actor: Actor) -> str:
        """The stored id of an analysed actor (see the module docstring)."""
        if actor.kb_id:
            return f"kb:{actor.kb_id}"
        key = person_key(actor.kind, actor.name)
        if key is None:
            return f"{actor.kind}:{fold(display_name(actor.name))}"
        self.load({key})
        return self.person_id(key, fold(display_name(actor.name)), actor.country)

    def person_id(self, key: str, folded: str, country: str | None) -> str:
        """The id of the unlinked person with this key and country: stored, or a new one recorded."""
        stored = self.by_key[key]
        same = [i for i, c in stored if c is not None and c == country]
        fits = same or [i for i, c in stored if compatible(c, country)]
        if fits:
            return fits[0]
        new = f"person:{folded}"
        if new in self.taken or self._exists(new):
            new = f"{new}@{country or 'unknown'}"
        stored.append((new, country))
        self.taken.add(new)
        return new

    def _exists(self, actor_id: str) -> bool:
        return self.conn.execute(select(actors.c.id).where(actors.c.id == actor_id)).first() is not None


def kb_person_of(name: str, kb: KnowledgeBase) -> KBPerson | None:
    """The one KB person one of whose names or aliases, in any spelling, this stored name is
    ("Zelenskiy", "Kiril Dmitriev"); a bare surname counts only as a listed alias, never as a surname."""
    key = name_key(name)
    candidates = (
        persons_keyed(name, kb) if " " in key else [p for p in persons_keyed(name, kb) if key in person_keys(p)]
    )
    return candidates[0] if len(candidates) == 1 else None


def unify(conn: Connection, kb: KnowledgeBase) -> int:
    """Merge the stored actors that are one person (used by migration 0003 on existing stores):
    an unlinked person or organisation whose name is a KB person's name or alias in any spelling
    becomes that KB person, and unlinked persons of one name key and compatible countries become
    the most mentioned of them. Every merged id is kept in ``actor_merges``; returns how many."""
    counts: dict[str, int] = dict(
        conn.execute(select(mentions.c.actor_id, func.count()).group_by(mentions.c.actor_id)).all()
    )
    stmt = select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country).where(
        actors.c.kb_id.is_(None), actors.c.kind.in_(("person", "organization"))
    )
    kept: dict[str, list[tuple[str, str | None]]] = {}
    merged = 0
    for row in sorted(conn.execute(stmt).all(), key=lambda r: (-counts.get(r.id, 0), r.id)):
        name = display_name(row.name)
        person = kb_person_of(name, kb)
        key = person_key(row.kind, name)
        target = f"kb:{person.id}" if person else None
        if person is not None:
            _ensure_kb_actor(conn, person)
        elif key is not None:
            target = next((i for i, c in kept.get(key, []) if compatible(c, row.country)), None)
            if target is None:
                kept.setdefault(key, []).append((row.id, row.country))
                conn.execute(update(actors).where(actors.c.id == row.id).values(name=name, name_key=key))
        if target is not None:
            merge(conn, row.id, target)
            merged += 1
    return merged


def _ensure_kb_actor(conn: Connection, person: KBPerson) -> None:
    """The stored actor of a KB person, inserted when absent."""
    actor_id = f"kb:{person.id}"
    if conn.execute(select(actors.c.id).where(actors.c.id == actor_id)).first() is None:
        sector = next((o.sector for o in person.offices if o.end is None), None)
        conn.execute(
            insert(actors).values(
                id=actor_id, name=person.name, kind="person", kb_id=person.id, country=person.country, sector=sector
            )
        )


def merge(conn: Connection, old_id: str, new_id: str) -> None:
    """Move everything stored under actor ``old_id`` to ``new_id`` (which exists), record the
    merge with the old name and kind in ``actor_merges``, and delete the old actor row. Runs inside migration
    0003, so it moves the rows of the tables that revision has (0004 fills ``quote_speakers`` from the merged ids)."""
    old = conn.execute(select(actors.c.name, actors.c.kind).where(actors.c.id == old_id)).one()
    names = [old.name, *conn.execute(select(aliases.c.alias).where(aliases.c.actor_id == old_id)).scalars()]
    have = set(conn.execute(select(aliases.c.alias).where(aliases.c.actor_id == new_id)).scalars())
    new_aliases = {shown for n in names if (shown := display_name(n)) and shown not in have and fold(shown)}
    if new_aliases:
        conn.execute(
            insert(aliases), [{"actor_id": new_id, "alias": n, "folded": fold(n)} for n in sorted(new_aliases)]
        )
    conn.execute(delete(aliases).where(aliases.c.actor_id == old_id))
    for column in (schema.article_actors.c.actor_id, mentions.c.actor_id, quotes.c.speaker_id, quotes.c.addressee_id):
        conn.execute(update(column.table).where(column == old_id).values({column.name: new_id}))
    both = select(sides.c.article_id).where(
        sides.c.actor_id == new_id,
        sides.c.article_id == outer.c.article_id,
        sides.c.event_id == outer.c.event_id,
        sides.c.side == outer.c.side,
    )
    conn.execute(delete(outer).where(outer.c.actor_id == old_id, both.exists()))
    conn.execute(update(outer).where(outer.c.actor_id == old_id).values(actor_id=new_id))
    conn.execute(update(merges).where(merges.c.actor_id == old_id).values(actor_id=new_id))
    conn.execute(insert(merges).values(old_id=old_id, actor_id=new_id, old_name=old.name, old_kind=old.kind))
    conn.execute(delete(actors).where(actors.c.id == old_id))
