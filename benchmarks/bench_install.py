"""Fresh-venv install time and size: ``requirements.txt`` vs the bare stack.

The baseline is what a learner would install anyway to run any notebook with
widgets and plots: ``jupyterlab numpy matplotlib ipywidgets``. The lessons add
``notebook`` (Notebook 7), ``anywidget`` and the small ``lessons_lib`` package.
Both installs run from the same warm pip cache (so the network is not what is
measured), alternated in ``--rounds`` rounds (at least 3; each round installs both, so
they share the machine's moment). Each round gives a time ratio and a size ratio; the
report shows their median and range, and a target counts as met only if it is met in
every round. Size is the venv's ``site-packages`` on disk. Target: ≤ +10% for both.

Usage: ``python benchmarks/bench_install.py [--rounds 3]``
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, load_now, save, spread, table

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
    parser.add_argument("--rounds", type=int, default=3, help="rounds (≥ 3)")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("report spread over at least 3 rounds: --rounds 3 or more")
    loads: list[list[float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"  # a copy, so the editable install never touches the checkout
        shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info",
                                                                  "__pycache__"))
        cases = {"jupyterlab numpy matplotlib ipywidgets": BASELINE,
                 "pip install -r requirements.txt": ["-r", "requirements.txt"]}
        install(cases["pip install -r requirements.txt"], repo)  # warm the pip cache
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
        for _ in range(args.rounds):
            loads.append(load_now())
            for name, pip_args in cases.items():
                runs[name].append(install(pip_args, repo))
    base_name, ours_name = cases
    time_ratios = [o[0] / b[0] for b, o in zip(runs[base_name], runs[ours_name], strict=True)]
    size_ratios = [o[1] / b[1] for b, o in zip(runs[base_name], runs[ours_name], strict=True)]
    seconds = {k: spread([t for t, _ in v]) for k, v in runs.items()}
    sizes = {k: v[-1][1] for k, v in runs.items()}
    print(table(["fresh venv", "install s (median)", "min", "max", "site-packages MiB"],
                [[k, s["median"], s["min"], s["max"], sizes[k]] for k, s in seconds.items()]))
    t, z = spread(time_ratios), spread(size_ratios)
    print(f"\ntime ratio median {t['median']:.2f} [{t['min']:.2f}–{t['max']:.2f}], size ratio "
          f"median {z['median']:.3f} [{z['min']:.3f}–{z['max']:.3f}] (target ≤ 1.10)")
    save("install", {
        "method": "Fresh venvs from the same warm pip cache; each round installs the baseline "
                  f"and then requirements.txt; {args.rounds} rounds; a round's ratio compares "
                  "its two installs; size = site-packages on disk.",
        "results": [{"what": k, "seconds": seconds[k]["median"], "seconds_range":
                     [seconds[k]["min"], seconds[k]["max"]], "size_mib": sizes[k]}
                    for k in runs],
        "time_ratio": t["median"], "size_ratio": z["median"],
        "time_ratio_spread": t, "size_ratio_spread": z,
        "time_met": all(x <= 1.1 for x in time_ratios),
        "size_met": all(x <= 1.1 for x in size_ratios),
        "load_per_round": loads, "rounds": args.rounds,
        "all_rounds": {k: v for k, v in runs.items()},
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
