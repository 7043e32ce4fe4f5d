"""The curriculum contract for lessons 00-02, checked on the stored notebooks.

Every reference value of CURRICULUM.md that lessons 00, 01 and 02 teach must be
visible in the stored *output* of the notebook that teaches it (so a reader on
GitHub sees it, and nbval notices if it ever changes), and each lesson must have
the parts every lesson promises: objectives and a time estimate, a widget,
three exercises with checkers, a revealable solution, misconceptions,
checkpoints and a quiz.

Expected strings are built here independently of ``lessons_lib``: from the
sources' own arithmetic, NumPy and :mod:`math`. This file never imports the
package under test.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from lessons_lib.exercises import exercises_of

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"
LESSONS = ["00_start_here.ipynb", "01_vectors.ipynb", "02_dot_product.ipynb"]
MINUS = "\u2212"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


# --- reading the stored notebooks ----------------------------------------------------------

def _load(name: str) -> dict:
    path = NB_DIR / name
    assert path.exists(), f"{name} is missing; build it and run python -m tools.run_notebooks"
    return json.loads(path.read_text(encoding="utf-8"))


def _join(text: str | list[str]) -> str:
    return text if isinstance(text, str) else "".join(text)


def _output_text(output: dict) -> str:
    if output["output_type"] == "stream":
        return _join(output["text"])
    if output["output_type"] == "error":
        return f"{output['ename']}: {output['evalue']}"
    return _join(output.get("data", {}).get("text/plain", ""))


def _cell_output(cell: dict) -> str:
    return "\n".join(_output_text(o) for o in cell.get("outputs", []))


def _all_output(nb: dict) -> str:
    return "\n".join(_cell_output(c) for c in nb["cells"] if c["cell_type"] == "code")


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _markdown(nb: dict) -> str:
    return "\n".join(_join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _shows(out: str, value: str) -> bool:
    """``value`` appears in ``out`` as a whole value: not followed by more digits (5 ≠ 5.00)."""
    return re.search(re.escape(value) + r"(?![\d.]*\d)", out) is not None


@pytest.fixture(scope="module", params=LESSONS)
def lesson(request) -> tuple[str, dict]:
    return request.param, _load(request.param)


# --- independent reference values ----------------------------------------------------------

def _num(x: float) -> str:
    """Whole numbers without decimals, others with two; typographic minus."""
    text = str(int(x)) if float(x).is_integer() else f"{x:.2f}"
    return text.replace("-", MINUS)


def _factor(x: float) -> str:
    return f"({_num(x)})" if x < 0 else _num(x)


def _working(a: list[int], b: list[int], times: str = "·") -> str:
    """The working as the sources write it, composed with NumPy doing the arithmetic."""
    products = np.multiply(a, b).tolist()
    lhs = " + ".join(f"{_factor(x)}{times}{_factor(y)}" for x, y in zip(a, b, strict=True))
    middle = _num(products[0])
    for p in products[1:]:
        middle += f" {MINUS} {_num(-p)}" if p < 0 else f" + {_num(p)}"
    return f"{lhs} = {middle} = {_num(int(np.dot(a, b)))}"


def test_reference_builders_agree_with_the_sources():
    """The composer reproduces the seeds' own lines (copied from seeds 002 and 004)."""
    assert _working([1, 2, 3], [4, 5, 6]) == "1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32"
    assert _working([2, -1, 3], [1, 4, 2]) == "2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4"
    assert _working([2, 3, 4], [1, 0, 2], "×") == "2×1 + 3×0 + 4×2 = 2 + 0 + 8 = 10"


# --- lesson 00 ---------------------------------------------------------------------------

SENTENCE_000 = "Attention scores are computed by dot products between queries and keys."


def test_00_shows_the_sentence_of_source_000():
    assert SENTENCE_000 in _all_output(_load("00_start_here.ipynb"))


def test_00_has_the_map_of_lessons_with_links():
    from tools.lessons import LESSONS  # the map is generated from the registry (tools.lesson_docs)

    text = _markdown(_load("00_start_here.ipynb"))
    assert len(LESSONS) == 10
    for lesson in LESSONS[1:]:
        link = f"[{lesson.title}]({lesson.path.name})"
        assert link in text, f"00's map lacks a link {link}"


def test_00_explains_how_to_use_the_series():
    text = _markdown(_load("00_start_here.ipynb"))
    for needle in ("Shift + Enter", "Restart Kernel", "Show solution", "widget", "quiz"):
        assert needle in text, f"00 never mentions {needle!r}"


def test_00_warm_up_widget_shows_a_only():
    nb = _load("00_start_here.ipynb")
    cells = [c for c in _code_cells(nb) if "VectorPlayground(" in _join(c["source"])]
    assert cells and "show_b=False" in _join(cells[0]["source"])
    # its text form reports the length of a = [1, 2]: √5 to two decimals
    assert f"‖a‖ = {math.hypot(1, 2):.2f}" in _cell_output(cells[0])


# --- lesson 01 ---------------------------------------------------------------------------

def test_01_reference_values():
    out = _all_output(_load("01_vectors.ipynb"))
    total = np.add([1, 2], [3, 4]).tolist()
    doubled = (2 * np.array([1, 2])).tolist()
    assert str(total) == "[4, 6]" and str(doubled) == "[2, 4]"  # the seed's values
    assert f"[1, 2] + [3, 4] = {total}" in out
    assert f"2 × [1, 2] = {doubled}" in out
    length = math.hypot(3, 4)
    assert length == 5
    assert _shows(out, f"√(3² + 4²) = √{3**2 + 4**2} = {int(length)}")


def test_01_shows_list_concatenation_and_repetition_traps():
    out = _all_output(_load("01_vectors.ipynb"))
    concatenated, repeated = [1, 2], [1, 2]
    concatenated.extend([3, 4])  # what Python's + on lists really does
    repeated *= 2  # and what * does
    assert str(concatenated) in out and str(repeated) in out


def test_01_widget_shows_sum_and_double():
    nb = _load("01_vectors.ipynb")
    src = [_join(c["source"]) for c in _code_cells(nb) if "VectorPlayground(" in c["source"][0]]
    assert src, "01 has no VectorPlayground cell"
    # the start vectors must not pile up (issue 13 item 4): a, b, a + b and 2a well apart
    start = re.search(r"a=(\[[^\]]*\]), b=(\[[^\]]*\])", src[0])
    assert start, src[0]
    a, b = (np.array(json.loads(v), dtype=float) for v in start.groups())
    cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    assert abs(cos) < 0.5, f"a and b start {np.degrees(np.arccos(cos)):.0f}° apart: they pile up"
    assert "show_sum=True" in src[0] and "show_double=True" in src[0]


def test_01_exercises_use_add_scale_norm_checkers():
    checkers = {ex.checker for ex in exercises_of("01")}
    for checker in ("check_add", "check_scale", "check_norm"):
        assert checker in checkers, f"01 has no exercise checked by {checker}"


# --- lesson 02 ---------------------------------------------------------------------------

def test_02_worked_examples_of_sources_002_and_004():
    out = _all_output(_load("02_dot_product.ipynb"))
    assert _shows(out, _working([1, 2, 3], [4, 5, 6]))
    assert _shows(out, _working([2, -1, 3], [1, 4, 2]))
    assert _shows(out, _working([2, 3, 4], [1, 0, 2], "×"))


def test_02_widget_start_values_of_source_004():
    nb = _load("02_dot_product.ipynb")
    out = _all_output(nb)
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    dot = float(a @ b)
    angle = math.degrees(math.acos(dot / (np.linalg.norm(a) * np.linalg.norm(b))))
    assert f"{dot:.2f}" == "3.60" and f"{angle:.1f}" == "32.3"  # the seed's readouts
    assert _shows(out, f"= {dot:.2f}")
    assert f"{angle:.1f}°" in out
    assert "↑ Positive — vectors point in similar directions" in out
    widget_cells = [c for c in _code_cells(nb) if "VectorPlayground(" in _join(c["source"])]
    assert widget_cells and "a=[1.8, 1.2], b=[0.8, 1.8]" in _join(widget_cells[0]["source"])


def test_02_numpy_three_ways():
    nb = _load("02_dot_product.ipynb")
    expected = int(np.dot([1, 2, 3], [4, 5, 6]))
    for cell in _code_cells(nb):
        src = _join(cell["source"])
        if "np.dot(a, b)" in src and "a @ b" in src and "sum(a * b)" in src:
            assert _cell_output(cell).split() == [str(expected)] * 3
            return
    pytest.fail("02 has no cell computing np.dot(a, b), a @ b and sum(a * b)")


def test_02_dimension_error_is_shown_and_tagged():
    nb = _load("02_dot_product.ipynb")
    errors = [c for c in _code_cells(nb)
              if any(o["output_type"] == "error" for o in c.get("outputs", []))]
    assert errors, "02 should show the friendly error for [1, 2, 3]·[4, 5]"
    cell = errors[0]
    assert "raises-exception" in cell["metadata"].get("tags", [])
    message = _cell_output(cell)
    assert "3 numbers" in message and "2" in message and "same number of components" in message


def test_source_004_quiz_question_with_answer_32_is_in_the_final_quiz():
    """Source 004's quiz question is asked in lesson 08's final quiz: in lesson 02 the same
    product is the worked example, so 02's quiz asks a product not printed above it."""
    nb = _load("08_real_attention.ipynb")
    quiz_out = next(_cell_output(c) for c in _code_cells(nb) if "Quiz(" in _join(c["source"]))
    assert "What is [1, 2, 3] · [4, 5, 6]?" in quiz_out
    answer = 1 * 4 + 2 * 5 + 3 * 6
    assert re.search(rf"\b[A-Z]\) {answer}\b", quiz_out), "the option 32 is missing"


def test_02_teaches_one_number_trade_offs_and_element_wise_is_not_enough():
    nb = _load("02_dot_product.ipynb")
    text = _markdown(nb).lower()
    assert "one number" in text and "scalar" in text
    assert "trade-off" in text
    assert "element-wise" in text
    out = _all_output(nb)
    assert str(np.multiply([1, 2, 3], [4, 5, 6]).tolist()) in out  # products shown as a step


def test_02_exercises_use_check_dot_with_a_4d_and_a_float_case():
    dots = [ex for ex in exercises_of("02") if ex.checker == "check_dot"]
    assert len(dots) >= 3
    # the model solutions spell out the products: a 4-d one has 4, one has decimals
    products = [ex.solution_code.count("*") for ex in dots]
    assert 4 in products, "no 4-d exercise"
    assert any("." in ex.solution_code for ex in dots), "no exercise with decimals"


# --- structure every lesson promises ------------------------------------------------------

def test_title_objectives_time_prerequisites(lesson):
    name, nb = lesson
    first = _join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown"
    assert first.startswith(f"# {name[:2]} · "), f"{name}: title must read '# {name[:2]} · …'"
    assert re.search(r"objectives|you will", first, re.IGNORECASE), f"{name}: no objectives"
    assert re.search(r"\d+ minutes", first), f"{name}: no time estimate"
    assert "Prerequisites" in first, f"{name}: no prerequisites"


def test_at_least_three_exercises_stored_unattempted(lesson):
    name, nb = lesson
    exercises = [c for c in _code_cells(nb)
                 if re.search(r"^answer = \.\.\.", _join(c["source"]), re.MULTILINE)
                 and re.search(r"^ex_\d\d_\d+\.check\(answer\)$", _join(c["source"]), re.M)]
    assert len(exercises) >= 3, f"{name}: {len(exercises)} exercise cells"
    for cell in exercises:
        assert "✎ Not attempted yet" in _cell_output(cell), f"{name}: {cell['id']}"


def test_feedback_shows_both_correct_and_a_taught_mistake(lesson):
    name, nb = lesson
    out = _all_output(nb)
    assert "✓ Correct!" in out, f"{name}: no solution is checked"
    assert "✗ Not yet:" in out, f"{name}: no typical wrong answer is demonstrated"


def test_solutions_are_collapsed(lesson):
    name, nb = lesson
    text = _markdown(nb)
    assert text.count("<details><summary>Show solution</summary>") >= 3, name


def test_misconceptions_checkpoints_and_predictions(lesson):
    name, nb = lesson
    text = _markdown(nb)
    assert re.search(r"^## Misconceptions", text, re.MULTILINE), f"{name}: no misconceptions"
    assert re.search(r"^## Checkpoints", text, re.MULTILINE), f"{name}: no checkpoints"
    assert "Predict before you drag" in text, f"{name}: no predict-before-you-drag prompt"


def test_a_widget_is_stored_with_state(lesson):
    name, nb = lesson
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown = [o["data"][WIDGET_MIME]["model_id"]
             for c in _code_cells(nb) if "VectorPlayground(" in _join(c["source"])
             for o in c.get("outputs", []) if WIDGET_MIME in o.get("data", {})]
    assert shown, f"{name}: no VectorPlayground output stored"
    assert all(model_id in state for model_id in shown), f"{name}: widget state missing"


def test_quiz_has_at_least_three_questions(lesson):
    name, nb = lesson
    quiz = [c for c in _code_cells(nb) if "Quiz(" in _join(c["source"])]
    assert quiz, f"{name}: no quiz"
    match = re.search(r"\((\d+) questions\)", _cell_output(quiz[0]))
    assert match and int(match.group(1)) >= 3, f"{name}: quiz text {_cell_output(quiz[0])[:80]}"
    source = _join(quiz[0]["source"])
    assert source.count("MultipleChoice(") + source.count("NumericAnswer(") >= 3
    assert quiz[0]["metadata"].get("jupyter", {}).get("source_hidden") is True, (
        f"{name}: the quiz cell's code holds the answers; store it collapsed (source_hidden)"
    )
    options = re.findall(r"^\s+(A\) .*)$", _cell_output(quiz[0]), re.MULTILINE)
    assert options, f"{name}: the quiz text lists no options"


def test_no_helper_functions_defined_in_the_notebook(lesson):
    name, nb = lesson
    for cell in _code_cells(nb):
        assert not re.search(r"^\s*(def|class) ", _join(cell["source"]), re.MULTILINE), (
            f"{name}: {cell['id']} defines a helper; put it in lessons_lib"
        )
