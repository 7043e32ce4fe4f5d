// The joined module each widget ships (its `_esm`, built by lessons_lib/widgets/_esm.py)
// runs outside Chromium: Node imports the very string Python hands anywidget.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const path = process.env.LESSONS_JS_FIXTURES;
assert.ok(path, "run through pytest tests/widgets/test_js.py, which writes the fixtures");
const fx = JSON.parse(readFileSync(path, "utf8"));

test("every widget's shipped _esm imports and exports a render function", async () => {
  const names = Object.keys(fx.esm);
  assert.ok(names.length >= 3, names.join(", "));
  const dir = mkdtempSync(join(tmpdir(), "lessons-esm-"));
  for (const name of names) {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, fx.esm[name]);
    const module = await import(pathToFileURL(file).href);
    assert.equal(typeof module.default?.render, "function", `${name}: no default { render }`);
    assert.doesNotMatch(fx.esm[name], /^import /m, `${name}: an import was left unjoined`);
  }
});
