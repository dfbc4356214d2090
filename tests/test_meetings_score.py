"""The meetings scorer on hand-made lists, and the linking scored on invented articles (summit.jsonl,
border.jsonl) against their hand annotation (gold.json), through the real pipeline and store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.ingest.files import read_inputs
from newsgraph.meetings.read import document, every_meeting
from newsgraph.meetings.score import GOLD_FORMAT, explain, one_per_article, score

FIXTURES = Path(__file__).parent / "fixtures" / "meetings"
EXAMPLES = Path(newsgraph.__file__).parent / "examples"


def meetings(*groups: dict[str, str]) -> list[dict]:
    return [{"mentions": [{"article": a, "status": s} for a, s in group.items()]} for group in groups]


def test_scores_count_matched_meetings_article_pairs_and_statuses():
    predicted = meetings({"A": "proposed", "B": "planned"}, {"C": "occurred"}, {"D": "planned"})
    gold = meetings({"A": "proposed", "B": "planned", "C": "occurred"}, {"D": "occurred"})
    s = score(predicted, gold)
    assert (s.meetings.true, s.meetings.predicted, s.meetings.gold) == (2, 3, 2)
    assert (s.links.true, s.links.predicted, s.links.gold) == (1, 1, 3)
    assert (s.status_correct, s.status_compared) == (2, 3)
    assert s.meetings.f1 == pytest.approx(0.8) and s.links.f1 == pytest.approx(0.5)


def test_one_meeting_per_article_finds_no_links():
    gold = meetings({"A": "planned", "B": "occurred"})
    s = score(meetings({"A": "planned"}, {"B": "occurred"}), gold)
    assert s.links.f1 == 0.0 and s.meetings.precision == 0.5 and s.status_accuracy == 1.0


def test_invented_threads_against_their_annotation(tmp_path):
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    assert gold["format"] == GOLD_FORMAT
    with newsgraph.open(tmp_path / "g.db") as db:
        report = db.ingest(read_inputs([str(FIXTURES / "summit.jsonl"), str(FIXTURES / "border.jsonl")]))
        assert report.ok and report.new == 8
        with db.engine.connect() as conn:
            predicted = document(list(every_meeting(conn)))["meetings"]
    s = score(predicted, gold["meetings"])
    # the bar for real news; these texts were written with the linking rules in view, so they are a check
    # that the rules and the pipeline work together, not a measure of quality
    assert s.meetings.f1 >= 0.6 and s.links.f1 >= 0.6 and s.status_accuracy >= 0.8, s
    baseline = score([{"mentions": [m]} for g in gold["meetings"] for m in g["mentions"]], gold["meetings"])
    assert s.links.f1 > baseline.links.f1 == 0.0


def scored(tmp_path: Path, gold_file: str, *inputs: str):
    """The meetings of ``inputs``, ingested into a fresh store, and the naive baseline, scored against gold."""
    gold = json.loads((FIXTURES / gold_file).read_text(encoding="utf-8"))["meetings"]
    with newsgraph.open(tmp_path / "s.db") as db:
        assert db.ingest(read_inputs(list(inputs))).ok
        with db.engine.connect() as conn:
            predicted = document(list(every_meeting(conn)))["meetings"]
    return score(predicted, gold), score(one_per_article(gold), gold)


def test_held_out_threads_against_their_annotation(tmp_path):
    # threads.jsonl was written and annotated before any rule was changed for it; docs/meetings.md has the table.
    # The links it missed were nominal references ("last week's talks in Geneva", "the delegations agreed to meet
    # again") and a call about the talks; references are events now (extract/events/meeting_references.py).
    s, baseline = scored(tmp_path, "threads-gold.json", str(FIXTURES / "threads.jsonl"))
    assert s.meetings.f1 >= 0.9 and s.meetings.precision == 1.0
    assert s.links.precision == 1.0 and s.links.f1 >= 0.9 > baseline.links.f1 == 0.0
    assert s.status_accuracy >= 0.75 and s.status_compared >= 8


def test_second_held_out_set_against_its_annotation(tmp_path):
    # heldout2.jsonl was scored once after this version's rules (meetings 0.71, links 0.36, status 0.71); the
    # "-facilitated" cue, mediator-only mentions and headline statuses were then fixed on what it showed, so it
    # is no longer held out (docs/meetings.md)
    s, baseline = scored(tmp_path, "heldout2-gold.json", str(FIXTURES / "heldout2.jsonl"))
    assert s.meetings.f1 > baseline.meetings.f1 and s.links.precision == 1.0 and s.status_accuracy >= 0.8
    assert s.links.f1 >= 0.8


def test_third_held_out_set_against_its_annotation(tmp_path):
    # heldout3.jsonl (nominal references) was scored once after the first reference rules (meetings 0.89, links
    # 0.50, status 0.57), then the cancellation cues were fixed on what it showed; its links are lost upstream
    # (docs/meetings.md, Known misses)
    s, baseline = scored(tmp_path, "heldout3-gold.json", str(FIXTURES / "heldout3.jsonl"))
    assert s.meetings.f1 >= 0.85 and s.links.precision == 1.0 and s.status_accuracy >= 0.8
    assert s.links.f1 > baseline.links.f1


def test_fourth_and_fifth_held_out_sets_against_their_annotation(tmp_path):
    # heldout4.jsonl was scored at the first reference rules (0.67 / 0.36 / 0.80), then read (sentence starts,
    # places that modify a meeting noun); heldout5.jsonl was written after all rules and scored once (0.67 / 0.67 /
    # 0.62), then a passive cancellation was fixed on it, and the rules of issue 14 (calls, continuing talks, a
    # further round) raised it to 0.77 / 0.82 / 1.00 (docs/meetings.md)
    s4, baseline4 = scored(tmp_path, "heldout4-gold.json", str(FIXTURES / "heldout4.jsonl"))
    assert s4.meetings.f1 >= 0.7 and s4.links.f1 >= 0.75 > baseline4.links.f1 and s4.status_accuracy >= 0.8
    s5, baseline5 = scored(tmp_path / "5", "heldout5-gold.json", str(FIXTURES / "heldout5.jsonl"))
    assert s5.meetings.f1 >= 0.75 and s5.links.f1 >= 0.8 > baseline5.links.f1 and s5.status_accuracy >= 0.9


def test_sixth_held_out_set_against_its_annotation(tmp_path):
    # heldout6.jsonl was written and annotated before the rules of issue 14 and scored once at their branch point
    # (0.71 / 0.88 / 0.50); the rules were then fixed on what it showed (calls, groups that name their countries,
    # talks after a dateline, further rounds, mediators, delays, refusals), so it is no longer held out
    s, baseline = scored(tmp_path, "heldout6-gold.json", str(FIXTURES / "heldout6.jsonl"))
    assert s.meetings.f1 >= 0.85 and s.links.precision == 1.0 and s.links.f1 >= 0.9 > baseline.links.f1
    assert s.status_accuracy >= 0.9 and s.status_compared >= 12


def test_bundled_examples_against_their_annotation(tmp_path):
    s, baseline = scored(tmp_path, "examples-gold.json", str(EXAMPLES))
    assert s.meetings.precision == 1.0 and s.meetings.f1 > baseline.meetings.f1
    assert s.status_accuracy >= 0.8


def test_explain_lists_missed_and_wrong_links_and_differing_statuses():
    predicted = meetings({"A": "proposed", "B": "planned"}, {"C": "occurred", "D": "planned"})
    predicted[1]["label"] = "C–D talks"
    gold = meetings({"A": "proposed", "B": "planned", "C": "occurred"}, {"D": "occurred"})
    gold[0]["id"], gold[1]["id"] = "abc", "d"
    assert explain(predicted, gold) == {
        "missed_links": [["A", "C"], ["B", "C"]],
        "wrong_links": [["C", "D"]],
        "statuses": [["D", "d", "occurred", "planned", "C–D talks"]],
    }
