"""One test per class of bad input: each error names the problem and the fix."""

import math

import numpy as np
import pytest

import lessons_lib as ll

PAIR_FUNCTIONS = [ll.dot, ll.dot_working, ll.add, ll.cosine_similarity, ll.angle_between,
                  ll.project_onto, ll.scalar_projection]


@pytest.mark.parametrize("fn", PAIR_FUNCTIONS)
def test_mismatched_lengths(fn):
    with pytest.raises(ValueError, match=r"a has 3 numbers but b has 2\..*same length") as e:
        fn([1, 2, 3], [4, 5])
    assert "missing or extra number" in str(e.value)


@pytest.mark.parametrize("fn", [ll.dot, ll.norm, ll.normalise])
def test_empty_vector(fn):
    args = ([], [1]) if fn is ll.dot else ([],)
    with pytest.raises(ValueError, match=r"a is empty\. A vector needs at least one number"):
        fn(*args)


@pytest.mark.parametrize("bad", ["2", None, object()])
def test_non_number_inside(bad):
    with pytest.raises(TypeError, match=r"b\[1\] is .* not a number\. Write numbers"):
        ll.dot([1, 2], [1, bad])


def test_bool_inside():
    with pytest.raises(TypeError, match=r"a\[0\] is True \(a bool\), not a number"):
        ll.dot([True, 2], [1, 2])


def test_whole_vector_is_a_string():
    with pytest.raises(TypeError, match=r"a is the text '1, 2, 3', not a vector.*\[1, 2, 3\]"):
        ll.dot("1, 2, 3", [1, 2, 3])


def test_vector_is_none():
    with pytest.raises(TypeError, match=r"b is None, not a vector"):
        ll.dot([1], None)


def test_single_number_instead_of_vector():
    with pytest.raises(TypeError, match=r"a is a single number \(5\).*a = \[5\]"):
        ll.norm(5)


def test_set_has_no_order():
    with pytest.raises(TypeError, match=r"a is a set, which has no fixed order"):
        ll.norm({1, 2})


@pytest.mark.parametrize("bad", [math.nan, np.nan, float("nan")])
def test_nan_inside(bad):
    with pytest.raises(ValueError, match=r"a\[1\] is NaN .*replace it"):
        ll.dot([1, bad], [1, 2])


@pytest.mark.parametrize("bad", [math.inf, -np.inf])
def test_inf_inside(bad):
    with pytest.raises(ValueError, match=r"b\[0\] is infinite"):
        ll.cosine_similarity([1, 2], [bad, 2])


def test_2d_array_where_a_vector_is_expected():
    with pytest.raises(ValueError, match=r"a has shape \(2, 2\), but a vector must be 1-D.*ravel"):
        ll.dot(np.array([[1, 2], [3, 4]]), [1, 2])


def test_nested_list_where_a_vector_is_expected():
    with pytest.raises(ValueError, match=r"a\[0\] is itself a list, so a looks 2-D"):
        ll.norm([[1, 2], [3, 4]])


def test_string_array():
    with pytest.raises(TypeError, match=r"a is an array of <U1 values, not numbers"):
        ll.norm(np.array(["1", "2"]))


@pytest.mark.parametrize(
    ("fn", "what"),
    [(ll.angle_between, "the angle"), (ll.cosine_similarity, "the cosine similarity")],
)
def test_zero_length_vector_for_angle_and_cosine(fn, what):
    with pytest.raises(ValueError, match=rf"a has zero length .* {what} is undefined\. Use a"):
        fn([0, 0], [1, 2])
    with pytest.raises(ValueError, match=r"b has zero length"):
        fn([1, 2], [0.0, 0.0])


def test_zero_length_for_normalise_and_projection():
    with pytest.raises(ValueError, match=r"a has zero length"):
        ll.normalise([0, 0, 0])
    with pytest.raises(ValueError, match=r"b has zero length"):
        ll.project_onto([1, 2], [0, 0])


def test_overflow_is_an_error_not_inf():
    with pytest.raises(OverflowError, match=r"a·b is too large"):
        ll.dot([1e200, 1e200], [1e200, 1e200])


def test_no_silent_broadcast_of_length_one():
    # NumPy would broadcast [2] against [1, 2, 3]; a dot product must not.
    with pytest.raises(ValueError, match=r"a has 1 number but b has 3"):
        ll.dot([2], [1, 2, 3])


def test_other_types_are_rejected():
    with pytest.raises(TypeError, match=r"a is a dict, which has no fixed order"):
        ll.norm({"x": 1})
    with pytest.raises(TypeError, match=r"a is a generator, not a vector"):
        ll.norm(x for x in [1, 2])
