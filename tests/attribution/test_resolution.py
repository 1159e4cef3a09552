"""Step 5: resolving speakers (framing.attribution.resolution), on real sentences."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.document import Quote
from framing.model import Article
from framing.story import load_story, packaged_stories


def _direct(text: str, **kw: object) -> list[Quote]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text), **kw)  # type: ignore[arg-type]
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_he_said_resolves_to_the_last_named_speaker_not_a_later_mention() -> None:
    t = (
        "Shi Yinhong, a professor at Renmin University, told DW there was no sign of change.\n\n"
        "Shi said Putin would not act.\n\n"
        "“It would embarrass China,” he said."
    )
    q = _direct(t)[0]
    assert (q.speaker, q.origin) == ("Shi Yinhong", "china")


def test_he_said_prefers_a_name_earlier_in_the_same_sentence() -> None:
    t = "Sakwa told me the ties were deep.\n\nAs soon as Putin came to power, he said, “We share positions.”"
    assert _direct(t)[0].speaker == "Putin"


def test_short_name_becomes_the_fullest_and_keeps_the_affiliation() -> None:
    t = "Russia drifted away, said Chen Jun, an associate professor at Fudan University.\n\n“It was real,” Chen said."
    q = _direct(t)[0]
    assert (q.speaker, q.affiliation, q.origin) == ("Chen Jun", "an associate professor at Fudan University", "china")


def test_a_pronoun_with_no_antecedent_stays_unresolved() -> None:
    q = _direct("“A deal is near,” she said.")[0]
    assert (q.speaker, q.quote_type) == ("", "unattributed")


def test_origin_comes_from_the_story() -> None:
    t = "“Ties are deep,” said Ravi Rao, a professor at Jawaharlal Nehru University in New Delhi."
    assert _direct(t)[0].origin == "other"
    india_us = load_story(packaged_stories()["india_us"])
    assert _direct(t, story=india_us)[0].origin == "india"


def test_origin_is_the_last_place_named_in_the_affiliation() -> None:
    t = (
        "“Ties are deep,” said Anna Berg, director of the Centre for Russia Europe Asia Studies, "
        "a think tank in Brussels."
    )
    assert _direct(t)[0].origin == "europe"
