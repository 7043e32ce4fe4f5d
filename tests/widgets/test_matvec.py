"""MatVecWidget (lesson 06 §6): moving x refills each row's dot product; errors in words."""

import numpy as np
import pytest

from lessons_lib.widgets.matvec import MatVecWidget

M = [[1, 2], [3, -1], [0, 1]]


def test_moving_a_slider_recomputes_every_row():
    w = MatVecWidget(M=M, x=[1, 1])
    w.sliders[0].value = 2.0
    w.sliders[1].value = -0.5
    assert w.result == pytest.approx((np.array(M) @ np.array([2.0, -0.5])).tolist())
    assert "3·2 + (−1)·(−0.5)" in w.table.value  # the HTML readout moved too


def test_repr_is_deterministic_text():
    a, b = MatVecWidget(M=M, x=[1, 1]), MatVecWidget(M=M, x=[1, 1])
    assert repr(a) == repr(b)
    assert "0x" not in repr(a) and repr(a).endswith("M x = [3, 2, 1]")  # 1+2, 3-1, 0+1


def test_slider_noise_is_rounded_away():
    w = MatVecWidget(M=M, x=[1, 1])
    w.sliders[0].value = 0.1 + 0.2  # 0.30000000000000004
    assert w.x[0] == 0.3


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"M": M, "x": [1, 2, 3]}, ["2 columns", "3 entries"]),
    ({"M": M, "x": [9, 0]}, ["outside the slider range"]),
    ({"M": [[1] * 5], "x": [0] * 5}, ["at most", "matvec_working"]),
])
def test_bad_start_values_are_refused_in_words(kwargs, words):
    with pytest.raises(ValueError) as info:
        MatVecWidget(**kwargs)
    for word in words:
        assert word in str(info.value)


def test_set_x_checks_before_moving():
    w = MatVecWidget(M=M, x=[1, 1])
    with pytest.raises(ValueError, match="columns"):
        w.set_x([1, 2, 3])
    assert w.x == [1.0, 1.0]
