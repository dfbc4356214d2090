"""The shape the code keeps (issue 11): small modules and classes, and no tangled blocks in extract/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 250
MAX_EXTRACT_COMPLEXITY = 20  # radon's rank C ends at 20


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def test_no_module_over_500_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_class_over_250_lines() -> None:
    long = {}
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                long[f"{path.relative_to(SRC)}:{node.name}"] = node.end_lineno - node.lineno + 1
    assert long == {}


def test_no_block_in_extract_worse_than_rank_c() -> None:
    complexity = pytest.importorskip("radon.complexity")
    tangled = {}
    for path in sorted((SRC / "extract").rglob("*.py")):
        for block in complexity.cc_visit(path.read_text()):
            if block.complexity > MAX_EXTRACT_COMPLEXITY:
                tangled[f"{path.relative_to(SRC)}:{block.fullname}"] = block.complexity
    assert tangled == {}
