"""Every control of every lesson, operated in the lesson's own kernel after nbval ran it.

nbval runs each lesson cell by cell in one kernel and compares the outputs. This hook
adds one more test to each lesson, after its last cell, in that same kernel (no second
run of the lesson): ``<lesson>::controls``. It

* finds the widget views the lesson displayed (from the outputs nbval just received),
* operates every control in them the way the page does (``tools.controls.operate_all``:
  each option of every list, min / middle / max of every slider, every check box both
  ways, every tip dragged, every button and text box), and
* fails on an exception, on a control whose view did not change when it should (an
  ``interactive`` that shows nothing), on a control the inventory cannot name, and when
  the live lesson's controls differ from the inventory of the stored lesson
  (``python -m tools.controls``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent
_VIEW = "application/vnd.jupyter.widget-view+json"


class LessonControls(pytest.Item):
    """Operate every control of the lesson whose cells precede this item (see module doc)."""

    def __init__(self, *, cells: list[Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cells = cells

    def _view_ids(self) -> list[str]:
        ids = []
        for cell in self.cells:
            for out in getattr(cell, "test_outputs", None) or []:
                view = out.get("data", {}).get(_VIEW)
                if view:
                    ids.append(view["model_id"])
        return ids

    def _run_in_kernel(self, code: str) -> tuple[str, list[str]]:
        kernel = self.parent.kernel
        if kernel is None or not kernel.is_alive():
            raise RuntimeError("the lesson's kernel is not running (did an earlier cell fail?)")
        msg_id = kernel.execute_cell_input(code, allow_stdin=False)
        kernel.await_reply(msg_id, timeout=300)
        stdout, problems = "", []
        while True:
            try:
                msg = kernel.get_message("iopub", timeout=30)
            except Empty:
                problems.append("no idle message from the kernel within 30 s")
                break
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                break
            if kind == "stream" and content["name"] == "stdout":
                stdout += content["text"]
            elif kind == "stream":
                problems.append(f"{content['name']}: {content['text'].strip()}")
            elif kind == "error":
                problems.append(f"{content['ename']}: {content['evalue']}")
            elif kind in ("display_data", "execute_result"):
                problems.append(f"unexpected output: {str(content.get('data'))[:200]}")
        return stdout, problems

    def runtest(self) -> None:
        from tools.controls import inventory

        if any(getattr(c, "test_outputs", None) is None and not c.options.get("skip")
               for c in self.cells):
            pytest.skip("the lesson's cells did not all run here (deselected or failed), so "
                        "its widgets are not in the kernel")
        views = self._view_ids()
        code = (f"import json as _json, sys as _sys\n_sys.path.insert(0, {str(ROOT)!r})\n"
                f"from tools.controls import operate_all as _operate\n"
                f"print(_json.dumps(_operate({views!r})))\n")
        stdout, problems = self._run_in_kernel(code)
        assert not problems, f"operating the controls printed or raised: {problems}"
        report = json.loads(stdout)
        failures = list(report["errors"])
        for view in report["views"]:
            for step in view["steps"]:
                where = f"{view['view']} › {step['widget']}: {step['action']}"
                if step["error"]:
                    failures.append(f"{where} raised {step['error']}")
                elif step["expect_change"] and not step["changed"]:
                    failures.append(f"{where} changed nothing the learner sees")
        assert not failures, "\n".join(failures)
        live = Counter(k for view in report["views"] for k in view["kinds"])
        stored = Counter(c.kind for c in inventory(self.path))
        assert live == stored, (
            f"the lesson's controls ({dict(live)}) differ from the inventory of the stored "
            f"lesson ({dict(stored)}): re-run it with python -m tools.run_notebooks")
        operated = sum(len(v["steps"]) for v in report["views"])
        assert sum(live.values()) == 0 or operated > 0, "controls found but none operated"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}::controls"


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """After the last cell of each lesson nbval collected, add its ``controls`` test."""
    by_file: dict[Any, list[pytest.Item]] = {}
    for item in items:
        parent = item.parent
        if type(parent).__name__ == "IPyNbFile" and parent.path.parent == ROOT / "notebooks":
            by_file.setdefault(parent, []).append(item)
    for parent, cells in by_file.items():
        last = items.index(cells[-1])
        items.insert(last + 1, LessonControls.from_parent(parent, name="controls", cells=cells))
