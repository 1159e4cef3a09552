"""Paraphrase rules that recover reported content the span model misses, on sentences written for these tests."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Doc
from framing.model import Article


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in _doc(text).quotes if q.voice == "attributed_paraphrase"]


def test_interrupting_attribution_reports_the_short_subject_before_it_and_the_clause_after_it() -> None:
    t = "Farmers, the minister argued, cannot absorb another rise in diesel prices."
    assert _paraphrases(t) == [("Farmers", "minister"), ("cannot absorb another rise in diesel prices", "minister")]


def test_interrupting_attribution_before_a_whole_quote_leaves_the_statement_to_the_quote() -> None:
    t = 'That, the mayor said, “would be a disaster for the harbour.”'
    assert _paraphrases(t) == []  # one statement, one record: the direct quote
    assert _doc(t).voice.at(t.index("disaster"))[0] == "direct_quote"


def test_interrupting_attribution_keeps_a_quoted_predicate_whose_verb_is_outside_the_quote() -> None:
    t = "The port, Ms. Okafor said, is “busier than it has been in a decade.”"
    got = _paraphrases(t)
    assert got == [("The port", "Okafor"), ("is “busier than it has been in a decade", "Okafor")]
    assert _doc(t).voice.at(t.index("busier"))[0] == "direct_quote"  # the quoted words stay a direct quote


def test_interrupting_attribution_after_a_time_is_not_split() -> None:
    t = "On Tuesday, the governor said, the bridge will reopen to trucks."
    assert all(text != "On Tuesday" for text, _ in _paraphrases(t))


def test_interrupting_attribution_after_the_setting_of_the_report_is_not_split() -> None:
    t = "In a statement, the union said, members will vote on the offer next week."
    assert all(text != "In a statement" for text, _ in _paraphrases(t))


def test_interrupting_attribution_after_a_connective_is_not_split() -> None:
    t = "Still, the coach said, the team needs a new goalkeeper."
    assert all(text != "Still" for text, _ in _paraphrases(t))


def test_interrupting_attribution_after_a_subordinate_clause_reports_the_clause_too() -> None:
    t = "Unless the levee is raised, the engineer warned, the lower town will flood."
    assert _paraphrases(t) == [("Unless the levee is raised", "engineer"), ("the lower town will flood", "engineer")]


def test_title_in_quotation_marks_inside_the_subject_phrase_does_not_hide_the_speaker() -> None:
    t = 'Ms. Varga, the author of "Salt Roads," a history of the coast, said the fishing towns were dying.'
    assert _paraphrases(t) == [("the fishing towns were dying", "Varga")]


def test_few_quoted_words_inside_the_subject_phrase_do_not_become_the_speaker() -> None:
    t = 'Mr. Osei, a critic of the "cash for votes" scheme, said the council must resign.'
    assert _paraphrases(t) == [("the council must resign", "Osei")]


def test_verb_coordinated_with_the_first_predicate_shares_the_sentence_subject() -> None:
    t = "Ms. Ruiz, a union delegate, toured the plant and said the jobs would stay in the valley."
    assert _paraphrases(t) == [("the jobs would stay in the valley", "Ruiz")]


def test_coordinated_verb_after_a_relative_clause_does_not_take_the_sentence_subject() -> None:
    t = "The board met Mr. Diaz, who inspected the dam and said the spillway was cracked."
    assert ("the spillway was cracked", "board") not in _paraphrases(t)


def test_subject_before_a_quoted_predicate_with_a_trailing_attribution_is_a_mixed_paraphrase() -> None:
    t = 'The ferry service “has never been this unreliable,” a harbour official said.'
    doc = _doc(t)
    assert _paraphrases(t) == [("The ferry service “has never been this unreliable", "harbour official")]
    assert doc.voice.at(t.index("ferry"))[0] == "attributed_paraphrase"
    assert doc.voice.at(t.index("unreliable"))[0] == "direct_quote"  # the quoted words keep their voice
    assert [q.text for q in doc.quotes if q.voice == "direct_quote"] == ["“has never been this unreliable,”"]


def test_quote_opening_a_new_sentence_after_a_connective_is_no_mixed_paraphrase() -> None:
    t = 'Then “we waited for hours in the rain,” the commuter said.'
    assert _paraphrases(t) == []


def test_quote_with_a_capitalised_first_word_after_a_name_is_no_mixed_paraphrase() -> None:
    t = 'Reporters “Who pays for the repairs?” the mayor asked.'
    assert _paraphrases(t) == []


def test_participle_before_a_quote_is_no_subject_of_a_mixed_paraphrase() -> None:
    t = 'Citing “serious safety concerns,” the council said it would close the bridge.'
    assert all(not text.startswith("Citing") for text, _ in _paraphrases(t))
