"""Text vectors for comparing content: TF-IDF over words and character n-grams, sparse, and their nearest neighbours.

A text becomes two L2-normalised TF-IDF vectors, one over words (with English
stop words removed) and one over character n-grams within words (which match
"colour" with "color" and "sanction" with "sanctions"). They are joined with
weights ``sqrt(w)`` and ``sqrt(1 - w)``, so the cosine of two joined vectors is
``w * word cosine + (1 - w) * character cosine``: a number between 0 and 1
that reads as "how much of the wording two texts share". The vocabulary and
the inverse document frequencies are fitted on the texts being compared;
nothing is shipped or downloaded.

:func:`nearest` finds each row's most similar rows of another matrix in blocks
of rows, so no dense all-against-all matrix is ever built.

Example:
    >>> m = vectorize(["The talks will continue on Monday.", "Talks continue Monday, officials said.",
    ...                "A storm hit the coast."])
    >>> idx, sim = nearest(m[:1], m[1:], k=1)
    >>> int(idx[0, 0]), bool(sim[0, 0] > 0.3)
    (0, True)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from framing.blas import one_blas_thread
from framing.heap import release_freed
from framing.selection.terms import CHAR_NGRAMS, TOKEN_PATTERN, TOKEN_PATTERN_NUMBERS, TermCounter, unit_rows

#: Weight of the word part in the joined similarity (the rest is character n-grams).
WORD_WEIGHT = 0.5
#: Rows compared at once in :func:`nearest` (bounds the dense block to ``BLOCK x len(other)``: ~20 MB at 6,000 rows).
BLOCK = 128
#: Rows whose sparse features are multiplied at once in :func:`nearest` when ``other`` has at least
#: :data:`SPARSE_ROWS` rows (a whole block otherwise): a feature of many texts costs one pass for all of them.
SPARSE_BLOCK = 32
SPARSE_ROWS = 1000
#: A feature in at least this share of the compared rows is multiplied as a dense column in :func:`nearest`.
DENSE_DF_SHARE = 0.1
#: Most values of the dense columns in :func:`nearest` (48 MB of float32), the most shared features first.
DENSE_CELLS = 12_000_000
#: Topic dimensions (latent semantic analysis) per text, and at most (bounds time and memory at 6,000 texts).
LSA_RANK_SHARE = 0.25
LSA_MAX_RANK = 300


def vectorize(
    texts: Sequence[str],
    *,
    word_weight: float = WORD_WEIGHT,
    chars: bool = True,
    bigrams: bool = False,
    numbers: bool = False,
    lsa: float = 0.0,
    terms: TermCounter | None = None,
) -> sp.csr_matrix:
    """Joined, L2-normalised TF-IDF vectors of ``texts`` (one row each), fitted on ``texts``.

    Args:
        texts: The texts (sentences, quotes or articles).
        word_weight: Share of the word cosine in the joined cosine (1: words only).
        chars: Include character n-grams (False: words only, whatever ``word_weight``).
        bigrams: Count word pairs as well as words.
        numbers: Count numbers as words (a job report's "235,000", a vote's "50-50").
        lsa: Share of the cosine given to latent topics (:func:`topics`): words that occur together
            in the texts count as shared even when the two texts use different ones of them.
        terms: The run's :class:`~framing.selection.terms.TermCounter` (with the token pattern
            ``numbers`` selects), so that many calls analyse each distinct word once (default: a new one).

    Returns:
        A sparse matrix with unit-length rows (an empty text gives a zero row).
    """
    n = len(texts)
    if n == 0:
        return sp.csr_matrix((0, 0))
    parts = []
    weights = []
    pattern = TOKEN_PATTERN_NUMBERS if numbers else TOKEN_PATTERN
    own = terms is None
    if terms is None:
        terms = TermCounter(pattern=pattern, ngrams=CHAR_NGRAMS)
    elif terms.pattern != pattern:
        raise ValueError(f"terms counts words as {terms.pattern!r}; numbers={numbers} needs {pattern!r}")
    topic = topics(texts, pattern=pattern) if lsa > 0 else None  # first: its working memory is freed before the rest
    if bigrams:
        word = _fit(TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=pattern, ngram_range=(1, 2),
                                    sublinear_tf=True, dtype=np.float32), texts)
    else:
        word = terms.words(texts)  # as the TfidfVectorizer above with ngram_range=(1, 1), each word read once
    if word is not None:
        parts.append(word)
        weights.append(word_weight if chars else 1.0)
    if chars and word_weight < 1.0:
        char = terms.chars(texts)  # as TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True)
        if char is not None:
            parts.append(char)
            weights.append(1.0 - word_weight)
    if not parts:
        return sp.csr_matrix((n, 1), dtype=np.float32)
    if topic is not None:
        parts.append(topic)
        weights = [w * (1.0 - lsa) / sum(weights) for w in weights] + [lsa]
    word = char = topic = None  # parts holds the only references: each is freed once joined
    if own:  # this call's words and n-grams (tens of MB for thousands of articles) go before the join
        del terms
        release_freed()
    total = sum(weights)
    for p, w in zip(parts, weights, strict=True):
        p.data *= np.float32(np.sqrt(w / total))  # in place: no scaled copy of the (large) character part
    joined = sp.hstack(parts, format="csr")
    parts.clear()
    return unit_rows(joined).astype(np.float32, copy=False)


def _fit(vectorizer: TfidfVectorizer, texts: Sequence[str]) -> sp.csr_matrix | None:
    """Fitted TF-IDF rows, or None when no text has a feature (empty vocabulary)."""
    try:
        return sp.csr_matrix(vectorizer.fit_transform(list(texts)))
    except ValueError:  # empty vocabulary: only stop words, digits or nothing
        return None


def topics(texts: Sequence[str], *, pattern: str = TOKEN_PATTERN) -> sp.csr_matrix | None:
    """Unit-length latent topic vectors (truncated SVD of word TF-IDF), or None when there are too few words.

    Words in one text only carry no co-occurrence and are left out; the rank is
    :data:`LSA_RANK_SHARE` of the number of texts, at most :data:`LSA_MAX_RANK`.

    Example:
        >>> topics(["a cat sat", "a cat sat down", "dogs bark", "dogs bark loudly"]).shape
        (4, 1)
    """
    words = _fit(TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=pattern, min_df=2,
                                 sublinear_tf=True, dtype=np.float32), texts)
    if words is None or words.shape[1] < 2:
        return None
    rank = max(1, min(LSA_MAX_RANK, int(len(texts) * LSA_RANK_SHARE), words.shape[1] - 1))
    with warnings.catch_warnings():  # identical texts: sklearn's unused explained-variance ratio divides 0 by 0
        warnings.simplefilter("ignore", RuntimeWarning)
        dense = TruncatedSVD(rank, random_state=0).fit_transform(words)
    return sp.csr_matrix(normalize(dense).astype(np.float32))


def nearest(
    rows: sp.csr_matrix, other: sp.csr_matrix, *, k: int = 1, exclude_self: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar rows of ``other`` for each row of ``rows`` (cosine of unit rows).

    Each block of :data:`BLOCK` rows is compared with all of ``other`` in two parts whose sum is
    the cosine: the features most texts share (frequent character n-grams, the latent topics:
    a column with a value in at least :data:`DENSE_DF_SHARE` of ``other``'s rows, at most
    :data:`DENSE_CELLS` values in all) as a dense product, and the rest as a sparse one. A sparse
    product costs the square of each feature's document frequency, so the shared features would
    take nearly all of its time; as dense arrays they take a BLAS product, on one thread. The rest
    is summed in the order a sparse product sums it, to the same bits, :data:`SPARSE_BLOCK` rows at a time
    when ``other`` is large (:func:`_sparse_product`).

    Args:
        rows: Unit-length rows (``n x d``).
        other: Unit-length rows (``m x d``).
        k: Neighbours per row.
        exclude_self: ``rows`` is ``other``; a row is not its own neighbour.

    Returns:
        ``(index, similarity)``, each ``n x k``: most similar first, ties by
        lower index; index -1 and similarity NaN where there is no neighbour.

    Example:
        >>> m = vectorize(["a cat sat", "a cat sat down", "dogs bark"], chars=False)
        >>> nearest(m, m, k=1, exclude_self=True)[0].ravel().tolist()
        [1, 0, -1]
    """
    n, m = rows.shape[0], other.shape[0]
    index = np.full((n, k), -1, dtype=np.int64)
    sims = np.full((n, k), np.nan)
    if n == 0 or m == 0:
        return index, sims
    common, _ = _split_columns(other)
    by_column = sp.csc_matrix(other)  # the rest's columns are taken from it, those of each block's features
    common_t = np.ascontiguousarray(by_column[:, common].toarray().T)  # shared features: dense, d_common x m
    position = np.full(other.shape[1], -1, dtype=np.int64)  # a common column's place in common_t, -1: rest
    position[common] = np.arange(len(common))
    step = SPARSE_BLOCK if m >= SPARSE_ROWS else BLOCK
    kk = min(k, m)
    dtype = np.result_type(rows.dtype, other.dtype)
    with one_blas_thread():
        for lo in range(0, n, BLOCK):
            hi = min(n, lo + BLOCK)
            part = rows[lo:hi]
            row_of = np.repeat(np.arange(hi - lo), np.diff(part.indptr))
            place = position[part.indices]
            shared = place >= 0
            block = np.empty((hi - lo, m), dtype=dtype)
            for sub in range(0, hi - lo, step):  # the rest: features shared by few texts
                cells = slice(part.indptr[sub], part.indptr[min(hi - lo, sub + step)])
                keep = ~shared[cells]
                block[sub : sub + step] = _sparse_product(
                    row_of[cells][keep] - sub, part.indices[cells][keep], part.data[cells][keep],
                    min(step, hi - lo - sub), by_column)
            if len(common):
                dense = np.zeros((hi - lo, len(common)), dtype=dtype)
                dense[row_of[shared], place[shared]] = part.data[shared]
                block += dense @ common_t
            if exclude_self:
                block[np.arange(hi - lo), np.arange(lo, hi)] = -np.inf
            order = top_k(block, kk)  # as in float64: the conversion keeps the order
            best = np.take_along_axis(block, order, axis=1).astype(np.float64)
            found = best > 0
            index[lo:hi, :kk] = np.where(found, order, -1)
            sims[lo:hi, :kk] = np.where(found, np.minimum(best, 1.0), np.nan)
    return index, sims


def _sparse_product(row: np.ndarray, column: np.ndarray, value: np.ndarray, n: int,
                    by_column: sp.csc_matrix) -> np.ndarray:
    """``n`` rows (the cells ``row, column, value``) times ``by_column.T``, summed feature by feature as CSR does.

    Each cosine is a float32 sum over the features both rows have, in increasing column order, as
    a sparse product of rows sums it (exactly the same sum); here the features of the ``n`` rows are
    taken from ``by_column`` and multiplied with a dense ``features x n`` array, so that a feature of
    many texts costs one pass over its texts for all ``n`` rows at once, not one per row.
    """
    present = np.zeros(by_column.shape[1] + 1, dtype=np.int64)
    present[column + 1] = 1
    np.cumsum(present, out=present)  # a feature's place among the present ones: present[column]
    features = np.flatnonzero(np.diff(present))
    dense = np.zeros((len(features), n), dtype=value.dtype)
    dense[present[column], row] = value
    return np.asarray(by_column[:, features] @ dense).T


def _split_columns(matrix: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Columns of ``matrix`` shared by many rows (at most :data:`DENSE_CELLS` values as a dense block), and the rest."""
    m = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    common = np.flatnonzero(df >= max(2.0, DENSE_DF_SHARE * m))
    budget = DENSE_CELLS // max(1, m)
    if len(common) > budget:
        common = np.sort(common[np.argsort(-df[common], kind="stable")[:budget]])
    is_common = np.zeros(matrix.shape[1], dtype=bool)
    is_common[common] = True
    return common, np.flatnonzero(~is_common)


def top_k(values: np.ndarray, k: int) -> np.ndarray:
    """Column indices of each row's ``k`` largest values, largest first, ties by lower index.

    The same as a stable sort on ``-values`` cut to ``k`` columns, without sorting whole rows.

    Example:
        >>> top_k(np.array([[0.2, 0.9, 0.5, 0.9], [1.0, 0.0, 0.0, 0.0]]), 2).tolist()
        [[1, 3], [0, 1]]
    """
    if k >= values.shape[1]:
        return np.argsort(-values, axis=1, kind="stable")[:, :k]
    if k == 1:
        return np.argmax(values, axis=1)[:, None]  # the first of the largest
    kth = -np.partition(-values, k - 1, axis=1)[:, k - 1]  # each row's k-th largest value
    candidate = values >= kth[:, None]
    count = candidate.sum(axis=1)
    out = np.empty((values.shape[0], k), dtype=np.int64)
    plain = np.flatnonzero(count == k)  # no tie at the k-th value: its k candidates, sorted
    if len(plain):
        columns = np.nonzero(candidate[plain])[1].reshape(len(plain), k)  # ascending: ties by lower index
        best = np.take_along_axis(values[plain], columns, axis=1)
        out[plain] = np.take_along_axis(columns, np.argsort(-best, axis=1, kind="stable"), axis=1)
    for r in np.flatnonzero(count != k):
        row = values[r]
        candidates = np.flatnonzero(row >= kth[r])  # ascending: a stable sort keeps ties by lower index
        out[r] = candidates[np.argsort(-row[candidates], kind="stable")[:k]]
    return out
