"""tools/export_html.py: static HTML pages of the lessons keep their widgets.

* Every lesson exports; each page embeds the saved widget state
  (``application/vnd.jupyter.widget-state+json``) and, for every widget output of the
  notebook, a view whose model id is in that state; lesson links point at pages.
* ``browser`` marker: the ``--offline`` export of the lessons with widgets is opened in
  headless Chromium with no network: every widget view is drawn from the saved state (the
  anywidget panels as SVG, the quizzes as radio buttons) and none says "Loading widget";
  every request that is not ``file:`` is blocked and counted (there must be none, and no
  local file may fail to load), and every formula is typeset (no raw ``$…$`` left).
  Needs npm (fetches the widget front end once, cached) and Chromium; missing either is a
  skip locally and a failure under CI.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools._paths import lessons
from tools.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    OfflineGuard,
    need,
    playwright_importable,
    raw_tex,
)
from tools.export_html import broken_links

ROOT = Path(__file__).resolve().parents[1]
LESSONS = lessons()
STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"


def _views(nb: dict) -> list[str]:
    return [
        out["data"][VIEW_MIME]["model_id"]
        for cell in nb["cells"] for out in cell.get("outputs", [])
        if VIEW_MIME in out.get("data", {})
    ]


def _embedded(page: str, mime: str) -> list[dict]:
    blocks = re.findall(rf'<script type="{re.escape(mime)}">(.*?)</script>', page, re.S)
    return [json.loads(html_lib.unescape(b)) for b in blocks]


def _copies(dest: Path) -> list[Path]:
    """Snapshot the lessons (others may be re-running them while the tests run)."""
    dest.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(p, dest / p.name)) for p in LESSONS]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every lesson is exported into."""
    assert LESSONS, "no lessons under notebooks/"
    tmp = tmp_path_factory.mktemp("html")
    copies = _copies(tmp / "notebooks")
    out = tmp / "site"
    run = subprocess.run([sys.executable, "-m", "tools.export_html", "--out", str(out),
                          *map(str, copies)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, tuple[dict, str]]:
    """{lesson: (notebook JSON, exported page)}."""
    return {
        p.stem: (json.loads(p.read_text()), (site / f"{p.stem}.html").read_text(encoding="utf-8"))
        for p in sorted((site.parent / "notebooks").glob("*.ipynb"))
    }


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_page_embeds_the_state_of_every_widget(pages: dict, lesson: str) -> None:
    nb, page = pages[lesson]
    views = _views(nb)
    if not views:
        assert STATE_MIME not in page or nb.get("metadata", {}).get("widgets")
        return
    states = _embedded(page, STATE_MIME)
    assert len(states) == 1, "expected exactly one widget-state block"
    state = states[0]["state"]
    shown = {v["model_id"] for v in _embedded(page, VIEW_MIME)}
    for model_id in views:
        assert model_id in state, f"{lesson}: widget {model_id} has no embedded state"
        assert model_id in shown, f"{lesson}: widget {model_id} has no view on the page"
    # anywidget views carry their own front end in the state
    for model_id in views:
        model = state[model_id]
        if model["model_module"] == "anywidget":
            assert "export default" in model["state"]["_esm"] or "render" in model["state"]["_esm"]


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_collapsed_code_stays_hidden(pages: dict, lesson: str) -> None:
    """A quiz's code (collapsed in JupyterLab: it holds the answers) is not on the page."""
    nb, page = pages[lesson]
    hidden = [c for c in nb["cells"] if c["metadata"].get("jupyter", {}).get("source_hidden")]
    assert hidden, f"{lesson}: the quiz cell is collapsed in every lesson"
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", page))
    for cell in hidden:
        for line in "".join(cell["source"]).splitlines():
            if len(line.strip()) > 25:  # a distinctive line of the hidden code
                assert line.strip() not in text, (lesson, line)


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_lesson_links_point_at_pages(pages: dict, lesson: str, site: Path) -> None:
    page = pages[lesson][1]
    assert not broken_links(page, site), "links to files that are not beside the page"
    assert not re.search(r'href="\d\d_[\w-]+\.ipynb', page)
    if len(LESSONS) > 1:
        assert re.search(r'href="\d\d_[\w-]+\.html"', page), "the nav links are missing"



@pytest.mark.browser
def test_offline_pages_draw_the_widgets(tmp_path: Path) -> None:
    need("npm", shutil.which("npm") is not None)
    need(f"Chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    need("the playwright Python package", playwright_importable())
    from playwright import sync_api

    copies = _copies(tmp_path / "notebooks")
    without = [p.name for p in copies if not _views(json.loads(p.read_text()))]
    assert not without, f"every lesson has a widget; these have none: {without}"
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "tools.export_html", "--out", str(out),
                          "--offline", *map(str, copies)], capture_output=True, text=True,
                         timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    for name in ("require.js", "embed-amd.js", "anywidget.js"):
        assert (out / "_static" / name).stat().st_size > 1000
    shots = Path(os.environ.get("LESSONS_ARTIFACTS", tmp_path))
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            guard = OfflineGuard(context)  # no network at all: only file:// may load
            for path in copies:
                nb = json.loads(path.read_text())
                state = nb["metadata"]["widgets"][STATE_MIME]["state"]
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.goto((out / f"{path.stem}.html").as_uri())
                views = _views(nb)
                # the HTML manager draws each view into a .widget-subarea next to its <script>
                page.wait_for_function(
                    "n => Array.from(document.querySelectorAll('.widget-subarea'))"
                    ".filter(e => e.children.length > 0).length >= n",
                    arg=len(views), timeout=30_000,
                )
                text = page.inner_text("body")
                assert "Loading widget" not in text
                anywidgets = sum(state[v]["model_module"] == "anywidget" for v in views)
                drawn_svgs = page.evaluate(
                    "document.querySelectorAll('.jp-OutputArea-output svg').length")
                assert drawn_svgs >= anywidgets, f"{path.name}: anywidget panels not drawn"
                assert not errors, errors
                assert not raw_tex(page), f"{path.name}: formulas left as TeX"
                assert not guard.problems, guard.problems
                page.screenshot(path=str(shots / f"static-{path.stem}.png"), full_page=True)
                page.close()
        finally:
            browser.close()


@pytest.mark.parametrize("lesson", [p.stem for p in LESSONS])
def test_every_cdn_tag_carries_its_integrity_hash(pages: dict, lesson: str) -> None:
    from test_supply_chain import check_cdn_tags

    check_cdn_tags(pages[lesson][1])
