"""No tool overwrites a learner's work (issue 24).

A temp git repository holds a committed lesson; the learner edits it (a note, their own
output). tools.nav, tools.slides and tools.run_notebooks must refuse it, name the file and
leave it byte for byte as it was, unless given --force. The same tools proceed on a
committed, unchanged copy.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tools import learner_work, nav, run_notebooks, slides
from tools._paths import lessons

LESSON = lessons()[1]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "learner@example.org")
    _git(tmp_path, "config", "user.name", "Learner")
    shutil.copy(LESSON, tmp_path / LESSON.name)
    _git(tmp_path, "add", LESSON.name)
    _git(tmp_path, "commit", "-q", "-m", "lesson")
    return tmp_path


def _edit(path: Path) -> bytes:
    """What a learner does: a note cell, and slide metadata stripped by their editor."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"].insert(2, {"cell_type": "markdown", "id": "my-note", "metadata": {},
                           "source": "My own note: a·b is 32 here."})
    for cell in nb["cells"]:
        cell["metadata"].pop("slideshow", None)
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path.read_bytes()


def test_committed_clean_and_edited_files_are_told_apart(repo: Path, tmp_path_factory):
    lesson = repo / LESSON.name
    assert learner_work.uncommitted([lesson]) == []
    _edit(lesson)
    assert learner_work.uncommitted([lesson]) == [lesson.resolve()]
    _git(repo, "add", lesson.name)  # staged is not committed either
    assert learner_work.uncommitted([lesson]) == [lesson.resolve()]
    untracked = repo / "copy.ipynb"
    shutil.copy(LESSON, untracked)
    assert learner_work.uncommitted([untracked]) == [untracked.resolve()]
    outside = tmp_path_factory.mktemp("no_git") / LESSON.name
    shutil.copy(LESSON, outside)
    assert learner_work.uncommitted([outside]) == [outside.resolve()]


@pytest.mark.parametrize("tool", ["slides", "run_notebooks"])
def test_tools_refuse_an_edited_notebook_and_name_it(repo: Path, tool: str, capsys):
    lesson = repo / LESSON.name
    edited = _edit(lesson)
    main = {"slides": slides.main, "run_notebooks": run_notebooks.main}[tool]
    code = main([str(lesson)])
    err = capsys.readouterr().err
    assert code == 2
    assert lesson.name in err and "--force" in err and "Nothing was written" in err
    assert lesson.read_bytes() == edited


def test_nav_refuses_an_edited_notebook_whose_nav_cells_are_stale(repo: Path, capsys):
    lesson = repo / LESSON.name
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    nb["cells"] = [c for c in nb["cells"] if "nav" not in c["metadata"].get("tags", [])]
    lesson.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    edited = lesson.read_bytes()
    code = _nav_on(lesson)  # nav's lesson list is notebooks/: point it at the temp copy
    err = capsys.readouterr().err
    assert code == 2 and lesson.name in err
    assert lesson.read_bytes() == edited


def _nav_on(lesson: Path) -> int:
    original = nav.lessons
    nav.lessons = lambda: [lesson]  # type: ignore[assignment]
    try:
        return nav.main([str(lesson)])
    finally:
        nav.lessons = original  # type: ignore[assignment]


def test_force_overwrites_and_a_clean_file_needs_no_force(repo: Path):
    lesson = repo / LESSON.name
    assert slides.main([str(lesson)]) == 0  # committed and unchanged: nothing to refuse
    edited = _edit(lesson)
    assert slides.main(["--force", str(lesson)]) == 0
    assert lesson.read_bytes() != edited  # slide types were assigned again
