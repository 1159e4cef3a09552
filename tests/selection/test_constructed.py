"""Selection on constructed cases: a dropped paragraph, reordered sentences, a light paraphrase, a cut quote."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.engines.memory import Analysis, analyze
from framing.model import Article, Corpus
from framing.selection.result import select_content

#: The longer version: four paragraphs.
LONG = (
    "The city council approved a new budget for the harbour district on Tuesday after a six-hour debate.\n\n"
    "Mayor Anna Berg said the plan would repair the old sea wall before the winter storms. "
    "\"We cannot wait another year while the water rises, and every family in the district knows it,\" Berg said. "
    "Opposition members argued that the repairs were too expensive for a small town.\n\n"
    "The budget also sets aside money for a new ferry terminal, which local fishermen have opposed for years. "
    "Fishermen warned that construction noise would drive herring away from the bay.\n\n"
    "Work on the sea wall is expected to begin in March and to last about two years."
)
#: The shorter version: the ferry paragraph dropped, sentences reordered, one paraphrased, the quote cut.
SHORT = (
    "Work on the sea wall is expected to begin in March and to last about two years.\n\n"
    "Opposition members argued that the repairs were too expensive for a small town. "
    "On Tuesday the city council approved a new harbour district budget after a debate of six hours.\n\n"
    "Mayor Anna Berg said the plan would repair the old sea wall before the winter storms. "
    "\"We cannot wait another year while the water rises,\" Berg said."
)
#: The sentence only the longer version carries.
DROPPED = "Fishermen warned that construction noise would drive herring away from the bay."
#: The lightly paraphrased sentence, in both versions.
PARAPHRASED = ("The city council approved a new budget for the harbour district on Tuesday after a six-hour debate.",
               "On Tuesday the city council approved a new harbour district budget after a debate of six hours.")


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(id=aid, outlet_id=outlet, outlet_name=outlet.upper(), raw_text=text, text=text,
                   title="Council approves harbour budget")


@pytest.fixture(scope="session")
def harbour() -> Analysis:
    """The two versions, analysed."""
    corpus = Corpus(articles=[_article("long", "lo", LONG), _article("short", "sh", SHORT)])
    return analyze(corpus, engine="serial")


@pytest.fixture(scope="session")
def harbour_stories() -> pd.DataFrame:
    """Both versions as one story."""
    return pd.DataFrame({"article_id": ["long", "short"], "outlet_id": ["lo", "sh"], "story_id": ["s", "s"]})


def _only_here(sel, article_id):
    al = sel.alignments[sel.alignments["article_id"] == article_id]
    return set(al.loc[~al["aligned"], "text"])


def test_dropped_paragraph_is_only_here_in_the_longer_version(harbour, harbour_stories):
    sel = select_content(harbour, stories=harbour_stories, reps=50)
    only = _only_here(sel, "long")
    assert DROPPED in only
    assert any(t.startswith("The budget also sets aside money for a new ferry terminal") for t in only)
    assert not _only_here(sel, "short"), "everything the shorter version says is in the longer one"


def test_reordered_sentences_align_to_their_counterparts(harbour, harbour_stories):
    sel = select_content(harbour, stories=harbour_stories, reps=50)
    al = sel.alignments[sel.alignments["article_id"] == "long"].set_index("text")
    row = al.loc["Work on the sea wall is expected to begin in March and to last about two years."]
    assert row["aligned"] and row["other_article_id"] == "short" and row["other_start"] == 0
    assert LONG[row["start"]:row["end"]] == row.name


def test_light_paraphrase_aligns(harbour, harbour_stories):
    sel = select_content(harbour, stories=harbour_stories, reps=50)
    row = sel.alignments[sel.alignments["article_id"] == "long"].set_index("text").loc[PARAPHRASED[0]]
    assert row["aligned"] and row["other_text"] == PARAPHRASED[1]


def test_cut_quote_is_shared_with_a_cut(harbour, harbour_stories):
    sel = select_content(harbour, stories=harbour_stories, reps=50)
    quotes = sel.shared_quotes[(sel.shared_quotes["feature"] == "quote") &
                               (sel.shared_quotes["other_feature"] == "quote")]
    rel = dict(zip(quotes["outlet_id"], quotes["relation"], strict=True))
    assert rel == {"lo": "extended", "sh": "cut"}
    assert set(quotes["speaker"]) == {"Anna Berg"}


def test_measures_count_only_here_and_left_out(harbour, harbour_stories):
    sel = select_content(harbour, stories=harbour_stories, reps=50)
    m = sel.measures.set_index(["outlet_id", "measure"])
    assert m.loc[("sh", "selection_only_here"), "value"] == 0.0
    assert m.loc[("lo", "selection_only_here"), "n_hits"] == 2  # the ferry paragraph
    assert m.loc[("lo", "selection_left_out"), "value"] == 0.0
    assert m.loc[("sh", "selection_cut_quotes"), "value"] == 1.0
    assert m.loc[("lo", "selection_only_here"), "value"] == pytest.approx(100 * 2 / 7)


def test_one_outlet_alone_gets_no_selection_and_a_caveat(harbour):
    stories = pd.DataFrame({"article_id": ["long", "short"], "outlet_id": ["lo", "sh"], "story_id": ["s1", "s2"]})
    sel = select_content(harbour, stories=stories, reps=20)
    assert sel.measures["value"].isna().all()
    assert sel.measures["caveats"].str.contains("no other outlet covers").all()
    assert sel.notes and "only coverage of their story" in sel.notes[0]
