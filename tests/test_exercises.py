"""The exercise objects: each exercise defined once, its help only when asked, and the
lessons' exercise cells written from the definitions."""

from __future__ import annotations

import json
import re

import pytest

from lessons_lib.exercises import EXERCISES, Exercise, exercises_of
from tools import exercise_cells
from tools._paths import lessons


def test_every_exercise_cell_of_every_lesson_has_a_definition_and_back():
    cells = {(p.stem[:2], int(c["id"][2:])) for p in lessons()
             for c in json.loads(p.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "code" and re.fullmatch(r"ex\d+", c.get("id", ""))}
    assert cells == set(EXERCISES), cells ^ set(EXERCISES)


def test_the_lessons_cells_are_written_from_the_definitions():
    """The learner's cell, the demonstrated mistakes, the "Show solution" block and the
    Appendix come from lessons_lib/exercises.py: `python -m tools.exercise_cells`."""
    assert exercise_cells.main(["--check"]) == 0


@pytest.mark.parametrize("key", sorted(EXERCISES), ids=lambda k: f"{k[0]}-ex{k[1]}")
def test_help_comes_only_when_asked_and_unfolds(key):
    ex = Exercise(*key, EXERCISES[key].checker, EXERCISES[key].check,
                  hints=EXERCISES[key].hints, solution=EXERCISES[key].solution_code,
                  explanation=EXERCISES[key].explanation)  # a fresh copy: hints from 1
    n = len(ex.hints)
    assert n >= 2, f"{key}: give a nudge and a nearer hint"
    shown = [ex.hint() for _ in range(n + 1)]
    assert [s.split(": ", 1)[0] for s in shown] == [f"Hint {i} of {n}" for i in
                                                    [*range(1, n + 1), n]]
    assert repr(shown[0]) == str(shown[0])  # shown as text, not as a quoted string
    solution = ex.solution()
    assert ex.solution_code.splitlines()[-1].strip() in solution
    assert "answer" in ex.solution_code
    assert ex.check(...).status == "not attempted"


def test_the_appendix_checks_every_model_solution_through_its_exercise():
    for path in lessons():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for ex in exercises_of(path.stem[:2]):
            cell = next(c for c in cells if c.get("id") == f"ex{ex.number}-check")
            out = "".join("".join(o.get("data", {}).get("text/plain", o.get("text", "")))
                          for o in cell["outputs"])
            assert out.startswith("✓ Correct!"), (ex.name, out)
            assert "".join(cell["source"]).endswith(f"{ex.name}.check(answer)")


def test_an_exercise_needs_a_hint():
    with pytest.raises(ValueError, match="at least one hint"):
        Exercise("99", 1, "check_number", lambda a: a, hints=[], solution="answer = 1")
