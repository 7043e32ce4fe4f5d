"""Exercise checkers: feedback that says *what* is wrong, not just "wrong".

Used by the "your turn" cells of every lesson::

    answer = ...          # replace ... with your answer
    check_dot(answer, [1, 2, 3], [4, 5, 6])

Each checker computes the expected value itself, independently, with NumPy
(never by calling the lessons_lib function the learner is practising), then
tries the anticipated mistakes one by one: products not added up, a wrong
sign, a forgotten term, a vector where a number belongs, a rounding error
larger than the tolerance, the placeholder ``...`` still in place. Feedback is
plain text, so it reads the same in JupyterLab, Notebook 7, VS Code and nbval.

The package, one idea a module:

* :mod:`~lessons_lib.checkers.feedback`: the verdict (:class:`Feedback`) and autograding;
* :mod:`~lessons_lib.checkers.answers`: reading a learner's answer, quoting it back;
* :mod:`~lessons_lib.checkers.rounding`: the one rounding rule (decimals asked, rounded too far);
* :mod:`~lessons_lib.checkers.choices`: the one multiple-choice parser (also the quiz's);
* :mod:`~lessons_lib.checkers.givens`: the exercise's own numbers, checked once;
* :mod:`~lessons_lib.checkers.general`: :func:`check_number`, :func:`check_vector`;
* the checkers by topic: :mod:`~lessons_lib.checkers.vectors`,
  :mod:`~lessons_lib.checkers.geometry`, :mod:`~lessons_lib.checkers.neurons`,
  :mod:`~lessons_lib.checkers.attention`.
"""

from lessons_lib.checkers.attention import check_attention_weights, check_softmax
from lessons_lib.checkers.choices import check_choice
from lessons_lib.checkers.feedback import TRIES_KEY, Feedback, NotYet, Passed
from lessons_lib.checkers.general import check_number, check_vector
from lessons_lib.checkers.geometry import check_angle, check_cosine, check_projection
from lessons_lib.checkers.neurons import check_clip, check_sigmoid
from lessons_lib.checkers.vectors import check_add, check_dot, check_norm, check_scale

__all__ = [
    "TRIES_KEY",
    "Feedback",
    "NotYet",
    "Passed",
    "check_add",
    "check_angle",
    "check_attention_weights",
    "check_choice",
    "check_clip",
    "check_cosine",
    "check_dot",
    "check_norm",
    "check_number",
    "check_projection",
    "check_scale",
    "check_sigmoid",
    "check_softmax",
    "check_vector",
]
