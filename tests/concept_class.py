"""The concept check's simulated class, whose answers are known (tests/test_gain.py and the
nbgrader end-to-end test tests/test_concept_nbgrader.py).

The class (14 items per form; counts worked out by hand below):

=======  ==========================================  ==========================================
student  pre-check (form A)                          post-check (form B)
=======  ==========================================  ==========================================
s1       items 1–7 right, 8–14 blank        (7/14)   all right                          (14/14)
s2       items 1–4 right; 10 forgot √d_k,            items 1–11 right; 12 2^score, 13 "0"
         14 mask ignored, rest blank        (4/14)   (no named mistake), 14 wrong side  (11/14)
s3       1 products not summed, 10 forgot √d_k,      items 1–7 right, 10 forgot √d_k, rest
         12 no exp, rest blank              (0/14)   blank                               (7/14)
s4       all right                         (14/14)   all right                          (14/14)
s5       item 1 right, rest blank           (1/14)   (did not take it)
=======  ==========================================  ==========================================

Matched students s1–s4: pre 25 of 56 items right, post 46 of 56, so the class gain of
the averages is g = (46 − 25) / (56 − 25) = 21/31 ≈ 0.677. Individual gains: s1 7/7 = 1,
s2 7/10 = 0.7, s3 7/14 = 0.5, s4 at the ceiling (left out): average 2.2/3 ≈ 0.733.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lessons_lib.concept_check import build_form

N = 14
ALL = range(1, N + 1)

#: student → form → {item number: "right" | a mistake key | a typed response}
CLASS: dict[str, dict[str, dict[int, str]]] = {
    "s1": {"A": {i: "right" for i in range(1, 8)}, "B": {i: "right" for i in ALL}},
    "s2": {"A": {1: "right", 2: "right", 3: "right", 4: "right", 10: "forgot_sqrt_dk",
                 14: "mask_ignored"},
           "B": {**{i: "right" for i in range(1, 12)}, 12: "softmax_pow2", 13: "0",
                 14: "mask_wrong_side"}},
    "s3": {"A": {1: "products_not_summed", 10: "forgot_sqrt_dk", 12: "softmax_no_exp"},
           "B": {**{i: "right" for i in range(1, 8)}, 10: "forgot_sqrt_dk"}},
    "s4": {"A": {i: "right" for i in ALL}, "B": {i: "right" for i in ALL}},
    "s5": {"A": {1: "right"}},
}


def response(form: str, number: int, plan: str | None) -> str:
    """What a student with this plan types: a letter for a choice, a number otherwise."""
    item = build_form(form)[number - 1]
    if plan is None:
        return ""
    if plan == "right":
        return item.answer_letter if item.kind == "choice" else repr(item.answer)
    shown = next((s for s, m in item.distractors if m.key == plan), None)
    if shown is None:
        return plan  # typed as it is
    return "ABCD"[item.options.index(shown)] if item.kind == "choice" else repr(shown)


def write_class(path: Path) -> Path:
    """The simulated class as the CSV that ``python -m tools.gain --csv`` reads."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "form", "item", "response"])
        for student, forms in CLASS.items():
            for form, plan in forms.items():
                for item in build_form(form):
                    writer.writerow([student, form, item.key,
                                     response(form, item.number, plan.get(item.number))])
    return path
