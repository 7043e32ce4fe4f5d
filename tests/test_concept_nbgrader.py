"""The concept check as nbgrader assignments, and the teacher's report from the gradebook.

Fast checks (every run): both assignments hold every item of their form, with the model
answer hidden between solution markers and a one-point test that the model answer passes;
re-running the generator changes nothing.

End to end (marker ``hub``, like the lessons' nbgrader test): the real ``nbgrader`` CLI
generates both assignments, the simulated class of ``tests/concept_class.py`` submits its
pre- and post-checks, ``nbgrader autograde`` grades them, and ``python -m tools.gain
--course`` reads the gradebook: the class gain, difficulties and distractor counts are the
hand-computed ones (the same as from the CSV path).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from lessons_lib.checkers import NotYet
from lessons_lib.concept_check import FORMS, build_form, require
from tests.concept_class import CLASS, response, write_class
from tests.test_nbgrader import _nbgrader, require_nbgrader
from tools.concept_course import write_concept_course
from tools.gain import ASSIGNMENTS, analyse, read_course, read_csv
from tools.nbgrader_course import STUB

ROOT = Path(__file__).resolve().parents[1]


def test_every_item_becomes_an_autograded_cell_whose_model_answer_passes(tmp_path: Path) -> None:
    written = write_concept_course(tmp_path)
    assert [p.parent.name for p in written] == [ASSIGNMENTS[f] for f in FORMS]
    for form, path in zip(FORMS, written, strict=True):
        nb = nbformat.read(path, as_version=4)
        items = build_form(form)
        answers = [c for c in nb.cells if c.metadata["nbgrader"].get("solution")]
        tests = [c for c in nb.cells if c.metadata["nbgrader"].get("grade")]
        assert [c.id for c in answers] == [f"{i.key}-answer" for i in items]
        assert [c.id for c in tests] == [f"{i.key}-test" for i in items]
        assert all(c.metadata["nbgrader"]["points"] == 1 for c in tests)
        for item, answer, test in zip(items, answers, tests, strict=True):
            assert answer.source.startswith("### BEGIN SOLUTION\n")
            namespace: dict = {"require": require}
            exec(answer.source, namespace)  # the model answer …
            exec(test.source, namespace)  # … passes its test
            namespace["answer"] = ...
            with pytest.raises(NotYet, match="Not answered"):
                exec(test.source, namespace)
            assert str(item.answer) not in test.source  # the test never shows the answer
    again = write_concept_course(tmp_path / "again")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in written]


def _submission(release: dict, form: str, plan: dict[int, str]) -> dict:
    """The released notebook with each stub replaced as the student answers."""
    nb = json.loads(json.dumps(release))
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        if not grade_id.endswith("-answer"):
            continue
        source = "".join(cell["source"])
        assert STUB in source, source
        number = next(i.number for i in build_form(form) if f"{i.key}-answer" == grade_id)
        typed = response(form, number, plan.get(number))
        if typed:
            literal = repr(typed) if build_form(form)[number - 1].kind == "choice" else typed
            cell["source"] = source.replace(STUB, f"answer = {literal}")
    return nb


@pytest.fixture(scope="module")
def concept_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_nbgrader()
    course = tmp_path_factory.mktemp("concept_course")
    write_concept_course(course)
    for form in FORMS:
        name = ASSIGNMENTS[form]
        run = _nbgrader(course, "generate_assignment", name, "--force")
        assert run.returncode == 0, run.stderr[-3000:]
        release = json.loads((course / "release" / name / f"{name}.ipynb").read_text())
        assert "BEGIN SOLUTION" not in json.dumps(release)
        for student, forms in CLASS.items():
            if form in forms:
                target = course / "submitted" / student / name / f"{name}.ipynb"
                target.parent.mkdir(parents=True)
                target.write_text(json.dumps(_submission(release, form, forms[form])))
        run = _nbgrader(course, "autograde", name, "--create", "--force",
                        "--Execute.timeout=60")
        assert run.returncode == 0, run.stderr[-3000:]
    return course


@pytest.mark.hub
def test_the_gradebook_gives_the_hand_computed_report(concept_course: Path,
                                                       tmp_path: Path) -> None:
    from_gradebook = analyse(read_course(concept_course))
    from_csv = analyse(read_csv(write_class(tmp_path / "class.csv")))
    assert from_gradebook.class_gain == pytest.approx(21 / 31)  # see tests/concept_class.py
    assert from_gradebook.scores == from_csv.scores
    assert from_gradebook.items == from_csv.items  # difficulties, D, distractor counts
    post = {s.key: s for s in from_gradebook.items["B"]}
    assert post["softmax"].difficulty == pytest.approx(2 / 4)
    assert post["softmax"].choices == [("softmax_pow2", 1), ("blank", 1)]


@pytest.mark.hub
def test_gain_cli_reads_the_course(concept_course: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent),
                                                  os.environ["PATH"]])}
    run = subprocess.run([sys.executable, "-m", "tools.gain", "--course", str(concept_course),
                          "--out", str(tmp_path / "report"), "--export-csv",
                          str(tmp_path / "export.csv")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Class normalised gain ⟨g⟩ = 0.68" in run.stdout
    assert "Students: 5 took the pre-check (form A), 4 the post-check (form B), 4 both" \
        in run.stdout
    for student in CLASS:
        assert f"| {student} |" not in run.stdout
    # the exported CSV reads back to the same report
    again = analyse(read_csv(tmp_path / "export.csv"))
    assert again.class_gain == pytest.approx(21 / 31)
