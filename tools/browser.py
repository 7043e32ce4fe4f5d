"""The real-browser harness, usable without pytest: Jupyter servers and notebook pages.

``JupyterServer`` starts ``jupyter lab`` or ``jupyter notebook`` (Notebook 7) on a free
port with a random token in its own process group; ``JupyterPage`` drives one notebook in a
Playwright page (open, run all, evaluate code in the notebook's own kernel, screenshot).
The pytest fixtures in ``conftest.py`` and ``benchmarks/bench_drag.py`` both build on it.
Chromium is Debian's (``/usr/bin/chromium`` or env ``LESSONS_CHROMIUM``); never
``playwright install``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The small notebooks the browser tests and the drag benchmark open (one widget each).
NOTEBOOKS = ROOT / "tests" / "browser" / "notebooks"
CHROMIUM = os.environ.get("LESSONS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 90.0  # seconds for the server to answer
UI_TIMEOUT = 90_000  # ms for the page to load a notebook / run its cells


def need(what: str, ok: bool) -> None:
    """In a test: skip when ``what`` is missing here, but FAIL under CI (env ``CI`` set).

    A test that silently never runs in CI is worse than none.
    """
    if ok:
        return
    import pytest  # only tests call this; the harness itself does not need pytest

    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI, so this test cannot be skipped there",
                    pytrace=False)
    pytest.skip(f"{what} is not available here")


def playwright_importable() -> bool:
    """Whether the playwright Python package can be imported."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


class OfflineGuard:
    """Block every request that is not ``file:`` in a Playwright context, and keep a list.

    ``problems`` names each blocked request and each local file that failed to load (a
    vendored asset missing from ``_static``): an offline page must end with none.
    """

    def __init__(self, context: Any) -> None:
        self.problems: list[str] = []
        context.route(re.compile(r"^(?!file:)"), self._block)
        context.on("requestfailed", self._failed)

    def _block(self, route: Any) -> None:
        self.problems.append(f"network request: {route.request.url}")
        route.abort()

    def _failed(self, request: Any) -> None:
        if request.url.startswith("file:"):
            self.problems.append(f"failed to load: {request.url}")


#: TeX that MathJax has not typeset: ``$…$``, ``$$…$$``, ``\(…\)`` or ``\[…\]`` in the text
#: a reader sees (MathJax keeps its source in <script type="math/tex">, not in the text).
RAW_TEX = re.compile(r"\$[^$\s][^$]*\$|\\\(|\\\[")


def raw_tex(page: Any, selector: str = ".jp-RenderedMarkdown, .text_cell_render") -> list[str]:
    """Wait for MathJax to finish typesetting; return any TeX left raw in ``selector``.

    A page whose MathJax did not load (a blocked CDN) returns its formulas' TeX.
    """
    page.wait_for_function(
        "() => document.readyState === 'complete' && (!(window.MathJax && MathJax.Hub)"
        " || (!MathJax.Hub.queue.pending && !MathJax.Hub.queue.running))", timeout=UI_TIMEOUT)
    texts = page.eval_on_selector_all(selector, "els => els.map(e => e.innerText)")
    return [m.group(0) for text in texts for m in RAW_TEX.finditer(text)]


#: The layout of a widget's drawing as a person sees it: ``(root, [labels, tips, svg])``
#: selectors → the client boxes of its visible text labels, its draggable tips and the SVG.
LABEL_LAYOUT_JS = """([root, labelSel, tipSel, svgSel]) => {
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const shown = (e) => !e.closest('[visibility=hidden]');
  return [...document.querySelectorAll(root)].map((el) => ({
    svg: box(el.querySelector(svgSel)),
    labels: [...el.querySelectorAll(labelSel)]
      .filter((t) => t.textContent && shown(t))
      .map((t) => ({text: t.textContent, ...box(t)})),
    tips: [...el.querySelectorAll(tipSel)].filter(shown).map(box)}));
}"""


def label_layout_problems(page: Any, root: str, labels: str, tips: str,
                          svg: str = "[data-testid=svg]") -> list[str]:
    """Text labels of drawn widgets (every element matching ``root``) that leave their
    SVG, cover a draggable tip or overlap each other."""

    def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
        return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])

    problems: list[str] = []
    for seen in page.evaluate(LABEL_LAYOUT_JS, [root, labels, tips, svg]):  # every match
        frame = seen["svg"]
        for i, label in enumerate(seen["labels"]):
            if (label["x"] < frame["x"] - 0.5 or label["y"] < frame["y"] - 0.5
                    or label["x"] + label["w"] > frame["x"] + frame["w"] + 0.5
                    or label["y"] + label["h"] > frame["y"] + frame["h"] + 0.5):
                problems.append(f"{label['text']!r} leaves the drawing")
            if any(overlap(label, tip) for tip in seen["tips"]):
                problems.append(f"{label['text']!r} hides a draggable tip")
            problems += [f"{label['text']!r} overlaps {other['text']!r}"
                         for other in seen["labels"][i + 1:] if overlap(label, other)]
    return problems


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class JupyterServer:
    """A ``jupyter lab`` or ``jupyter notebook`` subprocess in its own process group."""

    def __init__(self, app: str, workdir: Path,
                 settings: dict[str, dict[str, Any]] | None = None) -> None:
        """``settings``: extra JupyterLab user settings, ``{"plugin-id": {key: value}}``."""
        if app not in ("lab", "notebook"):
            raise ValueError(f"app is 'lab' or 'notebook', not {app!r}")
        self.app = app
        self.settings = settings or {}
        self.workdir = workdir
        self.root_dir = workdir / "root"
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    # ------------------------------------------------------------------ life
    def start(self) -> JupyterServer:
        shutil.copytree(NOTEBOOKS, self.root_dir)
        settings = self.workdir / "user-settings"
        notify = (settings / "@jupyterlab" / "apputils-extension"
                  / "notification.jupyterlab-settings")
        notify.parent.mkdir(parents=True)
        notify.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        for plugin, values in self.settings.items():
            package, _, name = plugin.partition(":")
            target = settings / package / f"{name}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values))
        names = ("config", "runtime", "workspaces", "ipython")
        dirs = {name: self.workdir / name for name in names}
        for d in dirs.values():
            d.mkdir()
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            IPYTHONDIR=str(dirs["ipython"]),
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        )
        cls = "LabApp" if self.app == "lab" else "JupyterNotebookApp"
        cmd = [
            sys.executable, "-m", "jupyter", self.app, "--no-browser",
            "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root_dir}",
            f"--{cls}.expose_app_in_browser=True",
            f"--{cls}.user_settings_dir={settings}",
            f"--{cls}.workspaces_dir={dirs['workspaces']}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
            cmd.append("--allow-root")
        if self.app == "lab":
            cmd += ["--LabApp.news_url=None",
                    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=self.root_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter {self.app} exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                self.api("GET", "/api/status")
                return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"jupyter {self.app} did not answer in {START_TIMEOUT}s:\n"
                           f"{self.log_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(Exception):
            self.shutdown_kernels()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    # ------------------------------------------------------------------- api
    def api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"{self.base}{path}", method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every session and kernel of this server (REST API), so tests do not share one."""
        for session in self.api("GET", "/api/sessions"):
            with contextlib.suppress(urllib.error.URLError):
                self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels"):
            with contextlib.suppress(urllib.error.URLError):
                self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def notebook_url(self, name: str) -> str:
        """URL opening ``name``; in JupyterLab in a fresh workspace, so no earlier test's
        documents are restored next to it."""
        if self.app == "lab":
            workspace = f"test-{secrets.token_hex(6)}"
            return f"{self.base}/lab/workspaces/{workspace}/tree/{name}?token={self.token}"
        return f"{self.base}/notebooks/{name}?token={self.token}"


# In-page snippets. ``panel(path)`` finds the notebook panel showing ``path`` (not just the
# current widget, so a restored or second document can never be driven by mistake).
_PANEL = """
const panel = (path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.sessionContext && w.content) return w;
  }
  return null;
};
"""

_KERNEL_IDLE_JS = f"""(path) => {{ {_PANEL}
  const p = panel(path);
  if (!p) return false;
  const ctx = p.sessionContext;
  const kernel = ctx.session && ctx.session.kernel;
  return !!(p.context.isReady && ctx.isReady && kernel && kernel.status === 'idle'
            && kernel.connectionStatus === 'connected');
}}"""

_RUN_ALL_JS = f"""async (path) => {{ {_PANEL}
  const p = panel(path);
  window.jupyterapp.shell.activateById(p.id);
  await window.jupyterapp.commands.execute('notebook:run-all-cells');
}}"""

_ALL_RAN_JS = f"""(path) => {{ {_PANEL}
  const p = panel(path);
  if (!p) return false;
  const cells = p.content.widgets.filter(c => c.model.type === 'code');
  const kernel = p.sessionContext.session && p.sessionContext.session.kernel;
  return cells.every(c => c.model.executionCount !== null && c.promptNode
                      && !c.promptNode.textContent.includes('*'))
         && !!kernel && kernel.status === 'idle';
}}"""

_ERRORS_JS = f"""(path) => {{ {_PANEL}
  const out = [];
  for (const c of panel(path).content.widgets) {{
    if (c.model.type !== 'code') continue;
    // a lesson's cells that show an error on purpose (nbval's raises-exception tag)
    if ((c.model.getMetadata('tags') || []).includes('raises-exception')) continue;
    for (let i = 0; i < c.model.outputs.length; i++) {{
      const o = c.model.outputs.get(i).toJSON();
      if (o.output_type === 'error') out.push(o.ename + ': ' + o.evalue);
    }}
  }}
  return out;
}}"""

_EXECUTE_JS = f"""async ([path, code]) => {{ {_PANEL}
  const kernel = panel(path).sessionContext.session.kernel;
  const future = kernel.requestExecute({{code, silent: false, store_history: false}});
  let text = '';
  let error = null;
  future.onIOPub = (msg) => {{
    const t = msg.header.msg_type;
    if (t === 'stream') text += msg.content.text;
    else if (t === 'execute_result') text += msg.content.data['text/plain'] + '\\n';
    else if (t === 'error') error = msg.content.ename + ': ' + msg.content.evalue;
  }};
  await future.done;
  return {{text, error}};
}}"""


class JupyterPage:
    """One browser page showing one notebook in JupyterLab or Notebook 7 (see module doc)."""

    def __init__(self, page: Any, server: JupyterServer, artifacts: Path) -> None:
        self.page = page
        self.server = server
        self.path = ""  # the notebook open in this page
        self.artifacts = artifacts
        self.console: list[str] = []
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))

    def open_notebook(self, name: str) -> JupyterPage:
        self.path = name
        self.page.goto(self.server.notebook_url(name), timeout=UI_TIMEOUT)
        self.page.wait_for_selector(".jp-Notebook", timeout=UI_TIMEOUT)
        self.page.wait_for_function(_KERNEL_IDLE_JS, arg=name, timeout=UI_TIMEOUT)
        if self.server.app == "lab":
            # JupyterLab's own status-bar indicator agrees that the kernel is idle
            self.page.wait_for_selector(
                ".jp-Notebook-ExecutionIndicator[data-status='idle']",
                state="attached", timeout=UI_TIMEOUT,
            )
        return self

    def run_all(self) -> JupyterPage:
        self.page.evaluate(_RUN_ALL_JS, self.path)
        self.page.wait_for_function(_ALL_RAN_JS, arg=self.path, timeout=UI_TIMEOUT)
        errors = self.page.evaluate(_ERRORS_JS, self.path)
        if errors:
            raise AssertionError(f"a notebook cell raised: {errors}")
        return self

    def kernel_eval(self, code: str) -> str:
        """Run ``code`` in the notebook's kernel; return its stdout (+ text/plain result)."""
        result = self.page.evaluate(_EXECUTE_JS, [self.path, code])
        if result["error"]:
            raise AssertionError(f"kernel raised {result['error']} running:\n{code}")
        return str(result["text"])

    def python_json(self, expression: str) -> Any:
        """``expression`` evaluated in the kernel, round-tripped through JSON."""
        text = self.kernel_eval(f"import json as _j; print(_j.dumps({expression}))")
        return json.loads(text)

    def wait_for_python(self, expression: str, predicate: Callable[[Any], bool],
                        timeout: float = 15.0) -> Any:
        """Poll ``expression`` in the kernel until ``predicate(value)``; return the value.

        A widget's ``save_changes`` can reach the kernel a moment after the pointer is
        released, so tests of Python state poll instead of reading once.
        """
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.python_json(expression)
            if predicate(value):
                return value
            time.sleep(0.1)
        raise AssertionError(f"{expression} in the kernel is still {value!r} after {timeout}s")

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


# ---------------------------------------------------------------- fixtures
