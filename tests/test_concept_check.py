"""The concept check: every item, both forms, every distractor.

Expected values are recomputed here with NumPy, one function per item and one per named
mistake, independently of lessons_lib.concept_check's own formulas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from lessons_lib.checkers import check_number
from lessons_lib.concept_check import FORMS, ITEMS, build_form, normalised_gain, score_form
from tools._paths import NOTEBOOKS

FORM_ITEMS = {form: build_form(form) for form in FORMS}
CASES = [(form, item) for form in FORMS for item in FORM_ITEMS[form]]
IDS = [f"{form}-{item.key}" for form, item in CASES]


def _params(form: str, key: str) -> dict[str, Any]:
    return dict(next(d for d in ITEMS if d.key == key).forms[form])


def _softmax(s: Any) -> np.ndarray:
    e = np.exp(np.asarray(s, dtype=float))
    return e / e.sum()


def _parse(text: object) -> Any:
    """An option's text as numbers: "[6, −4, 2]" → [6, -4, 2], "3 × 5" → (3, 5)."""
    if not isinstance(text, str):
        return float(text)  # type: ignore[arg-type]
    plain = text.replace("−", "-")
    if not re.fullmatch(r"[-\d.,\s\[\]×]+", plain):
        return text  # words: "more than 90°", "d1"
    if "×" in plain:
        return tuple(int(x) for x in plain.split("×"))
    numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", plain)]
    if plain.startswith("[") or len(numbers) != 1:
        return numbers if numbers else text
    return numbers[0]


def _cos(a: Any, b: Any) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def _angle(x: float) -> str:
    return {-1: "more than 90°", 0: "exactly 90°", 1: "less than 90°"}[int(np.sign(x))]


#: item key → the right answer, recomputed with NumPy from the item's numbers
RIGHT: dict[str, Callable[[dict[str, Any]], Any]] = {
    "dot_product": lambda p: float(np.dot(p["a"], p["b"])),
    "sign_angle": lambda p: _angle(float(np.dot(p["a"], p["b"]))),
    "cosine_ranking": lambda p: max(p["docs"], key=lambda d: _cos(p["q"], p["docs"][d])),
    "cosine_value": lambda p: _cos(p["a"], p["b"]),
    "projection": lambda p: (np.dot(p["a"], p["b"]) / np.dot(p["b"], p["b"])
                             * np.asarray(p["b"], float)).tolist(),
    "weighted_sum": lambda p: float(np.dot(p["w"], p["x"]) + p["b"]),
    "neuron": lambda p: float(1 / (1 + np.exp(-(np.dot(p["w"], p["x"]) + p["b"])))),
    "matrix_vector": lambda p: (np.asarray(p["M"], float) @ np.asarray(p["x"], float)).tolist(),
    "qk_shape": lambda p: (np.zeros((p["n_q"], p["d_k"])) @ np.zeros((p["n_k"], p["d_k"])).T
                           ).shape,
    "scaled_score": lambda p: float(np.dot(p["q"], p["k"]) / np.sqrt(np.size(p["q"]))),
    "why_sqrt_dk": lambda p: float(np.sqrt(p["d_k"])),
    "softmax": lambda p: float(_softmax(p["s"])[0]),
    "attention_output": lambda p: float(np.dot(p["w"], p["v"])),
    "causal_mask": lambda p: round(float(_softmax(
        np.where(np.arange(len(p["s"])) <= p["i"], p["s"], -np.inf))[0]), 2),
}

#: mistake key → (item key → the wrong answer that mistake gives), recomputed with NumPy
MISTAKES: dict[str, Callable[[str, dict[str, Any]], Any]] = {
    "products_not_summed": lambda k, p: (np.asarray(p["a"]) * p["b"]).tolist(),
    "added_everything": lambda k, p: float(np.sum(p["a"]) + np.sum(p["b"])),
    "signs_dropped": lambda k, p: (
        float(np.abs(np.multiply(p["a"], p["b"])).sum()) if k == "dot_product"
        else _angle(float(np.abs(np.multiply(p["a"], p["b"])).sum()))),
    "left_out_a_term": lambda k, p: _angle(float(np.dot(p["a"][:-1], p["b"][:-1]))),
    "negative_is_error": lambda k, p: "none: a negative dot product is an error",
    "ranked_by_raw_dot": lambda k, p: max(p["docs"], key=lambda d: np.dot(p["q"], p["docs"][d])),
    "ranked_by_size": lambda k, p: max(p["docs"],
                                       key=lambda d: abs(np.dot(p["q"], p["docs"][d]))),
    "a_itself": lambda k, p: [float(x) for x in p["a"]],
    "scalar_projection": lambda k, p: float(np.dot(p["a"], p["b"]) / np.linalg.norm(p["b"])),
    "forgot_divide_bb": lambda k, p: (np.dot(p["a"], p["b"]) * np.asarray(p["b"])).tolist(),
    "raw_dot": lambda k, p: float(np.dot(p["a"], p["b"])),
    "one_length": lambda k, p: float(np.dot(p["a"], p["b"]) / np.linalg.norm(p["a"])),
    "forgot_bias": lambda k, p: (float(np.dot(p["w"], p["x"])) if k == "weighted_sum"
                                 else float(1 / (1 + np.exp(-np.dot(p["w"], p["x"]))))),
    "negative_weight_added": lambda k, p: float(np.dot(np.abs(p["w"]), p["x"]) + p["b"]),
    "output_is_z": lambda k, p: float(np.dot(p["w"], p["x"]) + p["b"]),
    "columns_summed": lambda k, p: (np.asarray(p["M"]) * p["x"]).sum(axis=0).tolist(),
    "minus_dropped": lambda k, p: (np.abs(p["M"]) @ np.asarray(p["x"])).tolist(),
    "shape_of_q": lambda k, p: (p["n_q"], p["d_k"]),
    "shape_ktq": lambda k, p: (p["d_k"], p["d_k"]),
    "shape_kqt": lambda k, p: (p["n_k"], p["n_q"]),
    "forgot_sqrt_dk": lambda k, p: float(np.dot(p["q"], p["k"])),
    "divided_by_dk": lambda k, p: float(np.dot(p["q"], p["k"]) / np.size(p["q"])),
    "multiplied_sqrt_dk": lambda k, p: float(np.dot(p["q"], p["k"]) * np.sqrt(np.size(p["q"]))),
    "variance_for_sd": lambda k, p: float(p["d_k"]),
    "no_growth": lambda k, p: 1.0,
    "softmax_no_exp": lambda k, p: float(p["s"][0] / np.sum(p["s"])),
    "softmax_pow2": lambda k, p: float(2.0 ** p["s"][0] / np.sum(np.power(2.0, p["s"]))),
    "softmax_no_divide": lambda k, p: float(np.exp(p["s"][0])),
    "scores_as_weights": lambda k, p: float(np.dot(p["s"], p["v"])),
    "plain_average": lambda k, p: float(np.mean(p["v"])),
    "mask_ignored": lambda k, p: round(float(_softmax(p["s"])[0]), 2),
    "masked_as_zero": lambda k, p: round(float(_softmax(
        np.where(np.arange(len(p["s"])) <= p["i"], p["s"], 0.0))[0]), 2),
    "mask_wrong_side": lambda k, p: 0.0,
}


def _same(shown: Any, expected: Any, tol: float = 1e-9) -> bool:
    shown = _parse(shown)
    if isinstance(expected, str) or isinstance(shown, str):
        return shown == expected
    if isinstance(expected, tuple):
        return tuple(shown) == expected
    return bool(np.allclose(np.asarray(shown, float), np.asarray(expected, float),
                            atol=tol, rtol=0))


def test_the_check_has_12_to_16_items_in_two_forms_over_the_same_concepts() -> None:
    a, b = FORM_ITEMS["A"], FORM_ITEMS["B"]
    assert 12 <= len(a) == len(b) <= 16
    assert [(i.key, i.concept, i.lesson, i.kind) for i in a] == \
        [(i.key, i.concept, i.lesson, i.kind) for i in b]
    assert len({i.key for i in a}) == len(a)
    for x, y in zip(a, b, strict=True):
        assert x.prompt != y.prompt, x.key  # parallel, not the same question
    kinds = {i.kind for i in a}
    assert kinds == {"choice", "number"}


def test_every_item_names_a_lesson_that_exists() -> None:
    for form, item in CASES:
        assert (NOTEBOOKS / f"{item.lesson}.ipynb").is_file(), (form, item.key)


def test_every_item_has_an_independent_right_answer() -> None:
    assert set(RIGHT) == {d.key for d in ITEMS}, "add the NumPy recomputation of a new item"


@pytest.mark.parametrize(("form", "item"), CASES, ids=IDS)
def test_right_answer_recomputed_with_numpy(form: str, item: Any) -> None:
    expected = RIGHT[item.key](_params(form, item.key))
    if item.kind == "number":
        assert math.isclose(float(item.answer), expected, abs_tol=1e-12), item.key
    else:
        assert _same(item.answer, expected), (item.answer, expected)
        assert item.grade(item.answer_letter).correct
        assert item.grade(item.answer).correct


@pytest.mark.parametrize(("form", "item"), CASES, ids=IDS)
def test_every_distractor_is_produced_by_its_named_mistake(form: str, item: Any) -> None:
    p = _params(form, item.key)
    assert item.distractors, item.key
    for shown, mistake in item.distractors:
        assert mistake.key in MISTAKES, f"add a NumPy recomputation of {mistake.key}"
        expected = MISTAKES[mistake.key](item.key, p)
        assert _same(shown, expected), (item.key, mistake.key, shown, expected)
        # a learner who makes that mistake is recognised as making it
        response = item.options.index(shown) if item.kind == "choice" else None
        graded = item.grade("ABCDEFGH"[response] if response is not None else shown)
        assert not graded.correct and graded.mistake == mistake.key, (item.key, mistake.key)
        # its metadata names the mistake and the lesson it comes from
        lessons = re.findall(r"lesson (\d\d)", mistake.source)
        assert lessons and mistake.label, mistake.key
        for number in lessons:
            assert list(NOTEBOOKS.glob(f"{number}_*.ipynb")), (mistake.key, number)


@pytest.mark.parametrize(("form", "item"), CASES, ids=IDS)
def test_distractors_differ_from_the_answer_and_from_each_other(form: str, item: Any) -> None:
    values = [item.answer, *(shown for shown, _ in item.distractors)]
    if item.kind == "choice":
        assert len(set(values)) == len(values), values
        assert set(values) <= set(item.options)
        assert len(item.options) == len(values) or item.key == "sign_angle"
        return
    for i, x in enumerate(values):
        for y in values[i + 1:]:
            # no value would be accepted as another one at the item's precision
            assert not check_number(float(x), float(y), tol=item.tol).ok, (item.key, x, y)
            assert not check_number(float(y), float(x), tol=item.tol).ok, (item.key, x, y)


def test_responses_are_read_as_a_learner_types_them() -> None:
    item = next(i for i in FORM_ITEMS["A"] if i.key == "scaled_score")  # answer 2
    assert item.grade("2").correct and item.grade(" 2,0 ").correct and item.grade(2.0).correct
    assert item.grade("4").mistake == "forgot_sqrt_dk"
    assert not item.grade("2.01").correct and item.grade("2.01").mistake is None
    assert item.grade("").attempted is False and item.grade(...).attempted is False
    output = next(i for i in FORM_ITEMS["B"] if i.key == "weighted_sum")  # answer 2
    assert output.grade("−2").mistake is None and not output.grade("−2").correct
    weight = next(i for i in FORM_ITEMS["A"] if i.key == "softmax")  # e³/(e³ + e + 1)
    assert math.isclose(weight.answer, 0.8437947, abs_tol=1e-7)
    assert weight.grade("0.84").correct and weight.grade("0.844").correct
    assert not weight.grade("0.85").correct and not weight.grade("0.8").correct
    assert weight.grade("20.09").mistake == "softmax_no_divide"  # e³ = 20.0855
    choice = FORM_ITEMS["A"][0]
    assert choice.grade(f"{choice.answer_letter.lower()})").correct
    assert choice.grade("Z").attempted is False


def test_scores_and_normalised_gain() -> None:
    everything = {i.key: (i.answer_letter if i.kind == "choice" else i.answer)
                  for i in FORM_ITEMS["B"]}
    assert score_form("B", everything) == 100
    assert score_form("B", {}) == 0
    with pytest.raises(KeyError, match="no concept-check item"):
        score_form("B", {"dot": "A"})
    assert normalised_gain(25, 70) == pytest.approx(45 / 75)
    assert normalised_gain(100, 90) is None
    for pre, post in ((float("nan"), 50), (-5, 50), (50, 101), ("50", 60), (None, 10)):
        with pytest.raises(ValueError, match="a score must be a percentage from 0 to 100"):
            normalised_gain(pre, post)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="form"):
        build_form("C")


def _shown_values(value: Any) -> list[str]:
    """The texts a learner must see for one parameter: each number, or each vector as typed."""
    if isinstance(value, dict):
        return [text for v in value.values() for text in _shown_values(v)]
    if isinstance(value, list) and value and isinstance(value[0], list):
        return [text for row in value for text in _shown_values(row)]
    if isinstance(value, list):
        return ["[" + ", ".join(_number_text(x) for x in value) + "]"]
    return [_number_text(value)]


def _number_text(x: float) -> str:
    return (str(int(x)) if float(x).is_integer() else repr(float(x))).replace("-", "−")


@pytest.mark.parametrize(("form", "item"), CASES, ids=IDS)
def test_every_given_number_stands_in_the_prompt(form: str, item: Any) -> None:
    """A learner can answer from the question alone: every parameter the answer is computed
    from is shown (item 3 once asked about documents it never gave)."""
    for name, value in _params(form, item.key).items():
        for text in _shown_values(value):
            assert text in item.prompt, f"{item.key} ({form}): {name} = {text} is not shown"
