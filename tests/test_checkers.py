"""Every checker accepts the right answer and names each anticipated mistake.

Expected values are worked out by hand here (or with NumPy), not taken from the checkers.
The package's shared parts have their own tests in ``tests/checkers/``: reading answers,
the rounding rule, the choice parser, the verdict.
"""

import math

import numpy as np
import pytest

from lessons_lib import checkers as c
from lessons_lib.widgets.quiz import NumericAnswer


def status(fb):
    return fb.status


@pytest.mark.parametrize("placeholder", [..., None])
@pytest.mark.parametrize(
    "call",
    [
        lambda x: c.check_dot(x, [1, 2, 3], [4, 5, 6]),
        lambda x: c.check_add(x, [1, 2], [3, 4]),
        lambda x: c.check_scale(x, 2, [1, 2]),
        lambda x: c.check_norm(x, [3, 4]),
        lambda x: c.check_cosine(x, [1, 2, 3], [4, 5, 6]),
        lambda x: c.check_angle(x, [1.8, 1.2], [0.8, 1.8]),
        lambda x: c.check_projection(x, [3, 4], [2, 0]),
        lambda x: c.check_number(x, 1.0),
        lambda x: c.check_vector(x, [1.0]),
        lambda x: c.check_choice(x, "A"),
        lambda x: c.check_softmax(x, [1.0, 2.0]),
        lambda x: c.check_attention_weights(x, [[1.0, 0.0]], [[1.0, 1.0]]),
    ],
)
def test_placeholder_is_not_attempted(call, placeholder):
    fb = call(placeholder)
    assert fb.status == "not attempted" and not fb
    assert str(fb).startswith("✎ Not attempted yet: replace `...`")


class TestDot:
    a, b = [1, 2, 3], [4, 5, 6]  # 1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32

    def test_right(self):
        fb = c.check_dot(32, self.a, self.b)
        assert fb.ok and str(fb) == "✓ Correct! a·b = 32."

    def test_numpy_scalar_is_fine(self):
        assert c.check_dot(np.int64(32), self.a, self.b)

    def test_products_not_added(self):
        fb = c.check_dot([4, 10, 18], self.a, self.b)
        assert str(fb) == "✗ Not yet: you returned the products [4, 10, 18] — now add them up."

    def test_products_as_array(self):
        assert "now add them up" in str(c.check_dot(np.array([4, 10, 18]), self.a, self.b))

    def test_added_positions(self):
        assert "MULTIPLIES" in str(c.check_dot([5, 7, 9], self.a, self.b))

    def test_other_vector(self):
        assert "ONE number" in str(c.check_dot([1, 1], self.a, self.b))

    @pytest.mark.parametrize(("left_out", "term"), [(32 - 4, "1·4 = 4"), (32 - 10, "2·5 = 10"),
                                                   (32 - 18, "3·6 = 18")])
    def test_forgot_a_term(self, left_out, term):
        fb = c.check_dot(left_out, self.a, self.b)
        assert f"you left out a term: {left_out} is the sum without {term}" in str(fb)

    def test_wrong_sign(self):
        assert "sign is wrong" in str(c.check_dot(-32, self.a, self.b))

    def test_negative_product_added(self):
        # 2·1 + (−1)·4 + 3·2: adding |−4| gives 2 + 4 + 6 = 12 instead of 4
        fb = c.check_dot(12, [2, -1, 3], [1, 4, 2])
        assert "negative product is subtracted: (−1)·4 = −4 pulls" in str(fb)
        # the message names the learner's own product: 3·2 + (−2)·4 + 1·5 → (−2)·4 = −8
        fb = c.check_dot(6 + 8 + 5, [3, -2, 1], [2, 4, 5])
        assert "(−2)·4 = −8 pulls the total down" in str(fb)

    def test_added_everything(self):
        assert "you added all the numbers" in str(c.check_dot(21, self.a, self.b))

    def test_rounding_beyond_tolerance(self):
        # 1.8·0.8 + 1.2·1.8 = 3.60; 3.5 is close but outside the 0.005 tolerance
        fb = c.check_dot(3.58, [1.8, 1.2], [0.8, 1.8])
        assert "very close, but 3.58 is off by 0.02" in str(fb)
        assert c.check_dot(3.6, [1.8, 1.2], [0.8, 1.8]).ok

    def test_text_answer(self):
        assert "without quotes" in str(c.check_dot("32", self.a, self.b))

    def test_far_off(self):
        assert "too small" in str(c.check_dot(1, self.a, self.b))
        assert "too large" in str(c.check_dot(100, self.a, self.b))


def test_add():
    assert c.check_add([4, 6], [1, 2], [3, 4]).ok
    assert "concatenates" in str(c.check_add([1, 2, 3, 4], [1, 2], [3, 4]))
    assert "subtracted" in str(c.check_add([-2, -2], [1, 2], [3, 4]))
    assert "single number" in str(c.check_add(10, [1, 2], [3, 4]))
    assert "position 1" in str(c.check_add([4, 7], [1, 2], [3, 4]))


def test_scale():
    assert c.check_scale([2, 4], 2, [1, 2]).ok
    assert "repeats the list" in str(c.check_scale([1, 2, 1, 2], 2, [1, 2]))
    assert "MULTIPLIES" in str(c.check_scale([3, 4], 2, [1, 2]))


def test_norm():
    assert c.check_norm(5, [3, 4]).ok  # √(9 + 16)
    assert "is ‖a‖², the sum of the squares" in str(c.check_norm(25, [3, 4]))
    assert "sizes of the numbers" in str(c.check_norm(7, [3, -4]))
    assert "single number" in str(c.check_norm([3, 4], [3, 4]))


def test_cosine():
    expected = 32 / math.sqrt(14 * 77)
    assert c.check_cosine(round(expected, 4), [1, 2, 3], [4, 5, 6]).ok
    assert "raw dot product" in str(c.check_cosine(32, [1, 2, 3], [4, 5, 6]))
    assert "divided by ‖a‖ only" in str(c.check_cosine(32 / math.sqrt(14), [1, 2, 3], [4, 5, 6]))
    angle = math.degrees(math.acos(expected))
    assert "angle in degrees" in str(c.check_cosine(angle, [1, 2, 3], [4, 5, 6]))


def test_angle():
    theta = math.acos(3.6 / (math.hypot(1.8, 1.2) * math.hypot(0.8, 1.8)))
    assert c.check_angle(round(math.degrees(theta), 1), [1.8, 1.2], [0.8, 1.8]).ok
    assert "radians" in str(c.check_angle(theta, [1.8, 1.2], [0.8, 1.8]))
    assert "that is cos θ" in str(c.check_angle(math.cos(theta), [1.8, 1.2], [0.8, 1.8]))
    assert "180° minus" in str(c.check_angle(180 - math.degrees(theta), [1.8, 1.2], [0.8, 1.8]))


def test_projection():
    # a = [3, 4] onto b = [2, 0]: (6 / 4)·[2, 0] = [3, 0]
    assert c.check_projection([3, 0], [3, 4], [2, 0]).ok
    assert "scalar projection" in str(c.check_projection(3, [3, 4], [2, 0]))
    # b onto a: (6 / 25)·[3, 4] = [0.72, 0.96]
    assert "projected b onto a" in str(c.check_projection([0.72, 0.96], [3, 4], [2, 0]))
    assert "forgot to divide" in str(c.check_projection([12, 0], [3, 4], [2, 0]))


def test_softmax():
    s = np.array([2.0, 1.0, 0.0])
    e = np.exp(s) / np.exp(s).sum()  # the textbook formula
    assert c.check_softmax(e, s).ok
    assert c.check_softmax(np.round(e, 3), s).ok
    assert "did not divide" in str(c.check_softmax(np.exp(s), s))
    assert "raw scores" in str(c.check_softmax(s, s))
    assert "without exponentiating" in str(c.check_softmax(s / s.sum(), s))
    table = np.array([[1.0, 2.0], [0.5, -1.0]])
    cols = np.exp(table) / np.exp(table).sum(axis=0, keepdims=True)
    assert "down the columns" in str(c.check_softmax(cols, table))


def test_attention_weights():
    Q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    K = np.array([[1.0, 1.0], [0.0, 2.0], [-1.0, 0.5]])
    scores = Q @ K.T / np.sqrt(2)
    w = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    assert c.check_attention_weights(w, Q, K).ok
    assert "raw scores" in str(c.check_attention_weights(Q @ K.T, Q, K))
    assert "scaled scores" in str(c.check_attention_weights(scores, Q, K))
    unscaled = np.exp(Q @ K.T) / np.exp(Q @ K.T).sum(axis=1, keepdims=True)
    assert "forgot to divide by √d_k = √2" in str(c.check_attention_weights(unscaled, Q, K))
    assert "transpose" in str(c.check_attention_weights(w.T, Q, K))
    assert "shape (3, 3)" in str(c.check_attention_weights(w[:2], Q, K))


def test_sigmoid():
    z = 1.5
    expected = 1 / (1 + math.exp(-z))  # 0.8176
    assert c.check_sigmoid(round(expected, 3), z).ok
    assert "z itself" in str(c.check_sigmoid(z, z))
    assert "e^(−z)" in str(c.check_sigmoid(math.exp(-z), z))
    assert "e^(+z)" in str(c.check_sigmoid(1 / (1 + math.exp(z)), z))
    assert c.check_sigmoid(0.0, -800.0).ok  # no overflow for very negative z


def test_clip():
    # g = [6, 8] has length 10; clipped to 5 keeps the direction: [3, 4]
    assert c.check_clip([3, 4], [6, 8], 5).ok
    assert "unit vector" in str(c.check_clip([0.6, 0.8], [6, 8], 5))
    assert "divided by g·g" in str(c.check_clip([0.3, 0.4], [6, 8], 5))
    assert "clip by value" in str(c.check_clip([5, 5], [6, 8], 5))
    assert "‖g‖ = √(g·g) = 10 is more than max_norm = 5" in str(c.check_clip([6, 8], [6, 8], 5))
    assert c.check_clip([1, 1], [1, 1], 5).ok  # already short enough: unchanged
    assert "already within" in str(c.check_clip([3.5355, 3.5355], [1, 1], 5))


# --- Bad exercises (issue 11): a clear error, never a wrong verdict ---------------------


@pytest.mark.parametrize("check", [c.check_cosine, c.check_angle])
def test_a_zero_vector_in_the_exercise_is_a_clear_error(check):
    with pytest.raises(ValueError, match="zero length"):
        check(0.5, [0, 0], [1, 1])
    with pytest.raises(ValueError, match="zero length"):
        check(0.0, [1, 0], [0, 0])


def test_projection_onto_a_zero_vector_is_a_clear_error():
    with pytest.raises(ValueError, match="zero length"):
        c.check_projection([0, 0], [1, 2], [0, 0])


def test_exercise_vectors_are_validated():
    with pytest.raises(ValueError, match="has 3 numbers but b has 2"):
        c.check_dot(5, [1, 2, 3], [1, 2])
    with pytest.raises(TypeError, match="not a number"):
        c.check_dot(5, [1, "2"], [1, 2])


@pytest.mark.parametrize("typed, needle", [
    ("inf", "too large"), ("nan", "NaN"), ("1e999", "too large"), (str(10**400), "too large"),
    (10**400, "too large"), (float("inf"), "too large"), ("", "type a number"),
])
def test_quiz_number_box_never_crashes(typed, needle):
    feedback = NumericAnswer("What is 2 + 1?", 3).check(typed)
    assert needle in str(feedback)
    assert feedback.status in ("wrong", "not attempted")


def test_quiz_number_box_still_accepts_the_answer():
    assert NumericAnswer("What is 2 + 1?", 3).check(" 3 ").status == "correct"
    assert NumericAnswer("What is −1 − 1?", -2).check("−2").status == "correct"


# --- weights: the mistakes of lessons 07 and 08 get their own diagnosis ---------------

def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def test_softmax_mistakes_are_named():
    s = np.array([1.0, -0.5, 0.3])
    w = _softmax(s)
    assert "2^score" in c.check_softmax(2 ** s / (2 ** s).sum(), s).message
    assert "wrong order" in c.check_softmax(w[[2, 0, 1]], s).message
    assert "L1 normalisation" in c.check_softmax(s / np.abs(s).sum(), s).message


def test_weight_table_mistakes_are_named():
    Q = np.array([[1.0, 0.5], [0.2, -1.0], [0.0, 2.0]])
    K = np.array([[0.5, 1.0], [1.5, -0.5], [-1.0, 0.3], [0.7, 0.7]])
    W = _softmax(Q @ K.T / np.sqrt(2))
    assert c.check_attention_weights(np.round(W, 2), Q, K).ok
    assert "rows in the wrong order" in c.check_attention_weights(W[[1, 2, 0]], Q, K).message
    # a softmax over all four keys, cut to the first three: right proportions, sums < 1
    corner = _softmax(Q @ K.T / np.sqrt(2))[:, :3]
    assert "cut out this corner" in c.check_attention_weights(corner, Q, K[:3]).message
    s = Q @ K.T / np.sqrt(2)
    assert "2^score" in c.check_attention_weights(2 ** s / (2 ** s).sum(1, keepdims=True),
                                                  Q, K).message
    assert "L1" in c.check_attention_weights(s / np.abs(s).sum(1, keepdims=True), Q, K).message


def test_a_slip_in_one_position_is_named():
    """[2, 5] + [−1, 3] = [1, 8] and 3 × [2, −1, 0.5] = [6, −3, 1.5] by hand."""
    assert "only one of the two numbers" in c.check_add([2, 8], [2, 5], [-1, 3]).message
    assert "mind the sign" in c.check_add([3, 8], [2, 5], [-1, 3]).message
    assert "not scaled" in c.check_scale([6, -1, 1.5], 3, [2, -1, 0.5]).message
    assert "wrong sign" in c.check_scale([6, 3, 1.5], 3, [2, -1, 0.5]).message
    assert "position 0 (counting from 0) is off" in c.check_add([7, 8], [2, 5], [-1, 3]).message
