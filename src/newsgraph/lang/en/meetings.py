"""Words that tell what kind of meeting an event's evidence speaks of, most specific kind first, and the wording
cues of the sentence around it: the round ("the second round"), a mediator ("US-brokered", "hosted by Qatar"),
an end ("the talks that ended Thursday") and what a meeting produced ("agreed to exchange 300 prisoners")."""

KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("summit", ("summit",)),
    ("phone call", ("phone", "phoned", "telephone", "telephoned", "videoconference")),
    ("negotiation session", ("negotiation", "negotiations", "negotiate", "negotiated", "negotiating")),
    ("talks", ("talks", "round", "delegations", "negotiators")),
    ("meeting", ("meet", "meets", "met", "meeting", "meetings")),
)
DEFAULT_KIND = "meeting"
# What an agreement or a refusal is of when it is of a meeting ("agreed to hold talks", "rejected a summit").
MEETING_NOUNS = ("talks", "meeting", "meet", "summit", "negotiations", "negotiate", "round")
# A delegations' meeting rather than the leaders' own: "the delegations met", "negotiators", "US envoys".
DELEGATION_WORDS = ("delegations", "delegation", "negotiators", "envoys", "officials", "teams", "delegates")
LEADER_OFFICES = ("head_of_state", "head_of_government")  # KB office types of the leaders who hold summits
# Kinds that are never the same meeting as one of another kind (a call is not the talks it was about).
APART_KINDS = ("phone call",)

# "the second round", "round two", "a 3rd round": the ordinal of a round of talks.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
ROUND_WORDS = ("round", "session")
# Words between a meeting's evidence and a round named after it that start another clause, whose round is
# another meeting ("stalling the Geneva talks and said it would not attend a third round").
CLAUSE_BREAKS = (" and ", " but ", ";", " said", " saying", " while ", " until ")

# A third party that brokers or hosts: "US-brokered talks", "talks mediated by Qatar", "hosted by Malaysia".
MEDIATION_SUFFIXES = ("-brokered", "-mediated", "-hosted", "-sponsored", "-facilitated")
MEDIATION_WORDS = ("brokered", "mediated", "hosted", "sponsored", "facilitated")  # "… by X"
MEDIATION_NOUNS = ("mediation", "auspices")  # "under Qatari mediation", "under the auspices of the UN"
HOST_TRIGGERS = ("host", "hosts", "hosted", "hosting")  # an event whose source hosts the others
# An event whose source brokers the meeting ("Qatar mediated the talks"), or all of whose actors do ("talks …
# mediated by Qatar and Turkey"): its actors are no sides.
MEDIATION_TRIGGERS = (
    "mediate", "mediates", "mediated", "mediating", "broker", "brokers", "brokered", "brokering", "facilitated",
)  # fmt: skip

# "the talks that ended Thursday": the date the sentence gives is the meeting's last day.
END_WORDS = ("ended", "concluded", "closed", "wrapped")

# What a meeting produced: the clause from one of these words to the end of its sentence.
OUTCOME_CUES = ("agreed", "signed", "produced", "reached", "approved", "adopted")
# The word after an outcome word: what was agreed follows ("agreed to …", "signed a …"), unlike a participle
# ("the withdrawal agreed in Kuala Lumpur").
OUTCOME_NEXT = ("to", "on", "upon", "that", "a", "an", "the", "their", "its", "new", "joint")
# Where an outcome clause ends before its sentence does: ", but shelling … raised doubts".
OUTCOME_STOPS = (", but ", ", while ", ", although ", ", though ", "; ")
# An agreement to meet is a plan, not an outcome ("agreed to meet again", "agreed to hold talks").
NOT_OUTCOMES = ("meet", "hold", "resume", "continue", "talk")
CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")  # "round two"

# Capitalised abbreviations whose full stop ends no sentence (single capitals, "U.S.", are caught by shape).
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Gov", "Sen", "Rep", "Prof")

# A nominal reference to a meeting an article or an earlier one named: "last week's talks in Geneva", "the
# Washington meeting", "the trilateral meeting that ended Thursday", "the first round, held in Bogota".
REFERENCE_NOUNS = ("talks", "meeting", "summit", "negotiations", "round")
# Determiners of a definite reference ("the talks", "this week's meeting"), not "a", "any", "further".
DEFINITE_DETERMINERS = ("the", "this", "that", "these", "those")
# Clauses of a reference noun whose time and place are the meeting's ("the talks that ended Thursday in Geneva",
# "the first round, held in Bogota last month").
REFERENCE_CLAUSES = ("relcl", "acl")
# A definite group whose members an earlier sentence named: "the delegations agreed to meet again", "the two
# leaders agreed to hold a summit", "both sides will meet".
GROUP_REFERENCES = (
    "delegations", "leaders", "sides", "ministers", "negotiators", "presidents", "governments", "teams", "envoys",
    "countries", "parties",
)  # fmt: skip
GROUP_DETERMINERS = ("the", "both", "these", "their")  # "their foreign ministers would meet in Lima"
MEETING_VERBS = ("meet", "phone", "telephone")  # lemmas of a meeting verb whose subject may be such a group
# A call is a meeting where a phone word says so: "held a phone call", "a telephone conversation", "spoke by
# phone", "talked by telephone".
CALL_NOUNS = ("call", "conversation")
CALL_VERBS = ("speak", "talk")  # with "by" and a phone word
PHONE_WORDS = ("phone", "telephone", "video", "videolink")
# A meeting still to come after those told of: "a further round", "another meeting", "a new round of talks".
FURTHER_WORDS = ("further", "another", "new", "next", "fresh")
# A meeting noun that lists its own sides ("talks between A and B"), where the parser took it for a name after a
# dateline ("ISLAMABAD (Reuters) - Talks between A and B ended …").
ALL_SIDES_PREPOSITIONS = ("between", "among")
# "the meeting in Lima", "talks at Camp David": a reference's own place, not one of its sides.
PLACE_PREPOSITIONS = ("in", "at")
# The group's own countries: "the presidents of Chile and Peru", "the foreign ministers of A and B".
GROUP_ORIGIN_PREPOSITIONS = ("of", "from")
CLAUSE_CLIMB = 3  # heads climbed from a meeting word to the clause whose subject is the group
# "spoke by phone with X about the talks in Istanbul": a meeting a call or meeting was about, whose sides the
# event gives wrongly (the call's); the words just before its trigger.
TOPIC_PREPOSITIONS = ("about", "over", "regarding", "concerning")
TOPIC_DETERMINERS = ("the", "this", "that", "their", "its", "a", "an", "next", "new", "planned")
# "called off the planned summit", "the cancellation of the Ankara summit": a meeting called off, whatever tense
# or modifier ("planned") the event's status was read from; the words just before the meeting's trigger.
CANCEL_WORDS = (
    "cancelled",
    "canceled",
    "cancel",
    "cancels",
    "cancelling",
    "canceling",
    "cancellation",
    "scrapped",
    "scrap",
    "scraps",
)
CALL_OFF_VERBS = ("call", "calls", "called", "calling")  # "… off"
# Auxiliaries before a cancel word that tell a meeting was called off ("the summit has been scrapped").
PASSIVE_AUXILIARIES = ("been", "was", "were", "is", "are")
# Words between a cancel word and the meeting it cancels ("called off the planned September summit").
CANCEL_SKIPPED = ("the", "a", "its", "their", "this", "that", "of", "planned", "upcoming", "scheduled", "proposed")
MAX_CANCEL_SKIP = 4  # at most this many such words (capitalised names included)
# "has been postponed until March", "put off by a month": a meeting delayed is still planned, not called off.
POSTPONE_WORDS = (
    "postponed",
    "postpone",
    "postpones",
    "postponing",
    "postponement",
    "delayed",
    "deferred",
    "rescheduled",
)
POSTPONE_PHRASES = (("put", "off"), ("pushed", "back"), ("push", "back"))  # verb + particle
# "the leaders discussed North Korea's missile launches": what is discussed, never a side (without a source).
DISCUSSION_VERBS = ("discuss", "discussed", "discusses", "discussing")
# Whom a participant speaks to about a meeting, never a side of it ("told reporters after the talks").
AUDIENCE_NOUNS = ("reporters", "journalists", "correspondents", "press", "media", "newsmen")
