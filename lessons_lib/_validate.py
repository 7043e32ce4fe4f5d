"""Input checking shared by every public function.

Every learner-facing function funnels its arguments through :func:`as_vector`
(and :func:`same_length` for pairs), so a bad input is caught once, in one place,
with a message that says what went wrong and how to fix it. Nothing here is
taught in a lesson; it exists so that a lesson never shows a NaN or a silently
wrong number.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import warnings
from collections.abc import Iterator, Sequence, Sized
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

#: What the public functions accept as a vector.
VectorLike = Sequence[float] | Sequence[int] | NDArray[np.number]

#: A number as the package returns it: an exact Python ``int`` when every input
#: was an integer, otherwise a ``float``.
Number = int | float


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _not_finite(name: str, i: int, f: float) -> ValueError:
    if math.isnan(f):
        return ValueError(
            f"{name}[{i}] is NaN (not a number), so every result would be NaN. "
            "Find where the NaN came from (a 0/0 or a missing value) and replace it."
        )
    return ValueError(
        f"{name}[{i}] is infinite ({f}), so the result would be meaningless. "
        "Use finite numbers; check for a division by zero upstream."
    )


#: The largest magnitude a float holds (about 1.8e308).
FLOAT_MAX = 1.7976931348623157e308


def _too_large(name: str, digits: int | None = None) -> OverflowError:
    size = f" (a number with {digits} digits)" if digits else ""
    return OverflowError(
        f"{name} is too large{size} to compute with as a float (over about 1.8e308). "
        "Scale the numbers down, e.g. divide every number by 1000."
    )


def refuse_masked(value: object, name: str) -> None:
    """Raise a clear ``TypeError`` for a NumPy masked array (its mask would be ignored)."""
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(
            f"{name} is a masked array: some of its entries are hidden by a mask, and the "
            "lessons' functions would not know which to skip. Fill the hidden entries, e.g. "
            f"{name}.filled(0), or drop them, e.g. {name}.compressed()."
        )


def as_number(x: object, name: str) -> Number:
    """One real number (``int`` kept exact, everything else ``float``), with clear errors.

    Examples
    --------
    >>> as_number(3, "c"), as_number(0.5, "c")
    (3, 0.5)
    >>> as_number(None, "c")
    Traceback (most recent call last):
    ...
    TypeError: c is None, not a number. Put a number there, e.g. c = 2 (did a cell forget to ...
    """
    refuse_masked(x, name)
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind in "iuf":
        x = x[()]
    if isinstance(x, (bool, np.bool_)):
        raise TypeError(
            f"{name} is {x} (True/False), not a number. Use 1 or 0 if that is what you meant."
        )
    if x is None:
        raise TypeError(
            f"{name} is None, not a number. Put a number there, e.g. {name} = 2 "
            "(did a cell forget to `return` or assign it?)."
        )
    if isinstance(x, (list, tuple, np.ndarray)):
        raise ValueError(
            f"{name} is itself a list, but a single number is needed here. "
            f"Pick one number, e.g. {name}[0]."
        )
    if isinstance(x, (str, bytes)):
        raise TypeError(
            f"{name} is the text {_describe(x)}, not a number. "
            "Write numbers without quotes, e.g. 2.5, not '2.5'."
        )
    if isinstance(x, (complex, np.complexfloating)):
        raise TypeError(
            f"{name} is the complex number {_describe(x)}, but the lessons use real numbers "
            f"only. Use its real part, e.g. {name}.real, if the imaginary part is 0."
        )
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ValueError(
                f"{name} is Decimal({str(x)!r}), not a finite number. Replace it with a number."
            )
        if x == x.to_integral_value():
            x = int(x)
        else:
            f = float(x)
            if not math.isfinite(f):
                raise _too_large(name)
            return f
    if isinstance(x, numbers.Integral):
        out = int(x)
        if abs(out) > FLOAT_MAX:
            raise _too_large(name, len(str(abs(out))))
        return out
    if isinstance(x, numbers.Real):
        try:
            f = float(x)
        except OverflowError:
            raise _too_large(name) from None
        if not math.isfinite(f):
            if math.isnan(f):
                raise ValueError(
                    f"{name} is NaN (not a number), so every result would be NaN. Find where "
                    "the NaN came from (a 0/0 or a missing value) and replace it."
                )
            raise ValueError(
                f"{name} is infinite ({f}), so the result would be meaningless. Use a finite "
                "number; check for a division by zero upstream."
            )
        return f
    raise TypeError(
        f"{name} is {_describe(x)} (a {type(x).__name__}), not a number. "
        f"Give a number, e.g. {name} = 2."
    )


def as_vector(value: object, name: str = "a") -> list[Number]:
    """Check that ``value`` is a vector and return its numbers as a Python list.

    Integers stay Python ``int`` (so they never overflow the way ``int64`` would);
    everything else becomes ``float``.

    Parameters
    ----------
    value : list, tuple or 1-D numpy array of numbers
        The candidate vector.
    name : str
        What to call it in an error message (``"a"``, ``"b"``, ``"q"`` ...).

    Returns
    -------
    list of int or float

    Raises
    ------
    TypeError
        If ``value`` is not a list/tuple/array, or holds something that is not a
        number (a string, ``None``, a bool, a nested list).
    ValueError
        If it is empty, 2-D, or holds NaN or infinity.

    Examples
    --------
    >>> as_vector((1, 2, 3))
    [1, 2, 3]
    >>> as_vector([1, 2.5])
    [1, 2.5]
    >>> as_vector([1, "2"], name="b")
    Traceback (most recent call last):
    ...
    TypeError: b[1] is the text '2', not a number. Write numbers without quotes, ...
    """
    refuse_masked(value, name)
    if isinstance(value, (str, bytes)):
        raise TypeError(
            f"{name} is the text {_describe(value)}, not a vector. "
            f"Write a vector as a list of numbers, e.g. {name} = [1, 2, 3]."
        )
    if value is None:
        raise TypeError(
            f"{name} is None, not a vector. Give a list of numbers, e.g. {name} = [1, 2, 3] "
            "(did a cell forget to `return` or assign it?)."
        )
    if isinstance(value, (set, frozenset, dict)):
        kind = type(value).__name__
        raise TypeError(
            f"{name} is a {kind}, which has no fixed order, so it cannot be a vector. "
            f"Use a list instead, e.g. {name} = [1, 2, 3]."
        )
    if isinstance(value, (numbers.Number, np.generic)):
        raise TypeError(
            f"{name} is a single number ({_describe(value)}), not a vector. "
            f"Wrap it in a list if you meant a 1-number vector: {name} = [{_describe(value)}]."
        )
    if isinstance(value, np.ndarray):
        if value.ndim != 1:
            raise ValueError(
                f"{name} has shape {value.shape}, but a vector must be 1-D (one row of numbers). "
                f"Pick one row, e.g. {name}[0], or flatten it with {name}.ravel()."
            )
        if value.dtype.kind == "c":
            raise TypeError(
                f"{name} is an array of complex numbers, but the lessons use real numbers only. "
                f"Use its real part, {name}.real, if every imaginary part is 0."
            )
        if value.dtype.kind == "b":
            raise TypeError(
                f"{name} is an array of True/False values (bools), not numbers. Convert it with "
                f"{name}.astype(int) if you meant 1 and 0."
            )
        if not (np.issubdtype(value.dtype, np.number) or value.dtype == object):
            raise TypeError(
                f"{name} is an array of {value.dtype} values, not numbers. "
                "Convert it with .astype(float), or write the numbers without quotes."
            )
        items: Sequence[object] = value.tolist()
    elif isinstance(value, Sequence):
        items = value
    else:
        raise TypeError(
            f"{name} is a {type(value).__name__}, not a vector. "
            f"Give a list, tuple or 1-D NumPy array of numbers, e.g. {name} = [1, 2, 3]."
        )

    if len(items) == 0:
        raise ValueError(
            f"{name} is empty. A vector needs at least one number, e.g. {name} = [1, 2, 3]."
        )

    out: list[Number] = []
    for i, x in enumerate(items):
        if isinstance(x, (bool, np.bool_)):
            raise TypeError(
                f"{name}[{i}] is {x} (a bool), not a number. Use 1 or 0 if that is what you meant."
            )
        if isinstance(x, (list, tuple, np.ndarray)):
            raise ValueError(
                f"{name}[{i}] is itself a list, so {name} looks 2-D (a table), but a vector is "
                f"one row of numbers. Pick one row, e.g. {name}[0], or flatten it."
            )
        if x is None:
            raise TypeError(
                f"{name}[{i}] is None, not a number. Put a number in its place, e.g. 0 "
                "(did a cell forget to `return` a value?)."
            )
        if isinstance(x, (str, bytes)):
            raise TypeError(
                f"{name}[{i}] is the text {_describe(x)}, not a number. "
                "Write numbers without quotes, e.g. [1, 2, 3]."
            )
        if isinstance(x, (numbers.Real, Decimal)):
            if isinstance(x, Decimal) and x.is_nan():
                raise _not_finite(name, i, math.nan)
            if isinstance(x, (float, np.floating)) and not math.isfinite(x):
                raise _not_finite(name, i, float(x))
            if isinstance(x, Decimal) and x.is_infinite():
                raise _not_finite(name, i, float(x))
            out.append(as_number(x, f"{name}[{i}]"))
        elif isinstance(x, (complex, np.complexfloating)):
            raise TypeError(
                f"{name}[{i}] is the complex number {_describe(x)}, but the lessons use real "
                f"numbers only. Use its real part, e.g. {name}[{i}].real, if the imaginary part "
                "is 0."
            )
        else:
            raise TypeError(
                f"{name}[{i}] is {_describe(x)} (a {type(x).__name__}), not a number. "
                "Put a number in its place, e.g. [1, 2, 3]."
            )
    return out


#: Vectors longer than this are "large": they are checked with vectorised NumPy
#: (not number by number) and :func:`lessons_lib.vectors.dot` sums them with
#: ``np.dot``, whose last bit may depend on the CPU. Every vector a lesson shows
#: is far shorter, and those are summed left to right in Python floats: the same
#: bits on every machine.
LARGE = 1000


def as_large_array(value: object, name: str = "a", *,
                   check_finite: bool = True) -> NDArray[np.number] | None:
    """Vectorised check of a *large* numeric vector; ``None`` for anything else.

    A 1-D NumPy array (or a list that NumPy turns into one) of more than
    :data:`LARGE` ints or floats is checked with array operations: no NaN, no
    infinity, no bools, no strings. Anything else returns ``None`` so that the
    caller uses :func:`as_vector`, whose number-by-number loop names the exact
    offending entry. ``check_finite=False`` leaves the NaN/infinity scan to a
    caller that can tell from its result (a dot product of vectors holding a
    NaN or an infinity is never finite) and calls this again only then.

    Examples
    --------
    >>> as_large_array([1.0, 2.0]) is None      # small: use as_vector
    True
    >>> as_large_array(np.ones(2000)).shape
    (2000,)
    >>> bad = np.ones(2000); bad[1500] = np.nan
    >>> as_large_array(bad, "b")
    Traceback (most recent call last):
    ...
    ValueError: b[1500] is NaN (not a number), so every result would be NaN. ...
    """
    refuse_masked(value, name)
    if isinstance(value, np.ndarray):
        arr = value
    elif isinstance(value, (list, tuple)) and len(value) > LARGE:
        if isinstance(value[0], (bool, np.bool_, str, bytes)):
            return None
        try:
            arr = np.asarray(value)
        except (ValueError, TypeError):
            return None
    else:
        return None
    if arr.ndim != 1 or arr.size <= LARGE or arr.dtype.kind not in "iuf":
        return None  # the slow path explains 2-D, bool, object and str arrays precisely
    if arr.dtype.kind == "f" and check_finite:
        with np.errstate(over="ignore", invalid="ignore"):
            total = float(arr.sum())  # one quick pass: a NaN or infinity makes it not finite
        if not math.isfinite(total):
            finite = np.isfinite(arr)
            if not finite.all():
                i = int(np.argmin(finite))
                raise _not_finite(name, i, float(arr[i]))
    if arr.dtype.kind == "f":
        return arr.astype(np.float64, copy=False)
    if arr.dtype.kind == "u" and arr.dtype.itemsize == 8:
        return None  # uint64 beyond int64: exact Python ints on the slow path
    return arr.astype(np.int64, copy=False)


@contextlib.contextmanager
def overflow_named(what: str) -> Iterator[None]:
    """Re-raise an ``OverflowError`` inside the block as one that names ``what`` (e.g. "w·x").

    Examples
    --------
    >>> with overflow_named("w·x"):
    ...     float(10**400)
    Traceback (most recent call last):
    ...
    OverflowError: w·x is too large to represent as a float (over about 1.8e308). ...
    """
    try:
        yield
    except OverflowError:
        raise OverflowError(
            f"{what} is too large to represent as a float (over about 1.8e308). Scale the "
            "numbers down, e.g. divide every number by 1000."
        ) from None


def same_length(a: Sized, b: Sized, names: tuple[str, str] = ("a", "b"),
                what: str = "the dot product") -> None:
    """Raise a ``ValueError`` naming both lengths if ``a`` and ``b`` differ in length.

    Examples
    --------
    >>> same_length([1, 2, 3], [4, 5])
    Traceback (most recent call last):
    ...
    ValueError: a has 3 numbers but b has 2. For the dot product both vectors need ...
    """
    if len(a) != len(b):
        first, second = names
        raise ValueError(
            f"{first} has {len(a)} number{'s' if len(a) != 1 else ''} but {second} has "
            f"{len(b)}. For {what} both vectors need the same number of components (the same "
            f"dimension): every position of {first} is paired with the same position of "
            f"{second}. Check for a missing or extra number."
        )


def finite_result(value: float, what: str) -> float:
    """Return ``value`` if it is finite; otherwise raise an ``OverflowError``.

    Used on results, so that huge inputs never surface as ``inf`` or ``nan``.

    Examples
    --------
    >>> finite_result(3.5, "a·b")
    3.5
    >>> finite_result(float("inf"), "a·b")
    Traceback (most recent call last):
    ...
    OverflowError: a·b is too large to represent as a float (it overflowed to infinity). ...
    """
    if not math.isfinite(value):
        raise OverflowError(
            f"{what} is too large to represent as a float (it overflowed to infinity). "
            "Scale the vectors down, e.g. divide every number by 1000."
        )
    return value


# --------------------------------------------------------------------------- tables
# Matrices (Q, K, V, weight tables, heatmaps): the same checks, in one home.

FloatArray = NDArray[np.floating[Any]]


def as_float_array(value: object, name: str) -> FloatArray:
    """Convert to a float array (float32/float64 kept, ints → float64), with clear errors."""
    refuse_masked(value, name)
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        arr = value if value.dtype.itemsize >= 4 else value.astype(np.float64)
    else:
        if isinstance(value, (list, tuple)):
            _no_bools(value, name)
        if isinstance(value, (str, bytes)) or value is None:
            raise TypeError(
                f"{name} is {value!r}, not a table of numbers. Give a NumPy array or a list of "
                f"rows, e.g. {name} = [[1.0, 0.0], [0.0, 1.0]]."
            )
        if not isinstance(value, (np.ndarray, Sequence, numbers.Number, np.generic)):
            raise TypeError(
                f"{name} is a {type(value).__name__}, not a table of numbers. Give a NumPy "
                f"array or a list of rows, e.g. {name} = [[1.0, 0.0], [0.0, 1.0]]."
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                arr = np.asarray(value)
        except (ValueError, TypeError) as exc:  # ragged nested lists
            raise ValueError(
                f"{name} has rows with different numbers of entries, so it is not a table. "
                f"Give every row of {name} the same number of entries."
            ) from exc
        except OverflowError:
            raise _too_large(name) from None
        if arr.dtype == object:
            arr = _object_table(arr, name)
        if arr.dtype.kind == "c":
            raise TypeError(
                f"{name} holds complex numbers, but the lessons use real numbers only. "
                f"Use its real part, {name}.real, if every imaginary part is 0."
            )
        if arr.dtype.kind == "b":
            raise TypeError(
                f"{name} holds True/False values, not numbers. Convert with "
                f"{name}.astype(float) if you meant 1 and 0."
            )
        if arr.dtype.kind not in "iuf":
            raise TypeError(
                f"{name} holds {arr.dtype} values, not numbers. Build it from numbers only "
                "(no strings or None), e.g. np.array([[1.0, 2.0]])."
            )
        arr = arr.astype(np.float64)
    return arr


def _no_bools(rows: Sequence[object], name: str) -> None:
    """A True/False inside a list of rows would become 1.0/0.0 silently: refuse it."""
    for i, row in enumerate(rows):
        inner = row if isinstance(row, (list, tuple)) else [row]
        for j, x in enumerate(inner):
            if isinstance(x, (bool, np.bool_)):
                where = f"{name}[{i}][{j}]" if isinstance(row, (list, tuple)) else f"{name}[{i}]"
                raise TypeError(
                    f"{where} is {x} (True/False), not a number. Use 1 or 0 if that is "
                    "what you meant."
                )


def _object_table(arr: NDArray[Any], name: str) -> NDArray[Any]:
    """An object array (Decimal, Fraction, None, big ints …) checked entry by entry."""
    out = np.empty(arr.shape, dtype=np.float64)
    for index, x in np.ndenumerate(arr):
        where = f"{name}[{', '.join(str(i) for i in index)}]"
        if isinstance(x, (list, tuple, np.ndarray)):
            raise ValueError(
                f"{where} is itself a list, so {name} has more levels than a table of rows. "
                f"Give {name} as a list of rows of numbers, e.g. [[1.0, 2.0], [3.0, 4.0]]."
            )
        value = as_number(x, where)
        try:
            out[index] = float(value)
        except OverflowError:
            raise _too_large(where) from None
    return out


def as_matrix(value: object, name: str, row_word: str = "row") -> FloatArray:
    """A 2-D float array with at least one row and column (``row_word``: 'query', 'key' …)."""
    arr = as_float_array(value, name)
    if arr.ndim == 1:
        raise ValueError(
            f"{name} is 1-D (shape {arr.shape}), but it must be a 2-D table with one row per "
            f"{row_word} token. For a single {row_word} use {name}[None, :] or "
            f"np.atleast_2d({name}), which gives shape (1, {arr.shape[0]})."
        )
    if arr.ndim != 2:
        raise ValueError(
            f"{name} has shape {arr.shape}, but it must be 2-D: (number of {row_word} tokens, "
            f"vector dimension). For one sentence/one head, pick it out first, e.g. {name}[0]."
        )
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(
            f"{name} has shape {arr.shape}: it needs at least one row and one column. "
            f"Give it numbers, e.g. {name} = [[1.0, 0.0], [0.0, 1.0]]."
        )
    return arr


def check_finite(arr: FloatArray, name: str) -> None:
    if not np.isfinite(arr).all():
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = ", ".join(str(int(i)) for i in bad)
        value = arr[tuple(bad)]
        kind = "NaN (not a number)" if np.isnan(value) else f"infinite ({value})"
        raise ValueError(
            f"{name}[{where}] is {kind}, so every weight in its row would be meaningless. "
            "Find where it came from (a 0/0, a division by zero, a missing value) and replace it."
        )
