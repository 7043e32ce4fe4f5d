"""The bad-input table: every public function and widget constructor × every class of bad input.

The subjects are found, not listed: every name in the ``__all__`` of every public module of
``lessons_lib`` (and ``lessons_lib.widgets.__all__``) must have an entry in ``SPECS`` (how
to call it, and an independent oracle: NumPy or a formula) or in ``NO_INPUTS`` (with the
reason it takes no learner input). ``tests/test_bad_input.py`` checks that, and runs every
case. Run this file directly for the class table::

    PYTHONPATH=. python tests/bad_input_table.py

Each case replaces one argument of a good call by a bad (or odd but meaningful) value and
classifies what happens:

``ok``       a result, equal to the oracle's (NumPy or a formula) on the meant numbers;
``clear``    an error naming the argument, the problem and the fix, in the lessons' words
             (number of components / dimension, never "length" for a count: ‖a‖ is the length);
``unclear``  any other error (a leaked NumPy/Python message, no fix, the wrong words);
``silent``   a result that differs from the oracle's, or a result for meaningless input;
``nan``      a result holding NaN or infinity;
``hang``     no answer within ``TIMEOUT`` seconds of this process's CPU time (a CPU clock,
             so a machine busy with other work does not turn a slow case into a hang).

Checkers, quiz classes and the concept check are probed in their own tests.
"""

from __future__ import annotations

import importlib
import math
import re
import signal
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

TIMEOUT = 5  # CPU seconds (ITIMER_PROF): a wall clock failed cases under a load of 14 on 2 cores

#: Modules whose ``__all__`` is probed here; checkers and quiz are probed elsewhere.
SKIP_MODULES = {"lessons_lib.checkers", "lessons_lib.widgets.quiz",
                # grades responses like the checkers; bad responses, scores and forms are
                # probed in tests/test_concept_check.py
                "lessons_lib.concept_check", "lessons_lib.widgets.concept_check"}

#: Names taken from an ``__all__`` that take no learner input, or are records the package
#: builds itself; each with its reason.
NO_INPUTS = {
    "Exercise": "defined once per exercise by the package (lessons_lib.exercises); a learner "
                "calls its check(answer), probed by tests/test_learner.py and test_cheat.py",
    "Help": "a str a learner asked for (hint / solution text), built by an Exercise",
    "exercises_of": "a listing for the tools (a lesson's number), not learner input",
    "sign_rules": "no arguments: returns the widgets' constant sign rule",
    "provenance": "no arguments: where the bundled data came from",
    "stylesheet": "no arguments: the widgets' palette as CSS (lessons_lib.palette)",
    "load_word_embeddings": "no arguments: loads bundled data",
    "load_sentence_embeddings": "no arguments: loads bundled data",
    "load_real_head": "no arguments: loads bundled data",
    "install": "registers a display hook; its argument is IPython's shell, not learner input",
    "Embeddings": "a record built by load_word_embeddings",
    "RealHead": "a record built by load_real_head",
    "load_real_layer": "no arguments: loads bundled data",
    "RealLayer": "a record built by load_real_layer",
    "LayerResult": "a record built by RealLayer.recompute",
    "MultiHeadResult": "a record built by multi_head_attention",
    "PermutationDemo": "a record built by permutation_demo",
    "DotWorking": "a record built by dot_working",
    "ScoreWorking": "a record built by score_working",
    "ScoreVariance": "a record built by score_variance",
    "MatVecWorking": "a record built by matvec_working",
    "MatmulTable": "a record built by matmul_table",
    "NeuronOutput": "a record built by neuron",
    "LinearFit": "a record built by fit_linear_regression",
    "LayerCollapse": "a record built by layer_collapse_demo",
    "PropertyCheck": "a record built by dot_properties",
    "PropertyReport": "a record built by dot_properties",
    "FloatPitfall": "a record built by float_pitfall",
    "CostComparison": "a record built by compare_dot_vs_cosine",
    "Quiz": "the quiz: probed by another engineer's tests",
    "AccessibleControls": "an ipywidgets control with no learner arguments",
    "FiniteSlider": "an ipywidgets slider; its value trait is probed through NeuronWidget and "
                    "MatVecWidget, which build it",
}


class Undefined(Exception):
    """The oracle's way to say: no right answer exists, an error is the only right outcome."""


# --------------------------------------------------------------------------- bad values
@dataclass(frozen=True)
class Bad:
    cls: str            # the input class (table row)
    label: str          # short description (test id)
    make: Callable[[], Any]   # builds a fresh value (generators are single-use)
    meant: Any          # the numbers a reasonable reader would take it to mean, or None


def _v(base: list[float], large: bool = True) -> list[Bad]:
    """Bad and odd values for a vector argument whose good value is ``base`` (3 components)."""
    n = len(base)
    b = list(base)
    big = 2000
    ramp = np.arange(1, big + 1, dtype=float)
    masked_big = np.ma.array(ramp, mask=(np.arange(big) % 2 == 0))
    nan_big = ramp.copy()
    nan_big[1500] = np.nan
    out = [
        Bad("empty", "list", lambda: [], None),
        Bad("empty", "tuple", lambda: (), None),
        Bad("empty", "array", lambda: np.array([]), None),
        Bad("empty", "array2d", lambda: np.zeros((0, n)), None),
        Bad("None", "None", lambda: None, None),
        Bad("None", "all-None", lambda: [None] * n, None),
        Bad("None", "one-None", lambda: [b[0], None, *b[2:]], None),
        Bad("None", "object-array", lambda: np.array([b[0], None, *b[2:]], dtype=object), None),
        Bad("strings", "text", lambda: ", ".join(map(str, b)), None),
        Bad("strings", "list-of-text", lambda: [str(x) for x in b], None),
        Bad("strings", "one-text", lambda: [b[0], str(b[1]), *b[2:]], None),
        Bad("strings", "str-array", lambda: np.array([str(x) for x in b]), None),
        Bad("strings", "bytes", lambda: b"123", None),
        Bad("strings", "empty-text", lambda: "", None),
        Bad("bools", "list", lambda: [True, False, True][:n], None),
        Bad("bools", "array", lambda: np.array([True, False, True][:n]), None),
        Bad("bools", "scalar", lambda: True, None),
        Bad("bools", "mixed", lambda: [b[0], True, *b[2:]], None),
        Bad("bools", "np-bool", lambda: [np.bool_(True), *b[1:]], None),
        Bad("nested", "row", lambda: [b], None),
        Bad("nested", "column", lambda: [[x] for x in b], None),
        Bad("nested", "inner", lambda: [b[0], [b[1]], *b[2:]], None),
        Bad("nested", "ragged", lambda: [b[:2], b[2:]], None),
        Bad("nested", "tuple-of-arrays", lambda: (np.array(b[:1]), *b[1:]), None),
        Bad("2-D/3-D", "row-array", lambda: np.array([b]), None),
        Bad("2-D/3-D", "column-array", lambda: np.array([b]).T, None),
        Bad("2-D/3-D", "3-D", lambda: np.array(b).reshape(1, 1, n), None),
        Bad("2-D/3-D", "0-D array", lambda: np.array(b[0]), None),
        Bad("2-D/3-D", "matrix", lambda: np.ones((2, n)), None),
        Bad("NaN/inf", "nan", lambda: [math.nan, *b[1:]], None),
        Bad("NaN/inf", "inf", lambda: [*b[:-1], math.inf], None),
        Bad("NaN/inf", "-inf", lambda: [b[0], -math.inf, *b[2:]], None),
        Bad("NaN/inf", "nan-array", lambda: np.array([*b[:-1], np.nan]), None),
        Bad("NaN/inf", "inf-float32", lambda: np.array([np.inf, *b[1:]], dtype=np.float32),
            None),
        Bad("NaN/inf", "decimal-nan", lambda: [Decimal("NaN"), *b[1:]], None),
        Bad("2**70", "int", lambda: [2**70, *b[1:]], [2**70, *b[1:]]),
        Bad("2**70", "all", lambda: [2**70] * n, [2**70] * n),
        Bad("2**70", "object-array", lambda: np.array([2**70, *[int(x) for x in b[1:]]]),
            [2**70, *[int(x) for x in b[1:]]]),
        Bad("10**400", "int", lambda: [10**400, *b[1:]], [10**400, *b[1:]]),
        Bad("10**400", "negative", lambda: [b[0], -(10**400), *b[2:]], [b[0], -(10**400), *b[2:]]),
        Bad("10**400", "fraction", lambda: [Fraction(10**400, 3), *b[1:]],
            [Fraction(10**400, 3), *b[1:]]),
        Bad("1e308", "one", lambda: [1e308, *b[1:]], [1e308, *b[1:]]),
        Bad("1e308", "all", lambda: [1e308] * n, [1e308] * n),
        Bad("1e308", "max", lambda: [sys.float_info.max, -sys.float_info.max, *b[2:]],
            [sys.float_info.max, -sys.float_info.max, *b[2:]]),
        Bad("1e308", "1e200", lambda: [1e200] * n, [1e200] * n),
        Bad("subnormals", "tiny-all", lambda: [5e-324] * n, [5e-324] * n),
        Bad("subnormals", "tiny-one", lambda: [5e-324, *([0.0] * (n - 1))],
            [5e-324, *([0.0] * (n - 1))]),
        Bad("subnormals", "1e-310", lambda: [1e-310, 2e-310, *([2e-310] * (n - 2))],
            [1e-310, 2e-310, *([2e-310] * (n - 2))]),
        Bad("subnormals", "1e-200", lambda: [1e-200, 1e-200, *([0.0] * (n - 2))],
            [1e-200, 1e-200, *([0.0] * (n - 2))]),
        Bad("complex", "one", lambda: [complex(b[0], 1), *b[1:]], None),
        Bad("complex", "array", lambda: np.array(b, dtype=complex), None),
        Bad("complex", "zero-imag", lambda: [complex(x, 0) for x in b], None),
        Bad("int8 overflow", "int8", lambda: np.array([100] * n, dtype=np.int8), [100] * n),
        Bad("int8 overflow", "uint8", lambda: np.array([200] * n, dtype=np.uint8), [200] * n),
        Bad("int8 overflow", "int8-min", lambda: np.array([-128] * n, dtype=np.int8), [-128] * n),
        Bad("int8 overflow", "int32", lambda: np.array([2**31 - 1] * n, dtype=np.int32),
            [2**31 - 1] * n),
        Bad("int8 overflow", "int64", lambda: np.array([2**62] * n, dtype=np.int64), [2**62] * n),
        Bad("int8 overflow", "uint64", lambda: np.array([2**64 - 1] * n, dtype=np.uint64),
            [2**64 - 1] * n),
        Bad("int8 overflow", "int8-scalars", lambda: [np.int8(100)] * n, [100] * n),
        Bad("Decimal", "values", lambda: [Decimal(str(x)) for x in b], b),
        Bad("Decimal", "1e400", lambda: [Decimal("1e400"), *b[1:]], [10**400, *b[1:]]),
        Bad("Decimal", "snan", lambda: [Decimal("sNaN"), *b[1:]], None),
        Bad("Fraction", "values", lambda: [Fraction(x).limit_denominator(1000) for x in b],
            [Fraction(x).limit_denominator(1000) for x in b]),
        Bad("Fraction", "third", lambda: [Fraction(1, 3), *b[1:]], [Fraction(1, 3), *b[1:]]),
        Bad("generators", "generator", lambda: (x for x in b), b),
        Bad("generators", "map", lambda: map(float, b), b),
        Bad("generators", "iterator", lambda: iter(b), b),
        Bad("generators", "range", lambda: range(1, n + 1), list(range(1, n + 1))),
        Bad("generators", "dict-values", lambda: dict(enumerate(b)).values(), b),
        Bad("NumPy scalars", "float32", lambda: [np.float32(x) for x in b],
            [float(np.float32(x)) for x in b]),
        Bad("NumPy scalars", "int64", lambda: [np.int64(round(x)) for x in b],
            [round(x) for x in b]),
        Bad("NumPy scalars", "float16-array", lambda: np.array(b, dtype=np.float16),
            [float(np.float16(x)) for x in b]),
        Bad("NumPy scalars", "longdouble", lambda: np.array(b, dtype=np.longdouble), b),
        Bad("NumPy scalars", "whole-scalar", lambda: np.float64(b[0]), None),
        Bad("NumPy scalars", "np-nan", lambda: [np.float64("nan"), *b[1:]], None),
        Bad("masked arrays", "masked", lambda: np.ma.array(b, mask=[0, 1] + [0] * (n - 2)),
            None),
        Bad("masked arrays", "nan-under-mask",
            lambda: np.ma.array([np.nan, *b[1:]], mask=[1] + [0] * (n - 1)), None),
        Bad("masked arrays", "big-masked", lambda: masked_big.copy(), None),
        Bad("masked arrays", "masked-constant", lambda: np.ma.masked, None),
        Bad("large sizes", "big-nan", lambda: nan_big.copy(), None),
        Bad("large sizes", "big-list", lambda: ramp.tolist(), ramp.tolist()),
        Bad("large sizes", "big-1e200", lambda: np.full(big, 1e200), [1e200] * big),
        Bad("large sizes", "big-int64", lambda: np.full(big, 2**40, dtype=np.int64),
            [2**40] * big),
        Bad("large sizes", "big-bool", lambda: np.ones(big, dtype=bool), None),
        Bad("large sizes", "big-object", lambda: np.array([*ramp[:-1].tolist(), None]), None),
        Bad("large sizes", "big-float32", lambda: ramp.astype(np.float32), ramp.tolist()),
        Bad("large sizes", "big-subnormal", lambda: np.full(big, 5e-324), [5e-324] * big),
    ]
    return out if large else [b for b in out if b.cls != "large sizes"]


def _s(base: float) -> list[Bad]:
    """Bad and odd values for a scalar (number) argument whose good value is ``base``."""
    return [
        Bad("None", "None", lambda: None, None),
        Bad("strings", "text", lambda: str(base), None),
        Bad("strings", "empty-text", lambda: "", None),
        Bad("bools", "True", lambda: True, None),
        Bad("bools", "np-bool", lambda: np.bool_(False), None),
        Bad("nested", "list", lambda: [base], None),
        Bad("nested", "pair", lambda: [base, base], None),
        Bad("2-D/3-D", "array-1", lambda: np.array([base]), None),
        Bad("2-D/3-D", "array-2d", lambda: np.array([[base]]), None),
        Bad("NaN/inf", "nan", lambda: math.nan, None),
        Bad("NaN/inf", "inf", lambda: math.inf, None),
        Bad("NaN/inf", "-inf", lambda: -math.inf, None),
        Bad("2**70", "int", lambda: 2**70, 2**70),
        Bad("10**400", "int", lambda: 10**400, 10**400),
        Bad("10**400", "negative", lambda: -(10**400), -(10**400)),
        Bad("1e308", "1e308", lambda: 1e308, 1e308),
        Bad("1e308", "-1e308", lambda: -1e308, -1e308),
        Bad("subnormals", "5e-324", lambda: 5e-324, 5e-324),
        Bad("complex", "complex", lambda: complex(base, 1), None),
        Bad("complex", "zero-imag", lambda: complex(base, 0), None),
        Bad("int8 overflow", "int8", lambda: np.int8(100), 100),
        Bad("int8 overflow", "uint64", lambda: np.uint64(2**64 - 1), 2**64 - 1),
        Bad("Decimal", "value", lambda: Decimal(str(base)), base),
        Bad("Decimal", "nan", lambda: Decimal("NaN"), None),
        Bad("Fraction", "value", lambda: Fraction(base).limit_denominator(1000),
            Fraction(base).limit_denominator(1000)),
        Bad("generators", "generator", lambda: (x for x in [base]), None),
        Bad("NumPy scalars", "float32", lambda: np.float32(base), float(np.float32(base))),
        Bad("NumPy scalars", "int64", lambda: np.int64(round(base)), round(base)),
        Bad("NumPy scalars", "0-D array", lambda: np.array(base), base),
        Bad("NumPy scalars", "np-nan", lambda: np.float64("nan"), None),
        Bad("masked arrays", "masked-constant", lambda: np.ma.masked, None),
        Bad("masked arrays", "masked-0d", lambda: np.ma.array(base, mask=True), None),
        Bad("negative/zero", "zero", lambda: 0.0, 0.0),
        Bad("negative/zero", "negative", lambda: -base, -base),
    ]


def _m(base: list[list[float]]) -> list[Bad]:
    """Bad and odd values for a table (matrix) argument whose good value is ``base``."""
    r, c = len(base), len(base[0])
    b = [list(row) for row in base]
    return [
        Bad("mismatched lengths", "ragged", lambda: [b[0], b[1][:-1], *b[2:]], None),
        Bad("mismatched lengths", "extra-column", lambda: [[*row, 1.0] for row in b],
            [[*row, 1.0] for row in b]),
        Bad("mismatched lengths", "extra-row", lambda: [*b, b[0]], [*b, b[0]]),
        Bad("empty", "list", lambda: [], None),
        Bad("empty", "empty-row", lambda: [[]], None),
        Bad("empty", "array", lambda: np.zeros((0, c)), None),
        Bad("None", "None", lambda: None, None),
        Bad("None", "one-None", lambda: [[None, *b[0][1:]], *b[1:]], None),
        Bad("strings", "text", lambda: str(b), None),
        Bad("strings", "text-entries", lambda: [[str(x) for x in row] for row in b], None),
        Bad("bools", "array", lambda: np.ones((r, c), dtype=bool), None),
        Bad("bools", "entry", lambda: [[True, *b[0][1:]], *b[1:]], None),
        Bad("nested", "1-D", lambda: b[0], None),
        Bad("nested", "deeper", lambda: [[[x] for x in row] for row in b], None),
        Bad("2-D/3-D", "3-D", lambda: np.array(b)[None, :, :], None),
        Bad("2-D/3-D", "scalar", lambda: 2.0, None),
        Bad("NaN/inf", "nan", lambda: [[math.nan, *b[0][1:]], *b[1:]], None),
        Bad("NaN/inf", "inf", lambda: np.array([[*b[0][:-1], np.inf], *b[1:]]), None),
        Bad("2**70", "entry", lambda: [[2**70, *b[0][1:]], *b[1:]], [[2**70, *b[0][1:]], *b[1:]]),
        Bad("10**400", "entry", lambda: [[10**400, *b[0][1:]], *b[1:]],
            [[10**400, *b[0][1:]], *b[1:]]),
        Bad("1e308", "all", lambda: [[1e308] * c for _ in b], [[1e308] * c for _ in b]),
        Bad("1e308", "1e200", lambda: [[1e200] * c for _ in b], [[1e200] * c for _ in b]),
        Bad("subnormals", "tiny", lambda: [[5e-324] * c for _ in b], [[5e-324] * c for _ in b]),
        Bad("complex", "array", lambda: np.array(b, dtype=complex), None),
        Bad("int8 overflow", "int8", lambda: np.full((r, c), 100, dtype=np.int8),
            [[100] * c for _ in b]),
        Bad("int8 overflow", "uint64", lambda: np.full((r, c), 2**64 - 1, dtype=np.uint64),
            [[2**64 - 1] * c for _ in b]),
        Bad("Decimal", "entries", lambda: [[Decimal(str(x)) for x in row] for row in b], b),
        Bad("Fraction", "entries",
            lambda: [[Fraction(x).limit_denominator(1000) for x in row] for row in b],
            [[Fraction(x).limit_denominator(1000) for x in row] for row in b]),
        Bad("generators", "rows", lambda: (row for row in b), b),
        Bad("NumPy scalars", "float32", lambda: np.array(b, dtype=np.float32),
            np.array(b, dtype=np.float32).astype(float).tolist()),
        Bad("masked arrays", "masked", lambda: np.ma.array(b, mask=np.eye(r, c, dtype=bool)),
            None),
        Bad("masked arrays", "nan-under-mask",
            lambda: np.ma.array([[math.nan, *b[0][1:]], *b[1:]],
                                mask=np.eye(r, c, dtype=bool)), None),
    ]


def _n(base: int, lo: int = 1) -> list[Bad]:
    """Bad and odd values for a whole-number argument (a count, a size, a seed)."""
    return [
        Bad("None", "None", lambda: None, None),
        Bad("strings", "text", lambda: str(base), None),
        Bad("bools", "True", lambda: True, None),
        Bad("nested", "list", lambda: [base], None),
        Bad("NaN/inf", "nan", lambda: math.nan, None),
        Bad("NaN/inf", "inf", lambda: math.inf, None),
        Bad("2**70", "int", lambda: 2**70, None),
        Bad("10**400", "int", lambda: 10**400, None),
        Bad("1e308", "float", lambda: 1e308, None),
        Bad("subnormals", "5e-324", lambda: 5e-324, None),
        Bad("complex", "complex", lambda: complex(base, 0), None),
        Bad("int8 overflow", "int8", lambda: np.int8(base), base),
        Bad("Decimal", "value", lambda: Decimal(base), base),
        Bad("Fraction", "half", lambda: Fraction(2 * base + 1, 2), None),
        Bad("NumPy scalars", "int64", lambda: np.int64(base), base),
        Bad("NumPy scalars", "float-whole", lambda: float(base), base),
        Bad("NumPy scalars", "float-half", lambda: base + 0.5, None),
        Bad("negative/zero", "negative", lambda: -1, -1 if lo <= -1 else None),
        Bad("negative/zero", "zero", lambda: 0, 0 if lo <= 0 else None),
        Bad("large sizes", "10**7", lambda: 10**7, None),
    ]


def _t(base: list[str]) -> list[Bad]:
    """Bad values for a list of labels (words, tokens, names)."""
    return [
        Bad("None", "None", lambda: None, None),
        Bad("None", "one-None", lambda: [None, *base[1:]], None),
        Bad("strings", "one-text", lambda: "".join(base), None),
        Bad("mismatched lengths", "one-short", lambda: base[:-1], base[:-1]),
        Bad("mismatched lengths", "one-more", lambda: [*base, "extra"], None),
        Bad("empty", "list", lambda: [], None),
        Bad("nested", "nested", lambda: [base], None),
        Bad("NumPy scalars", "numbers", lambda: list(range(len(base))), None),
        Bad("generators", "generator", lambda: (x for x in base), base),
    ]


# --------------------------------------------------------------------------- oracles
def exact(x: Any) -> Any:
    """The meant numbers as exact Fractions (nested like the input)."""
    if isinstance(x, (list, tuple)):
        return [exact(y) for y in x]
    return Fraction(x)


def floats(x: Any) -> np.ndarray:
    """The meant numbers as float64; Undefined when one does not fit in a float."""
    try:
        out = np.array(x, dtype=float)
    except OverflowError:
        raise Undefined("a number too large for a float") from None
    except (TypeError, ValueError):
        out = None
    if out is not None:
        if not np.isfinite(out).all():
            raise Undefined("not finite")
        return out
    try:
        arr = np.array(exact(x), dtype=object)
        out = np.vectorize(float, otypes=[float])(arr) if arr.size else arr.astype(float)
    except OverflowError:
        raise Undefined("a number too large for a float") from None
    if not np.isfinite(out).all():
        raise Undefined("not finite")
    return out


def _fin(x: Any) -> Any:
    arr = np.asarray(x, dtype=float)
    if not np.isfinite(arr).all():
        raise Undefined("the true result overflows a float")
    return x


def _ex_dot(a: list[Any], b: list[Any]) -> Fraction:
    if len(a) != len(b):
        raise Undefined("different number of components")
    return sum((x * y for x, y in zip(exact(a), exact(b), strict=True)), Fraction(0))


def _norm(a: Any) -> float:
    v = floats(a)
    s = float(np.max(np.abs(v))) if v.size else 0.0
    return 0.0 if s == 0 else s * float(np.linalg.norm(v / s))


def _unit(a: Any) -> np.ndarray:
    v = floats(a)
    s = float(np.max(np.abs(v)))
    if s == 0:
        raise Undefined("zero vector")
    v = v / s
    return v / np.linalg.norm(v)


def _cos(a: Any, b: Any) -> float:
    if len(a) != len(b):
        raise Undefined("different number of components")
    return float(np.clip(np.dot(_unit(a), _unit(b)), -1, 1))


def _frac_float(f: Fraction) -> float:
    try:
        return _fin(float(f))
    except OverflowError:
        raise Undefined("too large") from None


def _softmax(s: np.ndarray, t: float = 1.0) -> np.ndarray:
    with np.errstate(all="ignore"):
        z = s / t
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return _fin(e / e.sum(axis=-1, keepdims=True))


def _scores(q: Any, k: Any, scale: bool = True) -> np.ndarray:
    Q, K = floats(q), floats(k)
    if Q.ndim != 2 or K.ndim != 2 or Q.shape[1] != K.shape[1] or 0 in Q.shape + K.shape:
        raise Undefined("shapes")
    with np.errstate(all="ignore"):
        s = Q @ K.T / (math.sqrt(Q.shape[1]) if scale else 1.0)
    return _fin(s)


def _matmul(A: Any, B: Any) -> list[list[Fraction]]:
    A, B = exact(A), exact(B)
    if not A or not B or len({len(r) for r in A}) != 1 or len({len(r) for r in B}) != 1:
        raise Undefined("not a table")
    if len(A[0]) != len(B) or not A[0] or not B[0]:
        raise Undefined("shapes")
    return [[sum((A[i][k] * B[k][j] for k in range(len(B))), Fraction(0))
             for j in range(len(B[0]))] for i in range(len(A))]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _last_number(text: str) -> float:
    """The last number written in a working (its result)."""
    t = text.replace("−", "-").replace(",", "")
    found = re.findall(r"-?\d+(?:\.\d+)?(?:(?:e|×10\^)[-−]?\d+)?", t)
    if not found:
        raise AssertionError(f"no number in {text!r}")
    s = found[-1].replace("×10^", "e")
    return float(s)


def _exact_or_close(r: Any, e: Any) -> bool:
    if isinstance(r, int) and not isinstance(r, bool):
        return Fraction(r) == e
    return _close(r, _frac_float(e))


def _scale_of(e: Any) -> float:
    return max(1.0, float(np.max(np.abs(np.asarray(e, dtype=float)))))


def _close(x: Any, y: Any, rel: float = 1e-9, abs_: float = 1e-12) -> bool:
    if isinstance(x, (int, Fraction)) and isinstance(y, (int, Fraction)):
        return Fraction(x) == Fraction(y)
    try:
        a = np.asarray(x, dtype=float)
        b = np.asarray(y, dtype=float)
    except (OverflowError, TypeError, ValueError):
        try:
            return bool(np.all(np.array(exact(x), dtype=object) == np.array(exact(y),
                                                                            dtype=object)))
        except Exception:
            return False
    if a.shape != b.shape:
        return False
    if not np.isfinite(a).all():
        return False
    # relative to the largest entry: the oracle and the function may round differently
    scale = max(float(np.max(np.abs(b))) if b.size else 0.0, 1e-300)
    return bool(np.all(np.abs(a - b) <= rel * scale + abs_ * min(scale, 1.0)))


# --------------------------------------------------------------------------- specs
@dataclass
class Spec:
    """How to call one public function: good arguments, which to spoil, and its oracle."""

    name: str
    call: Callable[..., Any]                      # call(**args) -> result
    good: dict[str, Any]                          # the good arguments
    slots: dict[str, tuple[str, list[Bad]]]       # arg -> (its name in messages, bad values)
    oracle: Callable[..., Any]                    # oracle(**meant) -> expected (or Undefined)
    check: Callable[[Any, Any], bool] = _close    # check(result, expected)
    pairs: tuple[str, ...] = ()                   # vector args that must agree in dimension
    cleanup: Callable[[Any], None] | None = None
    skip: tuple[str, ...] = ()                    # input classes (or class/label) that mean
    #                                               something valid here, tested elsewhere


def _fig_close(result: Any) -> None:
    import matplotlib.pyplot as plt

    if hasattr(result, "savefig"):
        plt.close(result)
    elif isinstance(result, tuple):
        for r in result:
            _fig_close(r)


def _widget_close(result: Any) -> None:
    if hasattr(result, "close"):
        result.close()


A3, B3, C3 = [1.0, 2.0, 2.0], [3.0, -1.0, 0.5], [0.5, 0.25, -2.0]
A2, B2 = [1.8, 1.2], [0.8, 1.8]
Q = [[1.0, 0.0, 2.0], [0.5, -1.0, 1.0]]
K = [[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.5, 1.0]]
V = [[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]]
M = [[1.0, 2.0, 0.0], [3.0, -1.0, 1.0]]
W_TABLE = [[0.25, 0.75, 0.0], [0.5, 0.25, 0.25]]
X5 = [[1.0, 2.0], [2.0, 1.0], [3.0, 5.0], [4.0, 3.0], [0.0, 1.0]]
Y5 = [1.0, 2.0, 2.0, 0.5, -1.0]


def _specs() -> list[Spec]:
    import lessons_lib as ll
    from lessons_lib import attention as att
    from lessons_lib import embeddings as emb
    from lessons_lib import figures as figs
    from lessons_lib import formatting as fmt
    from lessons_lib import heatmap, matrices, multihead, neurons, plots, properties, timing

    def fn(f: Callable[..., Any]) -> Callable[..., Any]:
        return lambda **kw: f(**kw)

    def vec_pair(name: str, f: Callable[..., Any], oracle: Callable[..., Any],
                 base: tuple[list[float], list[float]] = (A3, B3), **kw: Any) -> Spec:
        return Spec(name, fn(f), {"a": base[0], "b": base[1]},
                    {"a": ("a", _v(base[0])), "b": ("b", _v(base[1]))}, oracle,
                    pairs=("a", "b"), **kw)

    def angle(a: Any, b: Any) -> float:
        c = _cos(a, b)
        ua, ub = _unit(a), _unit(b)
        return math.degrees(2 * math.atan2(np.linalg.norm(ua - ub), np.linalg.norm(ua + ub))) \
            if abs(c) > 0.99 else math.degrees(math.acos(c))

    def sign(a: Any, b: Any) -> str:
        va, vb = floats(a), floats(b)
        if len(va) != len(vb):
            raise Undefined("dimension")
        za, zb = not va.any(), not vb.any()
        if za or zb:
            return {(True, True): ll.geometry.ZERO_BOTH, (True, False): ll.geometry.ZERO_A,
                    (False, True): ll.geometry.ZERO_B}[(za, zb)]
        c = _cos(a, b)
        if abs(c) <= ll.geometry.PERPENDICULAR_COS:
            return ll.geometry.ZERO
        return ll.geometry.POSITIVE if c > 0 else ll.geometry.NEGATIVE

    def equal(x: Any, y: Any) -> bool:
        return bool(x == y)

    def norm_working_ok(text: str, expected: float) -> bool:
        # every "√X = Y" in the working is right, and the result is ‖a‖
        t = text.replace("−", "-")
        for under, root in re.findall(r"√([\d.e×^+-]+) = ([\d.e×^+-]+)", t):
            x, y = (float(s.replace("×10^", "e")) for s in (under, root))
            if not math.isclose(math.sqrt(x), y, rel_tol=0.05, abs_tol=0.006):
                return False
        return math.isclose(_last_number(text), expected, rel_tol=0.01, abs_tol=0.006)

    def working_total(decimals: int = 2) -> Callable[[Any, Any], bool]:
        def ok(result: Any, expected: Any) -> bool:
            return math.isclose(_last_number(str(result)), float(expected), rel_tol=0.01,
                                abs_tol=10 ** -decimals)
        return ok

    def fig_ok(result: Any, expected: Any) -> bool:
        from lessons_lib.figures import alt_text
        text = alt_text(result) if hasattr(result, "savefig") else ""
        return "nan" not in text.lower() and "inf" not in text.lower().replace("info", "")

    def clip(g: Any, max_norm: Any) -> np.ndarray:
        mn = float(_frac_float(Fraction(max_norm)))
        if mn <= 0:
            raise Undefined("max_norm must be positive")
        n = _norm(g)
        v = floats(g)
        return v if n <= mn else _fin(_unit(g) * mn)

    def vec_equal(attr: str) -> Callable[[Any, Any], bool]:
        return lambda w, expected: _close(getattr(w, attr), expected)

    specs = [
        # ---- vectors (lesson 01-02)
        vec_pair("add", ll.add, lambda a, b: _fin([_frac_float(x) if not (
            isinstance(x, Fraction) and x.denominator == 1) else int(x)
            for x in (p + q for p, q in zip(exact(a), exact(b), strict=True))])
            if len(a) == len(b) else (_ for _ in ()).throw(Undefined("dim"))),
        Spec("scale", fn(ll.scale), {"c": 2.0, "a": A3},
             {"c": ("c", _s(2.0)), "a": ("a", _v(A3))},
             lambda c, a: [_frac_float(x) for x in (Fraction(c) * y for y in exact(a))]),
        vec_pair("dot", ll.dot, lambda a, b: _ex_dot(a, b), check=_exact_or_close),
        Spec("norm", fn(ll.norm), {"a": A3}, {"a": ("a", _v(A3))},
             lambda a: _fin(_norm(a))),
        # ---- geometry (lesson 03)
        Spec("normalise", fn(ll.normalise), {"a": A3}, {"a": ("a", _v(A3))},
             lambda a: _unit(a)),
        vec_pair("cosine_similarity", ll.cosine_similarity, _cos,
             check=lambda r, e: abs(r - e) <= 1e-12),
        vec_pair("angle_between", ll.angle_between, angle,
                 check=lambda r, e: _close(r, e, rel=1e-7, abs_=1e-9)),
        vec_pair("scalar_projection", ll.scalar_projection,
                 lambda a, b: _fin(_cos(a, b) * _norm(a)),
                 check=lambda r, e: _close(r, e, rel=1e-9, abs_=1e-300) or (
                     abs(e) < 1e-12 and abs(r) < 1e-12)),
        vec_pair("project_onto", ll.project_onto,
                 lambda a, b: _fin(_cos(a, b) * _norm(a) * _unit(b)),
                 check=lambda r, e: _close(r, e) or (
                     np.max(np.abs(np.asarray(r, dtype=float) - e)) < 1e-12 * _scale_of(e))),
        vec_pair("sign_message", ll.sign_message, sign, check=equal),
        # ---- workings
        vec_pair("dot_working", ll.dot_working, lambda a, b: _ex_dot(a, b),
                 check=lambda r, e: _exact_or_close(r.total, e)),
        Spec("norm_working", fn(ll.norm_working), {"a": A3}, {"a": ("a", _v(A3))},
             lambda a: _fin(_norm(a)), check=norm_working_ok),
        # ---- formatting
        *[Spec(f.__name__, fn(f), {"x": 2.5}, {"x": ("x", _s(2.5))},
               lambda x: Fraction(x) if isinstance(x, int) else _frac_float(Fraction(x)),
               check=_formatted)
          for f in (fmt.format_number, fmt.format_fixed, fmt.format_cell)],
        Spec("format_vector", fn(fmt.format_vector), {"values": A3},
             {"values": ("values", _v(A3))}, lambda values: floats(values),
             check=lambda r, e: isinstance(r, str) and _close(
                 [float(s.replace("×10^", "e")) for s in re.findall(
                     r"-?[\d.]+(?:e-?\d+|×10\^-?\d+)?", r.replace("−", "-"))],
                 e, rel=0.01, abs_=0.006) if len(e) < 50 else isinstance(r, str)),
        Spec("decimals_needed", lambda vectors: fmt.decimals_needed(vectors), {"vectors": A3},
             {"vectors": ("vectors", _v(A3))}, lambda vectors: floats(vectors),
             check=lambda r, e: isinstance(r, int) and 2 <= r <= 6),
        # ---- attention (lessons 05-07)
        Spec("attention_scores", fn(att.attention_scores), {"Q": Q, "K": K},
             {"Q": ("Q", _m(Q)), "K": ("K", _m(K))}, lambda Q, K: _scores(Q, K)),
        Spec("attention_weights", fn(att.attention_weights), {"Q": Q, "K": K, "temperature": 1.0},
             {"Q": ("Q", _m(Q)), "K": ("K", _m(K)), "temperature": ("temperature", _s(1.0))},
             lambda Q, K, temperature: _softmax(_scores(Q, K), _pos(temperature))),
        Spec("attention_output", fn(att.attention_output), {"weights": W_TABLE, "V": V},
             {"weights": ("weights", _m(W_TABLE)), "V": ("V", _m(V))},
             lambda weights, V: _weights_out(weights, V)),
        Spec("attention", lambda Q, K, V: att.attention(Q, K, V)[0], {"Q": Q, "K": K, "V": V},
             {"Q": ("Q", _m(Q)), "K": ("K", _m(K)), "V": ("V", _m(V))},
             lambda Q, K, V: _fin(_softmax(_scores(Q, K)) @ _table(V, rows=len(K)))),
        Spec("softmax", fn(att.softmax), {"scores": B3, "temperature": 1.0},
             {"scores": ("scores", _v(B3)), "temperature": ("temperature", _s(1.0))},
             lambda scores, temperature: _softmax(floats(scores), _pos(temperature)),
             check=lambda r, e: _close(r, e, rel=1e-6),
             # a table is softmaxed row by row (softmax-table); -inf is a masked score
             skip=("nested", "2-D/3-D", "NaN/inf/-inf")),
        Spec("softmax-table", fn(att.softmax), {"scores": K},
             {"scores": ("scores", _m(K))}, lambda scores: _softmax(_table(scores)),
             check=lambda r, e: _close(r, e, rel=1e-6),
             skip=("nested/1-D", "nested/deeper", "2-D/3-D/3-D")),
        Spec("causal_mask", fn(att.causal_mask), {"n": 3}, {"n": ("n", _n(3))},
             lambda n: np.tril(np.ones((_cnt(n, hi=10**4),) * 2, dtype=bool)),
             check=lambda r, e: np.array_equal(r, e)),
        Spec("padding_mask", fn(att.padding_mask), {"valid": [True, True, False]},
             {"valid": ("valid", _masks())}, _padding, check=lambda r, e: np.array_equal(r, e)),
        Spec("padding_mask-n", fn(att.padding_mask), {"valid": 2, "n": 3},
             {"valid": ("valid", _n(2, lo=0)), "n": ("n", _n(3))},
             lambda valid, n: _padding_n(valid, n), check=lambda r, e: np.array_equal(r, e)),
        Spec("score_working", fn(att.score_working), {"q": A3, "k": B3},
             {"q": ("q", _v(A3)), "k": ("k", _v(B3))},
             lambda q, k: _frac_float(_ex_dot(q, k)) / math.sqrt(len(q)),
             check=lambda r, e: _close(r.score, e), pairs=("q", "k")),
        Spec("score_variance", lambda d_k_values: att.score_variance(d_k_values, n_pairs=200),
             {"d_k_values": [4.0, 16.0, 64.0]},
             {"d_k_values": ("d_k_values", _v([4, 16, 64], large=False))},
             lambda d_k_values: [_cnt(d, hi=4096) for d in d_k_values],
             check=lambda r, e: list(r.d_k) == list(e)),
        Spec("format_table", fn(att.format_table),
             {"table": M, "row_labels": ["r1", "r2"], "col_labels": ["x", "y", "z"]},
             {"table": ("table", _m(M)), "row_labels": ("row_labels", _t(["r1", "r2"])),
              "col_labels": ("col_labels", _t(["x", "y", "z"]))},
             lambda table, row_labels, col_labels: _labelled(table, row_labels, col_labels),
             check=lambda r, e: isinstance(r, str) and all(
                 re.sub(r"\s+", " ", r).count(w) > 0 for w in e)),
        # ---- multi-head attention and position (lesson 09)
        Spec("split_heads", fn(multihead.split_heads), {"X": Q4, "n_heads": 2},
             {"X": ("X", _m(Q4)), "n_heads": ("n_heads", _n(2))},
             lambda X, n_heads: _split(_table(X), _cnt(n_heads, hi=1024))),
        Spec("concat_heads", fn(multihead.concat_heads), {"heads": H3},
             {"heads": ("heads", _h3(H3))}, lambda heads: _concat(heads)),
        Spec("multi_head_attention", lambda Q, K, V, n_heads: multihead.multi_head_attention(
            Q, K, V, n_heads).concat, {"Q": Q4, "K": K4, "V": V4, "n_heads": 2},
             {"Q": ("Q", _m(Q4)), "K": ("K", _m(K4)), "V": ("V", _m(V4)),
              "n_heads": ("n_heads", _n(2))}, _mha),
        Spec("output_projection", fn(multihead.output_projection),
             {"concat": Q4, "W_o": K4[:3], "b_o": A3},
             {"concat": ("concat", _m(Q4)), "W_o": ("W_o", _m(K4[:3])),
              "b_o": ("b_o", _v(A3, large=False))},
             lambda concat, W_o, b_o: _projection(concat, W_o, b_o),
             skip=("None/None",)),  # b_o=None: no bias, the documented default
        Spec("positional_encoding", fn(multihead.positional_encoding),
             {"n_positions": 3, "d_model": 4},
             {"n_positions": ("n_positions", _n(3)), "d_model": ("d_model", _n(4))},
             lambda n_positions, d_model: _pe(n_positions, d_model)),
        Spec("permutation_demo", fn(multihead.permutation_demo),
             {"Q": K, "K": K, "V": V, "order": [2, 0, 1]},
             {"Q": ("Q", _m(K)), "K": ("K", _m(K)), "V": ("V", _m(V)),
              "order": ("order", _orders())},
             lambda Q, K, V, order: _shuffled(Q, K, V, order),
             check=lambda r, e: r.max_difference <= 1e-9 and _close(r.shuffled_weights, e)),
        # ---- matrices (lesson 04)
        Spec("as_rows", lambda M: matrices.as_rows(M), {"M": M}, {"M": ("M", _m(M))},
             lambda M: _table_exact(M)),
        Spec("shape", lambda M: matrices.shape(M), {"M": M}, {"M": ("M", _m(M))},
             lambda M: _table(M).shape, check=lambda r, e: tuple(r) == tuple(e)),
        Spec("transpose", lambda M: matrices.transpose(M), {"M": M}, {"M": ("M", _m(M))},
             lambda M: _table_exact(M).T),
        Spec("matvec", fn(matrices.matvec), {"M": M, "x": A3},
             {"M": ("M", _m(M)), "x": ("x", _v(A3))},
             lambda M, x: _fin_exact([r[0] for r in _matmul(M, [[v] for v in x])])),
        Spec("matvec_working", fn(matrices.matvec_working), {"M": M, "x": A3},
             {"M": ("M", _m(M)), "x": ("x", _v(A3))},
             lambda M, x: _fin_exact([r[0] for r in _matmul(M, [[v] for v in x])]),
             check=lambda r, e: _close(r.result, e)),
        Spec("matmul", fn(matrices.matmul), {"A": M, "B": K},
             {"A": ("A", _m(M)), "B": ("B", _m(K))}, lambda A, B: _fin_exact(_matmul(A, B))),
        Spec("matmul_table", fn(matrices.matmul_table), {"A": M, "B": K},
             {"A": ("A", _m(M)), "B": ("B", _m(K))}, lambda A, B: _fin_exact(_matmul(A, B)),
             check=lambda r, e: _close(r.table, e)),
        # ---- neurons (lesson 08)
        Spec("weighted_sum", fn(neurons.weighted_sum), {"w": A3, "x": B3, "b": 0.5},
             {"w": ("w", _v(A3)), "x": ("x", _v(B3)), "b": ("b", _s(0.5))},
             lambda w, x, b: _frac_float(_ex_dot(w, x) + Fraction(b)), pairs=("w", "x")),
        Spec("weighted_sum_working", fn(neurons.weighted_sum_working),
             {"w": A3, "x": B3, "b": 0.5},
             {"w": ("w", _v(A3)), "x": ("x", _v(B3)), "b": ("b", _s(0.5))},
             lambda w, x, b: _frac_float(_ex_dot(w, x) + Fraction(b)), pairs=("w", "x"),
             check=working_total()),
        Spec("neuron", fn(neurons.neuron), {"w": A3, "x": B3, "b": 0.5},
             {"w": ("w", _v(A3)), "x": ("x", _v(B3)), "b": ("b", _s(0.5))},
             lambda w, x, b: _sigmoid(_frac_float(_ex_dot(w, x) + Fraction(b))),
             pairs=("w", "x"), check=lambda r, e: _close(r.a, e)),
        Spec("sigmoid", fn(neurons.sigmoid), {"z": B3}, {"z": ("z", _v(B3))},
             lambda z: [_sigmoid(v) for v in floats(z)],
             skip=("nested", "2-D/3-D", "NumPy scalars/whole-scalar")),
        Spec("sigmoid-scalar", fn(neurons.sigmoid), {"z": 0.5}, {"z": ("z", _s(0.5))},
             lambda z: _sigmoid(_frac_float(Fraction(z))), skip=("nested", "2-D/3-D")),
        Spec("relu", fn(neurons.relu), {"z": B3}, {"z": ("z", _v(B3))},
             lambda z: np.maximum(floats(z), 0),
             skip=("nested", "2-D/3-D", "NumPy scalars/whole-scalar")),
        Spec("relu-scalar", fn(neurons.relu), {"z": -0.5}, {"z": ("z", _s(-0.5))},
             lambda z: max(_frac_float(Fraction(z)), 0.0), skip=("nested", "2-D/3-D")),
        Spec("predict", fn(neurons.predict), {"X": M, "w": A3, "b": 0.5},
             {"X": ("X", _m(M)), "w": ("w", _v(A3)), "b": ("b", _s(0.5))},
             lambda X, w, b: _fin(np.array([_frac_float(r[0] + Fraction(b)) for r in
                                            _matmul(X, [[v] for v in w])]))),
        Spec("house_prices", lambda n: neurons.house_prices(n)[0].shape[0], {"n": 12},
             {"n": ("n", _n(12))}, lambda n: _cnt(n), check=lambda r, e: r == e),
        Spec("fit_linear_regression", fn(neurons.fit_linear_regression),
             {"X": X5, "y": Y5}, {"X": ("X", _m(X5)), "y": ("y", _v(Y5))},
             lambda X, y: _lstsq(X, y), check=lambda r, e: _close(
                 [*np.asarray(r.weights).tolist(), r.bias], e, rel=1e-6, abs_=1e-9)),
        Spec("feature_importance", fn(neurons.feature_importance), {"X": M, "w": A3},
             {"X": ("X", _m(M)), "w": ("w", _v(A3))}, _importance,
             check=lambda r, e: _close(list(r.values()), e, rel=1e-6, abs_=1e-9)),
        Spec("compose_linear", lambda W1, b1: neurons.compose_linear(W1, b1, M, [0.5, 1.0])[0],
             {"W1": K, "b1": A3}, {"W1": ("W1", _m(K)), "b1": ("b1", _v(A3))},
             lambda W1, b1: _fin_exact(_matmul(M, W1)) if len(b1) == len(W1) else
             (_ for _ in ()).throw(Undefined("b1 dims"))),
        Spec("layer_collapse_demo", lambda n_inputs: neurons.layer_collapse_demo(
            n_inputs=n_inputs).linear_gap, {"n_inputs": 20}, {"n_inputs": ("n_inputs", _n(20))},
             lambda n_inputs: (_cnt(n_inputs), 0.0)[1],
             check=lambda r, e: 0 <= r < 1e-9),
        # ---- properties (lesson 03)
        Spec("close_enough", fn(properties.close_enough), {"x": 2.0, "y": 2.0},
             {"x": ("x", _s(2.0)), "y": ("y", _s(2.0))},
             lambda x, y: math.isclose(_frac_float(Fraction(x)), _frac_float(Fraction(y)),
                                       rel_tol=1e-9, abs_tol=1e-12), check=equal),
        Spec("dot_properties", fn(properties.dot_properties), {"a": A3, "b": B3, "c": C3, "k": 3.0},
             {"a": ("a", _v(A3)), "b": ("b", _v(B3)), "c": ("c", _v(C3)), "k": ("k", _s(3.0))},
             lambda a, b, c, k: _props(a, b, c, k), pairs=("a", "b", "c"),
             skip=("None/None",),  # c=None is the documented default
             check=lambda r, e: r.all_hold and _close(r.checks[0].left, e, rel=1e-6)),
        Spec("clip_by_norm", fn(properties.clip_by_norm), {"g": A3, "max_norm": 1.0},
             {"g": ("g", _v(A3)), "max_norm": ("max_norm", _s(1.0))}, clip),
        Spec("clip_working", fn(properties.clip_working), {"g": A3, "max_norm": 1.0},
             {"g": ("g", _v(A3)), "max_norm": ("max_norm", _s(1.0))}, clip,
             check=lambda r, e: isinstance(r, str) and "nan" not in r and "inf" not in r),
        Spec("float_pitfall", fn(properties.float_pitfall), {"a": A2, "b": B2},
             {"a": ("a", _v(A2)), "b": ("b", _v(B2))},
             lambda a, b: _frac_float(_ex_dot(a, b)), pairs=("a", "b"),
             check=lambda r, e: _close(r.value, e, rel=1e-12)),
        # ---- timing (lesson 03 aside)
        Spec("raw_scores", fn(timing.raw_scores), {"X": K, "q": A3},
             {"X": ("X", _m(K)), "q": ("q", _v(A3))},
             lambda X, q: _fin(np.array([_frac_float(r[0]) for r in
                                         _matmul(X, [[v] for v in q])]))),
        Spec("cosine_scores", fn(timing.cosine_scores), {"X": K, "q": A3},
             {"X": ("X", _m(K)), "q": ("q", _v(A3))},
             lambda X, q: np.array([_cos(row, q) for row in _table(X).tolist()])
             if _table(X).shape[1] == len(q) else (_ for _ in ()).throw(Undefined("dim"))),
        Spec("compare_dot_vs_cosine", lambda n_vectors: timing.compare_dot_vs_cosine(
            n_vectors, 64, repeat=1, number=1).n_vectors, {"n_vectors": 50},
             {"n_vectors": ("n_vectors", _n(50))}, lambda n_vectors: _cnt(n_vectors),
             check=lambda r, e: r == e),
        # ---- embeddings (lesson 05)
        Spec("score_table", lambda rows, cols: emb.score_table(
            emb.load_word_embeddings(), rows, cols),
             {"rows": ["cat", "dog"], "cols": ["kitten", "car"]},
             {"rows": ("rows", _t(["cat", "dog"])), "cols": ("cols", _t(["kitten", "car"]))},
             lambda rows, cols: _emb_table(rows, cols)),
        # ---- plots and figures (figures are closed after each case)
        Spec("plot_law_of_cosines", fn(plots.plot_law_of_cosines), {"a": A2, "b": B2},
             {"a": ("a", _v(A2)), "b": ("b", _v(B2))}, lambda a, b: _cos(a, b),
             check=fig_ok, pairs=("a", "b"), cleanup=_fig_close),
        Spec("plot_projection", fn(plots.plot_projection), {"a": A2, "b": B2},
             {"a": ("a", _v(A2)), "b": ("b", _v(B2))}, lambda a, b: _cos(a, b),
             check=fig_ok, pairs=("a", "b"), cleanup=_fig_close),
        Spec("plot_vectors", lambda a: plots.plot_vectors({"a": a}), {"a": A2},
             {"a": ("a", _v(A2))}, lambda a: floats(a), check=fig_ok, cleanup=_fig_close),
        Spec("plot_predictions", fn(plots.plot_predictions), {"y_true": A3, "y_pred": B3},
             {"y_true": ("y_true", _v(A3)), "y_pred": ("y_pred", _v(B3))},
             lambda y_true, y_pred: floats(y_true) - floats(y_pred), pairs=("y_true", "y_pred"),
             check=fig_ok, cleanup=_fig_close),
        Spec("plot_cost", lambda values: plots.plot_cost(["x", "y", "z"], values, ylabel="s"),
             {"values": A3}, {"values": ("values", _v(A3))}, lambda values: _three(values),
             check=fig_ok, cleanup=_fig_close),
        Spec("plot_activations", fn(plots.plot_activations), {"z_range": 6.0},
             {"z_range": ("z_range", _s(6.0))}, lambda z_range: _pos(z_range, hi=1e6),
             check=fig_ok, cleanup=_fig_close),
        Spec("plot_attention", lambda table: heatmap.plot_attention(
            table, ["r1", "r2"], ["x", "y", "z"], title="t"), {"table": W_TABLE},
             {"table": ("table", _m(W_TABLE))}, lambda table: _table(table, rows=2, cols=3),
             check=fig_ok, cleanup=_fig_close),
        Spec("describe", lambda fig, text: figs.describe(_new_fig() if fig == "fig" else fig,
                                                         text),
             {"fig": "fig", "text": "a line"},
             {"text": ("text", [Bad("None", "None", lambda: None, None),
                                Bad("empty", "blank", lambda: "  ", None),
                                Bad("NumPy scalars", "number", lambda: 3, None),
                                Bad("nested", "list", lambda: ["a line"], None)]),
              "fig": ("fig", [Bad("None", "None", lambda: None, None),
                              Bad("strings", "text", lambda: "figure", None)])},
             lambda fig, text: text, check=lambda r, e: hasattr(r, "savefig"),
             cleanup=_fig_close),
        *[Spec(f.__name__, lambda fig, f=f: f(fig), {"fig": None},
               {"fig": ("fig", [Bad("None", "None", lambda: None, None),
                                Bad("strings", "text", lambda: "figure", None),
                                Bad("NumPy scalars", "number", lambda: 3, None)])},
               lambda fig: None) for f in (figs.alt_text, figs.figure_html)],
    ]
    specs += _widget_specs()
    return specs


def _formatted(r: Any, e: Any) -> bool:
    if not isinstance(r, str):
        return False
    text = r.replace("−", "-")
    if isinstance(e, Fraction) and e.denominator == 1 and abs(e) > 10**15:
        return text.split(".")[0] == str(int(e))  # an exact whole number prints every digit
    if "<" in text:  # a table cell too small for its decimals: "<.01"
        return abs(float(e)) < 0.01
    return math.isclose(_last_number(r), float(e), rel_tol=0.01, abs_tol=0.006)


def _new_fig() -> Any:
    import matplotlib.pyplot as plt

    fig, _ = plt.subplots()
    return fig


def _pos(t: Any, hi: float = math.inf) -> float:
    x = _frac_float(Fraction(t))
    if not 0 < x < hi:
        raise Undefined("must be positive")
    return x


def _cnt(n: Any, lo: int = 1, hi: int = 10**6) -> int:
    f = Fraction(n)
    if f.denominator != 1 or not lo <= f <= hi:
        raise Undefined("not a count")
    return int(f)


def _table(x: Any, rows: int | None = None, cols: int | None = None) -> np.ndarray:
    t = floats(x)
    if t.ndim != 2 or 0 in t.shape or (rows and t.shape[0] != rows) or (
            cols and t.shape[1] != cols):
        raise Undefined("not a table of that shape")
    return t


def _table_exact(x: Any) -> np.ndarray:
    _table(x)
    return np.array(exact(x), dtype=object)


def _fin_exact(t: Any) -> Any:
    _fin(np.vectorize(_frac_float, otypes=[float])(np.array(t, dtype=object)))
    return t


def _weights_out(weights: Any, V: Any) -> np.ndarray:
    w = _table(weights)  # any weights: the output is their weighted sum of V's rows
    return _fin(w @ _table(V, rows=w.shape[1]))


Q4 = [[1.0, 0.0, 2.0, -1.0], [0.5, -1.0, 1.0, 0.0]]
K4 = [[1.0, 2.0, 0.0, 0.5], [0.0, 1.0, -1.0, 1.0], [2.0, 0.5, 1.0, 0.0]]
V4 = [[1.0, 2.0, 0.0, 1.0], [0.0, -1.0, 3.0, 0.5], [3.0, 0.5, -2.0, 1.0]]
H3 = [[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, -8.0]]]


def _h3(base: list[list[list[float]]]) -> list[Bad]:
    """Bad and odd values for a stack of per-head tables (3-D)."""
    arr = np.array(base)
    return [
        Bad("None", "None", lambda: None, None),
        Bad("strings", "text", lambda: str(base), None),
        Bad("empty", "list", lambda: [], None),
        Bad("empty", "no-heads", lambda: np.zeros((0, 2, 2)), None),
        Bad("nested", "2-D", lambda: base[0], None),
        Bad("2-D/3-D", "4-D", lambda: arr[None], None),
        Bad("NaN/inf", "nan", lambda: np.where(arr == 1.0, np.nan, arr), None),
        Bad("bools", "array", lambda: arr > 2, None),
        Bad("complex", "array", lambda: arr.astype(complex), None),
        Bad("masked arrays", "masked", lambda: np.ma.array(arr, mask=arr > 6), None),
        Bad("mismatched lengths", "ragged", lambda: [base[0], [[1.0], [2.0]]], None),
        Bad("NumPy scalars", "float32", lambda: arr.astype(np.float32), base),
        Bad("int8 overflow", "int8", lambda: arr.astype(np.int8), base),
        Bad("Fraction", "entries", lambda: [[[Fraction(x) for x in r] for r in h] for h in base],
            base),
    ]


def _split(x: np.ndarray, h: int) -> np.ndarray:
    d = x.shape[1]
    if d % h:
        raise Undefined("n_heads must divide the row size")
    return np.array([[row[i * (d // h):(i + 1) * (d // h)] for row in x] for i in range(h)])


def _concat(heads: Any) -> np.ndarray:
    t = floats(heads)
    if t.ndim != 3 or 0 in t.shape:
        raise Undefined("a stack of tables")
    return np.array([np.concatenate([t[h][i] for h in range(t.shape[0])])
                     for i in range(t.shape[1])])


def _mha(Q: Any, K: Any, V: Any, n_heads: Any) -> np.ndarray:
    q, k, v = _table(Q), _table(K), _table(V, rows=_table(K).shape[0])
    h = _cnt(n_heads, hi=1024)
    if not q.shape[1] == k.shape[1] == v.shape[1] or q.shape[1] % h:
        raise Undefined("shapes")
    dh = q.shape[1] // h
    outs = []
    for i in range(h):
        cols = slice(i * dh, (i + 1) * dh)
        outs.append(_softmax(_scores(q[:, cols], k[:, cols])) @ v[:, cols])
    return _fin(np.hstack(outs))


def _projection(concat: Any, W_o: Any, b_o: Any) -> np.ndarray:
    c, w, b = _table(concat), _table(W_o), floats(b_o)
    if w.shape[1] != c.shape[1] or b.shape != (w.shape[0],):
        raise Undefined("shapes")
    with np.errstate(all="ignore"):
        return _fin(np.array([[sum(c[i, j] * w[o, j] for j in range(c.shape[1])) + b[o]
                               for o in range(w.shape[0])] for i in range(c.shape[0])]))


def _pe(n_positions: Any, d_model: Any) -> np.ndarray:
    n, d = _cnt(n_positions, hi=10**4), _cnt(d_model, lo=2, hi=4096)
    if d % 2:
        raise Undefined("d_model must be even")
    return np.array([[math.sin(p / 10000 ** (i / d)) if i % 2 == 0 else
                      math.cos(p / 10000 ** ((i - 1) / d)) for i in range(d)]
                     for p in range(n)])


def _orders() -> list[Bad]:
    return [
        Bad("None", "None", lambda: None, None),
        Bad("strings", "text", lambda: "201", None),
        Bad("empty", "list", lambda: [], None),
        Bad("mismatched lengths", "short", lambda: [1, 0], None),
        Bad("mismatched lengths", "long", lambda: [2, 0, 1, 3], None),
        Bad("mismatched lengths", "repeat", lambda: [0, 0, 1], None),
        Bad("negative/zero", "negative", lambda: [-1, 0, 1], None),
        Bad("bools", "list", lambda: [True, False, True], None),
        Bad("nested", "row", lambda: [[2, 0, 1]], None),
        Bad("NumPy scalars", "floats", lambda: [2.0, 0.0, 1.0], None),
        Bad("NumPy scalars", "array", lambda: np.array([2, 0, 1]), [2, 0, 1]),
        Bad("NumPy scalars", "int8", lambda: np.array([2, 0, 1], dtype=np.int8), [2, 0, 1]),
        Bad("generators", "range", lambda: range(3), [0, 1, 2]),
        Bad("generators", "generator", lambda: (i for i in [2, 0, 1]), None),
        Bad("2**70", "int", lambda: [2**70, 0, 1], None),
        Bad("NaN/inf", "nan", lambda: [math.nan, 0, 1], None),
    ]


def _shuffled(Q: Any, K: Any, V: Any, order: Any) -> np.ndarray:
    q, k = _table(Q), _table(K)
    _table(V, rows=q.shape[0])
    if k.shape[0] != q.shape[0] or not isinstance(order, list) or sorted(order) != list(
            range(q.shape[0])):
        raise Undefined("one query, key and value per token; order a permutation")
    return _softmax(_scores(q[order], k[order]))


def _three(values: Any) -> np.ndarray:
    v = floats(values)
    if v.shape != (3,):
        raise Undefined("one value per label")
    return v


def _masks() -> list[Bad]:
    out = [b for b in _v([1.0, 1.0, 0.0]) if b.cls in {"empty", "None", "strings", "nested",
                                                       "2-D/3-D", "NaN/inf", "complex",
                                                       "masked arrays", "generators"}]
    return [*out,
            Bad("bools", "nested-bools", lambda: [[True, False]], None),
            Bad("bools", "all-False", lambda: [False, False], None),
            Bad("bools", "numbers-01", lambda: [1, 1, 0], [True, True, False]),
            Bad("bools", "np-bool-array", lambda: np.array([True, True, False]),
                [True, True, False]),
            Bad("bools", "tuple", lambda: (True, True, False), [True, True, False])]


def _padding(valid: Any) -> np.ndarray:
    if not isinstance(valid, list) or not valid or not all(
            isinstance(v, bool) or v in (0, 1) for v in valid) or not any(valid):
        raise Undefined("a padding mask is a list of True/False with at least one True")
    row = np.array(valid, dtype=bool)
    return np.tile(row, (len(valid), 1))


def _padding_n(valid: Any, n: Any) -> np.ndarray:
    k, m = _cnt(valid, lo=0, hi=10**4), _cnt(n, hi=10**4)
    if k > m:
        raise Undefined("more valid tokens than tokens")
    return np.tile(np.arange(m) < k, (m, 1))


def _labelled(table: Any, rows: Any, cols: Any) -> list[str]:
    t = _table(table)
    if not isinstance(rows, list) or not isinstance(cols, list) or len(rows) != t.shape[0] \
            or len(cols) != t.shape[1] or not all(isinstance(s, str) for s in rows + cols):
        raise Undefined("one label per row and per column")
    return [*rows, *cols]


def _lstsq(X: Any, y: Any) -> np.ndarray:
    Xf, yf = _table(X), floats(y)
    if Xf.shape[0] != yf.shape[0]:
        raise Undefined("one target per row")
    A = np.hstack([Xf, np.ones((Xf.shape[0], 1))])
    if np.linalg.matrix_rank(A) < A.shape[1]:
        raise Undefined("rank deficient")
    with np.errstate(all="ignore"):
        sol = np.linalg.lstsq(A, yf, rcond=None)[0]
    return _fin(sol)


def _importance(X: Any, w: Any) -> np.ndarray:
    Xf, wf = _table(X), floats(w)
    if Xf.shape[1] != wf.shape[0]:
        raise Undefined("one weight per column")
    with np.errstate(all="ignore"):
        return _fin(wf * Xf.std(axis=0))


def _props(a: Any, b: Any, c: Any, k: Any) -> float:
    if not len(a) == len(b) == len(c):
        raise Undefined("dims")
    kk = _frac_float(Fraction(k))
    for v in (a, b, c):
        floats(v)
    d = _ex_dot(a, b)
    # every side of every law must be a float: a·b, k(a·b), a·(b+c), ‖a‖²
    for x in (d, Fraction(kk) * d, _ex_dot(a, [p + q for p, q in zip(exact(b), exact(c),
                                                                     strict=True)]),
              _ex_dot(a, a)):
        _frac_float(x)
    return _frac_float(d)


def _emb_table(rows: Any, cols: Any) -> np.ndarray:
    from lessons_lib import embeddings as emb

    e = emb.load_word_embeddings()
    if not isinstance(rows, list) or not isinstance(cols, list) or not rows or not cols:
        raise Undefined("lists of words")
    labels = list(e.labels)
    if not all(isinstance(w, str) and w in labels for w in rows + cols):
        raise Undefined("unknown word")
    R = np.array([e.vectors[labels.index(w)] for w in rows], dtype=float)
    C = np.array([e.vectors[labels.index(w)] for w in cols], dtype=float)
    return R @ C.T


def _widget_specs() -> list[Spec]:
    from lessons_lib.widgets import (
        AttentionExplorer,
        HeadPicker,
        MatVecWidget,
        NeuronWidget,
        PropertyPanel,
        VectorPlayground,
        WordScoreTable,
    )
    from lessons_lib.widgets._common import MAX_ABS

    def within(v: Any, lim: float) -> list[float]:
        f = floats(v)
        if (np.abs(f) > lim).any():
            raise Undefined("outside the widget's range")
        return f.tolist()

    def two(v: Any, lim: float = MAX_ABS) -> list[float]:
        f = within(v, lim)
        if len(f) != 2:
            raise Undefined("the widget draws 2-D vectors")
        return f

    def pg_check(w: Any, e: Any) -> bool:
        return _close([*w.a, *w.b], e)

    def pp_check(w: Any, e: Any) -> bool:
        return w.report.all_hold

    from lessons_lib.widgets.neuron import sigmoid_svg

    return [
        Spec("sigmoid_svg", lambda z: sigmoid_svg(z), {"z": 0.5}, {"z": ("z", _s(0.5))},
             lambda z: _frac_float(Fraction(z)), check=lambda r, e: isinstance(r, str)
             and "nan" not in r.lower()),
        Spec("VectorPlayground", lambda a, b, grid: VectorPlayground(a, b, grid=grid),
             {"a": A2, "b": B2, "grid": 4},
             {"a": ("a", _v(A2)), "b": ("b", _v(B2)), "grid": ("grid", _n(4))},
             lambda a, b, grid: [*two(a), *two(b)] if 1 <= _cnt(grid, hi=100) else None,
             check=pg_check, cleanup=_widget_close),
        Spec("AttentionExplorer", lambda query, key_vectors, temperature: AttentionExplorer(
            query, key_vectors, temperature=temperature),
             {"query": A2, "key_vectors": [[1.2, 0.8], [-0.6, 1.1], [0.3, -0.9]],
              "temperature": 1.0},
             {"query": ("query", _v(A2)),
              "key_vectors": ("key_vectors", _m([[1.2, 0.8], [-0.6, 1.1], [0.3, -0.9]])),
              "temperature": ("temperature", _s(1.0))},
             lambda query, key_vectors, temperature: _explorer(query, key_vectors, temperature),
             check=lambda w, e: _close(w.weights, e), cleanup=_widget_close),
        Spec("NeuronWidget", lambda w, x, b, limit: NeuronWidget(w, x, b, limit=limit),
             {"w": [0.8, -0.5], "x": [1.0, 2.0], "b": 0.1, "limit": 3.0},
             {"w": ("w", _v([0.8, -0.5])), "x": ("x", _v([1.0, 2.0])), "b": ("b", _s(0.1)),
              "limit": ("limit", _s(3.0))},
             lambda w, x, b, limit: _neuron_w(w, x, b, limit), pairs=("w", "x"),
             check=lambda wd, e: _close([*wd.w, *wd.x, wd.b], e, rel=1e-9),
             cleanup=_widget_close),
        Spec("MatVecWidget", lambda M, x, limit: MatVecWidget(M, x, limit=limit),
             {"M": [[1, 2], [3, -1], [0, 1]], "x": [1.0, 1.0], "limit": 3.0},
             {"M": ("M", _m([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0]])), "x": ("x", _v([1.0, 1.0])),
              "limit": ("limit", _s(3.0))},
             lambda M, x, limit: _matvec_w(M, x, limit),
             check=lambda wd, e: _close(wd.result, e), cleanup=_widget_close),
        Spec("PropertyPanel", lambda a, c, k: PropertyPanel(VectorPlayground(a, B2), c=c, k=k),
             {"a": A2, "c": [0.5, -1.0], "k": 3.0},
             {"c": ("c", _v([0.5, -1.0])), "k": ("k", _s(3.0))},
             lambda a, c, k: _props(a, B2, c, k) if len(c) == 2 else
             (_ for _ in ()).throw(Undefined("2-D")), skip=("None/None",),  # c=None: default
             check=pp_check, cleanup=_widget_close),
        Spec("HeadPicker", lambda layer, head: HeadPicker(layer, head),
             {"layer": 5, "head": 11},
             {"layer": ("layer", _n(5, lo=0)), "head": ("head", _n(11, lo=0))},
             lambda layer, head: (_cnt(layer, lo=0, hi=5), _cnt(head, lo=0, hi=11)),
             check=lambda w, e: (w.layer, w.head) == e, cleanup=_widget_close),
        Spec("WordScoreTable", lambda query, keys: WordScoreTable(query, keys),
             {"query": "cat", "keys": ["milk", "car", "kitten"]},
             {"query": ("query", [Bad("None", "None", lambda: None, None),
                                  Bad("empty", "text", lambda: "", None),
                                  Bad("strings", "unknown", lambda: "zzzz", None),
                                  Bad("nested", "list", lambda: ["cat"], None),
                                  Bad("NumPy scalars", "number", lambda: 3, None)]),
              "keys": ("keys", _t(["milk", "car", "kitten"]))},
             lambda query, keys: _words(query, keys), check=lambda w, e: True,
             cleanup=_widget_close),
    ]


def _explorer(query: Any, keys: Any, temperature: Any) -> np.ndarray:
    from lessons_lib.widgets._common import MAX_ABS

    q = floats(query)
    k = _table(keys, rows=3, cols=2)
    if q.shape != (2,) or (np.abs(q) > MAX_ABS).any() or (np.abs(k) > MAX_ABS).any():
        raise Undefined("2-D, in range")
    if (np.abs(q) > 2.5).any() or (np.abs(k) > 2.5).any():  # the drawing shows −2.5 … 2.5
        raise Undefined("off the drawing")
    t = _frac_float(Fraction(temperature))
    if not 0.1 <= t <= 10:
        raise Undefined("temperature range")
    return _softmax(k @ q / math.sqrt(2), t)


def _neuron_w(w: Any, x: Any, b: Any, limit: Any) -> list[float]:
    lim = _pos(limit, hi=1e6)
    vals = [*within_(w, lim), *within_(x, lim), *within_([b], lim)]
    if len(w) != len(x) or len(w) > 6:
        raise Undefined("dims")
    return vals


def within_(v: Any, lim: float) -> list[float]:
    f = floats(v)
    if f.ndim != 1 or (np.abs(f) > lim).any():
        raise Undefined("range")
    return f.tolist()


def _matvec_w(M: Any, x: Any, limit: Any) -> list[float]:
    lim = _pos(limit, hi=1e6)
    xs = within_(x, lim)
    t = _table(M)
    if t.shape[1] != len(xs) or t.shape[0] > 6 or t.shape[1] > 6:
        raise Undefined("shape")
    return _fin((t @ np.array(xs)).tolist())


def _words(query: Any, keys: Any) -> bool:
    from lessons_lib import embeddings as emb

    labels = list(emb.load_word_embeddings().labels)
    if not isinstance(query, str) or query not in labels or not isinstance(keys, list) \
            or not keys or not all(isinstance(k, str) and k in labels for k in keys):
        raise Undefined("known words")
    return True


# --------------------------------------------------------------------------- cases
#: The functions probed with vectors of 2,000 numbers (the fast paths); every other function
#: gets the small cases only, so the table stays quick.
LARGE_SPECS = {"add", "scale", "dot", "norm", "normalise", "cosine_similarity", "angle_between",
               "scalar_projection", "project_onto", "sign_message", "sigmoid", "relu",
               "softmax", "format_vector"}


@dataclass(frozen=True)
class Case:
    spec: str
    arg: str
    cls: str
    label: str

    @property
    def id(self) -> str:
        return f"{self.spec}-{self.arg}-{self.cls}-{self.label}".replace(" ", "_")


@dataclass
class Outcome:
    kind: str  # ok | clear | unclear | silent | nan | hang
    detail: str = ""


_SPECS: dict[str, Spec] = {}


def specs() -> dict[str, Spec]:
    if not _SPECS:
        _SPECS.update({s.name: s for s in _specs()})
    return _SPECS


def cases() -> list[Case]:
    out = []
    for s in specs().values():
        for arg, (_, bads) in s.slots.items():
            if s.cleanup is not None:  # figures and widgets are slow to build: one per class
                seen: set[str] = set()
                bads = [b for b in bads if not (b.cls in seen or seen.add(b.cls))]
            for b in bads:
                if b.cls == "mismatched lengths" and arg in s.pairs:
                    continue
                if b.cls in s.skip or f"{b.cls}/{b.label}" in s.skip:
                    continue
                if b.cls == "large sizes" and s.name not in LARGE_SPECS:
                    continue  # the everyday loop stays fast: big vectors for the vector ops
                out.append(Case(s.name, arg, b.cls, b.label))
        for arg in s.pairs:  # one component too many or too few, in each paired vector
            out.append(Case(s.name, arg, "mismatched lengths", "one-more"))
            out.append(Case(s.name, arg, "mismatched lengths", "one-fewer"))
    return out


def groups(part: int) -> list[tuple[str, str]]:
    """Half of the (function, argument) groups: 0 or 1, so two test files share the work
    (``--dist loadfile`` gives each file to one worker)."""
    weights: Counter[tuple[str, str]] = Counter((c.spec, c.arg) for c in cases())
    halves: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    load = [0, 0]
    for group, n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        i = 0 if load[0] <= load[1] else 1
        halves[i].append(group)
        load[i] += n
    return sorted(halves[part])


def _bad(spec: Spec, case: Case) -> Bad:
    if case.cls == "mismatched lengths" and case.arg in spec.pairs:
        good = list(spec.good[case.arg])
        if case.label == "one-more":
            return Bad(case.cls, case.label, lambda: [*good, 1.0], None)
        return Bad(case.cls, case.label, lambda: good[:-1], None)
    for b in spec.slots[case.arg][1]:
        if (b.cls, b.label) == (case.cls, case.label):
            return b
    raise KeyError(case)


#: Words a clear message uses to tell the fix.
FIX_WORDS = re.compile(
    r"e\.g\.|\b(Use|use|Give|give|Write|write|Convert|convert|Scale|scale|Pick|pick|Replace|"
    r"replace|Check|check|Wrap|wrap|Find|find|Remove|remove|Divide|divide|Choose|choose|Pass|"
    r"pass|Call|call|Make|make|Build|build|Turn|turn|Keep|keep|Drop|drop|Fill|fill|Flatten|"
    r"flatten|Add|add|Put|put|Set|set|Try|try|Move|move|Start|start|Ask|ask|Take|take|"
    r"Leave|leave|Run|run|Type|type)\b")

#: Phrases that leak Python/NumPy internals to a learner.
JARGON = re.compile(
    r"inhomogeneous|could not convert|setting an array element|ufunc|unsupported operand|"
    r"object of type|not supported between|invalid literal|positional argument|"
    r"int too large to convert|Python int too large|math range error|has no attribute|"
    r"is not iterable|dtype\(|could not be broadcast|operands could not|shapes \(|casting rule|"
    r"NoneType|cannot be interpreted|truth value of an array|out of range|"
    r"Numerical result|object is not subscriptable|argument must be|must be real number|"
    r"unhashable|got an unexpected|missing \d+ required|MaskedConstant|cannot convert|"
    r"expected sequence|float\(\)|int\(\)|conversion|Cannot cast|size \d+ is different|"
    r"index \d+ is out of bounds|decimal\.|InvalidOperation|ConversionSyntax")

#: "length" is ‖a‖ in lesson 01: a count of components is "number of components"/"dimension".
LENGTH_AS_COUNT = re.compile(
    r"same length|different lengths?|lengths? (differ|\d)|of length \d|has length|"
    r"lengths of|the length of (a|b|the) (list|vector)s?\b(?! ‖)|length mismatch|length-\d")

ERRORS = (TypeError, ValueError, OverflowError, ZeroDivisionError)


def _names_problem(msg: str, name: str) -> bool:
    n = re.escape(name)
    return bool(re.search(rf"(^|[\s(`'\"]){n}(\[|\s|·|'s|’s|,|\.|:|;|\)|=|$)", msg))


def _clear(exc: BaseException, name: str, others: tuple[str, ...] = ()) -> tuple[bool, str]:
    import traitlets

    msg = str(exc)
    if not isinstance(exc, (*ERRORS, traitlets.TraitError)):
        return False, f"{type(exc).__name__} is not an error a learner can act on"
    if isinstance(exc, ZeroDivisionError):
        return False, "ZeroDivisionError"
    if JARGON.search(msg):
        return False, f"leaks {JARGON.search(msg).group(0)!r}"  # type: ignore[union-attr]
    if LENGTH_AS_COUNT.search(msg):
        return False, f"says {LENGTH_AS_COUNT.search(msg).group(0)!r} for a count"  # type: ignore[union-attr]
    if not _names_problem(msg, name) and not (
            isinstance(exc, OverflowError) and any(_names_problem(msg, n) for n in others)):
        # an overflow may name the argument it comes from with another: "w·x is too large"
        return False, f"does not name {name}"
    if not FIX_WORDS.search(msg):
        return False, "says no fix"
    return True, ""


def _has_nonfinite(result: Any, depth: int = 0) -> bool:
    if depth > 3:
        return False
    if isinstance(result, float):
        return not math.isfinite(result)
    if isinstance(result, np.ndarray) and result.dtype.kind in "fc":
        return not np.isfinite(result).all()
    if isinstance(result, (list, tuple)):
        return any(_has_nonfinite(r, depth + 1) for r in result)
    if isinstance(result, str):
        low = result.lower()
        return bool(re.search(r"\bnan\b|\binf\b|∞", low))
    if hasattr(result, "__dataclass_fields__"):
        return any(_has_nonfinite(getattr(result, f), depth + 1)
                   for f in result.__dataclass_fields__)
    return False


class _Timeout(BaseException):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def run(case: Case) -> Outcome:
    spec = specs()[case.spec]
    bad = _bad(spec, case)
    name = spec.slots[case.arg][0] if case.arg in spec.slots else case.arg
    args = dict(spec.good)
    args[case.arg] = bad.make()
    meant = dict(spec.good)
    meant[case.arg] = bad.meant
    old = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, TIMEOUT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = spec.call(**args)
    except _Timeout:
        return Outcome("hang", f"no answer in {TIMEOUT} s of CPU time")
    except Exception as exc:
        ok, why = _clear(exc, name, tuple(v[0] for v in spec.slots.values()))
        text = f"{type(exc).__name__}: {exc}"
        return Outcome("clear" if ok else "unclear", text if ok else f"{why} | {text}")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    try:
        return _judge(spec, result, meant, bad)
    finally:
        if spec.cleanup is not None:
            spec.cleanup(result)


def _judge(spec: Spec, result: Any, meant: dict[str, Any], bad: Bad) -> Outcome:
    try:
        shown = repr(result)[:120]
    except Exception:
        shown = f"<a {type(result).__name__} that cannot be printed>"
    try:
        if _has_nonfinite(result):
            return Outcome("nan", f"returned {shown}")
    except Exception:
        pass
    if bad.meant is None:
        return Outcome("silent", f"accepted meaningless input, returned {shown}")
    try:
        expected = spec.oracle(**meant)
    except Undefined as why:
        return Outcome("silent", f"no right answer exists ({why}), returned {shown}")
    try:
        right = spec.check(result, expected)
    except Exception as exc:
        right = False
        shown += f" (check failed: {exc!r})"
    if right:
        return Outcome("ok")
    return Outcome("silent", f"returned {shown}, expected {repr(expected)[:120]}")


# --------------------------------------------------------------------------- subjects
def public_names() -> dict[str, str]:
    """Every name in the ``__all__`` of every public module of lessons_lib -> its module."""
    import pkgutil

    import lessons_lib

    found: dict[str, str] = {}
    modules = ["lessons_lib", "lessons_lib.widgets"] + [
        m.name for m in pkgutil.walk_packages(lessons_lib.__path__, "lessons_lib.")
        if not any(part.startswith("_") for part in m.name.split("."))]
    for mod_name in modules:
        if mod_name in SKIP_MODULES or mod_name.startswith("lessons_lib.checkers."):
            continue  # the checkers package's modules: probed with the checkers
        mod = importlib.import_module(mod_name)
        names = getattr(mod, "__all__", None)
        if names is None:
            raise AssertionError(f"{mod_name} has no __all__: say what it exports")
        for name in names:
            found.setdefault(name, mod_name)
    return found


def covered(name: str) -> bool:
    s = specs()
    module = importlib.import_module(public_names()[name])
    if not callable(getattr(module, name)):
        return True  # a constant (a colour list, a tolerance): nothing to call
    return name in NO_INPUTS or name in s or any(k.startswith(name + "-") for k in s)


def table(outcomes: list[tuple[Case, Outcome]]) -> str:
    kinds = ["ok", "clear", "unclear", "silent", "nan", "hang"]
    by_cls: dict[str, Counter[str]] = {}
    for c, o in outcomes:
        by_cls.setdefault(c.cls, Counter())[o.kind] += 1
    lines = ["| input class | " + " | ".join(kinds) + " | total |",
             "|---" * (len(kinds) + 2) + "|"]
    total: Counter[str] = Counter()
    for cls in sorted(by_cls):
        cnt = by_cls[cls]
        total.update(cnt)
        lines.append(f"| {cls} | " + " | ".join(str(cnt[k]) for k in kinds)
                     + f" | {sum(cnt.values())} |")
    lines.append("| **all** | " + " | ".join(f"**{total[k]}**" for k in kinds)
                 + f" | **{sum(total.values())}** |")
    return "\n".join(lines)


def check_group(all_cases: Iterable[Case], spec: str, arg: str,
                run_case: Callable[[Case], Outcome], known: dict[str, str],
                known_file: str) -> None:
    """Run the cases of one argument ``arg`` of one spec and compare with the known list
    (case id → the outcome kind it is listed with): fail on an outcome that is neither
    right, clear nor listed so, and on a listed case that is now right or clear."""
    import matplotlib

    matplotlib.use("Agg")
    problems, fixed = [], []
    for case in all_cases:
        if (case.spec, case.arg) != (spec, arg):
            continue
        outcome = run_case(case)
        listed = known.get(case.id)
        if outcome.kind in ("ok", "clear"):
            if listed is not None:
                fixed.append(case.id)
        elif outcome.kind != listed:
            problems.append(f"{outcome.kind}: {case.id}: {outcome.detail[:300]}")
    assert problems == [], "\n".join(problems)
    assert fixed == [], f"now right or clear: strike from {known_file}: {fixed}"


def check_probed(names: list[str], covered: Callable[[str], bool], at_least: int,
                 fix: str) -> None:
    """Every one of ``names`` (more than ``at_least``) has a spec; ``fix`` says where."""
    assert len(names) > at_least
    missing = [n for n in names if not covered(n)]
    assert missing == [], f"{fix}: {missing}"


def check_classes(all_cases: list[Case], needed: list[str]) -> None:
    """The table holds at least 1500 cases and a case of every class in ``needed``."""
    assert len(all_cases) >= 1500
    classes = {c.cls for c in all_cases}
    for name in needed:
        assert name in classes, name


def report(all_cases: Iterable[Case],
           run_case: Callable[[Case], Outcome]) -> list[tuple[Case, Outcome]]:
    """Run every case (figures off screen) and print the class table, the time taken and
    each case whose outcome is not a right result or a clear error (every case with
    ``-v``); return the outcomes. Both tables' ``main`` report through it."""
    import matplotlib

    matplotlib.use("Agg")
    t0 = time.perf_counter()
    outcomes = [(c, run_case(c)) for c in all_cases]
    print(table(outcomes))
    print(f"\n{len(outcomes)} cases in {time.perf_counter() - t0:.1f} s")
    verbose = "-v" in sys.argv
    for c, o in outcomes:
        if o.kind not in ("ok", "clear") or verbose:
            print(f"{o.kind:8} {c.id}: {o.detail[:300]}")
    return outcomes


def main() -> int:
    outcomes = report(cases(), run)
    if "--write-known" in sys.argv:
        from pathlib import Path

        lines = ["# Cases of tests/bad_input_table.py whose outcome is not yet a right result",
                 "# or a clear error: left to fix (issue 24). Written by `python",
                 "# tests/bad_input_table.py --write-known`; strike a line when it is fixed.",
                 *sorted(f"{o.kind} {c.id}" for c, o in outcomes if o.kind not in ("ok", "clear"))]
        Path(__file__).with_name("bad_input_known.txt").write_text("\n".join(lines) + "\n",
                                                                   encoding="utf-8")
    missing = [n for n in public_names() if not covered(n)]
    if missing:
        print("not covered:", missing)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
