"""Reading the lessons as they are stored on disk (outputs included), for the curriculum tests.

The curriculum tests check what a reader actually sees: the text a cell printed
or displayed when ``python -m tools.run_notebooks`` last ran it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MINUS = "\u2212"

Notebook = dict[str, Any]


def load(name: str) -> Notebook:
    """Load ``notebooks/<name>`` (a file name, or its two-digit prefix such as ``"03"``)."""
    matches = [NOTEBOOKS / name] if name.endswith(".ipynb") else sorted(
        NOTEBOOKS.glob(f"{name}_*.ipynb"))
    assert matches and matches[0].exists(), f"no notebook {name!r}; build it and run it first"
    return json.loads(matches[0].read_text(encoding="utf-8"))


def _join(text: str | list[str]) -> str:
    return text if isinstance(text, str) else "".join(text)


def outputs(nb: Notebook) -> str:
    """Everything the code cells printed or displayed as text (stream, text/plain, text/html)."""
    parts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if "text" in out:
                parts.append(_join(out["text"]))
            for key in ("text/plain", "text/html"):
                if key in out.get("data", {}):
                    parts.append(_join(out["data"][key]))
    return "\n".join(parts)


def markdown(nb: Notebook) -> str:
    """All markdown cells' sources."""
    return "\n".join(_join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def code_cells(nb: Notebook) -> list[dict[str, Any]]:
    """The code cells."""
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def code(nb: Notebook) -> str:
    """All code cells' sources."""
    return "\n".join(_join(c["source"]) for c in code_cells(nb))
