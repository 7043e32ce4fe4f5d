"""The quiz widget: feedback that unfolds over tries, a first-try score, and a text form
where no widget front end runs."""

import json

import pytest

from lessons_lib.widgets.quiz import (
    REVEAL_AFTER,
    MultipleChoice,
    NumericAnswer,
    Quiz,
    first_try,
    record_first_tries,
)


def make():
    return Quiz([
        MultipleChoice("What is [1, 2, 3] · [4, 5, 6]?", ["32", "[4, 10, 18]", "21"], "32",
                       explanation="1·4 + 2·5 + 3·6 = 32",
                       why={"[4, 10, 18]": "those are the products, not yet added.",
                            "21": "that adds all six numbers."}),
        NumericAnswer("cos θ for θ = 90°?", answer=0.0, tol=1e-3,
                      explanation="cos 90° = 0.", hint="Think of the unit circle.",
                      hints=[(1, "1 is cos 0°.")]),
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


def test_score_counts_first_tries_and_shows_retries_apart():
    quiz = make()
    assert quiz.score == 0
    assert not quiz.answer(1, "B")
    assert quiz.answer(1, "A").ok
    assert quiz.answer(2, "0.0004").ok
    assert (quiz.score, quiz.right_after_retry) == (1, 1)
    assert "First try: 1 / 2 · right after a retry: 1" in quiz._score_label.value
    quiz.answer(2, "5")  # a later wrong try does not take the first-try point away
    assert quiz.score == 1


def test_blank_or_unreadable_input_is_not_a_try():
    quiz = make()
    assert quiz.answer(2, "").status == "not attempted"
    assert "not a number" in quiz.answer(2, "zero").message
    assert "not one of the options" in quiz.answer(1, "E").message
    assert quiz.answer(1, "a)").ok and quiz.answer(2, "0").ok
    assert quiz.score == 2  # both still count as first tries


def test_wrong_choice_is_told_why_and_answer_is_held_back_until_a_retry():
    q = make().questions[0]
    first = q.check("C")
    assert "adds all six numbers" in first.message
    assert "32" not in first.message and "Try again" in first.message
    later = q.check("C", attempt=REVEAL_AFTER)
    assert "The answer is A) 32 — 1·4" in later.message and "1·4 + 2·5" in later.message


def test_wrong_number_gets_diagnosis_and_hint_before_the_answer():
    q = make().questions[1]
    first = q.check("1")
    assert first.message == "1 is cos 0°. Hint: Think of the unit circle."
    generic = q.check("0.7")
    assert "too large" in generic.message and "Hint: Think of the unit circle." in generic.message
    assert "cos 90° = 0" not in generic.message
    later = q.check("0.7", attempt=REVEAL_AFTER)
    assert "The answer is 0 — cos 90° = 0." in later.message and "cos 90° = 0." in later.message


def test_choice_accepts_the_letter_in_any_common_form_and_the_option_value():
    q = MultipleChoice("Shape of QKᵀ for 6 tokens?", ["6 × 64", "6 × 6", "64 × 64"], "6 × 6",
                       why={"6 × 64": "that is Q's shape.", "64 × 64": "that is d_k × d_k."})
    for typed in ("B", "b", "B)", "(b)", "B) 6 × 6", "6 × 6", "6x6", "6, 6"):
        assert q.check(typed).ok, typed
    assert "Q's shape" in q.check("6x64").message


def test_numeric_uses_the_checkers_precision_rule():
    q = NumericAnswer("q·k/√3 (4 decimals)?", answer=0.42 / 3 ** 0.5, tol=5e-4)
    assert q.check("0.2425").ok and q.check("0.24249").ok
    assert not q.check("0.2426").ok  # within 5e-4 but not a correct rounding
    assert "decimal" in q.check("0.24").message  # right, but fewer decimals than asked


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
    with pytest.raises(ValueError, match="not one of the options"):
        MultipleChoice("?", ["a", "b"], "a", why={"c": "no."})
    with pytest.raises(ValueError, match="right answer"):
        MultipleChoice("?", ["a", "b"], "a", why={"a": "no."})
    with pytest.raises(ValueError, match="at least one question"):
        Quiz([])
    with pytest.raises(IndexError, match="questions 1 to 2"):
        make().answer(3, "A")


def test_numeric_parses_typed_text():
    q = NumericAnswer("?", answer=-4)
    assert q.check("−4").ok and q.check(" -4 ").ok
    assert q.check("").status == "not attempted"


def _box_and_button(quiz, row):
    controls = quiz.children[row].children[1]
    return controls.children[0], controls.children[1]


def test_typed_number_then_check_is_one_try():
    """The box commits its text when it loses focus, then Check fires: one try, a hint,
    no answer (the second try would reveal it)."""
    quiz = make()
    box, button = _box_and_button(quiz, 2)
    box.value = "0.7"  # what the front end sends on blur / Enter
    button.click()  # the click that caused the blur
    assert quiz._attempts[1] == 1
    feedback = quiz._feedback[1].value
    assert "Hint: Think of the unit circle." in feedback
    assert "The answer is" not in feedback and "cos 90° = 0" not in feedback


@pytest.mark.parametrize("steps", [
    ["type", "check"],  # type + click Check
    ["type"],  # type + Enter, or type + Tab away
    ["type", "check", "check"],  # click Check twice
])
def test_every_way_of_submitting_a_typed_answer_counts_once(steps):
    quiz = make()
    box, button = _box_and_button(quiz, 2)
    for step in steps:
        if step == "type":
            box.value = "5"
        else:
            button.click()
    assert quiz._attempts[1] == 1, steps
    assert "The answer is" not in quiz._feedback[1].value


def test_a_changed_answer_is_a_new_try_and_the_second_wrong_one_reveals():
    quiz = make()
    box, button = _box_and_button(quiz, 2)
    box.value = "5"
    button.click()
    box.value = "6"
    button.click()
    assert quiz._attempts[1] == 2
    assert "The answer is 0" in quiz._feedback[1].value


def test_answering_from_code_still_counts_every_call():
    quiz = make()
    quiz.answer(2, "5")
    quiz.answer(2, "5")
    assert quiz._attempts[1] == 2


def _two() -> list:
    return [MultipleChoice("1 + 1?", ["2", "3"], "2"), NumericAnswer("2 + 2?", answer=4)]


def test_in_class_a_quiz_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    quiz = Quiz(_two())
    quiz.answer(1, "B"), quiz.answer(2, "4")
    assert list(tmp_path.iterdir()) == []
    assert first_try(1).status == "not attempted"  # no recording quiz in this kernel


@pytest.fixture
def recording(tmp_path):
    record = tmp_path / "lesson.quiz.json"
    record_first_tries(record)
    yield record
    record_first_tries(None)


def test_a_recorded_first_try_survives_a_rerun_and_an_edited_verdict(recording):
    quiz = Quiz(_two(), title="T")
    quiz.answer(1, "B"), quiz.answer(1, "A")
    assert json.loads(recording.read_text())["T"]["1"]["tries"] == 2
    again = Quiz(_two(), title="T")  # the cell run again, or the kernel restarted
    assert (again.score, again.right_after_retry) == (0, 1)
    data = json.loads(recording.read_text())
    data["T"]["1"]["first_status"] = "correct"  # a verdict edited by hand counts for nothing
    recording.write_text(json.dumps(data))
    assert not Quiz(_two(), title="T").first_try(1).ok
    assert str(first_try(2)) == ("✎ Not attempted yet: question 2 was not answered in the "
                                 "quiz.")
    recording.write_text("{not json")  # an unreadable record reads as nothing answered
    assert Quiz(_two(), title="T").score == 0 and first_try(1).status == "not attempted"
