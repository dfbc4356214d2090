"""Typed query results, and the list that holds them (with ``.to_pandas()``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Generic, TypeVar


@dataclass
class QuoteRecord:
    """A stored quote with its speaker and addressee resolved to global actors."""

    article_id: str
    quote_id: str
    speaker: str | None  # the actor's canonical name, else the words the article used
    speaker_id: str | None
    kind: str
    cue: str | None
    addressee: str | None
    addressee_id: str | None
    text: str
    start: int
    end: int
    published: str | None
    title: str | None
    url: str | None


@dataclass
class EventRecord:
    """A stored event with its source and target actors by name (and global id)."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    status: str
    source: list[str]
    target: list[str]
    source_ids: list[str]
    target_ids: list[str]
    when_text: str | None
    when_value: str | None
    when_assumed: bool | None
    where_text: str | None
    where_country: str | None
    trigger: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    cameo: str | None
    goldstein: float | None
    day: str | None
    published: str | None


@dataclass
class ActorRecord:
    """A global actor, its names (KB and article aliases; the spellings articles used), and how often the corpus
    mentions, quotes and involves it."""

    id: str
    name: str
    kind: str
    kb_id: str | None
    country: str | None
    sector: str | None
    aliases: list[str]
    articles: int
    mentions: int
    quotes: int
    events: int
    spellings: list[str]  # the names its mentions use in the articles, most used first
    merged_from: list[str]  # ids of stored actors merged into this one (store/identity.py)


@dataclass
class ArticleRecord:
    """A stored article."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str
    duplicate_of: str | None
    analysed: bool
    ingested_at: str
    text: str


@dataclass
class MeetingMention:
    """One article's statement about a meeting: the meeting's status as of that article, with its evidence."""

    article: str
    event: str
    published: str | None
    status: str
    start: str | None
    end: str | None
    place: str | None
    text: str
    text_start: int
    text_end: int
    title: str | None


@dataclass
class MeetingOutcome:
    """What an article says a meeting produced ("agreed to exchange 300 prisoners"), as a span of its text."""

    article: str
    text: str
    text_start: int
    text_end: int


@dataclass
class MeetingRecord:
    """A meeting followed across articles (``newsgraph.meetings/1``); ``status`` is as of the latest article."""

    id: str
    label: str
    kind: str
    participants: list[str]  # country codes (ISO3, UN, NATO), else actor ids; mediators included
    mediators: list[str]  # the participants that broker or host it
    people: list[str]
    place: str | None
    start: str | None
    end: str | None
    round: int | None  # "the second round"
    level: str | None  # "leaders" (heads of state or government only) or "delegations", where told
    process: str
    status: str
    outcomes: list[MeetingOutcome]
    mentions: list[MeetingMention]


Record = TypeVar("Record", QuoteRecord, EventRecord, ActorRecord, ArticleRecord, MeetingRecord)


class Results(list, Generic[Record]):
    """One page of records: ``offset`` rows were skipped, ``total`` rows match in all (None when not counted);
    ``to_pandas()`` makes a DataFrame where pandas is installed."""

    def __init__(self, records: list[Record], record_type: type, *, total: int | None = None, offset: int = 0):
        super().__init__(records)
        self.record_type = record_type
        self.total = total
        self.offset = offset

    @property
    def more(self) -> bool:
        """Whether rows match beyond this page."""
        return self.total is not None and self.offset + len(self) < self.total

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as plain dictionaries."""
        return [asdict(r) for r in self]

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with one column per field (pandas comes with the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError as exc:
            raise RuntimeError("to_pandas() needs pandas: pip install 'newsgraph[pandas]'") from exc
        return pandas.DataFrame(self.to_dicts(), columns=[f.name for f in fields(self.record_type)])
