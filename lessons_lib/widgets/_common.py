"""Small helpers shared by the lesson widgets (not taught in any lesson).

* :class:`Vector` — a traitlet holding a vector of a fixed length, checked by
  :func:`lessons_lib._validate.as_vector` so that a bad value raises a
  ``traitlets.TraitError`` that names the problem *and* the fix, and leaves the
  widget unchanged.
* :class:`TextReprMixin` — a deterministic ``__repr__`` for a widget. Where no
  widget front end runs (nbval, nbconvert, GitHub's preview) the ``text/plain``
  repr is all a reader sees, so it must never hold a memory address or an id.
* :func:`asset` — the path of a widget's ``.js``/``.css`` file (package data).

Importing this module loads traitlets (but not ipywidgets/anywidget); only the
widget modules import it, never ``lessons_lib/__init__.py``.

Examples
--------
>>> import traitlets
>>> class Arrow(traitlets.HasTraits):
...     tip = Vector(length=2, default_value=(1, 2))
>>> Arrow().tip
[1.0, 2.0]
>>> Arrow(tip=[1, 2, 3])
Traceback (most recent call last):
...
traitlets.traitlets.TraitError: tip has 3 numbers, but it must have exactly 2 ...
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import traitlets

from lessons_lib._validate import as_number, as_vector

__all__ = ["MAX_ABS", "SyncGuard", "TextReprMixin", "Vector", "asset", "is_zero", "stylesheet",
           "widget_vector"]

#: Largest absolute component a widget accepts: far beyond anything drawable,
#: small enough that products and squares can never overflow a float.
MAX_ABS = 1e6


def asset(filename: str) -> Path:
    """Path of a file shipped beside this module (``vector_playground.js`` ...).

    Examples
    --------
    >>> asset("vector_playground.js").name
    'vector_playground.js'
    """
    path = Path(__file__).with_name(filename)
    if not path.is_file():  # pragma: no cover - a broken install
        raise FileNotFoundError(
            f"the widget file {filename} is missing from the installed lessons_lib. "
            "Reinstall the package (pip install -e .) so its .js/.css package data is included."
        )
    return path


def esm(filename: str) -> str:
    """A widget's ES module with its relative imports resolved, for anywidget's ``_esm``.

    See :mod:`lessons_lib.widgets._esm`: each ``.js`` file is a real module that
    imports what it uses; this joins them into one, in Python, with no build step.

    Examples
    --------
    >>> source = esm("vector_playground.js")
    >>> "function attachTip" in source and "export default" in source
    True
    """
    from lessons_lib.widgets._esm import inline

    return inline(filename)


def stylesheet(filename: str) -> str:
    """A drawing widget's CSS for anywidget's ``_css``: the shared palette, the shared
    frame, then its own file.

    The colours (``--lp-a``, ``--lp-query``, …, light and dark) come from
    :func:`lessons_lib.palette.stylesheet`; the frame (class ``lp-frame`` on the widget's
    root: colours, font, border, padding) from ``_frame.css``; ``filename`` only uses them.

    Examples
    --------
    >>> css = stylesheet("vector_playground.css")
    >>> css.index("--lp-a:") < css.index(".vp-svg")
    True
    """
    from lessons_lib.palette import stylesheet as palette

    return "\n".join([palette(), asset("_frame.css").read_text(encoding="utf-8"),
                      asset(filename).read_text(encoding="utf-8")])


def slider_limit(limit: object) -> float:
    """The ``limit=`` of a slider widget: a positive number up to :data:`MAX_ABS`.

    Examples
    --------
    >>> slider_limit(3)
    3.0
    >>> slider_limit(-1)
    Traceback (most recent call last):
    ...
    ValueError: limit is −1, but the sliders run from −limit to +limit, so it must be ...
    """
    value = float(as_number(limit, "limit"))
    if not 0 < value <= MAX_ABS:
        shown = f"{value:g}".replace("-", "\N{MINUS SIGN}")
        raise ValueError(
            f"limit is {shown}, but the sliders run from −limit to +limit, so it must be a "
            f"positive number up to {MAX_ABS:,.0f}. Use e.g. limit = 3."
        )
    return value


def widget_vector(value: object, name: str, length: int | None = None) -> list[float]:
    """Validate ``value`` as a vector (optionally of a fixed ``length``) of finite floats.

    Raises ``TypeError``/``ValueError`` with a problem-and-fix message, exactly
    like every public function of :mod:`lessons_lib`.

    Examples
    --------
    >>> widget_vector((3, 4), "a", 2)
    [3.0, 4.0]
    >>> widget_vector([1, 2, 3], "a", 2)
    Traceback (most recent call last):
    ...
    ValueError: a has 3 numbers, but it must have exactly 2 ...
    """
    numbers = as_vector(value, name)
    if length is not None and len(numbers) != length:
        example = ", ".join(str(i + 1) for i in range(length))
        raise ValueError(
            f"{name} has {len(numbers)} number{'s' if len(numbers) != 1 else ''}, but it must "
            f"have exactly {length} (this widget draws {length}-D vectors: one number per "
            f"axis). Give {length} numbers, e.g. {name} = [{example}]."
        )
    for i, x in enumerate(numbers):
        if abs(x) > MAX_ABS:
            raise ValueError(
                f"{name}[{i}] is {x}, too large to draw (the widget accepts numbers between "
                f"−{MAX_ABS:,.0f} and {MAX_ABS:,.0f}). Scale the vector down."
            )
    return [float(x) + 0.0 for x in numbers]  # + 0.0 turns −0.0 into 0.0


class Vector(traitlets.TraitType[list[float], Sequence[float]]):
    """A traitlet holding a list of ``length`` finite floats, checked by ``as_vector``.

    Any list, tuple or 1-D NumPy array of numbers is accepted and stored as a
    list of floats; anything else raises ``traitlets.TraitError`` (the value
    is not changed).

    Parameters
    ----------
    length : int or None
        The required number of components (``None``: any length ≥ 1).
    default_value : sequence of numbers
    """

    info_text = "a vector (a list of numbers)"

    def __init__(self, length: int | None = 2, default_value: Any = (0.0, 0.0),
                 **kwargs: Any) -> None:
        self.length = length
        super().__init__(
            default_value=widget_vector(default_value, "default", length), **kwargs
        )

    def validate(self, obj: Any, value: Any) -> list[float]:
        try:
            return widget_vector(value, self.name or "value", self.length)
        except (TypeError, ValueError) as error:
            raise traitlets.TraitError(str(error)) from None


class SyncGuard:
    """Keep the browser and Python in agreement when Python refuses an update.

    A widget's front end sends new values (a dragged tip, a slider) as a state update;
    ipywidgets sets them one by one, and a value the trait refuses (``TraitError``) is
    only logged, so the page would go on showing a value Python never took. A read-only
    trait (``sign_rules``, ``temperature_range``) would even be overwritten. With this
    mixin (before the widget base class), read-only traits are never set from the front
    end, a refused update changes nothing in Python (traitlets rolls the whole update
    back), and in both cases the values Python kept are sent back, so the page shows them.

    Examples
    --------
    >>> import ipywidgets
    >>> class Slider(SyncGuard, ipywidgets.FloatSlider):
    ...     pass
    >>> s = Slider(value=1.0, max=10.0)
    >>> sent = []
    >>> s._send = lambda msg, buffers=None: sent.append(msg)
    >>> s.set_state({"value": "not a number"})
    >>> s.value, sent[-1]["state"]["value"]
    (1.0, 1.0)
    """

    def set_state(self, sync_data: dict[str, Any]) -> None:
        traits = self.traits()  # type: ignore[attr-defined]
        refused = [k for k in sync_data if k in traits and traits[k].read_only]
        accepted = {k: v for k, v in sync_data.items() if k not in refused}
        error: traitlets.TraitError | None = None
        try:
            super().set_state(accepted)  # type: ignore[misc]
        except traitlets.TraitError as exc:
            error = exc
        if refused or error is not None:
            names = [k for k in sync_data if k in self.keys]  # type: ignore[attr-defined]
            self.send_state(names)  # type: ignore[attr-defined]
        if error is not None:
            self.log.warning("kept %s: %s", ", ".join(sync_data), error)  # type: ignore[attr-defined]


class TextReprMixin:
    """Give a widget a deterministic ``__repr__`` built by its ``_repr_text()``.

    ``anywidget`` (0.11) puts ``repr(widget)`` in the ``text/plain`` part of the
    widget's MIME bundle, next to the interactive view. The default is
    ``<... object at 0x7f...>``, which differs on every run; this mixin replaces
    it with a description of the widget's state.

    Examples
    --------
    >>> class Thing(TextReprMixin):
    ...     def _repr_text(self):
    ...         return "Thing(size=3)"
    >>> Thing()
    Thing(size=3)
    """

    def _repr_text(self) -> str:  # pragma: no cover - subclasses override
        raise NotImplementedError

    def __repr__(self) -> str:
        return self._repr_text()

    def _repr_mimebundle_(self, **kwargs: object) -> Any:
        """The widget's bundle with the *whole* text form as ``text/plain``.

        ipywidgets cuts ``text/plain`` at 110 characters ("kitten…"); nbval, GitHub
        and nbconvert show only that text, so every widget replaces it with its
        full, deterministic ``repr``.
        """
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if data is not None:
            data["text/plain"] = repr(self)
        return bundle


def is_zero(vector: Sequence[float]) -> bool:
    """True if every component is exactly 0 (a vector with no direction).

    Examples
    --------
    >>> is_zero([0.0, -0.0]), is_zero([0.0, 0.1])
    (True, False)
    """
    return all(x == 0 for x in vector)

