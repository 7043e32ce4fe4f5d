"""VectorPlayground in a real browser: drag, keyboard, Python ↔ browser sync.

Expected values are worked out by hand (source 004: a = [1.8, 1.2], b = [0.8, 1.8])
or with ``math``; the Python state is read from the notebook's real kernel.
"""

from __future__ import annotations

import math

import pytest

import lessons_lib as ll

from .harness import label_layout_problems

pytestmark = pytest.mark.browser

NOTEBOOK = "vector_playground.ipynb"
POSITIVE = "↑ Positive — vectors point in similar directions"
ZERO = "⊥ Zero — the vectors are perpendicular"
NEGATIVE = "↓ Negative — vectors point in opposite directions"


def angle_text(a, b):
    """Independent angle, 1 decimal: acos(a·b / (‖a‖‖b‖)) with plain math."""
    d = a[0] * b[0] + a[1] * b[1]
    c = max(-1.0, min(1.0, d / (math.hypot(*a) * math.hypot(*b))))
    return f"{math.degrees(math.acos(c)):.1f}°"


class Playground:
    """Drives the first VectorPlayground on the page."""

    def __init__(self, jp):
        self.jp = jp
        self.page = jp.page
        self.root = self.page.locator(".vp-root").first
        self.svg = self.root.locator("[data-testid=svg]")
        self.svg.wait_for(state="visible", timeout=60_000)
        self.svg.scroll_into_view_if_needed()

    def text(self, testid):
        return self.root.locator(f"[data-testid={testid}]").inner_text().strip()

    def handle(self, which):
        return self.root.locator(f"[data-testid=handle-{which}]")

    def to_client(self, x, y):
        """Viewport pixel of the grid point (x, y), from the SVG's own transform."""
        return self.svg.evaluate(
            """(svg, [x, y]) => {
                 const s = Number(svg.dataset.scale);
                 const p = new DOMPoint(200 + x * s, 200 - y * s)
                   .matrixTransform(svg.getScreenCTM());
                 return [p.x, p.y];
               }""",
            [x, y],
        )

    def tip(self, which):
        h = self.handle(which)
        return [float(h.get_attribute("data-x")), float(h.get_attribute("data-y"))]

    def press(self, which):
        self.page.mouse.move(*self.to_client(*self.tip(which)))
        self.page.mouse.down()

    def move(self, x, y, steps=8):
        self.page.mouse.move(*self.to_client(x, y), steps=steps)

    def drag(self, which, x, y):
        self.press(which)
        self.move(x, y)
        self.page.mouse.up()

    def assert_readouts(self, a, b, sign):
        d = a[0] * b[0] + a[1] * b[1]
        assert self.text("a") == ll.format_vector(a)
        assert self.text("b") == ll.format_vector(b)
        assert self.text("dot") == f"{d:.2f}".replace("-", "−").replace("−0.00", "0.00")
        assert self.text("angle") == angle_text(a, b)
        assert self.text("sign") == sign
        assert "NaN" not in self.root.inner_text()


@pytest.fixture
def vp(lab):
    lab.open_notebook(NOTEBOOK).run_all()
    return Playground(lab)


def python_state(jp):
    return jp.python_json("{'a': w.a, 'b': w.b, 'dot': w.dot, 'angle': w.angle}")


def test_start_state_is_source_004(vp):
    vp.assert_readouts([1.8, 1.2], [0.8, 1.8], POSITIVE)
    assert vp.text("dot") == "3.60"
    assert vp.text("working") == "1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60"
    assert vp.text("angle") == "32.3°"
    assert vp.text("norm-a") == f"{math.hypot(1.8, 1.2):.2f}"
    handle = vp.handle("a")
    assert handle.get_attribute("tabindex") == "0"
    assert handle.get_attribute("aria-label") == (
        "tip of vector a, at 1.8, 1.2; arrow keys move 0.1, shift+arrow 1")


def test_drag_a_updates_readouts_before_python_then_syncs(vp):
    vp.press("a")
    vp.move(2, 1)
    # pointer still down: the browser already shows 2·0.8 + 1·1.8 = 3.40 ...
    vp.assert_readouts([2, 1], [0.8, 1.8], POSITIVE)
    assert vp.text("dot") == "3.40"
    assert vp.text("working") == "2·0.8 + 1·1.8 = 1.60 + 1.80 = 3.40"
    # ... while the kernel has not been told yet (no round trip on the drag path)
    assert vp.jp.python_json("w.a") == [1.8, 1.2]
    vp.page.mouse.up()
    state = vp.jp.wait_for_python("w.a", lambda v: v == [2.0, 1.0])
    assert state == [2.0, 1.0]
    full = python_state(vp.jp)
    assert full["dot"] == pytest.approx(3.4)
    assert f"{full['angle']:.1f}°" == angle_text([2, 1], [0.8, 1.8])
    assert vp.handle("a").get_attribute("aria-label").startswith("tip of vector a, at 2, 1;")


def test_keyboard_moves_a_tip(vp):
    cells_before = vp.page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex")
    vp.handle("a").focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown"]:
        vp.page.keyboard.press(key)
    vp.assert_readouts([2, 1], [0.8, 1.8], POSITIVE)
    assert vp.jp.wait_for_python("w.a", lambda v: v == [2.0, 1.0]) == [2.0, 1.0]
    vp.page.keyboard.press("Shift+ArrowUp")  # [2, 2]: 2·0.8 + 2·1.8 = 1.6 + 3.6 = 5.2
    vp.assert_readouts([2, 2], [0.8, 1.8], POSITIVE)
    assert vp.text("dot") == "5.20"
    state = vp.jp.wait_for_python("w.a", lambda v: v == [2.0, 2.0])
    assert state == [2.0, 2.0]
    assert python_state(vp.jp)["dot"] == pytest.approx(5.2)
    # the arrow keys moved the tip, not JupyterLab's cell selection
    assert vp.page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex") == cells_before
    assert vp.page.evaluate("() => document.activeElement.dataset.testid") == "handle-a"


def test_b_perpendicular_then_opposite(vp):
    a = [1.8, 1.2]
    vp.drag("b", -1.2, 1.8)  # 1.8·(−1.2) + 1.2·1.8 = −2.16 + 2.16 = 0
    vp.assert_readouts(a, [-1.2, 1.8], ZERO)
    assert vp.text("dot") == "0.00" and vp.text("angle") == "90.0°"
    assert vp.text("working") == "1.8·(−1.2) + 1.2·1.8 = −2.16 + 2.16 = 0.00"
    st = vp.jp.wait_for_python("w.b", lambda v: v == [-1.2, 1.8])
    assert st == [-1.2, 1.8]
    assert abs(python_state(vp.jp)["dot"]) < 1e-9

    vp.drag("b", -1.8, -1.2)  # b = −a: a·b = −(3.24 + 1.44) = −4.68
    vp.assert_readouts(a, [-1.8, -1.2], NEGATIVE)
    assert vp.text("dot") == "−4.68" and vp.text("angle") == "180.0°"
    assert vp.text("cos") == "−1.000"
    vp.jp.wait_for_python("w.b", lambda v: v == [-1.8, -1.2])
    state = python_state(vp.jp)
    assert state["dot"] == pytest.approx(-4.68) and state["angle"] == pytest.approx(180.0)


def test_zero_vector_shows_undefined_not_nan(vp):
    vp.drag("a", 0, 0)
    assert vp.text("a") == "[0, 0]"
    assert vp.text("angle") == "undefined — a has zero length"
    assert vp.text("cos") == "undefined — a has zero length"
    assert vp.text("dot") == "0.00"
    assert vp.text("sign").startswith("○ Zero — a has zero length")
    assert "NaN" not in vp.root.inner_text() and "Infinity" not in vp.root.inner_text()
    vp.jp.wait_for_python("w.a", lambda v: v == [0.0, 0.0])
    assert python_state(vp.jp)["angle"] is None
    # the zero-length tip can still be grabbed and dragged out again
    vp.drag("a", 1, 0)
    assert vp.text("angle") == angle_text([1, 0], [0.8, 1.8])


def test_python_changes_redraw_and_bad_values_are_refused(vp):
    vp.jp.kernel_eval("w.a = [3, -1]\nw.show_sum = True\nw.show_projection = True")
    vp.page.wait_for_function(
        "() => document.querySelector('[data-testid=a]').textContent === '[3, −1]'")
    # 3·0.8 + (−1)·1.8 = 2.4 − 1.8 = 0.6
    vp.assert_readouts([3, -1], [0.8, 1.8], POSITIVE)
    assert vp.text("working") == "3·0.8 + (−1)·1.8 = 2.40 − 1.80 = 0.60"
    assert vp.text("sum") == "[3.8, 0.8]"
    assert vp.text("projection") == f"{0.6 / math.hypot(0.8, 1.8):.2f}"
    assert vp.root.locator(".vp-sum").is_visible()
    assert vp.root.locator(".vp-proj").is_visible()
    out = vp.jp.kernel_eval(
        "try:\n    w.a = [float('nan'), 1]\nexcept Exception as e:\n"
        "    print(type(e).__name__, '|', e)\nprint(w.a)")
    assert out.startswith("TraitError | a[0] is NaN") and out.strip().endswith("[3.0, -1.0]")
    assert vp.text("a") == "[3, −1]"


def test_lock_lengths_keeps_the_length(vp):
    vp.jp.kernel_eval("w.lock_lengths = True")
    vp.page.wait_for_function(
        "() => document.querySelector('[data-testid=option-lock_lengths]').checked")
    length = math.hypot(1.8, 1.2)
    vp.drag("a", 0, 3)  # straight up: the tip turns to 90°, its length stays ‖a‖
    assert vp.text("norm-a") == f"{length:.2f}"
    a = vp.jp.wait_for_python("w.a", lambda v: abs(v[0]) < 1e-6)
    assert a[1] == pytest.approx(length, abs=1e-5)
    assert vp.text("angle") == angle_text([0, length], [0.8, 1.8])


def test_options_screenshot_and_normalised_readouts(vp, lab):
    lab.kernel_eval("w.show_projection = w.show_sum = w.show_double = w.normalise = True\n"
                    "w.b = [2, -1]")
    vp.page.wait_for_function(
        "() => document.querySelector('[data-testid=b]').textContent.startsWith('[0.894')")
    # unit vectors: â = a/‖a‖, b̂ = b/‖b‖ and â·b̂ = cos θ
    na, nb = math.hypot(1.8, 1.2), math.hypot(2, -1)
    cos = (1.8 * 2 + 1.2 * -1) / (na * nb)
    assert vp.text("dot") == f"{cos:.3f}" == vp.text("cos")
    assert vp.text("a") == f"[{1.8 / na:.3f}, {1.2 / na:.3f}]"
    assert vp.text("working").endswith(f"= {cos:.3f}")
    assert vp.text("norm-a") == "1.00"
    assert vp.root.locator(".vp-unit-circle").is_visible()
    assert vp.text("double") == "[3.6, 2.4]"
    vp.root.locator("summary").click()
    lab.screenshot("options_all_on")


def test_large_text_dark_theme_screenshot(vp, lab):
    small = vp.root.locator("[data-testid=dot]").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    lab.page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme',"
        " {theme: 'JupyterLab Dark'})")
    lab.page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    lab.kernel_eval("w.large_text = True")
    lab.page.wait_for_function("() => document.querySelector('.vp-root.vp-large')")
    big = vp.root.locator("[data-testid=dot]").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert big >= 1.6 * small
    colour = vp.root.locator("[data-testid=dot]").evaluate("e => getComputedStyle(e).color")
    assert colour != "rgb(0, 0, 0)", "dark theme: readouts must not be black on black"
    vp.root.scroll_into_view_if_needed()
    lab.screenshot("large_text_dark")
    lab.page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme',"
        " {theme: 'JupyterLab Light'})")


# The browser's formatting and working are checked against lessons_lib in Node, without a
# browser (tests/widgets/test_js.py, tests/js/): the browser tests check only what needs one.


def test_notebook7_renders_and_drags(nb7):
    nb7.open_notebook(NOTEBOOK).run_all()
    vp = Playground(nb7)
    vp.assert_readouts([1.8, 1.2], [0.8, 1.8], POSITIVE)
    vp.drag("a", 2, 1)
    vp.assert_readouts([2, 1], [0.8, 1.8], POSITIVE)
    assert nb7.wait_for_python("w.a", lambda v: v == [2.0, 1.0]) == [2.0, 1.0]
    vp.handle("b").focus()
    nb7.page.keyboard.press("Shift+ArrowLeft")  # b = [−0.2, 1.8]: 2·(−0.2) + 1·1.8 = 1.4
    assert vp.text("dot") == "1.40"
    assert nb7.wait_for_python("w.b", lambda v: v == [-0.2, 1.8]) == [-0.2, 1.8]


# a, 2a and a+b along one line, b on a, everything at the origin, a in a corner
VP_LAYOUTS = {
    "a_2a_sum_in_line": ([1, 1], [0.5, 0.5]),
    "b_on_a": ([2, 1], [2, 1]),
    "at_origin": ([0, 0], [0, 0]),
    "corner": ([4, 4], [4, 3.8]),
    "ten_degrees": ([3, 0.5], [3, 1.0]),
}


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
@pytest.mark.parametrize("large", [False, True])
def test_labels_never_overlap_nor_leave_the_drawing(vp, lab, theme, large):
    lab.page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', "
                      "{theme: t})", theme)
    lab.kernel_eval(f"w.show_sum = True\nw.show_double = True\nw.large_text = {large}")
    for name, (a, b) in VP_LAYOUTS.items():
        lab.kernel_eval(f"w.a = {a}\nw.b = {b}")
        vp.page.wait_for_function(
            "([x, y]) => { const h = document.querySelector('.vp-root [data-testid=handle-b]');"
            " return h && Number(h.dataset.x) === x && Number(h.dataset.y) === y; }", arg=b)
        problems = label_layout_problems(vp.page, ".vp-root", ".vp-arrow .vp-label",
                                         ".vp-handle .vp-marker")
        assert not problems, (name, problems)
        vp.svg.screenshot(path=str(lab.artifacts / f"playground-labels-{name}-"
                                                    f"{'large-' if large else ''}"
                                                    f"{theme.split()[-1].lower()}.png"))


def test_show_dot_false_hides_the_dot_product_rows(vp, lab):
    """Lesson 01's playground: vectors and lengths only, until lesson 02 teaches a·b."""
    lab.kernel_eval("w.show_dot = False")
    vp.page.wait_for_function(
        "() => document.querySelector('.vp-root [data-testid=sign]').hidden")
    shown = vp.root.locator(".vp-readouts").inner_text()
    assert "‖a‖" in shown and "‖b‖" in shown
    for later in ("a · b", "angle", "cos θ", "Positive"):
        assert later not in shown, later
    lab.kernel_eval("w.show_dot = True")
    vp.page.wait_for_function(
        "() => !document.querySelector('.vp-root [data-testid=sign]').hidden")
    assert "a · b" in vp.root.locator(".vp-readouts").inner_text()
