"""Tone toward an actor (framing.tone_toward): what a sentence says about the mention, not the sentence's tone."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pytest

from framing.errors import FramingError
from framing.features import tone as T
from framing.features.tone_features import locate, mention_features, reporting_words
from framing.features.valence import analyzer


def _tone(text: str, mention: str, *, nth: int = 0, method: str | None = None) -> float:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return T.tone_toward(text, start, start + len(mention), method=method)


def _label(text: str, mention: str, **kw: object) -> str:
    return T.tone_label(_tone(text, mention, **kw))  # type: ignore[arg-type]


DW = "The United States and NATO have said there is a real threat Russia could invade Ukraine."


# --- rules the issue names -------------------------------------------------------------------


@pytest.mark.parametrize("method", ["model", "rules"])
def test_topic_compound_crisis_in_place_is_not_tone_toward_the_place(method):
    # "the crisis in Ukraine": the crisis is the topic, Ukraine only locates it.
    assert _label("The crisis in Ukraine deepened.", "Ukraine", method=method) == "neutral"
    assert _label("The Ukraine crisis deepened.", "Ukraine", method=method) == "neutral"


def test_topic_rule_is_not_a_blanket_pass_for_the_name():
    # the same evaluation said *of* Ukraine is tone toward it
    assert _label("Ukraine faces a deep crisis.", "Ukraine") == "negative"


@pytest.mark.parametrize("method", ["model", "rules"])
def test_speaker_is_not_scored_by_what_they_say(method):
    # DW seed: "The United States and NATO have said there is a real threat..." sets no tone toward NATO.
    assert _label(DW, "NATO", method=method) == "neutral"
    assert _label("Smith said the plan was a disaster.", "Smith", method=method) == "neutral"
    assert _label('"This is a disaster," Smith said.', "Smith", method=method) == "neutral"


def test_speaker_rule_reaches_conjoined_names_and_auxiliaries():
    m = locate(DW, DW.index("NATO"), DW.index("NATO") + 4)
    assert m is not None and m.speaker
    assert locate("Xi has called Putin a friend.", 0, 2).speaker  # type: ignore[union-attr]
    assert not locate("Critics called Xi a tyrant.", 15, 17).speaker  # type: ignore[union-attr]


def test_the_threat_is_about_the_invader_not_the_speaker():
    assert _label(DW, "Russia") == "negative"


def test_each_actor_of_a_contrast_gets_its_own_tone():
    t = "Beijing praised the excellent deal, but Washington condemned it as a disaster."
    assert _tone(t, "Beijing") > T.NEUTRAL_BAND
    assert _tone(t, "Washington") < -T.NEUTRAL_BAND


def test_object_of_an_evaluative_verb():
    assert _label("Critics condemned Boehner.", "Boehner") == "negative"
    assert _label("Trump praised Merkel as a brilliant leader.", "Merkel") == "positive"


def test_possessor_of_the_evaluated_phrase():
    t = "Clinton's favorable rating rose to 43 percent."
    assert locate(t, 0, 7).possessive  # type: ignore[union-attr]
    assert _label(t, "Clinton") == "positive"


def test_predicate_about_the_subject():
    assert _label("Russia is a corrupt and brutal regime.", "Russia") == "negative"


# --- the public function -------------------------------------------------------------------------


def test_public_export_is_the_building_block():
    import framing

    fn = getattr(framing, "tone_toward", None)
    if fn is None:
        pytest.skip("framing.tone_toward not exported yet (framing/__init__.py _EXPORTS)")
    assert fn is T.tone_toward


def test_nan_when_the_mention_is_the_whole_text():
    assert math.isnan(T.tone_toward("Ukraine", 0, 7))
    assert math.isnan(T.tone_toward("  Ukraine  ", 2, 9, method="rules"))


def test_offsets_outside_the_text_raise():
    with pytest.raises(FramingError, match="not inside"):
        T.tone_toward("Russia", 3, 10)
    with pytest.raises(FramingError, match="method"):
        T.tone_toward("Russia won.", 0, 6, method="oracle")


def test_a_longer_text_is_read_sentence_by_sentence():
    first = "Critics condemned Boehner."
    text = first + " The weather in Ohio was lovely and everyone was happy."
    assert T.tone_toward(text, 18, 25) == T.tone_toward(first, 18, 25)


def test_scores_stay_in_range_and_band_follows_the_model_decision():
    rng = np.random.default_rng(0)
    for p in rng.dirichlet([1.0, 1.0, 1.0], size=500):
        s = T.decision_score(*p)
        assert -1.0 <= s <= 1.0
        winner = [-1, 0, 1][int(np.argmax(p))]
        assert T.tone_label(s) == {-1: "negative", 0: "neutral", 1: "positive"}[winner]


# --- cost: one VADER pass per sentence ----------------------------------------------------------


def test_vader_runs_once_per_sentence_not_once_per_mention(monkeypatch):
    from framing.attribution import prepare_doc
    from framing.features import sentiment as S
    from framing.model import Article

    text = ("Russia and China hailed their excellent ties with Nato and the US watching. "
            "Washington warned Beijing and Moscow of grave risks to Ukraine.")
    doc = prepare_doc(Article(id="c", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    from framing.features import valence

    calls: list[str] = []
    real = valence._vader_words  # VADER's tokens and lexicon look-ups: once per sentence
    monkeypatch.setattr(valence, "_vader_words", lambda t: calls.append(t) or real(t))
    valence._valences.cache_clear()
    S._score_cached.cache_clear()
    spans = S.extract(doc)
    assert sum(s.feature == "actor" for s in spans) >= 8
    assert len(calls) == len(doc.sentences)


# --- features -----------------------------------------------------------------------------------


def test_word_features_never_name_anyone():
    f = mention_features("Trump criticized Obama and the Clinton campaign in Iowa.", 17, 22)
    words = [k for k in f if k.startswith("w:")]
    assert words and all(k[4:].islower() and k[4:] not in {"trump", "clinton", "iowa"} for k in words)


def test_sentence_words_are_vader_words_only():
    f = mention_features("Boehner blamed the budget committee for a terrible year.", 0, 7)
    lexicon = analyzer().lexicon
    assert all(k[4:] in lexicon for k in f if k.startswith("w:S:"))
    assert "w:R:blamed" in f and "w:S:terrible" in f and "w:S:committee" not in f


def test_token_valences_stay_aligned_when_an_emoji_is_present():
    from framing.features.valence import sentence_valences

    v = sentence_valences("\U0001F600 Russia is great \U0001F600")
    assert len(v.values) == len(v.tokens) == 5 and v.values[3] > 0
    assert _label("\U0001F600 Russia is great \U0001F600", "Russia") == "positive"


def test_reporting_words_skip_plural_nouns():
    assert {"said", "says", "told", "wrote"} <= reporting_words()
    assert not {"comments", "claims", "remarks"} & reporting_words()


# --- the shipped model --------------------------------------------------------------------------


def test_shipped_model_is_small_json_with_provenance():
    raw = resources.files("framing").joinpath("models", T.MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    assert len(raw) < 60_000
    for key in ("date", "trained_on", "split", "fit", "cv_train", "held_out", "script"):
        assert data[key], key
    assert data["classes"] == [-1, 0, 1] and len(data["intercept"]) == 3
    assert all(len(w) == 3 for w in data["weights"].values())
    assert all(k[4:].islower() for k in data["weights"] if k.startswith("w:"))


def test_rules_parameters_are_the_tuned_ones():
    best = T.load_model().meta["rules_tuning"]["best"]
    assert {k: T.RULES[k] for k in best} == best


def test_held_out_figures_recorded_beat_vader():
    held = T.load_model().meta["held_out"]
    assert held["model_coverage"] >= 0.8
    assert held["model_macro_f1"] >= 0.56
    assert held["model_macro_f1"] > held["vader_sentence_macro_f1"] + 0.05
    assert held["model_macro_f1_multi_target"] > held["vader_sentence_macro_f1_multi_target"] + 0.05


# --- against the gold ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def newsmtsc(gold_dir):
    from framing.evaluation.tone import read_targets

    if not (gold_dir / "newsmtsc" / "train.jsonl").is_file():
        pytest.skip(f"{gold_dir / 'newsmtsc' / 'train.jsonl'} not found")
    return read_targets(gold_dir)


def test_split_is_by_article_and_about_thirty_percent(newsmtsc):
    share = newsmtsc["held_out"].mean()
    assert 0.25 < share < 0.35
    assert newsmtsc.groupby("article")["held_out"].nunique().max() == 1


def test_held_out_coverage_and_macro_f1_beat_vader(newsmtsc):
    from framing.evaluation.sentiment import classes
    from framing.evaluation.tone import macro_f1, score_targets, sentence_scores

    held = newsmtsc[newsmtsc["held_out"]].reset_index(drop=True)
    y = held["y"].to_numpy()
    sc = score_targets(held, "model")
    assert np.mean(~np.isnan(sc)) >= 0.8
    f_model = macro_f1(y, classes(np.nan_to_num(sc), T.NEUTRAL_BAND))
    f_vader = macro_f1(y, classes(sentence_scores(held, "vader"), 0.05))
    assert f_model >= 0.56 and f_model > f_vader + 0.05
    assert f_model == pytest.approx(T.load_model().meta["held_out"]["model_macro_f1"], abs=1e-4)


def test_training_script_reproduces_shipped_model(gold_dir, newsmtsc):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "train_tone.py"
    spec = importlib.util.spec_from_file_location("train_tone", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--gold", str(gold_dir), "--check"]) == 0


# --- seeds --------------------------------------------------------------------------------------


def test_seed_actor_spans_use_tone_toward(seed_corpus):
    from framing.attribution import prepare_doc
    from framing.features import sentiment as S

    dw = next(a for a in seed_corpus.articles if a.outlet_id == "dw")
    doc = prepare_doc(dw)
    actors = [s for s in S.extract(doc) if s.feature == "actor"]
    nato = [s for s in actors if s.label == "nato" and "real threat" in dw.text[s.start:s.start + 80]]
    assert nato and T.tone_label(nato[0].score) == "neutral"
    # "if there is a crisis in Ukraine, it's going to have bigger consequences": the crisis is the topic
    crisis = [s for s in actors if s.label == "ukraine" and dw.text[s.start - 24:s.start] == "if there is a crisis in "]
    assert len(crisis) == 1 and T.tone_label(crisis[0].score) == "neutral"
    for s in actors[:20]:
        bounds = doc.sentences[s.sentence]
        assert s.score == T.tone_toward(dw.text, s.start, s.end, sentence=bounds) or math.isnan(s.score)
