"""The learner's concept check: the pre-check (form A) and the post-check (form B), scored here.

Lesson 00 offers form A (optional, about 8 minutes), lesson 08 form B::

    from lessons_lib.widgets.concept_check import ConceptCheck
    ConceptCheck("A")

The learner answers, presses **Submit**, and sees the score, which items were right, and
once both forms are done: the pre and post scores, their own normalised gain
g = (post − pre) / (100 − pre) and the concepts to revisit, each linked to its lesson.
Nothing leaves the machine: the result is kept in a small JSON file,
``concept_check.json``, in the working folder (the lessons' folder), and nowhere else.
``check.answer(n, response)`` and ``check.submit()`` do the same from code.

Examples
--------
>>> import tempfile, pathlib
>>> store = pathlib.Path(tempfile.mkdtemp()) / "concept_check.json"
>>> pre = ConceptCheck("A", path=store)
>>> pre.answer(1, "C")  # a·b = 4
>>> print(pre.submit().splitlines()[0])
Pre-check (form A): 1 / 14 right (7%).
>>> post = ConceptCheck("B", path=store)
>>> for n, item in enumerate(post.items, start=1):
...     post.answer(n, item.answer_letter if item.kind == "choice" else item.answer)
>>> _ = post.submit()
>>> print(learner_report(store))
Pre-check (form A): 1 / 14 right (7%).
Post-check (form B): 14 / 14 right (100%).
Your normalised gain: g = (100 − 7) / (100 − 7) = 1.00.
Concepts to revisit: none. Well done!
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from lessons_lib.concept_check import FORMS, Item, build_form, normalised_gain
from lessons_lib.widgets._common import TextReprMixin

__all__ = ["STORE", "ConceptCheck", "learner_report", "load_results"]

STORE = "concept_check.json"
"""The file, in the working folder, that keeps the learner's own results (and nothing else)."""

_WHEN = {"A": "Pre-check (form A)", "B": "Post-check (form B)"}
_LETTERS = "ABCDEFGH"


def _path(path: str | Path | None) -> Path:
    return Path(STORE) if path is None else Path(path)


def load_results(path: str | Path | None = None) -> dict[str, Any]:
    """The results kept so far: form → {"responses", "score", "wrong"}; {} if none.

    A file that is not the concept check's (unreadable, or not a JSON object) is reported
    with what to do, not overwritten.
    """
    file = _path(path)
    if not file.exists():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{file} cannot be read as the concept check's results ({error}); "
                         "rename or delete it, then submit again.") from error
    if not isinstance(data, dict):
        raise ValueError(f"{file} does not hold the concept check's results; rename or "
                         "delete it, then submit again.")
    return data


def _lesson_link(lesson: str) -> tuple[str, str]:
    """``"07_attention_scores"`` → ("07 · Attention scores", "07_attention_scores.ipynb")."""
    number, _, name = lesson.partition("_")
    return f"{number} · {name.replace('_', ' ').capitalize()}", f"{lesson}.ipynb"


def _score_line(form: str, result: Mapping[str, Any]) -> str:
    n = len(build_form(form))
    right = n - len(result["wrong"])
    return f"{_WHEN[form]}: {right} / {n} right ({result['score']:.0f}%)."


def _revisit(results: Mapping[str, Any]) -> list[tuple[Item, str]]:
    """The items wrong in the latest form taken, each with the mistake it matched."""
    form = "B" if "B" in results else "A"
    items = {item.key: item for item in build_form(form)}
    out = []
    for key in results[form]["wrong"]:
        item = items[key]
        graded = item.grade(results[form]["responses"].get(key))
        label = item.mistake(graded.mistake).label if graded.mistake else ""
        out.append((item, label))
    return out


def learner_report(path: str | Path | None = None, *, as_html: bool = False) -> str:
    """The learner's own pre/post scores, normalised gain and concepts to revisit."""
    results = load_results(path)
    if not results:
        return "No concept check submitted yet: the pre-check is in lesson 00."
    lines = [_score_line(form, results[form]) for form in FORMS if form in results]
    if "A" in results and "B" in results:
        pre, post = float(results["A"]["score"]), float(results["B"]["score"])
        g = normalised_gain(pre, post)
        lines.append("Your normalised gain: at the ceiling already at the pre-check (g is "
                      "undefined when the pre-check is 100%)." if g is None else
                      f"Your normalised gain: g = ({post:.0f} − {pre:.0f}) / (100 − {pre:.0f})"
                      f" = {g:.2f}.")
    revisit = _revisit(results)
    if not revisit:
        lines.append("Concepts to revisit: none. Well done!")
        text_lines = lines
    else:
        lines.append("Concepts to revisit:")
        text_lines = list(lines)
        for item, label in revisit:
            title, link = _lesson_link(item.lesson)
            why = f" (your answer is what one gets who {label})" if label else ""
            text_lines.append(f"* {item.concept}{why}: lesson {title}, {link}")
    if not as_html:
        return "\n".join(text_lines)
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    if revisit:
        entries = []
        for item, label in revisit:
            title, link = _lesson_link(item.lesson)
            why = f" (your answer is what one gets who {html.escape(label)})" if label else ""
            entries.append(f'<li>{html.escape(item.concept)}{why}: <a href="{link}" '
                           f'target="_blank">{html.escape(title)}</a></li>')
        body += f"<ul>{''.join(entries)}</ul>"
    return body + ("<p><i>Kept only on this computer, in "
                   f"{html.escape(str(_path(path)))}.</i></p>")


class ConceptCheck(TextReprMixin, widgets.VBox):
    """One form of the concept check, answered in the notebook and scored on this machine.

    Parameters
    ----------
    form : {"A", "B"}
        "A" before the series (lesson 00), "B" after it (lesson 08).
    path : str or Path, optional
        Where the results are kept; default ``concept_check.json`` in the working folder.
    """

    def __init__(self, form: str = "A", *, path: str | Path | None = None) -> None:
        self.form = form
        self.items = build_form(form)  # raises on a form that does not exist
        self.path = _path(path)
        self.responses: dict[str, object] = {}
        self._result = widgets.HTML()
        rows: list[widgets.Widget] = [widgets.HTML(
            f"<h3>Concept check · {html.escape(_WHEN[form])}</h3><p>{len(self.items)} "
            "questions, about 8 minutes, optional. No feedback until you submit; your result "
            "stays on this computer.</p>")]
        for item in self.items:
            rows.append(self._row(item))
        button = widgets.Button(description="Submit", button_style="primary",
                                tooltip="score the concept check")
        button.on_click(lambda _b: self.submit())
        rows += [button, self._result]
        super().__init__(rows, layout=widgets.Layout(max_width="720px"))

    def _row(self, item: Item) -> widgets.Widget:
        prompt = widgets.HTML(f"<b>{item.number}.</b> {html.escape(item.prompt)}")
        entry: widgets.Widget
        if item.kind == "choice":
            labels = [f"{_LETTERS[i]}) {o}" for i, o in enumerate(item.options)]
            entry = widgets.RadioButtons(options=labels, value=None,
                                         layout=widgets.Layout(width="auto"))
            entry.observe(lambda c, n=item.number: self.answer(n, c["new"].split(")")[0])
                          if c["new"] else None, names="value")
        else:
            entry = widgets.Text(placeholder="type a number", continuous_update=False,
                                 layout=widgets.Layout(width="12em"))
            entry.observe(lambda c, n=item.number: self.answer(n, c["new"]), names="value")
        return widgets.VBox([prompt, entry])

    def answer(self, number: int, response: object) -> None:
        """Record the response to question ``number`` (from 1); scored only on submit."""
        if not 1 <= number <= len(self.items):
            raise IndexError(f"the concept check has questions 1 to {len(self.items)}; "
                             f"there is no question {number}.")
        self.responses[self.items[number - 1].key] = response

    def submit(self) -> str:
        """Score the answers, keep the result in the JSON file, and show the report."""
        graded = {item.key: item.grade(self.responses.get(item.key)) for item in self.items}
        wrong = [key for key, g in graded.items() if not g.correct]
        score = 100 * (len(self.items) - len(wrong)) / len(self.items)
        results = load_results(self.path)
        results[self.form] = {"responses": {k: None if v is None or v is Ellipsis else str(v)
                                            for k, v in self.responses.items()},
                              "score": score, "wrong": wrong}
        # written beside the file, then renamed over it: a reader never sees half a file
        partial = self.path.with_name(f".{self.path.name}.partial")
        partial.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        os.replace(partial, self.path)
        self._result.value = learner_report(self.path, as_html=True)
        return learner_report(self.path)

    def _repr_text(self) -> str:
        head = f"Concept check: {_WHEN[self.form]} ({len(self.items)} questions, optional)"
        body = "\n".join(f"{item.number}. {item.as_text()}" for item in self.items)
        return f"{head}\n{body}"
