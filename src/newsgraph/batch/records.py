"""One analysed article as the rows of the batch tables (``tables.py``), and those rows back as its
``Analysis`` (what ``newsgraph load`` stores). Both engines build their rows here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.batch.tables import PARTITION, month_of
from newsgraph.model import Actor, Analysis, Article, Event, Evidence, Mention, Place, Quote, TimeExpr, When
from newsgraph.store.reader import local_order
from newsgraph.store.writer import event_columns, first_day

Rows = dict[str, list[dict[str, Any]]]  # table name -> rows


@dataclass(frozen=True)
class Origin:
    """Where an article was read: its input (path) and position there, and its MinHash signature."""

    input: str
    position: int
    signature: bytes


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def analysis_rows(analysis: Analysis, origin: Origin) -> Rows:
    """The rows of one analysed article, by table (each with its ``month``)."""
    article = analysis.article
    published = article.published[:10] if article.published else None
    key = {"article_id": article.id}
    rows: Rows = {
        "articles": [
            {
                "id": article.id,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": _day(published),
                "language": article.language,
                "text": article.text,
                "signature": origin.signature,
                "input": origin.input,
                "position": origin.position,
            }
        ],
        "actors": [
            {**key, "local_id": a.id, "name": a.name, "kind": a.kind, "kb_id": a.kb_id, "country": a.country}
            | {"sector": a.sector, "roles": a.roles}
            for a in analysis.actors
        ],
        "mentions": [
            {**key, "local_id": a.id, "seq": seq, "start": m.start, "end": m.end, "text": m.text}
            for a in analysis.actors
            for seq, m in enumerate(a.mentions)
        ],
        "quotes": [_quote_row(q, key, published) for q in analysis.quotes],
        "events": [_event_row(e, key, published) for e in analysis.events],
        "event_mentions": [
            {**key, "event_id": e.id, "seq": seq, "start": m.start, "end": m.end, "text": m.text}
            for e in analysis.events
            for seq, m in enumerate(e.mentions)
        ],
        "times": [
            {**key, "seq": seq, "text": t.text, "start": t.start, "end": t.end, "value": t.value}
            for seq, t in enumerate(analysis.times)
        ],
    }
    month = month_of(published)
    for table_rows in rows.values():
        for row in table_rows:
            row[PARTITION] = month
    return rows


def _quote_row(q: Quote, key: dict[str, str], published: str | None) -> dict[str, Any]:
    return {
        **key,
        "local_id": q.id,
        "speaker": q.speaker,
        "speaker_name": q.speaker_name,
        "kind": q.kind,
        "cue": q.cue,
        "addressee": q.addressee,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "published": _day(published),
        "speakers": q.speakers,
    }


def _event_row(e: Event, key: dict[str, str], published: str | None) -> dict[str, Any]:
    return {
        **key,
        **event_columns(e),
        "source": e.source,
        "target": e.target,
        "published": _day(published),
        "day": _day(first_day(e.when.value if e.when else None) or published),
    }


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def analyses(rows: Rows) -> list[Analysis]:
    """The analyses of the articles in ``rows`` (rows of any tables, read back), in the articles' order."""
    by_article: dict[str, Rows] = defaultdict(lambda: defaultdict(list))
    for table, table_rows in rows.items():
        if table == "articles":
            continue
        for row in table_rows:
            by_article[row["article_id"]][table].append(row)
    return [_analysis(article, by_article[article["id"]]) for article in rows.get("articles", [])]


def _ordered(rows: Iterable[dict[str, Any]], local: str | None, seq: bool = False) -> list[dict[str, Any]]:
    """Rows in the analysis's order: by the local id in column ``local`` (A1 < A2 < A10), then by ``seq``."""
    return sorted(rows, key=lambda r: (local_order(r[local]) if local else (0, ""), r["seq"] if seq else 0))


def _analysis(row: dict[str, Any], rows: Rows) -> Analysis:
    spans: dict[str, list[Mention]] = defaultdict(list)
    for m in _ordered(rows["mentions"], "local_id", seq=True):
        spans[m["local_id"]].append(Mention(m["start"], m["end"], m["text"]))
    restated: dict[str, list[Evidence]] = defaultdict(list)
    for m in _ordered(rows["event_mentions"], "event_id", seq=True):
        restated[m["event_id"]].append(Evidence(m["start"], m["end"], m["text"]))
    article = Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=_iso(row["published"]),
        language=row["language"],
    )
    return Analysis(
        article=article,
        actors=[
            Actor(
                *(r["local_id"], r["name"], r["kind"], r["kb_id"], r["country"], r["sector"]),
                roles=list(r["roles"] or []),
                mentions=spans[r["local_id"]],
            )
            for r in _ordered(rows["actors"], "local_id")
        ],
        quotes=[
            Quote(
                r["local_id"],
                r["speaker"],
                r["speaker_name"],
                r["kind"],
                r["cue"],
                r["addressee"],
                r["text"],
                r["start"],
                r["end"],
                list(r["speakers"] or []),
            )
            for r in _ordered(rows["quotes"], "local_id")
        ],
        events=[_event(r, restated[r["local_id"]]) for r in _ordered(rows["events"], "local_id")],
        times=[TimeExpr(t["text"], t["start"], t["end"], t["value"]) for t in _ordered(rows["times"], None, seq=True)],
    )


def _event(r: dict[str, Any], mentions: list[Evidence]) -> Event:
    return Event(
        id=r["local_id"],
        type=r["type"],
        mode=r["mode"],
        status=r["status"],
        source=list(r["source"] or []),
        target=list(r["target"] or []),
        when=When(r["when_text"], r["when_value"], bool(r["when_assumed"])) if r["when_value"] is not None else None,
        where=Place(r["where_text"], r["where_country"]) if r["where_text"] is not None else None,
        trigger=r["trigger"],
        evidence=Evidence(r["evidence_start"], r["evidence_end"], r["evidence_text"]),
        cameo=r["cameo"],
        goldstein=r["goldstein"],
        mentions=mentions,
    )
