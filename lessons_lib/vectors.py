"""Vectors as ordered lists of numbers: add, scale, length (norm) and the dot product.

Taught in lessons 01 (``notebooks/01_vectors.ipynb``) and 02
(``notebooks/02_dot_product.ipynb``). Each function accepts a list, a tuple or
a 1-D NumPy array and checks it first (see :mod:`lessons_lib._validate`).

Integers are kept exact: ``dot([2**62, 2**62], [4, 4])`` is the true value, not
a wrapped-around ``int64``. With floats, the dot product is summed **left to
right, the way the working is written**, one IEEE ``float64`` operation at a
time, so ``dot([1.8, 1.2], [0.8, 1.8])`` is ``3.6000000000000005`` on every
machine (``np.dot`` may use fused multiply-adds and print ``3.6`` on one CPU
and ``3.6000000000000005`` on another). Only vectors longer than
:data:`lessons_lib._validate.LARGE` take NumPy's fast path, where exactness
to the last bit is not promised; there ``add`` and ``scale`` (and ``normalise``,
``project_onto``) return a NumPy array rather than a list, so a vector of a
million numbers costs about what NumPy itself costs.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from lessons_lib._validate import (
    Number,
    VectorLike,
    as_large_array,
    as_number,
    as_vector,
    finite_result,
    same_length,
)

__all__ = ["add", "dot", "norm", "scale"]


def _all_int(*vectors: list[Number]) -> bool:
    return all(isinstance(x, int) for v in vectors for x in v)


def add(a: VectorLike, b: VectorLike) -> list[Number]:
    """Add two vectors element-wise (lesson 01).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same dimension

    Returns
    -------
    list of numbers
        ``[a[0] + b[0], a[1] + b[1], ...]``

    Examples
    --------
    >>> add([1, 2], [3, 4])
    [4, 6]
    """
    large = _add_large(a, b)
    if large is not None:
        return large  # type: ignore[return-value]
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="adding vectors")
    if _all_int(va, vb):
        return [x + y for x, y in zip(va, vb, strict=False)]
    with np.errstate(over="ignore"):
        out = (np.asarray(va, dtype=float) + np.asarray(vb, dtype=float)).tolist()
    return [finite_result(x, "a + b") for x in out]


def scale(c: float | int, a: VectorLike) -> list[Number]:
    """Multiply every number of ``a`` by the scalar ``c`` (lesson 01).

    Examples
    --------
    >>> scale(2, [1, 2])
    [2, 4]
    >>> scale(0.5, [3, -4])
    [1.5, -2.0]
    """
    c_value = as_number(c, "c")
    large = _scale_large(c_value, a)
    if large is not None:
        return large  # type: ignore[return-value]
    va = as_vector(a, "a")
    if _all_int([c_value], va):
        return [c_value * x for x in va]
    with np.errstate(over="ignore"):
        out = (float(c_value) * np.asarray(va, dtype=float)).tolist()
    return [finite_result(x, "c·a") for x in out]


def all_finite(x: NDArray[np.floating]) -> bool:
    """Whether every entry of a float array is finite, usually in one quick pass (a sum)."""
    with np.errstate(over="ignore", invalid="ignore"):
        if math.isfinite(float(x.sum())):
            return True
    return bool(np.isfinite(x).all())  # the sum may overflow although every entry is finite


#: A large vector's length by NumPy (√(x·x)) is exact to rounding inside this range; outside
#: it the squares under- or overflow, and the vector is rescaled first.
LARGE_SAFE = (1e-150, 1e150)


def large_length(x: NDArray[np.float64]) -> float:
    """‖x‖ of a large float array: NumPy's norm, rescaled when the squares would not fit."""
    with np.errstate(over="ignore", under="ignore"):
        length = float(np.linalg.norm(x))
    if LARGE_SAFE[0] < length < LARGE_SAFE[1]:
        return length
    biggest = float(np.max(np.abs(x)))
    if biggest == 0.0:
        return 0.0
    with np.errstate(over="ignore"):
        return biggest * float(np.linalg.norm(x / biggest))


def _overflowed(what: str) -> OverflowError:
    return OverflowError(
        f"{what} is too large to represent as a float (it overflowed to infinity). "
        "Scale the vectors down, e.g. divide every number by 1000."
    )


def _add_large(a: object, b: object) -> NDArray[np.number] | None:
    """a + b for two long numeric arrays, vectorised (``None`` when it does not apply)."""
    xa = as_large_array(a, "a", check_finite=False)
    xb = as_large_array(b, "b", check_finite=False)
    if xa is None or xb is None:
        return None
    if xa.shape != xb.shape:
        same_length(xa, xb, what="adding vectors")
    if xa.dtype.kind == "i" and xb.dtype.kind == "i":
        bound = int(np.max(np.abs(xa), initial=0)) + int(np.max(np.abs(xb), initial=0))
        return xa + xb if bound < 2**63 else None  # beyond int64: exact ints, slow path
    with np.errstate(over="ignore", invalid="ignore"):
        out = xa.astype(np.float64, copy=False) + xb.astype(np.float64, copy=False)
    if not all_finite(out):
        as_large_array(a, "a")  # a NaN or infinity inside: say which
        as_large_array(b, "b")
        raise _overflowed("a + b")
    return out


def _scale_large(c: Number, a: object) -> NDArray[np.number] | None:
    """c·a for a long numeric array, vectorised (``None`` when it does not apply)."""
    xa = as_large_array(a, "a", check_finite=False)
    if xa is None:
        return None
    if xa.dtype.kind == "i" and isinstance(c, int):
        bound = abs(c) * int(np.max(np.abs(xa), initial=0))
        return c * xa if bound < 2**63 else None
    with np.errstate(over="ignore", invalid="ignore"):
        out = float(c) * xa.astype(np.float64, copy=False)
    if not all_finite(out):
        as_large_array(a, "a")
        raise _overflowed("c·a")
    return out


def dot(a: VectorLike, b: VectorLike) -> Number:
    """The dot product a·b = Σ aᵢbᵢ: multiply matching positions, then add (lesson 02).

    Two vectors in, **one number** out.

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same dimension

    Returns
    -------
    int or float
        An exact ``int`` when both vectors hold only integers, else a ``float``.

    Raises
    ------
    ValueError
        If the dimensions differ, a vector is empty or 2-D, or holds NaN/inf.
    TypeError
        If something that is not a number is inside.

    Examples
    --------
    >>> dot([1, 2, 3], [4, 5, 6])
    32
    >>> dot([2, -1, 3], [1, 4, 2])
    4
    >>> round(dot([1.8, 1.2], [0.8, 1.8]), 2)
    3.6
    """
    large = _dot_large(a, b)
    if large is not None:
        return large
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    return _dot(va, vb)


def _dot(va: list[Number], vb: list[Number]) -> Number:
    """:func:`dot` of two vectors checked already, of one length: exact for ints, else
    summed left to right."""
    if _all_int(va, vb):
        return sum(x * y for x, y in zip(va, vb, strict=True))
    return finite_result(sum_left_to_right(va, vb), "a·b")


def sum_left_to_right(a: list[Number], b: list[Number]) -> float:
    """Σ aᵢbᵢ in plain Python floats, first product first, one rounding per step.

    This fixes the order of the arithmetic, so the result has the same bits on
    every CPU; it is the order the working ``a₁b₁ + a₂b₂ + …`` is written in.

    Examples
    --------
    >>> sum_left_to_right([1.8, 1.2], [0.8, 1.8])
    3.6000000000000005
    >>> sum_left_to_right([10**400], [1.5])
    Traceback (most recent call last):
    ...
    OverflowError: a number in a·b is too large to represent as a float ...
    """
    total = 0.0
    try:
        for x, y in zip(a, b, strict=True):
            total += float(x) * float(y)
    except OverflowError:
        raise OverflowError(
            "a number in a·b is too large to represent as a float (over about 1.8e308). "
            "Scale the vectors down, e.g. divide every number by 1000."
        ) from None
    return total


def _dot_large(a: object, b: object) -> Number | None:
    """The fast path for two long numeric vectors (``None`` when it does not apply)."""
    xa = as_large_array(a, "a", check_finite=False)
    xb = as_large_array(b, "b", check_finite=False)
    if xa is None or xb is None:
        return None
    if xa.shape != xb.shape:
        same_length(xa, xb)
    if xa.dtype.kind == "i" and xb.dtype.kind == "i":
        bound = int(np.max(np.abs(xa), initial=0)) * int(np.max(np.abs(xb), initial=0)) * xa.size
        if bound < 2**63:  # no int64 overflow possible: exact
            return int(np.dot(xa, xb))
        return sum(x * y for x, y in zip(xa.tolist(), xb.tolist(), strict=True))
    with np.errstate(over="ignore", invalid="ignore"):  # reported below, in words
        total = float(np.dot(xa.astype(np.float64, copy=False), xb.astype(np.float64, copy=False)))
    if not math.isfinite(total):  # a NaN or infinity inside, or an overflow: say which
        as_large_array(a, "a")
        as_large_array(b, "b")
    return finite_result(total, "a·b")


def norm(a: VectorLike) -> float:
    """The length (magnitude) ‖a‖ = √(a₁² + a₂² + … ) of a vector (lesson 01).

    Computed with :func:`math.hypot`, which neither overflows nor underflows on
    very large or very small numbers.

    Examples
    --------
    >>> norm([3, 4])
    5.0
    >>> norm([1, 2, 2])
    3.0
    """
    xa = as_large_array(a, "a", check_finite=False)
    if xa is not None:  # one pass: a NaN or infinity inside makes the length not finite
        x = xa.astype(np.float64, copy=False)
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            length = float(np.linalg.norm(x))
        if LARGE_SAFE[0] < length < LARGE_SAFE[1]:
            return length
        as_large_array(a, "a")  # names a NaN or infinity inside, if there is one
        return finite_result(large_length(x), "‖a‖")
    return _norm(as_vector(a, "a"))


def _norm(va: list[Number]) -> float:
    """:func:`norm` of a vector checked already."""
    try:
        length = math.hypot(*va)
    except OverflowError:
        raise OverflowError(
            "a number in a is too large to represent as a float (over about 1.8e308). "
            "Scale the vector down, e.g. divide every number by 1000."
        ) from None
    return finite_result(length, "‖a‖")
