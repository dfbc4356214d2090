"""The Python API of the corpus: ``db = newsgraph.open("newsgraph.db")``, then ``db.quotes(speaker="Lavrov")``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.meetings import read
from newsgraph.store import DEFAULT_LIMIT, queries
from newsgraph.store import engine as engines
from newsgraph.store.records import ActorRecord, ArticleRecord, EventRecord, MeetingRecord, QuoteRecord, Results

if TYPE_CHECKING:  # ingesting loads spaCy; querying must not
    from newsgraph.analyze import Limits, Settings
    from newsgraph.corpus import IngestReport, Progress
    from newsgraph.model import Analysis, Article
    from newsgraph.problems import Problem


class Corpus:
    """A corpus database (SQLite path or URL, or ``postgresql://…``), migrated to the newest schema on open."""

    def __init__(self, db: str | Path | None = None):
        self.engine = engines.create(str(db) if db is not None else None)
        engines.migrate(self.engine)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Results[QuoteRecord]:
        """Quotes by speaker, by the actor they are about, by full text and date (see ``store/queries.py``)."""
        return self._run("quotes", limit, offset, speaker=speaker, about=about, search=search, since=since, until=until)

    def events(
        self,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Results[EventRecord]:
        """Events by actor (either side; name or ISO3), source, target, PLOVER type, status and day."""
        return self._run(
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

    def meetings(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Results[MeetingRecord]:
        """Meetings by participant (code or actor name), day and latest status, each with its mentions."""
        with self.engine.connect() as conn:
            return read.meetings(conn, limit=limit, offset=offset, actor=actor, since=since, until=until, status=status)

    def meeting(self, meeting_id: str) -> MeetingRecord | None:
        """One meeting by id, or None."""
        with self.engine.connect() as conn:
            return read.meeting(conn, meeting_id)

    def rebuild_meetings(self) -> int:
        """Link every stored meeting mention again (``newsgraph meetings --rebuild``); returns the meeting count."""
        from newsgraph.meetings.build import rebuild
        from newsgraph.store.engine import write_transaction

        with write_transaction(self.engine) as conn:
            return rebuild(conn)

    def actors(self, *, search: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Results[ActorRecord]:
        """Global actors (by name, alias or country code) with their counts."""
        return self._run("actors", limit, offset, search=search)

    def articles(
        self,
        *,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Results[ArticleRecord]:
        """Articles by full text and publication date."""
        return self._run("articles", limit, offset, search=search, since=since, until=until)

    def ingest(
        self,
        items: Iterable[Article | Analysis | Problem],
        *,
        jobs: int = 1,
        settings: Settings | None = None,
        reanalyze_duplicates: bool = False,
        batch_size: int = 50,
        progress: Progress | None = None,
        limits: Limits | None = None,
    ) -> IngestReport:
        """Store articles (analysed here, in ``jobs`` processes) or ready analyses; already stored ids are skipped.

        ``batch_size`` articles are committed per transaction; near-duplicates are linked to their first copy.
        An article whose analysis fails or runs past ``limits`` (default: ``Limits()``) is reported in
        ``failed`` and not stored.
        """
        from newsgraph.analyze import Limits, Settings
        from newsgraph.corpus import Ingestor

        ingestor = Ingestor(
            self.engine,
            settings=settings or Settings(),
            jobs=jobs,
            reanalyze_duplicates=reanalyze_duplicates,
            batch_size=batch_size,
            limits=limits or Limits(),
        )
        return ingestor.run(items, progress)

    def export(self, kind: str, out: str | Path, fmt: str = "parquet", **filters: str) -> int:
        """Write every ``kind`` record (quotes, events, actors, articles) to ``out``; returns the row count."""
        from newsgraph.store.export import export as export_chunks

        with self.engine.connect() as conn:
            chunks: Iterator[list] = queries.stream(conn, kind, **filters)
            return export_chunks(Path(out), fmt, queries.QUERIES[kind].record_type, chunks)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _run(self, kind: str, limit: int, offset: int, **filters: str | None) -> Results:
        with self.engine.connect() as conn:
            return queries.run(conn, kind, limit=limit, offset=offset, **filters)


def open(db: str | Path | None = None) -> Corpus:  # noqa: A001 - newsgraph.open mirrors the builtin on purpose
    """Open (creating or migrating) a corpus database; default ``./newsgraph.db``."""
    return Corpus(db)
