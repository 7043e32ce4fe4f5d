// Number formatting for the widgets' readouts: pure functions, no DOM (node --test runs them).
//
// Each is a mirror of a Python function in lessons_lib.formatting / lessons_lib.working;
// tests/widgets/test_js.py checks them against Python on generated cases, so the two cannot drift.

export const MINUS = "\u2212";

/**
 * x.toFixed(d) rounded the way Python's f"{x:.{d}f}" rounds: JavaScript breaks an exact
 * tie (2.5, 0.25, 0.125: values a double holds exactly) away from zero, Python to the
 * even digit ("2", "0.2", "0.12"). Only exact ties differ, so only they are redone.
 */
export function toFixedPy(x, d) {
  const text = x.toFixed(d);
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return text;
  // A tie times 10^d is n + 0.5 exactly, and so is its double product while that is below
  // 2^52 (10^d is exact up to d = 22): anything else is no tie, without the long digits.
  const scaled = Math.abs(x) * 10 ** d;
  if (d <= 22 && scaled < 2 ** 52 && scaled - Math.floor(scaled) !== 0.5) return text;
  const exact = Math.abs(x).toFixed(Math.min(100, d + 80)); // the double's own digits
  const point = exact.indexOf(".");
  if (!/^50*$/.test(exact.slice(point + 1 + d))) return text; // not a tie
  const kept = exact.slice(0, d > 0 ? point + 1 + d : point); // the tie rounded down
  if (Number(kept.at(-1)) % 2 !== 0) return text; // odd: rounding up reaches the even digit
  return (x < 0 ? "-" : "") + kept;
}

/** Fixed decimals, typographic minus, never "−0.00" (mirror of formatting.format_fixed). */
export function fixed(x, decimals) {
  if (!Number.isFinite(x)) return "undefined";
  let text = toFixedPy(x, decimals);
  if (Number(text) === 0) text = text.replace("-", "");
  return text.replaceAll("-", MINUS);
}

export function stripZeros(text) {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** Mirror of lessons_lib.formatting.format_number for floats. */
export function formatNumber(x, decimals = 2, trim = false) {
  if (!Number.isFinite(x)) return "undefined";
  let text;
  if (Number.isInteger(x) && Math.abs(x) < 1e15) {
    text = String(x === 0 ? 0 : x);
  } else if (x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals) {
    const exponent = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(2)))));
    if (exponent < -4) {
      const [mantissa, exp] = x.toExponential(1).split("e");
      text = `${stripZeros(mantissa)}×10^${Number(exp)}`;
    } else {
      text = stripZeros(x.toPrecision(2));
    }
  } else {
    text = toFixedPy(x, decimals);
    if (trim) text = stripZeros(text);
    if (Number(text) === 0) text = text.replace("-", "");
  }
  return text.replaceAll("-", MINUS);
}


export function formatVector(v, decimals = 2) {
  return `[${v.map((x) => formatNumber(x, decimals, true)).join(", ")}]`;
}

export function factor(x, decimals) {
  const text = formatNumber(x, decimals, true);
  return text.startsWith(MINUS) ? `(${text})` : text;
}

/** Mirror of lessons_lib.formatting.decimals_needed: places that show the products exactly. */
export function decimalsNeeded(a, b, lo = 2, hi = 6) {
  let total = 0;
  for (const v of [a, b]) {
    let places = 0;
    for (const x of v) {
      if (Number.isInteger(x)) continue;
      const text = String(x); // shortest round-trip digits, as Python's repr
      // Python's repr switches to an exponent below 1e-4 (JavaScript only below 1e-6)
      const scientific = Math.abs(x) < 1e-4 || text.includes("e");
      places = Math.max(places, scientific ? hi : (text.split(".")[1] || "").length);
    }
    total += places;
  }
  return Math.max(lo, Math.min(hi, total));
}

/** The exact value of a number as shown ("−1.07", "2.5×10^−5"): n / 10^k with BigInt n. */
export function shownValue(text) {
  let t = text.replace(/[()]/g, "").replaceAll(MINUS, "-");
  let exponent = 0;
  if (t.includes("×10^")) {
    const [mantissa, e] = t.split("×10^");
    t = mantissa;
    exponent = Number(e);
  }
  const negative = t.startsWith("-");
  if (negative) t = t.slice(1);
  const [whole, fraction = ""] = t.split(".");
  let n = BigInt(whole + fraction);
  let k = fraction.length - exponent;
  if (k < 0) {
    n *= 10n ** BigInt(-k);
    k = 0;
  }
  return { n: negative ? -n : n, k };
}

function times(a, b) {
  return { n: a.n * b.n, k: a.k + b.k };
}

function plus(a, b) {
  const k = Math.max(a.k, b.k);
  return { n: a.n * 10n ** BigInt(k - a.k) + b.n * 10n ** BigInt(k - b.k), k };
}

/** a − b, exactly. */
function minus(a, b) {
  return plus(a, { n: -b.n, k: b.k });
}

/** |d| ≤ half a unit of the places-th decimal, exactly. */
function withinHalf(d, places) {
  const n = d.n < 0n ? -d.n : d.n;
  return n * 10n ** BigInt(places + 1) <= 5n * 10n ** BigInt(d.k);
}

function isZero(d) {
  return d.n === 0n;
}

/**
 * Mirror of lessons_lib.working.factor_places: the places (at most) the factors are shown
 * with, so that each shown product is the product of the shown factors, rounded.
 */
export function factorPlaces(a, b, shownProducts, places, most = 10) {
  for (let p = places; p <= places + most; p++) {
    const ok = a.every((x, i) => withinHalf(minus(
      times(shownValue(formatNumber(x, p, true)), shownValue(formatNumber(b[i], p, true))),
      shownValue(shownProducts[i])), places));
    if (ok) return p;
  }
  return places + most;
}

/**
 * "1.8·0.8 + 1.2·1.8 = 1.44 + 2.16 = 3.60", as lessons_lib.dot_working writes float
 * vectors: products and total with the same fixed number of places (by default just
 * enough to show the products exactly), negative products subtracted, factors with the
 * digits their products need, and "≈" for a step where rounding enters.
 */
export function dotWorking(a, b, decimals = null) {
  const places = decimals ?? decimalsNeeded(a, b);
  const products = a.map((x, i) => x * b[i]);
  const total = products.reduce((s, p) => s + p, 0);
  const shown = products.map((p) => fixed(p, places));
  const fp = factorPlaces(a, b, shown, places);
  const first = a.map((x, i) => `${factor(x, fp)}·${factor(b[i], fp)}`).join(" + ");
  const multiplied = a.every((x, i) => isZero(minus(times(
    shownValue(formatNumber(x, fp, true)), shownValue(formatNumber(b[i], fp, true))),
  shownValue(shown[i])))) ? "=" : "≈";
  let second = "";
  shown.forEach((t, i) => {
    if (i === 0) second = t;
    else second += t.startsWith(MINUS) ? ` ${MINUS} ${t.slice(1)}` : ` + ${t}`;
  });
  const result = fixed(total, places);
  const sum = shown.map(shownValue).reduce(plus, { n: 0n, k: 0 });
  const added = isZero(minus(sum, shownValue(result))) ? "=" : "≈";
  return `${first} ${multiplied} ${second} ${added} ${result}`;
}
