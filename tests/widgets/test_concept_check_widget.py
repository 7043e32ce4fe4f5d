"""The learner's concept check: scored locally, pre/post and gain shown, lessons linked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from lessons_lib.concept_check import build_form
from lessons_lib.widgets.concept_check import ConceptCheck, learner_report, load_results
from tools._paths import NOTEBOOKS


def _right(item) -> str | float:
    return item.answer_letter if item.kind == "choice" else item.answer


def _take(form: str, store: Path, wrong: dict[str, str]) -> ConceptCheck:
    """Answer every item right except the keys of ``wrong``, answered with that mistake."""
    check = ConceptCheck(form, path=store)
    for n, item in enumerate(check.items, start=1):
        if item.key in wrong:
            shown = next(s for s, m in item.distractors if m.key == wrong[item.key])
            check.answer(n, "ABCDEFGH"[item.options.index(shown)] if item.kind == "choice"
                         else shown)
        else:
            check.answer(n, _right(item))
    check.submit()
    return check


def test_pre_and_post_give_the_learners_own_gain_and_concepts_to_revisit(tmp_path: Path) -> None:
    store = tmp_path / "concept_check.json"
    keys = [item.key for item in build_form("A")]
    assert len(keys) == 14
    pre_wrong = {k: "" for k in keys[:7]}  # 7 of 14 unanswered → 50 %
    check = ConceptCheck("A", path=store)
    for n, item in enumerate(check.items, start=1):
        if item.key not in pre_wrong:
            check.answer(n, _right(item))
    check.submit()
    _take("B", store, {"scaled_score": "forgot_sqrt_dk", "causal_mask": "mask_ignored"})
    report = learner_report(store)
    # 7/14 = 50 %, 12/14 = 85.71 %: g = (85.714 − 50) / (100 − 50) = 0.714
    assert "Pre-check (form A): 7 / 14 right (50%)." in report
    assert "Post-check (form B): 12 / 14 right (86%)." in report
    assert "g = (86 − 50) / (100 − 50) = 0.71." in report
    revisit = report.split("Concepts to revisit:")[1]
    assert "an attention score q·k / √d_k (your answer is what one gets who forgot to divide " \
           "by √d_k): lesson 07 · Attention scores, 07_attention_scores.ipynb" in revisit
    assert "what a causal mask does" in revisit and "ignored the mask" in revisit
    assert revisit.count("\n* ") == 2
    page = learner_report(store, as_html=True)
    links = re.findall(r'href="([^"]+)"', page)
    assert links == ["07_attention_scores.ipynb"] * 2
    assert all((NOTEBOOKS / link).is_file() for link in links)  # relative to the lessons
    # nothing but the small JSON file was written, and it holds no name or address
    assert [p.name for p in tmp_path.iterdir()] == ["concept_check.json"]
    data = json.loads(store.read_text(encoding="utf-8"))
    assert set(data) == {"A", "B"} and data["B"]["wrong"] == ["scaled_score", "causal_mask"]
    assert "nan" not in store.read_text().lower()


def test_a_perfect_pre_check_is_at_the_ceiling_not_nan(tmp_path: Path) -> None:
    store = tmp_path / "cc.json"
    _take("A", store, {})
    _take("B", store, {"softmax": "softmax_no_exp"})
    report = learner_report(store)
    assert "at the ceiling" in report and "nan" not in report.lower()
    assert "softmax turns scores into weights" in report


def test_no_result_yet_and_a_foreign_file(tmp_path: Path) -> None:
    assert "lesson 00" in learner_report(tmp_path / "none.json")
    bad = tmp_path / "concept_check.json"
    bad.write_text("my notes", encoding="utf-8")
    with pytest.raises(ValueError, match="rename or delete it"):
        load_results(bad)
    with pytest.raises(ValueError, match="no form 'C'"):
        ConceptCheck("C", path=bad)
    with pytest.raises(IndexError, match="questions 1 to 14"):
        ConceptCheck("A", path=tmp_path / "x.json").answer(15, "A")


def test_the_widget_records_clicks_and_typed_numbers(tmp_path: Path) -> None:
    check = ConceptCheck("A", path=tmp_path / "cc.json")
    radios = [w for w in _walk(check) if isinstance(w, widgets.RadioButtons)]
    texts = [w for w in _walk(check) if isinstance(w, widgets.Text)]
    kinds = [item.kind for item in check.items]
    assert len(radios) == kinds.count("choice") and len(texts) == kinds.count("number")
    first = check.items[0]
    radios[0].value = radios[0].options[first.options.index(first.answer)]
    texts[0].value = "0,60"  # the cosine of form A, typed with a decimal comma
    button = next(w for w in _walk(check) if isinstance(w, widgets.Button))
    button.click()
    data = load_results(tmp_path / "cc.json")["A"]
    assert "dot_product" not in data["wrong"] and "cosine_value" not in data["wrong"]
    assert "Pre-check (form A): 2 / 14 right" in check._result.value
    assert repr(check).startswith("Concept check: Pre-check (form A) (14 questions, optional)")


def _walk(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_the_first_lesson_offers_the_pre_check_and_the_last_the_post_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Optional cells: the call is commented out; without the "# " it shows that form."""
    import nbformat

    from tools._paths import lessons

    monkeypatch.chdir(tmp_path)  # the check keeps its file in the working folder
    for path, form in ((lessons()[0], "A"), (lessons()[-1], "B")):
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
                 and "ConceptCheck(" in c.source]
        assert len(cells) == 1, path.name
        source = cells[0].source
        assert f'# ConceptCheck("{form}")' in source and not cells[0].outputs  # skippable
        namespace: dict = {}
        exec(source.replace(f'# ConceptCheck("{form}")', f'shown = ConceptCheck("{form}")'),
             namespace)
        assert namespace["shown"].form == form
    assert list(tmp_path.iterdir()) == []  # nothing is written until the learner submits
