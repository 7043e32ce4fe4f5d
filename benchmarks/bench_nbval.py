"""What does checking every notebook with nbval cost, compared with the floor?

The floor is what any notebook test must pay: start one bare ``python3`` kernel
per notebook, wait until it answers, shut it down, running nothing. The nbval
run is the real thing (``pytest --nbval`` over ``notebooks/``), timed as a
whole in the same session. Target: nbval ≤ 1.5× the floor. The slowest cells
come from pytest's own ``--durations`` report.

Each round (at least 3) measures the floor and then the nbval run, so both share the
machine's moment; the report gives each figure's median and range over the rounds, and
the target counts as met only if it is met in every round.

Usage: ``python benchmarks/bench_nbval.py [--rounds 3]``
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time

from _common import ROOT, lessons, load_now, save, spread, table
from jupyter_client.manager import start_new_kernel

TARGET = 1.5


def floor_seconds(n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        km, kc = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "notebooks"))
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    return time.perf_counter() - start


def nbval_seconds() -> tuple[float, str]:
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=12",
           "-o", "addopts=--nbval --nbval-current-env", "notebooks"]
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-3000:], file=sys.stderr)
        raise SystemExit("nbval failed; fix the notebooks before benchmarking them")
    return elapsed, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds (≥ 3)")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("report spread over at least 3 rounds: --rounds 3 or more")
    notebooks = lessons()
    floors, totals, loads = [], [], []
    out = ""
    for _ in range(args.rounds):
        loads.append(load_now())
        floors.append(floor_seconds(len(notebooks)))
        total, out = nbval_seconds()
        totals.append(total)
    ratios = [t / f for t, f in zip(totals, floors, strict=True)]
    slow = re.findall(r"^(\d+\.\d+)s call\s+(.+?)\s*$", out, flags=re.M)
    met = all(r <= TARGET for r in ratios)
    figures = {"floor_s": spread(floors), "nbval_s": spread(totals), "ratio": spread(ratios)}
    print(table(["what", "median", "min", "max"],
                [[k, v["median"], v["min"], v["max"]] for k, v in figures.items()]))
    print(f"\ntarget ≤ {TARGET}× the floor: {'met in every round' if met else 'MISSED'}")
    print("\nslowest cells (last round):")
    print(table(["seconds", "cell"], [[float(s), c] for s, c in slow]))
    save("nbval", {"notebooks": len(notebooks), "floor_s": figures["floor_s"]["median"],
                   "nbval_s": figures["nbval_s"]["median"], "ratio": figures["ratio"]["median"],
                   "spread": figures, "per_round": {"floor_s": floors, "nbval_s": totals,
                                                    "ratio": ratios},
                   "load_per_round": loads, "rounds": args.rounds,
                   "target": TARGET, "met": met,
                   "slowest_cells": [{"seconds": float(s), "cell": c} for s, c in slow]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
