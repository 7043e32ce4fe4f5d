"""Join a widget's ES modules into the one module anywidget loads: no build step.

Each widget front end is a real ES module graph: ``vector_playground.js`` imports
what it uses (``import { fixed } from "./_format.js"``), and every file is a valid
module on its own, which ``node --test`` imports directly (``tests/js/``). anywidget
takes one module per widget (its ``_esm``), so :func:`inline` resolves the relative
imports at import time, in Python, deterministically:

* every imported file becomes one function scope that returns its exports
  (``const __m_format = (() => { …; return { fixed, … }; })();``), so two files
  may use the same private names;
* each ``import { a, b as c } from "./x.js";`` becomes
  ``const { a, b: c } = __m_x;``;
* a file imported twice is included once, dependencies first.

Only the forms these widgets use are supported, and anything else is an error
that names the file and line: ``import { … } from "./file.js";`` (relative, on
one line), ``export function name``, ``export const name`` and
``export default …`` (entry module only). That keeps the inliner small enough
to read in a minute; see ``docs/architecture.md``.

Examples
--------
>>> source = inline("vector_playground.js")
>>> any(line.startswith("import ") for line in source.splitlines())
False
>>> source.count("const __m_format =")
1
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w.-]+\.js)";\s*$')
_EXPORT = re.compile(r"^export\s+(?:async\s+)?(function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")


class ModuleError(ValueError):
    """A widget module uses a form the inliner does not support."""


def _namespace(filename: str) -> str:
    return "__m_" + re.sub(r"\W", "_", filename.removesuffix(".js").lstrip("_"))


def _imports(line: str, where: str) -> tuple[str, list[tuple[str, str]]] | None:
    if not line.startswith("import"):
        return None
    match = _IMPORT.match(line)
    if match is None:
        raise ModuleError(
            f"{where}: only `import {{ a, b }} from \"./file.js\";` on one line is supported "
            "(relative files beside the widget, named imports)."
        )
    names = []
    for part in filter(None, (p.strip() for p in match.group(1).split(","))):
        original, _, alias = part.partition(" as ")
        names.append((original.strip(), (alias or original).strip()))
    return match.group(2), names


def _read(filename: str) -> list[str]:
    path = HERE / filename
    if not path.is_file():
        raise ModuleError(f"{filename} is imported but missing from lessons_lib/widgets/")
    return path.read_text(encoding="utf-8").splitlines()


def _rewrite_imports(filename: str, lines: list[str], order: list[str],
                     seen: set[str]) -> list[str]:
    """Replace import lines by destructuring; append dependencies to ``order``."""
    out = []
    for number, line in enumerate(lines, 1):
        found = _imports(line.strip(), f"{filename}:{number}")
        if found is None:
            out.append(line)
            continue
        dependency, names = found
        _collect(dependency, order, seen)
        pairs = ", ".join(a if a == b else f"{a}: {b}" for a, b in names)
        out.append(f"const {{ {pairs} }} = {_namespace(dependency)};")
    return out


def _collect(filename: str, order: list[str], seen: set[str]) -> None:
    if filename in seen:
        return
    seen.add(filename)
    lines = _read(filename)
    for number, line in enumerate(lines, 1):
        found = _imports(line.strip(), f"{filename}:{number}")
        if found is not None:
            _collect(found[0], order, seen)
    order.append(filename)


def _as_scope(filename: str, seen: set[str]) -> str:
    """A dependency as ``const __m_x = (() => { …; return { exports }; })();``."""
    body, exports = [], []
    for number, line in enumerate(_rewrite_imports(filename, _read(filename), [], seen), 1):
        if line.startswith("export default"):
            raise ModuleError(f"{filename}:{number}: only a widget's own module has a default "
                              "export; export named functions from shared files.")
        match = _EXPORT.match(line)
        if match:
            exports.append(match.group(2))
            line = line[len("export "):]
        elif line.startswith("export"):
            raise ModuleError(f"{filename}:{number}: write `export function name` or "
                              "`export const name = …` (no export lists).")
        body.append("  " + line if line else "")
    joined = "\n".join(body)
    return (f"// ---- {filename}\nconst {_namespace(filename)} = (() => {{\n{joined}\n"
            f"  return {{ {', '.join(exports)} }};\n}})();\n")


def inline(entry: str) -> str:
    """The widget module ``entry`` with its relative imports resolved into one module.

    Parameters
    ----------
    entry : str
        A file in ``lessons_lib/widgets/``, e.g. ``"vector_playground.js"``.

    Returns
    -------
    str
        One ES module (the entry's ``export default`` stays the module's default).
    """
    order: list[str] = []
    _collect(entry, order, set())
    dependencies = order[:-1]  # dependencies first, the entry last
    parts = ["// Built by lessons_lib/widgets/_esm.py from the widget's ES modules: "
             "edit those files, not this text.\n"]
    parts += [_as_scope(name, set(order)) for name in dependencies]
    parts.append(f"// ---- {entry}\n" + "\n".join(
        _rewrite_imports(entry, _read(entry), [], set(order))) + "\n")
    return "\n".join(parts)
