from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from framing.comparison.sources import summarise_sources
from framing.document import Doc
from framing.evaluation import default_gold_dir
from framing.evaluation.quotes import score_polnear, score_seeds
from framing.features.quotes import Quote, extract, find_attributions, origin_of, pair_quote_marks
from framing.model import Article, spans_to_frame

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str) -> Doc:
    return Doc.build(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _direct(doc: Doc) -> list[Quote]:
    return [q for q in doc.quotes if isinstance(q, Quote) and q.voice == "direct_quote"]


def _gold_dir() -> Path:
    gold = default_gold_dir()
    if not (gold / "seeds" / "quotes.jsonl").is_file():
        pytest.skip(f"seed quote gold not found under {gold}")
    return gold


def test_every_seed_quote_found_with_its_speaker() -> None:
    gold_path = _gold_dir() / "seeds" / "quotes.jsonl"
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs: dict[str, list[Quote]] = {}
    missing, wrong = [], []
    for g in gold:
        f = g["file"]
        if f not in docs:
            docs[f] = _direct(_doc((SEEDS / f).read_text(encoding="utf-8")))
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
    assert sc.origin_ok / sc.origin_n >= 0.8  # origin only from what the article says


def test_split_quote_gives_both_halves_the_same_speaker() -> None:
    t = "“Ties are strong,” said Ann Lee, a fellow at Brookings. “They will stay strong.”"
    qs = _direct(_doc(t))
    assert [q.text for q in qs] == ["“Ties are strong,”", "“They will stay strong.”"]
    assert [q.speaker for q in qs] == ["Ann Lee", "Ann Lee"]
    assert qs[0].affiliation == "a fellow at Brookings" and qs[1].origin == "us"


def test_he_said_resolves_to_the_last_named_speaker_not_a_later_mention() -> None:
    t = (
        "Shi Yinhong, a professor at Renmin University, told DW there was no sign of change.\n\n"
        "Shi said Putin would not act.\n\n"
        "“It would embarrass China,” he said."
    )
    q = _direct(_doc(t))[0]
    assert q.speaker == "Shi Yinhong"
    assert q.origin == "china"


def test_he_said_prefers_a_name_earlier_in_the_same_sentence() -> None:
    t = "Sakwa told me the ties were deep.\n\nAs soon as Putin came to power, he said, “We share positions.”"
    assert _direct(_doc(t))[0].speaker == "Putin"


def test_said_x_a_professor_at_y_gives_affiliation_and_origin() -> None:
    t = "Russia drifted away, said Chen Jun, an associate professor at Fudan University.\n\n“It was real,” Chen said."
    doc = _doc(t)
    q = _direct(doc)[0]
    assert q.speaker == "Chen Jun"  # fullest form of "Chen"
    assert q.affiliation == "an associate professor at Fudan University"
    assert q.origin == "china"
    para = [x for x in doc.quotes if isinstance(x, Quote) and x.voice == "attributed_paraphrase"]
    assert [p.text for p in para] == ["Russia drifted away"]


def test_nested_single_quote_is_its_own_quote_and_apostrophes_are_not_quotes() -> None:
    t = "“The slogan was ‘The Soviet Union of today is our tomorrow,’ ” Torigian said of Russia’s and the US’ past."
    spans = pair_quote_marks(t)
    assert [(t[s:e], n) for s, e, n in spans] == [
        ("“The slogan was ‘The Soviet Union of today is our tomorrow,’ ”", False),
        ("‘The Soviet Union of today is our tomorrow,’", True),
    ]
    qs = _direct(_doc(t))
    assert [q.speaker for q in qs] == ["Torigian", "Torigian"]


def test_apostrophe_after_plural_s_is_not_a_closing_quote() -> None:
    t = "“The US’ promised aid never came, and Russia’s hopes faded,” Chen said."
    assert [t[s:e] for s, e, _ in pair_quote_marks(t)] == [t[: t.index("”") + 1]]


def test_quote_spanning_paragraphs_continues_when_next_paragraph_opens_with_a_mark() -> None:
    t = "“The first part goes on.\n\n“The second part ends,” Maslov said.\n\nAuthor text."
    qs = _direct(_doc(t))
    assert len(qs) == 1
    assert qs[0].text == t[: t.index(",”") + 2]
    assert qs[0].speaker == "Maslov"


def test_unclosed_quote_continues_to_a_closing_mark_in_the_next_paragraph() -> None:
    t = "“Transfers have increased.\n\nJoint projects matter” states a report by the Brookings Institution."
    qs = _direct(_doc(t))
    assert len(qs) == 1 and qs[0].text.endswith("matter”")
    assert qs[0].speaker == "Brookings Institution" and qs[0].origin == "us"


def test_colon_introduced_quote_takes_the_subject() -> None:
    t = "Artyom Lukin, an associate professor at Russia’s Far Eastern Federal University, said: “Limits are gone.”"
    q = _direct(_doc(t))[0]
    assert (q.speaker, q.cue, q.origin) == ("Artyom Lukin", "said", "russia")


def test_according_to_and_as_x_puts_it() -> None:
    qs = _direct(_doc("It began, according to Lukin, “in the final years.” As Sakwa puts it, “ties are shallow.”"))
    assert [q.speaker for q in qs] == ["Lukin", "Sakwa"]


def test_scare_quote_without_speaker_has_direct_voice_and_empty_speaker() -> None:
    doc = _doc("The two are cornered into a “back-to-back” position.")
    q = _direct(doc)[0]
    assert (q.quote_type, q.speaker) == ("scare", "")
    assert doc.voice.at(q.start + 3) == ("direct_quote", "")


def test_doc_build_gives_direct_quote_voice_inside_marks_and_authorial_outside() -> None:
    t = "Ties grew. “We are friends,” Xi said."
    doc = _doc(t)
    assert doc.voice.at(t.index("We")) == ("direct_quote", "Xi")
    assert doc.voice.at(t.index("“")) == ("direct_quote", "Xi")
    assert doc.voice.at(t.index("Ties")) == ("authorial", "")
    assert doc.voice.at(t.index("Xi said")) == ("authorial", "")


def test_paraphrase_covers_the_reported_clause_only() -> None:
    t = "Ties grew. Analysts said that Moscow needs Beijing more than ever."
    doc = _doc(t)
    start = t.index("Moscow")
    assert doc.voice.at(start) == ("attributed_paraphrase", "Analysts")
    assert doc.voice.at(t.index("Ties")) == ("authorial", "")
    assert doc.voice.at(t.index("said")) == ("authorial", "")


def test_extract_maps_quote_record_onto_span_columns() -> None:
    t = "“Ties are strong and deep,” said Ann Lee, a fellow at Brookings."
    (span,) = [s for s in extract(_doc(t)) if s.feature == "quote"]
    assert (span.label, span.category, span.target, span.speaker, span.voice) == (
        "person", "us", "say", "Ann Lee", "direct_quote"
    )
    assert span.score == 5.0 and span.text == "“Ties are strong and deep,”"


def test_origin_of_takes_the_last_cue() -> None:
    assert origin_of("director of the Centre for Russia Europe Asia Studies, a think tank in Brussels") == "europe"
    assert origin_of("we in the us") == "unknown"


def test_find_attributions_on_empty_text() -> None:
    assert find_attributions(_doc("")) == ([], [])


def test_summarise_sources_on_seed_spans() -> None:
    rows = []
    words = {}
    for f in sorted(SEEDS.glob("0*.txt")):
        t = f.read_text(encoding="utf-8")
        doc = Doc.build(Article(id=f.stem, outlet_id=f.stem[:3], outlet_name="x", raw_text=t, text=t))
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
    assert sc.f1 >= 0.85
    assert sc.speaker_ok / sc.speaker_n >= 0.87
