"""Play the learner: every "your turn" exercise of lessons 00–08, answered as people answer.

The table of anticipated answers lives in ``tools/mistakes.py`` (it also writes the
teacher's page ``docs/mistakes.md``). Here every row is played against the real checkers:
the right answer and its allowed roundings must be accepted, each anticipated mistake must
get its specific diagnosis, and the table must cover every exercise of every lesson.
"""

from __future__ import annotations

import pytest

from tools._paths import lessons
from tools.mistakes import RIGHT, TABLE, exercise_calls, main, render
from tools.nbgrader_course import exercises


def test_every_exercise_of_every_lesson_is_played():
    lesson_exercises = {(p.stem[:2], e.number): e for p in lessons() for e in exercises(p)}
    assert set(TABLE) == set(lesson_exercises), set(lesson_exercises) ^ set(TABLE)
    for key, exercise in lesson_exercises.items():
        checker = exercise.check.split("(", 1)[0].strip()
        assert checker == TABLE[key][0], (key, checker)


CALLS = exercise_calls()


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda k: f"{k[0]}-ex{k[1]}")
def test_learner_answers_get_the_right_verdict(key):
    """Each answer goes through the lesson's OWN checker call (its hints included)."""
    _, cases = TABLE[key]
    call = CALLS[key]
    for answer, phrase in cases:
        feedback = call(answer)
        text = str(feedback)
        if phrase == RIGHT:
            assert feedback.ok, (key, answer, text)
        else:
            assert not feedback.ok, (key, answer, text)
            assert phrase in text, (key, answer, text)
        assert "nan" not in text.lower(), text  # never a NaN shown to a learner


def test_the_teachers_page_is_current():
    """docs/mistakes.md quotes the checkers' messages: regenerate it when they change."""
    assert main(["--check"]) == 0, "run: python -m tools.mistakes"
    assert "| `0.424` |" in render()  # lesson 02's rounding trap is on the page
