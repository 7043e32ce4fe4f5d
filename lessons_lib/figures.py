"""Figures a screen reader can reach: each matplotlib figure is shown with a text alternative.

JupyterLab shows a figure as a bare ``<img>`` with no ``alt`` text, so a learner who
uses a screen reader hears nothing. Once ``lessons_lib`` is imported in a notebook
(IPython), every :class:`matplotlib.figure.Figure` a cell shows is also offered as HTML,
``<figure><img alt="…"></figure>``, which JupyterLab, Notebook 7, nbconvert's pages and
the slides prefer; its plain-text form is the same description (no ``<Figure size …>``).

The description is the figure's label when a plot function set one with
:func:`describe`, else it is built from what the figure shows: titles, axis labels and,
for a table drawn as an image (a heatmap), its rows and columns.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.set(title="Predictions", xlabel="true y", ylabel="predicted y")
>>> alt_text(fig)
'Figure: Predictions. Horizontal axis: true y. Vertical axis: predicted y.'
>>> alt_text(describe(fig, "Three arrows from the origin: a, b and a + b."))
'Three arrows from the origin: a, b and a + b.'
>>> plt.close(fig)
"""

from __future__ import annotations

import base64
import html
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["alt_text", "describe", "figure_html", "install"]

_LABEL_PREFIX = "lessons_lib:"  # marks a description set by describe()


def _is_figure(fig: object) -> None:
    if not (hasattr(fig, "set_label") and hasattr(fig, "axes") and hasattr(fig, "savefig")):
        kind = "None" if fig is None else f"a {type(fig).__name__}"
        raise TypeError(f"fig is {kind}, not a matplotlib figure. Pass the figure itself, e.g. "
                        "fig, ax = plt.subplots(), then describe(fig, '…').")


def describe(fig: Figure, text: str) -> Figure:
    """Give ``fig`` the description a screen reader reads; return ``fig``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    text : str
        One or two sentences saying what the figure shows (not how it looks).

    Returns
    -------
    matplotlib.figure.Figure
        The same figure, for ``return describe(fig, "…")``.
    """
    _is_figure(fig)
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be a non-empty sentence saying what the figure shows, e.g. "
                         "text = 'Two arrows 32° apart'.")
    fig.set_label(_LABEL_PREFIX + text.strip())
    return fig


def _ticks(labels: list[Any]) -> str:
    return ", ".join(t.get_text() for t in labels if t.get_text())


def alt_text(fig: Figure) -> str:
    """The text alternative of ``fig``: its :func:`describe` text, else one built from it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.

    Returns
    -------
    str
        One line of plain text.
    """
    _is_figure(fig)
    label = str(fig.get_label() or "")
    if label.startswith(_LABEL_PREFIX):
        return label.removeprefix(_LABEL_PREFIX)
    parts = []
    suptitle = fig.get_suptitle()
    if suptitle:
        parts.append(suptitle)
    for ax in fig.axes:
        if not ax.get_visible() or getattr(ax, "_colorbar", None) is not None:
            continue  # a colour bar repeats what the table's numbers say
        title = " ".join(ax.get_title().split())  # one line
        bits = [title] if title else []
        if ax.images:
            rows, cols = _ticks(ax.get_yticklabels()), _ticks(ax.get_xticklabels())
            # an AxesImage (matplotlib < 3.9 types ax.images as plain Artists)
            array = ax.images[0].get_array()  # type: ignore[attr-defined,unused-ignore]
            shape = array.shape if array is not None else (0, 0)
            bits.append(f"A table of {shape[0]} × {shape[1]} values drawn as colours"
                        + (f"; rows: {rows}" if rows else "")
                        + (f"; columns: {cols}" if cols else ""))
        else:
            if ax.get_xlabel():
                bits.append(f"Horizontal axis: {ax.get_xlabel()}")
            if ax.get_ylabel():
                bits.append(f"Vertical axis: {ax.get_ylabel()}")
        parts.append(". ".join(bits))
    text = ". ".join(p for p in parts if p)
    return f"Figure: {text}." if text else "Figure."


def figure_html(fig: Figure) -> str:
    """``fig`` as ``<figure><img alt="…"></figure>`` (the PNG JupyterLab would show).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.

    Returns
    -------
    str
        HTML with the picture inline (a ``data:`` URL), so it needs no file beside it.
    """
    _is_figure(fig)
    from IPython.core.pylabtools import print_figure

    png = print_figure(fig, "png", bbox_inches="tight")
    source = base64.b64encode(png).decode("ascii")
    alt = html.escape(alt_text(fig), quote=True)
    return (f'<figure class="ll-figure" style="margin: 0">'
            f'<img src="data:image/png;base64,{source}" alt="{alt}"></figure>')


def install(shell: Any = None) -> bool:
    """Show every matplotlib figure with its text alternative in this IPython session.

    Called by ``import lessons_lib``; does nothing outside IPython. matplotlib is not
    imported until a figure is shown.

    Returns
    -------
    bool
        Whether an IPython session was found.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")  # not imported: not an IPython session
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type_by_name("matplotlib.figure", "Figure", figure_html)
    formatters["text/plain"].for_type_by_name("matplotlib.figure", "Figure", _plain)
    # matplotlib's inline backend drops every Figure printer when it starts (the first
    # `import matplotlib.pyplot`, or `%matplotlib inline`): register again before each cell
    # (the plot functions also call install() right after importing pyplot)
    if not getattr(shell, "_lessons_lib_figures", False):
        shell.events.register("pre_run_cell", lambda *_: install(shell))
        shell._lessons_lib_figures = True
    return True


def _plain(fig: Figure, printer: Any, cycle: bool) -> None:
    printer.text(alt_text(fig))
