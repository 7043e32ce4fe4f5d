"""The end-of-lesson quiz in a real browser, played as a learner plays it: a wrong option,
then the right one; a wrong number typed and Check clicked (then Check and Enter again on
the same text: still one try), then the right one typed with Enter and Check.

What must be seen: why the wrong option is wrong (and not the answer), a hint for the
wrong number, the answer after a right try, and a score of first tries with retries
shown apart. Expected values by hand: 1·4 + 2·5 + 3·6 = 32; 2·1 + 3·0 + 4·2 = 10.

The quiz cell records its tries as in the nbgrader course (``record_first_tries``): the
clicks in the page must leave the record nbgrader collects next to the notebook.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NOTEBOOK = "quiz.ipynb"


def _feedback_box(jp, n: int):
    return jp.page.locator(".widget-vbox > .widget-vbox").nth(n).locator(".widget-html").last


def _feedback(jp, n: int) -> str:
    return _feedback_box(jp, n).inner_text()


def _play(jp) -> None:
    jp.open_notebook(NOTEBOOK)
    jp.run_all()
    quiz = jp.page.locator(".widget-vbox:has(h3:text('Quiz in the browser'))").first
    quiz.wait_for(state="visible", timeout=60_000)
    quiz.scroll_into_view_if_needed()
    page = jp.page
    page.get_by_label("B) 21").check()
    # wait on the feedback itself: the cell's source also shows the reason's words
    _feedback_box(jp, 0).filter(has_text="adds all six numbers").wait_for(timeout=30_000)
    first = _feedback(jp, 0)
    assert "Not yet" in first and "B) 21" in first and "Try again" in first
    assert "C) 32" not in first and "1·4 + 2·5" not in first  # the answer is held back
    assert "First try: 0 / 2" in quiz.inner_text()
    page.get_by_label("C) 32").check()  # (first try kept: the score stays 0)
    page.wait_for_function("() => document.body.innerText.includes('right after a retry: 1')")
    right = _feedback(jp, 0)
    assert "Correct" in right and "1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32" in right
    box = quiz.locator("input[type=text]")
    check = quiz.get_by_role("button", name="Check")
    # a WRONG number typed, then Check clicked: the box commits on blur and the button
    # fires; that is one try, with a hint and without the answer
    box.fill("12")
    check.click()
    _feedback_box(jp, 1).filter(has_text="Hint: Multiply the partners").wait_for(timeout=30_000)
    check.click()  # clicking Check again on the same text is no new try
    box.press("Enter")  # nor is Enter on it
    assert jp.wait_for_python("quiz._attempts", lambda a: a[1] >= 1) == [2, 1]
    page.wait_for_timeout(500)  # let any late duplicate reach the kernel
    assert jp.python_json("quiz._attempts") == [2, 1], "one typed answer must be one try"
    wrong = _feedback(jp, 1)
    assert "that adds all six numbers" in wrong and "Hint: Multiply the partners" in wrong
    assert "The answer is" not in wrong and "2·1 + 3·0" not in wrong  # no answer shown
    jp.screenshot(f"quiz_first_tries_{jp.server.app}")
    box.fill("10")
    box.press("Enter")
    check.click()
    page.wait_for_function("() => document.body.innerText.includes('2·1 + 3·0 + 4·2')")
    # the score is its own widget: its update can reach the page after the feedback's
    page.wait_for_function("() => document.body.innerText.includes('right after a retry: 2')")
    assert "First try: 0 / 2 · right after a retry: 2" in quiz.inner_text()
    assert jp.python_json("[quiz.score, quiz.right_after_retry]") == [0, 2]
    assert jp.python_json("quiz._attempts") == [2, 2]  # Enter then Check: one try
    # nothing overflows the quiz's box: long feedback wraps
    overflow = quiz.evaluate("q => [...q.querySelectorAll('.widget-html')].some("
                             "e => e.scrollWidth > e.clientWidth + 1)")
    assert not overflow, "quiz feedback overflows its box"
    quiz.scroll_into_view_if_needed()
    # the record the clicks left next to the notebook (what nbgrader submit sends)
    record = jp.python_json("__import__('json').load(open('quiz.quiz.json'))")
    assert record == {"Quiz in the browser": {
        "1": {"first": "B) 21", "first_status": "wrong", "last": "C) 32",
              "last_status": "correct", "tries": 2},
        "2": {"first": "12", "first_status": "wrong", "last": "10",
              "last_status": "correct", "tries": 2}}}


def test_quiz_played_in_jupyterlab_light_and_dark(lab):
    _play(lab)
    lab.screenshot("quiz_lab_light")
    lab.page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme',"
                      " {theme: 'JupyterLab Dark'})")
    lab.page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    lab.page.wait_for_timeout(500)
    colour = lab.page.locator(".widget-html").last.evaluate("e => getComputedStyle(e).color")
    assert colour != "rgb(0, 0, 0)", "dark theme: quiz text must not be black on black"
    lab.screenshot("quiz_lab_dark")
    lab.page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme',"
                      " {theme: 'JupyterLab Light'})")


def test_quiz_played_in_notebook_7(nb7):
    _play(nb7)
    nb7.screenshot("quiz_nb7")
