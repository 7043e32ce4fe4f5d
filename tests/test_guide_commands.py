"""docs/teaching.md's commands run as written, from the repository root, in a copy of the tree.

The commands are found in the text, not listed here: every fenced ```bash block, and every
inline code span that starts with a program (``python``, ``git``, ``cp``, ``nbgrader`` …).
An inline span that only names a command a block of the page runs (``nbgrader
autograde``) is a mention, run with its block. Each command runs by ``bash -eu`` from the
root of a temporary copy of the working tree (a git repository of its own, so ``git
checkout`` has something to restore), in the order written; a failure names the command
and its stderr. The real tree is never written.

* Every loop (about 2 s): the commands are found; each ``python -m tools.X`` names a
  module that exists and options it defines (also in ``tools/README.md``'s synopses);
  the file commands (``cp``, ``git``) run; the commands whose result another test already
  builds are mapped to that test (:data:`REUSED`, each with why it is the same run), and
  the mapped tests exist.
* Marker ``hub`` (about 2 min here): every other command, the slow ones (the decks, the
  nbgrader course, the concept check's blocks with a fixture class submitting between
  them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools._paths import ROOT

DOCS = (ROOT / "docs" / "teaching.md",)
#: pages whose commands are synopses (``[--check]``, ``DIR``): their tools and options are
#: checked, not run
SYNOPSES = (ROOT / "tools" / "README.md",)
PROGRAMS = ("python", "pip", "git", "cp", "nbgrader", "jupyter", "cd", "bash")
FILE_PROGRAMS = ("cp", "git")  # cheap: run in every loop
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
SPAN = re.compile(r"(?<!`)`([^`\n]+(?:\n[^`\n]+)?)`(?!`)")  # inline code, may wrap a line
#: command as written → (the test that runs the same code, why it is the same run)
REUSED = {
    "python -m tools.handout": (
        "tests/test_handout.py::test_the_handout_is_one_a4_page",
        "main() is build(_build/handout.pdf); the test calls build() into a temporary file"),
    "python -m tools.worksheet": (
        "tests/test_worksheet.py::test_every_worksheet_prints_on_at_most_two_a4_pages",
        "main() is print_sheets(worksheets(LESSONS), _build/worksheets); the test calls "
        "the same two functions with a temporary folder"),
    "python -m tools.mistakes": (
        "tests/test_learner.py::test_the_teachers_page_is_current",
        "main() renders once, then --check compares and the bare command writes that text: "
        "when the check passes, the command rewrites the page unchanged"),
    "python -m tools.slides --notes": (
        "tests/test_slides.py::test_teaching_guide_block_is_generated_from_the_notes",
        "both are write_notes_block(check=…): a passing check means the write changes "
        "nothing"),
    "python -m tools.slides": (
        "tests/test_notebook_hygiene.py::test_slide_types_are_up_to_date",
        "main() computes the stale slide types; --check reports them, the bare command "
        "writes them: a passing check means nothing is written"),
    "python -m tools.slides --build _build/slides --offline": (
        "tests/test_slides.py::test_offline_decks_run_without_network",
        "the test runs python -m tools.slides --build DIR --offline on unchanged copies of "
        "every lesson (then opens every deck with the network blocked)"),
}


@dataclass(frozen=True)
class Command:
    """One command of a page: an inline span (whitespace collapsed) or a whole block."""

    text: str
    line: int
    block: bool

    @property
    def program(self) -> str:
        return self.text.split()[0]


def commands(text: str) -> list[Command]:
    """The page's ```bash blocks and inline commands, in the order written."""
    found = []
    for match in FENCE.finditer(text):
        if match.group(1) == "bash":
            found.append(Command(match.group(2), text.count("\n", 0, match.start()) + 1, True))
    blanked = FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for match in SPAN.finditer(blanked):
        words = " ".join(match.group(1).split())
        if re.match(rf"^(?:{'|'.join(PROGRAMS)})\s+\S", words):
            found.append(Command(words, text.count("\n", 0, match.start()) + 1, False))
    return sorted(found, key=lambda c: c.line)


def _mention(command: Command, found: list[Command]) -> bool:
    """An inline command that a block of the page runs (with more arguments)."""
    return not command.block and any(
        re.search(rf"(?:^|&&|\s){re.escape(command.text)}\s", block.text, re.M)
        for block in found if block.block)


def _found() -> list[tuple[Path, Command]]:
    return [(doc, c) for doc in DOCS for c in commands(doc.read_text(encoding="utf-8"))]


def test_the_guides_commands_are_found_and_name_real_tools_and_options() -> None:
    found = _found()
    assert len(found) >= 8, [c.text for _d, c in found]
    synopses = [(doc, c) for doc in SYNOPSES for c in commands(doc.read_text(encoding="utf-8"))]
    assert len(synopses) >= 10, [c.text for _d, c in synopses]
    for doc, command in found + synopses:
        where = f"{doc.name}:{command.line}: {command.text!r}"
        for line in command.text.splitlines():
            line = line.split("#")[0]
            for part in re.split(r"&&|;", line):
                words = part.split()
                if not words or words[0] == "cd":
                    continue
                if words[:2] == ["python", "-m"] and "<" not in words[2]:  # not tools.<name>
                    module = ROOT / (words[2].replace(".", "/") + ".py")
                    assert module.exists(), f"{where}: no {module.relative_to(ROOT)}"
                    source = module.read_text(encoding="utf-8")
                    for option in re.findall(r"--[\w-]+", " ".join(words[3:])):
                        assert f'"{option}"' in source, f"{where}: {words[2]} has no {option}"
                elif words[:2] != ["python", "-m"]:
                    assert shutil.which(words[0]) or (Path(sys.executable).parent
                                                      / words[0]).exists(), \
                        f"{where}: {words[0]} is not installed"


def test_every_reused_result_is_a_command_of_the_guide_and_a_test_that_exists() -> None:
    texts = {c.text for _d, c in _found()}
    for command, (node, _why) in REUSED.items():
        assert command in texts, f"{command!r} is no longer in the guide: drop it from REUSED"
        path, name = node.split("::")
        source = (ROOT / path).read_text(encoding="utf-8")  # read, not imported: cheap
        assert re.search(rf"^def {name}\(", source, re.M), f"{node} does not exist"


def copy_tree(target: Path) -> Path:
    """The working tree as git sees it (tracked and untracked, not ignored) copied into
    ``target``, made a git repository with one commit: the lessons "as published"."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not name.startswith(".venv"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "as published"]):
        subprocess.run([*git, *args], cwd=target, check=True, capture_output=True)
    return target


def run(command: Command, root: Path, timeout: float = 900) -> str:
    """Run ``command`` as written by ``bash -eu`` from ``root``; fail with its stderr."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent),
                                                  os.environ["PATH"]])}
    done = subprocess.run(["bash", "-euc", command.text], cwd=root, env=env, text=True,
                          capture_output=True, timeout=timeout)
    assert done.returncode == 0, (f"docs line {command.line}: {command.text!r} failed "
                                  f"({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def test_the_file_commands_run_as_written(tmp_path: Path) -> None:
    """``cp`` and ``git`` (resetting a student's notebook): the copy keeps the student's
    edit, ``git checkout`` brings the lesson back as published."""
    root = copy_tree(tmp_path / "tree")
    published = {p: p.read_bytes() for p in (root / "notebooks").glob("*.ipynb")}
    edited = {}
    for path in published:  # the student's work, in every lesson
        edited[path] = published[path].replace(b'"answer = ...', b'"answer = 42 #', 1)
        path.write_bytes(edited[path])
    ran = [c for _d, c in _found() if c.program in FILE_PROGRAMS]
    assert ran, "no cp / git command found in the guide"
    for command in ran:
        run(command, root)
    for path, data in published.items():
        copies = [p for p in root.glob(f"{path.stem}*.ipynb") if p.read_bytes() == edited[path]]
        if path.read_bytes() == data:  # restored: the student's edit must be kept elsewhere
            assert copies, f"{path.name} restored, but no copy keeps the student's edit"


@pytest.mark.hub
def test_every_other_command_of_the_guide_runs_as_written(tmp_path: Path) -> None:
    """The slow commands, in order, in one copy of the tree; a fixture class submits the
    concept check before a block autogrades it (as the page says: release, collect)."""
    root = copy_tree(tmp_path / "tree")
    found = [c for _d, c in _found()]
    for command in found:
        if (command.text in REUSED or command.program in FILE_PROGRAMS
                or _mention(command, found)):
            continue
        for name in re.findall(r"nbgrader autograde (\S+)", command.text):
            _submit_fixture_class(root / "course", name)
        run(command, root)
    assert (root / "gain_report" / "report.md").exists()


def _submit_fixture_class(course: Path, name: str) -> None:
    """Two students of tests/concept_class.py hand in ``name``, as collected."""
    from tests.concept_class import CLASS
    from tests.test_concept_nbgrader import _submission
    from tools.gain import ASSIGNMENTS

    form = next(f for f, a in ASSIGNMENTS.items() if a == name)
    release = json.loads((course / "release" / name / f"{name}.ipynb").read_text())
    takers = [s for s, forms in CLASS.items() if form in forms][:2]
    for student in takers:
        target = course / "submitted" / student / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(_submission(release, form, CLASS[student][form])))
