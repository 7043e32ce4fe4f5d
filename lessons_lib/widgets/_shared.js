// Shared front-end pieces of the lessons' widgets (plain JavaScript, no build step).
//
// Widgets import what they use from here (import { svgEl } from "./_shared.js");
// lessons_lib/widgets/_esm.py inlines the imports into the one module anywidget loads,
// so no contributor runs a build step.

import { arrowShape } from "./_geometry.js";
import { estimateWidth, placeLabels } from "./_labels.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

export function svgEl(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

// What this module last wrote to a node (its text, its attributes), kept beside the node so
// that a drag move compares with a JavaScript value instead of reading the DOM back, and
// leaves an unchanged text or attribute alone (writing one, even with the same value,
// makes the page restyle or lay out the element again).
const written = new WeakMap();

function writesOf(node) {
  let known = written.get(node);
  if (!known) {
    known = { attrs: Object.create(null), text: null };
    written.set(node, known);
  }
  return known;
}

/** Set a node's text only when it changes: an unchanged readout costs the page nothing. */
export function setText(node, text) {
  const known = writesOf(node);
  if (known.text === text) return; // only this function writes the texts it is given
  known.text = text;
  const first = node.firstChild;
  // one text node: change its characters in place, no node removed and created
  if (first !== null && first === node.lastChild && first.nodeType === 3) { // a Text node
    if (first.data !== text) first.data = text;
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}

/** Set an attribute only when its value changes (`null` removes it). */
export function setAttr(node, name, value) {
  const text = value === null ? null : String(value);
  const known = writesOf(node).attrs;
  if (known[name] === text) return;
  known[name] = text;
  if (text === null) node.removeAttribute(name);
  else node.setAttribute(name, text);
}

export function htmlEl(tag, attrs = {}, parent = null, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

const ARROW_KEYS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/**
 * Make an SVG handle (a vector's tip) draggable with Pointer Events (mouse, touch, pen)
 * and movable with the arrow keys.
 *
 * pointer = gridPointer(…): client coordinates → grid units (held fixed during a drag);
 * current() → the tip's vector;
 * onDrag(target, start) on every move (target = where the pointer puts the tip, start =
 * the vector when the drag began); onKey([dx, dy], shiftKey) for an arrow key;
 * onRelease() when a drag ends or after a key (the moment to tell Python);
 * onStart() when a drag begins, the moment to measure what the moves will reuse (labels).
 * Returns { isDragging() }.
 */
export function attachTip(handle, { pointer, current, onDrag, onKey, onRelease, draggingClass,
  onStart = () => {} }) {
  const toUnits = (x, y) => pointer.toUnits(x, y);
  let drag = null; // {pointerId, offset: [dx, dy], start: [x, y]}
  handle.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    pointer.hold(); // the drawing does not move while dragged: measure it once
    onStart();
    const [ux, uy] = toUnits(event.clientX, event.clientY);
    const start = [...current()];
    drag = { pointerId: event.pointerId, offset: [ux - start[0], uy - start[1]], start };
    try {
      handle.setPointerCapture(event.pointerId);
    } catch (_err) {
      // synthetic events have no capturable pointer; dragging still works
    }
    handle.classList.add(draggingClass);
    handle.focus({ preventScroll: true });
  });
  handle.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.preventDefault();
    const [ux, uy] = toUnits(event.clientX, event.clientY);
    onDrag([ux - drag.offset[0], uy - drag.offset[1]], drag.start);
  });
  const end = (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag = null;
    pointer.release();
    handle.classList.remove(draggingClass);
    onRelease();
  };
  for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
    handle.addEventListener(type, end);
  }
  handle.addEventListener("keydown", (event) => {
    const direction = ARROW_KEYS[event.key];
    if (!direction || drag) return;
    event.preventDefault();
    event.stopPropagation(); // keep JupyterLab from moving the cell selection
    onKey(direction, event.shiftKey);
    onRelease();
  });
  return { isDragging: () => drag !== null };
}

/**
 * Client (pointer) coordinates → grid units of a square drawing `size` px wide whose
 * origin is its centre, `scaleOf()` px per unit. During a drag (hold … release) the
 * drawing's screen matrix is read once, at pointerdown, not on every move: reading it
 * after the last move's changes would force the page to lay itself out again.
 */
export function gridPointer(svg, size, scaleOf) {
  let held = null;
  const inverse = () => {
    const m = svg.getScreenCTM();
    return m ? m.inverse() : null;
  };
  return {
    hold() {
      held = inverse();
    },
    release() {
      held = null;
    },
    toUnits(clientX, clientY) {
      const m = held ?? inverse();
      if (!m) return [0, 0];
      const p = new DOMPoint(clientX, clientY).matrixTransform(m);
      const s = scaleOf();
      return [(p.x - size / 2) / s, (size / 2 - p.y) / s];
    },
  };
}

// Label boxes measured once per text and font: measuring (getBBox) after a move's changes
// forces a layout, so a drag reuses the sizes it has seen.
const measured = new Map();

// The box a label had last, while its text and font stay: a drag move looks it up here
// without building a key.
const lastBox = new WeakMap();

/** An SVG text's size and where its box sits from its (x, y) anchor, measured if drawn. */
function textBox(label, fontPx) {
  const text = writesOf(label).text ?? label.textContent;
  const last = lastBox.get(label);
  if (last && last.text === text && last.fontPx === fontPx) return last.box;
  const key = [fontPx, label.getAttribute("class"), label.getAttribute("text-anchor"),
    text].join("|");
  let box = measured.get(key);
  if (!box) {
    box = measure(label, fontPx);
    if (!box.measured) return box;
    if (measured.size > 500) measured.clear();
    measured.set(key, box);
  }
  lastBox.set(label, { text, fontPx, box });
  return box;
}

function measure(label, fontPx) {
  let bb = null;
  try {
    bb = label.getBBox();
  } catch (_err) {
    bb = null; // not in the page yet
  }
  if (bb && bb.width > 0) {
    return { w: bb.width, h: bb.height, left: bb.x - Number(label.getAttribute("x") || 0),
      ascent: Number(label.getAttribute("y") || 0) - bb.y, measured: true };
  }
  return { w: estimateWidth(label.textContent, fontPx), h: fontPx * 1.3, left: 0,
    ascent: fontPx, measured: false };
}

/**
 * Place arrow labels beside their tips (see _labels.js): `entries` = [{ label, tip, origin }]
 * in drawing units, most important first; `markers` = the draggable tips { x, y, r }.
 * No label leaves the size × size drawing, overlaps another or hides a tip.
 */
export function placeArrowLabels(entries, markers, size, fontPx) {
  const boxes = entries.map((e) => textBox(e.label, fontPx));
  const items = entries.map((e, i) => {
    const dx = e.tip[0] - e.origin[0];
    const dy = e.tip[1] - e.origin[1];
    const L = Math.hypot(dx, dy);
    return { tip: e.tip, dir: L ? [dx / L, dy / L] : [0, 0], w: boxes[i].w + 2,
      h: boxes[i].h + 2 };
  });
  placeLabels(items, markers, size).forEach((box, i) => {
    setAttr(entries[i].label, "x", box.x + 1 - boxes[i].left);
    setAttr(entries[i].label, "y", box.y + 1 + boxes[i].ascent);
  });
}

/**
 * Draw an arrow ({ g, shaft, head }: a <g> holding a <line> and a <polygon>) from `from` to
 * `to` (drawing pixels), shaped by arrowShape (_geometry.js); hidden when too short or when
 * `visible` is false. Returns whether it is drawn (also kept as `arrow.visible`); writes
 * only the attributes that change.
 */
export function drawArrow(arrow, from, to, visible, options) {
  const shape = visible ? arrowShape(from[0], from[1], to[0], to[1], options) : null;
  arrow.visible = shape !== null;
  setAttr(arrow.g, "visibility", shape ? "visible" : "hidden");
  if (!shape) return false;
  const [x1, y1, x2, y2] = shape.shaft;
  setAttr(arrow.shaft, "x1", x1);
  setAttr(arrow.shaft, "y1", y1);
  setAttr(arrow.shaft, "x2", x2);
  setAttr(arrow.shaft, "y2", y2);
  const [[hx, hy], [lx, ly], [rx, ry]] = shape.head;
  setAttr(arrow.head, "points", `${hx},${hy} ${lx},${ly} ${rx},${ry}`);
  return true;
}
