"""lessons_lib.attention against independent formulas, hand arithmetic and explicit loops."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessons_lib.attention import (
    attention,
    attention_output,
    attention_scores,
    attention_weights,
    causal_mask,
    format_table,
    padding_mask,
    score_working,
    softmax,
)

Q004 = [0.5, 0.3, -0.2]
K004 = [0.4, 0.8, 0.1]


# ------------------------------------------------------------------ hand-computed cases
def test_source_004_pair_by_hand():
    raw = 0.5 * 0.4 + 0.3 * 0.8 + (-0.2) * 0.1          # 0.20 + 0.24 − 0.02
    assert raw == pytest.approx(0.42)
    assert attention_scores([Q004], [K004], scale=False)[0, 0] == pytest.approx(0.42)
    assert attention_scores([Q004], [K004])[0, 0] == pytest.approx(0.42 / math.sqrt(3))
    assert round(0.42 / math.sqrt(3), 4) == 0.2425


def test_score_working_text_and_values():
    w = score_working(Q004, K004)
    assert w.raw == pytest.approx(0.42)
    assert w.score == pytest.approx(0.42 / 3 ** 0.5)
    assert str(w) == (
        "q·k = 0.5·0.4 + 0.3·0.8 + (−0.2)·0.1 = 0.20 + 0.24 − 0.02 = 0.42\n"
        "score = q·k / √d_k = 0.42 / √3 ≈ 0.42 / 1.7321 ≈ 0.2425"
    )
    assert repr(w) == str(w)


def test_score_working_length_mismatch():
    with pytest.raises(ValueError, match=r"q has 3 numbers but k has 2.*attention score"):
        score_working([1, 2, 3], [1, 2])


def test_softmax_by_hand():
    e = [math.exp(1), math.exp(2), math.exp(3)]
    expected = [x / sum(e) for x in e]
    np.testing.assert_allclose(softmax([1, 2, 3]), expected, rtol=1e-12)


def test_two_token_weights_by_hand():
    # identity queries/keys: scores [[1, 0], [0, 1]] / √2; weight = 1 / (1 + e^(−1/√2))
    w = attention_weights(np.eye(2), np.eye(2))
    p = 1 / (1 + math.exp(-1 / math.sqrt(2)))
    np.testing.assert_allclose(w, [[p, 1 - p], [1 - p, p]], rtol=1e-12)


def test_attention_output_by_hand():
    out, w = attention(np.eye(2), np.eye(2), [[10.0, 0.0], [0.0, 10.0]], scale=False)
    p = math.e / (math.e + 1)
    np.testing.assert_allclose(w, [[p, 1 - p], [1 - p, p]])
    np.testing.assert_allclose(out, [[10 * p, 10 * (1 - p)], [10 * (1 - p), 10 * p]])


def test_four_tokens_give_a_four_by_four_table():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((4, 8))
    assert attention_scores(X, X).shape == (4, 4)


# ------------------------------------------------------------------ property tests
def _explicit_loops(Q, K, scale):
    n, m, d = len(Q), len(K), len(Q[0])
    out = [[0.0] * m for _ in range(n)]
    for i in range(n):
        s = [sum(Q[i][t] * K[j][t] for t in range(d)) / (math.sqrt(d) if scale else 1.0)
             for j in range(m)]
        top = max(s)
        e = [math.exp(x - top) for x in s]
        out[i] = [x / sum(e) for x in e]
    return out


finite = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
dims = st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 5))


@st.composite
def qk(draw):
    n, m, d = draw(dims)
    Q = draw(arrays(np.float64, (n, d), elements=finite))
    K = draw(arrays(np.float64, (m, d), elements=finite))
    return Q, K


@given(qk(), st.booleans())
def test_matches_explicit_loops(pair, scale):
    Q, K = pair
    np.testing.assert_allclose(attention_weights(Q, K, scale=scale),
                               _explicit_loops(Q.tolist(), K.tolist(), scale),
                               rtol=1e-9, atol=1e-12)


@given(qk())
def test_rows_sum_to_one_and_are_in_range(pair):
    w = attention_weights(*pair)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, rtol=1e-12)
    assert (w >= 0).all() and (w <= 1).all()


@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 6)), elements=finite),
       arrays(np.float64, 5, elements=finite))
def test_softmax_ignores_a_constant_per_row(scores, shifts):
    shifted = scores + shifts[: len(scores), None]
    np.testing.assert_allclose(softmax(shifted), softmax(scores), rtol=1e-9, atol=1e-12)


@given(qk())
def test_scaling_is_dividing_by_root_dk(pair):
    Q, K = pair
    d = Q.shape[1]
    np.testing.assert_allclose(attention_scores(Q, K), (Q @ K.T) / np.sqrt(d), atol=1e-12)
    np.testing.assert_allclose(attention_weights(Q, K),
                               attention_weights(Q / np.sqrt(d), K, scale=False),
                               rtol=1e-9, atol=1e-12)


@given(qk(), st.data())
def test_masked_keys_get_exactly_zero(pair, data):
    Q, K = pair
    n, m = len(Q), len(K)
    mask = data.draw(arrays(np.bool_, (n, m)))
    mask[:, data.draw(st.integers(0, m - 1))] = True      # every row keeps one key
    w = attention_weights(Q, K, mask=mask)
    assert (w[~mask] == 0.0).all()
    np.testing.assert_allclose(w.sum(axis=1), 1.0, rtol=1e-12)
    # the kept keys share the weight exactly as softmax over the kept scores alone
    s = Q @ K.T / np.sqrt(Q.shape[1])
    for i in range(n):
        kept = s[i, mask[i]]
        e = np.exp(kept - kept.max())
        np.testing.assert_allclose(w[i, mask[i]], e / e.sum(), rtol=1e-9)


@given(st.integers(1, 8), st.integers(1, 4))
def test_causal_structure(n, d):
    rng = np.random.default_rng(n * 10 + d)
    X = rng.standard_normal((n, d))
    w = attention_weights(X, X, mask=causal_mask(n))
    for i in range(n):
        for j in range(n):
            if j > i:
                assert w[i, j] == 0.0
    assert w[0, 0] == 1.0                                # the first token can only see itself
    # causal output for token i only depends on tokens ≤ i
    V = rng.standard_normal((n, 3))
    out, _ = attention(X, X, V, mask=causal_mask(n))
    X2, V2 = X.copy(), V.copy()
    X2[-1] += 5.0
    V2[-1] += 5.0
    out2, _ = attention(X2, X2, V2, mask=causal_mask(n))
    np.testing.assert_allclose(out[:-1], out2[:-1])


def test_causal_mask_by_hand():
    assert causal_mask(3).tolist() == [[True, False, False], [True, True, False],
                                       [True, True, True]]


def test_padding_mask_forms_agree():
    expected = [[True, True, False]] * 3
    assert padding_mask(2, 3).tolist() == expected
    assert padding_mask([1, 1, 0]).tolist() == expected
    assert padding_mask([True, True, False]).tolist() == expected
    w = attention_weights(np.ones((3, 2)), np.ones((3, 2)), mask=padding_mask(2, 3))
    np.testing.assert_allclose(w, [[0.5, 0.5, 0.0]] * 3)


def test_padding_and_causal_combine():
    m = causal_mask(3) & padding_mask(2, 3)
    assert m.tolist() == [[True, False, False], [True, True, False], [True, True, False]]


@pytest.mark.parametrize("bad, match", [
    ((0, 3), "between 1 and 3"), ((2, None), "needs the padded number of tokens n"),
    (([0, 0],), "marks every token as padding"), (([1, 2],), "one flag per token"),
])
def test_padding_mask_errors(bad, match):
    with pytest.raises(ValueError, match=match):
        padding_mask(*bad)


def test_one_row_of_key_flags_broadcasts():
    w = attention_weights(np.ones((2, 1)), np.ones((3, 1)), mask=np.array([True, False, True]))
    np.testing.assert_allclose(w, [[0.5, 0.0, 0.5]] * 2)


def test_weights_at_V_matches_loop():
    rng = np.random.default_rng(0)
    w = softmax(rng.standard_normal((3, 4)))
    V = rng.standard_normal((4, 2))
    loop = [[sum(w[i, j] * V[j, c] for j in range(4)) for c in range(2)] for i in range(3)]
    np.testing.assert_allclose(attention_output(w, V), loop)


def test_float32_stays_float32():
    Q = np.ones((2, 4), dtype=np.float32)
    assert attention_weights(Q, Q).dtype == np.float32
    assert attention_weights([[1, 2]], [[3, 4]]).dtype == np.float64


# ------------------------------------------------------------------ stability
@pytest.mark.parametrize("row, expected", [
    ([1e4, 0.0], [1.0, 0.0]),
    ([-1e4, 0.0], [0.0, 1.0]),
    ([1e4, 1e4], [0.5, 0.5]),
    ([-1e4, -1e4, -1e4], [1 / 3, 1 / 3, 1 / 3]),
    ([7.0] * 4, [0.25] * 4),
    ([1e308, 1e308], [0.5, 0.5]),
])
def test_softmax_extremes(row, expected):
    out = softmax(row)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out, expected, atol=1e-12)


def test_huge_scores_through_attention_weights():
    w = attention_weights([[100.0, 100.0]], [[100.0, 100.0], [-100.0, -100.0]])
    assert np.isfinite(w).all()
    np.testing.assert_allclose(w, [[1.0, 0.0]])


def test_temperature():
    s = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(softmax(s, temperature=2.0), softmax(s / 2.0))
    flat, sharp = softmax(s, temperature=100.0), softmax(s, temperature=0.01)
    assert flat.max() - flat.min() < 0.01 and sharp[2] > 0.999
    with pytest.raises(ValueError, match="must be a positive number"):
        softmax(s, temperature=0)
    with pytest.raises(TypeError, match="not a number"):
        softmax(s, temperature="hot")


def test_softmax_over_columns():
    s = np.array([[1.0, 2.0], [3.0, 5.0]])
    np.testing.assert_allclose(softmax(s, axis=0).sum(axis=0), [1.0, 1.0])


# ------------------------------------------------------------------ error messages
def test_dk_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"Q has rows of 3 numbers but K has rows of 2 "
                                         r"\(Q.shape = \(1, 3\), K.shape = \(2, 2\)\).*same "
                                         r"dimension d_k"):
        attention_scores([[1, 2, 3]], [[1, 2], [3, 4]])


def test_v_rows_must_match_k_rows():
    with pytest.raises(ValueError, match=r"V has 3 rows but K has 2 rows.*own value row"):
        attention(np.eye(2), np.eye(2), np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"weights has 2 columns.*V has 3 rows"):
        attention_output(np.full((2, 2), 0.5), np.ones((3, 2)))


@pytest.mark.parametrize("fn", [
    lambda q: attention_scores(q, [[1.0, 2.0, 3.0]]),
    lambda q: attention_weights(q, [[1.0, 2.0, 3.0]]),
])
def test_one_d_query_suggests_the_fix(fn):
    with pytest.raises(ValueError, match=r"Q is 1-D \(shape \(3,\)\).*Q\[None, :\] or "
                                         r"np.atleast_2d\(Q\).*\(1, 3\)"):
        fn(np.array(Q004))


def test_three_d_input():
    with pytest.raises(ValueError, match=r"K has shape \(1, 2, 3\).*must be 2-D.*K\[0\]"):
        attention_scores(np.ones((2, 3)), np.ones((1, 2, 3)))


@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinite"),
                                       (-np.inf, "infinite")])
def test_nan_and_inf_are_named(bad, word):
    K = np.ones((2, 2))
    K[1, 0] = bad
    with pytest.raises(ValueError, match=rf"K\[1, 0\] is {word}"):
        attention_weights(np.ones((2, 2)), K)


@pytest.mark.parametrize("row, match", [
    ([1.0, np.nan], "contain NaN"), ([np.inf, 1.0], r"contain \+inf"),
])
def test_softmax_bad_scores(row, match):
    with pytest.raises(ValueError, match=match):
        softmax(row)


def test_minus_inf_is_a_masked_score():
    np.testing.assert_allclose(softmax([-np.inf, 0.0]), [0.0, 1.0])


def test_fully_masked_row_is_an_error():
    mask = np.array([[True, True], [False, False]])
    with pytest.raises(ValueError, match=r"mask row 1 is all False.*0/0"):
        attention_weights(np.eye(2), np.eye(2), mask=mask)
    with pytest.raises(ValueError, match=r"row 0 of the scores is −inf everywhere"):
        softmax([[-np.inf, -np.inf]])


def test_mask_must_be_boolean_and_the_right_shape():
    with pytest.raises(TypeError, match=r"mask holds float64.*True/False.*additive == 0"):
        attention_weights(np.eye(2), np.eye(2), mask=np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"mask has shape \(3, 3\) but the score table has "
                                         r"shape \(2, 2\)"):
        attention_weights(np.eye(2), np.eye(2), mask=causal_mask(3))


@pytest.mark.parametrize("bad, exc, match", [
    ("QK", TypeError, "not a table of numbers"),
    (None, TypeError, "not a table of numbers"),
    ([[1, 2], [3]], ValueError, "rows with different numbers of entries"),
    ([[True, False]], TypeError, "True/False"),
    ([["a", "b"]], TypeError, "not numbers"),
    (np.ones((0, 3)), ValueError, "at least one row"),
])
def test_bad_tables(bad, exc, match):
    with pytest.raises(exc, match=match):
        attention_scores(bad, [[1.0, 2.0]])


def test_causal_mask_bad_n():
    with pytest.raises(ValueError, match="whole number"):
        causal_mask(0)


def test_format_table_aligns_and_uses_minus_sign():
    text = format_table([[1, 0.5], [-0.25, 2]], ["q1", "q2"], ["k1", "k2"])
    assert text.splitlines() == ["       k1    k2", "q1   1.00  0.50", "q2  −0.25  2.00"]
    with pytest.raises(ValueError, match="one label per row"):
        format_table([[1, 2]], ["a", "b"], ["c", "d"])
