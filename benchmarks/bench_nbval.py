"""What does checking every notebook with nbval cost, compared with the floor?

The floor is what any notebook test must pay: start one bare ``python3`` kernel
per notebook, wait until it answers, shut it down, running nothing. The nbval
run is the real thing (``pytest --nbval`` over ``notebooks/``), timed as a
whole in the same session. Target: nbval ≤ 1.5× the floor. The slowest cells
come from pytest's own ``--durations`` report.

Usage: ``python benchmarks/bench_nbval.py``
"""

from __future__ import annotations

import re
import subprocess
import sys
import time

from _common import ROOT, save, table
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
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    floor = floor_seconds(len(notebooks))
    total, out = nbval_seconds()
    slow = re.findall(r"^(\d+\.\d+)s call\s+(.+?)\s*$", out, flags=re.M)
    ratio = total / floor
    print(table(["what", "seconds"], [[f"floor: {len(notebooks)} bare kernels", floor],
                                      ["pytest --nbval notebooks/", total],
                                      ["ratio", ratio]]))
    print(f"\ntarget ≤ {TARGET}× the floor: {'met' if ratio <= TARGET else 'MISSED'}")
    print("\nslowest cells:")
    print(table(["seconds", "cell"], [[float(s), c] for s, c in slow]))
    save("nbval", {"notebooks": len(notebooks), "floor_s": floor, "nbval_s": total,
                   "ratio": ratio, "target": TARGET, "met": ratio <= TARGET,
                   "slowest_cells": [{"seconds": float(s), "cell": c} for s, c in slow]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
