"""One source for what each lesson says about itself: the registry and the pages made from it."""

from __future__ import annotations

import json
import re

import pytest

from tools import lesson_docs
from tools._paths import NOTEBOOKS, ROOT
from tools.lessons import LESSONS, all_lessons, by_code, read, total_minutes


def test_the_registry_finds_every_lesson_in_order():
    files = sorted(p for p in NOTEBOOKS.iterdir() if re.fullmatch(r"\d\d_\w+\.ipynb", p.name))
    assert [x.path for x in LESSONS] == files and len(files) >= 9
    assert [x.number for x in LESSONS] == list(range(len(files)))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.stem)
def test_each_lesson_describes_itself(lesson):
    nb = json.loads(lesson.path.read_text(encoding="utf-8"))
    first = "".join(next(c["source"] for c in nb["cells"] if c["cell_type"] == "markdown"))
    # read independently of tools.lessons: the raw lines of the title cell
    assert first.splitlines()[0] == f"# {lesson.code} · {lesson.title}"
    minutes = re.search(r"\*\*Time:\*\* about (\d+) minutes", first)
    assert minutes and int(minutes.group(1)) == lesson.minutes
    bullets = [line for line in first.splitlines() if line.startswith("* ")]
    assert len(lesson.objectives) == len(bullets) >= 3
    assert lesson.objectives[0].startswith(bullets[0][2:].strip())
    assert nb["metadata"]["lesson"]["summary"].strip()


def test_total_time_is_the_sum_and_spelled_out():
    assert total_minutes() == sum(x.minutes for x in LESSONS)
    assert lesson_docs.hours(315) == "5 h 15 min"
    assert lesson_docs.hours(60) == "1 h" and lesson_docs.hours(5) == "5 min"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"**{lesson_docs.hours(total_minutes())}**" in readme
    for x in LESSONS:  # per-lesson time in the README's own row for that lesson
        row = next(line for line in readme.splitlines() if line.startswith(f"| {x.code} | ["))
        assert f"| {x.minutes} min |" in row


def test_the_generated_lists_are_current():
    """README's table, lesson 00's map, the teacher guide's timing, the handout's list."""
    assert lesson_docs.main(["--check"]) == 0, "run: python -m tools.lesson_docs"


def test_nothing_a_person_must_write_for_a_lesson_is_missing():
    """Each lesson's teaching session, its guide section, its stored run: named if absent."""
    assert lesson_docs.missing() == []


def test_the_teacher_guide_headings_give_each_lessons_own_time():
    guide = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    for x in LESSONS:
        assert f"### {x.heading} ({x.minutes} min)" in guide


def test_a_stale_block_is_reported(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text("before\n" + lesson_docs._begin("x") + "\nold\n" + lesson_docs._end("x") + "\n")
    new = lesson_docs.replace_block(page.read_text(), "x", "new")
    assert "new" in new and "old" not in new and new.startswith("before\n")
    with pytest.raises(ValueError, match="no block 'y'"):
        lesson_docs.replace_block(page.read_text(), "y", "z")


def test_a_lesson_without_a_time_is_refused(tmp_path):
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# 03 · X\n\nno time"}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "03_x.ipynb"
    path.write_text(json.dumps(nb))
    with pytest.raises(ValueError, match=r"\*\*Time:\*\* about N minutes"):
        read(path)
    assert all_lessons(tmp_path.parent / "nowhere") == ()


def test_by_code():
    assert by_code("04").title == "Weighted sums and neurons"
    with pytest.raises(KeyError):
        by_code("42")


def test_docs_readme_lists_every_document():
    listed = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "README.md":
            assert f"`{page.name}`" in listed, f"docs/README.md does not list {page.name}"
