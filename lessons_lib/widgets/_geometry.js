// 2-D vector geometry for the widgets: pure functions, no DOM (node --test runs them).
//
// The sign rule and its sentences are not written here: they come from Python
// (lessons_lib.geometry.sign_rules(), sent to the browser as the widget's `sign_rules`
// trait), and tests/widgets/test_js.py checks signMessage against lessons_lib.sign_message.

export const dotp = (a, b) => a[0] * b[0] + a[1] * b[1];
export const len = (a) => Math.hypot(a[0], a[1]);
export const isZero = (a) => a[0] === 0 && a[1] === 0;
export const unit = (a) => (isZero(a) ? [0, 0] : [a[0] / len(a), a[1] / len(a)]);
export const clean = (x) => (Object.is(x, -0) ? 0 : x);
export const round = (x, step) => clean(Math.round(x / step) * step);
export const roundTo = (x, places) => clean(Number(x.toFixed(places)));

/** Angle in degrees in [0, 180], or null if a vector has zero length. */
export function angleDeg(a, b) {
  if (isZero(a) || isZero(b)) return null;
  const cross = a[0] * b[1] - a[1] * b[0];
  return (Math.atan2(Math.abs(cross), dotp(a, b)) * 180) / Math.PI;
}

/**
 * [kind, sentence] for the sign of a·b, by the rule Python defines (`rules` is the
 * widget's sign_rules trait): perpendicular when |cos θ| ≤ rules.perpendicular_cos.
 */
export function signMessage(a, b, rules) {
  const za = isZero(a);
  const zb = isZero(b);
  const m = rules.messages;
  if (za && zb) return ["zero", m.zero_both];
  if (za) return ["zero", m.zero_a];
  if (zb) return ["zero", m.zero_b];
  const d = dotp(a, b);
  if (Math.abs(d) <= rules.perpendicular_cos * len(a) * len(b)) return ["zero", m.perpendicular];
  return d > 0 ? ["positive", m.positive] : ["negative", m.negative];
}

/**
 * An arrow from (x0, y0) to (x1, y1) in drawing pixels: the shaft's end points and the
 * head's three corners, or null when it is shorter than `minLength` (nothing to draw).
 * `inset` stops the head short of the tip (so a tip marker does not hide it); the head is
 * `headMax` px long, at most 0.6 of the arrow. Both drawing widgets draw with it.
 */
export function arrowShape(x0, y0, x1, y1, { headMax = 14, minLength = 0.5, inset = 0 } = {}) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const L = Math.hypot(dx, dy);
  if (L < minLength) return null;
  const ux = dx / L;
  const uy = dy / L;
  let px = x1;
  let py = y1;
  if (inset > 0 && L > 3 * inset) {
    px -= ux * inset;
    py -= uy * inset;
  }
  const head = Math.min(headMax, L * 0.6);
  const half = head * 0.45;
  const bx = px - ux * head;
  const by = py - uy * head;
  return { shaft: [x0, y0, bx, by],
    head: [[px, py], [bx - uy * half, by + ux * half], [bx + uy * half, by - ux * half]] };
}
