"""Over-long unpunctuated text: sentences are cut so that sentence-wide rules stay linear
(texts written for these tests)."""

from __future__ import annotations

from newsgraph.analyze import Pipeline
from newsgraph.nlp import MAX_SENTENCE_TOKENS, mark_paragraph_starts

SALAD = "posts winter Trump its said out its dropped or China military took European Witkoff "


def test_an_unpunctuated_line_is_cut_into_bounded_sentences(pipeline: Pipeline) -> None:
    doc = pipeline.nlp(SALAD * 60)  # 840 tokens, no punctuation
    sentences = list(doc.sents)
    assert len(sentences) >= len(doc) // MAX_SENTENCE_TOKENS
    assert max(len(s) for s in sentences) <= MAX_SENTENCE_TOKENS


def test_punctuated_text_is_not_cut(pipeline: Pipeline) -> None:
    """A long paragraph of ordinary sentences keeps the parser's boundaries: each starts after a full stop."""
    sentence = "The minister said the talks would resume in Geneva after the summer break. "
    doc = pipeline.nlp(sentence * 40)  # 560 tokens on one line
    assert all(s.start == 0 or doc[s.start - 1].text == "." for s in doc.sents)


def cuts(pipeline: Pipeline, text: str) -> list[int]:
    """Where the paragraph component alone starts sentences (before the parser)."""
    doc = mark_paragraph_starts(pipeline.nlp.make_doc(text))
    return [t.i for t in doc if t.is_sent_start and t.i > 0]


def test_the_cut_falls_every_bound_tokens(pipeline: Pipeline) -> None:
    assert cuts(pipeline, " ".join(["word"] * (2 * MAX_SENTENCE_TOKENS + 5))) == [
        MAX_SENTENCE_TOKENS,
        2 * MAX_SENTENCE_TOKENS,
    ]


def test_a_sentence_end_or_line_break_resets_the_count(pipeline: Pipeline) -> None:
    run_up = ["word"] * (MAX_SENTENCE_TOKENS - 10)
    for end in (";", ".", "?", "!"):
        assert cuts(pipeline, " ".join([*run_up, end, *["word"] * 20])) == []
    assert cuts(pipeline, " ".join(run_up) + "\n" + " ".join(["word"] * 20)) == [MAX_SENTENCE_TOKENS - 9]


def test_a_long_unpunctuated_line_gives_a_valid_record(run) -> None:
    analysis = run(SALAD * 120)
    assert all(q.start < q.end for q in analysis.quotes)
