"""The vectorised paths of the vector operations give the exact path's answers (issue 24).

A vector longer than ``LARGE`` numbers takes NumPy's fast path. Where the package promises
exactness (whole numbers, and element-wise float arithmetic, which IEEE rounds the same
way in NumPy and in Python) the fast path must agree bit for bit with the number-by-number
reference computed here in plain Python; for lengths, angles and projections (sums whose
order NumPy chooses) it must agree to rounding. Masked arrays are refused on both paths.
"""

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import lessons_lib as ll
from lessons_lib._validate import LARGE

N = LARGE + 7  # just past the switch to the fast path
floats = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, allow_subnormal=True)
ints = st.integers(-(2**31), 2**31)
float_vectors = hnp.arrays(np.float64, N, elements=floats)
int_vectors = hnp.arrays(np.int64, N, elements=ints)
FAST = settings(max_examples=25, deadline=None)


def _nonzero(v: np.ndarray) -> bool:
    return bool(np.any(v != 0))


@FAST
@given(float_vectors, float_vectors)
def test_add_is_exact_on_the_fast_path(a, b):
    out = ll.add(a, b)
    assert isinstance(out, np.ndarray)
    assert out.tolist() == [x + y for x, y in zip(a.tolist(), b.tolist(), strict=True)]


@FAST
@given(int_vectors, int_vectors)
def test_add_of_whole_numbers_is_exact(a, b):
    assert ll.add(a, b).tolist() == [x + y for x, y in zip(a.tolist(), b.tolist(), strict=True)]


@FAST
@given(st.floats(-1e3, 1e3, allow_nan=False), float_vectors)
def test_scale_is_exact_on_the_fast_path(c, a):
    assert ll.scale(c, a).tolist() == [c * x for x in a.tolist()]


@FAST
@given(ints, int_vectors)
def test_scale_of_whole_numbers_is_exact(c, a):
    assert ll.scale(c, a).tolist() == [c * x for x in a.tolist()]


def _length(v: list[float]) -> float:
    return math.hypot(*v)  # correctly rounded to within an ulp, whatever the order


@FAST
@given(float_vectors)
def test_norm_and_normalise_agree_with_the_exact_path(a):
    assert ll.norm(a) == pytest.approx(_length(a.tolist()), rel=1e-12, abs=1e-300)
    if _nonzero(a):
        unit = ll.normalise(a)
        reference = [x / _length(a.tolist()) for x in a.tolist()]
        assert np.allclose(unit, reference, rtol=1e-12, atol=1e-15)


_TINY = np.zeros(N)
_TINY[0] = 1.10623942e-278


@FAST
@given(float_vectors, float_vectors)
# found by hypothesis: a·b = 2.9e−343 underflowed to 0 on the fast path, and the projection
# of a onto b came out 0 instead of 3.5e−280
@example(_TINY, np.full(N, 2.60465145e-65))
def test_cosine_angle_and_projections_agree_with_the_exact_path(a, b):
    if not (_nonzero(a) and _nonzero(b)):
        return
    la, lb = _length(a.tolist()), _length(b.tolist())
    ua = [x / la for x in a.tolist()]
    ub = [x / lb for x in b.tolist()]
    cos = math.fsum(x * y for x, y in zip(ua, ub, strict=True))  # exactly rounded sum
    assert ll.cosine_similarity(a, b) == pytest.approx(cos, abs=1e-12)
    diff = _length([x - y for x, y in zip(ua, ub, strict=True)])
    plus = _length([x + y for x, y in zip(ua, ub, strict=True)])
    angle = math.degrees(2 * math.atan2(diff, plus))
    assert ll.angle_between(a, b) == pytest.approx(angle, abs=1e-7)
    reach = math.fsum(x * y for x, y in zip(a.tolist(), ub, strict=True))
    assert ll.scalar_projection(a, b) == pytest.approx(reach, rel=1e-9, abs=1e-9 * la)
    assert np.allclose(ll.project_onto(a, b), [reach * y for y in ub], rtol=1e-9,
                       atol=1e-9 * la)


@pytest.mark.parametrize("size", [5, N])
@pytest.mark.parametrize("fn", [ll.add, ll.dot, ll.cosine_similarity, ll.angle_between,
                                ll.scalar_projection, ll.project_onto, ll.sign_message])
def test_masked_arrays_are_refused_on_both_paths(fn, size):
    values = np.arange(1.0, size + 1)
    masked = np.ma.array(values, mask=np.arange(size) % 2 == 0)
    with pytest.raises(TypeError, match=r"a is a masked array.*a\.filled\(0\).*compressed"):
        fn(masked, values)


@pytest.mark.parametrize("size", [5, N])
@pytest.mark.parametrize("fn", [ll.norm, ll.normalise, lambda a: ll.scale(2, a)])
def test_masked_arrays_are_refused_by_one_vector_functions(fn, size):
    masked = np.ma.array(np.ones(size), mask=[True] + [False] * (size - 1))
    with pytest.raises(TypeError, match="masked array"):
        fn(masked)


def test_tiny_and_huge_vectors_keep_their_direction_on_both_paths():
    for size in (3, N):
        for value in (5e-324, 1e-200, 1e200, 1e308):
            v = np.full(size, value)
            assert np.allclose(ll.normalise(v), np.full(size, 1 / math.sqrt(size)), rtol=1e-12)
            assert ll.angle_between(v, v) == pytest.approx(0.0, abs=1e-6)


def test_sign_of_tiny_vectors_45_degrees_apart_is_not_perpendicular():
    # a·b underflows to 0 here, yet the angle is 45°
    assert ll.angle_between([1e-200, 1e-200], [1e-200, 0]) == pytest.approx(45.0)
    assert ll.sign_message([1e-200, 1e-200], [1e-200, 0]).startswith("↑ Positive")
    assert ll.sign_message([1e200, 1e200], [-1e200, 0]).startswith("↓ Negative")
