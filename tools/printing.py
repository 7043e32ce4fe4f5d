"""Pages to print: Markdown → an HTML page laid out for A4 → a PDF printed by Chromium.

The one home of what the printed pages share (``tools/handout.py``, ``tools/worksheet.py``):
:func:`markdown` (mistune, as nbconvert renders a notebook's Markdown), :func:`page` (a
self-contained HTML page with its print stylesheet), :func:`print_pdfs` (every page printed
by ONE headless Chromium, Debian's, through Playwright's ``page.pdf``: A4 from the page's
own ``@page`` rule, no header or footer) and :func:`pages` (a PDF's page count).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tools.browser import CHROMIUM, CHROMIUM_ARGS


def markdown(text: str) -> str:
    """``text`` (Markdown, HTML passed through, tables allowed) as HTML.

    Examples
    --------
    >>> markdown("Compute **[3, −2]** · `np.dot`")
    '<p>Compute <strong>[3, −2]</strong> · <code>np.dot</code></p>\\n'
    """
    import mistune

    return str(mistune.create_markdown(escape=False, plugins=["table"])(text))


def page(title: str, css: str, body: str) -> str:
    """A self-contained HTML page: ``body`` (HTML) styled by ``css``."""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{css}</style></head>"
            f"<body>{body}</body></html>")


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


@contextmanager
def printer() -> Iterator[Callable[[str], bytes]]:
    """One headless Chromium (Debian's, through Playwright) for many pages: yields
    ``pdf(html) -> bytes``, the page printed on the paper of its own ``@page`` rule, with
    no header or footer."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"no Chromium at {CHROMIUM}: install Debian's chromium "
                                "(apt-get install chromium) or set LESSONS_CHROMIUM")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()

            def pdf(text: str) -> bytes:
                tab.set_content(text, wait_until="load")
                return bytes(tab.pdf(prefer_css_page_size=True, print_background=True,
                                     display_header_footer=False))

            yield pdf
        finally:
            browser.close()


def print_pdfs(jobs: Mapping[Path, str]) -> list[Path]:
    """Print each HTML page of ``jobs`` (PDF path → page) with one :func:`printer`;
    return the PDF paths, in the order given."""
    with printer() as pdf:
        for out, text in jobs.items():
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(pdf(text))
    return list(jobs)
