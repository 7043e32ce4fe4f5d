// AttentionExplorer front end (anywidget ES module; no build step, no CDN).
//
// Scores, scaled scores and softmax weights are computed here on every pointer
// move; the kernel hears about the new vectors when the pointer is released or
// a tip is moved with the keyboard, and then recomputes them with
// lessons_lib.attention (the read-only traitlets scores / weights).

import { argmax, scaledScores, scoresFor, softmax } from "./_attention.js";
import { fixed, stripZeros } from "./_format.js";
import { round, roundTo } from "./_geometry.js";
import { installKeyGuard } from "./_keys.js";
import { attachTip, drawArrow, gridPointer, htmlEl, placeArrowLabels, setText, svgEl } from "./_shared.js";
const SIZE = 360;
const LABEL_PX = 14; // .ae-arrow .ae-label font-size in attention_explorer.css
const PAD = 22;

function trimmed(x) {
  return stripZeros(fixed(x, 2));
}

function render({ model, el }) {
  installKeyGuard(el); // keys on the tips, boxes and slider stay with the widget
  const get = (k) => model.get(k);
  const state = { query: [...get("query")], keys: get("key_vectors").map((k) => [...k]) };
  let tips = []; // one draggable tip per handle (attachTip, _shared.js)
  // The drawing's limits come from Python (AttentionExplorer.extent, .d_k), which refuses a
  // vector outside them: one rule, one home.
  const EXTENT = get("extent");
  const D_K = get("d_k");
  const clamp = (x) => Math.max(-EXTENT, Math.min(EXTENT, x));
  const scale = (SIZE - 2 * PAD) / (2 * EXTENT);
  const X = (x) => SIZE / 2 + x * scale;
  const Y = (y) => SIZE / 2 - y * scale;

  const root = htmlEl("div", { class: "ae-root" }, el);
  const header = htmlEl("div", { class: "ae-header" }, root);
  htmlEl("span", { class: "ae-title" }, header, "Attention explorer — drag the query and the keys");
  htmlEl("span", { class: "ae-hint" }, header,
    "(or Tab to a tip: arrow keys move 0.1, Shift+arrow 1)");
  const body = htmlEl("div", { class: "ae-body" }, root);

  const svg = svgEl("svg", {
    class: "ae-svg", viewBox: `0 0 ${SIZE} ${SIZE}`, role: "group", "data-testid": "svg",
    "aria-label": "Grid with the query vector and the key vectors drawn from the origin",
  }, body);
  svg.dataset.scale = String(scale);
  const pointer = gridPointer(svg, SIZE, () => scale);
  svg.dataset.size = String(SIZE);
  const grid = svgEl("g", { class: "ae-grid" }, svg);
  const ticks = Math.floor(EXTENT);
  for (let i = -ticks; i <= ticks; i += 1) {
    const cls = i === 0 ? "ae-axis" : "ae-gridline";
    svgEl("line", { class: cls, x1: X(i), y1: Y(-EXTENT), x2: X(i), y2: Y(EXTENT) }, grid);
    svgEl("line", { class: cls, x1: X(-EXTENT), y1: Y(i), x2: X(EXTENT), y2: Y(i) }, grid);
    if (i !== 0) {
      svgEl("text", { class: "ae-tick", x: X(i), y: Y(-EXTENT) + 14, "text-anchor": "middle" },
        grid).textContent = fixed(i, 0);
      svgEl("text", { class: "ae-tick", x: X(-EXTENT) + 2, y: Y(i) + 4 }, grid).textContent =
        fixed(i, 0);
    }
  }
  const arrowsLayer = svgEl("g", {}, svg);
  const handlesLayer = svgEl("g", {}, svg);

  const panel = htmlEl("div", { class: "ae-panel" }, body);
  const table = htmlEl("table", { class: "ae-table", "data-testid": "table" }, panel);
  const caption = htmlEl("caption", {}, table);
  const thead = htmlEl("thead", {}, table);
  const headRow = htmlEl("tr", {}, thead);
  for (const t of ["key", "q·k", "scaled", "weight"]) htmlEl("th", { scope: "col" }, headRow, t);
  const tbody = htmlEl("tbody", {}, table);
  const controls = htmlEl("div", { class: "ae-controls" }, panel);
  const scaleLabel = htmlEl("label", { class: "ae-control" }, controls);
  const scaleBox = htmlEl("input", { type: "checkbox", "data-testid": "scale" }, scaleLabel);
  scaleLabel.appendChild(document.createTextNode(` divide by √d_k = ${get("scale_label")}`));
  const tempLabel = htmlEl("label", { class: "ae-control" }, controls, "temperature ");
  // The range comes from Python (AttentionExplorer.temperature_range): one rule, one home.
  const [tempMin, tempMax] = model.get("temperature_range") ?? [0.1, 10];
  const tempSlider = htmlEl("input", { type: "range", min: tempMin, max: tempMax, step: 0.1,
    "data-testid": "temperature", "aria-label": "softmax temperature" }, tempLabel);
  const tempValue = htmlEl("output", { class: "ae-temp-value" }, tempLabel);
  const summary = htmlEl("p", { class: "ae-summary", "data-testid": "summary",
    "aria-live": "polite" }, panel);

  scaleBox.addEventListener("change", () => {
    model.set("scale", scaleBox.checked);
    model.save_changes();
  });
  tempSlider.addEventListener("input", () => {
    tempValue.textContent = fixed(Number(tempSlider.value), 1);
    update(Number(tempSlider.value));
  });
  tempSlider.addEventListener("change", () => {
    model.set("temperature", Number(tempSlider.value));
    model.save_changes();
  });

  let arrows = [];
  let handles = [];
  let rows = [];

  function makeArrow(cls) {
    const g = svgEl("g", { class: `ae-arrow ${cls}` }, arrowsLayer);
    return { g, shaft: svgEl("line", { class: "ae-shaft" }, g),
      head: svgEl("polygon", { class: "ae-head" }, g),
      label: svgEl("text", { class: "ae-label" }, g) };
  }

  function placeArrow(arrow, to, text) {
    if (drawArrow(arrow, [X(0), Y(0)], [X(to[0]), Y(to[1])], true, { headMax: 12, minLength: 1 })) {
      setText(arrow.label, text);
    }
  }

  /** Put every visible label beside its tip, clear of the other labels and the handles. */
  function placeAllLabels(vectors) {
    const entries = arrows.map((arrow, i) => ({ arrow, v: vectors[i] }))
      .filter(({ arrow }) => arrow.g.getAttribute("visibility") !== "hidden")
      .reverse() // the query first: its label matters most
      .map(({ arrow, v }) => ({ label: arrow.label, tip: [X(v[0]), Y(v[1])], origin: [X(0), Y(0)] }));
    const markers = vectors.map((v) => ({ x: X(v[0]), y: Y(v[1]), r: 10 }));
    placeArrowLabels(entries, markers, SIZE, LABEL_PX);
  }

  function build() {
    arrowsLayer.replaceChildren();
    handlesLayer.replaceChildren();
    tips = [];
    tbody.replaceChildren();
    const tokens = get("tokens");
    arrows = state.keys.map((_k, i) => makeArrow(`ae-key ae-key-${i}`));
    arrows.push(makeArrow("ae-query"));
    const names = [...state.keys.map((_k, i) => `key-${i}`), "query"];
    handles = names.map((name, i) => {
      const isQuery = name === "query";
      const h = svgEl("g", { class: `ae-handle ${isQuery ? "ae-query" : `ae-key ae-key-${i}`}`,
        tabindex: 0, role: "button", "aria-roledescription": "draggable vector tip",
        "data-testid": `handle-${name}` }, handlesLayer);
      svgEl("circle", { class: "ae-focus", r: 14 }, h);
      if (isQuery) svgEl("circle", { class: "ae-marker", r: 7 }, h);
      // a key's square is wider than the query's dot: with the query on a key, its corners show
      else svgEl("rect", { class: "ae-marker", x: -7.5, y: -7.5, width: 15, height: 15 }, h);
      svgEl("circle", { class: "ae-hit", r: 20 }, h);
      attach(h, isQuery ? "query" : i);
      return h;
    });
    rows = tokens.map((token, i) => {
      const tr = htmlEl("tr", { class: `ae-key-${i}`, "data-testid": `row-${i}` }, tbody);
      htmlEl("th", { scope: "row" }, tr, token);
      const raw = htmlEl("td", { "data-testid": `score-${i}` }, tr);
      const scaled = htmlEl("td", { "data-testid": `scaled-${i}` }, tr);
      const wcell = htmlEl("td", { class: "ae-weight" }, tr);
      const bar = htmlEl("span", { class: "ae-bar" }, wcell);
      const value = htmlEl("span", { class: "ae-weight-value", "data-testid": `weight-${i}` },
        wcell);
      return { raw, scaled, bar, value };
    });
  }

  function vectorOf(which) {
    return which === "query" ? state.query : state.keys[which];
  }

  /** Redraw from `state`: the drawing, then the numbers beside it. */
  function update(temperatureOverride = null) {
    draw();
    readout(temperatureOverride);
  }

  /** The arrows, their labels and the draggable tips. */
  function draw() {
    const tokens = get("tokens");
    const dragging = tips.some((t) => t.isDragging());
    state.keys.forEach((k, i) => placeArrow(arrows[i], k, tokens[i] ?? ""));
    placeArrow(arrows[arrows.length - 1], state.query, `q (${get("query_token")})`);
    placeAllLabels([...state.keys, state.query]);
    handles.forEach((h, i) => {
      const which = i === handles.length - 1 ? "query" : i;
      const v = vectorOf(which);
      h.setAttribute("transform", `translate(${X(v[0])},${Y(v[1])})`);
      const name = which === "query" ? `query of ${get("query_token")}` : `key of ${tokens[i]}`;
      // what a screen reader says: once the tip is let go, not on every move of a drag
      if (!dragging) h.setAttribute("aria-label", `${name}, at ${trimmed(v[0])}, ${trimmed(v[1])}`);
      h.dataset.x = String(v[0]);
      h.dataset.y = String(v[1]);
    });
  }

  /** The table of scores and weights, the caption, the controls and the summary. */
  function readout(temperatureOverride) {
    const tokens = get("tokens");
    const useScale = get("scale");
    const temperature = temperatureOverride ?? get("temperature");
    const raw = scoresFor(state.query, state.keys);
    const scaled = scaledScores(raw, D_K, useScale);
    const weights = softmax(scaled, temperature);
    const best = argmax(weights);
    rows.forEach((r, i) => {
      setText(r.raw, fixed(raw[i], 2));
      setText(r.scaled, fixed(scaled[i], 2));
      setText(r.value, fixed(weights[i], 2));
      r.bar.style.width = `${Math.round(weights[i] * 100)}%`;
      r.bar.parentElement.parentElement.classList.toggle("ae-best", i === best);
    });
    setText(caption, `query: ${get("query_token")} = [${trimmed(state.query[0])}, `
      + `${trimmed(state.query[1])}]`);
    scaleBox.checked = useScale;
    if (temperatureOverride === null) {
      if (tempSlider.value !== String(temperature)) tempSlider.value = String(temperature);
      setText(tempValue, fixed(temperature, 1));
    }
    setText(summary, `${get("query_token")} attends most to "${tokens[best]}" `
      + `(weight ${fixed(weights[best], 2)}); the weights sum to 1.`);
    summary.dataset.best = tokens[best] ?? "";
  }

  function commit(which) {
    if (which === "query") model.set("query", [...state.query]);
    else model.set("key_vectors", state.keys.map((k) => [...k]));
    model.save_changes();
  }


  function setVector(which, v) {
    const next = [clamp(roundTo(round(v[0], 0.1), 1)), clamp(roundTo(round(v[1], 0.1), 1))];
    if (which === "query") state.query = next;
    else state.keys[which] = next;
  }

  function attach(h, which) {
    tips.push(attachTip(h, {
      pointer,
      current: () => vectorOf(which),
      onDrag(target) {
        setVector(which, target);
        update();
      },
      onKey([dx, dy], shift) {
        const step = shift ? 1 : 0.1;
        const v = vectorOf(which);
        setVector(which, [v[0] + dx * step, v[1] + dy * step]);
        update();
      },
      onRelease: () => {
        commit(which);
        update(); // the tip's spoken label, skipped during the drag
      },
      onStart: () => placeAllLabels([...state.keys, state.query]), // measure the text once
      draggingClass: "ae-dragging",
    }));
  }

  function syncFromModel() {
    if (tips.some((t) => t.isDragging())) return;
    const count = state.keys.length;
    state.query = [...get("query")];
    state.keys = get("key_vectors").map((k) => [...k]);
    if (state.keys.length !== count || rows.length !== get("tokens").length) build();
    update();
  }

  const names = ["query", "key_vectors", "tokens", "query_token", "scale", "temperature"];
  for (const k of names) model.on(`change:${k}`, syncFromModel);
  build();
  update();
  return () => {
    for (const k of names) model.off(`change:${k}`, syncFromModel);
  };
}

/** The explorer; new drawing limits (Python set `extent`) rebuild the view from scratch. */
function renderWithLimits({ model, el }) {
  let stop = render({ model, el });
  const rebuild = () => {
    stop();
    el.replaceChildren();
    stop = render({ model, el });
  };
  model.on("change:extent", rebuild);
  return () => {
    model.off("change:extent", rebuild);
    stop();
  };
}

export default { render: renderWithLimits };
