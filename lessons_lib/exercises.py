"""The "your turn" exercises of every lesson, each defined once: check, hint, solution.

The way self-study courses such as Kaggle Learn's ``learntools`` do it: the learner's
cell holds only the placeholder and a call, so nothing in it gives the answer away::

    answer = ...          # your turn: one number
    ex_02_1.check(answer)

``ex_02_1.hint()`` shows one hint more on each call, ``ex_02_1.solution()`` the worked
solution; both only when asked. Each exercise keeps here, once, its prompt data, the
expected value (computed here with NumPy from that data, or by the checker from it), the
anticipated mistakes and their diagnoses (the checkers of :mod:`lessons_lib.checkers`
recognise the general ones, ``hints`` add the exercise's own), its hints and its worked
solution. ``tools/mistakes.py`` plays every exercise with the answers learners give, the
Appendix of each lesson checks the model solution through the same object, and
``tools/nbgrader_course.py`` turns the same calls into autograded tests.

Examples
--------
>>> ex_02_1.check(3)
✓ Correct! a·b = 3.
>>> ex_02_1.check([6, -8, 5])
✗ Not yet: you returned the products [6, −8, 5] — now add them up.
>>> ex_02_1.check(...)
✎ Not attempted yet: replace `...` with your answer, then run the cell again (Shift+Enter).
>>> print(EXERCISES[("02", 1)].hint())
Hint 1 of 2: multiply the numbers in the same position: 3·2, (−2)·4, 1·5.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

import numpy as np

from lessons_lib import checkers as ch
from lessons_lib.checkers import Feedback

__all__ = ["EXERCISES", "Exercise", "Help", "exercises_of"]


class Help(str):
    """Help text a learner asked for: shown as it is, without quotes."""

    def __repr__(self) -> str:
        return str(self)


class Exercise:
    """One "your turn" exercise: ``check(answer)``, ``hint()``, ``solution()``.

    Parameters
    ----------
    lesson : str
        The lesson's two-digit prefix, e.g. ``"02"``.
    number : int
        The exercise's number in its lesson ("Your turn 1" is 1).
    checker : str
        The name of the :mod:`lessons_lib.checkers` function that gives the verdict.
    check : callable
        ``answer ↦ Feedback``: the checker called with this exercise's data.
    hints : sequence of str
        Shown one at a time by :meth:`hint`, from a nudge to nearly the method.
    solution : str
        Python statements that set ``answer`` to the model solution (the Appendix runs
        them, nbgrader uses them as the model answer).
    explanation : str
        The worked solution in words, shown with the code by :meth:`solution`.

    Examples
    --------
    >>> ex = Exercise("99", 1, "check_number", lambda a: ch.check_number(a, 4.0),
    ...               hints=["two and two"], solution="answer = 2 + 2", explanation="2 + 2 = 4.")
    >>> ex
    Exercise 99·1: ex.check(answer), ex.hint(), ex.solution()
    >>> ex.check(4)
    ✓ Correct! the answer = 4.
    >>> ex.hint()
    Hint 1 of 1: two and two
    >>> ex.solution()
    2 + 2 = 4.
    <BLANKLINE>
        answer = 2 + 2
    """

    def __init__(self, lesson: str, number: int, checker: str,
                 check: Callable[[object], Feedback], *, hints: Sequence[str],
                 solution: str, explanation: str = "") -> None:
        if not hints:
            raise ValueError(f"exercise {lesson}·{number} needs at least one hint.")
        self.lesson, self.number, self.checker = lesson, number, checker
        self._check = check
        self.hints = tuple(hints)
        self.solution_code = solution.strip()
        self.explanation = explanation.strip()
        self._hints_shown = 0
        self._tries: list[str] = []

    @property
    def name(self) -> str:
        """The name a lesson uses for it, e.g. ``ex_02_1``."""
        return f"ex_{self.lesson}_{self.number}"

    def check(self, answer: object) -> Feedback:
        """The verdict on ``answer``: correct, or what is wrong and what to do.

        The verdict carries this exercise's log of autograded tries (``Feedback.log``):
        ``.require()``, in an nbgrader test cell, adds to it, so the cell's output can
        record whether the first try was right.
        """
        return replace(self._check(answer), log=self._tries)

    def hint(self) -> Help:
        """One hint more on each call (the last one again once all were shown)."""
        i = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown += 1
        return Help(f"Hint {i + 1} of {len(self.hints)}: {self.hints[i]}")

    def solution(self) -> Help:
        """The worked solution: the reasoning, then the code."""
        code = "\n".join(f"    {line}" if line else "" for line in
                         self.solution_code.splitlines())
        return Help(f"{self.explanation}\n\n{code}" if self.explanation else code)

    def __repr__(self) -> str:
        return f"Exercise {self.lesson}·{self.number}: ex.check(answer), ex.hint(), ex.solution()"


EXERCISES: dict[tuple[str, int], Exercise] = {}


def _define(lesson: str, number: int, checker: str, check: Callable[[object], Feedback], *,
            hints: Sequence[str], solution: str, explanation: str = "") -> Exercise:
    ex = Exercise(lesson, number, checker, check, hints=hints, solution=solution,
                  explanation=explanation)
    EXERCISES[(lesson, number)] = ex
    return ex


def exercises_of(lesson: str) -> list[Exercise]:
    """The exercises of one lesson (``"02"``), in order.

    Examples
    --------
    >>> [ex.name for ex in exercises_of("01")]
    ['ex_01_1', 'ex_01_2', 'ex_01_3', 'ex_01_4']
    """
    return [ex for (les, _), ex in sorted(EXERCISES.items()) if les == lesson]


# --- 00 · start here ------------------------------------------------------------------

V00 = [2, 7, 1, 8, 2]  # lesson 00's vector v

ex_00_1 = _define(
    "00", 1, "check_vector",
    lambda a: ch.check_vector(a, [3, 1, 4], what="your list", hints=[
        ([1, 3, 4], "Same numbers, wrong order: in a vector the order is part of the "
                    "meaning. Keep them in the order the prompt gives them.")]),
    hints=["A list is written with square brackets and commas: [first, second, third].",
           "Type the three numbers in the order the prompt gives them."],
    explanation="A list is written with square brackets and commas. Its order is the order "
                "you type.",
    solution="answer = [3, 1, 4]")

ex_00_2 = _define(
    "00", 2, "check_number",
    lambda a: ch.check_number(a, float(np.size(V00)), what="the number of entries in v",
                              hints=[(np.size(V00) - 1,
                                      "that is the position of the last entry (Python counts "
                                      "positions from 0), not how many entries there are. "
                                      "len(v) counts them for you.")]),
    hints=["Python's len(...) counts the entries of a list.",
           "Put v between the brackets of len."],
    explanation="`len` counts the entries of a list. The number of entries of a vector is "
                "called its **dimension**: `v` is a 5-dimensional vector.",
    solution="answer = len(v)")

ex_00_3 = _define(
    "00", 3, "check_number",
    lambda a: ch.check_number(a, float(V00[1]), what="the second component of v", hints=[
        (V00[0], "That is v[0], the first component. Python counts from 0, so the second "
                 "component is one position further."),
        (V00[2], "That is v[2], the third component: Python counts from 0 (v[0] is the "
                 "first), so the second is one position earlier.")]),
    hints=["v[0] is the first component.",
           "The second component is one position after v[0]."],
    explanation="Positions start at 0: `v[0]` is the first component, `v[1]` the second. "
                "Mathematicians write the same thing as $v_2$, counting from 1; the lessons "
                "point it out whenever the two conventions meet.",
    solution="answer = v[1]")

# --- 01 · vectors ---------------------------------------------------------------------

ex_01_1 = _define(
    "01", 1, "check_add", lambda a: ch.check_add(a, [2, 5], [-1, 3]),
    hints=["Vectors add position by position: first with first, second with second.",
           "Python's + on two lists joins them; write each sum yourself: [2 + (−1), …]."],
    explanation="Add position by position: first with first, second with second.",
    solution="answer = [2 + (-1), 5 + 3]")

ex_01_2 = _define(
    "01", 2, "check_scale", lambda a: ch.check_scale(a, 3, [2, -1, 0.5]),
    hints=["Scaling multiplies EVERY component by the same number.",
           "3 * [2, -1, 0.5] on a Python list repeats it; multiply each entry instead."],
    explanation="Multiply every component by 3; the sign of each component is kept.",
    solution="answer = [3 * 2, 3 * (-1), 3 * 0.5]")

ex_01_3 = _define(
    "01", 3, "check_norm", lambda a: ch.check_norm(a, [6, 8]),
    hints=["Pythagoras: square each component, add the squares, take the square root.",
           "(x**2 + y**2) ** 0.5, with this vector's two components."],
    explanation="Square, add, square root: √(36 + 64) = √100 = 10. (It is [3, 4] doubled, so "
                "its length is twice 5.)",
    solution="answer = (6**2 + 8**2) ** 0.5")

ex_01_4 = _define(
    "01", 4, "check_norm", lambda a: ch.check_norm(a, [2, 3, 6]),
    hints=["The same recipe as in 2-D, with one more square.",
           "(x**2 + y**2 + z**2) ** 0.5."],
    explanation="√(4 + 9 + 36) = √49 = 7.",
    solution="answer = (2**2 + 3**2 + 6**2) ** 0.5")

# --- 02 · the dot product ---------------------------------------------------------------

ex_02_1 = _define(
    "02", 1, "check_dot", lambda a: ch.check_dot(a, [3, -2, 1], [2, 4, 5]),
    hints=["multiply the numbers in the same position: 3·2, (−2)·4, 1·5.",
           "then add the three products; a negative product is subtracted."],
    explanation="Multiply matching positions: 3·2 = 6, (−2)·4 = −8, 1·5 = 5. Add: 6 − 8 + 5 = "
                "3.",
    solution="answer = 3 * 2 + (-2) * 4 + 1 * 5")

ex_02_2 = _define(
    "02", 2, "check_dot", lambda a: ch.check_dot(a, [1, 0, -3, 2], [4, 7, 1, 5]),
    hints=["Four positions, four products; then one sum.",
           "A zero switches its position off: its product is 0."],
    explanation="1·4 = 4, 0·7 = 0 (the zero switches that position off), (−3)·1 = −3, 2·5 = 10. "
                "Sum: 4 + 0 − 3 + 10 = 11.",
    solution="answer = 1 * 4 + 0 * 7 + (-3) * 1 + 2 * 5")

ex_02_3 = _define(
    "02", 3, "check_dot", lambda a: ch.check_dot(a, [0.5, 0.3, -0.2], [0.4, 0.8, 0.1]),
    hints=["The same two steps with decimals: three products, then their sum.",
           "Keep every decimal until the end; round only the final sum to 2 decimals."],
    explanation="0.5·0.4 = 0.20, 0.3·0.8 = 0.24, (−0.2)·0.1 = −0.02. Sum: 0.20 + 0.24 − 0.02 = "
                "0.42. (Python may print 0.42000000000000004: floating-point rounding, see "
                "lesson 05. The checker accepts it.)",
    solution="answer = 0.5 * 0.4 + 0.3 * 0.8 + (-0.2) * 0.1")

ex_02_4 = _define(
    "02", 4, "check_dot", lambda a: ch.check_dot(a, [2, 1, 3], [1.5, 4, 0.5]),
    hints=["For each item: how many × how much.",
           "Add the three amounts: quantities · prices is a dot product."],
    explanation="Quantity times price for each item, then add: 2·1.5 + 1·4 + 3·0.5 = 3 + 4 + "
                '1.5 = 8.5 euros. A total of "how many × how much" is always a dot product: a '
                "**weighted sum**, the subject of lesson 04.",
    solution="answer = 2 * 1.5 + 1 * 4 + 3 * 0.5")

# --- 03 · geometry ----------------------------------------------------------------------

ex_03_1 = _define(
    "03", 1, "check_angle", lambda a: ch.check_angle(a, [4, 1], [1, 3]),
    hints=["cos θ = a·b / (‖a‖‖b‖).",
           "np.arccos gives radians; np.degrees turns them into degrees."],
    explanation="cos θ = a·b / (‖a‖‖b‖) = 7 / (√17 · √10) ≈ 0.5369, and θ = arccos 0.5369 ≈ "
                "57.5°.",
    solution="a, b = np.array([4, 1]), np.array([1, 3])\n"
             "cos_theta = (a @ b) / (np.linalg.norm(a) * np.linalg.norm(b))\n"
             "answer = np.degrees(np.arccos(cos_theta))")

ex_03_2 = _define(
    "03", 2, "check_cosine", lambda a: ch.check_cosine(a, [2, -1, 3], [1, 4, 2]),
    hints=["The dot product first, then divide by BOTH lengths.",
           "‖a‖ = √(a·a); keep 4 decimals only at the end."],
    explanation="a·b / (‖a‖‖b‖) = 4 / (√14 · √21) ≈ 0.2333.",
    solution="a, b = [2, -1, 3], [1, 4, 2]\n"
             "answer = ll.dot(a, b) / (ll.norm(a) * ll.norm(b))")

ex_03_3 = _define(
    "03", 3, "check_projection", lambda a: ch.check_projection(a, [2, 3], [4, 0]),
    hints=["The projection of a onto b is (a·b / b·b) b: a vector along b.",
           "Compute the number a·b / b·b first, then scale b by it."],
    explanation="(a·b / b·b) b = (8 / 16) × [4, 0] = [2, 0]: the shadow of a on the x-axis.",
    solution="a, b = [2, 3], [4, 0]\n"
             "answer = ll.scale(ll.dot(a, b) / ll.dot(b, b), b)")

# --- 04 · weighted sums and neurons -------------------------------------------------------

ex_04_1 = _define(
    "04", 1, "check_dot", lambda a: ch.check_dot(a, [2, -1, 0.5], [3, 4, 2]),
    hints=["w·x is a dot product: weight times input, for each position.",
           "Add the three products into ONE number."],
    explanation="2·3 + (−1)·4 + 0.5·2 = 6 − 4 + 1 = 3.",
    solution="answer = 2*3 + (-1)*4 + 0.5*2")

W04, X04, B04 = [10, 2, -1], [3, 70, 20], 50
_WX04 = float(np.dot(W04, X04))
ex_04_2 = _define(
    "04", 2, "check_number",
    lambda a: ch.check_number(a, _WX04 + B04, what="ŷ", hints=[
        (_WX04, f"that is w·x: you forgot to add the bias b = {B04}."),
        (_WX04 + 2 * X04[2] + B04, "the age weight is −1: age pushes the price DOWN, so "
                                   f"subtract {X04[2]}.")]),
    hints=["ŷ = w·x + b: the weighted sum, then the bias.",
           "Mind the sign of each weight: a negative weight subtracts."],
    explanation="10·3 + 2·70 + (−1)·20 + 50 = 30 + 140 − 20 + 50 = 200.",
    solution="answer = 10*3 + 2*70 + (-1)*20 + 50")


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


_Z04 = float(np.dot([2, -1], [1, 3])) + 1
ex_04_3 = _define(
    "04", 3, "check_number",
    lambda a: ch.check_number(a, _sigmoid(_Z04), tol=5e-5, what="a", hints=[
        (_Z04, f"{_Z04:g} is z, the weighted sum. The neuron's output is σ(z): apply the sigmoid."),
        (1.0, "σ(z) is 1 only for very large z. Compute z = w·x + b first."),
        (_sigmoid(_Z04 - 1), "that is σ(w·x): you forgot the bias. z = w·x + b, then σ(z).")]),
    hints=["First z = w·x + b, then a = σ(z) = 1 / (1 + e⁻ᶻ).",
           "neurons.sigmoid(z) computes σ for you once you have z."],
    explanation="z = 2·1 + (−1)·3 + 1 = 2 − 3 + 1 = 0, and σ(0) = 1 / (1 + e⁰) = 0.5.",
    solution="z = 2*1 + (-1)*3 + 1\nanswer = neurons.sigmoid(z)")

# --- 05 · properties --------------------------------------------------------------------

# a·b summed exactly in decimals, 1.44 + 2.16 = 3.6: np.dot's last bit depends on the CPU
# (a fused multiply-add gives 3.6, two roundings 3.6000000000000005, shown as (5a)·b =
# 18.0000), and the verdict must read the same on every machine.
_AB05 = float(Fraction("1.8") * Fraction("0.8") + Fraction("1.2") * Fraction("1.8"))
ex_05_1 = _define(
    "05", 1, "check_number",
    lambda a: ch.check_number(a, 5 * _AB05, tol=1e-6, what="(5a)·b", hints=[
        (_AB05, "scaling a by 5 scales the dot product by 5 too: (ka)·b = k(a·b)."),
        (25 * _AB05, "only a was scaled, so the 5 comes out once, not squared.")]),
    hints=["The scalar rule: (ka)·b = k (a·b).",
           "You know a·b from the lesson; one multiplication is left."],
    explanation="(ka)·b = k(a·b) = 5 · 3.6 = 18.",
    solution="answer = 5 * 3.6")

A05 = [2, -3, 6]
ex_05_2 = _define(
    "05", 2, "check_number",
    lambda a: ch.check_number(a, float(np.dot(A05, A05)), what="‖a‖²", hints=[
        (float(np.linalg.norm(A05)), f"{np.linalg.norm(A05):g} is ‖a‖, the length. Square "
                                     "it (or compute a·a directly)."),
        (float(np.sum(A05)), "you added the numbers; square each one first."),
        (float(np.dot(A05, np.abs(A05))), "(−3)² is +9, not −9: a square is never "
                                          "negative.")]),
    hints=["‖a‖² = a·a: each component times itself, then the sum.",
           "A square is never negative."],
    explanation="2·2 + (−3)·(−3) + 6·6 = 4 + 9 + 36 = 49 (and √49 = 7 = ‖a‖).",
    solution="answer = 2*2 + (-3)*(-3) + 6*6")

ex_05_3 = _define(
    "05", 3, "check_clip", lambda a: ch.check_clip(a, [6, 8], 5),
    hints=["First compare ‖g‖ with max_norm: clip only if g is longer.",
           "Clipping keeps the direction: g · max_norm / ‖g‖."],
    explanation="‖[6, 8]‖ = 10 > 5 = max_norm, so clip: (5/10) [6, 8] = [3, 4], the same "
                "direction.",
    solution="g, max_norm = np.array([6.0, 8.0]), 5\n"
             "answer = g * max_norm / np.sqrt(g @ g)")

A05_4, B05_4 = [1, 2, 2, 0], [0, -2, 1, 2]  # ‖a‖ = ‖b‖ = 3, a·b = −2
ex_05_4 = _define(
    "05", 4, "check_angle", lambda a: ch.check_angle(a, A05_4, B05_4),
    hints=["No drawing in 4-D: compute cos θ = a·b / (‖a‖‖b‖) first. Cauchy–Schwarz says it "
           "lies in [−1, 1].",
           "Then θ = math.degrees(math.acos(cos θ)). A negative a·b means θ is above 90°. "
           "If Python says 'math domain error', the number you gave acos is outside [−1, 1]: "
           "divide a·b by BOTH lengths."],
    explanation="a·b = 1·0 + 2·(−2) + 2·1 + 0·2 = 0 − 4 + 2 + 0 = −2, ‖a‖ = √(1 + 4 + 4 + 0) = "
                "√9 = 3 and ‖b‖ = √(0 + 4 + 1 + 4) = √9 = 3, so cos θ = −2 / (3 · 3) ≈ −0.2222, "
                "inside [−1, 1] as Cauchy–Schwarz promises, and θ = arccos(−0.2222) ≈ 102.8°: "
                "a little more than a right angle.",
    solution="a, b = [1, 2, 2, 0], [0, -2, 1, 2]\n"
             "cos_theta = ll.dot(a, b) / (ll.norm(a) * ll.norm(b))\n"
             "answer = math.degrees(math.acos(cos_theta))")

# --- 06 · similarity and embeddings -------------------------------------------------------

ex_06_1 = _define(
    "06", 1, "check_dot", lambda a: ch.check_dot(a, [0.9, 0.4], [0.7, 0.5]),
    hints=["A dot product of the two made-up vectors: two products, one sum.",
           "Round only the final sum, to 2 decimals."],
    explanation="0.9·0.7 + 0.4·0.5 = 0.63 + 0.20 = 0.83.",
    solution="answer = 0.9 * 0.7 + 0.4 * 0.5")

ex_06_2 = _define(
    "06", 2, "check_softmax", lambda a: ch.check_softmax(a, [0.96, 0.18]),
    hints=["Softmax: exponentiate every score, then divide by the sum of the exponentials.",
           "np.exp([...]) gives the exponentials; e / e.sum() makes them sum to 1."],
    explanation="Exponentiate both scores, then divide each by their sum: ≈ [0.69, 0.31].",
    solution="e = np.exp([0.96, 0.18])\nanswer = e / e.sum()")


@functools.cache
def _words() -> tuple[list[str], np.ndarray]:
    from lessons_lib.embeddings import load_word_embeddings

    words = load_word_embeddings()
    return list(words.labels), np.asarray(words.vectors, dtype=float)


def _best_match(word: str) -> str:
    """The word whose vector scores highest with ``word``'s, the word itself left out."""
    labels, vectors = _words()
    i = labels.index(word)
    scores = vectors @ vectors[i]
    scores[i] = -np.inf
    return labels[int(np.argmax(scores))]


ex_06_3 = _define(
    "06", 3, "check_choice",
    lambda a: ch.check_choice(a, _best_match("milk"), explanations={
        "cat": "cat·milk is smaller than milk's best match; read the whole milk row.",
        "car": "car·milk is among the smallest in the milk row.",
        "milk": "milk·milk = 1 is the word with itself; the question excludes it."}),
    hints=["Read the milk row of the score table.",
           "Skip milk·milk = 1 (the word with itself); take the largest of the others."],
    explanation="Read the *milk* row: the largest score apart from 1.00 is *cheese* (another "
                "food).",
    solution='row = score_table(words, ["milk"], words.labels)[0]\n'
             'others = [(s, w) for s, w in zip(row, words.labels) if w != "milk"]\n'
             "answer = max(others)[1]")


@functools.cache
def _head() -> Any:
    from lessons_lib.embeddings import load_real_head

    return load_real_head()


def _most_attended(token: str) -> str:
    head = _head()
    row = np.asarray(head.model_weights, dtype=float)[head.tokens.index(token)]
    return str(head.tokens[int(np.argmax(row))])


ex_06_4 = _define(
    "06", 4, "check_choice",
    lambda a: ch.check_choice(a, _most_attended("drank"), explanations={
        "cat": "cat gets a lot, but not the most: look at the whole row of 'drank'.",
        "drank": "that is the token itself; in this head tokens look elsewhere.",
        "car": "car gets almost nothing from drank."}),
    hints=["Find the row of 'drank' in the head's weights.",
           "The largest weight in that row: np.argmax gives its position."],
    explanation="The largest weight in the row of *drank* is *milk*: what was drunk.",
    solution='row = head.model_weights[head.tokens.index("drank")]\n'
             "answer = head.tokens[int(np.argmax(row))]")

M06, X06 = np.array([[2, 0, 1], [-1, 3, 2]]), np.array([1, 2, 3])
ex_06_5 = _define(
    "06", 5, "check_vector",
    lambda a: ch.check_vector(a, M06 @ X06, what="M x", hints=[
        ((M06 @ X06 + np.array([0, 2])).tolist(),
         "row 2 starts with (−1)·1 = −1: keep the minus sign."),
        ((M06 * X06).sum(axis=0).tolist(),
         "you added down the columns; add along each ROW: one dot product per row.")]),
    hints=["M x has one number per ROW of M: that row dotted with x.",
           "Row 2 starts with −1: keep its sign."],
    explanation="Row 1: 2·1 + 0·2 + 1·3 = 5; row 2: (−1)·1 + 3·2 + 2·3 = 11.",
    solution="answer = [2*1 + 0*2 + 1*3, (-1)*1 + 3*2 + 2*3]")

A06, B06 = np.array([[1, 2], [0, -1]]), np.array([[3, 1], [2, 4]])
ex_06_6 = _define(
    "06", 6, "check_vector",
    lambda a: ch.check_vector(a, A06 @ B06, what="A B", hints=[
        ((B06 @ A06).tolist(), "that is B A: the order matters. Cell (i, j) is row i of A "
                               "with column j of B."),
        ((A06 * B06).tolist(), "that is the element-wise product (A * B). A matrix product "
                               "dots rows with columns: A @ B."),
        ((A06 @ B06.T).tolist(), "you dotted rows of A with ROWS of B; use the columns of B."),
        ((A06 @ B06).T.tolist(), "right numbers, transposed: cell (i, j) goes in row i, "
                                 "column j.")]),
    hints=["Cell (i, j) of A B is row i of A dotted with COLUMN j of B.",
           "The columns of B are its first numbers of each row, then its second numbers."],
    explanation="The columns of B are [3, 2] and [1, 4]: A B = [[1·3 + 2·2, 1·1 + 2·4], [0·3 + "
                "(−1)·2, 0·1 + (−1)·4]] = [[7, 9], [−2, −4]].",
    solution="answer = [[1*3 + 2*2, 1*1 + 2*4],\n"
             "          [0*3 + (-1)*2, 0*1 + (-1)*4]]")

ex_06_7 = _define(
    "06", 7, "check_choice",
    lambda a: ch.check_choice(a, "A", options={"A": "5 × 5", "B": "8 × 8", "C": "5 × 8"},
                              explanations={
        "B": "8 × 8 would be KᵀQ (d_k × n)(n × d_k). QKᵀ pairs queries with keys.",
        "C": "5 × 8 is the shape of Q itself. Kᵀ is 8 × 5: multiply the shapes."}),
    hints=["(n × d)(d × m) → n × m: the inner sizes meet and disappear.",
           "Q is 5 × 8 and Kᵀ is 8 × 5."],
    explanation="(5 × 8)(8 × 5) → 5 × 5: one score for every (query, key) pair.",
    solution='answer = "A"')

W1_06, W2_06 = np.array([[1, 2], [-1, 0]]), np.array([[2, 1], [0, 3]])
ex_06_8 = _define(
    "06", 8, "check_vector",
    lambda a: ch.check_vector(a, W2_06 @ W1_06, what="W", hints=[
        ((W1_06 @ W2_06).tolist(), "that is W₁W₂: the order matters. W₁ acts on x first, so it "
                                   "stands next to x: W₂(W₁x) = (W₂W₁)x."),
        ((W1_06 * W2_06).tolist(), "that is the element-wise product (W1_8 * W2_8). One "
                                   "layer after the other is a matrix product: W₂W₁."),
        ((W1_06 + W2_06).tolist(), "you added the two matrices. Layer 2 works on layer 1's "
                                   "OUTPUT, so the matrices multiply: W₂(W₁x) = (W₂W₁)x."),
        ((W2_06 @ W1_06.T).tolist(), "you dotted rows of W₂ with ROWS of W₁; use the columns "
                                     "of W₁."),
        ((W2_06 @ W1_06).T.tolist(), "right numbers, transposed: cell (i, j) is row i of W₂ "
                                     "dotted with column j of W₁."),
        (W1_06.tolist(), "that is W₁ itself, layer 1 alone. W does the work of BOTH layers: "
                         "multiply the two matrices."),
        (W2_06.tolist(), "that is W₂ itself, layer 2 alone. W does the work of BOTH layers: "
                         "multiply the two matrices.")]),
    hints=["Associativity: W₂(W₁x) = (W₂W₁)x, so W is the product W₂W₁, in that order.",
           "Cell (i, j) of W₂W₁ is row i of W₂ dotted with COLUMN j of W₁; the columns of W₁ "
           "are [1, −1] and [2, 0]."],
    explanation="W = W₂W₁ (W₁ acts first, so it stands next to x). The columns of W₁ are "
                "[1, −1] and [2, 0]: W₂W₁ = [[2·1 + 1·(−1), 2·2 + 1·0], [0·1 + 3·(−1), "
                "0·2 + 3·0]] = [[1, 4], [−3, 0]]. Check on x = [1, 1]: W₁x = [3, −1], "
                "W₂(W₁x) = W₂[3, −1] = [5, −3], and Wx = [5, −3] too.",
    solution="answer = [[2*1 + 1*(-1), 2*2 + 1*0],\n"
             "          [0*1 + 3*(-1), 0*2 + 3*0]]")

# --- 07 · attention scores --------------------------------------------------------------

Q07, K07 = [1.0, 2.0, 0.0, -1.0], [0.5, 0.5, 1.0, 1.0]
_QK07 = float(np.dot(Q07, K07))
ex_07_1 = _define(
    "07", 1, "check_number",
    lambda a: ch.check_number(a, _QK07 / math.sqrt(len(Q07)), tol=1e-6,
                              what="the scaled score", hints=[
        (_QK07, "that is the raw dot product q·k; divide it by √d_k."),
        (_QK07 / len(Q07), "you divided by d_k; the scale is √d_k."),
        (_QK07 * math.sqrt(len(Q07)), "you multiplied by √d_k; divide instead.")]),
    hints=["First q·k: four products, one sum.",
           "Then divide by √d_k, with d_k = 4."],
    explanation="q·k = 1·0.5 + 2·0.5 + 0·1 + (−1)·1 = 0.5 + 1 + 0 − 1 = 0.5, and √4 = 2, so the "
                "score is 0.25.",
    solution="answer = (1.0 * 0.5 + 2.0 * 0.5 + 0.0 * 1.0 + (-1.0) * 1.0) / 4 ** 0.5")

ex_07_2 = _define(
    "07", 2, "check_softmax", lambda a: ch.check_softmax(a, [2.0, 1.0, 0.0]),
    hints=["Exponentiate each score with np.exp.",
           "Divide each exponential by the sum of all three."],
    explanation="Exponentiate, then divide by the sum: ≈ [0.665, 0.245, 0.090].",
    solution="e = np.exp([2.0, 1.0, 0.0])\nanswer = e / e.sum()")

Q07_2, K07_2 = np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([[1.0, 1.0], [0.0, 2.0]])
ex_07_3 = _define(
    "07", 3, "check_attention_weights",
    lambda a: ch.check_attention_weights(a, Q07_2, K07_2),
    hints=["Scores first: Q2 @ K2.T, divided by √d_k = √2.",
           "Softmax along each ROW: np.exp, then divide by .sum(axis=1, keepdims=True)."],
    explanation="Scaled scores QKᵀ/√2, then a softmax along each row (one query's weights).",
    solution="s = Q2 @ K2.T / np.sqrt(2)\n"
             "e = np.exp(s - s.max(axis=1, keepdims=True))\n"
             "answer = e / e.sum(axis=1, keepdims=True)")

ex_07_4 = _define(
    "07", 4, "check_choice",
    lambda a: ch.check_choice(a, "B", options={"A": "6 × 64", "B": "6 × 6", "C": "64 × 64"},
                              explanations={
        "A": "6 × 64 is the shape of Q itself; QKᵀ compares every query with every key.",
        "C": "d_k disappears in each dot product: the table is queries × keys."}),
    hints=["QKᵀ has one row per query and one column per key.",
           "How many queries and how many keys does a 6-token sentence have?"],
    explanation="6 queries × 6 keys = a 6 × 6 score table (B).",
    solution='answer = "B"')

# --- 08 · real attention ----------------------------------------------------------------


@functools.cache
def _real_qk() -> tuple[np.ndarray, np.ndarray]:
    head = _head()
    H = np.asarray(head.hidden_states_in, dtype=float)
    Q = H @ np.asarray(head.w_q, dtype=float).T + np.asarray(head.b_q, dtype=float)
    K = H @ np.asarray(head.w_k, dtype=float).T + np.asarray(head.b_k, dtype=float)
    return Q, K


def _check_08_1(a: object) -> Feedback:
    Q, K = _real_qk()
    tokens = list(_head().tokens)
    drank, milk = tokens.index("drank"), tokens.index("milk")
    d_k = Q.shape[1]
    raw = float(Q[drank] @ K[milk])
    return ch.check_number(a, raw / math.sqrt(d_k), tol=5e-5, what="the scaled score", hints=[
        (raw, "that is q·k without the division by √d_k = √32."),
        (raw / d_k, "you divided by d_k = 32; the scale is √d_k = √32."),
        (float(Q[milk] @ K[drank]) / math.sqrt(d_k),
         "that is milk's query with drank's key: swap them (query = drank).")])


ex_08_1 = _define(
    "08", 1, "check_number", _check_08_1,
    hints=["The query row of drank and the key row of milk: Q[drank] and K[milk].",
           "np.dot of the two rows, then divide by np.sqrt(32)."],
    explanation="One query row dotted with one key row, divided by √d_k.",
    solution="answer = np.dot(Q[drank], K[milk]) / np.sqrt(32)")


def _check_08_2(a: object) -> Feedback:
    Q, K = _real_qk()
    return ch.check_attention_weights(a, Q[:4], K[:4])


ex_08_2 = _define(
    "08", 2, "check_attention_weights", _check_08_2,
    hints=["Scores of the first four tokens: Q[:4] @ K[:4].T / np.sqrt(32).",
           "Softmax along each row (axis=1), over these four keys only."],
    explanation="Scaled scores of the four tokens, then a softmax along each row.",
    solution="s = Q[:4] @ K[:4].T / np.sqrt(32)\n"
             "e = np.exp(s - s.max(axis=1, keepdims=True))\n"
             "answer = e / e.sum(axis=1, keepdims=True)")

ex_08_3 = _define(
    "08", 3, "check_choice",
    lambda a: ch.check_choice(a, _most_attended("near"), explanations={
        "near": "near gives itself almost nothing in this head; look along its row.",
        "car": "car is next to near in the sentence, but this head hardly looks at it."}),
    hints=["Find the row of 'near' in the heatmap (rows are queries).",
           "The darkest cell of that row; np.argmax finds it from code."],
    explanation="The largest weight in the row of *near* is *cat*.",
    solution='row = weights[head.tokens.index("near")]\n'
             "answer = head.tokens[int(np.argmax(row))]")

# --- 09 · many heads ----------------------------------------------------------------------


@functools.cache
def _layer() -> Any:
    from lessons_lib.multihead import load_real_layer

    return load_real_layer()


def _layer_head(h: int, H: Any = None, *, scale: float = math.sqrt(32),
                axis: int = 1) -> np.ndarray:
    """Head ``h``'s weights, softmax(Q_h K_hᵀ/√32) along each row, written out here with
    NumPy (``scale`` and ``axis`` give the anticipated slips: no √32, √384, columns)."""
    layer = _layer()
    X = np.asarray(layer.hidden_states_in if H is None else H, dtype=float)
    cols = slice(h * 32, (h + 1) * 32)
    q = X @ np.asarray(layer.w_q, dtype=float)[cols].T + np.asarray(layer.b_q, dtype=float)[cols]
    k = X @ np.asarray(layer.w_k, dtype=float)[cols].T + np.asarray(layer.b_k, dtype=float)[cols]
    s = q @ k.T / scale
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return np.asarray(e / e.sum(axis=axis, keepdims=True))


def _check_09_1(a: object) -> Feedback:
    tokens = list(_layer().tokens)
    cat, milk = tokens.index("cat"), tokens.index("milk")
    right = float(_layer_head(3)[milk, cat])
    return ch.check_number(a, right, tol=5e-5, what="milk's weight on cat", hints=[
        (float(_layer_head(3)[cat, milk]), "that is cat's weight on milk: the row is the "
                                            "token that looks (milk), the column cat."),
        (float(_layer_head(3, scale=1.0)[milk, cat]),
         "you forgot to divide the scores by √32 before the softmax."),
        (float(_layer_head(3, scale=math.sqrt(384))[milk, cat]),
         "you divided by √384; each head's vectors have d_k = 32 numbers."),
        (float(_layer_head(3, axis=0)[milk, cat]),
         "your softmax ran down the columns (axis=0); each ROW (one query) must sum to 1: "
         "axis=1."),
        (100 * right, "that is a percentage; give the weight itself, between 0 and 1.")])


ex_09_1 = _define(
    "09", 1, "check_number", _check_09_1,
    hints=["Cut Q and K into 12 heads with split_heads(Q, 12) and take head 3 of each.",
           "Scaled scores Qh[3] @ Kh[3].T / np.sqrt(32), a softmax along each row (axis=1), "
           "then the cell [milk, cat]: milk's row, cat's column."],
    explanation="Head 3 is columns 96–127 of Q and K; its weights are softmax(Q₃K₃ᵀ/√32), "
                "row by row, and the answer is the cell in milk's row and cat's column: "
                "≈ 0.0744. (cat's weight on milk, the other cell, is ≈ 0.2356.)",
    solution="Qh, Kh = split_heads(Q, 12), split_heads(K, 12)\n"
             "s = Qh[3] @ Kh[3].T / np.sqrt(32)\n"
             "e = np.exp(s - s.max(axis=1, keepdims=True))\n"
             "answer = (e / e.sum(axis=1, keepdims=True))[milk, cat]")


def _pe_offset_answer() -> int:
    """Σ cos((i − j)ω) depends on |i − j| only: PE(3)·PE(5) = PE(10)·PE(12)."""
    return 10 + (5 - 3)


ex_09_2 = _define(
    "09", 2, "check_number",
    lambda a: ch.check_number(a, float(_pe_offset_answer()), tol=0.0,
                              what="the position x", hints=[
        (8.0, "PE(10)·PE(8) is equal too (the offset 2 the other way), but x must be "
              "greater than 10."),
        (15.0, "15 − 10 = 5 is not the offset of 3 and 5: the offset is 5 − 3 = 2."),
        (13.0, "13 − 10 = 3; the offset of positions 3 and 5 is 5 − 3 = 2.")]),
    hints=["PE(i)·PE(j) depends only on the offset i − j.",
           "The offset of 3 and 5 is 2: which x > 10 is 2 away from 10?"],
    explanation="PE(3)·PE(5) depends only on the offset 5 − 3 = 2, so x = 10 + 2 = 12; the "
                "code finds it by trying every x.",
    solution="pe = positional_encoding(50, 16)\n"
             "target = pe[3] @ pe[5]\n"
             "answer = next(x for x in range(11, 50) if np.isclose(pe[10] @ pe[x], target))")


def _no_position_top() -> str:
    layer = _layer()
    drank = list(layer.tokens).index("drank")
    row = _layer_head(2, layer.embedding_output(with_positions=False))[drank]
    return str(layer.tokens[int(np.argmax(row))])


ex_09_3 = _define(
    "09", 3, "check_choice",
    lambda a: ch.check_choice(a, _no_position_top(), explanations={
        "cat": "that is where drank looks WITH the position vectors (the previous token); "
               "recompute head 2 from embedding_output(with_positions=False).",
        "drank": "drank gives itself little in head 2, with or without positions.",
        "[CLS]": "that is where cat looks without positions (the lesson's example); take "
                 "drank's row.",
        "the": "the next token after drank is 'the'; head 2 does not look forward, and "
               "without positions it cannot tell the three the's apart."}),
    hints=["layer.embedding_output(with_positions=False) is the layer's input without the "
           "position vectors.",
           "layer.recompute(that input).weights[2] is head 2's table; take the row of drank "
           "(tokens.index(\"drank\")) and its largest weight (np.argmax)."],
    explanation="Without the position vectors, head 2 cannot find the previous token any "
                "more: drank's row sends most of its weight (≈ 0.52) to car.",
    solution="drank = tokens.index(\"drank\")\n"
             "w_nopos = layer.recompute(layer.embedding_output(with_positions=False)).weights[2]\n"
             "answer = layer.tokens[int(np.argmax(w_nopos[drank]))]")
