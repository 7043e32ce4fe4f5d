// arrowShape (_geometry.js), the one arrow both drawing widgets draw: checked by hand.
import assert from "node:assert/strict";
import { test } from "node:test";

import { arrowShape } from "../../lessons_lib/widgets/_geometry.js";

const near = (a, b) => Math.abs(a - b) < 1e-9;

test("a horizontal arrow: shaft to the head's base, head 14 px long and 2·0.45·14 wide", () => {
  const s = arrowShape(0, 0, 100, 0);
  assert.deepEqual(s.shaft, [0, 0, 86, 0]); // 100 − 14
  assert.deepEqual(s.head[0], [100, 0]); // the point is the tip
  assert.ok(near(s.head[1][1], 6.3) && near(s.head[2][1], -6.3)); // 0.45 · 14
  assert.ok(near(s.head[1][0], 86) && near(s.head[2][0], 86));
});

test("short arrows get a head of 0.6 of their length; shorter than minLength none", () => {
  const s = arrowShape(0, 0, 0, 10, { headMax: 12 });
  assert.deepEqual(s.head[0], [0, 10]);
  assert.ok(near(s.shaft[3], 4)); // 10 − 0.6 · 10
  assert.equal(arrowShape(5, 5, 5.2, 5.2, { minLength: 1 }), null); // 0.28 px long
  assert.notEqual(arrowShape(5, 5, 5.2, 5.2, { minLength: 0.1 }), null);
});

test("an inset stops the head short of the tip, only on arrows longer than 3 insets", () => {
  assert.deepEqual(arrowShape(0, 0, 0, -100, { inset: 8 }).head[0], [0, -92]);
  assert.deepEqual(arrowShape(0, 0, 20, 0, { inset: 8 }).head[0], [20, 0]); // 20 < 24
});
