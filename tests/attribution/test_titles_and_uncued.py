"""Quotation marks around titles (framing.attribution.titles) and attributions without a listed verb
(framing.attribution.uncued), on sentences of the kinds found in PolNeAR train."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Quote
from framing.model import Article


def _direct(text: str) -> list[Quote]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_show_after_a_preposition_is_a_title_with_no_speaker() -> None:
    t = "Rubio appeared on “Meet the Press” on Sunday. “We will win,” Rubio said."
    qs = _direct(t)
    assert [(q.quote_type, q.speaker) for q in qs] == [("title", ""), ("person", "Rubio")]


def test_told_a_show_names_the_show_not_the_words() -> None:
    qs = _direct("“We have to really increase the bombings,” the nominee told “Fox and Friends.”")
    assert [q.quote_type for q in qs] == ["unnamed", "title"]


def test_fragment_after_a_preposition_is_still_someones_words() -> None:
    t = "Chinese Foreign Minister Wang Yi called on all parties to “agitate tensions and hype up the crisis.”"
    (q,) = _direct(t)
    assert (q.quote_type, q.speaker) == ("person", "Wang Yi")


def test_title_case_quote_without_attribution_is_a_title_but_a_chant_is_not() -> None:
    t = "He starred in “How the Grinch Stole Christmas,” as fans chanted “USA! USA!” outside."
    assert [q.quote_type for q in _direct(t)] == ["title", "scare"]


def test_headline_followed_by_its_byline_is_a_title() -> None:
    t = "“The Living Room to close at the end of December,” by Times' Ben Sisario: “The nightclub will shut.”"
    assert _direct(t)[0].quote_type == "title"


def test_short_sentence_in_capitals_is_speech_not_a_title() -> None:
    qs = _direct("Lee Min spoke first. “This is all me.” Then she left.")
    assert qs[0].quote_type == "person" or qs[0].quote_type == "unattributed"


def test_any_past_tense_verb_after_the_quote_names_its_speaker() -> None:
    qs = _direct("“Go back to Univision,” Trump barked, and a guard escorted Ramos out.")
    assert (qs[0].speaker, qs[0].cue_lemma) == ("Trump", "bark")


def test_inverted_unlisted_verb_after_the_quote() -> None:
    (q,) = _direct("“Gun owners should leave their weapons at home,” opined Cleveland's Plain Dealer.")
    assert q.speaker.endswith("Plain Dealer") and q.cue == "opined"


def test_shot_back_is_a_verb_of_reply() -> None:
    (q,) = _direct("“Jeb wants to be a tough guy tonight,” Trump shot back.")
    assert q.speaker == "Trump"


def test_clause_ending_in_a_colon_names_the_speaker() -> None:
    t = "Rep. Trey Gowdy (R-S.C.):\"I have not heard anyone other than you ever cite that figure.\""
    assert _direct(t)[0].speaker == "Trey Gowdy"
    t = "A footnote in the report makes that clear: “These assessments do not apply to the system.”"
    assert _direct(t)[0].speaker == "footnote"


def test_speaker_phrase_with_lower_case_modifiers_after_the_quote() -> None:
    t = "“I think there's a high probability of an accident,” DoubleLine Capital portfolio manager Bonnie Baha said."
    (q,) = _direct(t)
    assert (q.speaker, q.affiliation) == ("Bonnie Baha", "DoubleLine Capital portfolio manager")


def test_a_role_after_the_quote_is_an_unnamed_source() -> None:
    (q,) = _direct("“Governor Romney has no plans to attend the convention,” a spokesman said Thursday.")
    assert (q.speaker, q.quote_type) == ("spokesman", "unnamed")


def test_role_with_a_post_modifier_keeps_it_as_description() -> None:
    (q,) = _direct("“The simple truth is that the facts have not changed,” a spokesman for committee Democrats said.")
    assert (q.speaker, q.affiliation) == ("spokesman", "for committee Democrats")


def test_person_from_a_place_is_the_person() -> None:
    (q,) = _direct("“I think she should have run from Virginia,” said Jason Gilbert of Cheyenne.")
    assert (q.speaker, q.affiliation) == ("Jason Gilbert", "of Cheyenne")


def test_name_ending_in_ly_is_not_an_adverb() -> None:
    qs = _direct('"Elections matter," Kelly said. "Look at the records."')
    assert [q.speaker for q in qs] == ["Kelly", "Kelly"]


def test_time_adjunct_between_speaker_and_verb() -> None:
    (q,) = _direct("Priebus later Thursday told Fox News: “Both men are meeting next week.”")
    assert q.speaker == "Priebus"


def test_possessive_appositive_and_appositive_name_of_a_role() -> None:
    t = "Tad Devine, Sanders's chief strategist, said, \"The contest will be decided by delegates.\""
    assert _direct(t)[0].speaker == "Tad Devine"
    t = "Clinton's campaign chairman, John Podesta, said in a statement: \"Trump painted a dark picture.\""
    assert (_direct(t)[0].speaker, _direct(t)[0].affiliation) == ("John Podesta", "Clinton's campaign chairman")


def test_inverted_verb_before_the_quote() -> None:
    (q,) = _direct("In other words, explained CBS moderator Nancy Cordes: \"What does that have to do with it?\"")
    assert q.speaker == "Nancy Cordes"
