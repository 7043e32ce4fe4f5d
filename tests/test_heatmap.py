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


# ------------------------------------------------------- labels read at a glance
CELL_LABEL = r"^(0|<\.0*1|>−\.0*1|−?\d+\.\d{%d})$"


def _label_problems(fig, decimals: int) -> list[str]:
    """Labels that break the cell format, leave their cell or overlap another label."""
    import re

    ax = fig.axes[0]
    fig.draw_without_rendering()
    texts = ax.texts
    (x0, y0), (x1, y1) = ax.transData.transform([(0, 0), (1, 1)])
    cell_w, cell_h = abs(x1 - x0), abs(y1 - y0)
    problems = []
    for t in texts:
        if not re.match(CELL_LABEL % decimals, t.get_text()):
            problems.append(f"format: {t.get_text()!r}")
        box = t.get_window_extent()
        cx, cy = ax.transData.transform(t.get_position())  # the cell's centre
        if (box.x0 < cx - cell_w / 2 or box.x1 > cx + cell_w / 2
                or box.y0 < cy - cell_h / 2 or box.y1 > cy + cell_h / 2):
            problems.append(f"leaves its cell: {t.get_text()!r} at {t.get_position()}")
    # the cells do not overlap, so labels that stay inside their cells never overlap
    return problems


def test_every_real_head_map_has_readable_labels():
    """Lesson 08 draws the head it studies, layer 0 head 2 and (its picker) any other: the
    three it shows are drawn and measured; every value of all 72 maps has the cell form."""
    import re

    import matplotlib.pyplot as plt

    from lessons_lib.embeddings import load_real_head
    from lessons_lib.formatting import format_cell
    from lessons_lib.heatmap import plot_attention

    head = load_real_head()
    weights = np.asarray(head.all_model_weights)
    for layer, h in {(head.layer, head.head), (0, 2), (5, 11)}:
        fig = plot_attention(weights[layer, h], head.tokens, head.tokens, vmin=0, vmax=1,
                             title=f"layer {layer}, head {h}")
        assert len(fig.axes[0].texts) == len(head.tokens) ** 2, (layer, h)  # all shown
        assert not _label_problems(fig, 2), (layer, h, _label_problems(fig, 2))
        plt.close(fig)
    texts = {format_cell(v) for v in weights.ravel()}
    assert all(re.match(CELL_LABEL % 2, t) for t in texts), sorted(texts)[:5]
    assert max(len(t) for t in texts) == 4  # "0.34", "<.01", "1.00": one width


def test_tiny_values_are_not_printed_in_scientific_notation():
    """Layer 0 head 2 printed 9.2×10^−8 across three cells; now one short, fixed form."""
    from lessons_lib.heatmap import plot_attention

    table = np.array([[9.2e-08, 0.0029, 0.99709], [0.0, 1.0, 0.0], [0.5, 0.25, 0.25]])
    fig = plot_attention(table, ["a", "b", "c"], ["a", "b", "c"], title="t", vmin=0, vmax=1)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["<.01", "<.01", "1.00", "0", "1.00", "0", "0.50", "0.25", "0.25"]
    assert not _label_problems(fig, 2)


@pytest.mark.parametrize("n", [2, 4, 8, 24])
def test_labels_fit_any_number_of_tokens(n):
    """Lesson 07's tables (3 decimals, negative scores) and bigger ones: fit, or no labels."""
    from lessons_lib.heatmap import plot_attention

    rng = np.random.default_rng(n)
    table = rng.normal(0, 2, size=(n, n))
    names = [f"token{i}" for i in range(n)]
    fig = plot_attention(table, names, names, title="scores", decimals=3)
    assert not _label_problems(fig, 3), _label_problems(fig, 3)
    if n <= 8:
        assert len(fig.axes[0].texts) == n * n


@pytest.mark.parametrize("n", [6, 12, 30])
def test_labels_fit_a_small_axes(n):
    """Drawn into a small Axes (a grid of heads), labels shrink to fit or are left out."""
    import matplotlib.pyplot as plt

    from lessons_lib.heatmap import plot_attention

    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    table = np.random.default_rng(n).normal(0, 2, size=(n, n))
    names = [f"t{i}" for i in range(n)]
    plot_attention(table, names, names, title="scores", decimals=3, ax=ax, colorbar=False)
    assert not _label_problems(fig, 3), _label_problems(fig, 3)[:3]
    if n == 6:  # 6 columns of ~0.4 inch: shrunk, still shown
        assert len(ax.texts) == n * n and ax.texts[0].get_fontsize() < 9
    if n == 30:  # 30 columns in 3 inches: unreadable at 5 pt, so colour only
        assert not ax.texts
    plt.close(fig)
