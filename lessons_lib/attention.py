"""Scaled dot-product attention, one step at a time.

Taught in lesson 07 (``notebooks/07_attention_scores.ipynb``) and used on a real
transformer head in lesson 08 (``notebooks/08_real_attention.ipynb``)::

    scores  = Q Kᵀ / √d_k            attention_scores(Q, K)
    weights = softmax(scores)         softmax(scores)          (each row sums to 1)
    output  = weights V               attention_output(weights, V)

or all at once with :func:`attention` (returns ``(output, weights)``).

Conventions
-----------
* ``Q`` has one **row per query token**, ``K`` and ``V`` one row per key token:
  ``Q.shape == (n_queries, d_k)``, ``K.shape == (n_keys, d_k)``,
  ``V.shape == (n_keys, d_v)``. The score table ``Q Kᵀ`` is ``n_queries × n_keys``:
  row ``i`` holds how much query ``i`` matches every key.
* A **mask** is a boolean table of the same shape as the score table (or anything
  that broadcasts to it, e.g. one row of ``n_keys`` flags). ``True`` means
  "this query may look at this key"; ``False`` means "never": that weight is
  exactly 0. :func:`causal_mask` and :func:`padding_mask` build the two common ones.
* A **fully-masked row** (a query allowed to look at no key at all) has no
  meaningful weights — softmax over nothing is 0/0. The functions here raise a
  ``ValueError`` naming the row rather than returning NaN.

Matrices are NumPy float arrays (lists of lists are accepted and converted;
``float32`` input stays ``float32``). Checks are cheap — shapes, and one
``isfinite`` pass over the inputs — so these functions are as fast as the bare
NumPy one-liner (see ``benchmarks/``).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessons_lib._validate import (
    VectorLike,
    as_float_array,
    as_matrix,
    as_number,
    as_vector,
    check_finite,
    overflow_named,
    refuse_masked,
    same_length,
)
from lessons_lib.formatting import format_number
from lessons_lib.working import DotWorking, _dot_working, relation, shown_value

__all__ = [
    "ScoreWorking",
    "attention",
    "attention_output",
    "attention_scores",
    "attention_weights",
    "causal_mask",
    "format_table",
    "padding_mask",
    "score_variance",
    "score_working",
    "softmax",
]

FloatArray = NDArray[np.floating[Any]]


# --------------------------------------------------------------------------- checks
def _no_overflow(result: FloatArray, what: str) -> FloatArray:
    """``result`` if every entry is finite; finite inputs that overflowed raise a clear error."""
    if not np.isfinite(result).all():
        raise OverflowError(
            f"{what} overflowed: an entry grew past the largest float (about 1.8e308), "
            "although every input was finite. Scale the inputs down, e.g. divide them by 1000; "
            "real model activations are far smaller than this."
        )
    return result


def _check_mask(mask: object, shape: tuple[int, int]) -> NDArray[np.bool_]:
    arr = np.asarray(mask)
    if arr.dtype.kind != "b":
        raise TypeError(
            f"mask holds {arr.dtype} values, but it must be True/False: True = this query may "
            "look at this key, False = it may not. If you have an additive mask of 0 and −inf, "
            "pass mask=(additive == 0); build masks with causal_mask(n) or padding_mask(...)."
        )
    try:
        arr = np.broadcast_to(arr, shape)
    except ValueError as exc:
        raise ValueError(
            f"mask has shape {arr.shape} but the score table has shape {shape} "
            "(queries × keys). Give one True/False per (query, key) pair, or one row of "
            f"{shape[1]} flags for the keys."
        ) from exc
    allowed = arr.any(axis=-1)
    if not allowed.all():
        rows = np.flatnonzero(~allowed)
        raise ValueError(
            f"mask row {int(rows[0])} is all False: that query may look at no key at all, so "
            "its weights would be 0/0. Allow at least one key in every row (a causal mask "
            "always allows the token itself)."
        )
    return arr


# --------------------------------------------------------------------------- scores
def attention_scores(Q: ArrayLike, K: ArrayLike, *, scale: bool = True) -> FloatArray:
    """The score table ``Q Kᵀ`` (divided by √d_k when ``scale``) (lesson 07).

    Cell ``[i, j]`` is the dot product of query ``i`` with key ``j``: with 4
    tokens, 4 queries × 4 keys = a 4 × 4 score table.

    Parameters
    ----------
    Q : array, shape (n_queries, d_k)
        One query vector per row.
    K : array, shape (n_keys, d_k)
        One key vector per row, same dimension ``d_k`` as the queries.
    scale : bool, default True
        Divide by ``√d_k`` (the "scaled" in scaled dot-product attention).

    Returns
    -------
    numpy.ndarray, shape (n_queries, n_keys)

    Raises
    ------
    ValueError
        If ``Q``/``K`` are not 2-D, their rows differ in length, or hold NaN/inf.

    Examples
    --------
    >>> attention_scores([[0.5, 0.3, -0.2]], [[0.4, 0.8, 0.1]], scale=False).round(4)
    array([[0.42]])
    >>> attention_scores([[0.5, 0.3, -0.2]], [[0.4, 0.8, 0.1]]).round(4)
    array([[0.2425]])
    >>> attention_scores(np.eye(4), np.eye(4)).shape
    (4, 4)
    """
    return _scores(as_matrix(Q, "Q", "query"), as_matrix(K, "K", "key"), scale)


def _scores(q: FloatArray, k: FloatArray, scale: bool) -> FloatArray:
    """:func:`attention_scores` of tables checked already (:func:`as_matrix`)."""
    if q.shape[1] != k.shape[1]:
        raise ValueError(
            f"Q has rows of {q.shape[1]} numbers but K has rows of {k.shape[1]} "
            f"(Q.shape = {q.shape}, K.shape = {k.shape}). Every query is compared with every "
            "key by a dot product, so both need the same dimension d_k. Check the projections "
            "that made them (Q = X @ W_q, K = X @ W_k), or transpose a matrix you built "
            "column-wise."
        )
    with np.errstate(over="ignore", invalid="ignore"):  # reported in words below
        scores = q @ k.T
    if not np.isfinite(scores).all():  # one pass; a NaN or inf in Q or K always lands here
        check_finite(q, "Q")  # name the input that holds it …
        check_finite(k, "K")
        _no_overflow(scores, "the score table Q Kᵀ")  # … or say that finite inputs overflowed
    if scale:
        scores *= 1.0 / math.sqrt(q.shape[1])
    return scores


# --------------------------------------------------------------------------- softmax
def _softmax_rows(scores: FloatArray, axis: int, temperature: float) -> FloatArray:
    """Stable softmax; raises if a row's max is not finite (NaN, +inf, or all −inf)."""
    if temperature != 1.0:
        finite_before = np.isfinite(scores)
        with np.errstate(over="ignore"):
            scores = scores / temperature
        if (finite_before & ~np.isfinite(scores)).any():
            raise OverflowError(
                f"dividing the scores by the temperature {temperature:g} overflowed (past "
                "about 1.8e308). Use a larger temperature; even 0.01 already picks the "
                "largest score almost surely."
            )
    row_max = scores.max(axis=axis, keepdims=True)
    if not np.isfinite(row_max).all():
        if np.isnan(row_max).any():
            raise ValueError(
                "the scores contain NaN (not a number), so the weights would be NaN. "
                "Find where it came from (a 0/0 or a missing value) and replace it."
            )
        if np.isposinf(row_max).any():
            raise ValueError(
                "the scores contain +inf, so softmax would give inf/inf = NaN. Find where the "
                "infinity came from (an overflow upstream, or inf written by hand) and use "
                "finite scores; to hide a key, pass a True/False mask instead."
            )
        rows = np.flatnonzero(np.isneginf(row_max))
        raise ValueError(
            f"row {int(rows[0])} of the scores is −inf everywhere (fully masked): that query "
            "may look at no key, so its weights would be 0/0. Leave at least one key unmasked."
        )
    out = np.exp(scores - row_max)  # every entry ≤ 0 before exp: no overflow
    out /= out.sum(axis=axis, keepdims=True)
    return out


def _temperature(temperature: object) -> float:
    if isinstance(temperature, float) and temperature == 1.0:
        return 1.0
    try:
        t = float(as_number(temperature, "temperature"))
    except ValueError as error:
        raise ValueError(f"{error} Use a positive number such as temperature = 1.0.") from None
    if not t > 0:
        raise ValueError(
            f"temperature is {format_number(t, trim=True)}, but it must be a positive number "
            "(1.0 = plain softmax; larger = flatter weights, smaller = sharper). Use e.g. "
            "temperature = 1.0."
        )
    return t


def softmax(scores: ArrayLike, axis: int = -1, *, temperature: float = 1.0) -> FloatArray:
    """Turn scores into weights that are positive and sum to 1 along ``axis`` (lesson 07).

    ``softmax(s)_j = exp(s_j / T) / Σ_i exp(s_i / T)``, computed the *stable*
    way: the row's largest score is subtracted first (which changes nothing
    mathematically, since it cancels), so scores like 1e4 never overflow.

    Parameters
    ----------
    scores : array-like, 1-D (one row) or 2-D (one row per query)
    axis : int, default -1
        The axis that sums to 1; for a score table, -1 = along each row.
    temperature : float, default 1.0
        ``T > 1`` flattens the weights, ``T < 1`` sharpens them.

    Returns
    -------
    numpy.ndarray, same shape as ``scores``

    Raises
    ------
    ValueError
        If ``scores`` hold NaN or +inf, or a row is −inf everywhere (fully masked),
        or ``temperature`` is not a positive number. −inf entries (masked keys) are
        allowed and get weight exactly 0.

    Examples
    --------
    >>> softmax([1.0, 2.0, 3.0]).round(4)
    array([0.09  , 0.2447, 0.6652])
    >>> softmax([[1e4, 0.0]])                    # no overflow
    array([[1., 0.]])
    >>> softmax([0.0, 0.0, 0.0, 0.0])
    array([0.25, 0.25, 0.25, 0.25])
    >>> softmax([1.0, 2.0, 3.0], temperature=100).round(3)
    array([0.33 , 0.333, 0.337])
    """
    temperature = _temperature(temperature)
    arr = as_float_array(scores, "scores")
    if arr.ndim == 0:
        raise ValueError(
            "scores is a single number. Softmax compares several scores; give a list such as "
            "[1.0, 2.0, 3.0]."
        )
    if arr.size == 0:
        raise ValueError("scores is empty. Give at least one score per row.")
    return _softmax_rows(arr, axis, float(temperature))


# --------------------------------------------------------------------------- masks
def causal_mask(n: int) -> NDArray[np.bool_]:
    """The causal (look-back-only) mask for ``n`` tokens (lesson 07).

    ``mask[i, j]`` is True when ``j ≤ i``: token ``i`` may attend to itself and
    to earlier tokens, never to later ones (a language model must not peek at
    the word it is predicting).

    Examples
    --------
    >>> causal_mask(3).astype(int)
    array([[1, 0, 0],
           [1, 1, 0],
           [1, 1, 1]])
    """
    return np.tri(_token_count(n, "n"), dtype=bool)


#: The most tokens a mask is built for: an n × n mask of 10,000 tokens is 100 MB already.
MAX_TOKENS = 10_000


def _token_count(n: object, name: str, lo: int = 1) -> int:
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or not (
            lo <= int(n) <= MAX_TOKENS):
        text = repr(n) if len(repr(n)) <= 30 else repr(n)[:27] + "..."
        raise ValueError(f"{name} is {text}; give the number of tokens as a whole number from "
                         f"{lo} to {MAX_TOKENS:,}, e.g. {name} = 5.")
    return int(n)


def padding_mask(valid: int | VectorLike, n: int | None = None) -> NDArray[np.bool_]:
    """A mask that hides padding tokens from every query (lesson 07).

    Sentences in a batch are padded to one length; the padding keys must get
    weight 0. Give either

    * ``valid`` — one flag per token (``True``/1 = real token, ``False``/0 = padding), or
    * ``valid`` = the number of real tokens and ``n`` = the padded length
      (the first ``valid`` tokens are real).

    Returns
    -------
    numpy.ndarray of bool, shape (n, n)
        ``mask[i, j]`` is True when key ``j`` is a real token (the same for every
        query row ``i``). Combine with a causal mask by ``&``.

    Examples
    --------
    >>> padding_mask(2, 3).astype(int)
    array([[1, 1, 0],
           [1, 1, 0],
           [1, 1, 0]])
    >>> padding_mask([1, 0, 1]).astype(int)[0]
    array([1, 0, 1])
    """
    refuse_masked(valid, "valid")
    if isinstance(valid, numbers.Integral) and not isinstance(valid, (bool, np.bool_)):
        if n is None:
            raise ValueError(
                f"padding_mask({valid}) needs the padded number of tokens n too. "
                f"Give it, e.g. padding_mask({valid}, n=5)."
            )
        size = _token_count(n, "n")
        if not 1 <= valid <= size:
            raise ValueError(
                f"valid is {valid} real tokens out of n = {size}: the number of real tokens must "
                f"be between 1 and {size}. Use e.g. padding_mask(2, n={size})."
            )
        flags: NDArray[np.bool_] = np.arange(size) < int(valid)
    else:
        raw = valid
        if isinstance(raw, np.ndarray) and raw.dtype.kind == "b" and raw.ndim != 1:
            raise ValueError(
                f"valid has shape {raw.shape}, but it must hold one flag per token (1-D). "
                "Pick one sentence's flags, e.g. valid[0]."
            )
        if isinstance(raw, np.ndarray) and raw.dtype.kind == "b":
            flags = raw.astype(bool)
        elif isinstance(raw, (list, tuple)) and raw and all(
                isinstance(v, (bool, np.bool_)) for v in raw):
            flags = np.array([bool(v) for v in raw])
        else:
            values = as_vector(valid, "valid")
            if any(v not in (0, 1) for v in values):
                raise ValueError(
                    "valid must hold one flag per token: True/1 for a real token, False/0 for "
                    "padding, e.g. padding_mask([1, 1, 0])."
                )
            flags = np.asarray(values, dtype=bool)
        if n is not None and n != flags.size:
            raise ValueError(f"valid has {flags.size} flags but n = {n}; they must agree. "
                             "Leave n out when you give one flag per token.")
        if not flags.any():
            raise ValueError("valid marks every token as padding: keep at least one real token, "
                             "e.g. valid = [True, True, False].")
    size = flags.size
    return np.broadcast_to(flags, (size, size)).copy()


# --------------------------------------------------------------------------- weights
def attention_weights(Q: ArrayLike, K: ArrayLike, *, scale: bool = True,
                      mask: ArrayLike | None = None, temperature: float = 1.0) -> FloatArray:
    """``softmax(Q Kᵀ / √d_k)``: how much each query attends to each key (lesson 07).

    Raw scores are not the weights: softmax turns each row of scores into
    positive weights that sum to 1.

    Parameters
    ----------
    Q : array, shape (n_queries, d_k)
    K : array, shape (n_keys, d_k)
    scale : bool, default True
        Divide the scores by ``√d_k`` first.
    mask : bool array broadcastable to (n_queries, n_keys), optional
        False entries get weight exactly 0 (see :func:`causal_mask`,
        :func:`padding_mask`). A row that is all False raises ``ValueError``.
    temperature : float, default 1.0
        Passed on to :func:`softmax`.

    Returns
    -------
    numpy.ndarray, shape (n_queries, n_keys)
        Each row sums to 1.

    Examples
    --------
    >>> W = attention_weights([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]])
    >>> W.round(4)
    array([[0.6698, 0.3302],
           [0.3302, 0.6698]])
    >>> W.sum(axis=1)
    array([1., 1.])
    >>> attention_weights(np.ones((2, 2)), np.ones((2, 2)), mask=causal_mask(2))
    array([[1. , 0. ],
           [0.5, 0.5]])
    """
    return _weights(as_matrix(Q, "Q", "query"), as_matrix(K, "K", "key"), scale, mask,
                    temperature)


def _weights(q: FloatArray, k: FloatArray, scale: bool, mask: object,
             temperature: object) -> FloatArray:
    """:func:`attention_weights` of tables checked already (:func:`as_matrix`)."""
    scores = _scores(q, k, scale)
    if mask is not None:
        m = _check_mask(mask, (scores.shape[0], scores.shape[1]))
        scores = np.where(m, scores, -np.inf)
    temperature = _temperature(temperature)
    if temperature != 1.0:
        return softmax(scores, temperature=temperature)
    return _softmax_rows(scores, -1, 1.0)


def attention_output(weights: ArrayLike, V: ArrayLike) -> FloatArray:
    """``weights @ V``: each output row is a weighted average of the value rows (lesson 07).

    Parameters
    ----------
    weights : array, shape (n_queries, n_keys)
        From :func:`attention_weights`; each row sums to 1.
    V : array, shape (n_keys, d_v)
        One value vector per key.

    Returns
    -------
    numpy.ndarray, shape (n_queries, d_v)

    Examples
    --------
    >>> attention_output([[0.75, 0.25]], [[1.0, 0.0], [0.0, 1.0]])
    array([[0.75, 0.25]])
    """
    return _output(as_matrix(weights, "weights", "query"), as_matrix(V, "V", "key"))


def _output(w: FloatArray, v: FloatArray) -> FloatArray:
    """:func:`attention_output` of tables checked already (:func:`as_matrix`)."""
    if w.shape[1] != v.shape[0]:
        raise ValueError(
            f"weights has {w.shape[1]} columns (one per key) but V has {v.shape[0]} rows "
            f"(weights.shape = {w.shape}, V.shape = {v.shape}). V needs one row per key, "
            "in the same order as the keys. Check that V was built from the same tokens."
        )
    check_finite(w, "weights")
    check_finite(v, "V")
    with np.errstate(over="ignore", invalid="ignore"):
        return _no_overflow(w @ v, "weights @ V")


def attention(Q: ArrayLike, K: ArrayLike, V: ArrayLike, *, scale: bool = True,
              mask: ArrayLike | None = None) -> tuple[FloatArray, FloatArray]:
    """Scaled dot-product attention ``softmax(Q Kᵀ / √d_k) V`` (lessons 07 and 08).

    Returns
    -------
    output : numpy.ndarray, shape (n_queries, d_v)
    weights : numpy.ndarray, shape (n_queries, n_keys)

    Examples
    --------
    >>> out, w = attention(np.eye(2), np.eye(2), [[10.0, 0.0], [0.0, 10.0]], scale=False)
    >>> w.round(3)
    array([[0.731, 0.269],
           [0.269, 0.731]])
    >>> out.round(2)
    array([[7.31, 2.69],
           [2.69, 7.31]])
    """
    v = as_matrix(V, "V", "key")
    k = as_matrix(K, "K", "key")
    k_rows = k.shape[0]
    if v.shape[0] != k_rows:
        raise ValueError(
            f"V has {v.shape[0]} rows but K has {k_rows} rows. Each key needs its own value "
            "row (same token, same order), so V and K must have the same number of rows. "
            "Check that V and K were built from the same tokens."
        )
    weights = _weights(as_matrix(Q, "Q", "query"), k, scale, mask, 1.0)
    check_finite(v, "V")
    with np.errstate(over="ignore", invalid="ignore"):
        return _no_overflow(weights @ v, "weights @ V"), weights


# --------------------------------------------------------------------------- working
@dataclass(frozen=True)
class ScoreWorking:
    """One attention score with its working (lesson 07): ``q·k``, then ``/ √d_k``.

    Attributes
    ----------
    dot : DotWorking
        The dot product ``q·k`` with every step.
    d_k : int
        The vectors' dimension (number of components).
    score : float
        ``q·k / √d_k``.
    decimals : int
        Decimal places shown for the score.
    """

    dot: DotWorking
    d_k: int
    score: float
    decimals: int = 4

    @property
    def raw(self) -> float:
        """The unscaled dot product ``q·k``."""
        return float(self.dot.total)

    def __str__(self) -> str:
        root = format_number(math.sqrt(self.d_k), self.decimals)
        score = format_number(self.score, self.decimals)
        rooted = "=" if shown_value(root) ** 2 == self.d_k else "≈"  # "=" for √4 = 2
        divided = relation(shown_value(self.dot.result) / shown_value(root), score)
        return (
            f"q·k = {self.dot}\n"
            f"score = q·k / √d_k = {self.dot.result} / √{self.d_k} {rooted}"
            f" {self.dot.result} / {root} {divided} {score}"
        )

    def __repr__(self) -> str:
        return str(self)


def score_working(q: VectorLike, k: VectorLike, *, decimals: int = 4) -> ScoreWorking:
    """The attention score of one query–key pair, written out (lesson 07).

    Parameters
    ----------
    q, k : vectors of the same dimension ``d_k``
    decimals : int, default 4
        Decimal places shown for the scaled score (display only).

    Returns
    -------
    ScoreWorking
        ``.raw`` is q·k, ``.score`` is q·k/√d_k; print it for the working.

    Examples
    --------
    >>> score_working([0.5, 0.3, -0.2], [0.4, 0.8, 0.1])
    q·k = 0.5·0.4 + 0.3·0.8 + (−0.2)·0.1 = 0.20 + 0.24 − 0.02 = 0.42
    score = q·k / √d_k = 0.42 / √3 ≈ 0.42 / 1.7321 ≈ 0.2425
    """
    vq, vk = as_vector(q, "q"), as_vector(k, "k")
    same_length(vq, vk, names=("q", "k"), what="an attention score")
    with overflow_named("q·k"):
        working = _dot_working(vq, vk)
    d_k = len(vq)
    return ScoreWorking(working, d_k, float(working.total) / math.sqrt(d_k), decimals)


# --------------------------------------------------------------------------- why √d_k
@dataclass(frozen=True)
class ScoreVariance:
    """Result of :func:`score_variance`: one row per ``d_k``.

    Attributes
    ----------
    d_k : list of int
    raw : list of float
        Variance of ``q·k`` over the random pairs (≈ d_k).
    scaled : list of float
        Variance of ``q·k / √d_k`` (≈ 1 for every d_k).
    n_pairs, seed : int
    """

    d_k: list[int]
    raw: list[float]
    scaled: list[float]
    n_pairs: int
    seed: int

    def __str__(self) -> str:
        header = f"{'d_k':>6}  {'var(q·k)':>10}  {'var(q·k/√d_k)':>14}"
        lines = [header]
        for d, r, c in zip(self.d_k, self.raw, self.scaled, strict=True):
            lines.append(f"{d:>6}  {format_number(r, 1):>10}  {format_number(c, 2):>14}")
        lines.append(f"({self.n_pairs} random pairs per row, entries ~ N(0, 1), seed {self.seed})")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)


def score_variance(d_k_values: VectorLike = (4, 16, 64, 256), *, n_pairs: int = 10_000,
                   seed: int = 0) -> ScoreVariance:
    """Why divide by √d_k: the spread of ``q·k`` grows with d_k (lesson 07).

    Draws ``n_pairs`` random query/key pairs with independent N(0, 1) entries
    for every ``d_k`` and measures the variance of ``q·k`` (each of the d_k
    products has variance 1, so their sum has variance ≈ d_k) and of
    ``q·k / √d_k`` (≈ 1 whatever d_k is).

    Examples
    --------
    >>> result = score_variance((4, 64), n_pairs=20_000, seed=0)
    >>> [round(v / d, 1) for v, d in zip(result.raw, result.d_k)]
    [1.0, 1.0]
    >>> [round(v, 1) for v in result.scaled]
    [1.0, 1.0]
    """
    values = as_vector(d_k_values, "d_k_values")
    if any(d != int(d) or not 1 <= d <= 4096 for d in values) or len(values) > 20:
        raise ValueError("d_k_values must hold at most 20 whole numbers ≥ 1 and ≤ 4096, "
                         "e.g. d_k_values = (4, 16, 64).")
    dims = [int(d) for d in values]
    rng = np.random.default_rng(seed)
    raw, scaled = [], []
    for d in dims:
        q = rng.standard_normal((n_pairs, d))
        k = rng.standard_normal((n_pairs, d))
        dots = np.einsum("ij,ij->i", q, k)
        raw.append(float(dots.var()))
        scaled.append(float((dots / math.sqrt(d)).var()))
    return ScoreVariance(dims, raw, scaled, n_pairs, seed)


# --------------------------------------------------------------------------- display
def format_table(table: ArrayLike, row_labels: list[str], col_labels: list[str], *,
                 decimals: int = 2, corner: str = "") -> str:
    """A score or weight table as aligned text, rows = queries, columns = keys (lesson 07).

    Examples
    --------
    >>> print(format_table([[1, 0.5], [-0.25, 2]], ["cat", "milk"], ["cat", "milk"],
    ...                    corner="query ↓ key →"))
    query ↓ key →   cat  milk
    cat            1.00  0.50
    milk          −0.25  2.00
    """
    arr = as_float_array(table, "table")
    for name, labels in (("row_labels", row_labels), ("col_labels", col_labels)):
        if isinstance(labels, (str, bytes)) or not isinstance(labels, (list, tuple)) or not all(
                isinstance(x, str) for x in labels):
            raise TypeError(f"{name} must be a list of words, one per "
                            f"{'row' if name == 'row_labels' else 'column'}, e.g. "
                            f"{name} = ['cat', 'milk'].")
    if arr.ndim != 2 or arr.shape != (len(row_labels), len(col_labels)):
        raise ValueError(
            f"table has shape {arr.shape} but there are {len(row_labels)} row_labels and "
            f"{len(col_labels)} col_labels; give one label per row and per column, e.g. "
            f"{arr.shape[0] if arr.ndim else 1} row_labels."
        )
    check_finite(arr, "table")
    cells = [[format_number(float(x), decimals) for x in row] for row in arr]
    if decimals > 0:  # show whole numbers with decimals too, so columns line up
        cells = [[c if "." in c or "×" in c else f"{c}.{'0' * decimals}" for c in row]
                 for row in cells]
    first = max(len(corner), *(len(r) for r in row_labels))
    widths = [max(len(col_labels[j]), *(len(row[j]) for row in cells))
              for j in range(len(col_labels))]
    lines = [corner.ljust(first) + "".join(f"  {c:>{w}}" for c, w in zip(col_labels, widths,
                                                                          strict=True))]
    for label, row in zip(row_labels, cells, strict=True):
        lines.append(label.ljust(first) + "".join(f"  {c:>{w}}" for c, w in zip(row, widths,
                                                                                 strict=True)))
    return "\n".join(line.rstrip() for line in lines)
