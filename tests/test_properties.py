"""Property-based tests: arbitrary Unicode never crashes the text machinery, and spans stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.decoding import DecodeError, decode_bytes
from framing.corpus.segmentation import split_sentences, tokenize
from framing.features._matching import PhraseMatcher

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
