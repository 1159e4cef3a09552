"""scikit-learn contract of the transformers: params, fitting, pickling, pipelines, pandas output, NaN."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from framing.comparison.rates import compare_outlets
from framing.model import Article
from framing.transformers import FramingFeatures, ReadabilityFeatures

# Same topics sentence by sentence (so frames cannot tell the classes apart); hedged vs boosted claims.
HEDGED = [
    "Moscow may perhaps seek closer ties with Beijing.",
    "The deal could possibly help both economies, analysts suggest.",
    "Perhaps the summit might produce a modest agreement.",
    "Trade between the two countries may rise somewhat this year.",
    "The visit could signal a possible shift in policy.",
    "Officials might agree on a likely compromise soon.",
]
BOOSTED = [
    "Moscow clearly seeks closer ties with Beijing.",
    "The deal certainly helps both economies.",
    "The summit undoubtedly produced a major agreement.",
    "Trade between the two countries definitely rose this year.",
    "The visit obviously signals a shift in policy.",
    "Officials surely agreed on the compromise.",
]
TEXTS = HEDGED + BOOSTED
LABELS = [1] * len(HEDGED) + [0] * len(BOOSTED)
TRANSFORMERS = [FramingFeatures(families=["hedging", "relationship_label"], per_words=100), ReadabilityFeatures()]


def _column(est, X, name: str) -> np.ndarray:
    return X[:, list(est.get_feature_names_out()).index(name)]


@pytest.mark.parametrize("est", TRANSFORMERS, ids=lambda e: type(e).__name__)
def test_clone_and_params_round_trip(est):
    params = est.get_params()
    twin = clone(est)
    assert twin is not est and twin.get_params() == params
    assert type(est)(**params).get_params() == params
    twin.set_params(clean=False)
    assert twin.get_params()["clean"] is False and est.get_params()["clean"] is True


@pytest.mark.parametrize("est", TRANSFORMERS, ids=lambda e: type(e).__name__)
def test_not_fitted_before_fit_and_fit_returns_self(est):
    est = clone(est)
    with pytest.raises(NotFittedError):
        check_is_fitted(est)
    with pytest.raises(NotFittedError):
        est.transform(TEXTS[:1])
    with pytest.raises(NotFittedError):
        est.get_feature_names_out()
    assert est.fit(TEXTS) is est
    check_is_fitted(est)
    assert len(est.feature_names_out_) == est.transform(TEXTS).shape[1]


def test_init_only_stores_params_and_validation_happens_at_fit():
    bad = FramingFeatures(families=["no_such_family"], per_words=-1)  # no error yet
    with pytest.raises(ValueError, match="families"):
        bad.fit(TEXTS)
    with pytest.raises(ValueError, match="per_words"):
        FramingFeatures(per_words=0).fit(TEXTS)
    with pytest.raises(ValueError, match="not a string"):
        FramingFeatures(families="hedging").fit(TEXTS)


@pytest.mark.parametrize("est", TRANSFORMERS, ids=lambda e: type(e).__name__)
def test_pickle_round_trip_gives_identical_output(est):
    est = clone(est).fit(TEXTS)
    back = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(back.transform(TEXTS + [""]), est.transform(TEXTS + [""]))
    assert back.get_feature_names_out().tolist() == est.get_feature_names_out().tolist()


def test_hedge_rate_per_words_counts_the_hedges():
    ff = FramingFeatures(families=["hedging"], per_words=100).fit(TEXTS)
    X = ff.transform(["It may rain today.", "It will rain today."])
    assert "hedge_per_100_words" in ff.get_feature_names_out()
    assert _column(ff, X, "hedge_per_100_words").tolist() == [25.0, 0.0]
    default = FramingFeatures(families=["hedging"]).fit(TEXTS)
    assert _column(default, default.transform(["It may rain today."]), "hedge_per_1000_words").tolist() == [250.0]


def test_empty_document_gives_nan_not_zero():
    ff = FramingFeatures().fit(TEXTS)
    X = ff.transform(["", "China and Russia met."])
    names = list(ff.get_feature_names_out())
    for name in ("label_per_1000_words", "hedge_own_per_1000_words", "quote_share_of_words_pct",
                 "sentence_sentiment_mean", "frame_history_sentences_pct", "distinct_sources_count"):
        assert math.isnan(X[0, names.index(name)]), name
    assert X[1, names.index("hedge_per_1000_words")] == 0.0  # words but no hedge: a real zero
    assert math.isnan(X[1, names.index("label_negated_share_pct")])  # no labels: share undefined
    readability = ReadabilityFeatures().fit(TEXTS)
    assert math.isnan(_column(readability, readability.transform([""]), "fk_grade")[0])


def test_required_columns_exist_with_units():
    names = set(FramingFeatures().fit(TEXTS).get_feature_names_out())
    required = {
        "label_per_1000_words", "label_negated_per_1000_words", "label_negated_share_pct",
        "hedge_own_per_1000_words", "hedge_sources_per_1000_words", "booster_own_per_1000_words",
        "booster_sources_per_1000_words", "quote_share_of_words_pct", "sentence_sentiment_mean",
        "sentences_negative_pct", "sentences_positive_pct", "frame_security_military_sentences_pct",
    }
    assert required <= names


def test_a_bare_string_is_rejected_with_a_clear_message():
    ff = FramingFeatures()
    with pytest.raises(ValueError, match="Iterable over raw text documents expected, string object received"):
        ff.fit("China and Russia are allies.")
    ff.fit(TEXTS)
    with pytest.raises(ValueError, match="string object received"):
        ff.transform("China and Russia are allies.")
    with pytest.raises(TypeError, match="document 1 is int"):
        ff.transform(["fine", 3])
    with pytest.raises(ValueError, match="one column"):
        ff.transform(pd.DataFrame({"a": ["x"], "b": ["y"]}))


def test_series_list_and_articles_give_the_same_rows():
    ff = FramingFeatures(families=["hedging", "quote"]).fit(TEXTS)
    texts = ['Putin said ties "may deepen".', "It may rain."]
    arts = [Article(id="same", outlet_id="o", outlet_name="O", raw_text=t, text=t) for t in texts]
    a = ff.transform(texts)
    np.testing.assert_array_equal(ff.transform(pd.Series(texts, index=[10, 11])), a)
    np.testing.assert_array_equal(ff.transform(arts), a)  # duplicate ids are fine: rows follow input order
    assert _column(ff, a, "hedge_sources_per_1000_words")[0] > 0 and _column(ff, a, "hedge_own_per_1000_words")[0] == 0


def test_set_output_pandas_gives_named_columns_and_keeps_the_index():
    ff = FramingFeatures(families=["hedging"]).set_output(transform="pandas")
    out = ff.fit(TEXTS).transform(pd.Series(HEDGED[:2], index=["a", "b"]))
    assert isinstance(out, pd.DataFrame)
    assert out.columns.tolist() == ff.get_feature_names_out().tolist()
    assert out.index.tolist() == ["a", "b"] and (out["hedge_per_1000_words"] > 0).all()
    rf = ReadabilityFeatures().set_output(transform="pandas")
    assert "flesch_reading_ease" in rf.fit_transform(TEXTS).columns


def _pipeline(families: list[str]) -> Pipeline:
    return Pipeline([
        ("features", FramingFeatures(families=families)),
        ("impute", SimpleImputer(strategy="constant", fill_value=0.0)),
        ("scale", StandardScaler()),
        ("model", LogisticRegression()),
    ])


def test_pipeline_learns_hedged_from_boosted_text():
    pipe = _pipeline(["hedging"]).fit(TEXTS, LABELS)
    assert pipe.score(TEXTS, LABELS) == 1.0
    unseen = ["Ties could perhaps improve.", "Ties undoubtedly improved."]
    assert pipe.predict(unseen).tolist() == [1, 0]


def test_grid_search_picks_the_informative_family():
    search = GridSearchCV(_pipeline(["frame"]), {"features__families": [["frame"], ["hedging"]]}, cv=2)
    search.fit(TEXTS, LABELS)
    assert search.best_params_ == {"features__families": ["hedging"]}
    assert search.best_score_ == 1.0


def test_per_article_values_equal_the_comparison_table_for_one_article_outlets(seed_corpus, seed_analysis):
    ff = FramingFeatures().fit(seed_corpus.articles)
    X = pd.DataFrame(ff.transform(seed_corpus.articles), columns=ff.get_feature_names_out())
    table = compare_outlets(seed_analysis.spans, seed_analysis.articles, reps=5)
    checked = 0
    for i, art in enumerate(seed_corpus.articles):
        rows = table[table["outlet_id"] == art.outlet_id].set_index("measure")["value"]
        for key in set(rows.index) & set(X.columns):
            assert X.loc[i, key] == pytest.approx(rows[key], nan_ok=True), (art.outlet_id, key)
            checked += 1
    assert checked >= 5 * 30
