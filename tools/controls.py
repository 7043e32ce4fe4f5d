"""The control inventory: every control a learner can touch in every lesson, found, not listed.

Usage::

    python -m tools.controls            # the inventory as a table, per lesson
    python -m tools.controls --check    # exit 1 if docs/controls.md is not current
    python -m tools.controls --write    # rewrite docs/controls.md

It reads each stored lesson's widget state (``metadata.widgets``, written by
``tools.run_notebooks``) and walks every displayed widget view down its children. Each
model becomes the controls a learner operates in the page:

* a stock ipywidgets control by its model (``RadioButtonsModel`` with 3 options → 3
  radio buttons, ``FloatSliderModel`` → a slider handle …, see :data:`STOCK`);
* one of the package's anywidgets by its class's ``front_end_controls(state)`` (the
  draggable tips, check boxes, a temperature slider …), imported from the
  ``_anywidget_id`` the state stores;
* a model known to draw only (boxes, HTML, styles: :data:`PASSIVE`) → nothing.

Any other model is an error naming it: a lesson that gains a kind of control nobody
taught the inventory cannot pass unnoticed. The kernel-side test (``tests/test_controls.py``)
operates every control this finds after running each lesson; the browser test
(``tests/browser/test_lesson_controls.py``) finds the same controls in the page and
operates them by mouse and keyboard.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools._paths import ROOT, lessons

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
DOC = ROOT / "docs" / "controls.md"


def _options(state: dict[str, Any]) -> int:
    return len(state.get("_options_labels", []))


#: Stock ipywidgets models → the controls each puts in the page (the kinds the browser
#: test finds with ``CONTROL_KINDS_JS``).
STOCK: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "RadioButtonsModel": lambda s: ["radio"] * _options(s),
    "DropdownModel": lambda s: ["select"],
    "SelectModel": lambda s: ["select"],
    "SelectMultipleModel": lambda s: ["multiselect"],
    "ToggleButtonsModel": lambda s: ["toggle"] * _options(s),
    "ToggleButtonModel": lambda s: ["toggle"],
    "ButtonModel": lambda s: ["button"],
    "CheckboxModel": lambda s: ["checkbox"],
    "TextModel": lambda s: ["text"],
    "FloatTextModel": lambda s: ["text"],
    "IntTextModel": lambda s: ["text"],
    "FloatSliderModel": lambda s: ["slider"] + (["readout"] if s.get("readout", True) else []),
    "IntSliderModel": lambda s: ["slider"] + (["readout"] if s.get("readout", True) else []),
}

#: Models that draw but take no input.
PASSIVE = {
    "VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel", "HTMLModel", "HTMLMathModel",
    "LabelModel", "OutputModel", "ImageModel", "LayoutModel",
}


@dataclass(frozen=True)
class Control:
    """One control of one lesson: where it is and what kind it is."""

    lesson: str  #: the notebook's file name
    cell: int  #: index of the code cell whose output holds it
    view: str  #: model id of the displayed widget (the root of the view)
    widget: str  #: the model (or anywidget class) it belongs to
    kind: str  #: radio, select, multiselect, toggle, button, checkbox, text, slider, …


class UnknownControl(LookupError):
    """A lesson shows a widget model the inventory does not know."""


def _children(state: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in ("children",):
        for ref in state.get(key, []) or []:
            if isinstance(ref, str) and ref.startswith("IPY_MODEL_"):
                found.append(ref.removeprefix("IPY_MODEL_"))
    return found


def _anywidget_controls(model: dict[str, Any]) -> tuple[str, list[str]]:
    state = model["state"]
    dotted = state.get("_anywidget_id", "")
    module, _, name = dotted.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), name)
        controls = cls.front_end_controls
    except (ImportError, AttributeError, ValueError) as error:
        raise UnknownControl(
            f"anywidget {dotted or '(no _anywidget_id)'} has no front_end_controls(state): "
            f"give its class that classmethod so the inventory knows what a learner can "
            f"operate ({error})") from None
    return name, list(controls(state))


def _model_controls(model: dict[str, Any]) -> tuple[str, list[str]]:
    name = model["model_name"]
    if name in STOCK:
        return name.removesuffix("Model"), STOCK[name](model["state"])
    if name == "AnyModel":
        return _anywidget_controls(model)
    if name in PASSIVE or name.endswith("StyleModel"):
        return name.removesuffix("Model"), []
    raise UnknownControl(
        f"{name} is shown in a lesson, but tools/controls.py does not know what a learner "
        f"operates in it: add it to STOCK (with the controls it puts in the page) or to "
        f"PASSIVE (draws only)")


def views(nb: dict[str, Any]) -> list[tuple[int, str]]:
    """``(cell index, model id)`` of every widget view a lesson displays, in page order."""
    found = []
    for i, cell in enumerate(nb.get("cells", [])):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view:
                found.append((i, str(view["model_id"])))
    return found


def inventory(path: Path) -> list[Control]:
    """Every control of the stored lesson at ``path``, in page order (see module doc)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    controls: list[Control] = []
    for cell, root in views(nb):
        if root not in state:
            raise UnknownControl(f"{path.name} cell {cell} shows widget {root}, which is not in "
                                 "its stored widget state: re-run it with tools.run_notebooks")
        stack = [root]
        while stack:
            model_id = stack.pop(0)
            model = state[model_id]
            widget, kinds = _model_controls(model)
            controls += [Control(path.name, cell, root, widget, k) for k in kinds]
            stack[:0] = _children(model["state"])
    return controls



# ---------------------------------------------------------------- kernel side
# Everything below runs inside a lesson's kernel after Run All (tests/nbval_controls.py
# sends it there): it operates every control the way the page would, through the same
# ``set_state`` path a browser's update takes, and reports what happened as JSON.


def _walk(widget: Any) -> list[Any]:
    """``widget`` and its descendants, in page order."""
    found = [widget]
    for child in getattr(widget, "children", ()) or ():
        found += _walk(child)
    return found


def _fingerprint(root: Any, skip: Any, skip_trait: str | None = None) -> str:
    """What the view shows, apart from the control being operated: every other widget's
    synced state. For a drawing (an anywidget, itself the control) its text form too,
    which holds what it computes (a·b, the weights); a stock container's text form would
    only repeat the operated control's own value, so it is left out."""
    parts = [repr(root)] if root is skip and skip_trait is not None else []
    for w in _walk(root):
        state = w.get_state()
        if w is skip:
            if skip_trait is None:
                continue
            state = {k: v for k, v in state.items() if k != skip_trait}
        parts.append(repr(sorted((k, repr(v)) for k, v in state.items()
                                 if k not in ("layout", "style"))))
    return "\n".join(parts)


def _kinds(widget: Any) -> tuple[str, list[str]]:
    state = widget.get_state()
    return _model_controls({"model_name": widget._model_name, "state": state})


def _actions(widget: Any) -> list[tuple[str, dict[str, Any]]]:
    """The front-end updates that operate ``widget``: (what, state sent)."""
    import ipywidgets as w

    if isinstance(widget, w.SelectMultiple):
        n = len(widget.options)
        return [(f"select {widget.options[i]!r}", {"index": [i]}) for i in range(n)] + [
            ("select all", {"index": list(range(n))})]
    if isinstance(widget, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.Select)):
        return [(f"choose {label!r}", {"index": i})
                for i, label in enumerate(widget._options_labels)]
    if isinstance(widget, (w.FloatSlider, w.IntSlider)):
        lo, hi = widget.min, widget.max
        mid = (lo + hi) / 2 if isinstance(widget, w.FloatSlider) else (lo + hi) // 2
        return [(f"slide to {v}", {"value": v}) for v in (lo, mid, hi)]
    if isinstance(widget, (w.Checkbox, w.ToggleButton)):
        return [(f"set {v}", {"value": v}) for v in (not widget.value, widget.value)]
    if isinstance(widget, (w.Text, w.FloatText, w.IntText)):
        return [("type 1", {"value": "1" if isinstance(widget, w.Text) else 1})]
    if hasattr(type(widget), "front_end_controls"):
        return _anywidget_actions(widget)
    return []


def _anywidget_actions(widget: Any) -> list[tuple[str, dict[str, Any]]]:
    """Drag each tip somewhere else and back, flip each check box, slide each range."""
    actions: list[tuple[str, dict[str, Any]]] = []
    state = widget.get_state()
    for name in ("a", "b", "query"):
        if name in state and (name != "b" or state.get("show_b", True)):
            x, y = state[name]
            actions.append((f"drag {name}", {name: [round(-y + 0.3, 1), round(x + 0.2, 1)]}))
    if "key_vectors" in state:
        for i in range(len(state["key_vectors"])):
            moved = [list(k) for k in state["key_vectors"]]
            moved[i] = [round(-moved[i][1] - 0.2, 1), round(moved[i][0] + 0.4, 1)]
            actions.append((f"drag key {i}", {"key_vectors": moved}))
    for key, _text in state.get("options", []):
        actions += [(f"tick {key}", {key: not state[key]}), (f"untick {key}", {key: state[key]})]
    if "scale" in state:
        actions += [("untick scale", {"scale": not state["scale"]}),
                    ("tick scale", {"scale": state["scale"]})]
    if "temperature_range" in state:
        lo, hi = state["temperature_range"]
        actions += [(f"temperature {t}", {"temperature": t}) for t in (lo, (lo + hi) / 2, hi)]
    return actions


def _same(a: Any, b: Any) -> bool:
    """Whether a control already holds the value an action would send."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return bool(a == b)


def _press(button: Any) -> None:
    button._handle_button_msg(None, {"event": "click"}, [])


def operate_all(view_ids: list[str]) -> dict[str, Any]:
    """Operate every control of every view (``view_ids``: the displayed widgets' model
    ids, in page order) and report, per control: its kinds, what was done, whether the
    view changed as it should, and any error."""
    import ipywidgets as w
    from ipywidgets.widgets.widget import _instances

    report: dict[str, Any] = {"views": [], "errors": []}
    for view_id in view_ids:
        root = _instances.get(view_id)
        if root is None:
            report["errors"].append(f"view {view_id} is not alive in the kernel")
            continue
        entry: dict[str, Any] = {"view": type(root).__name__, "kinds": [], "steps": []}
        report["views"].append(entry)
        for widget in _walk(root):
            try:
                name, kinds = _kinds(widget)
            except UnknownControl as error:
                report["errors"].append(str(error))
                continue
            entry["kinds"] += kinds
            if not kinds:
                continue
            is_anywidget = hasattr(type(widget), "front_end_controls")
            # a text box is answered with the button beside it (a quiz's numeric question)
            parent = next((p for p in _walk(root)
                           if widget in (getattr(p, "children", ()) or ())), None)
            buttons = [c for c in (getattr(parent, "children", ()) or ())
                       if isinstance(c, w.Button)]
            for what, sync in _actions(widget):
                trait = next(iter(sync)) if is_anywidget else None
                before = _fingerprint(root, widget, trait)
                current = widget.get_state()
                unchanged = all(_same(current.get(k), v) for k, v in sync.items())
                step = {"widget": name, "action": what, "error": None}
                try:
                    widget.set_state(sync)  # the path a browser's update takes
                    if isinstance(widget, (w.Text, w.FloatText, w.IntText)):
                        for button in buttons:
                            _press(button)
                except Exception as error:
                    step["error"] = f"{type(error).__name__}: {error}"
                after = _fingerprint(root, widget, trait)
                # what the learner sees must follow, except the check boxes of a drawing
                # (drawn in the browser; the kernel keeps only the flag)
                step["expect_change"] = not unchanged and not (
                    is_anywidget and isinstance(sync[trait], bool))
                step["changed"] = before != after
                entry["steps"].append(step)
            if isinstance(widget, w.Button) and not any(
                    isinstance(c, (w.Text, w.FloatText, w.IntText))
                    for c in (getattr(parent, "children", ()) or ())):
                before = _fingerprint(root, widget)
                step = {"widget": name, "action": "click", "error": None,
                        "expect_change": True}
                try:
                    _press(widget)
                except Exception as error:
                    step["error"] = f"{type(error).__name__}: {error}"
                step["changed"] = before != _fingerprint(root, widget)
                entry["steps"].append(step)
    return report


def table(paths: list[Path] | None = None) -> str:
    """The inventory as Markdown: controls per lesson and kind, and the total."""
    paths = lessons() if paths is None else paths
    rows = {p.name: Counter(c.kind for c in inventory(p)) for p in paths}
    kinds = sorted({k for counts in rows.values() for k in counts})
    lines = [
        "# Controls a learner can operate, per lesson",
        "",
        "Generated by `python -m tools.controls --write` from the stored lessons (their widget",
        "state); `tests/test_controls.py` checks it is current, operates every one of them in a",
        "kernel, and `tests/browser/test_lesson_controls.py` finds the same controls in",
        "JupyterLab and Notebook 7 and uses each by mouse and keyboard.",
        "",
        "| lesson | " + " | ".join(kinds) + " | total |",
        "| --- | " + " | ".join("---:" for _ in kinds) + " | ---: |",
    ]
    for name, counts in rows.items():
        lines.append(f"| {name} | " + " | ".join(str(counts.get(k, 0)) for k in kinds)
                     + f" | {sum(counts.values())} |")
    total: Counter[str] = Counter()
    for counts in rows.values():
        total.update(counts)
    lines.append("| **all** | " + " | ".join(str(total.get(k, 0)) for k in kinds)
                 + f" | {sum(total.values())} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.controls", description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if docs/controls.md is stale")
    group.add_argument("--write", action="store_true", help="rewrite docs/controls.md")
    args = parser.parse_args(argv)
    text = table()
    if args.write:
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    elif args.check:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC.relative_to(ROOT)} is not current: run python -m tools.controls --write",
                  file=sys.stderr)
            return 1
        print(f"{DOC.relative_to(ROOT)} is current")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
