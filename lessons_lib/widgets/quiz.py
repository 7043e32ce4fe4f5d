"""End-of-lesson quizzes: multiple choice and numeric questions with instant feedback.

Used at the end of every lesson::

    from lessons_lib.widgets.quiz import Quiz, MultipleChoice, NumericAnswer
    Quiz([
        MultipleChoice("What is [1, 2, 3] · [4, 5, 6]?",
                       options=["32", "[4, 10, 18]", "21"], answer="32",
                       explanation="1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32"),
    ], title="Lesson 02 quiz")

In JupyterLab / Notebook 7 it is a form built from standard ipywidgets (radio
buttons, a text box, buttons — all reachable with Tab and operable with the
keyboard) that shows feedback and an explanation at once and keeps a score.
Where no widget front end runs (nbval, nbconvert, GitHub) its text
representation lists the questions, so the page still reads as a quiz.
``quiz.answer(n, response)`` answers question ``n`` (numbered from 1, as shown)
from code.
"""

from __future__ import annotations

import html
import math
import string
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from lessons_lib.checkers import Feedback
from lessons_lib.formatting import format_number
from lessons_lib.widgets._common import TextReprMixin

_LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class MultipleChoice:
    """A question with one right option.

    Parameters
    ----------
    prompt : str
    options : sequence of str
        Shown as A), B), C) …
    answer : str
        The right option's text (or its letter).
    explanation : str
        Shown after any attempt: why the right answer is right.

    Examples
    --------
    >>> q = MultipleChoice("2 + 2?", options=["3", "4"], answer="4", explanation="Count.")
    >>> q.check("B")
    ✓ Correct! 4. Count.
    >>> q.check("3")
    ✗ Not yet: you chose 3. Count.
    """

    prompt: str
    options: Sequence[str]
    answer: str
    explanation: str = ""

    def __post_init__(self) -> None:
        if len(self.options) < 2:
            raise ValueError("a multiple-choice question needs at least two options.")
        if self._index(self.answer) is None:
            raise ValueError(
                f"the answer {self.answer!r} is not one of the options {list(self.options)}; "
                "give the option's exact text or its letter."
            )

    def _index(self, response: object) -> int | None:
        text = str(response).strip()
        for i, option in enumerate(self.options):
            if text == option:
                return i
        letter = text.rstrip(")").upper()
        if len(letter) == 1 and letter in _LETTERS[: len(self.options)]:
            return _LETTERS.index(letter)
        return None

    def check(self, response: object) -> Feedback:
        """Check a response given as the option's text or its letter."""
        if response is None or response is Ellipsis:
            return Feedback("not attempted", "pick one of the options.")
        chosen = self._index(response)
        right = self._index(self.answer)
        if chosen is None:
            return Feedback("wrong", f"{response!r} is not one of the options; "
                                     f"answer with a letter A–{_LETTERS[len(self.options) - 1]}.")
        if chosen == right:
            return Feedback("correct", f"{self.options[right]}. {self.explanation}".strip())
        return Feedback("wrong", f"you chose {self.options[chosen]}. {self.explanation}".strip())

    def as_text(self) -> str:
        """The question with lettered options, as plain text."""
        opts = "   ".join(f"{_LETTERS[i]}) {o}" for i, o in enumerate(self.options))
        return f"{self.prompt}\n   {opts}"


@dataclass(frozen=True)
class NumericAnswer:
    """A question answered with a number, accepted within ``tol``.

    Examples
    --------
    >>> q = NumericAnswer("cos 90°?", answer=0.0, tol=1e-3, explanation="Perpendicular.")
    >>> q.check("0")
    ✓ Correct! 0. Perpendicular.
    >>> q.check("one")
    ✗ Not yet: 'one' is not a number; type digits, e.g. 0.5 or -2.
    """

    prompt: str
    answer: float
    tol: float = 1e-6
    explanation: str = ""

    def __post_init__(self) -> None:
        if not math.isfinite(float(self.answer)):
            raise ValueError("a numeric question's answer must be a finite number.")

    def check(self, response: object) -> Feedback:
        """Check a response given as a number or as text typed into the box."""
        if response is None or response is Ellipsis or str(response).strip() == "":
            return Feedback("not attempted", "type a number, then press Check.")
        text = str(response).strip().replace("−", "-")
        echo = text if len(text) <= 40 else text[:39] + "…"  # never echo a novel back
        try:
            value = float(text)
        except ValueError:
            return Feedback("wrong", f"{echo!r} is not a number; type digits, e.g. 0.5 or -2.")
        if not math.isfinite(value):
            kind = "not a number (NaN)" if math.isnan(value) else "too large to be an answer"
            return Feedback("wrong", f"{echo!r} is {kind}; type an ordinary number, e.g. 0.5 "
                                     "or -2.")
        shown = format_number(self.answer, 4)
        if math.isfinite(value) and abs(value - float(self.answer)) <= self.tol:
            return Feedback("correct", f"{shown}. {self.explanation}".strip())
        return Feedback("wrong", f"{format_number(value, 4)} is not it. {self.explanation}".strip())

    def as_text(self) -> str:
        """The question as plain text."""
        return f"{self.prompt}\n   (answer with a number)"


Question = MultipleChoice | NumericAnswer


class Quiz(TextReprMixin, widgets.VBox):
    """A short quiz: questions with instant feedback, an explanation and a score.

    Parameters
    ----------
    questions : sequence of MultipleChoice or NumericAnswer
    title : str

    Examples
    --------
    >>> quiz = Quiz([MultipleChoice("1 + 1?", ["2", "3"], "2")], title="Warm-up")
    >>> quiz
    Quiz: Warm-up (1 question)
    1. 1 + 1?
       A) 2   B) 3
    >>> quiz.answer(1, "A")
    ✓ Correct! 2.
    >>> quiz.score
    1
    """

    def __init__(self, questions: Sequence[Question], title: str = "Quiz") -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question.")
        self.questions = list(questions)
        self.title = title
        self._results: list[Feedback | None] = [None] * len(self.questions)
        self._score_label = widgets.HTML()
        self._feedback: list[widgets.HTML] = []
        rows: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(title)}</h3>")]
        for number, question in enumerate(self.questions, start=1):
            rows.append(self._row(number, question))
        rows.append(self._score_label)
        super().__init__(rows, layout=widgets.Layout(max_width="720px"))
        self._update_score()

    def _row(self, number: int, question: Question) -> widgets.Widget:
        prompt = widgets.HTML(f"<b>{number}.</b> {html.escape(question.prompt)}")
        feedback = widgets.HTML()
        self._feedback.append(feedback)
        entry: widgets.Widget
        if isinstance(question, MultipleChoice):
            labels = [f"{_LETTERS[i]}) {o}" for i, o in enumerate(question.options)]
            entry = widgets.RadioButtons(options=labels, value=None,
                                         layout=widgets.Layout(width="auto"))
            entry.observe(lambda change, n=number: self.answer(n, change["new"].split(")")[0])
                          if change["new"] else None, names="value")
            controls = entry
        else:
            entry = widgets.Text(placeholder="type a number", continuous_update=False,
                                 layout=widgets.Layout(width="12em"))
            button = widgets.Button(description="Check", tooltip=f"check answer {number}")
            button.on_click(lambda _b, n=number, e=entry: self.answer(n, e.value))
            entry.observe(lambda change, n=number: self.answer(n, change["new"]), names="value")
            controls = widgets.HBox([entry, button])
        return widgets.VBox([prompt, controls, feedback])

    def answer(self, number: int, response: object) -> Feedback:
        """Answer question ``number`` (counted from 1) and show the feedback."""
        if not 1 <= number <= len(self.questions):
            raise IndexError(f"this quiz has questions 1 to {len(self.questions)}; "
                             f"there is no question {number}.")
        result = self.questions[number - 1].check(response)
        self._results[number - 1] = result
        self._feedback[number - 1].value = f"<span>{html.escape(str(result))}</span>"
        self._update_score()
        return result

    @property
    def score(self) -> int:
        """How many questions are answered correctly so far."""
        return sum(1 for r in self._results if r is not None and r.ok)

    def _update_score(self) -> None:
        self._score_label.value = f"<b>Score: {self.score} / {len(self.questions)}</b>"


    def _repr_text(self) -> str:
        n = len(self.questions)
        head = f"Quiz: {self.title} ({n} question{'s' if n != 1 else ''})"
        body = "\n".join(f"{i}. {q.as_text()}" for i, q in enumerate(self.questions, start=1))
        return f"{head}\n{body}"
