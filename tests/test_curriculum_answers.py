"""Issue 12/13, every lesson, on the STORED notebooks: one exercise pattern, answers out of view,
glyph-free markdown, one header form, the sources page, and the matrices section before lesson 07.

Expected numbers are computed here with NumPy or by hand, never with lessons_lib.
"""

import re
from pathlib import Path

import numpy as np
import pytest
from stored_notebooks import NOTEBOOKS, code_cells, load, markdown, outputs

from lessons_lib.exercises import EXERCISES
from tools._paths import lessons

LESSONS = [p.name for p in lessons(NOTEBOOKS)]
#: colour-emoji glyphs that show as empty boxes without an emoji font (issue 13 item 7)
EMOJI = re.compile("[\u2705\u23f1\u270d\u270f\u274c\U0001f300-\U0001faff]")


def _src(cell):
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def _text(cell):
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", "") if isinstance(out.get("text", ""), str)
                     else "".join(out["text"]))
        plain = out.get("data", {}).get("text/plain", "")
        parts.append(plain if isinstance(plain, str) else "".join(plain))
    return "".join(parts)


@pytest.fixture(scope="module", params=LESSONS)
def lesson(request):
    return request.param, load(request.param)


def test_no_verdict_on_a_right_answer_above_the_appendix(lesson):
    name, nb = lesson
    heads = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown"
             and _src(c).startswith("## Appendix · the model solutions, checked")]
    assert len(heads) == 1, f"{name}: needs exactly one Appendix of checked model solutions"
    for cell in nb["cells"][:heads[0]]:
        where = f"{name} {cell.get('id')}"
        assert "Correct!" not in _text(cell), f"{where}: a verdict above the Appendix"
    ex_ids = {c["id"] for c in code_cells(nb) if re.fullmatch(r"ex\d+", c.get("id", ""))}
    after = {c.get("id") for c in nb["cells"][heads[0]:]}
    assert ex_ids and {f"{e}-check" for e in ex_ids} <= after, f"{name}: a model solution unchecked"


def test_every_exercise_has_a_collapsed_solution(lesson):
    name, nb = lesson
    n_ex = sum(1 for c in code_cells(nb) if re.fullmatch(r"ex\d+", c.get("id", "")))
    assert markdown(nb).count("<details><summary>Show solution</summary>") >= n_ex >= 3, name


def test_quiz_source_is_collapsed(lesson):
    name, nb = lesson
    quiz = [c for c in code_cells(nb) if "Quiz([" in _src(c)]
    assert quiz, name
    assert all(c["metadata"].get("jupyter", {}).get("source_hidden") is True for c in quiz), name


def test_markdown_has_no_emoji_glyphs(lesson):
    name, nb = lesson
    found = EMOJI.findall(markdown(nb))
    assert not found, f"{name}: {found} render as empty boxes without a colour-emoji font"


def test_one_header_form_and_my_predictions(lesson):
    name, nb = lesson
    first = _src(nb["cells"][0])
    assert "**Learning objectives.** After this lesson you can" in first, name
    assert "**Time:** about" in first, name
    assert "**My predictions**" in markdown(nb), name


def test_prompts_state_their_precision(lesson):
    name, nb = lesson
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        if not re.fullmatch(r"ex\d+", cell.get("id", "")):
            continue
        if EXERCISES[(name[:2], int(cell["id"][2:]))].checker == "check_choice":
            continue  # a word or a letter: no decimals to state
        prompt = next(_src(c) for c in reversed(cells[:i]) if c["cell_type"] == "markdown")
        if name.startswith("00"):
            continue  # lists, counts and positions of lesson 00 are whole numbers by nature
        where = f"{name} {cell['id']}"
        assert re.search(r"exact|decimal|to the cent", prompt), f"{where}: {prompt[-160:]}"


def test_sources_page_is_linked_and_lists_the_three_sources():
    page = (Path(NOTEBOOKS).parent / "docs" / "sources.md").read_text(encoding="utf-8")
    for number in ("000", "002", "004"):
        assert f'<a id="source-{number}"></a>' in page and f"## Source {number}" in page
    assert "](../docs/sources.md)" in markdown(load("00"))


def test_lesson_06_teaches_matrices_before_07():
    nb = load("06")
    md, out = markdown(nb), outputs(nb)
    assert "## 6 · Many dot products at once: matrices" in md
    # M x for M = [[1, 2], [3, -1], [0, 1]], x = [2, 1]: rows 2+2, 6-1, 0+1
    assert "row 1: 1·2 + 2·1 = 2 + 2 = 4" in out and "M x = [4, 5, 1]" in out
    Q, K = np.array([[1, 0], [0.5, 2], [-1, 1]]), np.array([[2, 1], [0, 3]])
    table = Q @ K.T
    assert table.tolist() == [[2.0, 0.0], [3.0, 6.0], [-1.0, 3.0]]
    assert "shapes: (3 × 2)(2 × 2) → 3 × 2" in out
    assert f"NumPy agrees, Q @ K.T = {table.tolist()}" in out
    assert "MatVecWidget: M x, one dot product per row" in out
    # QKᵀ is not used before it is taught
    assert "QKᵀ" not in "".join(_src(c) for c in load("05")["cells"])


def test_wording_fixes_of_issue_12():
    md = {n[:2]: markdown(load(n)) for n in LESSONS}
    assert "carry no information about each other" not in md["03"]
    assert "is the length of the vectors" not in md["07"]
    assert "independent" in md["07"] and "mean 0" in md["07"] and "variance 1" in md["07"]
    assert "no causal mask" in md["07"] and "no causal mask" in md["08"]
    assert "temperature" in md["07"] and "softmax(score / T)" in md["07"]
    assert "`ll.norm` gives" not in md["00"]
    assert "contextual" in md["06"] and "contextual" in md["08"]
