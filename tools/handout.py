"""The one-page handout as a PDF: docs/handout.md on one A4 page, printed by Chromium.

Usage::

    python -m tools.handout --out _build/handout.pdf

Renders ``docs/handout.md`` (mistune, as nbconvert does) into an HTML page laid out for
A4 (two columns, 9.4 pt type, 10 mm margins) and prints it with headless Chromium
(``--print-to-pdf``, no header or footer). :func:`pages` counts the pages of a PDF;
``tests/test_handout.py`` proves the handout is one page.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

from tools._paths import ROOT
from tools.browser import CHROMIUM, CHROMIUM_ARGS

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


def html(markdown: str) -> str:
    """The handout as a self-contained A4 page."""
    import mistune

    body = mistune.create_markdown(escape=False, plugins=["table"])(markdown)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Handout</title><style>{CSS}</style></head><body>{body}</body></html>")


def pages(pdf: bytes) -> int:
    """The page count a PDF's page tree states (``/Type /Pages … /Count N``).

    Examples
    --------
    >>> pages(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    1
    """
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    if not counts:
        raise ValueError("no page tree found in the PDF")
    return max(counts)


def build(out: Path, source: Path = SOURCE) -> Path:
    """Print ``source`` to the PDF ``out``; return ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "handout.html"
        page.write_text(html(source.read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run([CHROMIUM, *CHROMIUM_ARGS, "--headless", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out.resolve()}",
                        page.as_uri()], check=True, capture_output=True, timeout=180)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "handout.pdf")
    args = parser.parse_args(argv)
    pdf = build(args.out)
    print(f"wrote {pdf} ({pages(pdf.read_bytes())} page(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
