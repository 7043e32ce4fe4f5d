"""The lesson registry: what each lesson says about itself, read from the lesson.

Every fact a page repeats about a lesson (its number, title, time, objectives) has one
home, the lesson's own first markdown cell::

    # 04 · Weighted sums and neurons

    **Learning objectives.** After this lesson you can

    * read w·x as a weighted sum ...;

    **Time:** about 40 minutes. **Prerequisites:** ...

and every ``##`` section states its share of that time on the line under its heading
(:func:`time_line`)::

    ## 3 · A neuron: a weighted sum, then an activation

    *About 10 minutes.*

``*About 1 minute.*``, ``*Under a minute.*`` (0) and, for a section outside the lesson's
time (the Appendix of model solutions), ``*Not timed: for after the exercises.*`` (0).
The sections add up to the lesson's time (:attr:`Lesson.section_minutes` refuses a lesson
whose do not). A learner working alone and a teacher reading the notebook see the time
where they read; the speaker notes (tools/slides.py) and the guide's 90-minute plans
(tools/plans.py) take it from here.

:data:`LESSONS` lists them in reading order; tools.lesson_docs writes the README's lesson
table, lesson 00's map, the teacher guide's timing table and the handout's lesson list
from it.

Usage::

    python -m tools.lessons              # print the registry as a table
    python -m tools.lessons --sections   # and every section's minutes
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tools._paths import NOTEBOOKS, ROOT, lessons

_TITLE = re.compile(r"^#\s+(\d\d)\s*·\s*(.+?)\s*$", re.M)
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes")
#: The line under a ``##`` heading that states the section's time (:func:`time_line`).
SECTION_TIME = re.compile(
    r"^\*(?:About (\d+) minutes?|Under a minute|Not timed\b[^*]*)\.\*\s*$")
NOT_TIMED = "*Not timed: for after the exercises.*"


def time_line(minutes: int | None) -> str:
    """The line a section states its time with; ``None`` for a section outside the lesson's
    time (the Appendix).

    Examples
    --------
    >>> [time_line(m) for m in (6, 1, 0, None)]
    ['*About 6 minutes.*', '*About 1 minute.*', '*Under a minute.*',
     '*Not timed: for after the exercises.*']
    """
    if minutes is None:
        return NOT_TIMED
    if minutes == 0:
        return "*Under a minute.*"
    return f"*About {minutes} minute{'' if minutes == 1 else 's'}.*"


def section_minutes(path: Path) -> dict[str, int]:
    """``{section: minutes}`` for every ``##`` section of the lesson at ``path``, in order,
    each section named by its heading without ``## `` (0 for "Under a minute" and "Not
    timed").

    Raises ValueError naming the file, the section and the fix when a section states no
    time on the first line under its heading, states it in another form than
    :func:`time_line` writes, or when two sections have the same heading.
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown" or "nav" in cell["metadata"].get("tags", []):
            continue
        src = cell["source"]
        lines = (src if isinstance(src, str) else "".join(src)).splitlines()
        fence = False
        for i, line in enumerate(lines):
            fence ^= line.strip().startswith("```")
            if fence or not line.startswith("## "):
                continue
            name = line[3:].strip()
            after = next((x.strip() for x in lines[i + 1:] if x.strip()), "")
            match = SECTION_TIME.match(after)
            if match is None:
                raise ValueError(f"{path.name}: the section '## {name}' states no time: write "
                                 f"a line like {time_line(5)!r} under its heading "
                                 f"({time_line(0)!r}, or {NOT_TIMED!r} for a section outside "
                                 "the lesson's time)")
            minutes = int(match.group(1)) if match.group(1) else 0
            canonical = time_line(None if after.startswith("*Not timed") else minutes)
            if after != canonical:
                raise ValueError(f"{path.name}: the section '## {name}' states its time as "
                                 f"{after!r}; write {canonical!r}")
            if name in found:
                raise ValueError(f"{path.name}: two sections are headed '## {name}'; give "
                                 "each its own heading")
            found[name] = minutes
    return found


@dataclass(frozen=True)
class Lesson:
    """One lesson as it describes itself.

    Attributes
    ----------
    number : int
        0 for ``00_start_here.ipynb``.
    stem : str
        ``"04_weighted_sums_and_neurons"``.
    path : Path
        The notebook file.
    title : str
        ``"Weighted sums and neurons"`` (without the number).
    minutes : int
        The time the lesson announces (``**Time:** about 40 minutes``).
    objectives : tuple of str
        The bullet points under ``**Learning objectives.**``, as written (markdown).
    """

    number: int
    stem: str
    path: Path
    title: str
    minutes: int
    objectives: tuple[str, ...]

    @cached_property
    def section_minutes(self) -> dict[str, int]:
        """``{section: minutes}``: every ``##`` section's time, as the lesson states it
        under the heading (:func:`section_minutes`).

        Raises ValueError when a section states no time, or when the sections do not add
        up to the time the first cell states.
        """
        found = section_minutes(self.path)
        if sum(found.values()) != self.minutes:
            raise ValueError(f"{self.path.name}: its sections add up to "
                             f"{sum(found.values())} minutes but its first cell says about "
                             f"{self.minutes}: every ## section states its time on the line under "
                             f"its heading ({time_line(5)!r}); change a section's time or the "
                             "first cell's")
        return found

    @property
    def code(self) -> str:
        """The two-digit number, ``"04"``."""
        return f"{self.number:02d}"

    @property
    def heading(self) -> str:
        """``"04 · Weighted sums and neurons"``, as the lesson's title cell writes it."""
        return f"{self.code} · {self.title}"

    @property
    def relpath(self) -> str:
        """The path from the repository root, ``"notebooks/04_….ipynb"``."""
        return self.path.relative_to(ROOT).as_posix()


def _first_markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            src = cell["source"]
            return src if isinstance(src, str) else "".join(src)
    raise ValueError(f"{path.name} has no markdown cell; its first one must give the title")


def _objectives(text: str) -> tuple[str, ...]:
    start = text.find("**Learning objectives.**")
    if start < 0:
        return ()
    bullets: list[str] = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("* "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:  # a wrapped bullet
            bullets[-1] += " " + line.strip()
        elif line.strip() and bullets:
            break
    return tuple(bullets)


def read(path: Path) -> Lesson:
    """Read one lesson's self-description from its first markdown cell.

    Raises ValueError naming the file and the missing line when the title or the time
    is not written the way every lesson writes it.
    """
    text = _first_markdown(path)
    title = _TITLE.search(text)
    if title is None:
        raise ValueError(f"{path.name}: the first markdown cell needs a title line "
                         "'# NN · Title', e.g. '# 04 · Weighted sums and neurons'.")
    time = _TIME.search(text)
    if time is None:
        raise ValueError(f"{path.name}: the first markdown cell needs "
                         "'**Time:** about N minutes.'")
    number = int(title.group(1))
    if not path.stem.startswith(title.group(1)):
        raise ValueError(f"{path.name}: its title says lesson {title.group(1)}; rename the "
                         "file or fix the title so they agree.")
    return Lesson(number, path.stem, path, title.group(2), int(time.group(1)), _objectives(text))


def all_lessons(folder: Path = NOTEBOOKS) -> tuple[Lesson, ...]:
    """Every lesson in ``folder``, in reading order."""
    return tuple(read(p) for p in lessons(folder))


LESSONS: tuple[Lesson, ...] = all_lessons()


def total_minutes(items: tuple[Lesson, ...] = LESSONS) -> int:
    """The whole series' time, the sum of the lessons' own times."""
    return sum(lesson.minutes for lesson in items)


def by_code(code: str) -> Lesson:
    """The lesson numbered ``code`` (``"04"``)."""
    for lesson in LESSONS:
        if lesson.code == code:
            return lesson
    raise KeyError(f"no lesson {code!r}; the lessons are {[x.code for x in LESSONS]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the lesson registry.")
    parser.add_argument("--sections", action="store_true",
                        help="also print every ## section's minutes, as the lesson states them")
    args = parser.parse_args(argv)
    for lesson in LESSONS:
        print(f"{lesson.code}  {lesson.minutes:3d} min  {lesson.title}  "
              f"({len(lesson.objectives)} objectives)")
        if args.sections:
            for name, minutes in lesson.section_minutes.items():
                print(f"      {minutes:3d} min  {name}")
    print(f"total {total_minutes()} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
