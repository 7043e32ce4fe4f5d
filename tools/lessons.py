"""The lesson registry: what each lesson says about itself, read from the lesson.

Every fact a page repeats about a lesson (its number, title, time, objectives) has one
home, the lesson's own first markdown cell::

    # 04 · Weighted sums and neurons

    **Learning objectives.** After this lesson you can

    * read w·x as a weighted sum ...;

    **Time:** about 40 minutes. **Prerequisites:** ...

:data:`LESSONS` lists them in reading order; tools.generated writes the README's lesson
table, lesson 00's map, the teacher guide's timing table and the handout's lesson list
from it.

Usage::

    python -m tools.lessons            # print the registry as a table
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tools._paths import NOTEBOOKS, ROOT, lessons

_TITLE = re.compile(r"^#\s+(\d\d)\s*·\s*(.+?)\s*$", re.M)
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes")


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


def main() -> int:
    for lesson in LESSONS:
        print(f"{lesson.code}  {lesson.minutes:3d} min  {lesson.title}  "
              f"({len(lesson.objectives)} objectives)")
    print(f"total {total_minutes()} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
