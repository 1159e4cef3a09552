"""Freed memory is handed back between stages (framing.heap), and corpus-sized caches are not kept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from framing import heap
from framing.comparison import keyness
from framing.corpus.loading import load_corpus
from framing.features import readability

_HOLES = r"""
from framing.heap import release_freed

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024

blocks = []
for i in range(4000):  # 16 KB blocks (C heap, not mmap) with small live blocks between them
    blocks.append(bytes([i % 251]) * 16384)
    blocks.append(bytes([i % 241]) * 600)
del blocks[::2]  # 64 MB freed in holes that free() alone does not give back
before = rss_mb()
release_freed()
print(before - rss_mb())
"""


@pytest.mark.skipif(heap._malloc_trim() is None, reason="no glibc malloc_trim on this platform")
def test_release_freed_gives_back_holes_between_live_blocks() -> None:
    out = subprocess.run([sys.executable, "-c", _HOLES], capture_output=True, text=True, check=True).stdout
    assert int(out) >= 32, f"only {out.strip()} MB of 64 MB freed in holes went back to the system"


def test_release_freed_is_a_no_op_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.release_freed() is None


def test_readability_table_does_not_keep_the_corpus_words() -> None:
    table = readability.readability_table(load_corpus().articles)
    assert len(table) == 5 and table["fk_grade"].notna().all()
    assert readability._word_syllables.cache_info().currsize == 0
    assert readability._lower_syllables.cache_info().currsize == 0
    assert readability._word_counts.cache_info().currsize == 0


def test_keyness_counts_do_not_keep_the_corpus_word_forms() -> None:
    counts = keyness.outlet_term_counts(load_corpus())
    assert counts["scmp"]["russia"] > 10
    assert keyness._term.cache_info().currsize == 0


def test_articles_are_analysed_with_fewer_young_collections_and_the_thresholds_come_back(monkeypatch):
    """Analysis allocates short-lived objects by the hundred thousand: young collections are spaced out
    while a chunk is analysed (the same spans; about 3% of the CPU), and the caller's thresholds return."""
    import gc

    from framing.engines import task
    from framing.model import Article

    seen: list[int] = []

    def recording(article, families, *, story=None):
        seen.append(gc.get_threshold()[0])
        return []

    monkeypatch.setattr(task, "analyze_article", recording)
    before = gc.get_threshold()
    a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")
    task.analyze_chunk([a, a], ["sentence"])
    assert len(seen) == 2 and min(seen) >= heap.ANALYSIS_GC_THRESHOLD
    assert gc.get_threshold() == before
