"""lessons_lib.properties (lesson 05): each law checked against NumPy, plus Hypothesis."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons_lib import properties as pr

floats = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)


@st.composite
def three_vectors(draw):
    n = draw(st.integers(1, 8))
    vec = st.lists(floats, min_size=n, max_size=n)
    return draw(vec), draw(vec), draw(vec), draw(floats)


@given(three_vectors())
def test_every_law_holds_on_random_vectors(data):
    a, b, c, k = data
    report = pr.dot_properties(a, b, c, k)
    assert report.all_hold, str(report)
    # the sides agree with NumPy's evaluation of each side
    A, B, C = (np.asarray(v, dtype=float) for v in (a, b, c))
    scale = 1 + float(np.abs(A) @ np.abs(B)) + float(np.abs(A) @ np.abs(C))
    assert report["commutative"].left == pytest.approx(A @ B, abs=1e-9 * scale)
    assert report["scalar rule"].right == pytest.approx(k * (A @ B),
                                                        abs=1e-9 * scale * (1 + abs(k)))
    assert report["distributive"].left == pytest.approx(A @ (B + C), abs=1e-9 * scale)
    assert report["self dot"].right == pytest.approx(np.linalg.norm(A) ** 2,
                                                     abs=1e-9 * (1 + A @ A))
    assert report["Cauchy–Schwarz"].right == pytest.approx(
        np.linalg.norm(A) * np.linalg.norm(B), abs=1e-9 * scale)


def test_report_for_the_start_vectors():
    report = pr.dot_properties([1.8, 1.2], [0.8, 1.8])
    # hand arithmetic: a·b = 1.44 + 2.16 = 3.6; a·a = 3.24 + 1.44 = 4.68; c = [1, −1]
    assert report["commutative"].left == pytest.approx(3.6)
    assert report["scalar rule"].left == pytest.approx(3 * 3.6)
    assert report["distributive"].left == pytest.approx(1.8 * 1.8 + 1.2 * 0.8)  # a·(b + c)
    assert report["self dot"].left == pytest.approx(4.68)
    assert report["Cauchy–Schwarz"].right == pytest.approx(math.sqrt(4.68 * (0.64 + 3.24)))
    assert report.c == [1.0, -1.0]
    text = str(report)
    assert text.count("✓") == 5 and "✗" not in text
    assert "<table>" in report.to_html()


def test_cauchy_schwarz_is_equality_for_parallel_vectors():
    report = pr.dot_properties([1, 2], [-2, -4])
    cs = report["Cauchy–Schwarz"]
    assert cs.holds and cs.left == pytest.approx(cs.right)


def test_report_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="same number of components"):
        pr.dot_properties([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="distributive"):
        pr.dot_properties([1, 2], [1, 2], c=[1, 2, 3])
    with pytest.raises(KeyError, match="choose one of"):
        pr.dot_properties([1, 2], [3, 4])["associative"]


def test_clip_by_norm_examples():
    np.testing.assert_allclose(pr.clip_by_norm([3, 4], 1), [0.6, 0.8])
    np.testing.assert_allclose(pr.clip_by_norm([3, 4], 10), [3, 4])
    assert pr.clip_by_norm([3, 4], 5) == [3.0, 4.0]  # exactly at the limit: unchanged


@given(st.lists(floats, min_size=1, max_size=10),
       st.floats(min_value=1e-3, max_value=1e3))
def test_clip_by_norm_properties(g, max_norm):
    out = np.asarray(pr.clip_by_norm(g, max_norm))
    G = np.asarray(g, dtype=float)
    n = np.linalg.norm(G)
    if n <= max_norm:
        np.testing.assert_array_equal(out, G)
    else:
        assert np.linalg.norm(out) == pytest.approx(max_norm, rel=1e-9)
        np.testing.assert_allclose(out * n, G * max_norm, rtol=1e-9, atol=1e-9 * n)


def test_clip_takes_no_square_root_when_not_clipping(monkeypatch):
    calls = []
    real = math.sqrt
    monkeypatch.setattr(pr.math, "sqrt", lambda x: calls.append(x) or real(x))
    pr.clip_by_norm([0.3, 0.4], 1.0)
    assert calls == []
    pr.clip_by_norm([3, 4], 1.0)
    assert calls == [25.0]


def test_clip_rejects_bad_max_norm():
    with pytest.raises(ValueError, match="positive"):
        pr.clip_by_norm([1, 2], -1)


def test_clip_working_text():
    assert pr.clip_working([3, 4], 1).startswith("g·g = 3·3 + 4·4 = 25 > max_norm² = 1")


def test_float_pitfall_exact_repr():
    p = pr.float_pitfall()
    assert p.value == 1.8 * 0.8 + 1.2 * 1.8
    assert repr(p.value) == "3.6000000000000005"
    assert p.equal is False and p.isclose is True
    assert "3.6000000000000005" in str(p)
    assert "math.isclose(1.8*0.8 + 1.2*1.8, 3.6)  →  True" in str(p)


def test_close_enough():
    assert pr.close_enough(0.1 + 0.2, 0.3)
    assert not pr.close_enough(0.1 + 0.2, 0.31)
    assert pr.close_enough(1e-13, 0.0)  # absolute tolerance near zero
