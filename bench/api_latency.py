"""Latency of the web API's busiest call, ``GET /api/quotes?speaker=…``, over a corpus database.

    python bench/api_latency.py --db /tmp/polnear.db [--requests 300] [--json OUT]

Speakers are mixed: the corpus's quoted actors (frequent and rare), by full name and by surname, in a
seeded random order. Requests go through an in-process client (FastAPI's TestClient: routing, the
query, JSON serialisation; no network), after 20 warm-up requests. Prints p50/p95/max against the
target (p95 < 100 ms). Exits 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

from sqlalchemy import func, select

import newsgraph
from newsgraph.store import schema
from newsgraph.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

TARGET_P95_MS = 100.0
WARM_UP = 20


def speakers(db: newsgraph.api.Corpus, seed: int) -> list[str]:
    """Names of quoted actors: the 30 most quoted and 30 others, each by full name and by surname."""
    q, actors = schema.quotes, schema.actors
    n = func.count().label("n")
    stmt = (
        select(actors.c.name, n)
        .join(q, q.c.speaker_id == actors.c.id)
        .group_by(actors.c.id, actors.c.name)
        .order_by(n.desc(), actors.c.name)
    )
    with db.engine.connect() as conn:
        names = [name for name, _ in conn.execute(stmt)]
    if not names:
        sys.exit("no quotes with a resolved speaker in this database")
    rng = random.Random(seed)
    chosen = names[:30] + rng.sample(names[30:], min(30, len(names[30:])))
    return [form for name in chosen for form in {name, name.split()[-1]}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite path or database URL (e.g. a PolNeAR-sized corpus)")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--limit", type=int, default=50, help="page size asked for")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()

    db = newsgraph.open(args.db)
    names = speakers(db, args.seed)
    rng = random.Random(args.seed)
    calls = [rng.choice(names) for _ in range(args.requests + WARM_UP)]
    client = TestClient(create_app(db))
    timings, rows = [], 0
    for i, name in enumerate(calls):
        start = time.perf_counter()
        response = client.get("/api/quotes", params={"speaker": name, "limit": args.limit})
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            sys.exit(f"/api/quotes?speaker={name}: {response.status_code} {response.text[:300]}")
        if i >= WARM_UP:
            timings.append(elapsed)
            rows += len(response.json()["items"])
    db.close()

    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=100, method="inclusive")[94]
    result = {
        "db": args.db,
        "requests": len(timings),
        "distinct_speakers": len(set(names)),
        "mean_rows": round(rows / len(timings), 1),
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(max(timings), 2),
        "target_p95_ms": TARGET_P95_MS,
        "met": p95 < TARGET_P95_MS,
    }
    print(
        f"GET /api/quotes?speaker=… over {args.db}: {len(timings)} requests, {len(set(names))} speaker names, "
        f"{result['mean_rows']} rows each on average"
    )
    print(
        f"p50 {p50:.1f} ms   p95 {p95:.1f} ms   max {max(timings):.1f} ms   "
        f"(target p95 < {TARGET_P95_MS:.0f} ms: {'met' if result['met'] else 'NOT met'})"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
