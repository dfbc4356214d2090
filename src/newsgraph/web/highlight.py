"""Article text as HTML with its quotes, actor mentions and event triggers marked.

The text is cut at every span boundary and each piece is escaped on its own, then wrapped in the
elements of the spans that cover it: no article character ever reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from newsgraph.web.plover import quad
from newsgraph.web.urls import actor_url


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: the element that wraps each of its pieces, with its attributes."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str]
    anchor: str | None = None  # an element id for the first piece (quotes: Q1, …)
    after: Markup = Markup("")  # HTML placed after the last piece (a quote's speaker)

    def open(self, first: bool) -> Markup:
        """The opening tag, every attribute value escaped."""
        attrs = {"id": self.anchor, **self.attrs} if first and self.anchor else self.attrs
        return Markup("<{}{}>").format(
            Markup(self.tag),
            Markup("").join(Markup(' {}="{}"').format(Markup(name), value) for name, value in attrs.items()),
        )

    def close(self) -> Markup:
        return Markup(f"</{self.tag}>")


def highlighted(record: dict[str, Any]) -> Markup:
    """The article's text with quotes, mentions and event triggers marked (see the module docstring)."""
    text: str = record["article"]["text"]
    layers = [_quotes(record), _mentions(record), _events(record)]  # outermost first
    bounds = {0, len(text)}
    for layer in layers:
        for span in layer:
            bounds.update((span.start, span.end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    html: list[Markup] = []
    for start, end in pairwise(cuts):
        covering = [found for layer in layers if (found := _covering(layer, start, end))]
        html.extend(span.open(first=span.start == start) for span in covering)
        html.append(escape(text[start:end]))
        for span in reversed(covering):
            html.append(span.close())
            if span.end == end:
                html.append(span.after)
    return Markup("").join(html)


def _covering(spans: list[Span], start: int, end: int) -> Span | None:
    return next((s for s in spans if s.start <= start and end <= s.end), None)


def _valid(start: int, end: int, text: str) -> bool:
    return 0 <= start < end <= len(text)


def _quotes(record: dict[str, Any]) -> list[Span]:
    names = {actor["id"]: actor["name"] for actor in record["actors"]}
    spans = []
    for q in record["quotes"]:
        if not _valid(q["start"], q["end"], record["article"]["text"]):
            continue
        speaker = names.get(q["speaker"]) or q["speaker_name"] or "unknown speaker"
        cue = f", “{q['cue']}”" if q["cue"] else ""
        title = f"{speaker} ({q['kind']}{cue})"
        spans.append(
            Span(
                q["start"],
                q["end"],
                "span",
                {"class": f"quote q-{q['kind']}", "data-quote": q["id"], "title": title},
                anchor=q["id"],
                after=Markup('<span class="speaker-chip" title="{}">{}</span>').format(title, speaker),
            )
        )
    return spans


def _mentions(record: dict[str, Any]) -> list[Span]:
    ids = record.get("stored", {}).get("actor_ids", {})
    spans = []
    for actor in record["actors"]:
        title = f"{actor['name']} ({actor['kind']}{', ' + actor['country'] if actor['country'] else ''})"
        for m in actor["mentions"]:
            if _valid(m["start"], m["end"], record["article"]["text"]) and actor["id"] in ids:
                spans.append(
                    Span(
                        m["start"],
                        m["end"],
                        "a",
                        {"class": f"mention k-{actor['kind']}", "href": actor_url(ids[actor["id"]]), "title": title},
                    )
                )
    return spans


def _events(record: dict[str, Any]) -> list[Span]:
    """Each event's trigger word, found inside its evidence span."""
    names = {actor["id"]: actor["name"] for actor in record["actors"]}
    text = record["article"]["text"]
    spans = []
    for ev in record["events"]:
        evidence = ev["evidence"]
        at = text.find(ev["trigger"], evidence["start"], evidence["end"]) if ev["trigger"] else -1
        if at < 0:
            continue
        sides = " → ".join(", ".join(names.get(i, i) for i in ev[side]) or "?" for side in ("source", "target"))
        title = f"{ev['type']} ({ev['status']}): {sides}"
        slug = (quad(ev["type"]) or "other").replace(" ", "-")
        spans.append(
            Span(
                at,
                at + len(ev["trigger"]),
                "span",
                {"class": f"event {slug}", "data-event": ev["id"], "title": title},
                anchor=ev["id"],
            )
        )
    return spans
