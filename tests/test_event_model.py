"""The trained event-type models (fast: linear; accurate: MiniLM embeddings), on texts written here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from newsgraph.analyze import Pipeline, Settings
from newsgraph.extract.events.classifier import MODES, NONE, ModelError, anchors, load_model, reading
from newsgraph.extract.events.encoder import WEIGHTS_SHA256, EncoderError, model_zip, read_weights
from newsgraph.extract.events.lexicon import GENERIC_CAMEO, generic_sense
from newsgraph.model import Article

WRITTEN = {
    "PROTEST": "Thousands of students marched through the capital on Sunday, chanting slogans against the new tax law.",
    "ASSAULT": "Rebel fighters shelled the northern town overnight, killing twelve civilians.",
    "CONSULT": "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss trade.",
}


def typed(pipeline: Pipeline, mode: str, text: str) -> str:
    """The model's most probable type at the anchor of the text's first sentence."""
    doc = pipeline.nlp(text)
    model = load_model(mode=mode)
    word = anchors(doc, {})[0]
    row = model.probabilities([reading(word)])[0]
    return model.labels[int(row.argmax())]


@pytest.mark.parametrize("mode", MODES)
def test_each_model_types_clear_sentences_written_for_it(pipeline, mode):
    for label, text in WRITTEN.items():
        assert typed(pipeline, mode, text) == label, text


@pytest.mark.parametrize("mode", MODES)
def test_each_model_covers_every_plover_type_and_no_event(mode):
    model = load_model(mode=mode)
    assert sorted(model.labels) == sorted([*GENERIC_CAMEO, NONE])
    assert all(generic_sense(t).type == t for t in model.labels if t != NONE)


@pytest.mark.parametrize("mode", MODES)
def test_both_modes_run_through_the_product_pipeline(mode):
    analysis = Pipeline(Settings(events=mode)).analyze(Article(id="m", text="Ethiopia bombed Eritrea on Monday."))
    assert [e.type for e in analysis.events] == ["ASSAULT"]


def test_the_encoder_checks_the_weights_hash():
    tensors, tokenizer = read_weights(model_zip())
    assert tensors["embeddings.word_embeddings.weight"].shape == (30522, 384)
    assert '"[CLS]"' in tokenizer and len(WEIGHTS_SHA256) == 64


def test_corrupted_encoder_weights_give_one_line(tmp_path: Path):
    bad = tmp_path / "model.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("model.safetensors", b"\0" * 64)
        archive.writestr("tokenizer.json", "{}")
    with pytest.raises(EncoderError) as error:
        read_weights(bad)
    assert "corrupted" in str(error.value) and "\n" not in str(error.value)
    (tmp_path / "empty.zip").write_bytes(b"not a zip")
    with pytest.raises(EncoderError, match="unreadable"):
        read_weights(tmp_path / "empty.zip")


@pytest.mark.parametrize("content", [None, '{"mode": "fast", "labels": ["AGREE"]', '{"mode": "fast"}'])
def test_missing_or_corrupted_head_weights_give_one_line(tmp_path: Path, content: str | None):
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as error:
        Pipeline(Settings(events="fast", event_weights=str(path)))
    message = str(error.value)
    assert message.startswith("event model weights") and str(path) in message and "\n" not in message


def test_an_unknown_mode_is_refused():
    with pytest.raises(ModelError, match="unknown event model"):
        load_model(mode="huge")
