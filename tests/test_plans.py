"""The teacher guide's 90-minute plans (tools/plans.py): generated, current, and they fit.

Expected times are read here from each lesson's own first cell ("**Time:** about N
minutes"), not from the registry the tool uses.
"""

from __future__ import annotations

import itertools
import json
import re

from tools import plans
from tools._paths import lessons


def _stated() -> dict[str, int]:
    out = {}
    for path in lessons():
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"]
        found = re.search(r"\*\*Time:\*\* about (\d+) minutes", "".join(first))
        assert found, path.name
        out[path.stem[:2]] = int(found.group(1))
    return out


def test_the_guides_plans_are_current() -> None:
    assert plans.main(["--check"]) == 0, "run: python -m tools.plans"


def test_sessions_hold_every_lesson_once_in_order_and_fit() -> None:
    stated = _stated()
    groups = [[x.code for x in s] for s in plans.sessions()]
    assert [code for group in groups for code in group] == sorted(stated)
    for group in groups:
        assert sum(stated[c] for c in group) <= 90, group
    for first, second in itertools.pairwise(groups):  # nothing more would fit
        assert sum(stated[c] for c in first) + stated[second[0]] > 90


def test_the_02_07_plan_is_both_lessons_and_one_bridge_within_90_minutes() -> None:
    stated = _stated()
    rows = plans.bridge_plan()
    by_lesson: dict[str, int] = {}
    for code, _, minutes in rows:
        by_lesson[code] = by_lesson.get(code, 0) + minutes
    assert by_lesson["02"] == stated["02"] and by_lesson["07"] == stated["07"]
    bridge = [r for r in rows if r[0] == "06"]
    assert len(bridge) == 1 and "matrices" in bridge[0][1]
    assert [r[0] for r in rows].index("06") == [r[0] for r in rows].index("07") - 1
    assert sum(m for _, _, m in rows) <= 90
