"""Hedges and boosters: hard cases (one per rule) and the public speculation gold."""

from __future__ import annotations

import pytest

from framing.attribution import prepare_doc
from framing.evaluation import default_gold_dir
from framing.evaluation.hedging import read_bioscope, score_hedges
from framing.features.hedging import extract
from framing.model import Article


def _cues(text: str) -> list[tuple[str, str, float]]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [(s.feature, s.text, s.score) for s in extract(doc)]


def test_may_the_month_is_not_a_hedge() -> None:
    assert _cues("Talks began in May 2022. On May 5 they met. Theresa May spoke.") == []


def test_epistemic_may_is_a_hedge() -> None:
    assert _cues("The deal may fail.") == [("hedge", "may", 1.0)]


def test_permission_may_is_not_a_hedge() -> None:
    assert _cues("You may leave now. Visitors may enter the hall.") == []


def test_could_not_past_ability_is_not_a_hedge() -> None:
    assert _cues("He could not attend the summit.") == []


def test_could_not_be_ruled_out_is_one_hedge() -> None:
    assert _cues("A deal could not be ruled out.") == [("hedge", "could not be ruled out", 1.0)]


def test_would_after_reporting_verb_is_not_a_hedge() -> None:
    assert _cues("The ministry said it would hold talks.") == []


def test_speculative_would_likely_is_one_hedge() -> None:
    assert _cues("Sanctions would likely hurt Moscow.") == [("hedge", "would likely", 1.0)]


def test_appear_show_up_is_not_a_hedge() -> None:
    assert _cues("Putin appeared at the ceremony.") == []
    assert _cues("The talks appear to have stalled.") == [("hedge", "appear", 1.0)]


def test_will_is_not_a_hedge() -> None:
    assert _cues("Xi will visit Moscow.") == []


def test_clear_as_verb_is_not_a_booster() -> None:
    assert _cues("This will clear the way.") == []
    assert _cues("It is clear that they agree.") == [("booster", "clear", 1.0)]


def test_multiword_hedges_and_opinion() -> None:
    out = [t for _, t, _ in _cues("It remains to be seen. I don't think so. It is not necessarily true.")]
    assert out == ["It remains to be seen", "I don't think", "not necessarily"]


def test_borderline_approximator_scored_half_and_needs_number() -> None:
    assert _cues("About 30 people came.") == [("hedge", "About", 0.5)]
    assert _cues("They talked about it.") == []


def test_degree_intensifier_is_not_a_booster() -> None:
    assert _cues("China firmly and greatly supports Russia.") == []


def test_bioscope_cue_f1_floor() -> None:
    path = default_gold_dir() / "bioscope"
    if not path.is_dir():
        pytest.skip(f"BioScope gold absent at {path}")
    docs = list(read_bioscope(path))[:300]
    sc = score_hedges(iter(docs))
    p, r = sc.pred_ok / sc.pred, sc.gold_found / sc.gold
    assert 2 * p * r / (p + r) > 0.70


def test_would_in_a_that_clause_of_a_past_verb_or_a_condition_is_not_a_hedge():
    """Future in the past and conditional consequence (issue 13: "would" only as speculation)."""
    t = ("Yeltsin began to see that Russia would need to develop good ties with China. "
         "Officials said that the security issues of the region, old and new, would be addressed. "
         "Analysts warned that if talks fail, Russia would invade. "
         "I don't think Putin would launch an invasion.")
    doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    woulds = [s.start for s in extract(doc) if s.label == "would"]
    assert woulds == [t.rindex("would")]  # only the speculation under "I don't think"


def test_non_epistemic_possible_and_manner_clearly_and_negated_obvious_are_not_cues():
    from framing.attribution import prepare_doc
    from framing.features.hedging import extract
    from framing.model import Article

    t = ("They will cooperate as far as possible. This can be seen clearly in trade. There are no obvious limits. "
         "It is possible that talks fail. Clearly, the ties are strong.")
    doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    found = [(s.feature, s.text) for s in extract(doc)]
    assert found == [("hedge", "It is possible"), ("booster", "Clearly")]


def test_would_after_a_verb_of_the_reporting_verb_list_or_without_a_sign_of_speculation_is_not_a_hedge():
    # "pledged" is in the reporting-verb list for this rule only (attribution = n); "which would be telling" is a
    # plain prediction with no sign of speculation (no opinion verb, no generic subject).
    t = "They pledged it would end. Maybe she was more involved than she says she was, which would be telling."
    doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    assert [s.start for s in extract(doc) if s.label == "would"] == []


def test_reporting_verb_columns_of_the_one_list():
    from framing.lexicons import load_lexicon

    rows = load_lexicon("reporting_verbs").rows
    assert {u for r in rows for u in r["would"].split("|") if u} == {"near", "that"}
    assert {r["attribution"] for r in rows} == {"y", "n"} and {r["ends_clause"] for r in rows} == {"y", ""}
    assert {r["term"] for r in rows if r["attribution"] == "n"} >= {"saw", "realised", "pledged"}


def test_hedging_measures_for_a_table_and_for_everything():
    from framing.features.hedging import measures
    from framing.model import Span, spans_to_frame

    assert len(measures()) == 6
    spans = spans_to_frame([Span("a", "o", "booster", 0, 5, "clear", 0, label="clear")])
    assert [m.key for m in measures(spans)] == [
        "booster_per_1000_words", "booster_own_per_1000_words", "booster_sources_per_1000_words"]
