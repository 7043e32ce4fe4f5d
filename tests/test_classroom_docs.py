"""docs/classroom.md runs as written: every shell block, in order, from the folder it names.

Each ```bash block of the page starts with ``cd <folder>`` and is run as it stands by
``bash -eu`` in a temporary world:

* one home folder per person (``teacher``, and the fixture students ``alice`` and ``bob``),
  ``HOME`` and ``USER`` set accordingly. nbgrader knows a student by the operating
  system's user name (``pwd``); on a real hub each student is a user of their own, here
  one user plays all three, so for the students a ``sitecustomize`` makes ``pwd`` report
  ``USER`` as the current user's name;
* ``https://github.com/OWNER/REPO`` is a bare git snapshot of this working tree (git's
  ``url.<base>.insteadOf``, so the text's URL is used unchanged);
* two paths of the text are moved into the temporary folder, because a test cannot write
  to them: ``/srv/nbgrader/exchange`` and ``/etc/jupyter`` (found through
  ``JUPYTER_CONFIG_PATH``, as Jupyter finds ``/etc/jupyter``);
* ``sudo`` runs its command; ``pip install`` only *checks* that every requirement it is
  given is installed at a version the written specifier allows (``.[extra]`` read from
  ``pyproject.toml``), and fails otherwise: no network at test time.

The run takes about three minutes (two autogrades, two feedback pages), so, like the
nbgrader end-to-end test, it carries the ``hub`` marker (classroom infrastructure);
``test_every_block_is_claimed`` runs in every loop.

Blocks whose nbgrader commands are all student commands (fetch_assignment, submit,
fetch_feedback) run once per student; between fetching and submitting, alice writes every
model solution and bob the lesson's typical wrong answer to exercise 1 and nothing for the
last exercise, and each answers the quiz through its widgets in a kernel run in the
fetched folder (``tests/quiz_clicks.py``), so the quiz's own code writes the record that
``nbgrader submit`` sends: alice all five questions right, bob question 1 wrong then right,
2 to 4 right, question 5 left unanswered. Blocks that start the local hub demo (a real
JupyterHub and Chromium) run only in ``test_hub_demo_block_runs``; every other block in
``test_classroom_page_runs_as_written`` (a block claimed by neither fails the test).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.quiz_clicks import RIGHT_02, answer_quiz
from tests.test_nbgrader import _with_answers
from tools._paths import ROOT, lessons
from tools.nbgrader_course import exercises

DOC = ROOT / "docs" / "classroom.md"
LESSON = "02_dot_product"
STUDENTS = ("alice", "bob")
STUDENT_COMMANDS = {"fetch_assignment", "submit", "fetch_feedback"}
REPO_URL = "https://github.com/OWNER/REPO"
MOVED = ("/srv/nbgrader/exchange", "/etc/jupyter")

STUDENT_SITE = '''"""tests/test_classroom_docs.py: this process belongs to the student in USER."""
import os
import pwd

_getpwuid = pwd.getpwuid


def _as_student(uid):
    entry = _getpwuid(uid)
    if uid == os.getuid():
        return pwd.struct_passwd((os.environ["USER"], *tuple(entry)[1:]))
    return entry


pwd.getpwuid = _as_student
'''
PIP_SHIM = '''#!{python}
"""pip stand-in for tests/test_classroom_docs.py: check, never install."""
import sys, tomllib
from importlib import metadata
from pathlib import Path
from packaging.requirements import Requirement

args = sys.argv[1:]
if not args or args[0] != "install":
    sys.exit(f"pip shim: only `pip install` is expected, got {{args}}")
wanted = []
for arg in args[1:]:
    if arg.startswith("-"):
        continue
    if arg == "." or arg.startswith(".["):
        project = tomllib.loads(Path("pyproject.toml").read_text())["project"]
        wanted.append(project["name"])
        extras = arg[2:-1].split(",") if arg.startswith(".[") else []
        for extra in extras:
            wanted += project["optional-dependencies"][extra]
    else:
        wanted.append(arg)
bad = []
for text in wanted:
    req = Requirement(text)
    try:
        version = metadata.version(req.name)
    except metadata.PackageNotFoundError:
        bad.append(f"{{text}}: not installed")
        continue
    if version not in req.specifier:
        bad.append(f"{{text}}: {{version}} installed")
    print(f"pip shim: {{req.name}} {{version}} satisfies {{text!r}}")
if bad:
    sys.exit("pip shim: " + "; ".join(bad))
'''


def blocks(text: str) -> list[str]:
    """The page's ```bash blocks, in order."""
    return re.findall(r"^```bash\n(.*?)^```", text, re.M | re.S)


def is_student(block: str) -> bool:
    used = set(re.findall(r"^nbgrader (\w+)", block, re.M))
    return bool(used) and used <= STUDENT_COMMANDS


def is_hub(block: str) -> bool:
    return "tools.hub_demo" in block


class World:
    """The temporary homes, exchange and shims the blocks run in."""

    def __init__(self, tmp: Path) -> None:
        from tools.hub_demo import snapshot_repo

        self.tmp = tmp
        self.bare = snapshot_repo(tmp)
        self.moved = {path: tmp / path.strip("/").replace("/", "_") for path in MOVED}
        shims = tmp / "shims"
        shims.mkdir()
        (shims / "pip").write_text(PIP_SHIM.format(python=sys.executable))
        (shims / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
        for shim in shims.iterdir():
            shim.chmod(0o755)
        self.student_site = tmp / "student_site"
        self.student_site.mkdir()
        (self.student_site / "sitecustomize.py").write_text(STUDENT_SITE)
        self.path = os.pathsep.join([str(shims), str(Path(sys.executable).parent),
                                     os.environ["PATH"]])
        self.log: list[str] = []

    def home(self, who: str) -> Path:
        home = self.tmp / "home" / who
        home.mkdir(parents=True, exist_ok=True)
        return home

    def run(self, block: str, who: str) -> str:
        first = block.splitlines()[0]
        assert re.fullmatch(r"cd \S+", first), f"a block must start with `cd <folder>`: {block}"
        script = block
        for path, moved in self.moved.items():
            script = script.replace(path, str(moved))
        env = {**os.environ, "HOME": str(self.home(who)), "USER": who, "LOGNAME": who,
               "PATH": self.path, "JUPYTER_CONFIG_PATH": str(self.moved["/etc/jupyter"]),
               "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": f"url.{self.bare.as_uri()}.insteadOf",
               "GIT_CONFIG_VALUE_0": REPO_URL,
               "PYTHONPATH": str(self.student_site) if who in STUDENTS else ""}
        env.pop("JUPYTER_CONFIG_DIR", None)
        run = subprocess.run(["bash", "-eu", "-c", script], cwd=self.home(who), env=env,
                             capture_output=True, text=True, timeout=900)
        self.log.append(f"$ ({who}) {first} …\n{run.stdout}{run.stderr}")
        assert run.returncode == 0, (f"block failed for {who} (exit {run.returncode}):\n"
                                     f"{block}\n--- stdout\n{run.stdout[-3000:]}\n"
                                     f"--- stderr\n{run.stderr[-3000:]}")
        return run.stdout


#: student → quiz clicks in order (question, option label or number typed), and the first
#: tries that makes right, counted by hand: alice 5 of 5; bob 3 (question 1 wrong first,
#: question 5 never answered)
QUIZ = {"alice": list(RIGHT_02.items()),
        "bob": [(1, "B) 17"), *((k, RIGHT_02[k]) for k in (1, 2, 3, 4))]}
QUIZ_SCORE = {"alice": 5, "bob": 3}


def _answers(notebook: Path, answers: dict[int, str]) -> None:
    """Replace the stub of answer cell k (1, 2, …) with ``answers[k]``, as a student types."""
    nb = json.loads(notebook.read_text())
    k = sum(bool(c["metadata"].get("nbgrader", {}).get("solution")) for c in nb["cells"])
    assert k == len(exercises_in_lesson()), "the released notebook lost an exercise"
    notebook.write_text(json.dumps(_with_answers(nb, dict(answers))))


def exercises_in_lesson() -> list[nbformat.NotebookNode]:
    """The lesson's exercise cells, counted in the lesson itself (``answer = ...`` lines)."""
    path = next(p for p in lessons() if p.stem == LESSON)
    return [c for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "code" and re.search(r"^answer\s*=\s*\.\.\.", c.source, re.M)]


def test_every_block_is_claimed() -> None:
    found = blocks(DOC.read_text(encoding="utf-8"))
    assert len(found) >= 8
    for block in found:
        assert block.startswith("cd "), block
    assert sum(map(is_hub, found)) == 1
    assert sum(map(is_student, found)) == 3


@pytest.mark.hub
def test_hub_demo_block_runs(tmp_path: Path) -> None:
    world = World(tmp_path)
    found = blocks(DOC.read_text(encoding="utf-8"))
    world.run(found[0], "teacher")  # the clone the demo runs from
    out = world.run(next(b for b in found if is_hub(b)), "teacher")
    assert "re-pull: alice's edited notebook kept" in out


@pytest.mark.hub
def test_classroom_page_runs_as_written(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    world = World(tmp_path)
    lesson = next(p for p in lessons() if p.stem == LESSON)
    solutions = {e.number: e.solution for e in exercises(lesson)}
    n = len(exercises_in_lesson())
    outputs = []
    for block in blocks(text):
        if is_hub(block):
            continue  # test_hub_demo_block_runs (marker hub)
        if not is_student(block):
            outputs.append(world.run(block, "teacher"))
            continue
        for student in STUDENTS:
            world.run(block, student)
            fetched = world.home(student) / LESSON / f"{LESSON}.ipynb"
            if "fetch_assignment" in block:
                assert fetched.is_file(), f"{student} fetched nothing"
                if student == "alice":
                    _answers(fetched, solutions)
                else:  # exercise 1: the products, not their sum; the last one left as is
                    bob = {**solutions, 1: "answer = [6, -8, 5]"}
                    del bob[n]
                    _answers(fetched, bob)
                answer_quiz(fetched, QUIZ[student])
                assert (fetched.parent / f"{LESSON}.quiz.json").is_file(), student
    # section 1: the commit and the link printed are the ones of the class's branch
    ref = next(o for o in outputs if o.startswith("branch:"))
    commit = subprocess.run(["git", "rev-parse", "class-2026"], cwd=world.bare,
                            capture_output=True, text=True, check=True).stdout.strip()
    lines = dict(line.split(": ", 1) for line in ref.splitlines())
    assert lines["commit"].strip() == commit
    doc_pip = re.search(r'^pip install "lessons_lib @ .*$', text, re.M)
    assert doc_pip and lines["image"].strip() == doc_pip.group(0).replace("COMMIT", commit)
    doc_link = re.search(r"^https://HUB/hub/user-redirect/\S+$", text, re.M)
    assert doc_link and lines["link"].strip() == doc_link.group(0)
    # the progress grid, before autograding: names hidden; the students' notebooks were
    # edited but never run, so every answer is attempted and not yet checked ("?"), except
    # bob's last exercise, left as it was ("·")
    # bob (student 2) answered the quiz: ↻ ✓ ✓ ✓ · (see QUIZ)
    grids = next(o for o in outputs if "student 1" in o)
    before, after = grids.split("wrote ", 1)  # the anonymous grid, then the named one
    rows = {line[:9]: line.split()[2:] for line in before.splitlines()
            if line.startswith("student ")}
    assert rows == {"student 1": ["?"] * n + ["✓"] * 5 + [f"0/{n}", "5/5"],
                    "student 2": ["?"] * (n - 1) + ["·", "↻", "✓", "✓", "✓", "·", f"0/{n}",
                                                    "3/5"]}, grids
    assert "alice" not in before and "bob" not in before
    # after autograding: the autograder's verdicts (never run by the students: ✓?)
    rows = {line.split()[0]: line.split()[1:] for line in after.splitlines()
            if line.startswith(STUDENTS)}
    assert rows == {"alice": ["✓?"] * n + ["✓"] * 5 + [f"{n}/{n}", "5/5"],
                    "bob": ["✗"] + ["✓?"] * (n - 2) + ["·", "↻", "✓", "✓", "✓", "·",
                                                       f"{n - 2}/{n}", "3/5"]}, grids
    # the grade book: alice every point, bob all but two exercises (one wrong, one not
    # attempted); the quiz adds one point per question right at the first try
    course = world.home("teacher") / "course"
    with (course / "grades.csv").open() as f:
        rows = {(r["student_id"], r["assignment"]): r for r in csv.DictReader(f)}
    alice, bob = rows[("alice", LESSON)], rows[("bob", LESSON)]
    assert float(alice["raw_score"]) == n + QUIZ_SCORE["alice"]
    assert float(bob["raw_score"]) == n - 2 + QUIZ_SCORE["bob"]
    assert float(alice["max_score"]) == n + 5
    assert [float(alice[f"quiz_q{k}"]) for k in range(1, 6)] == [1] * 5
    assert [float(bob[f"quiz_q{k}"]) for k in range(1, 6)] == [0, 1, 1, 1, 0]
    assert (float(bob["quiz_score"]), float(bob["quiz_max_score"])) == (3, 5)
    # each student's feedback came back to their own home, with the checker's diagnosis
    for student in STUDENTS:
        pages = list((world.home(student) / LESSON / "feedback").glob(f"*/{LESSON}.html"))
        assert len(pages) == 1, (student, pages)
        html = pages[0].read_text()
        assert "BEGIN SOLUTION" not in html
        if student == "bob":
            assert "you returned the products" in html
            assert "question 5 was not answered in the quiz" in html
            assert "question 1 was answered B) 17 at the first try: not right" in html
