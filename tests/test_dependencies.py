"""Dependency promises: honest lower bounds, and a pinned, tested set for Binder.

The lower bounds are exercised for real by ``.ci/run`` (a venv with exactly those
versions runs the non-browser suite); these tests check the files that make it so.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from tools.lowest_constraints import lower_bounds

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirements(*extras: str) -> list[Requirement]:
    reqs = list(PROJECT["dependencies"])
    for extra in extras:
        reqs += PROJECT["optional-dependencies"][extra]
    return [Requirement(r) for r in reqs]


def test_every_direct_dependency_has_a_lower_bound_that_satisfies_its_own_range():
    bounds = lower_bounds()
    for req in _requirements("lab", "test"):
        lowest = bounds[req.name.lower()]
        assert req.specifier.contains(Version(lowest)), f"{req}: its lower bound {lowest}"


def _binder_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "binder" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"binder/constraints.txt: {line!r} is not an exact pin"
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_binder_applies_the_pinned_set():
    lines = [line.split("#", 1)[0].strip()
             for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()]
    assert "-c constraints.txt" in lines


def test_binder_pins_every_learner_dependency_inside_the_declared_range():
    pins = _binder_pins()
    assert "lessons-lib" not in pins and "lessons_lib" not in pins  # the repo itself: editable
    for req in _requirements("lab"):
        name = req.name.lower().replace("_", "-")
        assert name in pins, (
            f"binder/constraints.txt does not pin {name}: run python -m tools.binder_lock")
        assert req.specifier.contains(Version(pins[name])), (
            f"binder pins {name}=={pins[name]}, outside pyproject's {req.specifier}: "
            "re-run python -m tools.binder_lock"
        )


def test_every_transitive_floor_of_the_lowest_run_says_why():
    """[tool.lowest-dependencies] floors (tools/lowest_constraints.py): each is a transitive
    dependency (a direct one gets its bound in [project]) with its reason beside it."""
    from tools.lowest_constraints import floors

    found = floors()
    assert found, "no floors: then drop the table"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for floor in found:
        line = next(li for li in text.splitlines() if f'"{floor}"' in li)
        assert "#" in line.split(f'"{floor}"', 1)[1], f"{floor}: say why beside it"
