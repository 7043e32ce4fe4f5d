// VectorPlayground front end (anywidget ES module; no build step, no CDN).
//
// The readouts are computed here, in the browser, on every pointer move: the
// kernel is only told about the new vectors when the pointer is released or a
// tip is moved with the keyboard. Number formatting mirrors
// lessons_lib.formatting.format_number / lessons_lib.working.dot_working.

import { dotWorking, fixed, formatNumber, formatVector } from "./_format.js";
import { angleDeg, dotp, isZero, len, round, roundTo, signMessage, unit } from "./_geometry.js";
import { installKeyGuard } from "./_keys.js";
import { attachTip, drawArrow, gridPointer, htmlEl, placeArrowLabels, setText, svgEl } from "./_shared.js";

const SIZE = 400; // viewBox width and height
const PAD = 26; // room for tick labels around the grid

function zeroNames(a, b) {
  const names = [];
  if (isZero(a)) names.push("a");
  if (isZero(b)) names.push("b");
  return names;
}

function undefinedText(names) {
  return `undefined — ${names.join(" and ")} ${names.length === 1 ? "has" : "have"} zero length`;
}

// ----------------------------------------------------------------- DOM bits

/** An arrow: a shaft (line) and a head (polygon) inside a <g class=cls>. */
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

// ------------------------------------------------------------------- render

/** The widget's elements, built once: header, drawing layers, tips, readouts, options. */
function build(el, model) {
  const get = (k) => model.get(k);
  const root = htmlEl("div", { class: "vp-root" }, el);
  const header = htmlEl("div", { class: "vp-header" }, root);
  htmlEl("span", { class: "vp-title" }, header, "Dot product — drag the vector tips");
  htmlEl("span", { class: "vp-hint" }, header, "(or focus a tip and use the arrow keys)");
  const body = htmlEl("div", { class: "vp-body" }, root);

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

  const options = htmlEl("details", { class: "vp-options" }, root);
  htmlEl("summary", {}, options, "Options");
  const boxes = {};
  // The list of options comes from Python (VectorPlayground.OPTIONS): one rule, one home.
  const OPTIONS = get("options");
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
  return { root, svg, gridLayer, unitCircle, paraA, paraB, drop, arrows, origin, handles, rows,
    working, sign, boxes, OPTIONS };
}


function render({ model, el }) {
  installKeyGuard(el); // keys on the tips, boxes and slider stay with the widget
  const get = (k) => model.get(k);
  const state = { a: [...get("a")], b: [...get("b")] };
  let extent = 4;
  let scale = 1;

  const { root, svg, gridLayer, unitCircle, paraA, paraB, drop, arrows, origin, handles, rows,
    working, sign, boxes, OPTIONS } = build(el, model);
  const pointer = gridPointer(svg, SIZE, () => scale);

  // ------------------------------------------------------------ coordinates
  const X = (x) => SIZE / 2 + x * scale;
  const Y = (y) => SIZE / 2 - y * scale;


  function computeExtent() {
    const vs = [state.a, state.b];
    if (get("show_sum")) vs.push([state.a[0] + state.b[0], state.a[1] + state.b[1]]);
    if (get("show_double")) vs.push([2 * state.a[0], 2 * state.a[1]]);
    let m = 0;
    for (const v of vs) m = Math.max(m, Math.abs(v[0]), Math.abs(v[1]));
    return Math.max(Math.round(get("grid")) || 4, Math.ceil(m - 1e-9));
  }

  function drawGrid() {
    extent = computeExtent();
    scale = (SIZE - 2 * PAD) / (2 * extent);
    svg.dataset.extent = String(extent);
    svg.dataset.scale = String(scale);
    gridLayer.replaceChildren();
    const step = extent <= 6 ? 1 : extent <= 12 ? 2 : 5;
    for (let i = -extent; i <= extent; i += 1) {
      const axis = i === 0;
      const cls = axis ? "vp-axis" : i % step === 0 ? "vp-gridline" : "vp-gridline vp-minor";
      svgEl("line", { class: cls, x1: X(i), y1: Y(-extent), x2: X(i), y2: Y(extent) }, gridLayer);
      svgEl("line", { class: cls, x1: X(-extent), y1: Y(i), x2: X(extent), y2: Y(i) }, gridLayer);
      if (i % step === 0 && !axis) {
        const t = formatNumber(i);
        svgEl("text", { class: "vp-tick", x: X(i), y: Y(-extent) + 16, "text-anchor": "middle" },
          gridLayer).textContent = t;
        svgEl("text", { class: "vp-tick", x: X(-extent) - 6, y: Y(i) + 4, "text-anchor": "end" },
          gridLayer).textContent = t;
      }
    }
    svgEl("text", { class: "vp-axis-label", x: X(extent) - 4, y: Y(0) - 6, "text-anchor": "end" },
      gridLayer).textContent = "x";
    svgEl("text", { class: "vp-axis-label", x: X(0) + 6, y: Y(extent) + 14 },
      gridLayer).textContent = "y";
    origin.setAttribute("cx", X(0));
    origin.setAttribute("cy", Y(0));
  }

  function placeArrow(arrow, from, to, text, visible = true, inset = 0) {
    const origin = [X(from[0]), Y(from[1])];
    const tip = [X(to[0]), Y(to[1])];
    if (!drawArrow(arrow, origin, tip, visible, { headMax: 14, minLength: 0.5, inset })) return;
    // the label is placed with all the others, once every arrow is drawn (placeLabels)
    arrow.tip = tip;
    arrow.origin = origin;
    setText(arrow.label, text);
  }

  /** Every visible label beside its tip: never overlapping, never over a handle. */
  function placeLabels() {
    const order = ["a", "b", "sum", "double", "ua", "ub"]; // most important first
    const entries = order.map((k) => arrows[k])
      .filter((arrow) => arrow.g.getAttribute("visibility") !== "hidden" && arrow.label.textContent)
      .map((arrow) => ({ label: arrow.label, tip: arrow.tip, origin: arrow.origin }));
    const markers = ["a", "b"].filter((k) => k === "a" || get("show_b"))
      .map((k) => ({ x: X(state[k][0]), y: Y(state[k][1]), r: 11 }));
    const fontPx = root.classList.contains("vp-large") ? 24 : 17; // --vp-label-size
    placeArrowLabels(entries, markers, SIZE, fontPx);
  }

  function ariaLabel(which) {
    const v = state[which].map((x) => formatNumber(x, 2, true)).join(", ");
    const keys = get("lock_lengths")
      ? "arrow keys turn it, length stays fixed"
      : "arrow keys move 0.1, shift+arrow 1";
    return `tip of vector ${which}, at ${v}; ${keys}`;
  }

  // ------------------------------------------------------------------ update
  /** Redraw from `state`: the drawing, then the numbers beside it. */
  function update() {
    const { a, b } = state;
    const derived = { ua: unit(a), ub: unit(b), sum: [a[0] + b[0], a[1] + b[1]],
      dbl: [2 * a[0], 2 * a[1]], showB: get("show_b"), norm: get("normalise") };
    root.classList.toggle("vp-large", !!get("large_text"));
    root.classList.toggle("vp-normalised", derived.norm);
    root.classList.toggle("vp-no-b", !derived.showB);
    draw(derived);
    readout(derived);
  }

  /** The arrows, guide lines, labels and the draggable tips. */
  function draw({ ua, ub, sum, dbl, showB, norm }) {
    const { a, b } = state;
    placeArrow(arrows.a, [0, 0], a, "a", true, 8);
    placeArrow(arrows.b, [0, 0], b, "b", showB, 9);
    placeArrow(arrows.ua, [0, 0], ua, "â", norm);
    placeArrow(arrows.ub, [0, 0], ub, "b̂", norm && showB);
    placeArrow(arrows.double, [0, 0], dbl, "2a", get("show_double"));
    const showSum = get("show_sum") && showB;
    placeArrow(arrows.sum, [0, 0], sum, "a+b", showSum);
    for (const [line, from, to] of [[paraA, a, sum], [paraB, b, sum]]) {
      line.setAttribute("x1", X(from[0]));
      line.setAttribute("y1", Y(from[1]));
      line.setAttribute("x2", X(to[0]));
      line.setAttribute("y2", Y(to[1]));
      line.setAttribute("visibility", showSum ? "visible" : "hidden");
    }
    const projOn = get("show_projection") && showB && !isZero(b);
    const p = isZero(b) ? [0, 0] : [(dotp(a, b) / dotp(b, b)) * b[0], (dotp(a, b) / dotp(b, b)) * b[1]];
    placeArrow(arrows.proj, [0, 0], p, "", projOn);
    placeLabels();
    drop.setAttribute("x1", X(a[0]));
    drop.setAttribute("y1", Y(a[1]));
    drop.setAttribute("x2", X(p[0]));
    drop.setAttribute("y2", Y(p[1]));
    drop.setAttribute("visibility", projOn ? "visible" : "hidden");
    unitCircle.setAttribute("cx", X(0));
    unitCircle.setAttribute("cy", Y(0));
    unitCircle.setAttribute("r", scale);
    unitCircle.setAttribute("visibility", norm ? "visible" : "hidden");

    const dragging = tips.a?.isDragging() || tips.b?.isDragging();
    for (const which of ["a", "b"]) {
      const h = handles[which];
      h.setAttribute("transform", `translate(${X(state[which][0])},${Y(state[which][1])})`);
      // what a screen reader says: once the tip is let go, not on every move of a drag
      if (!dragging) h.setAttribute("aria-label", ariaLabel(which));
      h.dataset.x = String(state[which][0]);
      h.dataset.y = String(state[which][1]);
    }
    handles.b.setAttribute("visibility", showB ? "visible" : "hidden");
    if (showB) handles.b.setAttribute("tabindex", 0);
    else handles.b.removeAttribute("tabindex");
  }

  /** The readout panel: the vectors, a·b and its working, lengths, angle, sign sentence. */
  function readout({ ua, ub, sum, dbl, showB, norm }) {
    const { a, b } = state;
    const showSum = get("show_sum") && showB;
    const va = norm ? ua : a;
    const vb = norm ? ub : b;
    setText(rows.a.name, norm ? "â" : "a");
    setText(rows.b.name, norm ? "b̂" : "b");
    setText(rows.dot.name, norm ? "â · b̂" : "a · b");
    setText(rows.a.value, formatVector(va, norm ? 3 : 2));
    setText(rows.b.value, formatVector(vb, norm ? 3 : 2));
    const d = dotp(va, vb);
    setText(rows.dot.value, fixed(d, norm ? 3 : 2));
    // unit vectors and turned (locked-length) tips have long decimals: show 3 or 2 places
    setText(working, dotWorking(va, vb, norm ? 3 : get("lock_lengths") ? 2 : null));
    setText(rows.normA.value, fixed(len(va), 2));
    setText(rows.normB.value, fixed(len(vb), 2));
    setText(rows.normA.name, norm ? "‖â‖" : "‖a‖");
    setText(rows.normB.name, norm ? "‖b̂‖" : "‖b‖");
    const zeros = zeroNames(a, b);
    const theta = angleDeg(a, b);
    setText(rows.angle.value, theta === null ? undefinedText(zeros) : `${fixed(theta, 1)}°`);
    setText(rows.cos.value, theta === null ? undefinedText(zeros)
      : fixed(Math.max(-1, Math.min(1, dotp(ua, ub))), 3));
    rows.proj.row.hidden = !(get("show_projection") && showB);
    setText(rows.proj.value, isZero(b) ? undefinedText(["b"]) : fixed(dotp(a, b) / len(b), 2));
    rows.sum.row.hidden = !showSum;
    setText(rows.sum.value, formatVector(sum));
    rows.double.row.hidden = !get("show_double");
    setText(rows.double.value, formatVector(dbl));
    // show_dot=False (lesson 01): vectors and lengths only, no a·b, angle or sign yet
    const showDot = showB && get("show_dot");
    for (const r of [rows.b, rows.normB]) r.row.hidden = !showB;
    for (const r of [rows.dot, rows.angle, rows.cos]) r.row.hidden = !showDot;
    working.hidden = !showDot;
    sign.hidden = !showDot;
    const [kind, message] = signMessage(a, b, get("sign_rules"));
    setText(sign, message);
    sign.dataset.kind = kind;
    for (const [key] of OPTIONS) boxes[key].checked = !!get(key);
  }

  function syncFromModel() {
    if (tips.a.isDragging() || tips.b.isDragging()) return; // the pointer owns them
    state.a = [...get("a")];
    state.b = [...get("b")];
    drawGrid();
    update();
  }

  function commit(which) {
    model.set(which, [...state[which]]);
    model.save_changes();
  }

  // ------------------------------------------------------------- new tip
  function constrain(v, length) {
    let [x, y] = v;
    if (get("lock_lengths") && length > 0) {
      let angle = Math.atan2(y, x);
      if (get("snap")) angle = (Math.round((angle * 180) / Math.PI) * Math.PI) / 180;
      x = roundTo(length * Math.cos(angle), 6);
      y = roundTo(length * Math.sin(angle), 6);
    } else if (get("snap")) {
      x = round(x, 0.1);
      y = round(y, 0.1);
      x = roundTo(x, 10);
      y = roundTo(y, 10);
    }
    const limit = extent;
    return [Math.max(-limit, Math.min(limit, x)), Math.max(-limit, Math.min(limit, y))];
  }

  // ------------------------------------------------- pointer and keyboard
  function keyMove(which, [dx, dy], shift) {
    const v = state[which];
    let next;
    if (get("lock_lengths") && len(v) > 0) {
      // turn around the origin: 1° per press, 10° with Shift; right/up = anticlockwise
      const turn = ((dx + dy) * (shift ? 10 : 1) * Math.PI) / 180;
      const angle = Math.atan2(v[1], v[0]) + turn;
      next = [roundTo(len(v) * Math.cos(angle), 6), roundTo(len(v) * Math.sin(angle), 6)];
    } else {
      const step = shift ? 1 : 0.1;
      next = [roundTo(v[0] + dx * step, 10), roundTo(v[1] + dy * step, 10)];
      if (get("snap")) next = next.map((x) => roundTo(round(x, 0.1), 10));
      next = next.map((x) => Math.max(-extent, Math.min(extent, x)));
    }
    state[which] = next;
    update();
  }

  const tips = {};
  for (const which of ["a", "b"]) {
    tips[which] = attachTip(handles[which], {
      pointer,
      current: () => state[which],
      onDrag(target, start) {
        const next = constrain(target, len(start));
        if (next[0] === state[which][0] && next[1] === state[which][1]) return;
        state[which] = next;
        update();
      },
      onKey: (direction, shift) => keyMove(which, direction, shift),
      onRelease: () => {
        commit(which);
        update(); // the tip's spoken label, skipped during the drag
      },
      onStart: placeLabels, // measures the labels' text once, before the first move
      draggingClass: "vp-dragging",
    });
  }

  const keys = ["a", "b", "snap", "show_projection", "show_sum", "show_double", "normalise",
    "lock_lengths", "large_text", "show_b", "show_dot", "grid"];
  for (const k of keys) model.on(`change:${k}`, syncFromModel);

  drawGrid();
  update();

  return () => {
    for (const k of keys) model.off(`change:${k}`, syncFromModel);
  };
}

export default { render };
