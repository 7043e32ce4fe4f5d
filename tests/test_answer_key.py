"""One answer key per lesson (tools/answer_key.py), and decks and pages without answers.

The keys are generated from the exercise objects and the quizzes; here they are counted
against the lessons themselves (their ``answer = ...`` cells) and against the independent
quiz table of ``tools/mistakes.py``, and the decks and static pages are built with and
without ``--with-answers``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tools import answer_key
from tools._paths import ROOT, lessons
from tools.mistakes import QUIZ

LESSONS = lessons()
SPOILER = "Spoilers!"
SHOW = "Show solution"


def test_keys_and_the_guides_answers_are_current() -> None:
    assert answer_key.main(["--check"]) == 0, "run: python -m tools.answer_key"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_and_question_has_its_answer(lesson: Path) -> None:
    key = (ROOT / "docs" / "answer_keys" / f"{lesson.stem}.md").read_text(encoding="utf-8")
    nb = nbformat.read(lesson, as_version=4)
    in_lesson = [c for c in nb.cells if c.cell_type == "code"
                 and re.search(r"^answer\s*=\s*\.\.\.", c.source, re.M)]
    answers = re.findall(r"^\*\*Answer\.\*\* `.*` \(the checker: (.*)\)$", key, re.M)
    assert len(answers) == len(in_lesson) >= 3
    assert all(a.startswith("✓ Correct!") for a in answers), answers
    assert key.count("**Worked solution.**") == len(in_lesson)
    questions = sorted(n for (code, n) in QUIZ if code == lesson.stem[:2])
    assert re.findall(r"^### Question (\d+)$", key, re.M) == [str(n) for n in questions]
    for n in questions:  # the table's answer is the one the key gives
        section = key.split(f"### Question {n}\n", 1)[1].split("\n### ", 1)[0]
        line = next(x for x in section.splitlines() if x.startswith("**Answer.**"))
        right = QUIZ[(lesson.stem[:2], n)]
        if isinstance(right, str):
            assert line.startswith(f"**Answer.** {right})"), (lesson.stem, n, line)
        else:
            shown = float(line.split()[1].replace("−", "-"))
            assert abs(shown - right) < 1e-3, (lesson.stem, n, line)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_answer_cells_are_the_solutions_and_the_appendix_only(lesson: Path) -> None:
    nb = nbformat.read(lesson, as_version=4)
    kept = answer_key.without_answers(nbformat.read(lesson, as_version=4))
    text = "\n".join(c.source for c in kept.cells)
    assert SPOILER not in text and answer_key.SOLUTION_BLOCK not in text
    assert not [c for c in kept.cells if str(c.get("id", "")).endswith("-check")]
    # what a learner works with stays: every exercise, the quiz, the checkpoints
    ids = {c.get("id") for c in kept.cells}
    exercises = {c.get("id") for c in nb.cells if re.fullmatch(r"ex\d+", str(c.get("id")))}
    assert exercises and exercises <= ids
    assert any("Quiz(" in c.source for c in kept.cells)
    assert len(nb.cells) - len(kept.cells) == len(answer_key.answer_cells(nb)) > 0


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_static_page_leaves_the_answers_out_unless_asked(tmp_path: Path) -> None:
    from tools import export_html

    lesson = next(p for p in LESSONS if p.stem.startswith("02"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = _text(export_html.export(lesson, tmp_path / "a").read_text(encoding="utf-8"))
    full = _text(export_html.export(lesson, tmp_path / "b", with_answers=True)
                 .read_text(encoding="utf-8"))
    assert SPOILER in full and SHOW in full
    assert SPOILER not in plain and SHOW not in plain
    assert "Your turn 1" in plain


def test_deck_leaves_the_answers_out_unless_asked(tmp_path: Path) -> None:
    from tools import slides

    lesson = next(p for p in LESSONS if p.stem.startswith("02"))
    assert slides.main(["--build", str(tmp_path / "a"), str(lesson)]) == 0
    assert slides.main(["--build", str(tmp_path / "b"), "--with-answers", str(lesson)]) == 0
    plain = _text((tmp_path / "a" / f"{lesson.stem}.slides.html").read_text(encoding="utf-8"))
    full = _text((tmp_path / "b" / f"{lesson.stem}.slides.html").read_text(encoding="utf-8"))
    assert SPOILER in full and SHOW in full
    assert SPOILER not in plain and SHOW not in plain
    assert "Your turn 1" in plain
