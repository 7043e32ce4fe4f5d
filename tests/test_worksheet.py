"""Every lesson's worksheet (tools/worksheet.py): every exercise's task, no answer, ≤ 2 A4 pages.

The subjects are enumerated independently of the tool: the lessons from the registry, each
lesson's exercises from :mod:`lessons_lib.exercises`, each task from the lesson notebook's
``### Your turn N`` heading, the answers from the generated answer keys
(``docs/answer_keys``, kept current by ``tests/test_answer_key.py``), the exercise objects
and the independent quiz table of ``tools/mistakes.py``. The PDFs are printed by one
Chromium for all lessons (about 5 s here).
"""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import nbformat
import pytest

from lessons_lib.exercises import exercises_of
from tools import worksheet
from tools.browser import CHROMIUM, need, playwright_importable
from tools.lessons import LESSONS
from tools.mistakes import QUIZ, quiz_questions

A4 = (595.0, 842.0)  # points: 210 × 297 mm
KEYS = Path(worksheet.ROOT) / "docs" / "answer_keys"


def _flat(text: str) -> str:
    """Text without HTML tags, entities or Markdown emphasis, whitespace collapsed."""
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"</?(?:p|h\d|div|section|header|pre|li|ul|ol|br)\b[^>]*>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub(r"\*\*|`|(?<!\w)\*|\*(?!\w)", "", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built() -> dict:
    """Lesson stem → ``work_mm ↦ the worksheet's HTML``, built once for the module."""
    return worksheet.worksheets(list(LESSONS))


@pytest.fixture(scope="module")
def sheets(built: dict) -> dict[str, str]:
    """Lesson stem → the worksheet's HTML (the work boxes' height does not change text)."""
    return {stem: sheet(worksheet.WORK_MM[0]) for stem, sheet in built.items()}


def _task(lesson_path: Path, number: int) -> tuple[str, str]:
    """(title, task) of "### Your turn ``number``", read from the notebook's Markdown."""
    nb = nbformat.read(lesson_path, as_version=4)
    for cell in nb.cells:
        match = re.search(rf"^###\s+Your turn {number}\b\s*·?\s*(.*)$", cell.source, re.M)
        if cell.cell_type == "markdown" and match:
            return match.group(1), cell.source[match.end():]
    raise AssertionError(f"{lesson_path.name}: no '### Your turn {number}' heading")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.stem)
def test_every_exercise_task_is_on_its_worksheet(lesson, sheets: dict[str, str]) -> None:
    page = _flat(sheets[lesson.stem])
    assert lesson.heading in page and f"About {lesson.minutes} minutes" in page
    defined = exercises_of(lesson.code)
    assert defined, f"lesson {lesson.code} has no exercises (the worksheet would say so)"
    assert re.findall(r"Exercise (\d+) ·", page) == [str(ex.number) for ex in defined]
    for ex in defined:
        title, task = _task(lesson.path, ex.number)
        assert f"Exercise {ex.number} · {_flat(title)}" in page
        assert _flat(task) in page, f"{lesson.stem} exercise {ex.number}: task missing"
    questions = [q for (code, _n), q in sorted(quiz_questions().items()) if code == lesson.code]
    for question in questions:
        assert _flat(html.escape(question.prompt)) in page
        for option in getattr(question, "options", []):
            assert _flat(html.escape(option)) in page


def _key_answers(stem: str) -> list[tuple[str, str]]:
    """(answer value, the checker's ✓ line) of every exercise in the lesson's answer key."""
    key = (KEYS / f"{stem}.md").read_text(encoding="utf-8")
    return re.findall(r"^\*\*Answer\.\*\* `(.*)` \(the checker: ✓ Correct! (.*)\)$", key, re.M)


def _learner_text(lesson) -> str:
    """Everything the lesson itself shows a learner before any answer: its tasks and data,
    its quiz questions and options."""
    nb = nbformat.read(lesson.path, as_version=4)
    shown = [_task(lesson.path, ex.number)[1] for ex in exercises_of(lesson.code)]
    shown += [c.source for c in nb.cells if re.match(r"^ex\d+(-data)?$", str(c.get("id", "")))]
    for (code, _n), question in quiz_questions().items():
        if code == lesson.code:
            shown += [question.prompt, *getattr(question, "options", [])]
    return _flat(html.escape("\n".join(shown)))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.stem)
def test_no_answer_is_on_the_worksheet(lesson, sheets: dict[str, str]) -> None:
    raw = sheets[lesson.stem]
    page = _flat(raw)
    answers = _key_answers(lesson.stem)
    assert len(answers) == len(exercises_of(lesson.code)) >= 1
    learner = _learner_text(lesson)
    for ex, (value, verdict) in zip(exercises_of(lesson.code), answers, strict=True):
        where = f"{lesson.stem} exercise {ex.number}"
        assert _flat(verdict) not in page, f"{where}: the checker's ✓ line is on the sheet"
        assert _flat(ex.explanation) not in page, f"{where}: the worked solution is on it"
        for line in ex.solution_code.splitlines():
            assert line.strip() not in page or line.strip() in learner, \
                f"{where}: solution code {line!r} is on it"
        for hint in ex.hints:
            assert _flat(hint) not in page, f"{where}: a hint is on it"
        shown = value.strip("'\"")
        # a value the lesson itself prints in its tasks or quiz (a word, an option) may
        # stand on the sheet as often as there; any other occurrence gives it away
        pattern = rf"(?<![\w.]){re.escape(shown)}(?![\w])"
        if len(shown) > 1:
            assert (len(re.findall(pattern, page))
                    <= len(re.findall(pattern, learner))), \
                f"{where}: its answer {shown!r} is on the sheet"
    for (code, n), question in quiz_questions().items():
        if code != lesson.code:
            continue
        for text in [question.explanation, *getattr(question, "why", {}).values()]:
            assert not text or _flat(text) not in page, f"quiz {n}: its explanation is on it"
        right = QUIZ[(code, n)]
        if isinstance(right, float):  # the number asked for, to 2-4 decimals
            for digits in (2, 3, 4):
                rounded = f"{right:.{digits}f}"
                if not math.isclose(right, round(right)):
                    assert rounded not in page, f"quiz {n}: its answer {rounded} is on it"
    options = re.findall(r'<span class="letter">[A-H]</span>', raw)
    assert len(set(re.findall(r"<span[^>]*>(?=<span class=\"letter\">)", raw))) <= 1, \
        "the options are not all marked up alike (one stands out)"
    assert len(options) == sum(len(getattr(q, "options", []))
                               for (c, _n), q in quiz_questions().items() if c == lesson.code)


def test_a_lesson_without_exercises_says_so() -> None:
    page = worksheet.html(LESSONS[0], [], None)
    assert 'This lesson has no "your turn" exercises.' in _flat(page)


def test_every_worksheet_prints_on_at_most_two_a4_pages(tmp_path: Path, built: dict) -> None:
    need(f"Chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    need("the playwright package", playwright_importable())
    written = worksheet.print_sheets(built, tmp_path)
    assert [p.name for p in written] == [f"{x.stem}.pdf" for x in LESSONS]
    for pdf in written:
        data = pdf.read_bytes()
        leaves = re.findall(rb"/Type\s*/Page(?!s)\b", data)  # page objects, not the tree
        assert 1 <= len(leaves) <= 2, f"{pdf.name}: {len(leaves)} pages"
        for box in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data):
            assert abs(float(box[0]) - A4[0]) < 1 and abs(float(box[1]) - A4[1]) < 1, box
