"""Actor knowledge base (persons with dated offices, countries, organisations, agent nouns)."""

from newsgraph.kb.loader import (
    KBCountry,
    KBError,
    KBOrganization,
    KBPerson,
    KnowledgeBase,
    Office,
    default_kb,
    normalize,
)

__all__ = ["KBCountry", "KBError", "KBOrganization", "KBPerson", "KnowledgeBase", "Office", "default_kb", "normalize"]
