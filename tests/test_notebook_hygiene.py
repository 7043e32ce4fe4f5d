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
        f"{path.name}: kernelspec is {name!r}; fix: run tools/run_notebooks.py"
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
    assert not not_run, f"{path.name}: cells {not_run} were never run; fix: tools/run_notebooks.py"
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
        [sys.executable, str(ROOT / "tools" / "nav.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_slide_types_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "slides.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
