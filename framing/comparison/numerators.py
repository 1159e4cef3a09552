"""The sentence rows of a span table, and each measure's numerator and denominator per row.

Every measure of :mod:`framing.comparison.rates` is a ratio of sums over
sentence rows (:func:`sentence_rows`): :func:`matrices` gives, per row and
measure, the numerator (a sparse matrix: most sentences have no label, hedge
or quote) and the denominator, and which span rows each measure counts.
:func:`grouped_sums` adds the numerators up per group of rows (an outlet, an
article) in row order, so that every sum equals its dense counterpart to the last bit.

Example:
    >>> from framing.model import spans_to_frame, Span
    >>> s = spans_to_frame([Span("a", "o", "sentence", 0, 9, "It may be", 0, score=3.0),
    ...                     Span("a", "o", "hedge", 3, 6, "may", 0, label="may", voice="authorial")])
    >>> rows, where = sentence_rows(s)
    >>> m = [Measure("hedge_per_1000_words", "g", "hedges", "per 1,000 words", "rate", ("hedge",))]
    >>> num, den, den_of, hits = matrices(s, rows, where, m)
    >>> num.toarray().tolist(), den[:, den_of].tolist(), hits[0].tolist()
    ([[1.0]], [[3.0]], [1])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.corpus.segmentation import count_words
from framing.measures import Measure, Where
from framing.nesting import part_of, words_outside

__all__ = ["grouped_sums", "matrices", "select", "sentence_rows"]


def select(spans: pd.DataFrame, features: Sequence[str], where: Where = ()) -> pd.Series:
    """Boolean mask of the spans of these features passing the filters.

    Example:
        >>> from framing.model import spans_to_frame, Span
        >>> s = spans_to_frame([Span("a", "o", "hedge", 0, 3, "may", voice="authorial")])
        >>> select(s, ["hedge"], (("voice", ("direct_quote",)),)).tolist()
        [False]
    """
    mask = spans["feature"].isin(list(features))
    for column, allowed in where:
        mask &= spans[column].isin(list(allowed))
    return mask


def sentence_rows(spans: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per sentence (article_id, outlet_id, sentence, n_words) and each span's row in it.

    Spans outside any sentence (``sentence == -1``) or in sentences with no
    ``sentence`` span get a pseudo-sentence of 0 words, so they are still
    resampled. Rows: the sentences in span-table order, then the pseudo-sentences in order of
    first appearance. The id columns hold the span table's own strings (no copies).

    Example:
        >>> from framing.model import spans_to_frame, Span
        >>> s = spans_to_frame([Span("a", "o", "sentence", 0, 5, "Hi yo", 0, score=2.0)])
        >>> rows, where = sentence_rows(s)
        >>> rows["n_words"].tolist(), where.tolist()
        ([2.0], [0])
    """
    article = spans["article_id"].to_numpy(dtype=object)
    sentence = spans["sentence"].to_numpy(dtype=np.int64)
    codes, _ = pd.factorize(article)
    width = int(sentence.max()) + 2 if len(sentence) else 1
    key = codes.astype(np.int64) * width + (sentence + 1)  # one integer per (article, sentence)
    sent = np.flatnonzero((spans["feature"] == "sentence").to_numpy(dtype=bool))
    base = sent[np.sort(np.unique(key[sent], return_index=True)[1])]  # first sentence span of each key
    first = np.sort(np.unique(key, return_index=True)[1])  # each key's first span, in table order
    extra = first[~np.isin(key[first], key[base])]
    order = np.concatenate([base, extra])
    words = spans["score"].to_numpy(dtype=float)[base]
    rows = pd.DataFrame({
        "article_id": pd.Series(article[order], dtype=object, copy=False),
        "outlet_id": pd.Series(spans["outlet_id"].to_numpy(dtype=object)[order], dtype=object, copy=False),
        "sentence": sentence[order],
        "n_words": np.concatenate([np.where(np.isnan(words), 0.0, words), np.zeros(len(extra))]),
        "is_sentence": np.arange(len(order)) < len(base),
    })
    row_keys = key[order]
    sorted_keys = np.argsort(row_keys, kind="stable")
    where = sorted_keys[np.searchsorted(row_keys[sorted_keys], key)]  # every span's key is a row's key
    return rows, where.astype(np.int64)


def matrices(
    spans: pd.DataFrame, rows: pd.DataFrame, where: np.ndarray, measures: Sequence[Measure]
) -> tuple[sp.csc_matrix, np.ndarray, np.ndarray, list[np.ndarray]]:
    """Per sentence row and measure, the numerator; the distinct denominators; each measure's denominator; hits.

    The numerators are a sparse matrix (about 6% of the cells of a news corpus are not zero: labels,
    hedges and quotes are in few sentences) summed by :func:`grouped_sums`. Most measures share a
    denominator (the words of the row, for every rate): it is one column of ``den``, and ``den_of[j]``
    is measure ``j``'s column. Every sum over rows of ``den[:, den_of]`` equals the sum of ``den``
    indexed afterwards (column by column), in a fraction of the memory. ``hits[j]``: the span-table
    rows measure ``j`` counts, ascending.
    """
    n = len(rows)
    words = rows["n_words"].to_numpy(dtype=float)
    is_sentence = rows["is_sentence"].to_numpy(dtype=bool).astype(float)
    scores = spans["score"].to_numpy(dtype=float)
    texts = spans["text"].to_numpy(dtype=object)
    cells: list[np.ndarray] = []  # each measure's rows with a value (ascending) ...
    values: list[np.ndarray] = []  # ... and the values
    columns: list[np.ndarray] = []  # the distinct denominators
    column_of: dict[object, int] = {}  # denominator key -> its column

    def column(key: object, make: Callable[[], np.ndarray]) -> int:
        if key not in column_of:
            column_of[key] = len(columns)
            columns.append(make())
        return column_of[key]

    def keep(numerator: np.ndarray) -> None:
        nonzero = np.flatnonzero(numerator)
        cells.append(nonzero)
        values.append(numerator[nonzero])

    den_of = np.zeros(len(measures), dtype=np.int64)
    hit_rows: list[np.ndarray] = []
    span_words: np.ndarray | None = None
    table = _Columns(spans)

    def base_counts(m: Measure) -> np.ndarray:  # a share_of measure's base: its base spans per row
        return np.bincount(where[table.counted(m.base_features, m.base_where, m.within)], minlength=n).astype(float)

    for j, m in enumerate(measures):
        mask = table.counted(m.features, m.where, m.within)
        if m.kind == "mean":
            mask &= ~np.isnan(scores)
        hit_rows.append(np.flatnonzero(mask))
        hits = np.bincount(where[mask], minlength=n).astype(float)
        if m.kind == "rate":
            keep(hits)
            den_of[j] = column("words", lambda: words)
        elif m.kind == "share_words":
            if m.outside:  # words inside other spans (a paraphrase's quoted words) belong to another share
                weights = words_outside(spans, mask, table.select(m.outside, m.outside_where))
            else:
                if span_words is None:
                    span_words = np.full(len(spans), np.nan)
                todo = np.flatnonzero(mask & np.isnan(span_words))  # words counted once per span, only where needed
                span_words[todo] = [count_words(t) for t in texts[todo]]
                weights = span_words
            keep(np.bincount(where[mask], weights=weights[mask], minlength=n))
            den_of[j] = column("words", lambda: words)
        elif m.kind == "share_sentences":
            keep((hits > 0).astype(float))
            den_of[j] = column("sentences", lambda: is_sentence)
        elif m.kind == "share_of":
            keep(hits)
            den_of[j] = column((m.base_features, m.base_where, m.within), partial(base_counts, m))
        elif m.kind == "mean":
            keep(np.bincount(where[mask], weights=scores[mask], minlength=n))
            den_of[j] = column(("hits", j), partial(np.asarray, hits))
        else:  # not resampled (distinct speakers, article means)
            keep(np.zeros(n))
            den_of[j] = column("none", partial(np.zeros, n))
    indptr = np.concatenate([[0], np.cumsum([len(c) for c in cells])]).astype(np.int64)
    num = sp.csc_matrix((np.concatenate(values) if values else np.zeros(0),
                         np.concatenate(cells) if cells else np.zeros(0, dtype=np.int64), indptr),
                        shape=(n, len(measures)))
    den = np.column_stack(columns) if columns else np.zeros((n, 0))
    return num, den, den_of, hit_rows


def grouped_sums(matrix: sp.csc_matrix, group_of: np.ndarray, n_groups: int) -> np.ndarray:
    """Column sums of a sparse matrix's rows per group (``group_of``: each row's group, 0..n-1, or -1 for none).

    Each sum is added up in row order: the same numbers, to the last bit, as the dense
    ``matrix.toarray()[group_of == g].sum(axis=0)`` (which adds a column's values row by row; its
    zeros change nothing), without the dense matrix. Returns an ``n_groups x columns`` array.

    Example:
        >>> m = sp.csc_matrix(np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 4.0]]))
        >>> grouped_sums(m, np.array([1, 0, 1]), 2).tolist()
        [[0.0, 2.0], [4.0, 4.0]]
    """
    n_columns = matrix.shape[1]
    columns = np.repeat(np.arange(n_columns), np.diff(matrix.indptr))
    groups = group_of[matrix.indices]
    chosen = groups >= 0
    flat = np.bincount(columns[chosen] * n_groups + groups[chosen], weights=matrix.data[chosen],
                       minlength=n_columns * n_groups)
    return np.ascontiguousarray(flat.reshape(n_columns, n_groups).T)


class _Columns:
    """The span table as :func:`matrices` reads it: each column's values as integer codes, made once.

    Sixty measures select their spans by feature, voice, target...: matching codes costs a fraction
    of hashing the column's strings again for each. It also keeps which rows count with an enclosing
    span (:func:`framing.nesting.part_of`), per (features, within).
    """

    def __init__(self, spans: pd.DataFrame) -> None:
        self._spans = spans
        self._codes: dict[str, tuple[np.ndarray, dict[object, int]]] = {}
        self._parts: dict[tuple[tuple[str, ...], tuple[str, ...]], np.ndarray] = {}

    def isin(self, column: str, allowed: Sequence[object]) -> np.ndarray:
        """``spans[column].isin(allowed)`` as a boolean array."""
        if any(pd.isna(v) for v in allowed):  # missing values have no code: ask pandas
            return self._spans[column].isin(list(allowed)).to_numpy(dtype=bool)
        if column not in self._codes:
            codes, uniques = pd.factorize(self._spans[column])
            small = codes.astype(np.int32) if len(uniques) < 2**31 else codes  # half the memory of intp codes
            self._codes[column] = (small, {v: k for k, v in enumerate(uniques)})
        codes, code_of = self._codes[column]
        return np.isin(codes, [code_of[v] for v in allowed if v in code_of])

    def select(self, features: Sequence[str], where: Where = ()) -> np.ndarray:
        """:func:`select` as a boolean array."""
        mask = self.isin("feature", list(features))
        for column, allowed in where:
            mask &= self.isin(column, list(allowed))
        return mask

    def counted(self, features: Sequence[str], where: Where, within: tuple[str, ...]) -> np.ndarray:
        """:meth:`select`, less the spans that count with an enclosing span of the ``within`` features.

        A quote inside a paraphrase of the same speaker is one statement with it.
        """
        mask = self.select(features, where)
        if within:
            key = (tuple(features), within)
            if key not in self._parts:
                self._parts[key] = part_of(self._spans, self.isin("feature", list(features)),
                                           self.isin("feature", list(within))) >= 0
            mask &= ~self._parts[key]
        return mask
