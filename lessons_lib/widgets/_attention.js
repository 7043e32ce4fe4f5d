// Attention arithmetic for the widgets: pure functions, no DOM (node --test runs them).
//
// Mirrors of lessons_lib.attention: tests/widgets/test_js.py checks them against Python on
// generated cases (tests/js/parity.test.mjs), so the two cannot drift unseen.

/** q·k for every key: the raw attention scores of one query. */
export function scoresFor(query, keys) {
  return keys.map((k) => query.reduce((sum, q, i) => sum + q * k[i], 0));
}

/** The scores divided by √d_k when `useScale` (lessons_lib.attention.attention_scores). */
export function scaledScores(scores, dK, useScale) {
  const root = Math.sqrt(dK);
  return scores.map((s) => (useScale ? s / root : s));
}

/** Stable softmax with a temperature (mirror of lessons_lib.attention.softmax). */
export function softmax(scores, temperature = 1) {
  const s = scores.map((x) => x / temperature);
  const top = Math.max(...s);
  const e = s.map((x) => Math.exp(x - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
}

/** The index of the largest weight (the first one on a tie). */
export function argmax(weights) {
  let best = 0;
  weights.forEach((w, i) => { if (w > weights[best]) best = i; });
  return best;
}
