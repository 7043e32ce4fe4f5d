"""Multi-head attention and where position comes from (lesson 09).

Lesson 08 recomputed one head. A real layer runs ``n_heads`` of them side by side on
slices of the same 384-number vectors, glues their outputs back together and mixes
them with one more learned matrix::

    Q, K, V = H W_qᵀ + b_q, H W_kᵀ + b_k, H W_vᵀ + b_v      (n_tokens × 384 each)
    Q_h, K_h, V_h = split_heads(Q, 12) …                      (12 × n_tokens × 32)
    O_h = softmax(Q_h K_hᵀ / √32) V_h        for every head  multi_head_attention
    O = concat_heads(O_h)                                     (n_tokens × 384)
    output = O W_oᵀ + b_o                                     output_projection

Each head's ``softmax(Q_h K_hᵀ/√d) V_h`` is computed by :mod:`lessons_lib.attention`
(the same functions as lessons 07 and 08); nothing here re-implements a softmax.

Attention by itself treats the tokens as a set: shuffle them and every weight moves
with its token, unchanged (:func:`permutation_demo`). Position must therefore be
*added* to the vectors: :func:`positional_encoding` is the sinusoidal encoding of
Vaswani et al. (2017); MiniLM instead learns one vector per position, shipped in
:func:`load_real_layer` (``position_embeddings``).

Shapes follow lessons 07/08: one row per token; weights in PyTorch ``nn.Linear``
orientation (``out × in``), so a projection is ``X @ W.T + b``.

Examples
--------
>>> layer = load_real_layer()
>>> layer.n_heads, layer.d_head, layer.hidden_states_in.shape
(12, 32, (10, 384))
>>> float(np.abs(layer.recompute().output - layer.model_output).max()) < 1e-5
True
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessons_lib._validate import as_float_array, as_matrix, check_finite
from lessons_lib.attention import _no_overflow, _output, _weights
from lessons_lib.embeddings import _load

__all__ = [
    "LayerResult",
    "MultiHeadResult",
    "PermutationDemo",
    "RealLayer",
    "concat_heads",
    "load_real_layer",
    "multi_head_attention",
    "output_projection",
    "permutation_demo",
    "positional_encoding",
    "split_heads",
]

FloatArray = NDArray[np.floating[Any]]

LAYER_FILE = "minilm_layer.npz"
#: The most heads / positions / dimensions these functions accept (lesson-sized arrays).
MAX_HEADS = 1024
MAX_POSITIONS = 10_000
MAX_DIM = 4096


# --------------------------------------------------------------------------- checks
def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _whole(n: object, name: str, lo: int, hi: int, example: int) -> int:
    """A whole number from ``lo`` to ``hi`` (``int`` or a NumPy integer; no bools)."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or not (
            lo <= int(n) <= hi):
        raise ValueError(f"{name} is {_short(n)}; give a whole number from {lo} to {hi:,}, "
                         f"e.g. {name} = {example}.")
    return int(n)


def _finite_matrix(value: object, name: str, row_word: str = "token") -> FloatArray:
    arr = as_matrix(value, name, row_word)
    check_finite(arr, name)
    return arr.astype(np.float64)


def _heads_of(value: object, name: str) -> FloatArray:
    """A 3-D table (n_heads, n_tokens, d_head) of finite numbers."""
    arr = as_float_array(value, name)
    if arr.ndim != 3:
        raise ValueError(
            f"{name} has shape {arr.shape}, but it must be 3-D: (number of heads, number of "
            f"tokens, head dimension), as split_heads returns. Build it with split_heads(X, "
            f"n_heads), or stack the heads' tables with np.stack([...])."
        )
    if 0 in arr.shape:
        raise ValueError(f"{name} has shape {arr.shape}: it needs at least one head, one token "
                         f"and one number per head. Give it numbers, e.g. split_heads(X, 2).")
    check_finite(arr, name)
    return arr.astype(np.float64)


# --------------------------------------------------------------------------- heads
def split_heads(X: ArrayLike, n_heads: int) -> FloatArray:
    """Cut every token's vector into ``n_heads`` equal slices, one per head (lesson 09).

    Head ``h`` gets columns ``h·d_head … (h+1)·d_head − 1`` of every row, where
    ``d_head = X.shape[1] / n_heads``: MiniLM cuts 384 numbers into 12 heads of 32.

    Parameters
    ----------
    X : array, shape (n_tokens, d_model)
        One row per token (e.g. the queries Q of all heads at once).
    n_heads : int
        How many heads; must divide ``d_model``.

    Returns
    -------
    numpy.ndarray, shape (n_heads, n_tokens, d_model // n_heads)

    Raises
    ------
    ValueError
        If ``X`` is not a 2-D table of finite numbers, or ``n_heads`` is not a whole
        number that divides the row size.

    Examples
    --------
    >>> X = np.arange(8.0).reshape(2, 4)
    >>> split_heads(X, 2)
    array([[[0., 1.],
            [4., 5.]],
    <BLANKLINE>
           [[2., 3.],
            [6., 7.]]])
    >>> split_heads(np.zeros((10, 384)), 12).shape
    (12, 10, 32)
    """
    x = _finite_matrix(X, "X")
    return _split(x, _heads_count(n_heads, x.shape[1], "X"))


def _split(x: FloatArray, h: int) -> FloatArray:
    """:func:`split_heads` of a finite table checked already, into ``h`` heads."""
    n, d = x.shape
    return x.reshape(n, h, d // h).transpose(1, 0, 2).copy()


def _heads_count(n_heads: object, d: int, name: str) -> int:
    """``n_heads`` as an int that divides the row size ``d`` of ``name``."""
    h = _whole(n_heads, "n_heads", 1, MAX_HEADS, 12)
    if d % h:
        divisors = [k for k in range(1, min(d, 16) + 1) if d % k == 0]
        raise ValueError(
            f"{name} has rows of {d} numbers, which do not split into n_heads = {h} equal "
            f"slices ({d} / {h} is not a whole number). Choose n_heads that divides {d}, "
            f"e.g. one of {divisors}."
        )
    return h


def concat_heads(heads: ArrayLike) -> FloatArray:
    """Glue the heads' outputs back side by side: the inverse of :func:`split_heads` (lesson 09).

    Row ``i`` of the result is head 0's row ``i``, then head 1's row ``i``, …

    Parameters
    ----------
    heads : array, shape (n_heads, n_tokens, d_head)

    Returns
    -------
    numpy.ndarray, shape (n_tokens, n_heads · d_head)

    Examples
    --------
    >>> X = np.arange(8.0).reshape(2, 4)
    >>> concat_heads(split_heads(X, 2))
    array([[0., 1., 2., 3.],
           [4., 5., 6., 7.]])
    """
    arr = _heads_of(heads, "heads")
    h, n, dh = arr.shape
    return arr.transpose(1, 0, 2).reshape(n, h * dh)


@dataclass(frozen=True)
class MultiHeadResult:
    """What :func:`multi_head_attention` returns.

    Attributes
    ----------
    concat : numpy.ndarray, shape (n_tokens, n_heads · d_head)
        The heads' outputs side by side (the input of the output projection).
    weights : numpy.ndarray, shape (n_heads, n_tokens, n_tokens)
        Every head's attention weights; ``weights[h]`` rows sum to 1.
    head_outputs : numpy.ndarray, shape (n_heads, n_tokens, d_head)
        Every head's ``softmax(Q_h K_hᵀ/√d_head) V_h``.
    """

    concat: FloatArray = field(repr=False)
    weights: FloatArray = field(repr=False)
    head_outputs: FloatArray = field(repr=False)

    def __repr__(self) -> str:
        h, n, dh = self.head_outputs.shape
        return f"MultiHeadResult({h} heads of {dh} numbers, {n} tokens)"


def multi_head_attention(Q: ArrayLike, K: ArrayLike, V: ArrayLike,
                         n_heads: int) -> MultiHeadResult:
    """Scaled dot-product attention in every head, then the heads concatenated (lesson 09).

    ``Q``, ``K`` and ``V`` hold all heads at once (one row per token, ``d_model``
    columns). Each is cut by :func:`split_heads`; head ``h`` computes
    ``softmax(Q_h K_hᵀ / √d_head) V_h`` with :func:`lessons_lib.attention.attention_weights`
    and :func:`lessons_lib.attention.attention_output`; :func:`concat_heads` glues
    the results. No output projection: see :func:`output_projection`.

    Parameters
    ----------
    Q, K, V : arrays, shape (n_tokens, d_model)
        Queries, keys, values of every head (K and V: the same tokens, same order).
    n_heads : int
        Must divide ``d_model``.

    Returns
    -------
    MultiHeadResult
        ``.concat`` (n_tokens, d_model), ``.weights`` (n_heads, n_q, n_k),
        ``.head_outputs`` (n_heads, n_q, d_head).

    Examples
    --------
    >>> Q = np.array([[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0]])
    >>> K = np.array([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]])
    >>> V = np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
    >>> result = multi_head_attention(Q, K, V, n_heads=2)
    >>> result.weights.round(2)        # head 0: each token itself; head 1: the other
    array([[[0.67, 0.33],
            [0.33, 0.67]],
    <BLANKLINE>
           [[0.33, 0.67],
            [0.67, 0.33]]])
    >>> result.concat.shape
    (2, 4)
    """
    q = _finite_matrix(Q, "Q", "query")
    k = _finite_matrix(K, "K", "key")
    v = _finite_matrix(V, "V", "key")
    if not q.shape[1] == k.shape[1] == v.shape[1]:
        raise ValueError(
            f"Q, K and V have rows of {q.shape[1]}, {k.shape[1]} and {v.shape[1]} numbers; in "
            "multi-head attention all three hold every head side by side, so they need the "
            "same dimension d_model. Check the projections that made them."
        )
    if k.shape[0] != v.shape[0]:
        raise ValueError(
            f"K has {k.shape[0]} rows but V has {v.shape[0]}: each key token needs its own "
            "value row. Build K and V from the same tokens."
        )
    h = _heads_count(n_heads, q.shape[1], "Q, K and V each")
    qs, ks, vs = (_split(m, h) for m in (q, k, v))
    weights = np.stack([_weights(qh, kh, True, None, 1.0) for qh, kh in zip(qs, ks, strict=True)])
    outputs = np.stack([_output(w, vh) for w, vh in zip(weights, vs, strict=True)])
    return MultiHeadResult(concat_heads(outputs), weights, outputs)


def output_projection(concat: ArrayLike, W_o: ArrayLike, b_o: ArrayLike | None = None
                      ) -> FloatArray:
    """The last step of multi-head attention: ``concat @ W_oᵀ + b_o`` (lesson 09).

    ``W_o`` mixes the heads: every output number is a weighted sum over all heads'
    numbers, so what one head found reaches every dimension.

    Parameters
    ----------
    concat : array, shape (n_tokens, d_in)
        The concatenated heads (:attr:`MultiHeadResult.concat`).
    W_o : array, shape (d_out, d_in)
        PyTorch orientation (out × in).
    b_o : array, shape (d_out,), optional

    Returns
    -------
    numpy.ndarray, shape (n_tokens, d_out)

    Examples
    --------
    >>> output_projection([[1.0, 2.0]], [[1.0, 1.0], [0.0, 2.0], [1.0, -1.0]], [0.5, 0.0, 0.0])
    array([[ 3.5,  4. , -1. ]])
    """
    c = _finite_matrix(concat, "concat")
    w = _finite_matrix(W_o, "W_o", "output")
    if w.shape[1] != c.shape[1]:
        raise ValueError(
            f"concat has rows of {c.shape[1]} numbers but W_o has {w.shape[1]} columns "
            f"(W_o.shape = {w.shape}). PyTorch stores W_o as outputs × inputs, so it needs one "
            f"column per concatenated number; if you built it inputs × outputs, pass W_o.T."
        )
    with np.errstate(over="ignore", invalid="ignore"):
        out = c @ w.T
    if b_o is not None:
        b = as_float_array(b_o, "b_o")
        if b.ndim != 1 or b.shape[0] != w.shape[0]:
            raise ValueError(
                f"b_o has shape {b.shape}, but W_o has {w.shape[0]} rows (one per output), "
                f"so b_o needs {w.shape[0]} numbers (1-D). Give e.g. "
                f"b_o = np.zeros({w.shape[0]}), or check that W_o is outputs × inputs."
            )
        check_finite(b, "b_o")
        with np.errstate(over="ignore", invalid="ignore"):
            out = out + b
    return _no_overflow(out, "concat @ W_oᵀ + b_o")


# --------------------------------------------------------------------------- position
def positional_encoding(n_positions: int, d_model: int) -> FloatArray:
    """The sinusoidal positional encoding of Vaswani et al. (2017) (lesson 09).

    ``PE[p, 2i] = sin(p / 10000^(2i/d_model))``, ``PE[p, 2i+1] = cos(p / 10000^(2i/d_model))``.
    Each pair of columns is a point on a circle turning at its own speed, so
    ``PE[p]·PE[q] = Σ_i cos((p − q)·ω_i)`` depends only on the offset ``p − q``.

    Parameters
    ----------
    n_positions : int
        Number of positions (rows), 1 … 10,000.
    d_model : int
        Vector dimension, an even number 2 … 4096.

    Returns
    -------
    numpy.ndarray, shape (n_positions, d_model)

    Examples
    --------
    >>> positional_encoding(3, 4).round(4)
    array([[ 0.    ,  1.    ,  0.    ,  1.    ],
           [ 0.8415,  0.5403,  0.01  ,  1.    ],
           [ 0.9093, -0.4161,  0.02  ,  0.9998]])
    >>> pe = positional_encoding(50, 16)
    >>> bool(np.isclose(pe[3] @ pe[7], pe[20] @ pe[24]))      # the same offset, 4
    True
    """
    n = _whole(n_positions, "n_positions", 1, MAX_POSITIONS, 10)
    d = _whole(d_model, "d_model", 2, MAX_DIM, 16)
    if d % 2:
        raise ValueError(f"d_model is {d}, but the sinusoidal encoding pairs a sine with a "
                         f"cosine, so it must be even. Use e.g. d_model = {d + 1}.")
    freqs = 1.0 / 10000.0 ** (np.arange(0, d, 2) / d)
    angles = np.arange(n)[:, None] * freqs[None, :]
    pe = np.empty((n, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe


# --------------------------------------------------------------------------- permutation
@dataclass(frozen=True)
class PermutationDemo:
    """What :func:`permutation_demo` returns.

    Attributes
    ----------
    order : list of int
        The shuffle: new token ``i`` is old token ``order[i]``.
    weights : numpy.ndarray, shape (n, n)
        Attention weights of the tokens in their original order.
    shuffled_weights : numpy.ndarray, shape (n, n)
        Attention weights computed from scratch on the shuffled tokens.
    max_difference : float
        Largest ``|shuffled_weights − weights[order][:, order]|``: ≈ 0 (rounding),
        i.e. shuffling the tokens only shuffles the table.
    output_difference : float
        The same for the outputs ``weights @ V``.
    """

    order: list[int]
    weights: FloatArray = field(repr=False)
    shuffled_weights: FloatArray = field(repr=False)
    max_difference: float
    output_difference: float

    def __repr__(self) -> str:
        return (f"PermutationDemo(order={self.order}, max_difference={self.max_difference:.1e},"
                f" output_difference={self.output_difference:.1e})")


def _order(order: object, n: int) -> list[int]:
    if isinstance(order, (str, bytes)) or order is None or not isinstance(
            order, (list, tuple, range, np.ndarray)):
        raise TypeError(f"order is {_short(order)}; give a list of the token positions in "
                        f"their new order, e.g. order = {list(range(n))[::-1]}.")
    items = list(np.asarray(order).ravel()) if isinstance(order, np.ndarray) else list(order)
    if isinstance(order, np.ndarray) and order.ndim != 1:
        items = [None]  # refused below
    ok = all(isinstance(i, numbers.Integral) and not isinstance(i, (bool, np.bool_))
             for i in items)
    if not ok or sorted(int(i) for i in items) != list(range(n)):
        raise ValueError(f"order is {_short(order)}, but it must list each of the {n} token "
                         f"positions 0 … {n - 1} exactly once, in the new order, e.g. order = "
                         f"{list(range(n))[::-1]}.")
    return [int(i) for i in items]


def permutation_demo(Q: ArrayLike, K: ArrayLike, V: ArrayLike, order: list[int]
                     ) -> PermutationDemo:
    """Shuffle the tokens and recompute attention: the weights are the same, shuffled (lesson 09).

    Self-attention without position is *permutation-equivariant*: if the tokens
    (the rows of Q, K and V together) are put in another order, each token still
    gives the same weight to each other token — only the rows and columns of the
    table move. So attention alone cannot tell "cat drank milk" from "milk drank cat".

    Parameters
    ----------
    Q, K, V : arrays, shape (n_tokens, d)
        One row per token, in the original order (one head).
    order : list of int
        A permutation of ``0 … n_tokens − 1``: new token ``i`` is old token ``order[i]``.

    Returns
    -------
    PermutationDemo

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> demo = permutation_demo(X, X, X, [2, 0, 1])
    >>> demo.max_difference < 1e-12
    True
    >>> bool(np.allclose(demo.shuffled_weights[0], demo.weights[2][[2, 0, 1]]))
    True
    """
    q = _finite_matrix(Q, "Q", "query")
    k = _finite_matrix(K, "K", "key")
    v = _finite_matrix(V, "V", "key")
    n = q.shape[0]
    if k.shape[0] != n or v.shape[0] != n:
        raise ValueError(
            f"Q, K and V have {n}, {k.shape[0]} and {v.shape[0]} rows; self-attention has one "
            "query, key and value per token, so all three need the same number of rows. "
            "Build them from the same tokens."
        )
    perm = _order(order, n)
    weights = _weights(q, k, True, None, 1.0)
    out = _output(weights, v)
    shuffled = _weights(q[perm], k[perm], True, None, 1.0)
    shuffled_out = _output(shuffled, v[perm])
    gap = float(np.abs(shuffled - weights[perm][:, perm]).max())
    gap_out = float(np.abs(shuffled_out - out[perm]).max())
    return PermutationDemo(perm, weights, shuffled, gap, gap_out)


# --------------------------------------------------------------------------- real layer
def _dequantise(q: NDArray[np.int8], scale: FloatArray) -> FloatArray:
    """Exactly the float32 weights the model was run with (see the provenance)."""
    return q.astype(np.float32) * scale.astype(np.float32)[:, None]


@dataclass(frozen=True)
class RealLayer:
    """One whole attention layer of all-MiniLM-L6-v2 on lesson 08's sentence (lesson 09).

    The four 384 × 384 weights are shipped as int8 with one scale per row (0.6 MB
    instead of 2.4 MB); the model was re-run with exactly these weights patched in,
    so ``model_output`` is the model's own output for the numbers here.

    Attributes
    ----------
    tokens : list of str
    layer, n_heads, d_head : int
    hidden_states_in : numpy.ndarray, shape (n_tokens, 384)
        The vectors entering the layer (layer 0: the embedding output).
    w_q, w_k, w_v, w_o : numpy.ndarray, shape (384, 384), float32
        Dequantised projection weights, PyTorch orientation (``X @ W.T + b``).
    b_q, b_k, b_v, b_o : numpy.ndarray, shape (384,)
    model_output : numpy.ndarray, shape (n_tokens, 384)
        The model's own output of the output projection (before residual and LayerNorm).
    model_concat : numpy.ndarray, shape (n_tokens, 384)
        The model's concatenated heads (the input of its output projection).
    model_weights : numpy.ndarray, shape (n_heads, n_tokens, n_tokens)
        The model's attention weights, every head.
    word_embeddings, position_embeddings : numpy.ndarray
        The sentence's token vectors (n_tokens, 384) and the first 32 learned position
        vectors (32, 384); with ``token_type_embedding`` and the embedding LayerNorm
        (``ln_weight``, ``ln_bias``, ``ln_eps``) they rebuild ``hidden_states_in``.
    provenance : dict
    """

    tokens: list[str]
    layer: int
    n_heads: int
    d_head: int
    hidden_states_in: FloatArray = field(repr=False)
    w_q: FloatArray = field(repr=False)
    b_q: FloatArray = field(repr=False)
    w_k: FloatArray = field(repr=False)
    b_k: FloatArray = field(repr=False)
    w_v: FloatArray = field(repr=False)
    b_v: FloatArray = field(repr=False)
    w_o: FloatArray = field(repr=False)
    b_o: FloatArray = field(repr=False)
    model_output: FloatArray = field(repr=False)
    model_concat: FloatArray = field(repr=False)
    model_weights: FloatArray = field(repr=False)
    word_embeddings: FloatArray = field(repr=False)
    position_embeddings: FloatArray = field(repr=False)
    token_type_embedding: FloatArray = field(repr=False)
    ln_weight: FloatArray = field(repr=False)
    ln_bias: FloatArray = field(repr=False)
    ln_eps: float = field(repr=False)
    provenance: dict[str, Any] = field(repr=False)

    def _project(self, H: FloatArray, w: FloatArray, b: FloatArray) -> FloatArray:
        return H.astype(np.float64) @ w.T.astype(np.float64) + b.astype(np.float64)

    def qkv(self, H: FloatArray | None = None) -> tuple[FloatArray, FloatArray, FloatArray]:
        """``(Q, K, V)`` of all 12 heads, each (n_tokens, 384), from ``H`` (default: the
        hidden states entering the layer)."""
        h = self.hidden_states_in if H is None else _finite_matrix(H, "H")
        return (self._project(h, self.w_q, self.b_q), self._project(h, self.w_k, self.b_k),
                self._project(h, self.w_v, self.b_v))

    def recompute(self, H: FloatArray | None = None) -> LayerResult:
        """The whole layer by hand: projections, 12 heads, concat, W_o."""
        heads = multi_head_attention(*self.qkv(H), self.n_heads)
        return LayerResult(heads, output_projection(heads.concat, self.w_o, self.b_o))

    def embedding_output(self, *, with_positions: bool = True) -> FloatArray:
        """LayerNorm(word + position + token type): the input of layer 0.

        With ``with_positions=False`` the position vectors are left out: the same
        words, but nothing tells the layer where each one stands.
        """
        x = self.word_embeddings.astype(np.float64) + self.token_type_embedding
        if with_positions:
            x = x + self.position_embeddings[: len(self.tokens)]
        mu = x.mean(axis=1, keepdims=True)
        var = x.var(axis=1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.ln_eps) * self.ln_weight + self.ln_bias

    def __repr__(self) -> str:
        return (f"RealLayer(model={self.provenance['model_id']!r}, layer={self.layer}, "
                f"n_heads={self.n_heads}, d_head={self.d_head}, tokens={self.tokens})")


@dataclass(frozen=True)
class LayerResult:
    """:meth:`RealLayer.recompute`'s answer: the heads and the projected output."""

    heads: MultiHeadResult
    output: FloatArray = field(repr=False)

    @property
    def weights(self) -> FloatArray:
        """Every head's attention weights, (n_heads, n_tokens, n_tokens)."""
        return self.heads.weights

    def __repr__(self) -> str:
        return f"LayerResult({self.heads!r}, output shape {self.output.shape})"


def load_real_layer() -> RealLayer:
    """The shipped attention layer (layer 0 of all-MiniLM-L6-v2, all 12 heads) (lesson 09).

    Examples
    --------
    >>> layer = load_real_layer()
    >>> layer.tokens[:4]
    ['[CLS]', 'the', 'cat', 'drank']
    >>> layer.w_o.shape, layer.model_weights.shape
    ((384, 384), (12, 10, 10))
    """
    data = _load(LAYER_FILE)
    prov = data["provenance"]
    weights = {}
    for name in "qkvo":
        w = _dequantise(data[f"w_{name}_int8"], data[f"w_{name}_scale"])
        w.setflags(write=False)
        weights[f"w_{name}"] = w
        weights[f"b_{name}"] = data[f"b_{name}"]
    return RealLayer(
        tokens=[str(t) for t in data["tokens"]],
        layer=int(prov["layer"]), n_heads=int(prov["n_heads"]), d_head=int(prov["d_head"]),
        hidden_states_in=data["hidden_states_in"],
        model_output=data["attention_output"], model_concat=data["concat_heads"],
        model_weights=data["attention_probs"],
        word_embeddings=data["word_embeddings"],
        position_embeddings=data["position_embeddings"],
        token_type_embedding=data["token_type_embedding"],
        ln_weight=data["embedding_ln_weight"], ln_bias=data["embedding_ln_bias"],
        ln_eps=float(prov["layer_norm_eps"]),
        provenance=dict(prov),
        **weights,
    )

