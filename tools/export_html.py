"""Export every lesson to a static HTML page that still shows its widgets.

The lessons are stored with their widget state (``metadata.widgets``, written by
``tools/run_notebooks.py``). nbconvert's HTML exporter copies that state into the page as
``<script type="application/vnd.jupyter.widget-state+json">`` and adds a loader for the
Jupyter widgets HTML manager (``@jupyter-widgets/html-manager``), which draws every widget
from the saved state: the standard ipywidgets controls (quizzes) and the anywidget panels,
whose JavaScript (``_esm``) and CSS are part of the saved state. There is no Python kernel behind
the page: a widget opens in the position it was saved in, and the anywidget panels, which
compute in their own JavaScript, still respond when dragged (the arrows move and the numbers
they show are recomputed in the browser). What Python computes does not change: printed
outputs, the checkers, the quiz's feedback, values read back from a widget into a cell.

Two modes:

* default (for a course web site): the HTML manager, require.js, MathJax and anywidget's
  front end are loaded from a CDN when the page is opened, each pinned to an exact version
  and carrying its Subresource Integrity hash (``tools/cdn.py``). Readers need an internet
  connection.
* ``--offline``: the HTML manager (``embed-amd.js``), require.js and anywidget's front end
  are fetched ONCE, at export time, from the npm registry (``npm pack``, cached in
  ``~/.cache/lessons_lib/npm``, never committed) and written to ``OUT/_static/``; the pages
  load them by relative path, so the folder works from disk (``file://``) without a
  network. MathJax 2.7.7 (the version nbconvert's templates are written for) is written
  there too, only the parts the pages use (TeX input, CommonHTML output, its TeX fonts),
  so every formula renders offline.

Usage::

    python -m tools.export_html --out _build/html                 # all lessons, CDN mode
    python -m tools.export_html --out _build/html --offline       # self-contained folder
    python -m tools.export_html notebooks/02_dot_product.ipynb --out _build/html

Links between lessons (``03_geometry.ipynb``) are rewritten to the exported pages
(``03_geometry.html``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from tools import answer_key, cdn
from tools._paths import ROOT, lessons

STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"

# Front-end packages for --offline, pinned: html-manager 1.x is the one for ipywidgets 8.
HTML_MANAGER = ("@jupyter-widgets/html-manager", "1.0.15", "package/dist/embed-amd.js")
REQUIREJS = ("requirejs", "2.3.7", "package/require.js")
ANYWIDGET_FILE = "package/dist/index.js"
MATHJAX = ("mathjax", "2.7.7")
#: The parts of MathJax that nbconvert's configuration (TeX-AMS_CHTML-full,Safe) loads.
MATHJAX_PARTS = tuple(f"package/{part}" for part in (
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/",
    "jax/input/TeX/", "jax/output/CommonHTML/", "jax/element/mml/",
    "fonts/HTML-CSS/TeX/woff/", "localization/en/"))
MATHJAX_CONFIG = "?config=TeX-AMS_CHTML-full,Safe"
STATIC = "_static"



#: The registry's published integrity (``npm view NAME@VERSION dist.integrity``) of every
#: pinned npm tarball. A cached tarball is checked against it before every reuse; a package
#: whose version is not pinned here (anywidget follows the installed Python package) gets
#: the registry's integrity recorded beside the tarball when it is first fetched.
INTEGRITY = {
    ("@jupyter-widgets/html-manager", "1.0.15"):
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
    ("requirejs", "2.3.7"):
        "sha512-DouTG8T1WanGok6Qjg2SXuCMzszOo0eHeH9hDZ5Y4x8Je+9JB38HdTLT4/VA8OaUhBa0JPVHJ0pyBkM1z+pDsw==",
    ("mathjax", "2.7.7"):
        "sha512-OOl0B2/0tSJAtAZarXnQuLDBLgTNRqiI9VqHTQzPsxf4okT2iIpDrvaklK9x2QEMD1sDj4yRn11Ygci41DxMAQ==",
    ("reveal.js", "4.0.2"):
        "sha512-LWZSUenufF1gpD7npxJ7KfoQQFKgc1D6XrLTFgKlwWNP1BQ74hT48KONFWMAw+8R/QUeaScCLCLrBVHDfFIEiw==",
    ("jquery", "3.7.1"):
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
}


def sri(data: bytes) -> str:
    """The npm/SRI integrity string (``sha512-<base64>``) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _published_integrity(package: str, version: str, tarball: Path) -> str:
    pinned = INTEGRITY.get((package, version))
    if pinned:
        return pinned
    sidecar = tarball.with_name(tarball.name + ".integrity")
    if sidecar.is_file():
        return sidecar.read_text(encoding="utf-8").strip()
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(f"--offline needs npm to look up {package}@{version}'s integrity once")
    published = subprocess.run([npm, "view", f"{package}@{version}", "dist.integrity"],
                               check=True, capture_output=True, text=True).stdout.strip()
    if not published.startswith("sha512-"):
        raise SystemExit(f"the npm registry published no sha512 integrity for {package}@{version}")
    sidecar.write_text(published + "\n", encoding="utf-8")
    return published


def verify_tarball(package: str, version: str, tarball: Path) -> None:
    """Refuse (and delete) a cached tarball whose bytes do not match the registry's integrity."""
    expected = _published_integrity(package, version, tarball)
    actual = sri(tarball.read_bytes())
    if actual != expected:
        tarball.unlink()
        raise SystemExit(
            f"the cached {tarball.name} does not match the integrity the npm registry "
            f"publishes for {package}@{version} ({actual[:20]}… ≠ {expected[:20]}…); it was "
            "deleted. Run the command again to fetch it afresh."
        )


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lessons_lib" / "npm"


def npm_file(package: str, version: str, member: str, cache: Path) -> bytes:
    """One file from an npm package tarball, downloaded once into ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("--offline needs npm (Node.js) to fetch the widget front end once")
        with tempfile.TemporaryDirectory() as tmp:
            name = subprocess.run(
                [npm, "pack", f"{package}@{version}", "--pack-destination", tmp, "--silent"],
                check=True, capture_output=True, text=True,
            ).stdout.strip().splitlines()[-1]
            shutil.move(Path(tmp) / name, tarball)
    verify_tarball(package, version, tarball)
    with tarfile.open(tarball) as tar:
        extracted = tar.extractfile(member)
        if extracted is None:
            raise SystemExit(f"{package}@{version} has no {member}")
        return extracted.read()


def npm_tree(package: str, version: str, prefixes: tuple[str, ...], dest: Path,
             cache: Path) -> None:
    """Extract the members of an npm package under ``prefixes`` (``package/`` stripped)."""
    npm_file(package, version, "package/package.json", cache)  # downloads once, verifies
    tarball = cache / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
    verify_tarball(package, version, tarball)
    extract_under(tarball, prefixes, dest, package)


def extract_under(tarball: Path, prefixes: tuple[str, ...], dest: Path, package: str) -> None:
    """Extract the files of ``tarball`` under ``prefixes`` into ``dest`` (``package/``
    stripped), refusing any member whose path would land outside ``dest`` (``..``, an
    absolute path) or that is a link: a crafted tarball cannot write anywhere else."""
    root = dest.resolve()
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            if not member.name.startswith(prefixes):
                continue
            target = (dest / member.name.removeprefix("package/")).resolve()
            if not target.is_relative_to(root) or member.issym() or member.islnk():
                raise SystemExit(
                    f"the npm package {package} holds {member.name!r}, which would be written "
                    f"outside {dest} (or is a link); refusing it. Delete {tarball} and fetch it "
                    "again; report it if it comes back."
                )
            if member.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                extracted = tar.extractfile(member)
                if extracted is None:
                    raise RuntimeError(f"{member.name} in the npm package {package} is not a file")
                target.write_bytes(extracted.read())


def write_static(out: Path, cache: Path) -> dict[str, str]:
    """Write the offline front end to ``out/_static``; return the page-relative URLs."""
    static = out / STATIC
    static.mkdir(parents=True, exist_ok=True)
    (static / "embed-amd.js").write_bytes(npm_file(*HTML_MANAGER, cache))
    (static / "require.js").write_bytes(npm_file(*REQUIREJS, cache))
    # anywidget's npm build is an anonymous AMD module, which require.js only accepts when
    # it loads the file itself; naming it lets the page define it up front, so the HTML
    # manager finds "anywidget" without going to its CDN.
    version = metadata.version("anywidget")
    source = npm_file("anywidget", version, ANYWIDGET_FILE, cache).decode()
    anonymous = 'define(["@jupyter-widgets/base"], widget_default);'
    if anonymous not in source:
        raise SystemExit(f"anywidget {version}'s npm build changed shape; update export_html.py")
    named = source.replace(
        anonymous, 'define("anywidget", ["@jupyter-widgets/base"], widget_default);'
    )
    (static / "anywidget.js").write_text(named)
    npm_tree(*MATHJAX, MATHJAX_PARTS, static / "mathjax", cache)
    return {
        "require": f"{STATIC}/require.js",
        "renderer": f"{STATIC}/embed-amd.js",
        "anywidget": f"{STATIC}/anywidget.js",
        "mathjax": f"{STATIC}/mathjax/MathJax.js{MATHJAX_CONFIG}",
    }


LESSON_LINK = re.compile(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"')
DOC_LINK = re.compile(r'href="\.\./docs/([\w-]+)\.md(#[^"]*)?"')
DOC_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto;
padding: 0 1em; color: #222; background: #fff; }} a {{ color: #1a56a6; }}</style>
</head><body><main>
{body}
</main></body></html>
"""


def rewrite_links(html: str, out: Path, lesson_suffix: str) -> str:
    """Point a page's links at what exists beside it in ``out``.

    ``NN_name.ipynb`` becomes ``NN_name<lesson_suffix>`` (the exported page or deck);
    ``../docs/name.md`` becomes ``name.html``, written into ``out`` from the Markdown.
    """
    from nbconvert.filters.markdown import markdown2html

    for name in sorted({m.group(1) for m in DOC_LINK.finditer(html)}):
        source = ROOT / "docs" / f"{name}.md"
        if not source.exists():
            raise RuntimeError(f"a lesson links to docs/{name}.md, which does not exist")
        text = source.read_text(encoding="utf-8")
        title = next((line.lstrip("# ").strip() for line in text.splitlines()
                      if line.startswith("# ")), name)
        (out / f"{name}.html").write_text(
            DOC_PAGE.format(title=title, body=markdown2html(text)), encoding="utf-8")
    html = LESSON_LINK.sub(lambda m: f'href="{m.group(1)}{lesson_suffix}{m.group(2) or ""}"',
                           html)
    return DOC_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


LOCAL_REF = re.compile(r'(?:href|src)="(?![a-z][a-z0-9+.-]*:|#|//)([^"#?]+)')


def broken_links(html: str, folder: Path) -> list[str]:
    """The relative ``href``/``src`` targets of a page that do not exist in ``folder``."""
    return sorted({ref for ref in LOCAL_REF.findall(html) if not (folder / ref).exists()})


HIDE_INPUT = "remove-input"


def is_collapsed(cell: nbformat.NotebookNode) -> bool:
    """The cell's code is collapsed in JupyterLab (``jupyter.source_hidden``): a quiz,
    whose code holds the answers."""
    return bool(cell.get("metadata", {}).get("jupyter", {}).get("source_hidden", False))


def hide_collapsed_inputs(nb: nbformat.NotebookNode) -> None:
    """Tag the collapsed cells (:func:`is_collapsed`) so the page or deck leaves their
    input out, as JupyterLab does, and shows only the output."""
    for cell in nb.cells:
        if is_collapsed(cell):
            tags = cell.metadata.setdefault("tags", [])
            if HIDE_INPUT not in tags:
                tags.append(HIDE_INPUT)


def exporter(offline: dict[str, str] | None) -> HTMLExporter:
    exp = HTMLExporter(template_name="lab", embed_images=True)
    exp.register_preprocessor(TagRemovePreprocessor(remove_input_tags={HIDE_INPUT}),
                              enabled=True)
    if offline:
        exp.require_js_url = offline["require"]
        exp.widget_renderer_url = offline["renderer"]
        exp.mathjax_url = offline["mathjax"]
    else:  # pinned CDN files, each with its SRI hash (tools/cdn.py)
        for trait, url in cdn.EXPORTER_URLS.items():
            setattr(exp, trait, url)
    return exp


def export(path: Path, out: Path, offline: dict[str, str] | None = None,
           with_answers: bool = False) -> Path:
    """Write ``out/<name>.html`` for the notebook at ``path``; return its path.

    The cells that give answers away (:func:`tools.answer_key.answer_cells`) are left out
    unless ``with_answers``.
    """
    nb = nbformat.read(path, as_version=4)
    views = [
        o["data"][VIEW_MIME]["model_id"]
        for c in nb.cells for o in c.get("outputs", []) if VIEW_MIME in o.get("data", {})
    ]
    state = nb.metadata.get("widgets", {}).get(STATE_MIME, {}).get("state", {})
    missing = [m for m in views if m not in state]
    if missing:
        raise SystemExit(
            f"{path.name}: widget views {missing} have no saved state; "
            f"run: python -m tools.run_notebooks {path.relative_to(ROOT)}"
        )
    hide_collapsed_inputs(nb)
    if not with_answers:
        answer_key.without_answers(nb)
    html, _ = exporter(offline).from_notebook_node(
        nb, resources={"metadata": {"path": str(path.parent), "name": path.stem}}
    )
    html = rewrite_links(html, out, ".html")
    if offline:
        tag = f'<script src="{offline["require"]}"></script>'
        if tag not in html:
            raise RuntimeError("nbconvert's template no longer loads require.js in <head>: "
                               "update tools/export_html.py's rewrite")
        html = html.replace(tag, f'{tag}\n<script src="{offline["anywidget"]}"></script>', 1)
    else:
        html = cdn.add_integrity(html)
    target = out / f"{path.stem}.html"
    target.write_text(html, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all lessons)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--offline", action="store_true",
                        help="write the widget front end and MathJax next to the pages "
                             "(no CDN)")
    parser.add_argument("--with-answers", action="store_true",
                        help="keep the solutions and the Appendix (left out by default)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="where --offline keeps the npm tarballs")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or lessons()
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    offline = write_static(args.out, args.cache or cache_dir()) if args.offline else None
    for path in paths:
        print(f"wrote {export(path, args.out, offline, with_answers=args.with_answers)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
