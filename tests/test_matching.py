"""The shared lexicon matcher: the run index finds exactly what a regex scan of each sentence finds.

A matcher indexes the word runs of a text it searches more than once and tries its regex only where a run
equals a term's first word; every family then asks for all sentences at once (``hits_in``). The reference
is the plain regex scan of each sentence (``finditer`` over ``text[start:end]``), on the seeds, on
AllSides articles where the gold folder is present, and on the hard cases named below.
"""

from __future__ import annotations

import math

from framing.corpus.segmentation import split_sentences
from framing.features.frames import _matcher as frame_matcher
from framing.features.hedging import make_hedge_extractor
from framing.features.labels import make_label_extractor
from framing.matching import CasedMatcher, PhraseMatcher
from framing.model import SPAN_COLUMNS, Span, spans_to_frame
from framing.story import default_story

LONG = " Filler words keep this text above the length from which the matcher indexes its word runs." * 3


def _phrase_matchers() -> list[PhraseMatcher]:
    story = default_story()
    cased = [frame_matcher(story.frames), story.actor_matcher(), story.party_matcher()]
    return [*(m for c in cased for m in c._matchers), *make_hedge_extractor()._matchers,
            make_label_extractor()._labels]


def _reference(matcher: PhraseMatcher, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matcher._regex.finditer(text, start, end)]


def _check_text(text: str, bounds: list[tuple[int, int]]) -> int:
    """Compare every packaged matcher with the regex scan on ``bounds`` of ``text``; return the number of hits."""
    hits = 0
    for matcher in _phrase_matchers():
        want = [_reference(matcher, text, s, e) for s, e in bounds]
        fresh = (text + " ")[:-1]  # a text object never searched: all sentences at once index it first
        assert [[(m.start, m.end) for m in h] for h in matcher.hits_in(fresh, bounds)] == want
        for _ in range(2):  # the first search of a text is a plain scan; from the second on, the index is used
            assert [[(m.start, m.end) for m in matcher.hits(text, s, e)] for s, e in bounds] == want
        assert [[(m.start, m.end) for m in h] for h in matcher.hits_in(text, bounds)] == want
        hits += sum(map(len, want))
    return hits


def test_indexed_matching_equals_the_regex_scan_on_the_seeds(seed_corpus):
    hits = sum(_check_text(a.text, split_sentences(a.text)) for a in seed_corpus)
    assert hits > 500


def test_indexed_matching_equals_the_regex_scan_on_allsides(allsides_texts):
    texts = allsides_texts(60)
    assert sum(_check_text(t, split_sentences(t)) for t in texts) > 1000


def test_a_bound_that_cuts_a_word_sees_the_shorter_word():
    # "allyship" cut after "ally": the regex scan of the piece sees the word "ally"; so must the index.
    text = "Talks on allyship went on." + LONG
    m = PhraseMatcher({"ally": 1})
    for _ in range(2):
        assert [x.text for x in m.hits(text, 0, 13)] == ["ally"]
    assert [[x.text for x in h] for h in m.hits_in(text, [(0, 13), (13, len(text))])] == [["ally"], []]


def test_a_word_after_a_hyphen_or_inside_a_word_is_not_a_match():
    text = "A non-ally, an ally-ship and an especially rally; an ally." + LONG
    m = PhraseMatcher({"ally": 1}, plurals=True)
    for _ in range(2):
        assert [x.start for x in m.hits(text)] == [text.index("an ally.") + 3]


def test_a_non_ascii_word_is_left_to_the_regex_case_folding():
    # KELVIN SIGN folds to "k" in the regex; the index does not decide such words itself.
    text = "The \u212aremlin spoke; the kremlin, the KREMLIN." + LONG
    m = PhraseMatcher({"kremlin": 1})
    want = _reference(m, text, 0, len(text))
    assert len(want) == 3
    for _ in range(2):
        assert [(x.start, x.end) for x in m.hits(text)] == want


def test_case_sensitive_terms_and_compounds_per_sentence():
    text = "US-led talks. The US told us. Sino-Russian ties." + LONG
    bounds = split_sentences(text)
    m = CasedMatcher([("US", "us"), ("Sino", "cn"), ("Russian", "ru")])
    want = [[(x.start, x.end) for x in m.hits(text, s, e)] for s, e in bounds]
    assert [[(x.start, x.end) for x in h] for h in m.hits_in(text, bounds)] == want
    assert [[text[s:e] for s, e in h] for h in want][:3] == [["US"], ["US"], ["Sino", "Russian"]]


def test_span_table_columns_keep_their_types_and_blank_missing_text():
    spans = [Span("a", "o", "hedge", 3, 6, "may", sentence=0, label="may")]
    rows = [{"article_id": "b", "feature": "frame", "start": 1, "end": 2, "sentence": 0, "label": None,
             "speaker": math.nan}]
    df = spans_to_frame(spans + rows)  # type: ignore[operator]
    assert df.columns.tolist() == list(SPAN_COLUMNS)
    dtypes = [str(df[c].dtype) for c in ("start", "sentence", "score", "label")]
    assert dtypes == ["int64", "int64", "float64", "object"]
    assert df["label"].tolist() == ["may", ""] and df["speaker"].tolist() == ["", ""]
    assert math.isnan(df["score"].iloc[1])
