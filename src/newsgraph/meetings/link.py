"""Linking rules: which meeting a mention (one stored CONSULT event) belongs to, without any database.

A mention joins a meeting when their participants agree (one set holds the other), their places do not
differ, their dates do not differ (TIMEX values, one as precise as the other allows), and the mention is not
a plan made after the meeting already took place; otherwise it starts a new meeting.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from newsgraph.lang.en.meetings import APART_KINDS, DEFAULT_KIND, KIND_WORDS

MAX_GAP_DAYS = 90  # a mention without a date joins only meetings last mentioned within this many days
DAY_TOLERANCE = 1  # day dates this close are one meeting (a dateline's "Friday" against "March 20")
MAX_DAYS = 14  # a meeting's end lies at most this many days after its start
FUTURE = ("proposed", "planned", "hypothetical")
# The status an article gives a meeting when it tells several: the most settled one first.
STATUS_RANK = ("occurred", "ongoing", "cancelled", "rejected", "planned", "proposed", "hypothetical")


@dataclass(frozen=True)
class Mention:
    """One CONSULT event read from the store, as linking sees it."""

    article_id: str
    event_id: str
    published: str | None
    status: str  # the event's status: occurred, ongoing, planned, proposed, hypothetical, negated
    when: str | None  # the TIMEX3 value the clause gave (None when assumed from the publication date)
    place: str | None
    place_country: str | None
    participants: frozenset[str]  # the sides and the mediators
    kind: str = DEFAULT_KIND
    round: int | None = None  # "the second round"
    mediators: frozenset[str] = frozenset()  # third parties that broker or host it
    ends: bool = False  # its date is the meeting's last day ("the talks that ended Thursday")
    headline: bool = False  # it stands in the article's first line, whose tense says little ("Leaders meet")
    level: str | None = None  # "leaders" (heads of state or government only) or "delegations" (a round, envoys)
    topic: bool = False  # what another meeting was about ("spoke by phone … about the talks"): sides not its own
    postponed: bool = False  # "the summit has been postponed until May": the date told before no longer holds

    @property
    def sides(self) -> frozenset[str]:
        """The participants that are not mediators."""
        return self.participants - self.mediators or self.participants

    @property
    def date(self) -> str | None:
        """The meeting's date as this mention tells it: the date of a plan, proposal or refusal that lies before
        its publication (a proposal or refusal: on or before) is the day it was made, not the meeting's."""
        if not self.when or not self.when[:4].isdigit():
            return None
        told = self.published[:10] if self.published else None
        start = week_start(self.when) or self.when[:10]
        if told and self.status in (*FUTURE, "negated") and start < told:
            return None
        if told and self.status in ("proposed", "negated") and start == told:
            return None
        return self.when

    @property
    def key(self) -> tuple[str, str, bool, str]:
        """Linking order: publication date, article, those with a date first, event."""
        return (self.published or "", self.article_id, self.date is None, self.event_id)


@dataclass
class Thread:
    """A meeting as linking builds it up."""

    id: str
    participants: set[str]
    mediators: set[str] = field(default_factory=set)
    round: int | None = None
    level: str | None = None
    end: str | None = None
    place: str | None = None
    place_country: str | None = None
    date: str | None = None
    last_published: str | None = None
    occurred_by: str | None = None  # the earliest day it is known to have taken place
    status: str | None = None
    kind: str | None = None
    first_published: str | None = None
    mentions: list[tuple[Mention, str]] = field(default_factory=list)  # (mention, meeting status as of it)


def rank(status: str) -> int:
    """Where ``status`` stands in ``STATUS_RANK`` (an unknown one last)."""
    return STATUS_RANK.index(status) if status in STATUS_RANK else len(STATUS_RANK)


def kind_of(trigger: str, evidence: str) -> str:
    """The kind of meeting an event's trigger ("talks") speaks of, else its evidence ("spoke by phone")."""
    for text in (trigger, evidence):
        words = {w.strip(".,;:!?\"'()").casefold() for w in text.split()}
        kind = next((kind for kind, cues in KIND_WORDS if words & set(cues)), None)
        if kind:
            return kind
    return DEFAULT_KIND


def kind_rank(kind: str) -> int:
    """More specific kinds first (``KIND_WORDS`` order), the default last."""
    kinds = [k for k, _ in KIND_WORDS]
    return kinds.index(kind) if kind in kinds else len(kinds)


def meeting_id(mention: Mention) -> str:
    """A stable id from the mention that started the meeting."""
    digest = hashlib.sha1(f"{mention.article_id}\x00{mention.event_id}".encode()).hexdigest()
    return f"m-{digest[:12]}"


def dates_agree(a: str | None, b: str | None) -> bool:
    """Unknown agrees with anything; else one value is a prefix of the other, or two days are a day apart."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    if da is not None and db is not None:
        return abs((da - db).days) <= DAY_TOLERANCE
    week, day = (a, db) if db is not None else (b, da)
    return day is not None and "-W" in week and day.isocalendar()[:2] == _week(week)


def week_start(value: str) -> str | None:
    """The Monday of an ISO week value ("2026-W32" → "2026-08-03"), or None for any other value."""
    week = _week(value)
    return date.fromisocalendar(week[0], week[1], 1).isoformat() if week and 1 <= week[1] <= 53 else None


def _week(value: str) -> tuple[int, int] | None:
    """(year, week) of an ISO week value ("2026-W47"), or None."""
    year, _, week = value.partition("-W")
    return (int(year), int(week[:2])) if year.isdigit() and week[:2].isdigit() else None


def span_agrees(thread: Thread, mention: Mention) -> bool:
    """The mention's date agrees with the meeting's start, or, for an end ("ended Thursday"), with its end or
    with a day at most ``MAX_DAYS`` after its start."""
    if not mention.ends or not mention.date:
        return dates_agree(thread.date, mention.date)
    if thread.end:
        return dates_agree(thread.end, mention.date)
    start, last = _day(thread.date), _day(mention.date)
    if start is None or last is None:
        return dates_agree(thread.date, mention.date)
    return 0 <= (last - start).days <= MAX_DAYS


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def comparable(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> tuple[set[str], set[str]]:
    """The two sets as compared: by country codes where both name a country (an actor without one, "the
    foreign ministry", does not keep two mentions apart), else by everyone."""
    codes_a, codes_b = {c for c in a if ":" not in c}, {c for c in b if ":" not in c}
    return (codes_a, codes_b) if codes_a and codes_b else (set(a), set(b))


def participants_agree(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """One set holds the other (``comparable``)."""
    smaller, larger = sorted(comparable(a, b), key=len)
    return bool(smaller) and smaller <= larger


def _sides(thread: Thread) -> set[str]:
    return thread.participants - thread.mediators or thread.participants


def kinds_agree(a: str | None, b: str | None) -> bool:
    """A phone call is not the talks it was about; the default kind agrees with any."""
    if not a or not b or DEFAULT_KIND in (a, b) or a == b:
        return True
    return a not in APART_KINDS and b not in APART_KINDS


def conflict(a: str, b: str) -> bool:
    """One article tells of one meeting as held and of the other as to come or as called off (statuses as of the
    article): two meetings ("at a meeting of NATO ministers … before the summit in Warsaw", "ruled out further
    talks, saying the Washington meeting had achieved nothing")."""
    held, not_held = ("occurred", "ongoing"), (*FUTURE, "cancelled", "rejected")
    return (a in held and b in not_held) or (b in held and a in not_held)


def same_article(thread: Thread, mention: Mention) -> bool:
    """The meeting has a mention of the mention's article that it does not conflict with."""
    status = meeting_status(mention, thread)
    return any(m.article_id == mention.article_id and not conflict(s, status) for m, s in thread.mentions)


def corroborated(thread: Thread, mention: Mention) -> bool:
    """Something beyond participants ties them: the same article (unless it tells of one as held and of the
    other as to come), the same place, a date on both, or a round."""
    if same_article(thread, mention):
        return True
    same_place = bool(thread.place and mention.place and thread.place.casefold() == mention.place.casefold())
    return same_place or bool(thread.date and mention.date) or bool(thread.round and mention.round)


def refers_to(thread: Thread, mention: Mention) -> bool:
    """A refusal or a call-off is of this planned meeting: place, date, round or article agree, or it names
    the same kind of meeting ("the summit was called off", not "a meeting" of a round of talks)."""
    return corroborated(thread, mention) or mention.kind == thread.kind


def agrees(thread: Thread, mention: Mention) -> bool:
    """Whether ``mention`` may be a mention of ``thread``."""
    sides, told = comparable(_sides(thread), mention.sides)
    if not mention.participants - mention.mediators:  # "EU-facilitated talks": only who mediates is told
        if not same_article(thread, mention):  # (an article's meetings are linked together, even at ingest)
            return False
    elif mention.topic:  # its sides are the call's: one in common, and place, date or round agree
        if not (sides & told and corroborated(thread, mention)):
            return False
    elif not participants_agree(sides, told):
        return False
    elif len(min(sides, told, key=len)) == 1 and sides != told and not corroborated(thread, mention):
        return False  # "the United States" alone joins a US–Cuba meeting only where place, date or round agree
    if thread.round and mention.round and thread.round != mention.round:
        return False
    if thread.level and mention.level and thread.level != mention.level:
        return False  # the presidents' summit is not their delegations' round
    if not kinds_agree(thread.kind, mention.kind):
        return False
    if mention.status == "negated" and thread.status in FUTURE and not refers_to(thread, mention):
        return False  # "Putin rejected a meeting with Zelensky" is not the round of talks Ukraine proposed
    if thread.place and mention.place and thread.place.casefold() != mention.place.casefold():
        return False
    if thread.place_country and mention.place_country and thread.place_country != mention.place_country:
        return False
    if not span_agrees(thread, mention):
        return False
    if (
        mention.status in (*FUTURE, "negated")
        and thread.occurred_by
        and mention.published
        and thread.occurred_by < mention.published
    ):
        return False
    if mention.date is None:
        last, now = _day(thread.last_published), _day(mention.published)
        if last and now and abs((now - last).days) > MAX_GAP_DAYS:
            return False
    return True


def _fit(thread: Thread, mention: Mention) -> tuple:
    """How well ``mention`` fits an agreeing thread: same round, article, mediators, kind, date, place,
    participants, most recent."""
    return (
        bool(thread.round and mention.round),
        same_article(thread, mention),
        bool(thread.mediators & mention.mediators),  # "mediated by Qatar": the talks Qatar mediated
        thread.kind == mention.kind,
        bool(thread.date and mention.date),
        bool(thread.place and mention.place),
        _sides(thread) == set(mention.sides),
        thread.last_published or "",
    )


def after(value: str | None, published: str | None) -> bool:
    """Whether a TIMEX date, year or month lies wholly after the publication day."""
    if not value or not published or not value[:4].isdigit() or (len(value) > 4 and not value[5:6].isdigit()):
        return False
    return value[:10] > published[:10] and not published.startswith(value)


def meeting_status(mention: Mention, thread: Thread) -> str:
    """The meeting's status as of ``mention``: a negated meeting is cancelled once planned (or cancelled: a later
    article telling of the cancellation), else rejected; a meeting dated after the article has not taken place as
    of it (a headline's "to hold talks" read as held)."""
    if mention.status == "negated":
        return "cancelled" if thread.status in ("planned", "ongoing", "cancelled") else "rejected"
    if mention.status in ("occurred", "ongoing") and after(thread.date or mention.date, mention.published):
        return "planned"
    return mention.status


def article_status(told: list[tuple[Mention, str]]) -> str:
    """The meeting's status as of one article that tells it several times: ongoing where it is told as held and
    then as going on (``continuing``), else the most settled status its body gives (its headline only where the
    body says nothing)."""
    body = [s for m, s in told if not m.headline]
    if continuing([(m.headline, s, m.date) for m, s in told]):
        return "ongoing"
    return min(body or [s for _, s in told], key=rank)


def continuing(told: list[tuple[bool, str, str | None]]) -> bool:
    """Whether an article's body (its mentions as headline, status, date) tells the meeting as held on days
    before the last day it tells it as going on ("met on Tuesday … the talks would continue on Wednesday"): it
    has begun and is not over as of the article."""
    body = [(status, day) for headline, status, day in told if not headline]
    held = [day[:10] for status, day in body if status == "occurred" and day and day[:4].isdigit()]
    going = [day[:10] for status, day in body if status == "ongoing" and day and day[:4].isdigit()]
    return bool(held and going) and max(held) < max(going)


def link(threads: list[Thread], mentions: list[Mention]) -> list[Thread]:
    """Add ``mentions`` (in linking order) to ``threads`` or to new ones; returns the threads that changed."""
    changed: dict[str, Thread] = {}
    for mention in sorted(mentions, key=lambda m: m.key):
        if not mention.participants:
            continue
        candidates = [t for t in threads if agrees(t, mention)]
        if candidates:
            thread = max(candidates, key=lambda t: _fit(t, mention))
        else:
            thread = Thread(meeting_id(mention), set())
            threads.append(thread)
        add(thread, mention)
        changed[thread.id] = thread
    return list(changed.values())


def add(thread: Thread, mention: Mention) -> None:
    """Record ``mention`` in ``thread``: participants, place and date filled in, status as of this article."""
    status = meeting_status(mention, thread)
    thread.mentions.append((mention, status))
    if not (mention.topic and thread.participants):
        thread.participants |= mention.participants
    thread.mediators |= mention.mediators
    thread.round = thread.round or mention.round
    thread.level = thread.level or mention.level
    thread.kind = min(filter(None, (thread.kind, mention.kind)), key=kind_rank)
    thread.first_published = thread.first_published or mention.published
    thread.place = thread.place or mention.place
    thread.place_country = thread.place_country or mention.place_country
    if mention.postponed:
        thread.date, thread.end = mention.date, None
    elif mention.ends and mention.date:
        thread.end = max(filter(None, (thread.end, mention.date)))
    elif mention.date and (not thread.date or len(mention.date) > len(thread.date)):
        thread.date = mention.date
    if status == "occurred" and (not mention.headline or mention.date):
        day = mention.date if mention.date and mention.date[:4].isdigit() else mention.published
        if day and (not thread.occurred_by or day < thread.occurred_by):
            thread.occurred_by = day[:10]
    if not thread.last_published or (mention.published or "") >= thread.last_published:
        thread.status = article_status([(m, s) for m, s in thread.mentions if m.article_id == mention.article_id])
        thread.last_published = mention.published or thread.last_published
