"""Every working a lesson shows adds up by hand, at the precision it is shown.

The notebooks' stored outputs are scanned line by line; every ``numeric = numeric`` or
``numeric ≈ numeric`` step (see tests/workings.py) is redone with the numbers exactly as
printed. The library's working functions are checked the same way over random inputs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lessons_lib as ll
from lessons_lib import attention, matrices, neurons
from tests import stored_notebooks as stored
from tests.workings import check_line, relations, verdict
from tools.lessons import LESSONS

ROOT = Path(__file__).resolve().parents[1]

#: an output line that *looks* like a working (a number, on both sides of an = or ≈) must
#: yield at least one checked step, unless it is listed here with the reason it is not one
LOOKS_LIKE_WORKING = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[)\]]?²?\s*[=≈]\s*[−-]?[\d(\[√σ]")
NOT_WORKINGS = {
    "4 queries × 4 keys = a 4 × 4 score table": "a shape, not arithmetic",
}
#: lines of these forms are steps the checker does not redo, each with the reason
NOT_WORKING_FORMS = {
    r"^θ = arccos\(": "an arccos and a radians-to-degrees conversion, not hand arithmetic",
}


def _output_lines(nb: stored.Notebook) -> list[tuple[int, str]]:
    lines = []
    for index, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            texts = [out.get("text", "")]
            texts.append(out.get("data", {}).get("text/plain", ""))
            for text in texts:
                joined = text if isinstance(text, str) else "".join(text)
                for line in joined.splitlines():
                    if len(line) > 1 and line[0] == line[-1] and line[0] in "'\"":
                        line = line[1:-1]  # the repr of a str result, e.g. '√(3² + 4²) = √25 = 5'
                    lines.append((index, line))
    return lines


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.stem)
def test_every_working_in_the_stored_outputs_adds_up(lesson):
    nb = stored.load(lesson.path.name)
    checked, problems, unread = 0, [], []
    for index, line in _output_lines(nb):
        steps, wrong = check_line(line)
        checked += steps > 0
        problems += [f"cell {index}: {p}" for p in wrong]
        if (steps == 0 and "=" in line and LOOKS_LIKE_WORKING.search(line)
                and line.strip() not in NOT_WORKINGS
                and not any(re.search(form, line.strip()) for form in NOT_WORKING_FORMS)):
            unread.append(f"cell {index}: {line.strip()!r}")
    assert not problems, "\n".join(problems)
    assert not unread, ("lines that look like workings but whose steps the checker could not "
                        "read (teach tests/workings.py their form):\n" + "\n".join(unread))
    assert checked >= 1, f"{lesson.stem}: no working found in the stored outputs"


def test_workings_found_across_the_lessons():
    """The scan is not vacuous: it reads dozens of workings, in every form the library prints."""
    lines = [line for lesson in LESSONS for _, line in _output_lines(stored.load(lesson.path.name))
             if relations(line)]
    assert len(lines) >= 40
    forms = {"dot product": r"\d·\(?\d", "norm": r"√\(", "scaled score": r"/ √\d",
             "scalar times vector": r"\d \[", "sigmoid": r"σ\([−\d]", "bias": r"\+ b = "}
    for form, mark in forms.items():
        assert any(re.search(mark, line) for line in lines), f"no {form} working found"


def test_every_working_written_in_the_lessons_and_docs_adds_up():
    """Prose and code cells (quiz explanations included) and the docs a teacher hands out."""
    pages = {lesson.stem: [line for cell in stored.load(lesson.path.name)["cells"]
                           for line in "".join(cell["source"]).splitlines()]
             for lesson in LESSONS}
    for page in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        pages[page.name] = page.read_text(encoding="utf-8").splitlines()
    checked, problems = 0, []
    for name, lines in pages.items():
        for line in lines:
            steps, wrong = check_line(line)
            checked += steps
            problems += [f"{name}: {p}" for p in wrong]
    assert not problems, "\n".join(problems)
    assert checked >= 100, checked


# ----------------------------------------------------------------- the checker itself
OLD_LESSON_04_LINE = ("ŷ₁ = w·x₁ + b = 14.03·6 + 1.87·128 + (−1.07)·4 + 47.3 = 84.21 + 239.08 − "
                      "4.28 + 47.30 = 366.31")


def test_the_checker_rejects_the_old_lesson_04_line():
    steps, problems = check_line(OLD_LESSON_04_LINE)
    assert steps == 2
    assert len(problems) == 1 and "14.03·6" in problems[0]  # 84.18 + 239.36 − 4.28 + 47.3 by hand


@pytest.mark.parametrize("line", [
    "√(1² + (−2)²) = √5 = 2.24",          # √5 is 2.2360…, not 2.24
    "0.42 / √3 = 0.2425",                 # rounded without saying so
    "1·4 + 2·5 = 4 + 10 = 15",            # a wrong sum
    "2 × [1, 2] = [2, 5]",                # a wrong vector
    "0.33 + 2.00 ≈ 2.4",                  # ≈, but too far
])
def test_the_checker_rejects_wrong_steps(line):
    steps, problems = check_line(line)
    assert steps >= 1 and problems, line


@pytest.mark.parametrize("line", [
    "√(1² + (−2)²) = √5 ≈ 2.24",
    "score = q·k / √d_k = 0.42 / √3 ≈ 0.42 / 1.7321 ≈ 0.2425",
    "[3, 4]·0.2 = [0.6, 0.8]",
    "0.471·[1, 0] + 0.529·[0, 1] = [0.471, 0.529]",
    "row 2: 3·2 + (−1)·1 = 6 − 1 = 5",
    "cos θ = 3.60 / (2.1633 × 1.9698) ≈ 0.8448",
])
def test_the_checker_accepts_right_steps(line):
    steps, problems = check_line(line)
    assert steps >= 1 and not problems, problems


# ----------------------------------------------------------------- the library, random inputs
numbers = st.one_of(
    st.integers(-300, 300),
    st.floats(-300, 300, allow_nan=False, allow_infinity=False),
    st.decimals(-50, 50, places=3).map(float),
)
pairs = st.integers(1, 6).flatmap(
    lambda n: st.tuples(st.lists(numbers, min_size=n, max_size=n),
                        st.lists(numbers, min_size=n, max_size=n)))


def _assert_adds_up(text: str) -> None:
    for line in text.splitlines():
        steps, problems = check_line(line)
        assert steps >= 1, f"no working read in {line!r}"
        assert not problems, "\n".join(problems)


@settings(max_examples=60, deadline=None)
@given(pairs, st.sampled_from([None, 1, 2, 3, 4]))
def test_dot_working_adds_up(ab, decimals):
    a, b = ab
    _assert_adds_up(str(ll.dot_working(a, b, decimals=decimals)))


@settings(max_examples=60, deadline=None)
@given(pairs, numbers, st.sampled_from([None, 2, 3]))
def test_weighted_sum_working_adds_up(wx, bias, decimals):
    w, x = wx
    _assert_adds_up(neurons.weighted_sum_working(w, x, bias, decimals=decimals))


@settings(max_examples=60, deadline=None)
@given(st.lists(numbers, min_size=1, max_size=6), st.sampled_from([1, 2, 3, 4]))
def test_norm_working_adds_up(a, decimals):
    if not any(a):
        a = [*a[:-1], 1]
    _assert_adds_up(ll.norm_working(a, decimals=decimals))


@settings(max_examples=50, deadline=None)
@given(pairs)
def test_score_working_adds_up(qk):
    q, k = qk
    _assert_adds_up(str(attention.score_working(q, k)))


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 3).flatmap(lambda n: st.tuples(
    st.lists(st.lists(numbers, min_size=n, max_size=n), min_size=1, max_size=3),
    st.lists(numbers, min_size=n, max_size=n))))
def test_matvec_working_adds_up(mx):
    m, x = mx
    for row in matrices.matvec_working(m, x).rows:
        _assert_adds_up(str(row))


def test_a_rounded_factor_gets_the_digits_its_product_needs():
    """The lesson 04 case: a fitted weight 1.8678… times 128."""
    text = neurons.weighted_sum_working([14.0312, 1.86781, -1.0702], [6, 128, 4], 47.2987,
                                        decimals=2)
    assert "1.87·128" not in text
    _assert_adds_up(text)
    assert all(verdict(r) is None for r in relations(text))
