"""Classroom assignments: the lessons as an nbgrader course, graded end to end.

Fast checks (every run): every exercise of every lesson has an autograded counterpart,
the student version holds no model solution, and re-running the tool changes nothing.

The end-to-end test (marker ``hub``: classroom infrastructure, about two minutes) runs the
real ``nbgrader`` CLI in a temporary course: ``generate_assignment`` for every lesson, a
class of fixture students autograded (``autograde``), their feedback generated
(``generate_feedback``) and read. Expected scores are counted from the lessons themselves:
one point per exercise; the "typical" student gives, wherever a lesson demonstrates a
typical wrong answer (cells ``exN-wrong…``), that answer.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools._paths import lessons
from tools.nbgrader_course import STUB, exercises, sanitise_submissions, write_course

ROOT = Path(__file__).resolve().parents[1]
LESSONS = lessons()


def test_every_exercise_of_every_lesson_becomes_an_autograded_one(tmp_path: Path) -> None:
    written = write_course(tmp_path)
    assert LESSONS and len(written) == len(LESSONS)
    total = 0
    for lesson, path in zip(LESSONS, written, strict=True):
        in_lesson = [c for c in nbformat.read(lesson, as_version=4).cells
                     if c.cell_type == "code"
                     and re.search(r"^answer\s*=\s*\.\.\.", c.source, re.M)]
        # the quiz's questions, counted in the lesson's text: one grade cell each
        asked = sum(c.source.count("MultipleChoice(") + c.source.count("NumericAnswer(")
                    for c in nbformat.read(lesson, as_version=4).cells
                    if c.cell_type == "code" and "Quiz([" in c.source)
        nb = nbformat.read(path, as_version=4)
        answers = [c for c in nb.cells if c.metadata["nbgrader"].get("solution")]
        graded = [c for c in nb.cells if c.metadata["nbgrader"].get("grade")]
        tests = [c for c in graded if c.id.endswith("-test")]
        quiz = [c for c in graded if c.id.startswith("quiz-q")]
        assert len(in_lesson) == len(answers) == len(tests) >= 3, lesson.name
        assert len(quiz) == asked >= 3 and len(graded) == len(tests) + len(quiz), lesson.name
        assert [c.source.splitlines()[-1] for c in quiz] == [
            f"first_try({k}).require()" for k in range(1, asked + 1)]
        recording = [c for c in nb.cells if "record_first_tries(" in c.source]
        assert len(recording) == 1, lesson.name
        assert f'record_first_tries("{lesson.stem}.quiz.json")' in recording[0].source
        assert all(c.metadata["nbgrader"]["points"] == 1 for c in graded)
        for answer in answers:
            assert "### BEGIN SOLUTION" in answer.source and "### END SOLUTION" in answer.source
        assert not [c for c in nb.cells if str(c.get("id", "")).endswith("-check")]
        assert not [c for c in nb.cells if "<details><summary>Show solution" in c.source]
        total += len(tests)
    assert total >= 30


def test_rerunning_the_tool_changes_nothing(tmp_path: Path) -> None:
    first = {p: p.read_bytes() for p in write_course(tmp_path / "a")}
    second = write_course(tmp_path / "b")
    assert [p.read_bytes() for p in second] == list(first.values())


def test_each_model_solution_is_right_by_its_own_checker() -> None:
    """The solutions the course grades against come from the lessons' checked solution cells."""
    for lesson in LESSONS:
        for ex in exercises(lesson):
            assert "answer = " in ex.solution, ex
            assert ex.check == f"ex_{ex.lesson[:2]}_{ex.number}.check(answer)", ex


# ----------------------------------------------------------------------- end to end

NBGRADER = shutil.which("nbgrader")
BLANK = ("00", "02", "07")  # the not-attempted student hands in these lessons untouched


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # nbgrader runs `alembic` from PATH: the interpreter's own scripts come first
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
        str(ROOT), os.environ.get("PYTHONPATH")])),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=900)


def _with_answers(release: dict, answers: dict[int, str | None]) -> dict:
    """The released notebook with the stub of answer cell k replaced by ``answers[k]``.

    What a student does: the exercise's own set-up lines above the stub stay.
    """
    nb = json.loads(json.dumps(release))
    k = 0
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            k += 1
            source = "".join(cell["source"])
            assert STUB in source, source
            if answers.get(k) is not None:
                cell["source"] = source.replace(STUB, answers[k])
    return nb


def _typical_wrong(lesson: Path) -> dict[int, str]:
    """exercise number → the lesson's own demonstration of a typical wrong answer."""
    wrong: dict[int, str] = {}
    for cell in nbformat.read(lesson, as_version=4).cells:
        match = re.match(r"^ex(\d+)-wrong", str(cell.get("id", "")))
        if cell.cell_type == "code" and match and int(match.group(1)) not in wrong:
            tree = ast.parse(cell.source)
            call = tree.body[-1].value  # type: ignore[attr-defined]
            setup = "\n".join(cell.source.splitlines()[: call.lineno - 1])
            value = ast.get_source_segment(cell.source, call.args[0])
            wrong[int(match.group(1))] = f"{setup}\nanswer = {value}".strip()
    return wrong


def require_nbgrader() -> None:
    """Fail in CI, skip locally, when nbgrader is not installed."""
    if NBGRADER is None and not _importable("nbgrader"):
        if os.environ.get("CI"):
            pytest.fail("nbgrader is missing: the test suite installs it (requirements-dev.txt)")
        pytest.skip("nbgrader is not installed (pip install -e .[classroom])")


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    require_nbgrader()
    course = tmp_path_factory.mktemp("course")
    write_course(course)
    names = [p.stem for p in LESSONS]
    for name in names:
        run = _nbgrader(course, "generate_assignment", name, "--force")
        assert run.returncode == 0, run.stderr[-3000:]
    plan: dict[str, dict[str, dict]] = {}
    for lesson in LESSONS:
        release = json.loads((course / "release" / lesson.stem / lesson.name).read_text())
        solutions = {e.number: e.solution for e in exercises(lesson)}
        wrong = _typical_wrong(lesson)
        plan.setdefault("right", {})[lesson.stem] = _with_answers(release, dict(solutions))
        plan.setdefault("typical", {})[lesson.stem] = _with_answers(
            release, {**solutions, **wrong})
        if lesson.stem[:2] in BLANK:
            plan.setdefault("blank", {})[lesson.stem] = _with_answers(release, {})
    lesson02 = next(p for p in LESSONS if p.stem.startswith("02"))
    release02 = json.loads((course / "release" / lesson02.stem / lesson02.name).read_text())
    solutions02 = {e.number: e.solution for e in exercises(lesson02)}
    right02 = _with_answers(release02, solutions02)
    answer_cells = [i for i, c in enumerate(right02["cells"])
                    if c["metadata"].get("nbgrader", {}).get("solution")]
    adversarial = {}
    deleted = json.loads(json.dumps(right02))
    del deleted["cells"][answer_cells[1]]  # exercise 2's answer cell is gone
    adversarial["deleted"] = deleted
    duplicated = json.loads(json.dumps(right02))
    duplicated["cells"].insert(answer_cells[0], json.loads(json.dumps(
        duplicated["cells"][answer_cells[0]])))
    adversarial["duplicated"] = duplicated
    retyped = json.loads(json.dumps(right02))
    cell = retyped["cells"][answer_cells[0]]
    cell["cell_type"] = "markdown"
    for key in ("outputs", "execution_count"):
        cell.pop(key, None)
    adversarial["retyped"] = retyped
    adversarial["loops"] = _with_answers(release02, {**solutions02, 1: "while True:\n    pass"})
    adversarial["raises"] = _with_answers(
        release02, {**solutions02, 1: "raise RuntimeError('my own bug')"})
    for student, nb in adversarial.items():
        plan[student] = {lesson02.stem: nb}
    for student, by_lesson in plan.items():
        for stem, nb in by_lesson.items():
            target = course / "submitted" / student / stem / f"{stem}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(nb), encoding="utf-8")
    changes = sanitise_submissions(course)
    assert changes == [
        "submitted/duplicated/02_dot_product/02_dot_product.ipynb: a second copy of ex1-answer "
        "is kept ungraded"]
    runs = {}
    for name in names:
        runs[name] = _nbgrader(course, "autograde", name, "--create", "--force",
                               "--Execute.timeout=20")
        assert runs[name].returncode == 0, runs[name].stderr[-3000:]
        feedback = _nbgrader(course, "generate_feedback", name, "--force")
        assert feedback.returncode == 0, feedback.stderr[-3000:]
    from nbgrader.api import Gradebook

    scores: dict[tuple[str, str], float] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, by_lesson in plan.items():
            for stem in by_lesson:
                submission = gradebook.find_submission(stem, student)
                scores[(student, stem)] = float(submission.score)
    return {"course": course, "plan": plan, "scores": scores}


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


pytestmark_e2e = pytest.mark.hub


@pytestmark_e2e
def test_fixture_class_gets_the_expected_scores(graded: dict) -> None:
    scores = graded["scores"]
    for lesson in LESSONS:
        n = len(exercises(lesson))
        demonstrated = len(_typical_wrong(lesson))
        assert scores[("right", lesson.stem)] == n, lesson.stem
        assert scores[("typical", lesson.stem)] == n - demonstrated, lesson.stem
        if lesson.stem[:2] in BLANK:
            assert scores[("blank", lesson.stem)] == 0, lesson.stem
    stem = next(p.stem for p in LESSONS if p.stem.startswith("02"))
    # one exercise lost to each sabotage, the other three still graded
    for student in ("deleted", "loops", "raises"):
        assert scores[(student, stem)] == 3, student
    # nbgrader turns an answer cell retyped as Markdown back into code and runs the
    # student's answer in it; a duplicated answer cell is graded once (its last copy)
    for student in ("retyped", "duplicated"):
        assert scores[(student, stem)] == 4, student


@pytestmark_e2e
def test_feedback_is_the_checkers_diagnosis_and_leaks_nothing(graded: dict) -> None:
    course: Path = graded["course"]
    secrets = []
    for lesson in LESSONS:
        for ex in exercises(lesson):
            value = ex.solution.splitlines()[-1].removeprefix("answer = ")
            if len(value) >= 8:  # long enough to be the solution, not a coincidence
                secrets.append(value)
            if ex.check.startswith(("check_choice", "check_number", "check_vector")):
                secrets.append(ex.check.splitlines()[0])  # a hidden test's own source
    for student in ("typical", "blank"):
        for lesson in LESSONS:
            if student == "blank" and lesson.stem[:2] not in BLANK:
                continue
            html = (course / "feedback" / student / lesson.stem / f"{lesson.stem}.html").read_text()
            for word in ("BEGIN SOLUTION", "HIDDEN TESTS", "most recent call last",
                         "ansi-green-fg"):  # the last two: an IPython traceback
                assert word not in html, (student, lesson.stem, word)
            leaked = [s for s in secrets if s in html]
            assert not leaked, (student, lesson.stem, leaked[:3])
    html02 = (course / "feedback" / "typical" / "02_dot_product" / "02_dot_product.html")
    text = html02.read_text()
    assert "NotYet" in text and "Not yet" in text
    assert "you returned the products" in text  # lesson 02's own typical slip, diagnosed
    blank = (course / "feedback" / "blank" / "02_dot_product" / "02_dot_product.html").read_text()
    # the stub is still there (the source is syntax-highlighted: look for its comment)
    assert "Not attempted yet" in blank and STUB.split("#")[1].strip() in blank
