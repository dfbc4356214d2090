"""Words and labels that English temporal expressions are read by (used by `extract/times/`)."""

# -- calendar words ----------------------------------------------------------------------------

# Month names in calendar order.
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Month names and abbreviations ("sep", "sep.", "sept") with their number; "may" is never short.
MONTHS: dict[str, int] = {name: i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3]: i for i, name in enumerate(MONTH_NAMES, 1) if name != "may"})
MONTHS.update({f"{name[:3]}.": i for i, name in enumerate(MONTH_NAMES, 1) if name != "may"})
MONTHS.update({"sept": 9, "sept.": 9})
# Weekdays with their number (Monday is 0, as in ``date.weekday()``).
WEEKDAYS: dict[str, int] = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
# Parts of the day with their TIMEX3 code.
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Parts of the day that follow "this" ("this morning"; "this night" is no expression).
THIS_PARTS_OF_DAY = ("morning", "afternoon", "evening")
# Seasons with their TIMEX3 code.
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# A day given by its ordinal or number ("19th", "3"), the number in group 1.
DAY_RE = r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"

# -- relative words ----------------------------------------------------------------------------

# Counts written as words ("two days ago", "a week ago").
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# Counts too vague for a value ("a few weeks ago" is only in the past).
VAGUE_COUNTS = ("few", "several")
# Vague counts after "the next" ("the next couple of weeks").
FEW_WORDS = ("couple", "few")
# Calendar units counted in relative expressions ("two weeks ago", "next month").
UNITS = ("day", "week", "month", "year")
PLURAL_UNITS = [f"{u}s" for u in UNITS]
# Words placing a month, year or decade within itself ("early March", "the late 1990s").
EDGE_WORDS = ("early", "mid", "late")
# Words placing a unit before or after ("later this week"), kept in the text, not the value.
UNIT_EDGE_WORDS = ("earlier", "later", "early", "late")
# Words that shift a weekday, month or unit; each shift in SHIFTS.
RELATIVE_WORDS = ("this", "last", "next")
SHIFTS = {"last": -1, "next": 1}
# Words naming a day by the publication date, and the day each names.
DEICTIC_WORDS = ("today", "yesterday", "tomorrow", "tonight")
DEICTIC_DAYS = {"yesterday": -1, "tomorrow": 1, "last": -1}
# Words of the time to come ("the coming weeks").
COMING_WORDS = ("coming", "upcoming")
# Words that make an expression a set ("every Tuesday") rather than one time.
SET_MARKERS = frozenset({"every", "each"})
# Words that make an expression a period of accounts ("fiscal 2024").
PERIOD_MARKERS = frozenset({"fiscal"})

# -- names -------------------------------------------------------------------------------------

# NER labels of names, which a time word inside is part of ("Super Tuesday").
NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
    }
)

# -- tense -------------------------------------------------------------------------------------

# Lemmas of a present "is scheduled/expected/set/going to".
FUTURE_LEMMAS = frozenset({"schedule", "expect", "plan", "set", "slate", "intend", "go"})
# Auxiliaries of the future tense ("will meet"); "would" is among MODALS here.
WILL_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Modal auxiliaries: the future unless perfect ("could have met").
MODALS = frozenset({"can", "ca", "could", "may", "might", "must", "should", "would"})
# Present forms of "be" ("is meeting", "is scheduled").
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Tags of a present simple verb ("meets", "meet").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Dependencies of a verb's auxiliaries.
AUX_DEPS = frozenset({"aux", "auxpass"})
# Dependencies climbed from a verb to the one whose tense it shares ("is due to meet").
TENSE_CLIMB_DEPS = frozenset({"xcomp", "acomp"})
