"""lessons_lib.matrices: matrix × vector and matrix × matrix as dot products (lesson 06, §6).

Expected values come from NumPy or hand arithmetic, never from the module under test.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons_lib.matrices import (
    as_rows,
    matmul,
    matmul_table,
    matvec,
    matvec_working,
    shape,
    transpose,
)

small = st.integers(min_value=-9, max_value=9)


def test_matvec_is_one_dot_product_per_row_by_hand():
    # row 1: 1·5 + 2·6 = 17, row 2: 3·5 + 4·6 = 39
    assert matvec([[1, 2], [3, 4]], [5, 6]) == [17, 39]


def test_matvec_working_writes_every_row():
    text = str(matvec_working([[2, -1, 0], [1, 1, 1]], [3, 4, 5]))
    assert "row 1: 2·3 + (−1)·4 + 0·5 = 6 − 4 + 0 = 2" in text
    assert "row 2: 1·3 + 1·4 + 1·5 = 3 + 4 + 5 = 12" in text
    assert text.endswith("M x = [2, 12]")


@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_matvec_matches_numpy(n, d, data):
    M = [[data.draw(small) for _ in range(d)] for _ in range(n)]
    x = [data.draw(small) for _ in range(d)]
    assert matvec(M, x) == (np.array(M) @ np.array(x)).tolist()


@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.data())
def test_matmul_matches_numpy_and_shapes(n, d, m, data):
    A = [[data.draw(small) for _ in range(d)] for _ in range(n)]
    B = [[data.draw(small) for _ in range(m)] for _ in range(d)]
    out = matmul(A, B)
    assert out == (np.array(A) @ np.array(B)).tolist()
    assert shape(out) == (n, m)  # (n × d)(d × m) → n × m


def test_qkt_cell_is_query_dot_key():
    Q = np.array([[1.0, 0.0], [0.5, 2.0], [-1.0, 1.0]])
    K = np.array([[2.0, 1.0], [0.0, 3.0]])
    table = np.array(matmul(Q, transpose(K)))
    for i in range(3):
        for j in range(2):
            assert table[i, j] == pytest.approx(float(np.sum(Q[i] * K[j])))


def test_transpose_by_hand():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_matmul_table_names_row_and_column():
    text = str(matmul_table([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
    assert "shapes: (2 × 2)(2 × 2) → 2 × 2" in text
    # 3·6 + 4·8 = 18 + 32 = 50
    assert "cell (2, 2) = row 2 of A · column 2 of B = 3·6 + 4·8 = 18 + 32 = 50" in text


@pytest.mark.parametrize(("call", "words"), [
    (lambda: matvec([[1, 2, 3]], [1, 2]), ["3 columns", "2 entries", ".T"]),
    (lambda: matmul([[1, 2]], [[1, 2]]), ["2 columns", "1 rows", "(n × d)(d × m)"]),
    (lambda: as_rows([1, 2]), ["single vector", "[[1, 2]]"]),
    (lambda: as_rows([[1, 2], [3]]), ["different numbers of entries", "row 2 has 1"]),
    (lambda: as_rows([]), ["empty"]),
    (lambda: matvec([[1, float("nan")]], [1, 1]), ["row 1 of M"]),
])
def test_bad_input_names_problem_and_fix(call, words):
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    for word in words:
        assert word in str(info.value), str(info.value)


def test_text_is_refused():
    with pytest.raises(TypeError, match="text"):
        as_rows("[[1, 2]]")
