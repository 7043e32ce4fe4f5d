// Makes the ipywidgets controls of one output usable with a screen reader.
//
// ipywidgets 8 draws a slider's handle as <div role="slider"> without a name, so a
// screen reader says only "slider, 0.8" (axe: aria-input-field-name), and an HTML
// widget's text is replaced silently when it changes. An AccessibleControls widget placed
// in the same output (NeuronWidget, MatVecWidget) fixes both, now and whenever the
// controls are redrawn:
//   * each slider's handle gets its visible description ("w1", "x2") as its name;
//   * each widget with the class "ll-live" (a readout) becomes a polite live region, so
//     the new result is read out after a slider moves;
//   * keys pressed on any widget control stay with it (_keys.js).

import { installKeyGuard } from "./_keys.js";

/** Name every slider handle under `scope` after its slider's label. */
export function nameSliders(scope) {
  for (const slider of scope.querySelectorAll(".widget-slider")) {
    const label = slider.querySelector(".widget-label");
    const handle = slider.querySelector("[role='slider']");
    const text = label ? label.textContent.trim() : "";
    if (handle && text && handle.getAttribute("aria-label") !== text) {
      handle.setAttribute("aria-label", text);
    }
  }
}

/** Make every ".ll-live" element under `scope` a polite live region. */
export function liveReadouts(scope) {
  for (const readout of scope.querySelectorAll(".ll-live")) {
    if (readout.getAttribute("aria-live") !== "polite") readout.setAttribute("aria-live", "polite");
  }
}

function render({ el }) {
  installKeyGuard();
  el.hidden = true;
  const scope = el.closest(".jp-OutputArea-output, .widget-subarea, .output_subarea")
    || el.parentElement || document.body;
  const apply = () => {
    nameSliders(scope);
    liveReadouts(scope);
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(scope, { childList: true, subtree: true });
  return () => observer.disconnect();
}

export default { render };
