"""The shipped real-model data: recompute the head from the raw arrays, check provenance."""

import json
from importlib import resources

import numpy as np
import pytest

from lessons_lib.attention import attention_scores, softmax
from lessons_lib.embeddings import (
    load_real_head,
    load_sentence_embeddings,
    load_word_embeddings,
    provenance,
    score_table,
)

DATA = resources.files("lessons_lib") / "data"


@pytest.fixture(scope="module")
def raw():
    with resources.as_file(DATA / "minilm_head.npz") as path, np.load(path) as npz:
        return {k: npz[k] for k in npz.files}


def test_file_is_small_and_loads_without_pickle():
    for name in ("minilm_head.npz", "minilm_head.json"):
        size = (DATA / name).stat().st_size
        assert 0 < size < 1_000_000, f"{name} is {size} bytes"


def test_recompute_head_from_the_raw_arrays(raw):
    # PyTorch nn.Linear: y = x @ W.T + b with W of shape (out, in) = (32, 384).
    H = raw["hidden_states_in"].astype(np.float64)
    assert raw["w_q"].shape == (32, 384) and raw["b_q"].shape == (32,)
    Q = H @ raw["w_q"].T.astype(np.float64) + raw["b_q"]
    K = H @ raw["w_k"].T.astype(np.float64) + raw["b_k"]
    d_k = Q.shape[1]
    assert d_k == 32
    weights = softmax(attention_scores(Q, K, scale=False) / np.sqrt(d_k))
    model = raw["attention_probs"].astype(np.float64)
    assert np.abs(weights - model).max() <= 1e-5
    # the other orientation (W without transpose) does not even fit 384-wide inputs …
    with pytest.raises(ValueError):
        H @ raw["w_q"]
    # … and forgetting the scale or the bias gives clearly different weights
    unscaled = softmax(Q @ K.T)
    assert np.abs(unscaled - model).max() > 1e-2
    no_bias = softmax((H @ raw["w_q"].T) @ (H @ raw["w_k"].T).T / np.sqrt(d_k))
    assert np.abs(no_bias - model).max() > 1e-3


def test_model_probabilities_are_probabilities(raw):
    probs = raw["all_attention_probs"]
    assert probs.shape == (6, 12, 10, 10)
    np.testing.assert_allclose(probs.sum(axis=-1), 1.0, atol=1e-5)
    prov = json.loads(str(raw["provenance"]))
    np.testing.assert_array_equal(probs[prov["layer"], prov["head"]], raw["attention_probs"])


def test_provenance_fields():
    prov = provenance()
    on_disk = json.loads((DATA / "minilm_head.json").read_text(encoding="utf-8"))
    assert prov == on_disk
    assert prov["model_id"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert prov["gt_package_version"] == "0.1.0"
    for key in ("torch_version", "transformers_version", "model_safetensors_sha256",
                "head_reason", "projection_orientation"):
        assert prov[key]
    assert len(prov["model_safetensors_sha256"]) == 64
    assert (prov["layer"], prov["head"], prov["d_k"]) == (5, 11, 32)
    assert prov["head_sentence"] == "the cat drank the milk near the car"
    assert prov["tokens"] == ["[CLS]", "the", "cat", "drank", "the", "milk", "near", "the",
                              "car", "[SEP]"]
    assert prov["self_check_max_abs_diff"] < 1e-5


def test_load_real_head_dataclass():
    head = load_real_head()
    assert head.tokens == provenance()["tokens"]
    assert (head.layer, head.head, head.d_k) == (5, 11, 32)
    assert head.queries().shape == head.keys().shape == head.values().shape == (10, 32)
    assert np.abs(head.recomputed_weights() - head.model_weights).max() <= 1e-5
    assert repr(head).startswith("RealHead(model='sentence-transformers/all-MiniLM-L6-v2'")


def test_the_chosen_head_tells_the_cat_milk_car_story():
    head = load_real_head()
    cat, milk, car = (head.tokens.index(t) for t in ("cat", "milk", "car"))
    row = head.model_weights[cat]
    assert row[milk] > 0.2 > 0.05 > row[car]


def test_embeddings_are_unit_vectors_and_sensible():
    words = load_word_embeddings()
    assert words.vectors.shape == (8, 384)
    np.testing.assert_allclose(np.linalg.norm(words.vectors, axis=1), 1.0, atol=1e-5)
    cat = words["cat"].astype(np.float64)
    sims = {w: float(cat @ words[w]) for w in words.labels if w != "cat"}
    assert max(sims, key=sims.get) == "kitten"
    sentences = load_sentence_embeddings()
    assert sentences.vectors.shape == (6, 384)
    table = score_table(sentences, sentences.labels, sentences.labels)
    np.testing.assert_allclose(np.diag(table), 1.0, atol=1e-5)
    np.testing.assert_allclose(table, sentences.vectors @ sentences.vectors.T, atol=1e-6)
    with pytest.raises(KeyError, match="not in the shipped data"):
        words["zebra"]
