"""The class's concept-check report: normalised gain, item difficulty, discrimination, distractors.

Usage (from the repository root)::

    python -m tools.gain --course course              # nbgrader's gradebook.db + autograded/
    python -m tools.gain --csv responses.csv          # student,form,item,response rows
    python -m tools.gain --course course --out report # also report.md, report.json, gain.png
    python -m tools.gain --course course --export-csv responses.csv

What it computes, from the pre-check (form A) and the post-check (form B):

* **class normalised gain**, Hake's class-average definition, the *gain of the averages*:
  g = (⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩) over the students who took both checks, scores in
  percent. The *average of the individual gains* is shown beside it (students with a
  perfect pre-check have no gain of their own and are left out of that average, and
  counted); with ⟨pre⟩ = 100 the class g is undefined and reported so;
* per item, **difficulty** pre and post: the share of students who answered it right;
* per item, **discrimination**: the upper–lower 27 % index D = p(upper) − p(lower), the
  students ranked by their total score on that form (ties broken by a fixed order), each
  group round(0.27 n) students (at least 1);
* per item, **the distractors chosen**: how many students gave each named mistake's answer
  (plus "other wrong" and "blank");
* a figure: difficulty pre vs post per item, and each student's pre vs post score with the
  lines g = 0.23 and g = 0.48 (Hake's traditional and interactive-engagement averages).

Student names stay out of the report unless ``--names`` is given. Nothing is sent
anywhere: the tool reads local files and writes local files.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessons_lib.concept_check import FORMS, Item, build_form, normalised_gain

ASSIGNMENTS = {"A": "concept_check_pre", "B": "concept_check_post"}
"""The nbgrader assignment (and notebook) name of each form."""
UPPER_LOWER = 0.27
HAKE = {"traditional": 0.23, "interactive engagement": 0.48}
CSV_FIELDS = ("student", "form", "item", "response")


@dataclass(frozen=True)
class Response:
    """One student's response to one item of one form (``correct`` as graded)."""

    student: str
    form: str
    item: str
    response: str | None
    correct: bool


@dataclass
class ItemStats:
    """The numbers of one item on one form."""

    number: int
    key: str
    concept: str
    n: int
    difficulty: float  # share correct, 0–1
    discrimination: float  # upper − lower 27 %
    choices: list[tuple[str, int]] = field(default_factory=list)  # mistake key → count


@dataclass
class Report:
    """Everything the report shows, computed once."""

    scores: dict[str, dict[str, float]]  # form → student → percent
    matched: list[str]
    class_gain: float | None
    mean_pre: float | None
    mean_post: float | None
    average_of_gains: float | None
    at_ceiling: int
    items: dict[str, list[ItemStats]]  # form → per item


# ------------------------------------------------------------------------ reading


def _items(form: str) -> dict[str, Item]:
    return {item.key: item for item in build_form(form)}


def grade_rows(rows: Iterable[Sequence[str | None]]) -> list[Response]:
    """(student, form, item, response) rows → graded responses (by the items' own rule)."""
    items = {form: _items(form) for form in FORMS}
    out = []
    for line, (student, form, key, response) in enumerate(rows, start=2):
        if form not in items:
            raise ValueError(f"row {line}: form {form!r} is not one of {list(FORMS)}.")
        if key not in items[form]:
            raise ValueError(f"row {line}: no concept-check item is called {key!r}; the items "
                             f"are {list(items[form])}.")
        text = None if response in (None, "") else str(response)
        out.append(Response(str(student), form, str(key), text,
                            items[form][key].grade(text).correct))
    return out


def read_csv(path: Path) -> list[Response]:
    """Rows ``student,form,item,response`` (a header line first), as written by
    ``--export-csv``."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != CSV_FIELDS:
            raise ValueError(f"{path}: the first line must be the header "
                             f"{','.join(CSV_FIELDS)} (got {header}).")
        return grade_rows(reader)


def _answer_of(source: str) -> str | None:
    """The value a student's answer cell gives ``answer`` (``answer = "B"`` → "B")."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    value = None
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "answer"):
            try:
                literal = ast.literal_eval(node.value)
            except ValueError:
                literal = None
            value = None if literal is Ellipsis or literal is None else str(literal)
    return value


def read_course(course: Path) -> list[Response]:
    """Each student's graded responses from an nbgrader course.

    Right or wrong comes from the gradebook (``gradebook.db``, read through nbgrader's
    Gradebook API: the score of each item's test cell); the response itself, for the
    distractor counts, from the student's autograded notebook beside it.
    """
    from nbgrader.api import Gradebook, MissingEntry

    database = course / "gradebook.db"
    if not database.is_file():
        raise FileNotFoundError(f"{database} does not exist: run nbgrader autograde on "
                                f"{', '.join(ASSIGNMENTS.values())} first (docs/teaching.md).")
    out: list[Response] = []
    with Gradebook(f"sqlite:///{database}") as gradebook:
        for form, assignment in ASSIGNMENTS.items():
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                continue
            items = build_form(form)
            for student in sorted(s.id for s in gradebook.students):
                try:
                    gradebook.find_submission(assignment, student)
                except MissingEntry:
                    continue
                notebook = course / "autograded" / student / assignment / f"{assignment}.ipynb"
                cells = {}
                if notebook.is_file():
                    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
                        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                        if grade_id:
                            cells[grade_id] = "".join(cell["source"])
                for item in items:
                    grade = gradebook.find_grade(f"{item.key}-test", assignment, assignment,
                                                 student)
                    score = grade.score if grade.score is not None else 0
                    response = _answer_of(cells.get(f"{item.key}-answer", ""))
                    out.append(Response(student, form, item.key, response, score > 0))
    return out


def write_csv(responses: Sequence[Response], path: Path) -> None:
    """The responses as ``student,form,item,response`` rows (``--export-csv``)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_FIELDS)
        for r in responses:
            writer.writerow([r.student, r.form, r.item, "" if r.response is None else r.response])


# ------------------------------------------------------------------------ computing


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def analyse(responses: Sequence[Response]) -> Report:
    """The class report from graded responses."""
    scores: dict[str, dict[str, float]] = {}
    by_student: dict[tuple[str, str], dict[str, Response]] = {}
    for r in responses:
        by_student.setdefault((r.form, r.student), {})[r.item] = r
    for form in FORMS:
        n_items = len(build_form(form))
        scores[form] = {student: 100 * sum(x.correct for x in rs.values()) / n_items
                        for (f, student), rs in sorted(by_student.items()) if f == form}
    matched = sorted(set(scores["A"]) & set(scores["B"]))
    pre = [scores["A"][s] for s in matched]
    post = [scores["B"][s] for s in matched]
    mean_pre, mean_post = _mean(pre), _mean(post)
    class_gain = (None if mean_pre is None or mean_post is None
                  else normalised_gain(mean_pre, mean_post))
    gains = [g for a, b in zip(pre, post, strict=True)
             if (g := normalised_gain(a, b)) is not None]
    items: dict[str, list[ItemStats]] = {}
    for form in FORMS:
        students = sorted(scores[form], key=lambda s: (-scores[form][s], s))
        n = len(students)
        k = max(1, round(UPPER_LOWER * n)) if n else 0
        upper, lower = students[:k], students[n - k:]
        stats = []
        for item in build_form(form):
            rs = [by_student[(form, s)].get(item.key) for s in students]
            right = {s for s, r in zip(students, rs, strict=True) if r is not None and r.correct}
            difficulty = len(right) / n if n else 0.0
            d = (len(right & set(upper)) / k - len(right & set(lower)) / k) if k else 0.0
            counts: Counter[str] = Counter()
            for r in rs:
                if r is None or r.response is None:
                    counts["blank"] += 1
                elif not r.correct:
                    graded = item.grade(r.response)
                    counts[graded.mistake or "other wrong"] += 1
            order = [m.key for _, m in item.distractors] + ["other wrong", "blank"]
            choices = sorted(((key, counts[key]) for key in order if counts[key]),
                             key=lambda kc: (-kc[1], order.index(kc[0])))
            stats.append(ItemStats(item.number, item.key, item.concept, n, difficulty, d,
                                   choices))
        items[form] = stats
    return Report(scores, matched, class_gain, mean_pre, mean_post, _mean(gains),
                  len(pre) - len(gains), items)


# ------------------------------------------------------------------------ writing


def _f(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def render(report: Report, *, names: bool = False) -> str:
    """The report as Markdown (no student names unless ``names``)."""
    n_pre, n_post = len(report.scores["A"]), len(report.scores["B"])
    lines = ["# Concept check: the class report", "",
             f"Students: {n_pre} took the pre-check (form A), {n_post} the post-check "
             f"(form B), {len(report.matched)} both (the gain uses these).", ""]
    if report.class_gain is None:
        why = ("nobody took both checks" if not report.matched else
               "the class average pre-check is 100%: nothing left to gain")
        lines.append(f"**Class normalised gain: undefined** ({why}).")
    else:
        lines.append(
            f"**Class normalised gain ⟨g⟩ = {report.class_gain:.2f}** (Hake's class average: "
            f"(⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩) = ({report.mean_post:.1f} − "
            f"{report.mean_pre:.1f}) / (100 − {report.mean_pre:.1f})). Hake 1998: about "
            f"{HAKE['traditional']} for traditional lectures, about "
            f"{HAKE['interactive engagement']} for interactive engagement.")
    lines.append("")
    lines.append(f"Average of the individual gains: {_f(report.average_of_gains)} "
                 f"({report.at_ceiling} student(s) with a perfect pre-check left out).")
    lines += ["", "## Items", "",
              "Difficulty = share right (pre → post); D = upper − lower 27 % discrimination "
              "on each form; distractors = the named mistakes chosen, most chosen first.", "",
              "| # | concept | right pre | right post | D pre | D post | distractors pre | "
              "distractors post |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for a, b in zip(report.items["A"], report.items["B"], strict=True):
        def chosen(stats: ItemStats) -> str:
            return ", ".join(f"{key} ×{count}" for key, count in stats.choices) or "—"
        lines.append(f"| {a.number} | {a.concept} | {a.difficulty:.0%} | {b.difficulty:.0%} | "
                     f"{a.discrimination:+.2f} | {b.discrimination:+.2f} | {chosen(a)} | "
                     f"{chosen(b)} |")
    if names:
        lines += ["", "## Students", "", "| student | pre | post | g |",
                  "| --- | --- | --- | --- |"]
        for student in sorted(set(report.scores["A"]) | set(report.scores["B"])):
            pre, post = report.scores["A"].get(student), report.scores["B"].get(student)
            g = normalised_gain(pre, post) if pre is not None and post is not None else None
            lines.append(f"| {student} | {_f(pre, 0)} | {_f(post, 0)} | {_f(g)} |")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> dict[str, Any]:
    """The report's numbers (anonymous: scores as lists, no student ids)."""
    return {
        "students": {"pre": len(report.scores["A"]), "post": len(report.scores["B"]),
                     "both": len(report.matched)},
        "class_gain": report.class_gain, "definition": "gain of the class averages (Hake)",
        "mean_pre": report.mean_pre, "mean_post": report.mean_post,
        "average_of_individual_gains": report.average_of_gains,
        "at_ceiling": report.at_ceiling,
        "items": {form: [{"number": s.number, "key": s.key, "difficulty": s.difficulty,
                          "discrimination": s.discrimination, "distractors": dict(s.choices)}
                         for s in stats] for form, stats in report.items.items()},
    }


def figure(report: Report, path: Path) -> None:
    """Difficulty pre vs post per item, and each student's pre vs post with Hake's lines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    numbers = np.array([s.number for s in report.items["A"]])
    left.bar(numbers - 0.2, [100 * s.difficulty for s in report.items["A"]], 0.4,
             label="pre (form A)", color="#9ecae1")
    left.bar(numbers + 0.2, [100 * s.difficulty for s in report.items["B"]], 0.4,
             label="post (form B)", color="#08519c")
    left.set(xlabel="item", ylabel="% right", ylim=(0, 122), xticks=numbers,
             yticks=range(0, 101, 20), title="Item difficulty (share right)")
    left.legend(loc="upper center", ncol=2, fontsize=8)  # above the 100 % line
    pre = [report.scores["A"][s] for s in report.matched]
    post = [report.scores["B"][s] for s in report.matched]
    x = np.linspace(0, 100, 101)
    right.plot(x, x, color="grey", lw=1, label="no gain")
    for name, g in HAKE.items():
        right.plot(x, x + g * (100 - x), ls="--", lw=1, label=f"g = {g} ({name})")
    right.scatter(pre, post, color="#08519c", zorder=3, label="a student")
    right.set(xlabel="pre-check %", ylabel="post-check %", xlim=(-3, 103), ylim=(-3, 105),
              title=f"Students (class ⟨g⟩ = {_f(report.class_gain)})")
    right.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--course", type=Path, help="an nbgrader course folder (gradebook.db)")
    source.add_argument("--csv", type=Path, help="a CSV of student,form,item,response rows")
    parser.add_argument("--out", type=Path, help="write report.md, report.json and gain.png here")
    parser.add_argument("--export-csv", type=Path, help="also write the responses as a CSV")
    parser.add_argument("--names", action="store_true",
                        help="show each student's id and scores (default: names stay out)")
    args = parser.parse_args(argv)
    try:
        responses = read_course(args.course) if args.course else read_csv(args.csv)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not responses:
        print("error: no concept-check submissions found (assignments "
              f"{', '.join(ASSIGNMENTS.values())}).", file=sys.stderr)
        return 1
    report = analyse(responses)
    text = render(report, names=args.names)
    print(text, end="")
    if args.export_csv:
        write_csv(responses, args.export_csv)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "report.md").write_text(text, encoding="utf-8")
        (args.out / "report.json").write_text(json.dumps(as_json(report), indent=1) + "\n",
                                              encoding="utf-8")
        figure(report, args.out / "gain.png")
        print(f"wrote {args.out / 'report.md'}, report.json, gain.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
