"""The two general checkers: a number (:func:`check_number`) and a vector or matrix
(:func:`check_vector`), each with hints for anticipated mistakes; every topic's checker
ends in one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessons_lib.checkers.answers import guard, show, to_array, to_number
from lessons_lib.checkers.feedback import Feedback, right, wrong
from lessons_lib.checkers.givens import given_number, given_table
from lessons_lib.checkers.rounding import (
    MOST_DECIMALS,
    compare,
    compare_entries,
    decimals_message,
    precision,
    written_decimals,
)
from lessons_lib.formatting import format_number

__all__ = ["Hints", "check_number", "check_vector", "scalar_verdict"]

#: Anticipated mistakes: (the wrong value, the feedback it deserves).
Hints = Iterable[tuple[Any, str]]


def scalar_verdict(value: float, expected: float, tol: float, what: str, hints: Hints,
                   decimals: int = 4, unit: str = "") -> Feedback:
    """The verdict on a learner's number ``value`` (read already) against ``expected``.

    In order: right at the precision ``tol`` asks for (shown with ``decimals`` and
    ``unit``); one of the ``hints``; rounded too far; the sign flipped; close, with what is
    off; else too large or too small.

    Examples
    --------
    >>> scalar_verdict(0.69, 0.6857, 0.005, "σ(z)", [])
    ✓ Correct! σ(z) = 0.6857.
    >>> scalar_verdict(0.7, 0.6857, 0.005, "σ(z)", [])
    ✗ Not yet: close: that is σ(z) rounded too far. Give 2 decimal places (or more), ...
    >>> scalar_verdict(-0.69, 0.69, 0.005, "σ(z)", [(0.5, "that is σ(0).")])
    ✗ Not yet: the size is right but the sign is wrong. Check each minus sign: ...
    """
    verdict = compare(value, expected, tol)
    if verdict == "right":
        return right(f"{what} = {format_number(expected, decimals)}{unit}.")
    for wrong_value, message in hints:
        if compare(value, float(wrong_value), tol) == "right":
            return wrong(message)
    if verdict == "few decimals":
        return wrong(decimals_message(what, tol))
    if expected != 0 and abs(value + expected) <= tol:
        return wrong("the size is right but the sign is wrong. Check each minus sign: "
                     "a negative product is subtracted.")
    gap = abs(value - expected)
    if gap <= max(0.02 * abs(expected), 20 * tol):
        written = written_decimals(value)
        wanted = precision(tol)
        if wanted is not None and written <= MOST_DECIMALS:
            return wrong(  # e.g. 0.424 for 0.42: the last decimal written is wrong
                f"very close, but {format_number(value, written)} is off by "
                f"{format_number(gap, max(written, wanted) + 1, trim=True)}, so its last "
                "decimal place is wrong. Keep all decimals until the end and round only the "
                "final answer.")
        places = max(4, (wanted or 0) + 1)  # enough digits to tell the two apart
        if gap <= tol:  # a computed value, close, yet not a rounding of the right one
            return wrong(
                f"very close, but off by {format_number(gap, places + 2, trim=True)}: a "
                "computed answer should agree to about 6 digits. Keep all decimals until "
                "the end and round only the final answer.")
        return wrong(
            f"very close, but off by {format_number(gap, places, trim=True)}, more than the "
            f"tolerance ({format_number(tol, places, trim=True)}). Keep all decimals until the "
            "end and round only the final answer."
        )
    direction = "too large" if value > expected else "too small"
    shown = format_number(value, min(4, written_decimals(value)))  # 0.5 stays 0.5
    return wrong(f"{shown} is {direction}. Redo the working step by step.")


@guard
def check_number(answer: object, expected: float, *, tol: float = 1e-6, hints: Hints = (),
                 what: str = "the answer") -> Feedback:
    """Check a numeric answer, with feedback for anticipated mistakes.

    Parameters
    ----------
    answer : number
        What the learner wrote (``...`` means not attempted yet).
    expected : float
        The right value, computed by the lesson.
    tol : float, default 1e-6
        Largest accepted absolute difference.
    hints : sequence of (wrong_value, message)
        Anticipated wrong values and the feedback each deserves.
    what : str
        How to name the quantity in messages.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> check_number(32, 32)
    ✓ Correct! the answer = 32.
    >>> check_number(..., 32)
    ✎ Not attempted yet: replace `...` with your answer, then run the cell again (Shift+Enter).
    >>> check_number(21, 32, hints=[(21, "you added all six numbers; multiply pairs first.")])
    ✗ Not yet: you added all six numbers; multiply pairs first.
    >>> check_number("32", 32)
    ✗ Not yet: '32' is text (it is in quotes). Write the number without quotes: answer = 32
    """
    target = given_number(expected, "expected")
    tol = given_number(tol, "tol", positive=True)
    return scalar_verdict(to_number(answer, what), target, tol, what, hints)


@guard
def check_vector(answer: object, expected: Sequence[float] | NDArray[np.float64], *,
                 tol: float = 1e-6, hints: Hints = (), what: str = "the answer") -> Feedback:
    """Check a vector (or matrix) answer element by element.

    Examples
    --------
    >>> check_vector([4, 6], [4, 6])
    ✓ Correct! the answer = [4, 6].
    >>> check_vector([4, 7], [4, 6])
    ✗ Not yet: position 1 (counting from 0) is off; the others are right.
    >>> check_vector(10, [4, 6])
    ✗ Not yet: you gave a single number (10), but the answer has several numbers.
    """
    target = given_table(expected, "expected")
    tol = given_number(tol, "tol", positive=True)
    array = to_array(answer, what)
    verdict = compare_entries(array, target, tol)
    if verdict == "right":
        return right(f"{what} = {show(target)}.")
    for wrong_value, message in hints:
        if compare_entries(array, np.asarray(wrong_value, dtype=float), tol) == "right":
            return wrong(message)
    if target.ndim == 2 and verdict is None and compare_entries(array, target.T, tol) == "right":
        return wrong(f"{what} is transposed: rows and columns are swapped. Rows are the "
                     "first factor's rows (queries), columns the second's (keys).")
    if array.shape != target.shape:
        if target.ndim == 1 and array.ndim == 1:
            return wrong(f"{what} should have {target.size} numbers; yours has {array.size}.")
        return wrong(f"{what} should have shape {target.shape}; yours has shape {array.shape}.")
    if verdict == "few decimals":
        return wrong(decimals_message(what, tol))
    if np.any(target) and compare_entries(array, -target, tol) == "right":
        return wrong("every sign is flipped: the sizes are right but each number has the "
                     "opposite sign. Check the order of a subtraction or a stray minus.")
    if target.ndim == 1:
        bad = [i for i in range(target.size)
               if compare(float(array[i]), float(target[i]), tol) != "right"]
        where = ", ".join(str(i) for i in bad)
        plural = "positions" if len(bad) > 1 else "position"
        rest = "; the others are right." if len(bad) < target.size else "."
        return wrong(f"{plural} {where} (counting from 0) {'are' if len(bad) > 1 else 'is'} "
                     f"off{rest}")
    bad_rows = sorted({i for i in range(target.shape[0])
                       if compare_entries(array[i], target[i], tol) != "right"})
    if len(bad_rows) == target.shape[0]:
        return wrong("every row is off.")
    if len(bad_rows) == 1:
        rest = "the other row is right" if target.shape[0] == 2 else "the others are right"
        return wrong(f"row {bad_rows[0]} (counting from 0) is off; {rest}.")
    return wrong(f"rows {', '.join(map(str, bad_rows))} (counting from 0) are off; the "
                 "other rows are right.")
