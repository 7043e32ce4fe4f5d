"""The control inventory (tools/controls.py) and what keeps page and kernel in agreement.

The lessons' controls themselves are operated after nbval runs each lesson (the
``<lesson>::controls`` test added by the root ``conftest.py``); here: the inventory is
current and refuses what it does not know, and no widget of the package lets the browser
set a value Python refused or a read-only trait.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import ipywidgets
import pytest
import traitlets

from lessons_lib import widgets as package_widgets
from tools import controls
from tools._paths import lessons


def test_inventory_doc_is_current() -> None:
    assert controls.main(["--check"]) == 0, "run python -m tools.controls --write"


def test_every_lesson_has_controls_and_a_quiz() -> None:
    for path in lessons():
        kinds = {c.kind for c in controls.inventory(path)}
        assert "radio" in kinds, f"{path.name}: no quiz choices found"
        assert kinds - {"radio", "text", "button"}, f"{path.name}: no widget besides the quiz"


def _with_model(path: Path, tmp: Path, model_name: str) -> Path:
    """A copy of a stored lesson whose first displayed widget is a model of another kind."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    state = nb["metadata"]["widgets"][controls.WIDGET_STATE]["state"]
    _cell, root = controls.views(nb)[0]
    state[root] = copy.deepcopy(state[root])
    state[root]["model_name"] = model_name
    out = tmp / path.name
    out.write_text(json.dumps(nb), encoding="utf-8")
    return out


def test_a_control_nobody_taught_the_inventory_fails(tmp_path: Path) -> None:
    lesson = lessons()[2]
    with pytest.raises(controls.UnknownControl, match="ColorPickerModel"):
        controls.inventory(_with_model(lesson, tmp_path, "ColorPickerModel"))


def _front_end_widgets() -> list[Any]:
    """One default instance of every widget the package exports, and every descendant
    defined by the package (the sliders of the neuron, …)."""
    found = []
    for name in package_widgets.__all__:
        cls = getattr(package_widgets, name)
        if name in ("Quiz", "PropertyPanel"):  # need questions / a playground
            continue
        root = cls()
        found += [w for w in controls._walk(root)
                  if type(w).__module__.startswith("lessons_lib")
                  and not isinstance(w, ipywidgets.Box) and _public(w)]
    # one of each class
    return list({type(w): w for w in found}.values())


def _public(widget: Any) -> list[str]:
    """The synced traits a page can send: not private, not layout and style."""
    return [name for name in widget.keys if not name.startswith("_")
            and name not in ("layout", "style", "tabbable", "tooltip")]


def _bad_value(trait: traitlets.TraitType) -> Any:
    return "not a number" if not isinstance(trait, traitlets.Unicode) else 12345


@pytest.mark.parametrize("widget", _front_end_widgets(), ids=lambda w: type(w).__name__)
def test_refused_and_read_only_updates_are_sent_back(widget: Any) -> None:
    """Each synced trait gets a value from the 'browser' that Python refuses (or may not
    take at all): Python keeps its value and sends it back, so the page shows it."""
    sent: list[dict[str, Any]] = []
    widget._send = lambda msg, buffers=None: sent.append(msg)
    checked = 0
    for name in _public(widget):
        trait = widget.traits()[name]
        before = copy.deepcopy(getattr(widget, name))
        if trait.read_only:
            attempt: Any = before if not isinstance(before, (list, tuple)) else [0]
            attempt = attempt if attempt != before else "changed"
        else:
            attempt = _bad_value(trait)
            try:
                trait.validate(widget, attempt)
                continue  # Python would take this value: nothing is refused
            except traitlets.TraitError:
                pass
        sent.clear()
        widget.set_state({name: attempt})
        assert getattr(widget, name) == before, f"{name} was changed to {attempt!r}"
        updates = [m for m in sent if m.get("method") == "update" and name in m["state"]]
        assert updates, f"{name}: the kept value was not sent back to the page"
        checked += 1
    assert checked, "no synced trait was probed"


def test_a_finite_slider_refuses_nan_from_the_page() -> None:
    from lessons_lib.widgets.sliders import FiniteSlider

    slider = FiniteSlider(value=0.5, min=-1, max=1, description="w1")
    sent: list[dict[str, Any]] = []
    slider._send = lambda msg, buffers=None: sent.append(msg)
    slider.set_state({"value": math.nan})
    assert slider.value == 0.5 and sent[-1]["state"]["value"] == 0.5


def test_stock_widgets_are_known_to_the_inventory() -> None:
    """Every stock control class a lesson could use maps to a model the inventory knows."""
    for cls in (ipywidgets.Dropdown, ipywidgets.RadioButtons, ipywidgets.SelectMultiple,
                ipywidgets.ToggleButtons, ipywidgets.Button, ipywidgets.Text,
                ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.Checkbox):
        assert cls()._model_name in controls.STOCK
