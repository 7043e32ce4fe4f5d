// AttentionExplorer front end (anywidget ES module; no build step, no CDN).
//
// Scores, scaled scores and softmax weights are computed here on every pointer
// move; the kernel hears about the new vectors when the pointer is released or
// a tip is moved with the keyboard, and then recomputes them with
// lessons_lib.attention (the read-only traitlets scores / weights).
//
// render() builds the view once (build*; buildKeys again when the number of keys
// changes), then every change runs update(): draw* (arrows, labels, tips) and readout*
// (the table and the summary). A drag move writes only what changes and reads no layout.

import { argmax, scaledScores, scoresFor, softmax } from "./_attention.js";
import { fixed, stripZeros } from "./_format.js";
import { round, roundTo } from "./_geometry.js";
import { installKeyGuard } from "./_keys.js";
import { attachTip, drawArrow, gridPointer, htmlEl, placeArrowLabels, setAttr, setText, svgEl } from "./_shared.js";
const SIZE = 360;
const LABEL_PX = 14; // .ae-arrow .ae-label font-size in attention_explorer.css
const PAD = 22;
const SYNCED = ["query", "key_vectors", "tokens", "query_token", "scale", "temperature"];

function trimmed(x) {
  return stripZeros(fixed(x, 2));
}

// `w` is one rendered widget: { model, get, extent, dK, scale, state: { query, keys },
// view (the elements of build), arrows, handles, rows, tips (one per handle) }.
const X = (w, x) => SIZE / 2 + x * w.scale;
const Y = (w, y) => SIZE / 2 - y * w.scale;

// ------------------------------------------------------------------ build (once)

function buildHeader(root) {
  const header = htmlEl("div", { class: "ae-header" }, root);
  htmlEl("span", { class: "ae-title" }, header, "Attention explorer — drag the query and the keys");
  htmlEl("span", { class: "ae-hint" }, header,
    "(or Tab to a tip: arrow keys move 0.1, Shift+arrow 1)");
}

/** The SVG with its grid (−extent … extent, from Python) and the arrow and tip layers. */
function buildGrid(w, body) {
  const svg = svgEl("svg", {
    class: "ae-svg", viewBox: `0 0 ${SIZE} ${SIZE}`, role: "group", "data-testid": "svg",
    "aria-label": "Grid with the query vector and the key vectors drawn from the origin",
  }, body);
  svg.dataset.scale = String(w.scale);
  svg.dataset.size = String(SIZE);
  const grid = svgEl("g", { class: "ae-grid" }, svg);
  const [lo, hi] = [-w.extent, w.extent];
  const ticks = Math.floor(w.extent);
  for (let i = -ticks; i <= ticks; i += 1) {
    const cls = i === 0 ? "ae-axis" : "ae-gridline";
    svgEl("line", { class: cls, x1: X(w, i), y1: Y(w, lo), x2: X(w, i), y2: Y(w, hi) }, grid);
    svgEl("line", { class: cls, x1: X(w, lo), y1: Y(w, i), x2: X(w, hi), y2: Y(w, i) }, grid);
    if (i !== 0) {
      svgEl("text", { class: "ae-tick", x: X(w, i), y: Y(w, lo) + 14, "text-anchor": "middle" },
        grid).textContent = fixed(i, 0);
      svgEl("text", { class: "ae-tick", x: X(w, lo) + 2, y: Y(w, i) + 4 }, grid).textContent =
        fixed(i, 0);
    }
  }
  return { svg, arrowsLayer: svgEl("g", {}, svg), handlesLayer: svgEl("g", {}, svg) };
}

/** The scaling box and the temperature slider (its range from Python). */
function buildControls(w, panel) {
  const controls = htmlEl("div", { class: "ae-controls" }, panel);
  const scaleLabel = htmlEl("label", { class: "ae-control" }, controls);
  const scaleBox = htmlEl("input", { type: "checkbox", "data-testid": "scale" }, scaleLabel);
  scaleLabel.appendChild(document.createTextNode(` divide by √d_k = ${w.get("scale_label")}`));
  const tempLabel = htmlEl("label", { class: "ae-control" }, controls, "temperature ");
  const [tempMin, tempMax] = w.model.get("temperature_range") ?? [0.1, 10];
  const tempSlider = htmlEl("input", { type: "range", min: tempMin, max: tempMax, step: 0.1,
    "data-testid": "temperature", "aria-label": "softmax temperature" }, tempLabel);
  const tempValue = htmlEl("output", { class: "ae-temp-value" }, tempLabel);
  scaleBox.addEventListener("change", () => {
    w.model.set("scale", scaleBox.checked);
    w.model.save_changes();
  });
  tempSlider.addEventListener("input", () => {
    tempValue.textContent = fixed(Number(tempSlider.value), 1);
    update(w, Number(tempSlider.value));
  });
  tempSlider.addEventListener("change", () => {
    w.model.set("temperature", Number(tempSlider.value));
    w.model.save_changes();
  });
  return { scaleBox, tempSlider, tempValue };
}

/** The table of scores and weights (rows: buildKeys), the controls and the summary. */
function buildPanel(w, body) {
  const panel = htmlEl("div", { class: "ae-panel" }, body);
  const table = htmlEl("table", { class: "ae-table", "data-testid": "table" }, panel);
  const caption = htmlEl("caption", {}, table);
  const headRow = htmlEl("tr", {}, htmlEl("thead", {}, table));
  for (const t of ["key", "q·k", "scaled", "weight"]) htmlEl("th", { scope: "col" }, headRow, t);
  const tbody = htmlEl("tbody", {}, table);
  const controls = buildControls(w, panel);
  const summary = htmlEl("p", { class: "ae-summary", "data-testid": "summary",
    "aria-live": "polite" }, panel);
  return { caption, tbody, summary, ...controls };
}

/** The widget's fixed elements: header, grid, panel. */
function buildView(w, el) {
  const root = htmlEl("div", { class: "ae-root lp-frame" }, el);
  buildHeader(root);
  const body = htmlEl("div", { class: "ae-body" }, root);
  return { ...buildGrid(w, body), ...buildPanel(w, body) };
}

function makeArrow(w, cls) {
  const g = svgEl("g", { class: `ae-arrow ${cls}` }, w.view.arrowsLayer);
  return { g, shaft: svgEl("line", { class: "ae-shaft" }, g),
    head: svgEl("polygon", { class: "ae-head" }, g),
    label: svgEl("text", { class: "ae-label" }, g) };
}

/** One draggable tip: a round one for the query, a square for a key. */
function makeHandle(w, name, i) {
  const isQuery = name === "query";
  const h = svgEl("g", { class: `ae-handle ${isQuery ? "ae-query" : `ae-key ae-key-${i}`}`,
    tabindex: 0, role: "button", "aria-roledescription": "draggable vector tip",
    "data-testid": `handle-${name}` }, w.view.handlesLayer);
  svgEl("circle", { class: "ae-focus", r: 14 }, h);
  if (isQuery) svgEl("circle", { class: "ae-marker", r: 7 }, h);
  // a key's square is wider than the query's dot: with the query on a key, its corners show
  else svgEl("rect", { class: "ae-marker", x: -7.5, y: -7.5, width: 15, height: 15 }, h);
  svgEl("circle", { class: "ae-hit", r: 20 }, h);
  attach(w, h, isQuery ? "query" : i);
  return h;
}

function makeRow(w, token, i) {
  const tr = htmlEl("tr", { class: `ae-key-${i}`, "data-testid": `row-${i}` }, w.view.tbody);
  htmlEl("th", { scope: "row" }, tr, token);
  const raw = htmlEl("td", { "data-testid": `score-${i}` }, tr);
  const scaled = htmlEl("td", { "data-testid": `scaled-${i}` }, tr);
  const wcell = htmlEl("td", { class: "ae-weight" }, tr);
  const bar = htmlEl("span", { class: "ae-bar" }, wcell);
  const value = htmlEl("span", { class: "ae-weight-value", "data-testid": `weight-${i}` }, wcell);
  return { tr, raw, scaled, bar, value };
}

/** The arrows, tips and table rows of the keys and the query (again when keys change). */
function buildKeys(w) {
  w.view.arrowsLayer.replaceChildren();
  w.view.handlesLayer.replaceChildren();
  w.view.tbody.replaceChildren();
  w.tips = [];
  w.arrows = w.state.keys.map((_k, i) => makeArrow(w, `ae-key ae-key-${i}`));
  w.arrows.push(makeArrow(w, "ae-query"));
  const names = [...w.state.keys.map((_k, i) => `key-${i}`), "query"];
  w.handles = names.map((name, i) => makeHandle(w, name, i));
  w.rows = w.get("tokens").map((token, i) => makeRow(w, token, i));
}

// ------------------------------------------------------------------ draw (every move)

function vectorOf(w, which) {
  return which === "query" ? w.state.query : w.state.keys[which];
}

function placeArrow(w, arrow, to, text) {
  const tip = [X(w, to[0]), Y(w, to[1])];
  if (drawArrow(arrow, [X(w, 0), Y(w, 0)], tip, true, { headMax: 12, minLength: 1 })) {
    setText(arrow.label, text);
  }
}

/** Put every visible label beside its tip, clear of the other labels and the handles. */
function placeAllLabels(w) {
  const vectors = [...w.state.keys, w.state.query];
  const origin = [X(w, 0), Y(w, 0)];
  const entries = [];
  for (let i = vectors.length - 1; i >= 0; i -= 1) { // the query first: its label matters most
    const arrow = w.arrows[i];
    if (arrow.visible) {
      entries.push({ label: arrow.label, tip: [X(w, vectors[i][0]), Y(w, vectors[i][1])], origin });
    }
  }
  const markers = vectors.map((v) => ({ x: X(w, v[0]), y: Y(w, v[1]), r: 10 }));
  placeArrowLabels(entries, markers, SIZE, LABEL_PX);
}

/** The tips: where they are and, when no drag is on, what a screen reader says. */
function drawTips(w, tokens) {
  const dragging = w.tips.some((t) => t.isDragging());
  w.handles.forEach((h, i) => {
    const which = i === w.handles.length - 1 ? "query" : i;
    const [x, y] = vectorOf(w, which);
    setAttr(h, "transform", `translate(${X(w, x)},${Y(w, y)})`);
    const name = which === "query" ? `query of ${w.get("query_token")}` : `key of ${tokens[i]}`;
    // what a screen reader says: once the tip is let go, not on every move of a drag
    if (!dragging) setAttr(h, "aria-label", `${name}, at ${trimmed(x)}, ${trimmed(y)}`);
    setAttr(h, "data-x", x);
    setAttr(h, "data-y", y);
  });
}

/** The arrows, their labels and the draggable tips. */
function draw(w) {
  const tokens = w.get("tokens");
  w.state.keys.forEach((k, i) => placeArrow(w, w.arrows[i], k, tokens[i] ?? ""));
  placeArrow(w, w.arrows[w.arrows.length - 1], w.state.query, `q (${w.get("query_token")})`);
  placeAllLabels(w);
  drawTips(w, tokens);
}

// ------------------------------------------------------------------ readout (every move)

/** The rows of scores, scaled scores and weights; the best key's row is marked. */
function readoutTable(w, raw, scaled, weights, best) {
  w.rows.forEach((r, i) => {
    setText(r.raw, fixed(raw[i], 2));
    setText(r.scaled, fixed(scaled[i], 2));
    setText(r.value, fixed(weights[i], 2));
    const width = `${Math.round(weights[i] * 100)}%`;
    if (r.width !== width) {
      r.width = width;
      r.bar.style.width = width;
    }
    r.tr.classList.toggle("ae-best", i === best);
  });
}

/** The table, the caption, the controls and the summary sentence. */
function readout(w, temperatureOverride) {
  const { caption, scaleBox, tempSlider, tempValue, summary } = w.view;
  const tokens = w.get("tokens");
  const useScale = w.get("scale");
  const temperature = temperatureOverride ?? w.get("temperature");
  const raw = scoresFor(w.state.query, w.state.keys);
  const scaled = scaledScores(raw, w.dK, useScale);
  const weights = softmax(scaled, temperature);
  const best = argmax(weights);
  readoutTable(w, raw, scaled, weights, best);
  const [qx, qy] = w.state.query;
  setText(caption, `query: ${w.get("query_token")} = [${trimmed(qx)}, ${trimmed(qy)}]`);
  scaleBox.checked = useScale;
  if (temperatureOverride === null) {
    if (tempSlider.value !== String(temperature)) tempSlider.value = String(temperature);
    setText(tempValue, fixed(temperature, 1));
  }
  setText(summary, `${w.get("query_token")} attends most to "${tokens[best]}" `
    + `(weight ${fixed(weights[best], 2)}); the weights sum to 1.`);
  setAttr(summary, "data-best", tokens[best] ?? "");
}

/** Redraw from `state`: the drawing, then the numbers beside it. */
function update(w, temperatureOverride = null) {
  draw(w);
  readout(w, temperatureOverride);
}

// ------------------------------------------------------------------ pointer, keys, Python

function commit(w, which) {
  if (which === "query") w.model.set("query", [...w.state.query]);
  else w.model.set("key_vectors", w.state.keys.map((k) => [...k]));
  w.model.save_changes();
}

function setVector(w, which, v) {
  const clamp = (x) => Math.max(-w.extent, Math.min(w.extent, x));
  const next = [clamp(roundTo(round(v[0], 0.1), 1)), clamp(roundTo(round(v[1], 0.1), 1))];
  if (which === "query") w.state.query = next;
  else w.state.keys[which] = next;
}

function attach(w, h, which) {
  w.tips.push(attachTip(h, {
    pointer: w.pointer,
    current: () => vectorOf(w, which),
    onDrag(target) {
      setVector(w, which, target);
      update(w);
    },
    onKey([dx, dy], shift) {
      const step = shift ? 1 : 0.1;
      const v = vectorOf(w, which);
      setVector(w, which, [v[0] + dx * step, v[1] + dy * step]);
      update(w);
    },
    onRelease: () => {
      commit(w, which);
      update(w); // the tip's spoken label, skipped during the drag
    },
    onStart: () => placeAllLabels(w), // measure the text once
    draggingClass: "ae-dragging",
  }));
}

function syncFromModel(w) {
  if (w.tips.some((t) => t.isDragging())) return;
  const count = w.state.keys.length;
  w.state.query = [...w.get("query")];
  w.state.keys = w.get("key_vectors").map((k) => [...k]);
  if (w.state.keys.length !== count || w.rows.length !== w.get("tokens").length) buildKeys(w);
  update(w);
}

function render({ model, el }) {
  installKeyGuard(el); // keys on the tips, boxes and slider stay with the widget
  const get = (k) => model.get(k);
  // The drawing's limits come from Python (AttentionExplorer.extent, .d_k), which refuses a
  // vector outside them: one rule, one home.
  const extent = get("extent");
  const w = { model, get, extent, dK: get("d_k"), scale: (SIZE - 2 * PAD) / (2 * extent),
    state: { query: [...get("query")], keys: get("key_vectors").map((k) => [...k]) },
    arrows: [], handles: [], rows: [], tips: [] };
  w.view = buildView(w, el);
  w.pointer = gridPointer(w.view.svg, SIZE, () => w.scale);
  const sync = () => syncFromModel(w);
  for (const k of SYNCED) model.on(`change:${k}`, sync);
  buildKeys(w);
  update(w);
  return () => {
    for (const k of SYNCED) model.off(`change:${k}`, sync);
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
