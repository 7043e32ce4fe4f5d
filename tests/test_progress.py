"""The progress grid (tools/progress.py) of a fixture class, before and after autograding.

Lesson 02 is released by the real ``nbgrader generate_assignment``; three fixture
students work in a real kernel (nbclient), running their answer and test cells the way a
student does, wrong tries included; their notebooks are placed where ``nbgrader collect``
puts them. The expected grid is written from the plan below, not from the tool.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.quiz_clicks import RIGHT_02, run_session
from tools import progress
from tools._paths import ROOT, lessons
from tools.nbgrader_course import STUB, exercises, write_course

LESSON = next(p for p in lessons() if p.stem.startswith("02"))
SOLUTIONS = {e.number: e.solution for e in exercises(LESSON)}
WRONG = "answer = 1000"  # no dot product of the lesson is 1000
#: student → exercise → the answers tried in order (the last one stays in the notebook)
PLAN: dict[str, dict[int, list[str]]] = {
    "ana": {n: [s] for n, s in SOLUTIONS.items()},
    "ben": {1: [WRONG, SOLUTIONS[1]], 2: [SOLUTIONS[2]], 3: [WRONG]},
    "cleo": {},
}
#: student → the quiz clicks, in order: (question, option label or number typed)
QUIZ = {
    "ana": list(RIGHT_02.items()),
    "ben": [(1, "B) 17"), (1, RIGHT_02[1]), (3, "C) [4, 10]"), (4, RIGHT_02[4])],
    "cleo": [],
}
EXPECTED = {  # what each try sequence means, by the grid's definitions
    "ana": {1: "first", 2: "first", 3: "first", 4: "first"},
    "ben": {1: "later", 2: "first", 3: "wrong", 4: "blank"},
    "cleo": {1: "blank", 2: "blank", 3: "blank", 4: "blank"},
}
EXPECTED_QUIZ = {
    "ana": {1: "first", 2: "first", 3: "first", 4: "first", 5: "first"},
    "ben": {1: "later", 2: "blank", 3: "wrong", 4: "first", 5: "blank"},
    "cleo": {1: "blank", 2: "blank", 3: "blank", 4: "blank", 5: "blank"},
}


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=900)


def _work(release: Path, plan: dict[int, list[str]], quiz: list[tuple[int, str]],
          target: Path) -> None:
    """A student's session in the submission's folder: every context cell once (the quiz
    answered by its widgets), then each exercise's tries."""
    from nbclient import NotebookClient

    nb = nbformat.read(release, as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(nb.cells)}
    target.parent.mkdir(parents=True, exist_ok=True)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(target.parent)}})
    with client.setup_kernel():
        run_session(client, nb, quiz)  # the lesson's own cells, read and run
        for number, tries in plan.items():
            answer, test = cells[f"ex{number}-answer"], cells[f"ex{number}-test"]
            stub = nb.cells[answer].source
            assert STUB in stub
            for typed in tries:
                nb.cells[answer].source = stub.replace(STUB, typed)
                client.execute_cell(nb.cells[answer], answer)
                client.execute_cell(nb.cells[test], test)
    nbformat.write(nb, target)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = tmp_path_factory.mktemp("course")
    write_course(course, [LESSON], exchange=str(course / "exchange"))
    run = _nbgrader(course, "generate_assignment", LESSON.stem, "--force")
    assert run.returncode == 0, run.stderr[-3000:]
    release = course / "release" / LESSON.stem / LESSON.name
    for student, plan in PLAN.items():
        _work(release, plan, QUIZ[student],
              course / "submitted" / student / LESSON.stem / LESSON.name)
    return course


def _grid(course: Path, quiz: bool = False) -> dict[str, dict[int, str]]:
    grid: dict[str, dict[int, str]] = {}
    for cell in progress.read_course(course):
        if cell.quiz == quiz:
            grid.setdefault(cell.student, {})[cell.number] = cell.state
    return grid


def test_grid_before_autograding(course: Path) -> None:
    assert _grid(course) == EXPECTED
    assert _grid(course, quiz=True) == EXPECTED_QUIZ


def test_table_and_heatmap_and_anonymous(course: Path, capsys: pytest.CaptureFixture) -> None:
    page = course / "grid.html"
    assert progress.main([str(course), "--html", str(page)]) == 0
    text = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines()
            if line.split() and line.split()[0] in PLAN}
    # exercises 1-4, quiz questions 1-5, right exercises, quiz first tries
    assert rows["ana"] == ["✓"] * 4 + ["✓"] * 5 + ["4/4", "5/5"]
    assert rows["ben"] == ["↻", "✓", "✗", "·", "↻", "·", "✗", "✓", "·", "2/4", "1/5"]
    assert rows["cleo"] == ["·"] * 4 + ["·"] * 5 + ["0/4", "0/5"]
    html = page.read_text()
    assert html.count("<tr><th>") == 1 + 3 and "ben" in html  # the header row, 3 students
    assert html.count("<th>02·Q") == 5
    assert [html.count(f'<td class="score">{k}/5</td>') for k in (5, 1, 0)] == [1, 1, 1]
    assert html.count(progress.STATES["first"][2]) == 5 + 6 + 1  # cells and the legend
    assert progress.main([str(course), "--anonymous", "--html", str(page)]) == 0
    hidden = capsys.readouterr().out + page.read_text()
    assert not any(name in hidden for name in PLAN)
    assert "student 1" in hidden and "student 3" in hidden


def test_a_course_without_submissions_is_refused(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    assert progress.main([str(tmp_path)]) == 1
    assert "nbgrader collect" in capsys.readouterr().err


@pytest.mark.hub
def test_grid_after_autograding_is_the_same(course: Path) -> None:
    run = _nbgrader(course, "autograde", LESSON.stem, "--create", "--force")
    assert run.returncode == 0, run.stderr[-3000:]
    assert _grid(course) == EXPECTED
    assert _grid(course, quiz=True) == EXPECTED_QUIZ
