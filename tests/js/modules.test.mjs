// Every widget file is a valid ES module on its own: it imports what it uses.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";

const dir = new URL("../../lessons_lib/widgets/", import.meta.url);

test("every widget .js file imports on its own", async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  assert.ok(files.length >= 5, files.join(", "));
  for (const file of files) {
    const module = await import(new URL(file, dir));
    assert.ok(Object.keys(module).length > 0, `${file} exports nothing`);
  }
});
