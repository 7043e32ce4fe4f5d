"""The anticipated mistakes of every "your turn" exercise: one table, played and published.

For each exercise of lessons 00–08: the checker it calls and the answers learners give,
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
import math
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from lessons_lib import checkers as ch
from tools._paths import ROOT

RIGHT = "Correct!"


def softmax_rows(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _real_head() -> tuple[np.ndarray, np.ndarray, list[str]]:
    from lessons_lib.embeddings import load_real_head

    head = load_real_head()
    H = np.asarray(head.hidden_states_in)
    Q = H @ np.asarray(head.w_q).T + np.asarray(head.b_q)
    K = H @ np.asarray(head.w_k).T + np.asarray(head.b_k)
    return Q, K, list(head.tokens)


Q8, K8, TOKENS8 = _real_head()
DRANK, MILK = TOKENS8.index("drank"), TOKENS8.index("milk")
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
        ([1, 8], RIGHT), ([2, 5, -1, 3], "joined end to end"), (["1", "8"], "text")]),
    ("01", 2): ("check_scale", [
        ([6, -3, 1.5], RIGHT), ([2, -1, 0.5] * 3, "repeats the list")]),
    ("01", 3): ("check_norm", [
        (10, RIGHT), (10.0, RIGHT), (100, "‖a‖²"), (14, "")]),
    ("01", 4): ("check_norm", [
        (7, RIGHT), (49, "‖a‖²")]),
    ("02", 1): ("check_dot", [
        (3, RIGHT), ([6, -8, 5], "products"), (-3, "left out a term")]),
    ("02", 2): ("check_dot", [
        (11, RIGHT), ([4, 0, -3, 10], "products")]),
    # 0.5·0.4 + 0.3·0.8 + (−0.2)·0.1 = 0.20 + 0.24 − 0.02 = 0.42
    ("02", 3): ("check_dot", [
        (0.42, RIGHT), (0.420, RIGHT), (0.424, "last decimal place is wrong"),
        (0.4, "Give 2 decimal places"), (0.44, "left out a term")]),
    ("02", 4): ("check_dot", [
        (8.5, RIGHT), (8.50, RIGHT), ([3.0, 4.0, 1.5], "products")]),
    # cos θ = (4 + 3) / (√17 · √10) = 7 / 13.04 = 0.5369 → θ = 57.53°
    ("03", 1): ("check_angle", [
        (math.degrees(math.acos(7 / math.sqrt(170))), RIGHT), (57.53, RIGHT),
        (math.acos(7 / math.sqrt(170)), "radians")]),
    # (2 − 4 + 6) / (√14 · √21) = 4 / 17.15 = 0.2333
    ("03", 2): ("check_cosine", [
        (4 / math.sqrt(14 * 21), RIGHT), (0.2333, RIGHT), (0.23, "Give 4 decimal places"),
        (0.2334, "last decimal place is wrong"), (4, "raw dot product")]),
    # (8 / 16)·[4, 0] = [2, 0]
    ("03", 3): ("check_projection", [
        ([2, 0], RIGHT), ([2.0, 0.0], RIGHT), ([2, 3], "a itself"), (2, "scalar projection")]),
    ("04", 1): ("check_dot", [
        (3, RIGHT), (3.0, RIGHT), ([6, -4, 1.0], "products")]),
    # 10·3 + 2·70 + (−1)·20 + 50 = 30 + 140 − 20 + 50 = 200
    ("04", 2): ("check_number", [
        (200, RIGHT), (150, "forgot to add the bias")]),
    ("04", 3): ("check_number", [
        (0.5, RIGHT), (0.0, "0 is z, the weighted sum")]),
    # (5a)·b = 5 (a·b) = 5 · 3.6 = 18
    ("05", 1): ("check_number", [(18, RIGHT), (3.6, "scales the dot product")]),
    ("05", 2): ("check_number", [(49, RIGHT), (7, "is ‖a‖, the length")]),
    # ‖[6, 8]‖ = 10 > 5: [6, 8] · 5/10 = [3, 4]
    ("05", 3): ("check_clip", [
        ([3, 4], RIGHT), ([0.6, 0.8], "unit vector")]),
    ("06", 1): ("check_dot", [
        (0.83, RIGHT), (0.830, RIGHT), (0.8, "Give 2 decimal places"),
        ([0.63, 0.2], "products")]),
    ("06", 2): ("check_softmax", [
        (SOFT06, RIGHT), ([0.69, 0.31], RIGHT), ([0.686, 0.314], RIGHT),
        ([0.7, 0.3], "Give 2 decimal places"), (np.exp([0.96, 0.18]), "did not divide"),
        ([0.96, 0.18], "raw scores")]),
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
    ("06", 7): ("check_choice", [("A", RIGHT), ("a)", RIGHT), ("C", "shape of Q itself")]),
    # (0.5 + 1.0 + 0 − 1.0) / √4 = 0.5 / 2 = 0.25
    ("07", 1): ("check_number", [
        (0.25, RIGHT), (0.5, "raw dot product"), (0.125, "divided by d_k")]),
    ("07", 2): ("check_softmax", [
        (SOFT07, RIGHT), ([0.67, 0.24, 0.09], RIGHT), ([0.665, 0.245, 0.090], RIGHT),
        (np.exp([2.0, 1.0, 0.0]), "did not divide"),
        ([2.0 / 3, 1.0 / 3, 0.0], "without exponentiating")]),
    ("07", 3): ("check_attention_weights", [
        (W7, RIGHT), (np.round(W7, 2), RIGHT), (Q7 @ K7.T, "raw scores"),
        (softmax_rows(Q7 @ K7.T), "forgot to divide by √d_k"),
        (softmax_rows(Q7 @ K7.T / 2), "divided by d_k"),
        (W7.T, "transpose"), (softmax_rows(K7 @ Q7.T / math.sqrt(2)), "K Qᵀ"),
        (np.exp(Q7 @ K7.T / math.sqrt(2)) / np.exp(Q7 @ K7.T / math.sqrt(2)).sum(),
         "whole table"),
        (softmax_rows(Q7 @ K7 / math.sqrt(2)), "transpose")]),
    ("07", 4): ("check_choice", [
        ("B", RIGHT), ("b", RIGHT), ("(B)", RIGHT), ("B)", RIGHT), ("B) 6 × 6", RIGHT),
        ("6 × 6", RIGHT), ("6x6", RIGHT), ((6, 6), RIGHT), ("A", "shape of Q itself"),
        ("6 × 64", "shape of Q itself"), ("D", "not one of the options")]),
    ("08", 1): ("check_number", [
        (float(np.dot(Q8[DRANK], K8[MILK])) / math.sqrt(32), RIGHT),
        (float(Q8[DRANK] @ K8[MILK]), "without the division")]),
    ("08", 2): ("check_attention_weights", [
        (W8, RIGHT), (np.round(W8, 2), RIGHT), (W8.T, "transpose"),
        (softmax_rows(Q8[:4] @ K8[:4].T), "forgot to divide by √d_k"),
        (softmax_rows(Q8[:4] @ K8[:4].T / 32), "divided by d_k")]),
    ("08", 3): ("check_choice", [("cat", RIGHT), ("near", "almost nothing")]),
}



def lesson_namespace() -> dict[str, Any]:
    """What the lessons' exercise cells use: the package, NumPy, the checkers, the arrays
    set up earlier in lessons 07 and 08 (rebuilt here from the same data)."""
    import lessons_lib as ll
    from lessons_lib import neurons
    from lessons_lib.embeddings import load_real_head

    names = {name: getattr(ch, name) for name in dir(ch) if name.startswith("check_")}
    return {"np": np, "ll": ll, "neurons": neurons, **names, "Q2": Q7, "K2": K7, "Q": Q8,
            "K": K8, "milk": MILK, "head": load_real_head()}


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
LESSON_NAMES = {p.stem[:2]: p.stem for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}


def _answer_text(answer: Any) -> str:
    if answer is ...:
        return "`...` (not attempted)"
    if isinstance(answer, np.ndarray):
        return "`" + np.array2string(np.asarray(answer, dtype=float), precision=4,
                                     separator=", ", suppress_small=True) + "`"
    if isinstance(answer, float):
        return f"`{answer:.6g}`"
    return f"`{answer!r}`"


def render() -> str:
    """docs/mistakes.md: every exercise, every anticipated answer, the message it gets."""
    lines = ["# Anticipated answers and the feedback they get", "",
             "Generated by `python -m tools.mistakes` from the table that "
             "`tests/test_learner.py` plays against the checkers: for every \"your turn\" "
             "exercise, the answers learners typically give and the exact message each "
             "one gets. Use it to prepare a lesson or to answer \"the checker said …\".", ""]
    lesson = None
    calls = exercise_calls()
    for (prefix, number), (checker, cases) in sorted(TABLE.items()):
        call = calls[(prefix, number)]
        if prefix != lesson:
            lesson = prefix
            lines += [f"## {LESSON_NAMES.get(prefix, prefix)}", ""]
        lines += [f"### Exercise {number} (`{checker}`)", "",
                  "| answer | feedback |", "| --- | --- |"]
        shown = set()
        for answer, _phrase in cases:
            if _answer_text(answer) in shown:  # 0.420 is 0.42 once typed
                continue
            shown.add(_answer_text(answer))
            text = str(call(answer)).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {_answer_text(answer)} | {text} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/mistakes.md is stale")
    args = parser.parse_args(argv)
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
