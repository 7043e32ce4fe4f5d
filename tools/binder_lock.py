"""Regenerate ``binder/constraints.txt``: the exact versions a Binder launch installs.

Binder builds its image long after a commit was tested. Without pins, a launch next
year would resolve whatever is newest then. This tool installs the learner's set
(``-e .[lab]``) into a fresh virtual environment and freezes it; ``binder/requirements.txt``
applies the file with ``-c constraints.txt``, and the ``binder`` test replays that
install and runs every lesson in it, so the pinned set is the tested set. Usage::

    python -m tools.binder_lock          # rewrites binder/constraints.txt (about a minute)

Re-run it when pyproject's dependencies change, then run ``pytest -m binder``.
"""

from __future__ import annotations

import subprocess
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "binder" / "constraints.txt"
HEADER = (
    "# The versions Binder installs (applied by requirements.txt with -c), frozen from a\n"
    "# fresh `pip install -e .[lab]` on Python 3.11 by `python -m tools.binder_lock`.\n"
    "# Do not edit by hand; `pytest -m binder` runs every lesson with exactly this set.\n"
)


def freeze() -> str:
    """Install the learner's set into a fresh venv and return ``pip freeze`` of it."""
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        pip = [str(env_dir / "bin" / "python"), "-m", "pip"]
        subprocess.run([*pip, "install", "-q", "-e", f"{ROOT}[lab]"], check=True)
        out = subprocess.run([*pip, "freeze", "--exclude-editable"], check=True,
                             capture_output=True, text=True).stdout
    lines = sorted(line for line in out.splitlines() if line and not line.startswith("#"))
    return HEADER + "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(freeze(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
