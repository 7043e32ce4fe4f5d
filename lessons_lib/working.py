"""The working written out, the way the sources write it on paper.

Taught in lessons 01 and 02. ``dot_working([1, 2, 3], [4, 5, 6])`` shows

    1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32

and ``dot_working([2, -1, 3], [1, 4, 2])`` shows

    2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4

Negative factors are parenthesised, negative products are *subtracted* in the
sum, and floats are rounded for display only (see :mod:`lessons_lib.formatting`).

Every working adds up by hand: a learner who redoes a step with the numbers
shown gets the number shown next. Where rounding enters, the step is written
with ``≈`` instead of ``=``, and a factor that would be rounded too coarsely
(a fitted weight such as 1.8678… shown as 1.87, whose product with 128 is
0.28 away from the true one) is shown with enough digits that its product
rounds to the product shown::

    1.8678·128 ≈ 239.08        (not 1.87·128 = 239.08, which is 239.36 by hand)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from lessons_lib._validate import Number, VectorLike, as_vector, finite_result, same_length
from lessons_lib.formatting import (
    MINUS,
    _decimals_needed,
    _format_number,
    format_fixed,
    format_number,
    format_vector,
)
from lessons_lib.vectors import _dot, _norm

__all__ = ["DotWorking", "dot_working", "norm_working"]


def _factor(x: Number, decimals: int) -> str:
    text = format_number(x, decimals, trim=True)
    return f"({text})" if text.startswith(MINUS) else text


def shown_value(text: str) -> Fraction:
    """The exact value of a number as displayed (``'−1.07'`` → −107/100).

    Understands what :func:`lessons_lib.formatting.format_number` writes, including
    ``'2.5×10^−5'`` and a parenthesised negative factor ``'(−1.07)'``.

    Examples
    --------
    >>> shown_value("(−1.07)")
    Fraction(-107, 100)
    >>> shown_value("2.5×10^−5")
    Fraction(1, 40000)
    """
    text = text.strip().strip("()").replace(MINUS, "-")
    if "×10^" in text:
        mantissa, exponent = text.split("×10^")
        return Fraction(mantissa) * Fraction(10) ** int(exponent)
    return Fraction(text)


def relation(exact: Fraction, shown: str) -> str:
    """``"="`` if ``shown`` is exactly ``exact``, else ``"≈"`` (rounding entered).

    Examples
    --------
    >>> relation(Fraction(144, 100), "1.44")
    '='
    >>> relation(Fraction(5), "2.24")
    '≈'
    """
    return "=" if shown_value(shown) == exact else "≈"


def _half_unit(decimals: int) -> Fraction:
    return Fraction(1, 2 * 10**decimals)


def factor_places(pairs: list[tuple[Number, Number]], shown_products: list[str], decimals: int,
                  most: int = 10) -> int:
    """Decimal places for the factors so that each shown product is theirs, rounded.

    A factor shown with ``decimals`` places is used when its product with the other
    factor, done by hand, rounds to the product shown (at most half a unit of the
    product's last place away); otherwise places are added, up to ``decimals + most``.

    Examples
    --------
    >>> factor_places([(1.8, 0.8)], ["1.44"], 2)
    2
    >>> factor_places([(1.86781, 128)], ["239.08"], 2)
    4
    """
    half = _half_unit(decimals)
    for places in range(decimals, decimals + most + 1):
        if all(abs(shown_value(format_number(x, places, trim=True))
                   * shown_value(format_number(y, places, trim=True)) - shown_value(p)) <= half
               for (x, y), p in zip(pairs, shown_products, strict=True)):
            return places
    return decimals + most


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
    factor_decimals : int or None
        Decimal places (at most) shown for the factors; by default ``decimals``, or
        more when needed for each product shown to be the product of the factors shown.
    """

    a: list[Number]
    b: list[Number]
    products: list[Number]
    total: Number
    times: str = "·"
    decimals: int = 2
    max_terms: int = 8
    factor_decimals: int | None = None

    @property
    def factor_places(self) -> int:
        """Decimal places (at most) the factors are shown with."""
        if self.factor_decimals is not None:
            return self.factor_decimals
        return factor_places(list(zip(self.a, self.b, strict=True)),
                             [self.format(p) for p in self.products], self.decimals)

    @property
    def multiplications(self) -> str:
        """The first step: ``1·4 + 2·5 + 3·6``."""
        places = self.factor_places
        parts = [
            f"{_factor(x, places)}{self.times}{_factor(y, places)}"
            for x, y in zip(self.a, self.b, strict=False)
        ]
        return " + ".join(_elide(parts, self.max_terms))

    @property
    def multiplied(self) -> str:
        """``"="`` if each product shown is exactly that of the factors shown, else ``"≈"``."""
        places = self.factor_places
        exact = all(
            shown_value(format_number(x, places, trim=True))
            * shown_value(format_number(y, places, trim=True)) == shown_value(self.format(p))
            for x, y, p in zip(self.a, self.b, self.products, strict=True))
        return "=" if exact else "≈"

    @property
    def added(self) -> str:
        """``"="`` if the total shown is exactly the sum of the products shown, else ``"≈"``."""
        return relation(sum((shown_value(self.format(p)) for p in self.products), Fraction(0)),
                        self.result)

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

    def with_bias(self, bias: Number) -> str:
        """The working of ``a·b + bias``, the bias written as the last term (lesson 04).

        The bias is shown like a factor in the first step and like a product in the
        second, and ``≈`` marks the steps where rounding enters.

        Examples
        --------
        >>> dot_working([2, -1], [4, 2]).with_bias(1)
        '2·4 + (−1)·2 + 1 = 8 − 2 + 1 = 7'
        >>> dot_working([1.0, 2.0], [3, -1]).with_bias(-0.5)
        '1·3 + 2·(−1) − 0.5 = 3.00 − 2.00 − 0.50 = 0.50'
        """
        pairs: list[tuple[Number, Number]] = [*zip(self.a, self.b, strict=True), (bias, 1)]
        shown = [self.format(p) for p in self.products] + [self.format(bias)]
        places = max(self.factor_places, factor_places(pairs, shown, self.decimals))
        work = DotWorking(self.a, self.b, self.products, self.total, self.times, self.decimals,
                          self.max_terms, places)
        exact = work.multiplied == "=" and shown_value(
            format_number(bias, places, trim=True)) == shown_value(self.format(bias))
        total = self.format(self.total + bias)
        added = relation(sum((shown_value(t) for t in shown), Fraction(0)), total)
        sign = f" {MINUS} " if bias < 0 else " + "
        return (f"{work.multiplications}{sign}{format_number(abs(bias), places, trim=True)}"
                f" {'=' if exact else '≈'} {work.sum_of_products}{sign}{self.format(abs(bias))}"
                f" {added} {total}")

    def __str__(self) -> str:
        return (f"{self.multiplications} {self.multiplied} {self.sum_of_products}"
                f" {self.added} {self.result}")

    def __repr__(self) -> str:
        return str(self)


def dot_working(a: VectorLike, b: VectorLike, *, times: str = "·", decimals: int | None = None,
                max_terms: int = 8) -> DotWorking:
    """Compute a·b and keep the working: products, their sum, the total (lesson 02).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same dimension
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

    Where rounding enters the working says so with ``≈``, and a factor gets the
    digits its product needs:

    >>> dot_working([0.125, 0.125], [1, 1], decimals=2)
    0.12·1 + 0.12·1 = 0.12 + 0.12 ≈ 0.25
    >>> dot_working([1.86781, 1], [128, 0], decimals=2)
    1.8678·128 + 1·0 ≈ 239.08 + 0.00 = 239.08
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    return _dot_working(va, vb, times=times, decimals=decimals, max_terms=max_terms)


def _dot_working(va: list[Number], vb: list[Number], *, times: str = "·",
                 decimals: int | None = None, max_terms: int = 8) -> DotWorking:
    """:func:`dot_working` of two vectors checked already, of one length."""
    if all(isinstance(x, int) for x in va + vb):
        products: list[Number] = [x * y for x, y in zip(va, vb, strict=False)]
    else:
        products = [finite_result(p, "a product") for p in
                    (np.asarray(va, dtype=float) * np.asarray(vb, dtype=float)).tolist()]
    places = _decimals_needed(va, vb) if decimals is None else decimals
    return DotWorking(va, vb, products, _dot(va, vb), times, places, max_terms)


def norm_working(a: VectorLike, *, decimals: int = 2) -> str:
    """The length of a vector with its working: ``√(3² + 4²) = √25 = 5`` (lesson 01).

    A square root that is not exact is rounded, and the working says so with ``≈``.

    Examples
    --------
    >>> norm_working([3, 4])
    '√(3² + 4²) = √25 = 5'
    >>> norm_working([1, -2])
    '√(1² + (−2)²) = √5 ≈ 2.24'
    >>> norm_working([1.8, 1.2])
    '√(1.8² + 1.2²) = √4.68 ≈ 2.16'
    """
    va = as_vector(a, "a")
    total = _dot(va, va)
    shown_total = _format_number(total, decimals, trim=True)
    half = _half_unit(decimals)

    def sum_of_squares(places: int) -> Fraction:
        return sum((shown_value(_format_number(x, places, trim=True)) ** 2 for x in va),
                   Fraction(0))

    # the squares of the factors shown add up to the sum shown (rounded at most)
    places = next((p for p in range(decimals, decimals + 11)
                   if abs(sum_of_squares(p) - shown_value(shown_total)) <= half), decimals + 10)
    squares_shown = [_format_number(x, places, trim=True) for x in va]
    squares = " + ".join(_elide([f"{_factor(x, places)}²" for x in va], 8))
    summed = relation(sum((shown_value(t) ** 2 for t in squares_shown), Fraction(0)), shown_total)
    length = _format_number(_norm(va), decimals)
    rooted = "=" if shown_value(length) ** 2 == shown_value(shown_total) else "≈"
    return f"√({squares}) {summed} √{shown_total} {rooted} {length}"
