"""Report sections read the analysis and the comparison: voice from the span table, wording from the data."""

from __future__ import annotations

import pytest

from framing.comparison import compare
from framing.kwic import ATTRIBUTION_VOICES, kwic, voice_at
from framing.reporting import report_html
from framing.reporting.sections.kwic import label_contexts
from framing.reporting.sections.methodology import limitations


def test_voice_at_gives_every_span_its_voice_and_speaker(seed_analysis):
    """The innermost quote or paraphrase covering a span's start is the voice the extractors gave it."""
    spans = seed_analysis.spans
    checked = 0
    for _, mine in spans.groupby("article_id"):
        for row in mine[~mine["feature"].isin(list(ATTRIBUTION_VOICES))].itertuples():
            assert voice_at(mine, int(row.start)) == (row.voice or "authorial", row.speaker), row
            checked += 1
    assert checked > 1000


def test_kwic_of_an_analysis_equals_kwic_of_its_corpus(seed_analysis, seed_corpus):
    from_analysis = kwic(seed_analysis, "alliance")
    from_corpus = kwic(seed_corpus, "alliance")
    assert len(from_analysis) > 3
    assert from_analysis.equals(from_corpus)
    assert set(from_analysis["voice"]) >= {"authorial", "direct_quote"}
    assert (from_analysis["sentence"] >= 0).all()


def test_label_contexts_link_counted_labels(seed_analysis):
    rows = [r for k in label_contexts(seed_analysis) for r in k["rows"]]
    counted = [r for r in rows if r["counted"] != "not counted"]
    assert counted and all(r["href"].startswith("#span-") for r in counted)


@pytest.mark.parametrize(("per_outlet", "start", "rest"), [
    ([1, 1, 1, 1, 1], "Five articles are five articles.", "describes this article"),
    ([1], "One article is one article.", "describes this article"),
    ([3, 2], "Five articles are five articles.", "describes its two to three articles"),
    ([300, 300], "600 articles are 600 articles.", "describes its 300 articles"),
])
def test_corpus_size_caution_reads_the_data(per_outlet: list[int], start: str, rest: str):
    text = limitations(per_outlet)[1]
    assert text.startswith(start) and rest in text


def test_report_names_the_story_and_the_settings(seed_analysis):
    comp = compare(seed_analysis, reps=20, level=0.9, min_hits=4)
    html = report_html(seed_analysis, comparison=comp)
    assert f"<dt>Story</dt><dd>{seed_analysis.story.name}</dd>" in html
    assert "90% percentile bootstrap intervals (20 resamples" in html and "fewer than 4 hits" in html
