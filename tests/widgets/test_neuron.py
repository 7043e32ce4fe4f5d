"""The lesson-04 neuron widget (NeuronWidget, sigmoid_svg)."""

import math

import pytest

from lessons_lib.widgets.neuron import NeuronWidget, sigmoid_svg


def test_neuron_widget_readout_follows_sliders():
    w = NeuronWidget(w=[0.8, -0.5], x=[1.0, 2.0], b=0.1)
    z = 0.8 * 1 - 0.5 * 2 + 0.1
    assert w.z == pytest.approx(z)
    assert w.a == pytest.approx(1 / (1 + math.exp(-z)))
    assert "0.4750" in w.readout.value
    w.set_weights([2.0, 0.0])  # zero weight: x2 is ignored
    assert w.z == pytest.approx(2.0 * 1 + 0.1)
    w.x_sliders[1].value = -3.0
    assert w.z == pytest.approx(2.1)
    w.b_slider.value = -2.0
    assert w.z == pytest.approx(0.0, abs=1e-12)
    assert "σ(0) = <b>0.5000</b>" in w.readout.value
    assert "undecided" in w.readout.value


def test_neuron_widget_repr_is_deterministic_and_complete():
    w = NeuronWidget(w=[1, 1, 1], x=[1, 1, 1], b=0)
    text = repr(w)
    assert "0x" not in text
    assert text == repr(NeuronWidget(w=[1, 1, 1], x=[1, 1, 1], b=0))
    bundle = w._repr_mimebundle_()
    assert bundle["text/plain"] == text  # not cut at 110 characters


def test_neuron_widget_bad_input():
    with pytest.raises(ValueError, match="same number of components"):
        NeuronWidget(w=[1, 2], x=[1])
    with pytest.raises(ValueError, match="slider range"):
        NeuronWidget(w=[5], x=[1])
    with pytest.raises(TypeError, match="not a number"):
        NeuronWidget(w=["a"], x=[1])


def test_sigmoid_svg_marks_z():
    svg = sigmoid_svg(0.0)
    # (z, σ(z)) = (0, 0.5): halfway across 260 px, halfway between σ = 1 (y 10) and σ = 0
    # (y 96, above the 24 px strip of z labels)
    assert 'cx="130.0"' in svg and f'cy="{(10 + 96) / 2}"' in svg
    assert "<script" not in svg


def test_sigmoid_svg_labels_say_which_axis():
    """No bare "0" beside "z → 8" (which read as one axis from 0 to 8): each z label says
    z =, each level label says σ =."""
    import re

    labels = re.findall(r"<text[^>]*>([^<]*)</text>", sigmoid_svg(1.5))
    assert sorted(labels) == sorted(["σ = 0", "σ = 1", "z = −8", "z = 0", "z = 8"])
