"""Record the analysis of the shared evaluation sets, and diff two recordings.

A behaviour-preserving change must leave every record identical:

    .venv/bin/python tools/output_diff.py record /tmp/before      # on the old commit
    .venv/bin/python tools/output_diff.py record /tmp/after       # on the new one
    .venv/bin/python tools/output_diff.py diff /tmp/before /tmp/after

Sets (read from ../shared/eval, never copied): the seed, gold-ggt-dev, gold-news-dev, PolNeAR dev
(gold files: their text and publication date) and the PLV sentences (one article a sentence).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsgraph.analyze import analyze_many
from newsgraph.evaluate import gold_article, gold_files, load_gold
from newsgraph.model import Analysis, Article

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
GOLD_SETS = ("gold", "gold-ggt-dev", "gold-news-dev", "polnear/dev")


def gold_set(name: str) -> Iterator[Article]:
    """The articles of one gold directory."""
    for path in gold_files(EVAL / name):
        yield gold_article(load_gold(path))


def plv_sentences() -> Iterator[Article]:
    """Each PLV sentence as a one-sentence article."""
    with open(EVAL / "plover" / "PLV_train.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield Article(id=f"plv-{row['sentence_id']}", text=row["sentence"])


def sets() -> dict[str, Iterator[Article]]:
    """Every set that exists on this machine, by file name."""
    found = {name.replace("/", "-"): gold_set(name) for name in GOLD_SETS if (EVAL / name).is_dir()}
    if (EVAL / "plover" / "PLV_train.tsv").is_file():
        found["plv"] = plv_sentences()
    return found


def record(out: Path, jobs: int) -> None:
    """Write ``<set>.jsonl`` (one analysis record a line, input order) for each set."""
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in sets().items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for result in analyze_many(articles, jobs=jobs):
                record_line = result.to_dict() if isinstance(result, Analysis) else {"problem": str(result)}
                handle.write(json.dumps(record_line, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{name}: recorded", file=sys.stderr)


def diff(before: Path, after: Path) -> int:
    """Print the articles whose records differ, per set; the number of differing articles."""
    changed = 0
    for old in sorted(before.glob("*.jsonl")):
        new = after / old.name
        if not new.exists():
            print(f"{old.stem}: missing in {after}")
            changed += 1
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines()
        differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b]
        differing += list(range(min(len(old_lines), len(new_lines)), max(len(old_lines), len(new_lines))))
        for index in differing:
            line = (old_lines + new_lines)[index] if index >= len(old_lines) else old_lines[index]
            print(f"{old.stem}: record {index} ({json.loads(line).get('article', {}).get('id', '?')}) differs")
        print(f"{old.stem}: {len(differing)} of {max(len(old_lines), len(new_lines))} records differ")
        changed += len(differing)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("record", help="analyse every set into DIR")
    rec.add_argument("out", type=Path)
    rec.add_argument("--jobs", type=int, default=2)
    dif = commands.add_parser("diff", help="compare two recordings; exit 1 when any record differs")
    dif.add_argument("before", type=Path)
    dif.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.jobs)
        return 0
    return 1 if diff(args.before, args.after) else 0


if __name__ == "__main__":
    sys.exit(main())
