"""Reading a printed working the way a learner checks it by hand.

A *working* is a line such as ``14.03·6 + 1.87·128 = 84.18 + 239.36 = 323.54``: numeric
expressions joined by ``=`` or ``≈``. :func:`relations` finds every such pair in a line of
text; :func:`verdict` redoes the arithmetic with the numbers exactly as shown:

* ``=`` must hold exactly for the numbers shown (``14.03·6 = 84.18``, not ``84.21``);
* ``≈`` says rounding entered: the right-hand side must be a rounding of a value the
  left-hand side can take when each of its numbers is anything that rounds to what is
  shown (interval arithmetic, half a unit of the last shown place either way).

Expressions: numbers (``−1.07``, ``2.5×10^−5``), ``+ − · × /``, ``√``, ``²``, ``σ( )``, parentheses,
and vectors ``[0.6, 0.8]`` (a scalar times a vector, vector + vector, vector·vector).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

MINUS = "\u2212"
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:×10\^[−-]?\d+)?")
_OPS = set("+-−·×/√²()[],σ")
#: a character right before a left operand / right after a right operand that makes the
#: operand part of a bigger (symbolic) expression, so the pair is not a numeric working
_GLUE_BEFORE = set("·×/+−-√^([_")
_GLUE_AFTER = set("·×/+−-²^([")
_TINY = Fraction(1, 10**25)


@dataclass(frozen=True)
class Val:
    """A value as read: face value ``mid`` (exact unless ``exact`` is False) in [lo, hi]."""

    lo: Fraction
    mid: Fraction
    hi: Fraction
    exact: bool = True

    def __add__(self, o: Val) -> Val:
        return Val(self.lo + o.lo, self.mid + o.mid, self.hi + o.hi, self.exact and o.exact)

    def __neg__(self) -> Val:
        return Val(-self.hi, -self.mid, -self.lo, self.exact)

    def __mul__(self, o: Val) -> Val:
        corners = [a * b for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Val(min(corners), self.mid * o.mid, max(corners), self.exact and o.exact)

    def __truediv__(self, o: Val) -> Val:
        if o.lo <= 0 <= o.hi:
            raise ValueError("division by an interval containing 0")
        corners = [a / b for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Val(min(corners), self.mid / o.mid, max(corners), self.exact and o.exact)


def _sqrt(x: Fraction) -> tuple[Fraction, bool]:
    if x < 0:
        raise ValueError("square root of a negative number")
    num, den = x.numerator, x.denominator
    rn, rd = math.isqrt(num), math.isqrt(den)
    if rn * rn == num and rd * rd == den:
        return Fraction(rn, rd), True
    with localcontext() as ctx:
        ctx.prec = 60
        return Fraction(Decimal(num).sqrt() / Decimal(den).sqrt()), False


def _vsqrt(v: Val) -> Val:
    mid, exact = _sqrt(v.mid)
    return Val(_sqrt(max(v.lo, Fraction(0)))[0], mid, _sqrt(v.hi)[0], exact and v.exact)


def _sigmoid(x: Fraction) -> Fraction:
    z = float(x)
    return Fraction(1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z)))


def _vsigmoid(v: Val) -> Val:
    return Val(_sigmoid(v.lo), _sigmoid(v.mid), _sigmoid(v.hi), exact=v.mid == 0 and v.exact)


Value = Val | list[Val]


class _Parser:
    def __init__(self, text: str, rounded_ints: bool) -> None:
        self.tokens = self._tokenize(text)
        self.i = 0
        self.rounded_ints = rounded_ints

    @staticmethod
    def _tokenize(text: str) -> list[str]:
        tokens, i = [], 0
        while i < len(text):
            ch = text[i]
            if ch.isspace():
                i += 1
                continue
            m = _NUMBER.match(text, i)
            if m:
                tokens.append(m.group())
                i = m.end()
            elif ch in _OPS:
                tokens.append("−" if ch == "-" else ch)
                i += 1
            else:
                raise ValueError(f"not a numeric expression: {ch!r}")
        return tokens

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise ValueError(f"expected {expected!r}, got {tok!r}")
        self.i += 1
        return tok

    def parse(self) -> Value:
        value = self.expr()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek()!r}")
        return value

    def expr(self) -> Value:
        value = self.term()
        while self.peek() in ("+", "−"):
            op = self.take()
            right = self.term()
            value = _add(value, _neg(right) if op == "−" else right)
        return value

    def term(self) -> Value:
        value = self.unary()
        while self.peek() in ("·", "×", "/", "["):
            op = self.take() if self.peek() != "[" else "·"  # 0.2 [3, 4]: a scalar multiple
            right = self.unary()
            value = _div(value, right) if op == "/" else _mul(value, right)
        return value

    def unary(self) -> Value:
        if self.peek() == "−":
            self.take()
            return _neg(self.unary())
        return self.power()

    def power(self) -> Value:
        value = self.atom()
        while self.peek() == "²":
            self.take()
            value = _mul(value, value)
        return value

    def atom(self) -> Value:
        tok = self.take()
        if tok == "(":
            value = self.expr()
            self.take(")")
            return value
        if tok == "[":
            items = [self.expr()]
            while self.peek() == ",":
                self.take()
                items.append(self.expr())
            self.take("]")
            if not all(isinstance(v, Val) for v in items):
                raise ValueError("nested vectors")
            return [v for v in items if isinstance(v, Val)]
        if tok == "σ":  # the sigmoid of lesson 04, σ(z) = 1 / (1 + e^(−z)), increasing
            self.take("(")
            inner = self.expr()
            self.take(")")
            if not isinstance(inner, Val):
                raise ValueError("σ of a vector")
            return _vsigmoid(inner)
        if tok == "√":
            inner = self.atom()
            if self.peek() == "²":  # √x² is √(x²)
                self.take()
                inner = _mul(inner, inner)
            if not isinstance(inner, Val):
                raise ValueError("√ of a vector")
            return _vsqrt(inner)
        if _NUMBER.fullmatch(tok):
            return _number(tok, self.rounded_ints)
        raise ValueError(f"unexpected {tok!r}")


def _number(tok: str, rounded_ints: bool) -> Val:
    mantissa, _, exponent = tok.partition("×10^")
    scale = Fraction(10) ** int(exponent.replace(MINUS, "-")) if exponent else Fraction(1)
    mid = Fraction(mantissa) * scale
    places = len(mantissa.split(".")[1]) if "." in mantissa else 0
    half = Fraction(1, 2 * 10**places) * scale if (places or rounded_ints or exponent) else 0
    return Val(mid - half, mid, mid + half)


def _elementwise(a: Value, b: Value, op: str) -> Value:
    if isinstance(a, Val) and isinstance(b, Val):
        return a + b if op == "+" else a * b
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            raise ValueError("vectors of different dimensions")
        if op == "·":  # the dot product
            total = a[0] * b[0]
            for x, y in zip(a[1:], b[1:], strict=True):
                total = total + x * y
            return total
        return [x + y for x, y in zip(a, b, strict=True)]
    if op == "+":
        raise ValueError("scalar + vector")
    scalar, vector = (a, b) if isinstance(a, Val) else (b, a)
    assert isinstance(scalar, Val) and isinstance(vector, list)
    return [scalar * x for x in vector]


def _add(a: Value, b: Value) -> Value:
    return _elementwise(a, b, "+")


def _mul(a: Value, b: Value) -> Value:
    return _elementwise(a, b, "·")


def _neg(a: Value) -> Value:
    return -a if isinstance(a, Val) else [-x for x in a]


def _div(a: Value, b: Value) -> Value:
    if not isinstance(b, Val):
        raise ValueError("division by a vector")
    return a / b if isinstance(a, Val) else [x / b for x in a]


def evaluate(text: str, rounded_ints: bool = False) -> Value:
    """The value of a numeric expression as shown (raises ValueError if it is not one)."""
    return _Parser(text, rounded_ints).parse()


def _parses(text: str) -> bool:
    try:
        evaluate(text)
    except (ValueError, ZeroDivisionError, IndexError):
        return False
    return bool(text.strip())


def _left_operand(segment: str) -> str | None:
    """The longest numeric expression that ends ``segment`` and stands on its own."""
    for start in range(len(segment)):
        if start and not (segment[start - 1].isspace() or segment[start - 1] == ":"):
            continue
        before = segment[:start].rstrip()
        if before and before[-1] in _GLUE_BEFORE:
            continue
        candidate = segment[start:].strip()
        if candidate and _parses(candidate):
            return candidate
    return None


def _right_operand(segment: str) -> str | None:
    """The longest numeric expression that starts ``segment`` and stands on its own."""
    for end in range(len(segment), 0, -1):
        if end < len(segment) and not (segment[end].isspace() or segment[end] in ",;.:)"):
            continue
        after = segment[end:].lstrip()
        if after and after[0] in _GLUE_AFTER and not after[1:2].isalpha():  # "(length 1)" is prose
            continue
        if after.startswith(".") and after[1:2].isdigit():
            continue
        candidate = segment[:end].strip()
        if candidate and _parses(candidate):
            return candidate
    return None


@dataclass(frozen=True)
class Relation:
    """One step of a working: ``left rel right`` (rel is ``=`` or ``≈``)."""

    left: str
    rel: str
    right: str
    after_rounding: bool  # an earlier step of the line was already "≈"

    def __str__(self) -> str:
        return f"{self.left} {self.rel} {self.right}"


def relations(line: str) -> list[Relation]:
    """Every ``numeric = numeric`` / ``numeric ≈ numeric`` step in a line of output."""
    parts = re.split(r"\s*([=≈])\s*", line)
    found, rounded = [], False
    for k in range(1, len(parts) - 1, 2):
        rel, before, after = parts[k], parts[k - 1], parts[k + 1]
        left, right = _left_operand(before), _right_operand(after)
        if left is not None and right is not None:
            found.append(Relation(left, rel, right, rounded))
        rounded = rounded or rel == "≈"
    return found


def _as_list(v: Value) -> list[Val]:
    return v if isinstance(v, list) else [v]


def verdict(r: Relation) -> str | None:
    """None if the step holds at the displayed precision, else what a learner would find."""
    left = _as_list(evaluate(r.left, rounded_ints=r.after_rounding))
    right = _as_list(evaluate(r.right, rounded_ints=r.after_rounding or r.rel == "≈"))
    if len(left) != len(right):
        return f"{r}: a vector of {len(left)} components on one side, {len(right)} on the other"
    for lv, rv in zip(left, right, strict=True):
        if r.rel == "=":
            same = lv.mid == rv.mid if lv.exact and rv.exact else abs(lv.mid - rv.mid) < _TINY
            if not same:
                term = _first_wrong_term(r) if len(left) == 1 else None
                if term:
                    return f"{r}: {term}, not what is shown"
                return (f"{r}: by hand the left side is {float(lv.mid):.10g}, not "
                        f"{float(rv.mid):.10g} (write ≈ if rounding enters, or show the "
                        "numbers that make it exact)")
        elif lv.hi < rv.lo or rv.hi < lv.lo:
            return (f"{r}: the left side, with its numbers rounded as shown, lies in "
                    f"[{float(lv.lo):.10g}, {float(lv.hi):.10g}], which does not round to "
                    f"{float(rv.mid):.10g}")
    return None


def _top_terms(text: str) -> list[str]:
    """``'14.03·6 + (−1.07)·4 − 2'`` → ``['14.03·6', '+(−1.07)·4', '−2']`` (depth-0 split)."""
    terms, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += 1 if ch in "([" else -1 if ch in ")]" else 0
        before = text[:i].rstrip()
        if depth == 0 and ch in "+−-" and before and before[-1] not in "·×/+−-":
            terms.append(text[start:i].strip())
            start = i
    terms.append(text[start:].strip())
    return [t.replace(" ", "") for t in terms if t]


def _first_wrong_term(r: Relation) -> str | None:
    left, right = _top_terms(r.left), _top_terms(r.right)
    if len(left) != len(right) or len(left) < 2:
        return None
    for lt, rt in zip(left, right, strict=True):
        sub = Relation(lt.lstrip("+"), "=", rt.lstrip("+"), r.after_rounding)
        try:
            if verdict(sub) is not None:
                return f"{sub.left} is {float(_as_list(evaluate(sub.left))[0].mid):.10g} by hand"
        except (ValueError, ZeroDivisionError, IndexError):
            return None
    return None


def check_line(line: str) -> tuple[int, list[str]]:
    """How many steps ``line`` has, and what is wrong with them."""
    found = relations(line)
    problems = [f"{line.strip()!r}: {v}" for r in found if (v := verdict(r)) is not None]
    return len(found), problems
