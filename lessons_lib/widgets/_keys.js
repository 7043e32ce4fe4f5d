// Keys pressed on a widget's own control belong to the widget, not to the notebook.
//
// JupyterLab and Notebook 7 bind single keys in command mode: the arrow keys move the
// cell selection, ArrowLeft on a heading collapses its section, Enter opens the cell's
// editor, "a" / "b" insert cells. Their keybindings are matched by one listener on the
// document: JupyterLab 4 listens while the event bubbles (so a control that stops the
// event's propagation keeps it), Notebook 7 listens while it is captured, before any
// listener on the control runs. Both skip an event whose target carries the attribute
// `data-lm-suppress-shortcuts` (Lumino's CommandRegistry). So one listener on the window,
// which sees the event before the document does, marks the focused control for the time
// of that one event when the key is one the control uses. Shortcuts with Ctrl, Alt or Meta
// (Ctrl+S saves), Shift+Enter (run the cell), Escape and Tab still reach the notebook.

const SUPPRESS = "data-lm-suppress-shortcuts";

/** The elements a learner operates inside a widget's output. */
export const CONTROL_SELECTOR = [
  "input", "select", "textarea", "button", "summary", "[role='slider']", "[role='radio']",
  "[role='option']", "[role='button']", "[role='listbox']", "[tabindex]",
].join(", ");

/** The class every drawing of this package puts on its root (anywidget views have no
 *  class of their own; ipywidgets' views carry "jupyter-widgets"). */
export const WIDGET_CLASS = "ll-widget";

/** The containers that hold widget views (JupyterLab, Notebook 7, decks, static pages). */
export const WIDGET_SELECTOR = `.jupyter-widgets, .widget-area, .${WIDGET_CLASS}`;

/**
 * Whether a key pressed on a widget's control is the control's to handle: the navigation
 * keys (with or without Shift), Enter and Space without a modifier, and a printed
 * character without Ctrl / Alt / Meta.
 */
export function isWidgetKey({ key, ctrlKey = false, altKey = false, metaKey = false,
  shiftKey = false }) {
  if (ctrlKey || altKey || metaKey) return false;
  if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp",
    "PageDown"].includes(key)) return true;
  if (key === "Enter" || key === " ") return !shiftKey;
  return typeof key === "string" && key.length === 1;
}

/** Whether `target` is a control inside a widget view. */
export function isWidgetControl(target) {
  if (!target || typeof target.closest !== "function") return false;
  const control = target.closest(CONTROL_SELECTOR);
  return !!control && control === target && !!target.closest(WIDGET_SELECTOR);
}

/** Install the window listener once per page (every widget calls this; see above), and
 *  mark `el`, the widget's own root, as a widget view. */
export function installKeyGuard(el = null, win = globalThis.window) {
  if (el && el.classList) el.classList.add(WIDGET_CLASS);
  if (!win || win.__lessonsKeyGuard) return;
  win.__lessonsKeyGuard = true;
  win.addEventListener("keydown", (event) => {
    const target = event.target;
    if (!isWidgetControl(target) || !isWidgetKey(event) || target.hasAttribute(SUPPRESS)) {
      return;
    }
    target.setAttribute(SUPPRESS, "true");
    // removed once this event has been dispatched (a task, not a microtask, which would
    // run between the listeners)
    win.setTimeout(() => target.removeAttribute(SUPPRESS), 0);
  }, true);
}
