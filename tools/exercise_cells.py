"""Write the exercise cells of every lesson from ``lessons_lib/exercises.py``.

Each exercise is defined once, in :mod:`lessons_lib.exercises`; the lessons show it through
cells this tool writes, so they never drift from the definition:

* ``exN`` — the learner's cell: the exercise's set-up lines (kept as the lesson has them),
  ``answer = ...`` and ``ex_NN_N.check(answer)``: nothing in it gives the answer away;
* ``exN-wrong…`` — a typical wrong answer demonstrated: ``ex_NN_N.check(<the wrong answer>)``
  (the wrong answer is the lesson's; the call is rewritten);
* the ``<details>`` "Show solution" block after each exercise: the definition's explanation
  and solution code;
* ``exN-check`` in the Appendix: the definition's solution code, then
  ``ex_NN_N.check(answer)``;
* the lesson's import cell gets ``from lessons_lib.exercises import ex_NN_1, …``.

Usage::

    python -m tools.exercise_cells            # rewrite the cells (then re-run the lessons)
    python -m tools.exercise_cells --check    # exit 1 if a lesson's cells are stale
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

import nbformat

from lessons_lib.exercises import Exercise, exercises_of
from tools._paths import ROOT, lessons
from tools.lessons import SECTION_TIME

EXERCISE_ID = re.compile(r"^ex(\d+)$")
WRONG_ID = re.compile(r"^ex(\d+)-wrong(?:-\d+)?$")
CHECK_ID = re.compile(r"^ex(\d+)-check$")
SOLUTION = "<details><summary>Show solution</summary>"
ANSWER_LINE = re.compile(r"^answer\s*=\s*\.\.\.")


YOUR_TURN = re.compile(r"^###\s+Your turn\b.*$", re.M)
DATA_ID = re.compile(r"^ex(\d+)-data$")


def prompt(nb: nbformat.NotebookNode, number: int) -> str:
    r"""Exercise ``number``'s task as the lesson words it: from its ``### Your turn N · …``
    heading (kept, as the first line) to the end of its prompt cell (``exN-prompt``, or the
    last Markdown cell before ``exN``); text before that heading belongs to the section
    before, and ``##`` section headings and their time lines are dropped.

    Examples
    --------
    >>> md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     md("## Misconceptions\n\n* not this\n\n## Your turn\n\n"
    ...        "### Your turn 1 · Add\n\nCompute **2 + 2**."), code("answer = ...")])
    >>> nb.cells[1].id = "ex1"
    >>> print(prompt(nb, 1))
    ### Your turn 1 · Add
    <BLANKLINE>
    Compute **2 + 2**.
    """
    cells = list(nb.cells)
    cell = next((c for c in cells if c.get("id") == f"ex{number}-prompt"), None)
    if cell is None:
        at = next(i for i, c in enumerate(cells) if c.get("id") == f"ex{number}")
        cell = next(c for c in reversed(cells[:at]) if c.cell_type == "markdown")
    text = cell.source
    headings = list(YOUR_TURN.finditer(text))
    if headings:
        text = text[headings[-1].start():]
    lines = [line for line in text.splitlines()
             if not re.match(r"^##\s", line) and not SECTION_TIME.match(line)]
    return "\n".join(lines).strip()


def data_cells(nb: nbformat.NotebookNode, number: int) -> list[str]:
    """The sources of exercise ``number``'s data cells (``exN-data``: what it is given)."""
    return [c.source for c in nb.cells
            if (m := DATA_ID.match(str(c.get("id", "")))) and int(m.group(1)) == number]


def solution_markdown(ex: Exercise) -> str:
    """The collapsed "Show solution" block of an exercise."""
    parts = [SOLUTION, ""]
    if ex.explanation:
        parts += [ex.explanation, ""]
    parts += ["```python", ex.solution_code, "```", "", "</details>"]
    return "\n".join(parts)


def exercise_cell(ex: Exercise, source: str) -> str:
    """The learner's cell: the lesson's set-up and placeholder lines, then the check."""
    lines = source.splitlines()
    index = next((i for i, line in enumerate(lines) if ANSWER_LINE.match(line)), None)
    if index is None:
        raise ValueError(f"{ex.name}: the exercise cell has no line `answer = ...`")
    return "\n".join([*lines[: index + 1], f"{ex.name}.check(answer)"])


def _rewrite_call(ex: Exercise, source: str) -> str:
    """``…; check_x(<wrong>, data…)  # note`` → ``…; ex_NN_N.check(<wrong>)  # note``."""
    tree = ast.parse(source)
    last = tree.body[-1]
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
            and last.value.args):
        raise ValueError(f"{ex.name}: a demonstration cell must end with a checker call")
    call = last.value
    if isinstance(call.func, ast.Attribute) and call.func.attr == "check":
        return source  # already written by this tool
    lines = source.splitlines()
    before = lines[: call.lineno - 1]
    answer = ast.get_source_segment(source, call.args[0])
    end_line = lines[(call.end_lineno or call.lineno) - 1]
    tail = end_line[call.end_col_offset:] if call.end_col_offset is not None else ""
    comment = tail[tail.index("#"):] if "#" in tail else ""
    line = f"{ex.name}.check({answer})" + (f"   {comment}" if comment else "")
    return "\n".join([*before, line])


def appendix_cell(ex: Exercise) -> str:
    """The Appendix cell: the model solution, checked."""
    return f"{ex.solution_code}\n{ex.name}.check(answer)"


def _with_import(source: str, names: list[str]) -> str:
    line = "from lessons_lib.exercises import " + ", ".join(names)
    kept = [x for x in source.splitlines() if not x.startswith("from lessons_lib.exercises ")]
    tree = ast.parse("\n".join(kept))
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    after = max(node.end_lineno or node.lineno for node in imports) if imports else 0
    return "\n".join([*kept[:after], line, *kept[after:]])


def rewrite(path: Path) -> nbformat.NotebookNode:
    """The lesson with its exercise cells written from the definitions."""
    nb = nbformat.read(path, as_version=4)
    defined = {ex.number: ex for ex in exercises_of(path.stem[:2])}
    numbers = {int(m.group(1)) for c in nb.cells
               if (m := EXERCISE_ID.match(str(c.get("id", "")))) and c.cell_type == "code"}
    if numbers != set(defined):
        raise ValueError(f"{path.name}: exercise cells {sorted(numbers)} but definitions "
                         f"{sorted(defined)} in lessons_lib/exercises.py")
    if not defined:
        return nb
    current: Exercise | None = None
    imported = False
    for cell in nb.cells:
        cell_id = str(cell.get("id", ""))
        if cell.cell_type == "code" and not imported and "import lessons_lib" in cell.source:
            cell.source = _with_import(cell.source, [ex.name for ex in defined.values()])
            imported = True
        if m := EXERCISE_ID.match(cell_id):
            if cell.cell_type == "code":
                current = defined[int(m.group(1))]
                cell.source = exercise_cell(current, cell.source)
        elif m := WRONG_ID.match(cell_id):
            if cell.cell_type == "code":
                cell.source = _rewrite_call(defined[int(m.group(1))], cell.source)
        elif m := CHECK_ID.match(cell_id):
            cell.source = appendix_cell(defined[int(m.group(1))])
        elif cell.cell_type == "markdown" and cell.source.startswith(SOLUTION):
            if current is None:
                raise ValueError(f"{path.name}: a solution block before any exercise")
            cell.source = solution_markdown(current)
            current = None
    if not imported:
        raise ValueError(f"{path.name}: no import cell (import lessons_lib …)")
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a lesson's exercise cells differ from the definitions")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    stale = []
    for path in args.paths or lessons():
        path = path.resolve()
        old = nbformat.read(path, as_version=4)
        new = rewrite(path)
        if [c.source for c in old.cells] == [c.source for c in new.cells]:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            nbformat.write(new, path)
    if args.check and stale:
        print("exercise cells out of date (python -m tools.exercise_cells, then re-run): "
              + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    for name in stale:
        print(f"rewrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
