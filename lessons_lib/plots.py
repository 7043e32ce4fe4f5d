"""Static figures for the lessons (matplotlib), deterministic and colour-blind safe.

Used in lessons 03 (vectors, the law-of-cosines proof, projection, the cost of
normalising), 04 (predictions vs truth, activation functions) and 05.
matplotlib is imported inside each function, so this module is cheap to import
and ``import lessons_lib`` never loads matplotlib. Colours are the Okabe–Ito
palette; every arrow and bar is labelled in text too, never by colour alone.

Each function returns a :class:`matplotlib.figure.Figure` (closed, so Jupyter
shows it once, as the cell's result).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from lessons_lib._validate import VectorLike, as_number, as_vector, same_length
from lessons_lib.formatting import format_number, format_vector
from lessons_lib.geometry import angle_between, project_onto
from lessons_lib.palette import AXIS, FAINT, GRID, GUIDE, LIGHT, OKABE_ITO
from lessons_lib.vectors import norm

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "plot_activations",
    "plot_cost",
    "plot_law_of_cosines",
    "plot_predictions",
    "plot_projection",
    "plot_vectors",
]



def _figure(size: tuple[float, float] = (5.0, 5.0)) -> tuple[Figure, Axes]:
    import matplotlib.pyplot as plt

    from lessons_lib.figures import install

    fig, ax = plt.subplots(figsize=size, dpi=80)
    # after the first figure, when matplotlib's inline backend has set up (and dropped
    # other Figure printers): in a notebook, shown with its text alternative
    install()
    plt.close(fig)  # shown once, as the returned value
    return fig, ax


def _grid(ax: Axes, points: list[list[float]], grid: float | None) -> None:
    if grid is None:
        # fit the data (always including the origin) with room for the labels
        xs = [0.0, *(p[0] for p in points)]
        ys = [0.0, *(p[1] for p in points)]
        span = max(1.0, max(xs) - min(xs), max(ys) - min(ys))
        pad = 0.15 * span
        ax.set_xlim(min(xs) - pad, max(xs) + 2.5 * pad)
        ax.set_ylim(min(ys) - pad, max(ys) + 1.5 * pad)
    else:
        extent = float(grid)
        ax.set_xlim(-extent, extent)
        ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.axhline(0, color=AXIS, linewidth=0.8, zorder=0)
    ax.axvline(0, color=AXIS, linewidth=0.8, zorder=0)
    ax.grid(True, color=GRID, linewidth=0.6, zorder=0)


def _arrow(ax: Axes, start: Sequence[float], end: Sequence[float], color: str, label: str,
           style: str = "-") -> None:
    ax.annotate("", xy=(end[0], end[1]), xytext=(start[0], start[1]),
                arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 2.2,
                            "linestyle": style, "shrinkA": 0, "shrinkB": 0})
    mid_x, mid_y = end[0], end[1]
    ax.annotate(label, xy=(mid_x, mid_y), xytext=(6, 6), textcoords="offset points",
                color=color, fontsize=12, fontweight="bold")


def _two_d(v: VectorLike, name: str) -> list[float]:
    vv = as_vector(v, name)
    if len(vv) != 2:
        raise ValueError(f"{name} has {len(vv)} numbers, but a figure on paper needs exactly 2 "
                         f"(x and y). Use a 2-D vector, e.g. {name} = [1.8, 1.2].")
    return [float(x) for x in vv]


def plot_vectors(vectors: Mapping[str, VectorLike], *, title: str | None = None,
                 grid: float | None = None, show_values: bool = True) -> Figure:
    """Arrows from the origin, one per named 2-D vector (lessons 01–05).

    Parameters
    ----------
    vectors : mapping of label -> 2-D vector
        E.g. ``{"a": [1.8, 1.2], "b": [0.8, 1.8]}``.
    title : str, optional
    grid : float, optional
        Half-width of the square view; default fits the vectors.
    show_values : bool, default True
        Write the coordinates next to each label.

    Examples
    --------
    >>> fig = plot_vectors({"a": [1.8, 1.2], "b": [0.8, 1.8]}, title="start vectors")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text()]
    ['a = [1.8, 1.2]', 'b = [0.8, 1.8]']
    """
    if not vectors:
        raise ValueError("vectors is empty: give at least one, e.g. {'a': [1, 2]}.")
    fig, ax = _figure()
    points = {name: _two_d(v, name) for name, v in vectors.items()}
    _grid(ax, list(points.values()), grid)
    for i, (name, p) in enumerate(points.items()):
        label = f"{name} = {format_vector(p)}" if show_values else name
        _arrow(ax, (0, 0), p, OKABE_ITO[i % len(OKABE_ITO)], label)
    if title:
        ax.set_title(title)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return fig


def plot_law_of_cosines(a: VectorLike = (3.0, 1.0), b: VectorLike = (1.0, 2.0)) -> Figure:
    """The triangle behind the proof of a·b = ‖a‖‖b‖cos θ (lesson 03).

    Sides ``a`` and ``b`` start at the origin with the angle θ between them; the
    third side is ``a − b`` (from the tip of b to the tip of a). The law of
    cosines says ‖a − b‖² = ‖a‖² + ‖b‖² − 2‖a‖‖b‖cos θ.

    Examples
    --------
    >>> fig = plot_law_of_cosines()
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text())
    ['a', 'a − b', 'b', 'θ']
    """
    va, vb = _two_d(a, "a"), _two_d(b, "b")
    fig, ax = _figure((6.0, 5.0))
    _grid(ax, [va, vb], None)
    blue, vermillion, green, purple = (LIGHT[k] for k in ("a", "b", "proj", "sum"))
    for end, color, name in ((va, blue, "a"), (vb, vermillion, "b")):
        ax.annotate("", xy=(end[0], end[1]), xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 2.4})
        ax.text(end[0] / 2, end[1] / 2, name, color=color, fontsize=14, fontweight="bold",
                ha="right" if name == "b" else "left", va="bottom" if name == "b" else "top")
    ax.annotate("", xy=(va[0], va[1]), xytext=(vb[0], vb[1]),
                arrowprops={"arrowstyle": "-|>", "color": green, "linewidth": 2.4,
                            "linestyle": "--"})
    ax.text((va[0] + vb[0]) / 2, (va[1] + vb[1]) / 2, "a − b", color=green, fontsize=14,
            fontweight="bold", ha="left", va="bottom")
    # the angle θ as an arc between the directions of a and b
    from matplotlib.patches import Arc

    t_a, t_b = (math.degrees(math.atan2(v[1], v[0])) for v in (va, vb))
    lo, hi = sorted((t_a, t_b))
    if hi - lo > 180:
        lo, hi = hi, lo + 360
    r = 0.25 * min(norm(va), norm(vb))
    ax.add_patch(Arc((0, 0), 2 * r, 2 * r, theta1=lo, theta2=hi, color=purple, linewidth=2))
    mid = math.radians((lo + hi) / 2)
    ax.text(1.5 * r * math.cos(mid), 1.5 * r * math.sin(mid), "θ", color=purple, fontsize=14,
            ha="center", va="center")
    theta = angle_between(va, vb)
    ax.set_title(f"‖a − b‖² = ‖a‖² + ‖b‖² − 2‖a‖‖b‖cos θ   (θ = {theta:.1f}°)", fontsize=11)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return fig


def plot_projection(a: VectorLike, b: VectorLike) -> Figure:
    """a, b and the "shadow" of a on b: the projection (lesson 03).

    Examples
    --------
    >>> fig = plot_projection([1.8, 1.2], [0.8, 1.8])
    >>> any("projection" in t.get_text() for t in fig.axes[0].texts)
    True
    """
    va, vb = _two_d(a, "a"), _two_d(b, "b")
    same_length(va, vb, what="a projection")
    p = project_onto(va, vb)
    fig, ax = _figure()
    _grid(ax, [va, vb, p], None)
    _arrow(ax, (0, 0), vb, OKABE_ITO[1], "b")
    _arrow(ax, (0, 0), va, OKABE_ITO[0], "a")
    ax.annotate("", xy=(p[0], p[1]), xytext=(0, 0),
                arrowprops={"arrowstyle": "-|>", "color": OKABE_ITO[2], "linewidth": 4,
                            "alpha": 0.8, "shrinkA": 0, "shrinkB": 0})
    ax.annotate("projection\n(shadow)", xy=(p[0] / 2, p[1] / 2), xytext=(10, -10),
                textcoords="offset points", ha="left", color=OKABE_ITO[2], fontsize=11,
                fontweight="bold")
    ax.plot([va[0], p[0]], [va[1], p[1]], linestyle=":", color=GUIDE, linewidth=1.5)
    ax.set_title(f"a = {format_vector(va)}, b = {format_vector(vb)}\n"
                 f"shadow of a on b: length ‖a‖cos θ = {format_number(norm(p), 2)}", fontsize=11)
    return fig


def plot_cost(labels: Sequence[str], values: Sequence[float], *, ylabel: str,
              title: str | None = None, decimals: int = 2) -> Figure:
    """A labelled bar chart, e.g. the cost of raw dot products vs cosine similarity (lesson 03).

    Examples
    --------
    >>> fig = plot_cost(["raw dot", "cosine"], [1.0, 3.0], ylabel="time (ms)")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['1', '3']
    """
    vals = as_vector(values, "values")
    if any(abs(v) > 1e15 for v in vals):
        raise ValueError("values holds a number too large to draw as a bar. Scale the values "
                         "down, e.g. divide them by 1000.")
    if len(labels) != len(vals):
        raise ValueError(f"{len(labels)} labels for {len(vals)} values: give one label per bar.")
    fig, ax = _figure((5.0, 3.5))
    xs = np.arange(len(vals))
    ax.bar(xs, vals, color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(vals))])
    for x, v in zip(xs, vals, strict=True):
        ax.text(float(x), v, format_number(v, decimals), ha="center", va="bottom")
    ax.set_xticks(xs, list(labels))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return fig


def plot_predictions(y_true: VectorLike, y_pred: VectorLike, *,
                     what: str = "price (thousands)") -> Figure:
    """Predictions against the truth: points on the diagonal are perfect (lesson 04).

    Examples
    --------
    >>> fig = plot_predictions([1, 2, 3], [1.1, 1.9, 3.2])
    >>> fig.axes[0].get_xlabel()
    'true price (thousands)'
    """
    yt, yp = as_vector(y_true, "y_true"), as_vector(y_pred, "y_pred")
    same_length(yt, yp, names=("y_true", "y_pred"), what="a comparison")
    fig, ax = _figure((4.5, 4.5))
    lo, hi = min(*yt, *yp), max(*yt, *yp)
    pad = 0.05 * (hi - lo or 1.0)
    ax.plot([lo - pad, hi + pad], [lo - pad, hi + pad], color=AXIS, linestyle="--",
            label="perfect: ŷ = y")
    ax.scatter(yt, yp, color=OKABE_ITO[0], s=40, label="one house", zorder=3)
    ax.set_xlabel(f"true {what}")
    ax.set_ylabel(f"predicted {what}")
    ax.set_aspect("equal")
    ax.legend(loc="upper left")
    return fig


def plot_activations(z_range: float = 6.0) -> Figure:
    """σ(z) and ReLU(z) side by side with the identity for comparison (lesson 04).

    Examples
    --------
    >>> fig = plot_activations()
    >>> [ln.get_label() for ln in fig.axes[0].get_lines() if not ln.get_label().startswith("_")]
    ['no activation: a = z', 'sigmoid σ(z)', 'ReLU(z) = max(0, z)']
    """
    from lessons_lib.neurons import relu, sigmoid

    z_range = float(as_number(z_range, "z_range"))
    if not 0 < z_range <= 1e6:
        raise ValueError(f"z_range is {format_number(z_range, trim=True)}, but it must be a "
                         "positive number up to 1,000,000. Use e.g. z_range = 6.")
    z = np.linspace(-z_range, z_range, 241)
    fig, ax = _figure((5.5, 3.8))
    ax.plot(z, z, color=AXIS, linestyle="--", label="no activation: a = z")
    ax.plot(z, sigmoid(z), color=OKABE_ITO[0], linewidth=2.2, label="sigmoid σ(z)")
    ax.plot(z, relu(z), color=OKABE_ITO[1], linewidth=2.2, linestyle="-.",
            label="ReLU(z) = max(0, z)")
    ax.set_ylim(-1.5, 3)
    ax.set_xlabel("z = w·x + b")
    ax.set_ylabel("activation a")
    ax.axhline(0, color=FAINT, linewidth=0.8)
    ax.legend(loc="upper left")
    return fig

