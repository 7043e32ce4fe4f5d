"""Safe classroom defaults (issue 11): what a teacher copies must not bite the class."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_hub_demo_listens_on_this_machine_only():
    source = (ROOT / "tools" / "hub_demo.py").read_text(encoding="utf-8")
    assert "0.0.0.0" not in source
    for setting in ("c.JupyterHub.ip", "c.JupyterHub.hub_ip", "c.Spawner.ip"):
        assert re.search(rf'^{re.escape(setting)} = "127\.0\.0\.1"', source, re.M), setting
    assert re.search(r"DummyAuthenticator.*any password", source, re.S | re.I)


def test_classroom_recipe_installs_a_pinned_version():
    text = (ROOT / "docs" / "classroom.md").read_text(encoding="utf-8")
    installs = re.findall(r"git\+https://\S+", text)
    assert installs, "the recipe no longer shows its pip install line"
    for url in installs:
        assert not re.search(r"@(main|master|HEAD)\b", url), f"unpinned install: {url}"


def test_reset_advice_says_what_each_way_discards():
    text = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    section = text.split("## Resetting a student's notebook", 1)[1].split("\n## ", 1)[0]
    for risky in ("Delete", "Revert Notebook to Checkpoint", "git checkout --"):
        bullet = next(b for b in section.split("\n* ") if risky in b)
        assert re.search(r"discard|gone for good", bullet), f"{risky}: say what is lost"
