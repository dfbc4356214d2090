"""Plotly figures as plain JSON-ready dicts (templates embed them with ``tojson``; static/charts.js draws them).

Plotly reads a few HTML-like tags inside text (``<b>``, ``<br>``, ``<a>``), so every string that comes
from the corpus goes through ``label()`` first: Plotly turns the entities back into plain characters.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from datetime import date, timedelta
from typing import Any

from newsgraph.store.records import EventRecord
from newsgraph.web.data import Counterpart
from newsgraph.web.plover import COLOURS, EVENT_TYPES, QUADS, quad
from newsgraph.web.urls import actor_url

Figure = dict[str, Any]
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12, "color": "#1d2733"}
TIE_COLOURS = {"cooperative": "#1f6fa8", "conflictual": "#c0392b", "mixed": "#8e7cc3"}
SYMBOLS = {
    "occurred": "circle",
    "ongoing": "circle",
    "planned": "circle-open",
    "proposed": "diamond-open",
    "hypothetical": "diamond-open",
    "negated": "x-thin-open",
}


def label(text: object, limit: int = 160) -> str:
    """Corpus text made safe for Plotly's pseudo-HTML: shortened and entity-escaped."""
    value = " ".join(str(text).split())
    return html.escape(value if len(value) <= limit else value[: limit - 1] + "…", quote=False)


def _layout(**extra: Any) -> dict[str, Any]:
    return {
        "font": FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 40, "r": 16, "t": 16, "b": 40},
        "hoverlabel": {"align": "left"},
        **extra,
    }


def timeline(events: list[EventRecord]) -> Figure:
    """Events by day and PLOVER type, coloured by quad class, shaped by status; one marker per (day, type,
    status), larger when it stands for several events."""
    dated = [(ev.day, ev) for ev in events if ev.day]
    types = [t for t in EVENT_TYPES if any(ev.type == t for _, ev in dated)]
    types += sorted({ev.type for _, ev in dated} - set(types))
    data = []
    for quad_name, colour in COLOURS.items():
        groups: dict[tuple[str, str, str], list[EventRecord]] = {}
        for day, ev in dated:
            if quad(ev.type) == quad_name:
                groups.setdefault((day, ev.type, ev.status), []).append(ev)
        if groups:
            keys = sorted(groups)
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": label(quad_name),
                    "x": [k[0] for k in keys],
                    "y": [k[1] for k in keys],
                    "marker": {
                        "color": colour,
                        "line": {"width": 2, "color": colour},
                        "opacity": 0.9,
                        "size": [10 + 4 * min(len(groups[k]) - 1, 5) for k in keys],
                        "symbol": [SYMBOLS.get(k[2], "circle") for k in keys],
                    },
                    "text": [
                        "<br>".join(_event_text(ev) for ev in groups[k][:3])
                        + (f"<br>… and {len(groups[k]) - 3} more" if len(groups[k]) > 3 else "")
                        for k in keys
                    ],
                    "hovertemplate": "%{x|%d %b %Y}<br>%{text}<extra></extra>",
                }
            )
    days = sorted(day for day, _ in dated)
    span = (
        [
            (date.fromisoformat(days[0]) - timedelta(days=7)).isoformat(),
            (date.fromisoformat(days[-1]) + timedelta(days=7)).isoformat(),
        ]
        if days
        else None
    )
    return {
        "data": data,
        "layout": _layout(
            height=120 + 30 * max(len(types), 1),
            showlegend=True,
            legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
            margin={"l": 40, "r": 48, "t": 30, "b": 56},  # room for the first and last date label
            yaxis={
                "categoryorder": "array",
                "categoryarray": list(reversed(types)),
                "automargin": True,
                "gridcolor": "#edf0f4",
            },
            xaxis={
                "type": "date",
                "range": span,
                "gridcolor": "#edf0f4",
                "tickformat": "%d %b %Y",
                "automargin": True,
                "tickangle": -30,
                "nticks": 8,
            },
        ),
    }


def _event_text(ev: EventRecord) -> str:
    sides = " → ".join(label(", ".join(names) or "?", 80) for names in (ev.source, ev.target))
    return f"<b>{label(ev.type)}</b> ({label(ev.status)}) {sides}<br>{label(ev.evidence_text, 100)}"


def network(name: str, others: list[Counterpart]) -> Figure:
    """The actor in the middle, its counterparts around it; edges coloured by the kind of their ties."""
    count = max(len(others), 1)
    points = [
        (math.cos(2 * math.pi * i / count + math.pi / 2), math.sin(2 * math.pi * i / count + math.pi / 2))
        for i in range(len(others))
    ]
    data: list[dict[str, Any]] = []
    shown: set[str] = set()
    for (x, y), other in zip(points, others, strict=True):
        tie = _tie(other)
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [0, x],
                "y": [0, y],
                "hoverinfo": "skip",
                "line": {"color": TIE_COLOURS[tie], "width": 1.5 + 0.8 * min(other.types.total(), 8)},
                "name": tie,
                "legendgroup": tie,
                "showlegend": tie not in shown,
            }
        )
        shown.add(tie)
    hover = [
        f"<b>{label(o.name)}</b><br>" + label(", ".join(f"{t} ×{n}" for t, n in o.types.most_common())) for o in others
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "showlegend": False,
            "x": [0, *(x for x, _ in points)],
            "y": [0, *(y for _, y in points)],
            "text": [label(name, 40), *(label(o.name, 32) for o in others)],
            "textposition": ["bottom center", *("top center" if y >= 0 else "bottom center" for _, y in points)],
            "hovertext": [label(name), *hover],
            "hoverinfo": "text",
            "customdata": [None, *(actor_url(o.id) for o in others)],
            "marker": {
                "size": [26, *(12 + 2 * min(o.types.total(), 8) for o in others)],
                "color": ["#1d2733", *(TIE_COLOURS[_tie(o)] for o in others)],
                "line": {"width": 2, "color": "#ffffff"},
            },
        }
    )
    axis = {"visible": False, "range": [-1.6, 1.6]}
    return {
        "data": data,
        "links": True,
        "layout": _layout(
            height=360,
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            xaxis=axis,
            yaxis={**axis, "scaleanchor": "x"},
            legend={"orientation": "h", "y": 0},
        ),
    }


def _tie(other: Counterpart) -> str:
    if other.cooperative == other.conflictual:
        return "mixed"
    return "cooperative" if other.cooperative > other.conflictual else "conflictual"


BUCKETS = ("day", "week", "month", "year")
MAX_BARS = 120  # the overview picks the smallest bucket that keeps the bars at most this many
BUCKET_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
XPERIODS = {"month": "M1", "year": "M12"}
HOVER_PERIODS = {"day": "%{x|%d %b %Y}", "week": "week of %{x|%d %b %Y}", "month": "%{x|%b %Y}", "year": "%{x|%Y}"}


def bucket_for(since: str, until: str) -> str:
    """Day, week, month or year: the smallest bucket that draws the range in at most ``MAX_BARS`` bars."""
    days = (date.fromisoformat(until) - date.fromisoformat(since)).days + 1
    return next((b for b in BUCKETS if days / BUCKET_DAYS[b] <= MAX_BARS), "year")


def bucket_start(day: str, bucket: str) -> str:
    """The first day of the bucket holding ``day`` (a week starts on Monday)."""
    start = date.fromisoformat(day)
    if bucket == "week":
        start -= timedelta(days=start.weekday())
    elif bucket == "month":
        start = start.replace(day=1)
    elif bucket == "year":
        start = start.replace(month=1, day=1)
    return start.isoformat()


def daily(days: dict[str, Counter[str]], bucket: str = "day") -> Figure:
    """Stacked bars: events per day, week (by its Monday), month or year by quad class."""
    buckets: dict[str, Counter[str]] = {}
    for day, counts in days.items():
        buckets.setdefault(bucket_start(day, bucket), Counter()).update(counts)
    ordered = sorted(buckets)
    period = HOVER_PERIODS[bucket]
    data = [
        {
            "type": "bar",
            "name": label(quad_name),
            "x": ordered,
            "marker": {"color": COLOURS[quad_name]},
            "y": [sum(buckets[d][t] for t in types) for d in ordered],
            "hovertemplate": period + ": %{y} " + label(quad_name) + "<extra></extra>",
        }
        for quad_name, types in QUADS.items()
    ]
    if bucket in XPERIODS:  # a bar spans its whole month or year, however few of them have events
        for trace in data:
            trace.update(xperiod=XPERIODS[bucket], xperiodalignment="middle")
    return {
        "data": data,
        "bucket": bucket,
        "layout": _layout(
            barmode="stack",
            height=340,
            bargap=0.15,
            legend={"orientation": "h", "y": -0.18},
            xaxis={"type": "date"},
            yaxis={"gridcolor": "#edf0f4", "rangemode": "tozero"},
        ),
    }
