"""The quiz widget: feedback, score, and a text form where no widget front end runs."""

import pytest

from lessons_lib.widgets.quiz import MultipleChoice, NumericAnswer, Quiz


def make():
    return Quiz([
        MultipleChoice("What is [1, 2, 3] · [4, 5, 6]?", ["32", "[4, 10, 18]", "21"], "32",
                       explanation="1·4 + 2·5 + 3·6 = 32"),
        NumericAnswer("cos θ for θ = 90°?", answer=0.0, tol=1e-3),
    ], title="Lesson 02 quiz")


def test_text_form_lists_questions_and_is_deterministic():
    text = repr(make())
    assert text == repr(make())
    assert text.splitlines()[0] == "Quiz: Lesson 02 quiz (2 questions)"
    assert "A) 32   B) [4, 10, 18]   C) 21" in text
    assert "0x" not in text


def test_mimebundle_text_plain_is_the_text_form():
    quiz = make()
    bundle = quiz._repr_mimebundle_()
    assert bundle["text/plain"] == repr(quiz)


def test_answers_and_score():
    quiz = make()
    assert quiz.score == 0
    assert not quiz.answer(1, "B")
    assert quiz.answer(1, "A").ok
    assert quiz.answer(2, "0.0004").ok
    assert quiz.score == 2
    assert "Score: 2 / 2" in quiz._score_label.value


def test_widget_interaction_updates_feedback():
    quiz = make()
    radio = quiz.children[1].children[1]
    radio.value = radio.options[2]  # "C) 21"
    assert "Not yet" in quiz._feedback[0].value
    text_box = quiz.children[2].children[1].children[0]
    text_box.value = "0"
    assert "Correct" in quiz._feedback[1].value
    assert quiz.score == 1


def test_bad_questions_are_rejected_clearly():
    with pytest.raises(ValueError, match="not one of the options"):
        MultipleChoice("?", ["a", "b"], "c")
    with pytest.raises(ValueError, match="at least one question"):
        Quiz([])
    with pytest.raises(IndexError, match="questions 1 to 2"):
        make().answer(3, "A")


def test_numeric_parses_typed_text():
    q = NumericAnswer("?", answer=-4)
    assert q.check("−4").ok and q.check(" -4 ").ok
    assert q.check("").status == "not attempted"
