"""Lesson 09's helpers (lessons_lib.multihead) against independent computations.

The real layer is recomputed here in plain NumPy (einsum, float64, nothing from
lessons_lib but the shipped arrays) and compared both with the library and with the
model's own output; the properties (equivariance, PE(i)·PE(j) depends on i − j) are
checked with hypothesis against formulas written out in this file.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import multihead as mh

ROOT = Path(__file__).resolve().parents[1]
DATA = resources.files("lessons_lib") / "data"


def _raw() -> dict[str, np.ndarray]:
    with resources.as_file(DATA / "minilm_layer.npz") as path, np.load(path) as npz:
        return {k: npz[k] for k in npz.files}


def _by_hand(raw: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The layer in plain NumPy: int8 × scale, projections, 12 heads, concat, W_o."""
    w = {n: (raw[f"w_{n}_int8"].astype(np.float32) * raw[f"w_{n}_scale"][:, None])
         .astype(np.float64) for n in "qkvo"}
    b = {n: raw[f"b_{n}"].astype(np.float64) for n in "qkvo"}
    h = raw["hidden_states_in"].astype(np.float64)
    n_tok, d = h.shape
    q, k, v = (np.einsum("td,od->to", h, w[n]) + b[n] for n in "qkv")
    q, k, v = (m.reshape(n_tok, 12, d // 12) for m in (q, k, v))
    s = np.einsum("ihd,jhd->hij", q, k) / math.sqrt(d // 12)
    p = np.exp(s - s.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    concat = np.einsum("hij,jhd->ihd", p, v).reshape(n_tok, d)
    return np.einsum("td,od->to", concat, w["o"]) + b["o"], concat, p


def test_the_layer_recomputed_in_plain_numpy_agrees_with_the_model():
    raw = _raw()
    out, concat, p = _by_hand(raw)
    assert np.abs(out - raw["attention_output"]).max() <= 1e-5
    assert np.abs(concat - raw["concat_heads"]).max() <= 1e-5
    assert np.abs(p - raw["attention_probs"]).max() <= 1e-5
    # the output is not trivially small: the agreement means something
    assert np.abs(raw["attention_output"]).max() > 0.1


def test_the_library_agrees_with_plain_numpy_and_with_the_model():
    raw = _raw()
    out, concat, p = _by_hand(raw)
    layer = mh.load_real_layer()
    mine = layer.recompute()
    assert np.abs(mine.output - out).max() <= 1e-9
    assert np.abs(mine.heads.concat - concat).max() <= 1e-9
    assert np.abs(mine.weights - p).max() <= 1e-12
    assert np.abs(mine.output - layer.model_output).max() <= 1e-5


def test_the_shipped_data_is_small_and_says_where_it_came_from():
    data_dir = ROOT / "lessons_lib" / "data"
    total = sum(f.stat().st_size for f in data_dir.iterdir() if f.is_file())
    assert total < 1_000_000, f"package data is {total:,} bytes; the limit is 1 MB"
    prov = json.loads((data_dir / "minilm_layer.json").read_text(encoding="utf-8"))
    assert prov == mh.load_real_layer().provenance
    for key in ("model_id", "model_safetensors_sha256", "quantisation", "patched",
                "model_output", "quantisation_effect_max_abs_diff_output",
                "self_check_max_abs_diff_output"):
        assert prov[key], key
    assert prov["self_check_max_abs_diff_output"] <= 1e-5
    # int8 with one scale per row: the quantisation error is at most half a step per weight
    raw = _raw()
    for n in "qkvo":
        assert raw[f"w_{n}_int8"].dtype == np.int8 and raw[f"w_{n}_int8"].shape == (384, 384)
        assert np.abs(raw[f"w_{n}_int8"]).max() == 127


def test_the_embedding_pieces_rebuild_the_layer_input():
    raw = _raw()
    x = (raw["word_embeddings"].astype(np.float64) + raw["position_embeddings"][:10]
         + raw["token_type_embedding"])
    x = (x - x.mean(1, keepdims=True)) / np.sqrt(x.var(1, keepdims=True) + 1e-12)
    x = x * raw["embedding_ln_weight"] + raw["embedding_ln_bias"]
    assert np.abs(x - raw["hidden_states_in"]).max() <= 1e-5
    layer = mh.load_real_layer()
    assert np.abs(layer.embedding_output() - x).max() <= 1e-9


def test_without_positions_head_2_no_longer_looks_at_the_previous_token():
    layer = mh.load_real_layer()
    with_pos = layer.recompute(layer.embedding_output()).weights[2]
    without = layer.recompute(layer.embedding_output(with_positions=False)).weights[2]
    prev = [with_pos[i, i - 1] for i in range(2, 9)]
    assert min(prev) > 0.5  # a previous-token head, as the model's own weights say
    assert np.abs(with_pos - layer.model_weights[2]).max() <= 1e-5
    # the word "the" appears 3 times: without position its three rows are identical
    the = [i for i, t in enumerate(layer.tokens) if t == "the"]
    assert np.abs(without[the[0]] - without[the[1]]).max() <= 1e-12


def test_the_shipped_weights_are_read_only():
    layer = mh.load_real_layer()
    with pytest.raises(ValueError, match="read-only"):
        layer.w_q[0, 0] = 0.0


# --------------------------------------------------------------------------- small cases
def test_split_and_concat_by_hand():
    X = np.arange(12.0).reshape(2, 6)
    heads = mh.split_heads(X, 3)
    assert heads.shape == (3, 2, 2)
    assert heads[1].tolist() == [[2.0, 3.0], [8.0, 9.0]]  # columns 2-3 of each row
    assert np.array_equal(mh.concat_heads(heads), X)


def test_one_head_is_plain_attention():
    rng = np.random.default_rng(0)
    Q, K, V = rng.normal(size=(3, 4, 8))
    res = mh.multi_head_attention(Q, K, V, n_heads=1)
    s = Q @ K.T / math.sqrt(8)
    w = np.exp(s) / np.exp(s).sum(1, keepdims=True)
    assert np.allclose(res.weights[0], w) and np.allclose(res.concat, w @ V)


def test_output_projection_by_hand():
    out = mh.output_projection([[1.0, 2.0]], [[1.0, 1.0], [0.0, 2.0]], [0.5, -1.0])
    assert out.tolist() == [[3.5, 3.0]]


@pytest.mark.parametrize(("call", "needle"), [
    (lambda: mh.split_heads(np.zeros((2, 10)), 3), r"do not split into n_heads = 3"),
    (lambda: mh.split_heads(np.zeros((2, 4)), 0), r"n_heads is 0"),
    (lambda: mh.multi_head_attention(np.zeros((2, 4)), np.zeros((2, 6)), np.zeros((2, 6)), 2),
     r"same dimension d_model"),
    (lambda: mh.concat_heads(np.zeros((2, 4))), r"must be 3-D"),
    (lambda: mh.output_projection(np.zeros((2, 4)), np.zeros((4, 3))), r"pass W_o.T"),
    (lambda: mh.positional_encoding(4, 5), r"must be even"),
    (lambda: mh.permutation_demo(np.eye(3), np.eye(3), np.eye(3), [0, 0, 1]),
     r"exactly once"),
])
def test_bad_input_is_named_with_a_fix(call, needle):
    with pytest.raises(ValueError, match=needle):
        call()


# --------------------------------------------------------------------------- properties
def _pe_formula(p: int, d: int) -> np.ndarray:
    """Vaswani et al. (2017), section 3.5, written out entry by entry."""
    return np.array([math.sin(p / 10000 ** (i / d)) if i % 2 == 0 else
                     math.cos(p / 10000 ** ((i - 1) / d)) for i in range(d)])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 200),
       st.sampled_from([2, 4, 16, 64, 128]))
def test_pe_dot_depends_only_on_the_offset(i, j, shift, d):
    pe = mh.positional_encoding(401, d)
    assert np.allclose(pe[i], _pe_formula(i, d), atol=1e-9)
    # Σ cos((i−j)ω) written independently of the encoding itself
    omega = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    expected = float(np.cos((i - j) * omega).sum())
    assert math.isclose(pe[i] @ pe[j], expected, abs_tol=1e-9)
    assert math.isclose(pe[i] @ pe[j], pe[i + shift] @ pe[j + shift], abs_tol=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 7), st.sampled_from([1, 2, 4]), st.randoms(use_true_random=False),
       st.integers(0, 2**31 - 1))
def test_attention_without_position_is_permutation_equivariant(n, n_heads, rnd, seed):
    rng = np.random.default_rng(seed)
    Q, K, V = rng.normal(size=(3, n, 8)) * 2
    perm = list(range(n))
    rnd.shuffle(perm)
    P = np.eye(n)[perm]  # the permutation as a matrix: (P X)[i] = X[perm[i]]
    plain = mh.multi_head_attention(Q, K, V, n_heads)
    shuffled = mh.multi_head_attention(P @ Q, P @ K, P @ V, n_heads)
    for h in range(n_heads):
        assert np.allclose(shuffled.weights[h], P @ plain.weights[h] @ P.T, atol=1e-12)
    assert np.allclose(shuffled.concat, P @ plain.concat, atol=1e-12)
    demo = mh.permutation_demo(Q, K, V, perm)
    assert demo.max_difference <= 1e-12 and demo.output_difference <= 1e-12


def test_with_positions_added_the_shuffle_changes_the_weights():
    # adding a position vector per slot (not per token) breaks the equivariance
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 16))
    pe = mh.positional_encoding(5, 16) * 3
    perm = [4, 2, 0, 1, 3]
    w = mh.multi_head_attention(X + pe, X + pe, X + pe, 1).weights[0]
    ws = mh.multi_head_attention(X[perm] + pe, X[perm] + pe, X[perm] + pe, 1).weights[0]
    assert np.abs(ws - w[perm][:, perm]).max() > 0.01


def test_the_quantisation_effect_matches_the_unpatched_model():
    # lesson 08's file holds the ORIGINAL model's layer-0 weights (all 12 heads): the patched
    # model's differ from them by the small amount the provenance reports, and no more
    with resources.as_file(DATA / "minilm_head.npz") as path, np.load(path) as npz:
        original = npz["all_attention_probs"][0].astype(np.float64)
    layer = mh.load_real_layer()
    gap = np.abs(layer.model_weights - original).max()
    assert 1e-4 < gap < 0.02
    assert math.isclose(gap, layer.provenance["quantisation_effect_max_abs_diff_probs"],
                        rel_tol=0.05, abs_tol=1e-5)
