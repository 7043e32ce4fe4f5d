"""Supply chain of the exports (issue 24): a crafted npm tarball cannot write outside
the folder it is extracted into."""

import io
import re
import tarfile
from pathlib import Path

import pytest

from tools import export_html


def _tarball(path: Path, members: dict[str, bytes], link: str | None = None) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        if link is not None:
            info = tarfile.TarInfo(link)
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tar.addfile(info)
    return path


def test_a_good_tarball_is_extracted(tmp_path: Path) -> None:
    tgz = _tarball(tmp_path / "ok.tgz", {"package/dist/a.js": b"a", "package/README": b"r"})
    dest = tmp_path / "out"
    export_html.extract_under(tgz, ("package/dist/",), dest, "ok")
    assert (dest / "dist" / "a.js").read_bytes() == b"a"
    assert not (dest / "README").exists()


@pytest.mark.parametrize("name", ["package/dist/../../../escaped.js",
                                  "package/dist/../../escaped.js"])
def test_a_member_outside_the_destination_is_refused(tmp_path: Path, name: str) -> None:
    tgz = _tarball(tmp_path / "evil.tgz", {"package/dist/a.js": b"a", name: b"evil"})
    dest = tmp_path / "deep" / "out"
    with pytest.raises(SystemExit, match=r"outside .*refusing it"):
        export_html.extract_under(tgz, ("package/dist/",), dest, "evil")
    assert not list(tmp_path.rglob("escaped.js"))


def test_a_link_member_is_refused(tmp_path: Path) -> None:
    tgz = _tarball(tmp_path / "link.tgz", {}, link="package/dist/passwd")
    with pytest.raises(SystemExit, match="or is a link"):
        export_html.extract_under(tgz, ("package/dist/",), tmp_path / "out", "link")


def test_a_cached_tarball_must_match_the_published_integrity(tmp_path: Path) -> None:
    tgz = _tarball(tmp_path / "pkg-1.0.0.tgz", {"package/package.json": b"{}"})
    # a package whose integrity was recorded from the registry when it was first fetched
    (tmp_path / "pkg-1.0.0.tgz.integrity").write_text(export_html.sri(tgz.read_bytes()))
    export_html.verify_tarball("pkg", "1.0.0", tgz)  # the same bytes: reused
    tgz.write_bytes(tgz.read_bytes() + b"tampered")
    with pytest.raises(SystemExit, match="does not match the integrity"):
        export_html.verify_tarball("pkg", "1.0.0", tgz)
    assert not tgz.exists()  # deleted, so the next run fetches it afresh


def test_pinned_packages_are_checked_against_the_pinned_integrity(tmp_path: Path) -> None:
    package, version = next(iter(export_html.INTEGRITY))
    tgz = _tarball(tmp_path / "fake.tgz", {"package/package.json": b"{}"})
    with pytest.raises(SystemExit, match="does not match"):
        export_html.verify_tarball(package, version, tgz)


# --- SRI: the CDN files of the non-offline exports (tools/cdn.py) ---------------------------

from tools import cdn  # noqa: E402


@pytest.mark.parametrize("key", sorted(cdn.FILES))
def test_every_pinned_cdn_hash_is_the_hash_of_the_npm_file(key: str) -> None:
    """The recorded sha384 is recomputed from the npm tarball, itself checked against the
    registry's published sha512 integrity before use (export_html.npm_file)."""
    import shutil

    from tools.browser import need

    pinned = cdn.FILES[key]
    cache = export_html.cache_dir()
    tarball = cache / f"{pinned.package.lstrip('@').replace('/', '-')}-{pinned.version}.tgz"
    need("npm (or the tarball in the npm cache)", tarball.exists() or bool(shutil.which("npm")))
    data = export_html.npm_file(pinned.package, pinned.version, pinned.member, cache)
    assert pinned.sri == cdn.sri384(data), f"{key}: the hash in tools/cdn.py is not {pinned.url}'s"
    assert pinned.url == f"https://cdn.jsdelivr.net/npm/{pinned.package}@{pinned.version}/" \
                         f"{pinned.path}"


def test_a_page_with_an_unpinned_cdn_file_is_refused() -> None:
    page = '<script src="https://cdn.example.org/lib@1/x.js"></script>'
    with pytest.raises(RuntimeError, match="does not pin"):
        cdn.add_integrity(page)


def test_pinned_tags_get_their_hash_and_local_ones_are_left_alone() -> None:
    css = cdn.FILES["reveal_css"]
    page = (f'<link href="{css.url}" rel="stylesheet"/>\n<script src="_static/x.js"></script>')
    out = cdn.add_integrity(page)
    assert f'<link href="{css.url}" rel="stylesheet" integrity="{css.sri}" ' \
           'crossorigin="anonymous"/>' in out
    assert '<script src="_static/x.js"></script>' in out


def check_cdn_tags(page: str) -> None:
    """Every CDN tag of a built page carries the pinned file's integrity and crossorigin;
    the widget manager's script element and require.js's loads get theirs too."""
    tags = cdn.external_tags(page)
    assert tags, "the page loads nothing from a CDN: was it built with --offline?"
    for tag, url in tags:
        found = [f for f in cdn.FILES.values() if f.url == url.split("?")[0]]
        assert found, f"{url} is not pinned in tools/cdn.py"
        assert f'integrity="{found[0].sri}"' in tag, tag
        assert 'crossorigin="anonymous"' in tag, tag
    renderer = re.findall(r"var widgetRendererSrc = '([^']+)'", page)
    if renderer:
        assert set(renderer) == {cdn.FILES["renderer"].url}
        assert f"scriptElement.integrity = \"{cdn.FILES['renderer'].sri}\"" in page
    assert "require.config({paths: {anywidget:" in page
    for key in ("anywidget",):
        assert cdn.FILES[key].sri in page
