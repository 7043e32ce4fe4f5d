"""Play the learner: every "your turn" exercise and every quiz question of lessons 00–08,
answered as people answer.

The table of anticipated answers lives in ``tools/mistakes.py`` (it also writes the
teacher's page ``docs/mistakes.md``). Here every row is played against the real checkers:
the right answer and its allowed roundings must be accepted, each anticipated mistake must
get its specific diagnosis, and the table must cover every exercise of every lesson.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from lessons_lib.checkers.rounding import precision, written_decimals
from lessons_lib.exercises import EXERCISES
from lessons_lib.widgets.quiz import REVEAL_AFTER, MultipleChoice, NumericAnswer, Quiz
from tools._paths import lessons
from tools.mistakes import QUIZ, RIGHT, TABLE, exercise_calls, main, quiz_questions, render
from tools.nbgrader_course import exercises


def test_every_exercise_of_every_lesson_is_played():
    lesson_exercises = {(p.stem[:2], e.number): e for p in lessons() for e in exercises(p)}
    assert set(TABLE) == set(lesson_exercises), set(lesson_exercises) ^ set(TABLE)
    for key, exercise in lesson_exercises.items():
        defined = EXERCISES[key]
        assert exercise.check == f"{defined.name}.check(answer)", (key, exercise.check)
        assert defined.checker == TABLE[key][0], (key, defined.checker)


# exercise_calls() and quiz_questions() are cached and built on first use, not at import:
# under xdist every worker collects this module, and only one runs it.


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda k: f"{k[0]}-ex{k[1]}")
def test_learner_answers_get_the_right_verdict(key):
    """Each answer goes through the lesson's OWN checker call (its hints included)."""
    _, cases = TABLE[key]
    call = exercise_calls()[key]
    for answer, phrase in cases:
        feedback = call(answer)
        text = str(feedback)
        if phrase == RIGHT:
            assert feedback.ok, (key, answer, text)
        else:
            assert not feedback.ok, (key, answer, text)
            assert phrase in text, (key, answer, text)
        assert "nan" not in text.lower(), text  # never a NaN shown to a learner


def test_the_teachers_page_is_current():
    """docs/mistakes.md quotes the checkers' messages: regenerate it when they change."""
    assert main(["--check"]) == 0, "run: python -m tools.mistakes"
    assert "| `0.424` |" in render()  # lesson 02's rounding trap is on the page


# --- the end-of-lesson quizzes ------------------------------------------------------

def test_every_quiz_question_of_every_lesson_is_played():
    assert set(quiz_questions()) == set(QUIZ), set(quiz_questions()) ^ set(QUIZ)


def _letter(i: int) -> str:
    return "ABCDEFGH"[i]


@pytest.mark.parametrize("key", sorted(QUIZ), ids=lambda k: f"{k[0]}-quiz{k[1]}")
def test_quiz_question_played_wrong_then_right(key):
    """Right answers (in the forms people type) are accepted; a wrong first try is told what
    is wrong without being told the answer; the answer comes at the second wrong try."""
    question, right = quiz_questions()[key], QUIZ[key]
    if isinstance(question, MultipleChoice):
        assert isinstance(right, str)
        r = "ABCDEFGH".index(right)
        for typed in (right, right.lower(), f"{right})", f"({right.lower()})",
                      question.options[r]):
            assert question.check(typed).ok, (key, typed)
        for i, option in enumerate(question.options):
            if i == r:
                continue
            first = question.check(_letter(i))
            assert not first.ok
            reason = question.reason(i)
            assert len(reason) > 15, f"{key}: option {_letter(i)}) {option} needs a 'why'"
            assert reason in first.message
            assert "The answer is" not in first.message
            assert f"{right}) " not in first.message  # the right option is not named
            later = question.check(_letter(i), attempt=REVEAL_AFTER)
            assert f"The answer is {right}) {question.options[r]}" in later.message
    else:
        assert isinstance(question, NumericAnswer) and isinstance(right, float)
        assert question.check(repr(right)).ok, key
        places = precision(question.tol)
        if places is not None:  # the prompt asks for this many decimals: say so
            assert f"{places} decimal" in question.prompt, key
            assert question.check(f"{right:.{places}f}").ok, key
        else:
            assert abs(question.answer - right) <= 1e-9, key
        assert len(question.hint) > 15, f"{key} needs a hint"
        wrongs = [(value, message) for value, message in question.hints]
        wrongs.append((right + 1.5, "Hint:"))  # an unanticipated wrong answer
        for value, message in wrongs:
            first = question.check(str(value))
            assert not first.ok, (key, value)
            assert message in first.message and f"Hint: {question.hint}" in first.message
            assert "The answer is" not in first.message
            assert not question.explanation or question.explanation not in first.message
            later = question.check(str(value), attempt=REVEAL_AFTER)
            assert "The answer is" in later.message and question.explanation in later.message


def test_quiz_score_counts_first_tries():
    questions = quiz_questions()
    quiz = Quiz([questions[("02", 1)], questions[("02", 4)]], title="replay")
    quiz.answer(1, "B")  # products, not added up
    quiz.answer(1, "C")
    quiz.answer(2, "20")  # (4, 5, 2)·(3, 0, 4) = 12 + 0 + 8
    assert (quiz.score, quiz.right_after_retry) == (1, 1)


def _prompt(path, number):
    """The exercise's prompt as a learner reads it: the markdown above and the code cell."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        if cell.get("id") == f"ex{number}":
            return "".join(cells[i - 1]["source"]) + "".join(cell["source"])
    raise AssertionError(f"{path.name}: no cell ex{number}")


def _decimals_asked() -> dict[tuple[str, int], int]:
    """(lesson, exercise) → the decimals its prompt asks for ("Give 4 decimals" → 4)."""
    asked = {}
    for path in lessons():
        for number in {key[1] for key in TABLE if key[0] == path.stem[:2]}:
            found = re.findall(r"(\d) decimal", _prompt(path, number))
            if found:
                asked[(path.stem[:2], number)] = int(found[0])
    return asked


DECIMALS_ASKED = _decimals_asked()


def test_prompts_that_ask_for_decimals_are_found():
    assert len(DECIMALS_ASKED) >= 8, DECIMALS_ASKED  # 02, 03, 04, 05, 06, 07, 08 ask


@pytest.mark.parametrize("key", sorted(DECIMALS_ASKED), ids=lambda k: f"{k[0]}-ex{k[1]}")
def test_the_precision_a_prompt_asks_for_is_accepted(key):
    """"Give N decimals": the table plays an answer with no more than N decimals, and it is
    accepted (the learner did exactly what the prompt said)."""
    places = DECIMALS_ASKED[key]
    rounded = [a for a, phrase in TABLE[key][1] if phrase == RIGHT
               and not isinstance(a, str) and a is not ...
               and max(written_decimals(float(x)) for x in np.ravel(a)) <= places]
    assert rounded, f"{key}: the prompt asks for {places} decimals; play such an answer"


def test_the_teachers_guide_quotes_the_quiz_answers_right():
    """docs/teaching.md's "Quiz: 1 **A)** …" answer keys agree with the played table."""
    from tools._paths import ROOT

    lesson, seen = None, 0
    for line in (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (\d\d) ·", line)
        if heading:
            lesson = heading.group(1)
        for number, letter in re.findall(r"(?:Quiz: |; |^)(\d) \*\*([A-D])\)\*\*", line):
            assert QUIZ[(lesson, int(number))] == letter, (lesson, number, line)
            seen += 1
    assert seen >= 8  # lessons 03–05 quote their keys; docs/mistakes.md lists them all


def test_messages_the_teachers_guide_quotes_are_what_the_checkers_say():
    """Every message docs/teaching.md quotes under "Common mistakes (checker feedback)" is
    produced, word for word, by an answer the table plays (so it is on docs/mistakes.md)."""
    from tools._paths import ROOT

    guide = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    played = " ".join(render().split())
    blocks = re.findall(r"\*\*Common mistakes \(checker feedback\)\.\*\*(.*?)(?=\n\*\*|\n#)",
                        guide, re.S)
    quotes = [q for block in blocks for q in re.findall(r'"([^"]{12,})"', " ".join(block.split()))]
    assert len(quotes) >= 20
    stale = [q for q in quotes if q not in played]
    assert not stale, f"docs/teaching.md quotes messages no played answer gets: {stale}"


# --- quizzes keep their answers to themselves ----------------------------------------

_WORD = re.compile(r"[A-Za-zÀ-ÿ_]{4,}|\d+(?:\.\d+)?")  # words that carry content; numbers


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= 2}


@pytest.mark.parametrize("key", sorted(k for k, v in QUIZ.items() if isinstance(v, str)),
                         ids=lambda k: f"{k[0]}-quiz{k[1]}")
def test_why_a_wrong_option_is_wrong_never_names_the_right_one(key):
    """A wrong option's "why" uses no word of the right option that the question and that
    wrong option do not already use: "it adds nothing" for the option "nothing", or
    "training changes them" for "Training on data", would hand over the answer."""
    question = quiz_questions()[key]
    right = question.options["ABCDEFGH".index(QUIZ[key])]
    for i, option in enumerate(question.options):
        if option == right:
            continue
        why = question.reason(i)
        telling = (_words(right) - _words(question.prompt + " " + option)) & _words(why)
        assert not telling, f"{key} option {_letter(i)}: {why!r} uses {sorted(telling)}"


_NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?")

#: Quiz answers that stand above their question as a different quantity: (lesson,
#: question) → (the words that show it is that other quantity, why it gives nothing away).
INCIDENTAL = {
    ("08", 1): ("d_k: 32", "source 004's quiz question [1, 2, 3]·[4, 5, 6] = 32 in the final "
                "quiz; in lesson 08, 32 is the real head's size d_k, printed throughout"),
}


def _shown_above_quiz(path) -> str:
    """What a learner has read before the quiz: the prose and every output above it."""
    from tests.stored_notebooks import _join

    parts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code" and "Quiz(" in _join(cell["source"]):
            return "\n".join(parts)
        if cell["cell_type"] == "markdown":
            parts.append(_join(cell["source"]))
        for out in cell.get("outputs", []):
            if "text" in out:
                parts.append(_join(out["text"]))
            for kind in ("text/plain", "text/markdown"):
                if kind in out.get("data", {}):
                    parts.append(_join(out["data"][kind]))
    raise AssertionError(f"{path.name}: no quiz cell")


def _telling(value: float, tol: float) -> bool:
    """Whether a number says something: a one-digit whole number or half (0, 0.5, 7)
    stands in any text about anything."""
    return not (abs(value) < 10 and float(2 * value).is_integer())


@pytest.mark.parametrize("path", lessons(), ids=lambda p: p.stem[:2])
def test_no_quiz_answer_is_printed_above_its_question(path):
    """Each quiz answer (a number, or a right option that holds digits such as "5 × 5") is
    not already in the prose or the stored outputs above the quiz: the quiz then asks for
    a computation, not for something to copy."""
    text = _shown_above_quiz(path)
    lesson = path.stem[:2]
    keys = [k for k in QUIZ if k[0] == lesson]
    assert keys, lesson
    for key in keys:
        question, right = quiz_questions()[key], QUIZ[key]
        if key in INCIDENTAL:
            assert INCIDENTAL[key][0] in text, f"{key}: the exemption is stale"
            continue
        if isinstance(right, str):
            answer = question.options["ABCDEFGH".index(right)]
            if not re.search(r"\d", answer):
                continue
            if re.fullmatch(_NUMBER, answer):
                value, tol = float(answer.replace("−", "-")), 0.0  # as written
            else:
                hits = [m.start() for m in re.finditer(re.escape(answer), text)]
                assert not hits, f"{key}: {answer!r} is shown above the quiz"
                continue
        else:
            value, tol = right, max(question.tol, 1e-9)
        if not _telling(value, tol):
            continue
        for m in _NUMBER.finditer(text):
            if abs(float(m.group().replace("−", "-")) - value) <= tol:
                around = text[max(0, m.start() - 30): m.end() + 30]
                raise AssertionError(f"{key}: the answer {m.group()} is shown above the "
                                     f"quiz: …{around}…")
