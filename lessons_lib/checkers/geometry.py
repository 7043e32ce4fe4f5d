"""Checkers of lesson 03: cosine similarity, the angle between two vectors, a projection."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from lessons_lib.checkers.answers import guard, to_number
from lessons_lib.checkers.feedback import Feedback, wrong
from lessons_lib.checkers.general import check_vector, scalar_verdict
from lessons_lib.checkers.givens import given_nonzero_pair, given_pair
from lessons_lib.formatting import format_number

__all__ = ["check_angle", "check_cosine", "check_projection"]


@guard
def check_cosine(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check a cosine similarity a·b / (‖a‖‖b‖) to 4 decimal places (lesson 03).

    Examples
    --------
    >>> check_cosine(0.9746, [1, 2, 3], [4, 5, 6])
    ✓ Correct! cos θ = 0.9746.
    >>> check_cosine(32, [1, 2, 3], [4, 5, 6])
    ✗ Not yet: 32 is the raw dot product a·b. Divide it by ‖a‖‖b‖ to remove the lengths.
    """
    va, vb = given_nonzero_pair(a, b, "the cosine similarity")
    d, na, nb = float(va @ vb), float(np.sqrt(va @ va)), float(np.sqrt(vb @ vb))
    expected = d / (na * nb)
    value = to_number(answer, "cos θ")
    if abs(value) > 1 + 1e-9 and abs(value - d) > 5e-4:
        angle = math.degrees(math.acos(max(-1.0, min(1.0, expected))))
        if abs(value - angle) <= 0.5:
            return wrong("that looks like the angle in degrees. Cosine similarity is cos θ, "
                         "a number between −1 and 1.")
    hints = [
        (d, f"{format_number(d, 4)} is the raw dot product a·b. Divide it by ‖a‖‖b‖ to remove "
            "the lengths."),
        (d / na, "you divided by ‖a‖ only; divide by ‖a‖ AND ‖b‖."),
        (d / nb, "you divided by ‖b‖ only; divide by ‖a‖ AND ‖b‖."),
        (d / (na * na * nb * nb), "you divided by the squared lengths; use ‖a‖‖b‖ (the roots)."),
    ]
    return scalar_verdict(value, expected, 5e-5, "cos θ", hints)  # 4 decimals, as asked


@guard
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
    va, vb = given_nonzero_pair(a, b, "the angle")
    d, na, nb = float(va @ vb), float(np.sqrt(va @ va)), float(np.sqrt(vb @ vb))
    cos = float(np.clip(d / (na * nb), -1.0, 1.0))
    radians = math.acos(cos)
    expected = math.degrees(radians)
    if isinstance(answer, float) and math.isnan(answer):  # arccos of a number outside [−1, 1]
        return wrong("your answer is \"not a number\": arccos was given a number outside "
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
    value = to_number(answer, "θ")
    # 1 decimal, as the lesson asks: half a unit of the last place, like every checker
    return scalar_verdict(value, expected, 0.05, "θ", hints, decimals=1, unit="°")


@guard
def check_projection(answer: object, a: Sequence[float], b: Sequence[float]) -> Feedback:
    """Check the vector projection of a onto b, (a·b / b·b) b (lesson 03).

    Examples
    --------
    >>> check_projection([3, 0], [3, 4], [2, 0])
    ✓ Correct! the projection of a onto b = [3, 0].
    >>> check_projection(3, [3, 4], [2, 0])
    ✗ Not yet: 3 is the scalar projection (the length of the shadow). The vector projection ...
    """
    va, vb = given_pair(a, b)
    if not np.any(vb):
        raise ValueError("b has zero length (every number is 0), so there is no direction to "
                         "project onto. Give this exercise a nonzero b.")
    expected = (va @ vb) / (vb @ vb) * vb
    if not isinstance(answer, (list, tuple, np.ndarray)):
        value = to_number(answer, "the projection")
        scalar = float(va @ vb / np.sqrt(vb @ vb))
        if abs(value - scalar) <= 0.005:
            return wrong(f"{format_number(value, 4)} is the scalar projection (the length of the "
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
