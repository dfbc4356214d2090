"""``newsgraph batch --engine local``: the inputs through ``analyze_many(jobs=N)`` into a Parquet dataset
written with pyarrow; no JVM needed."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.analyze import Limits, Settings, analyze_many
from newsgraph.batch.dedup import DuplicateLinks
from newsgraph.batch.inputs import input_files, read_input
from newsgraph.batch.output import DatasetWriter, check_new
from newsgraph.batch.records import Origin, analysis_rows
from newsgraph.batch.tables import month_of
from newsgraph.ingest.dedup import NearDuplicateIndex
from newsgraph.model import Article
from newsgraph.problems import Problem


@dataclass
class BatchReport:
    """What a batch did: articles analysed, near-duplicates linked, and every problem with its reason."""

    analysed: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    unlisted: int = 0  # problems beyond those listed (a Spark batch lists the first ones; all are in its table)

    @property
    def problem_count(self) -> int:
        """Every problem, listed or not."""
        return len(self.problems) + self.unlisted


def run_local(
    sources: list[str],
    out: str,
    *,
    jobs: int = 1,
    settings: Settings = Settings(),
    limits: Limits = Limits(),
    published: str | None = None,
) -> BatchReport:
    """Analyse every article the local ``sources`` hold into the dataset ``out`` (see ``tables.py``)."""
    check_new(out)
    report = BatchReport()
    writer = DatasetWriter(out)
    files, missing = input_files(sources)
    for problem in missing:
        report.problems.append(problem)
        writer.problem(problem)
    origins: deque[tuple[str, Origin]] = deque()  # (article id, origin) of each article in flight

    def articles() -> Iterator[Article]:
        for name in files:
            try:
                stream = open(name, "rb")  # noqa: SIM115 - closed by the with below
            except OSError as exc:
                report.problems.append(problem := Problem(name, f"cannot read the file ({exc.strerror or exc})"))
                writer.problem(problem)
                continue
            with stream:
                for position, item in read_input(name, stream, published):
                    if isinstance(item, Problem):
                        report.problems.append(item)
                        writer.problem(item)
                        continue
                    origins.append((item.id, Origin(name, position, NearDuplicateIndex.signature(item.text))))
                    yield item

    links = DuplicateLinks()
    for outcome in analyze_many(articles(), jobs=jobs, settings=settings, limits=limits):
        article_id, origin = origins.popleft()
        if isinstance(outcome, Problem):
            report.problems.append(outcome)
            writer.problem(outcome, article_id)
            continue
        rows = analysis_rows(outcome, origin)
        link = links.add(outcome.article.id, origin.signature)
        if link is not None:
            rows["duplicates"] = [link | {"month": month_of(outcome.article.published)}]
            report.duplicates += 1
        writer.add(rows)
        report.analysed += 1
    writer.close()
    return report
