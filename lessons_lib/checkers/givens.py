"""The exercise's own numbers (vectors, an expected value, a tolerance), checked once:
a bad exercise raises a clear error, never a wrong verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from lessons_lib._validate import (
    as_float_array,
    as_matrix,
    as_number,
    as_vector,
    same_length,
)
from lessons_lib.formatting import format_number

__all__ = ["Array", "given_nonzero_pair", "given_number", "given_pair", "given_table"]

Array = NDArray[np.float64]


def given_pair(a: Sequence[float], b: Sequence[float]) -> tuple[Array, Array]:
    """The exercise's own vectors, checked (a bad exercise raises a clear error).

    Examples
    --------
    >>> given_pair([1, 2], [3, 4])
    (array([1., 2.]), array([3., 4.]))
    >>> given_pair([1, 2], [3, 4, 5])
    Traceback (most recent call last):
    ...
    ValueError: ...
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="this exercise")
    try:
        return np.asarray(va, dtype=float), np.asarray(vb, dtype=float)
    except OverflowError:
        raise OverflowError("the exercise's vectors hold a number too large for a float "
                            "(over 10^308); use smaller numbers.") from None


def given_nonzero_pair(a: Sequence[float], b: Sequence[float], what: str) -> tuple[Array, Array]:
    """Like :func:`given_pair`, and both vectors must have a length (no zero vector).

    Examples
    --------
    >>> given_nonzero_pair([0, 0], [3, 4], "the angle")
    Traceback (most recent call last):
    ...
    ValueError: a has zero length (every number is 0), so the angle is undefined: ...
    """
    va, vb = given_pair(a, b)
    for name, v in (("a", va), ("b", vb)):
        if not np.any(v):
            raise ValueError(
                f"{name} has zero length (every number is 0), so {what} is undefined: a zero "
                "vector points in no direction. Give this exercise a vector with a nonzero "
                "number.")
    return va, vb


def given_number(x: object, name: str, *, positive: bool = False) -> float:
    """A number the exercise gives (an expected value, a tolerance): a clear error if not.

    Examples
    --------
    >>> given_number(0.005, "tol", positive=True)
    0.005
    >>> given_number(-1, "tol", positive=True)
    Traceback (most recent call last):
    ...
    ValueError: tol is −1, but it must not be negative. Give a positive number, e.g. tol=0.005.
    """
    value = float(as_number(x, name))
    if positive and value < 0:
        raise ValueError(f"{name} is {format_number(value, 4, trim=True)}, but it must not be "
                         f"negative. Give a positive number, e.g. {name}=0.005.")
    return value


def given_table(x: object, name: str, *, ndim: int | None = None) -> Array:
    """A vector or table the exercise gives: numbers only, finite, not empty; else an error.

    ``ndim`` 1 or 2 asks for a vector or a table; None takes either.

    Examples
    --------
    >>> given_table([[1, 2], [3, 4]], "Q", ndim=2)
    array([[1., 2.],
           [3., 4.]])
    >>> given_table([1, float("nan")], "scores")
    Traceback (most recent call last):
    ...
    ValueError: scores[1] is NaN (not a number), so the exercise has no right answer. ...
    """
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
