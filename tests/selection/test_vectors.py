"""Nearest neighbours of text vectors: the split dense/sparse product finds what a plain cosine finds.

The texts are real: the seeds' sentences, vectorised as the story grouping does (words, character
n-grams, latent topics), so frequent n-grams and the dense topic columns take the dense path.
"""

from __future__ import annotations

import numpy as np
import pytest

from framing.corpus.segmentation import split_sentences
from framing.selection import vectors
from framing.selection.vectors import nearest, top_k, vectorize


def _brute_force(rows, other, k: int, exclude_self: bool) -> tuple[np.ndarray, np.ndarray]:
    """All-against-all cosines in float64, ordered by a stable sort (ties by lower index)."""
    full = (rows @ other.T).toarray().astype(np.float64)
    if exclude_self:
        np.fill_diagonal(full, -np.inf)
    order = np.argsort(-full, axis=1, kind="stable")[:, :k]
    best = np.take_along_axis(full, order, axis=1)
    return np.where(best > 0, order, -1), np.where(best > 0, np.minimum(best, 1.0), np.nan)


@pytest.fixture(scope="module")
def seed_sentences(seed_corpus) -> list[str]:
    corpus = seed_corpus
    return [a.text[s:e] for a in corpus.articles for s, e in split_sentences(a.text)]


@pytest.mark.parametrize("share", [0.0, 0.1, 2.0], ids=["all-dense", "default-split", "all-sparse"])
def test_split_product_finds_the_plain_cosine_neighbours(seed_sentences, monkeypatch, share) -> None:
    matrix = vectorize(seed_sentences, numbers=True, lsa=0.5)
    monkeypatch.setattr(vectors, "DENSE_DF_SHARE", share)
    monkeypatch.setattr(vectors, "BLOCK", 37)  # several blocks, the last one short
    index, sims = nearest(matrix, matrix, k=5, exclude_self=True)
    ref_index, ref_sims = _brute_force(matrix, matrix, 5, True)
    np.testing.assert_allclose(sims, ref_sims, atol=1e-5)
    # float32 sums in another order could swap two neighbours whose cosines differ by less than 1e-6
    assert (index == ref_index).mean() > 0.999


def test_dense_budget_keeps_the_most_shared_columns(seed_sentences, monkeypatch) -> None:
    matrix = vectorize(seed_sentences, numbers=True, lsa=0.5)
    monkeypatch.setattr(vectors, "DENSE_CELLS", 10 * matrix.shape[0])
    common, rest = vectors._split_columns(matrix)
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    assert len(common) == 10
    assert df[common].min() >= df[rest].max()
    assert sorted([*common, *rest]) == list(range(matrix.shape[1]))


def test_top_k_breaks_ties_by_lower_index_like_a_stable_sort() -> None:
    rng = np.random.default_rng(0)
    values = rng.integers(0, 4, size=(50, 30)).astype(float)  # many ties
    values[3] = -np.inf
    for k in (1, 3, 7, 30):
        expected = np.argsort(-values, axis=1, kind="stable")[:, :k]
        assert top_k(values, k).tolist() == expected.tolist()


def test_nearest_of_cross_sets_matches_brute_force(seed_sentences) -> None:
    matrix = vectorize(seed_sentences, numbers=True)
    rows, other = matrix[:40], matrix[40:]
    index, sims = nearest(rows, other, k=1)
    ref_index, ref_sims = _brute_force(rows, other, 1, False)
    assert (index == ref_index).mean() > 0.99
    np.testing.assert_allclose(sims, ref_sims, atol=1e-5)


@pytest.mark.parametrize("n", [1, 5, 37])
def test_sparse_part_sums_exactly_as_a_sparse_product(seed_sentences, n) -> None:
    matrix = vectorize(seed_sentences, numbers=True, lsa=0.5)
    part = matrix[:n]
    row = np.repeat(np.arange(n), np.diff(part.indptr))
    ours = vectors._sparse_product(row, part.indices, part.data, n, matrix.tocsc())
    plain = (part @ matrix.T).toarray()
    assert ours.dtype == plain.dtype == np.float32
    assert np.array_equal(ours.view(np.int32), plain.view(np.int32))  # the same bits, not only close


def test_nearest_does_not_depend_on_how_rows_are_split(seed_sentences, monkeypatch) -> None:
    matrix = vectorize(seed_sentences, numbers=True, lsa=0.5)
    whole = nearest(matrix, matrix, k=5, exclude_self=True)
    monkeypatch.setattr(vectors, "SPARSE_ROWS", 1)  # the rest in several products per block
    monkeypatch.setattr(vectors, "SPARSE_BLOCK", 7)
    split = nearest(matrix, matrix, k=5, exclude_self=True)
    assert np.array_equal(whole[0], split[0]) and np.array_equal(whole[1], split[1], equal_nan=True)
