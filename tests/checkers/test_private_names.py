"""No private name of the checkers package is used outside it (issue 25).

The quiz and the tests once imported ``_choice``, ``_clip`` and ``_precision``: a private
helper used elsewhere cannot change without breaking a stranger. Every Python file of the
tree and every notebook's code is read (as syntax, not text) for a ``_name`` taken from
``lessons_lib.checkers`` or one of its modules.
"""

from __future__ import annotations

import ast
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = "lessons_lib.checkers"
SKIP = {".venv", ".git", "node_modules", "build", "dist", ".ipynb_checkpoints", ".mypy_cache",
        ".ruff_cache", "__pycache__"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _dotted(node: ast.AST) -> str | None:
    """``a.b.c`` as text, for a chain of names; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return None if head is None else f"{head}.{node.attr}"
    return None


def private_uses(source: str) -> list[str]:
    """Every use of a private name of the checkers package in ``source``, as "line: what"."""
    tree = ast.parse(source)
    found: list[str] = []
    bound: set[str] = set()  # local names of the package or its modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if node.module.startswith(PACKAGE) and _private(alias.name):
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
                elif full.startswith(PACKAGE):
                    bound.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE):
                    bound.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = _dotted(node.value)
            if owner is not None and (owner in bound or owner.startswith(PACKAGE)):
                found.append(f"{node.lineno}: {owner}.{node.attr}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == "getattr" and len(node.args) >= 2
              and _dotted(node.args[0]) in bound and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and _private(node.args[1].value)):
            found.append(f"{node.lineno}: getattr({_dotted(node.args[0])}, "
                         f"{node.args[1].value!r})")
    return found


def _sources() -> list[tuple[str, str]]:
    """(where, Python source) of every file of the tree outside the package, notebooks too."""
    out = []
    inside = ROOT / "lessons_lib" / "checkers"
    files = []
    for folder, subfolders, names in os.walk(ROOT):
        # hidden folders (.git, .venv, CI's .venv-lowest, caches) and any virtual
        # environment (a folder with pyvenv.cfg) hold no code of this project
        subfolders[:] = sorted(
            d for d in set(subfolders) - SKIP
            if not d.startswith(".") and not pathlib.Path(folder, d, "pyvenv.cfg").exists())
        files += [pathlib.Path(folder, name) for name in sorted(names)]
    for path in files:
        if path.suffix != ".py" or inside in path.parents:
            continue
        out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for path in files:
        if path.suffix != ".ipynb":
            continue
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            if cell["cell_type"] == "code":
                code = "".join(cell["source"])
                lines = [ln if not ln.lstrip().startswith(("%", "!")) else ""
                         for ln in code.split("\n")]  # IPython magics are not Python
                out.append((f"{path.relative_to(ROOT)} cell {i}", "\n".join(lines)))
    return out


def test_the_scan_finds_each_kind_of_private_use():
    source = """
from lessons_lib.checkers import _clip, check_dot
from lessons_lib.checkers.rounding import _COMPUTED, precision
from lessons_lib import checkers as ch
import lessons_lib.checkers.answers as answers
ch._ICON; answers._kind(1); lessons_lib.checkers._show(2); getattr(ch, "_guard")
ch.check_dot; ch.__name__; other._private
"""
    found = sorted(f.split(": ", 1)[1] for f in private_uses(source))
    assert found == sorted([
        "from lessons_lib.checkers import _clip",
        "from lessons_lib.checkers.rounding import _COMPUTED",
        "ch._ICON", "answers._kind", "lessons_lib.checkers._show", "getattr(ch, '_guard')",
    ]), found


def test_no_private_name_of_the_checkers_is_used_outside_the_package():
    sources = _sources()
    assert any(where == "lessons_lib/widgets/quiz.py" for where, _ in sources)  # found, not listed
    assert any(where.startswith("notebooks/") for where, _ in sources)
    leaks = [f"{where}:{use}" for where, source in sources
             if "checkers" in source  # no mention, no import: spares parsing the rest
             for use in private_uses(source)]
    assert not leaks, ("private names of lessons_lib.checkers used outside it; give each a "
                       "public name in its module (and a doctest) instead:\n" + "\n".join(leaks))
