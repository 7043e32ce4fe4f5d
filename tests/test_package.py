"""The package itself: light to import, ruff clean, typed, documented."""

import inspect
import subprocess
import sys
from pathlib import Path

import lessons_lib

ROOT = Path(__file__).resolve().parents[1]


def test_import_is_light():
    code = (
        "import sys, lessons_lib\n"
        "heavy = [m for m in ('matplotlib', 'ipywidgets', 'anywidget', 'traitlets') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import lessons_lib pulled in: {out.stdout.strip()}"


def test_import_from_any_working_directory(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", "import lessons_lib; print(lessons_lib.dot([1],[2]))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "2"


def test_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "lessons_lib", "tests", "tools", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_clean():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_functions_have_numpy_docstrings_with_examples():
    for name in lessons_lib.__all__:
        obj = getattr(lessons_lib, name)
        doc = inspect.getdoc(obj) or ""
        assert doc, f"{name} has no docstring"
        if inspect.isfunction(obj):
            assert "Examples\n--------" in doc, f"{name}'s docstring has no Examples section"
            assert "lesson" in (inspect.getdoc(inspect.getmodule(obj)) or "") + doc, (
                f"{name}: say which lesson teaches it"
            )


def test_unknown_attribute_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        lessons_lib.nope  # noqa: B018
