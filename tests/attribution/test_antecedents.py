"""Pronoun and role antecedents (framing.attribution.antecedents), on real sentence patterns."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Quote
from framing.model import Article


def _direct(text: str) -> list[Quote]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_she_said_with_no_earlier_speaker_takes_the_person_named_before() -> None:
    t = (
        "On the last day of the convention, Ivanka Trump strode across the stage.\n\n"
        "\"Policies that allow women to thrive should not be novelties,\" she said."
    )
    assert _direct(t)[0].speaker == "Ivanka Trump"


def test_pronoun_takes_the_subject_not_the_object_of_the_sentence_before() -> None:
    t = "Harry Reid blasted Marco Rubio in an interview.\n\n\"It shows a lack of character,\" he said."
    assert _direct(t)[0].speaker == "Harry Reid"


def test_pronoun_prefers_the_speaker_resolved_in_the_sentence_before() -> None:
    t = (
        "Shi Yinhong, a professor at Renmin University, told DW there was no sign of change.\n\n"
        "Shi said Putin would not act.\n\n"
        "“It would embarrass China,” he said."
    )
    assert _direct(t)[0].speaker == "Shi Yinhong"


def test_a_title_and_one_word_name_is_a_person_mention() -> None:
    t = (
        "In a statement, President Obama condemned the test as provocative.\n\n"
        "\"To be clear, the United States will never accept it,\" he said."
    )
    assert _direct(t)[0].speaker == "Obama"


def test_country_of_two_words_is_not_a_person_antecedent() -> None:
    t = "The United States and Germany met.\n\n\"It will destroy Germany,\" he said."
    assert _direct(t)[0].speaker == ""


def test_quote_continues_the_speaker_of_a_quote_begun_in_the_paragraph_before() -> None:
    t = (
        '"Whether it is income inequality or the planet, he has been a transformative leader.\n\n'
        '"And he is a very beautiful man," Sanders continued. "When you meet him, you see it."'
    )
    assert [q.speaker for q in _direct(t)] == ["Sanders", "Sanders"]


def test_nearest_person_looks_back_by_bisection_and_prefers_the_later_resolved_speaker() -> None:
    from framing.attribution.antecedents import nearest_person, person_mentions
    from framing.attribution.context import Context

    t = "Ann Lee met Bo Li. It rained. Then he spoke."
    ctx = Context.of(t, [(0, 18), (19, 29), (30, len(t))])
    at = t.index("he spoke")
    mentions = person_mentions(ctx, [])
    assert nearest_person(ctx, at, [], mentions) == "Ann Lee"  # the subject: the first person named
    # two speakers resolved in that sentence, in text order; the one resolved later wins
    assert nearest_person(ctx, at, [(0, 1, "Ann Lee"), (12, 0, "Bo Li")], mentions) == "Ann Lee"
    assert nearest_person(ctx, at, [(0, 0, "Ann Lee"), (12, 1, "Bo Li")], mentions) == "Bo Li"
    assert nearest_person(ctx, at, [], mentions, own_sentence=False) == "Ann Lee"
