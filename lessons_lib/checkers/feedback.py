"""The verdict a checker returns: :class:`Feedback`, and what an autograded cell does with it.

A verdict is a status ("correct", "wrong", "not attempted") and a plain-text message, shown
after its icon (:data:`ICONS`). :class:`Rejected` carries the verdict on an answer of the
wrong kind up to the checker's :func:`~lessons_lib.checkers.answers.guard`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["ICONS", "NOT_ATTEMPTED", "TRIES_KEY", "Feedback", "NotYet", "Passed", "Rejected",
           "Status", "right", "wrong"]

Status = Literal["correct", "wrong", "not attempted"]
#: The mark before each verdict's message, by status.
ICONS = {"correct": "✓ Correct!", "wrong": "✗ Not yet:", "not attempted": "✎ Not attempted yet:"}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status and a message for the learner.

    ``bool(feedback)`` is True only when the answer is correct.

    Examples
    --------
    >>> Feedback("correct", "a·b = 32.")
    ✓ Correct! a·b = 32.
    >>> bool(Feedback("wrong", "add the products."))
    False
    """

    status: Status
    message: str
    #: For an exercise's check: the exercise's log of this session's autograded tries
    #: (:meth:`require` adds this one; "not attempted" runs are not tries). A passed
    #: autograded cell's output records it, from which ``tools/progress.py`` tells a first
    #: try from a later one. The lesson's own demonstrations call ``check`` only: no try.
    log: list[str] | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.ok

    def require(self) -> Passed:
        """Raise :class:`NotYet` with this feedback unless the answer is correct.

        For autograded test cells (nbgrader, ``python -m tools.nbgrader_course``): the
        student's feedback is then the checker's diagnosis, not a bare AssertionError. A
        right answer returns a :class:`Passed`, whose output records the tries.

        Examples
        --------
        >>> Feedback("correct", "a·b = 32.").require()
        ✓ Correct! a·b = 32.
        >>> Feedback("wrong", "add the products.").require()
        Traceback (most recent call last):
        ...
        lessons_lib.checkers.NotYet: ✗ Not yet: add the products.
        """
        if self.log is not None and self.status != "not attempted":
            self.log.append(self.status)
        if not self.ok:
            raise NotYet(str(self))
        return Passed(self)

    def __str__(self) -> str:
        return f"{ICONS[self.status]} {self.message}"

    def __repr__(self) -> str:
        return str(self)


#: The output metadata key under which a passed autograded check records its tries.
TRIES_KEY = "lessons_lib/tries"


@dataclass(frozen=True)
class Passed:
    """A right answer in an autograded cell: shown as its feedback, and its output carries
    the session's tries (metadata ``lessons_lib/tries``) for the teacher's progress grid.

    Examples
    --------
    >>> passed = Passed(Feedback("correct", "3.", log=["wrong", "correct"]))
    >>> data, meta = passed._repr_mimebundle_()
    >>> data["text/plain"], meta
    ('✓ Correct! 3.', {'lessons_lib/tries': ['wrong', 'correct']})
    """

    feedback: Feedback

    def _repr_mimebundle_(self, include: object = None,
                          exclude: object = None) -> tuple[dict[str, str], dict[str, Any]]:
        tries = list(self.feedback.log or [self.feedback.status])
        return {"text/plain": str(self.feedback)}, {TRIES_KEY: tries}

    def __repr__(self) -> str:
        return str(self.feedback)


class NotYet(AssertionError):
    """An autograded answer that is not right yet; the message is the checker's diagnosis.

    Examples
    --------
    >>> str(NotYet("✗ Not yet: add the products."))
    '✗ Not yet: add the products.'
    """

    # A student's traceback names it where the lessons import it from.
    __module__ = "lessons_lib.checkers"


def right(message: str) -> Feedback:
    """A right answer's verdict.

    Examples
    --------
    >>> right("a·b = 32.")
    ✓ Correct! a·b = 32.
    """
    return Feedback("correct", message)


def wrong(message: str) -> Feedback:
    """A wrong answer's verdict: ``message`` says what is wrong and how to fix it.

    Examples
    --------
    >>> wrong("add the products.")
    ✗ Not yet: add the products.
    """
    return Feedback("wrong", message)


#: The verdict while the placeholder ``...`` is still the answer.
NOT_ATTEMPTED = Feedback(
    "not attempted", "replace `...` with your answer, then run the cell again (Shift+Enter)."
)


class Rejected(Exception):
    """An answer of the wrong kind; carries the feedback to give.

    Raised while reading an answer (:mod:`lessons_lib.checkers.answers`); the checker's
    :func:`~lessons_lib.checkers.answers.guard` returns its feedback.

    Examples
    --------
    >>> Rejected(wrong("σ(z) is a number, not text.")).feedback
    ✗ Not yet: σ(z) is a number, not text.
    """

    def __init__(self, feedback: Feedback) -> None:
        super().__init__(feedback.message)
        self.feedback = feedback
