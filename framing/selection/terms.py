"""TF-IDF rows as scikit-learn's ``TfidfVectorizer`` makes them, each distinct word analysed once per run.

:func:`framing.selection.vectors.vectorize` joins two TF-IDF matrices: words
(English stop words removed) and character n-grams within words (``char_wb``,
3 to 5 characters). Sentence alignment fits them once per story, thousands
of times on a large corpus, and scikit-learn's vectoriser then spends nearly
all its time re-reading the same words: every n-gram of every occurrence goes
through a Python loop, and each fit sorts its vocabulary. A
:class:`TermCounter` keeps, for the whole run, each distinct word's feature
ids (its n-grams are cut once), counts a text set's features with NumPy, and
fits the inverse document frequencies on that text set alone, as
``TfidfVectorizer(sublinear_tf=True, dtype=np.float32)`` does:

* term frequency ``1 + ln(count)``; ``idf = ln((1 + n) / (1 + df)) + 1``,
  computed in float32; rows scaled to unit length;
* the same features: lower-cased text, the token pattern and stop words of
  :mod:`framing.selection.vectors`, ``char_wb`` n-grams cut exactly as
  scikit-learn cuts them (a word padded with one space each side; a word
  shorter than ``n`` gives one n-gram, the padded word, and no longer ones).

Columns are the features the texts have, in the order the run first saw them
(scikit-learn sorts them alphabetically): cosines are the same up to the
order of float32 sums (differences below 1e-5; the 4-decimal similarities of
6,000 articles' alignment moved by 0.0001 in 29 of 349,774 rows).

Example:
    >>> counter = TermCounter()
    >>> m = counter.chars(["Talks resume", "talks stall"])
    >>> m.shape[0], round(float((m[0] @ m[1].T).toarray()[0, 0]), 3) > 0
    (2, True)
    >>> counter.words(["the and of"]) is None  # stop words only: no vocabulary
    True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

#: Character n-gram lengths (within word boundaries).
CHAR_NGRAMS = (3, 5)
#: Feature occurrences counted at once (bounds the working memory of a count to tens of megabytes).
CHUNK = 2_000_000
#: Distinct words a counter keeps between text sets (beyond, it starts afresh at the next set: about 50 MB).
MAX_KEPT = 65_536
#: Words, with at least one letter, as the word features see them.
TOKEN_PATTERN = r"(?u)\b\w*[^\W\d_]\w*\b"
#: Words and numbers (``235,000`` gives ``235`` and ``000``), for texts where figures tell events apart.
TOKEN_PATTERN_NUMBERS = r"(?u)\b\w+\b"


class TermCounter:
    """Word and ``char_wb`` n-gram TF-IDF rows of text sets, sharing one feature index for a run.

    Args:
        pattern: Token pattern of the word features (a regular expression without groups).
        ngrams: Character n-gram lengths ``(min, max)``.

    Example:
        >>> counter = TermCounter()
        >>> counter.words(["Russia and China", "China"]).toarray().astype(float).round(3).tolist()
        [[0.815, 0.58], [0.0, 1.0]]
    """

    def __init__(self, *, pattern: str = TOKEN_PATTERN, ngrams: tuple[int, int] = CHAR_NGRAMS) -> None:
        self._token_re = re.compile(pattern)
        self._ngrams = ngrams
        self._word_ids: defaultdict[str, int] = defaultdict()  # word -> feature id, numbered as first seen
        self._word_ids.default_factory = self._word_ids.__len__
        self._word_grams = _WordGrams(ngrams)  # word -> its n-grams' feature ids

    @property
    def pattern(self) -> str:
        """The token pattern of the word features."""
        return self._token_re.pattern

    def words(self, texts: Sequence[str]) -> sp.csr_matrix | None:
        """Word TF-IDF rows of ``texts`` (stop words left out), or None when no text has a word."""
        if len(self._word_ids) > MAX_KEPT:
            self._word_ids.clear()
        counts = _Counts()
        find, feature = self._token_re.findall, self._word_ids.__getitem__
        for text in texts:
            counts.add(map(feature, [t for t in find(text.lower()) if t not in ENGLISH_STOP_WORDS]))
        return counts.tfidf()

    def chars(self, texts: Sequence[str]) -> sp.csr_matrix | None:
        """Character n-gram (``char_wb``) TF-IDF rows of ``texts``, or None when no text has a character."""
        if len(self._word_grams) > MAX_KEPT:
            self._word_grams.clear()
        counts = _Counts()
        words: list[str] = []
        per_text: list[int] = []
        for text in texts:  # words in batches: their n-grams are gathered with NumPy, not one by one
            split = text.lower().split()
            words.extend(split)
            per_text.append(len(split))
            if len(words) >= CHUNK // 16:  # about CHUNK n-grams (a word and its padding give ~15)
                self._count_grams(counts, words, per_text)
        self._count_grams(counts, words, per_text)
        return counts.tfidf()

    def _count_grams(self, counts: _Counts, words: list[str], per_text: list[int]) -> None:
        """Add the texts whose words (``per_text`` of them each) are ``words`` to ``counts``, and empty both lists."""
        if per_text:
            grams, lengths = self._word_grams.grams(words)
            bounds = np.zeros(len(per_text) + 1, dtype=np.int64)  # each text's first word
            np.cumsum(per_text, out=bounds[1:])
            ends = np.zeros(len(words) + 1, dtype=np.int64)  # each word's first n-gram
            np.cumsum(lengths, out=ends[1:])
            counts.add_chunk(np.diff(ends[bounds]), grams)
        words.clear()
        per_text.clear()


class _WordGrams(dict[str, int]):
    """Word -> its number; each word's ``char_wb`` n-grams' feature ids, cut when the word is first seen, kept flat.

    Feature ids are numbered as the n-grams are first seen, words in the order they are first looked up.
    """

    def __init__(self, ngrams: tuple[int, int]) -> None:
        super().__init__()
        self._ngrams = ngrams
        self._gram_ids: defaultdict[str, int] = defaultdict()  # character n-gram -> feature id
        self._gram_ids.default_factory = self._gram_ids.__len__
        self._new: list[str] = []  # words first seen by the current lookup, in order
        self._flat = np.zeros(0, dtype=np.int32)  # the n-grams' feature ids of all words, word after word
        self._start = np.zeros(0, dtype=np.int64)  # per word: where its n-grams start in _flat
        self._length = np.zeros(0, dtype=np.int64)  # per word: how many it has
        self._used = 0  # values of _flat in use

    def clear(self) -> None:
        """Forget every word and n-gram (numbering starts afresh)."""
        super().clear()
        self._gram_ids.clear()
        self._used = 0

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        self._new.append(word)
        return number

    def grams(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The n-grams' feature ids of ``words``, word after word, and how many each word has."""
        numbers = np.fromiter(map(self.__getitem__, words), dtype=np.int64, count=len(words))
        if self._new:
            self._cut()
        lengths = self._length[numbers]
        total = int(lengths.sum())
        ends = np.cumsum(lengths)
        take = np.arange(total, dtype=np.int64) + np.repeat(self._start[numbers] - (ends - lengths), lengths)
        return self._flat[take], lengths

    def _cut(self) -> None:
        """Cut the n-grams of the words first seen since the last cut."""
        ids = np.fromiter(map(self._gram_ids.__getitem__, _cut_words(self._new, self._ngrams)), dtype=np.int32)
        lengths = _gram_counts(self._new, self._ngrams)
        self._new.clear()
        first = len(self) - len(lengths)  # the new words' numbers run first .. len(self) - 1
        self._length = _grown(self._length, first, lengths)
        self._start = _grown(self._start, first, np.cumsum(lengths) - lengths + self._used)
        self._flat = _grown(self._flat, self._used, ids)
        self._used += len(ids)


def _grown(array: np.ndarray, at: int, values: np.ndarray) -> np.ndarray:
    """``array`` with ``values`` written from ``at`` on, reallocated (doubling) when too short."""
    end = at + len(values)
    if end > len(array):
        bigger = np.empty(max(end, 2 * len(array)), dtype=array.dtype)
        bigger[:at] = array[:at]
        array = bigger
    array[at:end] = values
    return array


def unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """``matrix`` with its rows scaled to unit length in place (a zero row stays zero), as ``normalize`` scales them.

    scikit-learn's kernel without ``normalize``'s input checks, which cost more than the scaling
    for the thousands of small matrices of sentence alignment.

    Example:
        >>> unit_rows(sp.csr_matrix(np.array([[3.0, 4.0], [0.0, 0.0]]))).toarray().tolist()
        [[0.6, 0.8], [0.0, 0.0]]
    """
    inplace_csr_row_normalize_l2(matrix)
    return matrix


def char_wb(word: str, ngrams: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """The ``char_wb`` n-grams of one (lower-cased) word, in scikit-learn's order.

    Example:
        >>> char_wb("talks", (3, 4))
        [' ta', 'tal', 'alk', 'lks', 'ks ', ' tal', 'talk', 'alks', 'lks ']
        >>> char_wb("a", (3, 5))  # shorter than 3 with its padding: the padded word, once
        [' a ']
    """
    return _cut_words([word], ngrams)


def _cut_words(words: list[str], ngrams: tuple[int, int]) -> list[str]:
    """The ``char_wb`` n-grams of ``words``, word after word (n from short to long, stopping at the padded word)."""
    lo, hi = ngrams
    return [w[i : i + n] for w in [f" {word} " for word in words]
            for n in range(lo, min(hi, max(lo, len(w))) + 1) for i in range(max(1, len(w) - n + 1))]


def _gram_counts(words: list[str], ngrams: tuple[int, int]) -> np.ndarray:
    """How many ``char_wb`` n-grams each word has (:func:`_cut_words`)."""
    padded = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
    lo, hi = ngrams
    counts = np.zeros(len(words), dtype=np.int64)
    for n in range(lo, hi + 1):
        counts += np.where(n <= np.maximum(lo, padded), np.maximum(1, padded - n + 1), 0)
    return counts


class _Counts:
    """Feature counts of a text set, row by row: occurrences are gathered in bounded chunks and kept as cells.

    A chunk of at most :data:`CHUNK` occurrences becomes its (row, feature, count) cells, so memory
    holds the cells (as a sparse matrix would) and one chunk, not every occurrence of every text.
    """

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._lengths: list[int] = []
        self._rows: list[np.ndarray] = []  # per chunk: cells per row
        self._features: list[np.ndarray] = []
        self._counts: list[np.ndarray] = []
        self._df: list[np.ndarray] = []  # per chunk: rows with each feature

    def add(self, ids: Iterable[int]) -> None:
        """Count one more text's feature ids."""
        before = len(self._ids)
        self._ids.extend(ids)
        self._lengths.append(len(self._ids) - before)
        if len(self._ids) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        self.add_chunk(np.asarray(self._lengths, dtype=np.int64), np.asarray(self._ids, dtype=np.int64))
        self._ids.clear()
        self._lengths.clear()

    def add_chunk(self, lengths: np.ndarray, feature: np.ndarray) -> None:
        """Count texts that have ``lengths`` feature ids each, ``feature`` holding them text after text."""
        n = len(lengths)
        width = int(feature.max()) + 1 if len(feature) else 1
        cells, counts = np.unique(np.repeat(np.arange(n, dtype=np.int64), lengths) * width + feature,
                                  return_counts=True)
        self._rows.append(np.bincount(cells // width, minlength=n))
        self._features.append((cells % width).astype(np.int32))
        self._df.append(np.bincount(self._features[-1]))
        self._counts.append(counts.astype(np.float32))

    def tfidf(self) -> sp.csr_matrix | None:
        """Unit-length sublinear TF-IDF rows (float32), IDF fitted on these rows; None when no row has a feature."""
        if self._lengths:
            self._flush()
        per_row = np.concatenate(self._rows) if self._rows else np.zeros(0, dtype=np.int64)
        n = len(per_row)
        if not per_row.any():
            return None
        df_all = np.zeros(max(len(d) for d in self._df), dtype=np.int64)
        for d in self._df:
            df_all[: len(d)] += d
        present = df_all > 0
        remap = (np.cumsum(present) - 1).astype(np.int32)  # features in first-seen order, as numbered
        df = df_all[present].astype(np.float32)
        df += 1.0  # smoothed as scikit-learn smooths: one more text that has every feature
        idf = np.full_like(df, fill_value=n + 1)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        indices = np.empty(int(per_row.sum()), dtype=np.int32)
        data = np.empty(len(indices), dtype=np.float32)
        at = 0
        while self._features:  # chunk by chunk, each freed once written: no second copy of all the cells
            column = remap[self._features.pop(0)]
            tf = self._counts.pop(0)
            np.log(tf, out=tf)
            tf += 1.0
            tf *= idf[column]
            indices[at : at + len(column)] = column
            data[at : at + len(column)] = tf
            at += len(column)
        self._df.clear()
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(per_row, out=indptr[1:])
        return unit_rows(sp.csr_matrix((data, indices, indptr), shape=(n, len(df))))


__all__ = ["CHAR_NGRAMS", "MAX_KEPT", "TOKEN_PATTERN", "TOKEN_PATTERN_NUMBERS", "TermCounter", "char_wb", "unit_rows"]
