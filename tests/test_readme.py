"""README.md keeps its promise: two set-up commands that point at real files."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```bash\n(.+?)\n```", README)
    assert match, f"README.md has no command under <!-- {marker} -->"
    return match.group(1)


def test_exactly_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    assert setup.count("```bash") == 2


def test_open_command_installs_requirements_and_opens_an_existing_lesson():
    cmd = command("open-command")
    assert "pip install -r requirements.txt" in cmd
    # the server's root is the repository (docs/ stays reachable); the URL opens lesson 00,
    # the same path as the Binder badge's urlpath
    url = re.search(r"jupyter lab --LabApp\.default_url=/(lab/tree/(\S+\.ipynb))", cmd)
    assert url, cmd
    assert (ROOT / url.group(2)).is_file(), url.group(2)
    assert f"urlpath={url.group(1)}" in README


def test_test_command_is_what_ci_runs():
    cmd = command("test-command")
    assert "pip install -r requirements-dev.txt" in cmd and "pytest" in cmd
    assert "test-command" in (ROOT / ".ci" / "run").read_text()


def test_every_lesson_is_listed():
    from tools.lessons import LESSONS

    for lesson in LESSONS:
        assert f"notebooks/{lesson.path.name}" in README, f"{lesson.stem} is not listed"
