"""VectorPlayground: drag the tips of two 2-D vectors and watch a·b, the angle and the sign.

Used in lessons 01 (a + b and 2a), 02 (live a·b with its working and the sign
message) and 03 (angle, cos θ, projection, normalising). One line in a notebook::

    VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])

The browser computes the readouts on every pointer move (no round trip to the
kernel while dragging); when the pointer is released, or a tip is moved with
the keyboard, the new ``a`` and ``b`` are sent to Python, where :attr:`dot`
and :attr:`angle` are recomputed with :func:`lessons_lib.dot` and
:func:`lessons_lib.angle_between`. Setting ``w.a`` or ``w.b`` from Python
redraws the widget.

Where no widget front end runs (nbval, nbconvert, GitHub) the widget shows its
text repr instead, e.g.::

    VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8]): a·b = 3.60, angle = 32.3°, ↑ Positive — ...

Examples
--------
>>> w = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
>>> w
VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8]): a·b = 3.60, angle = 32.3°, ↑ Positive — vectors point in similar directions
>>> w.b = [-1.2, 1.8]
>>> abs(w.dot) < 1e-12, w.angle
(True, 90.0)
>>> w.a = [0, 0]
>>> print(w.angle)
None
"""  # noqa: E501

from __future__ import annotations

from typing import Any

import anywidget
import traitlets

from lessons_lib._validate import as_number
from lessons_lib.formatting import format_fixed as fixed
from lessons_lib.formatting import format_number, format_vector
from lessons_lib.geometry import angle_between, cosine_similarity, sign_message
from lessons_lib.geometry import sign_rules as _sign_rules
from lessons_lib.vectors import dot, norm
from lessons_lib.widgets._common import (
    SyncGuard,
    TextReprMixin,
    Vector,
    esm,
    is_zero,
    stylesheet,
)

__all__ = ["VectorPlayground"]

def _angle_text(a: list[float], b: list[float]) -> str:
    missing = [name for name, v in (("a", a), ("b", b)) if is_zero(v)]
    if missing:
        who = " and ".join(missing)
        return f"undefined — {who} {'has' if len(missing) == 1 else 'have'} zero length"
    return f"{fixed(angle_between(a, b), 1)}°"


class _Grid(traitlets.Int):
    """An Int trait whose type errors speak the lessons' words (the range is checked below)."""

    def validate(self, obj: Any, value: Any) -> int:
        try:
            number = as_number(value, "grid")
        except (TypeError, ValueError, OverflowError) as error:
            raise traitlets.TraitError(f"{error} Use e.g. grid=4.") from None
        if number != int(number):
            raise traitlets.TraitError(f"grid is {value!r}, but it must be a whole number from "
                                       "1 to 20. Use e.g. grid=4.")
        return int(number)


class VectorPlayground(TextReprMixin, SyncGuard, anywidget.AnyWidget):
    """Two draggable 2-D vectors with live a·b, its working, ‖a‖, ‖b‖, angle, cos θ (lessons 01–03).

    Parameters
    ----------
    a, b : list, tuple or 1-D array of 2 numbers
        The starting vectors (default: source 004's ``[1.8, 1.2]`` and ``[0.8, 1.8]``).
    snap : bool, default True
        Dragged tips snap to the 0.1 grid (with ``lock_lengths``: to whole degrees).
    show_projection : bool, default False
        Draw a's shadow on b (the scalar projection ‖a‖ cos θ), dashed.
    show_sum : bool, default False
        Draw a + b with its parallelogram (lesson 01).
    show_double : bool, default False
        Draw 2a (lesson 01).
    normalise : bool, default False
        Show the unit circle and compute the readouts from the unit vectors â, b̂,
        so â·b̂ is the cosine similarity (lesson 03).
    lock_lengths : bool, default False
        Dragging turns a tip around the origin without changing its length, so
        only the angle changes.
    large_text : bool, default False
        Large readouts for a classroom projector.
    show_b : bool, default True
        ``False`` shows only ``a`` (a one-vector warm-up).
    show_dot : bool, default True
        ``False`` hides a·b, its working, the angle, cos θ and the sign sentence: for
        lesson 01, which adds and scales vectors before lesson 02 teaches the dot product.
    grid : int, default 4
        Half-width of the visible grid in units (4 → −4 … 4).

    Attributes
    ----------
    a, b : list of 2 floats
        Synced with the browser; set them to move the arrows, ``.observe`` them to react.
    dot : float
        ``lessons_lib.dot(a, b)``, read-only, recomputed after every change.
    angle : float or None
        ``lessons_lib.angle_between(a, b)`` in degrees, read-only; ``None`` when a
        or b has zero length (the angle is undefined).

    Raises
    ------
    traitlets.TraitError
        If ``a`` or ``b`` is not two finite numbers; the message says how to fix it,
        and the widget keeps its previous value.

    Examples
    --------
    >>> w = VectorPlayground(a=[2, 1], b=[0.8, 1.8])
    >>> w.a, round(w.dot, 2)
    ([2.0, 1.0], 3.4)
    >>> w.a = [1, 2, 3]
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: a has 3 numbers, but it must have exactly 2 ...
    >>> w.a
    [2.0, 1.0]
    """

    _esm = esm("vector_playground.js")
    _css = stylesheet("vector_playground.css")

    #: The check boxes under "Options": (trait, label), in the order shown.
    OPTIONS: tuple[tuple[str, str], ...] = (
        ("snap", "snap to 0.1 grid"),
        ("show_projection", "projection of a on b"),
        ("show_sum", "a + b"),
        ("show_double", "2a"),
        ("normalise", "normalise (unit vectors)"),
        ("lock_lengths", "lock lengths"),
        ("large_text", "large text"),
    )
    options = traitlets.List(default_value=[list(o) for o in OPTIONS], read_only=True).tag(
        sync=True)

    #: The sign rule and its sentences, from Python (lessons_lib.geometry.sign_rules).
    sign_rules = traitlets.Dict(default_value=_sign_rules(), read_only=True).tag(sync=True)
    a = Vector(length=2, default_value=(1.8, 1.2)).tag(sync=True)
    b = Vector(length=2, default_value=(0.8, 1.8)).tag(sync=True)
    snap = traitlets.Bool(True).tag(sync=True)
    show_projection = traitlets.Bool(False).tag(sync=True)
    show_sum = traitlets.Bool(False).tag(sync=True)
    show_double = traitlets.Bool(False).tag(sync=True)
    normalise = traitlets.Bool(False).tag(sync=True)
    lock_lengths = traitlets.Bool(False).tag(sync=True)
    large_text = traitlets.Bool(False).tag(sync=True)
    show_b = traitlets.Bool(True).tag(sync=True)
    show_dot = traitlets.Bool(True).tag(sync=True)
    grid = _Grid(4).tag(sync=True)

    dot = traitlets.Float(0.0, read_only=True)
    angle = traitlets.Float(None, allow_none=True, read_only=True)


    @classmethod
    def front_end_controls(cls, state: dict[str, Any]) -> list[str]:
        """What a learner can operate in a view with this (stored) ``state``.

        Used by the control inventory (``python -m tools.controls``): the draggable tips
        (b only when shown), one check box per option, and the "Options" disclosure.
        """
        tips = ["tip"] * (2 if state.get("show_b", True) else 1)
        return [*tips, *["checkbox"] * len(state.get("options", cls.OPTIONS)), "summary"]
    def __init__(
        self,
        a: Any = (1.8, 1.2),
        b: Any = (0.8, 1.8),
        *,
        snap: bool = True,
        show_projection: bool = False,
        show_sum: bool = False,
        show_double: bool = False,
        normalise: bool = False,
        lock_lengths: bool = False,
        large_text: bool = False,
        show_b: bool = True,
        show_dot: bool = True,
        grid: int = 4,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            a=a, b=b, snap=snap, show_projection=show_projection, show_sum=show_sum,
            show_double=show_double, normalise=normalise, lock_lengths=lock_lengths,
            large_text=large_text, show_b=show_b, show_dot=show_dot, grid=grid, **kwargs,
        )
        self._recompute()

    @traitlets.validate("grid")
    def _check_grid(self, proposal: dict[str, Any]) -> int:
        value = proposal["value"]
        if isinstance(value, bool) or not 1 <= value <= 20:
            raise traitlets.TraitError(
                f"grid is {value!r}, but it must be a whole number from 1 to 20 (the half-width "
                "of the visible grid: grid=4 shows −4 … 4). Use e.g. grid=4."
            )
        return int(value)

    @traitlets.observe("a", "b")
    def _on_vector_change(self, change: dict[str, Any]) -> None:
        self._recompute()

    def _recompute(self) -> None:
        self.set_trait("dot", float(dot(self.a, self.b)))
        zero = is_zero(self.a) or is_zero(self.b)
        self.set_trait("angle", None if zero else angle_between(self.a, self.b))

    def _repr_text(self) -> str:
        a_text = format_vector(self.a)
        if not self.show_b:
            return (f"VectorPlayground(a={a_text}, show_b=False): "
                    f"‖a‖ = {format_number(norm(self.a))}")
        if not self.show_dot:
            return (f"VectorPlayground(a={a_text}, b={format_vector(self.b)}, show_dot=False): "
                    f"‖a‖ = {format_number(norm(self.a))}, ‖b‖ = {format_number(norm(self.b))}")
        unit = ""
        if self.normalise and not (is_zero(self.a) or is_zero(self.b)):
            # what the readout shows in this mode: the dot product of the unit vectors
            unit = f", â·b̂ = cos θ = {fixed(cosine_similarity(self.a, self.b), 3)}"
        return (
            f"VectorPlayground(a={a_text}, b={format_vector(self.b)}): "
            f"a·b = {fixed(self.dot, 2)}{unit}, angle = {_angle_text(self.a, self.b)}, "
            f"{sign_message(self.a, self.b)}"
        )
