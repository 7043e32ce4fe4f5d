"""The concept check: the same 14 core ideas asked before (form A) and after (form B) the series.

Physics education measures a course with one concept test given before and after
instruction, scored as the normalised gain g = (post − pre) / (100 − pre) (Hake 1998).
This module holds that test for the series, defined once:

* every item is an :class:`ItemDef`: a concept, the lesson that teaches it, a prompt, the
  right answer and the **mistakes** that make its distractors. Each :class:`Mistake` is a
  function that computes the wrong answer from the item's numbers, named after an
  anticipated mistake of an exercise or a misconception of a lesson (``source`` says
  which). Nothing wrong is typed by hand;
* the two parallel forms use the same definitions with different numbers
  (``forms["A"]``, ``forms["B"]``): :func:`build_form` turns them into :class:`Item`\\ s;
* :meth:`Item.grade` scores one response and names the mistake it matches; the learner's
  widget (:mod:`lessons_lib.widgets.concept_check`), the nbgrader assignments
  (``tools/concept_course.py``) and the teacher's report (``python -m tools.gain``) all
  grade with it.

Examples
--------
>>> form = build_form("A")
>>> len(form), form[0].key, form[0].lesson
(14, 'dot_product', '02_dot_product')
>>> item = form[0]
>>> item.options
['[6, −4, 2]', '12', '4', '11']
>>> item.grade("C").correct, item.grade("A").mistake
(True, 'products_not_summed')
>>> normalised_gain(40, 70)
0.5
>>> normalised_gain(100, 100) is None
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from lessons_lib.checkers import NotYet, check_number
from lessons_lib.formatting import format_number

__all__ = ["FORMS", "ITEMS", "Graded", "Item", "ItemDef", "Mistake", "build_form",
           "normalised_gain", "require", "score_form"]

FORMS = ("A", "B")
"""Form A is the pre-check (start of lesson 00), form B the post-check (end of lesson 08)."""

Params = Mapping[str, Any]
Kind = Literal["choice", "number"]


@dataclass(frozen=True)
class Mistake:
    """An anticipated mistake that computes one distractor from the item's numbers.

    Parameters
    ----------
    key : str
        A short name, e.g. ``"forgot_sqrt_dk"`` (the report counts choices by it).
    label : str
        What the learner did, in words: "forgot to divide by √d_k".
    source : str
        Where the lessons name it: an exercise's anticipated mistake or a misconception.
    compute : callable
        ``params ↦ wrong answer`` (a number, a vector, a shape or an option's text).
    """

    key: str
    label: str
    source: str
    compute: Callable[[Params], Any]


@dataclass(frozen=True)
class ItemDef:
    """One concept-check item, defined once for both forms.

    Parameters
    ----------
    key : str
        Stable name of the item (also its nbgrader cell id).
    concept : str
        The core idea it checks, as the learner reads it in "concepts to revisit".
    lesson : str
        The notebook stem of the lesson that teaches it, e.g. ``"07_attention_scores"``.
    kind : {"choice", "number"}
        Multiple choice (the right answer and one option per mistake) or a typed number.
    prompt : callable
        ``params ↦ question text``.
    right : callable
        ``params ↦ right answer``.
    mistakes : sequence of Mistake
        One distractor each (choice) or one anticipated wrong number each (number).
    forms : mapping of str to params
        The numbers of form A and of form B.
    decimals : int or None
        For numbers: how many decimals are asked for (None: the exact value).
    fixed_options : callable or None
        ``params ↦ options`` in a fixed order (e.g. documents d1, d2, d3); otherwise the
        right answer and the distractors are shuffled reproducibly.
    """

    key: str
    concept: str
    lesson: str
    kind: Kind
    prompt: Callable[[Params], str]
    right: Callable[[Params], Any]
    mistakes: Sequence[Mistake]
    forms: Mapping[str, Params]
    decimals: int | None = None
    fixed_options: Callable[[Params], list[str]] | None = None


@dataclass(frozen=True)
class Graded:
    """One graded response: right or not, and the mistake it matches (if any)."""

    correct: bool
    mistake: str | None = None  # a Mistake.key; None when right, blank or unexplained
    attempted: bool = True


@dataclass(frozen=True)
class Item:
    """One item of one form: the text a learner sees and how a response is graded."""

    number: int
    key: str
    form: str
    concept: str
    lesson: str
    kind: Kind
    prompt: str
    answer: str | float  # choice: the right option's text; number: the value
    options: list[str] = field(default_factory=list)
    tol: float = 1e-6
    decimals: int | None = None  # number items: the decimals asked for (None: exact)
    #: choice: option text → Mistake; number: (wrong value, Mistake) pairs
    distractors: tuple[tuple[Any, Mistake], ...] = ()

    @property
    def answer_letter(self) -> str:
        """The right option's letter (choice items)."""
        return "ABCDEFGH"[self.options.index(str(self.answer))]

    def chosen(self, response: object) -> int | None:
        """The option a response names (its letter, "b)", or its exact text), or None."""
        if response is None or response is Ellipsis:
            return None
        text = str(response).strip()
        if text in self.options:
            return self.options.index(text)
        letter = text.strip("()").rstrip(")").strip().upper()
        letters = "ABCDEFGH"[: len(self.options)]
        return letters.index(letter) if len(letter) == 1 and letter in letters else None

    @staticmethod
    def _number(response: object) -> float | None:
        if response is None or response is Ellipsis or isinstance(response, bool):
            return None
        if isinstance(response, int | float):
            value = float(response)
        else:
            try:
                value = float(str(response).strip().replace("−", "-").replace(",", "."))
            except ValueError:
                return None
        return value if math.isfinite(value) else None

    def grade(self, response: object) -> Graded:
        """Grade one response: right, a named mistake, or wrong for another reason.

        Choice items take the option's letter or text; number items a number or its text
        ("−0.5" and "0,5" included), judged by :func:`lessons_lib.checkers.check_number`
        with the item's tolerance (the rule the exercises use).
        """
        if self.kind == "choice":
            index = self.chosen(response)
            if index is None:
                return Graded(False, None, attempted=False)
            text = self.options[index]
            if text == self.answer:
                return Graded(True)
            return Graded(False, next((m.key for t, m in self.distractors if t == text), None))
        value = self._number(response)
        if value is None:
            return Graded(False, None, attempted=False)
        if check_number(value, float(self.answer), tol=self.tol).ok:
            return Graded(True)
        for wrong, mistake in self.distractors:
            if check_number(value, float(wrong), tol=self.tol).ok:
                return Graded(False, mistake.key)
        return Graded(False, None)

    def mistake(self, key: str) -> Mistake:
        """The item's mistake called ``key``."""
        for _, mistake in self.distractors:
            if mistake.key == key:
                return mistake
        raise KeyError(f"item {self.key!r} has no mistake {key!r}; it has "
                       f"{[m.key for _, m in self.distractors]}.")

    def as_text(self) -> str:
        """The question as plain text (lettered options, or "answer with a number")."""
        if self.kind == "choice":
            opts = "   ".join(f"{'ABCDEFGH'[i]}) {o}" for i, o in enumerate(self.options))
            return f"{self.prompt}\n   {opts}"
        return f"{self.prompt}\n   (answer with a number)"


# ------------------------------------------------------------------------ formatting


def _num(x: float, decimals: int | None = None) -> str:
    """A number as the lessons print it: whole numbers exactly, else ``decimals`` places."""
    x = float(x)
    if x == round(x) and abs(x) < 1e15:
        return format_number(round(x))
    return format_number(x, 2 if decimals is None else decimals, trim=True)


def _vec(v: Sequence[float], decimals: int | None = None) -> str:
    return "[" + ", ".join(_num(x, decimals) for x in v) + "]"


def _mat(m: Sequence[Sequence[float]]) -> str:
    return "[" + ", ".join(_vec(row) for row in m) + "]"


def _shape(rows: int, cols: int) -> str:
    return f"{rows} × {cols}"


def _prods(p: Params) -> list[float]:
    return [float(x) * float(y) for x, y in zip(p["a"], p["b"], strict=True)]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return math.fsum(float(x) * float(y) for x, y in zip(a, b, strict=True))


def _norm(a: Sequence[float]) -> float:
    return math.sqrt(_dot(a, a))


def _softmax(s: Sequence[float]) -> list[float]:
    top = max(s)
    e = [math.exp(x - top) for x in s]
    total = math.fsum(e)
    return [x / total for x in e]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def _angle_class(value: float) -> str:
    return ANGLES[0] if value < 0 else ANGLES[1] if value == 0 else ANGLES[2]


ANGLES = ("more than 90°", "exactly 90°", "less than 90°",
          "none: a negative dot product is an error")

# ------------------------------------------------------------------------ the mistakes
# One function per named mistake; the items below refer to them by name.

_L02, _L03, _L04 = "02_dot_product", "03_geometry", "04_weighted_sums_and_neurons"
_L06, _L07 = "06_similarity_and_embeddings", "07_attention_scores"

PRODUCTS_NOT_SUMMED = Mistake(
    "products_not_summed", "multiplied position by position but did not add the products",
    "lesson 02, misconception \"The dot product is element-wise multiplication\"; "
    "exercise 02·1", lambda p: _vec(_prods(p)))
ADDED_EVERYTHING = Mistake(
    "added_everything", "added all the numbers instead of multiplying partners",
    "lesson 02, quiz question 1 (\"17 adds all six numbers\")",
    lambda p: _num(sum(p["a"]) + sum(p["b"])))
SIGNS_DROPPED = Mistake(
    "signs_dropped", "took every product as positive (dropped the minus signs)",
    "lesson 02, exercise 1 (\"every product as positive\")",
    lambda p: _num(sum(abs(x) for x in _prods(p))))
SIGN_DROPPED_ANGLE = Mistake(
    "signs_dropped", "took every product as positive (dropped the minus signs)",
    "lesson 02, exercise 1 (\"every product as positive\")",
    lambda p: _angle_class(sum(abs(x) for x in _prods(p))))
LEFT_OUT_A_TERM = Mistake(
    "left_out_a_term", "left out the last product",
    "lesson 02, exercise 1 (\"left out a term\")",
    lambda p: _angle_class(sum(_prods(p)[:-1])))
NEGATIVE_IS_ERROR = Mistake(
    "negative_is_error", "thought a negative dot product is an error",
    "lesson 02, misconception \"A negative dot product is an error\"",
    lambda p: ANGLES[3])
RANKED_BY_RAW_DOT = Mistake(
    "ranked_by_raw_dot", "ranked by the raw dot product (length counts, not only direction)",
    "lesson 03, misconception \"A big dot product means the vectors are aligned\"",
    lambda p: max(p["docs"], key=lambda d: _dot(p["q"], p["docs"][d])))
RANKED_BY_SIZE = Mistake(
    "ranked_by_size", "ranked by the size of the dot product, ignoring its sign",
    "lesson 02, misconception \"A negative dot product is an error\" (the sign is information)",
    lambda p: max(p["docs"], key=lambda d: abs(_dot(p["q"], p["docs"][d]))))
PROJ_A_ITSELF = Mistake(
    "a_itself", "gave a itself", "lesson 03, exercise 3 (\"a itself\")", lambda p: _vec(p["a"]))
PROJ_SCALAR = Mistake(
    "scalar_projection", "gave the scalar projection (a number) instead of the vector",
    "lesson 03, exercise 3 (\"scalar projection\")",
    lambda p: _num(_dot(p["a"], p["b"]) / _norm(p["b"])))
PROJ_NO_DIVIDE = Mistake(
    "forgot_divide_bb", "forgot to divide by b·b",
    "lesson 03, exercise 3 (\"forgot to divide by b·b\")",
    lambda p: _vec([_dot(p["a"], p["b"]) * x for x in p["b"]]))
COS_RAW_DOT = Mistake(
    "raw_dot", "gave the raw dot product (did not divide by the lengths)",
    "lesson 03, exercise 2 (\"raw dot product\")", lambda p: _dot(p["a"], p["b"]))
COS_ONE_LENGTH = Mistake(
    "one_length", "divided by ‖a‖ only",
    "lesson 03, exercise 2 (\"divided by ‖a‖ only\")",
    lambda p: _dot(p["a"], p["b"]) / _norm(p["a"]))
FORGOT_BIAS = Mistake(
    "forgot_bias", "forgot to add the bias b", "lesson 04, exercise 2 (\"forgot to add the bias\")",
    lambda p: _dot(p["w"], p["x"]))
NEGATIVE_WEIGHT_ADDED = Mistake(
    "negative_weight_added", "added the input of a negative weight instead of subtracting it",
    "lesson 04, exercise 2 (\"the age weight is −1\")",
    lambda p: _dot([abs(v) for v in p["w"]], p["x"]) + p["b"])
OUTPUT_IS_Z = Mistake(
    "output_is_z", "gave z, the weighted sum, as the output",
    "lesson 04, misconception \"The neuron's output is z\"; exercise 04·3",
    lambda p: _dot(p["w"], p["x"]) + p["b"])
SIGMOID_NO_BIAS = Mistake(
    "forgot_bias", "applied σ to w·x, without the bias",
    "lesson 04, exercise 3 (\"you forgot the bias\")",
    lambda p: _sigmoid(_dot(p["w"], p["x"])))
COLUMNS_SUMMED = Mistake(
    "columns_summed", "added down the columns instead of along each row",
    "lesson 06, exercise 5 (\"down the columns\")",
    lambda p: _vec(np.sum(np.array(p["M"], dtype=float) * np.array(p["x"], dtype=float),
                          axis=0).tolist()))
MINUS_DROPPED = Mistake(
    "minus_dropped", "dropped a minus sign in a row",
    "lesson 06, exercise 5 (\"keep the minus sign\")",
    lambda p: _vec([_dot([abs(v) for v in row], p["x"]) for row in p["M"]]))
SHAPE_OF_Q = Mistake(
    "shape_of_q", "gave the shape of Q itself", "lesson 06, exercise 7 and lesson 07, exercise 4 "
    "(\"the shape of Q itself\")", lambda p: _shape(p["n_q"], p["d_k"]))
SHAPE_KTQ = Mistake(
    "shape_ktq", "multiplied KᵀQ (d_k × d_k) instead of QKᵀ",
    "lesson 06, exercise 7 (\"that would be KᵀQ\")", lambda p: _shape(p["d_k"], p["d_k"]))
SHAPE_KQT = Mistake(
    "shape_kqt", "computed K Qᵀ, the transposed table (keys as rows)",
    "lesson 07, exercise 3 (\"K Qᵀ\"); misconception \"QKᵀ needs the same number of queries "
    "and keys\"", lambda p: _shape(p["n_k"], p["n_q"]))
FORGOT_SQRT = Mistake(
    "forgot_sqrt_dk", "forgot to divide by √d_k", "lesson 07, exercise 1 (\"raw dot product\")",
    lambda p: _dot(p["q"], p["k"]))
DIVIDED_BY_DK = Mistake(
    "divided_by_dk", "divided by d_k instead of √d_k", "lesson 07, exercise 1 (\"divided by d_k\")",
    lambda p: _dot(p["q"], p["k"]) / len(p["q"]))
MULTIPLIED_SQRT = Mistake(
    "multiplied_sqrt_dk", "multiplied by √d_k instead of dividing",
    "lesson 07, exercise 1 (\"you multiplied by √d_k\")",
    lambda p: _dot(p["q"], p["k"]) * math.sqrt(len(p["q"])))
VARIANCE_FOR_SD = Mistake(
    "variance_for_sd", "gave the variance d_k, not its square root",
    "lesson 07, section 2 (var(q·k) = d_k, so the typical size is √d_k)",
    lambda p: _num(p["d_k"]))
NO_GROWTH = Mistake(
    "no_growth", "thought the size of q·k does not grow with d_k",
    "lesson 07, misconception \"√d_k is a detail you can drop\"", lambda p: "1")
SOFTMAX_NO_EXP = Mistake(
    "softmax_no_exp", "divided the scores by their sum without exponentiating",
    "lesson 07, exercise 2 (\"without exponentiating\")",
    lambda p: p["s"][0] / math.fsum(p["s"]))
SOFTMAX_POW2 = Mistake(
    "softmax_pow2", "used 2^score instead of e^score", "lesson 07, exercise 2 (\"2^score\")",
    lambda p: 2 ** p["s"][0] / math.fsum(2 ** x for x in p["s"]))
SOFTMAX_NO_DIVIDE = Mistake(
    "softmax_no_divide", "exponentiated but did not divide by the sum",
    "lesson 06, exercise 2 and lesson 07, exercise 2 (\"did not divide\")",
    lambda p: math.exp(p["s"][0]))
SCORES_AS_WEIGHTS = Mistake(
    "scores_as_weights", "weighted the values by the raw scores instead of the weights",
    "lesson 07, misconception \"The scores are the attention weights\"; lesson 08, "
    "misconception 3", lambda p: _dot(p["s"], p["v"]))
PLAIN_AVERAGE = Mistake(
    "plain_average", "took the plain average of the values, ignoring the weights",
    "lesson 07, section 6 (the output is the *weighted* average of the values)",
    lambda p: math.fsum(p["v"]) / len(p["v"]))
MASK_IGNORED = Mistake(
    "mask_ignored", "ignored the mask (softmax over every key)",
    "lesson 07, section 5 (a causal mask: token i attends only to tokens 0 … i)",
    lambda p: _num(_softmax(p["s"])[0], 2))
MASKED_AS_ZERO = Mistake(
    "masked_as_zero", "set the hidden scores to 0 instead of −∞",
    "lesson 07, section 5 (\"the score is treated as −∞ before softmax\")",
    lambda p: _num(_softmax([*p["s"][: p["i"] + 1], *[0.0] * (len(p["s"]) - p["i"] - 1)])[0], 2))
MASK_WRONG_SIDE = Mistake(
    "mask_wrong_side", "hid the earlier keys instead of the later ones",
    "lesson 07, section 5 (\"no peeking ahead\": the later tokens are hidden)",
    lambda p: "0")


# ------------------------------------------------------------------------ the items

ITEMS: tuple[ItemDef, ...] = (
    ItemDef(
        "dot_product", "computing a dot product a·b", _L02, "choice",
        lambda p: f"What is a·b for a = {_vec(p['a'])} and b = {_vec(p['b'])}?",
        lambda p: _num(_dot(p["a"], p["b"])),
        (PRODUCTS_NOT_SUMMED, ADDED_EVERYTHING, SIGNS_DROPPED),
        {"A": {"a": [3, -1, 2], "b": [2, 4, 1]}, "B": {"a": [2, 5, -1], "b": [3, -1, 4]}}),
    ItemDef(
        "sign_angle", "what the sign of a·b says about the angle", _L03, "choice",
        lambda p: f"a = {_vec(p['a'])} and b = {_vec(p['b'])}. The angle between a and b is:",
        lambda p: _angle_class(_dot(p["a"], p["b"])),
        (SIGN_DROPPED_ANGLE, LEFT_OUT_A_TERM, NEGATIVE_IS_ERROR),
        {"A": {"a": [2, -1, 3], "b": [1, 2, -1]}, "B": {"a": [1, 3, -2], "b": [3, -1, 2]}},
        fixed_options=lambda p: list(ANGLES)),
    ItemDef(
        "cosine_ranking", "dot product vs cosine similarity", _L03, "choice",
        lambda p: "Three documents: " + ", ".join(f"{d} = {_vec(v)}" for d, v in p["docs"].items())
                  + ". Which one points most nearly the same way as the query q = "
                  f"{_vec(p['q'])} (the highest cosine similarity)?",
        lambda p: max(p["docs"], key=lambda d: _dot(p["q"], p["docs"][d])
                      / (_norm(p["q"]) * _norm(p["docs"][d]))),
        (RANKED_BY_RAW_DOT, RANKED_BY_SIZE),
        {"A": {"q": [1, 0], "docs": {"d1": [1, 0.2], "d2": [3, 3], "d3": [-5, 1]}},
         "B": {"q": [0, 2], "docs": {"d1": [4, 2], "d2": [1, -3], "d3": [0.5, 1]}}},
        fixed_options=lambda p: list(p["docs"])),
    ItemDef(
        "cosine_value", "cosine similarity: the dot product of the directions", _L03, "number",
        lambda p: f"The cosine similarity of a = {_vec(p['a'])} and b = {_vec(p['b'])}? "
                  "Give 2 decimal places.",
        lambda p: _dot(p["a"], p["b"]) / (_norm(p["a"]) * _norm(p["b"])),
        (COS_RAW_DOT, COS_ONE_LENGTH),
        {"A": {"a": [1, 2, 2], "b": [2, 0, 1]}, "B": {"a": [2, 1, 2], "b": [0, 3, 4]}},
        decimals=2),
    ItemDef(
        "projection", "projecting a onto b", _L03, "choice",
        lambda p: f"The projection of a = {_vec(p['a'])} onto b = {_vec(p['b'])}, "
                  "(a·b / b·b) b, is:",
        lambda p: _vec([_dot(p["a"], p["b"]) / _dot(p["b"], p["b"]) * x for x in p["b"]]),
        (PROJ_A_ITSELF, PROJ_SCALAR, PROJ_NO_DIVIDE),
        {"A": {"a": [3, 1], "b": [2, 0]}, "B": {"a": [1, 4], "b": [0, 2]}}),
    ItemDef(
        "weighted_sum", "a weighted sum w·x + b", _L04, "number",
        lambda p: f"A model has weights w = {_vec(p['w'])}, bias b = {_num(p['b'])}. "
                  f"What is ŷ = w·x + b for x = {_vec(p['x'])}? Give the exact value.",
        lambda p: _dot(p["w"], p["x"]) + p["b"],
        (FORGOT_BIAS, NEGATIVE_WEIGHT_ADDED),
        {"A": {"w": [2, -3, 1], "x": [4, 1, 5], "b": 3},
         "B": {"w": [-1, 4, 2], "x": [6, 2, 1], "b": -2}}),
    ItemDef(
        "neuron", "a neuron: σ(w·x + b)", _L04, "number",
        lambda p: f"A neuron has w = {_vec(p['w'])}, b = {_num(p['b'])} and the sigmoid "
                  f"σ(z) = 1 / (1 + e^(−z)). Its output for x = {_vec(p['x'])}? "
                  "Give 2 decimal places.",
        lambda p: _sigmoid(_dot(p["w"], p["x"]) + p["b"]),
        (OUTPUT_IS_Z, SIGMOID_NO_BIAS),
        {"A": {"w": [1, -2], "x": [3, 1], "b": 1},
         "B": {"w": [2, 1], "x": [-1, 1], "b": 0.5}},
        decimals=2),
    ItemDef(
        "matrix_vector", "a matrix times a vector: one dot product per row", _L06, "choice",
        lambda p: f"M = {_mat(p['M'])} and x = {_vec(p['x'])}. What is M x?",
        lambda p: _vec([_dot(row, p["x"]) for row in p["M"]]),
        (COLUMNS_SUMMED, MINUS_DROPPED),
        {"A": {"M": [[1, 2, 0], [-2, 1, 3]], "x": [2, 1, 1]},
         "B": {"M": [[0, -1, 2], [3, 1, 1]], "x": [1, 2, 3]}}),
    ItemDef(
        "qk_shape", "the shape of the score table QKᵀ", _L07, "choice",
        lambda p: f"{p['n_q']} queries and {p['n_k']} keys, each with d_k = {p['d_k']} "
                  "entries: Q is {nq} × {d}, K is {nk} × {d}. The shape of QKᵀ?".format(
                      nq=p["n_q"], nk=p["n_k"], d=p["d_k"]),
        lambda p: _shape(p["n_q"], p["n_k"]),
        (SHAPE_OF_Q, SHAPE_KTQ, SHAPE_KQT),
        {"A": {"n_q": 3, "n_k": 5, "d_k": 16}, "B": {"n_q": 4, "n_k": 6, "d_k": 32}}),
    ItemDef(
        "scaled_score", "an attention score q·k / √d_k", _L07, "number",
        lambda p: f"The attention score of q = {_vec(p['q'])} with k = {_vec(p['k'])}, "
                  "q·k / √d_k? Give 2 decimal places.",
        lambda p: _dot(p["q"], p["k"]) / math.sqrt(len(p["q"])),
        (FORGOT_SQRT, DIVIDED_BY_DK, MULTIPLIED_SQRT),
        {"A": {"q": [2, 1, -1, 0], "k": [1, 3, 1, 2]},
         "B": {"q": [1, -1, 2, 1], "k": [3, 1, 2, 1]}},
        decimals=2),
    ItemDef(
        "why_sqrt_dk", "why divide by √d_k", _L07, "choice",
        lambda p: "The entries of q and k are independent, with mean 0 and variance 1, and "
                  f"d_k = {p['d_k']}. About how large is q·k typically (its standard deviation)?",
        lambda p: _num(math.sqrt(p["d_k"])),
        (VARIANCE_FOR_SD, NO_GROWTH),
        {"A": {"d_k": 64}, "B": {"d_k": 16}}),
    ItemDef(
        "softmax", "softmax turns scores into weights", _L07, "number",
        lambda p: f"A query's scores are {_vec(p['s'])}. After softmax, what weight does the "
                  "first key get? Give 2 decimal places.",
        lambda p: _softmax(p["s"])[0],
        (SOFTMAX_NO_EXP, SOFTMAX_POW2, SOFTMAX_NO_DIVIDE),
        {"A": {"s": [3, 1, 0]}, "B": {"s": [1, 0, 2]}},
        decimals=2),
    ItemDef(
        "attention_output", "the output: a weighted average of the values", _L07, "number",
        lambda p: f"A query's scores with three tokens are {_vec(p['s'])}; softmax turns them "
                  f"into the weights {_vec(p['w'])} (rounded). The tokens' values (one number "
                  f"each) are {_vec(p['v'])}. Using these rounded weights, what is the attention "
                  "output? Give 2 decimal places.",
        lambda p: _dot(p["w"], p["v"]),
        (SCORES_AS_WEIGHTS, PLAIN_AVERAGE),
        {"A": {"s": [0.31, -0.2, -0.61], "w": [0.5, 0.3, 0.2], "v": [10, 20, 40]},
         "B": {"s": [0.49, -0.2, -1.3], "w": [0.6, 0.3, 0.1], "v": [20, 10, 50]}},
        decimals=2),
    ItemDef(
        "causal_mask", "what a causal mask does", _L07, "choice",
        lambda p: f"Token {p['i']} (counting from 0) has the scores {_vec(p['s'])} with tokens "
                  "0–{last}. With a causal mask, what weight does it give to token 0?".format(
                      last=len(p["s"]) - 1),
        lambda p: _num(_softmax(p["s"][: p["i"] + 1])[0], 2),
        (MASK_IGNORED, MASKED_AS_ZERO, MASK_WRONG_SIDE),
        {"A": {"s": [1, 0, 2, 3], "i": 1}, "B": {"s": [0, 1, 2, -1], "i": 1}}),
)


def _tolerance(decimals: int | None) -> float:
    return 1e-6 if decimals is None else 0.5 * 10.0 ** -decimals


def build_item(definition: ItemDef, form: str, number: int) -> Item:
    """The item ``definition`` with the numbers of ``form`` (``"A"`` or ``"B"``)."""
    if form not in definition.forms:
        raise ValueError(f"the concept check has forms {list(FORMS)}; there is no form "
                         f"{form!r}. Use \"A\" (before the series) or \"B\" (after it).")
    p = definition.forms[form]
    right = definition.right(p)
    if definition.kind == "number":
        return Item(number, definition.key, form, definition.concept, definition.lesson,
                    "number", definition.prompt(p), float(right),
                    tol=_tolerance(definition.decimals), decimals=definition.decimals,
                    distractors=tuple((float(m.compute(p)), m) for m in definition.mistakes))
    distractors = tuple((str(m.compute(p)), m) for m in definition.mistakes)
    if definition.fixed_options is not None:
        options = definition.fixed_options(p)
    else:
        options = [str(right), *(text for text, _ in distractors)]
        random.Random(f"{definition.key}-{form}").shuffle(options)
    return Item(number, definition.key, form, definition.concept, definition.lesson,
                "choice", definition.prompt(p), str(right), options, distractors=distractors)


def build_form(form: str) -> list[Item]:
    """Every item of one form, numbered from 1 in the order of :data:`ITEMS`."""
    return [build_item(d, form, n) for n, d in enumerate(ITEMS, start=1)]


def score_form(form: str, responses: Mapping[str, object]) -> float:
    """The percentage (0–100) of items of ``form`` answered right; ``responses`` maps item
    keys to responses (a missing key counts as not answered).

    Examples
    --------
    >>> score_form("A", {"dot_product": "C", "qk_shape": "3 × 5"})
    14.285714285714286
    """
    items = build_form(form)
    unknown = sorted(set(responses) - {item.key for item in items})
    if unknown:
        raise KeyError(f"no concept-check item is called {unknown}; the items are "
                       f"{[item.key for item in items]}.")
    right = sum(item.grade(responses.get(item.key)).correct for item in items)
    return 100 * right / len(items)


def require(form: str, key: str, response: object) -> None:
    """Raise :class:`~lessons_lib.checkers.NotYet` unless ``response`` to item ``key`` of
    ``form`` is right: the autograded test of the nbgrader concept check.

    The message names the lesson to revisit, never the answer or the mistake.

    Examples
    --------
    >>> require("A", "qk_shape", "B")
    >>> require("A", "qk_shape", "A")
    Traceback (most recent call last):
    ...
    lessons_lib.checkers.NotYet: ✗ Not yet: to revisit: the shape of the score table QKᵀ ...
    >>> require("A", "qk_shape", ...)
    Traceback (most recent call last):
    ...
    lessons_lib.checkers.NotYet: ✎ Not answered: replace ... with your answer.
    """
    item = {i.key: i for i in build_form(form)}.get(key)
    if item is None:
        raise KeyError(f"no concept-check item is called {key!r}.")
    graded = item.grade(response)
    if not graded.attempted:
        raise NotYet("✎ Not answered: replace ... with your answer.")
    if not graded.correct:
        raise NotYet(f"✗ Not yet: to revisit: {item.concept} (lesson {item.lesson}).")


def normalised_gain(pre: float, post: float) -> float | None:
    """Hake's normalised gain g = (post − pre) / (100 − pre), scores in percent.

    Returns None when pre = 100: nothing was left to gain, so g is undefined (shown as
    "at the ceiling", never as NaN).

    Examples
    --------
    >>> normalised_gain(20, 60)
    0.5
    >>> normalised_gain(50, 40)
    -0.2
    """
    for name, value in (("pre", pre), ("post", post)):
        if not (isinstance(value, int | float) and math.isfinite(value)
                and 0 <= value <= 100):
            raise ValueError(f"{name} = {value!r}: a score must be a percentage from 0 to 100.")
    if pre == 100:
        return None
    return (post - pre) / (100 - pre)
