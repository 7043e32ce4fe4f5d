"""The bad-answer table: every checker, quiz class and exercise × every class of hostile answer.

The subjects are found, not listed: every public function of :mod:`lessons_lib.checkers`,
every public class of :mod:`lessons_lib.widgets.quiz` and every exercise object in
:data:`lessons_lib.exercises.EXERCISES`. ``tests/test_bad_answers.py`` checks that each has a
spec here (or a reason in ``NO_INPUTS``) and runs every case. Run this file directly for the
class table::

    PYTHONPATH=. python tests/bad_answer_table.py

Two sides are probed:

*learner side* (an answer given to a checker, ``Exercise.check``, ``MultipleChoice.check``,
``NumericAnswer.check``, ``Quiz.answer``): every answer must come back as feedback, never a
traceback. Each hostile answer says what it *means*:

``right``  the right answer in another form (``Decimal``, ``Fraction``, a NumPy scalar, a
           tuple instead of a list, a typed "−0.5" in the quiz box): "correct" is ``ok``; a
           refusal in the lessons' words is ``clear``; a refusal that diagnoses a numeric
           mistake ("too small", "off by") is ``silent`` (it misleads);
``wrong``  no meaning, an ambiguous one ("1,000": one thousand or 1.000?) or a different
           number: "correct" is ``silent``; a refusal in the lessons' words is ``clear``;
``any``    either verdict is fine, as long as the message is clean.

A message is clean when it leaks no Python/NumPy internals (the :data:`JARGON` of the
bad-input table), shows no raw ``nan``/``inf`` (``nan``), advises no code a learner cannot
run (``answer = −32`` with U+2212), and quotes back at most a few hundred characters.

*teacher side* (the expected value, the options, the tolerance, the exercise's vectors, the
quiz's questions): a meaningless argument must raise an error naming the argument, the
problem and the fix (``clear``); accepting it is ``silent``; any other error ``unclear``.

Classes of outcome, as in ``tests/bad_input_table.py``: ok / clear / unclear / silent / nan /
hang (no answer in ``TIMEOUT`` seconds).
"""

from __future__ import annotations

import math
import re
import signal
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import nbformat
import numpy as np

TIMEOUT = 5

#: Public names that take no answer and no teacher argument a learner or teacher could
#: get wrong, with the reason.
NO_INPUTS = {
    "Feedback": "the record every checker returns (status, message); built by the checkers",
    "NotYet": "the AssertionError Feedback.require raises; carries a checker's message",
    "Passed": "the record Feedback.require returns for a right autograded answer; built by it",
    "NoSuchQuestion": "the error quiz.answer raises for a question number it does not have",
    "Question": "a type alias (MultipleChoice | NumericAnswer), not a callable",
    "record_first_tries": "the nbgrader course's quiz cell calls it with a file name written "
                          "by tools/nbgrader_course.py; no learner or teacher types it",
    "first_try": "the nbgrader course's autograded cells call it with question numbers "
                 "written by tools/nbgrader_course.py; quiz.first_try checks a number as "
                 "quiz.answer does",
}

RIGHT, WRONG, ANY = "right", "wrong", "any"

#: The argument name of a learner's answer in case ids (teacher arguments keep their names).
LEARNER = "learner"


@dataclass(frozen=True)
class Bad:
    cls: str                       # input class (table row)
    label: str                     # short description (test id)
    make: Callable[[], Any]        # builds a fresh value (generators are single-use)
    meant: str                     # RIGHT / WRONG / ANY (learner side); WRONG or RIGHT (teacher)


class _Liar:
    """An object equal to everything, whose float() is 999: it must not pass a check."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __float__(self) -> float:
        return 999.0


class _FloatLike:
    """Not a number type, but float() of it is the right answer (a widget's value, say)."""

    def __init__(self, x: float) -> None:
        self.x = x

    def __float__(self) -> float:
        return self.x


class _FloatSub(float):
    """A float subclass (what some libraries return): it means its value."""


def _minus(x: float) -> str:
    return f"{x:g}".replace("-", "−")


def _comma_tuple(r: float) -> tuple[tuple[int, int], str] | None:
    """``answer = 0,42`` as Python reads it, for a right answer r; with what it means."""
    s = f"{r:.10g}"
    if "e" in s or "." not in s:
        return None
    whole, frac = s.split(".")
    if frac.startswith("0"):
        return None  # 1,05 is a SyntaxError in Python: no learner gets that far
    pair = (int(whole), int(frac))
    if s.startswith("-0."):
        return pair, WRONG  # -0,42 is the pair (0, 42): the minus is lost
    return pair, RIGHT


def _numbers(r: float, typed: bool = False) -> list[Bad]:
    """Hostile answers for a right answer that is one number ``r``.

    ``typed``: the answer is text typed into a quiz box, where "32" (and "0,42", and "−32"
    with U+2212) is how a number is written, not a mistake.
    """
    as_text = RIGHT if typed else WRONG
    out = [
        Bad("strings", "quoted", lambda: f"{r:g}", as_text),
        Bad("strings", "U+2212", lambda: _minus(-abs(r)) if r else "−0",
            as_text if r <= 0 else WRONG),
        Bad("strings", "decimal-comma-text", lambda: f"{r:g}".replace(".", ","), as_text),
        Bad("strings", "thousands-text", lambda: "1,000", WRONG),
        Bad("strings", "empty", lambda: "", WRONG),
        Bad("strings", "dots", lambda: "...", WRONG),
        Bad("strings", "bytes", lambda: f"{r:g}".encode(), WRONG),
        Bad("strings", "word", lambda: "thirty-two", WRONG),
        Bad("decimal comma", "1,000", lambda: (1, 0), WRONG),
        Bad("decimal comma", "3,500", lambda: (3, 500), WRONG),
        Bad("decimal comma", "three-parts", lambda: (1, 234, 567), WRONG),
        Bad("Decimal", "value", lambda: Decimal(repr(float(r))), RIGHT),
        Bad("Decimal", "nan", lambda: Decimal("NaN"), WRONG),
        Bad("Decimal", "1e400", lambda: Decimal("1e400"), WRONG),
        Bad("Fraction", "value", lambda: Fraction(float(r)), RIGHT),
        Bad("Fraction", "third", lambda: Fraction(1, 3) + Fraction(float(r)), WRONG),
        Bad("None", "None", lambda: None, WRONG),
        Bad("None", "Ellipsis", lambda: ..., WRONG),
        Bad("None", "in-list", lambda: [None], WRONG),
        Bad("nested", "list", lambda: [r], WRONG),
        Bad("nested", "list-2d", lambda: [[r]], WRONG),
        Bad("nested", "ragged", lambda: [[r, 1], [2]], WRONG),
        Bad("nested", "tuple-text", lambda: ("a", "b"), WRONG),
        Bad("NaN/inf", "nan", lambda: math.nan, WRONG),
        Bad("NaN/inf", "inf", lambda: math.inf, WRONG),
        Bad("NaN/inf", "-inf", lambda: -math.inf, WRONG),
        Bad("NaN/inf", "np-nan32", lambda: np.float32("nan"), WRONG),
        Bad("10**400", "int", lambda: 10**400, WRONG),
        Bad("10**400", "negative", lambda: -(10**400), WRONG),
        Bad("10**400", "1e308", lambda: 1e308, WRONG),
        Bad("bools", "True", lambda: True, WRONG),
        Bad("bools", "False", lambda: False, WRONG),
        Bad("bools", "np-bool", lambda: np.bool_(True), WRONG),
        Bad("NumPy scalars", "float64", lambda: np.float64(r), RIGHT),
        Bad("NumPy scalars", "float32", lambda: np.float32(r), RIGHT),
        Bad("NumPy scalars", "longdouble", lambda: np.longdouble(r), RIGHT),
        Bad("NumPy scalars", "0-D array", lambda: np.array(r), RIGHT),
        Bad("NumPy scalars", "1-element array", lambda: np.array([r]), WRONG),
        Bad("masked arrays", "masked-constant", lambda: np.ma.masked, WRONG),
        Bad("masked arrays", "masked-0d", lambda: np.ma.array(r, mask=True), WRONG),
        Bad("masked arrays", "masked-1", lambda: np.ma.array([r], mask=[True]), WRONG),
        Bad("generators", "generator", lambda: (x for x in [r]), WRONG),
        Bad("generators", "iterator", lambda: iter([r]), WRONG),
        Bad("huge", "array-10**6", lambda: np.arange(10**6, dtype=float), WRONG),
        Bad("huge", "digits-10**5", lambda: "9" * 10**5, WRONG),
        Bad("weird objects", "object", lambda: object(), WRONG),
        Bad("weird objects", "function", lambda: math.sqrt, WRONG),
        Bad("weird objects", "type", lambda: float, WRONG),
        Bad("weird objects", "dict", lambda: {"answer": r}, WRONG),
        Bad("weird objects", "set", lambda: {r}, WRONG),
        Bad("weird objects", "liar", lambda: _Liar(), WRONG),
        Bad("weird objects", "float-like", lambda: _FloatLike(float(r)), ANY),
        Bad("weird objects", "float-subclass", lambda: _FloatSub(r), RIGHT),
        Bad("weird objects", "complex", lambda: complex(r, 1), WRONG),
        Bad("weird objects", "complex-0j", lambda: complex(r, 0), ANY),
        Bad("weird objects", "exception", lambda: ValueError("x"), WRONG),
    ]
    if float(r).is_integer():
        out.append(Bad("NumPy scalars", "int64", lambda: np.int64(round(r)), RIGHT))
        out.append(Bad("NumPy scalars", "int8-wrapped",
                       lambda: np.int8(-56), WRONG))
    if float(r) in (0.0, 1.0):
        out.append(Bad("bools", "as-bool", lambda: bool(r), WRONG))
    comma = _comma_tuple(float(r))
    if comma is not None:
        pair, meant = comma
        out.append(Bad("decimal comma", "code", lambda: pair, meant))
    return out


def _vectors(v: Any) -> list[Bad]:
    """Hostile answers for a right answer that is a vector or a table ``v``."""
    a = np.asarray(v, dtype=float)
    lst = a.tolist()
    flat = a.ravel().tolist()
    masked = np.ma.array(a, mask=np.zeros(a.shape, dtype=bool))
    masked.mask.flat[0] = True
    out = [
        Bad("strings", "text", lambda: str(lst), WRONG),
        Bad("strings", "text-entries", lambda: np.array(a, dtype=str).tolist(), WRONG),
        Bad("strings", "U+2212-entries",
            lambda: np.vectorize(lambda x: _minus(x))(a).tolist(), WRONG),
        Bad("strings", "empty", lambda: "", WRONG),
        Bad("strings", "str-array", lambda: a.astype(str), WRONG),
        Bad("Decimal", "entries", lambda: np.vectorize(lambda x: Decimal(repr(x)),
                                                       otypes=[object])(a).tolist(), RIGHT),
        Bad("Decimal", "nan-entry", lambda: [Decimal("NaN"), *flat[1:]] if a.ndim == 1
            else [[Decimal("NaN"), *lst[0][1:]], *lst[1:]], WRONG),
        Bad("Fraction", "entries", lambda: np.vectorize(Fraction, otypes=[object])(a).tolist(),
            RIGHT),
        Bad("None", "None", lambda: None, WRONG),
        Bad("None", "one-None", lambda: [None, *lst[1:]], WRONG),
        Bad("None", "all-None", lambda: np.full(a.shape, None).tolist(), WRONG),
        Bad("nested", "wrapped", lambda: [lst], WRONG),
        Bad("nested", "ragged", lambda: [flat[:1], flat[1:]], WRONG),
        Bad("nested", "column", lambda: [[x] for x in flat], WRONG),
        Bad("nested", "flattened" if a.ndim > 1 else "one-more", lambda: flat if a.ndim > 1
            else [*flat, 0.0], WRONG),
        Bad("nested", "one-fewer", lambda: lst[:-1], WRONG),
        Bad("nested", "empty-list", lambda: [], WRONG),
        Bad("nested", "tuple", lambda: tuple(tuple(r) if isinstance(r, list) else r
                                             for r in lst), RIGHT),
        Bad("nested", "single-number", lambda: flat[0], WRONG),
        Bad("NaN/inf", "nan", lambda: np.where(np.arange(a.size).reshape(a.shape) == 0,
                                               np.nan, a).tolist(), WRONG),
        Bad("NaN/inf", "inf", lambda: np.where(np.arange(a.size).reshape(a.shape) == 0,
                                               np.inf, a), WRONG),
        Bad("10**400", "entry", lambda: [10**400, *flat[1:]], WRONG),
        Bad("bools", "as-bools", lambda: (a != 0).tolist(), WRONG),
        Bad("bools", "np-bools", lambda: a != 0, WRONG),
        Bad("NumPy scalars", "array", lambda: a.copy(), RIGHT),
        Bad("NumPy scalars", "float32", lambda: a.astype(np.float32), RIGHT),
        Bad("NumPy scalars", "scalars", lambda: [np.float64(x) for x in flat] if a.ndim == 1
            else [[np.float64(x) for x in row] for row in lst], RIGHT),
        Bad("NumPy scalars", "object-array", lambda: a.astype(object), RIGHT),
        Bad("NumPy scalars", "3-D", lambda: a[None, ...], WRONG),
        Bad("masked arrays", "masked-entry", lambda: masked.copy(), WRONG),
        Bad("masked arrays", "nothing-masked", lambda: np.ma.array(a), ANY),
        Bad("masked arrays", "masked-constant", lambda: np.ma.masked, WRONG),
        Bad("generators", "generator", lambda: (x for x in lst), ANY),
        Bad("generators", "map", lambda: map(lambda x: x, lst), ANY),
        Bad("generators", "range", lambda: range(3), WRONG),
        Bad("huge", "array-10**6", lambda: np.zeros(10**6), WRONG),
        Bad("huge", "list-10**6", lambda: [0.5] * 10**6, WRONG),
        Bad("weird objects", "object", lambda: object(), WRONG),
        Bad("weird objects", "dict", lambda: dict(enumerate(flat)), WRONG),
        Bad("weird objects", "set", lambda: set(flat), WRONG),
        Bad("weird objects", "liar-entry", lambda: [_Liar(), *lst[1:]], WRONG),
        Bad("weird objects", "complex", lambda: a.astype(complex) + 1j, WRONG),
        Bad("weird objects", "function", lambda: np.dot, WRONG),
    ]
    if a.ndim == 2 and a.shape[0] == a.shape[1] and not np.allclose(a, a.T):
        out.append(Bad("nested", "transposed", lambda: a.T.tolist(), WRONG))
    return out


def _choices(letter: str, text: str | None) -> list[Bad]:
    """Hostile answers for a multiple-choice question whose right option is ``letter``."""
    other = "Z"
    out = [
        Bad("strings", "lower", lambda: letter.lower(), RIGHT),
        Bad("strings", "paren", lambda: f"{letter})", RIGHT),
        Bad("strings", "both-parens", lambda: f"({letter})", RIGHT),
        Bad("strings", "spaces", lambda: f"  {letter} ", RIGHT),
        Bad("strings", "empty", lambda: "", WRONG),
        Bad("strings", "blank", lambda: "   ", WRONG),
        Bad("strings", "two-letters", lambda: letter + other, WRONG),
        Bad("strings", "other-letter", lambda: other, WRONG),
        Bad("strings", "greek-lookalike",
            lambda: {"A": "Α", "B": "Β", "C": "С"}.get(letter, letter), ANY),
        Bad("strings", "fullwidth", lambda: "".join(chr(ord(c) + 0xFEE0) for c in letter),
            ANY),
        Bad("strings", "bytes", lambda: letter.encode(), WRONG),
        Bad("None", "None", lambda: None, WRONG),
        Bad("None", "Ellipsis", lambda: ..., WRONG),
        Bad("nested", "list", lambda: [letter], ANY),
        Bad("NaN/inf", "nan", lambda: math.nan, WRONG),
        Bad("10**400", "int", lambda: 10**400, WRONG),
        Bad("bools", "True", lambda: True, WRONG),
        Bad("NumPy scalars", "np-str", lambda: np.str_(letter), RIGHT),
        Bad("NumPy scalars", "index", lambda: np.int64(0), WRONG),
        Bad("Decimal", "decimal", lambda: Decimal(1), WRONG),
        Bad("huge", "text-10**6", lambda: letter * 10**6, WRONG),
        Bad("weird objects", "object", lambda: object(), WRONG),
        Bad("weird objects", "liar", lambda: _Liar(), WRONG),
        Bad("generators", "generator", lambda: (c for c in letter), WRONG),
        Bad("masked arrays", "masked-constant", lambda: np.ma.masked, WRONG),
    ]
    if text is not None:
        out += [Bad("strings", "option-text", lambda: text, RIGHT),
                Bad("strings", "letter-and-text", lambda: f"{letter}) {text}", RIGHT),
                Bad("strings", "other-letter-right-text", lambda: f"{other}) {text}", WRONG)]
    return out


# --------------------------------------------------------------------------- teacher side
def _teacher_numbers(good: float) -> list[Bad]:
    """Bad teacher values for a number argument (an expected value, a tolerance...)."""
    return [
        Bad("teacher: NaN/inf", "nan", lambda: math.nan, WRONG),
        Bad("teacher: NaN/inf", "inf", lambda: math.inf, WRONG),
        Bad("teacher: None", "None", lambda: None, WRONG),
        Bad("teacher: strings", "text", lambda: str(good), WRONG),
        Bad("teacher: bools", "True", lambda: True, WRONG),
        Bad("teacher: 10**400", "int", lambda: 10**400, WRONG),
        Bad("teacher: nested", "list", lambda: [good], WRONG),
        Bad("teacher: Decimal", "value", lambda: Decimal(repr(float(good))), RIGHT),
        Bad("teacher: NumPy scalars", "float32", lambda: np.float32(good), RIGHT),
    ]


def _teacher_vectors(good: Any) -> list[Bad]:
    """Bad teacher values for a vector (or table) argument of a checker."""
    a = np.asarray(good, dtype=float)
    lst = a.tolist()
    return [
        Bad("teacher: NaN/inf", "nan", lambda: np.where(np.arange(a.size).reshape(a.shape)
                                                        == 0, np.nan, a), WRONG),
        Bad("teacher: NaN/inf", "inf", lambda: np.where(np.arange(a.size).reshape(a.shape)
                                                        == 0, np.inf, a).tolist(), WRONG),
        Bad("teacher: None", "None", lambda: None, WRONG),
        Bad("teacher: None", "one-None", lambda: [None, *lst[1:]], WRONG),
        Bad("teacher: strings", "text", lambda: str(lst), WRONG),
        Bad("teacher: nested", "ragged", lambda: [a.ravel().tolist()[:1],
                                                  [*a.ravel().tolist()[1:], 0.0]], WRONG),
        Bad("teacher: nested", "empty", lambda: [], WRONG),
        Bad("teacher: 10**400", "entry", lambda: [10**400, *lst[1:]], WRONG),
        Bad("teacher: bools", "bools", lambda: (a != 0).tolist(), WRONG),
        Bad("teacher: Decimal", "entries", lambda: np.vectorize(
            lambda x: Decimal(repr(x)), otypes=[object])(a).tolist(), RIGHT),
    ]


# --------------------------------------------------------------------------- specs
@dataclass
class Spec:
    """How to put one subject to the test.

    ``answer(value)`` gives the verdict on a learner's answer (Feedback); ``right`` is the
    right answer, computed here independently (by hand or NumPy). ``teacher`` maps each
    teacher-side argument to (its name in messages, bad values, ``build(value)`` that makes
    the subject with that argument and returns the verdict on the right answer).
    """

    name: str
    answer: Callable[[Any], Any] | None
    bads: list[Bad]
    teacher: dict[str, tuple[str, list[Bad], Callable[[Any], Any]]]


def _softmax(s: Any) -> np.ndarray:
    s = np.asarray(s, dtype=float)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


Q2 = [[1.0, 0.0], [0.0, 1.0]]
K2 = [[1.0, 1.0], [0.0, 2.0]]


def _checker_specs() -> list[Spec]:
    from lessons_lib import checkers as ch

    def number_spec(name: str, call: Callable[..., Any], right: float,
                    teacher: dict[str, Any]) -> Spec:
        return Spec(name, lambda x: call(x, **teacher), _numbers(right),
                    _teacher(call, teacher, right))

    def vector_spec(name: str, call: Callable[..., Any], right: Any,
                    teacher: dict[str, Any]) -> Spec:
        return Spec(name, lambda x: call(x, **teacher), _vectors(right),
                    _teacher(call, teacher, right))

    def _teacher(call: Callable[..., Any], teacher: dict[str, Any], right: Any
                 ) -> dict[str, tuple[str, list[Bad], Callable[[Any], Any]]]:
        out = {}
        for arg, good in teacher.items():
            if isinstance(good, (int, float)):
                bads = _teacher_numbers(good)
            elif isinstance(good, (list, tuple, np.ndarray)):
                bads = _teacher_vectors(good)
            else:
                continue
            out[arg] = (arg, bads, lambda v, arg=arg: call(right, **{**teacher, arg: v}))
        return out

    options = {"A": "6 × 64", "B": "6 × 6", "C": "64 × 64"}
    weights = _softmax(np.asarray(Q2) @ np.asarray(K2).T / math.sqrt(2))
    specs = [
        number_spec("check_number", ch.check_number, 32, {"expected": 32, "tol": 1e-6}),
        number_spec("check_number-decimals", ch.check_number, 0.42,
                    {"expected": 0.42, "tol": 0.005}),
        number_spec("check_number-negative", ch.check_number, -0.42,
                    {"expected": -0.42, "tol": 0.005}),
        number_spec("check_number-thousand", ch.check_number, 1000, {"expected": 1000}),
        number_spec("check_number-one", ch.check_number, 1, {"expected": 1}),
        vector_spec("check_vector", ch.check_vector, [4, 6], {"expected": [4, 6]}),
        vector_spec("check_vector-table", ch.check_vector, [[1, 2], [3, 4]],
                    {"expected": [[1, 2], [3, 4]]}),
        # 1·4 + 2·5 + 3·6 = 32
        number_spec("check_dot", ch.check_dot, 32, {"a": [1, 2, 3], "b": [4, 5, 6]}),
        vector_spec("check_add", ch.check_add, [4, -2], {"a": [1, 2], "b": [3, -4]}),
        vector_spec("check_scale", ch.check_scale, [2, -4], {"c": 2, "a": [1, -2]}),
        number_spec("check_norm", ch.check_norm, 5, {"a": [3, 4]}),  # √(9 + 16)
        number_spec("check_cosine", ch.check_cosine, 1 / math.sqrt(2),
                    {"a": [1, 0], "b": [1, 1]}),
        number_spec("check_angle", ch.check_angle, 45, {"a": [1, 0], "b": [1, 1]}),
        vector_spec("check_projection", ch.check_projection, [3, 0],
                    {"a": [3, 4], "b": [2, 0]}),
        Spec("check_choice", lambda x: ch.check_choice(x, "B", options=options),
             _choices("B", "6 × 6"),
             {"correct": ("correct", [Bad("teacher: strings", "not-an-option", lambda: "D",
                                          WRONG),
                                      Bad("teacher: None", "None", lambda: None, WRONG),
                                      Bad("teacher: strings", "lower", lambda: "b", RIGHT)],
                          lambda v: ch.check_choice("B", v, options=options)),
              "options": ("options", [
                  Bad("teacher: duplicates", "same-text",
                      lambda: {"A": "6 × 6", "B": "6 × 6"}, WRONG),
                  Bad("teacher: duplicates", "same-meaning",
                      lambda: {"A": "6x6", "B": "6 × 6"}, WRONG),
                  Bad("teacher: strings", "text", lambda: "A B C", WRONG),
                  Bad("teacher: nested", "list", lambda: ["6 × 64", "6 × 6"], WRONG)],
                  lambda v: ch.check_choice("B", "B", options=v))}),
        vector_spec("check_softmax", ch.check_softmax, _softmax([2.0, 1.0, 0.0]),
                    {"scores": [2.0, 1.0, 0.0]}),
        vector_spec("check_attention_weights", ch.check_attention_weights, weights,
                    {"Q": Q2, "K": K2}),
        number_spec("check_sigmoid", ch.check_sigmoid, 0.5, {"z": 0.0}),  # 1 / (1 + e⁰)
        vector_spec("check_clip", ch.check_clip, [3, 4], {"g": [6, 8], "max_norm": 5}),
    ]
    # the same argument of two checkers is one more row: a vector whose two halves differ
    pair = {"a": [1, 2, 3], "b": [4, 5]}
    specs[7].teacher["a+b"] = ("a", [Bad("teacher: mismatched", "3-and-2", lambda: pair,
                                         WRONG)],
                               lambda v: ch.check_dot(32, **v))
    return specs


def _quiz_specs() -> list[Spec]:
    from lessons_lib.widgets.quiz import MultipleChoice, NumericAnswer, Quiz

    def mc(**kw: Any) -> Any:
        args = {"prompt": "2 + 2?", "options": ["3", "4"], "answer": "4"} | kw
        q = MultipleChoice(**args)
        # build the widget as the lesson does, and click every option: only the right one
        # may be graded correct
        return _clicks(q)

    def na(**kw: Any) -> Any:
        args = {"prompt": "0.5 + 0.5?", "answer": 1.0, "tol": 0.005} | kw
        return NumericAnswer(**args).check("1")

    def quiz(**kw: Any) -> Any:
        args = {"questions": [MultipleChoice("2 + 2?", ["3", "4"], "4")], "title": "Q"} | kw
        return Quiz(**args).answer(1, "B")

    mc_bad = {
        "options": ("options", [
            Bad("teacher: duplicates", "same-text", lambda: ["4", "4"], WRONG),
            Bad("teacher: duplicates", "same-meaning", lambda: ["6 × 6", "6x6", "4"], WRONG),
            Bad("teacher: letters", "letter-clash", lambda: ["B", "A"], WRONG),
            Bad("teacher: letters", "letter-clash-3", lambda: ["C", "4", "A"], WRONG),
            Bad("teacher: strings", "text", lambda: "34", WRONG),
            Bad("teacher: nested", "one", lambda: ["4"], WRONG),
            Bad("teacher: nested", "empty", lambda: [], WRONG),
            Bad("teacher: None", "None", lambda: None, WRONG),
            Bad("teacher: None", "None-inside", lambda: [None, "4"], WRONG),
            Bad("teacher: bools", "bools", lambda: [True, "4"], WRONG),
            Bad("teacher: generators", "generator", lambda: (o for o in ["3", "4"]), ANY),
            Bad("teacher: NumPy scalars", "numbers", lambda: [3, 4], ANY),
            Bad("teacher: letters", "own-letters", lambda: ["A", "4"], ANY),
        ], lambda v: mc(options=v)),
        "answer": ("answer", [
            Bad("teacher: strings", "not-an-option", lambda: "5", WRONG),
            Bad("teacher: None", "None", lambda: None, WRONG),
            Bad("teacher: NumPy scalars", "number", lambda: 4, ANY),
            Bad("teacher: strings", "letter", lambda: "B", RIGHT),
        ], lambda v: mc(answer=v)),
        "why": ("why", [
            Bad("teacher: strings", "unknown-option", lambda: {"5": "no"}, WRONG),
            Bad("teacher: strings", "right-option", lambda: {"4": "no"}, WRONG),
            Bad("teacher: strings", "text", lambda: "because", WRONG),
        ], lambda v: mc(why=v)),
        "prompt": ("prompt", [
            Bad("teacher: None", "None", lambda: None, WRONG),
            Bad("teacher: strings", "blank", lambda: "  ", WRONG),
        ], lambda v: mc(prompt=v)),
    }
    na_bad = {
        "answer": ("answer", [*_teacher_numbers(1.0),
                              Bad("teacher: strings", "thousands", lambda: "1,000", WRONG)],
                   lambda v: na(answer=v)),
        "tol": ("tol", [*_teacher_numbers(0.005),
                        Bad("teacher: negative", "negative", lambda: -0.005, WRONG),
                        Bad("teacher: negative", "zero", lambda: 0.0, ANY)],
                lambda v: na(tol=v)),
        "hints": ("hints", [
            Bad("teacher: NaN/inf", "nan-value", lambda: [(math.nan, "no")], WRONG),
            Bad("teacher: strings", "text", lambda: "a hint", WRONG),
        ], lambda v: na(hints=v)),
    }
    quiz_bad = {
        "questions": ("questions", [
            Bad("teacher: nested", "empty", lambda: [], WRONG),
            Bad("teacher: strings", "text", lambda: "2 + 2?", WRONG),
            Bad("teacher: None", "None-inside", lambda: [None], WRONG),
            Bad("teacher: None", "None", lambda: None, WRONG),
            Bad("teacher: nested", "not-in-a-list",
                lambda: MultipleChoice("2 + 2?", ["3", "4"], "4"), WRONG),
            Bad("teacher: generators", "generator",
                lambda: (q for q in [MultipleChoice("2 + 2?", ["3", "4"], "4")]), RIGHT),
        ], lambda v: quiz(questions=v)),
        "title": ("title", [
            Bad("teacher: None", "None", lambda: None, WRONG),
            Bad("teacher: NumPy scalars", "number", lambda: 3, WRONG),
        ], lambda v: quiz(title=v)),
    }

    def numbered(n: Any) -> Any:
        quiz = Quiz([MultipleChoice("2 + 2?", ["3", "4"], "4"),
                     MultipleChoice("1 + 1?", ["2", "3"], "2")])
        return quiz.answer(n, "B")

    number_bads = [
        Bad("teacher: negative", "zero", lambda: 0, WRONG),
        Bad("teacher: negative", "negative", lambda: -1, WRONG),
        Bad("teacher: nested", "too-large", lambda: 3, WRONG),
        Bad("teacher: strings", "text", lambda: "1", WRONG),
        Bad("teacher: bools", "True", lambda: True, WRONG),
        Bad("teacher: None", "None", lambda: None, WRONG),
        Bad("teacher: NaN/inf", "nan", lambda: math.nan, WRONG),
        Bad("teacher: NumPy scalars", "int64", lambda: np.int64(1), RIGHT),
        Bad("teacher: NumPy scalars", "float-whole", lambda: 1.0, ANY),
        Bad("teacher: NumPy scalars", "float-half", lambda: 1.5, WRONG),
    ]

    numeric = NumericAnswer("0.5 + 0.5?", answer=1.0, tol=0.005)
    negative = NumericAnswer("0.5 − 1?", answer=-0.5, tol=0.005)
    thousand = NumericAnswer("10³?", answer=1000.0, tol=0.5)
    choice = MultipleChoice("2 + 2?", ["3", "4"], "4")
    typed = [  # what a learner types into the quiz box: text that means a number
        Bad("typed text", "U+2212", lambda: "−0.5", RIGHT),
        Bad("typed text", "decimal-comma", lambda: "-0,5", RIGHT),
        Bad("typed text", "thousands", lambda: "1,000", WRONG),
        Bad("typed text", "thousands-3", lambda: "1,500", WRONG),
        Bad("typed text", "spaces", lambda: "  -0.5  ", RIGHT),
        Bad("typed text", "underscore", lambda: "-0_5", WRONG),
        Bad("typed text", "fraction", lambda: "-1/2", ANY),
        Bad("typed text", "nan", lambda: "nan", WRONG),
        Bad("typed text", "inf", lambda: "-inf", WRONG),
        Bad("typed text", "1e400", lambda: "-1e400", WRONG),
        Bad("typed text", "hex", lambda: "0x10", WRONG),
    ]
    return [
        Spec("MultipleChoice", choice.check, _choices("B", "4"), mc_bad),
        Spec("NumericAnswer", numeric.check, _numbers(1.0, typed=True), na_bad),
        Spec("NumericAnswer-negative", negative.check, [*_numbers(-0.5, typed=True), *typed],
             {}),
        Spec("NumericAnswer-thousand", thousand.check, _numbers(1000.0, typed=True), {}),
        Spec("Quiz", lambda x: Quiz([MultipleChoice("2 + 2?", ["3", "4"], "4")]).answer(1, x),
             _choices("B", "4"), {**quiz_bad, "number": ("number", number_bads, numbered)}),
    ]


def _clicks(q: Any) -> Any:
    """Click every radio option of ``q`` in a Quiz; only the right one may be correct."""
    from lessons_lib.widgets.quiz import Quiz

    quiz = Quiz([q])
    radio = quiz.children[1].children[1]
    verdicts = []
    for i, label in enumerate(radio.options):
        radio.value = label
        verdicts.append((i, quiz._results[0]))
        radio.value = None
    right = [i for i, f in verdicts if f is not None and f.ok]
    if len(right) != 1:
        raise _Graded(f"{len(right)} options graded correct: {right}")
    return verdicts[right[0]][1]


class _Graded(AssertionError):
    """A quiz whose options do not grade one way: more or fewer than one right option."""


def _exercise_specs() -> list[Spec]:
    """Every exercise object, probed through its own check with answers built from its model
    solution (run in the lesson's namespace after the cell's own set-up lines)."""
    from lessons_lib import exercises as exercises_module
    from lessons_lib.embeddings import load_word_embeddings, score_table
    from lessons_lib.exercises import EXERCISES
    from tools._paths import lessons
    from tools.mistakes import lesson_namespace
    from tools.nbgrader_course import exercises

    setups = {(path.stem[:2], ex.number): ex.setup for path in lessons()
              for ex in exercises(path)}
    from tools.answer_key import _lesson_scope

    paths = {path.stem[:2]: path for path in lessons()}
    scopes: dict[str, dict[str, Any]] = {}
    out = []
    for (lesson, number), ex in sorted(EXERCISES.items()):
        if lesson not in scopes:  # the names the lesson's own code cells define, in order
            scopes[lesson] = _lesson_scope(nbformat.read(paths[lesson], as_version=4))
        ns = dict(lesson_namespace(), v=list(exercises_module.V00),  # lesson 00's v
                  words=load_word_embeddings(), score_table=score_table)  # lesson 06's
        ns["weights"] = np.asarray(ns["head"].model_weights)  # lesson 08's softmax(scores)
        ns |= scopes[lesson]
        exec(setups.get((lesson, number), ""), ns)
        exec(ex.solution_code, ns)  # the model solution: the right answer, as the Appendix
        right = ns["answer"]
        if isinstance(right, str):
            bads = _choices(right, None)
        elif np.ndim(right) == 0:
            bads = _numbers(float(right))
        else:
            bads = _vectors(right)
        out.append(Spec(f"ex_{lesson}_{number}", ex.check, bads, {}))
    return out


# --------------------------------------------------------------------------- running
# A case (its arg is LEARNER or a teacher argument) and its outcome, as in the bad-input table.
from bad_input_table import Case, Outcome  # noqa: E402

_SPECS: dict[str, Spec] = {}


def specs() -> dict[str, Spec]:
    if not _SPECS:
        _SPECS.update({s.name: s for s in [*_checker_specs(), *_quiz_specs(),
                                           *_exercise_specs()]})
    return _SPECS


def public_names() -> dict[str, str]:
    """Every public callable of the checkers and the quiz module -> its module."""
    import importlib

    found = {}
    for mod_name in ("lessons_lib.checkers", "lessons_lib.widgets.quiz"):
        mod = importlib.import_module(mod_name)
        for name, obj in vars(mod).items():
            if name.startswith("_") or not callable(obj):
                continue
            if getattr(obj, "__module__", None) != mod_name:
                continue  # imported from elsewhere
            found[name] = mod_name
        for name in getattr(mod, "__all__", []):
            if callable(getattr(mod, name)):  # not a constant (TRIES_KEY)
                found.setdefault(name, mod_name)
    return found


def exercise_names() -> list[str]:
    from lessons_lib.exercises import EXERCISES

    return [ex.name for ex in EXERCISES.values()]


def covered(name: str) -> bool:
    s = specs()
    return name in NO_INPUTS or name in s or any(k.startswith(name + "-") for k in s)


def cases() -> list[Case]:
    out = []
    for s in specs().values():
        if s.answer is not None:
            out += [Case(s.name, LEARNER, b.cls, b.label) for b in s.bads]
        for arg, (_, bads, _build) in s.teacher.items():
            out += [Case(s.name, arg, b.cls, b.label) for b in bads]
    return out


def _bad(spec: Spec, case: Case) -> Bad:
    pool = spec.bads if case.arg == LEARNER else spec.teacher[case.arg][1]
    return next(b for b in pool if (b.cls, b.label) == (case.cls, case.label))


#: A diagnosis of a numeric mistake: misleading when the answer meant the right value.
DIAGNOSIS = re.compile(r"too large|too small|is off|are off|off by|very close|sign is wrong|"
                       r"rounded too far|left out|is not it|not the right choice|transposed|"
                       r"should have \d+ numbers")

#: Longest message a checker may give (it must not quote back a huge answer).
LONGEST = 600


def _message_problem(message: str) -> tuple[str, str] | None:
    """(kind, why) when a feedback message is not clean, else None."""
    from bad_input_table import JARGON

    if JARGON.search(message):
        return "unclear", f"leaks {JARGON.search(message).group(0)!r}"  # type: ignore[union-attr]
    if re.search(r"\b(nan|inf|Infinity)\b", message):
        return "nan", "shows a raw nan/inf"
    if re.search(r": answer = \S*−", message):  # code advice a learner would paste
        return "unclear", "advises code with U+2212 (a SyntaxError)"
    if len(message) > LONGEST:
        return "unclear", f"{len(message)} characters: quotes back too much"
    return None


class _Timeout(BaseException):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _call(f: Callable[[], Any]) -> tuple[str, Any]:
    # a hang is TIMEOUT s of this process's CPU time, not of the wall clock: on a loaded
    # 2-core machine a quick case can wait longer than that for a core
    old = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, TIMEOUT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning a learner sees is an outcome too
            # ... but not a library's DeprecationWarning, which a notebook does not show
            # (old traitlets/ipywidgets pairs in the lowest-dependency run raise them)
            warnings.simplefilter("ignore", DeprecationWarning)
            return "result", f()
    except _Timeout:
        return "hang", None
    except Exception as exc:
        return "error", exc
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def run(case: Case) -> Outcome:
    from lessons_lib.checkers import Feedback

    spec = specs()[case.spec]
    bad = _bad(spec, case)
    if case.arg == LEARNER:
        assert spec.answer is not None
        how, result = _call(lambda: spec.answer(bad.make()))
        if how == "hang":
            return Outcome("hang", f"no feedback in {TIMEOUT} s")
        if how == "error":
            return Outcome("unclear", f"crashed: {type(result).__name__}: {result}"[:300])
        if not isinstance(result, Feedback):
            return Outcome("unclear", f"returned {type(result).__name__}, not feedback")
        problem = _message_problem(result.message)
        if problem:
            return Outcome(problem[0], f"{problem[1]} | {result}"[:300])
        if result.ok:
            return Outcome("silent" if bad.meant == WRONG else "ok",
                           f"graded correct: {result}"[:300])
        if bad.meant == RIGHT and DIAGNOSIS.search(result.message):
            return Outcome("silent", f"the right answer diagnosed as a mistake: {result}"[:300])
        return Outcome("clear", str(result)[:300])
    name, _, build = spec.teacher[case.arg]
    how, result = _call(lambda: build(bad.make()))
    if how == "hang":
        return Outcome("hang", f"no answer in {TIMEOUT} s")
    if how == "error":
        if isinstance(result, _Graded):
            return Outcome("silent", str(result))
        from bad_input_table import _clear

        ok, why = _clear(result, name)
        text = f"{type(result).__name__}: {result}"
        if bad.meant == RIGHT:  # a meaningful value refused: fine if said clearly
            return Outcome("clear" if ok else "unclear", text if ok else f"{why} | {text}")
        return Outcome("clear" if ok else "unclear", text if ok else f"{why} | {text}")
    if bad.meant == WRONG:
        return Outcome("silent", f"accepted; the right answer then gets: {result}"[:300])
    if isinstance(result, Feedback) and not result.ok:
        return Outcome("silent", f"the right answer is then graded: {result}"[:300])
    return Outcome("ok")


# The class table is drawn, and the report printed, as the bad-input table does it.
from bad_input_table import report  # noqa: E402

KNOWN_HEADER = [
    "# Cases of tests/bad_answer_table.py whose outcome is not a right verdict or a clear",
    "# message/error, each with the reason it stays. Format: <kind> <case id>  # <reason>.",
]


def main() -> int:
    report(cases(), run)
    missing = [n for n in [*public_names(), *exercise_names()] if not covered(n)]
    if missing:
        print("not covered:", missing)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    raise SystemExit(main())
