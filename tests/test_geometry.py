"""Angles, cosine similarity, normalising and projection against hand-worked values."""

import math

import numpy as np
import pytest

import lessons_lib as ll


def test_cosine_similarity_004_numpy_example():
    # 32 / (√14 · √77), computed independently
    expected = 32 / (math.sqrt(14) * math.sqrt(77))
    assert ll.cosine_similarity([1, 2, 3], [4, 5, 6]) == pytest.approx(expected, rel=1e-12)
    assert f"{ll.cosine_similarity([1, 2, 3], [4, 5, 6]):.4f}" == "0.9746"


def test_angle_004_widget_start_is_32_3_degrees():
    expected = math.degrees(math.acos(3.6 / (math.hypot(1.8, 1.2) * math.hypot(0.8, 1.8))))
    got = ll.angle_between([1.8, 1.2], [0.8, 1.8])
    assert got == pytest.approx(expected, abs=1e-9)
    assert f"{got:.1f}" == "32.3"


@pytest.mark.parametrize(
    ("a", "b", "degrees", "cos"),
    [([2, 1], [4, 2], 0.0, 1.0), ([1, 0], [0, 5], 90.0, 0.0), ([1, 2], [-3, -6], 180.0, -1.0)],
)
def test_004_geometry_special_angles(a, b, degrees, cos):
    assert ll.angle_between(a, b) == pytest.approx(degrees, abs=1e-12)
    assert ll.cosine_similarity(a, b) == pytest.approx(cos, abs=1e-15)
    assert math.cos(math.radians(degrees)) == pytest.approx(cos, abs=1e-15)


def test_angle_of_a_vector_with_itself_is_exactly_zero():
    for v in ([1.8, 1.2], [0.1, 0.2, 0.3], [1e-3, 7.0, -2.5, 1e4]):
        assert ll.angle_between(v, v) == 0.0


def test_angle_in_radians():
    assert ll.angle_between([1, 0], [0, 1], degrees=False) == pytest.approx(math.pi / 2)


def test_normalise():
    assert ll.normalise([3, 4]) == pytest.approx([0.6, 0.8])
    assert ll.norm(ll.normalise([1.8, 1.2])) == pytest.approx(1.0)


def test_projection():
    a, b = np.array([1.8, 1.2]), np.array([0.8, 1.8])
    expected = (a @ b) / (b @ b) * b
    assert ll.project_onto(a, b) == pytest.approx(expected.tolist())
    assert ll.scalar_projection(a, b) == pytest.approx(
        np.linalg.norm(a) * math.cos(math.radians(ll.angle_between(a, b)))
    )


def test_projection_onto_perpendicular_is_zero_without_negative_zero():
    p = ll.project_onto([1, 1], [1, -1])
    assert p == [0.0, 0.0]
    assert all(math.copysign(1, x) == 1 for x in p)
