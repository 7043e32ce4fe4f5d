"""Resolve every dependency, direct and transitive, to its lowest allowed version.

The lower bounds in ``pyproject.toml`` are a promise: the package works with them, and
with the oldest versions of what they pull in. CI keeps the promise honest (``.ci/run``,
stage 1) by installing that lowest set and running the non-browser suite::

    pip install uv
    python -m tools.lowest_constraints --uv uv lab test classroom > lowest.txt
    uv pip install --only-binary :all: -r lowest.txt && uv pip install --no-deps -e .

The set is ``uv pip compile --resolution lowest`` over ``pyproject.toml`` and the given
extras (not ``lowest-direct``: transitive dependencies go to their lowest versions too),
with every direct dependency pinned to its ``>=`` bound. Two documented limits:

* wheels only (``--only-binary :all:``): the oldest releases of many packages are sdists
  of 2009–2015 that do not build on Python 3.11 (coverage 3.0, setuptools 0.7); "lowest"
  is then the oldest release with a wheel.
* ``[tool.lowest-dependencies] floors`` in ``pyproject.toml``: a floor for each transitive
  dependency whose lowest installable version cannot run on Python 3.11 or breaks the
  suite for a reason that is not ours, each with the reason. A floor for a package
  lessons_lib itself imports belongs in ``[project] dependencies`` instead.

Every direct dependency must have a ``>=`` lower bound: one without is an error, since
"any version" is not a promise anyone has tested. Without ``--uv`` the tool prints the
direct lower bounds only (``name==version``), as a pip constraints file.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ("lab", "test")
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def lower_bounds(pyproject: Path = ROOT / "pyproject.toml",
                 extras: tuple[str, ...] = EXTRAS) -> dict[str, str]:
    """Map each direct dependency (runtime and the given extras) to its ``>=`` bound.

    Examples
    --------
    >>> bounds = lower_bounds()
    >>> bounds["numpy"] >= "1"
    True
    """
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    out: dict[str, str] = {}
    for req in requirements:
        if ";" in req:
            req = req.split(";", 1)[0]
        match = _REQ.match(req)
        if match is None:
            raise ValueError(f"cannot read the requirement {req!r} in pyproject.toml")
        name, _, spec = match.groups()
        lower = [s.strip()[2:].strip() for s in spec.split(",") if s.strip().startswith(">=")]
        if not lower:
            raise ValueError(
                f"{name} has no lower bound ('>=') in pyproject.toml; add the oldest version "
                "the suite passes with, so the lowest-dependency CI run can test it."
            )
        out[name.lower()] = lower[0]
    return out


def floors(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The transitive floors of ``[tool.lowest-dependencies]`` (``name>=version``).

    Examples
    --------
    >>> all(">=" in f for f in floors())
    True
    """
    tool = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    out = list(tool.get("lowest-dependencies", {}).get("floors", []))
    direct = lower_bounds(pyproject, tuple(_extras(pyproject)))
    for floor in out:
        match = _REQ.match(floor)
        if match is None or not match.group(3).startswith(">="):
            raise ValueError(f"the floor {floor!r} must read name>=version")
        if match.group(1).lower() in direct:
            raise ValueError(f"{match.group(1)} is a direct dependency: raise its bound in "
                             "[project] instead of adding a floor")
    return out


def _extras(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return list(project.get("optional-dependencies", {}))


def resolve(uv: str, extras: tuple[str, ...], pyproject: Path = ROOT / "pyproject.toml",
            python_version: str = f"{sys.version_info.major}.{sys.version_info.minor}") -> str:
    """The lowest resolution (a requirements file with ``==`` pins), by ``uv pip compile``."""
    pins = [f"{name}=={version}" for name, version in sorted(lower_bounds(pyproject,
                                                                          extras).items())]
    with tempfile.TemporaryDirectory() as tmp:
        constraints = Path(tmp) / "constraints.txt"
        constraints.write_text("\n".join([*pins, *floors(pyproject)]) + "\n", encoding="utf-8")
        run = subprocess.run(
            [uv, "pip", "compile", "--quiet", "--resolution", "lowest",
             "--only-binary", ":all:", "--python-version", python_version,
             "--constraint", str(constraints), "--no-header", "--no-annotate",
             *(arg for extra in extras for arg in ("--extra", extra)), str(pyproject)],
            capture_output=True, text=True, cwd=pyproject.parent,
        )
    if run.returncode != 0:
        raise SystemExit(f"uv could not resolve the lowest versions:\n{run.stderr}")
    return run.stdout


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extras", nargs="*", default=list(EXTRAS))
    parser.add_argument("--uv", help="uv executable: print the whole lowest resolution")
    args = parser.parse_args(argv)
    extras = tuple(args.extras)
    print("# Generated by `python -m tools.lowest_constraints` from pyproject.toml: do not edit.")
    if args.uv:
        print(resolve(args.uv, extras), end="")
        return 0
    for name, version in sorted(lower_bounds(extras=extras).items()):
        print(f"{name}=={version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
