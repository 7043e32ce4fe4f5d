"""AttentionExplorer in a real browser: drag the query toward milk, keyboard, Python sync.

Expected weights are worked out here with ``math`` (softmax of q·k/√2); the Python
state is read from the notebook's real kernel.
"""

from __future__ import annotations

import math

import pytest

from .harness import label_layout_problems

pytestmark = pytest.mark.browser

NOTEBOOK = "attention_explorer.ipynb"
TOKENS = ["milk", "car", "the"]
KEYS = [[1.2, 0.8], [-0.6, 1.1], [0.3, -0.9]]


def weights_for(q, keys=KEYS, scale=True):
    s = [(q[0] * k[0] + q[1] * k[1]) / (math.sqrt(2) if scale else 1.0) for k in keys]
    e = [math.exp(x - max(s)) for x in s]
    return [x / sum(e) for x in e]


def shown(x):
    return f"{x:.2f}".replace("-", "−")


class Explorer:
    def __init__(self, jp):
        self.jp = jp
        self.page = jp.page
        self.root = self.page.locator(".ae-root").first
        self.svg = self.root.locator("[data-testid=svg]")
        self.svg.wait_for(state="visible", timeout=60_000)
        self.svg.scroll_into_view_if_needed()

    def text(self, testid):
        return self.root.locator(f"[data-testid={testid}]").inner_text().strip()

    def weights(self):
        return [self.text(f"weight-{i}") for i in range(len(TOKENS))]

    def to_client(self, x, y):
        return self.svg.evaluate(
            """(svg, [x, y]) => {
                 const s = Number(svg.dataset.scale), c = Number(svg.dataset.size) / 2;
                 const p = new DOMPoint(c + x * s, c - y * s).matrixTransform(svg.getScreenCTM());
                 return [p.x, p.y];
               }""",
            [x, y],
        )

    def tip(self, name):
        h = self.root.locator(f"[data-testid=handle-{name}]")
        return [float(h.get_attribute("data-x")), float(h.get_attribute("data-y"))]


@pytest.fixture
def ex(lab):
    lab.open_notebook(NOTEBOOK).run_all()
    return Explorer(lab)


def test_start_state(ex):
    expected = weights_for([0.0, 1.0])
    assert ex.weights() == [shown(w) for w in expected]
    assert ex.text("score-0") == "0.80" and ex.text("scaled-0") == shown(0.8 / math.sqrt(2))
    assert "NaN" not in ex.root.inner_text()
    assert ex.root.locator("[data-testid=summary]").get_attribute("data-best") == "car"


def test_drag_query_toward_milk_makes_milk_win(ex, lab):
    ex.page.mouse.move(*ex.to_client(*ex.tip("query")))
    ex.page.mouse.down()
    ex.page.mouse.move(*ex.to_client(1.2, 0.8), steps=10)
    # pointer still down: the browser already shows the new weights ...
    expected = weights_for([1.2, 0.8])
    assert ex.weights() == [shown(w) for w in expected]
    assert ex.root.locator("[data-testid=summary]").get_attribute("data-best") == "milk"
    # ... and Python has not been told yet
    assert lab.python_json("w.query") == [0.0, 1.0]
    ex.page.mouse.up()
    assert lab.wait_for_python("w.query", lambda v: v == [1.2, 0.8]) == [1.2, 0.8]
    py = lab.python_json("{'weights': w.weights, 'tokens': w.tokens}")
    best = max(range(3), key=lambda i: py["weights"][i])
    assert py["tokens"][best] == "milk"
    assert py["weights"] == pytest.approx(expected, abs=1e-12)
    lab.screenshot("attention_explorer_query_on_milk")


def test_keyboard_moves_a_key_and_python_updates(ex, lab):
    handle = ex.root.locator("[data-testid=handle-key-1]")
    handle.focus()
    ex.page.keyboard.press("Shift+ArrowRight")   # car: [−0.6, 1.1] → [0.4, 1.1]
    ex.page.keyboard.press("ArrowDown")          # → [0.4, 1.0]
    keys = [KEYS[0], [0.4, 1.0], KEYS[2]]
    assert ex.weights() == [shown(w) for w in weights_for([0.0, 1.0], keys)]
    assert lab.wait_for_python("w.key_vectors[1]", lambda v: v == [0.4, 1.0]) == [0.4, 1.0]


def test_python_changes_redraw_and_scale_toggle(ex, lab):
    lab.kernel_eval("w.query = [2, 1]\nw.scale = False")
    ex.page.wait_for_function(
        "() => !document.querySelector('.ae-root [data-testid=scale]').checked")
    assert ex.weights() == [shown(w) for w in weights_for([2, 1], scale=False)]
    out = lab.kernel_eval(
        "try:\n    w.temperature = 0\nexcept Exception as e:\n    print(type(e).__name__)")
    assert "TraitError" in out
    assert lab.python_json("w.temperature") == 1.0


# the query exactly on milk's key, everything at the origin, tips in the corners, a pile
LAYOUTS = {
    "query_on_milk": ([1.2, 0.8], KEYS),
    "all_at_origin": ([0, 0], [[0, 0], [0, 0], [0, 0]]),
    "corners": ([2.5, 2.5], [[-2.5, 2.5], [2.5, -2.5], [-2.5, -2.5]]),
    "pile_top_right": ([2.5, 2.5], [[2.5, 2.5], [2.4, 2.4], [2.5, 2.3]]),
}


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_labels_never_overlap_nor_leave_the_drawing(ex, lab, theme):
    lab.page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', "
                      "{theme: t})", theme)
    for name, (query, keys) in LAYOUTS.items():
        lab.kernel_eval(f"w.query = {query}\nw.key_vectors = {keys}")
        ex.page.wait_for_function(
            "([q]) => { const h = document.querySelector('.ae-root [data-testid=handle-query]');"
            " return h && Number(h.dataset.x) === q; }", arg=[query[0]])
        problems = label_layout_problems(ex.page, ".ae-root", ".ae-label",
                                         ".ae-handle .ae-marker")
        assert not problems, (name, problems)
        ex.svg.screenshot(path=str(lab.artifacts / f"explorer-labels-{name}-"
                                                    f"{theme.split()[-1].lower()}.png"))
