"""Where things are, for every tool: the repository root and the lessons, in reading order."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def lessons() -> list[Path]:
    """The lesson notebooks, ``notebooks/NN_name.ipynb``, sorted in reading order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
