"""The lessons' colours: one home for the widgets' stylesheet and for matplotlib.

The Okabe–Ito palette (colour-blind safe) names the hues; :data:`LIGHT` and :data:`DARK`
say which hue each drawn thing gets in a light and a dark theme. From here:

* :func:`stylesheet` writes the CSS custom properties both drawing widgets share
  (``--lp-a``, ``--lp-query``, …, and the theme's text, grid and focus colours), light and
  dark; each widget's own ``.css`` only uses them (``stroke: var(--lp-a)``);
* ``plots.py`` and ``widgets/neuron.py`` take their colours from :data:`OKABE_ITO`,
  :data:`LIGHT` and the neutral greys below.

To change a colour, change it here; tests/test_palette.py checks that no stylesheet or
figure module writes a colour of its own.

Examples
--------
>>> LIGHT["a"], DARK["a"]
('#0072B2', '#56B4E9')
>>> "--lp-a: #0072B2;" in stylesheet()
True
"""

from __future__ import annotations

__all__ = ["AXIS", "DARK", "FAINT", "GRID", "GUIDE", "LIGHT", "OKABE_ITO", "TICK", "stylesheet"]

BLUE, VERMILLION, GREEN, PURPLE = "#0072B2", "#D55E00", "#009E73", "#CC79A7"
ORANGE, SKY, YELLOW, BLACK = "#E69F00", "#56B4E9", "#F0E442", "#000000"

#: The Okabe–Ito colour-blind-safe palette, in the order the figures use it.
OKABE_ITO: tuple[str, ...] = (BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, YELLOW, BLACK)

#: Which colour each drawn thing has on a light background (widgets and figures).
LIGHT: dict[str, str] = {
    "a": BLUE, "b": VERMILLION, "proj": GREEN, "sum": PURPLE, "double": SKY,
    "query": BLUE, "key-0": VERMILLION, "key-1": GREEN, "key-2": PURPLE, "key-3": ORANGE,
}
#: On a dark background the lighter members of the same palette keep the contrast up.
DARK: dict[str, str] = {**LIGHT, "a": SKY, "b": ORANGE, "double": "#9FD3F2",
                        "query": SKY, "key-0": ORANGE}

#: Neutral greys of the figures: axes through the origin, grid, guide lines, faint lines,
#: tick marks.
AXIS, GRID, GUIDE, FAINT, TICK = "#999999", "#dddddd", "#555555", "#ccc", "#888"

#: The theme colours the widgets take from JupyterLab, with fallbacks outside Lab.
_THEME: dict[str, str] = {
    "fg": "var(--jp-ui-font-color0, #1a1a1a)",
    "fg-soft": "var(--jp-ui-font-color2, #555)",
    "bg": "var(--jp-layout-color0, #fff)",
    "panel": "var(--jp-layout-color1, #f6f6f6)",
    "grid": "var(--jp-border-color2, #e0e0e0)",
    "axis": "var(--jp-ui-font-color2, #666)",
    "focus": "var(--jp-brand-color1, #1976d2)",
}

#: The root element of every widget that draws with these colours.
ROOTS = (".vp-root", ".ae-root")


def stylesheet() -> str:
    """The CSS custom properties both drawing widgets use, for a light and a dark theme."""
    light = "\n".join(f"  --lp-{k}: {v};" for k, v in {**LIGHT, **_THEME}.items())
    dark = "\n".join(f"  --lp-{k}: {v};" for k, v in DARK.items() if LIGHT[k] != v)
    dark_roots = ", ".join(f'body[data-jp-theme-light="false"] {r}' for r in ROOTS)
    return (f"/* The lessons' palette, written by lessons_lib/palette.py: change colours "
            f"there. */\n{', '.join(ROOTS)} {{\n{light}\n}}\n\n{dark_roots} {{\n{dark}\n}}\n")
