"""The pinned requirements install on a fresh machine: every pin is name==version from the index, with hashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"
PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!_-]+(\s*;\s*[^#]+?)?$")


def requirements(path: Path) -> list[str]:
    """The requirement lines of a pip requirements file, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (line.split(" #", 1)[0].strip() for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pin_and_hashes(line: str) -> tuple[str, list[str]]:
    """A requirement line split into its pin and its ``--hash`` values."""
    hashes = re.findall(r"--hash=(\S+)", line)
    return re.sub(r"\s*--hash=\S+", "", line).strip(), hashes


@pytest.mark.parametrize("name", ["pip.txt", "lock.txt", "model.txt", "spark.txt"])
def test_every_pin_comes_from_the_index_with_hashes(name: str) -> None:
    lines = requirements(REQUIREMENTS / name)
    assert lines, f"{name} pins nothing"
    for line in lines:
        pin, hashes = pin_and_hashes(line)
        assert PIN.match(pin), f"{name}: {pin!r} is not name==version (a local path, URL or option?)"
        assert hashes and all(h.startswith("sha256:") and len(h) == 71 for h in hashes), (
            f"{name}: {pin!r} lacks sha256 hashes"
        )
        assert not re.search(r"file:|https?:|://|(^|\s)[./~]", line), f"{name}: {line!r} names a path or URL"


def test_a_local_wheel_is_caught() -> None:
    bad = "gender-guesser @ file:///tmp/dl/gender_guesser-0.4.0-py2.py3-none-any.whl#sha256=7cb0"
    pin, _ = pin_and_hashes(bad)
    assert not PIN.match(pin)


def test_the_lock_covers_every_dependency_of_the_project() -> None:
    pyproject = (REQUIREMENTS.parent / "pyproject.toml").read_text(encoding="utf-8")
    locked = {
        pin_and_hashes(line)[0].split("==")[0].lower().replace("_", "-")
        for name in ("lock.txt", "spark.txt")  # the spark extra has a lock of its own
        for line in requirements(REQUIREMENTS / name)
    }
    declared = {m.lower().replace("_", "-") for m in re.findall(r'"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==', pyproject)}
    assert declared - locked == set()
