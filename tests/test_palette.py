"""lessons_lib.palette: one home for every colour the widgets and the figures draw with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons_lib import palette
from lessons_lib.widgets._common import stylesheet

ROOT = Path(__file__).resolve().parents[1]
WIDGETS = ROOT / "lessons_lib" / "widgets"
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
#: The Okabe–Ito palette as published (Okabe & Ito 2008, "Color Universal Design").
PUBLISHED = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000")


def test_the_palette_is_okabe_ito():
    assert palette.OKABE_ITO == PUBLISHED
    assert set(palette.LIGHT.values()) <= set(PUBLISHED)
    assert set(palette.LIGHT) == set(palette.DARK)


def test_dark_theme_colours_are_lighter_than_the_light_ones():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    for role, light in palette.LIGHT.items():
        assert luminance(palette.DARK[role]) >= luminance(light), role


@pytest.mark.parametrize("css", sorted(p.name for p in WIDGETS.glob("*.css")))  # + _frame.css
def test_each_widget_stylesheet_writes_no_colour_of_its_own(css: str):
    own = (WIDGETS / css).read_text(encoding="utf-8")
    assert HEX.findall(re.sub(r"var\([^)]*\)", "", own)) == [], f"{css} writes a colour"
    assert "data-jp-theme-light" not in own, f"{css} has its own theme block"
    used = set(re.findall(r"var\(--lp-([\w-]+)\)", own))
    shipped = stylesheet(css)
    defined = set(re.findall(r"--lp-([\w-]+):", shipped))
    assert used and used <= defined, f"{css} uses undefined colours {used - defined}"


def test_light_and_dark_blocks_come_from_the_python_palette():
    css = palette.stylesheet()
    light, dark = css.split('body[data-jp-theme-light="false"]', 1)
    for role, colour in palette.LIGHT.items():
        assert f"--lp-{role}: {colour};" in light
    for role, colour in palette.DARK.items():
        if colour != palette.LIGHT[role]:
            assert f"--lp-{role}: {colour};" in dark
    for root in palette.ROOTS:  # both widgets, both themes
        assert root in light and root in dark


@pytest.mark.parametrize("module", ["plots.py", "widgets/neuron.py"])
def test_figure_modules_take_their_colours_from_the_palette(module: str):
    text = (ROOT / "lessons_lib" / module).read_text(encoding="utf-8")
    assert HEX.findall(text) == [], f"{module} writes a colour; use lessons_lib.palette"
    assert "lessons_lib.palette import" in text


@pytest.mark.parametrize("css", ["vector_playground.css", "attention_explorer.css"])
def test_each_drawing_widget_ships_the_one_frame(css: str):
    """The frame (colours, font, border, padding) is written once, in _frame.css, and each
    drawing widget's root carries its class; the widget's own file does not repeat it."""
    shipped, own = stylesheet(css), (WIDGETS / css).read_text(encoding="utf-8")
    frame = (WIDGETS / "_frame.css").read_text(encoding="utf-8")
    assert shipped.index(".lp-frame {") < shipped.index(own), "the frame comes first"
    root = re.search(r"\n\.(\w+-root) \{([^}]*)\}", own)
    assert root, f"{css} has no root rule"
    for rule in ("border:", "padding:", "font-family:", "background:", "color:"):
        assert rule in frame and rule not in root.group(2), (css, rule)
    module = css.replace(".css", ".js")
    assert f'class: "{root.group(1)} lp-frame"' in (WIDGETS / module).read_text("utf-8"), (
        f"{module}: the root element lacks the class lp-frame")
