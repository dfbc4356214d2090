"""The JSON API under ``/api``: the filters of ``newsgraph query``, pages of at most ``MAX_PAGE`` rows with the
``total`` that match and a ``next`` link, and the field names of the query records and of ``newsgraph.analysis/1``.

Route docstrings are the descriptions of ``/docs`` and ``/openapi.json``: Markdown, one backtick for code.
A text parameter with a control character (NUL, escape, …) is refused with 422 and the reason."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from newsgraph.model import EVENT_STATUSES
from newsgraph.store import queries
from newsgraph.store.records import ActorRecord, ArticleRecord, EventRecord, QuoteRecord, Results
from newsgraph.web import data

MAX_PAGE = 200
DEFAULT_PAGE = 50
SNIPPET_CHARS = 280

T = TypeVar("T")


def connection(request: Request) -> Iterator[Connection]:
    """A database connection for one request."""
    with request.app.state.corpus.engine.connect() as conn:
        yield conn


def plain_text(value: str | None) -> str | None:
    """A text parameter without control characters (they are never part of a name or a search)."""
    if value is not None and (bad := queries.control_character(value)):
        raise ValueError(f"contains a control character ({bad})")
    return value


PlainText = AfterValidator(plain_text)
Conn = Annotated[Connection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip (the `next` link sets it)")]
Name = Annotated[
    str | None, PlainText, Query(max_length=200, description="a name or alias (whole words, any case or accents)")
]
Actor = Annotated[str | None, PlainText, Query(max_length=200, description="a name, alias or ISO3 country code")]
Search = Annotated[
    str | None,
    PlainText,
    Query(
        max_length=500,
        description='full text: all words, "phrases" kept together; word forms, '
        "accents and hyphens folded, other spellings of a name found",
    ),
]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$", description="PLOVER type, e.g. CONSULT")]
Status = Annotated[Literal[EVENT_STATUSES] | None, Query(description="event status")]  # type: ignore[valid-type]
ActorId = Annotated[
    str,
    PlainText,
    Path(
        max_length=300,
        description="global actor id: `kb:<id>` for an actor in the knowledge base, else `<kind>:<name>`",
    ),
]
ArticleId = Annotated[str, PlainText, Path(max_length=300, description="article id (as `/api/articles` lists it)")]
SearchQuery = Annotated[
    str,
    PlainText,
    Query(
        min_length=1,
        max_length=500,
        description='words to find: all required, "phrases" kept together; word forms, accents and hyphens folded',
    ),
]


class Page(BaseModel, Generic[T]):
    """One page of results: `total` rows match; `next` is the URL of the following page (null on the last)."""

    items: list[T]
    total: int = Field(description="how many rows match the filters, over all pages")
    limit: int
    offset: int
    next: str | None = Field(description="the URL of the next page; null on the last")


@dataclass
class ArticleSummary:
    """An article in a list: its metadata and the start of its text (the whole text is at /api/articles/{id})."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str
    duplicate_of: str | None
    analysed: bool
    ingested_at: str
    snippet: str


class SearchResults(BaseModel):
    """Quotes and articles matching a full-text query, paged together, with the total of each."""

    query: str
    quotes: list[QuoteRecord]
    quotes_total: int
    articles: list[ArticleSummary]
    articles_total: int
    limit: int
    offset: int
    next: str | None


class Counterpart(BaseModel):
    """An actor on the other side of events, and how many events of each PLOVER type."""

    id: str
    name: str
    types: dict[str, int]


class ActorDetail(BaseModel):
    """A global actor with its counts, the roles articles gave it, and its counterparts in events."""

    actor: ActorRecord
    roles: list[str]
    counterparts: list[Counterpart]


class AnalysisRecord(BaseModel):
    """The `newsgraph.analysis/1` record of one article (see `src/newsgraph/schema/analysis.schema.json`), and
    `stored`: its global actor ids, duplicate link and ingest time."""

    model_config = ConfigDict(extra="allow")

    schema_: str = Field(alias="schema", description="`newsgraph.analysis/1`")
    article: dict[str, Any]
    actors: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    times: list[dict[str, Any]]
    stored: dict[str, Any]


router = APIRouter(prefix="/api", tags=["corpus"])


def run(conn: Connection, kind: str, limit: int, offset: int, **filters: Any) -> Results:
    """`queries.run`, with a bad value answered 400."""
    try:
        return queries.run(conn, kind, limit=limit, offset=offset, **filters)
    except queries.QueryError as exc:
        raise HTTPException(400, str(exc)) from exc


def next_url(request: Request, full: bool, limit: int, offset: int) -> str | None:
    """The same request one page on, when this page was full."""
    if not full:
        return None
    url = request.url.include_query_params(offset=offset + limit, limit=limit)
    return f"{url.path}?{url.query}"


def page(request: Request, results: Results, limit: int, offset: int, items: list | None = None) -> dict[str, Any]:
    """One page as JSON: its items (``items``, else the records), the total, and the next page's URL."""
    return {
        "items": items if items is not None else [asdict(r) for r in results],
        "total": results.total,
        "limit": limit,
        "offset": offset,
        "next": next_url(request, results.more, limit, offset),
    }


def summary(article: ArticleRecord) -> ArticleSummary:
    fields = {k: v for k, v in asdict(article).items() if k != "text"}
    return ArticleSummary(**fields, snippet=" ".join(article.text[:SNIPPET_CHARS].split()))


@router.get("/quotes", response_model=Page[QuoteRecord])
def list_quotes(
    request: Request,
    conn: Conn,
    speaker: Name = None,
    about: Name = None,
    search: Search = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    """Quotes, newest first: by speaker, by an actor named in (or addressed by) the quote, full text, date."""
    items = run(conn, "quotes", limit, offset, speaker=speaker, about=about, search=search, since=since, until=until)
    return page(request, items, limit, offset)


@router.get("/events", response_model=Page[EventRecord])
def list_events(
    request: Request,
    conn: Conn,
    actor: Actor = None,
    source: Actor = None,
    target: Actor = None,
    type: EventType = None,
    status: Status = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    """Events, newest first (by the event's day): by actor on either side, source, target, type, status, day."""
    items = run(
        conn,
        "events",
        limit,
        offset,
        actor=actor,
        source=source,
        target=target,
        type=type,
        status=status,
        since=since,
        until=until,
    )
    return page(request, items, limit, offset)


@router.get("/actors", response_model=Page[ActorRecord])
def list_actors(
    request: Request, conn: Conn, search: Actor = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> dict:
    """Actors across the corpus, most mentioned first, with counts of articles, mentions, quotes and events."""
    return page(request, run(conn, "actors", limit, offset, search=search), limit, offset)


@router.get("/actors/{actor_id:path}", response_model=ActorDetail)
def get_actor(actor_id: ActorId, conn: Conn) -> dict:
    """One actor by its global id (`kb:…` or `<kind>:<name>`): its counts, roles and counterparts."""
    found = data.actor(conn, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    actor_id = found.id  # an id merged into another actor answers for that one
    return {
        "actor": found,
        "roles": data.actor_roles(conn, actor_id),
        "counterparts": [
            {"id": c.id, "name": c.name, "types": dict(c.types)} for c in data.counterparts(conn, actor_id)
        ],
    }


@router.get("/articles", response_model=Page[ArticleSummary])
def list_articles(
    request: Request,
    conn: Conn,
    search: Search = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    """Articles, newest first, by full text and publication date (text shortened to a snippet)."""
    results = run(conn, "articles", limit, offset, search=search, since=since, until=until)
    return page(request, results, limit, offset, items=[summary(item) for item in results])


@router.get("/articles/{article_id:path}", response_model=AnalysisRecord, response_model_by_alias=True)
def get_article(article_id: ArticleId, conn: Conn) -> dict:
    """The stored `newsgraph.analysis/1` record of one article (`stored`: its global actor ids and more)."""
    record = data.article_record(conn, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return record


@router.get("/search", response_model=SearchResults)
def search(
    request: Request,
    conn: Conn,
    q: SearchQuery,
    since: Day = None,
    until: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    """Full-text search over quotes and articles at once (each list paged by the same `limit` and `offset`)."""
    quotes = run(conn, "quotes", limit, offset, search=q, since=since, until=until)
    articles = run(conn, "articles", limit, offset, search=q, since=since, until=until)
    return {
        "query": q,
        "quotes": [asdict(x) for x in quotes],
        "quotes_total": quotes.total,
        "articles": [summary(x) for x in articles],
        "articles_total": articles.total,
        "limit": limit,
        "offset": offset,
        "next": next_url(request, quotes.more or articles.more, limit, offset),
    }
