"""tools/slides.py: every lesson becomes a reveal.js deck with the slides we expect.

The decks are built from copies of the notebooks in a temporary folder (the lessons are
never written). The expected number of slides is counted straight from the notebook JSON:
one title slide plus one slide per ``#``/``##`` heading cell. reveal.js nests a deck as
``<section>`` (a horizontal slide) holding one ``<section>`` per vertical subslide, and
nbconvert opens both for every slide, so the count is checked at both nesting levels.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from tools import answer_key, cdn
from tools._paths import lessons
from tools.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    OfflineGuard,
    label_layout_problems,
    need,
    playwright_importable,
    raw_tex,
)
from tools.export_html import broken_links

ROOT = Path(__file__).resolve().parents[1]
LESSONS = lessons()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class _Sections(HTMLParser):
    """Count <section> elements by nesting depth (0 = horizontal slide)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.by_depth: dict[int, int] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "section":
            self.by_depth[self.depth] = self.by_depth.get(self.depth, 0) + 1
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.depth -= 1


def _sections(html: str) -> dict[int, int]:
    parser = _Sections()
    parser.feed(html)
    assert parser.depth == 0, "unbalanced <section> tags"
    return parser.by_depth


def _first_line(cell: dict) -> str:
    return next((line for line in "".join(cell["source"]).splitlines() if line.strip()), "")


def _is_nav(cell: dict) -> bool:
    return "nav" in cell.get("metadata", {}).get("tags", [])


def _heading_lines(nb: dict, levels: str) -> tuple[int, int]:
    """(headings opening a markdown cell, headings further down a cell) of the given
    levels (``"12"``, ``"3"``) in the visible cells, code fences left out."""
    first, later = 0, 0
    for cell in (c for c in nb["cells"] if not _is_nav(c) and c["cell_type"] == "markdown"):
        fence, seen_text = False, False
        for line in "".join(cell["source"]).splitlines():
            if line.strip().startswith("```"):
                fence = not fence
            match = re.match(r"(#{1,6})\s", line)
            if not fence and match and str(len(match.group(1))) in levels:
                if seen_text:
                    later += 1
                else:
                    first += 1
            seen_text = seen_text or bool(line.strip())
    return first, later


def _expected_slides(nb: dict, with_answers: bool = True) -> int:
    """Title slide + one per # / ## heading, counted from the JSON: a heading opening a
    cell, or one written further down a cell (the deck gives it its own slide too).
    ``with_answers=False``: the default deck, without the cells that give answers away."""
    if not with_answers:
        hidden = set(answer_key.answer_cells(nbformat.reads(json.dumps(nb), as_version=4)))
        nb = {**nb, "cells": [c for i, c in enumerate(nb["cells"]) if i not in hidden]}
    first, later = _heading_lines(nb, "12")
    return first + later  # the title cell's "# NN · Title" is the title slide


def _slide_type(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def _strip(nb: dict) -> dict:
    for cell in nb["cells"]:
        cell.get("metadata", {}).pop("slideshow", None)
    return nb


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m tools.slides ARGS`` as a learner's terminal runs it (a subprocess)."""
    return subprocess.run([sys.executable, "-m", "tools.slides", *map(str, args)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


def _main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The same command in this process: the small checks below need no fresh interpreter
    (each one costs ~2 s, mostly importing nbformat's JSON-schema stack)."""
    from tools import slides

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = slides.main([str(a) for a in args])
        except SystemExit as exit_:  # argparse errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, str]]:
    """{lesson name: (notebook with slide types, deck HTML)} built in a temp dir."""
    assert LESSONS, "no lessons under notebooks/"
    tmp = tmp_path_factory.mktemp("slides")
    copies = []
    for path in LESSONS:
        copy = tmp / path.name
        copy.write_text(json.dumps(_strip(json.loads(path.read_text()))))
        copies.append(copy)
    assign = _run("--force", *copies)  # temp copies: not in git
    assert assign.returncode == 0, assign.stderr
    check = _run("--check", *copies)
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp / "decks"
    build = _run("--build", out, "--with-answers", *copies)  # every cell: counted below
    assert build.returncode == 0, build.stderr
    decks = {
        c.stem: (json.loads(c.read_text()), (out / f"{c.stem}.slides.html").read_text())
        for c in copies
    }
    for name, (_, html) in decks.items():  # the decks link to each other, not to notebooks
        assert not broken_links(html, out), (name, broken_links(html, out))
    return decks


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_deck_has_one_slide_per_heading(decks: dict, lesson: str) -> None:
    nb, html = decks[lesson]
    depth = _sections(html)
    expected = _expected_slides(nb)
    assert depth.get(0) == expected, f"{lesson}: {depth.get(0)} slides, expected {expected}"
    # every horizontal slide holds its first subslide, plus one per extra subslide cell,
    # one per ### heading further down a cell, and one per further piece of a cell too
    # tall for one slide (cut by the build, marked data-continued="2", "3"…)
    subslides = sum(_slide_type(c) == "subslide" for c in nb["cells"])
    continued = len(re.findall(r'<section data-continued="(?!1")\d+"', html))
    assert depth.get(1) == expected + subslides + _heading_lines(nb, "3")[1] + continued
    assert set(depth) == {0, 1}, "reveal.js decks nest sections two levels deep at most"


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_slide_types_follow_the_rules(decks: dict, lesson: str) -> None:
    nb, html = decks[lesson]
    cells = nb["cells"]
    types = [_slide_type(c) for c in cells]
    assert all(t in {"slide", "subslide", "fragment", "-", "skip"} for t in types), types
    visible = [i for i, c in enumerate(cells) if not _is_nav(c)]
    assert types[visible[0]] == "slide"
    for i, cell in enumerate(cells):
        if _is_nav(cell):
            assert types[i] == "skip"
            text = "".join(cell["source"]).strip()
            assert not text or text not in html
        elif cell["cell_type"] == "markdown" and re.match(r"###\s", _first_line(cell)):
            assert types[i] == "subslide"
    # a widget or "your turn" cell is the last cell of its subslide and the only one on it
    starts = [i for i in visible if types[i] in ("slide", "subslide")] + [len(cells)]
    for start, end in itertools.pairwise(starts):
        group = [i for i in visible if start <= i < end]
        special = [
            i for i in group
            if cells[i]["cell_type"] == "code" and (
                any(WIDGET_VIEW in o.get("data", {}) for o in cells[i].get("outputs", []))
                or re.search(r"^answer\s*=", "".join(cells[i]["source"]), re.MULTILINE)
            )
        ]
        assert len(special) <= 1, f"{lesson}: cells {special} share a slide"
        if special:
            assert special[0] == group[-1], f"{lesson}: cell {special[0]} shares its slide"


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_deck_shows_the_widgets_from_saved_state(decks: dict, lesson: str) -> None:
    nb, html = decks[lesson]
    views = [
        o["data"][WIDGET_VIEW]["model_id"]
        for c in nb["cells"] for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})
    ]
    if views:
        assert "application/vnd.jupyter.widget-state+json" in html
    for model_id in views:
        assert model_id in html


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_every_cdn_tag_of_a_deck_carries_its_integrity_hash(decks: dict, lesson: str) -> None:
    from test_supply_chain import check_cdn_tags

    html = decks[lesson][1]
    check_cdn_tags(html)
    # reveal.js and its notes plug-in come through require.js, which adds their hashes
    for key in ("reveal_js", "reveal_notes"):
        assert cdn.FILES[key].url in html and cdn.FILES[key].sri in html


def test_check_fails_on_missing_metadata(tmp_path: Path) -> None:
    src = LESSONS[0]
    copy = tmp_path / src.name
    copy.write_text(json.dumps(_strip(json.loads(src.read_text()))))
    check = _main("--check", copy)
    assert check.returncode == 1
    assert "slide_type None, expected 'slide'" in check.stdout
    # and fixing it makes the check pass
    assert _main("--force", copy).returncode == 0  # a temp copy: not in git
    assert _main("--check", copy).returncode == 0


def test_check_fails_on_stale_metadata(tmp_path: Path) -> None:
    copy = tmp_path / LESSONS[0].name
    shutil.copy(LESSONS[0], copy)
    assert _main(copy).returncode == 0
    nb = json.loads(copy.read_text())
    heading = next(
        c for c in nb["cells"]
        if c["cell_type"] == "markdown" and re.match(r"##\s", _first_line(c))
    )
    heading["metadata"]["slideshow"]["slide_type"] = "-"  # someone demoted a section
    copy.write_text(json.dumps(nb))
    assert _main("--check", copy).returncode == 1





def _widgets_off_slide(page: object) -> list[str]:
    """Every slide holding a widget, shown with all its fragments at 1280×720: widgets
    whose box leaves the viewport (clipped on a projector), and drawings whose labels
    overlap, hide a tip or leave the drawing."""
    problems = []
    page.evaluate(  # type: ignore[attr-defined]  # measured at rest, not mid-transition
        """() => Object.entries(requirejs.s.contexts._.defined)
             .find(([id]) => /reveal\\.js$/.test(id))[1]
             .configure({transition: 'none', backgroundTransition: 'none'})""")
    slides = page.evaluate(  # type: ignore[attr-defined]
        """() => { const out = [];
          document.querySelectorAll('.reveal .slides > section').forEach((h, i) => {
            const subs = h.querySelectorAll(':scope > section');
            (subs.length ? [...subs] : [h]).forEach((v, j) => {
              if (v.querySelector('.widget-subarea')) out.push([i, subs.length ? j : 0]); });
          }); return out; }""")
    for i, j in slides:
        page.evaluate(f"location.hash = '#/{i}/{j}'")  # type: ignore[attr-defined]
        page.wait_for_timeout(600)  # type: ignore[attr-defined]
        boxes = page.evaluate(  # type: ignore[attr-defined]
            """() => { const s = document.querySelector('.reveal section.present > section.present')
                         || document.querySelector('.reveal .slides > section.present');
              s.querySelectorAll('.fragment').forEach(f => f.classList.add('visible'));
              return [...s.querySelectorAll('.widget-subarea')].map(w => {
                const r = w.getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }); }""")
        for left, top, right, bottom, width, height in boxes:
            if left < 0 or top < 0 or right > width + 1 or bottom > height + 1:
                problems.append(f"slide {i}/{j}: widget box {left:.0f},{top:.0f}–"
                                f"{right:.0f},{bottom:.0f} leaves the {width}×{height} view")
        page.wait_for_timeout(300)  # fragments shown: the drawings lay out their labels
        for kind, labels, tips in ((".vp-root", ".vp-arrow .vp-label", ".vp-handle .vp-marker"),
                                   (".ae-root", ".ae-label", ".ae-handle .ae-marker")):
            problems += [f"slide {i}/{j}: {p}" for p in label_layout_problems(
                page, f"section.present {kind}", labels, tips)]
    return problems


@pytest.mark.browser
def test_offline_decks_run_without_network(tmp_path: Path) -> None:
    """``--build --offline``: every deck works from disk with every non-``file:`` request
    blocked: reveal.js lays it out, the widgets are drawn, every formula is typeset, and
    not one request leaves the machine or fails."""
    need("npm", shutil.which("npm") is not None)
    need(f"Chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    need("the playwright Python package", playwright_importable())
    from playwright import sync_api

    copies = []
    for lesson in LESSONS:
        copies.append(tmp_path / lesson.name)
        shutil.copy(lesson, copies[-1])
    out = tmp_path / "decks"
    build = _run("--build", out, "--offline", *copies)
    assert build.returncode == 0, build.stderr
    shots = Path(os.environ.get("LESSONS_ARTIFACTS", tmp_path))
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            guard = OfflineGuard(context)
            for copy in copies:
                nb = json.loads(copy.read_text())
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.goto((out / f"{copy.stem}.slides.html").as_uri())
                # reveal.js has laid out the deck: the first slide is the present one
                page.wait_for_selector(".reveal .slides > section.present", timeout=30_000)
                assert page.evaluate(
                    "document.querySelectorAll('.reveal .slides > section').length"
                ) == _expected_slides(nb, with_answers=False)  # the default deck
                views = sum(WIDGET_VIEW in o.get("data", {})
                            for c in nb["cells"] for o in c.get("outputs", []))
                assert views, f"{copy.name}: every lesson has a widget"
                page.wait_for_function(
                    "n => Array.from(document.querySelectorAll('.widget-subarea'))"
                    ".filter(e => e.children.length > 0).length >= n",
                    arg=views, timeout=30_000,
                )
                assert not raw_tex(page), f"{copy.name}: formulas left as TeX"
                assert not _widgets_off_slide(page), (copy.name, _widgets_off_slide(page))
                assert not errors, (copy.name, errors)
                page.screenshot(path=str(shots / f"deck-{copy.stem}.png"))
                page.close()
            assert not guard.problems, guard.problems
        finally:
            browser.close()


def _tall_notebook() -> dict:
    """A lesson-shaped notebook with one prose cell and one code cell, each far taller than
    a slide (60 numbered paragraphs; 80 numbered code lines and a printed output)."""
    prose = "\n\n".join(f"Paragraph {i} of the long explanation, a few words." for i in range(60))
    code = "\n".join(f"x{i} = {i}" for i in range(80))
    cells = [
        {"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# 99 · Tall"},
        {"cell_type": "markdown", "id": "prose", "metadata": {}, "source": prose},
        {"cell_type": "code", "id": "code", "metadata": {}, "execution_count": 1,
         "source": code,
         "outputs": [{"output_type": "stream", "name": "stdout", "text": "done\n"}]},
    ]
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_cells_taller_than_a_slide_are_split_into_pieces_that_fit() -> None:
    import nbformat

    from tools import slides

    nb = nbformat.from_dict(_tall_notebook())
    cut = slides.split(nb)
    prose = [c for c in cut.cells if c.get("id", "").startswith("prose")]
    code = [c for c in cut.cells if c.get("id", "").startswith("code")]
    assert len(prose) > 1 and len(code) > 1
    # joined, the pieces are the cells: no paragraph or line lost, none repeated, in order
    assert "\n\n".join(c.source for c in prose) == nb.cells[1].source
    assert "\n".join(c.source for c in code if c.source) == nb.cells[2].source
    assert [o for c in code for o in c.get("outputs", [])] == nb.cells[2].outputs
    assert all(slides.height(c) <= slides.MAX_CELL for c in prose + code)
    # every piece opens a subslide of its own, marked with its number
    types = slides.slide_types(cut)
    for cells in (prose, code):
        for i, cell in enumerate(cells, start=1):
            assert types[cut.cells.index(cell)] == "subslide"
            assert cell.metadata["slideshow"]["data"] == {"continued": str(i)}
    assert slides.split(nb).cells[0] == nb.cells[0]  # a short cell is left as it is


def _section_names(nb: dict) -> list[str]:
    """The ## sections of a lesson as its headings read (without "## "), from the JSON,
    wherever in a markdown cell they are written; the title slide is "title"."""
    found = ["title"]
    for cell in (c for c in nb["cells"] if c["cell_type"] == "markdown" and not _is_nav(c)):
        fence = False
        for line in "".join(cell["source"]).splitlines():
            fence ^= line.strip().startswith("```")
            if not fence and line.startswith("## "):
                found.append(line[3:].strip())
    return found


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_speaker_notes_cover_every_section_once_in_the_lessons_time(lesson: str) -> None:
    from tools import slides

    nb = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text())
    parts = slides.speaker_notes().get(lesson)
    assert parts, f"docs/speaker_notes.toml has no [{lesson}] notes"
    named = [s for p in parts for s in p["sections"]]
    assert sorted(named) == sorted(_section_names(nb)), "each section in exactly one part"
    assert all(str(p["pause"]).strip() for p in parts)
    stated = re.search(r"\*\*Time:\*\* about (\d+) minutes", "".join(nb["cells"][0]["source"]))
    assert stated, f"{lesson}: the first cell states no time"
    assert sum(int(p["minutes"]) for p in parts) == int(stated.group(1))


def test_speaker_notes_refuse_minutes_and_sections_the_lessons_do_not_have(
        tmp_path: Path) -> None:
    from tools import slides

    notes = tmp_path / "notes.toml"
    notes.write_text('[["02_dot_product".part]]\nsections = ["Quiz"]\nminutes = 3\n'
                     'pause = "p"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lives in the lesson, under its heading"):
        slides.speaker_notes(notes)
    notes.write_text('[["02_dot_product".part]]\nsections = ["Quizz"]\npause = "p"\n',
                     encoding="utf-8")
    with pytest.raises(ValueError, match=r"names the sections \['Quizz'\]"):
        slides.speaker_notes(notes)
    # a part's minutes: its sections' as the lesson states them ("Quiz": "*About 3 minutes.*")
    notes.write_text('[["02_dot_product".part]]\nsections = ["title", "Quiz"]\npause = "p"\n',
                     encoding="utf-8")
    nb = json.loads((ROOT / "notebooks" / "02_dot_product.ipynb").read_text(encoding="utf-8"))
    quiz = next("".join(c["source"]) for c in nb["cells"]
                if "".join(c["source"]).startswith("## Quiz"))
    stated = re.search(r"^\*About (\d+) minutes?\.\*$", quiz, re.M)
    assert stated, "lesson 02's quiz states its time under its heading"
    assert slides.speaker_notes(notes)["02_dot_product"][0]["minutes"] == int(stated.group(1))


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_every_subslide_carries_its_sections_speaker_notes(decks: dict, lesson: str) -> None:
    _, html = decks[lesson]
    # one <aside class="notes"> per subslide (every subslide is a depth-1 section)
    asides = re.findall(r'<aside class="notes">(.*?)</aside>', html, re.DOTALL)
    assert len(asides) == _sections(html).get(1)
    assert all("Pause:" in aside and " min)" in aside for aside in asides)


def test_teaching_guide_block_is_generated_from_the_notes(tmp_path: Path) -> None:
    from tools import slides

    assert _main("--notes", "--check").returncode == 0, "run: python -m tools.slides --notes"
    guide = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    block = guide[guide.index(slides.NOTES_BEGIN):guide.index(slides.NOTES_END)]
    for parts in slides.speaker_notes().values():
        for part in parts:
            assert str(part["pause"]) in block and str(part.get("ask", "")) in block
    stale = tmp_path / "teaching.md"
    stale.write_text(guide.replace(str(parts[0]["pause"]), "an edit by hand"), encoding="utf-8")
    assert not slides.write_notes_block(stale, check=True)
    assert slides.write_notes_block(stale) is False  # rewritten…
    assert stale.read_text(encoding="utf-8") == guide  # …back to the generated block
