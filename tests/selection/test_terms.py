"""TermCounter gives the TF-IDF rows of scikit-learn's TfidfVectorizer, reading each distinct word once per run."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.corpus.loading import load_corpus
from framing.corpus.segmentation import split_sentences
from framing.selection import terms
from framing.selection.terms import CHAR_NGRAMS, TOKEN_PATTERN, TOKEN_PATTERN_NUMBERS, TermCounter, char_wb
from framing.selection.vectors import vectorize


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    return [a.text[s:e] for a in load_corpus().articles for s, e in split_sentences(a.text)]


def _reference(texts: list[str], *, chars: bool, pattern: str = TOKEN_PATTERN) -> sp.csr_matrix:
    if chars:
        v = TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True,
                            dtype=np.float32)
    else:
        v = TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=pattern, sublinear_tf=True,
                            dtype=np.float32)
    return sp.csr_matrix(v.fit_transform(texts))


def _assert_same_rows(ours: sp.csr_matrix, ref: sp.csr_matrix) -> None:
    """Same shape, same values in each row (columns may be in another order), same cosines (float32)."""
    assert ours.shape == ref.shape and ours.nnz == ref.nnz
    for i in range(ref.shape[0]):
        np.testing.assert_allclose(np.sort(ours[i].data), np.sort(ref[i].data), atol=1e-6)
    np.testing.assert_allclose((ours @ ours.T).toarray(), (ref @ ref.T).toarray(), atol=1e-5)  # float32 sum order


@pytest.mark.parametrize("pattern", [TOKEN_PATTERN, TOKEN_PATTERN_NUMBERS])
def test_word_rows_equal_scikit_learn_tfidf_on_the_seed_sentences(seed_sentences: list[str], pattern: str) -> None:
    ours = TermCounter(pattern=pattern).words(seed_sentences)
    assert ours is not None
    _assert_same_rows(ours, _reference(seed_sentences, chars=False, pattern=pattern))


def test_char_rows_equal_scikit_learn_char_wb_tfidf_on_the_seed_sentences(seed_sentences: list[str]) -> None:
    ours = TermCounter().chars(seed_sentences)
    assert ours is not None
    _assert_same_rows(ours, _reference(seed_sentences, chars=True))


def test_char_wb_cuts_words_as_scikit_learn_does() -> None:
    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, lowercase=True).build_analyzer()
    text = "a ab abc U.S.-China naïve\u00a0Kyiv\tXi’s 🇨🇳 ÉTAT  İstanbul\n\nend"
    ours = [g for w in text.lower().split() for g in char_wb(w)]
    assert ours == analyzer(text)


def test_a_shared_counter_fits_each_text_set_on_its_own(seed_sentences: list[str]) -> None:
    counter = TermCounter()
    first, second = seed_sentences[:60], seed_sentences[60:90]
    counter.chars(first)
    counter.words(first)
    for chars in (True, False):
        ours = counter.chars(second) if chars else counter.words(second)
        assert ours is not None
        _assert_same_rows(ours, _reference(second, chars=chars))  # the second set's own vocabulary and IDF


def test_stop_words_alone_give_no_word_rows() -> None:
    assert TermCounter().words(["The and of it", "was"]) is None
    assert TermCounter().chars(["", "   "]) is None


def test_vectorize_refuses_a_counter_with_another_token_pattern() -> None:
    with pytest.raises(ValueError, match="numbers=True"):
        vectorize(["Talks in 2022", "Talks in 2023"], numbers=True, terms=TermCounter())


def test_counting_in_chunks_gives_the_rows_of_one_count(seed_sentences: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    whole = TermCounter().chars(seed_sentences)
    monkeypatch.setattr(terms, "CHUNK", 500)  # a chunk every few sentences
    chunked = TermCounter().chars(seed_sentences)
    assert whole is not None and chunked is not None
    assert (whole != chunked).nnz == 0 and np.array_equal(whole.indices, chunked.indices)


def test_a_counter_that_starts_afresh_gives_the_same_rows(seed_sentences: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terms, "MAX_KEPT", 10)
    counter = TermCounter()
    counter.chars(seed_sentences[:50])
    counter.words(seed_sentences[:50])
    assert len(counter._word_grams) > 10
    for chars in (True, False):
        ours = counter.chars(seed_sentences[50:90]) if chars else counter.words(seed_sentences[50:90])
        assert ours is not None
        _assert_same_rows(ours, _reference(seed_sentences[50:90], chars=chars))
    assert set(counter._word_grams) == {w for t in seed_sentences[50:90] for w in t.lower().split()}  # afresh


@pytest.mark.parametrize("ngrams", [(3, 5), (1, 2), (4, 8), (6, 7)])
def test_words_cut_together_give_each_words_n_grams_and_counts(ngrams: tuple[int, int]) -> None:
    words = ["a", "ab", "abc", "talks", "naïve", "u.s.-china", "x" * 9]
    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=ngrams, lowercase=False).build_analyzer()
    assert [char_wb(w, ngrams) for w in words] == [analyzer(w) for w in words]
    assert terms._cut_words(words, ngrams) == [g for w in words for g in char_wb(w, ngrams)]
    assert terms._gram_counts(words, ngrams).tolist() == [len(char_wb(w, ngrams)) for w in words]
