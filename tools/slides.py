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
   on the projector together (``BUDGET``; a widget counts 16 lines); a quiz (a widget
   whose code is collapsed, and left out of the deck) always gets a subslide; an exercise
   cell stays with its ``### Your turn`` heading (and any set-up code under it) if that
   fits on the slide, else it starts a ``subslide``;
6. a markdown cell that would overflow the projector (more than about ``BUDGET`` lines
   on the current subslide) → ``subslide``;
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
runs ``jupyter nbconvert --to slides`` on each; open a deck in a browser and press ``s``
for the speaker view. The widgets are drawn from their saved state (see
``tools/export_html.py``). By default nbconvert's template loads reveal.js, jQuery,
require.js, MathJax and the widget manager from public CDNs, so the decks need a network
connection; ``--build DIR --offline`` fetches those front-end files once from the npm
registry (cached in ``~/.cache/lessons_lib/npm``) into ``DIR/_static`` so the decks work
from disk without one: MathJax included (every formula renders), and the theme's Google
web-font import removed (the theme's own fallback fonts are used).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from tools import export_html
from tools._paths import lessons
from tools.learner_work import refuse_uncommitted

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ANSWER = re.compile(r"^answer\s*=", re.MULTILINE)  # at column 0, not a keyword argument
BUDGET = 24  # lines of a 1280×720 projector slide at reveal.js' default scale
WRAP = 90  # characters per line on a slide



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


def _lines(text: str) -> int:
    return sum(max(1, math.ceil(len(line) / WRAP)) for line in text.splitlines())


def height(cell: nbformat.NotebookNode) -> int:
    """A rough height of the cell on a slide, in lines of text."""
    if cell.cell_type != "code":
        return _lines(cell.source) + 1
    total = 0 if export_html.is_collapsed(cell) else _lines(cell.source) + 1
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if WIDGET_VIEW in data:
            total += 16
        elif "image/png" in data or "image/svg+xml" in data:
            total += 14
        elif "text/html" in data:
            total += min(12, _lines("".join(data["text/html"])))
        elif "text/plain" in data:
            total += min(12, _lines("".join(data["text/plain"])))
        elif out.get("output_type") == "stream":
            total += min(12, _lines("".join(out.get("text", ""))))
        elif out.get("output_type") == "error":
            total += 6
    return total


def slide_types(nb: nbformat.NotebookNode) -> list[str]:
    """The slide type of every cell of ``nb``, by the rules in the module docstring."""
    types: list[str] = []
    first = True
    used = 0  # lines on the current subslide
    force_next = False  # the previous cell was a widget/exercise: start a new subslide
    prev_kind = ""  # "markdown"/"code" of the previous visible cell on this subslide
    prev_starts = False  # the previous visible cell started a (sub)slide
    heading_above = False  # the current subslide opened with a heading
    for cell in nb.cells:
        if "nav" in _tags(cell):
            types.append("skip")
            continue
        level = _heading_level(cell)
        widget, exercise = is_widget_cell(cell), is_exercise_cell(cell)
        if first or level in (1, 2):
            kind = "slide"
        elif level == 3 or force_next:
            kind = "subslide"
        elif widget and not (prev_starts and prev_kind == "markdown"
                             and not export_html.is_collapsed(cell)
                             and used + height(cell) <= BUDGET):
            kind = "subslide"  # a widget shares a slide only with a short introduction
        elif exercise and (not heading_above or used + height(cell) > BUDGET):
            kind = "subslide"
        elif cell.cell_type == "markdown" and used and used + height(cell) > BUDGET:
            kind = "subslide"
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


REVEAL = ("reveal.js", "4.0.2")  # the version nbconvert's reveal template is written for
THEME = "simple"  # nbconvert's default reveal theme
#: The ipywidgets controls (the quizzes) take reveal's 40px-based type otherwise: give them
#: JupyterLab's size so a five-question quiz fits a 1280×720 slide.
DECK_CSS = """<style>
.reveal .widget-subarea .widget-html-content,
.reveal .widget-subarea .widget-radio-box label,
.reveal .widget-subarea .widget-text input,
.reveal .widget-subarea button { font-size: 17px; line-height: 1.3; }
.reveal .widget-subarea h3 { font-size: 22px; margin: 0 0 0.4em 0; }
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


def build(paths: list[Path], out: Path, offline: bool = False) -> list[Path]:
    """Write ``NN_name.slides.html`` for each notebook into ``out``; return the decks.

    With ``offline``, reveal.js, jQuery, require.js and the widget front end are written
    to ``out/_static`` and the decks load them from there (MathJax too).
    """
    out.mkdir(parents=True, exist_ok=True)
    decks = []
    urls = offline_assets(out) if offline else {}
    # slides taller than the projector (a widget under its prompt) scroll instead of clipping
    options = ["--SlidesExporter.reveal_scroll=True",
               # collapsed sources (the quizzes' code holds the answers) stay hidden
               "--TagRemovePreprocessor.enabled=True",
               f"--TagRemovePreprocessor.remove_input_tags={export_html.HIDE_INPUT}"]
    if offline:
        options += [
            f"--SlidesExporter.reveal_url_prefix={urls['reveal']}",
            f"--HTMLExporter.require_js_url={urls['require']}",
            f"--HTMLExporter.jquery_url={urls['jquery']}",
            f"--HTMLExporter.widget_renderer_url={urls['renderer']}",
            f"--HTMLExporter.mathjax_url={urls['mathjax']}",
        ]
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for path in paths:
            copy = Path(tmp) / path.name
            nb = nbformat.read(path, as_version=4)
            assign(nb)
            export_html.hide_collapsed_inputs(nb)
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
    parser.add_argument("--force", action="store_true",
                        help="also rewrite notebooks holding work git has not committed")
    parser.add_argument("--offline", action="store_true",
                        help="with --build: ship reveal.js and the widget front end in DIR")
    args = parser.parse_args(argv)
    if args.offline and not args.build:
        parser.error("--offline goes with --build DIR")
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
        for deck in build(paths, args.build, offline=args.offline):
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
