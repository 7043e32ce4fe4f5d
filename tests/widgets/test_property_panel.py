"""The lesson-05 property panel (PropertyPanel), watching a real VectorPlayground."""

import math

import pytest

from lessons_lib.widgets.property_panel import PropertyPanel
from lessons_lib.widgets.vector_playground import VectorPlayground


def test_property_panel_follows_a_real_playground():
    pg = VectorPlayground(a=[1.8, 1.2], b=[0.8, 1.8])
    panel = PropertyPanel(pg)
    assert panel.report["commutative"].left == pytest.approx(3.6)
    pg.a = [3.0, 4.0]
    assert panel.report["self dot"].left == pytest.approx(25.0)  # 3² + 4²
    assert panel.report["Cauchy–Schwarz"].right == pytest.approx(5 * math.sqrt(0.64 + 3.24))
    assert "25" in panel.table.value and "all five laws hold" in panel.table.value
    assert repr(panel).startswith("PropertyPanel\na = [3, 4], b = [0.8, 1.8]")
    panel.close()
    pg.a = [1.0, 0.0]
    assert panel.report["self dot"].left == pytest.approx(25.0)  # no longer watching


def test_property_panel_needs_a_playground():
    with pytest.raises(TypeError, match="VectorPlayground"):
        PropertyPanel([1, 2])
