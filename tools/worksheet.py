"""A worksheet per lesson to print: the "your turn" exercises with boxed space to work.

Usage::

    python -m tools.worksheet                      # every lesson → _build/worksheets/NN_name.pdf
    python -m tools.worksheet --lesson 02 --out DIR
    python -m tools.worksheet --no-quiz            # the exercises only

Each worksheet is one or two A4 pages: the lesson's title and time, a line for the
student's name, then for every exercise its task as the lesson words it (the ``### Your
turn N · …`` prompt, :func:`tools.exercise_cells.prompt`), what it is given (the set-up
lines of its ``exN`` cell and its ``exN-data`` cells), a box to work in and a box for the
answer; then the lesson's quiz (the question objects of its Quiz cell,
:func:`tools.mistakes.quiz_questions`), each option with a letter to circle. Nothing on it
gives an answer away: no solution, hint, explanation or checker verdict
(``tests/test_worksheet.py`` checks every model answer of ``docs/answer_keys``). The
lessons come from the registry (:data:`tools.lessons.LESSONS`); printing is
``tools/printing.py``'s (one headless Chromium for every page).
"""

from __future__ import annotations

import argparse
import functools
import html as html_lib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from tools._paths import ROOT
from tools.exercise_cells import data_cells, prompt
from tools.lessons import LESSONS, Lesson, by_code
from tools.printing import markdown, page, pages, printer

OUT = ROOT / "_build" / "worksheets"
LETTERS = "ABCDEFGH"
CSS = """
@page { size: A4; margin: 11mm 14mm; }
body { font: 10pt/1.35 "DejaVu Sans", sans-serif; margin: 0; color: #000; }
header { display: flex; justify-content: space-between; align-items: baseline;
         border-bottom: 0.6pt solid #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }
h1 { font-size: 14pt; margin: 0; }
.meta { font-size: 9pt; margin: 0 0 3mm; }
.name { font-size: 10pt; white-space: nowrap; }
h2 { font-size: 11pt; margin: 0 0 1mm; }
p { margin: 0 0 1.2mm; }
code, pre { font: 8.8pt "DejaVu Sans Mono", monospace; }
pre { margin: 0 0 1.5mm; padding: 1mm 2mm; background: #f2f2f2; white-space: pre-wrap; }
.exercise { break-inside: avoid; margin: 0 0 3.5mm; }
.given { margin: 0 0 1mm; font-size: 8.5pt; }
.given pre { display: inline; padding: 0.3mm 1mm; }
.work { border: 0.6pt solid #000; height: var(--work); position: relative; }
.answer { border: 1.2pt solid #000; border-top: none; height: 8mm; }
.label { position: absolute; left: 1.5mm; top: 0.8mm; font-size: 7.5pt; color: #555; }
.answer .label { position: static; display: block; padding: 0.8mm 1.5mm; }
.quiz { break-before: auto; }
.quiz h2 { border-bottom: 0.6pt solid #000; padding-bottom: 1mm; margin-top: 2mm; }
.questions { columns: 2; column-gap: 6mm; }
.question { break-inside: avoid; margin: 0 0 2.5mm; }
.options { margin: 0.5mm 0 0 4mm; }
.options > span { display: block; margin: 0 0 0.6mm; }
.letter { display: inline-block; width: 4.6mm; height: 4.6mm; border: 0.6pt solid #000;
          border-radius: 50%; text-align: center; line-height: 4.6mm; font-size: 8pt;
          margin-right: 1mm; }
.number { border: 1.2pt solid #000; width: 40mm; height: 7mm; margin: 0.8mm 0 0 4mm; }
.none { font-style: italic; }
"""
MAX_PAGES = 2
#: the work boxes' heights tried, tallest first: a worksheet gets the tallest that keeps it
#: on MAX_PAGES pages
WORK_MM = (60, 52, 45, 38, 32, 27, 23, 20, 18)
#: a worksheet that fits on one page with work boxes this high (mm) is printed on one
ONE_PAGE_MM = 27


@dataclass(frozen=True)
class Task:
    """One exercise as the worksheet shows it."""

    number: int
    title: str  # "with a negative component" (from "### Your turn 1 · with a …")
    text: str  # the task, Markdown, without its heading
    given: str  # Python lines the exercise is given ("" if none)


def tasks(lesson: Lesson) -> list[Task]:
    """Every "your turn" exercise of ``lesson``, in order, as its notebook words it."""
    from tools.nbgrader_course import exercises

    nb = nbformat.read(lesson.path, as_version=4)
    found = []
    for exercise in exercises(lesson.path):
        text = prompt(nb, exercise.number)
        first, _, rest = text.partition("\n")
        heading = re.match(r"^###\s+Your turn\s+\d+\s*[·:.-]?\s*(.*)$", first)
        title, body = (heading.group(1), rest.strip()) if heading else ("", text)
        given = [*data_cells(nb, exercise.number), exercise.setup]
        found.append(Task(exercise.number, title, body,
                          "\n".join(g.strip() for g in given if g.strip())))
    return found


def questions(lesson: Lesson) -> list[Any]:
    """The question objects of ``lesson``'s quiz, in order (none if it has no quiz)."""
    from tools.mistakes import quiz_questions

    return [q for (code, _n), q in sorted(quiz_questions().items()) if code == lesson.code]


def _exercise_html(task: Task) -> str:
    title = f"Exercise {task.number}" + (f" · {markdown(task.title)[3:-5]}" if task.title else "")
    given = (f'<div class="given">Given in the notebook: <pre><code>'
             f"{html_lib.escape(task.given)}</code></pre></div>" if task.given else "")
    return (f'<section class="exercise"><h2>{title}</h2>{markdown(task.text)}{given}'
            f'<div class="work"><span class="label">Your working</span></div>'
            f'<div class="answer"><span class="label">Answer</span></div></section>')


def _question_html(number: int, question: Any) -> str:
    text = html_lib.escape(question.prompt)
    options = getattr(question, "options", None)
    if options:
        choices = "".join(f'<span><span class="letter">{LETTERS[i]}</span>'
                          f"{html_lib.escape(str(option))}</span>"
                          for i, option in enumerate(options))
        answer = f'<div class="options">{choices}</div>'
    else:
        answer = '<div class="number"></div>'
    return f'<div class="question"><b>{number}.</b> {text}{answer}</div>'


def html(lesson: Lesson, items: list[Task], quiz: list[Any] | None = None,
         work: int = WORK_MM[0]) -> str:
    """The worksheet of ``lesson`` as a self-contained A4 page, work boxes ``work`` mm high."""
    head = (f"<header><h1>Worksheet · {html_lib.escape(lesson.heading)}</h1>"
            f'<span class="name">Name: ______________________</span></header>'
            f'<p class="meta">About {lesson.minutes} minutes (the whole lesson). Work each '
            "exercise on paper, then type your answer into the lesson's notebook "
            "(<code>answer = …</code>) and run its check.</p>")
    if items:
        body = "".join(_exercise_html(task) for task in items)
    else:
        body = '<p class="none">This lesson has no "your turn" exercises.</p>'
    if quiz:
        body += ('<section class="quiz"><h2>Quiz: circle one letter, or write the number'
                 "</h2><div class=\"questions\">"
                 + "".join(_question_html(n, q) for n, q in enumerate(quiz, 1))
                 + "</div></section>")
    css = CSS + f":root {{ --work: {work}mm; }}"
    return page(f"Worksheet {lesson.heading}", css, head + body)


def worksheets(chosen: list[Lesson], *, quiz: bool = True) -> dict[str, Any]:
    """Lesson stem → ``work_mm ↦ the worksheet's HTML``, for each lesson of ``chosen``."""
    out = {}
    for lesson in chosen:
        items, asked = tasks(lesson), questions(lesson) if quiz else None
        out[lesson.stem] = functools.partial(html, lesson, items, asked)
    return out


def _tallest(pdf: Any, sheet: Any, heights: tuple[int, ...], most: int) -> bytes | None:
    """The sheet printed with the tallest of ``heights`` (tallest first) that keeps it on
    ``most`` pages, or None; the pages only grow with the boxes, so bisect."""
    fits, low, high = None, 0, len(heights) - 1
    while low <= high:
        middle = (low + high) // 2
        data = pdf(sheet(heights[middle]))
        if pages(data) <= most:
            fits, high = data, middle - 1  # fits: try taller
        else:
            low = middle + 1
    return fits


def print_sheets(sheets: dict[str, Any], out: Path) -> list[Path]:
    """Print :func:`worksheets`' sheets to ``out/NN_name.pdf`` with one Chromium: on one
    page if it holds them with work boxes of at least :data:`ONE_PAGE_MM`, else on
    :data:`MAX_PAGES` pages, each with the tallest work boxes of :data:`WORK_MM` that fit."""
    written = []
    with printer() as pdf:
        for stem, sheet in sheets.items():
            roomy = tuple(h for h in WORK_MM if h >= ONE_PAGE_MM)
            data = (_tallest(pdf, sheet, roomy, 1)
                    if pages(pdf(sheet(ONE_PAGE_MM))) == 1 else None)
            data = data or _tallest(pdf, sheet, WORK_MM, MAX_PAGES)
            if data is None:
                raise ValueError(f"{stem}: the worksheet needs more than {MAX_PAGES} pages "
                                 f"even with {WORK_MM[-1]} mm work boxes; shorten its "
                                 "prompts or print it with --no-quiz")
            path = out / f"{stem}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    return written


def build(out: Path = OUT, chosen: list[Lesson] | None = None, *,
          quiz: bool = True) -> list[Path]:
    """The worksheets of ``chosen`` (every lesson), printed to ``out/NN_name.pdf``."""
    return print_sheets(worksheets(list(LESSONS) if chosen is None else chosen, quiz=quiz),
                        out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lesson", action="append", metavar="NN",
                        help="only this lesson (two digits; repeat for more)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PDFs")
    parser.add_argument("--no-quiz", action="store_true", help="leave the quiz out")
    args = parser.parse_args(argv)
    try:
        chosen = [by_code(code) for code in args.lesson] if args.lesson else list(LESSONS)
    except KeyError as error:
        parser.error(str(error.args[0]))
    for pdf in build(args.out, chosen, quiz=not args.no_quiz):
        print(f"wrote {pdf} ({pages(pdf.read_bytes())} page(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
