"""Selection on the seeds: statements several outlets quote are found as shared quotes."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.loading import load_corpus
from framing.engines.memory import Analysis, analyze
from framing.selection.result import select_content
from framing.selection.stories import day_number, group_articles, story_text


@pytest.fixture(scope="module")
def seeds() -> Analysis:
    return analyze(load_corpus(), engine="serial")


def _one_story(analysis: Analysis) -> pd.DataFrame:
    a = analysis.articles
    return pd.DataFrame({"article_id": a["article_id"], "outlet_id": a["outlet_id"], "story_id": "seeds"})


def test_wang_yi_security_concerns_shared_and_cut_before_the_joint_statement(seeds):
    """Wang Yi's words to Blinken (late January 2022): SCMP quotes more of them, DW a cut."""
    sel = select_content(seeds, reps=50)
    wang = sel.shared_quotes[sel.shared_quotes["speaker"] == "Wang Yi"]
    assert {"scmp", "dw", "wapo"} <= set(wang["outlet_id"])
    cut = wang[(wang["relation"] == "cut")]
    assert cut[["outlet_id", "other_outlet_id"]].values.tolist() == [["dw", "scmp"]]
    assert "should be taken seriously" in cut["text"].iloc[0]


def test_one_article_per_outlet_is_one_story_by_construction(seeds):
    sel = select_content(seeds, reps=50)
    assert sel.stories["story_id"].nunique() == 1
    assert not sel.measures["caveats"].str.contains("no other outlet").any()


def test_xi_best_friend_shared_when_the_seeds_are_one_story(seeds):
    """Xi calling Putin his best friend, quoted by SCMP and Responsible Statecraft in different words."""
    sel = select_content(seeds, reps=50)
    xi = sel.shared_quotes[sel.shared_quotes["speaker"] == "Xi Jinping"]
    assert set(zip(xi["outlet_id"], xi["other_outlet_id"], strict=True)) == {("scmp", "rs"), ("rs", "scmp")}
    assert all("best" in t for t in xi["text"])


def test_similarity_grouping_keeps_the_early_february_seeds_one_story(seeds):
    """Grouped by similarity alone (average linkage), SCMP, DW and the Washington Post (early February 2022,
    the run-up to the joint statement) are one story and each other's nearest neighbours."""
    arts = seeds.corpus.articles
    grouped = group_articles([a.id for a in arts], [a.outlet_id for a in arts],
                             [story_text(a.title, a.text) for a in arts], days=[day_number(a.published) for a in arts])
    story = dict(zip(grouped["outlet_id"], grouped["story_id"], strict=True))
    assert story["scmp"] == story["dw"] == story["wapo"]
    outlet_of = dict(zip(grouped["article_id"], grouped["outlet_id"], strict=True))
    near = {o: outlet_of[n] for o, n in zip(grouped["outlet_id"], grouped["nearest_article_id"], strict=True)}
    assert near["dw"] == "wapo" and near["wapo"] == "dw" and near["scmp"] == "wapo"


def test_a_seed_alone_in_its_story_gets_no_selection_and_says_so(seeds):
    a = seeds.articles
    stories = pd.DataFrame({"article_id": a["article_id"], "outlet_id": a["outlet_id"],
                            "story_id": ["alone" if o in ("ro-site", "rs") else "feb" for o in a["outlet_id"]]})
    stories.loc[stories["outlet_id"] == "rs", "story_id"] = "alone-2"
    sel = select_content(seeds, stories=stories, reps=50)
    alone = sel.measures[sel.measures["caveats"].str.contains("no other outlet")]
    assert set(alone["outlet_id"]) == {"ro-site", "rs"}
    assert alone["value"].isna().all()


def test_every_alignment_points_at_sentence_spans(seeds):
    sel = select_content(seeds, stories=_one_story(seeds), reps=50)
    texts = {a.id: a.text for a in seeds.corpus.articles}
    al = sel.alignments
    assert len(al) and al["outlet_id"].ne(al["other_outlet_id"]).all()
    for r in al.head(200).itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text
        assert texts[r.other_article_id][r.other_start:r.other_end] == r.other_text
    sources = sel.sources
    assert (sources["n_outlets"] <= sources["outlets_in_story"]).all()


def test_alignment_texts_are_the_span_tables_own_strings(seeds):
    """Memory at scale: each alignment row refers to its sentence's string in the span table (no copy per row)."""
    sel = select_content(seeds, stories=_one_story(seeds), reps=50)
    rows = sel.alignments.iloc[:50]
    spans = seeds.spans
    assert len(rows)
    assert all(t is spans.at[r, "text"] for t, r in zip(rows["text"], rows["span_row"], strict=True))
    assert all(t is spans.at[r, "text"]
               for t, r in zip(rows["other_text"], rows["other_span_row"], strict=True))
