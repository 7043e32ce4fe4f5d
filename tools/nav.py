"""Write the "< previous | contents | next >" cells of every lesson.

Re-runnable: a navigation cell is recognised by its ``nav`` tag and rewritten in
place, never duplicated. Each lesson gets one at the top (below the title cell)
and one at the very end. The lesson list comes from the file names
(``NN_name.ipynb``) and each lesson's first heading.

Usage::

    python -m tools.nav                # rewrite the nav cells in notebooks/*.ipynb
    python -m tools.nav notebooks/03_geometry.ipynb   # only these files
    python -m tools.nav --check        # exit 1 if any nav cell is missing or stale
    python -m tools.nav --force        # also rewrite notebooks holding uncommitted work
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from tools._paths import NOTEBOOKS, lessons
from tools.learner_work import refuse_uncommitted

TAG = "nav"
CONTENTS = "00_start_here.ipynb"



def title(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def nav_text(paths: list[Path], i: int) -> str:
    parts = []
    if i > 0:
        parts.append(f"[< {title(paths[i - 1])}]({paths[i - 1].name})")
    if paths[i].name != CONTENTS and (NOTEBOOKS / CONTENTS).exists():
        parts.append(f"[Contents]({CONTENTS})")
    if i + 1 < len(paths):
        parts.append(f"[{title(paths[i + 1])} >]({paths[i + 1].name})")
    return " | ".join(parts)


def _nav_cell(text: str, where: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text, id=f"nav-{where}")
    cell.metadata["tags"] = [TAG]
    cell.metadata["slideshow"] = {"slide_type": "skip"}  # links are not slides
    return cell


def updated(nb: nbformat.NotebookNode, text: str) -> nbformat.NotebookNode:
    body = [c for c in nb.cells if TAG not in c.get("metadata", {}).get("tags", [])]
    top, bottom = _nav_cell(text, "top"), _nav_cell(text, "bottom")
    title_at = 1 if body and body[0].cell_type == "markdown" else 0
    nb.cells = [*body[:title_at], top, *body[title_at:], bottom]
    return nb


def main(argv: list[str]) -> int:
    check = "--check" in argv
    only = {Path(a).resolve() for a in argv if not a.startswith("--")}
    paths = lessons()
    stale, writes = [], []
    for i, path in enumerate(paths):
        if only and path.resolve() not in only:
            continue
        nb = nbformat.read(path, as_version=4)
        before = [(c.cell_type, c.source) for c in nb.cells]
        new = updated(nb, nav_text(paths, i))
        after = [(c.cell_type, c.source) for c in new.cells]
        if before != after:
            stale.append(path.name)
            writes.append((path, new))
    if not check:
        code = refuse_uncommitted([p for p, _ in writes], force="--force" in argv,
                                  tool="tools.nav")
        if code:
            return code
        for path, new in writes:
            nbformat.write(new, path)
            print(f"navigation cells updated: {path.name}")
    if check and stale:
        print("navigation cells missing or stale in: " + ", ".join(stale))
        print("fix: python -m tools.nav")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
