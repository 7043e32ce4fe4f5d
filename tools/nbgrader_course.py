"""Turn the lessons into an nbgrader course: the "your turn" exercises become homework.

Usage (from the repository root)::

    python -m tools.nbgrader_course --out course      # writes course/source/<lesson>/...
    cd course && nbgrader generate_assignment 02_dot_product
    # … students submit …
    python -m tools.nbgrader_course --out course --sanitise-submissions
    cd course && nbgrader autograde 02_dot_product && nbgrader generate_feedback 02_dot_product

For every lesson ``notebooks/NN_name.ipynb`` this writes the nbgrader *source* notebook
``<out>/source/NN_name/NN_name.ipynb`` and ``<out>/nbgrader_config.py``:

* each exercise (the cell with id ``exN``: set-up lines, ``answer = ...``, the exercise's
  check ``ex_NN_N.check(answer)`` from :mod:`lessons_lib.exercises`, or a checker call)
  becomes an autograded **answer cell** whose model solution, taken from the lesson's own
  solution cell ``exN-check``, sits between ``### BEGIN SOLUTION`` / ``### END SOLUTION``
  (the student sees ``answer = ...`` there), followed by a locked **test cell**
  ``check_…(answer, …).require()`` worth one point: the checker computes the expected value
  itself (NumPy, independently of the functions the lesson teaches) and a wrong answer fails
  with the checker's diagnosis as the message (``NotYet: ✗ Not yet: you left out a term…``);
* the lesson's quiz (:class:`lessons_lib.widgets.quiz.Quiz`) stays as it is in class,
  with one line added at the top of its cell, ``record_first_tries("NN_name.quiz.json")``:
  the student's tries are kept in that file next to the notebook, which ``nbgrader
  submit``/``collect`` copy with it; after the quiz cell, one locked **test cell** per
  question (``first_try(k).require()``, one point) gives the point when question k was
  right at the first try, from that record, when ``nbgrader autograde`` re-runs the
  notebook in a fresh kernel in the student's folder;
* the model solutions (``exN-check`` cells and ``<details>`` solution blocks) are left out;
* every other cell (prose, widgets, worked examples) is kept as locked, read-only context.

The lessons are the single source: re-running the tool on unchanged lessons writes the
same bytes, and ``tests/test_nbgrader.py`` fails when an exercise has no counterpart.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools._paths import lessons

EXERCISE_ID = re.compile(r"^ex(\d+)$")
ANSWER_LINE = re.compile(r"^answer\s*=\s*\.\.\.")
SOLUTION_BLOCK = "<details><summary>Show solution"
STUB = "answer = ...  # your answer here"
#: Checkers whose second argument IS the expected answer: their test stays hidden from
#: the student (check_dot(answer, a, b) shows only the exercise's own inputs).
HIDDEN = ("check_choice", "check_number", "check_vector")
#: The record of a lesson's quiz tries, next to the student's notebook.
QUIZ_RECORD = "{stem}.quiz.json"
#: The grade id of quiz question k's test cell.
QUIZ_GRADE_ID = "quiz-q{number}"
COURSE_ID = "attention101"
#: Where the teacher's and the students' nbgrader meet. nbgrader's own default is
#: /usr/local/share/nbgrader/exchange; the course names its exchange explicitly, in the
#: teacher's config and in the students' (``--student-config``), so both use the same one.
EXCHANGE = "/srv/nbgrader/exchange"
SHARED = '''c.CourseDirectory.course_id = "{course_id}"
c.Exchange.root = "{exchange}"
'''
CONFIG = f'''# nbgrader configuration of the course made by `python -m tools.nbgrader_course`.
import csv
import re

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor, Preprocessor
from nbgrader.api import MissingEntry
from nbgrader.plugins import CsvExportPlugin
from nbgrader.preprocessors import ClearHiddenTests, GetGrades
from traitlets import Bool

c = get_config()  # noqa: F821
c.CourseDirectory.root = "."
{{shared}}# What a student sees where the model solution was.
c.ClearSolutions.code_stub = {{"python": "{STUB}"}}
# An answer that loops forever fails its exercise instead of hanging the grading.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True


class DiagnosisOnly(Preprocessor):
    """Feedback shows a failed check's diagnosis, never the test's source or a traceback."""

    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if cell.metadata.get("nbgrader", {{}}).get("grade"):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{{output['ename']}}: {{output['evalue']}}"]
        return cell, resources


c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, DiagnosisOnly,
                                    CSSHTMLHeaderPreprocessor]


class QuizCsvExport(CsvExportPlugin):
    """`nbgrader export`: nbgrader's grades.csv columns (raw_score counts exercises and
    quiz), then each submission's quiz: quiz_score, quiz_max_score and quiz_q1, quiz_q2, …
    (1 = right at the first try; empty where an assignment has no such question)."""

    def export(self, gradebook):
        super().export(gradebook)
        dest = self.to or "grades.csv"
        with open(dest, newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
        most = 0
        for row in rows:
            quiz = {{}}  # question → points; 0 until a submission's grade says otherwise
            for notebook in gradebook.find_assignment(row["assignment"]).notebooks:
                for cell in notebook.grade_cells:
                    found = re.fullmatch(r"quiz-q(\\d+)", cell.name)
                    if found:
                        quiz[int(found.group(1))] = 0.0
            try:
                submission = gradebook.find_submission(row["assignment"], row["student_id"])
            except MissingEntry:  # nothing submitted: no quiz points either
                submission = None
            for notebook in submission.notebooks if submission else []:
                for grade in notebook.grades:
                    if grade.name in [f"quiz-q{{k}}" for k in quiz]:
                        quiz[int(grade.name.removeprefix("quiz-q"))] = grade.score
            most = max([most, *quiz])
            row["quiz_score"] = sum(quiz.values())
            row["quiz_max_score"] = float(len(quiz))
            row.update({{f"quiz_q{{k}}": score for k, score in quiz.items()}})
        keys = [*(reader.fieldnames or []), "quiz_score", "quiz_max_score",
                *(f"quiz_q{{k}}" for k in range(1, most + 1))]
        with open(dest, "w", newline="") as f:
            writer = csv.DictWriter(f, keys, restval="", lineterminator="\\n")
            writer.writeheader()
            writer.writerows(rows)


c.ExportApp.plugin_class = QuizCsvExport
'''


def config(course_id: str = COURSE_ID, exchange: str = EXCHANGE) -> str:
    """The teacher's ``nbgrader_config.py``: the course's rules, its id and its exchange.

    Examples
    --------
    >>> 'course_id = "algebra2"' in config("algebra2", "/tmp/x")
    True
    """
    shared = SHARED.format(course_id=course_id, exchange=exchange)
    return CONFIG.replace("{shared}", shared)


def student_config(course_id: str = COURSE_ID, exchange: str = EXCHANGE) -> str:
    """The students' ``nbgrader_config.py`` (e.g. ``/etc/jupyter/``): course id and exchange.

    Examples
    --------
    >>> print(student_config(), end="")
    # nbgrader configuration every student's server reads (python -m tools.nbgrader_course).
    c = get_config()  # noqa: F821
    c.CourseDirectory.course_id = "attention101"
    c.Exchange.root = "/srv/nbgrader/exchange"
    """
    return ("# nbgrader configuration every student's server reads "
            "(python -m tools.nbgrader_course).\n"
            "c = get_config()  # noqa: F821\n"
            + SHARED.format(course_id=course_id, exchange=exchange))


class CourseError(ValueError):
    """A lesson's exercise cannot be turned into an autograded one."""


@dataclass(frozen=True)
class Exercise:
    """One "your turn" exercise of a lesson, as the course uses it."""

    lesson: str
    number: int
    setup: str  # lines before `answer = ...` (part of the exercise, not the answer)
    check: str  # the checker call on `answer`
    solution: str  # statements that set `answer` to the model solution


def _last_call(source: str, where: str) -> ast.Call:
    tree = ast.parse(source)
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)):
        raise CourseError(f"{where}: the cell must end with a checker call, check_…(…)")
    return last.value


def _solution(source: str, where: str) -> str:
    """``e = …; check_x(<expr>, …)`` → ``e = …\\nanswer = <expr>``."""
    call = _last_call(source, where)
    if not call.args:
        raise CourseError(f"{where}: the checker call has no answer argument")
    lines = source.splitlines()
    before = "\n".join(lines[: call.lineno - 1]).rstrip()
    expression = ast.get_source_segment(source, call.args[0])
    if expression == "answer" and before:  # `answer = …` then ex_NN_N.check(answer)
        return before
    answer = f"answer = {expression}"
    return f"{before}\n{answer}" if before else answer


def exercises(path: Path) -> list[Exercise]:
    """The exercises of one lesson, each with its model solution."""
    nb = nbformat.read(path, as_version=4)
    cells = {cell.get("id"): cell for cell in nb.cells}
    found = []
    for cell in nb.cells:
        match = EXERCISE_ID.match(str(cell.get("id", "")))
        if cell.cell_type != "code" or not match:
            continue
        where = f"{path.name} cell {cell.id}"
        lines = cell.source.splitlines()
        index = next((i for i, line in enumerate(lines) if ANSWER_LINE.match(line)), None)
        if index is None:
            raise CourseError(f"{where}: an exercise cell needs a line `answer = ...`")
        check = "\n".join(lines[index + 1:]).strip()
        call = _last_call(check, where)
        if not (isinstance(call.args[0], ast.Name) and call.args[0].id == "answer"):
            raise CourseError(f"{where}: the checker must be called on `answer`")
        solution_cell = cells.get(f"{cell.id}-check")
        if solution_cell is None:
            raise CourseError(f"{where}: no model solution (a cell with id {cell.id}-check)")
        found.append(Exercise(path.stem, int(match.group(1)), "\n".join(lines[:index]).strip(),
                              check, _solution(solution_cell.source, f"{path.name} "
                                                                    f"{solution_cell.id}")))
    return found


def _meta(grade_id: str, *, solution: bool = False, grade: bool = False,
          points: int = 0) -> dict[str, object]:
    meta: dict[str, object] = {"grade": grade, "grade_id": grade_id, "locked": not solution,
                               "schema_version": 3, "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta


def quiz_questions(source: str) -> int | None:
    """How many questions the quiz of a cell has: ``Quiz([q1, q2, …], …)`` as its last
    statement, or None if the cell is no quiz.

    Examples
    --------
    >>> quiz_questions('Quiz([\\n  MultipleChoice("a?", ["1", "2"], "1"),\\n'
    ...                '  NumericAnswer("b?", answer=2),\\n], title="T")')
    2
    >>> quiz_questions("print(1)") is None
    True
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Name) and last.value.func.id == "Quiz"):
        return None
    questions = last.value.args[0] if last.value.args else None
    if not isinstance(questions, ast.List):
        raise CourseError("a quiz cell must list its questions, Quiz([MultipleChoice(…), …])")
    return len(questions.elts)


def _quiz_cells(cell: nbformat.NotebookNode, stem: str,
                count: int) -> list[nbformat.NotebookNode]:
    """The quiz cell recording first tries, then one autograded cell per question."""
    record = QUIZ_RECORD.format(stem=stem)
    quiz = nbformat.v4.new_code_cell(
        "from lessons_lib.widgets.quiz import record_first_tries\n"
        f'record_first_tries("{record}")  # your first tries are kept for grading\n'
        + cell.source)
    quiz.id = cell.id
    quiz.metadata["nbgrader"] = _meta(f"context-{quiz.id}")
    cells = [quiz]
    for number in range(1, count + 1):
        test = nbformat.v4.new_code_cell(
            f"# Autograded: quiz question {number}, right at the first try ({record}).\n"
            f"from lessons_lib.widgets.quiz import first_try\nfirst_try({number}).require()")
        test.id = QUIZ_GRADE_ID.format(number=number)
        test.metadata["nbgrader"] = _meta(test.id, grade=True, points=1)
        cells.append(test)
    return cells


def source_notebook(path: Path) -> nbformat.NotebookNode:
    """The nbgrader source notebook of one lesson."""
    nb = nbformat.read(path, as_version=4)
    by_number = {e.number: e for e in exercises(path)}
    out = nbformat.v4.new_notebook(metadata={"kernelspec": nb.metadata.get("kernelspec", {}),
                                             "language_info": {"name": "python"}})
    for cell in nb.cells:
        cell_id = str(cell.get("id", ""))
        if cell_id.endswith("-check") or (cell.cell_type == "markdown"
                                          and SOLUTION_BLOCK in cell.source):
            continue  # model solutions stay with the teacher
        match = EXERCISE_ID.match(cell_id)
        if cell.cell_type == "code" and match:
            ex = by_number[int(match.group(1))]
            body = f"### BEGIN SOLUTION\n{ex.solution}\n### END SOLUTION"
            answer = nbformat.v4.new_code_cell(f"{ex.setup}\n{body}" if ex.setup else body)
            answer.id = f"{cell_id}-answer"
            answer.metadata["nbgrader"] = _meta(answer.id, solution=True)
            check = f"{ex.check}.require()"
            func = _last_call(ex.check, cell_id).func
            if isinstance(func, ast.Name) and func.id in HIDDEN:
                check = f"### BEGIN HIDDEN TESTS\n{check}\n### END HIDDEN TESTS"
            test = nbformat.v4.new_code_cell(
                f"# Autograded: the checker's diagnosis is the feedback.\n{check}")
            test.id = f"{cell_id}-test"
            test.metadata["nbgrader"] = _meta(test.id, grade=True, points=1)
            out.cells += [answer, test]
            continue
        count = quiz_questions(cell.source) if cell.cell_type == "code" else None
        if count:
            out.cells += _quiz_cells(cell, path.stem, count)
            continue
        if cell.cell_type == "code":
            copy = nbformat.v4.new_code_cell(cell.source)
        else:
            copy = nbformat.v4.new_markdown_cell(cell.source)
        copy.id = cell_id or f"cell-{len(out.cells)}"
        copy.metadata["nbgrader"] = _meta(f"context-{copy.id}")
        out.cells.append(copy)
    return out


def write_course(out: Path, paths: list[Path] | None = None, *, course_id: str = COURSE_ID,
                 exchange: str = EXCHANGE) -> list[Path]:
    """Write ``out/nbgrader_config.py`` and one source notebook per lesson."""
    written = []
    out.mkdir(parents=True, exist_ok=True)
    (out / "nbgrader_config.py").write_text(config(course_id, exchange), encoding="utf-8")
    for path in paths or lessons():
        target = out / "source" / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(source_notebook(path)), encoding="utf-8")
        written.append(target)
    return written


def sanitise_submissions(course: Path) -> list[str]:
    """Make every submitted notebook gradable; return what was changed, one line each.

    nbgrader refuses a whole assignment when one student's notebook holds a graded cell
    twice (a duplicated answer cell: "Cell with id … exists multiple times"), so
    ``nbgrader autograde`` would grade nobody. Here every duplicate after the last copy is
    kept as an ordinary, ungraded cell (its code still runs; the last copy, the student's
    latest, is the one graded), with a fresh cell id. Run it before ``nbgrader autograde``.
    """
    changes = []
    for path in sorted((course / "submitted").glob("*/*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        last: dict[str, int] = {}
        for index, cell in enumerate(nb.cells):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id:
                last[grade_id] = index
        changed = False
        seen_ids: set[str] = set()
        for index, cell in enumerate(nb.cells):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id and last[grade_id] != index:
                del cell.metadata["nbgrader"]
                changes.append(f"{path.relative_to(course)}: a second copy of {grade_id} "
                               "is kept ungraded")
                changed = True
            if cell.get("id") in seen_ids:
                cell.id = f"{cell.id}-copy-{index}"
                changed = True
            seen_ids.add(cell.get("id"))
        if changed:
            nbformat.write(nb, path)
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="the course directory")
    parser.add_argument("--course-id", default=COURSE_ID,
                        help=f"nbgrader's course id (default {COURSE_ID})")
    parser.add_argument("--exchange", default=EXCHANGE,
                        help=f"the exchange directory shared with the students (default "
                             f"{EXCHANGE})")
    parser.add_argument("--student-config", action="store_true",
                        help="print the nbgrader_config.py the students' servers read "
                             "(course id and exchange) and exit")
    parser.add_argument("--sanitise-submissions", action="store_true",
                        help="instead of writing the course, make the students' submitted "
                             "notebooks in --out gradable (run before nbgrader autograde)")
    parser.add_argument("lessons", nargs="*", type=Path, help="default: every lesson")
    args = parser.parse_args(argv)
    if args.student_config:
        print(student_config(args.course_id, args.exchange), end="")
        return 0
    if args.out is None:
        parser.error("--out DIR is required: the course directory to write")
    if args.sanitise_submissions:
        for line in sanitise_submissions(args.out):
            print(line)
        return 0
    try:
        for target in write_course(args.out, [p.resolve() for p in args.lessons] or None,
                                   course_id=args.course_id, exchange=args.exchange):
            print(f"wrote {target}")
    except CourseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
