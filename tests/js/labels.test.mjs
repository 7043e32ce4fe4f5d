// placeLabels: labels stay inside the drawing, never overlap each other or a tip marker.
import assert from "node:assert/strict";
import { test } from "node:test";

import { placeLabels } from "../../lessons_lib/widgets/_labels.js";

const SIZE = 320;
const MARKER = 9;

// The checks are worked out another way than _labels.js does them, so that one mistake
// cannot hide in both: two boxes overlap when the overlap of their x and y ranges both
// have positive length; a box hides a tip when the tip's circle reaches it (the distance
// from the centre to the box, per axis the gap outside the box, is less than the radius).
function overlaps(a, b) {
  const wide = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const tall = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return wide > 0 && tall > 0;
}

function hits(box, c) {
  const gapX = Math.max(box.x - c.x, 0, c.x - (box.x + box.w));
  const gapY = Math.max(box.y - c.y, 0, c.y - (box.y + box.h));
  return Math.hypot(gapX, gapY) < c.r;
}

function check(tips, widths) {
  const origin = [SIZE / 2, SIZE / 2];
  const items = tips.map((tip, i) => {
    const dx = tip[0] - origin[0];
    const dy = tip[1] - origin[1];
    const L = Math.hypot(dx, dy);
    return { tip, dir: L ? [dx / L, dy / L] : [0, 0], w: widths[i], h: 16 };
  });
  const markers = tips.map(([x, y]) => ({ x, y, r: MARKER }));
  const boxes = placeLabels(items, markers, SIZE);
  boxes.forEach((b, i) => {
    assert.ok(b.x >= 2 && b.y >= 2 && b.x + b.w <= SIZE - 2 && b.y + b.h <= SIZE - 2,
      `label ${i} leaves the drawing: ${JSON.stringify(b)}`);
    markers.forEach((m, j) => assert.ok(!hits(b, m), `label ${i} hides tip ${j}`));
    boxes.slice(i + 1).forEach((c, j) => assert.ok(!overlaps(b, c),
      `labels ${i} and ${i + 1 + j} overlap: ${JSON.stringify(tips)}`));
  });
}

// a small deterministic generator, so a failure names a layout that can be replayed
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (1664525 * s + 1013904223) >>> 0) / 2 ** 32);
}

test("the explorer's worst cases: query on a key, keys stacked, tips in the corners", () => {
  const w = [72, 40, 32, 32]; // "q (cat)", "milk", "car", "the"
  const milk = [250, 100];
  check([milk, milk, [100, 200], [160, 250]], w); // the query exactly on milk's key
  check([[160, 160], [160, 160], [160, 160], [160, 160]], w); // everything at the origin
  check([[4, 4], [316, 4], [4, 316], [316, 316]], w); // the four corners
  check([[316, 316], [316, 316], [310, 310], [300, 316]], w); // piled in one corner
  check([[200, 120], [240, 100], [280, 80], [316, 60]], w); // a, 2a, … along one line
});

test("2000 random layouts of up to six labels", () => {
  const rand = lcg(2026);
  for (let n = 0; n < 2000; n++) {
    const count = 2 + Math.floor(rand() * 5);
    const cluster = rand() < 0.5; // half of them crowded into a small area
    const tips = Array.from({ length: count }, () => cluster
      ? [150 + rand() * 40, 150 + rand() * 40]
      : [4 + rand() * (SIZE - 8), 4 + rand() * (SIZE - 8)]);
    const widths = tips.map(() => 16 + Math.floor(rand() * 60));
    check(tips, widths);
  }
});
