"""Every quantitative or comparative claim of the lessons, checked on the lessons' own data.

The table is tools/claims.py (rendered as docs/claims.md). Each *checked* claim has a check
here under the same id; expected values come from NumPy, the math module or hand
arithmetic, never from the sentence under test.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import lessons_lib as ll
from lessons_lib import neurons, properties, timing
from lessons_lib.attention import attention_scores, causal_mask, softmax
from lessons_lib.embeddings import load_real_head, load_sentence_embeddings, load_word_embeddings
from tools import claims
from tools.claims import CLAIMS, KINDS
from tools.lessons import LESSONS, by_code

ROOT = Path(__file__).resolve().parents[1]
CHECKS: dict[str, Callable[[], None]] = {}


def check(claim_id: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    def register(fn: Callable[[], None]) -> Callable[[], None]:
        assert claim_id not in CHECKS, claim_id
        CHECKS[claim_id] = fn
        return fn
    return register


def angle(a, b) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    c = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def random_pairs(n: int = 1000, dim: int = 3, seed: int = 22):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 2, dim))


# ---------------------------------------------------------------- 00
@check("00-sign")
def _():
    for a, b in random_pairs():
        assert (a @ b > 0) == (angle(a, b) < 90)


@check("00-table")
def _():
    assert attention_scores(np.ones((4, 3)), np.ones((4, 3))).shape == (4, 4)


@check("00-origin")
def _():
    assert ll.norm([0, 0]) == 0
    grid = [round(0.1 * i, 1) for i in range(-30, 31)]
    assert min(math.hypot(x, y) for x in grid for y in grid if (x, y) != (0, 0)) > 0


# ---------------------------------------------------------------- 01
@check("01-sum-shorter")
def _():
    a, b = [2, 1], [-1, 2]
    assert math.isclose(ll.norm(ll.add(a, b)), math.sqrt(10))
    assert ll.norm(ll.add(a, b)) < ll.norm(a) + ll.norm(b) == pytest.approx(2 * math.sqrt(5))


@check("01-same-way")
def _():
    a = np.array([2.0, 1.0])
    for k in (2, 0.5):
        assert np.linalg.norm(a + k * a) == pytest.approx(np.linalg.norm(a) + np.linalg.norm(k * a))
    for a, b in random_pairs():
        assert np.linalg.norm(a + b) < np.linalg.norm(a) + np.linalg.norm(b)


@check("01-opposite")
def _():
    assert ll.add([2, 1], [-2, -1]) == [0, 0]


@check("01-double")
def _():
    for a in [np.array([2.0, 1.0]), *random_pairs(50)[:, 0]]:
        assert angle(a, 2 * a) == pytest.approx(0, abs=1e-5)
        assert np.linalg.norm(2 * a) == pytest.approx(2 * np.linalg.norm(a))


@check("01-negative")
def _():
    assert ll.norm([1, -2]) == ll.norm([1, 2]) == pytest.approx(math.sqrt(5))


@check("01-twice-5")
def _():
    assert ll.norm([6, 8]) == 10 == 2 * ll.norm([3, 4])


# ---------------------------------------------------------------- 02
@check("02-push")
def _():
    for w in (2, -2):
        for x in (3, -3):
            assert np.sign(w * x) == (np.sign(w) if x > 0 else -np.sign(w))
    assert (-1) * (-2) == 2


@check("02-zip")
def _():
    assert sum(x * y for x, y in zip([1, 2, 3], [4, 5], strict=False)) == 14


@check("02-perpendicular")
def _():
    assert angle([1.8, 1.2], [-1.2, 1.8]) == pytest.approx(90)


@check("02-cancel")
def _():
    assert 1.8 * -1.2 + 1.2 * 1.8 == 0.0
    assert ll.dot([2, 1], [-1, 2]) == 0


@check("02-triple")
def _():
    a, b = [1.8, 1.2], [0.8, 1.8]
    assert ll.dot([5.4, 3.6], b) == pytest.approx(3 * 3.6)
    assert angle([5.4, 3.6], b) == pytest.approx(angle(a, b)) == pytest.approx(32.3, abs=0.05)


@check("02-flip")
def _():
    assert ll.dot([1.8, 1.2], [-0.8, -1.8]) == pytest.approx(-3.6)


@check("02-sign")
def _():
    for a, b in random_pairs(seed=2):
        t = angle(a, b)
        assert np.sign(a @ b) == (1 if t < 90 else -1)
    assert ll.dot([2, 1], [-1, 2]) == 0 and ll.dot([1.8, 1.2], [0.8, 1.8]) > 0


# ---------------------------------------------------------------- 03
@check("03-both-sides")
def _():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    t = angle(a, b)
    assert f"{a @ b:.2f}" == "3.60"
    assert f"{np.linalg.norm(a) * np.linalg.norm(b) * math.cos(math.radians(t)):.2f}" == "3.60"
    assert f"{t:.1f}" == "32.3"


@check("03-three-angles")
def _():
    a = [2, 1]
    for b, deg, cos in (([4, 2], 0, 1), ([-1, 2], 90, 0), ([-4, -2], 180, -1)):
        assert angle(a, b) == pytest.approx(deg, abs=1e-5)
        assert ll.cosine_similarity(a, b) == pytest.approx(cos, abs=1e-12)


@check("03-independent")
def _():
    rng = np.random.default_rng(3)
    for _ in range(1000):
        d = int(rng.integers(2, 6))
        a = rng.normal(size=d)
        b = rng.normal(size=d)
        b -= (a @ b) / (a @ a) * a  # the part of b perpendicular to a
        assert abs(a @ b) < 1e-9 and np.linalg.matrix_rank(np.stack([a, b])) == 2


@check("03-triple")
def _():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    assert (3 * a) @ b == pytest.approx(3 * (a @ b))
    assert angle(3 * a, b) == pytest.approx(angle(a, b))


@check("03-pythagoras")
def _():
    a, b = np.array([2.0, 1.0]), np.array([-1.0, 2.0])
    assert a @ b == 0
    assert np.linalg.norm(a - b) ** 2 == pytest.approx(np.linalg.norm(a) ** 2
                                                       + np.linalg.norm(b) ** 2)
    for a, b in random_pairs(seed=4):
        na, nb = np.linalg.norm(a), np.linalg.norm(b)
        law = na**2 + nb**2 - 2 * na * nb * math.cos(math.radians(angle(a, b)))
        assert np.linalg.norm(a - b) ** 2 == pytest.approx(law, rel=1e-6, abs=1e-9)


@check("03-signed")
def _():
    for a, b in random_pairs(seed=5):
        assert ((a @ b) / np.linalg.norm(b) < 0) == (angle(a, b) > 90)


@check("03-cosine-range")
def _():
    a = np.array([1.8, 1.2])
    turned = 7 * np.array([-a[1], a[0]])
    assert ll.cosine_similarity(a, 5 * a) == pytest.approx(1)
    assert ll.cosine_similarity(a, turned) == pytest.approx(0, abs=1e-12)
    assert ll.cosine_similarity(a, -0.2 * a) == pytest.approx(-1)


@check("03-twice")
def _():
    n, d = 100_000, 64
    raw = n * d + n * (d - 1)                   # the lesson's list: products, then sums
    cosine = raw + n * d + n * (d - 1) + d + (d - 1) + (n + 1) + n  # + squares, sums, roots, divs
    assert 1.9 <= cosine / raw <= 2.1
    lib = timing.CostComparison(n, d, 1.0, 1.0).operations
    assert 1.9 <= lib[1] / lib[0] <= 2.1


def _lesson_03_vectors():
    rng = np.random.default_rng(3)
    stored = rng.normal(size=(1000, 16))
    stored = 5 * stored / np.linalg.norm(stored, axis=1, keepdims=True)
    query = rng.normal(size=16)
    jittered = stored * rng.uniform(0.99, 1.01, size=(1000, 1))
    return stored, query, jittered


def _rankings(X, q):
    raw = np.argsort(-(X @ q))
    cos = np.argsort(-((X @ q) / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))))
    return raw, cos


@check("03-equal-lengths")
def _():
    stored, query, _ = _lesson_03_vectors()
    raw, cos = _rankings(stored, query)
    assert np.array_equal(raw, cos)


@check("03-rough-lengths")
def _():
    _, query, jittered = _lesson_03_vectors()
    lengths = np.linalg.norm(jittered, axis=1)
    assert 4.95 <= lengths.min() and lengths.max() <= 5.05
    raw, cos = _rankings(jittered, query)
    assert not np.array_equal(raw, cos)
    assert (raw != cos).sum() > 100  # not a near miss: most places move


@check("03-best-few")
def _():
    _, query, jittered = _lesson_03_vectors()
    raw, cos = _rankings(jittered, query)
    assert set(raw[:10]) == set(cos[:10]) and raw[0] == cos[0]


@check("03-misleads")
def _():
    q, a, b = [1, 0], [0.9, 0.1], [3, 3]
    assert ll.dot(q, b) == 3 > ll.dot(q, a) == 0.9
    assert f"{ll.cosine_similarity(q, a):.4f}" == "0.9939"
    assert f"{ll.cosine_similarity(q, b):.4f}" == "0.7071"


@check("03-cos-zero")
def _():
    assert ll.dot([0, 5], [7, 0]) == 0 and ll.norm([0, 5]) == 5 and ll.norm([7, 0]) == 7


# ---------------------------------------------------------------- 04
@check("04-push")
def _():
    x_rest, w_rest = np.array([3.0, 1.0]), np.array([0.5, -1.0])
    for w in (0.5, -0.5):
        for x in (2.0, -2.0):  # adding the feature with weight w moves w·x + … up or down
            z_without = float(w_rest @ x_rest)
            z_with = float(np.array([w, *w_rest]) @ np.array([x, *x_rest]))
            assert (z_with > z_without) == ((w > 0) == (x > 0))


@check("04-zero")
def _():
    assert neurons.weighted_sum([0.5, -1, 0], [6, 2, 100]) == neurons.weighted_sum(
        [0.5, -1, 0], [6, 2, -7]) == pytest.approx(1.0)


def _fit():
    X, y = neurons.house_prices()
    w, *_ = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), y, rcond=None)
    return X, y, w[:-1], w[-1]


@check("04-diagonal")
def _():
    X, y, w, b = _fit()
    pred = X @ w + b
    assert np.max(np.abs(pred - y) / y) < 0.02
    assert f"{np.sqrt(np.mean((pred - y) ** 2)):.1f}" == "1.5"


@check("04-signs")
def _():
    _, _, w, _ = _fit()
    assert w[0] > 0 and w[1] > 0 and w[2] < 0


@check("04-importance")
def _():
    X, _, w, _ = _fit()
    rooms, area, age = w * X.std(axis=0)
    assert area > rooms > 0 > age and abs(age) < rooms


@check("04-together")
def _():
    X, *_ = _fit()
    assert np.corrcoef(X[:, 0], X[:, 1])[0, 1] > 0.9


def sigma(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@check("04-half")
def _():
    assert neurons.sigmoid(0) == 0.5 == sigma(0)


@check("04-0.9")
def _():
    assert sigma(2.1) < 0.9 < sigma(2.2)


@check("04-steep")
def _():
    slope = [sigma(z) * (1 - sigma(z)) for z in (0, 5)]
    assert slope[0] == 0.25 and slope[0] > 30 * slope[1]


@check("04-200")
def _():
    demo = neurons.layer_collapse_demo()
    text = str(demo)
    assert "< 1e-12" in text
    gaps = [float(g) for g in re.findall(r"largest difference = ([\d.]+)", text)]
    assert len(gaps) == 2 and min(gaps) > 1
    import inspect
    assert inspect.signature(neurons.layer_collapse_demo).parameters["n_inputs"].default == 200


@check("04-collapse")
def _():
    rng = np.random.default_rng(4)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), \
        rng.normal(size=2)
    for x in rng.normal(size=(50, 3)):
        assert np.allclose(W2 @ (W1 @ x + b1) + b2, (W2 @ W1) @ x + (W2 @ b1 + b2))


# ---------------------------------------------------------------- 05
@check("05-table")
def _():
    a, b, c, k = np.array([1.8, 1.2]), np.array([0.8, 1.8]), np.array([1.0, -1.0]), 3.0
    report = properties.dot_properties(a, b)
    assert all(ch.holds for ch in report.checks)
    assert np.isclose(a @ b, b @ a) and np.isclose((k * a) @ b, k * (a @ b))
    assert np.isclose(a @ (b + c), a @ b + a @ c) and abs(a @ b) <= np.linalg.norm(a) * \
        np.linalg.norm(b)


Q07 = np.array([[0.1, 0.0, 0.2], [0.5, 0.3, -0.2], [0.2, 0.9, 0.1], [0.4, 0.1, 0.6]])
K07 = np.array([[0.0, 0.1, 0.1], [0.3, 0.2, 0.0], [0.1, 0.4, 0.5], [0.4, 0.8, 0.1]])


@check("05-doubling")
def _():
    s, s2 = Q07 @ K07.T, (2 * Q07) @ K07.T
    assert np.allclose(s2, 2 * s)
    assert np.array_equal(s.argmax(axis=1), s2.argmax(axis=1))
    e, e2 = np.exp(s), np.exp(s2)
    assert np.all((e2 / e2.sum(1, keepdims=True)).max(1) > (e / e.sum(1, keepdims=True)).max(1))


@check("05-cs-equality")
def _():
    pairs = (([1.8, 1.2], [0.8, 1.8]), ([1, 2], [-2, -4]), ([3, 0], [0, 5]),
             ([1, 2, 3], [4, 5, 6]))
    ratios = [abs(np.dot(a, b)) / (np.linalg.norm(a) * np.linalg.norm(b)) for a, b in pairs]
    assert ratios[1] == pytest.approx(1) and all(r < 0.99 for i, r in enumerate(ratios) if i != 1)
    assert np.allclose(np.array([-2, -4]), -2 * np.array([1, 2]))


@check("05-one-angle")
def _():
    rng = np.random.default_rng(6)
    for _ in range(1000):
        d = int(rng.integers(2, 385))
        a, b = rng.normal(size=(2, d)) * rng.uniform(0.01, 100, size=(2, 1))
        ratio = (a @ b) / (np.linalg.norm(a) * np.linalg.norm(b))
        assert -1 - 1e-12 <= ratio <= 1 + 1e-12
        assert 0 <= math.degrees(math.acos(max(-1.0, min(1.0, ratio)))) <= 180
    a, b = [1, 2, 3, 4], [4, 3, 2, 1]
    assert ll.dot(a, b) == 20 and ll.dot(a, a) * ll.dot(b, b) == 900
    assert f"{math.degrees(math.acos(20 / 30)):.1f}" == "48.2"
    assert f"{ll.angle_between(a, b):.1f}" == "48.2"


@check("05-plane")
def _():
    rng = np.random.default_rng(7)
    for _ in range(200):
        a, b = rng.normal(size=(2, 384))
        e1 = a / np.linalg.norm(a)                       # Gram–Schmidt: the plane of a and b
        rest = b - (b @ e1) * e1
        e2 = rest / np.linalg.norm(rest)
        a2, b2 = np.array([a @ e1, a @ e2]), np.array([b @ e1, b @ e2])
        assert np.allclose(a2[0] * e1 + a2[1] * e2, a) and np.allclose(b2[0] * e1 + b2[1] * e2, b)
        drawn = abs(math.degrees(math.atan2(b2[1], b2[0]) - math.atan2(a2[1], a2[0])))
        assert min(drawn, 360 - drawn) == pytest.approx(angle(a, b), abs=1e-6)
        na, nb = np.linalg.norm(a), np.linalg.norm(b)
        law = na**2 + nb**2 - 2 * na * nb * math.cos(math.radians(angle(a, b)))
        assert np.linalg.norm(a - b) ** 2 == pytest.approx(law, rel=1e-9)


@check("05-obtuse")
def _():
    a, b = np.array([1, 2, 2, 0]), np.array([0, -2, 1, 2])
    assert a @ b == -2 and a @ a == 9 and b @ b == 9        # 0 − 4 + 2 + 0; 1 + 4 + 4; 4 + 1 + 4
    assert f"{-2 / 9:.4f}" == "-0.2222"
    theta = math.degrees(math.acos(-2 / 9))
    assert f"{theta:.1f}" == "102.8" and 90 < theta < 105


@check("05-random")
def _():
    rng = np.random.default_rng(5)
    for _ in range(1000):
        a, b, c = rng.normal(size=(3, 8))
        k = float(rng.normal())
        assert np.isclose(a @ b, b @ a) and np.isclose((k * a) @ b, k * (a @ b))
        assert np.isclose(a @ (b + c), a @ b + a @ c) and np.isclose(a @ a, np.linalg.norm(a) ** 2)
        assert abs(a @ b) <= np.linalg.norm(a) * np.linalg.norm(b) + 1e-12


@check("05-direction")
def _():
    clipped = properties.clip_by_norm([3, 4], 1)
    assert angle(clipped, [3, 4]) == pytest.approx(0, abs=1e-5)
    assert np.linalg.norm(clipped) == pytest.approx(1)


@check("05-tiny")
def _():
    gap = abs((1.8 * 0.8 + 1.2 * 1.8) - 3.6)
    assert 1e-17 < gap < 1e-15


@check("05-last-place")
def _():
    left, right = 0.1 * (0.1 + 0.3), 0.1 * 0.1 + 0.1 * 0.3
    assert left != right and math.isclose(left, right)
    assert abs(left - right) <= 2 * math.ulp(max(left, right))


@check("05-isclose")
def _():
    assert math.isclose(1.0, 1.0 + 0.9e-9) and not math.isclose(1.0, 1.0 + 1.1e-9)


@check("05-square")
def _():
    a = np.array([2.0, -3.0, 6.0])
    assert (a / 3) @ (a / 3) == pytest.approx(a @ a / 9)


@check("05-k2")
def _():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    assert (3 * a) @ (3 * b) == pytest.approx(9 * (a @ b))


# ---------------------------------------------------------------- 06
@check("06-toy")
def _():
    cat, milk, car = [0.9, 0.4], [0.8, 0.6], [-0.2, 0.9]
    assert ll.dot(cat, milk) == pytest.approx(0.96) and ll.dot(cat, car) == pytest.approx(0.18)


@check("06-two-thirds")
def _():
    e = np.exp([0.96, 0.18])
    share = e[0] / e.sum()
    assert f"{share:.2f}" == "0.69" and share > 2 / 3


@check("06-unit")
def _():
    words = load_word_embeddings()
    assert np.allclose(np.linalg.norm(words.vectors, axis=1), 1, atol=1e-6)


def _word_table():
    words = load_word_embeddings()
    return words.labels, words.vectors @ words.vectors.T


@check("06-neighbours")
def _():
    labels, t = _word_table()

    def order(word):
        row = t[labels.index(word)]
        return [labels[j] for j in np.argsort(-row) if labels[j] != word]
    assert order("cat")[:2] == ["kitten", "dog"]
    assert order("car")[:2] == ["truck", "road"]


@check("06-cat-car")
def _():
    labels, t = _word_table()
    cat = t[labels.index("cat")]
    assert cat[labels.index("car")] > cat[labels.index("milk")]


@check("06-more-alike")
def _():
    labels, t = _word_table()
    cat = t[labels.index("cat")]
    assert f"{cat[labels.index('car')]:.2f}" == "0.46"
    assert f"{cat[labels.index('milk')]:.2f}" == "0.34"


@check("06-sentences")
def _():
    s = load_sentence_embeddings()
    t = s.vectors @ s.vectors.T
    others = t[~np.eye(len(t), dtype=bool)]
    others = others[~np.isclose(others, t[0, 1])]
    assert t[0, 1] > 3 * others.max()


@check("06-head")
def _():
    head = load_real_head()
    tok = head.tokens
    cat, milk, car = tok.index("cat"), tok.index("milk"), tok.index("car")
    scores = head.queries() @ head.keys().T / math.sqrt(head.d_k)
    w = head.model_weights[cat]
    assert scores[cat, milk] > scores[cat, car] and w[milk] > 10 * w[car]
    assert set(np.argsort(-w)[:2]) == {cat, milk}


@check("06-all-look")
def _():
    head = load_real_head()
    cat, milk = head.tokens.index("cat"), head.tokens.index("milk")
    w = head.model_weights
    assert np.all(w[:, cat] + w[:, milk] > 0.5)  # the majority of every row, car's included
    assert all(cat in np.argsort(-row)[:2] for row in w)


@check("06-previous")
def _():
    prev = load_real_head().all_model_weights[0, 2]
    for i in range(1, len(prev)):
        assert int(np.argmax(prev[i])) == i - 1 and prev[i, i - 1] >= 0.99


@check("06-6.5")
def _():
    head = load_real_head()
    cat = head.tokens.index("cat")
    s = head.queries() @ head.keys().T / math.sqrt(head.d_k)
    assert f"{s[cat].max():.1f}" == "6.5" or f"{s[cat].max():.2f}" == "6.55"
    assert head.model_weights[cat].sum() == pytest.approx(1, abs=1e-5)


@check("06-first-column")
def _():
    M = np.array([[1, 2], [3, -1], [0, 1]])
    assert np.array_equal(M @ [1, 0], M[:, 0])
    x = np.array([0.5, -2.0])
    assert np.allclose(M @ (2 * x), 2 * (M @ x))


A06, B06, C06 = np.array([[1, 2], [3, 4]]), np.array([[0, 1], [1, 0]]), np.array([[2, 0], [1, 1]])


@check("06-associative")
def _():
    assert np.array_equal((A06 @ B06) @ C06, A06 @ (B06 @ C06))
    rng = np.random.default_rng(8)
    for _ in range(100):
        n, d, m, k = rng.integers(1, 6, size=4)
        A, B, C = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=(m, k))
        assert np.allclose((A @ B) @ C, A @ (B @ C))


@check("06-order")
def _():
    assert not np.array_equal(A06 @ B06, B06 @ A06)


@check("06-layers")
def _():
    W1, W2, x = np.array([[1, 2], [0, 1]]), np.array([[2, -3]]), np.array([1, -1])
    assert (W2 @ (W1 @ x)).tolist() == ((W2 @ W1) @ x).tolist() == [1]
    rng = np.random.default_rng(9)
    W1, W2, x = rng.normal(size=(4, 3)), rng.normal(size=(2, 4)), rng.normal(size=3)
    assert np.allclose(W2 @ (W1 @ x), (W2 @ W1) @ x)


@check("06-merged")
def _():
    W1, W2, x = np.array([[1, 2], [-1, 0]]), np.array([[2, 1], [0, 3]]), np.array([1, 1])
    assert (W1 @ x).tolist() == [3, -1] and (W2 @ (W1 @ x)).tolist() == [5, -3]
    W = np.array([[2 * 1 + 1 * -1, 2 * 2 + 1 * 0], [0 * 1 + 3 * -1, 0 * 2 + 3 * 0]])  # by hand
    assert np.array_equal(W2 @ W1, W) and (W @ x).tolist() == [5, -3]
    assert not np.array_equal(W1 @ W2, W)


@check("06-w1w2")
def _():
    W1, W2 = np.array([[1, 2], [-1, 0]]), np.array([[2, 1], [0, 3]])
    by_hand = [[1 * 2 + 2 * 0, 1 * 1 + 2 * 3], [-1 * 2 + 0 * 0, -1 * 1 + 0 * 3]]
    assert by_hand == [[2, 7], [-2, -1]] and (W1 @ W2).tolist() == by_hand
    assert (W2 @ W1).tolist() != by_hand


@check("06-convention")
def _():
    head = load_real_head()
    H = head.hidden_states_in
    assert head.w_q.shape == (head.d_k, H.shape[1])
    Q, K = H @ head.w_q.T + head.b_q, H @ head.w_k.T + head.b_k
    s = Q @ K.T / math.sqrt(head.d_k)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    assert np.abs(e / e.sum(axis=1, keepdims=True) - head.model_weights).max() < 1e-5


# ---------------------------------------------------------------- 07
@check("07-var")
def _():
    rng = np.random.default_rng(0)
    for d in (4, 16, 64, 256, 1024):  # 2000 pairs (the lesson draws 10 000): SE of var ≈ 3 %
        q, k = rng.standard_normal((2, 2000, d))
        var = np.var((q * k).sum(axis=1))
        assert abs(var / d - 1) < 0.15
    assert math.sqrt(1024) == 32


@check("07-saturates")
def _():
    rng = np.random.default_rng(0)
    q, K = rng.standard_normal((1, 512)), rng.standard_normal((8, 512))
    s = (q @ K.T)[0]
    for scale, test in ((1.0, lambda m: m > 0.999), (math.sqrt(512), lambda m: m < 0.6)):
        e = np.exp(s / scale - (s / scale).max())
        assert test((e / e.sum()).max())


@check("07-small")
def _():
    s = Q07 @ K07.T / math.sqrt(3)
    assert s.min() >= 0 and s.max() <= 0.47
    e = np.exp(s)
    w = e / e.sum(axis=1, keepdims=True)
    assert w.min() >= 0.2 and w.max() <= 0.32


@check("07-again")
def _():
    assert f"{(Q07 @ K07.T / math.sqrt(3))[1, 3]:.4f}" == "0.2425"


@check("07-identical")
def _():
    s = np.array([0.3, -1.2, 2.5, 0.0])
    plain, shifted = np.exp(s) / np.exp(s).sum(), np.exp(s - s.max()) / np.exp(s - s.max()).sum()
    assert np.allclose(plain, shifted, rtol=0, atol=1e-15)
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(1000.0))
    assert np.allclose(softmax(np.array([[1000.0, 999.0]])), plain_two := np.exp([1, 0]) /
                       np.exp([1, 0]).sum()) and plain_two.sum() == pytest.approx(1)


@check("07-mask")
def _():
    s = Q07 @ K07.T / math.sqrt(3)
    allowed = np.tril(np.ones((4, 4), dtype=bool))
    assert np.array_equal(causal_mask(4), allowed)
    masked = np.where(allowed, s, -np.inf)
    e = np.exp(masked - masked.max(axis=1, keepdims=True))
    w = e / e.sum(axis=1, keepdims=True)
    assert np.all(w[~allowed] == 0.0) and np.allclose(w.sum(axis=1), 1)
    assert np.array_equal(w[0], [1, 0, 0, 0])


def _top(scores, T=1.0):
    e = np.exp(np.asarray(scores) / T)
    return (e / e.sum()).max()


@check("07-temperature")
def _():
    s = np.array([1.2, 0.3, -0.4])
    assert _top(s, 1.0) == pytest.approx(_top(s))
    assert _top(s, 3.0) < _top(s, 1.0) < _top(s, 0.5)


@check("07-longer")
def _():
    q, K = np.array([0.6, 0.8]), np.array([[1.0, 0.2], [-0.3, 1.0], [0.5, -0.5]])
    assert np.allclose(K @ (2 * q), 2 * (K @ q))
    assert _top(K @ (2 * q)) > _top(K @ q)


@check("07-columns")
def _():
    e = np.exp(Q07 @ K07.T / math.sqrt(3))
    w = e / e.sum(axis=1, keepdims=True)
    assert np.allclose(w.sum(axis=1), 1) and not np.allclose(w.sum(axis=0), 1)


@check("07-2x5")
def _():
    assert attention_scores(np.ones((2, 3)), np.ones((5, 3))).shape == (2, 5)


# ---------------------------------------------------------------- 08
@check("08-200kB")
def _():
    size = (ROOT / "lessons_lib" / "data" / "minilm_head.npz").stat().st_size
    assert 150_000 <= size <= 250_000


def _gap() -> float:
    head = load_real_head()
    H = head.hidden_states_in
    Q, K = H @ head.w_q.T + head.b_q, H @ head.w_k.T + head.b_k
    s = Q @ K.T / math.sqrt(head.d_k)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return float(np.abs(e / e.sum(axis=1, keepdims=True) - head.model_weights).max())


@check("08-convention")
def _():
    head = load_real_head()
    for w in (head.w_q, head.w_k, head.w_v):
        assert w.shape == (32, 384)
    assert _gap() < 1e-5


@check("08-seventh")
def _():
    assert _gap() < 1e-6


@check("08-1e-5")
def _():
    assert _gap() < 1e-5


@check("08-two-columns")
def _():
    head = load_real_head()
    top2 = set(np.argsort(-head.model_weights.sum(axis=0))[:2])
    assert top2 == {head.tokens.index("cat"), head.tokens.index("milk")}


@check("08-nothing")
def _():
    head = load_real_head()
    cols = [i for i, t in enumerate(head.tokens) if t in ("car", "near", "the")]
    assert len(cols) == 5 and head.model_weights[:, cols].max() < 0.04


@check("08-72")
def _():
    assert load_real_head().all_model_weights.shape[:2] == (6, 12)


@check("08-scores")
def _():
    head = load_real_head()
    cat = head.tokens.index("cat")
    s = (head.queries() @ head.keys().T / math.sqrt(head.d_k))[cat]
    assert f"{s.max():.2f}" == "6.55" and s.min() < 0


# ---------------------------------------------------------------- 09
def _layer_raw() -> dict[str, np.ndarray]:
    with np.load(ROOT / "lessons_lib" / "data" / "minilm_layer.npz") as npz:
        return {k: npz[k] for k in npz.files}


def _layer_weights(H: np.ndarray | None = None, heads: int = 12) -> np.ndarray:
    """Every head's weights, by einsum from the raw arrays (int8 × row scale)."""
    raw = _layer_raw()
    H = raw["hidden_states_in"].astype(float) if H is None else H
    w = {n: (raw[f"w_{n}_int8"].astype(np.float32) * raw[f"w_{n}_scale"][:, None]).astype(float)
         for n in "qk"}
    q = (H @ w["q"].T + raw["b_q"]).reshape(len(H), heads, -1)
    k = (H @ w["k"].T + raw["b_k"]).reshape(len(H), heads, -1)
    s = np.einsum("ihd,jhd->hij", q, k) / math.sqrt(q.shape[-1])
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _tokens9() -> list[str]:
    return [str(t) for t in _layer_raw()["tokens"]]


@check("09-sizes")
def _():
    assert 4 * 384 * 384 * 4 == 2_359_296
    assert (ROOT / "lessons_lib" / "data" / "minilm_layer.npz").stat().st_size < 700_000


@check("09-rounding")
def _():
    with np.load(ROOT / "lessons_lib" / "data" / "minilm_head.npz") as npz:
        original = npz["all_attention_probs"][0]
    mine = _layer_weights()
    assert np.abs(mine - _layer_raw()["attention_probs"]).max() < 1e-5
    assert np.abs(mine - original).max() > 1e-4


@check("09-1e-5")
def _():
    raw = _layer_raw()
    H = raw["hidden_states_in"].astype(float)
    w = {n: (raw[f"w_{n}_int8"].astype(np.float32) * raw[f"w_{n}_scale"][:, None]).astype(float)
         for n in "vo"}
    v = (H @ w["v"].T + raw["b_v"]).reshape(len(H), 12, 32)
    concat = np.einsum("hij,jhd->ihd", _layer_weights(), v).reshape(len(H), 384)
    out = concat @ w["o"].T + raw["b_o"]
    assert np.abs(out - raw["attention_output"]).max() < 1e-5


@check("09-head2")
def _():
    w = _layer_weights()[2]
    assert min(w[i, i - 1] for i in range(1, len(w))) > 0.99


@check("09-head3")
def _():
    t = _tokens9()
    row = _layer_weights()[3][t.index("cat")]
    order = [t[j] for j in np.argsort(-row)]
    assert order[:3] == ["milk", "near", "drank"]
    assert [f"{row[t.index(w)]:.2f}" for w in order[:3]] == ["0.24", "0.17", "0.15"]


@check("09-one-head")
def _():
    t = _tokens9()
    row = _layer_weights(heads=1)[0][t.index("cat")]
    assert f"{row[0]:.2f}" == "0.74" and f"{row[1]:.2f}" == "0.26"
    assert row[t.index("milk")] < 0.01


@check("09-diagonal")
def _():
    d, n = 16, 12
    pe = np.array([[math.sin(p / 10000 ** (i / d)) if i % 2 == 0 else
                    math.cos(p / 10000 ** ((i - 1) / d)) for i in range(d)] for p in range(n)])
    G = pe @ pe.T
    assert np.allclose(np.diag(G), 8)
    assert (G[~np.eye(n, dtype=bool)] < 8 - 1e-9).all()


@check("09-no-position")
def _():
    raw, t = _layer_raw(), _tokens9()
    cat = t.index("cat")
    assert f"{_layer_weights()[2][cat, cat - 1]:.2f}" == "1.00"
    x = raw["word_embeddings"].astype(float) + raw["token_type_embedding"]
    x = (x - x.mean(1, keepdims=True)) / np.sqrt(x.var(1, keepdims=True) + 1e-12)
    H = x * raw["embedding_ln_weight"] + raw["embedding_ln_bias"]
    assert t[int(np.argmax(_layer_weights(H)[2][cat]))] == "[CLS]"


# ---------------------------------------------------------------- the table itself
def _markdown(code: str) -> str:
    nb = json.loads(by_code(code).path.read_text(encoding="utf-8"))
    text = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_the_claim_is_in_its_lesson(claim):
    assert claim.kind in KINDS
    assert re.sub(r"\s+", " ", claim.quote) in _markdown(claim.lesson), (
        f"{claim.id}: the lesson no longer says this; update tools/claims.py")


@pytest.mark.parametrize("claim", [c for c in CLAIMS if c.kind == "checked"], ids=lambda c: c.id)
def test_the_claim_holds(claim):
    CHECKS[claim.id]()


def test_every_checked_claim_has_a_check_and_every_check_a_claim():
    checked = {c.id for c in CLAIMS if c.kind == "checked"}
    assert set(CHECKS) == checked
    assert len({c.id for c in CLAIMS}) == len(CLAIMS)


def test_every_lesson_has_claims():
    counts = {code: len(items) for code, items in claims.by_lesson().items()}
    assert set(counts) == {x.code for x in LESSONS}
    assert all(n >= 3 for n in counts.values()), counts


def test_the_teachers_page_is_current():
    assert claims.main(["--check"]) == 0, "run: python -m tools.claims"
