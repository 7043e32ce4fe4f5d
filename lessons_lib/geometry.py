"""The geometric side of the dot product: a·b = ‖a‖‖b‖cos θ.

Taught in lesson 03 (``notebooks/03_geometry.ipynb``): the angle between two
vectors, cosine similarity, unit vectors (normalising) and projection.

The angle is computed with Kahan's formula θ = 2·atan2(‖â − b̂‖, ‖â + b̂‖) on the
unit vectors â, b̂. It is accurate near 0° and 180° (where ``acos`` of a rounded
cosine is not) and gives exactly 0 for ``angle_between(a, a)``. Cosines are
clipped to [−1, 1] so rounding can never push them outside.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from lessons_lib._validate import VectorLike, as_large_array, as_vector, same_length
from lessons_lib.vectors import all_finite, dot, large_length, sum_left_to_right

FloatVector = NDArray[np.float64]

__all__ = ["angle_between", "cosine_similarity", "normalise", "project_onto",
           "scalar_projection", "sign_message", "sign_rules"]


def _floats(a: object, name: str) -> tuple[FloatVector, bool]:
    """``a`` as a float64 array, and whether it took the large (vectorised) path."""
    x = as_large_array(a, name)
    if x is not None:
        return x.astype(np.float64, copy=False), True
    return np.array(as_vector(a, name), dtype=np.float64), False


def _length(x: FloatVector, large: bool) -> float:
    """‖x‖: math.hypot (the same bits on every machine) for a lesson's vector, NumPy for a
    large one; infinity when it overflows (the caller rescales)."""
    if large:
        return large_length(x)
    try:
        return math.hypot(*x.tolist())
    except OverflowError:
        return math.inf


def _unit(x: FloatVector, large: bool, name: str, what: str) -> tuple[FloatVector, float]:
    """(x / ‖x‖, ‖x‖), exact in direction even for subnormal or huge numbers.

    Ordinary vectors are divided by their length directly (the bits the lessons show);
    when the length is subnormal, near the float limits or overflows, the vector is first
    divided by its largest |entry|, so no step loses precision.
    """
    length = _length(x, large)
    if length == 0.0:
        raise ValueError(
            f"{name} has zero length (every number is 0), so it points in no direction and "
            f"{what} is undefined. Use a vector with at least one non-zero number."
        )
    if _SAFE[0] < length < _SAFE[1]:
        return x / length, length
    biggest = float(np.max(np.abs(x)))
    # Every |entry| / biggest is at most 1, so nothing can overflow; NumPy 1.26's SIMD
    # division of subnormals still raises the overflow flag (the quotients are right).
    with np.errstate(over="ignore"):
        y = x / biggest
    return y / _length(y, large), length


def _safe(length: float) -> bool:
    return _SAFE[0] < length < _SAFE[1]


def _large_dot_and_length(xa: FloatVector, xb: FloatVector) -> tuple[float, float] | None:
    """(a·b, ‖b‖) of two large vectors by NumPy; None when ‖b‖ is outside the safe range."""
    nb = _length(xb, True)
    if not _safe(nb):
        return None
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.dot(xa, xb)), nb


def _no_underflow(ab: float, xa: FloatVector) -> bool:
    """Whether a·b from ``np.dot`` can be trusted: it is far from the underflow range, or
    ‖a‖ is safe (then ‖b‖ is too, and a·b is tiny only because the vectors nearly cancel).
    The length of a is computed only in the rare first case, so the fast path stays fast.
    Without it, a ≈ 1e−278, b ≈ 1e−65 gave a·b = 0 and a projection of 0 instead of 3.5e−280.
    """
    return abs(ab) > 1e-280 or _safe(_length(xa, True))


#: Lengths inside this range are divided directly; outside it, rescaled first (NumPy's
#: √(x·x) needs the narrower range of :data:`lessons_lib.vectors.LARGE_SAFE`).
_SAFE = (1e-150, 1e150)


def _dot_units(ua: FloatVector, ub: FloatVector, large: bool) -> float:
    if large:
        return float(np.dot(ua, ub))
    return sum_left_to_right(ua.tolist(), ub.tolist())


def _pair(a: object, b: object, what: str) -> tuple[FloatVector, FloatVector, bool]:
    xa, large_a = _floats(a, "a")
    xb, large_b = _floats(b, "b")
    same_length(xa, xb, what=what)
    return xa, xb, large_a and large_b


def _out(x: FloatVector, large: bool, what: str) -> list[float] | FloatVector:
    if large:  # a NumPy array back, without the −0.0 → 0.0 pass: the fast path stays fast
        if not all_finite(x):
            raise OverflowError(
                f"{what} is too large to represent as a float (it overflowed to infinity). "
                "Scale the vectors down, e.g. divide every number by 1000."
            )
        return x
    if not np.isfinite(x).all():
        raise OverflowError(
            f"{what} is too large to represent as a float (it overflowed to infinity). "
            "Scale the vectors down, e.g. divide every number by 1000."
        )
    x = x + 0.0  # + 0.0 turns −0.0 into 0.0
    return x if large else x.tolist()


def normalise(a: VectorLike) -> list[float]:
    """Scale ``a`` to length 1 without changing its direction: â = a / ‖a‖ (lesson 03).

    A lesson's vector gives a list; a vector longer than
    :data:`lessons_lib._validate.LARGE` takes NumPy's fast path and gives an array.

    Raises
    ------
    ValueError
        If ``a`` has zero length (it has no direction to keep).

    Examples
    --------
    >>> normalise([3, 4])
    [0.6, 0.8]
    >>> normalise([5e-324, 5e-324])   # subnormal numbers: still a unit vector
    [0.7071067811865475, 0.7071067811865475]
    """
    x, large = _floats(a, "a")
    unit, _ = _unit(x, large, "a", "its direction")
    if large:
        return unit  # type: ignore[return-value]  # every entry is at most 1 in size
    return _out(unit, large, "â")  # type: ignore[return-value]


def cosine_similarity(a: VectorLike, b: VectorLike) -> float:
    """cos θ = a·b / (‖a‖‖b‖): alignment with length removed, always in [−1, 1] (lesson 03).

    Examples
    --------
    >>> round(cosine_similarity([1, 2, 3], [4, 5, 6]), 4)
    0.9746
    >>> cosine_similarity([1, 0], [0, 3])
    0.0
    >>> cosine_similarity([1, 0], [0, 0])
    Traceback (most recent call last):
    ...
    ValueError: b has zero length (every number is 0), so it points in no direction ...
    """
    xa, xb, large = _pair(a, b, "cosine similarity")
    if large:  # three passes, like NumPy's a·b / (‖a‖‖b‖), when nothing can overflow
        na, nb = _length(xa, True), _length(xb, True)
        if _safe(na) and _safe(nb):
            with np.errstate(over="ignore", invalid="ignore"):
                c = float(np.dot(xa, xb)) / na / nb
            if math.isfinite(c):
                return float(np.clip(c, -1.0, 1.0))
    ua, _ = _unit(xa, large, "a", "the cosine similarity")
    ub, _ = _unit(xb, large, "b", "the cosine similarity")
    return float(np.clip(_dot_units(ua, ub, large), -1.0, 1.0))


def angle_between(a: VectorLike, b: VectorLike, *, degrees: bool = True) -> float:
    """The angle θ between two vectors, in degrees (default) or radians (lesson 03).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same number of components, neither all zeros
    degrees : bool, default True
        ``False`` returns radians.

    Returns
    -------
    float
        θ in [0, 180] degrees (or [0, π] radians).

    Examples
    --------
    >>> round(angle_between([1.8, 1.2], [0.8, 1.8]), 1)
    32.3
    >>> angle_between([1, 0], [0, 2])
    90.0
    >>> angle_between([1, 2], [-2, -4])
    180.0
    >>> angle_between([1.8, 1.2], [1.8, 1.2])
    0.0
    >>> round(angle_between([1, 0], [0, 1], degrees=False), 4)
    1.5708
    """
    xa, xb, large = _pair(a, b, "an angle")
    if large:  # acos of the cosine is accurate away from 0° and 180°; near them, Kahan below
        na, nb = _length(xa, True), _length(xb, True)
        if _safe(na) and _safe(nb):
            with np.errstate(over="ignore", invalid="ignore"):
                c = float(np.dot(xa, xb)) / na / nb
            if math.isfinite(c) and abs(c) < 0.99:
                return math.degrees(math.acos(c)) if degrees else math.acos(c)
    ua, _ = _unit(xa, large, "a", "the angle")
    ub, _ = _unit(xb, large, "b", "the angle")
    theta = 2.0 * math.atan2(_length(ua - ub, large), _length(ua + ub, large))
    return math.degrees(theta) if degrees else theta


def scalar_projection(a: VectorLike, b: VectorLike) -> float:
    """How far ``a`` reaches along ``b``: a·b / ‖b‖ = ‖a‖ cos θ (lesson 03).

    The signed length of a's "shadow" on b: negative when a points away from b.

    Examples
    --------
    >>> scalar_projection([3, 4], [1, 0])
    3.0
    >>> scalar_projection([-2, 5], [2, 0])
    -2.0
    """
    xa, xb, large = _pair(a, b, "a projection")
    found = _large_dot_and_length(xa, xb) if large else None
    if found is not None:
        ab, nb = found
        with np.errstate(over="ignore", invalid="ignore"):
            value = ab / nb
        if math.isfinite(value) and _no_underflow(ab, xa):
            return value
    ub, nb = _unit(xb, large, "b", "projecting onto it")
    if not large and _SAFE[0] < nb < _SAFE[1]:
        try:  # the lesson's formula, a·b / ‖b‖, with a·b exact for whole numbers
            value = dot(as_vector(a, "a"), as_vector(b, "b")) / nb
            if math.isfinite(value) and (value != 0 or not xa.any() or not xb.any()):
                return float(value)
        except OverflowError:
            pass
    with np.errstate(over="ignore"):
        return float(_out(np.array([_dot_units(xa, ub, large)]), False,
                          "the projection of a onto b")[0])


def project_onto(a: VectorLike, b: VectorLike) -> list[float]:
    """The vector projection of ``a`` onto ``b``: (a·b / b·b) b (lesson 03).

    Examples
    --------
    >>> project_onto([3, 4], [2, 0])
    [3.0, 0.0]
    >>> project_onto([1, 1], [1, -1])
    [0.0, 0.0]
    """
    xa, xb, large = _pair(a, b, "a projection")
    found = _large_dot_and_length(xa, xb) if large else None
    if found is not None:
        ab, nb = found
        with np.errstate(over="ignore", invalid="ignore"):
            reach = ab / nb / nb
            if math.isfinite(reach) and _no_underflow(ab, xa):
                return _out(reach * xb, True, "the projection of a onto b")  # type: ignore[return-value]
    ub, _ = _unit(xb, large, "b", "projecting onto it")
    with np.errstate(over="ignore", invalid="ignore"):
        reach = _dot_units(xa, ub, large)
        return _out(reach * ub, large, "the projection of a onto b")  # type: ignore[return-value]


#: Two vectors count as perpendicular when |cos θ| is at most this: the angle is then
#: within 0.03° of 90°, so the one-decimal angle readout shows 90.0°. The rule is on
#: the angle, not on |a·b| (tiny vectors 45° apart have a tiny a·b, yet are not
#: perpendicular). The widgets receive it from :func:`sign_rules`.
PERPENDICULAR_COS = 5e-4

POSITIVE = "↑ Positive — vectors point in similar directions"
ZERO = "⊥ Zero — the vectors are perpendicular"
NEGATIVE = "↓ Negative — vectors point in opposite directions"
ZERO_A = "○ Zero — a has zero length, so a·b = 0 whatever b is"
ZERO_B = "○ Zero — b has zero length, so a·b = 0 whatever a is"
ZERO_BOTH = "○ Zero — a and b both have zero length, so a·b = 0"


def sign_rules() -> dict[str, object]:
    """The sign rule and its sentences, as the widgets' JavaScript receives them.

    One home for the rule: :func:`sign_message` applies it in Python, and the
    drag-the-tips widget syncs this dictionary to the browser (its
    ``sign_rules`` trait), where ``signMessage`` in ``_geometry.js`` applies it.

    Examples
    --------
    >>> sign_rules()["perpendicular_cos"]
    0.0005
    """
    return {
        "perpendicular_cos": PERPENDICULAR_COS,
        "messages": {"positive": POSITIVE, "perpendicular": ZERO, "negative": NEGATIVE,
                     "zero_a": ZERO_A, "zero_b": ZERO_B, "zero_both": ZERO_BOTH},
    }


def sign_message(a: VectorLike, b: VectorLike) -> str:
    """What the sign of a·b says about two vectors, in one sentence (lessons 02 and 03).

    The same sentence the drag-the-tips widget shows under its readouts. The
    vectors count as perpendicular when |cos θ| ≤ ``PERPENDICULAR_COS`` (the angle
    shows as 90.0°); tiny vectors at 45° are *not* perpendicular, although their
    a·b is tiny.

    Examples
    --------
    >>> sign_message([1.8, 1.2], [0.8, 1.8])
    '↑ Positive — vectors point in similar directions'
    >>> sign_message([1, 0], [0, 1])
    '⊥ Zero — the vectors are perpendicular'
    >>> sign_message([1, 0], [-1, 0.5])
    '↓ Negative — vectors point in opposite directions'
    >>> sign_message([0, 0], [1, 2])
    '○ Zero — a has zero length, so a·b = 0 whatever b is'
    >>> sign_message([0.01, 0.02], [0.03, 0.01])   # 45° apart, a·b = 0.0005
    '↑ Positive — vectors point in similar directions'
    """
    xa, xb, large = _pair(a, b, "the dot product")
    zero_a, zero_b = not xa.any(), not xb.any()
    if zero_a and zero_b:
        return ZERO_BOTH
    if zero_a:
        return ZERO_A
    if zero_b:
        return ZERO_B
    # the rule on the unit vectors, so a·b cannot underflow (1e-200 · 1e-200) or overflow
    ua, _ = _unit(xa, large, "a", "the sign")
    ub, _ = _unit(xb, large, "b", "the sign")
    cos = _dot_units(ua, ub, large)
    if abs(cos) <= PERPENDICULAR_COS:
        return ZERO
    return POSITIVE if cos > 0 else NEGATIVE
