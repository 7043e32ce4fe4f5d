"""How much does ``import lessons_lib`` cost on top of ``import numpy``?

Each sample is a fresh interpreter (``python -c "import X"``); the two commands
are interleaved so machine noise hits both alike. Target: ≤ +50 ms.

Usage: ``python benchmarks/bench_import.py [--repeats 30]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _common import save, summary, table

TARGET_MS = 50.0


def once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    cases = {"python (nothing)": "pass", "import numpy": "import numpy",
             "import lessons_lib": "import lessons_lib"}
    for code in cases.values():  # warm the file cache
        once(code)
    samples: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.repeats):
        for name, code in cases.items():
            samples[name].append(once(code))
    stats = {k: summary(v) for k, v in samples.items()}
    extra = stats["import lessons_lib"]["p50"] - stats["import numpy"]["p50"]
    rows = [[k, s["p50"], s["p95"], s["n"]] for k, s in stats.items()]
    print(table(["command", "p50 ms", "p95 ms", "runs"], rows))
    verdict = "met" if extra <= TARGET_MS else "MISSED"
    print(f"\nimport lessons_lib costs {extra:+.1f} ms over import numpy (p50); "
          f"target ≤ +{TARGET_MS:.0f} ms: {verdict}")
    save("import", {"stats_ms": stats, "extra_ms_p50": extra, "target_ms": TARGET_MS,
                    "met": extra <= TARGET_MS})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
