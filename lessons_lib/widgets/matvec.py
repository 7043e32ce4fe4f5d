"""The matrix × vector widget of lesson 06: move x's entries, watch each row's dot product.

Built from standard ipywidgets (one slider per entry of x, an HTML table), with no
JavaScript of its own: it works in JupyterLab 4, Notebook 7, VS Code and Colab, and
every slider is reachable with Tab and moved with the arrow keys. All the arithmetic
is :func:`lessons_lib.matrices.matvec_working`, one dot product per row of M.

Examples
--------
>>> w = MatVecWidget(M=[[1, 2], [3, -1], [0, 1]], x=[1, 1])
>>> w
MatVecWidget: M x, one dot product per row
row 1: 1·1 + 2·1 = 1 + 2 = 3
row 2: 3·1 + (−1)·1 = 3 − 1 = 2
row 3: 0·1 + 1·1 = 0 + 1 = 1
M x = [3, 2, 1]
>>> w.set_x([0.5, 0])
>>> w.working
row 1: 1·0.5 + 2·0 = 0.50 + 0.00 = 0.50
row 2: 3·0.5 + (−1)·0 = 1.50 + 0.00 = 1.50
row 3: 0·0.5 + 1·0 = 0.00 + 0.00 = 0.00
M x = [0.5, 1.5, 0]
>>> w.result
[0.5, 1.5, 0.0]
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from lessons_lib._validate import as_vector
from lessons_lib.formatting import format_number
from lessons_lib.matrices import MatVecWorking, as_rows, matvec_working
from lessons_lib.widgets._common import TextReprMixin, slider_limit
from lessons_lib.widgets.sliders import LIVE, AccessibleControls, FiniteSlider

__all__ = ["MatVecWidget"]

_MAX_ROWS, _MAX_COLS = 6, 4


class MatVecWidget(TextReprMixin, widgets.VBox):
    """Sliders for the entries of x; M x filled in live, one row's dot product at a time.

    Parameters
    ----------
    M : table of numbers, at most 6 rows and 4 columns
        The matrix; it stays fixed (the learner moves x).
    x : sequence of numbers
        Starting vector, one entry per column of M.
    limit : float, default 3
        Every slider runs from −limit to +limit.

    Attributes
    ----------
    working : MatVecWorking
        The working of M x for the current sliders.
    result : list of numbers
        M x now.
    """

    def __init__(self, M: object = ((1, 2), (3, -1), (0, 1)), x: Sequence[float] = (1.0, 1.0),
                 *, limit: float = 3.0, **kwargs: Any) -> None:
        limit = slider_limit(limit)
        rows = as_rows(M, "M")
        if len(rows) > _MAX_ROWS or len(rows[0]) > _MAX_COLS:
            raise ValueError(
                f"M is {len(rows)} × {len(rows[0])}; the widget shows at most {_MAX_ROWS} rows "
                f"and {_MAX_COLS} columns. Use lessons_lib.matrices.matvec_working(M, x) for "
                "bigger matrices."
            )
        vx = as_vector(x, "x")
        matvec_working(rows, vx)  # the same shape check as the function, before any slider
        for i, v in enumerate(vx):
            if not -limit <= v <= limit:
                raise ValueError(f"x[{i}] is {format_number(v, 2, trim=True)}, outside the slider "
                                 f"range −{format_number(limit)} … {format_number(limit)}. Use a "
                                 "smaller number, or pass a larger limit=.")
        self.M = rows
        self.sliders = [
            FiniteSlider(value=float(v), min=-limit, max=limit, step=0.1,
                          description=f"x{i + 1}", readout_format=".1f", continuous_update=True,
                          style={"description_width": "3em"}, layout=widgets.Layout(width="20em"))
            for i, v in enumerate(vx)
        ]
        self.table = widgets.HTML()
        self.table.add_class(LIVE)  # read out when a slider moves
        super().__init__([widgets.HTML("<b>move x</b>"), *self.sliders, self.table,
                          AccessibleControls()], **kwargs)
        for s in self.sliders:
            s.observe(self._update, names="value")
        self._update()

    # A slider moved in the browser sends 0.7999999999999998 for 0.8; rounding to 10
    # places gives back the number the learner sees.
    @property
    def x(self) -> list[float]:
        """The sliders' values; whole numbers as ``int`` so the working shows 2·1 = 2, not 2.00."""
        values = [round(s.value, 10) for s in self.sliders]
        return [int(v) if v.is_integer() else v for v in values]

    @property
    def working(self) -> MatVecWorking:
        return matvec_working(self.M, self.x)

    @property
    def result(self) -> list[float]:
        return [float(v) for v in self.working.result]

    def set_x(self, values: Sequence[float]) -> None:
        """Move every slider at once (each value checked first)."""
        vx = as_vector(values, "x")
        if len(vx) != len(self.sliders):
            raise ValueError(f"x has {len(vx)} entries but M has {len(self.sliders)} columns; "
                             "give one number per column.")
        for i, v in enumerate(vx):
            if not self.sliders[0].min <= v <= self.sliders[0].max:
                raise ValueError(f"x[{i}] is {format_number(v, 2, trim=True)}, outside the "
                                 "slider range.")
        for s, v in zip(self.sliders, vx, strict=True):
            s.value = float(v)

    def _update(self, change: object = None) -> None:
        w = self.working
        cells = "".join(
            f"<tr><th scope='row'>row {i + 1}</th><td>{html.escape(str(r))}</td></tr>"
            for i, r in enumerate(w.rows)
        )
        result = html.escape(str(w).splitlines()[-1])
        self.table.value = (
            "<table style='font-family: monospace'>"
            "<caption style='caption-side: top; text-align: left; white-space: nowrap'>"
            "M x: one dot product per row of M</caption>"
            f"{cells}<tr><th scope='row'>result</th><td><b>{result}</b></td></tr></table>"
        )

    def _repr_text(self) -> str:
        return f"MatVecWidget: M x, one dot product per row\n{self.working}"
