"""lessons_lib.figures: every figure has a text alternative a screen reader can read."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from lessons_lib.figures import alt_text, describe, figure_html


@pytest.fixture
def fig():
    figure, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_title("Cost per step")
    ax.set_xlabel("step")
    ax.set_ylabel("cost")
    yield figure
    plt.close(figure)


def test_alt_text_is_built_from_titles_and_axis_labels(fig):
    assert alt_text(fig) == ("Figure: Cost per step. Horizontal axis: step. "
                             "Vertical axis: cost.")


def test_describe_replaces_the_built_text_and_returns_the_figure(fig):
    assert describe(fig, "  The cost falls every step. ") is fig
    assert alt_text(fig) == "The cost falls every step."


def test_figure_html_is_an_inline_png_with_the_alt_text_escaped(fig):
    describe(fig, 'Two arrows "a" & "b"')
    page = figure_html(fig)
    assert page.startswith('<figure class="ll-figure"')
    assert 'src="data:image/png;base64,' in page
    assert 'alt="Two arrows &quot;a&quot; &amp; &quot;b&quot;"' in page


@pytest.mark.parametrize("bad", [None, [1, 2], "figure"])
def test_a_non_figure_is_named(bad):
    with pytest.raises(TypeError, match="not a matplotlib figure"):
        alt_text(bad)


@pytest.mark.parametrize("text", ["", "   ", 3])
def test_an_empty_description_is_refused(fig, text):
    with pytest.raises(ValueError, match="non-empty sentence"):
        describe(fig, text)
