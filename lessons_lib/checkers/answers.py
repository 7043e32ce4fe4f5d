"""Reading a learner's answer: a number or an array, or feedback that says what was typed.

:func:`to_number` and :func:`to_array` turn what a learner wrote into floats, or raise
:class:`~lessons_lib.checkers.feedback.Rejected` with the feedback to give (text in quotes,
True/False, a decimal comma, NaN, a masked array, far too many numbers). :func:`clip`,
:func:`quoted` and :func:`show` write a learner's answer back into feedback, short;
:func:`guard` makes a checker of a function that may reject.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessons_lib.checkers.feedback import NOT_ATTEMPTED, Feedback, Rejected, wrong
from lessons_lib.formatting import _format_number

__all__ = ["ECHO_LIMIT", "MAX_ENTRIES", "clip", "decimal_comma", "guard", "is_placeholder",
           "quoted", "show", "to_array", "to_number"]


def is_placeholder(answer: object) -> bool:
    """Whether ``answer`` is still the exercise's placeholder (``...``, or None).

    Examples
    --------
    >>> is_placeholder(...), is_placeholder(None), is_placeholder(0)
    (True, True, False)
    """
    return answer is Ellipsis or answer is None


#: Longest piece of a learner's own answer that feedback quotes back.
ECHO_LIMIT = 40


def clip(text: str) -> str:
    """A learner's text as feedback quotes it: at most :data:`ECHO_LIMIT` characters.

    Examples
    --------
    >>> clip("0.42"), clip("x" * 50)
    ('0.42', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…')
    """
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


def _text_answer(answer: str, expected_kind: str) -> Feedback:
    try:
        float(answer.replace("−", "-").replace(",", "."))
    except ValueError:
        return wrong(f"you gave the text {clip(answer)!r}; {expected_kind} is a number, "
                     "not text.")
    typed = answer.strip().replace("−", "-").replace(",", ".")  # what Python reads
    return wrong(
        f"{clip(answer)!r} is text (it is in quotes). Write the number without quotes: "
        f"answer = {clip(typed)}"
    )


def _finite(value: float) -> float:
    """A learner's number, or Rejected feedback that says where a NaN/inf comes from."""
    if math.isnan(value):
        raise Rejected(wrong(
            "your answer is NaN (\"not a number\"): one step had no valid result, such as 0/0, "
            "the square root of a negative number, or arccos of a number outside [−1, 1]. "
            "Print each step to find it."))
    if math.isinf(value):
        raise Rejected(wrong(
            "your answer is infinite: one step divided by zero or overflowed. Print each step "
            "to find it."))
    return value


def _as_float(x: object) -> float:
    """float(x), or Rejected feedback for an integer too large for a float (10**400)."""
    try:
        return float(x)  # type: ignore[arg-type]
    except OverflowError:
        raise Rejected(wrong(
            "your answer holds a number too large to be right (over 10^308). Check for a "
            "power (**) where a product (*) was meant.")) from None


#: More numbers than any answer in the lessons has: refused before any slow look at them.
MAX_ENTRIES = 10_000


def _masked(answer: object, what: str) -> object:
    """A masked array with hidden entries is refused (its mask would be ignored)."""
    if isinstance(answer, np.ma.MaskedArray):
        if np.ma.is_masked(answer):
            raise Rejected(wrong(
                f"you gave a masked array, in which some numbers of {what} are hidden by a "
                "mask. Write every number, as a plain list, e.g. [4, 6]; or fill the hidden "
                "ones first, e.g. answer.filled(0)."))
        return np.ma.getdata(answer)
    return answer


def _too_many(answer: object, what: str) -> None:
    """A list or array with more entries than any answer: refused at once (no slow scan)."""
    size = answer.size if isinstance(answer, np.ndarray) else (
        len(answer) if isinstance(answer, (list, tuple)) else 0)
    if size > MAX_ENTRIES:
        raise Rejected(wrong(
            f"you gave {size:,} numbers, far more than {what} has. Check which variable you "
            "put in answer: the result of the computation, not the data it starts from."))


def to_number(answer: object, what: str) -> float:
    """Turn a learner's scalar answer into a float, or raise Rejected with feedback.

    ``what`` names the quantity in the feedback ("a·b", "σ(z)").

    Examples
    --------
    >>> to_number(32, "a·b"), to_number((0, 42), "a·b")
    (32.0, 0.42)
    >>> to_number("32", "a·b")
    Traceback (most recent call last):
    ...
    lessons_lib.checkers.feedback.Rejected: '32' is text (it is in quotes). Write the number ...
    """
    answer = _masked(answer, what)
    _too_many(answer, what)
    if isinstance(answer, str):
        raise Rejected(_text_answer(answer, what))
    if isinstance(answer, (bool, np.bool_)):
        raise Rejected(wrong(f"you gave {answer} (True/False); {what} is a number."))
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()
    comma = decimal_comma(answer)
    if comma is not None:
        return comma
    if isinstance(answer, (list, tuple, np.ndarray)):
        try:
            shown = f"a vector {show(answer)}"
        except (TypeError, ValueError):  # rows of unequal length, text inside: (w, x, b)
            shown = f"{len(answer)} values in brackets"
        raise Rejected(wrong(f"you gave {shown}, but {what} is a single number."))
    if not isinstance(answer, numbers.Real):
        raise Rejected(wrong(f"{what} is a number; you gave a {type(answer).__name__}."))
    return _finite(_as_float(answer))


def decimal_comma(answer: object) -> float | None:
    """``answer = 0,42`` read as the number it means: Python makes it the pair (0, 42).

    A decimal comma is how many learners write a decimal (the quiz box accepts "0,42"
    too); as code it is a tuple of two whole numbers, the second not negative.

    Examples
    --------
    >>> decimal_comma((0, 42)), decimal_comma((-1, 5)), decimal_comma((3, 4, 5))
    (0.42, -1.5, None)
    """
    if (isinstance(answer, tuple) and len(answer) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in answer)
            and answer[1] >= 0):
        if answer[1] == 0 or 100 <= answer[1] <= 999:  # 1,000 and 3,500: thousands or decimals?
            whole, part = answer
            decimal = f"{whole}.{str(part).rstrip('0') or '0'}"
            raise Rejected(wrong(
                f"Python reads your answer as the pair ({whole}, {part}): the comma splits "
                "it in two, and it could be a decimal comma or a thousands separator. "
                f"Write the number with a decimal point and no comma: {decimal} or "
                f"{whole}{part:03d}."))
        return float(f"{answer[0]}.{answer[1]}")
    return None


def to_array(answer: object, what: str) -> NDArray[np.float64]:
    """Turn a learner's vector/matrix answer into a float array, or raise Rejected.

    Examples
    --------
    >>> to_array([4, 6], "a + b")
    array([4., 6.])
    >>> to_array(10, "a + b")
    Traceback (most recent call last):
    ...
    lessons_lib.checkers.feedback.Rejected: you gave a single number (10), but a + b has ...
    """
    answer = _masked(answer, what)
    _too_many(answer, what)
    if isinstance(answer, str):
        raise Rejected(wrong(f"you gave the text {clip(answer)!r}; {what} is a list of "
                             "numbers."))
    if isinstance(answer, (bool, np.bool_)):
        raise Rejected(wrong(f"you gave {answer} (True/False); {what} is a list of numbers."))
    if isinstance(answer, (numbers.Number, np.generic)):
        raise Rejected(
            wrong(f"you gave a single number ({show(answer)}), but {what} has several numbers.")
        )
    if not isinstance(answer, (list, tuple, np.ndarray)):
        raise Rejected(wrong(f"{what} is a list of numbers; you gave a {type(answer).__name__}."))
    try:
        raw = np.asarray(answer, dtype=object)
    except ValueError:  # ragged rows
        raw = None
    if raw is None:
        raise Rejected(
            wrong(f"{what} must contain only numbers (no text, no None, rows with the same "
                  "number of entries).")
        )
    for item in raw.flat:
        if isinstance(item, (str, bytes)):
            raise Rejected(wrong(
                f"{what} contains the text {clip(str(item))!r}. Write numbers without quotes, "
                "e.g. [4, 6], not [\"4\", \"6\"]."))
        if isinstance(item, (bool, np.bool_)):
            raise Rejected(wrong(
                f"{what} contains {item} (True/False), which is not a number. Did a comparison "
                "(==, <) end up in the list? Write the numbers themselves."))
        if not isinstance(item, numbers.Real):
            raise Rejected(wrong(
                f"{what} must contain only numbers (no text, no None, rows with the same number "
                f"of entries); it contains {_kind(item)}."))
    array = np.asarray([_as_float(x) for x in raw.flat], dtype=float).reshape(raw.shape)
    for value in array.flat:
        _finite(float(value))
    return array


def _kind(item: object) -> str:
    """How feedback names a value that is not a number: "None", "a dict"."""
    return "None" if item is None else f"a {type(item).__name__}"


def quoted(answer: object) -> str:
    """A learner's answer quoted back in feedback: short, and never a raw nan or inf.

    Examples
    --------
    >>> print(quoted("B"), quoted(6), quoted(float("nan")))
    'B' 6 NaN (not a number)
    """
    if isinstance(answer, (float, np.floating)) and not math.isfinite(answer):
        return "NaN (not a number)" if math.isnan(answer) else "an infinite number"
    if isinstance(answer, str):
        return repr(clip(answer))
    return clip(repr(answer))


def _numbers(row: NDArray[np.float64]) -> str:
    """A row of floats as ``[1, 2.25]``; ValueError for a NaN or infinity in it."""
    return "[" + ", ".join(_format_number(x, 4, trim=True) for x in row.tolist()) + "]"


def show(value: object) -> str:
    """A number, vector or small matrix as feedback writes it: 4 decimals at most, − for minus.

    Examples
    --------
    >>> show(0.5), show(-2), show([1, 2.25]), show(list(range(10))), show(float("nan"))
    ('0.5', '−2', '[1, 2.25]', '[0, 1, 2, 3, 4, 5, …]', 'NaN (not a number)')
    """
    if isinstance(value, (numbers.Real, np.generic)) and not isinstance(value, bool):
        number = value if isinstance(value, int) else float(np.asarray(value, dtype=float))
        if isinstance(number, float) and not math.isfinite(number):
            return quoted(number)  # a learner's NaN, in words
        return _format_number(number, 4, trim=True)
    array = np.asarray(value, dtype=float)
    if array.ndim == 1:
        if array.size > 8:  # quote the start of a long answer, never all of it
            return _numbers(array[:6])[:-1] + ", …]"
        return _numbers(array)
    if array.ndim == 2 and array.size <= 16:  # a small matrix, on one line, as typed
        return "[" + ", ".join(_numbers(row) for row in array) + "]"
    return np.array2string(array, precision=4, suppress_small=True, threshold=30)



def guard(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Run a checker; an answer of the wrong kind becomes feedback, not a traceback.

    The placeholder ``...`` is "not attempted" before the checker runs; a
    :class:`~lessons_lib.checkers.feedback.Rejected` answer returns its feedback.

    Examples
    --------
    >>> from lessons_lib.checkers.feedback import right
    >>> @guard
    ... def check_half(answer, x):
    ...     return right("½x.") if to_number(answer, "½x") == x / 2 else wrong("halve x.")
    >>> check_half(2, 4)
    ✓ Correct! ½x.
    >>> check_half(..., 4).status
    'not attempted'
    >>> check_half("2", 4)
    ✗ Not yet: '2' is text (it is in quotes). Write the number without quotes: answer = 2
    """

    def wrapper(answer: object, *args: Any, **kwargs: Any) -> Feedback:
        if is_placeholder(answer):
            return NOT_ATTEMPTED
        try:
            return check(answer, *args, **kwargs)
        except Rejected as rejected:
            return rejected.feedback

    wrapper.__name__ = check.__name__
    wrapper.__qualname__ = check.__qualname__
    wrapper.__doc__ = check.__doc__
    wrapper.__module__ = check.__module__
    return wrapper
