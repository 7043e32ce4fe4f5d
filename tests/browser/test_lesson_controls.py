"""Every control of every lesson, by mouse and by keyboard, in JupyterLab and Notebook 7.

For each lesson (found by ``tools._paths.lessons``) in each app:

* **opens clean**: opened and left alone until its kernel is idle, the lesson is not
  marked unsaved (the stored ``language_info`` is the kernel's own);
* then after Run All, the controls are **found in the page** (radio buttons, lists, toggle
  buttons, buttons, check boxes, text boxes, slider handles and their editable readouts,
  range inputs, disclosures, the drawings' tips) and must be exactly the controls the
  inventory (``python -m tools.controls``) finds in the stored lesson;
* each is **used by keyboard** (focused, then its key: arrows, Enter, Space, typing) and
  **by mouse** (click, drag): the output it drives changes where it should, the
  notebook does not (same active cell, no heading collapsed, the notebook not scrolled by
  the key), no cell shows an error, and nothing is written to the notebook file;
* in JupyterLab each widget is photographed after use in the light and the dark theme,
  in Notebook 7 in its default theme (``LESSONS_ARTIFACTS``).
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tools import controls
from tools._paths import ROOT, lessons

from .harness import JupyterPage, JupyterServer

pytestmark = pytest.mark.browser

LESSONS = [p.name for p in lessons()]
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
APPS = ("lab", "notebook")

#: Finds every control a learner can operate in the lesson's widget outputs, tags each
#: with data-ll-ctl="<n>" (re-selected by that after scrolling) and names its kind.
FIND_JS = """(sel) => {
  const kinds = [
    ['input[type=radio]', 'radio'],
    ['select[multiple]', 'multiselect'],
    ['select:not([multiple])', 'select'],
    ['.widget-toggle-buttons button', 'toggle'],
    ['button', 'button'],
    ['input[type=checkbox]', 'checkbox'],
    ['input[type=range]', 'range'],
    ['input[type=text], input[type=number], textarea', 'text'],
    ['.widget-slider [role=slider], .widget-slider .noUi-handle', 'slider'],
    ['.widget-readout', 'readout'],
    ['summary', 'summary'],
    ['[aria-roledescription="draggable vector tip"]', 'tip'],
  ];
  const found = [];
  const seen = new Set();
  let n = 0;
  for (const out of document.querySelectorAll(sel)) {
    if (!out.querySelector('.jupyter-widgets, .ll-widget')) continue;
    for (const el of out.querySelectorAll('*')) {
      if (seen.has(el)) continue;
      const hit = kinds.find(([s]) => el.matches(s));
      if (!hit) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[visibility=hidden]')) continue;
      if (hit[1] === 'slider' && found.some(f => f.el === el)) continue;
      el.dataset.llCtl = String(n);
      found.push({el, id: n, kind: hit[1]});
      n += 1;
    }
  }
  return found.map(({id, kind}) => ({id, kind}));
}"""

#: What the notebook itself looks like: which cell is active, which headings are
#: collapsed, how far it is scrolled. A key used inside a widget must change none of it.
NOTEBOOK_STATE_JS = """(path) => {
  const app = window.jupyterapp;
  const p = [...app.shell.widgets('main')].find(w => w.context && w.context.path === path);
  const nb = p.content;
  const collapsed = nb.widgets.filter(c => c.model.type === 'markdown'
      && (c.model.getMetadata('jp-MarkdownHeadingCollapsed') || c.headingCollapsed)).length;
  const scroller = p.node.querySelector('.jp-WindowedPanel-outer') || p.content.node;
  return {active: nb.activeCellIndex, collapsed, scroll: Math.round(scroller.scrollTop),
          dirtyHeading: nb.widgets.some(c => c.model.getMetadata('jp-MarkdownHeadingCollapsed'))};
}"""

OUTPUT_TEXT_JS = """(id) => {
  const el = document.querySelector(`[data-ll-ctl="${id}"]`);
  const out = el && el.closest('.jp-OutputArea-output');
  const checked = out ? [...out.querySelectorAll('input:checked')].map(
      i => i.closest('[data-ll-ctl]') ? i.dataset.llCtl : '').join(',') : '';
  return out ? out.innerText + '|' + checked + '|' + (el.value ?? '')
             + '|' + (el.getAttribute('aria-valuenow') ?? '')
             + '|' + (el.closest('details') ? el.closest('details').open : '') : null;
}"""

FOCUS_INSIDE_JS = """(id) => {
  const out = document.querySelector(`[data-ll-ctl="${id}"]`).closest('.jp-OutputArea-output');
  return !!out && out.contains(document.activeElement);
}"""

DIRTY_JS = """(path) => {
  const app = window.jupyterapp;
  const p = [...app.shell.widgets('main')].find(w => w.context && w.context.path === path);
  return p ? p.context.model.dirty : null;
}"""

#: kind → (keys pressed after focusing, whether what the learner sees must change)
KEYBOARD: dict[str, tuple[list[str], bool]] = {
    "radio": (["ArrowDown"], True),
    "select": (["ArrowDown"], True),
    "multiselect": (["ArrowDown"], True),
    "toggle": (["Space"], False),  # the active toggle pressed again changes nothing
    "button": (["Enter"], False),
    "checkbox": (["Space"], True),
    "range": (["ArrowRight", "ArrowRight"], True),
    "text": (["1", "Enter"], True),
    "slider": (["ArrowRight"], True),
    "readout": ([], False),  # typed into below
    "summary": (["Enter"], True),
    "tip": (["ArrowRight", "ArrowUp"], True),
}


def _server(app: str, tmp: Path) -> JupyterServer:
    server = JupyterServer(app, tmp, settings={
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}})
    server.start()
    shutil.copytree(ROOT / "notebooks", server.root_dir / "lessons")
    return server


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[dict]:
    started: dict[str, JupyterServer] = {}
    try:
        for app in APPS:
            started[app] = _server(app, tmp_path_factory.mktemp(f"controls-{app}"))
        yield started
    finally:
        for server in started.values():
            server.stop()


def _open(browser: Any, server: JupyterServer, artifacts: Path,
          lesson: str) -> tuple[Any, JupyterPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    jp = JupyterPage(context.new_page(), server, artifacts)
    jp.open_notebook(f"lessons/{lesson}")
    return context, jp


def _active(page: Any, sel: str) -> bool:
    return bool(page.locator(sel).evaluate(
        "e => e.classList.contains('mod-active') || e.getAttribute('aria-pressed') === 'true'"))


#: Collects every error the kernel reports while widgets are used, including those raised
#: in a widget's callback (they reach no cell: JupyterLab only logs them).
LISTEN_JS = """(path) => {
  const p = [...window.jupyterapp.shell.widgets('main')]
    .find(w => w.context && w.context.path === path);
  window.__llKernelErrors = [];
  p.sessionContext.session.kernel.iopubMessage.connect((_, msg) => {
    if (msg.header.msg_type === 'error')
      window.__llKernelErrors.push(msg.content.ename + ': ' + msg.content.evalue);
    if (msg.header.msg_type === 'stream' && msg.content.name === 'stderr')
      window.__llKernelErrors.push('stderr: ' + msg.content.text.trim());
  });
}"""


def _use(jp: JupyterPage, control: dict[str, Any], how: str) -> list[str]:
    """Operate one control by keyboard or mouse; return what went wrong."""
    page = jp.page
    sel = f'[data-ll-ctl="{control["id"]}"]'
    kind = control["kind"]
    problems: list[str] = []
    page.locator(sel).scroll_into_view_if_needed()
    before = page.evaluate(OUTPUT_TEXT_JS, control["id"])
    if how == "keyboard":
        page.locator(sel).focus()
        state = page.evaluate(NOTEBOOK_STATE_JS, jp.path)
        keys, must_change = KEYBOARD[kind]
        if kind == "toggle":  # pressing the chosen toggle again changes nothing
            must_change = not _active(page, sel)
        if kind in ("select", "multiselect") and page.locator(sel).evaluate(
                "e => e.selectedIndex === e.options.length - 1"):
            keys = ["ArrowUp"]  # the last option is chosen: go up, not nowhere
        if kind == "readout":
            page.keyboard.press("Control+A")
            keys, must_change = ["0", ".", "5", "Enter"], True
        for key in keys:
            page.keyboard.press(key)
        after_state = page.evaluate(NOTEBOOK_STATE_JS, jp.path)
        # focus that moved inside the widget (the next radio of a group) may scroll it
        # into view; the notebook must not scroll on its own
        inside = page.evaluate(FOCUS_INSIDE_JS, control["id"])
        for name in ("active", "collapsed", "scroll"):
            if name == "scroll" and inside:
                continue
            if after_state[name] != state[name]:
                problems.append(f"{kind} #{control['id']}: {'+'.join(keys)} changed the "
                                f"notebook's {name} ({state[name]} → {after_state[name]})")
    else:
        box = page.locator(sel).bounding_box()
        must_change = kind not in ("button", "toggle", "readout") or (
            kind == "toggle" and not _active(page, sel))
        if kind in ("select", "multiselect"):
            count = page.locator(f"{sel} option").count()
            values = page.locator(sel).evaluate("e => [...e.selectedOptions].map(o => o.index)")
            target = (values[0] + 1) % count if values else 0
            page.locator(sel).select_option(index=target)
        elif kind in ("tip", "slider") and box:
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x + 25, y - 15, steps=4)
            page.mouse.up()
        elif kind == "range" and box:
            # on the track, away from the thumb (a click on the thumb moves nothing)
            page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] / 2)
        elif kind == "text":
            page.locator(sel).fill("2")
            page.locator(sel).press("Enter")
        elif kind == "toggle":
            page.locator(sel).click()
        else:
            page.locator(sel).click()
    if must_change:
        try:
            page.wait_for_function(f"([id, b]) => ({OUTPUT_TEXT_JS})(id) !== b",
                                   arg=[control["id"], before], timeout=5000)
        except Exception:
            problems.append(f"{kind} #{control['id']} used by {how}: nothing the learner "
                            "sees changed")
    return problems


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("lesson", LESSONS)
def test_every_control_by_mouse_and_keyboard(lesson: str, app: str, servers: dict,
                                             browser: Any, artifacts_dir: Path) -> None:
    server = servers[app]
    stored = (server.root_dir / "lessons" / lesson).read_bytes()
    context, jp = _open(browser, server, artifacts_dir, lesson)
    try:
        # opened and left alone until the kernel is idle, a lesson is not marked unsaved
        jp.page.wait_for_timeout(1500)  # the kernel's info has been written into the model
        assert jp.page.evaluate(DIRTY_JS, jp.path) is False, (
            f"{lesson} opens marked unsaved in {app}: re-run it with tools.run_notebooks")
        jp.run_all()
        page = jp.page
        page.wait_for_function(
            "() => !document.body.innerText.includes('Loading widget')", timeout=60_000)
        page.evaluate(LISTEN_JS, jp.path)
        found = page.evaluate(FIND_JS, OUTPUTS)
        stored_copy = server.root_dir / "lessons" / lesson
        expected = Counter(c.kind for c in controls.inventory(stored_copy))
        assert Counter(c["kind"] for c in found) == expected, (
            f"{lesson} in {app}: the page's controls differ from the inventory")
        problems: list[str] = []
        for control in found:
            for how in ("keyboard", "mouse"):
                problems += _use(jp, control, how)
        final = page.evaluate(NOTEBOOK_STATE_JS, jp.path)
        assert not final["dirtyHeading"], "a heading was collapsed and stored in the notebook"
        errors = page.evaluate("""(path) => {
          const p = [...window.jupyterapp.shell.widgets('main')]
            .find(w => w.context && w.context.path === path);
          const out = [];
          for (const c of p.content.widgets) {
            if (c.model.type !== 'code') continue;
            if ((c.model.getMetadata('tags') || []).includes('raises-exception')) continue;
            for (let i = 0; i < c.model.outputs.length; i++) {
              const o = c.model.outputs.get(i).toJSON();
              if (o.output_type === 'error') out.push(o.ename + ': ' + o.evalue);
            }
          }
          return out;
        }""", jp.path)
        problems += [f"a cell shows {e}" for e in errors]
        problems += [f"the kernel reported {e}"
                     for e in page.evaluate("() => window.__llKernelErrors")]
        assert (server.root_dir / "lessons" / lesson).read_bytes() == stored, (
            "using the controls wrote to the notebook file")
        _photograph(jp, app, Path(lesson).stem, artifacts_dir)
        assert not problems, f"{lesson} in {app}:\n" + "\n".join(problems)
    finally:
        context.close()
        server.shutdown_kernels()


def _photograph(jp: JupyterPage, app: str, stem: str, artifacts: Path) -> None:
    themes = ["JupyterLab Light", "JupyterLab Dark"] if app == "lab" else [None]
    page = jp.page
    for theme in themes:
        if theme:
            page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', "
                          "{theme: t})", theme)
            page.wait_for_function("t => document.body.dataset.jpThemeName === t", arg=theme)
            page.wait_for_timeout(300)
        shown = page.locator(".jp-OutputArea-output:has(.jupyter-widgets, .ll-widget)")
        suffix = theme.split()[-1].lower() if theme else "nb7"
        for k in range(shown.count()):
            shown.nth(k).screenshot(path=str(artifacts / f"controls-{stem}-{k}-{suffix}.png"))
