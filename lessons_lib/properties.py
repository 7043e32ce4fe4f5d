"""The properties of the dot product, each checked numerically (lesson 05).

Taught in ``notebooks/05_properties.ipynb``:

* commutative            a·b = b·a
* scalar rule            (ka)·b = k(a·b)
* distributive           a·(b + c) = a·b + a·c
* self dot product       a·a = ‖a‖²
* Cauchy–Schwarz         |a·b| ≤ ‖a‖‖b‖   (so cos θ stays in [−1, 1])

:func:`dot_properties` evaluates both sides of each law for given vectors (for
example the ones a learner dragged) and returns a small deterministic table.
:func:`clip_by_norm` uses a·a = ‖a‖² for gradient clipping, and
:func:`float_pitfall` shows why the two sides are compared with a tolerance
(``1.8*0.8 + 1.2*1.8`` is ``3.6000000000000005`` in floating point).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from lessons_lib._validate import (
    Number,
    VectorLike,
    as_number,
    as_vector,
    finite_result,
    overflow_named,
    same_length,
)
from lessons_lib.formatting import MINUS, format_number, format_vector
from lessons_lib.vectors import add, dot, norm, scale
from lessons_lib.working import relation, shown_value

__all__ = [
    "ABS_TOL",
    "REL_TOL",
    "FloatPitfall",
    "PropertyCheck",
    "PropertyReport",
    "clip_by_norm",
    "clip_working",
    "close_enough",
    "dot_properties",
    "float_pitfall",
]

#: Relative tolerance used to decide that two floats are "equal" (lesson 05).
REL_TOL = 1e-9
#: Absolute tolerance, for values that should be (close to) zero.
ABS_TOL = 1e-12


def close_enough(x: float, y: float, *, rel_tol: float = REL_TOL, abs_tol: float = ABS_TOL) -> bool:
    """Compare two floats with a tolerance, as :func:`math.isclose` does (lesson 05).

    Never compare floats with ``==``: ``1.8*0.8 + 1.2*1.8 == 3.6`` is ``False``.

    Examples
    --------
    >>> 1.8 * 0.8 + 1.2 * 1.8 == 3.6
    False
    >>> close_enough(1.8 * 0.8 + 1.2 * 1.8, 3.6)
    True
    >>> close_enough(3.6, 3.7)
    False
    """
    xv, yv = float(as_number(x, "x")), float(as_number(y, "y"))
    return math.isclose(xv, yv, rel_tol=rel_tol, abs_tol=abs_tol)


@dataclass(frozen=True)
class PropertyCheck:
    """One law evaluated on concrete vectors: both sides and the verdict.

    Attributes
    ----------
    name : str
        ``"commutative"``, ``"scalar rule"``, ...
    law : str
        The law in symbols, e.g. ``"a·b = b·a"``.
    left, right : float
        The value of each side.
    relation : str
        ``"="`` or ``"≤"``.
    holds : bool
        Whether the relation holds (equality within tolerance).
    """

    name: str
    law: str
    left: float
    right: float
    relation: str
    holds: bool

    def __str__(self) -> str:
        mark = "✓" if self.holds else "✗"
        return (f"{mark} {self.name:<16} {self.law:<26} "
                f"{format_number(self.left, 4)} {self.relation} {format_number(self.right, 4)}")


@dataclass(frozen=True)
class PropertyReport:
    """Every property of the dot product checked on the same vectors (lesson 05).

    ``str(report)`` (and the repr shown by Jupyter) is a plain-text table;
    ``report.checks`` holds the :class:`PropertyCheck` rows and ``report.all_hold``
    is ``True`` when every law held.
    """

    a: list[Number]
    b: list[Number]
    c: list[Number]
    k: float
    checks: tuple[PropertyCheck, ...]

    @property
    def all_hold(self) -> bool:
        return all(ch.holds for ch in self.checks)

    def __getitem__(self, name: str) -> PropertyCheck:
        for ch in self.checks:
            if ch.name == name:
                return ch
        raise KeyError(f"no property called {name!r}; choose one of "
                       f"{[ch.name for ch in self.checks]}")

    def __str__(self) -> str:
        head = (f"a = {format_vector(self.a, 4)}, b = {format_vector(self.b, 4)}, "
                f"c = {format_vector(self.c, 4)}, k = {format_number(self.k, 4, trim=True)}")
        return "\n".join([head, *(str(ch) for ch in self.checks)])

    def __repr__(self) -> str:
        return str(self)

    def to_html(self) -> str:
        """The same table as HTML (used by the lesson-05 property panel)."""
        rows = "".join(
            f"<tr><td>{'✓' if ch.holds else '✗'}</td><td>{ch.name}</td><td>{ch.law}</td>"
            f"<td style='text-align:right'>{format_number(ch.left, 4)}</td>"
            f"<td>{ch.relation}</td>"
            f"<td style='text-align:right'>{format_number(ch.right, 4)}</td></tr>"
            for ch in self.checks
        )
        return (
            f"<div><b>a</b> = {format_vector(self.a, 2)}, <b>b</b> = {format_vector(self.b, 2)}, "
            f"<b>c</b> = {format_vector(self.c, 2)}, <b>k</b> = "
            f"{format_number(self.k, 2, trim=True)}</div>"
            "<table><thead><tr><th></th><th>property</th><th>law</th><th>left side</th>"
            f"<th></th><th>right side</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def _default_c(n: int) -> list[float]:
    return [1.0 if i % 2 == 0 else -1.0 for i in range(n)]


def dot_properties(a: VectorLike, b: VectorLike, c: VectorLike | None = None,
                   k: float = 3.0) -> PropertyReport:
    """Evaluate both sides of every dot-product property for a, b (and c, k) (lesson 05).

    Parameters
    ----------
    a, b : vectors of the same dimension
        E.g. the two vectors dragged in the playground.
    c : vector, optional
        The third vector of the distributive law; default ``[1, −1, 1, …]``.
    k : float, default 3
        The scalar of the scalar rule.

    Returns
    -------
    PropertyReport

    Examples
    --------
    >>> print(dot_properties([1.8, 1.2], [0.8, 1.8]))
    a = [1.8, 1.2], b = [0.8, 1.8], c = [1, −1], k = 3
    ✓ commutative      a·b = b·a                  3.6000 = 3.6000
    ✓ scalar rule      (ka)·b = k(a·b)            10.8000 = 10.8000
    ✓ distributive     a·(b + c) = a·b + a·c      4.2000 = 4.2000
    ✓ self dot         a·a = ‖a‖²                 4.6800 = 4.6800
    ✓ Cauchy–Schwarz   |a·b| ≤ ‖a‖‖b‖             3.6000 ≤ 4.2613
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb, what="the properties")
    vc = _default_c(len(va)) if c is None else as_vector(c, "c")
    same_length(va, vc, names=("a", "c"), what="the distributive law")
    kv = as_number(k, "k")
    with overflow_named("a·b, a·c or a·(b + c)"):
        return _report(va, vb, vc, kv)


def _report(va: list[Number], vb: list[Number], vc: list[Number], kv: Number) -> PropertyReport:
    A, B, C = (np.abs(np.asarray(v, dtype=float)) for v in (va, vb, vc))

    def eq(name: str, law: str, left: float, right: float, size: float) -> PropertyCheck:
        # rounding error grows with the size of the terms summed, not of the result
        # (a·b can be ≈ 0 after cancellation), so the absolute tolerance scales with it
        left, right = float(left), float(right)
        holds = close_enough(left, right, abs_tol=ABS_TOL * max(1.0, float(size)))
        return PropertyCheck(name, law, left, right, "=", holds)

    ab = float(dot(va, vb))
    na, nb = norm(va), norm(vb)
    bound = finite_result(na * nb, "‖a‖‖b‖")
    cs_holds = abs(ab) <= bound * (1 + REL_TOL) + ABS_TOL
    checks = (
        eq("commutative", "a·b = b·a", ab, dot(vb, va), A @ B),
        eq("scalar rule", "(ka)·b = k(a·b)", dot(scale(kv, va), vb), kv * ab,
           abs(kv) * (A @ B)),
        eq("distributive", "a·(b + c) = a·b + a·c", dot(va, add(vb, vc)),
           ab + float(dot(va, vc)), A @ (B + C)),
        eq("self dot", "a·a = ‖a‖²", dot(va, va), na**2, A @ A),
        PropertyCheck("Cauchy–Schwarz", "|a·b| ≤ ‖a‖‖b‖", abs(ab), bound, "≤", cs_holds),
    )
    return PropertyReport(va, vb, vc, float(kv), checks)


def clip_by_norm(g: VectorLike, max_norm: float) -> list[float]:
    """Gradient clipping by norm, using g·g = ‖g‖² (lesson 05).

    If ‖g‖ ≤ ``max_norm`` the gradient is returned unchanged (no square root is
    taken: comparing g·g with max_norm² is enough). Otherwise it is rescaled to
    length ``max_norm``, keeping its direction: g · max_norm / √(g·g).

    Parameters
    ----------
    g : vector
        The gradient.
    max_norm : float, > 0
        The largest allowed length.

    Returns
    -------
    list of float

    Examples
    --------
    >>> [round(x, 12) for x in clip_by_norm([3, 4], 1)]
    [0.6, 0.8]
    >>> clip_by_norm([0.3, 0.4], 1)
    [0.3, 0.4]
    >>> clip_by_norm([3, 4], 0)
    Traceback (most recent call last):
    ...
    ValueError: max_norm must be a positive number (got 0). ...
    """
    vg = as_vector(g, "g")
    (m,) = as_vector([max_norm], "max_norm")
    if m <= 0:
        raise ValueError(f"max_norm must be a positive number (got {max_norm!r}). "
                         "It is the longest length the gradient may have, e.g. 1.0.")
    arr = np.asarray(vg, dtype=float)
    with overflow_named("g·g"):
        squared = float(dot(arr, arr))  # g·g = ‖g‖², no square root yet
    if squared <= m * m:
        return arr.tolist()
    return (arr * (m / math.sqrt(squared))).tolist()


def clip_working(g: VectorLike, max_norm: float) -> str:
    """:func:`clip_by_norm` with its reasoning written out (lesson 05).

    Examples
    --------
    >>> print(clip_working([3, 4], 1))
    g·g = 3·3 + 4·4 = 25 > max_norm² = 1, so clip:
    scale g by 1/√25 = 0.2: 0.2 [3, 4] = [0.6, 0.8]  (length 1)
    >>> print(clip_working([0.3, 0.4], 1))
    g·g = 0.3·0.3 + 0.4·0.4 = 0.25 ≤ max_norm² = 1, so keep g = [0.3, 0.4]
    >>> print(clip_working([1, 1], 1))
    g·g = 1·1 + 1·1 = 2 > max_norm² = 1, so clip:
    scale g by 1/√2 ≈ 0.7071: 0.7071 [1, 1] = [0.7071, 0.7071]  (length 1)

    A scalar multiple is written without a dot (0.2 [3, 4]), as lesson 05 writes ka;
    ``≈`` marks a step where rounding enters.
    """
    vg = as_vector(g, "g")
    clipped = clip_by_norm(vg, max_norm)
    m = float(max_norm)
    if not math.isfinite(m * m):
        raise OverflowError("max_norm² is too large to represent as a float (over about "
                            "1.8e308). Use a smaller max_norm, e.g. max_norm = 1.")
    with overflow_named("g·g"):
        squared = float(dot(vg, vg))
    shown = [format_number(x, 4, trim=True) for x in vg]
    terms = " + ".join(f"{_paren(x)}·{_paren(x)}" for x in shown)
    sq = format_number(squared, 4, trim=True)
    summed = relation(sum((shown_value(x) ** 2 for x in shown), Fraction(0)), sq)
    m2 = format_number(m * m, 4, trim=True)
    if squared <= m * m:
        return (f"g·g = {terms} {summed} {sq} ≤ max_norm² = {m2}, "
                f"so keep g = {format_vector(vg, 4)}")
    factor = m / math.sqrt(squared)
    factor_text = format_number(factor, 4, trim=True)
    m_text = format_number(m, 4, trim=True)
    root, exact_root = _exact_sqrt(shown_value(sq))
    divided = ("=" if exact_root and shown_value(m_text) / root == shown_value(factor_text)
               else "≈")
    clipped_text = format_vector(clipped, 4)
    scaled = "=" if all(
        shown_value(factor_text) * shown_value(x) == shown_value(c)
        for x, c in zip(shown, clipped_text.strip("[]").split(", "), strict=True)) else "≈"
    return (f"g·g = {terms} {summed} {sq} > max_norm² = {m2}, so clip:\n"
            f"scale g by {m_text}/√{sq} {divided} {factor_text}: {factor_text} "
            f"{format_vector(vg, 4)} {scaled} {clipped_text}  "
            f"(length {format_number(norm(clipped), 4, trim=True)})")


def _paren(text: str) -> str:
    return f"({text})" if text.startswith(MINUS) else text


def _exact_sqrt(x: Fraction) -> tuple[Fraction, bool]:
    """√x as a fraction, and whether it is exact (√25 = 5 is, √2 is not)."""
    num, den = math.isqrt(x.numerator), math.isqrt(x.denominator)
    if num * num == x.numerator and den * den == x.denominator:
        return Fraction(num, den), True
    return Fraction(math.sqrt(x)), False


@dataclass(frozen=True)
class FloatPitfall:
    """The floating-point surprise of lesson 05, with the right way to compare.

    Attributes
    ----------
    expression : str
        The Python expression evaluated, e.g. ``"1.8*0.8 + 1.2*1.8"``.
    value : float
        Its floating-point value.
    expected : float
        The exact decimal answer a person computes on paper.
    """

    expression: str
    value: float
    expected: float

    @property
    def equal(self) -> bool:
        """``value == expected`` (usually ``False``: the trap)."""
        return self.value == self.expected

    @property
    def isclose(self) -> bool:
        """``math.isclose(value, expected)``: the right test."""
        return math.isclose(self.value, self.expected, rel_tol=REL_TOL, abs_tol=ABS_TOL)

    def __str__(self) -> str:
        return "\n".join([
            f"{self.expression}  →  {self.value!r}",
            f"{self.expression} == {self.expected!r}  →  {self.equal}",
            f"math.isclose({self.expression}, {self.expected!r})  →  {self.isclose}",
            f"np.isclose({self.expression}, {self.expected!r})  →  "
            f"{bool(np.isclose(self.value, self.expected))}",
            f"difference = {self.value - self.expected:.1e}",
        ])

    def __repr__(self) -> str:
        return str(self)


def float_pitfall(a: VectorLike = (1.8, 1.2), b: VectorLike = (0.8, 1.8),
                  expected: float = 3.6) -> FloatPitfall:
    """Evaluate a·b left to right in plain Python floats and compare with ``expected`` (lesson 05).

    1.8, 0.8, 1.2 and 0.1 have no exact binary representation, so
    ``1.8*0.8 + 1.2*1.8`` is ``3.6000000000000005``, not ``3.6``. (NumPy's
    ``np.dot`` may round differently and print ``3.6``: the order and method of
    the arithmetic changes the last bit.)

    Examples
    --------
    >>> p = float_pitfall()
    >>> p.value
    3.6000000000000005
    >>> p.equal, p.isclose
    (False, True)
    """
    va, vb = as_vector(a, "a"), as_vector(b, "b")
    same_length(va, vb)
    total: float = 0.0
    for i, (x, y) in enumerate(zip(va, vb, strict=True)):
        total = x * y if i == 0 else total + x * y
    expression = " + ".join(f"{x!r}*{y!r}" for x, y in zip(va, vb, strict=True))
    exp_v = as_number(expected, "expected")
    finite_result(float(total), "a·b")
    return FloatPitfall(expression, float(total), float(exp_v))
