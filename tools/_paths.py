"""Where things are, for every tool: the repository root and the lessons, in reading order.

:func:`lessons` is the one place that knows what a lesson file is called
(``notebooks/NN_name.ipynb``); every tool, test and benchmark asks it (or
:data:`tools.lessons.LESSONS`, which reads each lesson's title, time and objectives).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: a lesson is a notebook whose name starts with its two-digit number
LESSON_GLOB = "[0-9][0-9]_*.ipynb"


def lessons(folder: Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks in ``folder``, ``NN_name.ipynb``, sorted in reading order.

    Examples
    --------
    >>> [p.name for p in lessons()][:2]
    ['00_start_here.ipynb', '01_vectors.ipynb']
    """
    return sorted(folder.glob(LESSON_GLOB))
