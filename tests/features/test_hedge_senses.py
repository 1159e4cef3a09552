"""Hedge and booster sense rules (issue 13): one hard case per rule, the seeds, and the hand-checked PolNeAR sample.

The sentences are real news sentences (PolNeAR dev, the seeds) or close paraphrases of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus.segmentation import split_sentences
from framing.document import Doc
from framing.evaluation import default_gold_dir
from framing.evaluation.hedging import SAMPLE, read_sample, score_sample
from framing.features.hedging import extract, make_hedge_extractor
from framing.lexicons import load_lexicon
from framing.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str) -> Doc:
    article = Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text)
    return Doc(article=article, sentences=split_sentences(text))


def _cues(text: str) -> list[tuple[str, str]]:
    return [(s.feature, s.text) for s in extract(_doc(text))]


def _why(text: str, word: str) -> list[str]:
    """Reasons for every match of ``word`` (``""`` for a kept cue)."""
    return [why for s, why in make_hedge_extractor().candidates(_doc(text)) if s.text.lower() == word.lower()]


# --- would -----------------------------------------------------------------------------------------------------


def test_conditional_would_is_not_a_hedge():
    assert _why("If Donald Trump were a woman would you still vote for her?", "would") == ["question"]
    assert _why("It shows what the Fusion would cost if a 35 percent tariff were imposed.", "would") == [
        "conditional"]
    assert _why("A 4-4 ruling by the high court would leave in place the appeals court ruling.", "would") == [
        "conditional"]
    assert _why("A few months earlier, this problem would have belonged to Patriot Coal.", "would") == [
        "counterfactual (would have)"]


def test_proposal_would_is_not_a_hedge():
    assert _why("Mrs. Clinton's plan would also cap the tax value of deductions.", "would") == ["proposal"]
    assert _why("Under the new program, people would enroll and receive training.", "would") == ["proposal"]
    assert _why("He voted for legislation that would hamstring the CFPB.", "would") == ["proposal"]


def test_would_in_a_past_tense_sentence_is_narrative_future_in_the_past():
    t = "His attorney said the showdown was fruitless, but his client was ready and would not be part of a spectacle."
    assert _why(t, "would") == ["future in the past (narrative)"]


def test_future_in_the_past_and_reported_would_is_not_a_hedge():
    assert _why("It's finished, in which she was sure Trump would triumph.", "would") == [
        "reported or future in the past"]
    assert _why("Mr. Obama, who understood that a legislative push would be fruitless, told his advisers.",
                "would") == ["reported or future in the past"]
    assert _why("Ronald Reagan was once asked how the Cold War would end.", "would") == [
        "reported or future in the past"]
    assert _why("In 2014, Mr. Obama unveiled the first draft of what would become the Clean Power Plan.",
                "would") == ["indirect question"]


def test_habitual_wish_and_would_be_are_not_hedges():
    assert _why("Trump also would constantly tussle with debate moderators.", "would") == ["habitual past"]
    assert _why("The campaign would like to organize another rally.", "would") == ["wish or politeness"]
    assert _cues("The would-be president spoke.") == []


def test_speculative_would_is_a_hedge():
    assert _why("I don't think Putin would launch an invasion of Ukraine.", "would") == [""]
    assert _why("That's something most business leaders would disagree with.", "would") == [""]
    assert _why("I would say, that's ridiculous.", "would") == [""]
    assert _why("Beijing would likely prefer stability.", "would likely") == [""]


def test_plain_prediction_would_has_no_sign_of_speculation():
    assert _why("The returns would also shed light on his business.", "would") == ["no sign of speculation"]


# --- other hedges ----------------------------------------------------------------------------------------------


def test_likely_voters_is_a_poll_category_not_a_hedge():
    assert _why("Among likely voters, 46 percent would choose Clinton.", "likely") == [
        "poll category (likely voters)"]
    assert _cues("He is best positioned to defeat likely Democratic nominee Hillary Clinton.") == [
        ("hedge", "likely")]
    assert _cues("The change is likely to placate nervous Democrats.") == [("hedge", "likely")]


def test_about_is_an_approximator_only_before_a_quantity():
    assert _cues("Romney was cemented with his infamous comment about 47 percent of the country.") == []
    assert _cues("Clinton talked about criminal justice reform. Trump complained about a microphone.") == []
    assert _cues("About a dozen people demonstrated. Voters were removed at about twice the rate.") == [
        ("hedge", "About"), ("hedge", "about")]
    assert _cues("The two women spoke for about five minutes.") == [("hedge", "about")]


def test_suggest_and_indicate_are_hedges_with_evidence_not_with_a_speaker():
    assert _cues("In 1986, Gorbachev first suggested the idea of pivoting to Asia.") == []
    assert _cues("Twelve percent indicated that they were not sure.") == [("hedge", "not sure")]
    assert _cues("He suggested that profiting off the housing collapse was good business.") == []
    assert _cues("The poll indicates a tightening race.") == [("hedge", "indicates")]
    assert _cues("Still, the truck story suggests the government needs a contingency plan.") == [
        ("hedge", "suggests")]


def test_other_senses_of_appear_potential_might_could_may():
    assert _cues("Dean then appeared on MSNBC on Tuesday.") == []
    assert _cues("Every child should live up to his or her God-given potential.") == []
    assert _cues("Britain long blocked any discussion of centralizing European military might.") == []
    assert _cues("Trump had one contestant twirl before him so he could ogle her figure.") == []
    assert _cues("WALLACE: If I may, sir, we have limited time.") == []
    assert _cues("As improbable as it may seem, the deal helped him.") == [("hedge", "improbable"), ("hedge", "seem")]


# --- boosters --------------------------------------------------------------------------------------------------


def test_in_no_uncertain_terms_is_a_booster_not_a_hedge():
    assert _cues("He told them in no uncertain terms to leave.") == [("booster", "in no uncertain terms")]


def test_negated_certainty_is_a_hedge_not_a_booster():
    assert _cues("It is not clear what, if any, effect it might have.") == [
        ("hedge", "not clear"), ("hedge", "might")]
    assert _cues("Nor is it clear that further sanctions would be a deterrent.") == []


def test_booster_senses_of_clear_absolutely_indeed_surely():
    assert _cues("But it is steering clear of criticizing Trump.") == []
    assert _cues("The Real Clear Politics average shows Clinton ahead.") == []
    assert _cues("He's absolutely right.") == [("booster", "absolutely")]
    assert _cues("I think unanimity is absolutely critical.") == [("hedge", "I think")]
    assert _cues("If indeed Barack Obama is not intelligent, then you lose.") == []
    assert _cues("Slowly but surely, a highway is taking shape.") == []
    assert _cues("The implication is clear.") == [("booster", "clear")]


# --- seeds and the hand-checked sample -------------------------------------------------------------------------


def _seed_sentence(prefix: str, needle: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} absent from {SEEDS}")
    text = path.read_text(encoding="utf-8")
    start = text.index(needle)
    return text[text.rfind(".", 0, start) + 1 : text.index(".", start + len(needle)) + 1].strip()


def test_responsible_statecraft_reporting_suggested_and_narrative_would_are_not_own_voice_hedges():
    assert _cues(_seed_sentence("002", "Gorbachev first suggested")) == []
    assert [t for f, t in _cues(_seed_sentence("002", "relationship would be built")) if t == "would"] == []


def test_seed_hedges_of_the_kept_back_gold_stay():
    # 003 and 004 hedges coded in the seed gold (kept back): speculation under "I don't think", a source's
    # own prediction with a speech tag, "would likely".
    assert ("hedge", "would") in _cues(_seed_sentence("003", "think Putin would launch"))
    assert ("hedge", "would") in _cues(_seed_sentence("004", "would be caught in the middle"))
    assert ("hedge", "would likely") in _cues(_seed_sentence("003", "would likely prefer"))


def test_sense_word_lists_are_one_lexicon_with_a_provenance_header():
    lex = load_lexicon("hedge_senses")
    assert {"name", "version", "source"} <= set(lex.meta)
    assert {"condition", "proposal", "evidence_subject", "topic_head", "voter"} <= {r["term"] for r in lex.rows}


def test_hand_checked_sample_matches_the_gold_text_and_keeps_its_precision():
    data = default_gold_dir() / "polnear" / "data"
    verdicts = read_sample()
    if not verdicts:
        pytest.skip(f"hand-checked sample absent at {SAMPLE}")
    if not (data / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR gold absent at {data}")
    assert {v.sample for v in verdicts} == {"dev_articles", "dev_cues", "train_holdout"}
    for v in verdicts[::25]:
        split = "train" if v.sample == "train_holdout" else "dev"
        text = (data / split / "text" / f"{v.article_id}.txt").read_text(encoding="utf-8")
        assert text[v.start : v.end].lower().replace("’", "'") == v.cue.lower()
    scores = score_sample(verdicts, data)
    for sample in ("dev_articles", "dev_cues", "train_holdout"):
        sc = scores[(sample, "hedge")]
        assert sc.tp / (sc.tp + sc.fp) >= 0.90, sample
        assert sc.tp / (sc.tp + sc.fn) >= 0.90, sample
