"""House rules for every lesson notebook, checked on the stored .ipynb files.

nbval compares stored outputs, so a notebook saved without outputs would
silently compare nothing; these tests make that (and the other rules) fail.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found under notebooks/"


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def nb(request):
    return request.param, json.loads(request.param.read_text(encoding="utf-8"))


def test_file_name_is_numbered(nb):
    path, _ = nb
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), (
        f"{path.name}: lessons are named NN_words.ipynb so they sort in reading order"
    )


def test_kernelspec_is_python3(nb):
    path, data = nb
    name = data.get("metadata", {}).get("kernelspec", {}).get("name")
    assert name == "python3", (
        f"{path.name}: kernelspec is {name!r}; fix: run python -m tools.run_notebooks"
    )


def test_every_code_cell_was_run_and_saved_with_outputs(nb):
    path, data = nb
    code = [c for c in data["cells"] if c["cell_type"] == "code"]
    assert code, f"{path.name} has no code cells"
    not_run = [
        i
        for i, c in enumerate(data["cells"])
        if c["cell_type"] == "code" and c.get("execution_count") is None
    ]
    assert not not_run, (
        f"{path.name}: cells {not_run} were never run; fix: python -m tools.run_notebooks")
    assert any(c.get("outputs") for c in code), f"{path.name} was saved without outputs"


def test_execution_counts_are_in_order(nb):
    """Proof of a clean restart-and-run-all: counts go 1, 2, 3 … top to bottom."""
    path, data = nb
    counts = [c["execution_count"] for c in data["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: {counts}"


def test_no_errors_stored(nb):
    path, data = nb
    for c in data["cells"]:
        for out in c.get("outputs", []):
            if out["output_type"] == "error":
                tags = c.get("metadata", {}).get("tags", [])
                assert "raises-exception" in tags, f"{path.name}: an unexpected error is stored"


def test_no_absolute_paths_addresses_or_timestamps(nb):
    path, data = nb
    text = json.dumps(data)
    assert not re.search(r"(/home/|/root/|/tmp/|/work/|[A-Z]:\\\\)", text), f"{path.name}: abs path"
    assert not re.search(r"object at 0x[0-9a-f]+", text), f"{path.name}: memory address in output"
    assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d", text), f"{path.name}: timestamp stored"


def test_stored_widget_state_is_valid(nb):
    path, data = nb
    widgets = data.get("metadata", {}).get("widgets")
    if widgets is None:
        return
    for key, value in widgets.items():
        assert isinstance(value, dict) and "state" in value, (
            f"{path.name}: metadata.widgets[{key!r}] has no 'state' (GitHub will not render it)"
        )


def test_no_nbval_lax_blanket():
    config = (ROOT / "pyproject.toml").read_text() + (ROOT / ".ci" / "run").read_text()
    assert "--nbval-lax" not in config


def test_navigation_cells_are_up_to_date():
    result = subprocess.run(
        [sys.executable, "-m", "tools.nav", "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_slide_types_are_up_to_date():
    result = subprocess.run([sys.executable, "-m", "tools.slides", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- Outputs that must not depend on the machine (issue 11) ---------------------------------

VARYING = "nbval-ignore-output"
# "difference = 2.7e-07", "residual: 1.2e-15", "error 3e-9": a raw residual, whose last
# digits depend on the CPU's floating-point kernels. Say "< 1e-5" (a bound) instead.
_RESIDUAL = re.compile(
    r"(difference|residual|error|deviation)[^\n<≤]{0,60}?[=:]\s*[-−]?\d(?:\.\d+)?e[-−+]?\d+",
    re.IGNORECASE)
# "3.894 ms", "12 µs", "0.5 seconds", "2.0× faster": a timing.
_TIMING = re.compile(
    r"\d\s?(?:ms|µs|us|ns)\b|\d\s?seconds?\b|\d(?:\.\d+)?\s?[×x] (?:faster|slower)")
# Residuals whose bits do not depend on the machine, each with the reason.
_EXACT = {
    "float_pitfall(": "pure-Python IEEE 754 arithmetic (1.8*0.8 + 1.2*1.8 − 3.6): no BLAS, no "
                      "vector kernels, the same bits on every CPU",
}


def _stored_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append("".join(out["text"]))
        for key in ("text/plain", "text/html", "text/markdown"):
            value = out.get("data", {}).get(key)
            if value:
                parts.append(_INLINE_DATA.sub("data:", "".join(value)))
    return "\n".join(parts)


#: A picture inlined in HTML (a figure's PNG): bytes, not text a learner reads.
_INLINE_DATA = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def machine_dependent_outputs(data) -> list[str]:
    """Cells that print a raw residual or a timing but are not marked as varying."""
    found = []
    for i, cell in enumerate(data["cells"]):
        if cell["cell_type"] != "code" or VARYING in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"])
        if any(marker in source for marker in _EXACT):
            continue
        text = _stored_text(cell)
        for pattern, what in ((_RESIDUAL, "a raw residual"), (_TIMING, "a timing")):
            match = pattern.search(text)
            if match:
                found.append(f"cell {i} prints {what} ({match.group(0)!r})")
    return found


def test_no_machine_dependent_output_without_the_nbval_marker(nb):
    path, data = nb
    found = machine_dependent_outputs(data)
    assert not found, (
        f"{path.name}: " + "; ".join(found) + ". Its digits differ between CPUs: print a bound "
        "(e.g. 'agree to within 1e-5: True') or tag the cell 'nbval-ignore-output'."
    )


def test_the_machine_dependence_check_can_fail():
    cell = {"cell_type": "code", "metadata": {}, "source": ["print(diff)"],
            "outputs": [{"output_type": "stream", "name": "stdout",
                         "text": ["largest absolute difference from the model: 2.7e-07\n"]}]}
    timing = {**cell, "outputs": [{"output_type": "stream", "name": "stdout",
                                   "text": ["raw dot products :   3.894 ms\n"]}]}
    bound = {**cell, "outputs": [{"output_type": "stream", "name": "stdout",
                                  "text": ["largest difference < 1e-12: the same function\n"]}]}
    assert len(machine_dependent_outputs({"cells": [cell, timing]})) == 2
    assert machine_dependent_outputs({"cells": [bound]}) == []
    marked = {**cell, "metadata": {"tags": [VARYING]}}
    assert machine_dependent_outputs({"cells": [marked]}) == []


def _shipped(value) -> str:
    """What a widget class ships as ``_esm``/``_css``: a string, or a file's text."""
    if isinstance(value, Path):
        return value.read_text(encoding="utf-8")
    return str(value)


def stale_widget_code(data) -> list[str]:
    """Stored anywidget models whose ES module or CSS differ from what the package ships."""
    import importlib

    state = (data.get("metadata", {}).get("widgets", {})
             .get("application/vnd.jupyter.widget-state+json", {}).get("state", {}))
    stale = []
    for model in state.values():
        stored = model.get("state", {})
        ident = stored.get("_anywidget_id")
        if not ident or "_esm" not in stored:
            continue
        module, _, cls_name = ident.rpartition(".")
        cls = getattr(importlib.import_module(module), cls_name)
        for trait in ("_esm", "_css"):
            if trait in stored and stored[trait] != _shipped(getattr(cls, trait)):
                stale.append(f"{cls_name}.{trait}")
    return sorted(set(stale))


def test_stored_widget_code_is_what_the_package_ships(nb):
    path, data = nb
    stale = stale_widget_code(data)
    assert not stale, (
        f"{path.name}: the stored {', '.join(stale)} differ from the package's files, so GitHub, "
        "static pages and slides show an old widget. Fix: re-run the lesson with "
        "python -m tools.run_notebooks."
    )
