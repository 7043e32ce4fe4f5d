"""lessons_lib.checkers.answers: a learner's answer of the wrong kind gets words, never a
traceback (issue 11), and is quoted back short."""

import math

import numpy as np
import pytest

from lessons_lib import checkers as c
from lessons_lib.checkers.answers import ECHO_LIMIT, clip, quoted, to_array, to_number
from lessons_lib.checkers.feedback import Rejected
from lessons_lib.widgets.quiz import NumericAnswer


def _wrong(feedback, *needles):
    text = str(feedback)
    assert feedback.status == "wrong", text
    for needle in needles:
        assert needle in text, f"{needle!r} not in {text!r}"
    return text


@pytest.mark.parametrize("answer", [["4", "6"], ("4", "6"), np.array(["4", "6"])])
def test_vector_answers_in_quotes_are_not_coerced(answer):
    _wrong(c.check_add(answer, [1, 2], [3, 4]), "without quotes")
    _wrong(c.check_vector(answer, [4, 6]), "without quotes")


def test_true_false_is_not_a_vector_of_ones():
    _wrong(c.check_add([True, True], [0, 0], [1, 1]), "True/False")
    _wrong(c.check_vector(np.array([True, True]), [1, 1]), "True/False")
    _wrong(c.check_number(True, 1), "True/False")


@pytest.mark.parametrize("answer", [10**400, -(10**400)])
def test_integers_too_large_for_a_float_get_words(answer):
    _wrong(c.check_number(answer, 3), "too large")
    _wrong(c.check_dot(answer, [1, 2], [3, 4]), "too large")
    _wrong(c.check_vector([answer, 1], [1, 1]), "too large")


def test_nan_and_infinity_say_where_they_come_from():
    _wrong(c.check_number(float("nan"), 3), "NaN", "arccos")
    with np.errstate(invalid="ignore"):  # the learner's own arccos(5): NumPy warns, gives nan
        learners_angle = np.degrees(np.arccos(5))
    _wrong(c.check_angle(learners_angle, [1, 0], [0, 1]), "arccos")
    _wrong(c.check_number(math.inf, 3), "infinite")
    _wrong(c.check_vector([1.0, float("nan")], [1, 1]), "NaN")


def test_huge_text_is_never_echoed_in_full():
    novel = "x" * 10_000_000
    for feedback in (c.check_number(novel, 3), c.check_vector(novel, [1, 2]),
                     c.check_dot(novel, [1], [2]), NumericAnswer("q", 3).check(novel)):
        assert len(str(feedback)) < 300
    long_vector = list(range(100_000))
    assert len(str(c.check_dot(long_vector, [1, 2], [3, 4]))) < 300


@pytest.mark.parametrize("call, typed", [
    (lambda x: c.check_number(x, 0.42, tol=5e-3), (0, 42)),
    (lambda x: c.check_dot(x, [0.5, 0.3, -0.2], [0.4, 0.8, 0.1]), (0, 42)),
    (lambda x: c.check_norm(x, [1, 2]), (2, 24)),
    (lambda x: c.check_number(x, -1.5), (-1, 5)),
])
def test_a_decimal_comma_is_read_as_the_quiz_reads_it(call, typed):
    """answer = 0,42 is the tuple (0, 42) in Python; the quiz box reads "0,42" as 0.42,
    and so do the exercises."""
    assert call(typed).ok, typed


def test_products_that_look_like_a_decimal_comma_are_still_products():
    assert "add them up" in c.check_dot((3, 8), [1, 2], [3, 4]).message


def test_quoted_numbers_are_shown_back_as_python_reads_them():
    """'−32' or '0,42' in quotes: the suggested line must run (ASCII minus, decimal point)."""
    assert "answer = -32" in c.check_number("−32", -32).message
    assert "answer = 0.42" in c.check_number("0,42", 0.42, tol=5e-3).message


def test_a_number_and_an_array_read_as_typed():
    assert to_number(-3, "x") == -3.0 and to_number(np.float32(0.5), "x") == 0.5
    assert to_array([[1, 2], [3, 4]], "M").tolist() == [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(Rejected, match="single number"):
        to_number([1, 2], "x")


def test_echoes_are_clipped_to_the_limit():
    assert len(clip("y" * 1000)) == ECHO_LIMIT and clip("y" * 1000).endswith("…")
    assert quoted(math.inf) == "an infinite number"
