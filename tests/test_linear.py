"""Analysis cost is linear in text length, whatever the text (issue 14).

CPU ratios measured in one run, never a wall-clock limit: a text with no
sentence punctuation at all, dense with actor names and relationship labels,
costs a small multiple of ordinary news of the same length, and twice the
words cost about twice the CPU.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from framing.corpus.cleaning import clean_text
from framing.corpus.segmentation import MAX_SENTENCE_CHARS, split_sentences_with_cuts
from framing.engines.task import analyze_article
from framing.features.sentences import CUT
from framing.model import Article

#: 4 words, each phrase an actor pair and a label: the worst density for label targets and actor tone.
HOSTILE_PHRASE = "China and Russia partnership"


def _article(text: str) -> Article:
    return Article(id="a", outlet_id="o", outlet_name="O", raw_text=text, text=text)


def _cpu(text: str) -> float:
    """CPU seconds of ``analyze_article`` on ``text`` (first run: no cache holds its sentences yet).

    Objects left by earlier tests are frozen out of the garbage collector's view while measuring: in a full
    test run they make every collection (triggered by the text's own allocations) cost far more.
    """
    gc.collect()
    gc.freeze()
    try:
        t0 = time.process_time()
        analyze_article(_article(text))
        return time.process_time() - t0
    finally:
        gc.unfreeze()


def _hostile(words: int) -> str:
    return " ".join([HOSTILE_PHRASE] * (words // 4))


def _news(seeds_dir: Path, words: int) -> str:
    """The cleaned seed articles repeated (paragraphs kept) to about ``words`` words."""
    seed = "\n\n".join(clean_text(p.read_text(encoding="utf-8")).text for p in sorted(seeds_dir.glob("*.txt")))
    reps = max(1, round(words / len(seed.split())))
    return "\n\n".join([seed] * reps)


def test_unpunctuated_text_costs_a_small_multiple_of_news_of_the_same_length(seeds_dir: Path):
    analyze_article(_article("China and Russia are partners. " + _hostile(400)))  # load lexicons and models
    news = _news(seeds_dir, 6_000)
    hostile = _hostile(len(news.split()))
    ratio = _cpu(hostile) / _cpu(news)
    assert ratio <= 3.5, f"unpunctuated text costs {ratio:.1f}x news of the same length"


def test_twice_the_unpunctuated_words_cost_about_twice_the_cpu():
    analyze_article(_article(_hostile(400)))
    ratio = _cpu(_hostile(8_000)) / _cpu(_hostile(4_000))
    assert ratio <= 3.0, f"8,000 words cost {ratio:.1f}x 4,000 words"


def test_overlong_sentence_is_analysed_in_bounded_units_and_the_cut_is_recorded():
    text = "They met. " + _hostile(2_000)
    sentences, cut = split_sentences_with_cuts(text)
    assert 0 not in cut and cut == frozenset(range(1, len(sentences)))
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in sentences)
    rows = analyze_article(_article(text), ["sentence"])
    assert [r.label for r in rows] == [""] + [CUT] * (len(rows) - 1)


def test_kwic_cost_is_linear_in_the_hits_of_one_article() -> None:
    """Each KWIC hit reads the label and quote spans around it, not all the article's spans (was hits x spans)."""
    from framing.engines.memory import analyze
    from framing.kwic import kwic_terms
    from framing.model import Corpus

    def cpu(words: int) -> tuple[float, int]:
        analysis = analyze(Corpus(articles=[_article(_hostile(words))]), engine="serial")
        gc.collect()
        t0 = time.process_time()
        rows = kwic_terms(analysis, ["partnership"])["partnership"]
        return time.process_time() - t0, len(rows)

    cpu(400)  # warm up
    (small, n_small), (large, n_large) = cpu(8_000), cpu(32_000)
    assert n_large == 4 * n_small == 8_000
    assert large / small < 8, f"4x the hits cost {large / small:.1f}x the CPU (quadratic would be about 16x)"
