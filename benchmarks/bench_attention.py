"""``lessons_lib.attention_weights`` vs bare NumPy ``softmax(Q @ K.T / sqrt(d))`` inline.

Both are timed in the same process, interleaved, on the same seeded inputs
(n tokens × d = 64). The package checks its input (shapes, finiteness) and uses
the stable softmax; the baseline is the stable softmax written inline, which is
what a careful NumPy user would write. Target: ratio ≤ 1.2×. Peak memory is
measured with tracemalloc (NumPy reports its buffers to it).

Each size runs ``--rounds`` rounds (at least 3) of ``--repeats`` interleaved timings;
each round gives a ratio of the medians, reported as median and range over the rounds,
and the target counts as met only if it is met in every round.

Usage: ``python benchmarks/bench_attention.py [--sizes 64 512 2048] [--repeats 15]
[--rounds 3]``
"""

from __future__ import annotations

import argparse
import math
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
from _common import load_now, save, spread, summary, table

from lessons_lib.attention import attention_weights

TARGET = 1.2


def baseline(Q: np.ndarray, K: np.ndarray) -> np.ndarray:
    s = Q @ K.T / math.sqrt(Q.shape[1])
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def package(Q: np.ndarray, K: np.ndarray) -> np.ndarray:
    return attention_weights(Q, K)


def timed(fn: Callable[[np.ndarray, np.ndarray], np.ndarray], Q: np.ndarray, K: np.ndarray,
          loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        fn(Q, K)
    return (time.perf_counter() - start) / loops * 1000


def peak_mib(fn: Callable[[np.ndarray, np.ndarray], np.ndarray], Q: np.ndarray,
             K: np.ndarray) -> float:
    tracemalloc.start()
    fn(Q, K)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 512, 2048])
    parser.add_argument("--d", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3, help="rounds (≥ 3)")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("report spread over at least 3 rounds: --rounds 3 or more")
    loads: list[list[float]] = []
    rng = np.random.default_rng(0)
    rows, results = [], []
    for n in args.sizes:
        Q, K = rng.standard_normal((n, args.d)), rng.standard_normal((n, args.d))
        assert np.allclose(package(Q, K), baseline(Q, K), atol=1e-12)
        loops = max(1, int(2000 / n))
        for fn in (package, baseline):  # warm-up
            timed(fn, Q, K, loops)
        ratios: list[float] = []
        for _ in range(args.rounds):
            loads.append(load_now())
            pkg, base = [], []
            for _ in range(args.repeats):
                pkg.append(timed(package, Q, K, loops))
                base.append(timed(baseline, Q, K, loops))
            ps, bs = summary(pkg), summary(base)
            ratios.append(ps["p50"] / bs["p50"])
        r = spread(ratios)
        mem_p, mem_b = peak_mib(package, Q, K), peak_mib(baseline, Q, K)
        rows.append([n, ps["p50"], bs["p50"], f"{r['median']:.2f} [{r['min']:.2f}–{r['max']:.2f}]",
                     mem_p, mem_b])
        results.append({"n": n, "d": args.d, "package_ms": ps, "numpy_ms": bs,
                        "ratio_p50": r["median"], "ratio": r, "ratio_per_round": ratios,
                        "package_peak_mib": mem_p, "numpy_peak_mib": mem_b,
                        "met": all(x <= TARGET for x in ratios)})
    print(table(["n", "lessons_lib ms (p50, last round)", "inline NumPy ms",
                 "ratio: median [range]",
                 "peak MiB lessons_lib", "peak MiB NumPy"], rows))
    missed = [r["n"] for r in results if not r["met"]]
    print(f"\ntarget ratio ≤ {TARGET}×: " + ("met for every size" if not missed
                                          else f"MISSED for n = {missed}"))
    save("attention", {"results": results, "target_ratio": TARGET, "rounds": args.rounds,
                       "repeats": args.repeats, "load_per_round": loads})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
