"""Ingest throughput against plain analysis, database size, and query latency.

    python bench/ingest_bench.py ../shared/eval/polnear/train [--jobs 2] [--repeat 2] [--db URL] [--json OUT]

In one run, on the same inputs and the same machine:
  analyze  ``newsgraph analyze INPUT --jobs N --format jsonl > /dev/null`` (a subprocess, timed whole);
  ingest   ``newsgraph ingest INPUT --jobs N --db DB --quiet`` into a fresh database (likewise);
alternating the two ``--repeat`` times (best of each: other load on the machine only adds time),
then ``overhead = ingest time / analyze time - 1`` (the issue's limit: under 10%), the database
size (SQLite: file + WAL), and p50/p95 latency of 100 mixed queries (quotes by speaker, about an
actor, full text and date; events by actor and type; actors by name; articles by full text) run
in-process through ``newsgraph.store.queries`` on one open connection, start-up not counted.
Exits 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

import newsgraph
from newsgraph.store import queries, schema

THRESHOLD_PCT = 10.0
QUERIES = 100
WORDS = ["president", "election", "border", "talks", "sanctions", "debate", "campaign", "ceasefire", "tax", "court"]


def timed(command: list[str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # 1: some input was skipped (reported), not a crash
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "", file=sys.stderr)
    return elapsed


def empty(url: str) -> None:
    """Create the database, or delete every corpus row from it."""
    with newsgraph.open(url) as db, db.engine.begin() as conn:
        for table in reversed(schema.CORPUS_TABLES):
            conn.execute(table.delete())


def database_size(url: str, db: newsgraph.api.Corpus) -> int:
    if "://" not in url:
        return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*"))
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()


def mixed_queries(db: newsgraph.api.Corpus, count: int, seed: int = 1) -> list[tuple[str, dict]]:
    """``count`` query calls over names and words that occur in the corpus."""
    with db.engine.connect() as conn:
        names = list(conn.execute(select(schema.actors.c.name).order_by(schema.actors.c.name)).scalars())
        types = list(conn.execute(select(schema.events.c.type).distinct()).scalars()) or ["CONSULT"]
        published = [p for p in conn.execute(select(func.min(schema.articles.c.published))).scalars() if p]
    rng = random.Random(seed)
    since = published[0] if published else "2015-01-01"
    makers = [
        lambda: ("quotes", {"speaker": rng.choice(names)}),
        lambda: ("quotes", {"about": rng.choice(names)}),
        lambda: ("quotes", {"search": rng.choice(WORDS), "since": since}),
        lambda: ("events", {"actor": rng.choice(names)}),
        lambda: ("events", {"type": rng.choice(types)}),
        lambda: ("actors", {"search": rng.choice(names).split()[-1]}),
        lambda: ("actors", {}),
        lambda: ("articles", {"search": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"}),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def query_latency(db: newsgraph.api.Corpus) -> dict[str, float]:
    calls = mixed_queries(db, QUERIES)
    times = []
    with db.engine.connect() as conn:
        queries.run(conn, "actors", limit=1)  # warm the connection
        for kind, filters in calls:
            start = time.perf_counter()
            queries.run(conn, kind, limit=20, **filters)
            times.append(time.perf_counter() - start)
    cuts = statistics.quantiles(times, n=100)
    return {"p50_ms": cuts[49] * 1000, "p95_ms": cuts[94] * 1000, "max_ms": max(times) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="files, folders or globs (as newsgraph ingest takes them)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file in a temporary folder); emptied first")
    parser.add_argument("--repeat", type=int, default=1, help="alternate analyze and ingest this many times")
    parser.add_argument("--json", type=Path, help="write the numbers here too")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("newsgraph"))
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or os.path.join(tmp, "bench.db")
        analyse_times, ingest_times = [], []
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            empty(url)
            analyse_times.append(timed([exe, "analyze", *args.inputs, "--jobs", str(args.jobs), "--format", "jsonl"]))
            ingest_times.append(timed([exe, "ingest", *args.inputs, "--jobs", str(args.jobs), "--db", url, "--quiet"]))
        analyse_s, ingest_s = min(analyse_times), min(ingest_times)
        with newsgraph.open(url) as db:
            with db.engine.connect() as conn:
                counts = {
                    t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in schema.CORPUS_TABLES
                }
            size = database_size(url, db)
            latency = query_latency(db)
    articles = counts["articles"]
    result = {
        "articles": articles,
        "jobs": args.jobs,
        "database": "postgresql" if "://" in url else "sqlite",
        "analyze_s": round(analyse_s, 2),
        "ingest_s": round(ingest_s, 2),
        "analyze_runs_s": [round(t, 2) for t in analyse_times],
        "ingest_runs_s": [round(t, 2) for t in ingest_times],
        "load_average_before_after": [load_before, os.getloadavg()[0]],
        "analyze_articles_per_s": round(articles / analyse_s, 2),
        "ingest_articles_per_s": round(articles / ingest_s, 2),
        "overhead_pct": round((ingest_s / analyse_s - 1) * 100, 1),
        "database_bytes": size,
        "rows": counts,
        **{k: round(v, 2) for k, v in latency.items()},
    }
    print(json.dumps(result, indent=2))
    verdict = "PASS" if result["overhead_pct"] < THRESHOLD_PCT else "FAIL"
    print(
        f"{verdict}: storage overhead {result['overhead_pct']}% (limit {THRESHOLD_PCT}%), "
        f"{articles} articles, {size / 1e6:.1f} MB, queries p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms",
        file=sys.stderr,
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
