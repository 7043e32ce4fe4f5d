"""Supply chain of the exports (issue 24): a crafted npm tarball cannot write outside
the folder it is extracted into."""

import io
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
