"""Play the cheat: whatever stands in a learner's exercise cell is no answer.

For every exercise cell of every stored lesson (found by scanning the notebooks for the
cells with id ``exN``), every literal, every list or tuple written out, every call's
arguments and result, and every value the cell's set-up lines assign, is submitted as
the answer through the lesson's own check call, and must be rejected: the cell must not
hold the expected value, nor the expression that computes it.
"""

from __future__ import annotations

import ast
import json
from typing import Any

import numpy as np
import pytest

from tools._paths import lessons
from tools.mistakes import exercise_calls, lesson_namespace

EXERCISE_CELLS = [(path, cell) for path in lessons()
                  for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
                  if cell["cell_type"] == "code" and cell.get("id", "").startswith("ex")
                  and cell["id"][2:].isdigit()]


def test_exercise_cells_are_found():
    assert len(EXERCISE_CELLS) >= 30, len(EXERCISE_CELLS)  # 34 when this was written


def _candidates(source: str, namespace: dict[str, Any]) -> list[tuple[str, Any]]:
    """(what, value) for everything a cheat could paste from the cell."""
    tree = ast.parse(source)
    found: list[tuple[str, Any]] = []
    exprs: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value is not Ellipsis:
            exprs.append(node)
        elif isinstance(node, (ast.List, ast.Tuple)):
            exprs.append(node)
        elif isinstance(node, ast.Call):
            exprs += [node, *node.args, *(k.value for k in node.keywords)]
        elif isinstance(node, ast.Assign):
            exprs.append(node.value)
    for expr in exprs:
        text = ast.unparse(expr)
        try:
            value = eval(compile(ast.Expression(expr), "<cell>", "eval"), dict(namespace))
        except Exception:  # `answer` itself, or a name the cell defines later
            continue
        if value is Ellipsis:
            continue
        found.append((text, value))
        if isinstance(value, tuple):  # w, x, b = …: each part on its own too
            found += [(f"{text}[{i}]", part) for i, part in enumerate(value)]
    return found


@pytest.mark.parametrize("path, cell", EXERCISE_CELLS,
                         ids=[f"{p.stem[:2]}-{c['id']}" for p, c in EXERCISE_CELLS])
def test_nothing_in_the_exercise_cell_is_accepted(path, cell):
    source = "".join(cell["source"])
    key = (path.stem[:2], int(cell["id"][2:]))
    call = exercise_calls()[key]
    namespace = dict(lesson_namespace())
    setup = source.split("answer = ...")[0]
    exec(setup, namespace)  # the cell's own set-up lines, as the learner runs them
    candidates = _candidates(source, namespace)
    for what, value in candidates:
        if isinstance(value, (np.ndarray, list, tuple, str, int, float)):
            feedback = call(value)
            assert not feedback.ok, f"{key}: pasting {what} = {value!r} is accepted"
