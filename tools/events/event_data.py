"""Training rows for the PLOVER event-type model, read from the evaluation data (never copied).

Each row is the anchor word newsgraph's product would type (``classifier.anchors``: the
shallowest lexicon trigger of the sentence, else its main verb), read as the product reads it
(``classifier.reading``), with its PLOVER label(s) and source:
- ``plv``: every row of ``PLV_train.tsv``, the anchor of the sentence holding the marked target
  (YIELD allows CONCEDE or RETREAT; a REJECT whose anchor the status layer reads as negated is
  left out: the product already reports it as a refusal);
- ``title``: NGEC's headline templates (story titles, placeholders filled with fixed names);
- ``gsr``: the PLOVER gold-standard records, at the marked event phrase;
- ``gold``: the annotated events of newsgraph-gold files (the seed, gold-news-dev), at the
  sentence of their evidence text; the anchors of their sentences without any event are NONE
  rows (the files annotate every event).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze import Pipeline
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.events.classifier import NONE, Reading, anchors, reading
from newsgraph.extract.events.lexicon import Sense, sense_of, trigger_tokens
from newsgraph.extract.events.roles import RoleFinder
from newsgraph.extract.events.status import event_status

LABELS = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
    NONE,
)
GROUPS = {"YIELD": ("CONCEDE", "RETREAT")}
PLACEHOLDERS = {"{country_1}": "Kenya", "{country_2}": "Peru", "{country_3}": "Norway", "{city}": "Lagos"}
EVENT_MARK = re.compile(r"\((SRC|TAR|SRC/TAR|EVT): ([^)]*)\)")
TAG = re.compile(r"</?[st]>", re.IGNORECASE)


@dataclass
class Row:
    """One training row: what the model reads of the anchor, its allowed labels, its origin."""

    reading: Reading
    labels: tuple[str, ...]
    source: str
    key: str


def marked_spans(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """The plain sentence of a PLV row and the character spans of its <s> and <t> marks."""
    spans: dict[str, tuple[int, int]] = {}
    text, opened, position = [], {}, 0
    for piece in re.split(r"(</?[stST]>)", marked):
        if TAG.fullmatch(piece):
            name = piece.strip("</>").lower()
            if piece.startswith("</"):
                spans[name] = (opened.get(name, position), position)
            else:
                opened[name] = position
        else:
            text.append(piece)
            position += len(piece)
    return "".join(text), spans.get("s"), spans.get("t")


Reader = Callable[[list[str]], Iterator[tuple[Doc, dict[int, Sense]]]]


def reader(pipeline: Pipeline) -> Reader:
    """(doc, lexicon senses by token index) of each text, as the product reads them."""

    def read(texts: list[str]) -> Iterator[tuple[Doc, dict[int, Sense]]]:
        for doc in pipeline.parse(texts, batch_size=64):
            finder = RoleFinder(doc, extract_actors(doc, pipeline.kb, None), pipeline.kb, [])
            senses = {t.i: s for t in trigger_tokens(doc) if (s := sense_of(t, finder.names_actor)) is not None}
            yield doc, senses

    return read


def anchor_in(doc: Doc, senses: dict[int, Sense], sentence: Span) -> Token:
    """The product's anchor in ``sentence`` (its root if it has none)."""
    found = [t for t in anchors(doc, senses) if t.sent == sentence]
    return found[0] if found else sentence.root


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand") if 0 <= start < end else None


def plv_rows(read: Reader, path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    marked = [marked_spans(r["marked_sentence"]) for r in records]
    rows = []
    for record, (_, source, target), (doc, senses) in zip(records, marked, read([m[0] for m in marked]), strict=True):
        span = _span(doc, *(target or source or (0, 0)))
        token = anchor_in(doc, senses, span.root.sent if span is not None else next(doc.sents))
        gold = record["gold_root"]
        if gold == "REJECT" and event_status(token, None, None) == "negated":
            continue
        rows.append(Row(reading(token), GROUPS.get(gold, (gold,)), "plv", record["sentence_id"]))
    return rows


def title_rows(read: Reader, path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        titles = sorted({(r["title"], r["label"]) for r in csv.DictReader(handle) if r["label"] in LABELS})
    texts = []
    for title, _ in titles:
        for placeholder, name in PLACEHOLDERS.items():
            title = title.replace(placeholder, name)
        texts.append(title)
    rows = []
    for number, ((_, label), (doc, senses)) in enumerate(zip(titles, read(texts), strict=True)):
        token = anchor_in(doc, senses, next(doc.sents))
        rows.append(Row(reading(token), (label,), "title", str(number)))
    return rows


def gsr_rows(read: Reader, path: Path) -> list[Row]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["event"] in LABELS and "(EVT: " in (r["markup"] or "")]
    plain = [EVENT_MARK.sub(r"\2", r["markup"]) for r in records]
    rows = []
    for record, text, (doc, senses) in zip(records, plain, read(plain), strict=True):
        found = EVENT_MARK.search(record["markup"][record["markup"].index("(EVT: ") :])
        start = text.find(found.group(2)) if found else -1
        span = _span(doc, start, start + len(found.group(2))) if found else None
        if span is not None:
            rows.append(Row(reading(anchor_in(doc, senses, span.root.sent)), (record["event"],), "gsr", record["id"]))
    return rows


def gold_rows(read: Reader, folders: list[Path]) -> list[Row]:
    files = sorted(p for folder in folders for p in folder.glob("*.json"))
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    rows = []
    for path, article, (doc, senses) in zip(files, articles, read([a["text"] for a in articles]), strict=True):
        covered: set[int] = set()
        for number, event in enumerate(article.get("events") or []):
            start = article["text"].find(event.get("text") or "\0")
            span = _span(doc, start, start + len(event.get("text") or ""))
            if span is None or event.get("type") not in LABELS:
                continue
            covered.update(t.sent.start for t in span)
            inside = [doc[i] for i in senses if span.start <= i < span.end]
            token = min(inside, key=lambda t: sum(1 for _ in t.ancestors)) if inside else span.root
            rows.append(Row(reading(token), (event["type"],), "gold", f"{path.stem}:{number}"))
        for token in anchors(doc, senses):
            if token.sent.start not in covered:
                rows.append(Row(reading(token), (NONE,), "gold", f"{path.stem}:none{token.i}"))
    return rows
