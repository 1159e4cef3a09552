"""Comparison table: rates, intervals, the rule of three for zero hits, caveats and differences."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from framing.comparison.bootstrap import generator, resampled_sums
from framing.comparison.caveats import differs
from framing.comparison.declarations import default_measures
from framing.comparison.rates import compare_outlets
from framing.model import Span, spans_to_frame


def _corpus(hedges_a: int, hedges_b: int, sentences: int = 40, words: int = 10) -> pd.DataFrame:
    """Two outlets, one article each; outlet a has hedges in its first ``hedges_a`` sentences."""
    spans = []
    for outlet, n_hedges in (("a", hedges_a), ("b", hedges_b)):
        for i in range(sentences):
            start = i * 100
            spans.append(Span(f"{outlet}1", outlet, "sentence", start, start + 50, "x", i, score=float(words)))
            if i < n_hedges:
                spans.append(Span(f"{outlet}1", outlet, "hedge", start, start + 3, "may", i, label="may",
                                  voice="authorial"))
    return spans_to_frame(spans)


def _row(table: pd.DataFrame, measure: str, outlet: str) -> pd.Series:
    return table[(table["measure"] == measure) & (table["outlet_id"] == outlet)].iloc[0]


def test_rate_is_hits_per_1000_words_and_interval_contains_it():
    t = compare_outlets(_corpus(8, 8), reps=300)
    r = _row(t, "hedge_per_1000_words", "a")
    assert r["value"] == 8 / 400 * 1000
    assert r["ci_low"] < r["value"] < r["ci_high"]
    assert r["n_hits"] == 8 and r["first_span"] >= 0


def test_zero_hits_get_the_rule_of_three_interval_not_a_point():
    t = compare_outlets(_corpus(0, 30), reps=300, min_hits=0)
    r = _row(t, "hedge_per_1000_words", "a")
    assert r["value"] == 0.0 and r["ci_low"] == 0.0
    assert math.isclose(r["ci_high"], 3 / 400 * 1000)
    assert r["first_span"] == -1


def test_few_hits_show_the_count_not_an_interval_and_are_never_a_difference():
    t = compare_outlets(_corpus(2, 35), reps=300)
    r = _row(t, "hedge_per_1000_words", "a")
    assert r["few_hits"] and r["n_hits"] == 2 and r["n_base"] == 400
    assert math.isnan(r["ci_low"]) and math.isnan(r["ci_high"])
    assert r["differs_from_rest"] == ""


def test_difference_is_called_only_where_intervals_separate():
    separated = compare_outlets(_corpus(5, 38), reps=300)
    assert _row(separated, "hedge_per_1000_words", "a")["differs_from_rest"] == "lower"
    assert _row(separated, "hedge_per_1000_words", "b")["differs_from_rest"] == "higher"
    close = compare_outlets(_corpus(10, 12), reps=300)
    assert _row(close, "hedge_per_1000_words", "a")["differs_from_rest"] == ""


def test_voice_split_counts_quoted_hedges_as_sources():
    spans = spans_to_frame([
        Span("a1", "a", "sentence", 0, 40, "x", 0, score=20.0),
        Span("a1", "a", "hedge", 0, 3, "may", 0, voice="direct_quote"),
        Span("a1", "a", "hedge", 10, 13, "may", 0, voice="authorial"),
        Span("a1", "a", "hedge", 20, 25, "might", 0, voice="attributed_paraphrase"),
    ])
    t = compare_outlets(spans, reps=50)
    assert _row(t, "hedge_sources_per_1000_words", "a")["value"] == 100.0
    assert _row(t, "hedge_own_per_1000_words", "a")["value"] == 50.0


def test_caveats_are_data_one_article_and_not_english():
    articles = pd.DataFrame({"article_id": ["a1", "b1"], "outlet_id": ["a", "b"], "outlet_name": ["A", "B"],
                             "language": ["de", "en"]})
    t = compare_outlets(_corpus(3, 3), articles, reps=50)
    r = _row(t, "hedge_per_1000_words", "a")
    assert r["one_article"] and r["not_english"] and "not English" in r["caveats"]
    assert not _row(t, "hedge_per_1000_words", "b")["not_english"]


def test_undefined_mean_is_nan_not_zero():
    spans = spans_to_frame([Span("a1", "a", "sentence", 0, 5, "x", 0, score=2.0),
                            Span("b1", "b", "sentence", 0, 5, "x", 0, score=2.0),
                            Span("b1", "b", "sentiment", 0, 5, "x", 0, label="negative", score=-0.5)])
    t = compare_outlets(spans, reps=50)
    assert math.isnan(_row(t, "sentence_sentiment_mean", "a")["value"])
    assert _row(t, "sentence_sentiment_mean", "b")["value"] == -0.5


def test_absent_families_give_no_measures():
    keys = [m.key for m in default_measures(_corpus(1, 1))]
    assert keys == ["hedge_per_1000_words", "hedge_own_per_1000_words", "hedge_sources_per_1000_words"]


def test_bootstrap_is_seeded_and_order_independent():
    num = np.arange(20, dtype=float).reshape(10, 2)
    den = np.ones((10, 2))
    a = resampled_sums(num, den, rng=generator("x"), reps=100)
    b = resampled_sums(num, den, rng=generator("x"), reps=100)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], resampled_sums(num, den, rng=generator("y"), reps=100)[0])


def test_differs_needs_separated_intervals():
    assert differs(1.0, 2.0, 2.0, 3.0) == ""  # touching intervals are not separated


def test_seed_comparison_has_every_outlet_for_every_measure(seed_analysis):
    t = compare_outlets(seed_analysis.spans, seed_analysis.articles, reps=100)
    outlets = set(seed_analysis.articles["outlet_id"])
    for _, sub in t.groupby("measure"):
        assert set(sub["outlet_id"]) == outlets
    words = _row(t, "label_per_1000_words", "dw") if "label_per_1000_words" in set(t["measure"]) else None
    if words is not None:
        assert words["one_article"]


def test_every_interval_lies_inside_its_measures_range_on_the_seeds(seed_analysis):
    t = compare_outlets(seed_analysis.spans, seed_analysis.articles, reps=200)
    for kind, (low, high) in {"rate": (0.0, math.inf), "share_words": (0.0, 100.0), "share_of": (0.0, 100.0),
                              "share_sentences": (0.0, 100.0), "mean": (-1.0, 1.0)}.items():
        sub = t[t["kind"] == kind]
        for column in ("ci_low", "ci_high", "rest_ci_low", "rest_ci_high"):
            vals = sub[column].dropna()
            assert ((vals >= low) & (vals <= high)).all(), (kind, column)
    assert (t.loc[t["few_hits"], "differs_from_rest"] == "").all()


def test_share_of_base_spans_gets_the_wilson_interval_not_a_point_at_100_percent():
    spans = [Span("a1", "a", "sentence", i * 10, i * 10 + 5, "x", i, score=5.0) for i in range(8)]
    spans += [Span("a1", "a", "sentiment", i * 10, i * 10 + 5, "x", i, label="negative", score=-0.5)
              for i in range(8)]
    t = compare_outlets(spans_to_frame(spans), reps=100)
    r = _row(t, "sentences_negative_pct", "a")
    assert r["value"] == 100.0 and r["ci_high"] == 100.0 and 55.0 < r["ci_low"] < 80.0


def test_outlets_with_many_articles_are_resampled_by_article():
    """Hits clustered in one of six articles: an article bootstrap is wider than a sentence bootstrap."""
    def corpus(articles: int) -> pd.DataFrame:
        spans = []
        for n in range(120):
            article, i = f"a{n * articles // 120}", n
            spans.append(Span(article, "a", "sentence", i * 100, i * 100 + 50, "x", i, score=10.0))
            if n < 20:
                spans.append(Span(article, "a", "hedge", i * 100, i * 100 + 3, "may", i, voice="authorial"))
        return spans_to_frame(spans)

    by_article = _row(compare_outlets(corpus(6), reps=300), "hedge_per_1000_words", "a")
    by_sentence = _row(compare_outlets(corpus(1), reps=300), "hedge_per_1000_words", "a")
    assert by_article["value"] == by_sentence["value"]
    assert by_article["ci_high"] - by_article["ci_low"] > 2 * (by_sentence["ci_high"] - by_sentence["ci_low"])
