"""lessons_lib — the helper package of the "From dot products to attention" lessons.

Every formula the notebooks use lives here, once, with a docstring naming the
lesson that teaches it. Importing the package is light: only NumPy is loaded.
Plots, widgets, quizzes and checkers are imported on first use, so
``import lessons_lib`` stays fast and works where no widget front-end exists.

Examples
--------
>>> import lessons_lib as ll
>>> ll.dot([1, 2, 3], [4, 5, 6])
32
>>> ll.dot_working([2, -1, 3], [1, 4, 2])
2·1 + (−1)·4 + 3·2 = 2 − 4 + 6 = 4
"""

from __future__ import annotations

import importlib
from typing import Any

from lessons_lib.attention import (
    attention_output,
    attention_scores,
    attention_weights,
    causal_mask,
    format_table,
    padding_mask,
    score_working,
    softmax,
)
from lessons_lib.formatting import format_number, format_vector
from lessons_lib.geometry import (
    angle_between,
    cosine_similarity,
    normalise,
    project_onto,
    scalar_projection,
    sign_message,
)
from lessons_lib.vectors import add, dot, norm, scale
from lessons_lib.working import DotWorking, dot_working, norm_working

__version__ = "0.1.0"

# In a notebook, every matplotlib figure is shown with its text alternative.
from lessons_lib import figures as _figures

# Heavy parts (matplotlib, ipywidgets, anywidget) load on first attribute access; the
# registry of what is lazy lives once, in lessons_lib.widgets.
from lessons_lib.widgets import _WIDGETS as _LAZY

_figures.install()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lessons_lib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DotWorking",
    "add",
    "angle_between",
    "attention_output",
    "attention_scores",
    "attention_weights",
    "causal_mask",
    "cosine_similarity",
    "dot",
    "dot_working",
    "format_number",
    "format_table",
    "format_vector",
    "norm",
    "norm_working",
    "normalise",
    "padding_mask",
    "project_onto",
    "scalar_projection",
    "scale",
    "score_working",
    "sign_message",
    "softmax",
    *sorted(_LAZY),
]
