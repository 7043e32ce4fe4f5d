"""The ipywidgets sliders of the neuron and matrix–vector widgets, made accessible.

* :class:`FiniteSlider` — a ``FloatSlider`` that refuses NaN and infinity (ipywidgets
  would keep a NaN). A slider moved in the browser sends ``0.7999999999999998`` for 0.8;
  the widgets round to 10 places when they read their sliders.
* :class:`AccessibleControls` — an invisible helper widget. ipywidgets 8 does not name
  a slider's handle, so a screen reader cannot say which slider it is on, and an HTML
  readout changes silently; an ``AccessibleControls()`` added beside the controls runs
  ``accessible_controls.js`` in the page, which copies every slider's visible
  description ("w1", "x2") onto its handle (``aria-label``) and makes every widget with
  the class :data:`LIVE` a polite live region. It has no state and draws nothing.

Examples
--------
>>> s = FiniteSlider(value=0.8, min=-3, max=3, step=0.1, description="w1")
>>> s.value
0.8
>>> s.value = float("nan")
Traceback (most recent call last):
...
traitlets.traitlets.TraitError: w1 cannot be nan: a slider holds a finite number between −3 and 3.
"""

from __future__ import annotations

import math
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from lessons_lib.formatting import format_number
from lessons_lib.widgets._common import SyncGuard, TextReprMixin, esm

__all__ = ["LIVE", "AccessibleControls", "FiniteSlider"]

#: The class (``widget.add_class(LIVE)``) of a readout a screen reader announces.
LIVE = "ll-live"


class FiniteSlider(SyncGuard, widgets.FloatSlider):
    """A FloatSlider that refuses NaN and infinity (see the module doc)."""

    @traitlets.validate("value")
    def _validate_value(self, proposal: dict[str, Any]) -> float:
        value = proposal["value"]
        if isinstance(value, bool) or not math.isfinite(value):
            raise traitlets.TraitError(
                f"{self.description} cannot be {value!r}: a slider holds a finite number "
                f"between {format_number(self.min)} and {format_number(self.max)}."
            )
        # not rounded here: a rounded value echoed back to the browser while the learner
        # holds an arrow key would move the handle back (keys lost); the widgets round
        # when they read the sliders (NeuronWidget.w, MatVecWidget.x)
        return float(super()._validate_value(proposal))


class AccessibleControls(TextReprMixin, anywidget.AnyWidget):
    """Names the sliders and announces the readouts of its output (see the module doc)."""

    _esm = esm("accessible_controls.js")

    @classmethod
    def front_end_controls(cls, state: dict[str, Any]) -> list[str]:
        """Nothing to operate: it is hidden (see the control inventory, tools.controls)."""
        return []

    def _repr_text(self) -> str:
        return "AccessibleControls()"
