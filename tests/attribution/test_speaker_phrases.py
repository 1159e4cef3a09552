"""Speaker phrases, names and their classification (framing.attribution.phrases, names, speakers)."""

from __future__ import annotations

from framing.attribution.names import NameRegistry
from framing.attribution.phrases import appositive_after, np_backward, np_forward
from framing.attribution.speakers import classify, speaker_at
from framing.story import default_story

PLACES = default_story().origin_words()


def _back(t: str, before: str) -> str:
    span = np_backward(t, 0, t.index(before))
    return t[span[0] : span[1]] if span else ""


def test_noun_phrase_before_a_cue_skips_auxiliaries_and_keeps_titles() -> None:
    assert _back("Sen. Claire McCaskill has also said", " has") == "Sen. Claire McCaskill"
    assert _back("Ties grew, the state-run Xinhua news agency reported", " reported") == (
        "the state-run Xinhua news agency"
    )
    assert _back("Ties grew, the announcer said", " said") == "the announcer"
    assert _back("Ties grew, he said", " said") == "he"
    assert _back("It grew in Moscow said", " said") == "Moscow"


def test_noun_phrase_after_a_cue() -> None:
    t = "said the Council on Foreign Relations in a report"
    s, e = np_forward(t, 4, len(t))
    assert t[s:e] == "the Council on Foreign Relations"
    assert np_forward("said in a report", 4, 16) is None


def test_appositive_after_a_name_stops_at_the_next_clause() -> None:
    t = "Chen Jun, an associate professor at Fudan University, said ties grew."
    assert appositive_after(t, 8, len(t)) == "an associate professor at Fudan University"
    assert appositive_after("Chen Jun said", 8, 13) == ""


def test_name_registry_gives_the_fullest_name_and_pre_name_titles() -> None:
    t = "Chinese Foreign Minister Wang Yi spoke. Later Wang said more. Chen Jun agreed."
    names = NameRegistry.of(t, PLACES)
    assert names.fullest("Wang") == "Wang Yi"
    assert names.fullest("Jun") == "Chen Jun"
    assert names.titles["Wang Yi"] == "Chinese Foreign Minister"
    assert names.is_org("Kremlin") and not names.is_org("Chen")


def test_classify_person_group_organisation_and_pronoun() -> None:
    names = NameRegistry(PLACES)

    def kind(phrase: str) -> tuple[str, str, str]:
        return classify(phrase, 0, len(phrase), names)

    assert kind("Chinese Foreign Minister Wang Yi") == ("Wang Yi", "person", "Chinese Foreign Minister")
    assert kind("Western diplomats")[1] == "group"
    assert kind("the Kremlin") == ("Kremlin", "organisation", "")
    assert kind("she") == ("she", "pronoun", "")


def test_speaker_at_takes_an_all_capitalised_appositive_as_the_name_of_a_role() -> None:
    t = "one Chinese writer"
    sp = speaker_at(t, 0, len(t), NameRegistry(PLACES), appos="Xi Laiwang")
    assert sp is not None and (sp.text, sp.kind, sp.affiliation) == ("Xi Laiwang", "person", "one Chinese writer")


def test_noun_phrase_before_a_cue_after_a_long_clause_is_found_in_the_last_words() -> None:
    # np_backward tokenizes the last words first: a long clause before the phrase changes nothing
    lead = "Ties between the two countries have grown steadily over the past decade in trade, energy and arms, "
    t = lead * 3 + "and Sen. Claire McCaskill has also said"
    assert _back(t, " said") == "Sen. Claire McCaskill"
    assert _back(t[len(lead) * 3 :], " said") == "Sen. Claire McCaskill"


def test_noun_phrase_that_reaches_past_the_last_words_is_read_in_full() -> None:
    # a phrase longer than the first look-back falls back to the whole text before the cue
    name = "the " + " ".join(["Internationalisation"] * 9)  # 9 words of 20 letters: longer than the look-back
    t = "Ties grew, as " * 20 + name + " said"
    assert _back(t, " said") == name
    # auxiliaries and adverbs that fill the last words are skipped whatever their number
    t = "Ties grew, " * 20 + "Lee " + "has not now still just " * 8 + "said"
    assert _back(t, " said") == "Lee"


def test_a_negative_quantifier_names_no_speaker() -> None:
    names = NameRegistry(PLACES)
    for t in ("Nothing", "Nobody", "No one", "none"):
        assert speaker_at(t, 0, len(t), names) is None, t


def test_nothing_suggests_leaves_the_that_clause_in_the_outlets_voice() -> None:
    from framing.attribution import prepare_doc
    from framing.model import Article

    t = "Nothing indicates that the partnership between Ankara and Moscow is cooling."
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    assert doc.voice.at(t.index("partnership"))[0] == "authorial"
