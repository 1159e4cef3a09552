"""A statement counts once: a paraphrase's own quoted words count with the paraphrase.

A paraphrase often keeps words of its speaker in quotation marks ('opposed
external forces instigating a “colour revolution”'): the span table holds a
paraphrase row and a quote row for the one statement. The measures counting
"quotes and paraphrases" count it once, and the paraphrase share of words
leaves out the quoted words, which the quote share counts.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.comparison.rates import compare_outlets, measure_values
from framing.comparison.sources import summarise_sources
from framing.corpus.segmentation import count_words
from framing.features.quotes import measures
from framing.model import Span, spans_to_frame
from framing.nesting import part_of, words_outside


def _table(text: str, *rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """One article of one sentence, with (feature, words of the span, label, speaker, origin) rows."""
    spans = [Span("a", "o", "sentence", 0, len(text), text, 0, score=float(count_words(text)))]
    for feature, words, label, speaker, origin in rows:
        start = text.index(words)
        voice = "direct_quote" if feature == "quote" else "attributed_paraphrase"
        spans.append(Span("a", "o", feature, start, start + len(words), words, 0, label=label, speaker=speaker,
                          category=origin, voice=voice, score=float(count_words(words))))
    return spans_to_frame(spans)


def _values(spans: pd.DataFrame) -> pd.Series:
    return measure_values(spans, measures(spans), by="outlet_id").loc["o"]


XI = "Xi said China opposed external forces instigating a “colour revolution” in the nation."
PARAPHRASE = "China opposed external forces instigating a “colour revolution” in the nation"


def test_quote_inside_a_paraphrase_counts_once_in_attributions() -> None:
    spans = _table(XI, ("paraphrase", PARAPHRASE, "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "person", "Xi", "china"))
    words = count_words(XI)
    assert _values(spans)["attributions_per_1000_words"] == pytest.approx(1000 / words)  # was 2000 / words


def test_paraphrase_word_share_leaves_out_its_quoted_words() -> None:
    spans = _table(XI, ("paraphrase", PARAPHRASE, "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "person", "Xi", "china"))
    v, words = _values(spans), count_words(XI)
    assert v["quote_share_of_words_pct"] == pytest.approx(100 * 2 / words)  # the quote's words, as before
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 9 / words)  # 11 words less the 2 quoted
    assert v["quote_share_of_words_pct"] + v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 11 / words)


def test_quote_whose_closing_mark_falls_after_the_paraphrase_is_part_of_it() -> None:
    # the paraphrase stops before the quote's comma and closing mark: its quoted words are still inside
    text = 'Wang said Russia\'s security concerns "should be taken seriously," and left.'
    spans = _table(text, ("paraphrase", 'Russia\'s security concerns "should be taken seriously', "person", "Wang Yi",
                          "china"),
                   ("quote", '"should be taken seriously,"', "person", "Wang Yi", "china"))
    v, words = _values(spans), count_words(text)
    assert v["attributions_per_1000_words"] == pytest.approx(1000 / words)
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 3 / words)


def test_quote_of_another_speaker_inside_a_paraphrase_still_counts() -> None:
    spans = _table(XI, ("paraphrase", PARAPHRASE, "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "person", "Lavrov", "russia"))
    v, words = _values(spans), count_words(XI)
    assert v["attributions_per_1000_words"] == pytest.approx(2000 / words)
    assert v["source_origin_russia_share_pct"] == pytest.approx(50.0)
    # its words are a quote's, whoever said them: still out of the paraphrase share
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 9 / words)


def test_scare_quote_with_no_speaker_inside_a_paraphrase_counts_with_it() -> None:
    spans = _table(XI, ("paraphrase", PARAPHRASE, "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "scare", "", "unknown"))
    v = _values(spans)
    assert v["attributions_per_1000_words"] == pytest.approx(1000 / count_words(XI))
    assert v["source_origin_china_share_pct"] == pytest.approx(100.0)
    assert v["source_origin_unknown_share_pct"] == pytest.approx(0.0)


def test_quote_outside_any_paraphrase_counts_as_before() -> None:
    text = "“Ties are strong,” Xi said. Lavrov said the talks failed."
    spans = _table(text, ("quote", "“Ties are strong,”", "person", "Xi", "china"),
                   ("paraphrase", "the talks failed", "person", "Lavrov", "russia"))
    v, words = _values(spans), count_words(text)
    assert v["attributions_per_1000_words"] == pytest.approx(2000 / words)
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 3 / words)
    assert v["source_origin_china_share_pct"] == pytest.approx(50.0)


def test_title_in_quotation_marks_keeps_its_words_in_the_paraphrase_share() -> None:
    # a title is nobody's words and is not in the quote share: the paraphrase keeps its words
    text = "Xi said the “Belt and Road” plan works."
    spans = _table(text, ("paraphrase", "the “Belt and Road” plan works", "person", "Xi", "china"),
                   ("quote", "“Belt and Road”", "title", "", "unknown"))
    v, words = _values(spans), count_words(text)
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 6 / words)
    assert v["quote_share_of_words_pct"] == 0.0


def test_origin_share_weighs_a_statement_once() -> None:
    text = "Xi said China opposed a “colour revolution” there. “No,” Lavrov said."
    spans = _table(text, ("paraphrase", "China opposed a “colour revolution” there", "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "person", "Xi", "china"),
                   ("quote", "“No,”", "person", "Lavrov", "russia"))
    v = _values(spans)
    assert v["source_origin_china_share_pct"] == pytest.approx(50.0)  # was 2 of 3
    assert v["distinct_sources_count"] == 2.0
    table = compare_outlets(spans, measures=measures(spans), reps=20)
    row = table.set_index("measure").loc["source_origin_china_share_pct"]
    assert (row["n_hits"], row["n_base"]) == (1, 2.0)
    origin = summarise_sources(spans, {"o": count_words(text)}, origins=["china", "russia"]).loc["o"]
    assert origin["share_origin_china"] == pytest.approx(0.5)  # the source summary agrees
    assert origin["quotes"] == 2  # the rows stay: both quotes are still listed


def test_span_rows_stay_and_the_figure_links_to_the_paraphrase() -> None:
    spans = _table(XI, ("paraphrase", PARAPHRASE, "person", "Xi", "china"),
                   ("quote", "“colour revolution”", "person", "Xi", "china"))
    assert sorted(spans["feature"]) == ["paraphrase", "quote", "sentence"]
    row = compare_outlets(spans, measures=measures(spans), reps=20).set_index("measure").loc[
        "attributions_per_1000_words"]
    assert row["n_hits"] == 1 and spans.loc[int(row["first_span"]), "feature"] == "paraphrase"


def test_paraphrase_inside_a_paraphrase_of_the_same_speaker_counts_once() -> None:
    # "said" and "opposed" both read the statement: one paraphrase inside the other, same speaker
    text = "Xi said China backed Kazakhstan, and opposed external forces there."
    spans = _table(text, ("paraphrase", "China backed Kazakhstan, and opposed external forces there", "person",
                          "Xi", "china"),
                   ("paraphrase", "external forces there", "person", "Xi", "china"))
    v, words = _values(spans), count_words(text)
    assert v["attributions_per_1000_words"] == pytest.approx(1000 / words)
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 8 / words)


def test_the_same_paraphrase_found_twice_counts_once() -> None:
    text = "Xi said the talks failed."
    spans = _table(text, ("paraphrase", "the talks failed", "person", "Xi", "china"))
    spans = pd.concat([spans, spans.iloc[[1]]], ignore_index=True)
    parts = part_of(spans, spans["feature"] == "paraphrase", spans["feature"] == "paraphrase")
    assert parts.tolist() == [-1, -1, 1]
    assert _values(spans)["attributions_per_1000_words"] == pytest.approx(1000 / count_words(text))


def test_undefined_shares_stay_nan() -> None:
    spans = _table("No words here at all.", )
    spans = pd.concat([spans, spans_to_frame([Span("b", "p", "paraphrase", 0, 4, "said", 0, speaker="X",
                                                   category="china")])], ignore_index=True)
    v = measure_values(spans, measures(spans), by="outlet_id").loc["p"]
    assert math.isnan(v["paraphrase_share_of_words_pct"]) and math.isnan(v["attributions_per_1000_words"])


# --- the seeds ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_spans(seed_analysis) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    return seed_analysis.spans.reset_index(drop=True)


def test_seed_quotes_inside_paraphrases_count_once(seed_spans: pd.DataFrame) -> None:
    s = seed_spans
    statements = s["feature"].isin(["quote", "paraphrase"])
    parts = part_of(s, statements, s["feature"] == "paraphrase")
    quotes, paraphrases = s[s["feature"] == "quote"], s[s["feature"] == "paraphrase"]
    holding = 0
    for _, p in paraphrases.iterrows():
        inside = quotes[(quotes["article_id"] == p["article_id"]) & (quotes["start"] >= p["start"])
                        & (quotes["end"] <= p["end"])]
        holding += int(len(inside) > 0)
        same = inside[inside["speaker"].isin([p["speaker"], ""])]
        assert (parts[same.index] >= 0).all()  # every whole quote of the same speaker counts with a paraphrase
    assert holding == 10  # of the 72 paraphrases, 10 hold one or more whole quotes
    colour = s[(s["feature"] == "quote") & (s["text"] == "“colour revolution”")].index[0]
    assert s.loc[parts[colour], "speaker"] == "Xi Jinping"
    table = compare_outlets(s, measures=measures(s), reps=20).set_index(["measure", "outlet_id"])
    speech = s["label"] != "title"
    for outlet in s["outlet_id"].unique():
        mine = (s["outlet_id"] == outlet) & speech
        n = int((mine & s["feature"].isin(["quote", "paraphrase"])).sum()) - int((mine & (parts >= 0)).sum())
        assert table.loc[("attributions_per_1000_words", outlet), "n_hits"] == n
    # DW: Putin's "strategic partnership of coordination" ... "new era" ... paraphrase is one attribution, not five
    dw = s[(s["outlet_id"] == "dw") & (s["feature"] == "quote")]
    inside = dw[dw["text"].isin(['"strategic partnership of coordination"', '"new era,"', '"unprecedented level"'])]
    assert len(inside) == 3 and (parts[inside.index] >= 0).all()


def test_seed_paraphrase_words_leave_out_the_quoted_words(seed_spans: pd.DataFrame) -> None:
    s = seed_spans
    mine = s[(s["outlet_id"] == "dw") & (s["feature"] == "paraphrase")]
    concerns = mine[mine["text"] == 'Russia\'s security concerns "should be taken seriously'].index
    assert len(concerns) == 1
    counted = words_outside(s, s.index.isin(concerns), (s["feature"] == "quote") & (s["label"] != "title"))
    assert counted[concerns[0]] == 3.0  # "Russia's security concerns"
    # the paraphrase share is the words inside paraphrases and outside quotes, each word once, except where
    # statements of two speakers overlap (wapo: Gabuev's paraphrase holds one read as China's): one per statement
    v = measure_values(s, measures(s), by="outlet_id")
    words = s[s["feature"] == "sentence"].groupby("outlet_id")["score"].sum()
    counted = (s["feature"] == "paraphrase") & (part_of(s, s["feature"] == "paraphrase", s["feature"] == "paraphrase")
                                                < 0)
    for outlet in v.index:
        mine = s[s["outlet_id"] == outlet]
        outside = _words_in_any(mine, ("quote", "paraphrase")) - _words_in_any(mine, ("quote",))
        value, expected = v.loc[outlet, "paraphrase_share_of_words_pct"], 100 * outside / words[outlet]
        if _overlap(s[counted & (s["outlet_id"] == outlet)]):
            assert value > expected
        else:
            assert value == pytest.approx(expected)


def _overlap(spans: pd.DataFrame) -> bool:
    """Whether two of these spans of one article overlap."""
    for _, group in spans.sort_values(["article_id", "start"]).groupby("article_id"):
        if (group["start"].to_numpy()[1:] < group["end"].cummax().to_numpy()[:-1]).any():
            return True
    return False


def _words_in_any(spans: pd.DataFrame, features: tuple[str, ...]) -> float:
    """Words of the characters inside any span of these features (titles left out), each counted once."""
    total = 0
    rows = spans[spans["feature"].isin(list(features)) & (spans["label"] != "title")]
    for _, group in rows.groupby("article_id"):
        chars = np.full(int(group["end"].max()), " ", dtype=object)
        for start, stop, t in zip(group["start"], group["end"], group["text"], strict=True):
            chars[int(start):int(stop)] = list(str(t))
        total += count_words("".join(chars))
    return float(total)


def test_mixed_subject_and_quote_paraphrase_counts_once() -> None:
    # 'The ferry service "has never been ..." a harbour official said': one paraphrase spanning subject and quote
    from framing.engines.memory import analyze
    from framing.model import Article, Corpus

    t = "The ferry service “has never been this unreliable,” a harbour official said. Trains ran late."
    spans = analyze(Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)])).spans
    spans = spans.reset_index(drop=True)
    assert sorted(spans.loc[spans["feature"].isin(["quote", "paraphrase"]), "feature"]) == ["paraphrase", "quote"]
    v, words = _values(spans), count_words(t)
    assert v["attributions_per_1000_words"] == pytest.approx(1000 / words)
    assert v["paraphrase_share_of_words_pct"] == pytest.approx(100 * 3 / words)  # "The ferry service"
    assert v["quote_share_of_words_pct"] == pytest.approx(100 * 5 / words)


def test_seed_origin_shares_divide_the_statements_the_attribution_rate_counts(seed_spans: pd.DataFrame) -> None:
    table = compare_outlets(seed_spans, measures=measures(seed_spans), reps=20)
    origins = table[table["measure"].str.startswith("source_origin_")]
    counted = table[table["measure"] == "attributions_per_1000_words"].set_index("outlet_id")["n_hits"]
    for outlet, rows in origins.groupby("outlet_id"):
        # a title in quotation marks ("Going Viral") is no statement: not in the base of "% of quotes and paraphrases"
        assert rows["n_hits"].sum() == counted[outlet] == rows["n_base"].iloc[0], outlet


def test_seed_source_summary_gives_the_origin_shares_of_the_comparison(seed_spans: pd.DataFrame) -> None:
    table = compare_outlets(seed_spans, measures=measures(seed_spans), reps=20)
    words = seed_spans[seed_spans["feature"] == "sentence"].groupby("outlet_id")["score"].sum()
    summary = summarise_sources(seed_spans, words)
    for row in table[table["measure"].str.startswith("source_origin_")].itertuples():
        origin = str(row.measure)[len("source_origin_"):-len("_share_pct")]
        assert summary.loc[row.outlet_id, f"share_origin_{origin}"] * 100 == pytest.approx(row.value), row.measure
