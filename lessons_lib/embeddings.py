"""Real vectors from a real transformer, shipped with the package (lessons 06 and 08).

``lessons_lib/data/minilm_head.npz`` (≈ 200 kB, no download) was extracted from
``sentence-transformers/all-MiniLM-L6-v2`` by ``scripts/extract_real_head.py``;
``minilm_head.json`` next to it records where every number came from.

* :func:`load_word_embeddings` / :func:`load_sentence_embeddings` — 384-number
  embedding vectors (unit length, so a dot product is a cosine similarity) of a few
  single words and sentences: lesson 06, "words as vectors".
* :func:`load_real_head` — one attention head (layer 5, head 11) on the sentence
  "the cat drank the milk near the car": the hidden states entering the layer, the
  head's query/key/value projections and the model's own attention weights, so
  lesson 08 can recompute the head with :mod:`lessons_lib.attention`.
* :func:`score_table` — the dot product of every pair of chosen vectors (lesson 06).

Lesson 09's whole attention layer is in ``minilm_layer.npz`` (+ ``minilm_layer.json``),
loaded by :func:`lessons_lib.multihead.load_real_layer`.

Examples
--------
>>> words = load_word_embeddings()
>>> words.vectors.shape
(8, 384)
>>> head = load_real_head()
>>> head.tokens[:4]
['[CLS]', 'the', 'cat', 'drank']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessons_lib.attention import attention_scores, softmax

__all__ = ["Embeddings", "RealHead", "load_real_head", "load_sentence_embeddings",
           "load_word_embeddings", "provenance", "score_table"]

DATA_FILE = "minilm_head.npz"

FloatArray = NDArray[np.floating[Any]]


@cache
def _load(name: str = DATA_FILE) -> dict[str, Any]:
    """The arrays of one shipped ``.npz`` file (read-only) with its provenance parsed."""
    ref = resources.files("lessons_lib") / "data" / name
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as npz:
        data = {key: npz[key] for key in npz.files}
    for array in data.values():
        # Every loader hands out these cached arrays: read-only, so one caller's edit
        # (emb.vectors[0] = 0) cannot corrupt what every later load returns.
        array.setflags(write=False)
    data["provenance"] = json.loads(str(data["provenance"]))
    return data


def provenance() -> dict[str, Any]:
    """Where the shipped numbers came from: model id, versions, layer, head, sentences.

    Examples
    --------
    >>> provenance()["model_id"]
    'sentence-transformers/all-MiniLM-L6-v2'
    """
    return dict(_load()["provenance"])


@dataclass(frozen=True)
class Embeddings:
    """Labelled embedding vectors: ``vectors[i]`` is the vector of ``labels[i]``.

    Attributes
    ----------
    labels : list of str
    vectors : numpy.ndarray, shape (len(labels), 384), float32, unit length rows
    """

    labels: list[str]
    vectors: FloatArray = field(repr=False)

    def __getitem__(self, label: str) -> FloatArray:
        """The vector of one word/sentence, e.g. ``words["cat"]``."""
        try:
            return self.vectors[self.labels.index(label)]
        except ValueError:
            raise UnknownLabel(
                f"{label!r} is not in the shipped data. Choose one of: {', '.join(self.labels)}."
            ) from None

    def __repr__(self) -> str:
        return (f"Embeddings({len(self.labels)} vectors of {self.vectors.shape[1]} numbers: "
                f"{', '.join(self.labels)})")


def load_word_embeddings() -> Embeddings:
    """Real 384-number embeddings of single words (lesson 06).

    Each is the all-MiniLM-L6-v2 sentence embedding of the word on its own
    (mean of the last layer's token vectors, scaled to length 1).

    Examples
    --------
    >>> words = load_word_embeddings()
    >>> words.labels
    ['cat', 'kitten', 'dog', 'milk', 'cheese', 'car', 'truck', 'road']
    >>> round(float(np.linalg.norm(words["cat"])), 4)
    1.0
    """
    data = _load()
    return Embeddings([str(w) for w in data["words"]], data["word_embeddings"])


def load_sentence_embeddings() -> Embeddings:
    """Real 384-number sentence embeddings of a few short sentences (lesson 06).

    Examples
    --------
    >>> sentences = load_sentence_embeddings()
    >>> sentences.labels[0]
    'A cat is drinking milk.'
    """
    data = _load()
    return Embeddings([str(s) for s in data["sentences"]], data["sentence_embeddings"])


class UnknownLabel(KeyError, ValueError):
    """A word or sentence that the shipped data does not have (a ``KeyError`` for lookups,
    a ``ValueError`` for a bad argument), shown with its message, not its repr."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def score_table(embeddings: Embeddings, rows: list[str], cols: list[str]) -> FloatArray:
    """Dot product of every chosen row vector with every chosen column vector (lesson 06).

    The vectors have length 1, so each score is also the cosine similarity.

    Examples
    --------
    >>> words = load_word_embeddings()
    >>> table = score_table(words, ["cat"], ["kitten", "car"])
    >>> table.shape
    (1, 2)
    >>> bool(table[0, 0] > table[0, 1])      # cat is closer to kitten than to car
    True
    """
    for name, words in (("rows", rows), ("cols", cols)):
        if isinstance(words, (str, bytes)) or not isinstance(words, (list, tuple)) or not (
                words and all(isinstance(w, str) for w in words)):
            raise TypeError(f"{name} must be a list of at least one word, e.g. "
                            f"{name} = ['cat', 'dog'].")
        unknown = [w for w in words if w not in embeddings.labels]
        if unknown:
            raise UnknownLabel(f"{name} holds {unknown[0]!r}, which is not in the shipped data. "
                               f"Choose one of: {', '.join(embeddings.labels)}.")
    R = np.stack([embeddings[r] for r in rows]).astype(np.float64)
    C = np.stack([embeddings[c] for c in cols]).astype(np.float64)
    return attention_scores(R, C, scale=False)


@dataclass(frozen=True)
class RealHead:
    """One attention head of all-MiniLM-L6-v2 on one sentence (lesson 08).

    PyTorch orientation: a projection computes ``H @ W.T + b``, with ``W`` of
    shape (d_k, 384) — :meth:`queries`, :meth:`keys` and :meth:`values` do exactly that.

    Attributes
    ----------
    tokens : list of str
        The sentence as the model saw it, ``[CLS] … [SEP]``.
    hidden_states_in : numpy.ndarray, shape (n_tokens, 384)
        The token vectors entering the layer.
    w_q, w_k, w_v : numpy.ndarray, shape (d_k, 384)
        This head's rows of the query/key/value projection weights.
    b_q, b_k, b_v : numpy.ndarray, shape (d_k,)
        This head's biases.
    model_weights : numpy.ndarray, shape (n_tokens, n_tokens)
        The model's own attention probabilities for this head (row = query token).
    all_model_weights : numpy.ndarray, shape (layers, heads, n_tokens, n_tokens)
        The model's attention probabilities for every layer and head, for contrast.
    layer, head, d_k : int
    provenance : dict
    """

    tokens: list[str]
    hidden_states_in: FloatArray = field(repr=False)
    w_q: FloatArray = field(repr=False)
    b_q: FloatArray = field(repr=False)
    w_k: FloatArray = field(repr=False)
    b_k: FloatArray = field(repr=False)
    w_v: FloatArray = field(repr=False)
    b_v: FloatArray = field(repr=False)
    model_weights: FloatArray = field(repr=False)
    all_model_weights: FloatArray = field(repr=False)
    layer: int
    head: int
    d_k: int
    provenance: dict[str, Any] = field(repr=False)

    def _project(self, w: FloatArray, b: FloatArray) -> FloatArray:
        return self.hidden_states_in.astype(np.float64) @ w.T.astype(np.float64) + b

    def queries(self) -> FloatArray:
        """``Q = H W_qᵀ + b_q``, one 32-number query per token."""
        return self._project(self.w_q, self.b_q)

    def keys(self) -> FloatArray:
        """``K = H W_kᵀ + b_k``, one 32-number key per token."""
        return self._project(self.w_k, self.b_k)

    def values(self) -> FloatArray:
        """``V = H W_vᵀ + b_v``, one 32-number value per token."""
        return self._project(self.w_v, self.b_v)

    def recomputed_weights(self) -> FloatArray:
        """``softmax(Q Kᵀ / √d_k)`` computed with :mod:`lessons_lib.attention`."""
        return softmax(attention_scores(self.queries(), self.keys()))

    def __repr__(self) -> str:
        return (f"RealHead(model={self.provenance['model_id']!r}, layer={self.layer}, "
                f"head={self.head}, d_k={self.d_k}, tokens={self.tokens})")


def load_real_head() -> RealHead:
    """The shipped attention head (layer 5, head 11 of all-MiniLM-L6-v2) (lesson 08).

    Examples
    --------
    >>> head = load_real_head()
    >>> head.queries().shape, head.w_q.shape
    ((10, 32), (32, 384))
    >>> float(np.abs(head.recomputed_weights() - head.model_weights).max()) < 1e-5
    True
    """
    data = _load()
    prov = data["provenance"]
    return RealHead(
        tokens=[str(t) for t in data["tokens"]],
        hidden_states_in=data["hidden_states_in"],
        w_q=data["w_q"], b_q=data["b_q"],
        w_k=data["w_k"], b_k=data["b_k"],
        w_v=data["w_v"], b_v=data["b_v"],
        model_weights=data["attention_probs"],
        all_model_weights=data["all_attention_probs"],
        layer=int(prov["layer"]), head=int(prov["head"]), d_k=int(prov["d_k"]),
        provenance=dict(prov),
    )
