"""Measuring what normalising costs: raw dot products vs cosine similarity (lesson 03).

Source 002: normalising "requires calculating squares and roots, so it's kind of
expensive"; when vectors have similar lengths the raw dot product is enough.
:func:`compare_dot_vs_cosine` scores one query against many vectors both ways
with NumPy and times each with :mod:`timeit`. Timings vary from machine to
machine and run to run (the notebook cell that prints them is tagged
``nbval-ignore-output``); the operation counts do not.
"""

from __future__ import annotations

import numbers
import timeit
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from lessons_lib._validate import as_matrix, as_vector
from lessons_lib.geometry import cosine_similarity

__all__ = ["CostComparison", "compare_dot_vs_cosine", "cosine_scores", "raw_scores"]


def raw_scores(X: NDArray[np.float64], q: NDArray[np.float64]) -> NDArray[np.float64]:
    """One raw dot product per row: X @ q (lesson 03).

    Examples
    --------
    >>> raw_scores(np.array([[1.0, 0.0], [3.0, 4.0]]), np.array([1.0, 1.0])).tolist()
    [1.0, 7.0]
    """
    Xm, qv = _checked(X, q)
    return _finite(Xm @ qv, "X q")


def _checked(X: object, q: object) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    Xm = as_matrix(X, "X", "vector")
    qv = np.asarray(as_vector(q, "q"), dtype=float)
    if Xm.shape[1] != qv.shape[0]:
        raise ValueError(f"each row of X has {Xm.shape[1]} numbers but q has {qv.shape[0]}. "
                         "Every row is compared with q by a dot product, so both need the same "
                         "number of components (the same dimension). Check for a missing or extra "
                         "number.")
    return Xm.astype(np.float64, copy=False), qv


def _finite(out: NDArray[np.float64], what: str) -> NDArray[np.float64]:
    if not np.isfinite(out).all():
        raise OverflowError(f"{what} is too large to represent as a float (it overflowed to "
                            "infinity). Scale X and q down, e.g. divide them by 1000.")
    return out


def cosine_scores(X: NDArray[np.float64], q: NDArray[np.float64]) -> NDArray[np.float64]:
    """Cosine similarity of every row with q: (X @ q) / (‖xᵢ‖‖q‖) (lesson 03).

    Per row this adds d squares, a sum, a square root and a division to the raw
    dot product.

    Examples
    --------
    >>> cosine_scores(np.array([[1.0, 0.0], [3.0, 4.0]]), np.array([1.0, 0.0])).tolist()
    [1.0, 0.6]
    """
    Xm, qv = _checked(X, q)
    if not np.isfinite(Xm).all():
        i, j = (int(t) for t in np.argwhere(~np.isfinite(Xm))[0])
        raise ValueError(f"X[{i}, {j}] is {Xm[i, j]}, not a finite number, so its cosine would "
                         "be meaningless. Replace it with a finite number.")
    norms = np.sqrt(np.einsum("ij,ij->i", Xm, Xm)) * np.sqrt(qv @ qv)
    if not np.isfinite(norms).all() or (norms == 0).any():
        # too large, too small or zero for the fast formula: the exact path decides
        return np.array([cosine_similarity(row, qv) for row in Xm])
    return _finite(np.clip((Xm @ qv) / norms, -1.0, 1.0), "a cosine")


@dataclass(frozen=True)
class CostComparison:
    """Timings of :func:`raw_scores` vs :func:`cosine_scores` on the same data.

    Attributes
    ----------
    n_vectors, dim : int
        How many vectors were scored and their length.
    raw_seconds, cosine_seconds : float
        Best time of one call, in seconds.
    """

    n_vectors: int
    dim: int
    raw_seconds: float
    cosine_seconds: float

    @property
    def ratio(self) -> float:
        """How many times longer cosine similarity took than the raw dot products."""
        return self.cosine_seconds / self.raw_seconds

    @property
    def operations(self) -> tuple[int, int]:
        """Multiplications + additions + roots + divisions per query: raw vs cosine.

        Raw: n·d multiplications and n·(d − 1) additions. Cosine also squares
        every number of every vector (n·d more multiplications, n·(d − 1)
        additions), takes n + 1 square roots, n + 1 multiplications of norms and
        n divisions (the query's own norm once).
        """
        n, d = self.n_vectors, self.dim
        raw = n * d + n * (d - 1)
        extra = (n * d + n * (d - 1)) + (d + d - 1) + (n + 1) + n + n
        return raw, raw + extra

    def __str__(self) -> str:
        raw_ops, cos_ops = self.operations
        return "\n".join([
            f"{self.n_vectors} vectors of dimension {self.dim}, one query:",
            f"  raw dot products   : {self.raw_seconds * 1e3:8.3f} ms  ({raw_ops:,} operations)",
            f"  cosine similarity  : {self.cosine_seconds * 1e3:8.3f} ms  ({cos_ops:,} operations)",
            f"  cosine / raw       : {self.ratio:.1f}× the time",
        ])

    def __repr__(self) -> str:
        return str(self)


def compare_dot_vs_cosine(n_vectors: int = 100_000, dim: int = 64, *, seed: int = 0,
                          repeat: int = 5, number: int = 10) -> CostComparison:
    """Time raw dot products against cosine similarity on random vectors (lesson 03).

    The vectors come from ``np.random.default_rng(seed)``; each method runs
    ``number`` times per measurement, the two methods alternate, and the best of
    ``repeat`` measurements of each is kept (the usual :mod:`timeit` practice: the
    minimum is the least disturbed).

    Examples
    --------
    >>> c = compare_dot_vs_cosine(200, 8, repeat=2, number=2)
    >>> c.n_vectors, c.dim, c.ratio > 0
    (200, 8, True)
    """
    for name, value in (("n_vectors", n_vectors), ("dim", dim), ("repeat", repeat),
                        ("number", number)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not (
                1 <= value <= 10**8):
            raise ValueError(f"{name} must be a whole number from 1 to 10**8 (got "
                             f"{str(value)[:30]}). "
                             f"Use e.g. {name} = 10.")
    if n_vectors * dim > 10**8:
        raise ValueError(f"n_vectors × dim is {n_vectors * dim:,}: more numbers than this "
                         "demo needs (at most 100,000,000). Use smaller sizes, e.g. "
                         "n_vectors = 100_000, dim = 64.")
    n_vectors, dim = int(n_vectors), int(dim)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_vectors, dim))
    q = rng.normal(size=dim)
    # Interleave the two measurements so both see the same machine load (a shared
    # JupyterHub is noisy), and keep the best (least disturbed) run of each.
    raw_timer = timeit.Timer(lambda: raw_scores(X, q))
    cos_timer = timeit.Timer(lambda: cosine_scores(X, q))
    raw, cos = float("inf"), float("inf")
    for _ in range(repeat):
        raw = min(raw, raw_timer.timeit(number) / number)
        cos = min(cos, cos_timer.timeit(number) / number)
    return CostComparison(n_vectors, dim, raw, cos)
