"""The curriculum's values for lessons 06–08 appear in the STORED notebook outputs.

Expected values are computed here independently (hand arithmetic from the seeds,
plain NumPy on the shipped raw arrays), never by calling lessons_lib.
"""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from stored_notebooks import code as _code
from stored_notebooks import markdown as _markdown
from stored_notebooks import outputs as _outputs

ROOT = Path(__file__).resolve().parents[1]
NB = ROOT / "notebooks"
DATA = ROOT / "lessons_lib" / "data" / "minilm_head.npz"

CHECKPOINTS_000 = [
    "A vector is a collection of numbers that encodes features.",
    "The dot product turns the degree of alignment between two vectors into a scalar score.",
    "The first step of attention is building a score table from the dot products of Q and K.",
]


def _load(name):
    return json.loads((NB / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw():
    with np.load(DATA) as npz:
        return {k: npz[k] for k in npz.files}


def _fmt(x: float, places: int) -> str:
    return f"{x:.{places}f}".replace("-", "\u2212")


# ------------------------------------------------------------------ 06
def test_06_cat_milk_car_story():
    nb = _load("06_similarity_and_embeddings.ipynb")
    out, md = _outputs(nb), _markdown(nb)
    # toy vectors: cat·milk = 0.9·0.8 + 0.4·0.6 = 0.96, cat·car = −0.18 + 0.36 = 0.18
    assert "0.9·0.8 + 0.4·0.6 = 0.72 + 0.24 = 0.96" in out
    assert "0.9·(−0.2) + 0.4·0.9 = −0.18 + 0.36 = 0.18" in out
    w_milk = math.exp(0.96) / (math.exp(0.96) + math.exp(0.18))
    assert re.search(rf"cat\s+{w_milk:.2f}\s+{1 - w_milk:.2f}", out)
    assert "learned from data" in md and "not hand-crafted" in md
    assert "syntax, position and role" in md


def test_06_real_vectors_shown(raw):
    out = _outputs(_load("06_similarity_and_embeddings.ipynb"))
    E = raw["word_embeddings"].astype(np.float64)
    words = [str(w) for w in raw["words"]]
    assert "shape: (8, 384)" in out
    cat, milk, car = (E[words.index(w)] for w in ("cat", "milk", "car"))
    assert f"cat·milk = {cat @ milk:.3f}" in out
    assert f"cat·car  = {cat @ car:.3f}" in out
    # the real head: the model's own weights for cat → milk and cat → car
    tokens = [str(t) for t in raw["tokens"]]
    probs = raw["attention_probs"]
    i = tokens.index("cat")
    line = (f"cat → milk: {probs[i, tokens.index('milk')]:.2f}   "
            f"cat → car: {probs[i, tokens.index('car')]:.2f}")
    assert line in out
    assert "Embeddings(8 vectors of 384 numbers" in out


# ------------------------------------------------------------------ 07
def test_07_source_004_score():
    nb = _load("07_attention_scores.ipynb")
    out = _outputs(nb)
    raw_dot = 0.5 * 0.4 + 0.3 * 0.8 + (-0.2) * 0.1
    score = raw_dot / math.sqrt(3)
    assert f"= {raw_dot:.2f}\n" in out and f"{raw_dot:.2f}" == "0.42"
    assert f"= 0.42 / √3 ≈ 0.42 / {math.sqrt(3):.4f} ≈ {score:.4f}" in out
    assert f"attention score: {score:.4f}" in out and f"{score:.4f}" == "0.2425"


def test_07_four_by_four_table():
    nb = _load("07_attention_scores.ipynb")
    out, md = _outputs(nb), _markdown(nb)
    assert "4 queries × 4 keys = a 4 × 4 score table" in out
    assert "4 × 4" in md
    # the (cat, milk) cell is source 004's pair again
    assert re.search(r"\ncat\s+\S+\s+\S+\s+\S+\s+0\.2425", out)


def test_07_variance_grows_with_dk():
    out = _outputs(_load("07_attention_scores.ipynb"))
    rows = re.findall(r"^\s*(\d+)\s+([\d.]+)\s+([\d.]+)$", out, flags=re.M)
    table = {int(d): (float(v), float(s)) for d, v, s in rows}
    assert set(table) >= {4, 16, 64, 256, 1024}
    for d, (var_raw, var_scaled) in table.items():
        assert var_raw / d == pytest.approx(1.0, abs=0.1)
        assert var_scaled == pytest.approx(1.0, abs=0.1)


def test_07_softmax_mask_and_stability():
    nb = _load("07_attention_scores.ipynb")
    out = _outputs(nb)
    assert "row sums: [1, 1, 1, 1]" in out
    e = 1 / (1 + math.exp(-1.0))  # softmax([1000, 999]) = [σ(1), 1 − σ(1)]
    assert f"stable:  [{e:.4f}, {1 - e:.4f}]" in out
    assert "naive:   [nan nan]" in out
    assert "[[1 0 0 0]\n [1 1 0 0]\n [1 1 1 0]\n [1 1 1 1]]" in out
    assert re.search(r"\nthe\s+1\.000\s+0\.000\s+0\.000\s+0\.000", out)
    assert "weights @ V" in _markdown(nb)


# ------------------------------------------------------------------ 08
def test_08_recomputed_head_matches_model(raw):
    nb = _load("08_real_attention.ipynb")
    out = _outputs(nb)
    H = raw["hidden_states_in"].astype(np.float64)
    Q = H @ raw["w_q"].T.astype(np.float64) + raw["b_q"]
    K = H @ raw["w_k"].T.astype(np.float64) + raw["b_k"]
    s = Q @ K.T / math.sqrt(Q.shape[1])
    e = np.exp(s - s.max(axis=1, keepdims=True))
    w = e / e.sum(axis=1, keepdims=True)
    diff = float(np.abs(w - raw["attention_probs"]).max())
    assert diff <= 1e-5
    # The stored page states a bound (the same on every CPU); the exact residual, whose
    # last digits depend on the CPU's kernels, is printed by a cell nbval does not compare.
    assert "every weight agrees with the model's own to within 1e-5: True" in out
    exact = [c for c in nb["cells"] if "largest absolute difference on this machine" in
             "".join(c["source"])]
    assert exact and "nbval-ignore-output" in exact[0]["metadata"].get("tags", [])
    assert "softmax(QKᵀ/√d_k)V" in _markdown(nb) or "QK^\\top" in _markdown(nb)


def test_08_checkpoints_verbatim_and_next_steps():
    nb = _load("08_real_attention.ipynb")
    md = _markdown(nb)
    for line in CHECKPOINTS_000:
        assert f"* {line}" in md
    assert "## Where to go next" in md
    assert "Final quiz" in _outputs(nb)


@pytest.mark.parametrize("name", ["06_similarity_and_embeddings.ipynb",
                                  "07_attention_scores.ipynb", "08_real_attention.ipynb"])
def test_lesson_structure(name):
    nb = _load(name)
    md, code, out = _markdown(nb), _code(nb), _outputs(nb)
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith(f"# {name[:2]} · ") and "Time:" in first and "Prerequisites" in first
    assert "import lessons_lib as ll" in code
    assert "def " not in code, "notebooks must not define helpers"
    assert md.count("### Your turn") >= 3
    assert md.count("<details><summary>Show solution</summary>") >= 3
    assert "## Misconceptions" in md and "## Checkpoints" in md.replace(": the whole series", "")
    assert "Quiz(" in code and re.search(r"Quiz: .*\((\d+) questions\)", out)
    assert "Predict before" in md or name.startswith("08")  # 08's widget is the heatmap
    assert "✎ Not attempted yet" in out and "✓ Correct!" in out
    assert "raw scores are not the weights" in md.lower()
