"""``analyze(article) -> Analysis``: the pipeline, and nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import nlp as nlp_loader
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.gender import load_names
from newsgraph.extract.events import extract_events
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.times import extract_times
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Analysis, Article

BATCH_SIZE = 32


class BadArticle(ValueError):
    """An article record that cannot be analysed (say, an invalid publication date)."""


@dataclass(frozen=True)
class Settings:
    """What a worker process needs to rebuild the pipeline: model name and user KB files."""

    model: str | None = None
    kb_files: tuple[str, ...] = ()


def parse_published(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date) to a date; None stays None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise BadArticle(f"publication date {value!r} is not YYYY-MM-DD") from exc


def analyze_doc(doc: Doc, article: Article, kb: KnowledgeBase) -> Analysis:
    """Run the extractors over an already parsed document."""
    published = parse_published(article.published)
    actors = extract_actors(doc, kb, published)
    quotes = extract_quotes(doc, actors)
    times = extract_times(doc, published)
    return Analysis(
        article=article,
        actors=actors.actors,
        quotes=quotes,
        events=extract_events(doc, actors, times, published, quotes, kb),
        times=times,
    )


class Pipeline:
    """A loaded spaCy pipeline and knowledge base, ready to analyse articles."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        self.nlp: Language = nlp_loader.load(settings.model)
        self.kb = KnowledgeBase.load(settings.kb_files)
        load_names()

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article."""
        return analyze_doc(self.nlp(article.text), article, self.kb)

    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]:
        """Analyse articles in one ``nlp.pipe`` batch, in order."""
        docs = self.nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)
        return [analyze_doc(doc, article, self.kb) for doc, article in zip(docs, articles)]


_worker: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Pipeline(settings)


def _work(batch: list[Article]) -> list[Analysis]:
    assert _worker is not None, "worker not initialised"
    return _worker.analyze_batch(batch)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze(article: Article, settings: Settings = Settings()) -> Analysis:
    """Analyse one article with the default (or given) model and knowledge base."""
    return _pipeline(settings).analyze(article)


def _pipeline(settings: Settings) -> Pipeline:
    global _worker
    if _worker is None or _worker.settings != settings:
        _worker = Pipeline(settings)
    return _worker


def analyze_many(articles: Iterable[Article], jobs: int = 1, settings: Settings = Settings()) -> Iterator[Analysis]:
    """Analyse articles in order, in ``jobs`` processes; the result equals a one-process run."""
    if jobs <= 1:
        pipeline = _pipeline(settings)
        for batch in _batches(articles, BATCH_SIZE):
            yield from pipeline.analyze_batch(batch)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.map(_work, _batches(articles, BATCH_SIZE // 2)):
            yield from results
