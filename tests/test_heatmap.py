"""lessons_lib.heatmap (lessons 07 and 08): attention tables drawn as labelled heatmaps."""

import numpy as np
import pytest


# ------------------------------------------------------------------ heatmap
def test_heatmap_labels_values_and_colours():
    from lessons_lib.heatmap import plot_attention

    table = np.array([[0.9, 0.1, 0.0], [0.2, 0.3, 0.5]])
    fig = plot_attention(table, ["cat", "milk"], ["cat", "milk", "car"], title="w",
                         vmin=0, vmax=1)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["0.90", "0.10", "0", "0.20", "0.30", "0.50"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["cat", "milk", "car"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cat", "milk"]
    assert ax.images[0].get_cmap().name == "cividis"
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert colours["0.90"] == "black" and colours["0"] == "white"   # bright vs dark cell
    with pytest.raises(ValueError, match="one label per row"):
        plot_attention(table, ["cat"], ["a", "b", "c"], title="x")


def test_heatmap_is_deterministic():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from lessons_lib.heatmap import plot_attention

    pixels = []
    for _ in range(2):
        fig = plot_attention([[0.5, 0.5], [0.1, 0.9]], ["a", "b"], ["a", "b"], title="t")
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        pixels.append(np.asarray(canvas.buffer_rgba()).copy())
    assert pixels[0].shape == pixels[1].shape
    assert (pixels[0] == pixels[1]).all()


def test_score_variance_grows_like_dk():
    from lessons_lib.attention import score_variance

    result = score_variance((1, 8, 128), n_pairs=20_000, seed=3)
    for d, raw, scaled in zip(result.d_k, result.raw, result.scaled, strict=True):
        # the sum of d independent products of N(0, 1) numbers has variance d
        assert raw / d == pytest.approx(1.0, abs=0.06)
        assert scaled == pytest.approx(1.0, abs=0.06)
    assert "var(q·k/√d_k)" in str(result) and "seed 3" in str(result)
    with pytest.raises(ValueError, match="≥ 1"):
        score_variance((0, 4))
