"""The comparison's sentence rows and numerators on the seeds: sparse, shared strings, sums exact to the bit."""

from __future__ import annotations

import numpy as np

from framing.comparison.declarations import default_measures
from framing.comparison.numerators import grouped_sums, matrices, sentence_rows


def test_numerator_sums_equal_the_dense_row_by_row_sums_to_the_last_bit(seed_analysis):
    """Tone means sum fractional scores: a sum in another order (pairwise, per article first) would move
    the last bits of a figure; the sparse sums must add each column in row order like the dense matrix."""
    spans = seed_analysis.spans.reset_index(drop=True)
    rows, where = sentence_rows(spans)
    num, _, _, _ = matrices(spans, rows, where, default_measures(spans, seed_analysis.articles))
    dense = num.toarray()
    assert num.nnz < dense.size / 4  # most sentences have no label, hedge or quote
    groups = np.random.default_rng(0).integers(-1, 3, len(rows))  # -1: a row in no group
    sums = grouped_sums(num, groups, 3)
    for g in range(3):
        assert sums[g].tobytes() == dense[groups == g].sum(axis=0).tobytes()
    fractional = [j for j in range(dense.shape[1]) if np.any(dense[:, j] != np.round(dense[:, j]))]
    assert fractional  # the check above covers sums that depend on their order


def test_sentence_rows_keep_the_span_tables_own_id_strings_and_pseudo_sentences(seed_analysis):
    """Memory at scale: the rows' ids refer to the span table's strings (not one new string per row), and
    spans outside any sentence get a 0-word pseudo-sentence after the real sentences."""
    spans = seed_analysis.spans.reset_index(drop=True)
    rows, where = sentence_rows(spans)
    is_sentence = (spans["feature"] == "sentence").to_numpy()
    assert int(rows["is_sentence"].sum()) == int(is_sentence.sum())
    ids = set(map(id, spans["article_id"].to_numpy(dtype=object)))
    assert all(id(a) in ids for a in rows["article_id"])
    # every span sits in the row of its own article and sentence
    assert (rows["article_id"].to_numpy()[where] == spans["article_id"].to_numpy()).all()
    assert (rows["sentence"].to_numpy()[where] == spans["sentence"].to_numpy()).all()
    outside = spans["sentence"].to_numpy() == -1
    if outside.any():
        assert not rows["is_sentence"].to_numpy()[where[outside]].any()
        assert (rows["n_words"].to_numpy()[where[outside]] == 0).all()
