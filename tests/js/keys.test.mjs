// The key guard (_keys.js): which keys a widget's control keeps from the notebook, and that
// the guard marks the control for exactly one event. No DOM in Node: small fakes stand in.
import assert from "node:assert/strict";
import { test } from "node:test";

import { installKeyGuard, isWidgetControl, isWidgetKey } from "../../lessons_lib/widgets/_keys.js";

test("navigation keys, Enter, Space and letters belong to the control", () => {
  for (const key of ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End",
    "PageUp", "PageDown", "Enter", " ", "a", "b", "m", "1"]) {
    assert.equal(isWidgetKey({ key }), true, key);
  }
  assert.equal(isWidgetKey({ key: "ArrowLeft", shiftKey: true }), true, "Shift+Arrow");
});

test("notebook shortcuts with a modifier, Shift+Enter, Escape and Tab reach the notebook", () => {
  const cases = [{ key: "s", ctrlKey: true }, { key: "s", metaKey: true }, { key: "Enter",
    shiftKey: true }, { key: "Enter", ctrlKey: true }, { key: "Escape" }, { key: "Tab" },
  { key: "ArrowDown", altKey: true }, { key: "F5" }];
  for (const event of cases) assert.equal(isWidgetKey(event), false, JSON.stringify(event));
});

/** A fake element: `matches` lists the selectors it matches, `inWidget` whether a widget
 *  view contains it. */
function fakeElement({ control = true, inWidget = true } = {}) {
  const attributes = new Map();
  const el = {
    closest(selector) {
      if (selector.includes("input")) return control ? el : null;
      return inWidget ? {} : null;
    },
    setAttribute: (k, v) => attributes.set(k, v),
    removeAttribute: (k) => attributes.delete(k),
    hasAttribute: (k) => attributes.has(k),
    attributes,
  };
  return el;
}

test("only controls inside a widget view are guarded", () => {
  assert.equal(isWidgetControl(fakeElement()), true);
  assert.equal(isWidgetControl(fakeElement({ inWidget: false })), false, "a notebook cell");
  assert.equal(isWidgetControl(fakeElement({ control: false })), false, "plain text");
  assert.equal(isWidgetControl(null), false);
});

test("the guard marks the control for one event, installs once, and leaves others alone", () => {
  const listeners = [];
  const timers = [];
  const win = {
    addEventListener: (type, fn, capture) => listeners.push({ type, fn, capture }),
    setTimeout: (fn) => timers.push(fn),
  };
  const root = { classList: new Set() };
  root.classList.add = root.classList.add.bind(root.classList);
  installKeyGuard(root, win);
  installKeyGuard(null, win);
  assert.ok(root.classList.has("ll-widget"), "the widget's root is marked as a widget view");
  assert.equal(listeners.length, 1, "installed once per page");
  assert.equal(listeners[0].type, "keydown");
  assert.equal(listeners[0].capture, true, "before the document's listeners");
  const tip = fakeElement();
  listeners[0].fn({ key: "ArrowRight", target: tip });
  assert.equal(tip.hasAttribute("data-lm-suppress-shortcuts"), true);
  timers.splice(0).forEach((fn) => fn());
  assert.equal(tip.hasAttribute("data-lm-suppress-shortcuts"), false, "removed afterwards");
  listeners[0].fn({ key: "s", ctrlKey: true, target: tip });
  assert.equal(tip.hasAttribute("data-lm-suppress-shortcuts"), false, "Ctrl+S saves");
  const cell = fakeElement({ inWidget: false });
  listeners[0].fn({ key: "ArrowDown", target: cell });
  assert.equal(cell.hasAttribute("data-lm-suppress-shortcuts"), false, "a cell keeps its keys");
});
