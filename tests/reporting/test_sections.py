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
    counted = [r for r in rows if r["label"]]
    assert counted and all(r["href"].startswith("#span-") for r in counted)


def test_label_contexts_never_count_a_label_about_another_relationship(seed_analysis):
    """Issue 13: "the Western Alliance has imposed..." was listed as counted while the page said it was not."""
    rows = [r for k in label_contexts(seed_analysis) if k["term"] == "alliance" for r in k["rows"]]
    western = [r for r in rows if r["match"] == "Alliance" and r["left"].endswith("the Western")]
    assert [r["counted"] for r in western] == ["about western-alliance: not counted in the story figures"]
    assert not western[0]["in_story"]
    story = [r for r in rows if r["in_story"]]
    assert story and all(r["counted"].startswith("counted: ") for r in story)


def test_kwic_rows_carry_target_polarity_and_counted_for_label_hits_only(seed_analysis):
    rows = kwic(seed_analysis, "alliance")
    western = rows[rows["right"].str.startswith("has imposed")].iloc[0]
    assert (western["target"], western["polarity"], western["counted"]) == ("western-alliance", "affirmed", "no")
    dyad = rows[rows["target"] == seed_analysis.story.dyad]
    assert len(dyad) == 8 and set(dyad["counted"]) == {"yes"}
    assert set(dyad["polarity"]) == {"affirmed", "negated"}
    names = kwic(seed_analysis, "Russia")
    assert len(names) > 20 and set(names["counted"]) == {""} and set(names["target"]) == {""}


def test_format_kwic_prints_target_polarity_voice_and_counted(seed_analysis):
    from framing.kwic import format_kwic

    out = format_kwic(kwic(seed_analysis, "alliance"), width=40).splitlines()
    assert len(out) == 12
    western = next(line for line in out if "[Alliance] has imposed" in line)
    assert western.endswith("| authorial | label: western-alliance, affirmed, counted: no")
    assert any("| direct_quote (" in line and line.endswith("negated, counted: yes") for line in out)
    assert out[-1] == ("11 occurrence(s) in 4 outlet(s); labels: 8 counted in the story figures, "
                       "3 about other relationships")
    assert not any("label:" in line for line in format_kwic(kwic(seed_analysis, "Russia"), width=20).splitlines())


def test_evidence_marks_labels_about_other_relationships(seed_analysis):
    from framing.reporting.sections.evidence import evidence

    articles = evidence(seed_analysis, {a.id: a.id for a in seed_analysis.corpus.articles}, None)
    html = "".join(str(a["html"]) for a in articles)
    assert 'data-badge="about western-alliance"' in html
    assert "about us-allies: not counted in the story figures" in html
    n_other = int((seed_analysis.spans["target"].isin(["us-allies", "western-alliance"])).sum())
    assert html.count("off-story") >= n_other > 0


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
    assert "90% intervals that stay inside" in html and "(20 resamples" in html and "fewer than 4 hits" in html


def test_a_corpus_of_many_stories_is_not_titled_one_story(seed_analysis):
    import pandas as pd

    from framing.comparison import compare
    from framing.reporting.context import build_context

    arts = seed_analysis.articles
    stories = pd.DataFrame({"article_id": arts["article_id"], "outlet_id": arts["outlet_id"],
                            "story_id": ["a", "a", "b", "b", "b"]})
    context = build_context(seed_analysis, compare(seed_analysis, reps=20, stories=stories))
    assert context["title"] == "How 5 outlets covered 2 stories"
    assert "--group" in context["stories_note"]
    one = build_context(seed_analysis, compare(seed_analysis, reps=20))
    assert one["title"] == "How 5 outlets framed one story" and one["stories_note"] == ""


def test_chart_figures_are_collected_one_by_one_even_with_collection_deferred(seed_analysis, monkeypatch):
    """Memory at scale: a report defers full collections; each chart's closed figure (garbage in cycles,
    20-50 MB at 6,000 articles) must be gone before the next chart is drawn, not piled up until the last,
    nor carried through the KWIC, evidence and PDF stages."""
    import gc

    from matplotlib.figure import Figure

    from framing.reporting import charts
    from framing.reporting.context import build_context

    comparison = compare(seed_analysis, reps=50)
    gc.collect()
    before = {id(o) for o in gc.get_objects() if isinstance(o, Figure)}  # other tests' open figures
    alive_at_draw: list[int] = []
    draw = charts._chart

    def counting(*args, **kwargs):  # the figure being drawn is alive; earlier charts' must not be
        alive_at_draw.append(sum(1 for o in gc.get_objects() if isinstance(o, Figure) and id(o) not in before))
        return draw(*args, **kwargs)

    monkeypatch.setattr(charts, "_chart", counting)
    gc.disable()
    try:
        context = build_context(seed_analysis, comparison)
        alive = [o for o in gc.get_objects() if isinstance(o, Figure) and id(o) not in before]
    finally:
        gc.enable()
    assert len(context["charts"]) >= 5 and len(alive_at_draw) == len(context["charts"])
    assert alive_at_draw == [1] * len(alive_at_draw)
    assert alive == []
