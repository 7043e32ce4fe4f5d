"""Labelled heatmaps of score and weight tables (lessons 07 and 08).

Rows are query tokens, columns are key tokens, and every cell prints its value,
so the picture can be read on a projector, in greyscale and with colour-blind
eyes (``cividis`` by default). Imported on first use only: ``import lessons_lib``
does not load matplotlib.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from lessons_lib._validate import as_float_array, check_finite
from lessons_lib.formatting import format_cell

__all__ = ["plot_attention"]


def _text_colour(rgba: Sequence[float]) -> str:
    """Black on light cells, white on dark ones (WCAG relative luminance)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(float(c)) for c in rgba[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.179 else "white"


#: Font size of the values in the cells (points), shrunk to fit narrow cells.
LABEL_SIZE = 9.0
#: Below this size a value is unreadable: the cells keep only their colour.
MIN_LABEL_SIZE = 5.0
#: The share of a cell's width and height a label may use.
FILL = 0.9


def _fit_in_cells(fig: Figure, ax: Axes, labels: list[Any]) -> None:
    """Shrink the cell labels until the widest fits inside its cell; drop them if unreadable.

    The renderer measures each label as it will be drawn, so no text is ever wider (or
    taller) than its cell, whatever the figure size or the number of tokens.
    """
    if not labels:
        return
    fig.draw_without_rendering()
    (x0, y0), (x1, y1) = ax.transData.transform([(0, 0), (1, 1)])
    cell_w, cell_h = abs(x1 - x0), abs(y1 - y0)
    size = LABEL_SIZE
    for _ in range(4):  # each pass scales by the measured overflow; two passes suffice
        boxes = [t.get_window_extent() for t in labels]
        ratio = min(FILL * cell_w / max(b.width for b in boxes),
                    FILL * cell_h / max(b.height for b in boxes))
        if ratio >= 1:
            return
        size = math.floor(size * ratio * 2) / 2  # half points, rounded down
        if size < MIN_LABEL_SIZE:
            for t in labels:
                t.remove()
            labels.clear()
            return
        for t in labels:
            t.set_fontsize(size)


def plot_attention(table: Any, row_labels: Sequence[str], col_labels: Sequence[str], *,
                   title: str, values: bool = True, ax: Axes | None = None,
                   cmap: str = "cividis", decimals: int = 2,
                   vmin: float | None = None, vmax: float | None = None,
                   colorbar: bool = True) -> Figure:
    """Draw a score or weight table as a labelled heatmap (lessons 07 and 08).

    Parameters
    ----------
    table : array, shape (n_queries, n_keys)
        Raw scores or attention weights; row ``i`` = query token ``i``.
    row_labels, col_labels : sequences of str
        Query tokens (rows, left) and key tokens (columns, top).
    title : str
        Say what is shown, e.g. ``"Attention weights, layer 5 head 11"``.
    values : bool, default True
        Print each value in its cell (text colour chosen per cell for contrast).
    ax : matplotlib Axes, optional
        Draw into this Axes instead of a new figure.
    cmap : str, default "cividis"
        A perceptually uniform, colour-blind-safe colormap.
    decimals : int, default 2
        Decimal places printed in the cells.
    vmin, vmax : float, optional
        Colour range; weights look best with ``vmin=0, vmax=1``.
    colorbar : bool, default True

    Returns
    -------
    matplotlib.figure.Figure
        The heatmap is ``fig.axes[0]``. A new figure is closed before it is
        returned, so Jupyter shows it once, as the cell's result.

    Examples
    --------
    >>> fig = plot_attention([[0.7, 0.3], [0.2, 0.8]], ["cat", "milk"], ["cat", "milk"],
    ...                      title="weights")
    >>> ax = fig.axes[0]
    >>> [t.get_text() for t in ax.texts]
    ['0.70', '0.30', '0.20', '0.80']
    >>> ax.get_ylabel()
    'query token (row)'
    """
    arr = as_float_array(table, "table")
    if arr.size and np.isfinite(arr).all() and float(np.max(np.abs(arr))) > 1e100:
        raise ValueError("table holds a number too large to draw as a colour. Scale the table "
                         "down, e.g. divide it by 1000.")
    if arr.ndim != 2:
        raise ValueError(f"table has shape {arr.shape}; a heatmap needs a 2-D table "
                         "(queries × keys). Give one row per query, e.g. "
                         "table = [[0.7, 0.3], [0.4, 0.6]].")
    if arr.shape != (len(row_labels), len(col_labels)):
        raise ValueError(
            f"table has shape {arr.shape} but there are {len(row_labels)} row labels and "
            f"{len(col_labels)} column labels; give one label per row (query) and per "
            "column (key)."
        )
    check_finite(arr, "table")
    new_figure = ax is None
    if ax is None:
        n_rows, n_cols = arr.shape
        fig = plt.figure(figsize=(1.0 + 0.62 * n_cols + (1.0 if colorbar else 0),
                                  1.2 + 0.5 * n_rows), dpi=100)
        ax = fig.add_subplot()
    else:
        fig = ax.figure  # type: ignore[assignment]
    image = ax.imshow(arr, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto",
                      interpolation="nearest")
    ax.set_xticks(range(len(col_labels)), labels=list(col_labels), rotation=45, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(row_labels)), labels=list(row_labels))
    ax.set_xlabel("key token (column)")
    ax.set_ylabel("query token (row)")
    ax.set_title(title)
    ax.tick_params(length=0)
    labels = []
    if values:
        for i in range(arr.shape[0]):
            for j in range(arr.shape[1]):
                colour = _text_colour(tuple(image.to_rgba(arr[i, j])))
                labels.append(ax.text(j, i, format_cell(float(arr[i, j]), decimals),
                                      ha="center", va="center", color=colour,
                                      fontsize=LABEL_SIZE))
    if colorbar:
        fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    if new_figure:
        fig.tight_layout()
        plt.close(fig)  # shown once, as the returned value
    _fit_in_cells(fig, ax, labels)
    from lessons_lib.figures import install

    install()  # in a notebook: shown with its text alternative (see lessons_lib.figures)
    return fig
