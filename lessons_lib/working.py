"""The working written out, the way the sources write it on paper.

Taught in lessons 01 and 02. ``dot_working([1, 2, 3], [4, 5, 6])`` shows

    1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32

and ``dot_working([2, -1, 3], [1, 4, 2])`` shows

    2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4

Negative factors are parenthesised, negative products are *subtracted* in the
sum, and floats are rounded for display only (see :mod:`lessons_lib.formatting`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons_lib._validate import Number, VectorLike, as_vector, finite_result, same_length
from lessons_lib.formatting import (
    MINUS,
    decimals_needed,
    format_fixed,
    format_number,
    format_vector,
)
from lessons_lib.vectors import dot, norm

__all__ = ["DotWorking", "dot_working", "norm_working"]


def _factor(x: Number, decimals: int) -> str:
    text = format_number(x, decimals, trim=True)
    return f"({text})" if text.startswith(MINUS) else text


def _signed_sum(terms: list[str]) -> str:
    """Join already-formatted terms so that '−4' after the first term reads ' − 4'."""
    out = terms[0]
    for t in terms[1:]:
        out += f" {MINUS} {t[1:]}" if t.startswith(MINUS) else f" + {t}"
    return out


def _elide(parts: list[str], max_terms: int) -> list[str]:
    if len(parts) <= max_terms:
        return parts
    head = max(1, max_terms - 2)
    return [*parts[:head], "…", *parts[-1:]]


@dataclass(frozen=True)
class DotWorking:
    """The dot product of two vectors with every step kept.

    Display it (``print(w)`` or just ``w`` as the last line of a cell) to see the
    working; read ``.products`` and ``.total`` to use the numbers.

    Attributes
    ----------
    a, b : list of numbers
        The checked input vectors.
    products : list of numbers
        ``[a[0]*b[0], a[1]*b[1], ...]``.
    total : int or float
        The dot product, the sum of ``products``.
    times : str
        The multiplication sign shown (``"·"`` as in source 004, ``"×"`` as in source 002).
    decimals : int
        Decimal places shown for the products and the total when any input is a
        float (all of them get the same number of places, so rounding noise such
        as ``−1.7e−16`` shows as ``0.00``).
    max_terms : int
        Longer vectors are shown with ``…`` in the middle.
    """

    a: list[Number]
    b: list[Number]
    products: list[Number]
    total: Number
    times: str = "·"
    decimals: int = 2
    max_terms: int = 8

    @property
    def multiplications(self) -> str:
        """The first step: ``1·4 + 2·5 + 3·6``."""
        parts = [
            f"{_factor(x, self.decimals)}{self.times}{_factor(y, self.decimals)}"
            for x, y in zip(self.a, self.b, strict=False)
        ]
        return " + ".join(_elide(parts, self.max_terms))

    def format(self, x: Number) -> str:
        """Format a number the way this working shows its results.

        Exact integers when every input was an integer, otherwise ``decimals``
        fixed places; used to append further terms (a bias) consistently.
        """
        if isinstance(self.total, int) and isinstance(x, int):
            return format_number(x)
        return format_fixed(x, self.decimals)

    @property
    def sum_of_products(self) -> str:
        """The second step: ``4 + 10 + 18`` (negative products subtracted)."""
        parts = [self.format(p) for p in self.products]
        return _signed_sum(_elide(parts, self.max_terms))

    @property
    def result(self) -> str:
        """The total as displayed: ``32``."""
        return self.format(self.total)

    @property
    def equation(self) -> str:
        """The whole line with the vectors in front: ``[1, 2, 3]·[4, 5, 6] = 1·4 + … = 32``."""
        a_text, b_text = format_vector(self.a, self.decimals), format_vector(self.b, self.decimals)
        lhs = f"{a_text}{self.times}{b_text}"
        return f"{lhs} = {self}"

    def __str__(self) -> str:
        return f"{self.multiplications} = {self.sum_of_products} = {self.result}"

    def __repr__(self) -> str:
        return str(self)


def dot_working(a: VectorLike, b: VectorLike, *, times: str = "·", decimals: int | None = None,
                max_terms: int = 8) -> DotWorking:
    """Compute a·b and keep the working: products, their sum, the total (lesson 02).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same length
    times : str, default "·"
        The multiplication sign to show; ``"×"`` reproduces source 002's style.
    decimals : int, optional
        Decimal places shown for the products and total of float inputs (display
        only). By default just enough to show the products exactly (1.8·0.8 =
        1.44 needs 2), at least 2 and at most 6.
    max_terms : int, default 8
        Vectors longer than this are shown with ``…`` in the middle.

    Returns
    -------
    DotWorking

    Examples
    --------
    >>> dot_working([1, 2, 3], [4, 5, 6])
    1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32
    >>> dot_working([2, -1, 3], [1, 4, 2])
    2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4
    >>> dot_working((2, 3, 4), (1, 0, 2), times="×")
    2×1 + 3×0 + 4×2 = 2 + 0 + 8 = 10
    >>> dot_working([1.8, 1.2], [0.8, 1.8])
    1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60
    >>> dot_working([2, 1, 3], [1.5, 4, 0.5])
    2·1.5 + 1·4 + 3·0.5 = 3.00 + 4.00 + 1.50 = 8.50
    >>> dot_working([1.8, 1.2], [-1.2, 1.8])
    1.8·(−1.2) + 1.2·1.8 = −2.16 + 2.16 = 0.00
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    if all(isinstance(x, int) for x in va + vb):
        products: list[Number] = [x * y for x, y in zip(va, vb, strict=False)]
    else:
        products = [finite_result(p, "a product") for p in
                    (np.asarray(va, dtype=float) * np.asarray(vb, dtype=float)).tolist()]
    places = decimals_needed(va, vb) if decimals is None else decimals
    return DotWorking(va, vb, products, dot(va, vb), times, places, max_terms)


def norm_working(a: VectorLike, *, decimals: int = 2) -> str:
    """The length of a vector with its working: ``√(3² + 4²) = √25 = 5`` (lesson 01).

    Examples
    --------
    >>> norm_working([3, 4])
    '√(3² + 4²) = √25 = 5'
    >>> norm_working([1, -2])
    '√(1² + (−2)²) = √5 = 2.24'
    """
    va = as_vector(a, "a")
    squares = " + ".join(_elide([f"{_factor(x, decimals)}²" for x in va], 8))
    total = dot(va, va)
    length = format_number(norm(va), decimals)
    return f"√({squares}) = √{format_number(total, decimals, trim=True)} = {length}"
