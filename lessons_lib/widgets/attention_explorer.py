"""AttentionExplorer: drag a query and some keys, watch scores and softmax weights (lesson 07).

Source 004's "attention score demo — adjust query and key vectors to see how dot
products create attention patterns", which it marked "coming soon". One line::

    AttentionExplorer()

A 2-D **query** (the current token, *cat*) and up to four 2-D **keys** (*milk*,
*car*, *the* by default) are arrows with draggable tips (mouse/touch, or Tab to a
tip and use the arrow keys: 0.1 per press, 1.0 with Shift). For every key the
panel shows the raw score q·k, the scaled score q·k/√d_k (d_k = 2) and the softmax
weight as a bar, all recomputed in the browser on every move. A checkbox turns the
√d_k scaling off, a slider sets the softmax temperature.

When a drag ends (or a key is pressed) the vectors are sent to Python, where the
read-only :attr:`scores`, :attr:`scaled_scores` and :attr:`weights` are recomputed
with :mod:`lessons_lib.attention`. Set :attr:`query`, :attr:`key_vectors`,
:attr:`scale` or :attr:`temperature` from Python to move the picture.

The keys live in :attr:`key_vectors` (not ``keys``: every ipywidget already has a
``keys`` attribute, the list of its synced traits).

Examples
--------
>>> w = AttentionExplorer()
>>> w
AttentionExplorer(query cat = [0, 1], scaled by √2, temperature 1)
key   vector         q·k  q·k/√d_k  weight
milk  [1.2, 0.8]    0.80      0.57    0.39
car   [−0.6, 1.1]   1.10      0.78    0.49
the   [0.3, −0.9]  −0.90     −0.64    0.12
>>> w.query = w.key_vectors[0]             # point the query the way milk points
>>> w.tokens[max(range(3), key=lambda i: w.weights[i])]
'milk'
"""

from __future__ import annotations

import math
from typing import Any

import anywidget
import numpy as np
import traitlets

from lessons_lib._validate import as_number, refuse_masked
from lessons_lib.attention import attention_scores, format_table, softmax
from lessons_lib.formatting import format_number, format_vector
from lessons_lib.widgets._common import (
    SyncGuard,
    TextReprMixin,
    Vector,
    esm,
    stylesheet,
    widget_vector,
)

__all__ = ["AttentionExplorer"]

MAX_KEYS = 4
#: The drawing's default half-width: the grid shows −2.5 … 2.5 on each axis.
DEFAULT_EXTENT = 2.5
#: The widest and narrowest drawing ``extent=`` may ask for (ticks stay readable).
EXTENT_RANGE = (1.0, 10.0)
#: The dimension of the explorer's queries and keys (they are drawn in a plane).
D_K = 2
#: Lowest and highest softmax temperature the explorer accepts (Python and its slider).
TEMPERATURE_RANGE = (0.1, 10.0)
DEFAULT_QUERY = (0.0, 1.0)
DEFAULT_TOKENS = ("milk", "car", "the")
DEFAULT_KEYS = ((1.2, 0.8), (-0.6, 1.1), (0.3, -0.9))


def root_text(n: int) -> str:
    """How the lessons write √n (the explorer's check box and text view show it).

    Examples
    --------
    >>> root_text(2), root_text(64)
    ('√2', '√64')
    """
    return f"√{n}"


class _Number(traitlets.Float):
    """A Float trait that refuses True/False (traitlets would read True as 1.0)."""

    def validate(self, obj: Any, value: Any) -> float:
        try:
            return float(as_number(value, self.name or "value"))
        except (TypeError, ValueError, OverflowError) as error:
            raise traitlets.TraitError(str(error)) from None


def _within(name: str, value: float, bounds: tuple[float, float], why: str) -> float:
    """``value`` as a float if it lies in ``bounds``; else a TraitError naming the range."""
    low, high = bounds
    if not (math.isfinite(value) and low <= value <= high):
        shown = format_number(value, trim=True) if math.isfinite(value) else repr(value)
        raise traitlets.TraitError(
            f"{name} is {shown}, but it must be between {low:g} and {high:g} {why}"
        )
    return float(value)


def _one_label_per_key(keys: int, labels: int, changed: str) -> None:
    """A TraitError when the keys and their labels no longer pair up; ``changed`` is the
    trait being set (``"key_vectors"`` or ``"tokens"``), which the message starts from."""
    if keys == labels:
        return
    if changed == "key_vectors":
        problem = (f"key_vectors has {keys} keys but tokens has {labels} labels. To change how "
                   "many keys there are")
    else:
        problem = (f"tokens has {labels} labels but there are {keys} keys. Give one label per "
                   "key, or")
    raise traitlets.TraitError(f"{problem}, use w.set_keys(tokens, key_vectors).")


class AttentionExplorer(TextReprMixin, SyncGuard, anywidget.AnyWidget):
    """A draggable 2-D query and keys with live scores and softmax weights (lesson 07).

    Parameters
    ----------
    query : 2 numbers, default [0, 1]
        The query vector of the current token.
    key_vectors : list of 1–4 pairs of numbers, default milk/car/the
        One key vector per token.
    tokens : list of str, default ["milk", "car", "the"]
        One label per key.
    query_token : str, default "cat"
        The label of the query.
    scale : bool, default True
        Divide the scores by √d_k = √2 before softmax.
    temperature : float, default 1.0
        Softmax temperature, between 0.1 and 10 (larger = flatter weights).
    extent : float, default 2.5
        The drawing shows −extent … extent on each axis (between 1 and 10); every
        vector must lie inside it, so that its tip can be grabbed.

    Attributes
    ----------
    d_k : int
        Read-only: 2, the dimension of the vectors (the scaling divides by √d_k).
    scale_label : str
        Read-only: "√2", how the page writes √d_k (from :func:`root_text`).
    scores, scaled_scores, weights : list of float
        Read-only, recomputed with :mod:`lessons_lib.attention` after every change:
        q·k, the score actually fed to softmax (q·k/√d_k when ``scale``, divided by
        the temperature's effect inside softmax), and the softmax weights.

    Raises
    ------
    traitlets.TraitError
        For a bad vector, a wrong number of tokens, or a temperature out of range;
        the message says how to fix it, and the widget keeps its previous state.

    Examples
    --------
    >>> w = AttentionExplorer()
    >>> w.temperature = 0
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: temperature is 0, but it must be between 0.1 and 10 ...
    >>> w.temperature
    1.0
    >>> AttentionExplorer(query=[3, 0])
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: query is [3, 0], but the drawing shows −2.5 … 2.5 ...
    """

    _esm = esm("attention_explorer.js")
    _css = stylesheet("attention_explorer.css")

    query = Vector(length=2, default_value=DEFAULT_QUERY).tag(sync=True)
    # each key is checked by _check_keys (clear messages), so no inner trait type here
    key_vectors = traitlets.List(default_value=[list(k) for k in DEFAULT_KEYS]).tag(sync=True)
    tokens = traitlets.List(traitlets.Unicode(), default_value=list(DEFAULT_TOKENS)).tag(sync=True)
    query_token = traitlets.Unicode("cat").tag(sync=True)
    scale = traitlets.Bool(True).tag(sync=True)
    temperature = _Number(1.0).tag(sync=True)
    #: The temperature slider's range, sent to the browser (one rule, one home).
    temperature_range = traitlets.Tuple(default_value=TEMPERATURE_RANGE, read_only=True).tag(
        sync=True)

    #: The drawing's limits, sent to the browser; Python refuses a vector outside them.
    extent = _Number(DEFAULT_EXTENT).tag(sync=True)
    d_k = traitlets.Int(D_K, read_only=True).tag(sync=True)
    scale_label = traitlets.Unicode(root_text(D_K), read_only=True).tag(sync=True)

    scores = traitlets.List(traitlets.Float(), read_only=True)
    scaled_scores = traitlets.List(traitlets.Float(), read_only=True)
    weights = traitlets.List(traitlets.Float(), read_only=True)


    @classmethod
    def front_end_controls(cls, state: dict[str, Any]) -> list[str]:
        """What a learner can operate in a view with this (stored) ``state``.

        Used by the control inventory (``python -m tools.controls``): the query's tip and
        each key's tip, the "divide by √d_k" check box and the temperature slider.
        """
        keys = state.get("key_vectors", DEFAULT_KEYS)
        return ["tip"] * (len(keys) + 1) + ["checkbox", "range"]
    def __init__(self, query: Any = DEFAULT_QUERY, key_vectors: Any = DEFAULT_KEYS,
                 tokens: Any = DEFAULT_TOKENS, *, query_token: str = "cat", scale: bool = True,
                 temperature: float = 1.0, extent: float = DEFAULT_EXTENT,
                 **kwargs: Any) -> None:
        if isinstance(key_vectors, np.ndarray):  # the List trait takes lists only
            refuse_masked(key_vectors, "key_vectors")
            key_vectors = key_vectors.tolist()
        elif not isinstance(key_vectors, (list, tuple)):
            raise traitlets.TraitError(
                f"key_vectors must be a list of 1 to {MAX_KEYS} keys, each two numbers, e.g. "
                "[[1.2, 0.8], [-0.6, 1.1]]."
            )
        super().__init__(query=query, key_vectors=key_vectors, tokens=list(tokens),
                         query_token=query_token, scale=scale, temperature=temperature,
                         extent=extent, **kwargs)
        self._recompute()

    # ------------------------------------------------------------ validation
    @traitlets.validate("key_vectors")
    def _check_keys(self, proposal: dict[str, Any]) -> list[list[float]]:
        value = proposal["value"]
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if not isinstance(value, (list, tuple)) or not 1 <= len(value) <= MAX_KEYS:
            raise traitlets.TraitError(
                f"key_vectors must be a list of 1 to {MAX_KEYS} keys, each two numbers, e.g. "
                "[[1.2, 0.8], [-0.6, 1.1]]."
            )
        try:
            keys = [widget_vector(k, f"key_vectors[{i}]", 2) for i, k in enumerate(value)]
        except (TypeError, ValueError) as error:
            raise traitlets.TraitError(str(error)) from None
        for i, key in enumerate(keys):
            self._refuse_outside(key, f"key_vectors[{i}]", self.extent)
        _one_label_per_key(len(keys), len(self.tokens), changed="key_vectors")
        return keys

    @traitlets.validate("query")
    def _check_query(self, proposal: dict[str, Any]) -> Any:
        self._refuse_outside(proposal["value"], "query", self.extent)
        return proposal["value"]

    @traitlets.validate("extent")
    def _check_extent(self, proposal: dict[str, Any]) -> float:
        value = _within("extent", proposal["value"], EXTENT_RANGE,
                        "(the drawing shows −extent … extent on each axis). Use e.g. extent=2.5.")
        if value == self.extent:  # in the constructor: the vectors check themselves
            return float(value)
        vectors = {"query": self.query, **{f"key_vectors[{i}]": k
                                            for i, k in enumerate(self.key_vectors)}}
        for name, vector in vectors.items():
            if any(abs(float(x)) > value for x in vector):
                need = math.ceil(max(abs(float(x)) for x in vector) * 2) / 2
                raise traitlets.TraitError(
                    f"extent is {format_number(value, trim=True)}, but {name} = "
                    f"{format_vector(vector)} would then be off the grid. Move the vectors "
                    f"first, or use extent={format_number(need, trim=True)} or more."
                )
        return float(value)

    @staticmethod
    def _refuse_outside(vector: Any, name: str, extent: float) -> None:
        """A vector whose tip would be off the drawing, where no one could grab it."""
        if all(abs(float(x)) <= extent for x in vector):
            return
        limit = format_number(extent, trim=True)
        wider = math.ceil(max(abs(float(x)) for x in vector) * 2) / 2
        hint = (f", or widen the drawing with extent={format_number(wider, trim=True)}"
                if wider <= EXTENT_RANGE[1] else "")
        raise traitlets.TraitError(
            f"{name} is {format_vector(vector)}, but the drawing shows −{limit} … {limit} on "
            f"each axis, so its tip would be off the grid where it cannot be dragged. Use "
            f"numbers between −{limit} and {limit}{hint}."
        )

    @traitlets.validate("tokens")
    def _check_tokens(self, proposal: dict[str, Any]) -> list[str]:
        value = [str(t) for t in proposal["value"]]
        if not all(t.strip() for t in value):
            raise traitlets.TraitError("every token needs a label, e.g. tokens=['milk', 'car'].")
        _one_label_per_key(len(self.key_vectors), len(value), changed="tokens")
        return value

    @traitlets.validate("temperature")
    def _check_temperature(self, proposal: dict[str, Any]) -> float:
        return _within("temperature", proposal["value"], TEMPERATURE_RANGE,
                       "(1 = plain softmax, larger = flatter, smaller = sharper). Use e.g. "
                       "temperature=1.")

    def set_keys(self, tokens: Any, key_vectors: Any) -> None:
        """Replace the keys and their labels together (the number of keys may change).

        Examples
        --------
        >>> w = AttentionExplorer()
        >>> w.set_keys(["milk", "car"], [[1, 0], [0, 1]])
        >>> w.tokens, w.key_vectors
        (['milk', 'car'], [[1.0, 0.0], [0.0, 1.0]])
        >>> w.set_keys(["milk"], [[1, 0], [0, 1]])
        Traceback (most recent call last):
        ...
        traitlets.traitlets.TraitError: tokens has 1 labels but key_vectors has 2 keys; ...
        """
        if isinstance(tokens, (str, bytes)):
            raise traitlets.TraitError(
                f"tokens is the text {tokens!r}, but it must be a list with one label per key, "
                "e.g. ['milk', 'car']."
            )
        if isinstance(key_vectors, (str, bytes)):
            raise traitlets.TraitError(
                "key_vectors is text, but it must be a list of keys, each two numbers, e.g. "
                "[[1.2, 0.8], [-0.6, 1.1]]."
            )
        tokens = [str(t) for t in tokens]
        keys = list(key_vectors.tolist() if isinstance(key_vectors, np.ndarray) else key_vectors)
        if len(tokens) != len(keys):
            raise traitlets.TraitError(
                f"tokens has {len(tokens)} labels but key_vectors has {len(keys)} keys; give "
                "one label per key."
            )
        with self.hold_trait_notifications():  # validated together; rolled back on error
            self.key_vectors = keys
            self.tokens = tokens

    # ------------------------------------------------------------ computing
    @traitlets.observe("query", "key_vectors", "scale", "temperature")
    def _on_change(self, change: dict[str, Any]) -> None:
        self._recompute()

    def _recompute(self) -> None:
        q = np.asarray([self.query], dtype=float)
        K = np.asarray(self.key_vectors, dtype=float)
        raw = attention_scores(q, K, scale=False)[0]
        scaled = attention_scores(q, K, scale=self.scale)[0]
        self.set_trait("scores", [float(x) for x in raw])
        self.set_trait("scaled_scores", [float(x) for x in scaled])
        self.set_trait("weights", [float(x) for x in softmax(scaled,
                                                             temperature=self.temperature)])

    # ------------------------------------------------------------ display
    def _repr_text(self) -> str:
        how = f"scaled by {self.scale_label}" if self.scale else "not scaled"
        head = (f"AttentionExplorer(query {self.query_token} = {format_vector(self.query)}, "
                f"{how}, temperature {format_number(self.temperature, trim=True)})")
        table = np.column_stack([self.scores, self.scaled_scores, self.weights])
        body = format_table(table, self.tokens, ["q·k", "q·k/√d_k" if self.scale else "score",
                                                 "weight"], corner="key")
        # add the key vectors as a second column, aligned
        vectors = [format_vector(k) for k in self.key_vectors]
        width = max(len("vector"), *(len(v) for v in vectors))
        lines = body.splitlines()
        first = max(len("key"), *(len(t) for t in self.tokens))
        out = [lines[0][:first] + "  " + "vector".ljust(width) + lines[0][first:]]
        for line, vec in zip(lines[1:], vectors, strict=True):
            out.append(line[:first] + "  " + vec.ljust(width) + line[first:])
        return head + "\n" + "\n".join(out)
