from __future__ import annotations

import json
import math

import numpy as np
import pytest

from framing.attribution import prepare_doc
from framing.document import Doc
from framing.evaluation.sentiment import nyt_split, pearson, read_newsmtsc, read_vader_domain
from framing.features import sentiment as S
from framing.model import Article


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def test_scorers_registry_and_default():
    assert set(S.SCORERS) >= {"vader", "vader_news"}
    assert S.current_scorer_name() == "vader_news"


def test_scorer_env_override(monkeypatch):
    monkeypatch.setenv("FRAMING_SENTIMENT_SCORER", "vader")
    assert S.current_scorer_name() == "vader"
    monkeypatch.setenv("FRAMING_SENTIMENT_SCORER", "nonsense")
    with pytest.raises(Exception, match="scorer"):
        S.current_scorer_name()


def test_plain_vader_is_untouched_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    t = "The Justice Department said health care reform was a great success."
    assert S.score_text(t, scorer="vader") == SentimentIntensityAnalyzer().polarity_scores(t)["compound"]


def test_vader_label_thresholds_at_005():
    assert S.label_for(0.05, scorer="vader") == "neutral"
    assert S.label_for(0.0501, scorer="vader") == "positive"
    assert S.label_for(-0.0501, scorer="vader") == "negative"


def test_news_mask_name_with_lexicon_word_is_neutral():
    # "Justice" and "Liberty" inside names carry no tone; plain VADER scores them positive.
    t = "The Justice Department met the Liberty Party."
    assert S.score_text(t, scorer="vader") > 0.05
    assert S.label_for(S.score_text(t)) == "neutral"


def test_news_mask_policy_phrase_is_neutral():
    masked = S.mask_news_neutral("Interest rates and health care costs rose.")
    assert masked == "xxxxxxxx xxxxx and xxxxxx xxxx costs rose."


def test_news_mask_keeps_sentence_initial_capital():
    # "Great" at the start is a word, not a name.
    assert "Great" in S.mask_news_neutral("Great progress was made.")


def test_calibrated_weighs_negative_more_than_positive():
    m = S.load_model()
    i_pos, i_neg = m.meta["features"].index("pos_sum_norm"), m.meta["features"].index("neg_sum_norm")
    assert m.coef[i_pos] > 0 > m.coef[i_neg] and abs(m.coef[i_neg]) > abs(m.coef[i_pos])


def test_calibrated_monotone_in_vader_valence():
    s = [S.score_text(t) for t in ("The deal is bad.", "The deal is fine.", "The deal is good.", "The deal is great.")]
    assert s == sorted(s)


def test_negation_flips_tone():
    assert S.score_text("The talks were a success.") > 0 > S.score_text("The talks were not a success.")


def test_shipped_model_is_plain_json_coefficients():
    from importlib import resources

    raw = resources.files("framing").joinpath("models", S.MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["features"] == list(S.FEATURE_NAMES)
    assert len(data["coef"]) == 4 and len(raw) < 4000  # coefficients only, no text


def test_each_actor_of_a_contrast_gets_its_own_tone_in_actor_spans():
    t = "Beijing praised the excellent deal, but Washington condemned it as a disaster."
    spans = [s for s in S.extract(_doc(t)) if s.feature == "actor"]
    assert [(s.label, s.score > 0) for s in spans] == [("china", True), ("us_west", False)]


def test_two_actors_in_one_sentence_give_two_rows():
    spans = [s for s in S.extract(_doc("Russia and China hailed their excellent ties.")) if s.feature == "actor"]
    assert [s.label for s in spans] == ["russia", "china"]
    assert all(s.score > 0 and s.sentence == 0 for s in spans)


def test_actor_case_us_pronoun_is_not_the_us():
    assert [m.value.actor for m in S.find_actors("Tell us what the US wants.")] == ["us_west"]


def test_actor_sentence_initial_the_west():
    assert [m.value.actor for m in S.find_actors("The West imposed sanctions.")] == ["us_west"]


def test_actor_hyphen_compound():
    assert [m.value.actor for m in S.find_actors("China-Russia ties and U.S.-led sanctions")] == [
        "china", "russia", "us_west"]


def test_actor_exclusion_row_blocks_event_name():
    assert [m.value.actor for m in S.find_actors("At the Beijing Olympics, Beijing spoke.")] == ["china"]


def test_sentence_spans_cover_every_sentence_with_scorer_name(seed_corpus):
    art = seed_corpus.articles[0]
    doc = prepare_doc(art)
    spans = S.extract(doc)
    sent = [s for s in spans if s.feature == "sentiment"]
    assert len(sent) == len(doc.sentences)
    assert {s.category for s in sent} == {"vader_news"}
    assert all(s.label in {"negative", "neutral", "positive"} and -1 <= s.score <= 1 for s in sent)
    actors = {s.label for s in spans if s.feature == "actor"}
    assert {"china", "russia", "xi", "putin"} <= actors
    for s in spans:
        assert art.text[s.start:s.end] == s.text


def test_reproduces_vader_paper_on_nyt(gold_dir):
    nyt = read_vader_domain(gold_dir, "nyt")
    assert len(nyt) == 5190
    r = pearson(np.array([S.score_text(t, scorer="vader") for t in nyt["text"]]), nyt["mean"].to_numpy())
    assert abs(r - 0.492) < 0.02  # Hutto & Gilbert 2014: r = 0.492 (3.3.2 gives 0.503)


def test_calibrated_beats_vader_on_nyt_held_out(gold_dir):
    nyt = read_vader_domain(gold_dir, "nyt")
    _, test = nyt_split(nyt["id"].tolist())
    texts, y = nyt["text"][test].tolist(), nyt["mean"].to_numpy()[test]
    r_v = pearson(np.array([S.score_text(t, scorer="vader") for t in texts]), y)
    r_n = pearson(np.array([S.score_text(t) for t in texts]), y)
    assert r_n > r_v + 0.01


def test_calibrated_not_worse_on_unseen_news(gold_dir):
    tg = read_newsmtsc(gold_dir)
    sent = tg.groupby("sid").agg(sentence=("sentence", "first"), y=("y", "first"), k=("y", "nunique"))
    sent = sent[sent["k"] == 1].iloc[:2000]
    y = sent["y"].to_numpy()
    from scipy.stats import spearmanr

    rho_v = spearmanr([S.score_text(t, scorer="vader") for t in sent["sentence"]], y).statistic
    rho_n = spearmanr([S.score_text(t) for t in sent["sentence"]], y).statistic
    assert rho_n >= rho_v


def test_training_script_reproduces_shipped_model(gold_dir, tmp_path):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "train_sentiment.py"
    spec = importlib.util.spec_from_file_location("train_sentiment", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--gold", str(gold_dir), "--check"]) == 0


def test_nan_score_gives_empty_label():
    assert S.label_for(math.nan) == ""


def test_measures_of_everything_give_every_tone_actor_of_the_story():
    from framing.story import load_story, packaged_stories

    keys = [m.key for m in S.measures()]
    assert keys[:3] == ["sentence_sentiment_mean", "sentences_negative_pct", "sentences_positive_pct"]
    assert {"actor_china_tone_mean", "actor_us_west_tone_mean"} <= set(keys)
    india_us = [m.key for m in S.measures(story=load_story(packaged_stories()["india_us"]))]
    assert "actor_india_tone_mean" in india_us and "actor_india_tone_mean" not in keys


def test_measures_of_a_span_table_keep_the_most_mentioned_actors():
    from framing.model import Span, spans_to_frame

    rows = [Span("a", "o", "actor", i, i + 1, "x", 0, label=f"a{i % 10}", score=0.1) for i in range(30)]
    rows += [Span("a", "o", "actor", 40, 41, "x", 0, label="a9", score=0.1)]
    keys = [m.key for m in S.measures(spans_to_frame(rows), max_actors=3)]
    assert keys == ["actor_a9_tone_mean", "actor_a0_tone_mean", "actor_a1_tone_mean"]


def test_one_pass_vader_equals_vader_on_every_domain_and_news(gold_dir, seed_corpus):
    # The fast pass must give VADER's own numbers: compound and every token's valence, "but" quirk included.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.features.valence import vader_pass

    class Recording(SentimentIntensityAnalyzer):  # type: ignore[misc]
        def score_valence(self, sentiments, text):
            self.last = [float(x) for x in sentiments]
            return super().score_valence(sentiments, text)

    ref = Recording()
    texts = [t for dom in ("tweets", "nyt") for t in read_vader_domain(gold_dir, dom)["text"].iloc[::3]]
    texts += [a.text[s:e] for a in seed_corpus.articles for s, e in prepare_doc(a).sentences]
    texts += ["VERY GOOD but bad bad bad", "nice but nice nice", "never so good", "at least good", "kind of good"]
    for t in texts:
        compound, values = vader_pass(t)
        assert compound == ref.polarity_scores(t)["compound"], t
        assert [float(v) for v in values] == (ref.last if t.strip() else []), t


def test_news_valence_lexicon_only_adds_words_vader_lacks():
    from framing.features.valence import analyzer, news_valences
    from framing.lexicons import load_lexicon

    lex = load_lexicon("news_valence")
    assert "principle" in lex.meta and "NRC" not in lex.meta["source"]
    rated = {r["term"]: float(r["valence"]) for r in lex.rows}
    assert set(rated) == set(news_valences()) and not set(rated) & set(analyzer().lexicon)
    assert all(-4 <= v <= 4 and v != 0 for v in rated.values())
    assert rated["earthquake"] < 0 < rated["victory"]


def test_news_event_headline_is_negative_where_plain_vader_is_blind():
    # Headline words VADER's lexicon lacks: "earthquake", "wounded", "breakthrough", "cure".
    t = "Earthquake leaves hundreds wounded in mountain villages"
    assert S.label_for(S.score_text(t, scorer="vader"), scorer="vader") == "neutral"
    assert S.label_for(S.score_text(t)) == "negative"
    good = "Scientists announce a breakthrough in the search for a cure"
    assert S.score_text(good, scorer="vader") == 0.0 and S.label_for(S.score_text(good)) == "positive"


def test_news_valences_follow_vader_negation_rule():
    # "no casualties" is VADER's "no" + lexicon word: the news word's valence is negated, not added.
    assert S.score_text("There were no casualties.") > S.score_text("There were casualties.")


def test_news_valences_do_not_change_per_word_valences_for_tone():
    from framing.features.valence import sentence_valences, vader_pass

    t = "The earthquake killed dozens and wounded hundreds."
    v = sentence_valences(t)
    assert list(v.values) == vader_pass(t)[1]  # VADER's own lexicon: the tone model's inputs
    assert v.compound == vader_pass(t, news=True)[0] < vader_pass(t)[0]
