"""Step 6: quotes continuing another's speaker (framing.attribution.inheritance), on real sentences."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Quote
from framing.model import Article


def _direct(text: str) -> list[Quote]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_a_quote_after_a_full_stop_takes_the_speaker_of_the_quote_before_it() -> None:
    qs = _direct("“We disagree,” said Ann Lee, a professor at Peking University. “Strongly.”")
    assert [(q.speaker, q.cue) for q in qs] == [("Ann Lee", "said"), ("Ann Lee", "")]
    assert qs[1].origin == "china" and qs[1].quote_type == "person"


def test_a_quote_opening_its_paragraph_continues_the_last_speaker_of_the_paragraph_before() -> None:
    t = "“Ties are strong,” Lavrov said.\n\n“They will stay strong for years to come.”\n\nAuthor text."
    assert [q.speaker for q in _direct(t)] == ["Lavrov", "Lavrov"]


def test_a_quote_takes_the_speaker_of_a_later_quote_in_the_same_sentence() -> None:
    t = "Ties grew. “First,” and then “second,” Lavrov said."
    assert [q.speaker for q in _direct(t)] == ["Lavrov", "Lavrov"]


def test_a_quote_inside_a_paraphrase_takes_its_speaker() -> None:
    t = "Ties were “at their best” in decades, analysts said."
    (q,) = _direct(t)
    assert (q.speaker, q.cue) == ("analysts", "")


def test_a_quote_in_a_new_paragraph_after_authorial_text_inherits_nothing() -> None:
    t = "“Ties are strong,” Lavrov said.\n\nThe talks went on.\n\n“A separate slogan for all to see.”"
    assert [q.speaker for q in _direct(t)] == ["Lavrov", ""]
