// The widgets' JavaScript against Python, on cases Python generated (tests/widgets/test_js.py).
//
// Run through pytest (`pytest tests/widgets/test_js.py`), which writes the fixtures and sets
// LESSONS_JS_FIXTURES; the rules themselves live in Python (lessons_lib.formatting,
// lessons_lib.working, lessons_lib.geometry.sign_rules, lessons_lib.attention.softmax).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { dotWorking, fixed, formatNumber } from "../../lessons_lib/widgets/_format.js";
import { signMessage } from "../../lessons_lib/widgets/_geometry.js";
import { argmax, scaledScores, scoresFor, softmax } from "../../lessons_lib/widgets/_attention.js";

const path = process.env.LESSONS_JS_FIXTURES;
assert.ok(path, "run through pytest tests/widgets/test_js.py, which writes the fixtures");
const fx = JSON.parse(readFileSync(path, "utf8"));

const mismatches = (cases, f) => cases.filter((c) => f(c) !== c.expected).slice(0, 5);

test("formatNumber is lessons_lib.formatting.format_number", () => {
  assert.ok(fx.format_number.length > 100);
  const bad = mismatches(fx.format_number, (c) => formatNumber(c.x, c.decimals, c.trim));
  assert.deepEqual(bad, []);
});

test("fixed is lessons_lib.formatting.format_fixed", () => {
  const bad = mismatches(fx.format_fixed, (c) => fixed(c.x, c.decimals));
  assert.deepEqual(bad, []);
});

test("dotWorking is str(lessons_lib.dot_working)", () => {
  assert.ok(fx.dot_working.length > 300);
  const bad = mismatches(fx.dot_working, (c) => dotWorking(c.a, c.b, c.decimals));
  assert.deepEqual(bad, []);
});

test("signMessage applies Python's sign rule with Python's sentences", () => {
  assert.ok(fx.sign.cases.length > 100);
  const bad = mismatches(fx.sign.cases, (c) => signMessage(c.a, c.b, fx.sign.rules)[1]);
  assert.deepEqual(bad, []);
});

test("the explorer's softmax is lessons_lib.attention.softmax", () => {
  for (const c of fx.softmax) {
    const got = softmax(c.scores, c.temperature);
    got.forEach((w, i) => assert.ok(Math.abs(w - c.expected[i]) <= 1e-12, JSON.stringify(c)));
  }
});

test("the explorer's scores and scaled scores are lessons_lib.attention.attention_scores", () => {
  assert.ok(fx.scores.length >= 3);
  for (const c of fx.scores) {
    const raw = scoresFor(c.query, c.keys);
    const scaled = scaledScores(raw, c.query.length, true);
    raw.forEach((s, i) => assert.ok(Math.abs(s - c.raw[i]) <= 1e-12, JSON.stringify(c)));
    scaled.forEach((s, i) => assert.ok(Math.abs(s - c.scaled[i]) <= 1e-12, JSON.stringify(c)));
    assert.deepEqual(scaledScores(raw, c.query.length, false), raw);
    assert.equal(argmax(softmax(scaled)), c.best, JSON.stringify(c));
  }
});
