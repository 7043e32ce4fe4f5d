"""Who is where: students × exercises from an nbgrader course's collected notebooks.

Usage (from the clone, where ``tools/`` is)::

    python -m tools.progress ~/course                       # every collected assignment
    python -m tools.progress ~/course 02_dot_product --anonymous --html progress.html

Reads ``<course>/submitted/<student>/<assignment>/*.ipynb`` (what ``nbgrader collect``
wrote) and, where ``nbgrader autograde`` already ran, ``<course>/autograded/…``. For each
student and each exercise (the answer cell ``exN-answer`` and its test cell ``exN-test``
of ``tools/nbgrader_course.py``):

* ``·`` not attempted: the answer cell still holds the stub ``answer = ...``;
* ``✓`` right on the first try, ``↻`` right after a wrong try: the student's own last run
  of the test cell records the session's tries (``lessons_lib.checkers.Passed``);
* ``✓?`` right, tries not recorded (the check never ran in the student's session, or the
  kernel was restarted in between: the autograder's verdict only);
* ``✗`` attempted, not right; ``?`` attempted, never checked and not autograded yet.

The lesson's quiz gets one column per question (``02·Q1``…), read from the record of the
student's quiz tries that ``nbgrader submit`` sent with the notebook
(``NN_name.quiz.json``, see :func:`lessons_lib.widgets.quiz.record_first_tries`): ``✓``
right on the first try, ``↻`` wrong first, right later, ``✗`` wrong first and not right
since, ``·`` not answered; after autograding, the quiz test cell ``quiz-qK`` decides
between ``✓`` and the others. The ``quiz`` column counts each student's first tries.

The verdict is the autograder's when there is one, else the student's own last run. It
prints a table and writes an HTML page with a heatmap (``--html``, default
``<course>/progress.html``); ``--anonymous`` shows "student 1", "student 2"… instead of
names, for projecting.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from lessons_lib.checkers import TRIES_KEY
from tools.nbgrader_course import QUIZ_GRADE_ID, QUIZ_RECORD

STUB = re.compile(r"^answer\s*=\s*\.\.\.", re.M)
GRADE_ID = re.compile(r"^ex(\d+)-(answer|test)$")
QUIZ_ID = re.compile("^" + QUIZ_GRADE_ID.format(number=r"(\d+)") + "$")

#: state → (symbol, label, heatmap colour)
STATES = {
    "first": ("✓", "right on the first try", "#1a9850"),
    "later": ("↻", "right after a wrong try", "#91cf60"),
    "right": ("✓?", "right, tries not recorded", "#d9ef8b"),
    "wrong": ("✗", "attempted, not right", "#fc8d59"),
    "unchecked": ("?", "attempted, not checked yet", "#fee08b"),
    "blank": ("·", "not attempted", "#e0e0e0"),
}


@dataclass(frozen=True)
class Cell:
    """One student's state on one exercise."""

    student: str
    assignment: str
    number: int
    state: str
    quiz: bool = False  # a quiz question, not an exercise


def _graded(nb: nbformat.NotebookNode) -> dict[int, dict[str, nbformat.NotebookNode]]:
    """exercise number → {"answer": cell, "test": cell}, by nbgrader grade id."""
    found: dict[int, dict[str, nbformat.NotebookNode]] = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        match = GRADE_ID.match(grade_id)
        if match:
            found.setdefault(int(match.group(1)), {})[match.group(2)] = cell
    return found


def _verdict(test: nbformat.NotebookNode | None) -> tuple[str | None, list[str]]:
    """(``"right"``/``"wrong"``/None if the cell never ran, the tries recorded)."""
    if test is None or test.cell_type != "code" or not test.get("outputs"):
        return None, []
    for output in test.outputs:
        if output.get("output_type") == "error":
            return "wrong", []
    tries = next((list(o.get("metadata", {}).get(TRIES_KEY, [])) for o in test.outputs
                  if TRIES_KEY in o.get("metadata", {})), [])
    return "right", tries


def state(submitted: nbformat.NotebookNode,
          autograded: nbformat.NotebookNode | None) -> dict[int, str]:
    """exercise number → state (a key of :data:`STATES`) for one student's notebook."""
    mine, graded = _graded(submitted), _graded(autograded) if autograded is not None else {}
    out = {}
    for number, cells in sorted(mine.items()):
        answer = cells.get("answer")
        if answer is None or STUB.search(answer.source):
            out[number] = "blank"
            continue
        own, tries = _verdict(cells.get("test"))
        final = _verdict(graded.get(number, {}).get("test"))[0] if graded else own
        if final is None:
            out[number] = "unchecked"
        elif final == "wrong":
            out[number] = "wrong"
        elif own == "right" and tries and tries[-1] == "correct":
            out[number] = "first" if tries[0] == "correct" else "later"
        else:
            out[number] = "right"
    return out


def _quiz_tests(nb: nbformat.NotebookNode | None) -> dict[int, nbformat.NotebookNode]:
    """quiz question number → its autograded test cell."""
    found = {}
    for cell in nb.cells if nb is not None else []:
        match = QUIZ_ID.match(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""))
        if match:
            found[int(match.group(1))] = cell
    return found


def quiz_state(submitted: nbformat.NotebookNode, autograded: nbformat.NotebookNode | None,
               record: Path) -> dict[int, str]:
    """quiz question number → state (a key of :data:`STATES`) for one student's notebook.

    ``record`` is the student's record of quiz tries (absent: nothing answered).
    """
    try:
        quizzes = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        quizzes = {}
    tries: dict[str, dict] = {}
    for entries in quizzes.values() if isinstance(quizzes, dict) else []:
        tries.update(entries if isinstance(entries, dict) else {})
    graded = _quiz_tests(autograded)
    out = {}
    for number in sorted(_quiz_tests(submitted)):
        entry = tries.get(str(number))
        if not isinstance(entry, dict):
            own = "blank"
        elif entry.get("first_status") == "correct":
            own = "first"
        else:
            own = "later" if entry.get("last_status") == "correct" else "wrong"
        final = _verdict(graded.get(number))[0] if graded else None
        if final == "right":
            out[number] = "first"
        elif final == "wrong" and own == "first":  # the record says so, the grader not
            out[number] = "wrong"
        else:
            out[number] = own
    return out


def read_course(course: Path, assignments: list[str] | None = None) -> list[Cell]:
    """Every (student, assignment, exercise) of the collected submissions."""
    if not (course / "submitted").is_dir():
        raise FileNotFoundError(f"{course} has no submitted/ folder: run `nbgrader collect "
                                "<assignment>` in the course directory first")
    cells = []
    for path in sorted((course / "submitted").glob("*/*/*.ipynb")):
        student, assignment = path.parent.parent.name, path.parent.name
        if assignments and assignment not in assignments:
            continue
        auto_path = course / "autograded" / student / assignment / path.name
        auto = nbformat.read(auto_path, as_version=4) if auto_path.exists() else None
        mine = nbformat.read(path, as_version=4)
        for number, st in state(mine, auto).items():
            cells.append(Cell(student, assignment, number, st))
        record = path.parent / QUIZ_RECORD.format(stem=path.stem)
        for number, st in quiz_state(mine, auto, record).items():
            cells.append(Cell(student, assignment, number, st, quiz=True))
    return cells


def _names(cells: list[Cell], anonymous: bool) -> dict[str, str]:
    students = sorted({c.student for c in cells})
    if anonymous:
        return {s: f"student {i}" for i, s in enumerate(students, start=1)}
    return {s: s for s in students}


Column = tuple[str, bool, int]  # (assignment, is a quiz question, number)


def _columns(cells: list[Cell]) -> list[Column]:
    return sorted({(c.assignment, c.quiz, c.number) for c in cells})


def _head(column: Column) -> str:
    """``02·3`` (lesson 02's exercise 3), ``02·Q1`` (its quiz question 1)."""
    assignment, quiz, number = column
    return f"{assignment[:2]}·{'Q' if quiz else ''}{number}"


def _grid(cells: list[Cell]) -> dict[tuple[str, str, bool, int], str]:
    return {(c.student, c.assignment, c.quiz, c.number): c.state for c in cells}


def table(cells: list[Cell], anonymous: bool = False) -> str:
    """The grid as text: one row per student, one column per exercise (``02·1``) and per
    quiz question (``02·Q1``); ``right`` counts right exercises, ``quiz`` first tries."""
    names, columns, grid = _names(cells, anonymous), _columns(cells), _grid(cells)
    exercises = [c for c in columns if not c[1]]
    questions = [c for c in columns if c[1]]
    width = max([len(n) for n in names.values()] + [7])
    lines = [" ".join([" " * width, *(f"{_head(c):>5}" for c in columns), "  right",
                       "   quiz"])]
    for student, shown in names.items():
        row = [grid.get((student, *c)) for c in columns]
        right = sum(grid.get((student, *c)) in ("first", "later", "right") for c in exercises)
        quiz = sum(grid.get((student, *c)) == "first" for c in questions)
        symbols = [STATES[s][0] if s else "" for s in row]
        lines.append(" ".join([f"{shown:<{width}}", *(f"{s:>5}" for s in symbols),
                               f"{f'{right}/{len(exercises)}':>7}",
                               f"{f'{quiz}/{len(questions)}':>7}"]))
    firsts = [sum(grid.get((s, *c)) == "first" for s in names) for c in columns]
    lines.append(" ".join([f"{'1st try':<{width}}", *(f"{f:>5}" for f in firsts)]))
    legend = "   ".join(f"{symbol} {label}" for symbol, label, _ in STATES.values())
    return "\n".join([*lines, "", legend, "02·3: lesson 02's exercise 3; 02·Q1: its quiz "
                      "question 1 (✓ right at the first try, ↻ wrong, then right)"])


def html_page(cells: list[Cell], anonymous: bool = False) -> str:
    """The grid as a self-contained HTML page: a heatmap with a legend."""
    names, columns, grid = _names(cells, anonymous), _columns(cells), _grid(cells)
    questions = [c for c in columns if c[1]]
    head = "".join(f"<th>{html.escape(_head(c))}</th>" for c in columns)
    head += "<th>quiz</th>" if questions else ""
    rows = []
    for student, shown in names.items():
        tds = []
        if questions:  # the first tries, after the columns
            quiz = sum(grid.get((student, *c)) == "first" for c in questions)
            score = f'<td class="score">{quiz}/{len(questions)}</td>'
        else:
            score = ""
        for column in columns:
            st = grid.get((student, *column))
            if st is None:
                tds.append("<td></td>")
                continue
            symbol, label, colour = STATES[st]
            tds.append(f'<td style="background:{colour}" title="{html.escape(label)}">'
                       f"{symbol}</td>")
        rows.append(f"<tr><th>{html.escape(shown)}</th>{''.join(tds)}{score}</tr>")
    legend = "".join(f'<li><span style="background:{c}">{s}</span> {html.escape(label)}</li>'
                     for s, label, c in STATES.values())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Progress</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; font-size: 1.4em; }}
th, td {{ border: 1px solid #fff; padding: .3em .6em; text-align: center; }}
tbody th {{ text-align: left; }}
ul {{ list-style: none; padding: 0; }} li span {{ display: inline-block; width: 2em;
text-align: center; margin-right: .5em; }}
</style></head><body>
<h1>Progress: students × exercises and quiz questions (Q)</h1>
<table><thead><tr><th></th>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<ul>{legend}</ul>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("course", type=Path, help="the nbgrader course directory")
    parser.add_argument("assignments", nargs="*", help="default: every collected one")
    parser.add_argument("--anonymous", action="store_true", help="hide the students' names")
    parser.add_argument("--html", type=Path, default=None,
                        help="where to write the heatmap page (default <course>/progress.html)")
    args = parser.parse_args(argv)
    try:
        cells = read_course(args.course.expanduser(), args.assignments or None)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not cells:
        print(f"error: no collected submissions in {args.course}/submitted", file=sys.stderr)
        return 1
    print(table(cells, args.anonymous))
    target = args.html or args.course.expanduser() / "progress.html"
    target.write_text(html_page(cells, args.anonymous), encoding="utf-8")
    print(f"\nwrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
