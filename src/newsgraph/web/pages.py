"""The HTML pages: search, actor, article, overview and the API reference (server-rendered Jinja2)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection, func, select

from newsgraph.kb.loader import default_kb
from newsgraph.meetings.read import meetings_of
from newsgraph.model import EVENT_STATUSES
from newsgraph.store import queries, schema
from newsgraph.web import charts, data
from newsgraph.web.api import Conn, PlainText
from newsgraph.web.highlight import highlighted
from newsgraph.web.plover import EVENT_TYPES, QUADS

QUOTES_PER_PAGE = 25
Field = Annotated[str | None, PlainText, Query(max_length=500)]

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/`` (autoescaped)."""
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def clean(value: str | None) -> str | None:
    """A form field stripped; empty (the form's "any") is None."""
    return value.strip() or None if value is not None else None


def _page_url(request: Request, offset: int) -> str:
    url = request.url.include_query_params(offset=offset)
    return f"{url.path}?{url.query}"


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    conn: Conn,
    q: Field = None,
    speaker: Field = None,
    actor: Field = None,
    since: Field = None,
    until: Field = None,
    type: Field = None,
    status: Field = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    """Quotes (and articles, events, actors) by full text, speaker, actor, dates, event type and status."""
    form = {
        name: clean(value)
        for name, value in (
            ("q", q),
            ("speaker", speaker),
            ("actor", actor),
            ("since", since),
            ("until", until),
            ("type", type),
            ("status", status),
        )
    }
    blank = not any(form.values())
    results: dict[str, Any] = {"quotes": [], "events": [], "articles": [], "actors": []}
    error = None
    try:
        results["quotes"] = queries.run(
            conn,
            "quotes",
            limit=QUOTES_PER_PAGE,
            offset=offset,
            search=form["q"],
            speaker=form["speaker"],
            about=form["actor"],
            since=form["since"],
            until=form["until"],
        )
        if blank or form["actor"] or form["type"] or form["status"]:
            results["events"] = queries.run(
                conn,
                "events",
                limit=12,
                actor=form["actor"],
                type=form["type"],
                status=form["status"],
                since=form["since"],
                until=form["until"],
            )
        if blank or form["q"]:
            results["articles"] = queries.run(
                conn, "articles", limit=8, search=form["q"], since=form["since"], until=form["until"]
            )
        if blank or form["q"]:
            results["actors"] = queries.run(conn, "actors", limit=12, search=form["q"])
    except queries.QueryError as exc:
        error = str(exc)
    more = bool(results["quotes"]) and results["quotes"].more
    return render(
        request,
        "search.html",
        400 if error else 200,
        form=form,
        blank=blank,
        error=error,
        event_types=EVENT_TYPES,
        statuses=EVENT_STATUSES,
        totals=_totals(conn) if blank else None,
        offset=offset,
        prev_url=_page_url(request, max(offset - QUOTES_PER_PAGE, 0)) if offset else None,
        next_url=_page_url(request, offset + QUOTES_PER_PAGE) if more else None,
        **results,
    )


def _totals(conn: Connection) -> dict[str, int]:
    tables = {"articles": schema.articles, "quotes": schema.quotes, "events": schema.events, "actors": schema.actors}
    return {name: conn.execute(select(func.count()).select_from(table)).scalar_one() for name, table in tables.items()}


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, conn: Conn) -> HTMLResponse:
    """Who an actor is, what they said, what was said about them, their events and counterparts."""
    found = data.actor(conn, actor_id)
    if found is None:
        raise HTTPException(404, f"No actor {actor_id!r} in this corpus.")
    actor_id = found.id  # an id merged into another actor shows that one
    kb = default_kb()
    events = data.events_of(conn, actor_id, limit=500)
    others = data.counterparts(conn, actor_id)
    country = kb.country_by_code(found.country) if found.country else None
    return render(
        request,
        "actor.html",
        actor=found,
        roles=data.actor_roles(conn, actor_id),
        person=kb.person(found.kb_id) if found.kb_id else None,
        country_name=country.name if country else None,
        said=data.quotes_by(conn, actor_id, limit=50),
        about=data.quotes_about(conn, actor_id, limit=30),
        events=events,
        meetings=meetings_of(conn, actor_id),
        counterparts=others,
        timeline=charts.timeline(events) if events else None,
        network=charts.network(found.name, others) if others else None,
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, conn: Conn) -> HTMLResponse:
    """An article's text with its actors, quotes and events marked, and the extracted record beside it."""
    record = data.article_record(conn, article_id)
    if record is None:
        raise HTTPException(404, f"No article {article_id!r} in this corpus.")
    names = {actor["id"]: actor["name"] for actor in record["actors"]}
    return render(
        request,
        "article.html",
        record=record,
        article=record["article"],
        names=names,
        actor_ids=record["stored"]["actor_ids"],
        text=highlighted(record),
    )


@router.get("/overview", response_class=HTMLResponse)
def overview_page(request: Request, conn: Conn, since: Field = None, until: Field = None) -> HTMLResponse:
    """Events per day, week, month or year (by the range) by quad class, the most quoted speakers and the most
    active actor pairs in a date range."""
    first, last = data.date_bounds(conn)
    since, until = clean(since) or first, clean(until) or last
    context: dict[str, Any] = {
        "since": since,
        "until": until,
        "first": first,
        "last": last,
        "error": None,
        "daily": None,
        "bucket": "day",
        "speakers": [],
        "pairs": [],
        "quads": QUADS,
    }
    if since and until:
        try:
            days = data.events_per_day(conn, since, until)
            bucket = charts.bucket_for(since, until)  # both checked by events_per_day
            context.update(
                daily=charts.daily(days, bucket) if days else None,
                bucket=bucket,
                total=sum(c.total() for c in days.values()),
                speakers=data.top_speakers(conn, since, until),
                pairs=data.top_pairs(conn, since, until),
            )
        except queries.QueryError as exc:
            context["error"] = str(exc)
    return render(request, "overview.html", 400 if context["error"] else 200, **context)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, from the app's OpenAPI document (also at /openapi.json)."""
    return render(request, "docs.html", spec=request.app.openapi(), schemas=_response_schemas)


def _response_schemas(operation: dict[str, Any]) -> list[str]:
    """The names of the schemas an operation answers with (from `$ref`s in its 2xx responses)."""
    names = []
    for status, response in operation.get("responses", {}).items():
        if status.startswith("2"):
            schema = response.get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" in schema:
                names.append(schema["$ref"].rsplit("/", 1)[-1])
    return names
