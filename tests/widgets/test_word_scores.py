"""WordScoreTable (lesson 06): switching the score source, as a learner clicks it."""

from __future__ import annotations

from importlib import resources
from typing import Any

import numpy as np
import pytest

from lessons_lib.attention import softmax
from lessons_lib.embeddings import load_real_head, load_word_embeddings
from lessons_lib.widgets.word_scores import WordScoreTable

DATA = resources.files("lessons_lib") / "data"


@pytest.fixture(scope="module")
def raw():
    with resources.as_file(DATA / "minilm_head.npz") as path, np.load(path) as npz:
        return {k: npz[k] for k in npz.files}


def test_switching_to_the_head_shows_its_scores_and_raises_nothing() -> None:
    """Clicking "real attention head" raised ValueError: 'kitten' is not in list."""
    table = WordScoreTable()
    table._source.value = "head"  # what the toggle sends
    head = load_real_head()
    q, k = head.queries().astype(float), head.keys().astype(float)
    i, cols = head.tokens.index("cat"), [head.tokens.index(w) for w in ("milk", "car", "drank")]
    expected = (q[i] @ k[cols].T) / np.sqrt(q.shape[1])  # q·k/√d_k by NumPy
    assert table.key_words == ["milk", "car", "drank"]
    np.testing.assert_allclose(table.scores(), expected, rtol=1e-5)
    assert "real head scores" in table.text()


def test_each_source_keeps_the_learners_choice() -> None:
    """Found by a fresh-eyes review: going to the head and back dropped the chosen keys."""
    table = WordScoreTable(query="dog", keys=["kitten", "cheese"])
    table._keys.value = ("kitten", "cheese", "truck")
    table._source.value = "head"
    table._query.value = "milk"
    table._source.value = "embeddings"
    assert (table.query_word, table.key_words) == ("dog", ["kitten", "cheese", "truck"])
    words = load_word_embeddings()
    raw = np.array([words["dog"] @ words[w] for w in ("kitten", "cheese", "truck")], float)
    np.testing.assert_allclose(table.scores(), raw, rtol=1e-6)
    np.testing.assert_allclose(softmax(table.scores()), np.exp(raw) / np.exp(raw).sum())
    table._source.value = "head"
    assert table.query_word == "milk"


def test_new_options_and_their_choice_reach_the_page_in_one_message() -> None:
    table = WordScoreTable()
    sent: list[dict[str, Any]] = []
    table._keys._send = lambda msg, buffers=None: sent.append(msg)
    table._source.value = "head"
    updates = [m["state"] for m in sent if m.get("method") == "update"]
    assert any("_options_labels" in u and "index" in u for u in updates), updates


@pytest.mark.parametrize(("query", "keys", "words"), [
    (None, ["milk"], "query is None"), ("cat", [], "keys is empty"),
    ("cat", "milk", "keys is 'milk'"), ("zebra", ["milk"], "query is 'zebra'"),
    ("cat", ["milk", "zebra"], "keys has 'zebra'")])
def test_bad_words_are_named(query: Any, keys: Any, words: str) -> None:
    with pytest.raises((TypeError, ValueError), match=words):
        WordScoreTable(query=query, keys=keys)


def test_word_score_widget_matches_the_raw_arrays(raw):
    words = [str(w) for w in raw["words"]]
    E = raw["word_embeddings"].astype(np.float64)
    w = WordScoreTable(query="cat", keys=["milk", "car"])
    expected = [E[words.index("cat")] @ E[words.index(k)] for k in ("milk", "car")]
    np.testing.assert_allclose(w.scores(), expected, rtol=1e-6)
    assert repr(w).startswith("WordScoreTable: dot products of word embeddings")
    h = WordScoreTable(query="cat", keys=["milk", "car"], source="head")
    H = raw["hidden_states_in"].astype(np.float64)
    Q = H @ raw["w_q"].T + raw["b_q"]
    K = H @ raw["w_k"].T + raw["b_k"]
    tokens = [str(t) for t in raw["tokens"]]
    i = tokens.index("cat")
    expected = [Q[i] @ K[tokens.index(k)] / np.sqrt(32) for k in ("milk", "car")]
    np.testing.assert_allclose(h.scores(), expected, rtol=1e-6)
    with pytest.raises(ValueError, match="not available here"):
        WordScoreTable(query="zebra")
