"""Words that tell what kind of meeting an event's evidence speaks of, most specific kind first."""

KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("summit", ("summit",)),
    ("phone call", ("phone", "phoned", "telephone", "telephoned")),
    ("negotiation session", ("negotiation", "negotiations", "negotiate", "negotiated", "negotiating")),
    ("talks", ("talks", "round")),
    ("meeting", ("meet", "meets", "met", "meeting", "meetings")),
)
DEFAULT_KIND = "meeting"
