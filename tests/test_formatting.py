"""lessons_lib.formatting: how every number and vector is shown (expected values by hand)."""

import lessons_lib as ll
from lessons_lib.formatting import format_fixed, format_vector


def test_format_number():
    assert ll.format_number(32) == "32"
    assert ll.format_number(-4) == "−4"
    assert ll.format_number(5.0) == "5"
    assert ll.format_number(3.6000000000000005) == "3.60"
    assert ll.format_number(-0.001) == "−0.001"
    assert ll.format_number(-0.0000001, decimals=2) == "−1×10^−7"
    assert ll.format_number(-0.004 + 0.004) == "0"


def test_format_fixed_keeps_the_places_and_writes_a_true_minus():
    assert format_fixed(3.6000000000000005, 2) == "3.60"
    assert format_fixed(-0.25, 1) in ("−0.2", "−0.3")  # half-way: either neighbour, never "-"
    assert format_fixed(-0.001, 2) == "0.00"  # rounds to zero: no "−0.00"


def test_format_vector_uses_the_number_rule_for_each_component():
    assert format_vector([1.8, -1.2]) == "[1.8, −1.2]"
    assert format_vector([3.0, 4.0]) == "[3, 4]"
