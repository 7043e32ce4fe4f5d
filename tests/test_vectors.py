"""Reference values from the sources, worked out by hand (see ../shared/CURRICULUM.md)."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lessons_lib as ll
from lessons_lib._validate import LARGE


def test_add_004_refresher():
    # 004: [1, 2] + [3, 4] = [4, 6]
    assert ll.add([1, 2], [3, 4]) == [1 + 3, 2 + 4] == [4, 6]


def test_scale_004_refresher():
    # 004: 2·[1, 2] = [2, 4]
    assert ll.scale(2, [1, 2]) == [2, 4]


def test_norm_004_refresher():
    # 004: ||[3, 4]|| = 5, since 3² + 4² = 9 + 16 = 25
    assert ll.norm([3, 4]) == 5.0


def test_dot_004_example_1():
    assert ll.dot([1, 2, 3], [4, 5, 6]) == 1 * 4 + 2 * 5 + 3 * 6 == 32


def test_dot_004_example_2():
    assert ll.dot([2, -1, 3], [1, 4, 2]) == 2 - 4 + 6 == 4


def test_dot_002_example():
    assert ll.dot((2, 3, 4), (1, 0, 2)) == 2 + 0 + 8 == 10


def test_dot_004_widget_start():
    # 1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60
    assert ll.dot([1.8, 1.2], [0.8, 1.8]) == pytest.approx(3.60, abs=1e-12)


def test_dot_returns_one_number_not_a_vector():
    result = ll.dot([1, 2, 3], [4, 5, 6])
    assert isinstance(result, int)
    result = ll.dot([1.0, 2], [4, 5])
    assert isinstance(result, float)


def test_dot_accepts_lists_tuples_arrays_and_length_one():
    np = pytest.importorskip("numpy")
    assert ll.dot(np.array([1, 2, 3]), (4, 5, 6)) == 32
    assert ll.dot(np.array([1.5]), [2]) == 3.0
    assert ll.dot([7], [6]) == 42


def test_large_ints_do_not_wrap_around():
    big = 2**62
    # int64 would wrap 2**62 * 4 * 2 around to 0; Python ints do not.
    assert ll.dot([big, big], [4, 4]) == 2**65
    np = pytest.importorskip("numpy")
    assert ll.dot(np.array([big, big], dtype=np.int64), np.array([4, 4])) == 2**65
    assert ll.add([2**63 - 1], [1]) == [2**63]


def test_add_and_scale_with_floats():
    assert ll.add([0.5, 1], [0.25, -1]) == [0.75, 0]
    assert ll.scale(-0.5, [2, 4]) == [-1.0, -2.0]


def test_norm_of_tiny_and_huge_vectors_does_not_underflow_or_overflow():
    assert ll.norm([3e-200, 4e-200]) == pytest.approx(5e-200)
    assert ll.norm([3e200, 4e200]) == pytest.approx(5e200)


def test_norm_of_3d():
    assert ll.norm([1, 2, 2]) == math.sqrt(1 + 4 + 4) == 3.0


# --- The same bits on every CPU (issue 11) -------------------------------------------------
# NumPy's np.dot may use fused multiply-adds or another summation order depending on
# the CPU's BLAS kernel. Lesson-sized results must not: they are defined as the sum
# written left to right, one IEEE float64 rounding per operation, exactly what the
# explicit Python loop below does (an independent statement of the rule).

_floats = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def _left_to_right(a, b):
    total = 0.0
    for x, y in zip(a, b, strict=True):
        total = total + float(x) * float(y)
    return total


@given(st.integers(1, 40).flatmap(
    lambda n: st.tuples(st.lists(_floats, min_size=n, max_size=n),
                        st.lists(_floats, min_size=n, max_size=n))))
def test_dot_is_the_left_to_right_float_sum_bit_for_bit(pair):
    a, b = pair
    expected = _left_to_right(a, b)
    for x, y in ((a, b), (tuple(a), tuple(b)), (np.array(a), np.array(b))):
        got = ll.dot(x, y)
        assert got.hex() == float(expected).hex()
        assert ll.dot_working(x, y).total.hex() == float(expected).hex()


def test_the_float_lesson_value_is_the_same_on_every_machine():
    # Lesson 05's pitfall: 1.8·0.8 + 1.2·1.8 computed left to right in binary floats.
    assert ll.dot([1.8, 1.2], [0.8, 1.8]) == 1.8 * 0.8 + 1.2 * 1.8 == 3.6000000000000005


@given(st.lists(_floats, min_size=1, max_size=40))
def test_norm_is_math_hypot_bit_for_bit(a):
    assert ll.norm(a).hex() == math.hypot(*a).hex()
    assert ll.norm(np.array(a)).hex() == math.hypot(*a).hex()


# --- Large vectors: vectorised checks, NumPy speed, the same clear errors --------------------

def test_large_float_arrays_agree_with_numpy():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=50_000), rng.normal(size=50_000)
    assert ll.dot(a, b) == pytest.approx(float(np.dot(a, b)), rel=1e-12)
    assert ll.norm(a) == pytest.approx(float(np.sqrt(np.sum(a * a))), rel=1e-12)


def test_large_int_arrays_stay_exact():
    a = np.arange(LARGE + 5, dtype=np.int64)
    expected = sum(i * i for i in range(LARGE + 5))
    assert ll.dot(a, a) == expected and isinstance(ll.dot(a, a), int)
    huge = np.full(LARGE + 1, 2**40, dtype=np.int64)  # the int64 sum would wrap around
    assert ll.dot(huge, huge) == (LARGE + 1) * 2**80


@pytest.mark.parametrize("bad, message", [
    (np.nan, r"a\[1500\] is NaN"),
    (np.inf, r"a\[1500\] is infinite"),
])
def test_large_arrays_name_the_bad_entry(bad, message):
    a = np.ones(LARGE * 2)
    a[1500] = bad
    with pytest.raises(ValueError, match=message):
        ll.dot(a, np.ones(LARGE * 2))
    with pytest.raises(ValueError, match=message):
        ll.norm(a)


def test_large_arrays_of_other_kinds_get_the_usual_messages():
    n = LARGE + 1
    with pytest.raises(ValueError, match="a has 1001 numbers but b has 1002"):
        ll.dot(np.ones(n), np.ones(n + 1))
    with pytest.raises(TypeError, match="bool"):
        ll.dot(np.ones(n, dtype=bool), np.ones(n))
    with pytest.raises(TypeError, match=r"not numbers|not a number"):
        ll.dot(np.array(["1"] * n), np.ones(n))
    with pytest.raises(OverflowError, match="too large"):
        ll.dot(np.full(n, 1e200), np.full(n, 1e200))
    assert ll.dot([1.5] * n, [2.0] * n) == pytest.approx(3.0 * n)
