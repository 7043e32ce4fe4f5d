"""AttentionExplorer (Python side): traitlets, recomputation, errors, deterministic repr."""

import math
import re
from pathlib import Path

import numpy as np
import pytest
import traitlets

from lessons_lib.widgets import AttentionExplorer
from lessons_lib.widgets.attention_explorer import DEFAULT_KEYS

WIDGETS = Path(__file__).resolve().parents[2] / "lessons_lib" / "widgets"


def _expected(query, keys, scale=True, temperature=1.0):
    raw = [query[0] * k[0] + query[1] * k[1] for k in keys]
    s = [r / math.sqrt(2) if scale else r for r in raw]
    e = [math.exp(x / temperature) for x in s]
    return raw, s, [x / sum(e) for x in e]


def test_defaults_and_values():
    w = AttentionExplorer()
    assert w.tokens == ["milk", "car", "the"] and w.query_token == "cat"
    raw, scaled, weights = _expected([0.0, 1.0], DEFAULT_KEYS)
    np.testing.assert_allclose(w.scores, raw)
    np.testing.assert_allclose(w.scaled_scores, scaled)
    np.testing.assert_allclose(w.weights, weights)
    assert sum(w.weights) == pytest.approx(1.0)


def test_query_towards_milk_makes_milk_win():
    w = AttentionExplorer()
    assert w.tokens[int(np.argmax(w.weights))] == "car"        # the starting state
    w.query = [1.2, 0.8]
    assert w.tokens[int(np.argmax(w.weights))] == "milk"
    np.testing.assert_allclose(w.weights, _expected([1.2, 0.8], DEFAULT_KEYS)[2])


def test_scale_and_temperature():
    w = AttentionExplorer(query=[2, 1])
    sharp = max(w.weights)
    w.scale = False
    assert max(w.weights) > sharp
    np.testing.assert_allclose(w.weights, _expected([2, 1], DEFAULT_KEYS, scale=False)[2])
    w.temperature = 3.0
    np.testing.assert_allclose(w.weights, _expected([2, 1], DEFAULT_KEYS, False, 3.0)[2])


def test_set_keys_changes_the_number_of_keys():
    w = AttentionExplorer()
    w.set_keys(["milk", "car", "the", "drank"], [[1, 0], [0, 1], [-1, 0], [0.5, 0.5]])
    assert len(w.weights) == 4
    np.testing.assert_allclose(w.scores, [0.0, 1.0, 0.0, 0.5])


@pytest.mark.parametrize("attr, bad, match", [
    ("query", [1, 2, 3], "query has 3 numbers, but it must have exactly 2"),
    ("query", [float("nan"), 1], "NaN"),
    ("query", "up", "not a vector"),
    ("key_vectors", [[1, 2], [3, 4], [5, 6], [7, 8], [9, 0]], "1 to 4 keys"),
    ("key_vectors", [[1, 2]], "key_vectors has 1 keys but tokens has 3 labels.*set_keys"),
    ("key_vectors", [[1, 2], [3, "x"], [0, 0]], r"key_vectors\[1\]\[1\] is the text 'x'"),
    ("tokens", ["a", "b"], "tokens has 2 labels but there are 3 keys"),
    ("temperature", 0.0, "between 0.1 and 10"),
    ("temperature", 50.0, "between 0.1 and 10"),
])
def test_bad_input_is_a_trait_error_and_changes_nothing(attr, bad, match):
    w = AttentionExplorer()
    before = (w.query, w.key_vectors, w.tokens, w.temperature, w.weights)
    with pytest.raises(traitlets.TraitError, match=match):
        setattr(w, attr, bad)
    assert (w.query, w.key_vectors, w.tokens, w.temperature, w.weights) == before


def test_set_keys_mismatch_changes_nothing():
    w = AttentionExplorer()
    before = (w.key_vectors, w.tokens)
    with pytest.raises(traitlets.TraitError, match="one label per key"):
        w.set_keys(["a"], [[1, 0], [0, 1]])
    with pytest.raises(traitlets.TraitError):
        w.set_keys(["a", "b"], [[1, 0], [0, "x"]])
    assert (w.key_vectors, w.tokens) == before


def test_read_only_results():
    w = AttentionExplorer()
    with pytest.raises(traitlets.TraitError):
        w.weights = [1.0, 0.0, 0.0]


def test_repr_is_deterministic_text():
    a, b = AttentionExplorer(), AttentionExplorer()
    assert repr(a) == repr(b)
    assert not re.search(r"0x[0-9a-f]+", repr(a))
    lines = repr(a).splitlines()
    assert lines[0] == "AttentionExplorer(query cat = [0, 1], scaled by √2, temperature 1)"
    assert lines[1].split() == ["key", "vector", "q·k", "q·k/√d_k", "weight"]
    assert [line.split()[0] for line in lines[2:]] == ["milk", "car", "the"]
    bundle = a._repr_mimebundle_()
    plain = bundle[0]["text/plain"] if isinstance(bundle, tuple) else bundle["text/plain"]
    assert plain.startswith("AttentionExplorer(query cat")


def test_synced_traits_and_assets():
    w = AttentionExplorer()
    synced = set(w.keys)
    assert {"query", "key_vectors", "tokens", "query_token", "scale", "temperature"} <= synced
    assert not {"scores", "weights"} & synced
    js = w._esm  # attention_explorer.js with its imports joined in, as shipped
    assert "export default" in js and "require(" not in js and "http" not in js.replace(
        "http://www.w3.org/2000/svg", "")
    for needle in ("pointerdown", "pointermove", "keydown", "shiftKey", "save_changes"):
        assert needle in js
    assert (WIDGETS / "attention_explorer.css").is_file()


def test_the_drawing_limits_are_synced_traits_python_enforces():
    w = AttentionExplorer()
    assert {"extent", "d_k", "scale_label"} <= set(w.keys)
    assert (w.extent, w.d_k, w.scale_label) == (2.5, 2, "√2")
    # a tip outside −2.5 … 2.5 would be drawn where nobody can grab it: refused, named
    with pytest.raises(traitlets.TraitError, match=r"query is \[3, 0\].*−2\.5 … 2\.5.*extent=3"):
        AttentionExplorer(query=[3, 0])
    with pytest.raises(traitlets.TraitError, match=r"key_vectors\[2\] is \[2\.6, 0\]"):
        AttentionExplorer(key_vectors=[[1, 0], [0, 1], [2.6, 0]])
    before = w.query
    with pytest.raises(traitlets.TraitError, match="off the grid"):
        w.query = [0, -2.51]
    assert w.query == before
    # the edge itself is inside; a wider drawing takes a longer vector
    assert AttentionExplorer(query=[2.5, -2.5]).query == [2.5, -2.5]
    wide = AttentionExplorer(query=[3, 0], extent=3)
    assert (wide.query, wide.extent) == ([3.0, 0.0], 3.0)
    with pytest.raises(traitlets.TraitError, match=r"extent is 2, but query = \[3, 0\]"):
        wide.extent = 2
    assert wide.extent == 3.0
    for bad in (0.5, 11, float("inf")):
        with pytest.raises(traitlets.TraitError, match="extent"):
            AttentionExplorer(extent=bad)


def test_d_k_and_its_label_are_read_only_and_agree():
    w = AttentionExplorer()
    assert w.scale_label == f"√{len(w.query)}" and w.d_k == len(w.query)
    with pytest.raises(traitlets.TraitError):
        w.d_k = 3
