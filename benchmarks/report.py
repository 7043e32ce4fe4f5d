"""Write ``docs/benchmarks.md`` from the latest ``benchmarks/results/*.json``.

Usage: ``python benchmarks/report.py`` (after running the bench_*.py scripts).
"""

from __future__ import annotations

import json
from typing import Any

from _common import RESULTS, ROOT, table

INTRO = """# Benchmarks

How the series feels to its users, measured on this project's own machine. The machine is
shared and noisy, so every figure is a **ratio measured side by side in one run** against a
baseline, never an absolute promise, and nothing here is asserted inside the test suite.
Each script prints its table, writes `benchmarks/results/<name>.json`, and exits non-zero
only if it could not measure. This page is generated from those files by
`python benchmarks/report.py`.

Re-run everything (from the repository root, in the dev environment of the README):

```bash
pip install -r benchmarks/requirements.txt   # ipympl, for the drag baseline
python benchmarks/bench_import.py
python benchmarks/bench_attention.py
python benchmarks/bench_nbval.py
python benchmarks/bench_drag.py               # needs /usr/bin/chromium
python benchmarks/bench_install.py            # two fresh venvs: a few minutes
python benchmarks/report.py
```
"""


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def verdict(met: bool) -> str:
    return "**met**" if met else "**missed**"


def _loads(d: dict[str, Any]) -> str:
    rounds = d.get("load_per_round", [])
    return "; ".join(f"round {i + 1}: {x[0]:.2f}" for i, x in enumerate(rounds))


def _spread(x: dict[str, float], fmt: str = ".3g") -> str:
    return f"{x['median']:{fmt}} [{x['min']:{fmt}}–{x['max']:{fmt}}]"


def section_drag(d: dict[str, Any]) -> str:
    rows = []
    for r in d["results"]:
        s = r["latency_ms"]
        rows.append([r["what"], s["n"], s["p50"], s["p95"], s["max"]])
    lines = ["## 1. Drag → readout latency (real Chromium, real JupyterLab)", ""]
    if d.get("headlines"):
        loads = _loads(d)
        lines += [f"Headlines over {d['settings']['rounds']} rounds (each round measures every "
                  "subject once, in turn, so the widgets and the ipympl baseline share the "
                  "machine's moment): median and range over the rounds; a target counts as met "
                  f"only if it holds in every round. Machine load (1-minute average) at the "
                  f"start of each round: {loads}.", "",
                  table(["headline", "median", "range", "target", "verdict"],
                        [[h["what"], h["median"], f"{h['min']:.3g}–{h['max']:.3g}",
                          h.get("target", ""), h.get("verdict", "")] for h in d["headlines"]]),
                  ""]
        scale = {int(h["what"].split(" with ")[1].split()[0]): h["median"]
                 for h in d["headlines"] if h["what"].startswith("attention_explorer with ")}
        if len(scale) >= 2:
            (n0, t0), (n1, t1) = min(scale.items()), max(scale.items())
            lines += ["The explorer's page work as keys grow: "
                      + ", ".join(f"{n} keys {t:.3g} ms" for n, t in sorted(scale.items()))
                      + f" (p95, medians), about {(t1 - t0) / (n1 - n0):.2f} ms per extra key: "
                      "linear in the number of keys, and within one frame even at 64. The "
                      "lesson widget takes 1–4 keys, because beyond that the arrows and labels "
                      "crowd the 5 × 5 grid; the benchmark lifts that limit (`MAX_KEYS`) for "
                      "the 16- and 64-key subjects only.", ""]
        lines += ["The last round in detail:", ""]
    lines += [d.get("method", ""), "",
              table(["what", "moves", "p50 ms", "p95 ms", "max ms"], rows), ""]
    for key, text in d.get("findings", {}).items():
        lines.append(f"- {key}: {text}")
    return "\n".join(lines)


NBVAL_ANALYSIS = """Where the time goes (measured 2026-11-23 on this machine): starting the
kernels is about the floor itself (pytest's `--durations` shows ~0.5 s of setup per
notebook); the rest is the lessons' own cells, and the biggest single part of that is
importing the stack every lesson needs, `numpy`, `matplotlib.pyplot`, `ipywidgets`,
`anywidget` and `lessons_lib`: 0.48–0.51 s in a fresh interpreter (3 runs), so about 4.5 s
for nine notebooks before any cell does lesson work. Floor plus imports alone already exceed
1.5× the floor, so the target cannot be met by trimming nbval's overhead (which is small);
it would need lessons that skip plotting and widgets, or a floor that includes each
lesson's imports. Done: lesson 03's timing cell went from 1.5–3.3 s to about 0.5 s (fewer
repeats, same ~2× result). Since 2026-11-24 the suite runs with pytest-xdist
`-n auto --dist loadfile`, which keeps every notebook (one kernel) on one worker: the
notebooks run two at a time on this 2-core machine (see "The contributor's loop" below)."""

INSTALL_ANALYSIS = """What the difference is made of (measured one step at a time in a venv that
already had the baseline): `notebook` (Notebook 7) 2.8 s, `anywidget` 1.8 s, and building
the editable `lessons_lib` 4.4 s with setuptools, 2.2 s after switching the build backend to
flit_core (done). The remaining gap is the two front ends the series promises (JupyterLab 4
and Notebook 7) and the widget library; installing Notebook 7 only on request would bring
the ratio to about 1.1. Round-to-round noise on this shared machine is large (baseline
28.7–41.4 s across rounds), so the time ratio moves by ±0.15 between runs."""


RERUN_ANALYSIS = """\
Why three headlines land above (2026-12-01, fresh machine, Chromium 156 installed from
Debian that day): the two end-to-end figures are bound by Chromium's frame-aligned input
queue (in this run's last round its p95 was 16–17 ms for the playground, the three-key
explorer and the ipympl baseline alike), which no page controls; that is why they are not
the targets. The explorer's page work is 0.1 ms above the earlier range at p95 (2.5 ms
against 1.7–2.4 ms; no widget code changed in between), with twice as many moves per round
as the earlier run, so its p95 reaches further into the tail; it stays far inside the 16 ms
target and 20–27× below the ipympl baseline's page work in every round. The claims that
matter held on both machines: the page's own work within one frame, ≥ 20× less than
ipympl's, every move painted in the first frame after dispatch."""


def section_rerun(now: dict[str, Any]) -> str:
    """Today's drag headlines against an earlier run's ranges (benchmarks/results/earlier/)."""
    lines = ["## 1b. The drag headlines re-run on another machine", ""]
    for path in sorted((RESULTS / "earlier").glob("drag-*.json")):
        before = json.loads(path.read_text(encoding="utf-8"))
        old = {h["what"]: h for h in before.get("headlines", [])}
        rows, inside, compared = [], 0, 0
        for h in now.get("headlines", []):
            if h["what"] not in old:
                continue
            o = old[h["what"]]
            ok = o["min"] <= h["median"] <= o["max"]
            compared += 1
            inside += ok
            where = "inside" if ok else ("below" if h["median"] < o["min"] else "above")
            rows.append([h["what"], f"{o['median']:.3g} [{o['min']:.3g}–{o['max']:.3g}]",
                         f"{h['median']:.3g} [{h['min']:.3g}–{h['max']:.3g}]", where])
        date = path.stem.split("-", 1)[1]
        m_old, m_now = before["machine"], now["machine"]
        lines += [f"The earlier run ({date}, commit {m_old.get('commit', '?')}, "
                  f"{before['settings']['moves']} moves per subject, load at start "
                  f"{before['loadavg_start'][0]:.2f}) was made on a different machine of the "
                  f"same kind ({m_old.get('cpus')} CPUs, {m_old.get('memory_gib')} GiB) than "
                  f"this one (commit {m_now.get('commit', '?')}, {now['settings']['moves']} "
                  f"moves, load at start {now['loadavg_start'][0]:.2f}). Today's median "
                  f"lands inside the earlier range for {inside} of {compared} headlines:", "",
                  table(["headline", f"{date}: median [range]", "today: median [range]",
                         "today's median vs the earlier range"], rows), ""]
    if any(r[-1] != "inside" for r in rows):
        lines += [RERUN_ANALYSIS, ""]
    return "\n".join(lines)


def section_nbval(d: dict[str, Any]) -> str:
    if "spread" in d:
        sp = d["spread"]
        rows = [[f"floor: start and stop {d['notebooks']} bare kernels (s)",
                 _spread(sp["floor_s"])],
                ["`pytest --nbval notebooks/` (s)", _spread(sp["nbval_s"])],
                ["ratio", _spread(sp["ratio"], ".2f")]]
        head = [f"{d['rounds']} rounds, each measuring the floor and then nbval; median "
                f"[range] over the rounds. Machine load (1-minute average) at the start of each "
                f"round: {_loads(d)}.", "",
                table(["what", "median [range]"], rows), "",
                f"Target ≤ {d['target']}× the floor: "
                + ("**met** in every round." if d["met"] else "**missed**.")]
    else:  # results from before rounds were measured
        rows = [[f"floor: start and stop {d['notebooks']} bare kernels", d["floor_s"]],
                ["`pytest --nbval notebooks/`", d["nbval_s"]], ["ratio", d["ratio"]]]
        head = [table(["what", "seconds"], rows), "",
                f"Target ≤ {d['target']}× the floor: {verdict(d['met'])}."]
    slow = [[c["seconds"], f"`{c['cell']}`"] for c in d["slowest_cells"]]
    return "\n".join([
        "## 2. nbval suite cost", "", *head, "",
        "Slowest cells (pytest `--durations`, last round):", "", table(["seconds", "cell"], slow),
        "", NBVAL_ANALYSIS if not d["met"] else "",
    ])


ATTENTION_ANALYSIS = """At n = 64 the whole computation takes about 60 µs, and the package's
extra ~10 µs are its input checks (2-D shapes, equal d_k, one finiteness pass over the score
table, the row-max check), which turn a NaN or a shape slip into a message a learner can act
on. Measured 2026-12-01 on this machine: before that day's change, which checks Q and K for
NaN/inf only when the score table is not finite (one pass instead of three; the error
messages are unchanged), the ratio at n = 64 was 1.31 [1.29–1.32]; after it, the figure
above. From n = 512 on the checks are lost in the matrix product."""


def section_attention(d: dict[str, Any]) -> str:
    rows = [[r["n"], r["d"], r["package_ms"]["p50"], r["numpy_ms"]["p50"],
             _spread(r["ratio"], ".2f") if "ratio" in r else r["ratio_p50"],
             r["package_peak_mib"], r["numpy_peak_mib"]] for r in d["results"]]
    met = all(r["met"] for r in d["results"])
    rounds = (f" {d['rounds']} rounds of {d['repeats']} interleaved timings per size; the ratio "
              "column gives the median [range] of the rounds' ratios, the times are the last "
              f"round's medians. Machine load at the start of each round (sizes in turn): "
              f"{_loads(d)}."
              if "rounds" in d else "")
    return "\n".join([
        "## 3. Attention table: `lessons_lib.attention_weights` vs inline NumPy", "",
        "Baseline: `s = Q @ K.T / sqrt(d); e = exp(s - s.max(1)); e / e.sum(1)` written inline. "
        "Both timed interleaved in one process on the same seeded inputs." + rounds, "",
        table(["n tokens", "d", "lessons_lib ms (p50)", "inline NumPy ms (p50)", "ratio",
               "peak MiB lessons_lib", "peak MiB NumPy"], rows), "",
        f"Target ratio ≤ {d['target_ratio']}×"
        + (" in every round" if "rounds" in d else "") + f": {verdict(met)}.",
        *(["", ATTENTION_ANALYSIS] if not met else []),
    ])


def section_scale(d: dict[str, Any]) -> str:
    rows = []
    for r in d["results"]:
        q = r["ratio"]
        size = f"{r['n']:,}" + (f" ({r['tokens']} tokens)" if r.get("tokens") else "")
        rows.append([f"`{r['what']}`", size, r["package_ms"]["median"], r["numpy_ms"]["median"],
                     _spread(q, ".2f")])
    loads = _loads(d)
    return "\n".join([
        "## 5. The big-input paths at scale (10³ … 10⁷ numbers)", "",
        f"`lessons_lib.dot` vs `np.dot`, every other vector operation (`add`, `scale`, "
        "`norm`, `normalise`, `cosine_similarity`, `angle_between`, `scalar_projection`, "
        "`project_onto`) vs its NumPy one-liner, on vectors of n numbers, and "
        "`attention_weights` vs "
        f"the inline NumPy softmax on n × n score tables (n² entries, d = 64). {d['rounds']} "
        f"rounds of {d['repeats']} interleaved repeats; each round's figure is the ratio of "
        "the medians; the table gives the median ratio and its range over the rounds. "
        f"Machine load (1-minute average) at the start of each round: {loads}.", "",
        table(["function", "n", "lessons_lib ms (median)", "NumPy ms (median)",
               "ratio: median [range]"], rows), "",
        _scale_targets(d), "",
        "Up to 1000 numbers `dot` takes the exact left-to-right path (the same bits on every "
        "CPU, about a microsecond per number: still instant for a lesson); from 1001 on it "
        "checks the array in one vectorised pass and calls NumPy, which the ratio near 1 "
        "for large n shows.",
    ])


def _scale_targets(d: dict[str, Any]) -> str:
    vector = [r for r in d["results"] if r["what"] != "attention_weights"]
    at_1e6 = [r for r in vector if r["n"] == 10**6]
    slow = [r["what"] for r in at_1e6 if r["ratio"]["max"] > 5]
    at_1e7 = [r for r in vector if r["n"] == 10**7]
    long = [r["what"] for r in at_1e7 if r["package_ms"]["max"] > 5000]
    worst = max(at_1e6, key=lambda r: r["ratio"]["max"]) if at_1e6 else None
    return (
        "Targets (issue 24): every vector operation ≤ 5× NumPy at n = 10⁶ in every round — "
        + ("**met**" if not slow else f"**missed** by {', '.join(slow)}")
        + (f" (worst: `{worst['what']}`, {worst['ratio']['max']:.2f}×)" if worst else "")
        + "; nothing over 5 s at n = 10⁷ — "
        + ("**met**" if not long else f"**missed** by {', '.join(long)}")
        + (f" (slowest: {max(r['package_ms']['max'] for r in at_1e7):.0f} ms)" if at_1e7 else "")
        + ". At n = 1000 the operations still take the exact, lesson-sized path, which the "
        "large ratios there show."
    )


def section_loop(d: dict[str, Any]) -> str:
    today = any("today" in r for r in d["rows"])
    rows = [[r["what"], r["before"], r["after"], *([r.get("today", "")] if today else []),
             r.get("note", "")] for r in d["rows"]]
    return "\n".join(["## 6. The contributor's loop and CI", "", d["method"], "",
                      table(["what", "before", "after", *(["today"] if today else []), "how"],
                            rows)])


def section_import_install(imp: dict[str, Any] | None, inst: dict[str, Any] | None) -> str:
    lines = ["## 4. Import and install cost", ""]
    if imp:
        s = imp["stats_ms"]
        lines += [table(["command (fresh interpreter, last round)", "p50 ms", "p95 ms"],
                        [[k, v["p50"], v["p95"]] for k, v in s.items()]), ""]
        if "extra_ms" in imp:
            e = imp["extra_ms"]
            lines += [f"`import lessons_lib` costs {e['median']:+.1f} ms over `import numpy` "
                      f"(p50 of {imp['repeats']} interleaved runs; median of {len(imp['rounds'])} "
                      f"rounds, range {e['min']:+.1f} … {e['max']:+.1f}); target "
                      f"≤ +{imp['target_ms']:.0f} ms: "
                      + ("**met** in every round" if imp["met"] else "**missed**")
                      + f". Machine load at the start of each round: {_loads(imp)}.", ""]
        else:
            lines += [f"`import lessons_lib` costs {imp['extra_ms_p50']:+.1f} ms over "
                      f"`import numpy` (p50); target ≤ +{imp['target_ms']:.0f} ms: "
                      f"{verdict(imp['met'])}.", ""]
    if inst:
        if "time_ratio_spread" in inst:
            rows = [[r["what"], f"{r['seconds']:.1f} [{r['seconds_range'][0]:.1f}–"
                     f"{r['seconds_range'][1]:.1f}]", r["size_mib"]] for r in inst["results"]]
            t, z = inst["time_ratio_spread"], inst["size_ratio_spread"]
            lines += [inst.get("method", ""), "",
                      table(["fresh venv", "install s: median [range]", "size MiB"], rows), "",
                      f"Time ratio {_spread(t, '.2f')}, size ratio {_spread(z, '.3f')} (median "
                      f"[range] over the rounds); target ≤ 1.10 in every round: time "
                      f"{verdict(inst['time_met'])}, size {verdict(inst['size_met'])}. Machine "
                      f"load at the start of each round: {_loads(inst)}.", ""]
            missed = not (inst["time_met"] and inst["size_met"])
        else:
            rows = [[r["what"], r["seconds"], r["size_mib"]] for r in inst["results"]]
            lines += [inst.get("method", ""), "",
                      table(["fresh venv", "install s", "size MiB"], rows), "",
                      f"Time ratio {inst['time_ratio']:.2f}, size ratio {inst['size_ratio']:.3f}; "
                      f"target ≤ 1.10: time {verdict(inst['time_ratio'] <= 1.1)}, "
                      f"size {verdict(inst['size_ratio'] <= 1.1)}.", ""]
            missed = inst["time_ratio"] > 1.1 or inst["size_ratio"] > 1.1
        for note in inst.get("notes", []):
            lines.append(f"- {note}")
        if missed:
            lines += ["", INSTALL_ANALYSIS]
    return "\n".join(lines)


def main() -> int:
    parts = [INTRO]
    machine = None
    for name in ("drag", "nbval", "attention", "import", "install"):
        d = load(name)
        if d and machine is None:
            machine = d["machine"]
    if machine:
        parts.append("Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()) + ".\n")
    for name, fn in (("drag", section_drag), ("nbval", section_nbval),
                     ("attention", section_attention)):
        d = load(name)
        parts.append(fn(d) if d else f"## {name}\n\nNot measured yet.")
        parts.append("")
        if name == "drag" and d and any((RESULTS / "earlier").glob("drag-*.json")):
            parts += [section_rerun(d), ""]
    parts.append(section_import_install(load("import"), load("install")))
    for name, fn in (("scale", section_scale), ("loop", section_loop)):
        d = load(name)
        if d:
            parts += ["", fn(d)]
    out = ROOT / "docs" / "benchmarks.md"
    out.write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
