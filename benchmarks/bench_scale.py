"""The big-input paths against NumPy, from 10³ to 10⁷ numbers, in rounds.

* ``lessons_lib.dot(a, b)`` vs ``np.dot(a, b)`` on float arrays of n = 10³ … 10⁷ entries:
  up to 1000 entries (lesson-sized) the package sums left to right in Python floats, the
  same bits on every CPU, which costs about a microsecond per entry; above 1000 it
  validates the array in one vectorised pass and calls NumPy, and the ratio shows what
  that check costs (n = 1000 and 1001 show the switch);
* every other vector operation (``add``, ``scale``, ``norm``, ``normalise``,
  ``cosine_similarity``, ``angle_between``, ``scalar_projection``, ``project_onto``) vs
  its NumPy one-liner on the same vectors, n = 10³ … 10⁷ (10³ is still the exact,
  lesson-sized path; from 1001 on the vectorised one);
* ``lessons_lib.attention_weights(Q, K)`` vs the inline NumPy softmax(Q Kᵀ/√d) on score
  tables of n² = 10³ … 10⁷ entries (n = 32 … 3162 tokens, d = 64).

Every size is timed in ``--rounds`` rounds (default 3); in each round the package and the
baseline alternate ``--repeats`` times on the same seeded inputs, and the round's figure is
the ratio of the medians. The report gives the median and the range over the rounds, with
the machine's load noted for each round. A regression in the big-input path shows as a
ratio far above 1.

Usage: ``python benchmarks/bench_scale.py [--rounds 3] [--repeats 7]``
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from _common import load_now, save, spread, table

import lessons_lib as ll
from lessons_lib.attention import attention_weights

# 1000 is the last lesson-sized length (exact left-to-right sum), 1001 the first fast one
DOT_SIZES = [10**3, 10**3 + 1, 10**4, 10**5, 10**6, 10**7]
TABLE_SIZES = [10**3, 10**4, 10**5, 10**6, 10**7]  # entries of the n × n score table
D = 64


VECTOR_SIZES = [10**3, 10**4, 10**5, 10**6, 10**7]
_norm = np.linalg.norm

#: Each vector operation, its NumPy one-liner, and how to compare their answers.
VECTOR_OPS: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
    "add": (ll.add, lambda a, b: a + b),
    "scale": (lambda a, b: ll.scale(2.5, a), lambda a, b: 2.5 * a),
    "norm": (lambda a, b: ll.norm(a), lambda a, b: _norm(a)),
    "normalise": (lambda a, b: ll.normalise(a), lambda a, b: a / _norm(a)),
    "cosine_similarity": (ll.cosine_similarity, lambda a, b: a @ b / (_norm(a) * _norm(b))),
    "angle_between": (ll.angle_between,
                      lambda a, b: np.degrees(np.arccos(np.clip(
                          a @ b / (_norm(a) * _norm(b)), -1.0, 1.0)))),
    "scalar_projection": (ll.scalar_projection, lambda a, b: a @ b / _norm(b)),
    "project_onto": (ll.project_onto, lambda a, b: (a @ b / (b @ b)) * b),
}


def inline_weights(Q: np.ndarray, K: np.ndarray) -> np.ndarray:
    s = Q @ K.T / math.sqrt(Q.shape[1])
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def timed(fn: Callable[[], Any], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        fn()
    return (time.perf_counter() - start) / loops * 1000


def one_round(pkg: Callable[[], Any], base: Callable[[], Any], loops: int,
              repeats: int) -> tuple[float, float]:
    p, b = [], []
    for _ in range(repeats):  # interleaved, so a noisy moment hits both
        p.append(timed(pkg, loops))
        b.append(timed(base, loops))
    return statistics.median(p), statistics.median(b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("report spread over at least 3 rounds")
    rng = np.random.default_rng(0)
    cases: list[dict[str, Any]] = []
    for n in DOT_SIZES:
        a, b = rng.standard_normal(n), rng.standard_normal(n)
        if not math.isclose(ll.dot(a, b), float(np.dot(a, b)), rel_tol=1e-9, abs_tol=1e-9):
            raise RuntimeError(f"dot disagrees with NumPy at n = {n}")
        loops = max(1, 10**6 // n)
        cases.append({"what": "dot", "n": n, "loops": loops,
                      "pkg": (lambda a=a, b=b: ll.dot(a, b)),
                      "base": (lambda a=a, b=b: np.dot(a, b))})
    for what, (pkg, base) in VECTOR_OPS.items():
        for n in VECTOR_SIZES:
            a, b = rng.standard_normal(n), rng.standard_normal(n)
            if not np.allclose(np.asarray(pkg(a, b), dtype=float), base(a, b), rtol=1e-9,
                               atol=1e-12):
                raise RuntimeError(f"{what} disagrees with NumPy at n = {n}")
            loops = max(1, 10**5 // n)  # 100 loops of the exact path at n = 1000: ~0.2 s
            cases.append({"what": what, "n": n, "loops": loops,
                          "pkg": (lambda a=a, b=b, f=pkg: f(a, b)),
                          "base": (lambda a=a, b=b, f=base: f(a, b))})
    for entries in TABLE_SIZES:
        n = round(math.sqrt(entries))
        Q, K = rng.standard_normal((n, D)), rng.standard_normal((n, D))
        if not np.allclose(attention_weights(Q, K), inline_weights(Q, K), atol=1e-12):
            raise RuntimeError(f"attention_weights disagrees with NumPy at n = {n}")
        loops = max(1, 10**5 // entries)
        cases.append({"what": "attention_weights", "n": entries, "tokens": n, "loops": loops,
                      "pkg": (lambda Q=Q, K=K: attention_weights(Q, K)),
                      "base": (lambda Q=Q, K=K: inline_weights(Q, K))})
    for case in cases:  # warm-up
        case["pkg"]()
        case["base"]()
        case["rounds"] = []
    rounds_load = []
    for r in range(args.rounds):
        rounds_load.append(load_now())
        for case in cases:
            p, b = one_round(case["pkg"], case["base"], case["loops"], args.repeats)
            case["rounds"].append({"package_ms": p, "numpy_ms": b, "ratio": p / b})
        print(f"round {r + 1}/{args.rounds} done (load {rounds_load[-1]})")
    results, rows = [], []
    for case in cases:
        ratio = spread([x["ratio"] for x in case["rounds"]])
        pkg = spread([x["package_ms"] for x in case["rounds"]])
        base = spread([x["numpy_ms"] for x in case["rounds"]])
        results.append({k: case[k] for k in ("what", "n", "loops") if k in case}
                       | {"tokens": case.get("tokens"), "ratio": ratio, "package_ms": pkg,
                          "numpy_ms": base, "rounds": case["rounds"]})
        rows.append([case["what"], f"{case['n']:,}", pkg["median"], base["median"],
                     f"{ratio['median']:.2f} [{ratio['min']:.2f}–{ratio['max']:.2f}]"])
    slow = [r for r in results if r["n"] == 10**6 and r["what"] != "attention_weights"
            and r["ratio"]["max"] > 5]
    longest = [r for r in results if r["n"] == 10**7 and r["package_ms"]["max"] > 5000]
    print("target ≤ 5× NumPy at 10⁶ in every round:",
          "met" if not slow else f"missed by {[r['what'] for r in slow]}")
    print("target nothing over 5 s at 10⁷:",
          "met" if not longest else f"missed by {[r['what'] for r in longest]}")
    print(table(["function", "n", "lessons_lib ms (median)", "NumPy ms (median)",
                 "ratio median [range]"], rows))
    save("scale", {"results": results, "rounds": args.rounds, "repeats": args.repeats,
                   "load_per_round": rounds_load})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
