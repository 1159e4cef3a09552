"""Per-group measure values: the comparison table's ratio of sums, grouped by article or outlet."""

from __future__ import annotations

import math

import pytest

from framing.comparison.declarations import default_measures
from framing.comparison.rates import compare_outlets, measure_values
from framing.errors import FramingError
from framing.model import Span, spans_to_frame


def _spans():
    """Outlet o: two articles (10 + 30 words, hedges 1 + 1); outlet p: one article with no hedge."""
    return spans_to_frame([
        Span("a1", "o", "sentence", 0, 10, "x", 0, score=10.0),
        Span("a1", "o", "hedge", 0, 3, "may", 0, voice="authorial", speaker=""),
        Span("a2", "o", "sentence", 0, 10, "x", 0, score=30.0),
        Span("a2", "o", "hedge", 0, 3, "may", 0, voice="direct_quote", speaker="Putin"),
        Span("a2", "o", "quote", 0, 9, "may be so", 0, voice="direct_quote", speaker="Putin"),
        Span("b1", "p", "sentence", 0, 10, "x", 0, score=20.0),
    ])


def test_outlet_grouping_is_a_ratio_of_sums_equal_to_the_comparison_table():
    spans = _spans()
    ms = default_measures(spans)
    by_outlet = measure_values(spans, ms, by="outlet_id")
    table = compare_outlets(spans, measures=ms, reps=5).set_index(["outlet_id", "measure"])["value"]
    for outlet in ("o", "p"):
        for m in ms:
            assert by_outlet.loc[outlet, m.key] == pytest.approx(table[(outlet, m.key)], nan_ok=True)
    assert by_outlet.loc["o", "hedge_per_1000_words"] == 2 / 40 * 1000  # not the mean of 100 and 33.3


def test_article_grouping_splits_the_sums_and_absent_groups_are_nan():
    spans = _spans()
    ms = default_measures(spans)
    by_article = measure_values(spans, ms, groups=["a1", "a2", "b1", "missing"])
    assert by_article["hedge_per_1000_words"].tolist()[:3] == [100.0, pytest.approx(1000 / 30), 0.0]
    assert by_article.loc["a2", "distinct_sources_count"] == 1.0
    assert by_article.loc["b1", "distinct_sources_count"] == 0.0
    assert all(math.isnan(v) for v in by_article.loc["missing"])


def test_unknown_grouping_column_is_refused():
    with pytest.raises(FramingError, match="by"):
        measure_values(_spans(), [], by="sentence")
