"""Play the learner: every "your turn" exercise of lessons 00–08, answered as people answer.

For each exercise: the right answer, the right answer rounded as far as the prompt allows,
and the anticipated wrong answers, each with the verdict it must get (accepted, or the
specific diagnosis, matched by a phrase of the message). Expected values are worked out
here by hand or with NumPy, never with lessons_lib's own formulas; the exercise's inputs
are the lesson's own (a test below checks every exercise of every lesson is covered and
calls the checker named here).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from lessons_lib import checkers as ch
from tools._paths import lessons
from tools.nbgrader_course import exercises

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

#: (lesson prefix, exercise number) → (checker name, call(answer) → Feedback, cases)
TABLE: dict[tuple[str, int], tuple[str, Callable[[Any], Any], list[Case]]] = {
    ("00", 1): ("check_vector", lambda a: ch.check_vector(a, [3, 1, 4], what="your list"), [
        ([3, 1, 4], RIGHT), ((3, 1, 4), RIGHT), ([1, 3, 4], "position"),
        ("3, 1, 4", "list of numbers"), (..., "Not attempted yet")]),
    ("00", 2): ("check_number", lambda a: ch.check_number(a, 5), [
        (5, RIGHT), (5.0, RIGHT), ("5", "text"), (4, "too small")]),
    ("00", 3): ("check_number", lambda a: ch.check_number(a, 7), [
        (7, RIGHT), (1, "too small"), ("7", "text")]),
    ("01", 1): ("check_add", lambda a: ch.check_add(a, [2, 5], [-1, 3]), [
        ([1, 8], RIGHT), ([2, 5, -1, 3], "joined end to end"), (["1", "8"], "text")]),
    ("01", 2): ("check_scale", lambda a: ch.check_scale(a, 3, [2, -1, 0.5]), [
        ([6, -3, 1.5], RIGHT), ([2, -1, 0.5] * 3, "repeats the list")]),
    ("01", 3): ("check_norm", lambda a: ch.check_norm(a, [6, 8]), [
        (10, RIGHT), (10.0, RIGHT), (100, "‖a‖²"), (14, "")]),
    ("01", 4): ("check_norm", lambda a: ch.check_norm(a, [2, 3, 6]), [
        (7, RIGHT), (49, "‖a‖²")]),
    ("02", 1): ("check_dot", lambda a: ch.check_dot(a, [3, -2, 1], [2, 4, 5]), [
        (3, RIGHT), ([6, -8, 5], "products"), (-3, "left out a term")]),
    ("02", 2): ("check_dot", lambda a: ch.check_dot(a, [1, 0, -3, 2], [4, 7, 1, 5]), [
        (11, RIGHT), ([4, 0, -3, 10], "products")]),
    # 0.5·0.4 + 0.3·0.8 + (−0.2)·0.1 = 0.20 + 0.24 − 0.02 = 0.42
    ("02", 3): ("check_dot", lambda a: ch.check_dot(a, [0.5, 0.3, -0.2], [0.4, 0.8, 0.1]), [
        (0.42, RIGHT), (0.420, RIGHT), (0.424, "last decimal place is wrong"),
        (0.4, "Give 2 decimal places"), (0.44, "left out a term")]),
    ("02", 4): ("check_dot", lambda a: ch.check_dot(a, [2, 1, 3], [1.5, 4, 0.5]), [
        (8.5, RIGHT), (8.50, RIGHT), ([3.0, 4.0, 1.5], "products")]),
    # cos θ = (4 + 3) / (√17 · √10) = 7 / 13.04 = 0.5369 → θ = 57.53°
    ("03", 1): ("check_angle", lambda a: ch.check_angle(a, [4, 1], [1, 3]), [
        (math.degrees(math.acos(7 / math.sqrt(170))), RIGHT), (57.53, RIGHT),
        (math.acos(7 / math.sqrt(170)), "radians")]),
    # (2 − 4 + 6) / (√14 · √21) = 4 / 17.15 = 0.2333
    ("03", 2): ("check_cosine", lambda a: ch.check_cosine(a, [2, -1, 3], [1, 4, 2]), [
        (4 / math.sqrt(14 * 21), RIGHT), (0.2333, RIGHT), (0.23, "Give 4 decimal places"),
        (0.2334, "last decimal place is wrong"), (4, "raw dot product")]),
    # (8 / 16)·[4, 0] = [2, 0]
    ("03", 3): ("check_projection", lambda a: ch.check_projection(a, [2, 3], [4, 0]), [
        ([2, 0], RIGHT), ([2.0, 0.0], RIGHT), ([2, 3], "a itself"), (2, "scalar projection")]),
    ("04", 1): ("check_dot", lambda a: ch.check_dot(a, [2, -1, 0.5], [3, 4, 2]), [
        (3, RIGHT), (3.0, RIGHT), ([6, -4, 1.0], "products")]),
    # 10·3 + 2·70 + (−1)·20 + 50 = 30 + 140 − 20 + 50 = 200
    ("04", 2): ("check_number", lambda a: ch.check_number(
        a, 200, what="ŷ", hints=[(150, "forgot to add the bias")]), [
        (200, RIGHT), (150, "forgot to add the bias")]),
    ("04", 3): ("check_number", lambda a: ch.check_number(a, SIG04, tol=1e-4, what="a", hints=[
        (0.0, "0 is z, the weighted sum")]), [
        (0.5, RIGHT), (0.0, "0 is z, the weighted sum")]),
    # (5a)·b = 5 (a·b) = 5 · 3.6 = 18
    ("05", 1): ("check_number", lambda a: ch.check_number(a, 18.0, tol=1e-6, what="(5a)·b", hints=[
        (3.6, "scales the dot product by 5")]), [(18, RIGHT), (3.6, "scales the dot product")]),
    ("05", 2): ("check_number", lambda a: ch.check_number(a, 49, what="‖a‖²", hints=[
        (7, "is ‖a‖, the length")]), [(49, RIGHT), (7, "is ‖a‖, the length")]),
    # ‖[6, 8]‖ = 10 > 5: [6, 8] · 5/10 = [3, 4]
    ("05", 3): ("check_clip", lambda a: ch.check_clip(a, [6, 8], 5), [
        ([3, 4], RIGHT), ([0.6, 0.8], "unit vector")]),
    ("06", 1): ("check_dot", lambda a: ch.check_dot(a, [0.9, 0.4], [0.7, 0.5]), [
        (0.83, RIGHT), (0.830, RIGHT), (0.8, "Give 2 decimal places"),
        ([0.63, 0.2], "products")]),
    ("06", 2): ("check_softmax", lambda a: ch.check_softmax(a, [0.96, 0.18]), [
        (SOFT06, RIGHT), ([0.69, 0.31], RIGHT), ([0.686, 0.314], RIGHT),
        ([0.7, 0.3], "Give 2 decimal places"), (np.exp([0.96, 0.18]), "did not divide"),
        ([0.96, 0.18], "raw scores")]),
    ("06", 3): ("check_choice", lambda a: ch.check_choice(a, "cheese", explanations={
        "milk": "the word with itself"}), [
        ("cheese", RIGHT), (" Cheese ", RIGHT), ("milk", "the word with itself")]),
    ("06", 4): ("check_choice", lambda a: ch.check_choice(a, "milk", explanations={
        "drank": "the token itself"}), [("milk", RIGHT), ("drank", "the token itself")]),
    # [[2, 0, 1], [−1, 3, 2]] [1, 2, 3] = [2 + 0 + 3, −1 + 6 + 6] = [5, 11]
    ("06", 5): ("check_vector", lambda a: ch.check_vector(a, [5, 11], what="M x", hints=[
        ([5, 13], "keep the minus sign"), ([1, 6, 5], "down the columns")]), [
        ([5, 11], RIGHT), ([5, 13], "keep the minus sign"), ([1, 6, 5], "down the columns"),
        ([-5, -11], "every sign is flipped")]),
    # [[1, 2], [0, −1]] [[3, 1], [2, 4]] = [[3 + 4, 1 + 8], [0 − 2, 0 − 4]] = [[7, 9], [−2, −4]]
    ("06", 6): ("check_vector", lambda a: ch.check_vector(a, [[7, 9], [-2, -4]], what="A B"), [
        ([[7, 9], [-2, -4]], RIGHT), ([[7, -2], [9, -4]], "transposed")]),
    ("06", 7): ("check_choice", lambda a: ch.check_choice(a, "A", explanations={
        "C": "shape of Q itself"}), [("A", RIGHT), ("a)", RIGHT), ("C", "shape of Q itself")]),
    # (0.5 + 1.0 + 0 − 1.0) / √4 = 0.5 / 2 = 0.25
    ("07", 1): ("check_number", lambda a: ch.check_number(a, 0.25, tol=1e-6, hints=[
        (0.5, "raw dot product"), (0.125, "divided by d_k")]), [
        (0.25, RIGHT), (0.5, "raw dot product"), (0.125, "divided by d_k")]),
    ("07", 2): ("check_softmax", lambda a: ch.check_softmax(a, [2.0, 1.0, 0.0]), [
        (SOFT07, RIGHT), ([0.67, 0.24, 0.09], RIGHT), ([0.665, 0.245, 0.090], RIGHT),
        (np.exp([2.0, 1.0, 0.0]), "did not divide"),
        ([2.0 / 3, 1.0 / 3, 0.0], "without exponentiating")]),
    ("07", 3): ("check_attention_weights", lambda a: ch.check_attention_weights(a, Q7, K7), [
        (W7, RIGHT), (np.round(W7, 2), RIGHT), (Q7 @ K7.T, "raw scores"),
        (softmax_rows(Q7 @ K7.T), "forgot to divide by √d_k"),
        (softmax_rows(Q7 @ K7.T / 2), "divided by d_k"),
        (W7.T, "transpose"), (softmax_rows(K7 @ Q7.T / math.sqrt(2)), "K Qᵀ"),
        (np.exp(Q7 @ K7.T / math.sqrt(2)) / np.exp(Q7 @ K7.T / math.sqrt(2)).sum(),
         "whole table"),
        (softmax_rows(Q7 @ K7 / math.sqrt(2)), "transpose")]),
    ("07", 4): ("check_choice", lambda a: ch.check_choice(a, "B", options=SHAPES, explanations={
        "A": "shape of Q itself"}), [
        ("B", RIGHT), ("b", RIGHT), ("(B)", RIGHT), ("B)", RIGHT), ("B) 6 × 6", RIGHT),
        ("6 × 6", RIGHT), ("6x6", RIGHT), ((6, 6), RIGHT), ("A", "shape of Q itself"),
        ("6 × 64", "shape of Q itself"), ("D", "not one of the options")]),
    ("08", 1): ("check_number", lambda a: ch.check_number(
        a, float(Q8[DRANK] @ K8[MILK]) / math.sqrt(32), tol=1e-6, hints=[
            (float(Q8[DRANK] @ K8[MILK]), "without the division")]), [
        (float(np.dot(Q8[DRANK], K8[MILK])) / math.sqrt(32), RIGHT),
        (float(Q8[DRANK] @ K8[MILK]), "without the division")]),
    ("08", 2): ("check_attention_weights",
                lambda a: ch.check_attention_weights(a, Q8[:4], K8[:4]), [
        (W8, RIGHT), (np.round(W8, 2), RIGHT), (W8.T, "transpose"),
        (softmax_rows(Q8[:4] @ K8[:4].T), "forgot to divide by √d_k"),
        (softmax_rows(Q8[:4] @ K8[:4].T / 32), "divided by d_k")]),
    ("08", 3): ("check_choice", lambda a: ch.check_choice(a, "cat", explanations={
        "near": "almost nothing"}), [("cat", RIGHT), ("near", "almost nothing")]),
}


def test_every_exercise_of_every_lesson_is_played():
    lesson_exercises = {(p.stem[:2], e.number): e for p in lessons() for e in exercises(p)}
    assert set(TABLE) == set(lesson_exercises), set(lesson_exercises) ^ set(TABLE)
    for key, exercise in lesson_exercises.items():
        checker = exercise.check.split("(", 1)[0].strip()
        assert checker == TABLE[key][0], (key, checker)


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda k: f"{k[0]}-ex{k[1]}")
def test_learner_answers_get_the_right_verdict(key):
    _, call, cases = TABLE[key]
    for answer, phrase in cases:
        feedback = call(answer)
        text = str(feedback)
        if phrase == RIGHT:
            assert feedback.ok, (key, answer, text)
        else:
            assert not feedback.ok, (key, answer, text)
            assert phrase in text, (key, answer, text)
        assert "nan" not in text.lower().replace("nan-", ""), text  # never a NaN shown
