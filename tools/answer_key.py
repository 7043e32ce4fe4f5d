"""One answer key per lesson, for the teacher, generated from the exercise and quiz objects.

Usage::

    python -m tools.answer_key            # writes docs/answer_keys/NN_name.md for every lesson
    python -m tools.answer_key --check    # exit 1 if a key is out of date

Each key holds, for every "your turn" exercise: its prompt (from the lesson), the answer
(the model solution run through the exercise's own checker: the ✓ line is what a learner
sees), the worked solution and the hints (:mod:`lessons_lib.exercises`), and the
anticipated mistakes with the checker's exact message (``tools/mistakes.py``'s table); for
every quiz question: the options, the answer with its explanation and what each wrong
option gets on a first try (the question objects the lesson's quiz cell builds).

The same module says which cells of a lesson give answers away (:func:`answer_cells`):
the solution blocks, the model-solution cells and the "Appendix · the model solutions,
checked" section. ``tools/slides.py`` and ``tools/export_html.py`` leave them out unless
built with ``--with-answers``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from tools._paths import ROOT
from tools.lessons import SECTION_TIME

OUT = ROOT / "docs" / "answer_keys"
SOLUTION_BLOCK = "<details><summary>Show solution"
APPENDIX = re.compile(r"^##\s+Appendix\b", re.M)


def answer_cells(nb: nbformat.NotebookNode) -> list[int]:
    """Indices of the cells that give answers away: ``exN-check`` cells, "Show solution"
    blocks, and the Appendix section (from its ``## Appendix`` heading to the next ``##``).

    Examples
    --------
    >>> md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    >>> nb = nbformat.v4.new_notebook(cells=[md("## Your turn"), code("answer = ..."),
    ...     md("<details><summary>Show solution</summary>3</details>"),
    ...     md("## Appendix · the model solutions, checked"), code("answer = 3"),
    ...     md("## Sources")])
    >>> answer_cells(nb)
    [2, 3, 4]
    """
    found, inside = [], False
    for index, cell in enumerate(nb.cells):
        source = cell.source
        if cell.cell_type == "markdown" and re.match(r"^##\s", source):
            inside = bool(APPENDIX.match(source))
        if (inside or str(cell.get("id", "")).endswith("-check")
                or (cell.cell_type == "markdown" and SOLUTION_BLOCK in source)):
            found.append(index)
    return found


def without_answers(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with :func:`answer_cells` removed (in place; returned for chaining)."""
    drop = set(answer_cells(nb))
    nb.cells = [cell for index, cell in enumerate(nb.cells) if index not in drop]
    return nb


def _prompt(nb: nbformat.NotebookNode, number: int) -> str:
    """The exercise's prompt as the lesson words it, from its ``### Your turn N`` heading
    (the ``## Your turn`` heading, the section's time under it and any end of the sections
    before, written in the same cell, dropped)."""
    cells = list(nb.cells)
    by_id = {c.get("id"): c for c in cells}
    cell = by_id.get(f"ex{number}-prompt")
    if cell is None:
        at = next(i for i, c in enumerate(cells) if c.get("id") == f"ex{number}")
        cell = next(c for c in reversed(cells[:at]) if c.cell_type == "markdown")
    lines = cell.source.splitlines()
    # a prompt cell may also close the sections before it: the prompt starts at its ###
    lines = lines[next((i for i, line in enumerate(lines) if line.startswith("### ")), 0):]
    lines = [line for line in lines
             if not re.match(r"^##\s", line) and not SECTION_TIME.match(line)]
    text = "\n".join(lines).strip()
    return re.sub(r"^###\s+", "", text)  # the lesson's "### Your turn 1 · …" as a first line


def _lesson_scope(nb: nbformat.NotebookNode) -> dict:
    """The names a learner's exercises can use: the lesson's code cells, except those that
    give answers away, run in order (magics and cells that raise on purpose skipped,
    output swallowed)."""
    import contextlib
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scope: dict = {"__name__": "__lesson__"}
    skip = set(answer_cells(nb))
    with contextlib.redirect_stdout(io.StringIO()):
        for index, cell in enumerate(nb.cells):
            if (index in skip or cell.cell_type != "code"
                    or "raises-exception" in cell.metadata.get("tags", [])):
                continue
            lines = [line for line in cell.source.splitlines()
                     if not line.lstrip().startswith(("%", "!"))]
            exec(compile("\n".join(lines), "lesson", "exec"), scope)
    plt.close("all")
    return scope


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(stem: str) -> str:
    """The answer key of lesson ``stem`` (``"02_dot_product"``) as Markdown."""
    from lessons_lib.exercises import exercises_of
    from lessons_lib.widgets.quiz import MultipleChoice
    from tools import mistakes
    from tools.lessons import LESSONS

    lesson = next(x for x in LESSONS if x.stem == stem)
    nb = nbformat.read(lesson.path, as_version=4)
    calls = mistakes.exercise_calls()
    namespace = {**mistakes.lesson_namespace(), **_lesson_scope(nb)}
    from tools.nbgrader_course import exercises as course_exercises

    setups = {e.number: e.setup for e in course_exercises(lesson.path)}
    out = [f"# Answer key · {lesson.heading}", "",
           "For the teacher only. Generated by `python -m tools.answer_key` from the exercise "
           "objects (`lessons_lib/exercises.py`), the anticipated mistakes "
           "(`tools/mistakes.py`) and the lesson's quiz; edit those, not this page. Decks and "
           "static pages leave the answers out unless built with `--with-answers`.", ""]
    for ex in exercises_of(lesson.code):
        scope = dict(namespace)
        exec(setups.get(ex.number, ""), scope)
        exec(ex.solution_code, scope)
        verdict = " ".join(str(calls[(lesson.code, ex.number)](scope["answer"])).split())
        value = " ".join(mistakes._answer_text(scope["answer"]).strip("`").split())
        out += [f"## Exercise {ex.number}", "", _quote(_prompt(nb, ex.number)), "",
                f"**Answer.** `{value}` "
                f"(the checker: {verdict})", "",
                "**Worked solution.** " + (ex.explanation or "(see the code)"), "",
                "```python", ex.solution_code, "```", "",
                "**Hints** (one per `" + ex.name + ".hint()` call): "
                + " · ".join(f"{i}. {h}" for i, h in enumerate(ex.hints, start=1)), ""]
        cases = mistakes.TABLE.get((lesson.code, ex.number), ("", []))[1]
        wrong = [(a, phrase) for a, phrase in cases if phrase != mistakes.RIGHT]
        if wrong:
            out += ["**Anticipated mistakes.**", "", "| answer | the checker says |",
                    "| --- | --- |"]
            seen: set[str] = set()
            for answer, _phrase in wrong:
                shown = mistakes._answer_text(answer)
                if shown in seen:
                    continue
                seen.add(shown)
                out.append(f"| {_cell(shown)} | "
                           f"{_cell(calls[(lesson.code, ex.number)](answer))} |")
            out.append("")
    questions = [(n, q) for (code, n), q in sorted(mistakes.quiz_questions().items())
                 if code == lesson.code]
    if questions:
        out += ["## Quiz", "",
                "The score counts first tries. A wrong first try gets the message shown "
                "(no answer yet); a second wrong try also shows the answer.", ""]
    for number, question in questions:
        right = question.check(question.answer)
        out += [f"### Question {number}", "", _quote(question.prompt), ""]
        if isinstance(question, MultipleChoice):
            letters = "ABCDEFGH"
            out += [f"* {letters[i]}) {option}" for i, option in enumerate(question.options)]
            out += ["", f"**Answer.** {str(right).removeprefix('✓ Correct! ')}", "",
                    "| wrong option | first-try feedback |", "| --- | --- |"]
            for i, option in enumerate(question.options):
                verdict = question.check(letters[i])
                if verdict.status != "correct":
                    out.append(f"| {letters[i]}) {_cell(option)} | {_cell(verdict)} |")
        else:
            out += [f"**Answer.** {str(right).removeprefix('✓ Correct! ')}", ""]
            if question.hints:
                out += ["| wrong number | first-try feedback |", "| --- | --- |"]
                for value, _message in question.hints:
                    out.append(f"| {value:g} | {_cell(question.check(str(value)))} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


TEACHING = ROOT / "docs" / "teaching.md"
_BLOCK = re.compile(r"<!-- answer-key:(\d\d) begin[^>]*-->\n.*?\n<!-- answer-key:\1 end -->", re.S)


def summary(stem: str) -> str:
    """The teacher guide's one-paragraph answers of a lesson: every exercise's ✓ line and
    every quiz answer, with a link to the full key."""
    from lessons_lib.exercises import exercises_of
    from lessons_lib.widgets.quiz import MultipleChoice
    from tools import mistakes
    from tools.lessons import LESSONS

    lesson = next(x for x in LESSONS if x.stem == stem)
    key = render(stem)
    verdicts = re.findall(r"^\*\*Answer\.\*\* `.*?` \(the checker: ✓ Correct! (.*)\)$", key, re.M)
    assert len(verdicts) == len(exercises_of(lesson.code)), stem
    parts = [f"{n}: {v}" for n, v in enumerate(verdicts, start=1)]
    quiz = []
    for (code, n), question in sorted(mistakes.quiz_questions().items()):
        if code != lesson.code:
            continue
        if isinstance(question, MultipleChoice):
            letter = "ABCDEFGH"[question._index(question.answer) or 0]
            quiz.append(f"{n} **{letter})**")
        else:
            quiz.append(f"{n}: {str(question.check(question.answer)).split(' — ')[0]}"
                        .replace("✓ Correct! ", ""))
    text = (f"**Answers** (worked solutions, hints and anticipated mistakes: "
            f"[answer_keys/{stem}.md](answer_keys/{stem}.md)). " + " ".join(parts))
    if quiz:
        text += " Quiz: " + "; ".join(quiz) + "."
    return text


def teaching(text: str) -> str:
    """docs/teaching.md with every lesson's answers block regenerated."""
    from tools.lessons import LESSONS

    stems = {x.code: x.stem for x in LESSONS}
    found = set(_BLOCK.findall(text))
    missing = sorted(set(stems) - found)
    if missing:
        raise ValueError(f"docs/teaching.md has no answers block for lessons {missing}: add "
                         "'<!-- answer-key:NN begin -->' / '<!-- answer-key:NN end -->' lines")
    return _BLOCK.sub(lambda m: (f"<!-- answer-key:{m.group(1)} begin (generated by python -m "
                                 f"tools.answer_key) -->\n{summary(stems[m.group(1)])}\n"
                                 f"<!-- answer-key:{m.group(1)} end -->"), text)


def keys() -> dict[Path, str]:
    """Every lesson's key, and the teacher guide's answers: path → text."""
    from tools.lessons import LESSONS

    out = {OUT / f"{lesson.stem}.md": render(lesson.stem) for lesson in LESSONS}
    out[TEACHING] = teaching(TEACHING.read_text(encoding="utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a key is stale")
    args = parser.parse_args(argv)
    stale = []
    for path, text in keys().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT).as_posix())
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"stale: {', '.join(stale)}: run python -m tools.answer_key", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
