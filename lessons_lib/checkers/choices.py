"""Multiple choice: one parser of the forms a learner answers in, for
:func:`check_choice` and the quiz (:mod:`lessons_lib.widgets.quiz`).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping

from lessons_lib.checkers.answers import clip, guard, quoted
from lessons_lib.checkers.feedback import Feedback, right, wrong

__all__ = ["check_choice", "normalise", "parse_choice"]

#: A letter in the forms learners write it: "b", "b)", "(b)", "b.", "b:", then any text.
_LETTER = re.compile(r"^\(?([a-z])(?:\)|\.|:|\s|$)\)?\s*(.*)$")


def normalise(x: object) -> str:
    """An option's text in one canonical form: "6 × 6", "(6, 6)", "6x6" → "6x6".

    Case, spaces and the brackets around it do not count; a tuple or list of numbers reads
    as a shape.

    Examples
    --------
    >>> [normalise(x) for x in ("6 × 6", (6, 6), "6, 6", " 6*6 ", "6x6")]
    ['6x6', '6x6', '6x6', '6x6', '6x6']
    >>> normalise("  The  Milk "), normalise("[CLS]")
    ('themilk', 'cls')
    """
    if isinstance(x, (tuple, list)):
        x = "x".join(str(v) for v in x)
    text = " ".join(str(x).strip().lower().split())
    text = re.sub(r"(?<=\d)\s*(?:×|\*|x|,)\s*(?=\d)", "x", text)  # 6 × 6, 6*6, 6, 6
    return text.strip("()[] ").replace(" ", "")


def parse_choice(answer: object, options: Mapping[str, str]) -> str | None:
    """The key of the option a learner chose, or None when it is none of them (or several).

    The one reading of a choice, for :func:`check_choice` and the quiz: a letter key in
    any common form ("B", "b", "B)", "(B)", "B) 6 × 6"), or the option's own text as
    :func:`normalise` reads it ("6 × 6", "6x6", ``(6, 6)``). Keys without options' texts
    (words such as "milk") are options whose text is the key.

    Examples
    --------
    >>> shapes = {"A": "6 × 64", "B": "6 × 6"}
    >>> [parse_choice(r, shapes) for r in ("b", "(B)", "B) 6 × 6", (6, 6), "6x64", "C")]
    ['B', 'B', 'B', 'B', 'A', None]
    >>> parse_choice("Milk", {"milk": "milk", "cat": "cat"})
    'milk'
    """
    if isinstance(answer, bool) or not isinstance(answer, (str, tuple, list, numbers.Real)):
        return None
    if isinstance(answer, str):
        match = _LETTER.match(answer.strip().lower())
        letters = {key.upper(): key for key in options}
        if match and match.group(1).upper() in letters:
            key, rest = letters[match.group(1).upper()], match.group(2)
            if not rest or normalise(rest) == normalise(options[key]):
                return key
    text = normalise(answer)
    found = [key for key, option in options.items() if normalise(option) == text]
    return found[0] if len(found) == 1 else None


@guard
def check_choice(answer: object, correct: str, *,
                 explanations: dict[str, str] | None = None,
                 options: Mapping[str, str] | None = None) -> Feedback:
    """Check a multiple-choice answer given as a letter or the option's text.

    With ``options`` (letter → option text) a learner may answer the letter in any common
    form ("B", "b", "B)", "(B)", "B) 6 × 6") or the option's own value ("6 × 6", "6x6",
    ``(6, 6)``). Without it, the answer is compared with ``correct`` and the keys of
    ``explanations`` (letters or words such as "milk").

    Examples
    --------
    >>> check_choice("b", "B", explanations={"A": "A vector is what you get from a + b."})
    ✓ Correct! B.
    >>> check_choice("A", "B", explanations={"A": "A vector is what you get from a + b."})
    ✗ Not yet: A vector is what you get from a + b.
    >>> shapes = {"A": "6 × 64", "B": "6 × 6", "C": "64 × 64"}
    >>> [check_choice(r, "B", options=shapes).ok for r in ("(B)", "B) 6 × 6", (6, 6), "6x6")]
    [True, True, True, True]
    """
    if not isinstance(correct, str) or not correct.strip():
        raise TypeError(f"correct is {correct!r}, not the right option. Give its letter or "
                        "its text, e.g. correct=\"B\".")
    if options is not None:
        options = _given_options(options)
        if correct.strip().upper() not in options:
            raise ValueError(f"correct is {correct!r}, but the options are "
                             f"{', '.join(options)}. Give the letter of the right option, "
                             "e.g. correct=\"B\".")
        correct = correct.strip().upper()
    if options:
        letter = parse_choice(answer, options)
        if letter == correct.upper():
            return right(f"{correct}) {options[correct.upper()]}.")
        if letter is not None and explanations and letter in explanations:
            return wrong(explanations[letter])
        if letter is not None:
            return wrong(f"{letter}) {options[letter]} is not it; reread the question.")
        listed = ", ".join(f"{k}) {v}" for k, v in options.items())
        return wrong(f"{quoted(answer)} is not one of the options ({listed}); "
                     "answer with a letter, e.g. \"B\".")
    if parse_choice(answer, {correct: correct}) is not None:  # a word or letter, no options
        return right(f"{correct}.")
    for option, why in (explanations or {}).items():
        if parse_choice(answer, {option: option}) is not None:
            return wrong(why)
    return wrong(f"{quoted(answer)} is not the right choice; reread the question and try "
                 "another.")


def _given_options(options: object) -> dict[str, str]:
    """An exercise's options (letter → text): texts, and no two that read the same."""
    if not isinstance(options, Mapping):
        raise TypeError(f"options is {clip(repr(options))}, not letters with their options. "
                        "Give a dict, e.g. options={\"A\": \"6 × 64\", \"B\": \"6 × 6\"}.")
    out: dict[str, str] = {}
    seen: dict[str, str] = {}
    for letter, text in options.items():
        if not isinstance(letter, str) or not isinstance(text, str | int | float) or \
                isinstance(text, bool):
            raise TypeError(f"options has {letter!r}: {text!r}; give each option as a letter "
                            "and its text, e.g. \"B\": \"6 × 6\".")
        key = normalise(text)
        if key in seen:
            raise ValueError(f"options {seen[key]} and {letter} read the same ({text!r}), so "
                             "a learner cannot tell them apart. Give each option its own text.")
        seen[key] = letter.upper()
        out[letter.upper()] = str(text)
    return out
