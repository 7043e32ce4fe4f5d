"""Checkers of lessons 01-02: a vector sum, a scaled vector, a length, a dot product."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessons_lib.checkers.answers import decimal_comma, guard, show, to_array, to_number
from lessons_lib.checkers.feedback import Feedback, Rejected, wrong
from lessons_lib.checkers.general import check_vector, scalar_verdict
from lessons_lib.checkers.givens import given_number, given_pair, given_table
from lessons_lib.formatting import format_number

__all__ = ["check_add", "check_dot", "check_norm", "check_scale"]


def _factor(x: float) -> str:
    text = show(x)
    return f"({text})" if text.startswith("−") else text


def _close(x: float | NDArray[np.float64], y: float | NDArray[np.float64], tol: float) -> bool:
    x_arr, y_arr = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return x_arr.shape == y_arr.shape and bool(np.all(np.abs(x_arr - y_arr) <= tol))



def _ndim(answer: object) -> int | None:
    """How many levels of brackets an answer has; None for ragged rows."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return int(np.ndim(answer))  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return None


def _int_like(*arrays: NDArray[np.float64]) -> bool:
    return all(bool(np.all(x == np.round(x))) for x in arrays)


@guard
def check_dot(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check a dot product a·b (lesson 02).

    Examples
    --------
    >>> check_dot(32, [1, 2, 3], [4, 5, 6])
    ✓ Correct! a·b = 32.
    >>> check_dot([4, 10, 18], [1, 2, 3], [4, 5, 6])
    ✗ Not yet: you returned the products [4, 10, 18] — now add them up.
    >>> check_dot(28, [1, 2, 3], [4, 5, 6])
    ✗ Not yet: you left out a term: 28 is the sum without 1·4 = 4. Every position counts.
    """
    va, vb = given_pair(a, b)
    products = va * vb
    expected = float(products.sum())
    tol = 1e-9 if _int_like(va, vb) else 0.005
    comma = decimal_comma(answer)  # 0,42 typed for 0.42, unless those ARE the products
    if (isinstance(answer, (list, tuple, np.ndarray)) and _ndim(answer) == 1
            and (comma is None or _close(np.asarray(answer, dtype=float), products, tol))):
        array = to_array(answer, "a·b")
        if _close(array, products, tol):
            return wrong(f"you returned the products {show(products)} — now add them up.")
        if _close(array, va + vb, tol):
            return wrong("you added matching positions; the dot product MULTIPLIES matching "
                         "positions, then adds those products into one number.")
        return wrong(f"you gave a vector {show(array)}, but a dot product is ONE number: "
                     "multiply matching positions, then add the products.")
    value = to_number(answer, "a·b")
    hints: list[tuple[float, str]] = []
    for i, p in enumerate(products):
        if products.size > 1 and p != 0:
            hints.append((expected - p,
                          f"you left out a term: {format_number(expected - p, 4)} is the sum "
                          f"without {show(va[i])}·{show(vb[i])} = {show(p)}. "
                          "Every position counts."))
    negative = np.flatnonzero(products < 0)
    if negative.size:
        i = int(negative[0])
        hints.append((float(np.abs(products).sum()),
                      "you added every product as positive. A negative product is subtracted: "
                      f"{_factor(va[i])}·{_factor(vb[i])} = {show(products[i])} pulls the total "
                      "down."))
    hints.append((float(va.sum() + vb.sum()),
                  "you added all the numbers. Multiply each pair of matching positions first, "
                  "then add the products."))
    return scalar_verdict(value, expected, tol, "a·b", hints, decimals=2)


@guard
def check_add(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check a vector sum a + b (lesson 01).

    Examples
    --------
    >>> check_add([4, 6], [1, 2], [3, 4])
    ✓ Correct! a + b = [4, 6].
    >>> check_add([1, 2, 3, 4], [1, 2], [3, 4])
    ✗ Not yet: that is [1, 2] and [3, 4] joined end to end: Python's + on lists ...
    """
    va, vb = given_pair(a, b)
    hints = [
        (np.concatenate([va, vb]),
         f"that is {show(va)} and {show(vb)} joined end to end: Python's + on lists "
         "concatenates. Add position by position: ll.add(a, b) or np.array(a) + np.array(b)."),
        (va - vb, "you subtracted b from a; add the matching numbers instead."),
        (va * vb, "you multiplied matching numbers; vector addition adds them."),
    ]
    feedback = check_vector(answer, va + vb, tol=1e-9, hints=hints, what="a + b")
    return feedback if feedback.ok else _one_slip(answer, va + vb, feedback, [
        (lambda i, x: x in (va[i], vb[i]),
         "position {i} holds only one of the two numbers {a} and {b}: add both, minding "
         "the sign."),
        (lambda i, x: x in (va[i] - vb[i], vb[i] - va[i], abs(va[i]) + abs(vb[i])),
         "position {i}: mind the sign, {a} + ({b}) adds a negative number.")], va, vb)


@guard
def check_scale(answer: object, c: float, a: Sequence[float]) -> Feedback:
    """Check a scaled vector c·a (lesson 01).

    Examples
    --------
    >>> check_scale([2, 4], 2, [1, 2])
    ✓ Correct! c·a = [2, 4].
    >>> check_scale([1, 2, 1, 2], 2, [1, 2])
    ✗ Not yet: multiplying a Python list by 2 repeats the list. Multiply every number: ...
    """
    va = given_table(a, "a", ndim=1)
    c = given_number(c, "c")
    hints: list[tuple[Any, str]] = [
        (va + c, f"you added {show(c)} to every number; scaling MULTIPLIES every number by it."),
    ]
    if float(c).is_integer() and c > 0:
        hints.append((np.tile(va, int(c)),
                      f"multiplying a Python list by {show(c)} repeats the list. Multiply every "
                      f"number: ll.scale({show(c)}, a) or {show(c)} * np.array(a)."))
    feedback = check_vector(answer, c * va, tol=1e-9, hints=hints, what="c·a")
    return feedback if feedback.ok else _one_slip(answer, c * va, feedback, [
        (lambda i, x: x == va[i] and c != 1,
         "position {i} is not scaled: {a} must be multiplied by " + show(c) + " too; "
         "scaling multiplies EVERY number."),
        (lambda i, x: x == -c * va[i] and va[i] != 0,
         "position {i} has the wrong sign: " + show(c) + " × ({a}) keeps the sign of {a}.")],
        va, va)


def _one_slip(answer: object, expected: NDArray[np.float64], feedback: Feedback,
              slips: list[tuple[Callable[[int, float], bool], str]], va: NDArray[np.float64],
              vb: NDArray[np.float64]) -> Feedback:
    """Name the slip in the one wrong position of a vector answer, if it is a known one."""
    try:
        array = to_array(answer, "the answer")
    except Rejected:
        return feedback
    if array.shape != expected.shape or array.ndim != 1:
        return feedback
    bad = [i for i in range(array.size) if abs(array[i] - expected[i]) > 1e-9]
    if len(bad) != 1:
        return feedback
    i = bad[0]
    for test, message in slips:
        if test(i, float(array[i])):
            return wrong(message.format(i=f"{i} (counting from 0)", a=show(va[i]),
                                        b=show(vb[i])))
    return feedback


@guard
def check_norm(answer: object, a: Sequence[float]) -> Feedback:
    """Check a length ‖a‖ (lesson 01).

    Examples
    --------
    >>> check_norm(5, [3, 4])
    ✓ Correct! ‖a‖ = 5.
    >>> check_norm(25, [3, 4])
    ✗ Not yet: 25 is ‖a‖², the sum of the squares. Take the square root: ‖a‖ = √(a₁² + a₂² + …).
    """
    va = given_table(a, "a", ndim=1)
    squares = float(va @ va)
    hints = [
        (squares, f"{format_number(squares, 4)} is ‖a‖², the sum of the squares. Take the "
                  "square root: ‖a‖ = √(a₁² + a₂² + …)."),
        (float(np.abs(va).sum()), "you added the sizes of the numbers. The length squares each "
                                  "number, adds the squares, then takes the square root."),
        (float(va.sum()), "you added the numbers. Square each one first, add, then take the "
                          "square root."),
    ]
    value = to_number(answer, "‖a‖")
    return scalar_verdict(value, math.sqrt(squares), 0.005, "‖a‖", hints, decimals=2)
