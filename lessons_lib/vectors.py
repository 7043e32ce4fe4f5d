"""Vectors as ordered lists of numbers: add, scale, length (norm) and the dot product.

Taught in lessons 01 (``notebooks/01_vectors.ipynb``) and 02
(``notebooks/02_dot_product.ipynb``). Each function accepts a list, a tuple or
a 1-D NumPy array and checks it first (see :mod:`lessons_lib._validate`).

Integers are kept exact: ``dot([2**62, 2**62], [4, 4])`` is the true value, not
a wrapped-around ``int64``. As soon as any float is involved the arithmetic is
NumPy ``float64``.
"""

from __future__ import annotations

import math

import numpy as np

from lessons_lib._validate import Number, VectorLike, as_vector, finite_result, same_length


def _all_int(*vectors: list[Number]) -> bool:
    return all(isinstance(x, int) for v in vectors for x in v)


def add(a: VectorLike, b: VectorLike) -> list[Number]:
    """Add two vectors element-wise (lesson 01).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same length

    Returns
    -------
    list of numbers
        ``[a[0] + b[0], a[1] + b[1], ...]``

    Examples
    --------
    >>> add([1, 2], [3, 4])
    [4, 6]
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="adding vectors")
    if _all_int(va, vb):
        return [x + y for x, y in zip(va, vb, strict=False)]
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
    (c_value,) = as_vector([c], "c")
    va = as_vector(a, "a")
    if _all_int([c_value], va):
        return [c_value * x for x in va]
    out = (c_value * np.asarray(va, dtype=float)).tolist()
    return [finite_result(x, "c·a") for x in out]


def dot(a: VectorLike, b: VectorLike) -> Number:
    """The dot product a·b = Σ aᵢbᵢ: multiply matching positions, then add (lesson 02).

    Two vectors in, **one number** out.

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same length

    Returns
    -------
    int or float
        An exact ``int`` when both vectors hold only integers, else a ``float``.

    Raises
    ------
    ValueError
        If the lengths differ, a vector is empty or 2-D, or holds NaN/inf.
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
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    if _all_int(va, vb):
        return sum(x * y for x, y in zip(va, vb, strict=False))
    with np.errstate(over="ignore", invalid="ignore"):  # reported below, in words
        total = float(np.dot(va, vb))
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
    va = as_vector(a, "a")
    return finite_result(math.hypot(*va), "‖a‖")
