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
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.preprocessing import normalize

#: Character n-gram lengths (within word boundaries).
CHAR_NGRAMS = (3, 5)
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
        self._gram_ids: defaultdict[str, int] = defaultdict()  # character n-gram -> feature id
        self._gram_ids.default_factory = self._gram_ids.__len__
        self._word_grams: dict[str, tuple[int, ...]] = {}  # word -> its n-grams' feature ids

    @property
    def pattern(self) -> str:
        """The token pattern of the word features."""
        return self._token_re.pattern

    def words(self, texts: Sequence[str]) -> sp.csr_matrix | None:
        """Word TF-IDF rows of ``texts`` (stop words left out), or None when no text has a word."""
        ids: list[int] = []
        lengths = []
        extend, find, feature = ids.extend, self._token_re.findall, self._word_ids.__getitem__
        for text in texts:
            before = len(ids)
            extend(map(feature, [t for t in find(text.lower()) if t not in ENGLISH_STOP_WORDS]))
            lengths.append(len(ids) - before)
        return _tfidf(ids, lengths)

    def chars(self, texts: Sequence[str]) -> sp.csr_matrix | None:
        """Character n-gram (``char_wb``) TF-IDF rows of ``texts``, or None when no text has a character."""
        ids: list[int] = []
        lengths = []
        grams_of, extend, feature = self._word_grams, ids.extend, self._gram_ids.__getitem__
        for text in texts:
            before = len(ids)
            for word in text.lower().split():
                grams = grams_of.get(word)
                if grams is None:
                    grams = grams_of[word] = tuple(map(feature, char_wb(word, self._ngrams)))
                extend(grams)
            lengths.append(len(ids) - before)
        return _tfidf(ids, lengths)


def char_wb(word: str, ngrams: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """The ``char_wb`` n-grams of one (lower-cased) word, in scikit-learn's order.

    Example:
        >>> char_wb("talks", (3, 4))
        [' ta', 'tal', 'alk', 'lks', 'ks ', ' tal', 'talk', 'alks', 'lks ']
        >>> char_wb("a", (3, 5))  # shorter than 3 with its padding: the padded word, once
        [' a ']
    """
    w = f" {word} "
    out: list[str] = []
    for n in range(ngrams[0], ngrams[1] + 1):
        out.extend(w[i : i + n] for i in range(max(1, len(w) - n + 1)))
        if len(w) <= n:
            break
    return out


def _tfidf(ids: list[int], lengths: list[int]) -> sp.csr_matrix | None:
    """Unit-length sublinear TF-IDF rows (float32) from each text's feature ids, or None when there are none."""
    if not ids:
        return None
    n = len(lengths)
    feature = np.asarray(ids, dtype=np.int64)
    width = int(feature.max()) + 1
    row = np.repeat(np.arange(n, dtype=np.int64), lengths)
    cells, counts = np.unique(row * width + feature, return_counts=True)
    present, column = np.unique(cells % width, return_inverse=True)
    per_row = np.bincount(cells // width, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(per_row, out=indptr[1:])
    df = np.bincount(column, minlength=len(present)).astype(np.float32)
    df += 1.0  # smoothed as scikit-learn smooths: one more text that has every feature
    idf = np.full_like(df, fill_value=n + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = counts.astype(np.float32)
    np.log(data, out=data)
    data += 1.0
    data *= idf[column]
    matrix = sp.csr_matrix((data, column.astype(np.int32), indptr), shape=(n, len(present)))
    return normalize(matrix, copy=False)


__all__ = ["CHAR_NGRAMS", "TOKEN_PATTERN", "TOKEN_PATTERN_NUMBERS", "TermCounter", "char_wb"]
