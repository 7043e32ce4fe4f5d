"""Interactive widgets (anywidget: a Python class beside its plain ES module).

Each widget is a pair of files, ``name.py`` and ``name.js`` (+ ``name.css``),
shipped as package data: no JavaScript build step, no CDN. Imported lazily so
``import lessons_lib`` does not load ipywidgets. Use them as
``from lessons_lib.widgets import VectorPlayground``.
"""

from __future__ import annotations

import importlib
from typing import Any

#: The one registry of the package's interactive parts: name -> module that defines it.
#: ``lessons_lib`` re-exports these lazily too (``ll.VectorPlayground``).
_WIDGETS = {
    "VectorPlayground": "lessons_lib.widgets.vector_playground",
    "AttentionExplorer": "lessons_lib.widgets.attention_explorer",
    "NeuronWidget": "lessons_lib.widgets.neuron",
    "PropertyPanel": "lessons_lib.widgets.property_panel",
    "WordScoreTable": "lessons_lib.widgets.word_scores",
    "Quiz": "lessons_lib.widgets.quiz",
    "MatVecWidget": "lessons_lib.widgets.matvec",
    "HeadPicker": "lessons_lib.widgets.head_picker",
}


def __getattr__(name: str) -> Any:
    if name not in _WIDGETS:
        raise AttributeError(f"module 'lessons_lib.widgets' has no attribute {name!r}")
    return getattr(importlib.import_module(_WIDGETS[name]), name)


__all__ = sorted(_WIDGETS)
