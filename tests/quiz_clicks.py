"""A fixture student's session in a real kernel: the lesson's cells run in order, and the
quiz answered through its own widgets, as a click in the page does.

A click on an option sets the RadioButtons' ``value`` from the front end; typing a number
sets the Text box's ``value`` and Check fires the button: here the same traits are set and
the same button clicked, in the kernel, so the quiz's own code records the tries
(``record_first_tries`` at the top of the course's quiz cell). Used by
``tests/test_classroom_docs.py`` and ``tests/test_progress.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import nbformat

#: The quiz shown by the cell just run (IPython's ``_``), and a click on it.
CLICK = """\
import ipywidgets as _widgets
_quiz = _


def _click(number, response):
    controls = _quiz.children[number].children[1]  # children[0] is the title
    if isinstance(controls, _widgets.RadioButtons):
        controls.value = response  # the option's label, as shown: "B) 17"
    else:
        box, button = controls.children
        box.value = response
        button.click()
"""


def is_quiz(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and "record_first_tries(" in cell.source


def run_session(client: object, nb: nbformat.NotebookNode,
                clicks: Sequence[tuple[int, str]] = ()) -> None:
    """Run the context cells of ``nb`` in order up to the quiz cell, then the clicks.

    ``client`` is an nbclient ``NotebookClient`` whose kernel is up; ``clicks`` are
    (question number, option label or typed number), in order.
    """
    for index, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("solution") or meta.get("grade"):
            continue
        client.execute_cell(cell, index)  # type: ignore[attr-defined]
        if is_quiz(cell):
            code = CLICK + "".join(f"_click({n}, {r!r})\n" for n, r in clicks)
            probe = nbformat.v4.new_code_cell(code)
            client.execute_cell(probe, index)  # type: ignore[attr-defined]
            nb.cells[index] = cell  # nbclient stored the probe in the quiz cell's place
            errors = [o for o in probe.outputs if o.get("output_type") == "error"]
            assert not errors, errors
            return  # after the quiz: its graded cells and the closing links
    raise AssertionError("the notebook has no recording quiz cell")


def answer_quiz(notebook: Path, clicks: Sequence[tuple[int, str]]) -> None:
    """A student opens ``notebook``, runs its cells and answers the quiz; nothing saved.

    The kernel runs in the notebook's folder, as JupyterLab starts it, so the record of
    tries lands next to the notebook.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    with client.setup_kernel():
        run_session(client, nb, clicks)


#: Lesson 02's quiz answered right, worked by hand from the questions' text:
#: 1. [3, 1, 2] · [2, 5, 4] = 6 + 5 + 8 = 19, option C); 2. one number, option A);
#: 3. [1, 2, 3] · [4, 5]: no partner for 3, undefined, option A);
#: 4. (4, 5, 2) · (3, 0, 4) = 12 + 0 + 8 = 20; 5. pointing away: negative, option C).
RIGHT_02 = {1: "C) 19", 2: "A) One number (a scalar)",
            3: "A) Undefined: the dimensions differ", 4: "20", 5: "C) Negative"}
