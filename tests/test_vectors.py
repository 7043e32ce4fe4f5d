"""Reference values from the sources, worked out by hand (see ../shared/CURRICULUM.md)."""

import math

import pytest

import lessons_lib as ll


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
