"""Restart-and-run-all every lesson and save it with fresh outputs.

Usage::

    python -m tools.run_notebooks                 # all notebooks/*.ipynb
    python -m tools.run_notebooks notebooks/02_dot_product.ipynb
    python -m tools.run_notebooks --force notebooks/02_dot_product.ipynb  # after editing it

A notebook with changes git does not have committed (or not tracked) is refused unless
``--force`` (``tools/learner_work.py``): a learner's own outputs are never overwritten.

Each notebook runs in a new ``python3`` kernel with ``notebooks/`` as the
working directory (as JupyterLab does), widget state is stored in
``metadata.widgets`` so GitHub and static HTML can show the widgets, and the
navigation cells are regenerated first (``tools/nav.py``). Run it after every
edit to a notebook; nbval then compares against what this stored. Slide types
(``tools/slides.py``) are assigned on the way out, so decks never go stale.
"""

from __future__ import annotations

import json
import re
import site
import sys
import sysconfig
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tools import nav, slides
from tools._paths import ROOT, lessons
from tools.learner_work import refuse_uncommitted

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


#: Namespace of the stable widget model ids (any fixed UUID would do).
_ID_NAMESPACE = uuid.UUID("6f1c2b0e-4a57-4d0a-9a51-0d5e2c7f3b11")
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_VARYING = "nbval-ignore-output"


def stable_widget_ids(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Replace the kernel's random widget model ids by ids derived from the lesson.

    ipywidgets names every model with a random UUID, so each run would rewrite
    thousands of lines of ``metadata.widgets``. The n-th model (in the order the
    kernel created them, which is deterministic for a deterministic notebook)
    becomes ``uuid5(namespace, "<stem>:<n>")``. Every occurrence is replaced:
    the state keys, ``IPY_MODEL_<id>`` references between models and the
    ``model_id`` of each displayed view.
    """
    state = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {}).get("state", {})
    if not state:
        return nb
    order = list(state)  # creation order (nbclient fills a dict as comms open)
    mapping = {old: uuid.uuid5(_ID_NAMESPACE, f"{stem}:{n}").hex for n, old in enumerate(order)}
    text = json.dumps(nb)
    # The ids are 32 random hex digits, so a plain textual replacement is exact.
    text = re.sub(r"[0-9a-f]{32}", lambda m: mapping.get(m.group(0), m.group(0)), text)
    return nbformat.from_dict(json.loads(text))


def _coalesce_streams(nb: nbformat.NotebookNode) -> None:
    """Join consecutive stdout (or stderr) outputs of a cell into one.

    How a cell's printed lines are split into messages depends on when the kernel
    flushes, which varies from run to run; joined, the stored notebook does not.
    """
    for cell in nb.cells:
        merged: list[nbformat.NotebookNode] = []
        for out in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and last is not None
                    and last.get("output_type") == "stream" and last.name == out.name):
                last.text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged


def _keep_varying_outputs(nb: nbformat.NotebookNode, before: nbformat.NotebookNode) -> None:
    """Cells tagged ``nbval-ignore-output`` (timings) print something new on every run.

    Their stored output is a sample, so re-running an unchanged lesson keeps the
    sample it already has (zero-byte diff); an edited cell gets its fresh output.
    """
    old = {c.get("id"): c for c in before.cells if c.cell_type == "code"}
    for cell in nb.cells:
        if cell.cell_type != "code" or _VARYING not in cell.metadata.get("tags", []):
            continue
        prev = old.get(cell.get("id"))
        if prev is not None and prev.source == cell.source and prev.get("outputs"):
            cell.outputs = prev.outputs


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    before = nbformat.read(path, as_version=4)
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
    _coalesce_streams(nb)
    _sanitise_errors(nb)
    nb = stable_widget_ids(nb, path.stem)
    _keep_varying_outputs(nb, before)
    slides.assign(nb)  # slide types follow the cells (tools/slides.py)
    # language_info stays as nbclient stored it, the kernel's own: JupyterLab and Notebook 7
    # write it into a notebook when its kernel starts, so a lesson stored with less would
    # open already marked unsaved and leave a diff when closed. Its "version" is the Python
    # that ran the lessons (the reference environment; Binder pins 3.11).
    if "language_info" not in nb.metadata:
        raise RuntimeError(f"{path.name}: the kernel reported no language_info")
    nbformat.write(nb, path)
    print(f"ran {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    code, argv = _guard(argv)
    if code:
        return code
    paths = [Path(p).resolve() for p in argv] or lessons()
    nav.main([str(p) for p in paths] + ["--force"])  # checked just now, by _guard
    for path in paths:
        run(path)
    return 0


def _guard(argv: list[str]) -> tuple[int, list[str]]:
    """Refuse notebooks holding uncommitted work unless ``--force`` (tools/learner_work.py)."""
    force = "--force" in argv
    argv = [a for a in argv if a != "--force"]
    paths = [Path(p).resolve() for p in argv] or lessons()
    return refuse_uncommitted(paths, force=force, tool="tools.run_notebooks"), argv


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
