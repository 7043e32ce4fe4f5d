"""The working is written out exactly as the sources write it."""

import lessons_lib as ll


def test_working_004_example_1():
    assert str(ll.dot_working([1, 2, 3], [4, 5, 6])) == "1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32"


def test_working_004_example_2_negative_parenthesised_and_subtracted():
    assert str(ll.dot_working([2, -1, 3], [1, 4, 2])) == "2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4"


def test_working_002_example_with_times_sign():
    w = ll.dot_working((2, 3, 4), (1, 0, 2), times="×")
    assert str(w) == "2×1 + 3×0 + 4×2 = 2 + 0 + 8 = 10"


def test_working_float_rounding_shows_3_60_not_3_6000000000000005():
    assert 1.8 * 0.8 + 1.2 * 1.8 != 3.6  # the float pitfall really happens here
    w = ll.dot_working([1.8, 1.2], [0.8, 1.8])
    assert str(w) == "1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60"
    assert "0000" not in repr(w)


def test_working_first_product_negative_and_negative_result():
    assert str(ll.dot_working([-2, 1], [3, -1])) == "(−2)·3 + 1·(−1) = −6 − 1 = −7"


def test_working_keeps_numbers():
    w = ll.dot_working([1, 2, 3], [4, 5, 6])
    assert w.products == [4, 10, 18]
    assert w.total == 32
    assert w.equation == "[1, 2, 3]·[4, 5, 6] = 1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32"


def test_long_vectors_are_elided():
    w = ll.dot_working(list(range(1, 21)), [1] * 20)
    text = str(w)
    assert "…" in text
    assert text.endswith(f"= {sum(range(1, 21))}")
    assert len(text) < 120


def test_norm_working():
    assert ll.norm_working([3, 4]) == "√(3² + 4²) = √25 = 5"
    assert ll.norm_working([1, -2]) == "√(1² + (−2)²) = √5 ≈ 2.24"
