"""Weighted sums, linear regression and neurons: the dot product at work.

Taught in lesson 04 (``notebooks/04_weighted_sums_and_neurons.ipynb``).

* w·x as a **weighted sum**: each weight says how much its feature counts
  (positive pushes up, negative pushes down, zero ignores the feature);
* **linear regression** ŷ = w·x + b, fitted by least squares so that
  w·xᵢ + b ≈ yᵢ for every training example;
* a **neuron** z = w·x + b, a = σ(z);
* why activation functions matter: two linear layers collapse into one,
  a non-linearity in between does not.

Everything is NumPy ``float64``; inputs are checked by :mod:`lessons_lib._validate`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessons_lib._validate import (
    Number,
    VectorLike,
    as_float_array,
    as_matrix,
    as_number,
    as_vector,
    check_finite,
    finite_result,
    overflow_named,
    refuse_masked,
    same_length,
)
from lessons_lib.formatting import format_number, format_vector
from lessons_lib.vectors import _dot
from lessons_lib.working import _dot_working

__all__ = [
    "HOUSE_FEATURES",
    "LayerCollapse",
    "LinearFit",
    "NeuronOutput",
    "compose_linear",
    "feature_importance",
    "fit_linear_regression",
    "house_prices",
    "layer_collapse_demo",
    "neuron",
    "predict",
    "relu",
    "sigmoid",
    "weighted_sum",
    "weighted_sum_working",
]

#: The three features of the lesson-04 house data set, in column order.
HOUSE_FEATURES: tuple[str, str, str] = ("rooms", "area (m²)", "age (years)")


def _as_matrix(value: object, name: str) -> NDArray[np.float64]:
    """A 2-D float table of examples (one row each), checked by the package's one validator."""
    arr = as_matrix(value, name, "example")
    check_finite(arr, name)
    return arr.astype(np.float64, copy=False)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _bias(b: object, name: str = "b") -> float:
    return float(as_number(b, name))


def _z_values(z: object) -> tuple[bool, NDArray[np.float64]]:
    """``z`` as (is it one number?, float array), every entry checked and finite."""
    if isinstance(z, (numbers.Number, np.generic, Decimal)) or z is None or isinstance(
            z, (str, bytes)) or (isinstance(z, np.ndarray) and z.ndim == 0):
        return True, np.asarray(_bias(z, "z"), dtype=float)
    refuse_masked(z, "z")
    if (isinstance(z, np.ndarray) and z.ndim == 1) or (not isinstance(z, np.ndarray) and not (
            isinstance(z, Sequence) and len(z) and isinstance(z[0], (list, tuple, np.ndarray)))):
        arr = np.asarray(as_vector(z, "z"), dtype=float) if not (
            isinstance(z, np.ndarray) and z.dtype.kind == "f") else z.astype(float)
    else:
        arr = as_float_array(z, "z")
    if arr.size == 0:
        raise ValueError("z is empty. Give at least one number, e.g. z = [1.0, -2.0].")
    if not np.isfinite(arr).all():
        i = int(np.argmin(np.isfinite(arr).ravel()))
        kind = "NaN (not a number)" if np.isnan(arr.ravel()[i]) else "infinite"
        raise ValueError(f"z holds {kind} at position {i}, so the activation would be "
                         "meaningless. Find where it came from (a 0/0 or an overflow) and "
                         "replace it with a finite number.")
    return False, arr


def weighted_sum(w: VectorLike, x: VectorLike, b: float = 0.0) -> float:
    """The weighted sum w·x + b = w₁x₁ + w₂x₂ + … + wₙxₙ + b (lesson 04).

    Parameters
    ----------
    w : vector of weights, one per feature
    x : vector of features, same dimension as ``w``
    b : float, default 0
        The bias, a learned offset.

    Returns
    -------
    float

    Examples
    --------
    >>> weighted_sum([0.5, -1, 0], [4, 2, 100])
    0.0
    >>> weighted_sum([2, 3], [1, 1], b=1)
    6.0
    """
    vw, vx = as_vector(w, "w"), as_vector(x, "x")
    same_length(vw, vx, names=("w", "x"), what="a weighted sum")
    return _weighted_sum(vw, vx, b)[0]


def _weighted_sum(vw: list[Number], vx: list[Number], b: object) -> tuple[float, Number]:
    """(w·x + b, the bias checked) for w and x checked already, of one length."""
    with overflow_named("w·x"):
        wx = float(_dot(vw, vx))
        bias = as_number(b, "b")
        return finite_result(wx + float(bias), "w·x + b"), bias


def weighted_sum_working(w: VectorLike, x: VectorLike, b: float = 0.0, *,
                         decimals: int | None = None) -> str:
    """The weighted sum with its working: ``2·4 + (−1)·2 + 0·100 + 1 = 8 − 2 + 0 + 1 = 7``.

    Lesson 04. The bias is written as the last term. Numbers are shown the way
    :func:`lessons_lib.working.dot_working` shows them: exact for integers, a
    fixed number of places as soon as a float is involved.

    Examples
    --------
    >>> weighted_sum_working([2, -1, 0], [4, 2, 100], b=1)
    '2·4 + (−1)·2 + 0·100 + 1 = 8 − 2 + 0 + 1 = 7'
    >>> weighted_sum_working([0.5, -1, 0], [4, 2, 100], b=1)
    '0.5·4 + (−1)·2 + 0·100 + 1 = 2.00 − 2.00 + 0.00 + 1.00 = 1.00'
    >>> weighted_sum_working([2, 3], [1, 1])
    '2·1 + 3·1 = 2 + 3 = 5'
    >>> weighted_sum_working([1, 2], [3, -1], b=0.5)
    '1·3 + 2·(−1) + 0.5 = 3.00 − 2.00 + 0.50 = 1.50'
    """
    vw, vx = as_vector(w, "w"), as_vector(x, "x")
    same_length(vw, vx, names=("w", "x"), what="a weighted sum")
    (bias,) = as_vector([b], "b")  # an int stays exact, like the products
    return _weighted_sum_working(vw, vx, bias, decimals)


def _weighted_sum_working(vw: list[Number], vx: list[Number], bias: Number,
                          decimals: int | None) -> str:
    """:func:`weighted_sum_working` of w, x and b checked already."""
    if bias == 0:
        with overflow_named("w·x"):
            return str(_dot_working(vw, vx, decimals=decimals))
    if isinstance(bias, float):  # one float anywhere: every result gets the same places
        vw = [float(v) for v in vw]
    with overflow_named("w·x"):
        work = _dot_working(vw, vx, decimals=decimals)
    finite_result(float(work.total + bias), "w·x + b")
    return work.with_bias(bias)


def sigmoid(z: ArrayLike) -> float | NDArray[np.float64]:
    """The logistic sigmoid σ(z) = 1 / (1 + e^(−z)), squashing any number into (0, 1) (lesson 04).

    Numerically stable: for negative z it uses the equivalent e^z / (1 + e^z), so
    ``sigmoid(-1000)`` is ``0.0`` without an overflow warning. A number in gives
    a ``float`` out; an array in gives an array out.

    Examples
    --------
    >>> sigmoid(0)
    0.5
    >>> round(sigmoid(2), 4)
    0.8808
    >>> sigmoid(-1000), sigmoid(1000)
    (0.0, 1.0)
    >>> sigmoid([-1, 0, 1]).round(4).tolist()
    [0.2689, 0.5, 0.7311]
    """
    scalar, arr = _z_values(z)
    e = np.exp(-np.abs(arr))  # never overflows: the exponent is ≤ 0
    out = np.where(arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(out) if scalar else out


def relu(z: ArrayLike) -> float | NDArray[np.float64]:
    """ReLU(z) = max(0, z): keep positives, replace negatives by 0 (lesson 04).

    Examples
    --------
    >>> relu(-2.5), relu(3)
    (0.0, 3.0)
    >>> relu([-1, 0, 2]).tolist()
    [0.0, 0.0, 2.0]
    """
    scalar, arr = _z_values(z)
    out = np.maximum(arr, 0.0) + 0.0  # + 0.0 turns −0.0 into 0.0
    return float(out) if scalar else out


@dataclass(frozen=True)
class NeuronOutput:
    """What one neuron computes, with the working kept (lesson 04).

    Attributes
    ----------
    w, x : list of numbers
        Weights and inputs.
    b : float
        Bias.
    z : float
        The pre-activation z = w·x + b.
    a : float
        The activation a = σ(z).
    working : str
        ``z`` written out term by term.
    """

    w: list[Number]
    x: list[Number]
    b: float
    z: float
    a: float
    working: str

    def __str__(self) -> str:
        rel = "=" if self.z == 0 else "≈"  # σ(0) = 0.5 exactly; any other σ(z) is rounded
        return (f"z = w·x + b = {self.working}\n"
                f"a = σ(z) = σ({format_number(self.z, 2)}) {rel} {format_number(self.a, 4)}")

    def __repr__(self) -> str:
        return str(self)


def neuron(w: VectorLike, x: VectorLike, b: float = 0.0) -> NeuronOutput:
    """One artificial neuron: z = w·x + b, then a = σ(z) (lesson 04).

    Examples
    --------
    >>> neuron([0.5, -1, 2], [1, 2, 0.5], b=0.5)
    z = w·x + b = 0.5·1 + (−1)·2 + 2·0.5 + 0.5 = 0.50 − 2.00 + 1.00 + 0.50 = 0.00
    a = σ(z) = σ(0) = 0.5000
    >>> round(neuron([1, 1], [1, 1]).a, 4)
    0.8808
    """
    vw, vx = as_vector(w, "w"), as_vector(x, "x")
    same_length(vw, vx, names=("w", "x"), what="a weighted sum")
    z, bias = _weighted_sum(vw, vx, b)
    return NeuronOutput(vw, vx, float(bias), z, float(sigmoid(z)),
                        _weighted_sum_working(vw, vx, bias, None))


def house_prices(n: int = 12, seed: int = 0) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """A small, seeded house-price data set for lesson 04.

    Columns of ``X`` are :data:`HOUSE_FEATURES` (rooms, area in m², age in years);
    ``y`` is the price in thousands. The prices follow
    ``y = 10·rooms + 2·area − 1·age + 50`` plus a little noise, all drawn from
    ``np.random.default_rng(seed)``, so the same call always gives the same table.

    Returns
    -------
    X : ndarray, shape (n, 3)
    y : ndarray, shape (n,)

    Examples
    --------
    >>> X, y = house_prices()
    >>> X.shape, y.shape
    ((12, 3), (12,))
    >>> X[0].tolist()
    [6.0, 128.0, 4.0]
    """
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or not (
            4 <= n <= 1_000_000):
        raise ValueError(f"n must be a whole number from 4 to 1,000,000 (got {_short(n)}): "
                         "3 weights + 1 bias need at least 4 houses to be determined. "
                         "Use e.g. n = 12.")
    n = int(n)
    rng = np.random.default_rng(seed)
    rooms = rng.integers(1, 7, size=n).astype(float)
    area = np.round(rooms * 20 + rng.uniform(-10, 20, size=n))
    age = rng.integers(0, 60, size=n).astype(float)
    X = np.column_stack([rooms, area, age])
    y = 10 * rooms + 2 * area - 1 * age + 50 + rng.normal(0, 5, size=n)
    return X, np.round(y, 1)


@dataclass(frozen=True)
class LinearFit:
    """A fitted linear regression ŷ = X w + b (lesson 04).

    Attributes
    ----------
    weights : ndarray, shape (n_features,)
    bias : float
    """

    weights: NDArray[np.float64]
    bias: float

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """ŷ = X w + b, one prediction per row of ``X``."""
        return predict(X, self.weights, self.bias)

    def __repr__(self) -> str:
        return f"LinearFit(weights={format_vector(self.weights, 3)}, bias={self.bias:.3f})"


def fit_linear_regression(X: ArrayLike, y: ArrayLike) -> LinearFit:
    """Fit ŷ = X w + b by least squares with ``np.linalg.lstsq`` (lesson 04).

    "Training" here means: choose w and b so that w·xᵢ + b ≈ yᵢ for every row xᵢ,
    with the smallest possible sum of squared errors. A column of ones is
    appended to ``X`` so the bias is learned as one more weight.

    Examples
    --------
    >>> fit = fit_linear_regression([[1.0], [2.0], [3.0]], [3.0, 5.0, 7.0])
    >>> fit.weights.round(6).tolist(), round(fit.bias, 6)
    ([2.0], 1.0)
    """
    Xm = _as_matrix(X, "X")
    yv = np.asarray(as_vector(y, "y"), dtype=float)
    if len(yv) != Xm.shape[0]:
        raise ValueError(f"X has {Xm.shape[0]} rows but y has {len(yv)} values. "
                         "Give one target y per row (example) of X.")
    A = np.column_stack([Xm, np.ones(len(yv))])
    if np.linalg.matrix_rank(A) < A.shape[1]:
        raise ValueError(
            "X does not pin down the weights: some columns of X (with the bias's column of "
            "ones) repeat or combine others, or X has fewer rows than weights + 1, so many "
            "weights fit equally well. Remove a repeated column or add more rows (examples)."
        )
    with np.errstate(all="ignore"):
        coef, *_ = np.linalg.lstsq(A, yv, rcond=None)
    if not np.isfinite(coef).all():
        raise OverflowError("X or y is too large: the fitted weights overflowed. Scale X and y "
                            "down, e.g. divide them by 1000.")
    return LinearFit(coef[:-1], float(coef[-1]))


def predict(X: ArrayLike, w: VectorLike, b: float = 0.0) -> NDArray[np.float64]:
    """Predictions ŷ = X w + b: one dot product w·xᵢ + b per row (lesson 04).

    Examples
    --------
    >>> predict([[1, 2], [3, 4]], [1, 1], b=0.5).tolist()
    [3.5, 7.5]
    """
    Xm = _as_matrix(X, "X")
    vw = as_vector(w, "w")
    if Xm.shape[1] != len(vw):
        raise ValueError(f"X has {Xm.shape[1]} columns (features) but w has {len(vw)} weights. "
                         "Give exactly one weight per feature column.")
    with np.errstate(all="ignore"):
        out = Xm @ np.asarray(vw, dtype=float) + _bias(b)
    if not np.isfinite(out).all():
        raise OverflowError("a prediction X w + b is too large to represent as a float (it "
                            "overflowed to infinity). Scale X or w down, e.g. divide by 1000.")
    return out


def feature_importance(X: ArrayLike, w: VectorLike,
                       names: tuple[str, ...] | list[str] | None = None) -> dict[str, float]:
    """Standardised weights wⱼ·std(xⱼ): how much ŷ moves for a typical change of feature j.

    Lesson 04. Raw weights depend on units (a weight per m² looks small next to a
    weight per room), so each weight is multiplied by the standard deviation of its
    feature. The sign says the direction (up or down), the size says how much.

    Returns
    -------
    dict
        ``{feature name: standardised weight}``, in column order.

    Examples
    --------
    >>> feature_importance([[0, 10], [2, 30]], [5, -1], names=["a", "b"])
    {'a': 5.0, 'b': -10.0}
    """
    Xm = _as_matrix(X, "X")
    vw = np.asarray(as_vector(w, "w"), dtype=float)
    if Xm.shape[1] != len(vw):
        raise ValueError(f"X has {Xm.shape[1]} columns but w has {len(vw)} weights. "
                         "Give exactly one weight per feature column.")
    labels = list(names) if names is not None else [f"x{j + 1}" for j in range(len(vw))]
    if len(labels) != len(vw):
        raise ValueError(f"{len(labels)} names for {len(vw)} features: give one name each.")
    with np.errstate(all="ignore"):
        values = vw * Xm.std(axis=0)
    if not np.isfinite(values).all():
        raise OverflowError("X or w is too large: a standardised weight overflowed to infinity. "
                            "Scale X or w down, e.g. divide by 1000.")
    return {name: float(v) for name, v in zip(labels, values, strict=True)}


def compose_linear(W1: ArrayLike, b1: ArrayLike, W2: ArrayLike,
                   b2: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Merge two linear layers into one: W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2) (lesson 04).

    Returns
    -------
    W, b : ndarray
        ``W = W2 @ W1`` and ``b = W2 @ b1 + b2``.

    Examples
    --------
    >>> W, b = compose_linear([[1, 2], [0, 1]], [1, 0], [[2, 0]], [3])
    >>> W.tolist(), b.tolist()
    ([[2.0, 4.0]], [5.0])
    """
    M1, M2 = _as_matrix(W1, "W1"), _as_matrix(W2, "W2")
    v1 = np.asarray(as_vector(b1, "b1"), dtype=float)
    v2 = np.asarray(as_vector(b2, "b2"), dtype=float)
    if M1.shape[0] != len(v1):
        raise ValueError(f"W1 has {M1.shape[0]} rows but b1 has {len(v1)} numbers: "
                         "give one bias per output of layer 1.")
    if M2.shape[1] != M1.shape[0]:
        raise ValueError(f"W2 has {M2.shape[1]} columns but layer 1 has {M1.shape[0]} outputs: "
                         "W2 needs one column per output of layer 1.")
    if M2.shape[0] != len(v2):
        raise ValueError(f"W2 has {M2.shape[0]} rows but b2 has {len(v2)} numbers: "
                         "give one bias per output of layer 2.")
    with np.errstate(all="ignore"):
        W, b = M2 @ M1, M2 @ v1 + v2
    if not (np.isfinite(W).all() and np.isfinite(b).all()):
        raise OverflowError("W1, b1, W2 or b2 is too large: the merged layer W2 W1 overflowed to "
                            "infinity. Scale the weights down, e.g. divide them by 1000.")
    return W, b


@dataclass(frozen=True)
class LayerCollapse:
    """Result of :func:`layer_collapse_demo` (lesson 04).

    Attributes
    ----------
    linear_gap : float
        Largest |two stacked linear layers − the single merged layer| over the inputs.
    nonlinear_gaps : dict
        The same gap when an activation sits between the layers, per activation.
    tol : float
        What counts as "the same" (rounding noise).
    """

    linear_gap: float
    nonlinear_gaps: dict[str, float]
    tol: float

    def __str__(self) -> str:
        lines = [
            "two linear layers vs ONE merged layer (W2W1)x + (W2b1 + b2):",
            (f"  largest difference < {self.tol:.0e}  -> the same function (up to rounding)"
             if self.linear_gap <= self.tol else
             f"  largest difference = {self.linear_gap:.2g}  -> different"),
        ]
        for name, gap in self.nonlinear_gaps.items():
            verdict = "the same function" if gap <= self.tol else "NOT the same function"
            lines.append(f"with {name} between the layers:")
            lines.append(f"  largest difference = {gap:.2f}  -> {verdict}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)


def layer_collapse_demo(seed: int = 0, n_inputs: int = 200, sizes: tuple[int, int, int] = (3, 4, 2),
                        tol: float = 1e-12) -> LayerCollapse:
    """Show that stacked linear layers collapse into one, and an activation prevents it.

    Lesson 04. Random layers W1 (sizes[1]×sizes[0]) and W2 (sizes[2]×sizes[1]) and
    random inputs come from ``np.random.default_rng(seed)``. Without an activation,
    W2(W1x + b1) + b2 equals the single layer from :func:`compose_linear` to
    rounding error; with ReLU or sigmoid in between no single linear layer can
    reproduce it, and the gap to the merged layer is large.

    Examples
    --------
    >>> demo = layer_collapse_demo()
    >>> demo.linear_gap < 1e-12
    True
    >>> all(gap > 0.1 for gap in demo.nonlinear_gaps.values())
    True
    """
    if isinstance(n_inputs, (bool, np.bool_)) or not isinstance(n_inputs, numbers.Integral) \
            or not 1 <= n_inputs <= 1_000_000:
        raise ValueError(f"n_inputs must be a whole number from 1 to 1,000,000 (got "
                         f"{_short(n_inputs)}). Use e.g. n_inputs = 200.")
    n_inputs = int(n_inputs)
    n_in, n_hidden, n_out = sizes
    rng = np.random.default_rng(seed)
    W1 = rng.normal(size=(n_hidden, n_in))
    b1 = rng.normal(size=n_hidden)
    W2 = rng.normal(size=(n_out, n_hidden))
    b2 = rng.normal(size=n_out)
    X = rng.normal(size=(n_inputs, n_in)) * 2
    W, b = compose_linear(W1, b1, W2, b2)
    merged = X @ W.T + b
    stacked = (X @ W1.T + b1) @ W2.T + b2
    gaps = {
        "ReLU": float(np.max(np.abs((relu(X @ W1.T + b1) @ W2.T + b2) - merged))),
        "sigmoid": float(np.max(np.abs((sigmoid(X @ W1.T + b1) @ W2.T + b2) - merged))),
    }
    return LayerCollapse(float(np.max(np.abs(stacked - merged))), gaps, tol)
