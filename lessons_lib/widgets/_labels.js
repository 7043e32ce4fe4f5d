// Where to put the text labels of a drawing's arrows: pure functions, no DOM.
//
// Each label wants to sit just beyond its arrow's tip. Tips can meet (a query dragged onto
// a key, a and 2a along one line, keys stacked), so labels are placed one at a time, in
// order of importance, at the first candidate spot that stays inside the drawing, clear
// of every label already placed and of every tip marker (so no handle is ever hidden).
// tests/js/labels.test.mjs checks this on thousands of random and adversarial layouts.

const RADII = [16, 28, 42, 58, 76];
const ANGLES = 16; // candidate directions around a tip, after the arrow's own direction

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function hitsCircle(box, c) {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.h));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r ** 2;
}

function inside(box, size, margin) {
  return box.x >= margin && box.y >= margin && box.x + box.w <= size - margin
    && box.y + box.h <= size - margin;
}

/**
 * Place labels. `items` (most important first): { tip: [x, y], dir: [ux, uy] (unit vector
 * of the arrow, or [0, 0]), w, h } in drawing pixels. `markers`: circles { x, y, r } that
 * must stay uncovered (the draggable tips). Returns one box { x, y, w, h } per item
 * (top-left corner); a label never leaves [margin, size − margin] and, whenever any free
 * spot exists within RADII of its tip, touches neither another label nor a marker.
 */
export function placeLabels(items, markers, size, margin = 2) {
  const placed = [];
  for (const item of items) {
    const [tx, ty] = item.tip;
    const [ux, uy] = item.dir;
    const base = Math.atan2(uy, ux);
    const angles = [];
    if (ux !== 0 || uy !== 0) angles.push(base);
    for (let k = 0; k < ANGLES; k++) angles.push(base + (2 * Math.PI * (k + 1)) / (ANGLES + 1));
    let best = null;
    let bestCost = Infinity;
    for (const r of RADII) {
      for (const a of angles) {
        // the label's centre on a circle around the tip, then clamped into the drawing
        const cx = tx + r * Math.cos(a);
        const cy = ty + r * Math.sin(a);
        const box = {
          x: Math.min(Math.max(cx - item.w / 2, margin), size - margin - item.w),
          y: Math.min(Math.max(cy - item.h / 2, margin), size - margin - item.h),
          w: item.w,
          h: item.h,
        };
        let clashes = 0; // counted without allocating: this runs for every candidate
        for (const p of placed) if (overlaps(box, p)) clashes += 1;
        for (const m of markers) if (hitsCircle(box, m)) clashes += 1;
        const cost = clashes * 1e6 + r; // any clear spot beats every crowded one
        if (cost < bestCost) {
          bestCost = cost;
          best = box;
        }
      }
      if (bestCost < 1e6) break; // a clear spot at this distance: take the nearest ring
    }
    if (!inside(best, size, margin - 1e-9)) throw new Error("label placed outside the drawing");
    placed.push(best);
  }
  return placed;
}

/** Rough width of a label in pixels when the page cannot measure it yet. */
export function estimateWidth(text, fontSize) {
  return Math.ceil(text.length * fontSize * 0.62) + 2;
}
