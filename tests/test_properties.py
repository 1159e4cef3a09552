"""Property-based tests: arbitrary Unicode never crashes the text machinery, and spans stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.decoding import DecodeError, decode_bytes
from framing.corpus.segmentation import split_sentences, tokenize
from framing.matching import PhraseMatcher

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
) | st.lists(st.sampled_from(["Mr.", "U.S.", "“", "”", '"', "alliance", "ally", "\n\n", " ", ".", "?", "may", "-"]),
             max_size=60).map("".join)

MATCHER = PhraseMatcher({"ally": 1, "marriage of convenience": 2, "may": 3}, plurals=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_segmentation_spans_are_valid(text):
    prev_end = 0
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text) and s >= prev_end
        prev_end = e
    for s, e in tokenize(text):
        assert 0 <= s < e <= len(text)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_matcher_spans_are_valid_whole_words(text):
    for m in MATCHER.finditer(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        assert m.start == 0 or not (text[m.start - 1].isalnum() or text[m.start - 1] == "_")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_never_crashes(data):
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(decoded.text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_every_extractor_gives_valid_spans_on_arbitrary_text(text):
    from framing import analyze_article
    from framing.corpus.cleaning import clean_text
    from framing.model import Article

    cleaned = clean_text(text).text
    article = Article(id="p", outlet_id="o", outlet_name="O", raw_text=text, text=cleaned)
    for span in analyze_article(article):
        assert 0 <= span.start < span.end <= len(cleaned)
        assert cleaned[span.start : span.end] == span.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_jsonl_loader_never_crashes_and_offsets_map_to_raw(tmp_path_factory, texts):
    import json

    from framing.corpus.loading import load_corpus

    path = tmp_path_factory.mktemp("p") / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "outlet": "O", "text": t}) for i, t in enumerate(texts)),
                    encoding="utf-8")
    corpus = load_corpus(path)
    assert len(corpus.articles) + len(corpus.problems) == len(texts)
    for a in corpus.articles:
        for seg in a.segments:
            assert a.text[seg.clean_start : seg.clean_start + seg.length] == a.raw_text[
                seg.raw_start : seg.raw_start + seg.length]
