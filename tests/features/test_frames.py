from __future__ import annotations

import pandas as pd

from framing.attribution import prepare_doc
from framing.features.frames import extract, frame_ids, frame_shares
from framing.model import Article, spans_to_frame


def _labels(text: str) -> list[tuple[str, str]]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [(s.text, s.label) for s in extract(doc)]


def test_frames_cover_brief_topics():
    assert {"security_military", "economy_energy_trade", "diplomacy_politics", "ideology_values_rights",
            "history", "sanctions", "sport_olympics", "geopolitics_world_order"} <= set(frame_ids())


def test_longest_match_cold_war_is_history_not_security():
    assert _labels("It recalls the cold war.") == [("cold war", "history")]


def test_excluded_phrase_think_tank_is_no_military_cue():
    assert _labels("A think tank said so.") == []


def test_case_sensitive_acronym_un_not_prefix():
    assert _labels("The UN met; it was un-American.") == [("UN", "diplomacy_politics")]


def test_plural_and_hyphen_variants():
    assert _labels("New sanctions and joint-exercises.") == [("sanctions", "sanctions"),
                                                             ("joint-exercises", "security_military")]


def test_games_capital_is_olympics_but_games_lower_is_not():
    assert _labels("The Games opened. Leaders play games.") == [("Games", "sport_olympics")]


def test_spans_on_seeds_have_text_and_sentence(seed_corpus):
    art = seed_corpus.articles[0]
    spans = extract(prepare_doc(art))
    assert spans and all(art.text[s.start:s.end] == s.text and s.sentence >= 0 for s in spans)
    assert {"sport_olympics", "sanctions"} <= {s.label for s in spans}


def test_frame_shares_counts_sentences_once_per_frame():
    text = "Sanctions and more sanctions. Oil prices rose. Nothing here."
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    from framing.features.sentences import extract as sentences

    df = spans_to_frame(sentences(doc) + extract(doc))
    out = frame_shares(df).set_index("frame")
    assert out.loc["sanctions", "n_sentences_with_frame"] == 1
    assert out.loc["sanctions", "n_cues"] == 2
    assert abs(out.loc["sanctions", "share_of_sentences"] - 1 / 3) < 1e-9
    assert abs(out.loc["economy_energy_trade", "share_of_sentences"] - 1 / 3) < 1e-9


def test_frame_shares_empty_table():
    assert frame_shares(pd.DataFrame(columns=["outlet_id", "article_id", "feature", "sentence", "label"])).empty


def test_measures_of_everything_give_one_share_per_frame():
    from framing.features.frames import measures

    assert [m.key for m in measures()] == [f"frame_{f}_sentences_pct" for f in sorted(frame_ids())]
    spans = spans_to_frame([])
    assert measures(spans) == []
