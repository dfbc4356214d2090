"""Meetings on the web: ``/api/meetings``, ``/api/meetings/{id}`` (JSON) and the ``/meetings`` pages, all over
``newsgraph.meetings.read``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from newsgraph.meetings import read
from newsgraph.meetings.evidence import quotes_about
from newsgraph.meetings.output import history
from newsgraph.store.queries import QueryError
from newsgraph.store.records import MeetingRecord, Results
from newsgraph.web.api import DEFAULT_PAGE, Actor, Conn, Day, Limit, Offset, Page, PlainText, page
from newsgraph.web.pages import Field, clean, render

Status = Annotated[Literal[read.STATUSES] | None, Query(description="latest status")]  # type: ignore[valid-type]
MeetingId = Annotated[str, PlainText, Path(max_length=100, description="meeting id (as `/api/meetings` lists it)")]
PAGE_MEETINGS = 100

api_router = APIRouter(prefix="/api", tags=["corpus"])
page_router = APIRouter(include_in_schema=False)


def _meetings(conn: Connection, limit: int, offset: int, **filters: str | None) -> Results[MeetingRecord]:
    try:
        return read.meetings(conn, limit=limit, offset=offset, **filters)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc


def _meeting(conn: Connection, meeting_id: str) -> MeetingRecord:
    found = read.meeting(conn, meeting_id)
    if found is None:
        raise HTTPException(404, f"no meeting {meeting_id!r}")
    return found


@api_router.get("/meetings", response_model=Page[MeetingRecord])
def list_meetings(
    request: Request,
    conn: Conn,
    actor: Actor = None,
    status: Status = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Meetings followed across articles (`newsgraph.meetings/1` records), latest first: by participant (code or
    actor name), latest status and day; each with its mentions (the status as of each article, with evidence)."""
    results = _meetings(conn, limit, offset, actor=actor, status=status, since=since, until=until)
    return page(request, results, limit, offset)


@api_router.get("/meetings/{meeting_id}", response_model=MeetingRecord)
def get_meeting(meeting_id: MeetingId, conn: Conn) -> dict[str, Any]:
    """One meeting: participants, people, place, dates, latest status and every mention with its evidence."""
    return asdict(_meeting(conn, meeting_id))


@page_router.get("/meetings", response_class=HTMLResponse)
def meetings_page(
    request: Request, conn: Conn, actor: Field = None, status: Field = None, since: Field = None, until: Field = None
) -> HTMLResponse:
    """A timeline of meetings, latest first, filterable by participant, status and day (the form sends empty
    fields for "any")."""
    actor, status, since, until = (clean(v) for v in (actor, status, since, until))
    if status is not None and status not in read.STATUSES:
        raise HTTPException(400, f"no status {status!r}: one of {', '.join(read.STATUSES)}")
    results = _meetings(conn, PAGE_MEETINGS, 0, actor=actor, status=status, since=since, until=until)
    return render(
        request,
        "meetings.html",
        nav="meetings",
        meetings=results,
        history=history,
        statuses=read.STATUSES,
        filters={"actor": actor or "", "status": status or "", "since": since or "", "until": until or ""},
    )


@page_router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: MeetingId, conn: Conn) -> HTMLResponse:
    """One meeting: its status history across articles with the evidence and links, its outcomes and the quotes
    about it."""
    record = _meeting(conn, meeting_id)
    quotes = quotes_about(conn, record)
    return render(request, "meeting.html", nav="meetings", meeting=record, history=history, quotes=quotes)
