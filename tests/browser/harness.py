"""The real-browser harness of the browser tests: Debian Chromium + Playwright, a real
JupyterLab / Notebook 7 on a free port (never Playwright's own browser download).

The code lives in ``tools/browser.py``, so the benchmarks and the non-browser tests that
build slides or static pages use it without importing from ``tests/``; this module keeps
the documented name for the browser tests.
"""

from tools.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    JupyterPage,
    JupyterServer,
    label_layout_problems,
    need,
)

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "NOTEBOOKS", "JupyterPage", "JupyterServer",
           "label_layout_problems", "need"]
