"""Throughput of newsgraph against bare spaCy on the same model, and its overhead in percent.

    python bench/throughput.py ../shared/eval/polnear/train [--limit N] [--jobs 1 2] [--json OUT]
    python bench/throughput.py ../shared/eval/polnear/train --limit 100 --profile

For each ``--jobs`` value it times, once over the whole set (best of ``--repeat``):
  spaCy      ``nlp.pipe(texts, n_process=jobs)`` with ``newsgraph.nlp.load()`` (the model
             newsgraph uses, with its paragraph splitter), consuming every doc;
  newsgraph  ``newsgraph.analyze.analyze_many(articles, jobs=jobs)``, consuming every analysis;
and, for one process, plain ``spacy.load(model)`` too. Models are loaded before timing.
The issue's requirement: newsgraph's own work costs under 15% on top of spaCy's. The script
prints PASS/FAIL for it and exits 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import spacy
from rich.console import Console
from rich.table import Table

from newsgraph import analyze as ng_analyze
from newsgraph import nlp as ng_nlp
from newsgraph.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _articles import load_articles  # noqa: E402

THRESHOLD_PCT = 15.0
console = Console(width=None if sys.stdout.isatty() else 120)


@dataclass
class Measurement:
    """One system timed at one ``jobs`` value over the whole set."""

    system: str
    jobs: int
    articles: int
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def rate(self) -> float:
        return self.articles / self.best if self.best else float("inf")


def cpu_time() -> float:
    """CPU seconds of this process and of its finished (waited-for) child processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(run: Callable[[], int], repeat: int) -> tuple[list[float], list[float], int]:
    """Wall and CPU seconds of each of ``repeat`` runs of ``run`` and the item count it returned."""
    seconds, cpu, count = [], [], 0
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), cpu_time()
        count = run()
        seconds.append(time.perf_counter() - start)
        cpu.append(cpu_time() - cpu_start)
    return seconds, cpu, count


def spacy_run(nlp: spacy.Language, texts: Sequence[str], jobs: int, batch_size: int) -> Callable[[], int]:
    """A run of ``nlp.pipe`` that consumes every doc and returns the number of docs."""

    def run() -> int:
        return sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch_size))

    return run


def newsgraph_run(articles: Sequence[Article], jobs: int, settings: ng_analyze.Settings) -> Callable[[], int]:
    """A run of ``analyze_many`` that consumes every analysis and returns their number."""

    def run() -> int:
        return sum(1 for _ in ng_analyze.analyze_many(articles, jobs=jobs, settings=settings))

    return run


def warm_up(articles: Sequence[Article], settings: ng_analyze.Settings) -> tuple[spacy.Language, spacy.Language]:
    """Load both spaCy pipelines and newsgraph's pipeline (KB included) before any timing."""
    plain = spacy.load(ng_nlp.model_name())
    ours = ng_nlp.load()
    sample = list(articles[:2])
    list(plain.pipe(a.text for a in sample))
    list(ng_analyze.analyze_many(sample, jobs=1, settings=settings))
    return plain, ours


def measure(
    articles: Sequence[Article], jobs_values: Sequence[int], repeat: int, batch_size: int, settings: ng_analyze.Settings
) -> list[Measurement]:
    """Time plain spaCy (1 process), spaCy as newsgraph loads it and newsgraph, per jobs value."""
    texts = [a.text for a in articles]
    plain, ours = warm_up(articles, settings)
    plans: list[tuple[str, int, Callable[[], int]]] = [("spacy-plain", 1, spacy_run(plain, texts, 1, batch_size))]
    for jobs in jobs_values:
        plans.append(("spacy", jobs, spacy_run(ours, texts, jobs, batch_size)))
        plans.append(("newsgraph", jobs, newsgraph_run(articles, jobs, settings)))
    results = []
    for system, jobs, run in plans:
        console.print(f"[dim]timing {system} jobs={jobs} …[/dim]")
        seconds, cpu, count = timed(run, repeat)
        if count != len(articles):
            raise RuntimeError(f"{system} jobs={jobs} returned {count} of {len(articles)} items")
        results.append(Measurement(system, jobs, count, seconds, cpu))
    return results


def overheads(results: Sequence[Measurement], cpu: bool = False) -> dict[int, float]:
    """Per jobs value: (newsgraph time - spaCy time) / spaCy time, in percent (wall or CPU time)."""
    by_key = {(m.system, m.jobs): m for m in results}

    def cost(m: Measurement) -> float:
        return min(m.cpu_seconds) if cpu else m.best

    return {
        jobs: 100.0 * (cost(by_key[("newsgraph", jobs)]) / cost(by_key[("spacy", jobs)]) - 1.0)
        for (system, jobs) in by_key
        if system == "newsgraph"
    }


def render(results: Sequence[Measurement], over: dict[int, float], over_cpu: dict[int, float], chars: int) -> None:
    """The results table and the PASS/FAIL lines (on wall time)."""
    table = Table(title=f"throughput over {results[0].articles} articles ({chars:,} characters)")
    for column in ("system", "jobs", "seconds", "articles/s", "chars/s", "overhead", "CPU s", "CPU overhead"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for m in results:
        ours = m.system == "newsgraph"
        table.add_row(
            m.system,
            str(m.jobs),
            f"{m.best:.2f}",
            f"{m.rate:.2f}",
            f"{chars / m.best:,.0f}",
            f"{over[m.jobs]:+.1f}%" if ours else "",
            f"{min(m.cpu_seconds):.2f}",
            f"{over_cpu[m.jobs]:+.1f}%" if ours else "",
        )
    console.print(table)
    for jobs, pct in over.items():
        verdict = "[green]PASS[/green]" if pct < THRESHOLD_PCT else "[red]FAIL[/red]"
        console.print(f"jobs={jobs}: newsgraph overhead {pct:+.1f}% (limit {THRESHOLD_PCT:.0f}%): {verdict}")


def report(
    results: Sequence[Measurement],
    over: dict[int, float],
    over_cpu: dict[int, float],
    articles: Sequence[Article],
    batch_size: int,
) -> dict:
    """The JSON-ready record of one benchmark run."""
    return {
        "benchmark": "newsgraph.throughput/1",
        "articles": len(articles),
        "characters": sum(len(a.text) for a in articles),
        "model": ng_nlp.model_name(),
        "spacy": spacy.__version__,
        "batch_size": batch_size,
        "python": platform.python_version(),
        "machine": platform.platform(),
        "cpu_count": os.cpu_count(),
        "results": [asdict(m) | {"best_seconds": m.best, "articles_per_second": m.rate} for m in results],
        "overhead_pct": {str(jobs): round(pct, 2) for jobs, pct in over.items()},
        "cpu_overhead_pct": {str(jobs): round(pct, 2) for jobs, pct in over_cpu.items()},
        "threshold_pct": THRESHOLD_PCT,
        "pass": {str(jobs): pct < THRESHOLD_PCT for jobs, pct in over.items()},
    }


def profile(articles: Sequence[Article], settings: ng_analyze.Settings, top: int = 25) -> None:
    """cProfile newsgraph (one process) over the articles; print its own top functions."""
    warm_up(articles, settings)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in ng_analyze.analyze_many(articles, jobs=1, settings=settings):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative")
    total = stats.total_tt
    extract = sum(ct for (_, _, name), (_, _, _, ct, _) in stats.stats.items() if name == "analyze_parsed")
    console.print(
        f"[bold]profile[/bold]: {len(articles)} articles, {total:.2f}s total; "
        f"extractors (analyze_parsed, excluding spaCy) {extract:.2f}s = {100 * extract / total:.1f}%"
    )
    # Filter on the unstripped file names, so only newsgraph's own modules are listed.
    full = pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative")
    full.print_stats(r"[/\\]newsgraph[/\\]", top)


def warn_if_busy(before: tuple[float, ...], after: tuple[float, ...], jobs: int) -> None:
    """Say so when other work competed for the CPUs (load averages of 1, 5, 15 minutes)."""
    cpus = os.cpu_count() or 1
    console.print(
        f"[dim]load average before {before[0]:.2f}, after {after[0]:.2f} ({after[1]:.2f} over 5 min); {cpus} CPUs[/dim]"
    )
    if before[0] > 0.5 or after[1] > jobs + 0.5 or jobs > cpus:
        console.print(
            "[yellow]warning: other processes competed for the CPUs (or jobs > CPUs); "
            "timings are noisy, compare on an idle machine[/yellow]"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="folders or files: newsgraph-gold/1 or article JSON/JSONL")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts (default 1 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best counts")
    parser.add_argument("--batch-size", type=int, default=ng_analyze.BATCH_SIZE, help="nlp.pipe batch size")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--profile", action="store_true", help="cProfile newsgraph in-process instead of timing")
    parser.add_argument("--events", choices=("accurate", "fast"), default="fast", help="newsgraph's event-type model")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    articles = load_articles(args.inputs, args.limit)
    if not articles:
        console.print("[red]no articles found[/red]")
        return 2
    if args.profile:
        profile(articles, ng_analyze.Settings(events=args.events))
        return 0
    load_before = os.getloadavg()
    results = measure(
        articles, args.jobs, max(1, args.repeat), args.batch_size, ng_analyze.Settings(events=args.events)
    )
    load_after = os.getloadavg()
    over, over_cpu = overheads(results), overheads(results, cpu=True)
    render(results, over, over_cpu, sum(len(a.text) for a in articles))
    warn_if_busy(load_before, load_after, max(args.jobs))
    if args.json:
        data = report(results, over, over_cpu, articles, args.batch_size) | {
            "loadavg_before": load_before,
            "loadavg_after": load_after,
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n")
        console.print(f"[dim]wrote {args.json}[/dim]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
