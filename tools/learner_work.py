"""Never overwrite a learner's work: the one check every tool that writes notebooks makes.

A tool that rewrites a notebook in place (``tools.run_notebooks``, ``tools.nav``,
``tools.slides``) first asks git whether each file it would write is committed
unchanged. A file with edits git does not have committed (staged or not), a file git does
not track or ignores, and a file outside any git repository are all refused, with the list
of files, unless the tool is given ``--force``. Nothing is written when one file is refused.

Usage inside a tool::

    from tools.learner_work import refuse_uncommitted
    code = refuse_uncommitted(paths, force="--force" in argv, tool="tools.nav")
    if code:
        return code
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from tools._paths import ROOT


def uncommitted(paths: Iterable[Path]) -> list[Path]:
    """The files among ``paths`` whose current content git does not have committed.

    Examples
    --------
    >>> uncommitted([ROOT / "pyproject.toml"]) in ([], [ROOT / "pyproject.toml"])
    True
    """
    out = []
    for path in paths:
        path = Path(path).resolve()
        result = subprocess.run(
            ["git", "-C", str(path.parent), "status", "--porcelain", "--ignored",
             "--untracked-files=all", "--", path.name],
            capture_output=True, text=True, check=False,
        )
        if result.returncode != 0 or result.stdout.strip():
            out.append(path)  # not in a repository, or modified / staged / untracked / ignored
    return out


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def refuse_uncommitted(paths: Iterable[Path], *, force: bool, tool: str) -> int:
    """0 if the tool may write ``paths``; otherwise print which files and why, and return 2."""
    if force:
        return 0
    risky = uncommitted(paths)
    if not risky:
        return 0
    print(f"{tool} would rewrite {len(risky)} notebook(s) that hold work git does not have "
          "committed (edited, or not tracked by git):", file=sys.stderr)
    for path in risky:
        print(f"  {_shown(path)}", file=sys.stderr)
    print("Nothing was written. Your edits and outputs there would be lost: commit them first "
          "(git add … && git commit) or copy the notebook elsewhere; to overwrite anyway, run "
          f"python -m {tool} again with --force.", file=sys.stderr)
    return 2
