"""Property tests: the package agrees with NumPy and obeys the algebra of lesson 05."""

import math

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

import lessons_lib as ll

# Moderate magnitudes keep float64 rounding small relative to the values compared.
floats = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
ints = st.integers(min_value=-(10**30), max_value=10**30)


@st.composite
def float_pair(draw, n_min=1, n_max=12):
    n = draw(st.integers(n_min, n_max))
    return draw(st.lists(floats, min_size=n, max_size=n)), draw(
        st.lists(floats, min_size=n, max_size=n)
    )


@st.composite
def int_pair(draw):
    n = draw(st.integers(1, 10))
    return draw(st.lists(ints, min_size=n, max_size=n)), draw(
        st.lists(ints, min_size=n, max_size=n)
    )


def tol(a, b):
    # a bound on float64 rounding error of a dot product of length n
    return 1e-12 * (1 + float(np.dot(np.abs(a), np.abs(b))))


@given(float_pair())
def test_dot_matches_numpy(pair):
    a, b = pair
    assert abs(ll.dot(a, b) - float(np.dot(a, b))) <= tol(a, b)


@given(int_pair())
def test_integer_dot_is_exact(pair):
    a, b = pair
    assert ll.dot(a, b) == sum(x * y for x, y in zip(a, b, strict=False))


@given(float_pair())
def test_commutative(pair):
    a, b = pair
    assert ll.dot(a, b) == ll.dot(b, a)


@given(float_pair(), floats)
def test_scalar_rule(pair, c):
    a, b = pair
    assert abs(ll.dot(ll.scale(c, a), b) - c * ll.dot(a, b)) <= 1e-9 * (1 + abs(c)) * (
        1 + float(np.dot(np.abs(a), np.abs(b)))
    )


@given(
    st.integers(1, 8).flatmap(lambda n: st.tuples(*[st.lists(floats, min_size=n, max_size=n)] * 3))
)
def test_distributive(triple):
    a, b, c = triple
    lhs = ll.dot(a, ll.add(b, c))
    rhs = ll.dot(a, b) + ll.dot(a, c)
    assert abs(lhs - rhs) <= 1e-11 * (1 + float(np.dot(np.abs(a), np.abs(b) + np.abs(c))))


@given(float_pair())
def test_self_dot_is_squared_norm(pair):
    a, _ = pair
    assert math.isclose(ll.dot(a, a), ll.norm(a) ** 2, rel_tol=1e-12, abs_tol=1e-12)
    # NumPy's norm underflows to 0 for tiny inputs; scaling first is the textbook fix.
    m = max(abs(x) for x in a)
    ref = 0.0 if m == 0 else m * float(np.linalg.norm(np.asarray(a) / m))
    assert math.isclose(ll.norm(a), ref, rel_tol=1e-12)


@given(float_pair())
def test_cauchy_schwarz(pair):
    a, b = pair
    assert abs(ll.dot(a, b)) <= ll.norm(a) * ll.norm(b) + tol(a, b)


@given(float_pair())
def test_cosine_in_range_and_matches_numpy(pair):
    a, b = pair
    assume(np.linalg.norm(a) > 1e-6 and np.linalg.norm(b) > 1e-6)
    c = ll.cosine_similarity(a, b)
    assert -1.0 <= c <= 1.0
    expected = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))
    assert abs(c - expected) <= 1e-9


@given(float_pair())
def test_angle_symmetric_in_range_and_consistent_with_cosine(pair):
    a, b = pair
    assume(np.linalg.norm(a) > 1e-6 and np.linalg.norm(b) > 1e-6)
    theta = ll.angle_between(a, b)
    assert theta == ll.angle_between(b, a)
    assert 0.0 <= theta <= 180.0
    assert abs(math.cos(math.radians(theta)) - ll.cosine_similarity(a, b)) <= 1e-9


@given(float_pair())
def test_angle_with_itself_is_zero(pair):
    a, _ = pair
    assume(np.linalg.norm(a) > 0)
    assert ll.angle_between(a, a) == 0.0


@given(float_pair())
def test_projection_matches_formula(pair):
    a, b = pair
    assume(np.linalg.norm(b) > 1e-3)
    expected = np.dot(a, b) / np.dot(b, b) * np.asarray(b)
    got = np.asarray(ll.project_onto(a, b))
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9 * (1 + np.linalg.norm(a)))
