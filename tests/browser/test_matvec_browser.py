"""MatVecWidget (lesson 06 §6) in a real browser: keyboard on a slider refills every row.

Expected rows are worked out by hand: M = [[1, 2], [3, −1], [0, 1]].
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NOTEBOOK = "matvec.ipynb"


def _table(jp):
    table = jp.page.locator("table:has(caption)").filter(has_text="one dot product per row").first
    table.wait_for(state="visible", timeout=60_000)
    table.scroll_into_view_if_needed()
    return table


# JupyterLab only for now: in Notebook 7 the focused ipywidgets slider handle (role=slider)
# ignores ArrowRight (seen 2026-11-24, same noUiSlider as NeuronWidget's) — reported, not hidden.
@pytest.mark.parametrize("app", ["lab"])
def test_arrow_keys_move_x_and_every_row_follows(app, request):
    jp = request.getfixturevalue(app)
    jp.open_notebook(NOTEBOOK)
    jp.run_all()
    table = _table(jp)
    # start x = [2, 1]: rows 1·2 + 2·1 = 4, 3·2 − 1 = 5, 0·2 + 1 = 1
    assert "M x = [4, 5, 1]" in table.inner_text()
    slider = jp.page.locator(".widget-slider .ui-slider-handle, .widget-slider [role=slider]").first
    slider.click()  # on the handle itself: focuses it without moving it
    for _ in range(10):  # ten steps of 0.1: x1 = 2 → 3
        jp.page.keyboard.press("ArrowRight")
    jp.wait_for_python("w.x", lambda x: x == [3, 1])
    # x = [3, 1]: 3 + 2 = 5, 9 − 1 = 8, 0 + 1 = 1
    jp.page.wait_for_function(
        "() => [...document.querySelectorAll('table caption')].some("
        "c => c.closest('table').innerText.includes('M x = [5, 8, 1]'))", timeout=30_000)
    # the table sits in a polite live region (AccessibleControls marks the readout widget)
    assert table.locator("xpath=ancestor::*[@aria-live][1]").get_attribute("aria-live") == "polite"
    jp.screenshot(f"matvec_{app}")
