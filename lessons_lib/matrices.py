"""Matrices as many dot products: matrix × vector, matrix × matrix, the transpose.

Taught at the end of lesson 06, before lesson 07 uses QKᵀ. Every result here is
built from :func:`lessons_lib.vectors.dot`, one dot product at a time, so the
working can be shown:

* a matrix times a vector is **one dot product per row**: (M x)ᵢ = (row i of M)·x;
* a matrix times a matrix is a **table of dot products**: (A B)ᵢⱼ = (row i of A)·(column j of B);
* the transpose turns rows into columns, so (Q Kᵀ)ᵢⱼ = qᵢ·kⱼ;
* shapes: (n × d)(d × m) → n × m; the two inner sizes must agree.

Examples
--------
>>> matvec([[1, 2], [3, 4]], [5, 6])
[17, 39]
>>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
[[19, 22], [43, 50]]
>>> transpose([[1, 2, 3], [4, 5, 6]])
[[1, 4], [2, 5], [3, 6]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lessons_lib._validate import Number, as_vector, overflow_named
from lessons_lib.formatting import format_vector
from lessons_lib.vectors import _dot
from lessons_lib.working import DotWorking, _dot_working

Matrix = list[list[Number]]

__all__ = ["MatVecWorking", "MatmulTable", "as_rows", "matmul", "matmul_table", "matvec",
           "matvec_working", "shape", "transpose"]


def as_rows(value: object, name: str = "M") -> Matrix:
    """Check that ``value`` is a matrix (a table of numbers) and return its rows as lists.

    Integers stay Python ``int`` so that small hand examples print exactly.

    Parameters
    ----------
    value : list of lists, or 2-D NumPy array, of numbers
        Every row must have the same number of entries.
    name : str
        What to call it in an error message.

    Returns
    -------
    list of lists of numbers

    Examples
    --------
    >>> as_rows([[1, 2], [3, 4]])
    [[1, 2], [3, 4]]
    >>> as_rows([1, 2])
    Traceback (most recent call last):
    ...
    ValueError: M is a single vector [1, 2], but a matrix is a table of rows. ...: [[1, 2]].
    >>> as_rows([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    ValueError: M's rows have different numbers of entries (row 1 has 2, row 2 has 1); ...
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} is text ({value!r}), but it must be a table of numbers, "
                        f"e.g. {name} = [[1, 2], [3, 4]].")
    if isinstance(value, np.ndarray):
        if value.ndim != 2:
            raise ValueError(f"{name} has {value.ndim} dimension(s) (shape {value.shape}), but a "
                             "matrix has 2: rows and columns. Use np.atleast_2d for one row.")
        candidates: list[object] = list(value)
    elif isinstance(value, Sequence):
        candidates = list(value)
    else:
        kind = "None" if value is None else f"a {type(value).__name__}"
        raise TypeError(f"{name} is {kind}, but it must be a table of numbers, "
                        f"e.g. {name} = [[1, 2], [3, 4]].")
    if not candidates:
        raise ValueError(f"{name} is empty; a matrix needs at least one row, e.g. [[1, 2]].")
    if all(isinstance(c, (int, float, np.number)) and not isinstance(c, bool)
           for c in candidates):
        text = format_vector(as_vector(value, name))
        raise ValueError(f"{name} is a single vector {text}, but a matrix is a table of rows. "
                         f"Wrap it in a list for one row: [{text}].")
    rows = [as_vector(row, f"row {i + 1} of {name}") for i, row in enumerate(candidates)]
    sizes = [len(r) for r in rows]
    if len(set(sizes)) > 1:
        bad = next(i for i, s in enumerate(sizes) if s != sizes[0])
        raise ValueError(f"{name}'s rows have different numbers of entries (row 1 has {sizes[0]}, "
                         f"row {bad + 1} has {sizes[bad]}); every row of a matrix needs the same "
                         "number. Check for a missing or extra number.")
    return rows


def shape(M: object, name: str = "M") -> tuple[int, int]:
    """(number of rows, number of columns) of a matrix.

    Examples
    --------
    >>> shape([[1, 2, 3], [4, 5, 6]])
    (2, 3)
    """
    rows = as_rows(M, name)
    return len(rows), len(rows[0])


def transpose(M: object, name: str = "M") -> Matrix:
    """Mᵀ: row i of M becomes column i (lesson 06, section 6).

    Examples
    --------
    >>> transpose([[1, 2, 3], [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    >>> transpose(transpose([[1, 2], [3, 4]]))
    [[1, 2], [3, 4]]
    """
    return _transpose(as_rows(M, name))


def _transpose(rows: Matrix) -> Matrix:
    """:func:`transpose` of rows checked already (:func:`as_rows`)."""
    return [list(col) for col in zip(*rows, strict=True)]


def _inner_sizes(n_cols: int, n_entries: int, left: str, right: str, entries: str) -> None:
    if n_cols != n_entries:
        raise ValueError(
            f"{left} has {n_cols} columns but {right} has {n_entries} {entries}: in {left}{right} "
            f"every row of {left} is dotted with {right}, so these must be equal "
            "((n × d)(d × m) → n × m). Check the order of the factors, or whether one of them "
            "needs a transpose (.T)."
        )


@dataclass(frozen=True)
class MatVecWorking:
    """M x with one dot product per row, every step kept.

    Attributes
    ----------
    rows : tuple of DotWorking
        The working of (row i of M)·x for every row i.
    result : list of numbers
        M x, the totals of the rows.
    """

    rows: tuple[DotWorking, ...]
    result: list[Number]

    def __str__(self) -> str:
        width = len(str(len(self.rows)))
        lines = [f"row {i + 1:>{width}}: {w}" for i, w in enumerate(self.rows)]
        decimals = max(w.decimals for w in self.rows)
        lines.append(f"M x = {format_vector(self.result, decimals)}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)


def matvec(M: object, x: object) -> list[Number]:
    """M x: one dot product per row of M (lesson 06, section 6).

    Parameters
    ----------
    M : n × d table of numbers
    x : vector of d numbers

    Returns
    -------
    list of n numbers

    Examples
    --------
    >>> matvec([[1, 2], [3, 4]], [5, 6])
    [17, 39]
    >>> matvec([[1, 2, 3]], [1, 1])
    Traceback (most recent call last):
    ...
    ValueError: M has 3 columns but x has 2 entries: in Mx every row of M is dotted with x, ...
    """
    rows = as_rows(M, "M")
    vx = as_vector(x, "x")
    _inner_sizes(len(rows[0]), len(vx), "M", "x", "entries")
    with overflow_named("M x (a row of M times x)"):
        return [_dot(row, vx) for row in rows]


def matvec_working(M: object, x: object) -> MatVecWorking:
    """M x with the working of every row's dot product written out (lesson 06).

    Examples
    --------
    >>> matvec_working([[1, 2], [3, 4]], [5, 6])
    row 1: 1·5 + 2·6 = 5 + 12 = 17
    row 2: 3·5 + 4·6 = 15 + 24 = 39
    M x = [17, 39]
    >>> matvec_working([[0.5, -1], [2, 0]], [2, 1])
    row 1: 0.5·2 + (−1)·1 = 1.00 − 1.00 = 0.00
    row 2: 2·2 + 0·1 = 4 + 0 = 4
    M x = [0, 4]
    """
    rows = as_rows(M, "M")
    vx = as_vector(x, "x")
    _inner_sizes(len(rows[0]), len(vx), "M", "x", "entries")
    with overflow_named("M x (a row of M times x)"):
        workings = tuple(_dot_working(row, vx) for row in rows)
    return MatVecWorking(workings, [w.total for w in workings])


def matmul(A: object, B: object) -> Matrix:
    """A B: the table of dot products, cell (i, j) = (row i of A)·(column j of B).

    Examples
    --------
    >>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    [[19, 22], [43, 50]]
    >>> matmul([[1, 0, 2]], [[1], [2], [3]])
    [[7]]
    """
    rows, cols = as_rows(A, "A"), _transpose(as_rows(B, "B"))
    _inner_sizes(len(rows[0]), len(cols[0]), "A", "B", "rows")
    with overflow_named("A B (a row of A times a column of B)"):
        return [[_dot(r, c) for c in cols] for r in rows]


@dataclass(frozen=True)
class MatmulTable:
    """A B as a table of dot products, with the working of each cell.

    Attributes
    ----------
    A, B : list of lists of numbers
    table : list of lists of numbers
        ``table[i][j]`` = (row i of A)·(column j of B).
    cells : tuple of tuples of DotWorking
    """

    A: Matrix
    B: Matrix
    table: Matrix
    cells: tuple[tuple[DotWorking, ...], ...]
    names: tuple[str, str] = ("A", "B")

    @property
    def shape_line(self) -> str:
        """``(2 × 3)(3 × 2) → 2 × 2``."""
        n, d = len(self.A), len(self.A[0])
        m = len(self.B[0])
        return f"({n} × {d})({d} × {m}) → {n} × {m}"

    def __str__(self) -> str:
        decimals = max(w.decimals for row in self.cells for w in row)
        left, right = self.names
        lines = [f"shapes: {self.shape_line}"]
        for i, row in enumerate(self.cells):
            for j, w in enumerate(row):
                lines.append(f"cell ({i + 1}, {j + 1}) = row {i + 1} of {left} · column {j + 1} "
                             f"of {right} = {w}")
        lines.append(f"{left} {right} =")
        lines += [f"  {format_vector(r, decimals)}" for r in self.table]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)


def matmul_table(A: object, B: object, *, names: tuple[str, str] = ("A", "B")) -> MatmulTable:
    """A B with every cell's dot product written out (lesson 06, section 6).

    ``names`` labels the two factors in the working, e.g. ``("Q", "Kᵀ")``.

    Examples
    --------
    >>> matmul_table([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    shapes: (2 × 2)(2 × 2) → 2 × 2
    cell (1, 1) = row 1 of A · column 1 of B = 1·5 + 2·7 = 5 + 14 = 19
    cell (1, 2) = row 1 of A · column 2 of B = 1·6 + 2·8 = 6 + 16 = 22
    cell (2, 1) = row 2 of A · column 1 of B = 3·5 + 4·7 = 15 + 28 = 43
    cell (2, 2) = row 2 of A · column 2 of B = 3·6 + 4·8 = 18 + 32 = 50
    A B =
      [19, 22]
      [43, 50]
    >>> print(matmul_table([[1, 0]], [[2], [3]], names=("Q", "Kᵀ")))
    shapes: (1 × 2)(2 × 1) → 1 × 1
    cell (1, 1) = row 1 of Q · column 1 of Kᵀ = 1·2 + 0·3 = 2 + 0 = 2
    Q Kᵀ =
      [2]
    """
    rows, B_rows = as_rows(A, "A"), as_rows(B, "B")
    cols = _transpose(B_rows)
    _inner_sizes(len(rows[0]), len(B_rows), "A", "B", "rows")
    with overflow_named("A B (a row of A times a column of B)"):
        cells = tuple(tuple(_dot_working(r, c) for c in cols) for r in rows)
    table = [[w.total for w in row] for row in cells]
    return MatmulTable(rows, B_rows, table, cells, names)
