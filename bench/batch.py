"""``newsgraph batch`` throughput: the local engine (``--jobs 1`` and ``2``) against Spark (``local[1]``, ``local[2]``).

Each setting runs the ``newsgraph batch`` command as a user would, twice: on the first ``--small`` input files and
on all of them. The rate after start-up (JVM, Python workers, pipeline loads) is the difference of the two:
``(all - small) articles / (time all - time small)``. Prints articles/s per setting and the ratio of Spark
``local[N]`` to the local engine with ``--jobs N``.

    .venv/bin/python bench/batch.py ../shared/eval/polnear/train            # 840 articles
    .venv/bin/python bench/batch.py ../shared/eval/polnear/train --limit 200 --small 50 --json out/batch.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _articles import input_files

SETTINGS = {
    "local --jobs 1": ["--engine", "local", "--jobs", "1"],
    "local --jobs 2": ["--engine", "local", "--jobs", "2"],
    "spark local[1]": ["--engine", "spark", "--master", "local[1]", "--partitions", "1"],
    "spark local[2]": ["--engine", "spark", "--master", "local[2]", "--partitions", "2"],
}
PAIRS = (("spark local[1]", "local --jobs 1"), ("spark local[2]", "local --jobs 2"))


def run_batch(files: list[Path], options: list[str], work: Path) -> tuple[float, int]:
    """Seconds one ``newsgraph batch`` run takes over ``files``, and the articles it analysed."""
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "newsgraph", "batch", *map(str, files), str(out), *options]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    summary = [line for line in result.stderr.splitlines() if line.startswith("newsgraph batch:")]
    if not summary:
        raise RuntimeError(f"newsgraph batch {' '.join(options)} failed:\n{result.stderr[-3000:]}")
    analysed = int(summary[-1].split("analysed ")[1].split(",")[0])
    return seconds, analysed


def measure(files: list[Path], small: int, options: list[str], work: Path) -> dict[str, float]:
    """Whole-run and after-start-up rates of one setting."""
    t_small, n_small = run_batch(files[:small], options, work)
    t_all, n_all = run_batch(files, options, work)
    return {
        "articles": n_all,
        "seconds": round(t_all, 1),
        "seconds_small": round(t_small, 1),
        "articles_small": n_small,
        "rate": n_all / t_all,
        "rate_after_startup": (n_all - n_small) / (t_all - t_small) if t_all > t_small else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="folders of .json/.jsonl article files, or files")
    parser.add_argument("--limit", type=int, help="use the first N files only")
    parser.add_argument("--small", type=int, default=120, help="files of the short run (start-up cost)")
    parser.add_argument("--settings", nargs="+", choices=list(SETTINGS), default=list(SETTINGS))
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    files = input_files(args.inputs)[: args.limit]
    load_before = os.getloadavg()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-batch-") as work:
        for name in args.settings:
            results[name] = measure(files, min(args.small, len(files) // 2), SETTINGS[name], Path(work))
            r = results[name]
            print(
                f"{name:16} {r['articles']:5d} articles {r['seconds']:8.1f} s  {r['rate']:6.2f} articles/s  "
                f"after start-up {r['rate_after_startup']:6.2f} articles/s",
                flush=True,
            )
    ratios = {
        f"{spark} / {local}": results[spark]["rate_after_startup"] / results[local]["rate_after_startup"]
        for spark, local in PAIRS
        if spark in results and local in results
    }
    for name, ratio in ratios.items():
        print(f"ratio {name} (after start-up): {ratio:.2f}")
    load_after = os.getloadavg()
    print(f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f} on {os.cpu_count()} CPUs")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"results": results, "ratios": ratios, "loadavg_before": load_before, "loadavg_after": load_after}
        report["machine"] = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        }
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
