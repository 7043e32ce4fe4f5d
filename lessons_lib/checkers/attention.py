"""Checkers of lessons 06-07: softmax weights and attention weights softmax(QKᵀ/√d_k)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessons_lib.checkers.answers import guard, to_array
from lessons_lib.checkers.feedback import Feedback, wrong
from lessons_lib.checkers.general import Hints, check_vector
from lessons_lib.checkers.givens import given_table
from lessons_lib.checkers.rounding import compare_entries

__all__ = ["check_attention_weights", "check_softmax"]


def _softmax_rows(x: NDArray[np.float64], axis: int = -1) -> NDArray[np.float64]:
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def _weights_hints(scores: NDArray[np.float64]) -> list[tuple[Any, str]]:
    """Anticipated wrong weights of a softmax over ``scores`` (1-D, or one row per query)."""
    hints: list[tuple[Any, str]] = []
    two = np.power(2.0, scores - scores.max(axis=-1, keepdims=True))
    hints.append((two / two.sum(axis=-1, keepdims=True),
                  "you used 2^score; softmax uses e^score (np.exp), which spreads the "
                  "weights further apart."))
    size = np.abs(scores).sum(axis=-1, keepdims=True)
    if np.all(size != 0):
        hints.append((scores / size,
                      "you divided each score by the row's sum of scores (an L1 "
                      "normalisation); softmax exponentiates first, e^score / Σ e^score, "
                      "which keeps every weight positive and favours the largest score."))
    return hints


def _order_diagnosis(array: NDArray[np.float64], target: NDArray[np.float64],
                     tol: float) -> str | None:
    """Right numbers, wrong places: rows swapped, entries reordered, or a row's weights
    right in proportion but not summing to 1 (a softmax over more keys, then cut)."""
    if array.shape != target.shape or compare_entries(array, target, tol) is not None:
        return None
    if target.ndim == 2 and target.shape[0] > 1:
        rows = sorted(range(target.shape[0]), key=lambda i: tuple(np.round(array[i], 2)))
        goal = sorted(range(target.shape[0]), key=lambda i: tuple(np.round(target[i], 2)))
        if compare_entries(array[rows], target[goal], tol) == "right":
            return ("the right rows in the wrong order: row i must be query i's weights, in "
                    "the order of the queries.")
    if compare_entries(np.sort(array, axis=None), np.sort(target, axis=None), tol) == "right":
        return ("the right numbers in the wrong order: weight i belongs to score i (key i), "
                "so the largest score gets the largest weight.")
    sums = array.sum(axis=-1, keepdims=True)
    if np.all(array > 0) and np.all(sums > 0) and not np.allclose(sums, 1, atol=tol):
        if compare_entries(array / sums, target, max(tol, 0.005)) == "right":
            return ("right in proportion, but the weights do not sum to 1: did the softmax "
                    "run over more keys than these, and then you cut out this corner? "
                    "Apply softmax to these scores only, so each row sums to 1.")
    return None


@guard
def check_softmax(answer: object, scores: Sequence[float] | NDArray[np.float64]) -> Feedback:
    """Check a softmax of scores: each row becomes positive weights that sum to 1 (lesson 07).

    Examples
    --------
    >>> import numpy as np
    >>> s = [2.0, 1.0, 0.0]
    >>> check_softmax(np.exp(s) / np.exp(s).sum(), s)
    ✓ Correct! the softmax weights = [0.6652, 0.2447, 0.09].
    >>> check_softmax(np.exp(s), s)
    ✗ Not yet: you exponentiated but did not divide by the row's sum, so the weights do not ...
    """
    s = given_table(scores, "scores")
    if s.ndim > 2:
        raise ValueError(f"scores has shape {s.shape}; give one row of scores, or one row per "
                         "query (2-D), e.g. scores=[2.0, 1.0, 0.0].")
    expected = _softmax_rows(s)
    hints: list[tuple[Any, str]] = [
        (np.exp(s), "you exponentiated but did not divide by the row's sum, so the weights do not "
                    "add up to 1."),
        (s, "these are the raw scores: softmax turns them into weights (exponentiate, then divide "
            "by the row's sum)."),
    ]
    if np.all(s.sum(axis=-1) != 0):
        hints.append((s / s.sum(axis=-1, keepdims=True),
                      "you divided the scores by their sum without exponentiating first; "
                      "softmax uses e^score, which keeps every weight positive."))
    if s.ndim == 2 and s.shape[0] == s.shape[1]:
        hints.append((_softmax_rows(s, axis=0),
                      "softmax went down the columns. Each ROW (one query) must sum to 1: "
                      "use axis=-1."))
    hints += _weights_hints(s)
    return _check_weights(answer, expected, hints, "the softmax weights")


def _check_weights(answer: object, expected: NDArray[np.float64], hints: Hints,
                   what: str) -> Feedback:
    """check_vector at 2 decimals, with the order and proportion diagnoses of weights."""
    feedback = check_vector(answer, expected, tol=0.005, hints=hints, what=what)
    if feedback.ok or any(message == feedback.message for _, message in hints):
        return feedback
    said = _order_diagnosis(to_array(answer, what), expected, 0.005)
    return wrong(said) if said else feedback


@guard
def check_attention_weights(answer: object, Q: Sequence[Sequence[float]] | NDArray[np.float64],
                            K: Sequence[Sequence[float]] | NDArray[np.float64], *,
                            scale: bool = True) -> Feedback:
    """Check attention weights softmax(QKᵀ/√d_k), one row per query (lesson 07).

    Examples
    --------
    >>> import numpy as np
    >>> Q = np.array([[1.0, 0.0], [0.0, 1.0]]); K = np.array([[1.0, 1.0], [0.0, 2.0]])
    >>> check_attention_weights(Q @ K.T, Q, K)
    ✗ Not yet: these are the raw scores QKᵀ, not the weights. Divide by √d_k, then apply ...
    """
    q, k = given_table(Q, "Q", ndim=2), given_table(K, "K", ndim=2)
    if q.shape[1] != k.shape[1]:
        raise ValueError(f"Q has rows of {q.shape[1]} numbers but K has rows of {k.shape[1]}: "
                         "each query and key needs the same number of components (the same "
                         "dimension). Give Q and K rows of one size.")
    raw = q @ k.T
    d_k = k.shape[-1]
    scaled = raw / math.sqrt(d_k) if scale else raw
    expected = _softmax_rows(scaled)
    hints: list[tuple[Any, str]] = [
        (raw, "these are the raw scores QKᵀ, not the weights. "
              + ("Divide by √d_k, then apply softmax to each row." if scale else
                 "Apply softmax to each row.")),
        (scaled, "these are the scaled scores; they are not weights yet. Apply softmax to each row "
                 "so each row sums to 1."),
        (_softmax_rows(scaled, axis=0), "softmax went down the columns. Each ROW (one query) must "
                                        "sum to 1: use axis=-1."),
        (_softmax_rows(scaled).T, "you have the transpose: rows must be queries and columns keys "
                                  "(Q Kᵀ, not K Qᵀ)."),
    ]
    if scale:
        hints += [
            (_softmax_rows(raw), f"you forgot to divide by √d_k = √{d_k} before the softmax."),
            (_softmax_rows(raw / d_k), f"you divided by d_k = {d_k}; divide by its square "
                                       f"root, √d_k = √{d_k}."),
        ]
    whole = np.exp(scaled - scaled.max())
    hints.append((whole / whole.sum(), "the softmax ran over the whole table, so all the "
                                       "numbers together sum to 1. Apply it to each row "
                                       "separately (axis=-1): each query shares out its own "
                                       "attention."))
    reversed_scores = k @ q.T / math.sqrt(d_k) if scale else k @ q.T
    hints.append((_softmax_rows(reversed_scores),
                  "you computed K Qᵀ (keys against queries). The scores are Q Kᵀ: row i is "
                  "query i against every key."))
    if q.shape[-1] == k.shape[0]:  # Q @ K (no .T) has a shape only when d_k = n_keys
        hints.append((_softmax_rows((q @ k) / math.sqrt(d_k) if scale else q @ k),
                      "you used K instead of its transpose: the scores are Q @ K.T (each query "
                      "against each key)."))
    hints += _weights_hints(scaled)
    return _check_weights(answer, expected, hints, "the attention weights")
