"""The one-page handout as a PDF: docs/handout.md on one A4 page, printed by Chromium.

Usage::

    python -m tools.handout --out _build/handout.pdf

Renders ``docs/handout.md`` into an HTML page laid out for A4 (two columns, 9.4 pt type,
10 mm margins) and prints it with headless Chromium (``tools/printing.py``: the parts the
printed pages share; :func:`tools.printing.pages` counts the pages of a PDF).
``tests/test_handout.py`` proves the handout is one page.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools._paths import ROOT
from tools.printing import markdown, page, pages, print_pdfs

SOURCE = ROOT / "docs" / "handout.md"
CSS = """
@page { size: A4; margin: 10mm; }
body { font: 9.4pt/1.3 "DejaVu Sans", sans-serif; columns: 2; column-gap: 6mm; margin: 0; }
h1 { font-size: 12pt; column-span: all; margin: 0 0 2mm; }
h2, h3 { font-size: 9.5pt; margin: 2mm 0 1mm; }
p, ul, ol { margin: 0 0 1.4mm; }
ul, ol { padding-left: 4mm; }
table { border-collapse: collapse; margin: 0 0 1.4mm; break-inside: avoid; }
th, td { border: 0.3pt solid #999; padding: 0.3mm 1mm; }
code { font-size: 8pt; }
"""


def html(text: str) -> str:
    """The handout (Markdown ``text``) as a self-contained A4 page."""
    return page("Handout", CSS, markdown(text))


def build(out: Path, source: Path = SOURCE) -> Path:
    """Print ``source`` to the PDF ``out``; return ``out``."""
    return print_pdfs({out: html(source.read_text(encoding="utf-8"))})[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "handout.pdf")
    args = parser.parse_args(argv)
    pdf = build(args.out)
    print(f"wrote {pdf} ({pages(pdf.read_bytes())} page(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
