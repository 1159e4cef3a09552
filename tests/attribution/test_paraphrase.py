"""Step 4: attributed paraphrase (framing.attribution.paraphrase), on real sentences."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.attribution.context import Context
from framing.attribution.paraphrase import find_paraphrases, reported_clause
from framing.document import Doc
from framing.model import Article


def _doc(text: str) -> Doc:
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in _doc(text).quotes if q.voice == "attributed_paraphrase"]


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
    assert _paraphrases(t) == [("the talks went well.", "Kremlin")]  # to the sentence end, as written


def test_as_x_said_is_no_paraphrase() -> None:
    assert _paraphrases("The ties, as Lavrov said, are strong.") == []


def test_a_cue_with_no_content_still_records_its_speaker_mention() -> None:
    t = "Shi Yinhong said so."
    ctx = Context.of(t, [(0, len(t))])
    (p,) = find_paraphrases(ctx, [], [])
    assert (p.start, p.end, p.speaker.text) == (t.index("said"), t.index("said"), "Shi Yinhong")


def _clause(t: str) -> str:
    ctx = Context.of(t, [(0, len(t))])
    cue = next(c for c in ctx.cues.cues if c.value.lemma == "tell")
    span = reported_clause(ctx, cue, len(t))
    return t[span[0] : span[1]] if span else ""


def test_tell_object_is_skipped_before_the_reported_clause() -> None:
    assert _clause("Smith told reporters that the talks failed.") == "the talks failed"
    assert _clause("Smith told NBC News on Tuesday that the talks failed.") == "the talks failed"
    assert _clause("Smith told CNN Tuesday that the talks failed.") == "the talks failed"


def test_tell_object_of_an_outlet_acronym_before_a_capitalised_subject() -> None:
    # the run "CNN President Francois Hollande" leaves no clause: the outlet alone is the object
    t = "Klugman told CNN President Francois Hollande was at the match."
    assert _clause(t) == "President Francois Hollande was at the match"
    assert _clause("Murray told NPR Gross was being detained.") == "Gross was being detained"
    # an outlet name that continues is not cut: no clause at all
    assert _clause("Hunt told BBC Radio 4's Today programme.") == ""
