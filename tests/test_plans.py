"""Every lesson section states its time, and the guide's 90-minute plans come from them.

Expected times are read here straight from each notebook's JSON: the lesson's total from
its first cell ("**Time:** about N minutes"), each ``##`` section's from the line under its
heading ("*About N minutes.*", "*About 1 minute.*", "*Under a minute.*" = 0, "*Not timed:
…*" = 0), not from the registry (tools/lessons.py) or tools/plans.py.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import nbformat
import pytest

from tools import lessons as registry
from tools import plans
from tools._paths import ROOT, lessons

LESSONS = lessons()
STATED = re.compile(r"^\*(?:About (\d+) minutes?|Under a minute|Not timed: [^*]+)\.\*$")


def _stated() -> dict[str, int]:
    out = {}
    for path in LESSONS:
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"]
        found = re.search(r"\*\*Time:\*\* about (\d+) minutes", "".join(first))
        assert found, path.name
        out[path.stem[:2]] = int(found.group(1))
    return out


def _sections(path: Path) -> list[tuple[str, int | None]]:
    """(heading, minutes) of every ## section, in order; None if its time is missing."""
    out: list[tuple[str, int | None]] = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown" or "nav" in cell["metadata"].get("tags", []):
            continue
        lines = "".join(cell["source"]).splitlines()
        fence = False
        for i, line in enumerate(lines):
            fence ^= line.strip().startswith("```")
            if not fence and line.startswith("## "):
                below = [x for x in lines[i + 1:] if x.strip()][:1]
                found = STATED.match(below[0]) if below else None
                out.append((line[3:].strip(),
                            None if found is None else int(found.group(1) or 0)))
    return out


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_section_states_its_time_and_they_add_up_to_the_lesson(path: Path) -> None:
    sections = _sections(path)
    assert len(sections) >= 5, f"{path.name}: too few ## sections found"
    untimed = [name for name, minutes in sections if minutes is None]
    assert not untimed, f"{path.name}: these sections state no time under their heading: {untimed}"
    assert sum(m or 0 for _, m in sections) == _stated()[path.stem[:2]]
    # the registry reads the same numbers (the one function every tool asks)
    assert registry.read(path).section_minutes == dict(sections)


def _lesson(tmp_path: Path, *sections: str, total: int = 5) -> Path:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# 42 · Test\n\n**Time:** about {total} minutes."),
        *(nbformat.v4.new_markdown_cell(s) for s in sections)])
    path = tmp_path / "42_test.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_section_without_its_time_is_named_with_the_fix(tmp_path: Path) -> None:
    path = _lesson(tmp_path, "## One\n\n*About 5 minutes.*\n\nText.", "## Two\n\nText.")
    with pytest.raises(ValueError, match=r"'## Two' states no time: write a line like "
                                         r"'\*About 5 minutes\.\*'"):
        _ = registry.read(path).section_minutes


def test_a_time_in_another_form_is_named_with_the_form_to_write(tmp_path: Path) -> None:
    path = _lesson(tmp_path, "## One\n\n*About 1 minutes.*")
    with pytest.raises(ValueError, match=r"'## One' states its time as '\*About 1 minutes\.\*'; "
                                         r"write '\*About 1 minute\.\*'"):
        _ = registry.read(path).section_minutes


def test_sections_that_miss_the_lessons_time_are_refused(tmp_path: Path) -> None:
    path = _lesson(tmp_path, "## One\n\n*About 3 minutes.*", "## Two\n\n*Under a minute.*",
                   "## Appendix\n\n*Not timed: for after the exercises.*")
    with pytest.raises(ValueError, match="add up to 3 minutes but its first cell says about 5"):
        _ = registry.read(path).section_minutes
    assert registry.section_minutes(path) == {"One": 3, "Two": 0, "Appendix": 0}


def test_the_guides_plans_are_current() -> None:
    assert plans.main(["--check"]) == 0, "run: python -m tools.plans"


def test_sessions_hold_every_lesson_once_in_order_and_fit() -> None:
    stated = _stated()
    groups = [[x.code for x in s] for s in plans.sessions()]
    assert [code for group in groups for code in group] == sorted(stated)
    for group in groups:
        assert sum(stated[c] for c in group) <= 90, group
    for first, second in itertools.pairwise(groups):  # nothing more would fit
        assert sum(stated[c] for c in first) + stated[second[0]] > 90


def test_the_02_07_plan_is_every_timed_section_and_the_bridge_within_90_minutes() -> None:
    by_code = {p.stem[:2]: p for p in LESSONS}
    timed = {code: [(n, m) for n, m in _sections(by_code[code]) if m]
             for code in ("02", "06", "07")}
    bridge = [(n, m) for n, m in timed["06"] if "matrices" in n.lower()]
    assert len(bridge) == 1, "lesson 06 has one section about matrices"
    expected = ([("02", n, m) for n, m in timed["02"]]
                + [("06", f"bridge: {bridge[0][0]}", bridge[0][1])]
                + [("07", n, m) for n, m in timed["07"]])
    assert plans.bridge_plan() == expected
    stated = _stated()
    total = stated["02"] + bridge[0][1] + stated["07"]  # the Appendix is not timed
    assert sum(m for _, _, m in expected) == total <= 90
    # the guide shows the bridge starting when 02 ends, and the clock at the end
    guide = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    start = stated["02"]
    assert (f"| {start // 60}:{start % 60:02d} | 06 | bridge: {bridge[0][0]} | {bridge[0][1]} |"
            in guide)
    assert f"| {total // 60}:{total % 60:02d} | | end | |" in guide
    assert f"({total} min, {90 - total} min to spare)" in guide
