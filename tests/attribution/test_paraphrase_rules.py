"""Exact paraphrase patterns beside the model (framing.attribution.paraphrase_rules, naming), on real sentences."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Doc
from framing.model import Article


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in _doc(text).quotes if q.voice == "attributed_paraphrase"]


def _voice(text: str, word: str) -> str:
    return _doc(text).voice.at(text.index(word))[0]


def test_trailing_attribution_without_quotes_reports_the_clause_before_the_comma() -> None:
    t = "India and the United States are hardly natural allies, a senior Indian diplomat admitted on Tuesday."
    assert _paraphrases(t) == [("India and the United States are hardly natural allies", "senior Indian diplomat")]


def test_trailing_cue_with_an_object_is_no_trailing_attribution() -> None:
    # PolNeAR dev: "Campaigning against Mitt Romney in 2012, he mentioned climate change."
    t = "Campaigning against Mitt Romney in 2012, he mentioned climate change."
    assert _voice(t, "Romney") == "authorial"


def test_in_xs_telling_reports_the_rest_of_the_sentence() -> None:
    t = "In Putin's telling, Russia and China are natural allies against Western hegemony."
    assert _voice(t, "allies") == "attributed_paraphrase"


def test_interrupting_attribution_with_a_base_form_cue() -> None:
    t = "The alliance with Japan, US officials stress, will endure."
    assert _voice(t, "alliance") == "attributed_paraphrase"
    assert _voice(t, "endure") == "attributed_paraphrase"


def test_regarding_verb_reports_its_complement_not_its_object() -> None:
    t = "Washington regards New Delhi as a vital partner."
    assert _voice(t, "partner") == "attributed_paraphrase"
    assert _voice(t, "New Delhi") == "authorial"


def test_calling_for_is_a_demand_in_the_callers_voice() -> None:
    # PolNeAR annotates "called for" as a cue: the alliance is what the group asks for, not the outlet's label.
    assert _voice("The union called for a new alliance of workers.", "alliance") == "attributed_paraphrase"
    assert _voice("Lee called for a new alliance of workers.", "alliance") == "attributed_paraphrase"


def test_wants_is_an_aim_not_a_reporting_verb() -> None:
    t = "Japan wants its alliance with the United States to be more equal."
    assert _voice(t, "alliance") == "authorial"


def test_according_to_a_common_noun_names_the_source() -> None:
    # PolNeAR dev: "According to police, officers saw Scott get out of a car ..."
    t = "According to police, officers saw the man get out of a car with a handgun."
    assert _paraphrases(t) == [("officers saw the man get out of a car with a handgun", "police")]


def test_appositive_after_an_inverted_speaker_is_not_the_content() -> None:
    # Washington Post seed: "..., said Joseph Torigian, a historian at American University in Washington."
    t = "The Soviets helped China set up 156 plants, with 11,000 specialists sent, said Joseph Torigian, a historian."
    assert all(not text.startswith("a historian") for text, _ in _paraphrases(t))


def test_headline_name_colon_reports_the_rest_of_the_line() -> None:
    t = "Poll: Clinton and Trump in dead heat heading into first debate.\nThe race is close."
    assert ("Clinton and Trump in dead heat heading into first debate.", "Poll") in _paraphrases(t)


def test_page_furniture_colon_is_no_speaker() -> None:
    t = "Photo: Reuters staff at the summit in Beijing.\nThe race is close."
    assert _voice(t, "Reuters") == "authorial"


def test_capitals_colon_past_the_headline_is_a_speaker_only_as_a_transcript_turn() -> None:
    t = "Debate night.\nMARKETS: Highlights of the debate in the hall.\nThe race is close."
    assert _voice(t, "Highlights") == "authorial"
    t = "Debate night.\nPENCE: Well, the question is a fair one.\nWALLACE: Let me ask.\nPENCE: Look, it is fine."
    assert _voice(t, "question") == "attributed_paraphrase"


# Issue 13, item 4: attributions a keyword counter misses (new sentences, not the adversarial set's).
def test_as_x_put_it_attributes_the_rest_of_the_sentence() -> None:
    t = "As one Turkish diplomat put it, Ankara and Moscow are partners in all but name."
    assert _paraphrases(t) == [("Ankara and Moscow are partners in all but name", "Turkish diplomat")]


def test_as_expected_names_no_source() -> None:
    t = "As expected, Ankara and Moscow signed the gas deal on Monday."
    assert _voice(t, "Ankara") == "authorial"


def test_in_the_view_of_at_the_end_attributes_the_sentence_before_it() -> None:
    t = "Russia is Turkey's most reliable partner, in the view of many Turkish voters."
    assert _voice(t, "partner") == "attributed_paraphrase"


def test_in_the_view_of_opening_the_sentence_attributes_the_rest() -> None:
    t = "In the view of most Korean analysts, Tokyo is an indispensable ally."
    assert _voice(t, "ally") == "attributed_paraphrase"


def test_naming_after_a_control_verb_belongs_to_the_subject_of_that_verb() -> None:
    assert _voice("Ankara did not hesitate to call Moscow a trusted friend.", "friend") == "attributed_paraphrase"
    assert _voice("The Kremlin never tires of calling Ankara its partner.", "partner") == "attributed_paraphrase"


def test_naming_after_a_dummy_subject_is_the_outlets() -> None:
    assert _voice("It would be wrong to call Ankara a partner of Moscow.", "partner") == "authorial"


def test_a_complement_opened_by_a_possessive_is_named() -> None:
    assert _voice("Seoul calls Washington its closest ally.", "ally") == "attributed_paraphrase"


def test_trailing_attribution_to_a_chancellor_is_a_paraphrase() -> None:
    t = "Berlin and Warsaw are close partners, the chancellor said."
    assert _voice(t, "partners") == "attributed_paraphrase"
