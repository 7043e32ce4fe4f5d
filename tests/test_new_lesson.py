"""Adding a lesson: the registry finds it, and the checks name what else it needs.

A temporary copy of the repository gets a throwaway lesson after the last one
(``NN_throwaway.ipynb``,
a minimal valid notebook written here). Nothing else is edited by hand. Then, in the
copy, as a contributor would run them:

* the registry (``python -m tools.lessons``) lists it, with its title and time;
* the generic tests collect it (their parameters come from the registry, not from a list);
* ``tools.lesson_docs --check`` names every page whose lesson list lacks it, and what only a
  person can write (its teaching session, its section of the teacher guide);
* ``tools.nav --check`` names it and its neighbour;
* one command (``python -m tools.lesson_docs --force``: the copy has no git, so nothing
  counts as committed) brings the lists and the nav cells up to date, after which the
  checks name only what a person must still write or run.

docs/architecture.md ("Adding a lesson") lists the same steps.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools._paths import ROOT, lessons

TITLE = "Throwaway"
LAST = lessons()[-1]  # the newest real lesson
CODE = f"{int(LAST.name[:2]) + 1:02d}"  # the throwaway comes next
STEM = f"{CODE}_throwaway"
COPIED = ("README.md", "pyproject.toml", "conftest.py", "docs", "notebooks", "tools", "tests",
          "lessons_lib")


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=repo, capture_output=True, text=True,
                          timeout=300)


def _throwaway_lesson() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            f"# {CODE} · {TITLE}\n\n**Learning objectives.** After this lesson you can\n\n"
            "* add two numbers;\n* print the sum;\n* delete this lesson.\n\n"
            f"**Time:** about 7 minutes. **Prerequisites:** lesson {LAST.name[:2]}.", id="title"),
        nbformat.v4.new_code_cell("print(2 + 3)", id="sum"),
    ]
    nb.metadata["lesson"] = {"summary": "a lesson that exists only inside this test"}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.validate(nb)
    return nb


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("repo")
    skip = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=skip)
        else:
            shutil.copy2(source, copy / name)
    nbformat.write(_throwaway_lesson(), copy / "notebooks" / f"{STEM}.ipynb")
    return copy


def test_the_registry_lists_the_new_lesson(repo: Path) -> None:
    out = _run(repo, "-m", "tools.lessons")
    assert out.returncode == 0, out.stderr
    rows = out.stdout.splitlines()
    assert rows[len(lessons())].split() == [CODE, "7", "min", TITLE, "(3", "objectives)"], rows
    # the total grows by the new lesson's 7 minutes
    before = _run(ROOT, "-m", "tools.lessons").stdout.splitlines()[-1].split()[1]
    assert rows[-1].split()[1] == str(int(before) + 7)


def test_the_generic_tests_collect_the_new_lesson(repo: Path) -> None:
    files = ["tests/test_curriculum_answers.py", "tests/test_lesson_docs.py",
             "tests/test_slides.py", "tests/test_static_html.py"]
    out = _run(repo, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *files)
    assert out.returncode == 0, out.stdout + out.stderr
    for name in files:
        ids = [line for line in out.stdout.splitlines()
               if line.startswith(name) and STEM in line]
        assert ids, f"{name} collects no test for {STEM}"


def test_the_new_lesson_passes_the_registry_tests(repo: Path) -> None:
    out = _run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", STEM,
               "tests/test_lesson_docs.py")
    assert out.returncode == 0 and " passed" in out.stdout, out.stdout + out.stderr


def test_the_checks_name_what_the_new_lesson_lacks(repo: Path) -> None:
    docs = _run(repo, "-m", "tools.lesson_docs", "--check")
    assert docs.returncode == 1
    for page in ("README.md", "notebooks/00_start_here.ipynb", "docs/teaching.md",
                 "docs/handout.md"):
        assert page in docs.stdout, f"lesson_docs --check does not name {page}: {docs.stdout}"
    assert f"lesson {CODE} is in no teaching session" in docs.stdout
    assert f"no section '### {CODE} · {TITLE}'" in docs.stdout
    assert f"notebooks/{STEM}.ipynb has never been run" in docs.stdout
    # it has no ## section stating its time: its 7 minutes are nowhere in it yet
    assert (f"{STEM}.ipynb: its sections add up to 0 minutes but its first cell says about 7"
            in docs.stdout)

    nav = _run(repo, "-m", "tools.nav", "--check")
    assert nav.returncode == 1
    assert f"{STEM}.ipynb" in nav.stdout and LAST.name in nav.stdout


def test_one_command_writes_every_list_and_leaves_only_what_a_person_writes(
        repo: Path) -> None:
    write = _run(repo, "-m", "tools.lesson_docs", "--force")
    assert write.returncode == 1  # the lists are written; the guide still lacks the lesson
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert f"| {CODE} | [{TITLE}](notebooks/{STEM}.ipynb) | 7 min |" in readme
    start = (repo / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    assert f"[{TITLE}]({STEM}.ipynb)" in start
    nav = _run(repo, "-m", "tools.nav", "--check")
    assert nav.returncode == 0, nav.stdout
    check = _run(repo, "-m", "tools.lesson_docs", "--check")
    assert "stale lesson lists" not in check.stdout
    assert check.stdout.splitlines()[:3] == [
        f"lesson {CODE} is in no teaching session: add it to SESSIONS in tools/lesson_docs.py",
        f"docs/teaching.md has no section '### {CODE} · {TITLE}': write what a teacher needs "
        f"for lesson {CODE}",
        f"notebooks/{STEM}.ipynb has never been run: python -m tools.run_notebooks "
        f"--force notebooks/{STEM}.ipynb",
    ]
