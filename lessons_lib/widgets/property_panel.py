"""The property panel of lesson 05: every dot-product law, live on the dragged vectors.

:class:`PropertyPanel` observes a :class:`~lessons_lib.widgets.VectorPlayground`
(any object with observable ``a`` and ``b`` traitlets will do) and, each time a
tip is dragged, shows both sides of each property of the dot product evaluated
on the new vectors (commutative, scalar rule, distributive, a·a = ‖a‖²,
Cauchy–Schwarz). The arithmetic is :func:`lessons_lib.properties.dot_properties`.

Examples
--------
>>> import traitlets
>>> class Tips(traitlets.HasTraits):   # stands in for a VectorPlayground
...     a = traitlets.List([1.8, 1.2])
...     b = traitlets.List([0.8, 1.8])
>>> tips = Tips()
>>> panel = PropertyPanel(tips)
>>> panel.report["commutative"].left   # summed left to right: the same bits on every CPU
3.6000000000000005
>>> tips.a = [2.0, 0.0]
>>> panel.report["self dot"].left
4.0
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from lessons_lib.properties import PropertyReport, dot_properties
from lessons_lib.widgets._common import TextReprMixin

__all__ = ["PropertyPanel"]


class PropertyPanel(TextReprMixin, widgets.VBox):
    """A live table of the dot-product properties for a playground's vectors (lesson 05).

    Parameters
    ----------
    playground : VectorPlayground (or any HasTraits with ``a`` and ``b``)
        The widget whose vectors are checked.
    c : sequence of 2 numbers, optional
        The third vector of the distributive law (default ``[1, −1]``).
    k : float, default 3
        The scalar of the scalar rule.
    large_text : bool, default False
        Bigger table for a classroom projector.

    Attributes
    ----------
    report : PropertyReport
        The latest evaluation (updated on every drag).
    """

    def __init__(self, playground: Any, *, c: Sequence[float] | None = None, k: float = 3.0,
                 large_text: bool = False, **kwargs: Any) -> None:
        if not (hasattr(playground, "observe") and hasattr(playground, "a")
                and hasattr(playground, "b")):
            raise TypeError(
                "PropertyPanel needs a widget with vectors a and b to watch, e.g. "
                "pg = VectorPlayground(); PropertyPanel(pg)."
            )
        # Check the arguments before the widget exists, so a bad one raises cleanly
        # (no half-built widget left behind for the garbage collector to complain about).
        report = dot_properties(playground.a, playground.b, None if c is None else list(c), k)
        super().__init__(**kwargs)
        self.playground = playground
        self._c = None if c is None else list(c)
        self._k = k
        self._size = "1.4em" if large_text else "1em"
        self.table = widgets.HTML()
        self.report: PropertyReport = report
        self.children = (widgets.HTML("<b>Properties on your vectors</b> "
                                      "(drag a or b above; every row updates)"), self.table)
        playground.observe(self._update, names=["a", "b"])
        self._update()

    def _update(self, change: dict[str, Any] | None = None) -> None:
        if self.playground is None:
            return
        self.report = dot_properties(self.playground.a, self.playground.b, self._c, self._k)
        verdict = ("all five laws hold (equal sides agree to within rounding)"
                   if self.report.all_hold else "a law failed: please report this as a bug")
        self.table.value = (f'<div style="font-size:{self._size}">{self.report.to_html()}'
                            f"<div>{verdict}</div></div>")

    def close(self) -> None:
        """Stop watching the playground and close the panel."""
        playground = getattr(self, "playground", None)  # absent if __init__ failed
        if playground is not None:
            playground.unobserve(self._update, names=["a", "b"])
            self.playground = None  # close() may run again from __del__
        super().close()

    def _repr_text(self) -> str:
        return f"PropertyPanel\n{self.report}"

