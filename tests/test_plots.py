"""lessons_lib.plots: figures are labelled, use the Okabe–Ito palette and are deterministic."""

import io
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")

from lessons_lib import palette, plots


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text()]


def test_plot_vectors_labels_and_colours():
    fig = plots.plot_vectors({"a": [1.8, 1.2], "b": [0.8, 1.8]}, title="t")
    assert _texts(fig) == ["a = [1.8, 1.2]", "b = [0.8, 1.8]"]
    colours = {matplotlib.colors.to_hex(t.get_color()) for t in fig.axes[0].texts if t.get_text()}
    assert colours <= {c.lower() for c in palette.OKABE_ITO}
    assert fig.axes[0].get_title() == "t"


def test_plot_vectors_rejects_3d_and_empty():
    with pytest.raises(ValueError, match="exactly 2"):
        plots.plot_vectors({"a": [1, 2, 3]})
    with pytest.raises(ValueError, match="empty"):
        plots.plot_vectors({})


def test_law_of_cosines_figure_is_labelled():
    fig = plots.plot_law_of_cosines([3, 1], [1, 2])
    assert sorted(_texts(fig)) == ["a", "a − b", "b", "θ"]
    assert "‖a − b‖² = ‖a‖² + ‖b‖² − 2‖a‖‖b‖cos θ" in fig.axes[0].get_title()
    assert "45.0°" in fig.axes[0].get_title()  # [3,1]·[1,2] = 5 = √10·√5·cos θ → θ = 45°


def test_projection_figure_reports_shadow_length():
    fig = plots.plot_projection([3, 4], [1, 0])
    assert "= 3" in fig.axes[0].get_title()  # shadow of [3, 4] on the x-axis


def test_cost_chart_labels_every_bar():
    fig = plots.plot_cost(["raw", "cosine"], [1.5, 3.25], ylabel="ms")
    assert _texts(fig) == ["1.50", "3.25"]
    with pytest.raises(ValueError, match="one label per bar"):
        plots.plot_cost(["raw"], [1, 2], ylabel="ms")


def test_predictions_and_activations():
    fig = plots.plot_predictions([1, 2, 3], [1.1, 2.0, 2.9])
    assert fig.axes[0].get_ylabel() == "predicted price (thousands)"
    fig = plots.plot_activations()
    labels = [ln.get_label() for ln in fig.axes[0].get_lines()
              if not ln.get_label().startswith("_")]
    assert labels == ["no activation: a = z", "sigmoid σ(z)", "ReLU(z) = max(0, z)"]


def _png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def test_figures_are_deterministic():
    assert _png(plots.plot_law_of_cosines()) == _png(plots.plot_law_of_cosines())


def test_importing_plots_does_not_load_matplotlib():
    code = "import sys, lessons_lib.plots; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
