"""The concept check as two nbgrader assignments, made from the same item definitions.

Usage (from the repository root)::

    python -m tools.concept_course --out course    # course/source/concept_check_{pre,post}/
    cd course && nbgrader generate_assignment concept_check_pre
    # … students submit …
    nbgrader autograde concept_check_pre
    cd .. && python -m tools.gain --course course

Form A becomes ``concept_check_pre``, form B ``concept_check_post``
(:data:`tools.gain.ASSIGNMENTS`). Each item of :mod:`lessons_lib.concept_check` becomes a
locked Markdown cell (the question, and its options lettered A–D), an answer cell with id
``<item>-answer`` (the model answer between ``### BEGIN SOLUTION`` / ``### END SOLUTION``;
the student sees ``answer = ...``) and a locked test cell ``<item>-test`` worth one point:
``require(form, item, answer)``, which fails naming the concept and lesson to revisit,
never the answer. The course configuration is the lessons' course's
(:func:`tools.nbgrader_course.config`), so both live in one course folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat

from lessons_lib.concept_check import FORMS, Item, build_form
from tools.gain import ASSIGNMENTS
from tools.nbgrader_course import _meta
from tools.nbgrader_course import config as course_config

_WHEN = {"A": "before the series (the pre-check)", "B": "after the series (the post-check)"}


def _question(item: Item) -> str:
    text = f"**{item.number}.** {item.prompt}\n\n"
    if item.kind == "choice":
        text += "\n".join(f"* {'ABCDEFGH'[i]}) {o}" for i, o in enumerate(item.options))
        return text + "\n\nAnswer with the letter, e.g. `answer = \"A\"`."
    return text + "Answer with a number, e.g. `answer = 0.5`."


def _solution(item: Item) -> str:
    if item.kind == "choice":
        return f'answer = "{item.answer_letter}"'
    value = float(item.answer)
    shown = round(value) if item.decimals is None and value == round(value) else \
        round(value, item.decimals if item.decimals is not None else 6)
    return f"answer = {shown!r}"


def source_notebook(form: str) -> nbformat.NotebookNode:
    """The nbgrader source notebook of one form."""
    nb = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}})
    intro = nbformat.v4.new_markdown_cell(
        f"# Concept check, form {form}: {_WHEN[form]}\n\n"
        f"{len(build_form(form))} short questions, about 8 minutes. Replace each `...` with "
        "your answer; no notes or tools needed beyond a calculator (Python is one). It is "
        "not a test of you: it tells your teacher which ideas the lessons taught well.")
    intro.id = "intro"
    intro.metadata["nbgrader"] = _meta("context-intro")
    setup = nbformat.v4.new_code_cell("from lessons_lib.concept_check import require")
    setup.id = "setup"
    setup.metadata["nbgrader"] = _meta("context-setup")
    nb.cells += [intro, setup]
    for item in build_form(form):
        question = nbformat.v4.new_markdown_cell(_question(item))
        question.id = f"{item.key}-question"
        question.metadata["nbgrader"] = _meta(f"context-{question.id}")
        answer = nbformat.v4.new_code_cell(
            f"### BEGIN SOLUTION\n{_solution(item)}\n### END SOLUTION")
        answer.id = f"{item.key}-answer"
        answer.metadata["nbgrader"] = _meta(answer.id, solution=True)
        test = nbformat.v4.new_code_cell(
            f"# Autograded: one point.\nrequire({form!r}, {item.key!r}, answer)")
        test.id = f"{item.key}-test"
        test.metadata["nbgrader"] = _meta(test.id, grade=True, points=1)
        nb.cells += [question, answer, test]
    return nb


def write_concept_course(out: Path) -> list[Path]:
    """Write ``out/nbgrader_config.py`` (if missing) and the two source notebooks."""
    out.mkdir(parents=True, exist_ok=True)
    config = out / "nbgrader_config.py"
    if not config.exists():
        config.write_text(course_config(), encoding="utf-8")
    written = []
    for form in FORMS:
        name = ASSIGNMENTS[form]
        target = out / "source" / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(source_notebook(form)), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the course directory")
    args = parser.parse_args(argv)
    for target in write_concept_course(args.out):
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
