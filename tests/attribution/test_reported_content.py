"""Learned cue words of action report a clause, not their object (framing.attribution.reported), and "so-called X"."""

from __future__ import annotations

from pathlib import Path

from framing.attribution import prepare_doc
from framing.attribution.paraphrase_features import Candidate, Tokens
from framing.attribution.paraphrase_model import paraphrase_model
from framing.attribution.reported import action_cue, introductory, learned_content, reported_content
from framing.document import Doc
from framing.lexicons import load_lexicon
from framing.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _seed(prefix: str) -> tuple[str, Doc]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, _doc(text)


def _tokens(text: str) -> Tokens:
    return Tokens.of(text, 0, len(text))


def test_noun_object_of_imposed_stays_in_the_outlets_voice() -> None:
    # Romanian site: "the Western Alliance has imposed some of the harshest sanctions against Russia" -- an act
    text, doc = _seed("001")
    assert doc.voice.at(text.index("some of the harshest sanctions"))[0] == "authorial"


def test_object_and_adjunct_of_seen_keep_the_label_in_the_outlets_voice() -> None:
    # Romanian site: "China has seen strategic benefits, in the context of a closer friendship with Russia"
    text, doc = _seed("001")
    assert doc.voice.at(text.index("friendship with Russia"))[0] == "authorial"


def test_infinitive_after_declined_is_no_reported_content() -> None:
    # Romanian site: "Western countries declined to attend"
    text, doc = _seed("001")
    assert doc.voice.at(text.index("to attend"))[0] == "authorial"


def test_published_a_letter_is_an_act_the_letters_own_report_stays() -> None:
    # DW: "Xinhua published a signed letter from Putin praising Russia and China's ..." -- the letter's words
    # are Putin's
    text, doc = _seed("003")
    assert doc.voice.at(text.index("signed letter from"))[0] == "authorial"
    assert doc.voice.at(text.index("Russia and China's \"centuries-old"))[1] == "Vladimir Putin"


def test_a_learned_word_of_judging_keeps_its_object() -> None:
    # endorse is in the lexicon's learned_speech class: what was endorsed is the source's stance
    assert ("the plan to expand Medicare for all Americans", "Sanders") in [
        (q.text, q.speaker) for q in _doc("Sanders endorsed the plan to expand Medicare for all Americans.").quotes
    ]


def test_every_learned_speech_word_is_a_learned_cue_word() -> None:
    listed = set(load_lexicon("reporting_verbs").meta["learned_speech"].split())
    assert listed <= paraphrase_model().cue_words
    assert action_cue("imposed") and action_cue("declined") and not action_cue("endorsed")


def test_clause_shapes_after_an_action_cue() -> None:
    tk = _tokens("They found that the agency had ignored warnings.")
    assert reported_content(tk, 2, 8)  # a that-clause
    assert reported_content(tk, 3, 8)  # the clause after "that"
    tk = _tokens("The ministry released figures showing that exports had fallen.")
    assert not reported_content(tk, 3, 9)  # an object with a participle, though a finite verb follows
    tk = _tokens("Moscow imposed sanctions, some of which have no precedent.")
    assert not learned_content(tk, Candidate(4, 10, "after"), 2)  # past a noun object and a comma
    tk = _tokens("On Thursday, Xinhua published a letter.")
    assert not learned_content(tk, Candidate(0, 2, "before"), 5)  # nothing before an action cue is its report


def test_so_called_label_has_the_paraphrase_voice_without_speaker() -> None:
    text = "The so-called alliance between Russia and China rests on little more than shared grievances."
    assert _doc(text).voice.at(text.index("alliance")) == ("attributed_paraphrase", "")
    assert _doc(text).voice.at(text.index("between")) == ("authorial", "")


def test_so_called_inside_a_quote_keeps_the_quote_voice() -> None:
    text = "He mocked what he called the “so-called alliance” of the two."
    assert _doc(text).voice.at(text.index("alliance"))[0] == "direct_quote"


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.speaker) for q in _doc(text).quotes if q.voice == "attributed_paraphrase"]


def test_topic_cue_reports_no_content_topic_only_rule() -> None:
    # a topic after "comment on", "discuss" is the outlet's narration (issue 13, DW)
    assert _paraphrases("Brazil traditionally maintains a position of neutrality when commenting on tensions "
                        "outside its sphere of influence.") == []
    assert _paraphrases("Some signs of this include Brazil and India discussing ways to jointly develop "
                        "alternative payment systems.") == []
    # a clause after the same cues is content
    assert [c for c, _ in _paraphrases("The minister commented that the talks had failed.")] == [
        "the talks had failed"]
    assert [c for c, _ in _paraphrases("Lavrov spoke about how the sanctions could be lifted.")] == [
        "how the sanctions could be lifted"]


def test_wishes_undertakings_and_acts_are_not_speech_clause_only_rule() -> None:
    assert _paraphrases("Paris hopes for a defence alliance with Berlin.") == []
    assert _paraphrases("BP hopes to find a new partner in India.") == []
    assert _paraphrases("India, US agree to deepen ties in defence partnership") == []
    assert _paraphrases("Tehran and Riyadh signed a friendship pact in the 1990s that later collapsed.") == []
    assert _paraphrases("Beijing and Moscow have announced plans to deepen their partnership.") == []


def test_describe_reports_only_the_as_complement_naming_rule() -> None:
    found = _paraphrases("Saudi officials described the rapprochement with Iran as fragile but real.")
    assert all("rapprochement" not in c for c, _ in found)


def test_introductory_adjunct_is_not_content_but_trailing_report_is() -> None:
    tk = _tokens("Speaking to reporters, Lee said ties grew.")
    assert introductory(tk, Candidate(0, 3, "before"))
    text = "In no way does the deal make India an ally, officials in New Delhi insisted."
    assert [s for s, _ in _paraphrases(text)] == ["In no way does the deal make India an ally"]
