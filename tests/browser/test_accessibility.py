"""Accessibility of every lesson as a learner meets it: JupyterLab 4, Run All, light and dark.

For each lesson, run in a real JupyterLab with its widgets live:

* axe-core (the ``axe-playwright-python`` package bundles it; nothing is downloaded at run
  time) audits the lesson's **outputs** (widgets, tables, figures, checker messages) in the
  light and the dark theme: zero violations of the WCAG 2.1 A and AA rules;
* every draggable point of a widget is reachable with Tab (``tabindex="0"``) and has an
  accessible name, and every widget that computes announces its result (``aria-live``);
* every figure (an image output) has a text alternative a screen reader reaches.

JupyterLab normally renders only the cells in view; this server turns that off
(``windowingMode: none``) so every output is in the page for the audit.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tools._paths import ROOT, lessons

from .harness import JupyterPage, JupyterServer, need

pytestmark = pytest.mark.browser

LESSONS = lessons()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THEMES = ("JupyterLab Light", "JupyterLab Dark")
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        need("axe-playwright-python (pip install -e '.[test]')", False)
    return Axe()


@pytest.fixture(scope="module")
def a11y_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[JupyterServer]:
    server = JupyterServer("lab", tmp_path_factory.mktemp("jupyter-a11y"), settings={
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}})
    server.start()
    shutil.copytree(ROOT / "notebooks", server.root_dir / "lessons")
    try:
        yield server
    finally:
        server.stop()


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:4]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} nodes, "
                     f"e.g. {targets}")
    return "\n".join(lines)


KEYBOARD_JS = """(sel) => {
  const problems = [];
  const outputs = [...document.querySelectorAll(sel)];
  for (const out of outputs) {
    for (const h of out.querySelectorAll('[aria-roledescription="draggable vector tip"]')) {
      if (getComputedStyle(h).visibility === 'hidden') continue;  // e.g. b when show_b=False
      if (h.getAttribute('tabindex') !== '0') problems.push('handle not reachable by Tab');
      if (!(h.getAttribute('aria-label') || '').trim()) problems.push('handle without a name');
    }
    const computes = out.querySelector(
      'svg [aria-roledescription], input[type=range], .widget-slider');
    if (computes && !out.querySelector('[aria-live]'))
      problems.push('widget output without an aria-live result: '
                    + out.innerText.slice(0, 60).replace(/\\n/g, ' '));
    for (const img of out.querySelectorAll('img')) {
      const figure = img.closest('figure');
      if (!(img.getAttribute('alt') || '').trim()
          && !(figure && figure.querySelector('figcaption')))
        problems.push('figure without a text alternative');
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("lesson", [p.name for p in LESSONS])
def test_lesson_outputs_are_accessible(lesson: str, a11y_server: JupyterServer, browser: Any,
                                       axe: Any, artifacts_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        jp = JupyterPage(context.new_page(), a11y_server, artifacts_dir)
        jp.open_notebook(f"lessons/{lesson}").run_all()
        page = jp.page
        page.wait_for_function(
            "() => !document.body.innerText.includes('Loading widget')", timeout=60_000)
        problems = page.evaluate(KEYBOARD_JS, OUTPUTS)
        assert not problems, f"{lesson}: {sorted(set(problems))}"
        for theme in THEMES:
            page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', "
                          "{theme: t})", theme)
            page.wait_for_function("t => document.body.dataset.jpThemeName === t", arg=theme)
            page.wait_for_timeout(500)  # the theme's CSS variables are applied
            results = axe.run(page, context={"include": [[OUTPUTS]]},
                              options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
            violations = results.response["violations"]
            stem = Path(lesson).stem
            (artifacts_dir / f"axe-{stem}-{theme.split()[-1].lower()}.json").write_text(
                json.dumps(violations, indent=1))
            assert not violations, f"{lesson}, {theme}:\n{_report(violations)}"
            # what a learner sees: each widget and figure, in this theme
            shown = page.locator(".jp-OutputArea-output:has(.jupyter-widgets), "
                                 ".jp-OutputArea-output:has(figure)")
            for k in range(shown.count()):
                shown.nth(k).screenshot(
                    path=str(artifacts_dir / f"{stem}-{k}-{theme.split()[-1].lower()}.png"))
    finally:
        context.close()
