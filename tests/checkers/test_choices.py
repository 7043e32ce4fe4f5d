"""lessons_lib.checkers.choices: one parser of a learner's choice, for check_choice (with
and without options) and the quiz."""

import pytest

from lessons_lib import checkers as c
from lessons_lib.checkers import choices
from lessons_lib.widgets import quiz
from lessons_lib.widgets.quiz import MultipleChoice

FORMS = ["A", "a)", "(A)", "5 × 5", "A) 5 × 5", (5, 5), "5x5", "5, 5"]


def test_choice():
    assert c.check_choice(" b) ", "B").ok
    fb = c.check_choice("A", "B", explanations={"A": "A is a vector, not a number."})
    assert str(fb) == "✗ Not yet: A is a vector, not a number."
    assert "not the right choice" in str(c.check_choice("C", "B"))


@pytest.mark.parametrize("typed", FORMS)
def test_a_choice_accepts_the_forms_the_quiz_accepts(typed):
    options = {"A": "5 × 5", "B": "8 × 8", "C": "5 × 8"}
    assert c.check_choice(typed, "A", options=options).ok, typed
    quiz = MultipleChoice("?", list(options.values()), "5 × 5")
    if isinstance(typed, str):
        assert quiz.check(typed).ok, typed


def test_the_quiz_reads_choices_with_the_checkers_parser():
    """One parser: the quiz's reading of a choice is choices.parse_choice itself."""
    assert quiz._choice is choices.parse_choice and quiz._choice_text is choices.normalise


@pytest.mark.parametrize("typed", ["A", "a)", "(A)", "a.", " a "])
def test_without_options_a_letter_reads_in_the_same_forms(typed):
    assert c.check_choice(typed, "A").ok, typed
    assert c.check_choice(typed, "B", explanations={"A": "A is a vector."}).message == \
        "A is a vector."


@pytest.mark.parametrize("typed", ["5 × 5", (5, 5), "5x5", "5, 5", " 5*5 "])
def test_without_options_a_text_reads_in_the_same_forms(typed):
    assert c.check_choice(typed, "5 × 5", explanations={"8 × 8": "too big"}).ok, typed
    assert c.check_choice(typed, "8 × 8", explanations={"5 × 5": "too small"}).message == \
        "too small"


def test_a_choice_is_none_of_them_when_it_matches_none_or_two():
    assert choices.parse_choice("D", {"A": "x", "B": "y"}) is None
    assert choices.parse_choice("x", {"A": "x", "B": "X"}) is None  # two read the same
    assert choices.parse_choice(True, {"A": "true"}) is None
