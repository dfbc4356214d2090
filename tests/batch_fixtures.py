"""Inputs for the batch tests, written for them: short news stories made from a few sentence patterns
(speech, arrests, talks, dates), in JSONL, Parquet and a WARC crawl, with malformed records beside them;
and the helpers that read a batch dataset back and compare it with ``analyze``."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from sqlalchemy import create_engine, text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.analyze import analyze_many
from newsgraph.batch.inputs import input_files, read_input
from newsgraph.model import Analysis, Article

PEOPLE = [
    ("Norway", "Norwegian", "Ingrid Halvorsen", "Oslo", "she"),
    ("Chile", "Chilean", "Marta Rojas", "Santiago", "she"),
    ("Kenya", "Kenyan", "Daniel Mwangi", "Nairobi", "he"),
    ("Peru", "Peruvian", "Luis Quispe", "Lima", "he"),
    ("Ghana", "Ghanaian", "Ama Owusu", "Accra", "she"),
    ("Finland", "Finnish", "Mikko Laine", "Helsinki", "he"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["2025-03", "2025-04", "2025-05"]
GERMAN = (
    "Die Ministerin sagte am Montag in Oslo, dass die Gespr\u00e4che \u00fcber die Fischereirechte in der "
    "kommenden Woche weitergehen werden. Die Polizei nahm vor dem Parlament mehrere Demonstranten fest, "
    "teilten Beamte mit. Ein Abkommen k\u00f6nnte noch im Juni unterzeichnet werden, hie\u00df es aus Kreisen."
)


def story(index: int) -> dict[str, str]:
    """One article record: who speaks, where and when vary with ``index``."""
    country, demonym, name, city, pronoun = PEOPLE[index % len(PEOPLE)]
    other = PEOPLE[(index + 1 + index // len(PEOPLE)) % len(PEOPLE)]
    day, later = DAYS[index % len(DAYS)], DAYS[(index + 2) % len(DAYS)]
    surname = name.split()[-1]
    text = (
        f"{demonym} Foreign Minister {name} said on {day} that {country} and {other[0]} would resume talks "
        f"on fishing rights next week.\n"
        f"\u201cWe are ready to sign an agreement,\u201d {surname} told reporters in {city}.\n"
        f"Police arrested {index + 2} protesters outside the parliament in {city} on {later}, officials said.\n"
        f"{other[2]}, the {other[1]} foreign minister, said {pronoun} would travel to {city} in June."
    )
    published = f"{MONTHS[index % len(MONTHS)]}-{10 + index % 15:02d}"
    return {
        "title": f"{country} and {other[0]} to resume talks",
        "text": text,
        "published": published,
        "url": f"https://news.example/{index}",
        "source": "Example Wire",
    }


def near_copy(record: dict[str, str]) -> dict[str, str]:
    """A wire copy of ``record`` republished elsewhere: one word changed, another URL."""
    return record | {
        "text": record["text"].replace("fishing rights", "fishing quotas"),
        "url": "https://copy.example/1",
    }


def page(record: dict[str, str]) -> bytes:
    """A news web page of the record."""
    paragraphs = "".join(f"<p>{line}</p>" for line in record["text"].split("\n"))
    return (
        f"<!doctype html><html><head><title>{record['title']}</title>"
        f'<meta property="article:published_time" content="{record["published"]}T08:00:00Z"></head>'
        f"<body><article><h1>{record['title']}</h1>{paragraphs}</article></body></html>"
    ).encode()


def warc(records: list[dict[str, str]], truncate: bool = False) -> bytes:
    """A gzipped WARC: one HTML response per record and an image response; ``truncate`` cuts its end off."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    html = [("Content-Type", "text/html; charset=utf-8")]
    items = [(r["url"], page(r), html) for r in records]
    items.insert(
        1, ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), [("Content-Type", "image/png")])
    )
    for uri, payload, headers in items:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http))
    data = buffer.getvalue()
    return data[:-40] if truncate else data


def write_inputs(folder: Path, count: int = 12, parquet: bool = True) -> Path:
    """A folder of inputs: ``count`` stories across JSONL, WARC and (``parquet``) Parquet, one near-copy,
    and malformed records: a broken JSON line, a record without text, a text that is not English, a cut WARC."""
    folder.mkdir(parents=True, exist_ok=True)
    stories = [story(i) for i in range(count)]
    third = max(1, count // 3)
    lines = [json.dumps(r) for r in stories[:third]]
    lines[1:1] = ['{"text": "broken', json.dumps({"title": "no text"})]
    lines.append(json.dumps({"text": GERMAN}))
    lines.append(json.dumps(near_copy(stories[0])))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(warc(stories[third : 2 * third]))
    (folder / "cut.warc.gz").write_bytes(warc(stories[2 * third : 2 * third + 2], truncate=True))
    rest = stories[2 * third + 2 :]
    if parquet:
        pq.write_table(pa.Table.from_pylist(rest), folder / "feed.parquet")
    else:
        (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rest), encoding="utf-8")
    return folder


def table(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def by_article(rows: list[dict], *fields: str) -> dict[str, set[tuple]]:
    grouped: dict[str, set[tuple]] = defaultdict(set)
    for row in rows:
        grouped[row["article_id"]].add(tuple(row[f] for f in fields))
    return grouped


def analysed_directly(folder: Path) -> list[Analysis]:
    """What ``newsgraph analyze`` gives for the articles of the inputs."""
    files, _ = input_files([str(folder)])
    articles: list[Article] = []
    for name in files:
        with open(name, "rb") as stream:
            articles += [item for _, item in read_input(name, stream) if isinstance(item, Article)]
    return [a for a in analyze_many(articles) if isinstance(a, Analysis)]


QUOTE = ("text", "start", "end", "kind", "speaker_name", "cue")
EVENT = ("type", "status", "trigger", "evidence_start", "evidence_end", "when_value", "where_country")
TIME = ("text", "start", "end", "value")


def quote_key(q) -> tuple:
    return (q.text, q.start, q.end, q.kind, q.speaker_name, q.cue)


def event_key(e) -> tuple:
    when, where = e.when.value if e.when else None, e.where.country if e.where else None
    return (e.type, e.status, e.trigger, e.evidence.start, e.evidence.end, when, where)


def counts(db: Path) -> dict[str, int]:
    """Rows per store table, and the articles stored as near-duplicates."""
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        names = ("articles", "quotes", "events", "actors", "mentions", "times", "event_actors")
        found = {name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() for name in names}
        copies = text("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        found["duplicates"] = conn.execute(copies).scalar_one()
    engine.dispose()
    return found
