"""Actor names: the aliases stored for an actor and name matching (case- and accent-insensitive).
Which stored actor an analysed one is: `identity.py`."""

from __future__ import annotations

from newsgraph.kb.loader import KnowledgeBase, normalize
from newsgraph.model import Actor
from newsgraph.namekey import display_name

PRONOUNS = frozenset("i me my we us our you your he him his she her hers it its they them their this that".split())
NAME_PARTICLES = frozenset("of the and de del der di du la le van von bin al el da dos".split())


def fold(name: str) -> str:
    """The form names are compared in: casefolded, accents stripped, "the" and "'s" dropped."""
    return normalize(name)


def is_name(text: str) -> bool:
    """A mention that names its actor ("Lavrov", "the Kremlin"), not a pronoun or a common noun."""
    words = [w for w in text.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and text.lower() not in PRONOUNS and all(w[0].isupper() or not w[0].isalpha() for w in words)


def aliases(actor: Actor, kb: KnowledgeBase | None) -> list[str]:
    """Every distinct name this actor goes by: its name, its name-like mentions, its KB names."""
    names = [actor.name, *(m.text for m in actor.mentions if is_name(m.text)), *kb_names(kb, actor.kb_id)]
    return list(dict.fromkeys(shown for n in names if fold(shown := display_name(n))))


def kb_names(kb: KnowledgeBase | None, kb_id: str | None) -> tuple[str, ...]:
    """The KB's name and aliases for a linked person or organisation (country aliases include
    territories and demonyms, which would make poor names; countries match by name and code)."""
    if kb is None or not kb_id:
        return ()
    if person := kb.person(kb_id):
        return (person.name, *person.aliases)
    if organization := kb.organization(kb_id):
        return (organization.name, *organization.aliases)
    return ()


def like_word(folded: str) -> str:
    """A LIKE pattern (escape ``\\``) matching ``' ' || folded_alias || ' '`` that contains these words."""
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped} %"
