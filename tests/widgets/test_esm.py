"""The widgets' module inliner (lessons_lib/widgets/_esm.py): what it joins and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons_lib.widgets import _esm


@pytest.fixture
def widgets_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(_esm, "HERE", tmp_path)
    return tmp_path


def test_imports_become_scopes_included_once_dependencies_first(widgets_dir: Path) -> None:
    (widgets_dir / "_a.js").write_text('export const one = 1;\nconst hidden = 2;\n')
    (widgets_dir / "_b.js").write_text(
        'import { one } from "./_a.js";\nexport function two() { return one + one; }\n')
    (widgets_dir / "w.js").write_text(
        'import { one as uno } from "./_a.js";\nimport { two } from "./_b.js";\n'
        "const hidden = 3;\nexport default { render() { return uno + two() + hidden; } };\n")
    source = _esm.inline("w.js")
    assert source.count("const __m_a = (() => {") == 1
    assert source.index("__m_a = (") < source.index("__m_b = (") < source.index("// ---- w.js")
    assert "return { one };" in source and "return { two };" in source
    assert "const { one: uno } = __m_a;" in source and "const { two } = __m_b;" in source
    assert not any(line.startswith("import ") for line in source.splitlines())


@pytest.mark.parametrize("line, message", [
    ('import * as a from "./_a.js";', "only `import {"),
    ('import { one } from "https://cdn.example/a.js";', "only `import {"),
])
def test_unsupported_imports_are_errors_naming_the_line(widgets_dir: Path, line: str,
                                                        message: str) -> None:
    (widgets_dir / "_a.js").write_text("export const one = 1;\n")
    (widgets_dir / "w.js").write_text(f"{line}\nexport default {{}};\n")
    with pytest.raises(_esm.ModuleError, match=r"w\.js:1: " + message.replace("(", r"\(")):
        _esm.inline("w.js")


def test_export_lists_and_missing_files_are_errors(widgets_dir: Path) -> None:
    (widgets_dir / "_a.js").write_text("const one = 1;\nexport { one };\n")
    (widgets_dir / "w.js").write_text('import { one } from "./_a.js";\nexport default {};\n')
    with pytest.raises(_esm.ModuleError, match=r"_a\.js:2: write `export function name`"):
        _esm.inline("w.js")
    (widgets_dir / "v.js").write_text('import { x } from "./_gone.js";\nexport default {};\n')
    with pytest.raises(_esm.ModuleError, match=r"_gone\.js is imported but missing"):
        _esm.inline("v.js")
