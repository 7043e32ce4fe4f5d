"""The widgets' pure JavaScript checked against Python with ``node --test`` (no browser).

Python writes the cases and the answers its own functions give; Node imports the
widgets' ES modules directly and must give the same strings (tests/js/). A rule the
browser needs therefore lives in Python, and its JS twin cannot drift unseen.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import random
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import lessons_lib as ll
from lessons_lib import widgets
from lessons_lib.attention import attention_scores, softmax
from lessons_lib.formatting import format_fixed, format_number
from lessons_lib.geometry import sign_rules

ROOT = Path(__file__).resolve().parents[2]


def _fixtures() -> dict:
    rng = random.Random(11)
    numbers = [0.0, 1.0, -1.0, 2.5, 3.6000000000000005, 0.1 + 0.2, 0.0025, -0.0025, 1e-5,
               -3e-7, 123456.789, 0.005, 0.0049, -0.004999, 1e14 + 0.5, 7.0]
    numbers += [rng.uniform(-10, 10) for _ in range(60)]
    numbers += [round(rng.uniform(-10, 10), rng.randint(0, 4)) for _ in range(60)]
    numbers += [rng.uniform(-1, 1) * 10.0 ** rng.randint(-8, 3) for _ in range(60)]
    fmt = [{"x": x, "decimals": d, "trim": t, "expected": format_number(x, d, t)}
           for x in numbers for d in (1, 2, 4) for t in (False, True)]
    fixed = [{"x": x, "decimals": d, "expected": format_fixed(x, d)}
             for x in numbers for d in (0, 1, 2, 3)]
    pairs = [([1.8, 1.2], [0.8, 1.8]), ([2.0, -1.0], [1.0, 4.0]), ([0.001, 2.0], [0.5, 0.0]),
             ([1.8, 1.2], [-1.2, 1.8]), ([0.05, 1e-5], [0.05, 3.0]), ([0.1 + 0.2, 1.0], [1.0, 0.0])]
    pairs += [([round(rng.uniform(-4, 4), 1) for _ in "xy"],
               [round(rng.uniform(-4, 4), 1) for _ in "xy"]) for _ in range(150)]
    pairs += [([rng.uniform(-4, 4) for _ in "xy"], [rng.uniform(-4, 4) for _ in "xy"])
              for _ in range(150)]
    working = [{"a": a, "b": b, "decimals": d, "expected": str(ll.dot_working(a, b, decimals=d))}
               for a, b in pairs for d in (None, 2, 3)]
    sign_pairs = [*pairs, ([0, 0], [1, 2]), ([1, 2], [0, 0]), ([0, 0], [0, 0]),
                  ([0.01, 0.02], [0.03, 0.01]), ([1, 0], [0.0004, 1]), ([1, 0], [0.0006, 1]),
                  ([1, 0], [-0.0004, 1]), ([2, 1], [-1, 2]), ([1e-3, 0], [0, 1e-3])]
    sign = [{"a": a, "b": b, "expected": ll.sign_message(a, b)} for a, b in sign_pairs]
    soft = [{"scores": s, "temperature": t, "expected": softmax(s, temperature=t).tolist()}
            for s, t in (([0.42, 0.1, -0.3], 1.0), ([1e4, 1.0], 1.0), ([2.0, 1.0, 0.5], 10.0),
                         ([2.0, 1.0, 0.5], 0.1), ([0.0, 0.0, 0.0, 0.0], 1.0))]
    queries = [([0.0, 1.0], [[1.2, 0.8], [-0.6, 1.1], [0.3, -0.9]]),
               ([2.5, -2.5], [[2.5, 2.5], [-2.5, -2.5]]), ([0.1 + 0.2, 0.7], [[1.0, 0.0]])]
    queries += [([rng.uniform(-2.5, 2.5) for _ in "xy"],
                 [[rng.uniform(-2.5, 2.5) for _ in "xy"] for _ in range(4)]) for _ in range(20)]
    scores = []
    for q, keys in queries:
        raw = attention_scores([q], keys, scale=False)[0]
        scaled = attention_scores([q], keys, scale=True)[0]
        scores.append({"query": q, "keys": keys, "raw": raw.tolist(), "scaled": scaled.tolist(),
                       "best": int(np.argmax(softmax(scaled)))})
    return {"format_number": fmt, "format_fixed": fixed, "dot_working": working,
            "sign": {"rules": sign_rules(), "cases": sign}, "softmax": soft, "scores": scores,
            "esm": _shipped_esm()}


def _shipped_esm() -> dict[str, str]:
    """The joined ``_esm`` string every anywidget class of the package ships, by class name."""
    import anywidget

    shipped = {}
    for info in pkgutil.iter_modules(widgets.__path__):
        module = importlib.import_module(f"lessons_lib.widgets.{info.name}")
        for name, cls in vars(module).items():
            if (isinstance(cls, type) and issubclass(cls, anywidget.AnyWidget)
                    and cls.__module__ == module.__name__
                    and isinstance(cls.__dict__.get("_esm"), str)):
                shipped[name] = cls.__dict__["_esm"]
    return shipped


def _node() -> str | None:
    return shutil.which("node")


def test_widget_javascript_matches_python(tmp_path: Path) -> None:
    node = _node()
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is missing: .ci/run installs it (apt-get install nodejs)")
        pytest.skip("node is not installed (apt-get install nodejs); CI runs this test")
    fixtures = tmp_path / "fixtures.json"
    fixtures.write_text(json.dumps(_fixtures()), encoding="utf-8")
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True,
        env={**os.environ, "LESSONS_JS_FIXTURES": str(fixtures)}, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    # every test() in tests/js/ ran and passed (counted from the files, not hard-coded)
    expected = sum(len(re.findall(r"^test\(", p.read_text(encoding="utf-8"), re.M))
                   for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert f"# pass {expected}\n" in result.stdout and "# fail 0" in result.stdout, (
        f"expected {expected} passing Node tests:\n{result.stdout[-2000:]}")
