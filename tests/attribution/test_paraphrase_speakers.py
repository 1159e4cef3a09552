"""Speakers the subject rules miss, and the second piece of "A, X said, B" (paraphrase_subjects, paraphrase_pieces).

Each hard case is named for the rule it checks; the sentences are written in the style of the
PolNeAR news where these patterns were missed (none of them is from the gold data).
"""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.attribution.context import Context
from framing.attribution.cues import Cue, CueMatch
from framing.attribution.paraphrase import cue_candidates
from framing.attribution.paraphrase_subjects import possessor
from framing.model import Article


def _paraphrases(text: str) -> list[tuple[str, str]]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [(q.text, q.speaker) for q in doc.quotes if q.voice == "attributed_paraphrase"]


def _candidate_kinds(text: str) -> dict[str, tuple[str, str]]:
    ctx = Context.of(text, [(0, len(text))])
    return {c.cue.text: (c.speaker.text, c.info.speaker_kind) for c in cue_candidates(ctx, [], [])}


def test_coordinated_cue_shares_the_speaker_of_the_first_cue() -> None:
    t = "Senator Ann Ruiz criticized the bill on Tuesday and said that it would hurt rural families."
    assert ("it would hurt rural families", "Ann Ruiz") in _paraphrases(t)


def test_coordinated_cue_after_an_auxiliary_and_adverb() -> None:
    t = "The governor thanked the volunteers and has repeatedly said the state will rebuild every school."
    assert ("the state will rebuild every school", "governor") in _paraphrases(t)


def test_participle_after_a_quote_shares_the_quote_speaker() -> None:
    t = '"We do not see a link to terrorism," the mayor said, adding that the inquiry would take more hours.'
    assert ("the inquiry would take more hours", "mayor") in _paraphrases(t)


def test_gerund_after_by_shares_the_subject_of_the_clause() -> None:
    t = "The senator responded to the criticism by saying his refusal to use the phrase was deliberate."
    assert ("his refusal to use the phrase was deliberate", "senator") in _paraphrases(t)


def test_coordination_stops_at_the_sentence() -> None:
    t = "Lee met the aides. Then came the vote and reported gains."
    kinds = _candidate_kinds(t)
    assert kinds.get("reported", ("", ""))[1] != "shared"


def _claim(text: str) -> CueMatch:
    at = text.index("claim")
    return CueMatch(at, at + 5, "claim", "claim", Cue("claim", "base", "learned", True))


def test_noun_cue_takes_its_possessive_pronoun() -> None:
    t = "Contrary to his claim that voters would learn nothing, the returns would reveal a great deal."
    ctx = Context.of(t, [(0, len(t))])
    cue = _claim(t)
    found = possessor(ctx, cue, 0)
    assert found is not None and (found[0].text, found[0].kind) == ("he", "pronoun")


def test_noun_cue_takes_its_named_possessor() -> None:
    t = "The footage contradicts Governor Ann Ruiz's earlier claim that the bridge was safe."
    ctx = Context.of(t, [(0, len(t))])
    cue = _claim(t)
    found = possessor(ctx, cue, 0)
    assert found is not None and found[0].text.endswith("Ann Ruiz")


def test_interrupted_report_gives_both_pieces() -> None:
    t = "The museum, Mr. Obama said, would make visitors face uncomfortable truths."
    assert _paraphrases(t) == [("The museum", "Obama"), ("would make visitors face uncomfortable truths", "Obama")]


def test_interrupted_report_resumes_with_that() -> None:
    t = "The air pollution had become so bad, Mr. Obama noted, that the embassy's monitor was the most visited page."
    assert ("that the embassy's monitor was the most visited page", "Obama") in _paraphrases(t)


def test_participle_after_the_attribution_is_no_second_piece() -> None:
    t = "Ties are deep, Lee said, adding that trade grew."
    assert ("adding that trade grew", "Lee") not in _paraphrases(t)
    assert ("Ties are deep", "Lee") in _paraphrases(t)


def test_appositive_of_the_speaker_is_no_second_piece() -> None:
    assert _paraphrases("Ties are deep, said Lee, a historian at Fudan University.") == [("Ties are deep", "Lee")]


def test_verb_after_a_plural_subject_is_no_noun_modifier() -> None:
    assert _candidate_kinds("Many other polls show the senator with a narrow lead.")["show"][0] == "polls"
    assert _candidate_kinds("The lawyers also pointed to two earlier rulings.")["pointed"][0] == "lawyers"


def test_noun_cue_after_an_adjective_is_still_a_modifier() -> None:
    assert "warning" not in _candidate_kinds("He delivered his starkest warning yet about the economy.")


def test_learned_action_cue_lends_no_speaker_to_a_coordinated_cue() -> None:
    t = "In 1992 the president went to Beijing and signed a declaration that named both states friends."
    assert _candidate_kinds(t).get("signed", ("", ""))[1] != "shared"


def test_adjunct_of_the_cue_before_that_is_no_content() -> None:
    t = ("The agency said in its annual threat assessment report last year that it was monitoring "
         "the joint drills.")
    assert _paraphrases(t) == [("it was monitoring the joint drills", "agency")]


def test_verb_after_be_is_no_subject_of_an_adjective_cue() -> None:
    t = "The governments are aware of the challenge and are addressing it."
    assert _candidate_kinds(t).get("aware", ("", ""))[0] != "governments"


def test_one_cue_shared_by_two_quotes_and_a_coordinated_cue_after_them() -> None:
    t = '"Ties are deep," Lee said, "and trade grew," and later added that the talks had failed.'
    assert ("the talks had failed", "Lee") in _paraphrases(t)


def test_speaker_before_a_bracket_or_appositive_bracketed_subject_rule() -> None:
    t = "Senator Ann Ruiz (D-Ohio) said the law does not require witnesses to appear."
    assert ("the law does not require witnesses to appear", "Ann Ruiz") in _paraphrases(t)
    t = "A lawyer for the newspapers, David Schulz, said no decision had been made about an appeal."
    assert ("no decision had been made about an appeal", "David Schulz") in _paraphrases(t)
    t = "Voters have long distrusted Senator Mary Hale, who in 2010 said the party's goal was to win at any cost."
    assert [s for _, s in _paraphrases(t)] == ["Mary Hale"]


def test_negative_quantifier_names_no_speaker_quantified_away_rule() -> None:
    assert _paraphrases("No one in Paris would call Germany an ally these days.") == []
    assert _paraphrases("Nobody in the Kremlin seriously thinks of Brazil as an ally.") == []


def test_a_denial_reports_what_is_denied_rule_out_cue() -> None:
    found = _paraphrases("Moscow has ruled out a formal alliance with Beijing for now.")
    assert [(c, s) for c, s in found] == [("a formal alliance with Beijing for now", "Moscow")]


def test_content_ends_before_the_speakers_next_act_next_act_rule() -> None:
    t = "Governor Lee said he would order a review of the state's computer defenses and warned against hackers."
    assert ("he would order a review of the state's computer defenses", "Lee") in _paraphrases(t)


def test_name_before_long_appositives_is_the_speaker_of_said() -> None:
    # clause_subject_phrase: "Name, age, a description with a relative clause, said CONTENT"
    t = ("Maria Lopez, 52, a retired nurse who now works as a substitute teacher in Dayton, said the county "
         "should reopen its clinics.")
    assert ("the county should reopen its clinics", "Maria Lopez") in _paraphrases(t)


def test_quantified_subject_before_say_is_the_speaker() -> None:
    # clause_subject_phrase: the last comma piece before a finite verb of saying
    t = "On foreign policy, 26% say the treaty should be renewed."
    assert ("the treaty should be renewed", "26%") in _paraphrases(t)
    t = "Some say the new bridge will never carry heavy trucks."
    assert ("the new bridge will never carry heavy trucks", "Some") in _paraphrases(t)


def test_no_clause_subject_after_to_be_or_a_generic_subject() -> None:
    # clause_subject_phrase reads no speaker in "hard to say", a passive, or "one could say"
    from framing.attribution.fallback import clause_subject_phrase

    for t, verb in [("It is hard to say whether the plan works.", "say"),
                    ("The same could not be said for the town council.", "said"),
                    ("By some measures one could say the town recovered.", "say")]:
        ctx = Context.of(t, [(0, len(t))])
        cue = next(c for c in ctx.cues.cues if c.text == verb)
        assert clause_subject_phrase(ctx, 0, cue) is None, t


def test_noun_before_a_relative_is_the_speaker_of_its_verb() -> None:
    # clause_subject_phrase: "the study -- which notes that ...": the study, not "Instead"
    t = "Instead, the report -- which notes that 40 firms paid no tax -- urges a new minimum levy."
    ctx = Context.of(t, [(0, len(t))])
    (cue,) = [c for c in ctx.cues.cues if c.text == "notes"]
    from framing.attribution.fallback import clause_subject_phrase

    sp = clause_subject_phrase(ctx, 0, cue)
    assert sp is not None and sp.text == "the report"


def test_clause_after_an_introductory_adverbial_and_its_attribution_is_content() -> None:
    # paraphrase_pieces.after_adverbial: "ADVERBIAL, X said, CLAUSE" -- the clause is the report's second piece
    t = "Too often, Mr. Clarke said, the debate over the future of coal is infected with tribalism."
    got = _paraphrases(t)
    assert ("the debate over the future of coal is infected with tribalism", "Clarke") in got


def test_no_clause_after_an_inverted_speaker_and_its_appositive() -> None:
    # paraphrase.past_adverbial: "ADVERBIAL, said X, a historian, ..." -- the appositive's comma opens no report
    from framing.attribution.paraphrase import Reading, past_adverbial

    t = "Too often, said Mr. Clarke, a historian, the debate is tribal."
    (c,) = [c for c in cue_candidates(Context.of(t, [(0, len(t))]), [], []) if c.cue.text == "said"]
    assert past_adverbial(c, Reading(1.0, 0, 9), lambda pos: False) is None


def test_name_before_a_quoted_predicate_is_paraphrase_content() -> None:
    # paraphrase_pieces.named_subject_quote: 'says Kasich "has ..."' -- one word outside the quote, its subject
    t = 'Pataki says Kasich "has a track record of bringing people together." He warns of a split.'
    assert any(text.startswith("Kasich") and sp == "Pataki" for text, sp in _paraphrases(t))


def test_determiner_or_naming_object_before_a_quote_is_no_paraphrase() -> None:
    # paraphrase_pieces.named_subject_quote: 'said the "relationship ..."', 'called Putin "my best friend"'
    from framing.attribution.paraphrase_features import Tokens
    from framing.attribution.paraphrase_pieces import named_subject_quote

    t = 'Xi said the "relationship exceeds an alliance." Xi called Putin "my best, most intimate friend."'
    tk = Tokens.of(t, 0, len(t))

    def covers(pos: int) -> bool:
        return t.index('"') <= pos < t.index('."') + 2 or t.index('"my') <= pos

    the, putin = tk.low.index("the"), tk.low.index("putin")
    assert not named_subject_quote(tk, the, the + 6, covers, "say")
    assert not named_subject_quote(tk, putin, putin + 6, covers, "call")
    assert named_subject_quote(tk, putin, putin + 6, covers, "say")
