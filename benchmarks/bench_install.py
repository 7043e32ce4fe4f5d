"""Fresh-venv install time and size: ``requirements.txt`` vs the bare stack.

The baseline is what a learner would install anyway to run any notebook with
widgets and plots: ``jupyterlab numpy matplotlib ipywidgets``. The lessons add
``notebook`` (Notebook 7), ``anywidget`` and the small ``lessons_lib`` package.
Both installs run from the same warm pip cache (so the network is not what is
measured), alternated ``--rounds`` times; the fastest round of each counts.
Size is the venv's ``site-packages`` on disk. Target: ≤ +10% for both.

Usage: ``python benchmarks/bench_install.py [--rounds 2]``
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, save, table

BASELINE = ["jupyterlab", "numpy", "matplotlib", "ipywidgets"]


def dir_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def install(args: list[str], cwd: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        start = time.perf_counter()
        subprocess.run(pip + args, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        site = next((venv / "lib").glob("python3*/site-packages"))
        return seconds, dir_mib(site)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"  # a copy, so the editable install never touches the checkout
        shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info",
                                                                  "__pycache__"))
        cases = {"jupyterlab numpy matplotlib ipywidgets": BASELINE,
                 "pip install -r requirements.txt": ["-r", "requirements.txt"]}
        install(cases["pip install -r requirements.txt"], repo)  # warm the pip cache
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
        for _ in range(args.rounds):
            for name, pip_args in cases.items():
                runs[name].append(install(pip_args, repo))
    best = {k: (min(t for t, _ in v), v[-1][1]) for k, v in runs.items()}
    base, ours = best["jupyterlab numpy matplotlib ipywidgets"], best[
        "pip install -r requirements.txt"]
    rows = [[k, t, s] for k, (t, s) in best.items()]
    print(table(["fresh venv", "install s (best)", "site-packages MiB"], rows))
    time_ratio, size_ratio = ours[0] / base[0], ours[1] / base[1]
    print(f"\ntime ratio {time_ratio:.2f}, size ratio {size_ratio:.3f} (target ≤ 1.10)")
    save("install", {
        "method": "Fresh venvs from the same warm pip cache, alternated; best time of "
                  f"{args.rounds} rounds each; size = site-packages on disk.",
        "results": [{"what": k, "seconds": t, "size_mib": s} for k, (t, s) in best.items()],
        "time_ratio": time_ratio, "size_ratio": size_ratio,
        "all_rounds": {k: v for k, v in runs.items()},
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
