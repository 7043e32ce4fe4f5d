"""The neuron widget of lesson 04: move weights, bias and inputs; watch z and σ(z).

Built from standard ipywidgets (sliders + an HTML readout), so it works in
JupyterLab 4, Notebook 7, VS Code and Colab, and every slider is reachable with Tab
and moved with the arrow keys; the invisible
:class:`~lessons_lib.widgets.sliders.AccessibleControls` beside them gives each slider
its label as a name and has the readout announced to screen readers. All the
arithmetic is :func:`lessons_lib.neurons.neuron`.

Examples
--------
>>> w = NeuronWidget(w=[0.8, -0.5], x=[1.0, 2.0], b=0.1)
>>> w                                                   # doctest: +NORMALIZE_WHITESPACE
NeuronWidget: z = w·x + b = 0.8·1 + (−0.5)·2 + 0.1 = 0.80 − 1.00 + 0.10 = −0.10;
a = σ(z) = σ(−0.10) ≈ 0.4750
>>> w.set_weights([2, 0])
>>> round(w.z, 2), round(w.a, 4)
(2.1, 0.8909)
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from lessons_lib._validate import as_number, as_vector, same_length
from lessons_lib.formatting import format_number
from lessons_lib.neurons import NeuronOutput, neuron, sigmoid
from lessons_lib.palette import FAINT, LIGHT, TICK
from lessons_lib.widgets._common import TextReprMixin, slider_limit
from lessons_lib.widgets.sliders import LIVE, AccessibleControls, FiniteSlider

__all__ = ["NeuronWidget", "sigmoid_svg"]

_BLUE, _VERMILLION, _GREEN = LIGHT["a"], LIGHT["b"], LIGHT["proj"]


def _verdict(z: float) -> str:
    if z > 0.05:
        return "z > 0 → σ(z) > 0.5: the neuron leans towards “yes”"
    if z < -0.05:
        return "z < 0 → σ(z) < 0.5: the neuron leans towards “no”"
    return "z ≈ 0 → σ(z) ≈ 0.5: undecided"


def _finite_z(z: object) -> float:
    value = float(as_number(z, "z"))
    if not math.isfinite(value):
        raise OverflowError("z is too large to draw. Scale the weights or inputs down.")
    return value


def sigmoid_svg(z: float, z_range: float = 8.0, width: int = 260, height: int = 120) -> str:
    """A small inline SVG of σ on [−z_range, z_range] with a dot at (z, σ(z)).

    Plain SVG markup (no JavaScript, no CDN), deterministic for a given z. The z axis is
    labelled below the curve (−z_range, 0, z_range, each as "z = …"); the two levels σ = 0
    and σ = 1 are labelled where the curve is not, so no label reads as part of the z axis.

    Examples
    --------
    >>> svg = sigmoid_svg(0.0)
    >>> svg.startswith("<svg") and 'cx="130.0"' in svg and 'cy="53.0"' in svg
    True
    >>> [t.split(">")[1].split("<")[0] for t in svg.split("<text")[1:]]
    ['σ = 1', 'σ = 0', 'z = −8', 'z = 0', 'z = 8']
    """
    z = _finite_z(z)
    bottom = height - 24  # σ = 0; the strip below holds the z labels

    def px(zv: float) -> float:
        return round((zv + z_range) / (2 * z_range) * width, 1)

    def py(av: float) -> float:
        return round(bottom - av * (bottom - 10), 1)

    steps = 60
    pts = " ".join(
        f"{px(-z_range + 2 * z_range * i / steps)},"
        f"{py(float(sigmoid(-z_range + 2 * z_range * i / steps)))}"
        for i in range(steps + 1)
    )
    zc = max(-z_range, min(z_range, z))
    small = 'font-size="11" fill="currentColor"'
    ticks = "".join(
        f'<line x1="{px(v)}" y1="{bottom}" x2="{px(v)}" y2="{bottom + 4}" stroke="{TICK}"/>'
        f'<text x="{px(v) + dx}" y="{height - 4}" text-anchor="{anchor}" {small}>'
        f"z = {format_number(v)}</text>"
        for v, anchor, dx in ((-z_range, "start", 1), (0.0, "middle", 0), (z_range, "end", -1))
    )
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="sigmoid curve with the current z marked">'
        f'<line x1="0" y1="{py(0.5)}" x2="{width}" y2="{py(0.5)}" stroke="{FAINT}" '
        f'stroke-dasharray="4 3"/>'
        f'<line x1="{px(0)}" y1="0" x2="{px(0)}" y2="{bottom}" stroke="{FAINT}"/>'
        f'<line x1="0" y1="{bottom}" x2="{width}" y2="{bottom}" stroke="{TICK}"/>'
        f'<polyline points="{pts}" fill="none" stroke="{_BLUE}" stroke-width="2.5"/>'
        f'<circle cx="{px(zc)}" cy="{py(float(sigmoid(zc)))}" r="6" fill="{_VERMILLION}"/>'
        f'<text x="4" y="{py(1.0) + 4}" {small}>σ = 1</text>'
        f'<text x="{width - 4}" y="{bottom - 4}" text-anchor="end" {small}>σ = 0</text>'
        f"{ticks}</svg>"
    )


def _in_range(value: float, limit: float, name: str) -> float:
    if not -limit <= value <= limit:
        raise ValueError(
            f"{name} is {format_number(value, 2, trim=True)}, outside the slider range "
            f"−{format_number(limit)} … {format_number(limit)}. Use a smaller number, or pass "
            f"a larger limit= to NeuronWidget."
        )
    return value


def _move(sliders: list[widgets.FloatSlider], values: Sequence[float], name: str,
          current: str, what: str) -> None:
    """Check every new value first (length, range), then move the sliders together."""
    checked = as_vector(values, name)
    same_length(checked, sliders, names=(name, current), what=what)
    for i, v in enumerate(checked):
        _in_range(v, sliders[0].max, f"{name}[{i}]")
    for s, v in zip(sliders, checked, strict=True):
        s.value = float(v)


def _slider(description: str, value: float, limit: float, name: str) -> widgets.FloatSlider:
    _in_range(value, limit, name)
    return FiniteSlider(value=value, min=-limit, max=limit, step=0.1,
                               description=description, readout_format=".1f",
                               continuous_update=True,
                               style={"description_width": "4em"},
                               layout=widgets.Layout(width="22em"))


class NeuronWidget(TextReprMixin, widgets.VBox):
    """Sliders for the weights, inputs and bias of one neuron, with live z and σ(z) (lesson 04).

    Parameters
    ----------
    w : sequence of numbers
        Starting weights (1 to 6 of them).
    x : sequence of numbers
        Starting inputs, same length as ``w``.
    b : float, default 0
        Starting bias.
    labels : sequence of str, optional
        Names of the inputs (default ``x1``, ``x2`` …).
    limit : float, default 3
        Every slider runs from −limit to +limit.
    large_text : bool, default False
        Bigger readout for a classroom projector.

    Attributes
    ----------
    output : NeuronOutput
        What the neuron computes now (``.z``, ``.a``, ``.working``).
    """

    def __init__(self, w: Sequence[float] = (0.8, -0.5), x: Sequence[float] = (1.0, 2.0),
                 b: float = 0.1, *, labels: Sequence[str] | None = None, limit: float = 3.0,
                 large_text: bool = False, **kwargs: Any) -> None:
        limit = slider_limit(limit)
        vw, vx = as_vector(w, "w"), as_vector(x, "x")
        same_length(vw, vx, names=("w", "x"), what="a neuron")
        if len(vw) > 6:
            raise ValueError(f"w has {len(vw)} weights; the widget shows at most 6 sliders per "
                             "row. Use lessons_lib.neurons.neuron(w, x, b) for longer vectors.")
        (bias,) = as_vector([b], "b")
        names = list(labels) if labels is not None else [f"x{i + 1}" for i in range(len(vw))]
        if len(names) != len(vw):
            raise ValueError(f"{len(names)} labels for {len(vw)} inputs: give one label each.")
        self._names = names
        self._large = large_text
        self.w_sliders = [_slider(f"w{i + 1}", float(v), limit, f"w[{i}]")
                          for i, v in enumerate(vw)]
        self.x_sliders = [_slider(names[i], float(v), limit, f"x[{i}]")
                          for i, v in enumerate(vx)]
        self.b_slider = _slider("bias b", float(bias), limit, "b")
        self.readout = widgets.HTML()
        self.readout.add_class(LIVE)  # read out when a slider moves
        columns = widgets.HBox([
            widgets.VBox([widgets.HTML("<b>weights w</b>"), *self.w_sliders, self.b_slider]),
            widgets.VBox([widgets.HTML("<b>inputs x</b>"), *self.x_sliders]),
        ])
        super().__init__([columns, self.readout, AccessibleControls()], **kwargs)
        for s in (*self.w_sliders, *self.x_sliders, self.b_slider):
            s.observe(self._update, names="value")
        self._update()

    # -- state ---------------------------------------------------------------
    # A slider moved in the browser sends 0.7999999999999998 for 0.8 (steps of 0.1 in
    # binary); rounding to 10 places gives back the number the learner sees.
    @property
    def w(self) -> list[float]:
        return [round(s.value, 10) for s in self.w_sliders]

    @property
    def x(self) -> list[float]:
        return [round(s.value, 10) for s in self.x_sliders]

    @property
    def b(self) -> float:
        return round(float(self.b_slider.value), 10)

    @property
    def output(self) -> NeuronOutput:
        return neuron(self.w, self.x, self.b)

    @property
    def z(self) -> float:
        return self.output.z

    @property
    def a(self) -> float:
        return self.output.a

    def set_weights(self, w: Sequence[float]) -> None:
        """Move the weight sliders (same number of weights as before)."""
        _move(self.w_sliders, w, "w", "the widget's weights", "set_weights")

    def set_inputs(self, x: Sequence[float]) -> None:
        """Move the input sliders."""
        _move(self.x_sliders, x, "x", "the widget's inputs", "set_inputs")

    # -- display -------------------------------------------------------------
    def _update(self, change: dict[str, Any] | None = None) -> None:
        out = self.output
        size = "1.5em" if self._large else "1.1em"
        # the two lines of NeuronOutput (one rule for = and ≈: σ(z) is rounded unless z = 0)
        z_line, a_line = str(out).split("\n")
        head, _, value = a_line.rpartition(" ")
        self.readout.value = (
            f'<div style="font-size:{size};line-height:1.5">'
            f"<div>{html.escape(z_line)}</div>"
            f"<div>{html.escape(head)} <b>{html.escape(value)}</b></div>"
            f"<div>{html.escape(_verdict(out.z))}</div></div>"
            f"{sigmoid_svg(out.z)}"
        )

    def _repr_text(self) -> str:
        out = self.output
        return "NeuronWidget: " + "; ".join(str(out).split("\n"))

