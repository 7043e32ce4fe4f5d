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

from lessons_lib._validate import Number, VectorLike, as_vector, same_length
from lessons_lib.vectors import dot, norm, sum_left_to_right


def _nonzero(v: list[Number], name: str, what: str) -> float:
    length = norm(v)
    if length == 0.0:
        raise ValueError(
            f"{name} has zero length (every number is 0), so it points in no direction and "
            f"{what} is undefined. Use a vector with at least one non-zero number."
        )
    return length


def normalise(a: VectorLike) -> list[float]:
    """Scale ``a`` to length 1 without changing its direction: â = a / ‖a‖ (lesson 03).

    Raises
    ------
    ValueError
        If ``a`` has zero length (it has no direction to keep).

    Examples
    --------
    >>> normalise([3, 4])
    [0.6, 0.8]
    """
    va = as_vector(a, "a")
    length = _nonzero(va, "a", "its direction")
    return (np.asarray(va, dtype=float) / length + 0.0).tolist()  # + 0.0 turns −0.0 into 0.0


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
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="cosine similarity")
    na = _nonzero(va, "a", "the cosine similarity")
    nb = _nonzero(vb, "b", "the cosine similarity")
    ua = np.asarray(va, dtype=float) / na
    ub = np.asarray(vb, dtype=float) / nb
    return float(np.clip(sum_left_to_right(ua.tolist(), ub.tolist()), -1.0, 1.0))


def angle_between(a: VectorLike, b: VectorLike, *, degrees: bool = True) -> float:
    """The angle θ between two vectors, in degrees (default) or radians (lesson 03).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of numbers, same dimension, neither all zeros
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
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="an angle")
    ua = np.asarray(va, dtype=float) / _nonzero(va, "a", "the angle")
    ub = np.asarray(vb, dtype=float) / _nonzero(vb, "b", "the angle")
    theta = 2.0 * math.atan2(math.hypot(*(ua - ub)), math.hypot(*(ua + ub)))
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
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="a projection")
    return dot(va, vb) / _nonzero(vb, "b", "projecting onto it")


def project_onto(a: VectorLike, b: VectorLike) -> list[float]:
    """The vector projection of ``a`` onto ``b``: (a·b / b·b) b (lesson 03).

    Examples
    --------
    >>> project_onto([3, 4], [2, 0])
    [3.0, 0.0]
    >>> project_onto([1, 1], [1, -1])
    [0.0, 0.0]
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="a projection")
    nb = _nonzero(vb, "b", "projecting onto it")
    ub = np.asarray(vb, dtype=float) / nb
    return (sum_left_to_right(va, ub.tolist()) * ub + 0.0).tolist()


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
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    zero_a, zero_b = not any(va), not any(vb)
    if zero_a and zero_b:
        return ZERO_BOTH
    if zero_a:
        return ZERO_A
    if zero_b:
        return ZERO_B
    value = dot(va, vb)
    if abs(value) <= PERPENDICULAR_COS * norm(va) * norm(vb):
        return ZERO
    return POSITIVE if value > 0 else NEGATIVE
