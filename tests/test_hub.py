"""The classroom recipe works end to end: tools/hub_demo.py against a real JupyterHub.

A real ``jupyterhub`` (DummyAuthenticator, SimpleLocalProcessSpawner) behind
``configurable-http-proxy``, two students following the nbgitpuller link in headless
Chromium, each getting their own clone and a kernel that imports ``lessons_lib``; then a
re-pull that keeps a student's edit and restores a deleted lesson. One to two minutes
(94 s measured on a busy 2-core machine).

Marked ``hub`` (deselect with ``-m "not hub"``). Needs Chromium, git and npm (the proxy
is installed once into ``~/.cache/lessons_lib/chp`` if it is not on PATH); a missing one
is a skip locally and a failure under CI.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from tools.browser import CHROMIUM, need

ROOT = Path(__file__).resolve().parents[1]



@pytest.mark.hub
def test_two_students_get_their_own_copy_and_kernel(tmp_path: Path) -> None:
    need(f"Chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    need("git", shutil.which("git") is not None)
    need("npm or configurable-http-proxy",
          bool(shutil.which("npm") or shutil.which("configurable-http-proxy")))
    for module in ("jupyterhub", "nbgitpuller", "playwright"):
        need(f"the {module} package", importlib.util.find_spec(module) is not None)
    from tools import hub_demo
    shots = Path(os.environ.get("LESSONS_ARTIFACTS", tmp_path))
    assert hub_demo.main(["--screenshots", str(shots)]) == 0
    for name in hub_demo.STUDENTS:
        assert (shots / f"hub-lab-{name}.png").stat().st_size > 10_000
