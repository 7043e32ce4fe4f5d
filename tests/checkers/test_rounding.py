"""lessons_lib.checkers.rounding: one rounding rule for every checker.

Tolerances and decimals are worked out by hand: 0.005 is half a unit of the 2nd decimal.
"""

import math

import numpy as np
import pytest

from lessons_lib import checkers as c
from lessons_lib.checkers.rounding import (
    compare,
    compare_entries,
    decimals_message,
    precision,
    written_decimals,
)


@pytest.mark.parametrize("tol, places", [(0.5, 0), (0.05, 1), (0.005, 2), (5e-5, 4),
                                         (1e-6, None), (1e-9, None), (0.01, None), (0, None)])
def test_a_tolerance_of_half_a_unit_asks_for_that_many_decimals(tol, places):
    assert precision(tol) == places


@pytest.mark.parametrize("x, places", [(0.69, 2), (0.6857, 4), (3.0, 0), (-1.5, 1), (100.0, 0),
                                       (2.5e-7, 17), (math.nan, 17)])
def test_decimals_as_written(x, places):
    assert written_decimals(x) == places


def test_a_rounding_is_right_only_when_it_is_the_right_rounding():
    """0.6857 at 2 decimals: 0.69 and 0.686 are roundings of it; 0.7 rounded too far;
    0.68 and 0.424 are not."""
    assert compare(0.69, 0.6857, 0.005) == "right"
    assert compare(0.686, 0.6857, 0.005) == "right"
    assert compare(0.7, 0.6857, 0.005) == "few decimals"
    assert compare(0.68, 0.6857, 0.005) is None
    assert compare(0.68570000001, 0.6857, 1e-6) == "right"  # exact asked: within tol
    assert compare_entries(np.array([0.69, 0.7]), np.array([0.6857, 0.6857]),
                           0.005) == "few decimals"
    assert decimals_message("a", 0.05).startswith("close: that is a rounded too far. Give 1 "
                                                  "decimal place ")


# (checker call, the value by NumPy, the decimals the lesson asks for)
ROUNDED = {
    "check_dot": (lambda x: c.check_dot(x, [0.5, 0.3, -0.2], [0.4, 0.8, 0.1]),
                  float(np.dot([0.5, 0.3, -0.2], [0.4, 0.8, 0.1])), 2),
    "check_norm": (lambda x: c.check_norm(x, [1, 2]), float(np.linalg.norm([1, 2])), 2),
    "check_cosine": (lambda x: c.check_cosine(x, [1, 2, 3], [4, 5, 6]),
                     32 / float(np.linalg.norm([1, 2, 3]) * np.linalg.norm([4, 5, 6])), 4),
    "check_angle": (lambda x: c.check_angle(x, [4, 1], [1, 3]),
                    float(np.degrees(np.arccos(7 / np.sqrt(170)))), 1),
    "check_sigmoid": (lambda x: c.check_sigmoid(x, 0.3), float(1 / (1 + np.exp(-0.3))), 2),
    "check_number": (lambda x: c.check_number(x, float(np.sqrt(2)), tol=5e-5), math.sqrt(2), 4),
}


@pytest.mark.parametrize("name", sorted(ROUNDED))
def test_every_checker_rounds_the_same_way(name):
    """N decimals asked: the correct rounding at N or more decimals is right; a last
    decimal off by one at N decimals is wrong; fewer decimals get "give N decimals"."""
    call, value, places = ROUNDED[name]
    assert call(value).ok
    assert call(round(value, places)).ok, round(value, places)
    assert call(round(value, places + 1)).ok, round(value, places + 1)
    for off in (-1, 1):
        typed = round(round(value, places) + off * 10 ** -places, places)
        assert not call(typed).ok, (name, typed)
    fewer = round(value, places - 1)
    if places > 1 and fewer != round(value, places):
        assert "decimal places" in call(fewer).message, (name, fewer)


def test_03_angle_one_decimal_is_57_5_not_57_58():
    """θ = arccos(7/√170) = 57.53° (NumPy): "1 decimal" accepts 57.5 and 57.53, rejects
    57.58 (its second decimal is wrong) and 57.6 (57.53 rounds to 57.5)."""
    for typed in (57.5, 57.53):
        assert c.check_angle(typed, [4, 1], [1, 3]).ok, typed
    for typed in (57.58, 57.6):
        assert not c.check_angle(typed, [4, 1], [1, 3]).ok, typed
