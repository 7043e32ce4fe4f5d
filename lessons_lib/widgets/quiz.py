"""End-of-lesson quizzes: multiple choice and numeric questions with instant feedback.

Used at the end of every lesson::

    from lessons_lib.widgets.quiz import Quiz, MultipleChoice, NumericAnswer
    Quiz([
        MultipleChoice("What is [1, 2, 3] · [4, 5, 6]?",
                       options=["32", "[4, 10, 18]", "21"], answer="32",
                       explanation="1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32",
                       why={"[4, 10, 18]": "those are only the products; add them up.",
                            "21": "that adds all six numbers; multiply pairs first."}),
    ], title="Lesson 02 quiz")

How feedback unfolds, so that a wrong first try still teaches:

* a wrong **choice** is told why that option is wrong (``why``), without naming the
  right one;
* a wrong **number** gets the checker's diagnosis (an anticipated mistake from
  ``hints``, "very close", "wrong sign" …) and the question's ``hint``, without the
  answer;
* from the :data:`REVEAL_AFTER`-th wrong try on, and after a right one, the answer and
  its explanation are shown.

The score counts **first tries** only; questions answered right after a retry are
shown apart ("First try: 2 / 4 · right after a retry: 1").

In JupyterLab / Notebook 7 it is a form built from standard ipywidgets (radio
buttons, a text box, buttons — all reachable with Tab and operable with the
keyboard). Where no widget front end runs (nbval, nbconvert, GitHub) its text
representation lists the questions, so the page still reads as a quiz.
``quiz.answer(n, response)`` answers question ``n`` (numbered from 1, as shown)
from code.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
import numpy as np

from lessons_lib._validate import as_number
from lessons_lib.checkers import Feedback, check_number
from lessons_lib.checkers.answers import clip as _clip
from lessons_lib.checkers.answers import quoted as _quoted
from lessons_lib.checkers.choices import normalise as _choice_text
from lessons_lib.checkers.choices import parse_choice as _choice
from lessons_lib.formatting import format_number
from lessons_lib.widgets._common import TextReprMixin
from lessons_lib.widgets.sliders import AccessibleControls

_LETTERS = string.ascii_uppercase

REVEAL_AFTER = 2
"""The wrong try from which on the answer and its explanation are shown."""


def _blank(response: object) -> bool:
    """Whether nothing was given (None, ``...`` or blank text): not a try at a question."""
    return response is None or response is Ellipsis or str(response).strip() == ""


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _text(value: object, name: str, example: str) -> None:
    """A prompt or a title: text with something in it, or a clear error naming it."""
    if not isinstance(value, str):
        raise TypeError(f"{name} is {_clip(repr(value))}, not text. Write it in quotes, e.g. "
                        f"{name}={example!r}.")
    if not value.strip():
        raise ValueError(f"{name} is blank, so there is nothing to read. Write the "
                         f"{name}, e.g. {name}={example!r}.")


def _with(head: str, explanation: str) -> str:
    """``"10 — 2·1 + 3·0 + 4·2 = 10"``: an answer and its explanation, never "10. 2·1"."""
    explanation = explanation.strip()
    return f"{head} — {explanation}" if explanation else f"{head}."


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
        Why the right answer is right; shown once the answer is revealed.
    why : mapping of str to str
        For each wrong option (its text or its letter): why it is wrong, in words that do
        not give the right answer away.

    Examples
    --------
    >>> q = MultipleChoice("2 + 2?", options=["3", "4"], answer="4", explanation="Count.",
    ...                    why={"3": "that is 2 + 1."})
    >>> q.check("B")
    ✓ Correct! B) 4 — Count.
    >>> q.check("3")
    ✗ Not yet: A) 3 — that is 2 + 1. Try again.
    >>> q.check("a)", attempt=2)
    ✗ Not yet: A) 3 — that is 2 + 1. The answer is B) 4 — Count.
    """

    prompt: str
    options: Sequence[str]
    answer: str
    explanation: str = ""
    why: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _text(self.prompt, "prompt", "What is 2 + 2?")
        if isinstance(self.options, (str, bytes)) or not isinstance(self.options, Sequence):
            raise TypeError(f"options is {_clip(repr(self.options))}, not a list of options. "
                            "Give a list of texts, e.g. options=['3', '4'].")
        if len(self.options) < 2:
            raise ValueError(f"options has {len(self.options)} option(s), but a multiple-choice "
                             "question needs at least two. Add a likely wrong answer as "
                             "another option.")
        seen: dict[str, int] = {}
        for i, option in enumerate(self.options):
            if not isinstance(option, (str, int, float)) or isinstance(option, bool):
                raise TypeError(f"options[{i}] is {_clip(repr(option))}, not the text of an "
                                "option. Write every option as text, e.g. '4'.")
            key = _choice_text(option)
            if key in seen:
                raise ValueError(
                    f"options {_LETTERS[seen[key]]}) and {_LETTERS[i]}) read the same "
                    f"({self.options[seen[key]]!r} and {option!r}), so only one of them could "
                    "ever be right. Give each option its own text.")
            seen[key] = i
            letter = str(option).strip().upper()
            if (len(letter) == 1 and letter in _LETTERS[:len(self.options)]
                    and letter != _LETTERS[i]):
                raise ValueError(
                    f"options[{i}] is {option!r}, which is also the letter of option "
                    f"{letter}), so an answer {letter!r} could mean either. Write that option "
                    f"in words, e.g. 'the letter {letter}'.")
        if not isinstance(self.answer, (str, int, float)) or isinstance(self.answer, bool):
            raise TypeError(f"answer is {_clip(repr(self.answer))}; give the right option's "
                            f"text or its letter, e.g. answer={str(self.options[0])!r}.")
        if not isinstance(self.why, Mapping):
            raise TypeError(f"why is {_clip(repr(self.why))}, not reasons for options. Give a "
                            "dict from a wrong option to its reason, e.g. why={'3': 'one "
                            "too few'}.")
        if self._index(self.answer) is None:
            raise ValueError(
                f"the answer {self.answer!r} is not one of the options {list(self.options)}; "
                "give the option's exact text or its letter."
            )
        for key in self.why:
            if self._index(key) is None:
                raise ValueError(f"why has a reason for {key!r}, which is not one of the "
                                 f"options {list(self.options)}; use the option's text.")
            if self._index(key) == self._index(self.answer):
                raise ValueError(f"why explains {key!r}, but that is the right answer; give "
                                 "reasons for the wrong options only.")

    @property
    def _lettered(self) -> dict[str, str]:
        return {_LETTERS[i]: option for i, option in enumerate(self.options)}

    def _index(self, response: object) -> int | None:
        if isinstance(response, str) and response.strip() in self.options:
            return list(self.options).index(response.strip())
        letter = _choice(response, self._lettered)  # "B", "b)", "(B)", "B) 4", "4"
        return None if letter is None else _LETTERS.index(letter)

    def is_attempt(self, response: object) -> bool:
        """Whether ``response`` names one of the options (a blank or a typo is no try)."""
        return self._index(response) is not None

    def reason(self, option: int) -> str:
        """Why option ``option`` (counted from 0) is wrong, or "" if none is given."""
        for key, text in self.why.items():
            if self._index(key) == option:
                return text
        return ""

    def check(self, response: object, attempt: int = 1) -> Feedback:
        """Check a response given as the option's text or its letter.

        ``attempt`` counts this question's tries so far, this one included; from
        :data:`REVEAL_AFTER` on a wrong answer also shows the right one.
        """
        if _blank(response):
            return Feedback("not attempted", "pick one of the options.")
        chosen = self._index(response)
        right = self._index(self.answer)
        assert right is not None  # checked in __post_init__
        answer = f"{_LETTERS[right]}) {self.options[right]}"
        if chosen is None:
            return Feedback("wrong", f"{_quoted(response)} is not one of the options; "
                                     f"answer with a letter A–{_LETTERS[len(self.options) - 1]}.")
        if chosen == right:
            return Feedback("correct", _with(answer, self.explanation))
        said = f"{_LETTERS[chosen]}) {self.options[chosen]}"
        reason = self.reason(chosen)
        said = f"{said} — {reason}" if reason else f"{said} is not it."
        if attempt >= REVEAL_AFTER:
            return Feedback("wrong", _join(said, _with(f"The answer is {answer}",
                                                       self.explanation)))
        return Feedback("wrong", _join(said, "Try again."))

    def as_text(self) -> str:
        """The question with lettered options, as plain text."""
        opts = "   ".join(f"{_LETTERS[i]}) {o}" for i, o in enumerate(self.options))
        return f"{self.prompt}\n   {opts}"


@dataclass(frozen=True)
class NumericAnswer:
    """A question answered with a number, accepted within ``tol``.

    The verdict is :func:`lessons_lib.checkers.check_number`'s, so the quiz and the
    exercises share one rule: a tolerance of half a unit in the last place
    (``tol=5e-4``) asks for that many decimals and accepts only correct roundings.

    Parameters
    ----------
    prompt : str
        Says how many decimals are wanted when the answer is not a whole number.
    answer : float
    tol : float
    explanation : str
        The working; shown once the answer is revealed.
    hint : str
        Shown after a wrong try, before the answer is revealed: where to look, not what
        to find.
    hints : sequence of (wrong_value, message)
        Anticipated wrong values and the diagnosis each deserves.

    Examples
    --------
    >>> q = NumericAnswer("cos 90°?", answer=0.0, tol=1e-3, explanation="Perpendicular.",
    ...                   hint="Where does the cosine curve cross zero?",
    ...                   hints=[(1, "cos 0° is 1; 90° is a quarter turn.")])
    >>> q.check("0")
    ✓ Correct! 0 — Perpendicular.
    >>> q.check("1")
    ✗ Not yet: cos 0° is 1; 90° is a quarter turn. Hint: Where does the cosine curve cross zero?
    >>> q.check("one")
    ✗ Not yet: 'one' is not a number; type digits, e.g. 0.5 or -2.
    >>> q.check("0.5", attempt=2)
    ✗ Not yet: 0.5 is too large. Redo the working step by step. The answer is 0 — Perpendicular.
    """

    prompt: str
    answer: float
    tol: float = 1e-6
    explanation: str = ""
    hint: str = ""
    hints: Sequence[tuple[float, str]] = ()

    def __post_init__(self) -> None:
        _text(self.prompt, "prompt", "What is 0.5 + 0.5?")
        as_number(self.answer, "answer")  # a finite number (Decimal, Fraction kept exact)
        if as_number(self.tol, "tol") < 0:
            raise ValueError(f"tol is {self.tol}, but a tolerance cannot be negative. Give a "
                             "positive number, e.g. tol=0.005 for two decimals.")
        if isinstance(self.hints, (str, bytes)) or not isinstance(self.hints, Sequence):
            raise TypeError(f"hints is {_clip(repr(self.hints))}, not a list of (wrong value, "
                            "message) pairs. Give a list, e.g. hints=[(2, 'you added')].")
        for i, pair in enumerate(self.hints):
            if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise TypeError(f"hints[{i}] is {_clip(repr(pair))}, not a (wrong value, "
                                "message) pair. Write it as a pair, e.g. (2, 'you added').")
            as_number(pair[0], f"hints[{i}][0]")

    @staticmethod
    def _typed(response: object) -> str:
        """The text typed, with "−" and a decimal comma read as Python reads numbers."""
        return str(response).strip().replace("−", "-").replace(",", ".")

    @classmethod
    def _value(cls, response: object) -> float | None:
        """The number typed ("−0.5" and "0,5" included), or None if it is not one."""
        if response is None or response is Ellipsis or _GROUPED.match(str(response).strip()):
            return None
        if "_" in str(response):  # Python's float("1_000"); nobody types that for a number
            return None
        try:
            return float(cls._typed(response))
        except ValueError:
            return None

    def is_attempt(self, response: object) -> bool:
        """Whether ``response`` is an ordinary number (a blank or a word is no try)."""
        value = self._value(response)
        return value is not None and math.isfinite(value)

    def check(self, response: object, attempt: int = 1) -> Feedback:
        """Check a response given as a number or as text typed into the box.

        ``attempt`` counts this question's tries so far, this one included; from
        :data:`REVEAL_AFTER` on a wrong answer also shows the right one.
        """
        if _blank(response):
            return Feedback("not attempted", "type a number, then press Check.")
        text = self._typed(response)
        value = self._value(response)
        if value is None and _GROUPED.match(str(response).strip()):
            typed = str(response).strip()
            return Feedback("wrong", f"{_clip(typed)!r} could be read two ways: a comma as a "
                                     "thousands separator, or as a decimal comma. Type it "
                                     f"without the comma: {typed.replace(',', '')} or "
                                     f"{typed.replace(',', '.', 1).replace(',', '')}.")
        if value is None:
            return Feedback("wrong", f"{_clip(text)!r} is not a number; type digits, e.g. 0.5 "
                                     "or -2.")
        if not math.isfinite(value):
            kind = ("NaN (not a number)" if math.isnan(value) else
                    "an infinite number, or one too large to be an answer")
            return Feedback("wrong", f"you typed {kind}; type an ordinary number, "
                                     "e.g. 0.5 or -2.")
        verdict = check_number(value, float(self.answer), tol=self.tol, hints=self.hints)
        shown = format_number(self.answer, 4, trim=True)
        if verdict.ok:
            return Feedback("correct", _with(shown, self.explanation))
        if attempt >= REVEAL_AFTER:
            return Feedback("wrong", _join(verdict.message,
                                           _with(f"The answer is {shown}", self.explanation)))
        return Feedback("wrong", _join(verdict.message, f"Hint: {self.hint}" if self.hint
                                       else "Try again."))

    def as_text(self) -> str:
        """The question as plain text."""
        return f"{self.prompt}\n   (answer with a number)"


Question = MultipleChoice | NumericAnswer


class NoSuchQuestion(IndexError, ValueError):
    """``quiz.answer(n, ...)`` with a question number the quiz does not have."""

#: "1,000", "−12,500,000": digits grouped by commas in threes, read as thousands or decimals.
_GROUPED = re.compile(r"^[-−]?\d{1,3}(,\d{3})+$")


class _Recording:
    """Where this kernel's quizzes keep their tries: nowhere (in class) or one JSON file."""

    path: Path | None = None
    latest: Quiz | None = None  # the quiz created last while recording


def record_first_tries(path: str | os.PathLike[str] | None) -> None:
    """Keep the tries of every quiz created from now on in this kernel in the JSON file ``path``
    (None: nowhere again).

    Only the nbgrader course calls it (``tools/nbgrader_course.py`` puts it at the top of
    each lesson's quiz cell): the record sits next to the notebook, so ``nbgrader submit``
    and ``collect`` copy it with the notebook, and ``nbgrader autograde``, which re-runs the
    notebook in a fresh kernel in that folder, grades it with :func:`first_try`. A quiz
    created while recording reads the record first, so re-running its cell or restarting
    the kernel never turns a wrong first try into a new first try. In class nobody calls
    it, and a quiz writes no file.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> record_first_tries(folder / "quiz.json")
    >>> q = MultipleChoice("1 + 1?", ["2", "3"], "2")
    >>> Quiz([q], title="Warm-up").answer(1, "B")
    ✗ Not yet: B) 3 is not it. Try again.
    >>> again = Quiz([q], title="Warm-up")  # the cell run again: the first try stays
    >>> again.answer(1, "A"), again.score
    (✓ Correct! A) 2., 0)
    >>> first_try(1)
    ✗ Not yet: question 1 was answered B) 3 at the first try: not right, right later.
    >>> record_first_tries(None)  # back to recording nothing
    """
    _Recording.path = None if path is None else Path(path).absolute()  # the notebook's folder
    _Recording.latest = None


def first_try(number: int) -> Feedback:
    """Whether question ``number`` of this notebook's quiz was right at the first try.

    For the nbgrader course's autograded quiz cells (``first_try(2).require()``): the quiz
    cell above, run while recording (:func:`record_first_tries`), read the record of the
    student's tries. A question never answered, or a quiz that did not run, scores 0 with
    a message saying so.
    """
    quiz = _Recording.latest
    if quiz is None:
        return Feedback("not attempted", f"question {number} was not answered in the quiz "
                                         "(the quiz cell did not run, or not while recording "
                                         "tries).")
    return quiz.first_try(number)


class Quiz(TextReprMixin, widgets.VBox):
    """A short quiz: questions with instant feedback, explanations and a first-try score.

    Parameters
    ----------
    questions : sequence of MultipleChoice or NumericAnswer
    title : str

    Examples
    --------
    >>> quiz = Quiz([MultipleChoice("1 + 1?", ["2", "3"], "2", why={"3": "one too many."})],
    ...             title="Warm-up")
    >>> quiz
    Quiz: Warm-up (1 question)
    1. 1 + 1?
       A) 2   B) 3
    >>> quiz.answer(1, "B")
    ✗ Not yet: B) 3 — one too many. Try again.
    >>> quiz.answer(1, "A")
    ✓ Correct! A) 2.
    >>> quiz.score, quiz.right_after_retry
    (0, 1)
    """

    def __init__(self, questions: Sequence[Question], title: str = "Quiz") -> None:
        if isinstance(questions, (MultipleChoice, NumericAnswer)):
            raise TypeError("questions is one question, not a list of them. Put it in a list, "
                            "e.g. Quiz([question]).")
        if isinstance(questions, (str, bytes)) or questions is None or not hasattr(
                questions, "__iter__"):
            raise TypeError(f"questions is {_clip(repr(questions))}, not a list of questions. "
                            "Give a list, e.g. Quiz([MultipleChoice(...), NumericAnswer(...)]).")
        self.questions = list(questions)
        if not self.questions:
            raise ValueError("questions is empty, but a quiz needs at least one question. "
                             "Give a list, e.g. Quiz([MultipleChoice(...)]).")
        for i, question in enumerate(self.questions):
            if not isinstance(question, (MultipleChoice, NumericAnswer)):
                raise TypeError(f"questions[{i}] is {_clip(repr(question))}, not a question. "
                                "Make each one a MultipleChoice(...) or a NumericAnswer(...).")
        _text(title, "title", "Lesson 02 quiz")
        self.title = title
        self._results: list[Feedback | None] = [None] * len(self.questions)
        self._first: list[Feedback | None] = [None] * len(self.questions)
        self._attempts = [0] * len(self.questions)
        self._submitted: list[str | None] = [None] * len(self.questions)
        self._first_response: list[str | None] = [None] * len(self.questions)
        self._last_response: list[str | None] = [None] * len(self.questions)
        self._score_label = widgets.HTML()
        self._feedback: list[widgets.HTML] = []
        rows: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(title)}</h3>")]
        for number, question in enumerate(self.questions, start=1):
            rows.append(self._row(number, question))
        rows.append(self._score_label)
        # keys pressed on the choices and the Check button stay with the quiz (arrows do not
        # move the notebook's cell selection), even in a lesson with no other widget
        rows.append(AccessibleControls())
        super().__init__(rows, layout=widgets.Layout(max_width="720px"))
        self._record = _Recording.path
        if self._record is not None:
            _Recording.latest = self
            self._restore()
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
            # the whole label ("A) B"): a letter alone could also be an option's text
            entry.observe(lambda change, n=number: self.answer(n, change["new"])
                          if change["new"] else None, names="value")
            controls = entry
        else:
            entry = widgets.Text(placeholder="type a number", continuous_update=False,
                                 layout=widgets.Layout(width="12em"))
            button = widgets.Button(description="Check", tooltip=f"check answer {number}")
            # The box commits its text on Enter or when it loses focus (a click on Check
            # blurs it first), then Check fires: one typed answer must be one try.
            button.on_click(lambda _b, n=number, e=entry: self._submit(n, e.value))
            entry.observe(lambda change, n=number: self._submit(n, change["new"]),
                          names="value")
            controls = widgets.HBox([entry, button])
        return widgets.VBox([prompt, controls, feedback])

    def _submit(self, number: int, text: str) -> Feedback | None:
        """A typed answer from the widgets: the same unchanged text twice is one try.

        Typing and clicking Check sends the text twice (the box commits it on blur, then
        the button fires); so does clicking Check again. Only a changed text is a new try.
        """
        i = number - 1
        if text == self._submitted[i]:
            return None  # already checked; its feedback is still shown
        self._submitted[i] = text
        return self.answer(number, text)

    def _index(self, number: object) -> int:
        """Question ``number`` (counted from 1) as an index, or a clear error."""
        if isinstance(number, (bool, np.bool_)) or not isinstance(number, (int, np.integer)):
            raise TypeError(f"number is {_clip(repr(number))}, not a question number. Give a "
                            f"whole number from 1 to {len(self.questions)}, e.g. "
                            "quiz.answer(1, 'B').")
        if not 1 <= number <= len(self.questions):
            raise NoSuchQuestion(f"number is {number}, but this quiz has questions 1 to "
                             f"{len(self.questions)}; there is no question {number}. Pick one "
                             "of them, e.g. quiz.answer(1, 'B').")
        return int(number) - 1

    def answer(self, number: int, response: object) -> Feedback:
        """Answer question ``number`` (counted from 1) and show the feedback."""
        i = self._index(number)
        question = self.questions[i]
        if not question.is_attempt(response):
            result = question.check(response)  # says what to type; no try is counted
            self._show(i, result)
            return result
        self._attempts[i] += 1
        result = question.check(response, attempt=self._attempts[i])
        if self._first[i] is None:
            self._first[i] = result
            self._first_response[i] = str(response)
        self._last_response[i] = str(response)
        self._show(i, result)
        self._save()
        return result

    def _show(self, i: int, result: Feedback) -> None:
        self._results[i] = result
        # line-height: a wrapped message reads as one paragraph, not lines 28px apart
        self._feedback[i].value = (f'<div style="line-height: 1.4">'
                                   f"{html.escape(str(result))}</div>")
        self._update_score()

    def _read_record(self) -> dict[str, dict[str, dict[str, object]]]:
        """The record file's quizzes (an unreadable or edited-away file reads as empty)."""
        assert self._record is not None
        try:
            data = json.loads(self._record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _restore(self) -> None:
        """Take up the tries already recorded for this quiz (its cell was run before).

        The verdicts are re-checked from the recorded responses, never read from the file.
        """
        mine = self._read_record().get(self.title)
        if not isinstance(mine, dict):
            return
        for i, question in enumerate(self.questions):
            entry = mine.get(str(i + 1))
            if not isinstance(entry, dict) or not question.is_attempt(entry.get("first")):
                continue
            first, last = str(entry["first"]), str(entry.get("last", entry["first"]))
            tries = entry.get("tries")
            self._attempts[i] = tries if isinstance(tries, int) and tries >= 1 else 1
            self._first[i] = question.check(first, attempt=1)
            self._first_response[i], self._last_response[i] = first, last
            self._show(i, question.check(last, attempt=self._attempts[i]))

    def _save(self) -> None:
        """Write this quiz's tries to the record (recording only), next to other quizzes'."""
        if self._record is None:
            return
        data = self._read_record()
        data[self.title] = {
            str(i + 1): {"first": said, "first_status": first.status,
                         "last": self._last_response[i], "last_status": now.status,
                         "tries": self._attempts[i]}
            for i, (said, first, now) in enumerate(zip(self._first_response, self._first,
                                                       self._results, strict=True))
            if said is not None and first is not None and now is not None}
        partial = self._record.with_name(self._record.name + ".part")
        partial.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        os.replace(partial, self._record)  # never half a file, even if the kernel dies

    def first_try(self, number: int) -> Feedback:
        """Whether question ``number`` (counted from 1) was right at the first try.

        Examples
        --------
        >>> quiz = Quiz([MultipleChoice("1 + 1?", ["2", "3"], "2"),
        ...              NumericAnswer("2 + 2?", answer=4)])
        >>> quiz.answer(1, "B) 3"), quiz.answer(1, "A) 2")
        (✗ Not yet: B) 3 is not it. Try again., ✓ Correct! A) 2.)
        >>> quiz.first_try(1)
        ✗ Not yet: question 1 was answered B) 3 at the first try: not right, right later.
        >>> quiz.first_try(2)
        ✎ Not attempted yet: question 2 was not answered in the quiz.
        """
        i = self._index(number)
        first, now = self._first[i], self._results[i]
        if first is None:
            return Feedback("not attempted", f"question {i + 1} was not answered in the quiz.")
        question, shown = self.questions[i], self._first_response[i]
        if isinstance(question, MultipleChoice):
            index = question._index(shown)
            if index is not None:
                shown = f"{_LETTERS[index]}) {question.options[index]}"
        said = f"question {i + 1} was answered {shown} at the first try"
        if first.ok:
            return Feedback("correct", f"{said}.")
        later = ", right later" if now is not None and now.ok else ""
        return Feedback("wrong", f"{said}: not right{later}.")

    @property
    def score(self) -> int:
        """How many questions were answered right at the first try."""
        return sum(1 for r in self._first if r is not None and r.ok)

    @property
    def right_after_retry(self) -> int:
        """How many questions are right now but were wrong at the first try."""
        return sum(1 for first, now in zip(self._first, self._results, strict=True)
                   if first is not None and not first.ok and now is not None and now.ok)

    def _update_score(self) -> None:
        text = f"First try: {self.score} / {len(self.questions)}"
        if self.right_after_retry:
            text += f" · right after a retry: {self.right_after_retry}"
        self._score_label.value = f"<b>{html.escape(text)}</b>"

    def _repr_text(self) -> str:
        n = len(self.questions)
        head = f"Quiz: {self.title} ({n} question{'s' if n != 1 else ''})"
        body = "\n".join(f"{i}. {q.as_text()}" for i, q in enumerate(self.questions, start=1))
        return f"{head}\n{body}"
