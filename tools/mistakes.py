"""The anticipated mistakes of every "your turn" exercise: one table, played and published.

For each exercise of lessons 00–09: the checker it calls and the answers learners give,
each with the verdict it must get: the right answer, the right answer rounded as far as
the prompt allows, and the typical mistakes with a phrase of their diagnosis. Expected
values are worked out here by hand or with NumPy, never with lessons_lib's formulas.

* ``tests/test_learner.py`` plays every row against the real checkers;
* ``python -m tools.mistakes`` writes ``docs/mistakes.md``, the teacher's view: every
  exercise, every anticipated answer and the message a learner sees for it (produced by
  the checkers, so it never drifts from what the notebooks print); ``--check`` exits 1 if
  the page is out of date.
"""

from __future__ import annotations

import argparse
import functools
import math
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from lessons_lib import checkers as ch
from lessons_lib.formatting import format_number
from tools._paths import ROOT, lessons

RIGHT = "Correct!"


def softmax_rows(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _real_head() -> tuple[np.ndarray, np.ndarray, list[str]]:
    from lessons_lib.embeddings import load_real_head

    head = load_real_head()
    H = np.asarray(head.hidden_states_in, dtype=float)  # float64, as a learner's typed numbers
    Q = H @ np.asarray(head.w_q, dtype=float).T + np.asarray(head.b_q, dtype=float)
    K = H @ np.asarray(head.w_k, dtype=float).T + np.asarray(head.b_k, dtype=float)
    return Q, K, list(head.tokens)


def _real_head_float32() -> tuple[np.ndarray, np.ndarray]:
    """Q and K as lesson 08's cells compute them: from the head's stored float32 arrays."""
    from lessons_lib.embeddings import load_real_head

    head = load_real_head()
    H = head.hidden_states_in
    return H @ head.w_q.T + head.b_q, H @ head.w_k.T + head.b_k


Q8, K8, TOKENS8 = _real_head()
Q8_32, K8_32 = _real_head_float32()
DRANK, MILK = TOKENS8.index("drank"), TOKENS8.index("milk")


def _real_layer_scores(h: int, with_positions: bool = True) -> tuple[np.ndarray, list[str]]:
    """Lesson 09: head h's scores Q_h K_hᵀ (not yet scaled) of the shipped layer, from the raw
    npz arrays with plain NumPy."""
    from importlib import resources

    with resources.as_file(resources.files("lessons_lib") / "data" / "minilm_layer.npz") as p, \
            np.load(p) as npz:
        raw = {k: npz[k] for k in npz.files}
    if with_positions:
        H = raw["hidden_states_in"].astype(float)
    else:  # LayerNorm(word + token type), the position vectors left out
        x = raw["word_embeddings"].astype(float) + raw["token_type_embedding"]
        x = (x - x.mean(1, keepdims=True)) / np.sqrt(x.var(1, keepdims=True) + 1e-12)
        H = x * raw["embedding_ln_weight"] + raw["embedding_ln_bias"]
    cols = slice(32 * h, 32 * h + 32)
    w = {n: (raw[f"w_{n}_int8"].astype(np.float32) * raw[f"w_{n}_scale"][:, None])[cols]
         for n in "qk"}
    q = H @ w["q"].T.astype(float) + raw["b_q"][cols]
    k = H @ w["k"].T.astype(float) + raw["b_k"][cols]
    return q @ k.T, [str(t) for t in raw["tokens"]]


S9, TOKENS9 = _real_layer_scores(3)
W9 = softmax_rows(S9 / math.sqrt(32))
S9_NOPOS, _ = _real_layer_scores(2, with_positions=False)
W9_HEAD2_NOPOS = softmax_rows(S9_NOPOS / math.sqrt(32))
CAT9, MILK9, DRANK9 = (TOKENS9.index(t) for t in ("cat", "milk", "drank"))
Q7, K7 = np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([[1.0, 1.0], [0.0, 2.0]])
W7 = softmax_rows(Q7 @ K7.T / math.sqrt(2))  # by hand: rows [0.5, 0.5] … see the lesson
W8 = softmax_rows(Q8[:4] @ K8[:4].T / math.sqrt(32))
SOFT06 = np.exp([0.96, 0.18]) / np.exp([0.96, 0.18]).sum()  # [0.6857, 0.3143]
SOFT07 = np.exp([2.0, 1.0, 0.0]) / np.exp([2.0, 1.0, 0.0]).sum()  # [0.6652, 0.2447, 0.0900]
SIG04 = 1 / (1 + math.exp(-(2 * 1 + (-1) * 3 + 1)))  # z = 0 → 0.5
SHAPES = {"A": "6 × 64", "B": "6 × 6", "C": "64 × 64"}

Case = tuple[Any, str]  # (answer, a phrase the feedback must contain; RIGHT = accepted)

#: (lesson prefix, exercise number) → (the checker the lesson calls, cases)
TABLE: dict[tuple[str, int], tuple[str, list[Case]]] = {
    ("00", 1): ("check_vector", [
        ([3, 1, 4], RIGHT), ((3, 1, 4), RIGHT), ([1, 3, 4], "wrong order"),
        ("3, 1, 4", "list of numbers"), (..., "Not attempted yet")]),
    ("00", 2): ("check_number", [
        (5, RIGHT), (5.0, RIGHT), ("5", "text"), (4, "position of the last entry")]),
    ("00", 3): ("check_number", [
        (7, RIGHT), (1, "counts from 0"), ("7", "text")]),
    ("01", 1): ("check_add", [
        ([1, 8], RIGHT), ([2, 5, -1, 3], "joined end to end"), (["1", "8"], "text"),
        ([1, 8, 0], "should have 2 numbers"), ([2, 8], "only one of the two numbers"),
        ([7, 8], "position 0 (counting from 0) is off"),  # a slip no rule explains
        ([2 * -1, 5 * 3], "multiplied matching numbers")]),
    ("01", 2): ("check_scale", [
        ([6, -3, 1.5], RIGHT), ([2, -1, 0.5] * 3, "repeats the list"),
        ([6, -1, 1.5], "not scaled"), ([6, 3, 1.5], "wrong sign")]),
    ("01", 3): ("check_norm", [
        (10, RIGHT), (10.0, RIGHT), (100, "‖a‖²"), (14, "")]),
    ("01", 4): ("check_norm", [
        (7, RIGHT), (49, "‖a‖²")]),
    ("02", 1): ("check_dot", [
        (3, RIGHT), ([6, -8, 5], "products"), (-3, "left out a term"),
        (6 + 8 + 5, "every product as positive")]),
    ("02", 2): ("check_dot", [
        (11, RIGHT), ([4, 0, -3, 10], "products")]),
    # 0.5·0.4 + 0.3·0.8 + (−0.2)·0.1 = 0.20 + 0.24 − 0.02 = 0.42
    ("02", 3): ("check_dot", [
        (0.42, RIGHT), (0.420, RIGHT), (0.424, "last decimal place is wrong"),
        ((0, 42), RIGHT),  # answer = 0,42: a decimal comma, which Python reads as (0, 42)
        (0.4, "Give 2 decimal places"), (0.44, "left out a term")]),
    ("02", 4): ("check_dot", [
        (8.5, RIGHT), (8.50, RIGHT), ([3.0, 4.0, 1.5], "products")]),
    # cos θ = (4 + 3) / (√17 · √10) = 7 / 13.04 = 0.5369 → θ = 57.53°
    ("03", 1): ("check_angle", [
        (math.degrees(math.acos(7 / math.sqrt(170))), RIGHT), (57.53, RIGHT), (57.5, RIGHT),
        (57.58, "last decimal place is wrong"), (57.6, "last decimal place is wrong"),
        (math.acos(7 / math.sqrt(170)), "radians"), (7 / math.sqrt(170), "that is cos θ")]),
    # (2 − 4 + 6) / (√14 · √21) = 4 / 17.15 = 0.2333
    ("03", 2): ("check_cosine", [
        (4 / math.sqrt(14 * 21), RIGHT), (0.2333, RIGHT), (0.23, "Give 4 decimal places"),
        (0.2334, "last decimal place is wrong"), (4, "raw dot product"),
        (4 / math.sqrt(14), "divided by ‖a‖ only")]),
    # (8 / 16)·[4, 0] = [2, 0]
    ("03", 3): ("check_projection", [
        ([2, 0], RIGHT), ([2.0, 0.0], RIGHT), ([2, 3], "a itself"), (2, "scalar projection"),
        ([8 * 4, 0], "forgot to divide by b·b")]),
    ("04", 1): ("check_dot", [
        (3, RIGHT), (3.0, RIGHT), ([6, -4, 1.0], "products")]),
    # 10·3 + 2·70 + (−1)·20 + 50 = 30 + 140 − 20 + 50 = 200
    ("04", 2): ("check_number", [
        (200, RIGHT), (150, "forgot to add the bias"), (240, "age weight is −1")]),
    ("04", 3): ("check_number", [
        (0.5, RIGHT), (0.50, RIGHT), (0.5000, RIGHT), (0.5001, "last decimal place is wrong"),
        (0.4999, "last decimal place is wrong"), (0.0, "0 is z, the weighted sum"),
        (1 / (1 + math.exp(1)), "forgot the bias")]),  # σ(w·x) = σ(−1)
    # (5a)·b = 5 (a·b) = 5 · 3.6 = 18
    ("05", 1): ("check_number", [
        (18, RIGHT), (3.6, "scales the dot product"), (90, "not squared")]),
    ("05", 2): ("check_number", [
        (49, RIGHT), (7, "is ‖a‖, the length"), (31, "a square is never negative")]),
    # ‖[6, 8]‖ = 10 > 5: [6, 8] · 5/10 = [3, 4]
    ("05", 3): ("check_clip", [
        ([3, 4], RIGHT), ([0.6, 0.8], "unit vector"), ([6, 8], "scaled down"),
        ([6 * 5 / 100, 8 * 5 / 100], "divided by g·g"), ([5, 5], "clip by value"),
        ([3, 5], "position 1 (counting from 0) is off")]),
    # a = [1, 2, 2, 0], b = [0, −2, 1, 2]: a·b = 0 − 4 + 2 + 0 = −2, ‖a‖ = √9 = 3, ‖b‖ = √9 = 3,
    # cos θ = −2/9 → θ = 102.84°
    ("05", 4): ("check_angle", [
        (math.degrees(math.acos(-2 / 9)), RIGHT), (102.8, RIGHT), (102.84, RIGHT),
        (102.9, "last decimal place is wrong"), (math.acos(-2 / 9), "radians"),
        (-2 / 9, "that is cos θ"), (-0.2222, "that is cos θ"),
        (180 - math.degrees(math.acos(-2 / 9)), "180° minus the angle"),
        (-2, "is the dot product a·b"),
        (math.degrees(math.acos(-2 / 3)), "by ‖a‖ only"),  # −2/3: one length only
        (math.degrees(math.acos(-2 / 81)), "squared lengths"),  # −2/(9·9)
        (float("nan"), "Cauchy–Schwarz"),  # arccos(−2): forgot to divide at all
        ("102.8", "text"), (..., "Not attempted yet")]),
    ("06", 1): ("check_dot", [
        (0.83, RIGHT), (0.830, RIGHT), (0.8, "Give 2 decimal places"),
        ([0.63, 0.2], "products")]),
    ("06", 2): ("check_softmax", [
        (SOFT06, RIGHT), ([0.69, 0.31], RIGHT), ([0.686, 0.314], RIGHT),
        ([0.7, 0.3], "Give 2 decimal places"), (np.exp([0.96, 0.18]), "did not divide"),
        ([0.96, 0.18], "raw scores"),
        (2 ** np.array([0.96, 0.18]) / (2 ** np.array([0.96, 0.18])).sum(), "2^score"),
        (SOFT06[::-1], "wrong order")]),
    ("06", 3): ("check_choice", [
        ("cheese", RIGHT), (" Cheese ", RIGHT), ("milk", "the word with itself")]),
    ("06", 4): ("check_choice", [("milk", RIGHT), ("drank", "the token itself")]),
    # [[2, 0, 1], [−1, 3, 2]] [1, 2, 3] = [2 + 0 + 3, −1 + 6 + 6] = [5, 11]; down the columns:
    # [2 − 1, 0 + 6, 3 + 6] = [1, 6, 9]
    ("06", 5): ("check_vector", [
        ([5, 11], RIGHT), ([5, 13], "keep the minus sign"), ([1, 6, 9], "down the columns"),
        ([-5, -11], "every sign is flipped")]),
    # [[1, 2], [0, −1]] [[3, 1], [2, 4]] = [[3 + 4, 1 + 8], [0 − 2, 0 − 4]] = [[7, 9], [−2, −4]]
    ("06", 6): ("check_vector", [
        ([[7, 9], [-2, -4]], RIGHT), ([[7, -2], [9, -4]], "transposed")]),
    ("06", 7): ("check_choice", [
        ("A", RIGHT), ("a)", RIGHT), ("5 × 5", RIGHT), ("A) 5 × 5", RIGHT), ((5, 5), RIGHT),
        ("5x5", RIGHT), ("C", "shape of Q itself"), ("5 × 8", "shape of Q itself")]),
    # W₂W₁ = [[2·1 + 1·(−1), 2·2 + 1·0], [0·1 + 3·(−1), 0·2 + 3·0]] = [[1, 4], [−3, 0]];
    # W₁W₂ = [[1·2 + 2·0, 1·1 + 2·3], [(−1)·2 + 0·0, (−1)·1 + 0·3]] = [[2, 7], [−2, −1]]
    ("06", 8): ("check_vector", [
        ([[1, 4], [-3, 0]], RIGHT), (np.array([[1.0, 4.0], [-3.0, 0.0]]), RIGHT),
        ([[2, 7], [-2, -1]], "the order matters"), ([[2, 2], [0, 0]], "element-wise"),
        ([[3, 3], [-1, 3]], "added the two matrices"), ([[4, -2], [6, 0]], "ROWS of W₁"),
        ([[1, -3], [4, 0]], "transposed"),
        ([[1, 4], [3, 0]], "row 1 (counting from 0) is off; the other row is right"),
        ([1, 4, -3, 0], "shape"), ([[1, 2], [-1, 0]], "W₁ itself"), ([[2, 1], [0, 3]], "W₂ itself"),
        (..., "Not attempted yet")]),
    # (0.5 + 1.0 + 0 − 1.0) / √4 = 0.5 / 2 = 0.25
    ("07", 1): ("check_number", [
        (0.25, RIGHT), (0.5, "raw dot product"), (0.125, "divided by d_k")]),
    ("07", 2): ("check_softmax", [
        (SOFT07, RIGHT), ([0.67, 0.24, 0.09], RIGHT), ([0.665, 0.245, 0.090], RIGHT),
        (np.exp([2.0, 1.0, 0.0]), "did not divide"),
        ([2.0 / 3, 1.0 / 3, 0.0], "without exponentiating"),
        (2 ** np.array([2.0, 1.0, 0.0]) / 7, "2^score"),  # 4/7, 2/7, 1/7
        (SOFT07[::-1], "wrong order"), (SOFT07[[1, 0, 2]], "wrong order")]),
    ("07", 3): ("check_attention_weights", [
        (W7, RIGHT), (np.round(W7, 2), RIGHT), (Q7 @ K7.T, "raw scores"),
        (softmax_rows(Q7 @ K7.T), "forgot to divide by √d_k"),
        (softmax_rows(Q7 @ K7.T / 2), "divided by d_k"),
        (W7.T, "transpose"), (softmax_rows(K7 @ Q7.T / math.sqrt(2)), "K Qᵀ"),
        (np.exp(Q7 @ K7.T / math.sqrt(2)) / np.exp(Q7 @ K7.T / math.sqrt(2)).sum(),
         "whole table"),
        (softmax_rows(Q7 @ K7 / math.sqrt(2)), "transpose"),
        (W7[::-1], "rows in the wrong order"),
        (2 ** (Q7 @ K7.T / math.sqrt(2))
         / (2 ** (Q7 @ K7.T / math.sqrt(2))).sum(axis=1, keepdims=True), "2^score"),
        ((Q7 @ K7.T) / np.abs(Q7 @ K7.T).sum(axis=1, keepdims=True), "L1 normalisation")]),
    ("07", 4): ("check_choice", [
        ("B", RIGHT), ("b", RIGHT), ("(B)", RIGHT), ("B)", RIGHT), ("B) 6 × 6", RIGHT),
        ("6 × 6", RIGHT), ("6x6", RIGHT), ((6, 6), RIGHT), ("A", "shape of Q itself"),
        ("6 × 64", "shape of Q itself"), ("D", "not one of the options")]),
    ("08", 1): ("check_number", [
        (float(np.dot(Q8[DRANK], K8[MILK])) / math.sqrt(32), RIGHT),
        (np.dot(Q8_32[DRANK], K8_32[MILK]) / np.sqrt(32), RIGHT),  # the lesson's float32 Q, K
        (round(float(np.dot(Q8[DRANK], K8[MILK])) / math.sqrt(32), 4), RIGHT),
        (round(float(np.dot(Q8[DRANK], K8[MILK])) / math.sqrt(32), 2), "decimal"),
        (float(Q8[DRANK] @ K8[MILK]), "without the division")]),
    ("08", 2): ("check_attention_weights", [
        (W8, RIGHT), (np.round(W8, 2), RIGHT), (W8.T, "transpose"),
        (softmax_rows(Q8[:4] @ K8[:4].T), "forgot to divide by √d_k"),
        (softmax_rows(Q8[:4] @ K8[:4].T / 32), "divided by d_k"),
        (W8[[1, 0, 2, 3]], "rows in the wrong order"), (W8[::-1], "rows in the wrong order"),
        (softmax_rows(Q8[:4] @ K8.T / math.sqrt(32))[:, :4], "cut out this corner"),
        (softmax_rows(Q8 @ K8.T / math.sqrt(32))[:4, :4], "cut out this corner"),
        (2 ** (Q8[:4] @ K8[:4].T / math.sqrt(32))
         / (2 ** (Q8[:4] @ K8[:4].T / math.sqrt(32))).sum(axis=1, keepdims=True), "2^score"),
        ((Q8[:4] @ K8[:4].T) / np.abs(Q8[:4] @ K8[:4].T).sum(axis=1, keepdims=True),
         "L1 normalisation"), (np.sort(W8, axis=1), "wrong order")]),
    ("08", 3): ("check_choice", [("cat", RIGHT), ("near", "almost nothing")]),
    # milk's row of head 3, cat's column: 0.0744 (cat's row, milk's column: 0.2356)
    ("09", 1): ("check_number", [
        (W9[MILK9, CAT9], RIGHT), (round(float(W9[MILK9, CAT9]), 4), RIGHT),
        (round(float(W9[MILK9, CAT9]), 2), "rounded too far"),
        (W9[CAT9, MILK9], "cat's weight on milk"),
        (softmax_rows(S9)[MILK9, CAT9], "forgot to divide the scores by √32"),
        (softmax_rows(S9 / math.sqrt(384))[MILK9, CAT9], "divided by √384"),
        (softmax_rows((S9 / math.sqrt(32)).T)[CAT9, MILK9], "down the columns"),
        (100 * W9[MILK9, CAT9], "percentage")]),
    ("09", 2): ("check_number", [(12, RIGHT), (12.0, RIGHT), (8, "greater than 10"),
                                 (15, "offset is 5 − 3 = 2"), (13, "offset of positions 3 and 5")]),
    # without positions, drank's row of head 2 is largest at car (≈ 0.52)
    ("09", 3): ("check_choice", [(TOKENS9[int(np.argmax(W9_HEAD2_NOPOS[DRANK9]))], RIGHT),
                                 ("car", RIGHT), ("Car", RIGHT),
                                 ("cat", "WITH the position vectors"),
                                 ("[CLS]", "where cat looks"), ("the", "does not look forward"),
                                 ("drank", "gives itself little")]),
}



#: (lesson prefix, question number) → the right answer of every end-of-lesson quiz question,
#: worked out by hand: a letter for multiple choice, a number for numeric questions.
QUIZ: dict[tuple[str, int], str | float] = {
    ("00", 1): "A", ("00", 2): "C", ("00", 3): "A", ("00", 4): "C",
    ("01", 1): "C", ("01", 2): "B", ("01", 3): 13.0, ("01", 4): "A",  # √(25 + 144)
    ("02", 1): "C", ("02", 2): "A", ("02", 3): "A", ("02", 4): 20.0, ("02", 5): "C",
    ("03", 1): "D", ("03", 2): 10 / math.sqrt(9 * 25), ("03", 3): "C", ("03", 4): "B",
    ("04", 1): "B", ("04", 2): 1.25, ("04", 3): 0.5, ("04", 4): "C",  # 3 − 2 + 0.25; 1/(1+1)
    ("05", 1): "B", ("05", 2): 29.0, ("05", 3): "D", ("05", 4): "C", ("05", 5): "B",
    ("06", 1): "B", ("06", 2): "A", ("06", 3): "B", ("06", 4): -0.11, ("06", 5): "B",
    ("06", 6): "B",  # (AB)C = A(BC); AB = BA fails for [[1, 2], [3, 4]], [[0, 1], [1, 0]]
    ("07", 1): 0.31 / math.sqrt(3), ("07", 2): "B", ("07", 3): "C", ("07", 4): "B",
    ("08", 1): "C", ("08", 2): 0.0, ("08", 3): 0.42 / math.sqrt(3), ("08", 4): "B",
    ("08", 5): "B", ("08", 6): "C",
    ("09", 1): "C", ("09", 2): "B", ("09", 3): 25.0, ("09", 4): "B",  # 1024/8; 20 + (9 − 4)
}


@functools.cache
def quiz_questions() -> dict[tuple[str, int], Any]:
    """(lesson prefix, number) → the question objects each lesson's quiz cell builds.

    Runs each lesson's code cells up to its quiz in one namespace (IPython magics such as
    ``%xmode`` and cells that raise on purpose skipped, output swallowed, figures closed)
    and catches the questions the quiz cell passes to ``Quiz``: the very objects a learner
    answers.
    """
    import contextlib
    import io
    import json

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tools._paths import lessons

    found: dict[tuple[str, int], Any] = {}
    for path in lessons():
        cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                 if c["cell_type"] == "code"]
        caught: list[Any] = []
        namespace: dict[str, Any] = {"__name__": "__lesson__"}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in cells:
                if "raises-exception" in cell["metadata"].get("tags", []):
                    continue  # a cell that shows an error on purpose
                source = "".join(cell["source"])
                lines = [line for line in source.splitlines()
                         if not line.lstrip().startswith(("%", "!"))]
                is_quiz = "Quiz(" in source
                exec(compile("\n".join(lines), path.name, "exec"), namespace)
                if is_quiz:
                    break
                if "Quiz" in namespace:  # imported: catch the questions it is given
                    namespace["Quiz"] = lambda qs, title="", _c=caught: _c.extend(qs)
        plt.close("all")
        for number, question in enumerate(caught, start=1):
            found[(path.stem[:2], number)] = question
    return found


def lesson_namespace() -> dict[str, Any]:
    """What the lessons' exercise cells use: the package, NumPy, the checkers, the arrays
    set up earlier in lessons 07 and 08 (rebuilt here from the same data)."""
    import lessons_lib as ll
    from lessons_lib import neurons
    from lessons_lib.embeddings import load_real_head
    from lessons_lib.exercises import EXERCISES

    names = {name: getattr(ch, name) for name in dir(ch) if name.startswith("check_")}
    names |= {ex.name: ex for ex in EXERCISES.values()}
    return {"math": math, "np": np, "ll": ll, "neurons": neurons, **names, "Q2": Q7, "K2": K7,
            "Q": Q8, "K": K8, "milk": MILK, "head": load_real_head()}


@functools.cache
def exercise_calls() -> dict[tuple[str, int], Callable[[Any], Any]]:
    """(lesson prefix, number) → answer ↦ the feedback of the lesson's OWN checker call."""
    from tools._paths import lessons
    from tools.nbgrader_course import exercises

    base = lesson_namespace()
    calls: dict[tuple[str, int], Callable[[Any], Any]] = {}
    for path in lessons():
        for ex in exercises(path):
            namespace = dict(base)
            exec(ex.setup, namespace)
            code = compile(ex.check, f"{path.name} exercise {ex.number}", "eval")

            def call(answer: Any, code: Any = code, namespace: dict = namespace) -> Any:
                return eval(code, {**namespace, "answer": answer})

            calls[(path.stem[:2], ex.number)] = call
    return calls


DOC = ROOT / "docs" / "mistakes.md"
LESSON_NAMES = {p.stem[:2]: p.stem for p in lessons()}


def _answer_text(answer: Any) -> str:
    if answer is ...:
        return "`...` (not attempted)"
    if isinstance(answer, np.ndarray):
        return "`" + np.array2string(np.asarray(answer, dtype=float), precision=4,
                                     separator=", ", suppress_small=True) + "`"
    if isinstance(answer, float):
        return f"`{answer:.6g}`"
    return f"`{answer!r}`"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _quiz_rows(prefix: str, questions: dict[tuple[str, int], Any]) -> list[str]:
    """A lesson's quiz: each question's answer and what every anticipated wrong try gets."""
    from lessons_lib.widgets.quiz import MultipleChoice

    lines = ["### Quiz", "",
             "A wrong first try gets the message below (no answer yet); the second wrong try "
             "also shows the answer and its explanation. The score counts first tries.", "",
             "| question | answer tried | first-try feedback |", "| --- | --- | --- |"]
    for (lesson, number), question in sorted(questions.items()):
        if lesson != prefix:
            continue
        right = QUIZ[(lesson, number)]
        label = f"{number}. {question.prompt}"
        if isinstance(question, MultipleChoice):
            tries = [str(right)] + [letter for letter in "ABCDEFGH"[: len(question.options)]
                                    if letter != right]
            shown = [f"{t}) {question.options['ABCDEFGH'.index(t)]}" for t in tries]
        else:
            tries = [format_number(float(right), 4, trim=True)]
            tries += [format_number(float(value), 4, trim=True) for value, _ in question.hints]
            shown = list(tries)
        for i, (typed, text) in enumerate(zip(tries, shown, strict=True)):
            verdict = str(question.check(typed))
            lines.append(f"| {_cell(label) if i == 0 else ''} | `{_cell(text)}` | "
                         f"{_cell(verdict)} |")
    return [*lines, ""]


def render() -> str:
    """docs/mistakes.md: every exercise and quiz question, every anticipated answer, the
    message it gets."""
    lines = ["# Anticipated answers and the feedback they get", "",
             "Generated by `python -m tools.mistakes` from the tables that "
             "`tests/test_learner.py` plays against the checkers and the quizzes: for every "
             "\"your turn\" exercise and every quiz question, the answers learners typically "
             "give and the exact message each one gets. Use it to prepare a lesson or to "
             "answer \"the checker said …\".", ""]
    calls = exercise_calls()
    questions = quiz_questions()
    for prefix in sorted(LESSON_NAMES):
        lines += [f"## {LESSON_NAMES[prefix]}", ""]
        for (lesson, number), (checker, cases) in sorted(TABLE.items()):
            if lesson != prefix:
                continue
            call = calls[(lesson, number)]
            lines += [f"### Exercise {number} (`{checker}`)", "",
                      "| answer | feedback |", "| --- | --- |"]
            shown = set()
            for answer, _phrase in cases:
                if _answer_text(answer) in shown:  # 0.420 is 0.42 once typed
                    continue
                shown.add(_answer_text(answer))
                lines.append(f"| {_answer_text(answer)} | {_cell(call(answer))} |")
            lines.append("")
        lines += _quiz_rows(prefix, questions)
    return "\n".join(lines).rstrip() + "\n"


def unplayed() -> list[str]:
    """Every exercise and quiz question of the lessons that has no row here, named."""
    problems = [f"lesson {lesson} exercise {number} has no anticipated answers: add "
                f"TABLE[({lesson!r}, {number})] in tools/mistakes.py"
                for lesson, number in sorted(set(exercise_calls()) - set(TABLE))]
    problems += [f"lesson {lesson} quiz question {number} has no answer: add "
                 f"QUIZ[({lesson!r}, {number})] in tools/mistakes.py"
                 for lesson, number in sorted(set(quiz_questions()) - set(QUIZ))]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/mistakes.md is stale")
    args = parser.parse_args(argv)
    if problems := unplayed():
        print("\n".join(problems), file=sys.stderr)
        return 1
    text = render()
    if args.check:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/mistakes.md is out of date: run python -m tools.mistakes", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
