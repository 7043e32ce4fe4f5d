"""Curriculum contract for lessons 03–05, checked on the STORED notebook outputs.

Every expected string is built here from math/NumPy or hand arithmetic (never by
calling lessons_lib), then looked for in the outputs of the notebook that teaches it.
"""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from stored_notebooks import code_cells as _code_cells
from stored_notebooks import markdown as _markdown
from stored_notebooks import outputs as _outputs

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = {
    "03": NOTEBOOKS / "03_geometry.ipynb",
    "04": NOTEBOOKS / "04_weighted_sums_and_neurons.ipynb",
    "05": NOTEBOOKS / "05_properties.ipynb",
}
MINUS = "\u2212"


def _load(lesson):
    return json.loads(LESSONS[lesson].read_text(encoding="utf-8"))



@pytest.fixture(scope="module", params=sorted(LESSONS))
def lesson(request):
    return request.param, _load(request.param)


# ---------------------------------------------------------------- structure, every lesson
def test_title_objectives_and_time(lesson):
    number, nb = lesson
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith(f"# {number} · ")
    assert "minutes" in first and "Prerequisites" in first


def test_at_least_three_checker_exercises_stored_unattempted(lesson):
    _, nb = lesson
    exercises = [c for c in _code_cells(nb)
                 if re.search(r"^answer = \.\.\.", "".join(c["source"]), re.M)]
    assert len(exercises) >= 3
    for cell in exercises:
        text = "".join("".join(o["data"]["text/plain"]) for o in cell["outputs"] if "data" in o)
        assert text.startswith("✎ Not attempted yet"), text
        assert re.search(r"^ex_\d\d_\d+\.check\(answer\)$", "".join(cell["source"]), re.M)


def test_solutions_are_collapsed_and_checked(lesson):
    _, nb = lesson
    md = _markdown(nb)
    assert md.count("<details><summary>Show solution</summary>") >= 3
    out = _outputs(nb)
    assert out.count("✓ Correct!") >= 3
    assert "✗ Not yet:" in out  # a typical wrong answer is demonstrated


def test_quiz_misconceptions_checkpoints_widget(lesson):
    _, nb = lesson
    out, md = _outputs(nb), _markdown(nb)
    quiz = re.search(r"Quiz: Lesson \d\d quiz \((\d+) questions\)", out)
    assert quiz and int(quiz.group(1)) >= 3
    assert "## Misconceptions" in md and "## Checkpoints" in md
    assert "Predict before you drag" in md
    widget_outputs = [o for c in _code_cells(nb) for o in c["outputs"]
                      if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widget_outputs) >= 2  # the lesson widget + the quiz
    assert nb["metadata"].get("widgets"), "widget state was not stored"


def test_no_helpers_defined_in_notebooks(lesson):
    _, nb = lesson
    for cell in _code_cells(nb):
        assert not re.search(r"^\s*(def|class) ", "".join(cell["source"]), re.M)


# ---------------------------------------------------------------- 03 · geometry
def test_03_angle_of_the_start_vectors():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    theta = math.degrees(math.acos(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))))
    out = _outputs(_load("03"))
    assert f"angle θ = {theta:.1f}°" in out and f"{theta:.1f}" == "32.3"
    assert f"= {a @ b:.2f}" in out  # both formulas give 3.60


def test_03_cos_at_0_90_180_degrees():
    out = _outputs(_load("03"))
    for degrees, cos in ((0, 1), (90, 0), (180, -1)):
        expected = round(math.cos(math.radians(degrees)))
        assert expected == cos
        shown = str(expected).replace("-", MINUS)
        assert re.search(rf"θ = +{degrees}\.0°\s+cos θ = {shown}\b", out), (degrees, shown)


def test_03_cosine_similarity_0_9746():
    a, b = np.array([1, 2, 3]), np.array([4, 5, 6])
    value = f"{a @ b / (np.linalg.norm(a) * np.linalg.norm(b)):.4f}"
    assert value == "0.9746"
    assert f"cos similarity: {value}" in _outputs(_load("03"))


def test_03_law_of_cosines_verified():
    a, b = np.array([3.0, 1.0]), np.array([1.0, 2.0])
    side = f"{(a - b) @ (a - b):.4f}"
    out = _outputs(_load("03"))
    assert out.count(f"= {side}") >= 3  # ‖a − b‖², the law of cosines, the expansion
    md = _markdown(_load("03"))
    assert "law of cosines" in md
    assert "(\\mathbf{a}-\\mathbf{b})\\cdot(\\mathbf{a}-\\mathbf{b})" in md


def test_03_projection_and_misleading_raw_dot():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    out = _outputs(_load("03"))
    assert f"{a @ b / np.linalg.norm(b):.4f}" in out
    # the long vector wins on the raw dot product, the aligned one on cosine
    assert f"{0.9 / math.hypot(0.9, 0.1):.4f}" in out and f"{3 / math.hypot(3, 3):.4f}" in out
    assert "same ranking by raw dot product and by cosine similarity: True" in out


def test_03_timing_cell_is_ignored_by_nbval():
    nb = _load("03")
    timed = [c for c in _code_cells(nb) if "compare_dot_vs_cosine" in "".join(c["source"])]
    assert timed and all("nbval-ignore-output" in c["metadata"].get("tags", []) for c in timed)
    assert "cosine / raw" in _outputs(nb)


# ---------------------------------------------------------------- 04 · weighted sums, neurons
def test_04_zero_weight_and_weighted_sum_working():
    out = _outputs(_load("04"))
    w, x = [0.5, -1, 0], [6, 2, 100]
    total = sum(wi * xi for wi, xi in zip(w, x, strict=True))
    products = [wi * xi for wi, xi in zip(w, x, strict=True)]  # 3.0, −2, 0.0
    assert f"0.5·6 + ({MINUS}1)·2 + 0·100 = {products[0]:.2f} {MINUS} {-products[1]:.2f} + " \
           f"{products[2]:.2f} = {total:.2f}" in out


def test_04_regression_fit_is_least_squares():
    nb = _load("04")
    out = _outputs(nb)
    # the table printed by the notebook is the data; refit it independently with NumPy
    rows = re.findall(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)$", out, re.M)
    data = np.array(rows, dtype=float)
    assert data.shape == (12, 4)
    A = np.column_stack([data[:, :3], np.ones(12)])
    theta = np.linalg.solve(A.T @ A, A.T @ data[:, 3])
    shown = ", ".join(f"{w:.3f}".rstrip("0").replace("-", MINUS) for w in theta[:3])
    assert f"weights=[{shown}], bias={theta[3]:.3f}" in out


def test_04_neuron_and_sigmoid():
    out = _outputs(_load("04"))
    z = 0.8 * 1 + (-0.5) * 2 + 0.1
    assert f"σ(z) = σ({MINUS}0.10) ≈ {1 / (1 + math.exp(-z)):.4f}" in out
    assert "a = 0.5000" in out  # exercise 3: σ(0)


def test_04_layers_collapse_without_activation():
    out = _outputs(_load("04"))
    assert "the same function (up to rounding)" in out
    assert out.count("NOT the same function") == 2
    W1, b1 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([1.0, 0.0])
    W2, b2 = np.array([[2.0, -3.0]]), np.array([3.0])
    x = np.array([1.0, -1.0])
    two = (W2 @ (W1 @ x + b1) + b2).tolist()
    assert f"two layers       : {two}" in out and f"one merged layer : {two}" in out
    md = _markdown(_load("04"))
    assert "query" in md and "key" in md and "value" in md
    assert "activation functions are\noptional in neural networks in general" in md


# ---------------------------------------------------------------- 05 · properties
def test_05_float_pitfall_exact_string():
    value = 1.8 * 0.8 + 1.2 * 1.8
    assert repr(value) == "3.6000000000000005"
    out = _outputs(_load("05"))
    assert repr(value) in out
    assert f"== 3.6  →  {value == 3.6}" in out
    assert f"math.isclose(1.8*0.8 + 1.2*1.8, 3.6)  →  {math.isclose(value, 3.6)}" in out


def test_05_properties_on_start_vectors():
    a, b, c, k = np.array([1.8, 1.2]), np.array([0.8, 1.8]), np.array([1.0, -1.0]), 3
    out = _outputs(_load("05"))
    assert f"{a @ b:.4f} = {b @ a:.4f}" in out
    assert f"{(k * a) @ b:.4f} = {k * (a @ b):.4f}" in out
    assert f"{a @ (b + c):.4f} = {a @ b + a @ c:.4f}" in out
    assert f"{a @ a:.4f} = {np.linalg.norm(a) ** 2:.4f}" in out
    assert f"{abs(a @ b):.4f} ≤ {np.linalg.norm(a) * np.linalg.norm(b):.4f}" in out
    assert "PropertyPanel" in out  # the live panel on the dragged vectors


def test_05_random_trials_and_clipping():
    out = _outputs(_load("05"))
    assert out.count("held in 1000 of 1000 random trials") == 5
    g = np.array([3.0, 4.0])
    assert f"g·g = 3·3 + 4·4 = {g @ g:g} > max_norm² = 1" in out
    clipped = g / np.sqrt(g @ g)
    assert f"= [{clipped[0]:g}, {clipped[1]:g}]" in out
    assert "✓ Correct! the clipped gradient = [3, 4]." in out  # [6, 8]·5/10
