"""Showing numbers the way a person writes them.

Floating-point arithmetic gives ``1.8*0.8 + 1.2*1.8 == 3.6000000000000005``
(lesson 05 explains why). A lesson should show ``3.60``: these helpers round
for *display only*; the functions that compute always return the full value.
Negative numbers use the typographic minus sign ``−`` as the sources do.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from lessons_lib._validate import Number, as_number, as_vector

__all__ = ["decimals_needed", "format_cell", "format_fixed", "format_number", "format_vector"]

MINUS = "\u2212"  # the minus sign used in printed mathematics


def format_number(x: float | int, decimals: int = 2, trim: bool = False) -> str:
    """Format one number for display.

    Integers are shown exactly. Floats that are whole numbers are shown without
    decimals (``5.0`` → ``5``); other floats get ``decimals`` decimal places
    (``3.6000000000000005`` → ``3.60``), and tiny ones that would round to zero
    keep two significant figures (``0.0025`` stays ``0.0025``).

    Parameters
    ----------
    x : int or float
        The number.
    decimals : int, default 2
        Decimal places for non-whole floats.
    trim : bool, default False
        Drop trailing zeros (``1.80`` → ``1.8``): right for *inputs* a learner
        typed; results keep a fixed number of places so columns line up.

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(32)
    '32'
    >>> format_number(1.8 * 0.8 + 1.2 * 1.8)
    '3.60'
    >>> format_number(-4)
    '−4'
    >>> format_number(5.0)
    '5'
    >>> format_number(0.0025)
    '0.0025'
    >>> format_number(1.8, trim=True)
    '1.8'
    """
    if not (isinstance(x, int) and not isinstance(x, bool)):
        x = as_number(x, "x")
    return _format_number(x, decimals, trim)


def _format_number(x: Number, decimals: int = 2, trim: bool = False) -> str:
    """:func:`format_number` of a number checked already (an ``int`` or a ``float``)."""
    if isinstance(x, int):
        text = str(x)
    else:
        x = float(x)
        if math.isnan(x) or math.isinf(x):
            raise ValueError(f"cannot display {x}: results shown to a learner must be finite.")
        if x.is_integer() and abs(x) < 1e15:
            text = str(int(x))
        elif x != 0 and abs(x) < 0.5 * 10.0 ** (-decimals):
            text = f"{x:.2g}"
            if "e" in text:
                mantissa, exponent = text.split("e")
                text = f"{mantissa}×10^{int(exponent)}"
        else:
            text = f"{x:.{decimals}f}"
            if trim:
                text = text.rstrip("0").rstrip(".")
            if float(text) == 0.0:
                text = text.lstrip("-")
    return text.replace("-", MINUS)


def format_fixed(x: float | int, decimals: int = 2) -> str:
    """Format a number with exactly ``decimals`` places, for results shown in a column.

    Unlike :func:`format_number`, whole numbers keep their decimals (``3.0`` →
    ``3.00``) and rounding noise becomes zero (``-1.7e-16`` → ``0.00``), so the
    terms of one line of working all look alike.

    Examples
    --------
    >>> format_fixed(3.0)
    '3.00'
    >>> format_fixed(-1.7e-16)
    '0.00'
    >>> format_fixed(-0.02)
    '−0.02'
    """
    return _format_fixed(as_number(x, "x"), decimals)


def _format_fixed(exact: Number, decimals: int = 2) -> str:
    """:func:`format_fixed` of a number checked already."""
    if isinstance(exact, int):  # every digit of a whole number, even past 2**53
        text = str(exact) + ("." + "0" * decimals if decimals > 0 else "")
        return text.replace("-", MINUS)
    value = float(exact)
    text = f"{value:.{decimals}f}"
    if float(text) == 0.0:
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def format_cell(x: float | int, decimals: int = 2) -> str:
    """Format a value for a table cell read at a glance (heatmaps of lessons 07 and 08).

    Every cell has the same form, ``decimals`` places, and never grows wider: a value
    too small to show is ``<.01`` (``>−.01`` if negative) rather than ``9.2×10^−8``,
    and only an exact zero (a masked weight) is ``0``.

    Examples
    --------
    >>> [format_cell(v) for v in (0.3367, 1.0, 0.0029, 9.2e-08, 0.0, -0.004, -1.5)]
    ['0.34', '1.00', '<.01', '<.01', '0', '>−.01', '−1.50']
    >>> format_cell(0.00049, 3)
    '<.001'
    """
    exact = as_number(x, "x")
    value = float(exact)
    if value == 0.0:
        return "0"
    smallest = "." + "0" * (decimals - 1) + "1" if decimals > 0 else "1"
    if abs(value) < 0.5 * 10.0 ** -decimals:
        return f"<{smallest}" if value > 0 else f">{MINUS}{smallest}"
    return _format_fixed(exact, decimals)


def decimals_needed(*vectors: Iterable[float | int], lo: int = 2, hi: int = 6) -> int:
    """Decimal places that show a product of these numbers exactly, clamped to [lo, hi].

    A product of numbers with p and q decimal places has at most p + q places:
    1.8 · 0.8 = 1.44 needs 2, 0.05 · 0.05 = 0.0025 needs 4.

    Examples
    --------
    >>> decimals_needed([1.8, 1.2], [0.8, 1.8])
    2
    >>> decimals_needed([0.05], [0.05])
    4
    >>> decimals_needed([1, 2], [3, 4])
    2
    """
    return _decimals_needed(*(as_vector(v, "vectors") for v in vectors), lo=lo, hi=hi)


def _decimals_needed(*vectors: list[Number], lo: int = 2, hi: int = 6) -> int:
    """:func:`decimals_needed` of vectors checked already (lists of ints and floats)."""
    total = 0
    for v in vectors:
        places = 0
        for x in v:
            if isinstance(x, float) and not x.is_integer():
                text = repr(x)
                places = max(places, len(text.split(".")[1]) if "." in text and "e" not in text
                             else hi)
        total += places
    return max(lo, min(hi, total))


def format_vector(values: Iterable[float | int], decimals: int = 2, trim: bool = True) -> str:
    """Format a vector as ``[1.8, 1.2]`` with :func:`format_number` for each entry.

    Examples
    --------
    >>> format_vector([4, 6])
    '[4, 6]'
    >>> format_vector([0.1 + 0.2, -1.5])
    '[0.3, −1.5]'
    >>> format_vector([0.1 + 0.2, -1.5], trim=False)
    '[0.30, −1.50]'
    """
    checked = as_vector(values, "values")
    return "[" + ", ".join(_format_number(v, decimals, trim) for v in checked) + "]"
