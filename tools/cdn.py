"""The CDN files of the non-offline exports, pinned, with their SRI hashes: one place.

The pages (``tools/export_html.py``) and decks (``tools/slides.py``) built without
``--offline`` load require.js, jQuery, MathJax, the widget manager and reveal.js from a
CDN. Each is pinned here to an exact npm version and file, served by jsDelivr's ``/npm/``
route, which serves the file of the npm tarball byte for byte; its Subresource Integrity
hash (``sha384``) is the hash of that file, taken from the tarball that
``tools/export_html.npm_file`` checks against the registry's published sha512 integrity
(``tests/test_supply_chain.py`` recomputes every hash from the tarballs). A browser then
refuses a file whose bytes differ, whoever serves it.

:func:`add_integrity` gives every CDN ``<script src>`` and ``<link href>`` of a built page
its ``integrity`` and ``crossorigin`` attributes, and refuses a page that loads a CDN URL
not pinned here. Scripts loaded later by require.js (reveal.js and its notes plug-in in the
decks, anywidget's front end in both) get theirs through require.js's ``onNodeCreated``
hook, and the widget manager's script element, created by nbconvert's loader, gets its own.

Not covered, because no hash can be fixed for them: the files MathJax itself loads after
``MathJax.js`` (its configuration, fonts and extensions), and the Google web fonts that
reveal's theme imports from its CSS.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass

#: jsDelivr's npm route: https://cdn.jsdelivr.net/npm/NAME@VERSION/PATH is that file of
#: the package's npm tarball.
CDN = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True)
class CdnFile:
    """One file of an npm package on the CDN, with the SRI hash of its bytes."""

    package: str
    version: str
    path: str  # inside the package (the tarball's ``package/`` stripped)
    sri: str  # sha384 of the file in the npm tarball

    @property
    def url(self) -> str:
        return f"{CDN}/{self.package}@{self.version}/{self.path}"

    @property
    def member(self) -> str:
        """The file's name inside the npm tarball."""
        return f"package/{self.path}"


#: Every CDN file the non-offline exports load. Versions: the ones ``--offline`` ships
#: (tools/export_html.py, tools/slides.py), so both modes run the same front end.
FILES = {
    "require": CdnFile("requirejs", "2.3.7", "require.js",
                       "sha384-tQ7aePXZ3UxesqTnNv13ngAZiSEW6EChgGuJpko580YfFoZYCClz18DCnV/xN6HR"),
    "jquery": CdnFile("jquery", "3.7.1", "dist/jquery.min.js",
                      "sha384-1H217gwSVyLSIfaLxHbE7dRb3v4mYCKbpQvzx0cegeju1MVsGrX5xXxAvs/HgeFs"),
    "mathjax": CdnFile("mathjax", "2.7.7", "MathJax.js",
                       "sha384-e/4/LvThKH1gwzXhdbY2AsjR3rm7LHWyhIG5C0jiRfn8AN2eTN5ILeztWw0H9jmN"),
    "renderer": CdnFile("@jupyter-widgets/html-manager", "1.0.15", "dist/embed-amd.js",
                        "sha384-/x/n24gdFNkRW3aFeWPOJ5tgVI0ZmBOBu6UKswtJLAm6SIAzWBZUdrLEr5A9yXvL"),
    "anywidget": CdnFile("anywidget", "0.11.0", "dist/index.js",
                         "sha384-eUKNi99kVW7N7VQ0GtQ1I+YaoVYA6vDMwCcnx6itIeZ6IRWD1bUtVRb8/Z5QnZm3"),
    "reveal_css": CdnFile("reveal.js", "4.0.2", "dist/reveal.css",
                          "sha384-JGV9gLN3uZ6i6Jxe8tJQQ4snQq+I4vyDSZYUjOPg7UogtHWx5GW1HUPO020mBL9y"),
    "reveal_theme": CdnFile("reveal.js", "4.0.2", "dist/theme/simple.css",
                            "sha384-7MPiDyEPRolcyAg6EtBEockT/m36/i70RGcLILH4zktxe9eBKa4GP+fja+tvgky3"),
    "reveal_js": CdnFile("reveal.js", "4.0.2", "dist/reveal.js",
                         "sha384-Htel3Cm2wucs6dSBzs2qCsWX3rcUdaRpfgPkASABN5kG/fyf4U9sPW3ql8eWhzyr"),
    "reveal_notes": CdnFile("reveal.js", "4.0.2", "plugin/notes/notes.js",
                            "sha384-7971NtEEfxyjjZbML4RLwbjIydGg+XKa/y0uI8eDk4wHLsWQCJ+sYe/t0EQRAGBd"),
}

#: nbconvert's MathJax configuration, as the offline pages use it.
MATHJAX_CONFIG = "?config=TeX-AMS_CHTML-full,Safe"
#: reveal.js's folder on the CDN (nbconvert's ``reveal_url_prefix``).
REVEAL_PREFIX = f"{CDN}/reveal.js@{FILES['reveal_js'].version}"

#: The URLs nbconvert is told to use (``HTMLExporter`` traits).
EXPORTER_URLS = {
    "require_js_url": FILES["require"].url,
    "jquery_url": FILES["jquery"].url,
    "mathjax_url": FILES["mathjax"].url + MATHJAX_CONFIG,
    "widget_renderer_url": FILES["renderer"].url,
}

_BY_URL = {f.url: f for f in FILES.values()}
_TAG = re.compile(r"<(script|link)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_RENDERER = "scriptElement.src = widgetRendererSrc;"


def sri384(data: bytes) -> str:
    """The SRI string (``sha384-<base64>``) of ``data``."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def external_tags(html: str) -> list[tuple[str, str]]:
    """Every ``<script src>``/``<link href>`` tag of a page that loads an http(s) URL:
    (the tag, the URL)."""
    out = []
    for match in _TAG.finditer(html):
        attr = _ATTR.search(match.group(0))
        if attr and re.match(r"https?://", attr.group(2)):
            out.append((match.group(0), attr.group(2)))
    return out


def _pinned(url: str) -> CdnFile:
    found = _BY_URL.get(url.split("?", 1)[0])
    if found is None:
        raise RuntimeError(f"the page loads {url}, which tools/cdn.py does not pin: add the "
                           "file (package, version, path) and its sha384 to tools.cdn.FILES")
    return found


def _require_config() -> str:
    """require.js set-up: anywidget from its pinned URL, and SRI on every pinned script."""
    hashes = {f.url: f.sri for f in FILES.values() if f.path.endswith(".js")}
    anywidget = FILES["anywidget"].url.removesuffix(".js")
    return ("<script>require.config({paths: {anywidget: " + json.dumps(anywidget) + "}, "
            "onNodeCreated: function (node, config, name, url) { var sri = "
            + json.dumps(hashes) + "; var key = String(url).split('?')[0]; "
            "if (sri[key]) { node.setAttribute('integrity', sri[key]); "
            "node.setAttribute('crossorigin', 'anonymous'); } }});</script>")


def add_integrity(html: str) -> str:
    """``html`` with ``integrity`` and ``crossorigin`` on every CDN tag (see module doc)."""
    def tag(match: re.Match[str]) -> str:
        text = match.group(0)
        attr = _ATTR.search(text)
        if not attr or not re.match(r"https?://", attr.group(2)) or "integrity=" in text:
            return text
        pinned = _pinned(attr.group(2))
        end = text.rstrip(">").rstrip("/")
        closing = text[len(end):]
        return f'{end} integrity="{pinned.sri}" crossorigin="anonymous"{closing}'

    out = _TAG.sub(tag, html)
    require = f'<script src="{FILES["require"].url}" integrity="{FILES["require"].sri}" ' \
              'crossorigin="anonymous"></script>'
    if require in out:
        out = out.replace(require, require + "\n" + _require_config(), 1)
    if _RENDERER in out:
        renderer = FILES["renderer"]
        out = out.replace(_RENDERER, _RENDERER + f" scriptElement.integrity = "
                          f"{json.dumps(renderer.sri)}; scriptElement.crossOrigin = "
                          "'anonymous';", 1)
    for line in re.findall(r"var widgetRendererSrc = '([^']+)'", out)[:1]:
        _pinned(line)  # the widget manager nbconvert's loader will fetch
    return out
