"""Small shared helpers for the benchmark scripts: statistics, tables, result files.

Every script prints a table and writes ``benchmarks/results/<name>.json``;
``benchmarks/report.py`` turns those files into ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks run as scripts; the lesson registry lives in tools
    sys.path.insert(0, str(ROOT))

from tools._paths import lessons as lessons  # noqa: E402  (re-exported for the benchmarks)

RESULTS = ROOT / "benchmarks" / "results"


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100) with linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values to summarise")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float]) -> dict[str, float]:
    """p50 / p95 / max / mean / n of a list of timings."""
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values),
        "mean": statistics.fmean(values),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        info["memory_gib"] = round(int(mem) / 2**20, 1)
    except OSError:
        pass
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                        capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return info


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table."""
    def cell(x: Any) -> str:
        return f"{x:.3g}" if isinstance(x, float) else str(x)

    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def save(name: str, data: dict[str, Any]) -> Path:
    """Write the results of one benchmark (with the machine description)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"benchmark": name, "machine": machine(), **data}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {path.relative_to(ROOT)}", file=sys.stderr)
    return path


def spread(values: list[float]) -> dict[str, float]:
    """Median and range of one figure over several rounds (report: median [min–max])."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "rounds": len(values)}


def load_now() -> list[float]:
    """The machine's 1/5/15-minute load averages: noted with every round."""
    return [round(x, 2) for x in os.getloadavg()]
