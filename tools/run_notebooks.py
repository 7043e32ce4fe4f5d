"""Restart-and-run-all every lesson and save it with fresh outputs.

Usage::

    python tools/run_notebooks.py                 # all notebooks/*.ipynb
    python tools/run_notebooks.py notebooks/02_dot_product.ipynb

Each notebook runs in a new ``python3`` kernel with ``notebooks/`` as the
working directory (as JupyterLab does), widget state is stored in
``metadata.widgets`` so GitHub and static HTML can show the widgets, and the
navigation cells are regenerated first (``tools/nav.py``). Run it after every
edit to a notebook; nbval then compares against what this stored. Slide types
(``tools/slides.py``) are assigned on the way out, so decks never go stale.
"""

from __future__ import annotations

import re
import site
import sys
import sysconfig
from pathlib import Path

import nav
import nbformat
import slides
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _strip_paths(text: str) -> str:
    """Make tracebacks machine-independent: no absolute paths in stored outputs."""
    prefixes = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"],
                *site.getsitepackages()}
    for prefix in sorted(prefixes, key=len, reverse=True):
        text = text.replace(prefix + "/", "")
    text = text.replace(str(ROOT) + "/", "")
    return re.sub(r"/(?:[\w.+-]+/)+(?=[\w.+-]+\.py)", "", text)


def _sanitise_errors(nb: nbformat.NotebookNode) -> None:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                out["traceback"] = [_strip_paths(line) for line in out["traceback"]]


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # old timing stamps
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        record_timing=False,  # no timestamps in stored notebooks
    )
    client.execute()
    _sanitise_errors(nb)
    slides.assign(nb)  # slide types follow the cells (tools/slides.py)
    # Keep only what is stable; Python's micro version would churn every diff.
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    nbformat.write(nb, path)
    print(f"ran {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    paths = [Path(p).resolve() for p in argv] or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    nav.main([str(p) for p in paths])
    for path in paths:
        run(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
