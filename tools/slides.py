"""Give every cell of every lesson a slide type, and build the reveal.js decks.

Nobody hand-edits ``metadata.slideshow`` in nine notebooks: this tool assigns it from the
notebook's structure, and is safe to re-run after every edit (it only rewrites
``metadata.slideshow.slide_type``). The rules, in order:

1. cells tagged ``nav`` (the previous / contents / next links) → ``skip``;
2. the first remaining cell (the ``# NN · Title`` cell) → ``slide``: the title slide;
3. a markdown cell whose first line is a ``#`` or ``##`` heading → ``slide``;
4. a markdown cell whose first line is a ``###`` heading → ``subslide``;
5. widget cells (an output is a widget view) and "your turn" cells (a line ``answer = ...``)
   get a subslide of their own, shared only with what introduces them, and the cell after
   one starts a new ``subslide``. A widget cell starts a ``subslide`` unless the markdown
   cell right before it already starts one (the heading that introduces it) and both fit
   on the projector together (``BUDGET``; a widget counts ``WIDGET`` px); a quiz (a widget
   whose code is collapsed, and left out of the deck) always gets a subslide; an exercise
   cell stays with its ``### Your turn`` heading (and any set-up code under it) if that
   fits on the slide, else it starts a ``subslide``;
6. a cell, prose or code, that would overflow the projector (the subslide's estimated
   height, :func:`height`, would pass ``BUDGET`` px of the 1280×720 slide) → ``subslide``;
   so does a cell too tall for any slide (``MAX_CELL``), and each of the pieces
   ``--build`` cuts it into (:func:`split`: prose between blocks, code between lines; a
   widget is never cut);
7. a code cell right after prose on the same subslide → ``fragment`` (the explanation
   shows first; the code and its result appear on the next click);
8. everything else → ``-`` (continues the current slide).

Usage::

    python -m tools.slides                       # all notebooks/NN_*.ipynb, in place
    python -m tools.slides notebooks/03_geometry.ipynb
    python -m tools.slides --check               # exit 1 if any slide type is missing/stale
    python -m tools.slides --build _build/slides # write NN_name.slides.html decks there
    python -m tools.slides --build _build/slides --offline   # decks that work offline

``--build`` assigns the slide types on temporary copies (it never writes the lessons) and
runs ``jupyter nbconvert --to slides`` on each. Every step of every deck fits the slide
by construction, checked in Chromium by ``tests/browser/test_deck_walk.py``: the slide is
16:9 (``SLIDE_WIDTH`` × ``SLIDE_HEIGHT``), subslides are cut by the height rule above,
code and outputs wrap instead of running off the right edge, figures and tables are
scaled to the slide, widgets get a projector's type size (``DECK_CSS``), and no slide
scrolls; open a deck in a browser and press ``s``
for the speaker view. The widgets are drawn from their saved state (see
``tools/export_html.py``). By default the decks load reveal.js, jQuery, require.js,
MathJax and the widget manager from a CDN, each pinned to an exact version and carrying its
Subresource Integrity hash (``tools/cdn.py``), so the decks need a network connection;
``--build DIR --offline`` fetches those front-end files once from the npm registry
(cached in ``~/.cache/lessons_lib/npm``) into ``DIR/_static`` so the decks work
from disk without one: MathJax included (every formula renders), and the theme's Google
web-font import removed (the theme's own fallback fonts are used).
"""

from __future__ import annotations

import argparse
import copy
import math
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import nbformat

from tools import answer_key, cdn, export_html
from tools._paths import ROOT, lessons
from tools.learner_work import refuse_uncommitted
from tools.lessons import LESSONS

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ANSWER = re.compile(r"^answer\s*=", re.MULTILINE)  # at column 0, not a keyword argument
#: The slide reveal.js lays out, in CSS pixels, then scales to the screen: a 16:9
#: projector (1280×720 is the common one; at 1920×1080 everything is 1.5× larger).
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
#: The height a subslide may fill, in CSS px of the 1280×720 slide (``SLIDE_HEIGHT`` less
#: a margin for the estimate below, which is rough: the deck walk measures the truth).
BUDGET = 660
PROSE_CHARS, CODE_CHARS = 110, 95  # characters per line of prose / code on the slide
#: px of the slide, fitted (least squares, then rounded up) to the heights of every cell
#: of the nine decks measured in Chromium with the CSS below: a line of prose (20 px text)
#: and the space around a paragraph, list item or table; a line of code or printed output
#: (19 px monospace); a cell's own padding; the headings; a display formula per row; a
#: widget (the tallest, a quiz, is ~600 px; a quiz always has a subslide of its own); a
#: figure (``FIGURE_HEIGHT`` and its padding).
LINE, BLOCK, CODE_LINE = 28, 24, 22
CELL, CODE_CELL = 16, 64
HEADING = {1: 160, 2: 80, 3: 60, 4: 50, 5: 44, 6: 40}
FORMULA_ROW = 50
WIDGET = 520
FIGURE = 410
#: A cell taller than this is split over subslides when the deck is built (``split``): a
#: cell alone on a subslide may use the whole slide but a margin (the estimate erred by at
#: most 14 px low on the measured cells).
MAX_CELL = SLIDE_HEIGHT - 30
MD_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")
TABLE_RULE = re.compile(r"\s*\|[\s:|-]+\|\s*$")


def _tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _heading_level(cell: nbformat.NotebookNode) -> int:
    """1, 2, 3… for a markdown cell whose first non-blank line is a heading, else 0."""
    if cell.cell_type != "markdown":
        return 0
    for line in cell.source.splitlines():
        if line.strip():
            match = re.match(r"(#{1,6})\s", line)
            return len(match.group(1)) if match else 0
    return 0


def is_widget_cell(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and any(
        WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", [])
    )


def is_exercise_cell(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and bool(ANSWER.search(cell.source))


def _wrapped(text: str, chars: int) -> int:
    """Lines ``text`` takes on a slide ``chars`` characters wide."""
    return sum(max(1, math.ceil(len(line) / chars)) for line in text.splitlines())


def _blocks(markdown: str) -> list[str]:
    """The blocks of a markdown cell (paragraphs, lists, tables, formulas, a collapsed
    ``<details>``): the places where it may be split over subslides."""
    blocks: list[str] = []
    current: list[str] = []
    fence = math_ = details = False
    for line in markdown.splitlines():
        if line.strip().startswith("```"):
            fence = not fence
        math_ ^= line.count("$$") % 2 == 1
        details = (details or "<details" in line) and "</details>" not in line
        if not line.strip() and not (fence or math_ or details):
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _block_height(block: str) -> int:
    lines = block.splitlines()
    match = re.match(r"(#{1,6})\s", lines[0])
    total = HEADING[len(match.group(1))] if match else 0
    lines = lines[1:] if match else lines
    if not lines:
        return total
    total += BLOCK
    if lines[0].lstrip().startswith("<details"):
        return total + LINE  # shown collapsed: its summary line
    if lines[0].lstrip().startswith("$$"):  # one row per \\ line break of the formula
        return total + FORMULA_ROW * (1 + "\n".join(lines).count("\\\\"))
    if lines[0].lstrip().startswith("|"):
        return total + LINE * sum(1 for line in lines if not TABLE_RULE.match(line))
    if lines[0].lstrip().startswith("```"):
        return total + CODE_LINE * _wrapped("\n".join(lines[1:-1]), CODE_CHARS)
    items: list[str] = []  # a paragraph is one item; a list, one item per bullet
    for line in lines:
        if MD_ITEM.match(line) or not items:
            items.append(line)
        else:
            items[-1] += " " + line.strip()
    for item in items:
        shown = re.sub(r"\]\([^)]*\)", "]", re.sub(r"\$[^$]*\$", "xxxxx", item))
        total += LINE * max(1, math.ceil(len(shown) / PROSE_CHARS))
    return total + BLOCK // 2 * (len(items) - 1)


def _output_height(out: nbformat.NotebookNode) -> int:
    data = out.get("data", {})
    if WIDGET_VIEW in data:
        return WIDGET
    html = "".join(data.get("text/html", ""))
    if "image/png" in data or "image/svg+xml" in data or "<img" in html or "<svg" in html:
        return FIGURE
    if "<table" in html:
        return LINE * html.count("<tr")
    if html:
        return CODE_LINE * _wrapped(re.sub(r"<[^>]+>", "", html).strip(), CODE_CHARS)
    if "text/plain" in data:
        return CODE_LINE * _wrapped("".join(data["text/plain"]), CODE_CHARS)
    if out.get("output_type") == "stream":
        return CODE_LINE * _wrapped("".join(out.get("text", "")), CODE_CHARS)
    if out.get("output_type") == "error":
        return CODE_LINE * 6
    return 0


def height(cell: nbformat.NotebookNode) -> int:
    """A rough height of the cell on a slide, in CSS px of the 1280×720 slide."""
    if cell.cell_type != "code":
        return CELL + sum(_block_height(b) for b in _blocks(cell.source))
    total = CODE_CELL
    if not export_html.is_collapsed(cell):
        total += CODE_LINE * _wrapped(cell.source, CODE_CHARS)
    return total + sum(_output_height(out) for out in cell.get("outputs", []))


def _continued(cell: nbformat.NotebookNode, source: str, part: int,
               mark: bool) -> nbformat.NotebookNode:
    piece = copy.deepcopy(cell)
    piece.source = source
    if "id" in piece:
        piece.id = f"{cell.id}-{part}"
    if mark:  # the piece starts a subslide, which the deck marks: <section data-continued="2">
        piece.metadata.setdefault("slideshow", {})["data"] = {"continued": str(part + 1)}
    return piece


def _continues(cell: nbformat.NotebookNode) -> bool:
    """A piece of a cell that :func:`split` cut, after the first."""
    return bool(cell.get("metadata", {}).get("slideshow", {}).get("data", {}).get("continued"))


def _pieces(parts: list[str], heights: list[int], room: int,
            cut_before: re.Pattern[str] | None = None) -> list[list[str]]:
    """Group ``parts`` in order, greedily, so each group's height is at most ``room`` (a
    part taller than ``room`` on its own stays whole); a part matching ``cut_before``
    always starts a group."""
    groups: list[list[str]] = [[]]
    used = 0
    for part, tall in zip(parts, heights, strict=True):
        heading = cut_before is not None and cut_before.match(part) is not None
        if groups[-1] and (used + tall > room or heading):
            groups.append([])
            used = 0
        groups[-1].append(part)
        used += tall
    return groups


HEADING_BLOCK = re.compile(r"#{1,3}\s")


def split(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` in which every heading starts a cell of its own (a ``##`` or ``###``
    written in the middle of a prose cell still gets its slide or subslide), and every cell
    taller than a slide (``MAX_CELL``) is cut into pieces that fit, each starting a
    subslide.

    Prose is cut before each heading and between blocks (paragraphs, lists, tables,
    formulas), code between lines; a code cell's outputs stay under its last lines, or get
    a piece of their own (input hidden) if they do not fit there; a widget is never cut.
    Joined, the pieces are the cell. The lessons are never written: ``build`` splits its
    temporary copies.
    """
    out = copy.deepcopy(nb)
    out.cells = [piece for _, piece in _split_cells(out)]
    return out


def _split_cells(nb: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    """:func:`split`'s pieces, each with the index of the cell it comes from."""
    cells: list[tuple[int, nbformat.NotebookNode]] = []
    for index, cell in enumerate(nb.cells):
        tall = height(cell) > MAX_CELL
        found: list[nbformat.NotebookNode] = []
        if "nav" in _tags(cell) or is_widget_cell(cell):
            found.append(cell)
        elif cell.cell_type == "markdown":
            blocks = _blocks(cell.source)
            room = MAX_CELL - CELL if tall else sum(map(_block_height, blocks))
            groups = _pieces(blocks, [_block_height(b) for b in blocks], room, HEADING_BLOCK)
            found += [cell] if len(groups) == 1 else [
                _continued(cell, "\n\n".join(g), i, mark=tall and not HEADING_BLOCK.match(g[0]))
                for i, g in enumerate(groups)]
        elif tall:
            lines = cell.source.splitlines()
            groups = _pieces(lines, [CODE_LINE * _wrapped(line or " ", CODE_CHARS)
                                     for line in lines], MAX_CELL - CODE_CELL)
            pieces = [_continued(cell, "\n".join(g), i, mark=True)
                      for i, g in enumerate(groups)]
            for piece in pieces[:-1]:
                piece.outputs = []
            if height(pieces[-1]) > MAX_CELL and lines:  # outputs: a subslide of their own
                pieces[-1].outputs = []
                shown = _continued(cell, "", len(pieces), mark=True)
                shown.metadata.setdefault("jupyter", {})["source_hidden"] = True
                pieces.append(shown)
            found += pieces
        else:
            found.append(cell)
        cells += [(index, piece) for piece in found]
    return cells


def slide_types(nb: nbformat.NotebookNode) -> list[str]:
    """The slide type of every cell of ``nb``, by the rules in the module docstring: the
    type of the cell's first piece in the deck (:func:`split`)."""
    pieces = _split_cells(nb)
    types: dict[int, str] = {}
    for (index, _), kind in zip(pieces, _types([p for _, p in pieces]), strict=True):
        types.setdefault(index, kind)
    return [types[i] for i in range(len(nb.cells))]


def _types(cells: list[nbformat.NotebookNode]) -> list[str]:
    """The rules, applied to the cells as the deck shows them (already split)."""
    types: list[str] = []
    first = True
    used = 0  # lines on the current subslide
    force_next = False  # the previous cell was a widget/exercise: start a new subslide
    prev_kind = ""  # "markdown"/"code" of the previous visible cell on this subslide
    prev_starts = False  # the previous visible cell started a (sub)slide
    heading_above = False  # the current subslide opened with a heading
    for cell in cells:
        if "nav" in _tags(cell):
            types.append("skip")
            continue
        level = _heading_level(cell)
        widget, exercise = is_widget_cell(cell), is_exercise_cell(cell)
        if first or level in (1, 2):
            kind = "slide"
        elif level == 3 or force_next or _continues(cell) or height(cell) > MAX_CELL:
            kind = "subslide"
        elif widget and not (prev_starts and prev_kind == "markdown"
                             and not export_html.is_collapsed(cell)
                             and used + height(cell) <= BUDGET):
            kind = "subslide"  # a widget shares a slide only with a short introduction
        elif exercise and (not heading_above or used + height(cell) > BUDGET):
            kind = "subslide"
        elif used and used + height(cell) > BUDGET:
            kind = "subslide"  # prose or code that would run off the bottom
        elif cell.cell_type == "code" and prev_kind == "markdown":
            kind = "fragment"
        else:
            kind = "-"
        starts = kind in ("slide", "subslide")
        used = height(cell) if starts else used + height(cell)
        if starts:
            heading_above = level > 0
        force_next = widget or exercise
        prev_kind = cell.cell_type
        prev_starts = starts
        first = False
        types.append(kind)
    return types


def assign(nb: nbformat.NotebookNode) -> bool:
    """Write the slide types into ``nb``; return whether anything changed."""
    changed = False
    for cell, kind in zip(nb.cells, slide_types(nb), strict=True):
        if cell.metadata.get("slideshow", {}).get("slide_type") != kind:
            cell.metadata.setdefault("slideshow", {})["slide_type"] = kind
            changed = True
    return changed


def stale(path: Path) -> list[str]:
    """Cells of ``path`` whose slide type is missing or not what the rules give."""
    nb = nbformat.read(path, as_version=4)
    problems = []
    for i, (cell, kind) in enumerate(zip(nb.cells, slide_types(nb), strict=True)):
        have = cell.metadata.get("slideshow", {}).get("slide_type")
        if have != kind:
            problems.append(f"{path.name} cell {i}: slide_type {have!r}, expected {kind!r}")
    return problems


#: The teacher's notes for every part of every lesson: the one source of the decks'
#: speaker view (``s``) and of the generated block in docs/teaching.md.
NOTES = ROOT / "docs" / "speaker_notes.toml"
TEACHING = ROOT / "docs" / "teaching.md"
NOTES_BEGIN = ("<!-- speaker-notes: begin. Generated from docs/speaker_notes.toml and the "
               "lessons' section times by `python -m tools.slides --notes`; edit those, not "
               "this block -->")
NOTES_END = "<!-- speaker-notes: end -->"
TITLE = "title"  # the key of a lesson's title slide in NOTES


def speaker_notes(path: Path = NOTES) -> dict[str, list[dict[str, object]]]:
    """``{lesson stem: [part, ...]}`` from ``docs/speaker_notes.toml``; a part covers the
    ``##`` sections it names (``sections``, their headings without ``## ``, or ``title``)
    and has ``pause`` (what to do or stop at), and optionally ``ask`` (a question for the
    room) and ``expect`` (the answer to listen for). Each part gets ``minutes`` here: the
    sum of its sections' times as the lesson states them under their headings
    (:attr:`tools.lessons.Lesson.section_minutes`; the title slide adds none).

    Raises ValueError when the file still gives a part its minutes (their home is the
    lesson), or names a lesson or a section that does not exist.
    """
    with path.open("rb") as f:
        data = tomllib.load(f)
    lessons_by_stem = {x.stem: x for x in LESSONS}
    out: dict[str, list[dict[str, object]]] = {}
    for stem, entry in data.items():
        if stem not in lessons_by_stem:
            raise ValueError(f"{path.name} has notes for [{stem}], which is no lesson: the "
                             f"lessons are {sorted(lessons_by_stem)}")
        times = lessons_by_stem[stem].section_minutes
        out[stem] = []
        for part in entry["part"]:
            if "minutes" in part:
                raise ValueError(f"{path.name}: [{stem}] part {part['sections']} gives "
                                 "minutes; a section's time lives in the lesson, under its "
                                 "heading: remove the line")
            unknown = [s for s in part["sections"] if s != TITLE and s not in times]
            if unknown:
                raise ValueError(f"{path.name}: [{stem}] names the sections {unknown}, which "
                                 f"{stem}.ipynb does not have: its sections are {list(times)}")
            minutes = sum(times.get(s, 0) for s in part["sections"])
            out[stem].append({**part, "minutes": minutes})
    return out


def _section(cell: nbformat.NotebookNode) -> str:
    return cell.source.strip().splitlines()[0].lstrip("#").strip()


def _names(part: dict[str, object]) -> str:
    return " · ".join("Title slide" if s == TITLE else str(s)
                      for s in part["sections"])  # type: ignore[attr-defined]


def _note_markdown(part: dict[str, object], total: int) -> str:
    lines = [f"**{_names(part)}** ({part['minutes']} of {total} min)", "",
             f"**Pause:** {part['pause']}"]
    if part.get("ask"):
        lines += ["", f"**Ask the room:** {part['ask']}"]
    if part.get("expect"):
        lines += ["", f"**Expect:** {part['expect']}"]
    return "\n".join(lines)


def add_notes(nb: nbformat.NotebookNode, parts: list[dict[str, object]], name: str) -> None:
    """Insert a speaker-notes cell (slide type ``notes``: the speaker view shows it, the
    slide does not) after the first cell of every slide and subslide of ``nb`` (slide
    types assigned), holding the notes of the part its ``##`` section belongs to."""
    by_section = {str(s): p for p in parts for s in p["sections"]}  # type: ignore[attr-defined]
    total = sum(int(p["minutes"]) for p in parts)  # type: ignore[call-overload]
    cells: list[nbformat.NotebookNode] = []
    section, title_seen = TITLE, False
    for cell in nb.cells:
        cells.append(cell)
        kind = cell.metadata.get("slideshow", {}).get("slide_type")
        if kind == "slide" and title_seen and _heading_level(cell) in (1, 2):
            section = _section(cell)
        title_seen = title_seen or kind == "slide"
        if kind not in ("slide", "subslide"):
            continue
        if section not in by_section:
            raise RuntimeError(f"{name}: no speaker notes for the section {section!r}: add it "
                               f"to a part of [{name}] in {NOTES.relative_to(ROOT)}")
        note = nbformat.v4.new_markdown_cell(_note_markdown(by_section[section], total))
        note.metadata["slideshow"] = {"slide_type": "notes"}
        cells.append(note)
    nb.cells = cells


def notes_block(notes: dict[str, list[dict[str, object]]]) -> str:
    """The block of docs/teaching.md generated from the speaker notes, markers included."""
    out = [NOTES_BEGIN, "", "## Slide by slide: the speaker notes", "",
           "The same notes are in each deck's speaker view (press **s**), on every slide of "
           "the part they belong to.", ""]
    for lesson, parts in notes.items():
        out += [f"### {lesson[:2]} · slide by slide", ""]
        for part in parts:
            line = f"* **{_names(part)}** ({part['minutes']} min). {part['pause']}"
            if part.get("ask"):
                line += f" Ask: {part['ask']}"
            if part.get("expect"):
                line += f" Expect: {part['expect']}"
            out.append(line)
        out.append("")
    return "\n".join([*out, NOTES_END])


def write_notes_block(teaching: Path = TEACHING, check: bool = False) -> bool:
    """Regenerate (or with ``check`` only compare) the block in ``teaching``; return
    whether it was already up to date. A guide without the markers gets the block before
    its closing section."""
    text = teaching.read_text(encoding="utf-8")
    block = notes_block(speaker_notes())
    opening = NOTES_BEGIN.split(".")[0]  # the marker's wording may change; its start does not
    if opening in text and NOTES_END in text:
        start, end = text.index(opening), text.index(NOTES_END) + len(NOTES_END)
        new = text[:start] + block + text[end:]
    else:
        anchor = "## Closing the series"
        at = text.index(anchor) if anchor in text else len(text)
        new = text[:at] + block + "\n\n" + text[at:]
    if not check and new != text:
        teaching.write_text(new, encoding="utf-8")
    return new == text


REVEAL = ("reveal.js", "4.0.2")  # the version nbconvert's reveal template is written for
THEME = "simple"  # nbconvert's default reveal theme
#: The tallest a figure may be on a slide (px of the 1280×720 slide); it keeps its shape.
FIGURE_HEIGHT = 400
#: The smallest text on a slide, in CSS px of the slide: 15 px on the 1280×720 slide is
#: 14.4 px on a 1280×720 projector (reveal scales the slide by 0.96 to leave its margin).
MIN_TEXT = 15
#: Everything fits the slide by construction: code and outputs wrap instead of running off
#: the right edge (no prompts: their 110 px go to the code), figures and tables are scaled
#: to the slide, the widgets get a projector's type size (their em-based sliders and
#: labels were sized from reveal's 40 px text, which pushed the knobs and the value
#: labels off the slide) and their smallest labels are raised to ``MIN_TEXT`` (a drawing
#: given as an HTML string with a viewBox, the neuron's sigmoid, is scaled up whole).
DECK_CSS = f"""<style>
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt {{ display: none; }}
.reveal .jp-CodeMirrorEditor, .reveal .jp-InputArea-editor,
.reveal .jp-OutputArea-output {{ overflow: visible; }}
.reveal div.highlight > pre, .reveal .jp-OutputArea-output pre {{
  white-space: pre-wrap; overflow-wrap: anywhere; width: auto; max-width: 100%;
  box-sizing: border-box; overflow: visible; }}
.reveal .jp-OutputArea-output img, .reveal .jp-RenderedMarkdown img {{
  max-width: 100%; max-height: {FIGURE_HEIGHT}px; width: auto; height: auto;
  object-fit: contain; }}
.reveal .jp-RenderedHTMLCommon table {{ max-width: 100%; font-size: 17px; }}
.reveal .widget-subarea {{ font-size: 17px; --jp-widgets-font-size: 17px;
  --jp-ui-font-size1: 17px; --jp-code-font-size: {MIN_TEXT + 1}px; }}
.reveal .widget-subarea .widget-html-content,
.reveal .widget-subarea .widget-radio-box label,
.reveal .widget-subarea .widget-text input,
.reveal .widget-subarea .widget-label,
.reveal .widget-subarea .widget-readout,
.reveal .widget-subarea button {{ font-size: 17px; line-height: 1.3; }}
.reveal .widget-subarea .widget-toggle-button {{ width: auto; padding: 0 0.8em; }}
.reveal .widget-subarea .widget-dropdown, .reveal .widget-subarea .widget-dropdown > select {{
  height: auto; min-height: var(--jp-widgets-inline-height); }}
.reveal .widget-subarea pre {{ font-size: {MIN_TEXT + 1}px; }}
.reveal .widget-subarea h3 {{ font-size: 22px; margin: 0 0 0.4em 0; }}
.reveal .vp-tick, .reveal .vp-axis-label, .reveal .ae-tick,
.reveal .ae-arrow .ae-label {{ font-size: {MIN_TEXT + 1}px; }}
.reveal .widget-html-content > svg[viewBox] {{ width: 420px; height: auto; }}
.reveal .vp-working, .reveal .vp-hint, .reveal .vp-options,
.reveal .ae-hint {{ font-size: {MIN_TEXT}px; }}
</style>
"""
JQUERY = ("jquery", "3.7.1", "package/dist/jquery.min.js")


def offline_assets(out: Path) -> dict[str, str]:
    """Fetch reveal.js, jQuery, require.js and the widget front end into ``out/_static``
    once (npm registry, cached like ``tools/export_html.py --offline``); return the
    page-relative URLs."""
    cache = export_html.cache_dir()
    urls = export_html.write_static(out, cache)
    reveal = out / export_html.STATIC / "reveal.js"
    export_html.npm_tree(*REVEAL, ("package/dist/", "package/plugin/notes/"), reveal, cache)
    # the theme's web fonts come from Google's CDN; offline, its own fallbacks are used
    theme = reveal / "dist" / "theme" / f"{THEME}.css"
    css = theme.read_text(encoding="utf-8")
    theme.write_text(re.sub(r"@import url\((?:'|\")?https?://[^)]*\);?\n?", "", css),
                     encoding="utf-8")
    (out / export_html.STATIC / "jquery.min.js").write_bytes(export_html.npm_file(*JQUERY, cache))
    return urls | {"reveal": f"{export_html.STATIC}/reveal.js",
                   "jquery": f"{export_html.STATIC}/jquery.min.js"}


MERMAID_IMPORT = re.compile(r"<script type=\"module\">\s*import mermaid from '[^']*';"
                            r"\s*mermaid\.initialize\([^)]*\);\s*</script>\s*")


def _without_mermaid(html: str, lesson: Path) -> str:
    """Drop the reveal template's mermaid import (a CDN module) from an offline deck.

    The lessons draw no mermaid diagrams; a lesson that starts to is refused here rather
    than shipped with a diagram that cannot render offline.
    """
    if "```mermaid" in lesson.read_text(encoding="utf-8"):
        raise RuntimeError(f"{lesson.name} has a mermaid diagram: --offline does not ship "
                           "mermaid; vendor it in tools/slides.py or draw the figure")
    without, count = MERMAID_IMPORT.subn("", html)
    if count != 1:
        raise RuntimeError("nbconvert's reveal template no longer imports mermaid where "
                           "tools/slides.py expects it: update MERMAID_IMPORT")
    return without


def build(paths: list[Path], out: Path, offline: bool = False,
          with_answers: bool = False) -> list[Path]:
    """Write ``NN_name.slides.html`` for each notebook into ``out``; return the decks.

    The cells that give answers away (:func:`tools.answer_key.answer_cells`: solution
    blocks, model solutions, the Appendix) are left out unless ``with_answers``.

    With ``offline``, reveal.js, jQuery, require.js and the widget front end are written
    to ``out/_static`` and the decks load them from there (MathJax too).
    """
    out.mkdir(parents=True, exist_ok=True)
    decks = []
    urls = offline_assets(out) if offline else {}
    # a 16:9 slide; no scrolling: a slide that does not fit is a bug the deck walk reports
    options = [f"--SlidesExporter.reveal_width={SLIDE_WIDTH}",
               f"--SlidesExporter.reveal_height={SLIDE_HEIGHT}",
               # collapsed sources (the quizzes' code holds the answers) stay hidden
               "--TagRemovePreprocessor.enabled=True",
               f"--TagRemovePreprocessor.remove_input_tags={export_html.HIDE_INPUT}"]
    if not offline:  # pinned CDN files, each with its SRI hash (tools/cdn.py)
        options += [f"--SlidesExporter.reveal_url_prefix={cdn.REVEAL_PREFIX}",
                    *(f"--HTMLExporter.{trait}={url}" for trait, url in cdn.EXPORTER_URLS.items())]
    if offline:
        options += [
            f"--SlidesExporter.reveal_url_prefix={urls['reveal']}",
            f"--HTMLExporter.require_js_url={urls['require']}",
            f"--HTMLExporter.jquery_url={urls['jquery']}",
            f"--HTMLExporter.widget_renderer_url={urls['renderer']}",
            f"--HTMLExporter.mathjax_url={urls['mathjax']}",
        ]
    notes = speaker_notes()
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for path in paths:
            copy = Path(tmp) / path.name
            nb = split(nbformat.read(path, as_version=4))
            assign(nb)
            if path.stem not in notes:
                raise RuntimeError(f"{path.name} has no speaker notes: add a [{path.stem}] "
                                   f"table to {NOTES.relative_to(ROOT)}")
            add_notes(nb, notes[path.stem], path.stem)
            export_html.hide_collapsed_inputs(nb)
            if not with_answers:
                answer_key.without_answers(nb)
            nbformat.write(nb, copy)
            copies.append(copy)
        if copies:  # one nbconvert process for every deck: its start-up is most of the cost
            subprocess.run(
                [sys.executable, "-m", "nbconvert", "--to", "slides", "--log-level=ERROR",
                 *options, "--output-dir", str(out), *map(str, copies)],
                check=True,
            )
        for path in paths:
            deck = out / f"{path.stem}.slides.html"
            html = export_html.rewrite_links(deck.read_text(encoding="utf-8"), out, ".slides.html")
            html = html.replace("</head>", f"{DECK_CSS}</head>", 1)
            if offline:  # anywidget's front end, defined before the widget manager asks
                tag = f'<script src="{urls["require"]}"></script>'
                if tag not in html:
                    raise RuntimeError("nbconvert's reveal template no longer loads require.js "
                                       "where tools/slides.py expects it: update the rewrite")
                html = html.replace(tag, f'{tag}\n<script src="{urls["anywidget"]}"></script>', 1)
                html = _without_mermaid(html, path)
            else:
                html = cdn.add_integrity(html)
            deck.write_text(html, encoding="utf-8")
            decks.append(deck)
    # the lessons link to each other and to pictures next to them; keep those links working
    for extra in paths[0].parent.glob("*.png") if paths else []:
        shutil.copy2(extra, out / extra.name)
    return decks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all lessons)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="exit 1 if any cell is stale")
    group.add_argument("--build", type=Path, metavar="DIR", help="write the decks into DIR")
    parser.add_argument("--notes", action="store_true",
                        help="regenerate the speaker-notes block of docs/teaching.md from "
                             "docs/speaker_notes.toml and the lessons' section times (with "
                             "--check: only check it)")
    parser.add_argument("--force", action="store_true",
                        help="also rewrite notebooks holding work git has not committed")
    parser.add_argument("--offline", action="store_true",
                        help="with --build: ship reveal.js and the widget front end in DIR")
    parser.add_argument("--with-answers", action="store_true",
                        help="with --build: keep the solutions and the Appendix (left out "
                             "by default: the decks are projected)")
    args = parser.parse_args(argv)
    if args.offline and not args.build:
        parser.error("--offline goes with --build DIR")
    if args.notes:
        fresh = write_notes_block(check=args.check)
        if args.check and not fresh:
            print("docs/teaching.md's speaker-notes block is stale: run python -m tools.slides "
                  "--notes")
        elif not fresh:
            print("docs/teaching.md: speaker-notes block updated")
        return 1 if args.check and not fresh else 0
    paths = [p.resolve() for p in args.paths] or lessons()
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    if args.check:
        problems = [p for path in paths for p in stale(path)]
        for problem in problems:
            print(problem)
        if problems:
            print("run: python -m tools.slides " + " ".join(str(a) for a in args.paths))
        return 1 if problems else 0
    if args.build:
        for deck in build(paths, args.build, offline=args.offline,
                          with_answers=args.with_answers):
            print(f"wrote {deck}")
        return 0
    writes = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if assign(nb):
            writes.append((path, nb))
    code = refuse_uncommitted([p for p, _ in writes], force=args.force, tool="tools.slides")
    if code:
        return code
    for path, nb in writes:
        nbformat.write(nb, path)
        print(f"slide types updated: {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
