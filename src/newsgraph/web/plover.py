"""PLOVER quad classes: the 2x2 of verbal/material cooperation/conflict that event types roll up into."""

from __future__ import annotations

# PLOVER v0.8 manual, the "Quad category" of each event type's section.
QUADS: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF: dict[str, str] = {event_type: quad for quad, types in QUADS.items() for event_type in types}
EVENT_TYPES: tuple[str, ...] = tuple(QUAD_OF)
COOPERATIVE: tuple[str, ...] = QUADS["verbal cooperation"] + QUADS["material cooperation"]
COLOURS: dict[str, str] = {
    "verbal cooperation": "#7fb3d5",
    "material cooperation": "#1f6fa8",
    "verbal conflict": "#f0a35e",
    "material conflict": "#c0392b",
}


def quad(event_type: str) -> str | None:
    """The quad class of a PLOVER event type (None for a type outside PLOVER)."""
    return QUAD_OF.get(event_type.upper())


def is_cooperative(event_type: str) -> bool:
    """AGREE … RETREAT are cooperation; REQUEST … ASSAULT conflict."""
    return event_type.upper() in COOPERATIVE
