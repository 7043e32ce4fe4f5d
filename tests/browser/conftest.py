"""Real-browser tests: headless Debian Chromium (Playwright, sync API) driving a real Jupyter.

Every test in ``tests/browser`` is marked ``browser`` (each module sets
``pytestmark = pytest.mark.browser``; deselect locally with ``-m "not browser"``).
Requirements: ``playwright`` (Python package only; NEVER ``playwright install``),
Chromium at ``/usr/bin/chromium`` (or env ``LESSONS_CHROMIUM``), JupyterLab 4 and
Notebook 7 in the running interpreter. If one is missing the tests are *skipped*
with the reason, except under CI (env ``CI`` set), where that is a *failure*.

Fixtures for any ``tests/browser/test_*.py`` (the AttentionExplorer tests reuse them)
------------------------------------------------------------------------------------
``artifacts_dir`` (package)
    Directory for screenshots: env ``LESSONS_ARTIFACTS`` if set, else a pytest tmp dir.
    Its path is printed at the start of the session.
``lab_server`` / ``notebook_server`` (package)
    A ``jupyter lab`` / ``jupyter notebook`` (Notebook 7) subprocess on a free port with
    a random token, serving a temporary copy of ``tests/browser/notebooks/``, with
    news/update checks off and its own settings/workspaces/runtime dirs. Its process
    group is ended (and its kernels shut down) after the session.
``browser`` (package)
    A ``playwright.sync_api.Browser`` (Chromium, headless).
``lab`` (function) and ``nb7`` (function)
    A fresh page in JupyterLab / Notebook 7, as a :class:`JupyterPage`:

    * ``lab.open_notebook("vector_playground.ipynb")`` opens it, waits for the
      notebook and an idle kernel;
    * ``lab.run_all()`` runs all cells and waits until every code cell has run
      (raises if a cell printed an error);
    * ``lab.kernel_eval(code) -> str`` runs ``code`` silently in the notebook's own
      kernel (stdout + the last expression's text/plain) — this reads the real
      Python traitlets, e.g. ``lab.kernel_eval("print(w.a)")``;
    * ``lab.python_json(expr)`` returns ``json.loads`` of ``json.dumps(expr)`` in the kernel;
      ``lab.wait_for_python(expr, predicate)`` polls it until ``predicate(value)``;
    * ``lab.screenshot(name) -> Path`` (one is also taken automatically after every test,
      named after the test); ``lab.page`` is the Playwright ``Page``.

    After each test the page is closed and every kernel of that server is shut down,
    so the next test starts from a fresh kernel.

Notebooks a browser test opens live in ``tests/browser/notebooks/`` (kernelspec python3);
nbval does not collect them (``collect_ignore_glob`` below).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    JupyterPage,
    JupyterServer,
    need,
)

collect_ignore_glob = ["notebooks/*.ipynb"]

# The fixtures below are package-scoped, not session-scoped: Playwright's sync API owns an
# event loop while it runs, so it must be stopped when the tests in this folder are done,
# before other tests (slides, static HTML, the JupyterHub demo) start a Playwright of their own.


def _missing(reason: str) -> None:
    """Skip locally, fail in CI: a browser test that silently never runs is worse than none."""
    need(reason, False)


@pytest.fixture(scope="package")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = os.environ.get("LESSONS_ARTIFACTS")
    path = Path(env) if env else tmp_path_factory.mktemp("browser-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    print(f"\n[browser tests] screenshots in {path}")
    return path


@pytest.fixture(scope="package")
def _playwright() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _missing(f"the Python package playwright is not importable ({error}); "
                 "pip install -e '.[test]'")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _missing(f"no Chromium at {CHROMIUM}: apt-get install chromium, or set "
                 "LESSONS_CHROMIUM to a Chromium binary")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(_playwright: Any) -> Iterator[Any]:
    b = _playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield b
    b.close()


def _server(app: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterServer]:
    module = "jupyterlab" if app == "lab" else "notebook"
    try:
        __import__(module)
    except ImportError:
        _missing(f"{module} is not installed in {sys.executable}; pip install -e '.[lab]'")
    server = JupyterServer(app, tmp_path_factory.mktemp(f"jupyter-{app}"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="package")
def lab_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[JupyterServer]:
    yield from _server("lab", tmp_path_factory)


@pytest.fixture(scope="package")
def notebook_server(tmp_path_factory: pytest.TempPathFactory,
                    browser: Any) -> Iterator[JupyterServer]:
    yield from _server("notebook", tmp_path_factory)


def _page(browser: Any, server: JupyterServer, artifacts: Path,
          request: pytest.FixtureRequest) -> Iterator[JupyterPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  device_scale_factor=1)
    jp = JupyterPage(context.new_page(), server, artifacts)
    try:
        yield jp
    finally:
        try:
            shot = jp.screenshot(request.node.name)
            print(f"\n[browser tests] screenshot: {shot}")
        except Exception as error:  # the page may already be gone after a failure
            print(f"\n[browser tests] no screenshot for {request.node.name}: {error}")
        context.close()
        server.shutdown_kernels()


@pytest.fixture
def lab(browser: Any, lab_server: JupyterServer, artifacts_dir: Path,
        request: pytest.FixtureRequest) -> Iterator[JupyterPage]:
    yield from _page(browser, lab_server, artifacts_dir, request)


@pytest.fixture
def nb7(browser: Any, notebook_server: JupyterServer, artifacts_dir: Path,
        request: pytest.FixtureRequest) -> Iterator[JupyterPage]:
    yield from _page(browser, notebook_server, artifacts_dir, request)
