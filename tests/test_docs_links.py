"""Links in the docs a teacher or contributor follows: every relative link in README.md and
docs/*.md points at a file that exists and, with #anchor, at a heading of that page
(GitHub's anchor rule: lower case, punctuation dropped, spaces become hyphens)."""

from __future__ import annotations

import re

import pytest

from tools._paths import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)  # GitHub keeps letters, digits, _, - and spaces
    return text.replace(" ", "-")


def _anchors(page) -> set[str]:
    lines = page.read_text(encoding="utf-8").splitlines()
    found = {_slug(line.lstrip("#")) for line in lines if re.match(r"#{1,6} ", line)}
    found |= set(re.findall(r'<a (?:id|name)="([^"]+)"', page.read_text(encoding="utf-8")))
    return found


def test_the_slug_rule():
    assert _slug(" 00_start_here") == "00_start_here"
    assert _slug("6 · Grading with nbgrader") == "6--grading-with-nbgrader"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(f"{target}: no heading #{anchor} in {dest.name}")
    assert not broken, f"{page.name}: {broken}"
