"""One rounding rule for every checker: how many decimals a tolerance asks for, and
whether an answer is that rounding of the right value, or the right value rounded too far.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["MOST_DECIMALS", "compare", "compare_entries", "decimals_message", "precision",
           "written_decimals"]


def precision(tol: float) -> int | None:
    """The decimal places a tolerance asks for: 0.005 → 2, 5e-4 → 3; None for 1e-6.

    A tolerance of half a unit in the last place means "give this many decimals"; any
    other tolerance (1e-6, 1e-9) means "the exact value", within rounding error.

    Examples
    --------
    >>> precision(0.005), precision(5e-4), precision(0.05), precision(1e-6)
    (2, 3, 1, None)
    """
    places = -math.log10(2 * tol) if tol > 0 else math.inf
    if not math.isfinite(places) or abs(places - round(places)) > 1e-9 or places < 0:
        return None
    return round(places)


def written_decimals(x: float) -> int:
    """Decimal places of ``x`` as Python writes it (0.69 → 2, 0.6857 → 4, 3.0 → 0).

    Examples
    --------
    >>> written_decimals(0.69), written_decimals(0.6857), written_decimals(3.0)
    (2, 4, 0)
    >>> written_decimals(1e-7)  # as precise as a float gets
    17
    """
    text = repr(float(x))
    if "e" in text or "n" in text:  # 1e-07, inf, nan: as precise as a float gets
        return 17
    decimals = text.split(".")[1].rstrip("0")
    return len(decimals)


#: A computed answer carries 10+ decimals: compare it to 6 places, not to its last digit.
MOST_DECIMALS = 6
#: ... and relative to its size: a model's float32 arrays (lesson 08) carry ~7 significant
#: digits, so a right computation can differ from the float64 value by a few 1e-7.
_COMPUTED = 1e-6


def compare(value: float, expected: float, tol: float) -> str | None:
    """How ``value`` relates to ``expected`` at the precision ``tol`` asks for.

    ``"right"``: within ``tol`` of it and, if it has more decimals than asked for, a correct
    rounding of it at those decimals (0.69 or 0.686 for 0.6857 at two decimals; 0.424 is
    not 0.42); ``"few decimals"``: a correct rounding with fewer decimals than asked
    (0.7 when two are asked for); None otherwise.

    Examples
    --------
    >>> [compare(v, 0.6857, 0.005) for v in (0.69, 0.686, 0.7, 0.68, 0.424)]
    ['right', 'right', 'few decimals', None, None]
    >>> compare(0.6857, 0.6857, 1e-6), compare(0.69, 0.6857, 1e-6)
    ('right', None)
    """
    gap = abs(value - expected)
    wanted = precision(tol)
    if wanted is None or gap <= 1e-9 * max(1.0, abs(expected)):  # or exact: 5 for 5.0
        return "right" if gap <= tol else None
    if abs(value - round(expected, wanted)) <= 1e-6 * max(1.0, abs(expected)):
        return "right"  # exactly the rounding asked for (0.20 is typed, 0.2 is stored)
    written = min(written_decimals(value), MOST_DECIMALS)
    half_unit = 0.5 * 10.0 ** -written * (1 + 1e-9) + 1e-12
    if written_decimals(value) > MOST_DECIMALS:  # computed, not typed: allow for float32
        half_unit = max(half_unit, _COMPUTED * max(1.0, abs(expected)))
    if written >= wanted:
        return "right" if gap <= min(tol, half_unit) * (1 + 1e-9) + 1e-12 else None
    return "few decimals" if gap <= half_unit else None


def decimals_message(what: str, tol: float) -> str:
    """The feedback on an answer rounded too far (:func:`compare`'s "few decimals").

    Examples
    --------
    >>> print(decimals_message("cos θ", 5e-5))
    close: that is cos θ rounded too far. Give 4 decimal places (or more), rounding only the
    final answer.
    """
    wanted = precision(tol) or 2
    places = "decimal place" if wanted == 1 else "decimal places"
    return (f"close: that is {what} rounded too far. Give {wanted} {places} "
            "(or more), rounding only the final answer.")


def compare_entries(array: NDArray[np.float64], target: NDArray[np.float64],
                    tol: float) -> str | None:
    """:func:`compare` for every entry: "right", "few decimals" or None.

    "few decimals" when every entry is right or rounded too far, and one is the latter.

    Examples
    --------
    >>> import numpy as np
    >>> target = np.array([0.6652, 0.2447])
    >>> [compare_entries(np.array(a), target, 0.005) for a in ([0.67, 0.24], [0.7, 0.2],
    ...                                                         [0.7, 0.5], [0.67])]
    ['right', 'few decimals', None, None]
    """
    if array.shape != target.shape:
        return None
    verdicts = {compare(float(v), float(t), tol) for v, t in zip(array.flat, target.flat,
                                                                 strict=True)}
    if verdicts <= {"right"}:
        return "right"
    if None in verdicts:
        return None
    return "few decimals"
