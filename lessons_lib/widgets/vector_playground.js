// VectorPlayground front end (anywidget ES module; no build step, no CDN).
//
// The readouts are computed here, in the browser, on every pointer move: the
// kernel is only told about the new vectors when the pointer is released or a
// tip is moved with the keyboard. Number formatting mirrors
// lessons_lib.formatting.format_number / lessons_lib.working.dot_working.
//
// render() builds the view once (build*), then every change runs update(): draw*
// (arrows, guides, tips) and readout* (the numbers). A drag move writes only the
// attributes and texts that change (setAttr / setText, _shared.js) and reads no layout.

import { dotWorking, fixed, formatNumber, formatVector } from "./_format.js";
import { angleDeg, dotp, isZero, len, round, roundTo, signMessage, unit } from "./_geometry.js";
import { installKeyGuard } from "./_keys.js";
import { attachTip, drawArrow, gridPointer, htmlEl, placeArrowLabels, setAttr, setText, svgEl } from "./_shared.js";

const SIZE = 400; // viewBox width and height
const PAD = 26; // room for tick labels around the grid
const LABEL_ORDER = ["a", "b", "sum", "double", "ua", "ub"]; // most important first
const SYNCED = ["a", "b", "snap", "show_projection", "show_sum", "show_double", "normalise",
  "lock_lengths", "large_text", "show_b", "show_dot", "grid"];

function zeroNames(a, b) {
  const names = [];
  if (isZero(a)) names.push("a");
  if (isZero(b)) names.push("b");
  return names;
}

function undefinedText(names) {
  return `undefined — ${names.join(" and ")} ${names.length === 1 ? "has" : "have"} zero length`;
}

// ------------------------------------------------------------------ build (once)

/** An arrow: a shaft (line), a head (polygon) and a label inside a <g class=cls>. */
function makeArrow(parent, cls) {
  const g = svgEl("g", { class: `vp-arrow ${cls}` }, parent);
  const shaft = svgEl("line", { class: "vp-shaft" }, g);
  const head = svgEl("polygon", { class: "vp-head" }, g);
  const label = svgEl("text", { class: "vp-label" }, g);
  return { g, shaft, head, label };
}

function readoutRow(parent, label, testid) {
  const row = htmlEl("div", { class: `vp-row vp-row-${testid}` }, parent);
  const name = htmlEl("span", { class: "vp-name" }, row, label);
  const value = htmlEl("span", { class: "vp-value", "data-testid": testid }, row, "");
  return { row, name, value };
}

function buildHeader(root) {
  const header = htmlEl("div", { class: "vp-header" }, root);
  htmlEl("span", { class: "vp-title" }, header, "Dot product — drag the vector tips");
  htmlEl("span", { class: "vp-hint" }, header, "(or focus a tip and use the arrow keys)");
}

/** The SVG: grid layer, guide lines, the arrows (drawn back to front) and the origin. */
function buildDrawing(body) {
  const svg = svgEl("svg", {
    class: "vp-svg",
    viewBox: `0 0 ${SIZE} ${SIZE}`,
    role: "group",
    "data-testid": "svg",
    "aria-label": "Grid with the vectors a and b drawn from the origin",
  }, body);
  const gridLayer = svgEl("g", { class: "vp-grid" }, svg);
  const unitCircle = svgEl("circle", { class: "vp-unit-circle" }, svg);
  const paraA = svgEl("line", { class: "vp-para" }, svg);
  const paraB = svgEl("line", { class: "vp-para" }, svg);
  const drop = svgEl("line", { class: "vp-drop" }, svg);
  const arrows = {
    double: makeArrow(svg, "vp-double"),
    sum: makeArrow(svg, "vp-sum"),
    proj: makeArrow(svg, "vp-proj"),
    b: makeArrow(svg, "vp-b"),
    a: makeArrow(svg, "vp-a"),
    ua: makeArrow(svg, "vp-a vp-unitvec"),
    ub: makeArrow(svg, "vp-b vp-unitvec"),
  };
  const origin = svgEl("circle", { class: "vp-origin", r: 3 }, svg);
  return { svg, gridLayer, unitCircle, paraA, paraB, drop, arrows, origin,
    handles: buildHandles(svg) };
}

/** The draggable tips: a round one for a, a diamond for b (shape, not only colour). */
function buildHandles(svg) {
  const handles = {};
  for (const which of ["b", "a"]) {
    const h = svgEl("g", {
      class: `vp-handle vp-handle-${which}`,
      tabindex: 0,
      role: "button",
      "aria-roledescription": "draggable vector tip",
      "data-testid": `handle-${which}`,
      "data-vector": which,
    }, svg);
    svgEl("circle", { class: "vp-focus", r: 15 }, h);
    if (which === "a") svgEl("circle", { class: "vp-marker", r: 7 }, h);
    else svgEl("rect", { class: "vp-marker", x: -6, y: -6, width: 12, height: 12,
      transform: "rotate(45)" }, h);
    svgEl("circle", { class: "vp-hit", r: 22 }, h);
    handles[which] = h;
  }
  return handles;
}

function buildReadouts(body) {
  const panel = htmlEl("div", { class: "vp-readouts" }, body);
  const rows = {
    a: readoutRow(panel, "a", "a"),
    b: readoutRow(panel, "b", "b"),
    dot: readoutRow(panel, "a · b", "dot"),
  };
  const working = htmlEl("div", { class: "vp-working", "data-testid": "working" }, panel);
  rows.normA = readoutRow(panel, "‖a‖", "norm-a");
  rows.normB = readoutRow(panel, "‖b‖", "norm-b");
  rows.angle = readoutRow(panel, "angle θ", "angle");
  rows.cos = readoutRow(panel, "cos θ", "cos");
  rows.proj = readoutRow(panel, "‖a‖ cos θ", "projection");
  rows.sum = readoutRow(panel, "a + b", "sum");
  rows.double = readoutRow(panel, "2a", "double");
  const sign = htmlEl("p", { class: "vp-sign", "data-testid": "sign", "aria-live": "polite" },
    panel);
  return { rows, working, sign };
}

/** The options' check boxes; the list comes from Python (VectorPlayground.OPTIONS). */
function buildOptions(root, model) {
  const options = htmlEl("details", { class: "vp-options" }, root);
  htmlEl("summary", {}, options, "Options");
  const boxes = {};
  const OPTIONS = model.get("options");
  for (const [key, text] of OPTIONS) {
    const label = htmlEl("label", { class: "vp-option" }, options);
    const box = htmlEl("input", { type: "checkbox", "data-testid": `option-${key}` }, label);
    label.appendChild(document.createTextNode(` ${text}`));
    box.addEventListener("change", () => {
      model.set(key, box.checked);
      model.save_changes();
    });
    boxes[key] = box;
  }
  return { boxes, OPTIONS };
}

/** The widget's elements, built once: header, drawing, tips, readouts, options. */
function build(el, model) {
  const root = htmlEl("div", { class: "vp-root lp-frame" }, el);
  buildHeader(root);
  const body = htmlEl("div", { class: "vp-body" }, root);
  return { root, ...buildDrawing(body), ...buildReadouts(body), ...buildOptions(root, model) };
}

// ------------------------------------------------------------------ coordinates
// `w` is one rendered widget: { model, get, view, state: { a, b }, extent, scale, tips }.

const X = (w, x) => SIZE / 2 + x * w.scale;
const Y = (w, y) => SIZE / 2 - y * w.scale;

function computeExtent(w) {
  const { a, b } = w.state;
  const vs = [a, b];
  if (w.get("show_sum")) vs.push([a[0] + b[0], a[1] + b[1]]);
  if (w.get("show_double")) vs.push([2 * a[0], 2 * a[1]]);
  let m = 0;
  for (const v of vs) m = Math.max(m, Math.abs(v[0]), Math.abs(v[1]));
  return Math.max(Math.round(w.get("grid")) || 4, Math.ceil(m - 1e-9));
}

/** The grid for the current extent (it grows with the vectors), its ticks and axis names. */
function drawGrid(w) {
  const { svg, gridLayer: layer, origin } = w.view;
  const extent = computeExtent(w);
  w.extent = extent;
  w.scale = (SIZE - 2 * PAD) / (2 * extent);
  svg.dataset.extent = String(extent);
  svg.dataset.scale = String(w.scale);
  layer.replaceChildren();
  const step = extent <= 6 ? 1 : extent <= 12 ? 2 : 5;
  const [lo, hi] = [-extent, extent];
  for (let i = lo; i <= hi; i += 1) {
    const axis = i === 0;
    const cls = axis ? "vp-axis" : i % step === 0 ? "vp-gridline" : "vp-gridline vp-minor";
    svgEl("line", { class: cls, x1: X(w, i), y1: Y(w, lo), x2: X(w, i), y2: Y(w, hi) }, layer);
    svgEl("line", { class: cls, x1: X(w, lo), y1: Y(w, i), x2: X(w, hi), y2: Y(w, i) }, layer);
    if (i % step === 0 && !axis) {
      const t = formatNumber(i);
      svgEl("text", { class: "vp-tick", x: X(w, i), y: Y(w, lo) + 16, "text-anchor": "middle" },
        layer).textContent = t;
      svgEl("text", { class: "vp-tick", x: X(w, lo) - 6, y: Y(w, i) + 4, "text-anchor": "end" },
        layer).textContent = t;
    }
  }
  svgEl("text", { class: "vp-axis-label", x: X(w, hi) - 4, y: Y(w, 0) - 6, "text-anchor": "end" },
    layer).textContent = "x";
  svgEl("text", { class: "vp-axis-label", x: X(w, 0) + 6, y: Y(w, hi) + 14 },
    layer).textContent = "y";
  origin.setAttribute("cx", X(w, 0));
  origin.setAttribute("cy", Y(w, 0));
}

// ------------------------------------------------------------------ draw (every move)

/** An arrow from the origin to `to` (grid units); its label is placed by placeLabels. */
function placeArrow(w, arrow, to, text, visible = true, inset = 0) {
  const origin = [X(w, 0), Y(w, 0)];
  const tip = [X(w, to[0]), Y(w, to[1])];
  if (!drawArrow(arrow, origin, tip, visible, { headMax: 14, minLength: 0.5, inset })) return;
  arrow.tip = tip;
  arrow.origin = origin;
  arrow.text = text;
  setText(arrow.label, text);
}

/** Every visible label beside its tip: never overlapping, never over a handle. */
function placeLabels(w) {
  const { arrows, root } = w.view;
  const entries = [];
  for (const k of LABEL_ORDER) {
    const arrow = arrows[k];
    if (arrow.visible && arrow.text) {
      entries.push({ label: arrow.label, tip: arrow.tip, origin: arrow.origin });
    }
  }
  const markers = [{ x: X(w, w.state.a[0]), y: Y(w, w.state.a[1]), r: 11 }];
  if (w.get("show_b")) markers.push({ x: X(w, w.state.b[0]), y: Y(w, w.state.b[1]), r: 11 });
  const fontPx = root.classList.contains("vp-large") ? 24 : 17; // --vp-label-size
  placeArrowLabels(entries, markers, SIZE, fontPx);
}

/** What update() derives from the state once, for draw and readout. */
function derive(w) {
  const { a, b } = w.state;
  const showB = w.get("show_b");
  const k = isZero(b) ? 0 : dotp(a, b) / dotp(b, b);
  return { ua: unit(a), ub: unit(b), sum: [a[0] + b[0], a[1] + b[1]], dbl: [2 * a[0], 2 * a[1]],
    proj: [k * b[0], k * b[1]], showB, norm: w.get("normalise"),
    showSum: w.get("show_sum") && showB, projOn: w.get("show_projection") && showB };
}

function drawArrows(w, { ua, ub, sum, dbl, proj, showB, norm, showSum, projOn }) {
  const { arrows } = w.view;
  const { a, b } = w.state;
  placeArrow(w, arrows.a, a, "a", true, 8);
  placeArrow(w, arrows.b, b, "b", showB, 9);
  placeArrow(w, arrows.ua, ua, "â", norm);
  placeArrow(w, arrows.ub, ub, "b̂", norm && showB);
  placeArrow(w, arrows.double, dbl, "2a", w.get("show_double"));
  placeArrow(w, arrows.sum, sum, "a+b", showSum);
  placeArrow(w, arrows.proj, proj, "", projOn && !isZero(b));
  placeLabels(w);
}

/** A guide line from → to (grid units); a hidden one keeps its old place. */
function placeLine(w, line, from, to, visible) {
  setAttr(line, "visibility", visible ? "visible" : "hidden");
  if (!visible) return;
  setAttr(line, "x1", X(w, from[0]));
  setAttr(line, "y1", Y(w, from[1]));
  setAttr(line, "x2", X(w, to[0]));
  setAttr(line, "y2", Y(w, to[1]));
}

/** The parallelogram's sides, the projection's drop line and the unit circle. */
function drawGuides(w, { sum, proj, norm, showSum, projOn }) {
  const { paraA, paraB, drop, unitCircle } = w.view;
  const { a, b } = w.state;
  placeLine(w, paraA, a, sum, showSum);
  placeLine(w, paraB, b, sum, showSum);
  placeLine(w, drop, a, proj, projOn && !isZero(b));
  setAttr(unitCircle, "cx", X(w, 0));
  setAttr(unitCircle, "cy", Y(w, 0));
  setAttr(unitCircle, "r", w.scale);
  setAttr(unitCircle, "visibility", norm ? "visible" : "hidden");
}

function ariaLabel(w, which) {
  const v = w.state[which].map((x) => formatNumber(x, 2, true)).join(", ");
  const keys = w.get("lock_lengths")
    ? "arrow keys turn it, length stays fixed"
    : "arrow keys move 0.1, shift+arrow 1";
  return `tip of vector ${which}, at ${v}; ${keys}`;
}

/** The draggable tips: where they are, what a screen reader says, b's visibility. */
function drawHandles(w, { showB }) {
  const { handles } = w.view;
  const dragging = w.tips.a?.isDragging() || w.tips.b?.isDragging();
  for (const which of ["a", "b"]) {
    const h = handles[which];
    const [x, y] = w.state[which];
    setAttr(h, "transform", `translate(${X(w, x)},${Y(w, y)})`);
    // what a screen reader says: once the tip is let go, not on every move of a drag
    if (!dragging) setAttr(h, "aria-label", ariaLabel(w, which));
    setAttr(h, "data-x", x);
    setAttr(h, "data-y", y);
  }
  setAttr(handles.b, "visibility", showB ? "visible" : "hidden");
  setAttr(handles.b, "tabindex", showB ? 0 : null);
}

// ------------------------------------------------------------------ readout (every move)

// dotWorking's exact arithmetic is the dearest part of a move; a drag on the 0.1 grid comes
// back to the same points, so the last few hundred workings are kept (a pure function).
const workings = new Map();

function workingOf(a, b, places) {
  const key = `${a[0]},${a[1]},${b[0]},${b[1]},${places}`;
  let text = workings.get(key);
  if (text === undefined) {
    if (workings.size >= 256) workings.clear();
    text = dotWorking(a, b, places);
    workings.set(key, text);
  }
  return text;
}

/** Show or hide a readout row; a hidden row's text is left until it is shown again. */
function showRow(row, shown, text) {
  if (row.row.hidden === shown) row.row.hidden = !shown;
  if (shown) setText(row.value, text());
}

/** The vectors (or unit vectors), a·b and its working, and the lengths. */
function readoutVectors(w, { ua, ub, showB, norm }, showDot) {
  const { rows, working } = w.view;
  const { a, b } = w.state;
  const va = norm ? ua : a;
  const vb = norm ? ub : b;
  setText(rows.a.name, norm ? "â" : "a");
  setText(rows.b.name, norm ? "b̂" : "b");
  setText(rows.dot.name, norm ? "â · b̂" : "a · b");
  setText(rows.normA.name, norm ? "‖â‖" : "‖a‖");
  setText(rows.normB.name, norm ? "‖b̂‖" : "‖b‖");
  setText(rows.a.value, formatVector(va, norm ? 3 : 2));
  setText(rows.normA.value, fixed(len(va), 2));
  showRow(rows.b, showB, () => formatVector(vb, norm ? 3 : 2));
  showRow(rows.normB, showB, () => fixed(len(vb), 2));
  showRow(rows.dot, showDot, () => fixed(dotp(va, vb), norm ? 3 : 2));
  if (working.hidden === showDot) working.hidden = !showDot;
  // unit vectors and turned (locked-length) tips have long decimals: show 3 or 2 places
  if (showDot) setText(working, workingOf(va, vb, norm ? 3 : w.get("lock_lengths") ? 2 : null));
}

/** The angle, cos θ, the projection's length and the sign sentence. */
function readoutAngle(w, { ua, ub, projOn }, showDot) {
  const { rows, sign } = w.view;
  const { a, b } = w.state;
  const theta = angleDeg(a, b);
  const none = () => undefinedText(zeroNames(a, b));
  showRow(rows.angle, showDot, () => (theta === null ? none() : `${fixed(theta, 1)}°`));
  showRow(rows.cos, showDot, () => (theta === null ? none()
    : fixed(Math.max(-1, Math.min(1, dotp(ua, ub))), 3)));
  showRow(rows.proj, projOn, () => (isZero(b) ? undefinedText(["b"])
    : fixed(dotp(a, b) / len(b), 2)));
  if (sign.hidden === showDot) sign.hidden = !showDot;
  if (!showDot) return;
  const [kind, message] = signMessage(a, b, w.get("sign_rules"));
  setText(sign, message);
  if (sign.dataset.kind !== kind) sign.dataset.kind = kind;
}

/** The readout panel: vectors, a·b and its working, lengths, angle, a + b, 2a, sign. */
function readout(w, derived) {
  const { rows } = w.view;
  // show_dot=False (lesson 01): vectors and lengths only, no a·b, angle or sign yet
  const showDot = derived.showB && w.get("show_dot");
  readoutVectors(w, derived, showDot);
  readoutAngle(w, derived, showDot);
  showRow(rows.sum, derived.showSum, () => formatVector(derived.sum));
  showRow(rows.double, w.get("show_double"), () => formatVector(derived.dbl));
}

/** Redraw from `state`: the drawing, then the numbers beside it. */
function update(w) {
  const derived = derive(w);
  const { root } = w.view;
  root.classList.toggle("vp-large", !!w.get("large_text"));
  root.classList.toggle("vp-normalised", derived.norm);
  root.classList.toggle("vp-no-b", !derived.showB);
  drawArrows(w, derived);
  drawGuides(w, derived);
  drawHandles(w, derived);
  readout(w, derived);
}

// ------------------------------------------------------------------ Python ↔ browser

function syncFromModel(w) {
  if (w.tips.a.isDragging() || w.tips.b.isDragging()) return; // the pointer owns them
  w.state.a = [...w.get("a")];
  w.state.b = [...w.get("b")];
  for (const [key] of w.view.OPTIONS) w.view.boxes[key].checked = !!w.get(key);
  drawGrid(w);
  update(w);
}

function commit(w, which) {
  w.model.set(which, [...w.state[which]]);
  w.model.save_changes();
}

// ------------------------------------------------------------------ pointer and keyboard

/** Where a dragged tip goes: snapped to 0.1 or turned at a locked length, inside the grid. */
function constrain(w, v, length) {
  let [x, y] = v;
  if (w.get("lock_lengths") && length > 0) {
    let angle = Math.atan2(y, x);
    if (w.get("snap")) angle = (Math.round((angle * 180) / Math.PI) * Math.PI) / 180;
    x = roundTo(length * Math.cos(angle), 6);
    y = roundTo(length * Math.sin(angle), 6);
  } else if (w.get("snap")) {
    x = roundTo(round(x, 0.1), 10);
    y = roundTo(round(y, 0.1), 10);
  }
  const limit = w.extent;
  return [Math.max(-limit, Math.min(limit, x)), Math.max(-limit, Math.min(limit, y))];
}

function dragTo(w, which, target, start) {
  const next = constrain(w, target, len(start));
  const v = w.state[which];
  if (next[0] === v[0] && next[1] === v[1]) return; // the same grid point: nothing to do
  w.state[which] = next;
  update(w);
}

function keyMove(w, which, [dx, dy], shift) {
  const v = w.state[which];
  let next;
  if (w.get("lock_lengths") && len(v) > 0) {
    // turn around the origin: 1° per press, 10° with Shift; right/up = anticlockwise
    const turn = ((dx + dy) * (shift ? 10 : 1) * Math.PI) / 180;
    const angle = Math.atan2(v[1], v[0]) + turn;
    next = [roundTo(len(v) * Math.cos(angle), 6), roundTo(len(v) * Math.sin(angle), 6)];
  } else {
    const step = shift ? 1 : 0.1;
    next = [roundTo(v[0] + dx * step, 10), roundTo(v[1] + dy * step, 10)];
    if (w.get("snap")) next = next.map((x) => roundTo(round(x, 0.1), 10));
    next = next.map((x) => Math.max(-w.extent, Math.min(w.extent, x)));
  }
  w.state[which] = next;
  update(w);
}

function attachTips(w) {
  for (const which of ["a", "b"]) {
    w.tips[which] = attachTip(w.view.handles[which], {
      pointer: w.pointer,
      current: () => w.state[which],
      onDrag: (target, start) => dragTo(w, which, target, start),
      onKey: (direction, shift) => keyMove(w, which, direction, shift),
      onRelease: () => {
        commit(w, which);
        update(w); // the tip's spoken label, skipped during the drag
      },
      onStart: () => placeLabels(w), // measures the labels' text once, before the first move
      draggingClass: "vp-dragging",
    });
  }
}

function render({ model, el }) {
  installKeyGuard(el); // keys on the tips, boxes and slider stay with the widget
  const get = (k) => model.get(k);
  const w = { model, get, view: build(el, model), state: { a: [...get("a")], b: [...get("b")] },
    extent: 4, scale: 1, tips: {} };
  w.pointer = gridPointer(w.view.svg, SIZE, () => w.scale);
  attachTips(w);
  const sync = () => syncFromModel(w);
  for (const k of SYNCED) model.on(`change:${k}`, sync);
  sync();
  return () => {
    for (const k of SYNCED) model.off(`change:${k}`, sync);
  };
}

export default { render };
