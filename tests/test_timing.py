"""lessons_lib.timing: raw dot products against cosine similarity (lesson 03).

Expected values by hand or with NumPy directly; no wall-clock assertion (the timings vary).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons_lib.timing import CostComparison, compare_dot_vs_cosine, cosine_scores, raw_scores

X = np.array([[1.0, 0.0], [3.0, 4.0], [0.0, -2.0]])
Q = np.array([1.0, 1.0])


def test_raw_scores_are_one_dot_product_per_row():
    assert raw_scores(X, Q).tolist() == [1.0, 7.0, -2.0]  # 1·1 + 0·1, 3 + 4, 0 − 2


def test_cosine_scores_divide_by_both_lengths():
    root2 = np.sqrt(2)
    expected = [1 / root2, 7 / (5 * root2), -2 / (2 * root2)]  # ‖q‖ = √2, ‖x‖ = 1, 5, 2
    np.testing.assert_allclose(cosine_scores(X, Q), expected, rtol=1e-12)


def test_mismatched_dimensions_are_named():
    with pytest.raises(ValueError, match="each row of X has 2 numbers but q has 3"):
        raw_scores(X, np.array([1.0, 2.0, 3.0]))


def test_operation_counts_follow_the_formula():
    c = CostComparison(n_vectors=10, dim=4, raw_seconds=1e-3, cosine_seconds=3e-3)
    raw = 10 * 4 + 10 * 3  # n·d multiplications, n·(d − 1) additions
    extra = raw + (4 + 3) + 11 + 10 + 10  # squares and sums, the query's, roots, norms, divisions
    assert c.operations == (raw, raw + extra)
    assert c.ratio == pytest.approx(3.0)
    assert "3.0× the time" in str(c) and repr(c) == str(c)


def test_compare_runs_on_small_data_and_reports_positive_times():
    c = compare_dot_vs_cosine(n_vectors=50, dim=8, repeat=2, number=2)
    assert (c.n_vectors, c.dim) == (50, 8)
    assert c.raw_seconds > 0 and c.cosine_seconds > 0
