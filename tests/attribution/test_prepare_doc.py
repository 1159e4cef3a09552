"""The attribution step as a whole (framing.attribution.prepare, records): records and the voice map."""

from __future__ import annotations

from framing.attribution import attribute, prepare_doc
from framing.attribution.records import quote_type
from framing.corpus.segmentation import split_sentences
from framing.document import Doc, Quote
from framing.model import Article


def _article(text: str) -> Article:
    return Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text)


def _direct(doc: Doc) -> list[Quote]:
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_prepare_doc_is_segment_then_attribute() -> None:
    t = "Ties grew. “We are friends,” Xi said."
    a = _article(t)
    doc = attribute(Doc(a, split_sentences(t)))
    assert doc.sentences == prepare_doc(a).sentences
    assert list(doc.quotes) == list(prepare_doc(a).quotes)


def test_attribute_returns_a_new_doc_and_leaves_its_input_alone() -> None:
    t = "“We are friends,” Xi said."
    plain = Doc(_article(t), split_sentences(t))
    done = attribute(plain)
    assert plain.quotes == [] and plain.voice.runs == []
    assert [q.speaker for q in done.quotes] == ["Xi"]


def test_voice_map_gives_direct_quote_voice_inside_marks_and_authorial_outside() -> None:
    t = "Ties grew. “We are friends,” Xi said."
    doc = prepare_doc(_article(t))
    assert doc.voice.at(t.index("We")) == ("direct_quote", "Xi")
    assert doc.voice.at(t.index("“")) == ("direct_quote", "Xi")
    assert doc.voice.at(t.index("Ties")) == ("authorial", "")
    assert doc.voice.at(t.index("Xi said")) == ("authorial", "")


def test_scare_quote_without_speaker_has_direct_voice_and_empty_speaker() -> None:
    t = "The two are cornered into a “back-to-back” position."
    doc = prepare_doc(_article(t))
    (q,) = _direct(doc)
    assert (q.quote_type, q.speaker, q.words) == ("scare", "", 1)
    assert doc.voice.at(q.start + 3) == ("direct_quote", "")


def test_nested_quote_takes_the_outer_speaker_and_no_cue() -> None:
    t = "“The slogan was ‘a new era’ for all,” Torigian said."
    qs = _direct(prepare_doc(_article(t)))
    assert [(q.text, q.nested, q.speaker, q.cue) for q in qs] == [
        ("“The slogan was ‘a new era’ for all,”", False, "Torigian", "said"),
        ("‘a new era’", True, "Torigian", ""),
    ]


def test_records_list_direct_quotes_then_paraphrases() -> None:
    t = "Analysts said the talks failed. “It is over,” he said."
    doc = prepare_doc(_article(t))
    assert [q.voice for q in doc.quotes] == ["direct_quote", "attributed_paraphrase"]
    assert [(r.voice, t[r.start : r.end]) for r in doc.voice.runs] == [
        ("attributed_paraphrase", "the talks failed"),
        ("direct_quote", "“It is over,”"),
    ]


def test_quote_type_by_speaker_and_length() -> None:
    assert [quote_type(2, "", ""), quote_type(5, "", ""), quote_type(5, "Xi", "person"),
            quote_type(5, "Kremlin", "organisation")] == ["scare", "unattributed", "person", "organisation"]


def test_empty_text_has_no_records() -> None:
    doc = prepare_doc(_article(""))
    assert list(doc.quotes) == [] and doc.voice.runs == []
