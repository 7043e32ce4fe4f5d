"""The one version a class uses: a branch, its commit, the image's pip line and the link.

Usage (in a clone of the repository the hub pulls from)::

    python -m tools.classroom_ref --repo https://github.com/OWNER/REPO --branch class-2026 \\
        --hub https://HUB

prints the commit the branch points at *on the remote* (``git ls-remote``: what
nbgitpuller will clone), the ``pip install`` line for the hub's user image pinned to that
commit, and the nbgitpuller link pulling that branch, so notebooks and package come from
the same commit. Why a branch and a commit: nbgitpuller follows **branches** only (a
commit is refused, "Branch does not exist"; a tag clones but the second click fails on
``git diff ..origin/<tag>``), while pip pins a commit that nobody can move. Keep the
class's branch where it is for the term; moving it means rebuilding the image with the
new line this command prints.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import urllib.parse

TARGET = "dot-products-to-attention"  # the folder nbgitpuller creates in each home
LESSON = "notebooks/00_start_here.ipynb"
#: What the hub's single-user servers need besides lessons_lib (docs/classroom.md §2).
IMAGE_EXTRAS = ('"jupyterlab>=4.2,<5"', '"notebook>=7.2,<8"', '"nbgitpuller>=1.3"')


class RefError(RuntimeError):
    """The branch cannot be resolved on the remote."""


def remote_commit(repo: str, branch: str) -> str:
    """The commit ``branch`` points at in ``repo``, as a clone would see it."""
    run = subprocess.run(["git", "ls-remote", "--heads", "--", repo, f"refs/heads/{branch}"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RefError(f"git ls-remote {repo} failed: {run.stderr.strip()}")
    if not run.stdout.strip():
        raise RefError(f"{repo} has no branch {branch!r}: push it first "
                       f"(git push origin {branch})")
    return run.stdout.split()[0]


def pip_line(repo: str, commit: str) -> str:
    """The image's install line, lessons_lib pinned to ``commit``.

    Examples
    --------
    >>> pip_line("https://github.com/o/r", "abc123")  # doctest: +NORMALIZE_WHITESPACE
    'pip install "lessons_lib @ git+https://github.com/o/r@abc123" "jupyterlab>=4.2,<5"
     "notebook>=7.2,<8" "nbgitpuller>=1.3"'
    """
    return " ".join(["pip install", f'"lessons_lib @ git+{repo}@{commit}"', *IMAGE_EXTRAS])


def pull_link(hub: str, repo: str, branch: str, lesson: str = LESSON) -> str:
    """The nbgitpuller link every student clicks.

    Examples
    --------
    >>> pull_link("https://hub.example", "https://github.com/o/r", "class-2026")
    ... # doctest: +ELLIPSIS
    'https://hub.example/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fr&branch=class-2026&targetpath=dot-products-to-attention&urlpath=lab%2Ftree%2F...00_start_here.ipynb'
    """
    query = urllib.parse.urlencode({
        "repo": repo,
        "branch": branch,
        "targetpath": TARGET,
        "urlpath": f"lab/tree/{TARGET}/{lesson}",
    })
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", required=True, help="the repository the hub pulls from")
    parser.add_argument("--branch", required=True, help="the class's branch, e.g. class-2026")
    parser.add_argument("--hub", default="https://HUB", help="the hub's address")
    args = parser.parse_args(argv)
    try:
        commit = remote_commit(args.repo, args.branch)
    except RefError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"branch: {args.branch}")
    print(f"commit: {commit}")
    print(f"image:  {pip_line(args.repo, commit)}")
    print(f"link:   {pull_link(args.hub, args.repo, args.branch)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
