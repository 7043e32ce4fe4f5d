"""The handout prints on one A4 page (tools/handout.py, headless Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

from tools import handout
from tools.browser import CHROMIUM, need, playwright_importable

A4 = (595.0, 842.0)  # points: 210 × 297 mm


def test_the_handout_is_one_a4_page(tmp_path: Path) -> None:
    need(f"Chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    need("the playwright package", playwright_importable())
    pdf = handout.build(tmp_path / "handout.pdf").read_bytes()
    leaves = re.findall(rb"/Type\s*/Page(?!s)\b", pdf)  # page objects, not the page tree
    assert len(leaves) == 1, f"{len(leaves)} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - A4[0]) < 1 and abs(float(box.group(2)) - A4[1]) < 1


def test_the_page_holds_every_section_of_the_handout() -> None:
    source = handout.SOURCE.read_text(encoding="utf-8")
    page = handout.html(source)
    for title in re.findall(r"^\*\*([^*]+)\*\*", source, re.M):
        assert title in page, title
    assert "&lt;!--" not in page  # the generated-block markers stay comments, not text
