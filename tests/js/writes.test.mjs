// setAttr / setText (_shared.js): a drag move writes an attribute or a text only when it
// changed, and a text node's characters in place. Checked on stand-in elements that log
// every write (Node has no DOM).
import assert from "node:assert/strict";
import { test } from "node:test";

import { setAttr, setText } from "../../lessons_lib/widgets/_shared.js";

function element() {
  const writes = [];
  return {
    writes,
    setAttribute: (name, value) => writes.push(["set", name, value]),
    removeAttribute: (name) => writes.push(["remove", name]),
  };
}

test("setAttr writes only a changed value, as text; null removes the attribute once", () => {
  const el = element();
  for (const value of [1.5, 1.5, "1.5", 2, 2]) setAttr(el, "x", value);
  for (const value of [0, 0, null, null, 0]) setAttr(el, "tabindex", value);
  assert.deepEqual(el.writes, [["set", "x", "1.5"], ["set", "x", "2"], ["set", "tabindex", "0"],
    ["remove", "tabindex"], ["set", "tabindex", "0"]]);
});

test("setText replaces the text once, then changes its text node in place, only on change", () => {
  let replaced = 0;
  const el = {
    firstChild: null, lastChild: null, text: "",
    get textContent() { return this.text; },
    set textContent(value) { // what the DOM does: one new text node holding the value
      replaced += 1;
      this.text = value;
      const node = { nodeType: 3, edits: 0 };
      let data = value;
      Object.defineProperty(node, "data", {
        get: () => data,
        set: (v) => { data = v; node.edits += 1; el.text = v; },
      });
      this.firstChild = this.lastChild = node;
    },
  };
  for (const text of ["3.60", "3.60", "3.72", "3.72", "−0.12"]) setText(el, text);
  assert.equal(el.textContent, "−0.12");
  assert.equal(replaced, 1, "the first text creates the node");
  assert.equal(el.firstChild.edits, 2, "3.72 and −0.12 edit it; repeats write nothing");
});
