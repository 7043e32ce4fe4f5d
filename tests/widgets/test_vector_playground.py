"""VectorPlayground, Python side (no browser): traitlets, validation, repr, package data.

Expected numbers are worked out by hand from source 004 (a = [1.8, 1.2],
b = [0.8, 1.8]: 1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60) or with ``math``
directly, never taken from lessons_lib.
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re

import numpy as np
import pytest
import traitlets

from lessons_lib.widgets import VectorPlayground
from lessons_lib.widgets._common import Vector


def acos_degrees(a, b):
    """Independent angle: θ = acos(a·b / (‖a‖‖b‖)) with plain math."""
    d = a[0] * b[0] + a[1] * b[1]
    return math.degrees(math.acos(d / (math.hypot(*a) * math.hypot(*b))))


def test_source_004_start_values():
    w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    assert w.a == [1.8, 1.2] and w.b == [0.8, 1.8]
    assert w.dot == pytest.approx(1.44 + 2.16)
    assert w.angle == pytest.approx(acos_degrees([1.8, 1.2], [0.8, 1.8]), abs=1e-9)
    assert round(w.angle, 1) == 32.3


def test_defaults_are_source_004_and_options_off():
    w = VectorPlayground()
    assert (w.a, w.b) == ([1.8, 1.2], [0.8, 1.8])
    assert w.snap is True and w.show_b is True and w.grid == 4
    for name in ("show_projection", "show_sum", "show_double", "normalise", "lock_lengths",
                 "large_text"):
        assert getattr(w, name) is False, name


def test_options_are_synced_traitlets():
    w = VectorPlayground(show_projection=True, lock_lengths=True, large_text=True, grid=6)
    synced = w.keys
    for name in ("a", "b", "snap", "show_projection", "show_sum", "show_double", "normalise",
                 "lock_lengths", "large_text", "show_b", "grid"):
        assert name in synced, name
    assert w.show_projection and w.lock_lengths and w.large_text and w.grid == 6


def test_tuple_and_numpy_inputs_become_float_lists():
    w = VectorPlayground(a=(2, 1), b=np.array([0.8, 1.8]))
    assert w.a == [2.0, 1.0] and all(type(x) is float for x in w.a)
    assert w.b == [0.8, 1.8]


def test_dot_and_angle_follow_changes_from_python():
    w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    w.a = [2, 1]
    assert w.dot == pytest.approx(2 * 0.8 + 1 * 1.8)  # 3.40
    assert w.angle == pytest.approx(acos_degrees([2, 1], [0.8, 1.8]))
    w.b = [-1, 2]  # perpendicular to [2, 1]: 2·(−1) + 1·2 = 0
    assert w.dot == 0 and w.angle == pytest.approx(90.0)
    w.b = [-4, -2]  # opposite direction
    assert w.dot == pytest.approx(-10.0) and w.angle == pytest.approx(180.0)


def test_dot_and_angle_are_read_only():
    w = VectorPlayground()
    with pytest.raises(traitlets.TraitError, match="read-only"):
        w.dot = 5.0
    with pytest.raises(traitlets.TraitError, match="read-only"):
        w.angle = 10.0


def test_observe_fires_with_old_and_new():
    w = VectorPlayground()
    seen = []
    w.observe(lambda change: seen.append((change["old"], change["new"])), names="a")
    w.a = [0.5, -0.5]
    assert seen == [([1.8, 1.2], [0.5, -0.5])]


def test_zero_vector_has_no_angle_and_never_nan():
    w = VectorPlayground(a=[0, 0], b=[1, 2])
    assert w.angle is None and w.dot == 0
    assert "nan" not in repr(w).lower()
    assert "undefined — a has zero length" in repr(w)
    w.a = [1, 1]
    assert w.angle == pytest.approx(acos_degrees([1, 1], [1, 2]))
    w.b = [0.0, -0.0]
    assert w.angle is None


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ([float("nan"), 1], "NaN"),
        ([float("inf"), 1], "infinite"),
        (["x", 1], "not a number"),
        ([1, 2, 3], "exactly 2"),
        ([1], "exactly 2"),
        ([], "empty"),
        ("1, 2", "text"),
        (None, "None"),
        ([True, 1], "bool"),
        ([[1, 2], [3, 4]], "2-D"),
        ([1e300, 1], "too large"),
    ],
)
def test_bad_vectors_raise_trait_error_and_keep_state(bad, fragment):
    w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    with pytest.raises(traitlets.TraitError) as info:
        w.a = bad
    message = str(info.value)
    assert fragment in message
    assert message.startswith("a"), "the message names the trait"
    assert re.search(r"e\.g\.|Use|Give|Write|Replace|Find|Pick|Scale|Wrap", message), (
        f"the message should say how to fix it: {message}"
    )
    assert w.a == [1.8, 1.2] and w.dot == pytest.approx(3.6)


def test_bad_vector_in_constructor():
    with pytest.raises(traitlets.TraitError, match=r"b has 3 numbers, but it must have exactly 2"):
        VectorPlayground(a=[1, 2], b=[1, 2, 3])
    with pytest.raises(traitlets.TraitError, match="NaN"):
        VectorPlayground(a=[float("nan"), 1])


def test_bad_grid():
    with pytest.raises(traitlets.TraitError, match="from 1 to 20"):
        VectorPlayground(grid=0)
    w = VectorPlayground()
    with pytest.raises(traitlets.TraitError):
        w.grid = 100
    assert w.grid == 4


def test_repr_is_deterministic_and_readable():
    w1 = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    w2 = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    expected = ("VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8]): a·b = 3.60, angle = 32.3°, "
                "↑ Positive — vectors point in similar directions")
    assert repr(w1) == repr(w2) == expected
    assert "0x" not in repr(w1) and w1.model_id not in repr(w1)


def test_repr_sign_messages():
    assert repr(VectorPlayground(a=[2, 1], b=[-1, 2])).endswith(
        "a·b = 0.00, angle = 90.0°, ⊥ Zero — the vectors are perpendicular")
    assert repr(VectorPlayground(a=[2, 1], b=[-2, -1])).endswith(
        "a·b = −5.00, angle = 180.0°, ↓ Negative — vectors point in opposite directions")
    # Perpendicular is decided on the angle: 88.3° is not 90°, although a·b = 0.003 shows
    # as 0.00; and tiny vectors 45° apart (a·b = 0.0005) point in similar directions.
    assert "88.3°, ↑ Positive" in repr(VectorPlayground(a=[0.1, 0.0], b=[0.03, 1.0]))
    assert "45.0°, ↑ Positive" in repr(VectorPlayground(a=[0.01, 0.02], b=[0.03, 0.01]))
    assert "90.0°, ⊥ Zero" in repr(VectorPlayground(a=[1.0, 0.0], b=[0.0004, 1.0]))
    assert repr(VectorPlayground(a=[3, 4], show_b=False)) == (
        "VectorPlayground(a=[3, 4], show_b=False): ‖a‖ = 5")


def test_mimebundle_text_plain_is_the_repr():
    w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    bundle = w._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/plain"] == repr(w)
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == w.model_id


def test_state_is_json_serialisable():
    w = VectorPlayground()
    state = w.get_state()
    json.dumps(state)
    assert state["a"] == [1.8, 1.2]
    assert "dot" not in state, "dot is computed in Python and not synced"


def test_js_and_css_are_package_data():
    root = importlib.resources.files("lessons_lib.widgets")
    js = VectorPlayground._esm  # the joined module, as shipped
    assert (root / "vector_playground.css").is_file()
    css = VectorPlayground._css  # the shared palette, then the widget's own stylesheet
    assert "export default" in js and "render" in js
    assert "setPointerCapture" in js and "touch-action" in css
    for colour in ("#0072b2", "#d55e00", "#009e73", "#cc79a7"):  # Okabe–Ito
        assert colour in css.lower()
    assert "http://" not in js.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in js + css, "no CDN: the widget must work offline"
    w = VectorPlayground()
    assert "export default" in w._esm and ".vp-root" in w._css


def test_vector_trait_is_reusable():
    class Arrow(traitlets.HasTraits):
        tip = Vector(length=3, default_value=(0, 0, 1))
        anything = Vector(length=None, default_value=(1,))

    arrow = Arrow()
    assert arrow.tip == [0.0, 0.0, 1.0]
    arrow.anything = [1, 2, 3, 4]
    with pytest.raises(traitlets.TraitError, match="tip has 2 numbers, but it must have exactly 3"):
        arrow.tip = [1, 2]


def test_repr_in_normalise_mode_shows_the_unit_dot_product():
    w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8], normalise=True)
    cos = 3.6 / (math.hypot(1.8, 1.2) * math.hypot(0.8, 1.8))  # by hand: 0.845
    assert f"â·b̂ = cos θ = {cos:.3f}" in repr(w)


def test_show_dot_false_leaves_out_what_lesson_02_teaches():
    """Lesson 01 adds and scales vectors; a·b, the angle and the sign wait for lesson 02."""
    from lessons_lib.widgets import VectorPlayground

    w = VectorPlayground(a=[2, 1], b=[-1, 2], show_dot=False)
    text = repr(w)
    assert "‖a‖ = 2.24" in text and "‖b‖ = 2.24" in text  # √5 by hand
    for taught_later in ("a·b", "angle", "cos", "perpendicular"):
        assert taught_later not in text
    assert w.dot == 0  # still computed for Python: [2, 1]·[−1, 2] = −2 + 2
    assert "a·b = 0.00" in repr(VectorPlayground(a=[2, 1], b=[-1, 2]))
