"""The quote family: attribution records as ``quote``/``paraphrase`` spans, and its measures.

The attribution step itself is tested under tests/attribution/.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from framing.attribution import prepare_doc
from framing.comparison.sources import summarise_sources
from framing.document import Doc, Quote
from framing.evaluation import default_gold_dir
from framing.evaluation.quotes import score_polnear, score_seeds
from framing.features.quotes import NAMED_SOURCE_TYPES, extract, measures, named_sources
from framing.model import Article, Span, spans_to_frame
from framing.story import default_story, load_story, packaged_stories

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _gold_dir() -> Path:
    gold = default_gold_dir()
    if not (gold / "seeds" / "quotes.jsonl").is_file():
        pytest.skip(f"seed quote gold not found under {gold}")
    return gold


def test_extract_maps_quote_record_onto_span_columns() -> None:
    t = "“Ties are strong and deep,” said Ann Lee, a fellow at Brookings."
    (span,) = [s for s in extract(_doc(t)) if s.feature == "quote"]
    assert (span.label, span.category, span.target, span.speaker, span.voice) == (
        "person", "us", "say", "Ann Lee", "direct_quote"
    )
    assert span.score == 5.0 and span.text == "“Ties are strong and deep,”"


def test_extract_gives_paraphrase_rows_and_sorts_by_position() -> None:
    t = "Analysts said the talks failed. “It is over,” he said."
    spans = extract(_doc(t))
    assert [(s.feature, s.text, s.voice, s.speaker) for s in spans] == [
        ("paraphrase", "the talks failed", "attributed_paraphrase", "Analysts"),
        ("quote", "“It is over,”", "direct_quote", "Analysts"),
    ]


def test_extract_on_a_document_without_quotes() -> None:
    assert extract(_doc("Ties grew.")) == []


def test_measures_of_a_span_table_follow_the_spans() -> None:
    spans = spans_to_frame([
        Span("a", "o", "quote", 0, 5, "“x y”", 0, category="us"),
        Span("a", "o", "quote", 9, 14, "“x y”", 0, category="china"),
    ])
    assert [m.key for m in measures(spans)] == [
        "quote_share_of_words_pct", "attributions_per_1000_words", "distinct_sources_count",
        "source_origin_china_share_pct", "source_origin_us_share_pct",
    ]
    assert measures(spans_to_frame([Span("a", "o", "hedge", 0, 3, "may", 0)])) == []


def test_measures_without_spans_list_every_origin_of_the_story() -> None:
    keys = [m.key for m in measures()]
    assert keys[:4] == [
        "quote_share_of_words_pct", "paraphrase_share_of_words_pct", "attributions_per_1000_words",
        "distinct_sources_count",
    ]
    assert keys[4:] == [f"source_origin_{o}_share_pct" for o in sorted(default_story().origins)]
    india_us = load_story(packaged_stories()["india_us"])
    assert "source_origin_india_share_pct" in [m.key for m in measures(story=india_us)]


def test_every_seed_quote_found_with_its_speaker() -> None:
    gold_path = _gold_dir() / "seeds" / "quotes.jsonl"
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs: dict[str, list[Quote]] = {}
    missing, wrong = [], []
    for g in gold:
        f = g["file"]
        if f not in docs:
            docs[f] = [q for q in _doc((SEEDS / f).read_text(encoding="utf-8")).quotes if q.voice == "direct_quote"]
        gs, ge = g["offset"], g["offset"] + len(g["quote"])
        hits = [q for q in docs[f] if min(ge, q.end) - max(gs, q.start) > 0.5 * (ge - gs)]
        hits.sort(key=lambda q: q.nested != g["nested"])
        if not hits:
            missing.append(g["quote"])
            continue
        speaker = g["speaker"].split(" (")[0].lower()
        if g["quote_type"] != "person" or speaker == "unattributed":
            continue  # documents, titles, slogans: found is enough
        ours = hits[0].speaker.lower()
        if not ours or not (ours in speaker or speaker in ours or ours.split()[-1] == speaker.split()[-1]):
            wrong.append((g["quote"][:40], g["speaker"], hits[0].speaker))
    assert missing == []
    assert wrong == []


def test_seed_scores_via_validator_agree() -> None:
    sc = score_seeds(_gold_dir() / "seeds" / "quotes.jsonl", SEEDS)
    assert sc.total == 87 and sc.found == sc.total
    assert sc.speaker_ok == sc.speaker_n and sc.speaker_n > 70
    assert sc.origin_ok / sc.origin_n >= 0.95  # origin only from what the article says


def _seed_spans() -> pd.DataFrame:
    rows = []
    for f in sorted(SEEDS.glob("0*.txt")):
        t = f.read_text(encoding="utf-8")
        rows += extract(prepare_doc(Article(id=f.stem, outlet_id=f.stem[:3], outlet_name="x", raw_text=t, text=t)))
    return spans_to_frame(rows)


def test_distinct_named_sources_are_people_and_organisations_on_the_seeds() -> None:
    spans = _seed_spans()
    by_outlet = {o: named_sources(spans[spans["outlet_id"] == o]) for o in sorted(set(spans["outlet_id"]))}
    every = {s for names in by_outlet.values() for s in names}
    for generic in ("observers", "analysts", "experts", "intelligence", "officials", "critics", "allies",
                    "western leaders"):
        assert generic not in every
    assert {"wang yi", "xi jinping", "chen jun", "artyom lukin"} <= set(by_outlet["000"])
    assert "u.s. office of the director of national intelligence" in by_outlet["004"]
    assert {"sergey lavrov", "boris yeltsin", "jiang zemin"} <= set(by_outlet["002"])
    quote_gold = _gold_dir() / "seeds" / "quotes.jsonl"
    gold = [json.loads(x) for x in quote_gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    for outlet in by_outlet:
        named_people = {g["speaker"].lower() for g in gold if g["file"].startswith(outlet)
                        and g["quote_type"] == "person" and "(" not in g["speaker"] and g["speaker"] != "unattributed"}
        quoted = set(named_sources(spans[(spans["outlet_id"] == outlet) & (spans["feature"] == "quote")]))
        assert named_people <= quoted, outlet


def test_unnamed_sources_are_labelled_and_not_counted() -> None:
    spans = _seed_spans()
    labels = dict(zip(spans["speaker"], spans["label"], strict=False))
    assert labels["observers"] == "unnamed" and labels["Western leaders"] == "unnamed"
    assert labels["Wang Yi"] == "person" and labels["China and Russia"] == "organisation"
    (m,) = [m for m in measures(spans) if m.key == "distinct_sources_count"]
    assert m.where == (("label", NAMED_SOURCE_TYPES),)


def test_summarise_sources_on_seed_spans() -> None:
    rows = []
    words = {}
    for f in sorted(SEEDS.glob("0*.txt")):
        t = f.read_text(encoding="utf-8")
        doc = prepare_doc(Article(id=f.stem, outlet_id=f.stem[:3], outlet_name="x", raw_text=t, text=t))
        rows += extract(doc)
        words[f.stem[:3]] = len(t.split())
    table = summarise_sources(spans_to_frame(rows), words)
    assert list(table.index) == ["000", "001", "002", "003", "004"]
    assert table.loc["004", "most_quoted"] == "Alexey Maslov"
    assert 0 < table.loc["003", "share_words_in_quotes"] < 0.6
    shares = table.loc["003", [c for c in table.columns if c.startswith("share_origin_")]]
    assert math.isclose(float(shares.sum()), 1.0)
    empty = summarise_sources(spans_to_frame([]), {"x": 0})
    assert math.isnan(empty.loc["x", "share_words_in_quotes"])
    assert isinstance(empty, pd.DataFrame)


def test_polnear_dev_meets_targets() -> None:
    dev = default_gold_dir() / "polnear" / "data" / "dev"
    if not (dev / "text").is_dir():
        pytest.skip(f"PolNeAR dev split not found under {dev}")
    sc = score_polnear(dev)
    assert sc.f1 >= 0.95 and sc.exact_f1 >= 0.94
    assert sc.speaker_ok / sc.speaker_n >= 0.93
