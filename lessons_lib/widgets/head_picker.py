"""Pick any layer and head of the real model, see its attention map (lesson 08).

Two drop-down lists (layer 0–5, head 0–11) and the heatmap of that head's attention
weights on the lesson's sentence, taken from the model itself (the shipped file keeps
all 72). Choosing a layer or a head redraws the map at once.

Examples
--------
>>> picker = HeadPicker(layer=0, head=2)
>>> print(repr(picker))                                  # doctest: +NORMALIZE_WHITESPACE
HeadPicker: all-MiniLM-L6-v2, layer 0, head 2 (the model's weights). Each token looks most at:
[CLS]→[CLS], the→[CLS], cat→the(1), drank→cat, the→drank, milk→the(4), near→milk,
the→near, car→the(7), [SEP]→car
>>> picker.select(layer=5, head=11)
>>> picker.layer, picker.head
(5, 11)
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from lessons_lib.embeddings import load_real_head
from lessons_lib.figures import figure_html
from lessons_lib.heatmap import plot_attention
from lessons_lib.widgets._common import TextReprMixin
from lessons_lib.widgets.sliders import LIVE, AccessibleControls

__all__ = ["HeadPicker"]

MODEL = "all-MiniLM-L6-v2"


def _unique(tokens: list[str]) -> list[str]:
    """Token labels made unique by position where a token repeats (the(1), the(4) …)."""
    return [f"{t}({i})" if tokens.count(t) > 1 else t for i, t in enumerate(tokens)]


class HeadPicker(TextReprMixin, widgets.VBox):
    """Choose a layer and a head of the real model; its attention map is redrawn.

    Parameters
    ----------
    layer : int, default 5
        0 to 5.
    head : int, default 11
        0 to 11.
    """

    def __init__(self, layer: int = 5, head: int = 11, **kwargs: Any) -> None:
        self._data = load_real_head()
        n_layers, n_heads = self._data.all_model_weights.shape[:2]
        self._layer = widgets.Dropdown(options=list(range(n_layers)), description="layer")
        self._head = widgets.Dropdown(options=list(range(n_heads)), description="head")
        self._check(layer, head)
        self._layer.value, self._head.value = int(layer), int(head)
        self._summary = widgets.HTML()
        self._summary.add_class(LIVE)
        self._map = widgets.HTML()
        for control in (self._layer, self._head):
            control.observe(lambda _change: self._draw(), names="value")
        super().__init__([widgets.HBox([self._layer, self._head]), self._summary, self._map,
                          AccessibleControls()], **kwargs)
        self._draw()

    def _check(self, layer: object, head: object) -> None:
        for name, value, control in (("layer", layer, self._layer), ("head", head, self._head)):
            options = list(control.options)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
                    or int(value) not in options:
                raise ValueError(f"{name} is {value!r}; {MODEL} has {name}s "
                                 f"{options[0]} to {options[-1]}: give a whole number in "
                                 f"that range, e.g. {name}={options[-1]}.")

    @property
    def layer(self) -> int:
        """The chosen layer."""
        return int(self._layer.value)

    @property
    def head(self) -> int:
        """The chosen head."""
        return int(self._head.value)

    def weights(self) -> np.ndarray:
        """The chosen head's attention weights, shape (tokens, tokens), from the model."""
        return np.asarray(self._data.all_model_weights[self.layer, self.head])

    def select(self, layer: int | None = None, head: int | None = None) -> None:
        """Choose a layer and/or a head from code (as the lists do)."""
        layer = self.layer if layer is None else layer
        head = self.head if head is None else head
        self._check(layer, head)
        with self.hold_sync():
            self._layer.value, self._head.value = int(layer), int(head)

    def title(self) -> str:
        return f"{MODEL}, layer {self.layer}, head {self.head} (the model's weights)"

    def strongest(self) -> str:
        """Each token and the token it gives the largest weight (``cat→the(1)``)."""
        labels = _unique(self._data.tokens)
        w = self.weights()
        return ", ".join(f"{tok}→{labels[int(np.argmax(row))]}"
                         for tok, row in zip(self._data.tokens, w, strict=True))

    def _draw(self) -> None:
        self._summary.value = f"<b>{self.title()}</b>. Each token looks most at: " \
                              f"{self.strongest()}"
        fig = plot_attention(self.weights(), self._data.tokens, self._data.tokens, vmin=0,
                             vmax=1, title=self.title())
        self._map.value = figure_html(fig)  # the image with its text alternative
        plt.close(fig)

    def _repr_text(self) -> str:
        return f"HeadPicker: {self.title()}. Each token looks most at:\n{self.strongest()}"
