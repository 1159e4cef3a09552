"""Step 4: attributed paraphrase (framing.attribution.paraphrase), on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.attribution import prepare_doc
from framing.attribution.context import Context
from framing.attribution.paraphrase import cue_candidates, find_paraphrases
from framing.attribution.paraphrase_features import (
    Candidate,
    CueInfo,
    Tokens,
    span_candidates,
    span_features,
)
from framing.attribution.paraphrase_model import paraphrase_model
from framing.attribution.paraphrase_ranking import best_candidate
from framing.document import Doc
from framing.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in _doc(text).quotes if q.voice == "attributed_paraphrase"]


def _seed(prefix: str) -> tuple[str, Doc]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, _doc(text)


def test_said_that_covers_the_reported_clause_only() -> None:
    t = "Ties grew. Analysts said that Moscow needs Beijing more than ever."
    doc = _doc(t)
    assert doc.voice.at(t.index("Moscow")) == ("attributed_paraphrase", "Analysts")
    assert doc.voice.at(t.index("said")) == ("authorial", "")
    assert _paraphrases(t) == [("Moscow needs Beijing more than ever", "Analysts")]


def test_content_before_said_x_with_an_appositive() -> None:
    t = "Russia drifted away, said Chen Jun, an associate professor at Fudan University."
    assert _paraphrases(t) == [("Russia drifted away", "Chen Jun")]


def test_according_to_x_content() -> None:
    t = "According to the Kremlin, the talks went well."
    assert _paraphrases(t) == [("the talks went well", "Kremlin")]


def test_subject_of_the_reported_clause_is_no_inverted_speaker() -> None:
    # "NAME, APPOSITIVE, said X has ...": X opens the reported clause; the speaker is the name before
    t = "Senator Dianne Feinstein, Democrat of California, said the EB-5 program has sent a terrible message."
    assert _paraphrases(t) == [("the EB-5 program has sent a terrible message", "Dianne Feinstein")]
    assert _paraphrases("The ties are strong, said the EB-5 program director.") == [
        ("The ties are strong", "EB-5 program director")
    ]


def test_party_tag_in_brackets_does_not_cut_the_speaker_from_the_cue() -> None:
    t = "However, Rep. Stephen Lynch (D-Mass.) said the law doesn't require witnesses to appear."
    assert _paraphrases(t) == [("the law doesn't require witnesses to appear", "Stephen Lynch")]


def test_saying_after_an_appositive_quote_or_dash_takes_the_subject_of_the_main_clause() -> None:
    t = "Fiorina was upfront about her distaste for Donald Trump, the GOP front-runner, saying voters must unite."
    assert _paraphrases(t) == [("voters must unite", "Fiorina")]
    t = "Donald Trump has delivered a defense of “New York values,” saying the city embodied the nation."
    assert _paraphrases(t) == [("the city embodied the nation", "Donald Trump")]
    assert _paraphrases("Marco Rubio flipped his choice – saying he was rooting for Manning.") == [
        ("he was rooting for Manning", "Marco Rubio")
    ]
    assert _paraphrases("Bolton distanced himself from the movement by saying he would help.") == [
        ("he would help", "Bolton")
    ]


def test_a_clause_inside_an_open_quote_is_no_subject_of_saying() -> None:
    t = "“As a result, Russia had begun to centralise power,” he said, adding that the economy recovered."
    assert ("the economy recovered", "Russia") not in _paraphrases(t)


def test_says_in_a_title_case_headline_is_a_cue_and_ends_the_name_run() -> None:
    t = "Obama Says African-American Museum Will Tell of Suffering and Delight.\n\nThe museum opened on Saturday."
    assert _paraphrases(t) == [("African-American Museum Will Tell of Suffering and Delight", "Obama")]
    t = "Clinton Hid Health Problems From Public, Former White House Doctor Says.\n\nThe doctor wrote a book."
    assert _paraphrases(t)[0] == ("Clinton Hid Health Problems From Public", "White House Doctor")


def test_a_capitalised_cue_in_body_text_stays_a_name() -> None:
    assert _paraphrases("Officials in the United States Said Nothing Club met on Monday to discuss plans.") == []


def test_the_head_of_a_subject_with_a_post_modifier_speaks_not_the_object_of_its_preposition() -> None:
    assert _paraphrases("People close to Putin say he will run again.") == [("he will run again", "People")]
    t = "Political observers in Virginia and around the country say Scott deserves the seat."
    assert _paraphrases(t) == [("Scott deserves the seat", "Political observers")]
    # a share of those polled: the head is the voters, not "half"; a participle opens no subject
    assert _paraphrases("In Texas, half of GOP primary voters said the party had betrayed them.")[0][1] != "half"
    t = "Speaking in Beijing, Chinese Foreign Ministry spokesman Lu Kang said China opposed the sanctions."
    assert _paraphrases(t) == [("China opposed the sanctions", "Lu Kang")]
    # the verb of a relative clause in the modifier is not the head's ("countries which think alike")
    t = "Hence, the prospect for a relation between two countries which think alike, is a more plausible one."
    assert _paraphrases(t) == []


def test_a_modified_subject_is_weighed_by_its_whole_phrase_so_its_content_still_counts() -> None:
    """The model learned the shape of the phrase before the cue; the head alone ("Officials") looked too weak."""
    t = "Officials in Beijing and Moscow reject the label of alliance, preferring to speak of a partnership."
    assert _paraphrases(t) == [("the label of alliance, preferring to speak of a partnership", "Officials")]


def test_a_comma_inside_quotation_marks_does_not_end_the_content() -> None:
    content = 'the partnership has entered a "new era," reaching an "unprecedented level" of trust'
    assert _paraphrases(f"In the People's Daily, Putin wrote that {content}.") == [(content, "Putin")]


def test_examples_after_a_comma_belong_to_the_content() -> None:
    content = "recently released polls, including ones showing him leading in Ohio, Florida, and Nevada"
    assert _paraphrases(f"Trump pointed to {content}.") == [(content, "Trump")]


def test_the_setting_of_the_report_is_not_its_content() -> None:
    assert _paraphrases("Putin said the partnership had no limits in a speech last week.") == [
        ("the partnership had no limits", "Putin")]
    assert _paraphrases("Lavrov said Moscow would respond in kind in an interview with RT.") == [
        ("Moscow would respond in kind", "Lavrov")]
    # a setting noun inside a compound is content ("spending on television ads")
    t = "The mayor said the city would cut its spending on television ads."
    assert _paraphrases(t) == [("the city would cut its spending on television ads", "mayor")]


def test_as_x_said_is_no_paraphrase() -> None:
    assert _paraphrases("The ties, as Lavrov said, are strong.") == []


def test_a_cue_with_no_content_still_records_its_speaker_mention() -> None:
    t = "Shi Yinhong said so."
    ctx = Context.of(t, [(0, len(t))])
    (p,) = find_paraphrases(ctx, [], [])
    assert (p.start, p.end, p.speaker.text) == (t.index("said"), t.index("said"), "Shi Yinhong")


def test_tell_object_is_skipped_before_the_reported_clause() -> None:
    assert _paraphrases("Smith told reporters that the talks failed.") == [("the talks failed", "Smith")]
    assert _paraphrases("Smith told NBC News on Tuesday that the talks failed.") == [("the talks failed", "Smith")]


def test_overrun_stops_at_the_end_of_an_opening_subordinate_clause() -> None:
    # SCMP: "And while Biden and his allied Western leaders announced a diplomatic boycott ..., the Russian
    # leader will be among ..." -- the outlet's own main clause is not the leaders' paraphrase
    text, doc = _seed("000")
    leader = text.index("the Russian leader will be among")
    assert doc.voice.at(leader)[0] == "authorial"
    boycott = text.index("a diplomatic boycott of the Beijing Games")
    assert doc.voice.at(boycott)[0] == "attributed_paraphrase"


def test_nickname_in_the_outlets_clause_takes_no_paraphrase_speaker() -> None:
    # SCMP: the stadium nickname “Bird's Nest” sits in the outlet's clause, not in the boycott announcement
    text, doc = _seed("000")
    nest = next(q for q in doc.quotes if "Nest" in q.text and q.voice == "direct_quote")
    assert nest.speaker != "Western leaders"
    assert not nest.speaker


def test_country_name_after_a_comma_is_no_speaker() -> None:
    # Responsible Statecraft: "...dependence on, and forced subordination to, the United States."
    text, doc = _seed("002")
    pos = text.index("forced subordination to")
    assert doc.voice.at(pos)[0] == "authorial"
    assert not any(q.speaker == "United States" for q in doc.quotes if q.voice == "attributed_paraphrase")


def test_maintains_a_position_is_not_reporting() -> None:
    # DW: "China traditionally maintains a position of neutrality when commenting on tensions ..."
    text, doc = _seed("003")
    assert doc.voice.at(text.index("a position of neutrality")) == ("authorial", "")


def test_saying_participle_attaches_to_the_subject_of_its_clause() -> None:
    # Washington Post: "After the United States and several allies announced a diplomatic boycott of the Winter
    # Games, Putin publicly supported Beijing, saying Russia was “standing together ...”"
    text, doc = _seed("004")
    assert doc.voice.at(text.index("Putin publicly supported"))[0] == "authorial"
    saying = text.index("saying Russia was") + len("saying ")
    assert doc.voice.at(saying) == ("attributed_paraphrase", "Vladimir Putin")


def test_told_x_that_is_found() -> None:
    # SCMP: "Wang Yi told US Secretary of State Antony Blinken on Thursday that Russia's security concerns over
    # Ukraine should be respected." -- reported, not the outlet's voice; the addressee is not the content
    text, doc = _seed("000")
    concerns = text.index("security concerns over Ukraine should be respected")
    assert doc.voice.at(concerns) == ("attributed_paraphrase", "Wang Yi")
    assert doc.voice.at(text.index("Antony Blinken on Thursday"))[0] == "authorial"


def test_are_divided_on_is_no_reported_content() -> None:
    # Washington Post: "China and Russia are divided on many issues, including some territorial claims, and
    # their alliance remains informal." -- the outlet's own description; "alliance" stays in its voice
    text, doc = _seed("004")
    assert doc.voice.at(text.index("alliance remains informal"))[0] == "authorial"


def test_went_to_china_is_no_reported_content() -> None:
    # Responsible Statecraft: "Boris Yeltsin went to China and signed a declaration that ..." -- a trip, not speech
    text, doc = _seed("002")
    assert doc.voice.at(text.index("signed a declaration that identified"))[0] == "authorial"


def test_a_passive_cue_takes_no_speaker_from_its_subject() -> None:
    # Responsible Statecraft: "That embryonic idea was formally adopted in April 1997 when Yeltsin ..." -- the idea
    # reports nothing
    text, _ = _seed("002")
    s = text.index("That embryonic idea")
    t = text[s : text.index(".", text.index("1997", s)) + 1]
    assert [c.cue.text for c in cue_candidates(Context.of(t, [(0, len(t))]), [], [])] == ["signed"]


def test_easier_said_than_done_is_no_cue() -> None:
    # Deutsche Welle: "... if sidestepping US-dollar-dominated transactions is easier said than done, ..."
    t = "But it remains to be seen if sidestepping US-dollar-dominated transactions is easier said than done."
    assert cue_candidates(Context.of(t, [(0, len(t))]), [], []) == []


def test_noun_phrase_before_a_verb_cue_is_a_fallback_speaker() -> None:
    # PolNeAR dev (Huffington Post): "... not paying an architect who said he was stiffed after he designed a
    # clubhouse" -- no name, yet reported speech; the relative "who" stands for the architect
    t = "Trump was defensive about not paying an architect who said he was stiffed after he designed a clubhouse."
    (cand,) = [c for c in cue_candidates(Context.of(t, [(0, len(t))]), [], []) if c.cue.text == "said"]
    assert (cand.speaker.text, cand.info.speaker_kind, cand.mention) == ("architect", "phrase", False)


def test_all_capitals_us_is_not_the_pronoun_us() -> None:
    # "told US Secretary of State ..." must not read like "told us that": the start features keep the shape
    t = "Wang Yi told US Secretary of State Antony Blinken on Thursday that the concerns should be respected."
    tk = Tokens.of(t, 0, len(t))
    feats = span_features(tk, 2, 3, Candidate(4, 11, "after"), CueInfo("speech/past/y", "before", "person", False))
    assert "dir=after|before=<CAPS>" in feats and "dir=after|before=us" not in feats


def test_fast_span_search_agrees_with_the_full_features() -> None:
    # the extractor scores the parts of each candidate's features once; the training recipe scores them whole
    t = (
        "Wan Qingsong, a professor, said on Monday that China would aid Russia, because it knew the pain, "
        "and the talks went on while Lavrov, who arrived late, added that ties were strong."
    )
    model = paraphrase_model()
    for cand in cue_candidates(Context.of(t, [(0, len(t))]), [], []):
        tk: Tokens = cand.tokens
        cands = span_candidates(tk, cand.ci, cand.cj, cand.sp_lo, cand.sp_hi)
        fast = best_candidate(tk, cand.ci, cand.cj, cands, cand.info, model.span.total)
        slow = max(cands, key=lambda c: model.span.score(span_features(tk, cand.ci, cand.cj, c, cand.info)))
        assert model.span.score(span_features(tk, cand.ci, cand.cj, fast, cand.info)) == pytest.approx(
            model.span.score(span_features(tk, cand.ci, cand.cj, slow, cand.info))
        )


def test_polnear_dev_indirect_speech_floor(gold_dir: Path) -> None:
    from framing.evaluation.paraphrase import load_articles, model_paraphrases, naive_paraphrases, score_split

    articles = load_articles(gold_dir / "polnear" / "data" / "dev")
    if not articles:
        pytest.skip(f"PolNeAR dev split not found under {gold_dir / 'polnear'}")
    ours = score_split(articles, model_paraphrases)
    naive = score_split(articles, naive_paraphrases)
    assert ours.f1 >= 0.48  # 0.526 when the model was last trained (issue 13); the regex peer: 0.25
    assert ours.f1 >= naive.f1 + 0.15
    assert ours.speaker_accuracy >= 0.85
