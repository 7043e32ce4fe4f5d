"""Pick words, see the score table (lesson 06).

A small ipywidgets form over the real vectors shipped in
:mod:`lessons_lib.embeddings`. Two kinds of score can be compared:

* ``"embeddings"`` — the dot product of two words' embedding vectors (unit length,
  so it is their cosine similarity): *how alike are the words?*
* ``"head"`` — the scaled score ``q·k / √d_k`` of the real attention head
  (layer 5, head 11 of all-MiniLM-L6-v2) in the sentence "the cat drank the milk
  near the car": *how much should this token look at that one, here?*

Each row also shows the softmax of the chosen scores (weights summing to 1).

Examples
--------
>>> table = WordScoreTable(query="cat", keys=["milk", "car"])
>>> print(repr(table))                       # doctest: +NORMALIZE_WHITESPACE
WordScoreTable: dot products of word embeddings (cosine similarity), query 'cat'
key    score  softmax
milk    0.34     0.47
car     0.46     0.53
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np

from lessons_lib.attention import attention_scores, format_table, softmax
from lessons_lib.embeddings import load_real_head, load_word_embeddings
from lessons_lib.widgets._common import TextReprMixin
from lessons_lib.widgets.sliders import LIVE, AccessibleControls

__all__ = ["WordScoreTable"]

_SOURCES = {
    "embeddings": "dot products of word embeddings (cosine similarity)",
    "head": "real head scores q·k/√d_k (layer 5, head 11, 'the cat drank the milk near the car')",
}


def _head_labels(tokens: Sequence[str]) -> list[str]:
    """Token labels made unique by position where a token repeats (the(1), the(4) …)."""
    return [f"{t}({i})" if tokens.count(t) > 1 else t for i, t in enumerate(tokens)]


class WordScoreTable(TextReprMixin, widgets.VBox):
    """Choose a query word and some key words; see their scores and softmax weights.

    Parameters
    ----------
    query : str, default "cat"
    keys : sequence of str, default milk, car, kitten
    source : {"embeddings", "head"}, default "embeddings"
        Which score to show (see the module docstring).
    """

    def __init__(self, query: str = "cat", keys: Sequence[str] = ("milk", "car", "kitten"),
                 source: str = "embeddings") -> None:
        if source not in _SOURCES:
            raise ValueError(f"source is {source!r}; choose 'embeddings' or 'head'.")
        self._words = load_word_embeddings()
        head = load_real_head()
        self._head_labels = _head_labels(head.tokens)
        self._head_scores = attention_scores(head.queries(), head.keys())
        self._source = widgets.ToggleButtons(
            options=[("word embeddings", "embeddings"), ("real attention head", "head")],
            value=source, description="score:", tooltips=list(_SOURCES.values()))
        self._query = widgets.Dropdown(description="query:")
        self._keys = widgets.SelectMultiple(description="keys:", rows=8)
        self._table = widgets.HTML()
        self._table.add_class(LIVE)
        self._changing = False  # True while the options are replaced (see _set_options)
        #: the words shown for each source, kept while the other source is shown
        self._chosen: dict[str, tuple[str, tuple[str, ...]]] = {
            "embeddings": ("cat", ("milk", "car", "kitten")),
            "head": ("cat", ("milk", "car", "drank")),
        }
        self._set_options(query, keys)
        for control in (self._query, self._keys):
            control.observe(lambda _change: self._render(), names="value")
        self._source.observe(self._on_source, names="value")
        super().__init__([self._source, widgets.HBox([self._query, self._keys]), self._table,
                          AccessibleControls()])
        self._render()

    # ----------------------------------------------------------------- state
    def _labels(self) -> list[str]:
        return self._words.labels if self._source.value == "embeddings" else self._head_labels

    def _set_options(self, query: str, keys: Sequence[str]) -> None:
        labels = self._labels()
        example = f"e.g. query={labels[1]!r}, keys=[{labels[2]!r}, {labels[3]!r}]"
        if not isinstance(query, str):
            raise TypeError(f"query is {query!r}, but it must be one word in quotes, {example}. "
                            f"Choose from: {', '.join(labels)}.")
        if isinstance(keys, str) or not isinstance(keys, Sequence) or not all(
                isinstance(k, str) for k in keys):
            raise TypeError(f"keys is {keys!r}, but it must be a list of words in quotes, "
                            f"{example}. Choose from: {', '.join(labels)}.")
        if not keys:
            raise ValueError(f"keys is empty: give at least one word to score against the "
                             f"query, {example}.")
        for what, name in (("query is", query), *(("keys has", k) for k in keys)):
            if name not in labels:
                raise ValueError(f"{what} {name!r}, which is not available here; choose "
                                 f"from: {', '.join(labels)}.")
        # Replacing a list's options resets its value, which would redraw the table with
        # the new query against the old keys (a word the other source does not have), so
        # nothing is drawn until both lists hold the new words.
        # Options and the new choice go to the page in one message per list (a value
        # for the old options would be applied to the new ones there).
        self._changing = True
        try:
            with self._query.hold_sync(), self._keys.hold_sync():
                self._query.options = labels
                self._query.value = query
                self._keys.options = labels
                self._keys.value = tuple(keys)
        finally:
            self._changing = False

    def _on_source(self, change: dict[str, Any]) -> None:
        # each source keeps the learner's own choice: switching to the head and back
        # returns the words chosen before (not the starting words)
        self._chosen[change["old"]] = (self.query_word, tuple(self.key_words))
        query, keys = self._chosen[change["new"]]
        self._set_options(query, keys)
        self._render()

    @property
    def query_word(self) -> str:
        """The chosen query word."""
        return str(self._query.value)

    @property
    def key_words(self) -> list[str]:
        """The chosen key words, in the order shown.

        (Not called ``keys``: every ipywidget already has a ``keys`` list, its synced traits.)
        """
        return list(self._keys.value)

    def scores(self) -> np.ndarray:
        """The raw scores of the query against each chosen key."""
        if not self.key_words:
            return np.zeros(0)
        if self._source.value == "embeddings":
            q = self._words[self.query_word][None, :].astype(np.float64)
            K = np.stack([self._words[k] for k in self.key_words]).astype(np.float64)
            return attention_scores(q, K, scale=False)[0]
        i = self._head_labels.index(self.query_word)
        cols = [self._head_labels.index(k) for k in self.key_words]
        return self._head_scores[i, cols]

    # ----------------------------------------------------------------- display
    def text(self) -> str:
        """The table as plain text (what the widget shows)."""
        title = f"{_SOURCES[self._source.value]}, query {self.query_word!r}"
        if not self.key_words:
            return f"{title}\n(choose at least one key word)"
        s = self.scores()
        table = np.column_stack([s, softmax(s)])
        body = format_table(table, self.key_words, ["score", "softmax"], corner="key")
        return f"{title}\n{body}"

    def _render(self) -> None:
        if self._changing:
            return
        self._table.value = f"<pre>{html.escape(self.text())}</pre>"

    def _repr_text(self) -> str:
        return f"WordScoreTable: {self.text()}"
