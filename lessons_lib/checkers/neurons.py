"""Checkers of lessons 04-05: a neuron's activation σ(z), a gradient clipped by norm."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from lessons_lib.checkers.answers import guard, to_number
from lessons_lib.checkers.feedback import Feedback
from lessons_lib.checkers.general import check_vector, scalar_verdict
from lessons_lib.checkers.givens import given_number, given_table
from lessons_lib.formatting import _format_number, format_number

__all__ = ["check_clip", "check_sigmoid"]


@guard
def check_sigmoid(answer: object, z: float) -> Feedback:
    """Check a neuron's activation σ(z) = 1 / (1 + e^(−z)) (lesson 04).

    Examples
    --------
    >>> check_sigmoid(0.5, 0.0)
    ✓ Correct! σ(z) = 0.5000.
    >>> check_sigmoid(2.0, 2.0)
    ✗ Not yet: 2 is z itself, the weighted sum. Apply the activation: σ(z) = 1 / (1 + e^(−z)).
    """
    z = given_number(z, "z")
    expected = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
    hints: list[tuple[float, str]] = [
        (z, f"{_format_number(z, 4)} is z itself, the weighted sum. Apply the activation: "
            "σ(z) = 1 / (1 + e^(−z))."),
        (max(z, 0.0), "that is ReLU(z) = max(0, z); this neuron uses the sigmoid σ(z)."),
    ]
    if abs(z) < 700:  # beyond that e^(±z) overflows and neither mistake is plausible
        hints += [
            (math.exp(-z), "that is e^(−z); σ(z) = 1 / (1 + e^(−z)): add 1, then take 1 over it."),
            (1.0 / (1.0 + math.exp(z)),
             "you used e^(+z); the sigmoid has e^(−z), so σ(z) is above 0.5 when z > 0."),
        ]
    value = to_number(answer, "σ(z)")
    return scalar_verdict(value, expected, 0.005, "σ(z)", hints, decimals=4)


@guard
def check_clip(answer: object, g: Sequence[float], max_norm: float) -> Feedback:
    """Check gradient clipping by norm: g scaled to length ``max_norm`` if longer (lesson 05).

    Examples
    --------
    >>> check_clip([3, 4], [6, 8], 5)
    ✓ Correct! the clipped gradient = [3, 4].
    >>> check_clip([0.6, 0.8], [6, 8], 5)
    ✗ Not yet: that is the unit vector g/‖g‖ (length 1). Scale it to max_norm: g · max_norm/‖g‖.
    """
    vg = given_table(g, "g", ndim=1)
    max_norm = given_number(max_norm, "max_norm", positive=True)
    length = float(np.sqrt(vg @ vg))
    expected = vg * (max_norm / length) if length > max_norm else vg
    hints: list[tuple[Any, str]] = [
        (vg / (vg @ vg) * max_norm if length else vg,
         "you divided by g·g = ‖g‖²; divide by ‖g‖ = √(g·g) instead."),
        (np.clip(vg, -max_norm, max_norm),
         "you clipped each number separately (clip by value); clip by norm rescales the whole "
         "vector so its direction is kept."),
    ]
    if length:
        hints.insert(0, (vg / length, "that is the unit vector g/‖g‖ (length 1). Scale it to "
                                      "max_norm: g · max_norm/‖g‖."))
    if length > max_norm:
        hints.append((vg, f"‖g‖ = √(g·g) = {format_number(length, 4, trim=True)} is more than "
                          f"max_norm = {_format_number(max_norm, 4, trim=True)}, so g must be "
                          "scaled down to that length."))
    if length <= max_norm:
        hints.append((vg * (max_norm / length) if length else vg,
                      f"‖g‖ = {format_number(length, 4)} is already within max_norm, so g is "
                      "left unchanged: only clip when it is too long."))
    return check_vector(answer, expected, tol=0.005, hints=hints, what="the clipped gradient")
