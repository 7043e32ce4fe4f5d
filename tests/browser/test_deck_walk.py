"""Every step of every deck, as a teacher projects it: nothing off the slide, nothing cut.

The decks are built offline (``python -m tools.slides --build DIR --offline``) from every
lesson found under ``notebooks/``, opened in one Chromium with every non-``file:`` request
blocked, at a 1280×720 projector and at 1920×1080, and walked with ``Reveal.next()`` (what
the space bar does) through every subslide and every fragment. At each step one JS call
measures the present subslide as shown (fragments not yet revealed are left out):

* **off the slide**: a shown box (text, code, table, figure, widget part) leaves reveal's
  slide area (the 1280×720 slide, scaled to the window);
* **scroll**: the page, the deck or any box in the slide scrolls (a scrollbar is a slide
  that did not fit);
* **clipped text**: a box that hides its overflow (code, output, a table, a widget label)
  is wider or taller than it shows (``scrollWidth > clientWidth``);
* **broken widgets**: a slider without its knob or value label in view, a toggle button
  whose label is truncated;
* **tiny text**: rendered text smaller than ``MIN_FONT_PX`` at 1280×720 (every text node,
  widget tables, labels and drawings included; computed font size × reveal's scale, or
  × the drawing's own scale for SVG text; a formula's sub- and superscripts, set at 70 %
  as in print, are held to 70 % of it);
* **notes**: a subslide without speaker notes (``aside.notes`` with text), checked once
  per subslide.

A screenshot of every failing step, and of every ``SAMPLE_EVERY``-th step, goes to
``LESSONS_ARTIFACTS`` (or a pytest temporary folder); the path is printed.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tools._paths import lessons
from tools.browser import OfflineGuard

from .harness import need

pytestmark = pytest.mark.browser

LESSONS = lessons()
SIZES = ((1280, 720), (1920, 1080))
#: The smallest text a back row reads on a 1280×720 projector (rendered CSS pixels).
MIN_FONT_PX = 14.0
SAMPLE_EVERY = 25  # also keep a screenshot of every 25th passing step

#: One call per step: reveal has moved; wait for MathJax to re-render the slide, then
#: measure what is shown. Returns the step's position and a list of problems.
STEP_JS = r"""async ([minFont, checkNotes]) => {
  if (window.MathJax && MathJax.Hub) await new Promise(r => MathJax.Hub.Queue(r));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const slide = Reveal.getCurrentSlide();
  const idx = Reveal.getIndices();
  const scale = Reveal.getScale();
  const area = document.querySelector('.reveal .slides').getBoundingClientRect();
  const out = [];
  const name = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.className && typeof e.className === 'string')
      s += '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.');
    const t = (e.innerText || e.textContent || '').trim().replace(/\s+/g, ' ');
    return t ? `${s} "${t.slice(0, 40)}"` : s;
  };
  const hidden = (e) => e.closest('.fragment:not(.visible), aside.notes, script, style,'
    + ' .MJX_Assistive_MathML, .MathJax_Preview, [aria-hidden=true] .sr-only');
  const shown = (e) => {
    if (hidden(e)) return false;
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // 1. the page and the deck do not scroll
  if (scrollX || scrollY) out.push(`the page is scrolled (${scrollX}, ${scrollY})`);
  const boxes = [document.querySelector('.reveal'), document.querySelector('.reveal .slides')];
  for (const el of [...boxes, slide])
    if (el.scrollTop || el.scrollLeft) out.push(`${name(el)} is scrolled`);
  const elements = [slide, ...slide.querySelectorAll('*')].filter(shown);
  for (const e of elements) {
    const r = e.getBoundingClientRect();
    const cs = getComputedStyle(e);
    // 2. nothing leaves the slide area (1 px of rounding allowed)
    if (e !== slide && (r.left < area.left - 1 || r.top < area.top - 1
        || r.right > area.right + 1 || r.bottom > area.bottom + 1)) {
      // report the outermost box only: its children leave with it
      const parent = e.parentElement.getBoundingClientRect();
      const parentOut = parent.left < area.left - 1 || parent.top < area.top - 1
        || parent.right > area.right + 1 || parent.bottom > area.bottom + 1;
      if (!parentOut || e.parentElement === slide)
        out.push(`off the slide: ${name(e)} at ${r.left.toFixed(0)},${r.top.toFixed(0)}–`
                 + `${r.right.toFixed(0)},${r.bottom.toFixed(0)}, slide area `
                 + `${area.left.toFixed(0)},${area.top.toFixed(0)}–`
                 + `${area.right.toFixed(0)},${area.bottom.toFixed(0)}`);
    }
    // 3. no scrollbars, no clipped text
    const clipsX = cs.overflowX !== 'visible', clipsY = cs.overflowY !== 'visible';
    if (clipsX && e.scrollWidth > e.clientWidth + 1)
      out.push(`clipped: ${name(e)} is ${e.scrollWidth}px wide, shows ${e.clientWidth}px`);
    if (clipsY && e.scrollHeight > e.clientHeight + 1 && e.tagName !== 'svg')
      out.push(`clipped: ${name(e)} is ${e.scrollHeight}px tall, shows ${e.clientHeight}px`);
    if (e.scrollTop || e.scrollLeft) out.push(`scrolled: ${name(e)}`);
  }
  // 4. text large enough: every shown text node's font, as rendered
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const small = new Map();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!n.textContent.trim() || !p || !shown(p)) continue;
    let px;
    if (p instanceof SVGElement) {  // SVG text is scaled with its drawing
      const m = p.getScreenCTM();
      px = parseFloat(getComputedStyle(p).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    } else {
      px = parseFloat(getComputedStyle(p).fontSize) * scale;
    }
    // a formula's sub- and superscripts are set at 70 % of its size, as in print
    const limit = p.closest('.mjx-sub, .mjx-sup, .mjx-script') ? 0.7 * minFont : minFont;
    if (px < limit - 0.05) {
      const key = name(p);
      if (!small.has(key)) small.set(key, px);
    }
  }
  for (const [key, px] of small) out.push(`text ${px.toFixed(1)}px < ${minFont}px: ${key}`);
  // 5. widgets whole: sliders keep their knob and value, toggles their labels
  for (const s of slide.querySelectorAll('.widget-hslider')) {
    if (!shown(s)) continue;
    const knob = s.querySelector('.noUi-handle, .ui-slider-handle');
    const value = s.querySelector('.widget-readout');
    const track = s.querySelector('.slider-container, .widget-slider');
    if (!knob || !shown(knob)) out.push(`slider without a knob: ${name(s)}`);
    else if (track) {
      const k = knob.getBoundingClientRect(), t = track.getBoundingClientRect();
      if (k.right < t.left || k.left > t.right) out.push(`slider knob off its track: ${name(s)}`);
    }
    if (!value || !shown(value) || !(value.innerText || value.value || '').trim())
      out.push(`slider without its value: ${name(s)}`);
  }
  for (const b of slide.querySelectorAll('.widget-toggle-button, button')) {
    if (!shown(b)) continue;
    if (b.scrollWidth > b.clientWidth + 1)
      out.push(`button label cut: ${name(b)} needs ${b.scrollWidth}px, has ${b.clientWidth}px`);
  }
  // 6. speaker notes, once per subslide (at its first step)
  let notes = null;
  if (checkNotes) {
    const aside = slide.querySelector('aside.notes');
    notes = aside ? aside.textContent.trim() : '';
    if (!notes) out.push('no speaker notes on this subslide');
  }
  return {h: idx.h, v: idx.v, f: idx.f === undefined ? -1 : idx.f,
          last: Reveal.isLastSlide() && !Reveal.availableFragments().next, problems: out};
}"""

#: reveal.js is loaded by require.js (an AMD module, no global): find it, and wait until
#: it has laid the deck out.
REVEAL_JS = r"""() => {
  if (!window.Reveal && window.requirejs) {
    const found = Object.entries(requirejs.s.contexts._.defined)
      .find(([id, m]) => /reveal\.js$/.test(id) && m && m.isReady);
    if (found) window.Reveal = found[1];
  }
  return !!(window.Reveal && Reveal.isReady());
}"""

#: The steps reveal will walk: one per subslide plus one per distinct fragment index.
COUNT_JS = r"""() => {
  let steps = 0;
  document.querySelectorAll('.reveal .slides > section').forEach(h => {
    const subs = h.querySelectorAll(':scope > section');
    (subs.length ? [...subs] : [h]).forEach(v => {
      const idx = new Set([...v.querySelectorAll('.fragment')]
        .map(f => f.getAttribute('data-fragment-index')));
      steps += 1 + idx.size;
    });
  });
  return steps;
}"""


@pytest.fixture(scope="module")
def offline_decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every lesson's deck, built with ``--offline`` into a temporary folder."""
    need("npm", shutil.which("npm") is not None)
    from tools import slides

    assert LESSONS, "no lessons under notebooks/"
    out = tmp_path_factory.mktemp("deck-walk")
    start = time.monotonic()
    decks = slides.build(LESSONS, out, offline=True)
    print(f"\n[deck walk] built {len(decks)} decks in {time.monotonic() - start:.1f} s")
    assert [d.name for d in decks] == [f"{p.stem}.slides.html" for p in LESSONS]
    return out


def _walk(page: Any, deck: Path, size: tuple[int, int], shots: Path) -> tuple[int, list[str]]:
    """Step through ``deck``; return the number of steps and the problems found."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(deck.as_uri() + "#/0/0")
    page.wait_for_function(REVEAL_JS, timeout=30_000)
    page.wait_for_function(  # the widgets are drawn before anything is measured
        "n => [...document.querySelectorAll('.widget-subarea')]"
        ".filter(e => e.children.length > 0).length >= n",
        arg=page.evaluate("document.querySelectorAll('.widget-subarea').length"),
        timeout=30_000)
    page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    expected = page.evaluate(COUNT_JS)
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()
    steps = 0
    tag = f"{deck.name.removesuffix('.slides.html')}-{size[0]}x{size[1]}"
    while True:
        where = page.evaluate("() => [Reveal.getIndices().h, Reveal.getIndices().v]")
        first = tuple(where) not in seen
        seen.add(tuple(where))
        state = page.evaluate(STEP_JS, [MIN_FONT_PX, first])
        steps += 1
        label = f"{tag} step {steps} (#/{state['h']}/{state['v']} fragment {state['f']})"
        if state["problems"]:
            shot = shots / f"deck-walk-FAIL-{tag}-{steps:03d}.png"
            page.screenshot(path=str(shot))
            problems += [f"{label}: {p}" for p in state["problems"]]
        elif steps % SAMPLE_EVERY == 1:
            page.screenshot(path=str(shots / f"deck-walk-{tag}-{steps:03d}.png"))
        if state["last"] or steps > expected + 5:
            break
        page.evaluate("Reveal.next()")
    if steps != expected:
        problems.append(f"{tag}: walked {steps} steps, the deck has {expected}")
    return steps, problems


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_step_of_every_deck_fits(offline_decks: Path, browser: Any, artifacts_dir: Path,
                                       size: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  device_scale_factor=1)
    guard = OfflineGuard(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    start = time.monotonic()
    report, problems = {}, []
    try:
        for lesson in LESSONS:
            steps, found = _walk(page, offline_decks / f"{lesson.stem}.slides.html", size,
                                 artifacts_dir)
            failing = len({re.match(r".* step (\d+)", p).group(1)  # type: ignore[union-attr]
                           for p in found if " step " in p})
            report[lesson.stem] = {"steps": steps, "failing": failing}
            problems += found
    finally:
        context.close()
    (artifacts_dir / f"deck-walk-{size[0]}x{size[1]}.txt").write_text(
        json.dumps(report, indent=1) + "\n" + "\n".join(problems) + "\n", encoding="utf-8")
    print(f"\n[deck walk] {size[0]}x{size[1]}: {time.monotonic() - start:.1f} s, "
          f"{json.dumps(report)}\n[deck walk] screenshots in {artifacts_dir}")
    assert not guard.problems, guard.problems
    assert not errors, errors
    assert not problems, "\n".join(problems[:60]) + f"\n({len(problems)} problems)"
