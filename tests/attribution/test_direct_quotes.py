"""Step 3: who said each direct quote (framing.attribution.direct), on real sentences."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.attribution.context import Context
from framing.attribution.direct import attribute_direct, post_attribution, pre_attribution
from framing.attribution.marks import quotations
from framing.document import Doc, Quote
from framing.model import Article


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _direct(text: str) -> list[Quote]:
    return [q for q in _doc(text).quotes if q.voice == "direct_quote"]


def test_a_she_said_b_is_two_quote_spans_with_one_speaker() -> None:
    t = "Lee Min said talks went on. “A deal is near,” she said, “but not yet signed.”"
    qs = _direct(t)
    assert [q.text for q in qs] == ["“A deal is near,”", "“but not yet signed.”"]
    assert [q.speaker for q in qs] == ["Lee Min", "Lee Min"]


def test_cue_after_the_quote_wins() -> None:
    t = "“Ties are strong,” said Ann Lee, a fellow at Brookings."
    sp, cue = post_attribution(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t))
    assert (sp.text, sp.affiliation, cue.text if cue else None) == ("Ann Lee", "a fellow at Brookings", "said")


def test_dash_and_a_name_after_the_quote() -> None:
    t = "“Talk is cheap.” ― Pamela Padilla"
    found = post_attribution(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t))
    assert found is not None and found[0].text == "Pamela Padilla" and found[1] is None


def test_quote_ending_in_a_full_stop_takes_no_cue_after_it() -> None:
    t = "“Ties are strong.” Chen said more later."
    assert post_attribution(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t)) is None


def test_colon_introduced_quote_takes_the_subject_before() -> None:
    t = "Artyom Lukin, an associate professor at Russia’s Far Eastern Federal University, said: “Limits are gone.”"
    q = _direct(t)[0]
    assert (q.speaker, q.cue, q.origin) == ("Artyom Lukin", "said", "russia")
    sp, cue = pre_attribution(Context.of(t, [(0, len(t))]), 0, quotations(t)[0])
    assert sp is not None and sp.text == "Artyom Lukin" and cue.text == "said"


def test_according_to_and_as_x_puts_it() -> None:
    qs = _direct("It began, according to Lukin, “in the final years.” As Sakwa puts it, “ties are shallow.”")
    assert [(q.speaker, q.cue_lemma) for q in qs] == [("Lukin", "according to"), ("Sakwa", "put it")]


def test_quote_with_no_cue_has_no_attribution_of_its_own() -> None:
    t = "The two are cornered into a “back-to-back” position."
    ctx = Context.of(t, [(0, len(t))])
    assert attribute_direct(ctx, quotations(t)) == [(None, None)]
