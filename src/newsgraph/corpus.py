"""Filling a corpus: the ``Ingestor`` takes articles (or ready analyses) through near-duplicate
detection and analysis into the store, in batched commits. It sits above ``store/`` (the database
layer) and ``analyze``; ``newsgraph ingest``, ``Corpus.ingest`` and ``POST /api/articles`` use it.

Crash safety: every row of an article is written in the transaction that writes its ``articles``
row, global rows (actors, aliases) are insert-if-absent, and a rerun skips the ids already stored,
so an ingest killed at any moment and run again ends with the rows of a clean run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analyze import BadArticle, Limits, Settings, analyze_many, parse_published
from newsgraph.ingest.dedup import NearDuplicateIndex
from newsgraph.kb.loader import KnowledgeBase, default_kb
from newsgraph.meetings.build import link_articles
from newsgraph.model import Analysis, Article
from newsgraph.problems import Problem
from newsgraph.store import schema
from newsgraph.store.engine import write_transaction
from newsgraph.store.writer import StoredArticle, write

BATCH_ARTICLES = 50  # articles per transaction


@dataclass
class IngestReport:
    """What an ingest did: counts, and each skipped or failed input with its reason."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No input was skipped or failed."""
        return not self.skipped and not self.failed


@dataclass
class _Pending:
    item: StoredArticle
    needs_analysis: bool


Progress = Callable[[int, int | None], None]  # (new articles processed so far, their total once known)


class Ingestor:
    """Feeds articles (or ready analyses) through dedup and analysis into one store."""

    def __init__(
        self,
        engine: Engine,
        *,
        settings: Settings = Settings(),
        jobs: int = 1,
        reanalyze_duplicates: bool = False,
        batch_size: int = BATCH_ARTICLES,
        limits: Limits = Limits(),
    ):
        self.engine = engine
        self.settings = settings
        self.limits = limits
        self.jobs = jobs
        self.reanalyze_duplicates = reanalyze_duplicates
        self.batch_size = batch_size
        self.report = IngestReport()
        self._stored: set[str] = set()
        self._index = NearDuplicateIndex()
        self._kb: KnowledgeBase | None = None

    def run(self, items: Iterable[Article | Analysis | Problem], progress: Progress | None = None) -> IngestReport:
        """Store every new article; return the report (also kept as ``self.report``)."""
        self._load_stored()
        total: list[int] = []
        pending = self._pending(items, total)
        batch: list[StoredArticle] = []
        for done, item in enumerate(self._in_order(pending), start=1):
            batch.append(item)
            if len(batch) >= self.batch_size:
                self._commit(batch)
                batch = []
            if progress:
                progress(done, total[0] if total else None)
        self._commit(batch)
        return self.report

    def _load_stored(self) -> None:
        """Ids already stored, and their signatures into the near-duplicate index in ingest order."""
        query = select(schema.articles.c.id, schema.articles.c.signature).order_by(
            schema.articles.c.ingested_at, schema.articles.c.id
        )
        with self.engine.connect() as conn:
            for article_id, signature in conn.execute(query):
                self._stored.add(article_id)
                if signature is not None:
                    self._index.add_signature(article_id, signature)

    def _pending(self, items: Iterable[Article | Analysis | Problem], total: list[int]) -> Iterator[_Pending]:
        """New articles in input order, each with its signature and first copy; counts the rest."""
        count = 0
        for item in items:
            if isinstance(item, Problem):
                self.report.skipped.append(item)
                continue
            article = item.article if isinstance(item, Analysis) else item
            self.report.read += 1
            try:
                parse_published(article.published)
            except BadArticle as exc:
                self.report.skipped.append(Problem(f"article {article.id}", str(exc)))
                continue
            if article.id in self._stored:
                self.report.already_stored += 1
                continue
            self._stored.add(article.id)
            signature = NearDuplicateIndex.signature(article.text)
            first = self._index.add_signature(article.id, signature)
            wanted = first is None or self.reanalyze_duplicates
            ready = item if isinstance(item, Analysis) and wanted else None
            stored = StoredArticle(article, signature, first, ready)
            analyse = wanted and ready is None
            count += 1
            yield _Pending(stored, analyse)
        total.append(count)

    def _in_order(self, pending: Iterable[_Pending]) -> Iterator[StoredArticle]:
        """The pending articles in input order, analysed where needed (in ``jobs`` processes);
        the analysis pipeline starts only once some article needs it."""
        pending = iter(pending)
        for first in pending:
            if first.needs_analysis:
                break
            yield first.item
        else:
            return
        queue: deque[_Pending] = deque([first])

        def to_analyse() -> Iterator[Article]:
            yield first.item.article
            for entry in pending:
                queue.append(entry)
                if entry.needs_analysis:
                    yield entry.item.article

        failed: set[str] = set()
        for outcome in analyze_many(to_analyse(), jobs=self.jobs, settings=self.settings, limits=self.limits):
            while not queue[0].needs_analysis:
                yield from self._unless_copy_of_failed(queue.popleft().item, failed)
            entry = queue.popleft()
            if isinstance(outcome, Problem):  # not stored, so a rerun tries it again
                self.report.failed.append(outcome)
                self._stored.discard(entry.item.article.id)
                failed.add(entry.item.article.id)
                continue
            entry.item.analysis = outcome
            yield entry.item
        for entry in queue:
            yield from self._unless_copy_of_failed(entry.item, failed)

    def _unless_copy_of_failed(self, item: StoredArticle, failed: set[str]) -> Iterator[StoredArticle]:
        """The item, unless it is a near-duplicate of an article whose analysis failed in this run
        (that article is not stored, so neither is its copy: a rerun tries both again)."""
        if item.duplicate_of in failed:
            self.report.failed.append(
                Problem(
                    f"article {item.article.id}",
                    f"near-duplicate of article {item.duplicate_of}, whose analysis failed",
                )
            )
            self._stored.discard(item.article.id)
            return
        yield item

    def _commit(self, batch: list[StoredArticle]) -> None:
        """Write a batch in one transaction; if that fails, article by article under savepoints,
        so that an article that cannot be stored loses only itself."""
        if not batch:
            return
        kb = self._knowledge_base()
        try:
            with write_transaction(self.engine) as conn:
                write(conn, batch, kb)
                link_articles(conn, [item.article.id for item in batch if item.analysis is not None])
            stored = batch
        except SQLAlchemyError:
            stored = []
            with write_transaction(self.engine) as conn:
                for item in batch:
                    try:
                        with conn.begin_nested():
                            write(conn, [item], kb)
                            link_articles(conn, [item.article.id] if item.analysis is not None else [])
                    except SQLAlchemyError as exc:
                        reason = getattr(exc, "orig", None) or exc
                        self.report.failed.append(Problem(f"article {item.article.id}", f"not stored: {reason}"))
                    else:
                        stored.append(item)
        for item in stored:
            if item.duplicate_of:
                self.report.duplicates += 1
            else:
                self.report.new += 1

    def _knowledge_base(self) -> KnowledgeBase:
        if self._kb is None:
            files = self.settings.kb_files
            self._kb = KnowledgeBase.load(files) if files else default_kb()
        return self._kb
