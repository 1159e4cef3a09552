from collections import Counter

import numpy as np

from framing.comparison.keyness import KEYNESS_COLUMNS, keyness_table
from framing.model import Corpus


def test_word_overused_by_one_outlet_tops_its_list_and_is_negative_elsewhere():
    counts = {
        "a": Counter({"bromance": 30, "sanctions": 20, "talks": 50}),
        "b": Counter({"bromance": 1, "sanctions": 25, "talks": 50}),
        "c": Counter({"bromance": 1, "sanctions": 22, "talks": 55}),
    }
    table = keyness_table(Corpus(), counts=counts, min_count=1)
    top_a = table[table["outlet_id"] == "a"].iloc[0]
    assert top_a["term"] == "bromance" and top_a["z_score"] > 3
    assert top_a["count_outlet"] == 30 and top_a["count_rest"] == 2
    b_row = table[(table["outlet_id"] == "b") & (table["term"] == "bromance")].iloc[0]
    assert b_row["z_score"] < 0


def test_min_count_filters_rare_terms_per_outlet():
    counts = {"a": Counter({"x": 2, "y": 10}), "b": Counter({"x": 10, "y": 10})}
    table = keyness_table(Corpus(), counts=counts, min_count=5)
    assert set(table[table["outlet_id"] == "a"]["term"]) == {"y"}


def test_seed_keyness_is_tidy_and_n_way(seed_corpus):
    table = keyness_table(seed_corpus, min_count=3, top=10)
    assert list(table.columns) == list(KEYNESS_COLUMNS)
    assert table.groupby("outlet_id").size().to_dict() == {o: 10 for o, _ in seed_corpus.outlets}
    assert np.isfinite(table["z_score"]).all()
    assert not table["term"].isin(["the", "and", "of"]).any()


def test_single_outlet_has_no_keyness():
    assert keyness_table(Corpus(), counts={"a": Counter({"x": 3})}).empty


def test_terms_counted_per_word_form_equal_terms_read_token_by_token(seed_corpus):
    """Each distinct word form is normalised once; the counts, and the first-seen order that breaks
    ties in the table, must be those of normalising every token ("Russia’s", "Russia" and "RUSSIA"
    are one term, stop words and numbers are none)."""
    from framing.comparison.keyness import _term, _terms
    from framing.corpus.segmentation import WORD_RE

    for article in seed_corpus.articles:
        by_token = [t for t in (_term(m.group(0)) for m in WORD_RE.finditer(article.text)) if t]
        counted = _terms(article.text)
        assert counted == Counter(by_token)
        assert list(counted) == list(dict.fromkeys(by_token))
    assert _terms("Russia’s RUSSIA russia the 2022") == Counter({"russia": 3})
