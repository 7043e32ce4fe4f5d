"""Bad answers and bad exercises: every checker answers with words, never a traceback.

Probes from issue 11 (item 4) and the same classes tried on every checker: text,
True/False, None, NaN, infinity, numbers too large for a float, huge echoes,
zero vectors in the exercise itself.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons_lib import checkers as ch
from lessons_lib.widgets.quiz import NumericAnswer


def _wrong(feedback, *needles):
    text = str(feedback)
    assert feedback.status == "wrong", text
    for needle in needles:
        assert needle in text, f"{needle!r} not in {text!r}"
    return text


@pytest.mark.parametrize("answer", [["4", "6"], ("4", "6"), np.array(["4", "6"])])
def test_vector_answers_in_quotes_are_not_coerced(answer):
    _wrong(ch.check_add(answer, [1, 2], [3, 4]), "without quotes")
    _wrong(ch.check_vector(answer, [4, 6]), "without quotes")


def test_true_false_is_not_a_vector_of_ones():
    _wrong(ch.check_add([True, True], [0, 0], [1, 1]), "True/False")
    _wrong(ch.check_vector(np.array([True, True]), [1, 1]), "True/False")
    _wrong(ch.check_number(True, 1), "True/False")


@pytest.mark.parametrize("answer", [10**400, -(10**400)])
def test_integers_too_large_for_a_float_get_words(answer):
    _wrong(ch.check_number(answer, 3), "too large")
    _wrong(ch.check_dot(answer, [1, 2], [3, 4]), "too large")
    _wrong(ch.check_vector([answer, 1], [1, 1]), "too large")


def test_nan_and_infinity_say_where_they_come_from():
    _wrong(ch.check_number(float("nan"), 3), "NaN", "arccos")
    _wrong(ch.check_angle(np.degrees(np.arccos(5)), [1, 0], [0, 1]), "arccos")
    _wrong(ch.check_number(math.inf, 3), "infinite")
    _wrong(ch.check_vector([1.0, float("nan")], [1, 1]), "NaN")


def test_huge_text_is_never_echoed_in_full():
    novel = "x" * 10_000_000
    for feedback in (ch.check_number(novel, 3), ch.check_vector(novel, [1, 2]),
                     ch.check_dot(novel, [1], [2]), NumericAnswer("q", 3).check(novel)):
        assert len(str(feedback)) < 300
    long_vector = list(range(100_000))
    assert len(str(ch.check_dot(long_vector, [1, 2], [3, 4]))) < 300


@pytest.mark.parametrize("check", [ch.check_cosine, ch.check_angle])
def test_a_zero_vector_in_the_exercise_is_a_clear_error(check):
    with pytest.raises(ValueError, match="zero length"):
        check(0.5, [0, 0], [1, 1])
    with pytest.raises(ValueError, match="zero length"):
        check(0.0, [1, 0], [0, 0])


def test_projection_onto_a_zero_vector_is_a_clear_error():
    with pytest.raises(ValueError, match="zero length"):
        ch.check_projection([0, 0], [1, 2], [0, 0])


def test_exercise_vectors_are_validated():
    with pytest.raises(ValueError, match="has 3 numbers but b has 2"):
        ch.check_dot(5, [1, 2, 3], [1, 2])
    with pytest.raises(TypeError, match="not a number"):
        ch.check_dot(5, [1, "2"], [1, 2])


@pytest.mark.parametrize("typed, needle", [
    ("inf", "too large"), ("nan", "NaN"), ("1e999", "too large"), (str(10**400), "too large"),
    (10**400, "too large"), (float("inf"), "too large"), ("", "type a number"),
])
def test_quiz_number_box_never_crashes(typed, needle):
    feedback = NumericAnswer("What is 2 + 1?", 3).check(typed)
    assert needle in str(feedback)
    assert feedback.status in ("wrong", "not attempted")


def test_quiz_number_box_still_accepts_the_answer():
    assert NumericAnswer("What is 2 + 1?", 3).check(" 3 ").status == "correct"
    assert NumericAnswer("What is −1 − 1?", -2).check("−2").status == "correct"
