"""Exercise checkers: feedback that says *what* is wrong, not just "wrong".

Used by the "your turn" cells of every lesson::

    answer = ...          # replace ... with your answer
    check_dot(answer, [1, 2, 3], [4, 5, 6])

Each checker computes the expected value itself, independently, with NumPy
(never by calling the lessons_lib function the learner is practising), then
tries the anticipated mistakes one by one: products not added up, a wrong
sign, a forgotten term, a vector where a number belongs, a rounding error
larger than the tolerance, the placeholder ``...`` still in place. Feedback is
plain text, so it reads the same in JupyterLab, Notebook 7, VS Code and nbval.
"""

from __future__ import annotations

import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from lessons_lib._validate import (
    as_float_array,
    as_matrix,
    as_number,
    as_vector,
    same_length,
)
from lessons_lib.formatting import format_number, format_vector

Status = Literal["correct", "wrong", "not attempted"]
_ICON = {"correct": "✓ Correct!", "wrong": "✗ Not yet:", "not attempted": "✎ Not attempted yet:"}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status and a message for the learner.

    ``bool(feedback)`` is True only when the answer is correct.

    Examples
    --------
    >>> Feedback("correct", "a·b = 32.")
    ✓ Correct! a·b = 32.
    >>> bool(Feedback("wrong", "add the products."))
    False
    """

    status: Status
    message: str
    #: For an exercise's check: the exercise's log of this session's autograded tries
    #: (:meth:`require` adds this one; "not attempted" runs are not tries). A passed
    #: autograded cell's output records it, from which ``tools/progress.py`` tells a first
    #: try from a later one. The lesson's own demonstrations call ``check`` only: no try.
    log: list[str] | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.ok

    def require(self) -> Passed:
        """Raise :class:`NotYet` with this feedback unless the answer is correct.

        For autograded test cells (nbgrader, ``python -m tools.nbgrader_course``): the
        student's feedback is then the checker's diagnosis, not a bare AssertionError. A
        right answer returns a :class:`Passed`, whose output records the tries.

        Examples
        --------
        >>> Feedback("correct", "a·b = 32.").require()
        ✓ Correct! a·b = 32.
        >>> Feedback("wrong", "add the products.").require()
        Traceback (most recent call last):
        ...
        lessons_lib.checkers.NotYet: ✗ Not yet: add the products.
        """
        if self.log is not None and self.status != "not attempted":
            self.log.append(self.status)
        if not self.ok:
            raise NotYet(str(self))
        return Passed(self)

    def __str__(self) -> str:
        return f"{_ICON[self.status]} {self.message}"

    def __repr__(self) -> str:
        return str(self)


#: The output metadata key under which a passed autograded check records its tries.
TRIES_KEY = "lessons_lib/tries"


@dataclass(frozen=True)
class Passed:
    """A right answer in an autograded cell: shown as its feedback, and its output carries
    the session's tries (metadata ``lessons_lib/tries``) for the teacher's progress grid.

    Examples
    --------
    >>> passed = Passed(Feedback("correct", "3.", log=["wrong", "correct"]))
    >>> data, meta = passed._repr_mimebundle_()
    >>> data["text/plain"], meta
    ('✓ Correct! 3.', {'lessons_lib/tries': ['wrong', 'correct']})
    """

    feedback: Feedback

    def _repr_mimebundle_(self, include: object = None,
                          exclude: object = None) -> tuple[dict[str, str], dict[str, Any]]:
        tries = list(self.feedback.log or [self.feedback.status])
        return {"text/plain": str(self.feedback)}, {TRIES_KEY: tries}

    def __repr__(self) -> str:
        return str(self.feedback)


class NotYet(AssertionError):
    """An autograded answer that is not right yet; the message is the checker's diagnosis."""


def _right(message: str) -> Feedback:
    return Feedback("correct", message)


def _wrong(message: str) -> Feedback:
    return Feedback("wrong", message)


_NOT_YET = Feedback(
    "not attempted", "replace `...` with your answer, then run the cell again (Shift+Enter)."
)


class _Rejected(Exception):
    """An answer of the wrong kind; carries the feedback to give."""

    def __init__(self, feedback: Feedback) -> None:
        super().__init__(feedback.message)
        self.feedback = feedback


def _is_placeholder(answer: object) -> bool:
    return answer is Ellipsis or answer is None


#: Longest piece of a learner's own answer that feedback quotes back.
ECHO_LIMIT = 40


def _clip(text: str) -> str:
    """A learner's text as feedback quotes it: at most :data:`ECHO_LIMIT` characters."""
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


def _text_answer(answer: str, expected_kind: str) -> Feedback:
    try:
        float(answer.replace("−", "-").replace(",", "."))
    except ValueError:
        return _wrong(f"you gave the text {_clip(answer)!r}; {expected_kind} is a number, "
                      "not text.")
    typed = answer.strip().replace("−", "-").replace(",", ".")  # what Python reads
    return _wrong(
        f"{_clip(answer)!r} is text (it is in quotes). Write the number without quotes: "
        f"answer = {_clip(typed)}"
    )


def _finite(value: float) -> float:
    """A learner's number, or _Rejected feedback that says where a NaN/inf comes from."""
    if math.isnan(value):
        raise _Rejected(_wrong(
            "your answer is NaN (\"not a number\"): one step had no valid result, such as 0/0, "
            "the square root of a negative number, or arccos of a number outside [−1, 1]. "
            "Print each step to find it."))
    if math.isinf(value):
        raise _Rejected(_wrong(
            "your answer is infinite: one step divided by zero or overflowed. Print each step "
            "to find it."))
    return value


def _as_float(x: object) -> float:
    """float(x), or _Rejected feedback for an integer too large for a float (10**400)."""
    try:
        return float(x)  # type: ignore[arg-type]
    except OverflowError:
        raise _Rejected(_wrong(
            "your answer holds a number too large to be right (over 10^308). Check for a "
            "power (**) where a product (*) was meant.")) from None


#: More numbers than any answer in the lessons has: refused before any slow look at them.
MAX_ENTRIES = 10_000


def _masked(answer: object, what: str) -> object:
    """A masked array with hidden entries is refused (its mask would be ignored)."""
    if isinstance(answer, np.ma.MaskedArray):
        if np.ma.is_masked(answer):
            raise _Rejected(_wrong(
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
        raise _Rejected(_wrong(
            f"you gave {size:,} numbers, far more than {what} has. Check which variable you "
            "put in answer: the result of the computation, not the data it starts from."))


def _to_number(answer: object, what: str) -> float:
    """Turn a learner's scalar answer into a float, or raise _Rejected with feedback."""
    answer = _masked(answer, what)
    _too_many(answer, what)
    if isinstance(answer, str):
        raise _Rejected(_text_answer(answer, what))
    if isinstance(answer, (bool, np.bool_)):
        raise _Rejected(_wrong(f"you gave {answer} (True/False); {what} is a number."))
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()
    comma = _decimal_comma(answer)
    if comma is not None:
        return comma
    if isinstance(answer, (list, tuple, np.ndarray)):
        try:
            shown = f"a vector {_show(answer)}"
        except (TypeError, ValueError):  # rows of unequal length, text inside: (w, x, b)
            shown = f"{len(answer)} values in brackets"
        raise _Rejected(_wrong(f"you gave {shown}, but {what} is a single number."))
    if not isinstance(answer, numbers.Real):
        raise _Rejected(_wrong(f"{what} is a number; you gave a {type(answer).__name__}."))
    return _finite(_as_float(answer))


def _decimal_comma(answer: object) -> float | None:
    """``answer = 0,42`` read as the number it means: Python makes it the pair (0, 42).

    A decimal comma is how many learners write a decimal (the quiz box accepts "0,42"
    too); as code it is a tuple of two whole numbers, the second not negative.

    Examples
    --------
    >>> _decimal_comma((0, 42)), _decimal_comma((-1, 5)), _decimal_comma((3, 4, 5))
    (0.42, -1.5, None)
    """
    if (isinstance(answer, tuple) and len(answer) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in answer)
            and answer[1] >= 0):
        if answer[1] == 0 or 100 <= answer[1] <= 999:  # 1,000 and 3,500: thousands or decimals?
            whole, part = answer
            decimal = f"{whole}.{str(part).rstrip('0') or '0'}"
            raise _Rejected(_wrong(
                f"Python reads your answer as the pair ({whole}, {part}): the comma splits "
                "it in two, and it could be a decimal comma or a thousands separator. "
                f"Write the number with a decimal point and no comma: {decimal} or "
                f"{whole}{part:03d}."))
        return float(f"{answer[0]}.{answer[1]}")
    return None


def _to_array(answer: object, what: str) -> NDArray[np.float64]:
    """Turn a learner's vector/matrix answer into a float array, or raise _Rejected."""
    answer = _masked(answer, what)
    _too_many(answer, what)
    if isinstance(answer, str):
        raise _Rejected(_wrong(f"you gave the text {_clip(answer)!r}; {what} is a list of "
                               "numbers."))
    if isinstance(answer, (bool, np.bool_)):
        raise _Rejected(_wrong(f"you gave {answer} (True/False); {what} is a list of numbers."))
    if isinstance(answer, (numbers.Number, np.generic)):
        raise _Rejected(
            _wrong(f"you gave a single number ({_show(answer)}), but {what} has several numbers.")
        )
    if not isinstance(answer, (list, tuple, np.ndarray)):
        raise _Rejected(_wrong(f"{what} is a list of numbers; you gave a {type(answer).__name__}."))
    try:
        raw = np.asarray(answer, dtype=object)
    except ValueError:  # ragged rows
        raw = None
    if raw is None:
        raise _Rejected(
            _wrong(f"{what} must contain only numbers (no text, no None, rows with the same "
                   "number of entries).")
        )
    for item in raw.flat:
        if isinstance(item, (str, bytes)):
            raise _Rejected(_wrong(
                f"{what} contains the text {_clip(str(item))!r}. Write numbers without quotes, "
                "e.g. [4, 6], not [\"4\", \"6\"]."))
        if isinstance(item, (bool, np.bool_)):
            raise _Rejected(_wrong(
                f"{what} contains {item} (True/False), which is not a number. Did a comparison "
                "(==, <) end up in the list? Write the numbers themselves."))
        if not isinstance(item, numbers.Real):
            raise _Rejected(_wrong(
                f"{what} must contain only numbers (no text, no None, rows with the same number "
                f"of entries); it contains {_kind(item)}."))
    array = np.asarray([_as_float(x) for x in raw.flat], dtype=float).reshape(raw.shape)
    for value in array.flat:
        _finite(float(value))
    return array


def _kind(item: object) -> str:
    """How feedback names a value that is not a number: "None", "a dict"."""
    return "None" if item is None else f"a {type(item).__name__}"


def _quoted(answer: object) -> str:
    """A learner's answer quoted back in feedback: short, and never a raw nan or inf."""
    if isinstance(answer, (float, np.floating)) and not math.isfinite(answer):
        return "NaN (not a number)" if math.isnan(answer) else "an infinite number"
    if isinstance(answer, str):
        return repr(_clip(answer))
    return _clip(repr(answer))


def _show(value: object) -> str:
    if isinstance(value, (numbers.Real, np.generic)) and not isinstance(value, bool):
        number = value if isinstance(value, int) else float(np.asarray(value, dtype=float))
        return format_number(number, 4, trim=True)
    array = np.asarray(value, dtype=float)
    if array.ndim == 1:
        if array.size > 8:  # quote the start of a long answer, never all of it
            return format_vector(array[:6].tolist(), 4)[:-1] + ", …]"
        return format_vector(array.tolist(), 4)
    if array.ndim == 2 and array.size <= 16:  # a small matrix, on one line, as typed
        return "[" + ", ".join(format_vector(row.tolist(), 4) for row in array) + "]"
    return np.array2string(array, precision=4, suppress_small=True, threshold=30)


def _factor(x: float) -> str:
    text = _show(x)
    return f"({text})" if text.startswith("−") else text


def _close(x: float | NDArray[np.float64], y: float | NDArray[np.float64], tol: float) -> bool:
    x_arr, y_arr = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return x_arr.shape == y_arr.shape and bool(np.all(np.abs(x_arr - y_arr) <= tol))


def _precision(tol: float) -> int | None:
    """The decimal places a tolerance asks for: 0.005 → 2, 5e-4 → 3; None for 1e-6.

    A tolerance of half a unit in the last place means "give this many decimals"; any
    other tolerance (1e-6, 1e-9) means "the exact value", within rounding error.
    """
    places = -math.log10(2 * tol) if tol > 0 else math.inf
    if not math.isfinite(places) or abs(places - round(places)) > 1e-9 or places < 0:
        return None
    return round(places)


def _written_decimals(x: float) -> int:
    """Decimal places of ``x`` as Python writes it (0.69 → 2, 0.6857 → 4, 3.0 → 0)."""
    text = repr(float(x))
    if "e" in text or "n" in text:  # 1e-07, inf, nan: as precise as a float gets
        return 17
    decimals = text.split(".")[1].rstrip("0")
    return len(decimals)


#: A computed answer carries 10+ decimals: compare it to 6 places, not to its last digit.
_MOST_DECIMALS = 6
#: ... and relative to its size: a model's float32 arrays (lesson 08) carry ~7 significant
#: digits, so a right computation can differ from the float64 value by a few 1e-7.
_COMPUTED = 1e-6


def _rounding(value: float, expected: float, tol: float) -> str | None:
    """How ``value`` relates to ``expected`` at the precision ``tol`` asks for.

    ``"right"``: within ``tol`` of it and, if it has more decimals than asked for, a correct
    rounding of it at those decimals (0.69 or 0.686 for 0.6857 at two decimals; 0.424 is
    not 0.42); ``"few decimals"``: a correct rounding with fewer decimals than asked
    (0.7 when two are asked for); None otherwise.
    """
    gap = abs(value - expected)
    wanted = _precision(tol)
    if wanted is None or gap <= 1e-9 * max(1.0, abs(expected)):  # or exact: 5 for 5.0
        return "right" if gap <= tol else None
    if abs(value - round(expected, wanted)) <= 1e-6 * max(1.0, abs(expected)):
        return "right"  # exactly the rounding asked for (0.20 is typed, 0.2 is stored)
    written = min(_written_decimals(value), _MOST_DECIMALS)
    half_unit = 0.5 * 10.0 ** -written * (1 + 1e-9) + 1e-12
    if _written_decimals(value) > _MOST_DECIMALS:  # computed, not typed: allow for float32
        half_unit = max(half_unit, _COMPUTED * max(1.0, abs(expected)))
    if written >= wanted:
        return "right" if gap <= min(tol, half_unit) * (1 + 1e-9) + 1e-12 else None
    return "few decimals" if gap <= half_unit else None


def _decimals_message(what: str, tol: float) -> str:
    wanted = _precision(tol) or 2
    places = "decimal place" if wanted == 1 else "decimal places"
    return (f"close: that is {what} rounded too far. Give {wanted} {places} "
            "(or more), rounding only the final answer.")


def _entries(array: NDArray[np.float64], target: NDArray[np.float64], tol: float) -> str | None:
    """:func:`_rounding` for every entry: "right", "few decimals" or None."""
    if array.shape != target.shape:
        return None
    verdicts = {_rounding(float(v), float(t), tol) for v, t in zip(array.flat, target.flat,
                                                                    strict=True)}
    if verdicts <= {"right"}:
        return "right"
    if None in verdicts:
        return None
    return "few decimals"


def _guard(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Run a checker; an answer of the wrong kind becomes feedback, not a traceback."""

    def wrapper(answer: object, *args: Any, **kwargs: Any) -> Feedback:
        if _is_placeholder(answer):
            return _NOT_YET
        try:
            return check(answer, *args, **kwargs)
        except _Rejected as rejected:
            return rejected.feedback

    wrapper.__name__ = check.__name__
    wrapper.__qualname__ = check.__qualname__
    wrapper.__doc__ = check.__doc__
    wrapper.__module__ = check.__module__
    return wrapper


Hints = Iterable[tuple[Any, str]]


def _scalar_verdict(value: float, expected: float, tol: float, what: str, hints: Hints,
                    decimals: int = 4, unit: str = "") -> Feedback:
    verdict = _rounding(value, expected, tol)
    if verdict == "right":
        return _right(f"{what} = {format_number(expected, decimals)}{unit}.")
    for wrong_value, message in hints:
        if _rounding(value, float(wrong_value), tol) == "right":
            return _wrong(message)
    if verdict == "few decimals":
        return _wrong(_decimals_message(what, tol))
    if expected != 0 and abs(value + expected) <= tol:
        return _wrong("the size is right but the sign is wrong. Check each minus sign: "
                      "a negative product is subtracted.")
    gap = abs(value - expected)
    if gap <= max(0.02 * abs(expected), 20 * tol):
        written = _written_decimals(value)
        wanted = _precision(tol)
        if wanted is not None and written <= _MOST_DECIMALS:
            return _wrong(  # e.g. 0.424 for 0.42: the last decimal written is wrong
                f"very close, but {format_number(value, written)} is off by "
                f"{format_number(gap, max(written, wanted) + 1, trim=True)}, so its last "
                "decimal place is wrong. Keep all decimals until the end and round only the "
                "final answer.")
        places = max(4, (wanted or 0) + 1)  # enough digits to tell the two apart
        if gap <= tol:  # a computed value, close, yet not a rounding of the right one
            return _wrong(
                f"very close, but off by {format_number(gap, places + 2, trim=True)}: a "
                "computed answer should agree to about 6 digits. Keep all decimals until "
                "the end and round only the final answer.")
        return _wrong(
            f"very close, but off by {format_number(gap, places, trim=True)}, more than the "
            f"tolerance ({format_number(tol, places, trim=True)}). Keep all decimals until the "
            "end and round only the final answer."
        )
    direction = "too large" if value > expected else "too small"
    shown = format_number(value, min(4, _written_decimals(value)))  # 0.5 stays 0.5
    return _wrong(f"{shown} is {direction}. Redo the working step by step.")


@_guard
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
    target = _given_number(expected, "expected")
    tol = _given_number(tol, "tol", positive=True)
    return _scalar_verdict(_to_number(answer, what), target, tol, what, hints)


@_guard
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
    target = _given_table(expected, "expected")
    tol = _given_number(tol, "tol", positive=True)
    array = _to_array(answer, what)
    verdict = _entries(array, target, tol)
    if verdict == "right":
        return _right(f"{what} = {_show(target)}.")
    for wrong_value, message in hints:
        if _entries(array, np.asarray(wrong_value, dtype=float), tol) == "right":
            return _wrong(message)
    if target.ndim == 2 and verdict is None and _entries(array, target.T, tol) == "right":
        return _wrong(f"{what} is transposed: rows and columns are swapped. Rows are the "
                      "first factor's rows (queries), columns the second's (keys).")
    if array.shape != target.shape:
        if target.ndim == 1 and array.ndim == 1:
            return _wrong(f"{what} should have {target.size} numbers; yours has {array.size}.")
        return _wrong(f"{what} should have shape {target.shape}; yours has shape {array.shape}.")
    if verdict == "few decimals":
        return _wrong(_decimals_message(what, tol))
    if np.any(target) and _entries(array, -target, tol) == "right":
        return _wrong("every sign is flipped: the sizes are right but each number has the "
                      "opposite sign. Check the order of a subtraction or a stray minus.")
    if target.ndim == 1:
        bad = [i for i in range(target.size)
               if _rounding(float(array[i]), float(target[i]), tol) != "right"]
        where = ", ".join(str(i) for i in bad)
        plural = "positions" if len(bad) > 1 else "position"
        rest = "; the others are right." if len(bad) < target.size else "."
        return _wrong(f"{plural} {where} (counting from 0) {'are' if len(bad) > 1 else 'is'} "
                      f"off{rest}")
    bad_rows = sorted({i for i in range(target.shape[0])
                       if _entries(array[i], target[i], tol) != "right"})
    if len(bad_rows) == target.shape[0]:
        return _wrong("every row is off.")
    if len(bad_rows) == 1:
        rest = "the other row is right" if target.shape[0] == 2 else "the others are right"
        return _wrong(f"row {bad_rows[0]} (counting from 0) is off; {rest}.")
    return _wrong(f"rows {', '.join(map(str, bad_rows))} (counting from 0) are off; the "
                  "other rows are right.")


Array = NDArray[np.float64]


def _pair(a: Sequence[float], b: Sequence[float]) -> tuple[Array, Array]:
    """The exercise's own vectors, checked (a bad exercise raises a clear error)."""
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="this exercise")
    try:
        return np.asarray(va, dtype=float), np.asarray(vb, dtype=float)
    except OverflowError:
        raise OverflowError("the exercise's vectors hold a number too large for a float "
                            "(over 10^308); use smaller numbers.") from None


def _nonzero_pair(a: Sequence[float], b: Sequence[float], what: str) -> tuple[Array, Array]:
    """Like :func:`_pair`, and both vectors must have a length (no zero vector)."""
    va, vb = _pair(a, b)
    for name, v in (("a", va), ("b", vb)):
        if not np.any(v):
            raise ValueError(
                f"{name} has zero length (every number is 0), so {what} is undefined: a zero "
                "vector points in no direction. Give this exercise a vector with a nonzero "
                "number.")
    return va, vb


def _given_number(x: object, name: str, *, positive: bool = False) -> float:
    """A number the exercise gives (an expected value, a tolerance): a clear error if not."""
    value = float(as_number(x, name))
    if positive and value < 0:
        raise ValueError(f"{name} is {format_number(value, 4, trim=True)}, but it must not be "
                         f"negative. Give a positive number, e.g. {name}=0.005.")
    return value


def _given_table(x: object, name: str, *, ndim: int | None = None) -> Array:
    """A vector or table the exercise gives: numbers only, finite, not empty; else an error."""
    arr = as_matrix(x, name) if ndim == 2 else np.asarray(
        as_vector(x, name), dtype=float) if ndim == 1 else as_float_array(x, name)
    out: Array = np.asarray(arr, dtype=np.float64)
    arr = out
    if arr.size == 0:
        raise ValueError(f"{name} is empty, so the exercise has no right answer. Give {name} "
                         f"numbers, e.g. {name}=[4, 6].")
    if not np.isfinite(arr).all():
        where = ", ".join(str(int(i)) for i in np.argwhere(~np.isfinite(arr))[0])
        kind = "NaN (not a number)" if np.isnan(arr).any() else "infinite"
        raise ValueError(f"{name}[{where}] is {kind}, so the exercise has no right answer. "
                         f"Replace it with an ordinary number in {name}.")
    return out


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


@_guard
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
    va, vb = _pair(a, b)
    products = va * vb
    expected = float(products.sum())
    tol = 1e-9 if _int_like(va, vb) else 0.005
    comma = _decimal_comma(answer)  # 0,42 typed for 0.42, unless those ARE the products
    if (isinstance(answer, (list, tuple, np.ndarray)) and _ndim(answer) == 1
            and (comma is None or _close(np.asarray(answer, dtype=float), products, tol))):
        array = _to_array(answer, "a·b")
        if _close(array, products, tol):
            return _wrong(f"you returned the products {_show(products)} — now add them up.")
        if _close(array, va + vb, tol):
            return _wrong("you added matching positions; the dot product MULTIPLIES matching "
                          "positions, then adds those products into one number.")
        return _wrong(f"you gave a vector {_show(array)}, but a dot product is ONE number: "
                      "multiply matching positions, then add the products.")
    value = _to_number(answer, "a·b")
    hints: list[tuple[float, str]] = []
    for i, p in enumerate(products):
        if products.size > 1 and p != 0:
            hints.append((expected - p,
                          f"you left out a term: {format_number(expected - p, 4)} is the sum "
                          f"without {_show(va[i])}·{_show(vb[i])} = {_show(p)}. "
                          "Every position counts."))
    negative = np.flatnonzero(products < 0)
    if negative.size:
        i = int(negative[0])
        hints.append((float(np.abs(products).sum()),
                      "you added every product as positive. A negative product is subtracted: "
                      f"{_factor(va[i])}·{_factor(vb[i])} = {_show(products[i])} pulls the total "
                      "down."))
    hints.append((float(va.sum() + vb.sum()),
                  "you added all the numbers. Multiply each pair of matching positions first, "
                  "then add the products."))
    return _scalar_verdict(value, expected, tol, "a·b", hints, decimals=2)


@_guard
def check_add(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check a vector sum a + b (lesson 01).

    Examples
    --------
    >>> check_add([4, 6], [1, 2], [3, 4])
    ✓ Correct! a + b = [4, 6].
    >>> check_add([1, 2, 3, 4], [1, 2], [3, 4])
    ✗ Not yet: that is [1, 2] and [3, 4] joined end to end: Python's + on lists ...
    """
    va, vb = _pair(a, b)
    hints = [
        (np.concatenate([va, vb]),
         f"that is {_show(va)} and {_show(vb)} joined end to end: Python's + on lists "
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


@_guard
def check_scale(answer: object, c: float, a: Sequence[float]) -> Feedback:
    """Check a scaled vector c·a (lesson 01).

    Examples
    --------
    >>> check_scale([2, 4], 2, [1, 2])
    ✓ Correct! c·a = [2, 4].
    >>> check_scale([1, 2, 1, 2], 2, [1, 2])
    ✗ Not yet: multiplying a Python list by 2 repeats the list. Multiply every number: ...
    """
    va = _given_table(a, "a", ndim=1)
    c = _given_number(c, "c")
    hints: list[tuple[Any, str]] = [
        (va + c, f"you added {_show(c)} to every number; scaling MULTIPLIES every number by it."),
    ]
    if float(c).is_integer() and c > 0:
        hints.append((np.tile(va, int(c)),
                      f"multiplying a Python list by {_show(c)} repeats the list. Multiply every "
                      f"number: ll.scale({_show(c)}, a) or {_show(c)} * np.array(a)."))
    feedback = check_vector(answer, c * va, tol=1e-9, hints=hints, what="c·a")
    return feedback if feedback.ok else _one_slip(answer, c * va, feedback, [
        (lambda i, x: x == va[i] and c != 1,
         "position {i} is not scaled: {a} must be multiplied by " + _show(c) + " too; "
         "scaling multiplies EVERY number."),
        (lambda i, x: x == -c * va[i] and va[i] != 0,
         "position {i} has the wrong sign: " + _show(c) + " × ({a}) keeps the sign of {a}.")],
        va, va)


def _one_slip(answer: object, expected: NDArray[np.float64], feedback: Feedback,
              slips: list[tuple[Callable[[int, float], bool], str]], va: NDArray[np.float64],
              vb: NDArray[np.float64]) -> Feedback:
    """Name the slip in the one wrong position of a vector answer, if it is a known one."""
    try:
        array = _to_array(answer, "the answer")
    except _Rejected:
        return feedback
    if array.shape != expected.shape or array.ndim != 1:
        return feedback
    bad = [i for i in range(array.size) if abs(array[i] - expected[i]) > 1e-9]
    if len(bad) != 1:
        return feedback
    i = bad[0]
    for test, message in slips:
        if test(i, float(array[i])):
            return _wrong(message.format(i=f"{i} (counting from 0)", a=_show(va[i]),
                                         b=_show(vb[i])))
    return feedback


@_guard
def check_norm(answer: object, a: Sequence[float]) -> Feedback:
    """Check a length ‖a‖ (lesson 01).

    Examples
    --------
    >>> check_norm(5, [3, 4])
    ✓ Correct! ‖a‖ = 5.
    >>> check_norm(25, [3, 4])
    ✗ Not yet: 25 is ‖a‖², the sum of the squares. Take the square root: ‖a‖ = √(a₁² + a₂² + …).
    """
    va = _given_table(a, "a", ndim=1)
    squares = float(va @ va)
    hints = [
        (squares, f"{format_number(squares, 4)} is ‖a‖², the sum of the squares. Take the "
                  "square root: ‖a‖ = √(a₁² + a₂² + …)."),
        (float(np.abs(va).sum()), "you added the sizes of the numbers. The length squares each "
                                  "number, adds the squares, then takes the square root."),
        (float(va.sum()), "you added the numbers. Square each one first, add, then take the "
                          "square root."),
    ]
    value = _to_number(answer, "‖a‖")
    return _scalar_verdict(value, math.sqrt(squares), 0.005, "‖a‖", hints, decimals=2)


@_guard
def check_cosine(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check a cosine similarity a·b / (‖a‖‖b‖) to 4 decimal places (lesson 03).

    Examples
    --------
    >>> check_cosine(0.9746, [1, 2, 3], [4, 5, 6])
    ✓ Correct! cos θ = 0.9746.
    >>> check_cosine(32, [1, 2, 3], [4, 5, 6])
    ✗ Not yet: 32 is the raw dot product a·b. Divide it by ‖a‖‖b‖ to remove the lengths.
    """
    va, vb = _nonzero_pair(a, b, "the cosine similarity")
    d, na, nb = float(va @ vb), float(np.sqrt(va @ va)), float(np.sqrt(vb @ vb))
    expected = d / (na * nb)
    value = _to_number(answer, "cos θ")
    if abs(value) > 1 + 1e-9 and abs(value - d) > 5e-4:
        angle = math.degrees(math.acos(max(-1.0, min(1.0, expected))))
        if abs(value - angle) <= 0.5:
            return _wrong("that looks like the angle in degrees. Cosine similarity is cos θ, "
                          "a number between −1 and 1.")
    hints = [
        (d, f"{format_number(d, 4)} is the raw dot product a·b. Divide it by ‖a‖‖b‖ to remove "
            "the lengths."),
        (d / na, "you divided by ‖a‖ only; divide by ‖a‖ AND ‖b‖."),
        (d / nb, "you divided by ‖b‖ only; divide by ‖a‖ AND ‖b‖."),
        (d / (na * na * nb * nb), "you divided by the squared lengths; use ‖a‖‖b‖ (the roots)."),
    ]
    return _scalar_verdict(value, expected, 5e-5, "cos θ", hints)  # 4 decimals, as asked


@_guard
def check_angle(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check an angle between two vectors, in degrees, to 0.1° (lesson 03; in any
    dimension, lesson 05).

    Examples
    --------
    >>> check_angle(32.3, [1.8, 1.2], [0.8, 1.8])
    ✓ Correct! θ = 32.3°.
    >>> check_angle(0.5646, [1.8, 1.2], [0.8, 1.8])
    ✗ Not yet: that is the angle in radians. Convert it: math.degrees(θ) or θ·180/π.
    >>> check_angle(float("nan"), [1, 2, 2, 0], [0, -2, 1, 2])  # arccos(a·b) = arccos(−2)
    ✗ Not yet: your answer is "not a number": arccos was given a number outside [−1, 1]. ...
    """
    va, vb = _nonzero_pair(a, b, "the angle")
    d, na, nb = float(va @ vb), float(np.sqrt(va @ va)), float(np.sqrt(vb @ vb))
    cos = float(np.clip(d / (na * nb), -1.0, 1.0))
    radians = math.acos(cos)
    expected = math.degrees(radians)
    if isinstance(answer, float) and math.isnan(answer):  # arccos of a number outside [−1, 1]
        return _wrong("your answer is \"not a number\": arccos was given a number outside "
                      "[−1, 1]. Cauchy–Schwarz keeps a·b / (‖a‖‖b‖) inside, so check that you "
                      "divided a·b by BOTH lengths, ‖a‖‖b‖.")
    hints = [
        (radians, "that is the angle in radians. Convert it: math.degrees(θ) or θ·180/π."),
        (cos, "that is cos θ. Take the inverse cosine: math.degrees(math.acos(cos θ))."),
        (180 - expected, "that is 180° minus the angle: check the sign of a·b (positive means "
                         "less than 90°)."),
        (d, f"{format_number(d, 4)} is the dot product a·b. Divide it by ‖a‖‖b‖ to get cos θ, "
            "then take the inverse cosine."),
    ]
    wrong_ratios = [
        (d / na, "you divided a·b by ‖a‖ only; divide by ‖a‖ AND ‖b‖, then take arccos."),
        (d / nb, "you divided a·b by ‖b‖ only; divide by ‖a‖ AND ‖b‖, then take arccos."),
        (d / (na * na * nb * nb), "you divided a·b by the squared lengths (a·a)(b·b); divide "
                                  "by ‖a‖‖b‖, their square roots, then take arccos."),
    ]
    hints += [(math.degrees(math.acos(r)), message) for r, message in wrong_ratios
              if abs(r) <= 1 and abs(r - cos) > 1e-9]  # arccos has an answer only in [−1, 1]
    value = _to_number(answer, "θ")
    # 1 decimal, as the lesson asks: half a unit of the last place, like every checker
    return _scalar_verdict(value, expected, 0.05, "θ", hints, decimals=1, unit="°")


@_guard
def check_projection(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check the vector projection of a onto b, (a·b / b·b) b (lesson 03).

    Examples
    --------
    >>> check_projection([3, 0], [3, 4], [2, 0])
    ✓ Correct! the projection of a onto b = [3, 0].
    >>> check_projection(3, [3, 4], [2, 0])
    ✗ Not yet: 3 is the scalar projection (the length of the shadow). The vector projection ...
    """
    va, vb = _pair(a, b)
    if not np.any(vb):
        raise ValueError("b has zero length (every number is 0), so there is no direction to "
                         "project onto. Give this exercise a nonzero b.")
    expected = (va @ vb) / (vb @ vb) * vb
    if not isinstance(answer, (list, tuple, np.ndarray)):
        value = _to_number(answer, "the projection")
        scalar = float(va @ vb / np.sqrt(vb @ vb))
        if abs(value - scalar) <= 0.005:
            return _wrong(f"{format_number(value, 4)} is the scalar projection (the length of the "
                          "shadow). The vector projection multiplies it by the unit vector of b: "
                          "(a·b / ‖b‖) · b/‖b‖.")
    hints = [
        (va, "that is a itself. The projection is the shadow of a on b, so it points along b: "
             "(a·b / b·b) b."),
        ((va @ vb) / (va @ va) * va, "you projected b onto a. Project a onto b: (a·b / b·b) b."),
        ((va @ vb) * vb, "you forgot to divide by b·b = ‖b‖²."),
        ((va @ vb) / np.sqrt(vb @ vb) * vb, "divide by b·b = ‖b‖², not by ‖b‖."),
    ]
    return check_vector(answer, expected, tol=0.005, hints=hints,
                        what="the projection of a onto b")


_LETTER = re.compile(r"^\(?([a-z])(?:\)|\.|:|\s|$)\)?\s*(.*)$")


def _choice_text(x: object) -> str:
    """An option's text in one canonical form: "6 × 6", "(6, 6)", "6x6" → "6x6"."""
    if isinstance(x, (tuple, list)):
        x = "x".join(str(v) for v in x)
    text = " ".join(str(x).strip().lower().split())
    text = re.sub(r"(?<=\d)\s*(?:×|\*|x|,)\s*(?=\d)", "x", text)  # 6 × 6, 6*6, 6, 6
    return text.strip("()[] ").replace(" ", "")


def _choice(answer: object, options: Mapping[str, str]) -> str | None:
    """The letter a learner chose: "B", "b", "B)", "(B)", "B) 6 × 6", or the option's value."""
    if not isinstance(answer, (str, tuple, list)):
        return None
    if isinstance(answer, str):
        match = _LETTER.match(answer.strip().lower())
        if match and match.group(1).upper() in options:
            letter, rest = match.group(1).upper(), match.group(2)
            if not rest or _choice_text(rest) == _choice_text(options[letter]):
                return letter
    text = _choice_text(answer)
    found = [letter for letter, option in options.items() if _choice_text(option) == text]
    return found[0] if len(found) == 1 else None


@_guard
def check_choice(answer: object, correct: str, *,
                 explanations: dict[str, str] | None = None,
                 options: Mapping[str, str] | None = None) -> Feedback:
    """Check a multiple-choice answer given as a letter or the option's text.

    With ``options`` (letter → option text) a learner may answer the letter in any common
    form ("B", "b", "B)", "(B)", "B) 6 × 6") or the option's own value ("6 × 6", "6x6",
    ``(6, 6)``). Without it, the answer is compared with ``correct`` and the keys of
    ``explanations`` (letters or words such as "milk").

    Examples
    --------
    >>> check_choice("b", "B", explanations={"A": "A vector is what you get from a + b."})
    ✓ Correct! B.
    >>> check_choice("A", "B", explanations={"A": "A vector is what you get from a + b."})
    ✗ Not yet: A vector is what you get from a + b.
    >>> shapes = {"A": "6 × 64", "B": "6 × 6", "C": "64 × 64"}
    >>> [check_choice(r, "B", options=shapes).ok for r in ("(B)", "B) 6 × 6", (6, 6), "6x6")]
    [True, True, True, True]
    """
    if not isinstance(correct, str) or not correct.strip():
        raise TypeError(f"correct is {correct!r}, not the right option. Give its letter or "
                        "its text, e.g. correct=\"B\".")
    if options is not None:
        options = _given_options(options)
        if correct.strip().upper() not in options:
            raise ValueError(f"correct is {correct!r}, but the options are "
                             f"{', '.join(options)}. Give the letter of the right option, "
                             "e.g. correct=\"B\".")
        correct = correct.strip().upper()
    if options:
        letter = _choice(answer, options)
        if letter == correct.upper():
            return _right(f"{correct}) {options[correct.upper()]}.")
        if letter is not None and explanations and letter in explanations:
            return _wrong(explanations[letter])
        if letter is not None:
            return _wrong(f"{letter}) {options[letter]} is not it; reread the question.")
        listed = ", ".join(f"{k}) {v}" for k, v in options.items())
        return _wrong(f"{_quoted(answer)} is not one of the options ({listed}); "
                      "answer with a letter, e.g. \"B\".")
    given = _normalise_choice(answer)
    if given == _normalise_choice(correct):
        return _right(f"{correct}.")
    for option, why in (explanations or {}).items():
        if given == _normalise_choice(option):
            return _wrong(why)
    return _wrong(f"{_quoted(answer)} is not the right choice; reread the question and try "
                  "another.")


def _given_options(options: object) -> dict[str, str]:
    """An exercise's options (letter → text): texts, and no two that read the same."""
    if not isinstance(options, Mapping):
        raise TypeError(f"options is {_clip(repr(options))}, not letters with their options. "
                        "Give a dict, e.g. options={\"A\": \"6 × 64\", \"B\": \"6 × 6\"}.")
    out: dict[str, str] = {}
    seen: dict[str, str] = {}
    for letter, text in options.items():
        if not isinstance(letter, str) or not isinstance(text, str | int | float) or \
                isinstance(text, bool):
            raise TypeError(f"options has {letter!r}: {text!r}; give each option as a letter "
                            "and its text, e.g. \"B\": \"6 × 6\".")
        key = _choice_text(text)
        if key in seen:
            raise ValueError(f"options {seen[key]} and {letter} read the same ({text!r}), so "
                             "a learner cannot tell them apart. Give each option its own text.")
        seen[key] = letter.upper()
        out[letter.upper()] = str(text)
    return out


def _normalise_choice(x: object) -> str:
    text = " ".join(str(x).strip().split()).lower()
    match = _LETTER.match(text)  # "b)", "(b)", "b." → "b"
    return match.group(1) if match and not match.group(2) else text.strip("()")


def _softmax_rows(x: NDArray[np.float64], axis: int = -1) -> NDArray[np.float64]:
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def _weights_hints(scores: NDArray[np.float64]) -> list[tuple[Any, str]]:
    """Anticipated wrong weights of a softmax over ``scores`` (1-D, or one row per query)."""
    hints: list[tuple[Any, str]] = []
    two = np.power(2.0, scores - scores.max(axis=-1, keepdims=True))
    hints.append((two / two.sum(axis=-1, keepdims=True),
                  "you used 2^score; softmax uses e^score (np.exp), which spreads the "
                  "weights further apart."))
    size = np.abs(scores).sum(axis=-1, keepdims=True)
    if np.all(size != 0):
        hints.append((scores / size,
                      "you divided each score by the row's sum of scores (an L1 "
                      "normalisation); softmax exponentiates first, e^score / Σ e^score, "
                      "which keeps every weight positive and favours the largest score."))
    return hints


def _order_diagnosis(array: NDArray[np.float64], target: NDArray[np.float64],
                     tol: float) -> str | None:
    """Right numbers, wrong places: rows swapped, entries reordered, or a row's weights
    right in proportion but not summing to 1 (a softmax over more keys, then cut)."""
    if array.shape != target.shape or _entries(array, target, tol) is not None:
        return None
    if target.ndim == 2 and target.shape[0] > 1:
        rows = sorted(range(target.shape[0]), key=lambda i: tuple(np.round(array[i], 2)))
        goal = sorted(range(target.shape[0]), key=lambda i: tuple(np.round(target[i], 2)))
        if _entries(array[rows], target[goal], tol) == "right":
            return ("the right rows in the wrong order: row i must be query i's weights, in "
                    "the order of the queries.")
    if _entries(np.sort(array, axis=None), np.sort(target, axis=None), tol) == "right":
        return ("the right numbers in the wrong order: weight i belongs to score i (key i), "
                "so the largest score gets the largest weight.")
    sums = array.sum(axis=-1, keepdims=True)
    if np.all(array > 0) and np.all(sums > 0) and not np.allclose(sums, 1, atol=tol):
        if _entries(array / sums, target, max(tol, 0.005)) == "right":
            return ("right in proportion, but the weights do not sum to 1: did the softmax "
                    "run over more keys than these, and then you cut out this corner? "
                    "Apply softmax to these scores only, so each row sums to 1.")
    return None


@_guard
def check_softmax(answer: object, scores: Sequence[float] | NDArray[np.float64]) -> Feedback:
    """Check a softmax of scores: each row becomes positive weights that sum to 1 (lesson 07).

    Examples
    --------
    >>> import numpy as np
    >>> s = [2.0, 1.0, 0.0]
    >>> check_softmax(np.exp(s) / np.exp(s).sum(), s)
    ✓ Correct! the softmax weights = [0.6652, 0.2447, 0.09].
    >>> check_softmax(np.exp(s), s)
    ✗ Not yet: you exponentiated but did not divide by the row's sum, so the weights do not ...
    """
    s = _given_table(scores, "scores")
    if s.ndim > 2:
        raise ValueError(f"scores has shape {s.shape}; give one row of scores, or one row per "
                         "query (2-D), e.g. scores=[2.0, 1.0, 0.0].")
    expected = _softmax_rows(s)
    hints: list[tuple[Any, str]] = [
        (np.exp(s), "you exponentiated but did not divide by the row's sum, so the weights do not "
                    "add up to 1."),
        (s, "these are the raw scores: softmax turns them into weights (exponentiate, then divide "
            "by the row's sum)."),
    ]
    if np.all(s.sum(axis=-1) != 0):
        hints.append((s / s.sum(axis=-1, keepdims=True),
                      "you divided the scores by their sum without exponentiating first; "
                      "softmax uses e^score, which keeps every weight positive."))
    if s.ndim == 2 and s.shape[0] == s.shape[1]:
        hints.append((_softmax_rows(s, axis=0),
                      "softmax went down the columns. Each ROW (one query) must sum to 1: "
                      "use axis=-1."))
    hints += _weights_hints(s)
    return _check_weights(answer, expected, hints, "the softmax weights")


def _check_weights(answer: object, expected: NDArray[np.float64], hints: Hints,
                   what: str) -> Feedback:
    """check_vector at 2 decimals, with the order and proportion diagnoses of weights."""
    feedback = check_vector(answer, expected, tol=0.005, hints=hints, what=what)
    if feedback.ok or any(message == feedback.message for _, message in hints):
        return feedback
    said = _order_diagnosis(_to_array(answer, what), expected, 0.005)
    return _wrong(said) if said else feedback


@_guard
def check_attention_weights(answer: object, Q: Sequence[Sequence[float]] | NDArray[np.float64],
                            K: Sequence[Sequence[float]] | NDArray[np.float64], *,
                            scale: bool = True) -> Feedback:
    """Check attention weights softmax(QKᵀ/√d_k), one row per query (lesson 07).

    Examples
    --------
    >>> import numpy as np
    >>> Q = np.array([[1.0, 0.0], [0.0, 1.0]]); K = np.array([[1.0, 1.0], [0.0, 2.0]])
    >>> check_attention_weights(Q @ K.T, Q, K)
    ✗ Not yet: these are the raw scores QKᵀ, not the weights. Divide by √d_k, then apply ...
    """
    q, k = _given_table(Q, "Q", ndim=2), _given_table(K, "K", ndim=2)
    if q.shape[1] != k.shape[1]:
        raise ValueError(f"Q has rows of {q.shape[1]} numbers but K has rows of {k.shape[1]}: "
                         "each query and key needs the same number of components (the same "
                         "dimension). Give Q and K rows of one size.")
    raw = q @ k.T
    d_k = k.shape[-1]
    scaled = raw / math.sqrt(d_k) if scale else raw
    expected = _softmax_rows(scaled)
    hints: list[tuple[Any, str]] = [
        (raw, "these are the raw scores QKᵀ, not the weights. "
              + ("Divide by √d_k, then apply softmax to each row." if scale else
                 "Apply softmax to each row.")),
        (scaled, "these are the scaled scores; they are not weights yet. Apply softmax to each row "
                 "so each row sums to 1."),
        (_softmax_rows(scaled, axis=0), "softmax went down the columns. Each ROW (one query) must "
                                        "sum to 1: use axis=-1."),
        (_softmax_rows(scaled).T, "you have the transpose: rows must be queries and columns keys "
                                  "(Q Kᵀ, not K Qᵀ)."),
    ]
    if scale:
        hints += [
            (_softmax_rows(raw), f"you forgot to divide by √d_k = √{d_k} before the softmax."),
            (_softmax_rows(raw / d_k), f"you divided by d_k = {d_k}; divide by its square "
                                       f"root, √d_k = √{d_k}."),
        ]
    whole = np.exp(scaled - scaled.max())
    hints.append((whole / whole.sum(), "the softmax ran over the whole table, so all the "
                                       "numbers together sum to 1. Apply it to each row "
                                       "separately (axis=-1): each query shares out its own "
                                       "attention."))
    reversed_scores = k @ q.T / math.sqrt(d_k) if scale else k @ q.T
    hints.append((_softmax_rows(reversed_scores),
                  "you computed K Qᵀ (keys against queries). The scores are Q Kᵀ: row i is "
                  "query i against every key."))
    if q.shape[-1] == k.shape[0]:  # Q @ K (no .T) has a shape only when d_k = n_keys
        hints.append((_softmax_rows((q @ k) / math.sqrt(d_k) if scale else q @ k),
                      "you used K instead of its transpose: the scores are Q @ K.T (each query "
                      "against each key)."))
    hints += _weights_hints(scaled)
    return _check_weights(answer, expected, hints, "the attention weights")


@_guard
def check_sigmoid(answer: object, z: float) -> Feedback:
    """Check a neuron's activation σ(z) = 1 / (1 + e^(−z)) (lesson 04).

    Examples
    --------
    >>> check_sigmoid(0.5, 0.0)
    ✓ Correct! σ(z) = 0.5000.
    >>> check_sigmoid(2.0, 2.0)
    ✗ Not yet: 2 is z itself, the weighted sum. Apply the activation: σ(z) = 1 / (1 + e^(−z)).
    """
    z = _given_number(z, "z")
    expected = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
    hints: list[tuple[float, str]] = [
        (z, f"{format_number(z, 4)} is z itself, the weighted sum. Apply the activation: "
            "σ(z) = 1 / (1 + e^(−z))."),
        (max(z, 0.0), "that is ReLU(z) = max(0, z); this neuron uses the sigmoid σ(z)."),
    ]
    if abs(z) < 700:  # beyond that e^(±z) overflows and neither mistake is plausible
        hints += [
            (math.exp(-z), "that is e^(−z); σ(z) = 1 / (1 + e^(−z)): add 1, then take 1 over it."),
            (1.0 / (1.0 + math.exp(z)),
             "you used e^(+z); the sigmoid has e^(−z), so σ(z) is above 0.5 when z > 0."),
        ]
    value = _to_number(answer, "σ(z)")
    return _scalar_verdict(value, expected, 0.005, "σ(z)", hints, decimals=4)


@_guard
def check_clip(answer: object, g: Sequence[float], max_norm: float) -> Feedback:
    """Check gradient clipping by norm: g scaled to length ``max_norm`` if longer (lesson 05).

    Examples
    --------
    >>> check_clip([3, 4], [6, 8], 5)
    ✓ Correct! the clipped gradient = [3, 4].
    >>> check_clip([0.6, 0.8], [6, 8], 5)
    ✗ Not yet: that is the unit vector g/‖g‖ (length 1). Scale it to max_norm: g · max_norm/‖g‖.
    """
    vg = _given_table(g, "g", ndim=1)
    max_norm = _given_number(max_norm, "max_norm", positive=True)
    length = float(np.sqrt(vg @ vg))
    expected = vg * (max_norm / length) if length > max_norm else vg
    hints: list[tuple[Any, str]] = [
        (vg / (vg @ vg) * max_norm if length else vg,
         "you divided by g·g = ‖g‖²; divide by ‖g‖ = √(g·g) instead."),
        (np.clip(vg, -max_norm, max_norm),
         "you clipped each number separately (clip by value); clip by norm rescales the whole "
         "vector so its direction is kept."),
    ]
    if length:
        hints.insert(0, (vg / length, "that is the unit vector g/‖g‖ (length 1). Scale it to "
                                      "max_norm: g · max_norm/‖g‖."))
    if length > max_norm:
        hints.append((vg, f"‖g‖ = √(g·g) = {format_number(length, 4, trim=True)} is more than "
                          f"max_norm = {format_number(max_norm, 4, trim=True)}, so g must be "
                          "scaled down to that length."))
    if length <= max_norm:
        hints.append((vg * (max_norm / length) if length else vg,
                      f"‖g‖ = {format_number(length, 4)} is already within max_norm, so g is "
                      "left unchanged: only clip when it is too long."))
    return check_vector(answer, expected, tol=0.005, hints=hints, what="the clipped gradient")
