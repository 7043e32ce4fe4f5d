"""lessons_lib.neurons (lesson 04): expected values from hand arithmetic, math and NumPy."""

import math

import numpy as np
import pytest

from lessons_lib import neurons as nn


def test_weighted_sum_hand_arithmetic():
    # 0.5·4 + (−1)·2 + 0·100 + 1 = 2 − 2 + 0 + 1 = 1, by hand
    assert nn.weighted_sum([0.5, -1, 0], [4, 2, 100], b=1) == pytest.approx(1.0)


def test_zero_weight_ignores_its_feature():
    w = [2.0, 0.0, -1.0]
    assert nn.weighted_sum(w, [1, 5, 3]) == nn.weighted_sum(w, [1, -999, 3])


def test_weighted_sum_working_text():
    # a float input: every result gets the same fixed places (0.5·4 = 2.00)
    assert nn.weighted_sum_working([0.5, -1, 0], [4, 2, 100], b=1) == (
        "0.5·4 + (−1)·2 + 0·100 + 1 = 2.00 − 2.00 + 0.00 + 1.00 = 1.00"
    )
    # integers stay exact: 2·4 − 1·2 + 0·100 + 1 = 8 − 2 + 0 + 1 = 7
    assert nn.weighted_sum_working([2, -1, 0], [4, 2, 100], b=1) == (
        "2·4 + (−1)·2 + 0·100 + 1 = 8 − 2 + 0 + 1 = 7"
    )
    assert nn.weighted_sum_working([1, 1], [2, 3], b=-1) == "1·2 + 1·3 − 1 = 2 + 3 − 1 = 4"


@pytest.mark.parametrize("z", [-50.0, -3.0, -0.5, 0.0, 0.5, 3.0, 50.0])
def test_sigmoid_matches_formula(z):
    assert nn.sigmoid(z) == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-12)


def test_sigmoid_is_stable_at_extremes():
    with np.errstate(over="raise", invalid="raise"):  # an overflow would raise
        assert nn.sigmoid(-1000) == 0.0
        assert nn.sigmoid(1000) == 1.0
        out = nn.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert out.tolist() == [0.0, 0.5, 1.0]


def test_sigmoid_rejects_nan_and_text():
    with pytest.raises(ValueError, match="NaN"):
        nn.sigmoid(float("nan"))
    with pytest.raises(TypeError):
        nn.sigmoid("2")


def test_relu():
    assert nn.relu(-2) == 0.0
    assert nn.relu(2.5) == 2.5
    assert nn.relu(np.array([-1.0, 3.0])).tolist() == [0.0, 3.0]


def test_neuron_z_and_a():
    out = nn.neuron([0.8, -0.5], [1.0, 2.0], b=0.1)
    z = 0.8 * 1.0 + (-0.5) * 2.0 + 0.1
    assert out.z == pytest.approx(z)
    assert out.a == pytest.approx(1 / (1 + math.exp(-z)))
    assert "0.8·1 + (−0.5)·2 + 0.1" in repr(out)


def test_house_prices_is_deterministic_and_plausible():
    X1, y1 = nn.house_prices()
    X2, y2 = nn.house_prices()
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert X1.shape == (12, 3) and y1.shape == (12,)
    assert set(np.unique(X1[:, 0])) <= set(range(1, 7))


def test_fit_recovers_exact_line():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 3.0]])
    y = X @ np.array([3.0, -2.0]) + 5.0
    fit = nn.fit_linear_regression(X, y)
    np.testing.assert_allclose(fit.weights, [3.0, -2.0], atol=1e-10)
    assert fit.bias == pytest.approx(5.0)
    np.testing.assert_allclose(fit.predict(X), y, atol=1e-10)


def test_fit_on_house_data_matches_numpy_polyfit_style_solution():
    X, y = nn.house_prices()
    fit = nn.fit_linear_regression(X, y)
    # independent: normal equations (AᵀA)θ = Aᵀy
    A = np.column_stack([X, np.ones(len(y))])
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    np.testing.assert_allclose(fit.weights, theta[:3], rtol=1e-8)
    assert fit.bias == pytest.approx(theta[3], rel=1e-8)
    # training makes w·xᵢ + b ≈ yᵢ: the data were generated with noise sd 5
    assert np.sqrt(np.mean((fit.predict(X) - y) ** 2)) < 5


def test_fit_rejects_mismatched_rows():
    with pytest.raises(ValueError, match="rows"):
        nn.fit_linear_regression([[1.0], [2.0]], [1.0, 2.0, 3.0])


def test_predict_is_rowwise_dot_plus_bias():
    X = [[1, 2], [3, 4]]
    assert nn.predict(X, [10, 1], b=1).tolist() == [1 * 10 + 2 + 1, 3 * 10 + 4 + 1]
    with pytest.raises(ValueError, match="one weight per feature"):
        nn.predict(X, [1, 2, 3])


def test_feature_importance_is_weight_times_std():
    X = np.array([[0.0, 10.0], [2.0, 30.0], [4.0, 20.0]])
    imp = nn.feature_importance(X, [5.0, -1.0], names=["a", "b"])
    assert imp["a"] == pytest.approx(5.0 * np.std([0, 2, 4]))
    assert imp["b"] == pytest.approx(-1.0 * np.std([10, 30, 20]))


def test_compose_linear_formula():
    W1 = np.array([[1.0, 2.0], [0.0, 1.0]])
    b1 = np.array([1.0, 0.0])
    W2 = np.array([[2.0, 0.0]])
    b2 = np.array([3.0])
    W, b = nn.compose_linear(W1, b1, W2, b2)
    x = np.array([0.3, -1.7])
    assert (W @ x + b) == pytest.approx(W2 @ (W1 @ x + b1) + b2)
    with pytest.raises(ValueError, match="columns"):
        nn.compose_linear(W1, b1, [[1.0, 2.0, 3.0]], b2)


def test_layer_collapse_demo():
    demo = nn.layer_collapse_demo()
    assert demo.linear_gap < 1e-12
    assert demo.nonlinear_gaps["ReLU"] > 0.1
    assert demo.nonlinear_gaps["sigmoid"] > 0.1
    text = str(demo)
    assert "the same function" in text and "NOT the same function" in text
