"""How much does ``import lessons_lib`` cost on top of ``import numpy``?

Each sample is a fresh interpreter (``python -c "import X"``); the two commands
are interleaved so machine noise hits both alike. Target: ≤ +50 ms.

Every round (at least 3) takes ``--repeats`` samples of each command, interleaved; the
headline, the extra cost at p50, is reported as median and range over the rounds and
counts as met only if it is met in every round.

Usage: ``python benchmarks/bench_import.py [--repeats 30] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _common import load_now, save, spread, summary, table

TARGET_MS = 50.0


def once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3, help="rounds (≥ 3)")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("report spread over at least 3 rounds: --rounds 3 or more")
    cases = {"python (nothing)": "pass", "import numpy": "import numpy",
             "import lessons_lib": "import lessons_lib"}
    for code in cases.values():  # warm the file cache
        once(code)
    extras: list[float] = []
    loads: list[list[float]] = []
    per_round: list[dict[str, dict[str, float]]] = []
    for _ in range(args.rounds):
        loads.append(load_now())
        samples: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(args.repeats):
            for name, code in cases.items():
                samples[name].append(once(code))
        stats = {k: summary(v) for k, v in samples.items()}
        per_round.append(stats)
        extras.append(stats["import lessons_lib"]["p50"] - stats["import numpy"]["p50"])
    rows = [[k, s["p50"], s["p95"], s["n"]] for k, s in stats.items()]
    print(table(["command (last round)", "p50 ms", "p95 ms", "runs"], rows))
    met = all(x <= TARGET_MS for x in extras)
    extra = spread(extras)
    print(f"\nimport lessons_lib costs {extra['median']:+.1f} ms over import numpy (p50; "
          f"median of {args.rounds} rounds, range {extra['min']:+.1f} … {extra['max']:+.1f}); "
          f"target ≤ +{TARGET_MS:.0f} ms: {'met in every round' if met else 'MISSED'}")
    save("import", {"stats_ms": stats, "extra_ms_p50": extra["median"], "extra_ms": extra,
                    "extra_ms_per_round": extras, "rounds": per_round, "load_per_round": loads,
                    "repeats": args.repeats, "target_ms": TARGET_MS, "met": met})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
