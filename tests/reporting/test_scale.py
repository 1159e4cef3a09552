"""The report at scale: many outlets and articles give a bounded, readable, self-consistent HTML file.

The large case reads the real AllSides sample (20 outlets) beside the repository
(``../shared/gold/article_bias_prediction/sample_6000``) through the benchmark's
loader, and is skipped when that folder is absent.
"""

from __future__ import annotations

import html as htmllib
import importlib.util
import re
from pathlib import Path

import pytest

from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.model import Corpus
from framing.reporting import build_report
from framing.reporting.sections.evidence import sample_articles
from framing.reporting.sections.kwic import KWIC_MAX_ROWS, _spread
from framing.reporting.sections.overview import AUDIT_MAX_LINES
from framing.reporting.sections.selection import MAX_PAIRS, MAX_STORIES
from framing.reporting.sections.table import WIDE_OUTLETS

ROOT = Path(__file__).resolve().parents[2]
#: Articles analysed by the large test: the first 2,000 of the AllSides sample already hold all its 20 outlets
#: (the whole 6,000 took 7 of the suite's 17 minutes; it is measured by hand with ``make bench``).
N_ARTICLES = 2000
MAX_BYTES = 10_000_000


def _bench_module():
    spec = importlib.util.spec_from_file_location("framing_bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_keeps_articles_with_most_labels_per_outlet():
    rows = [("a1", "x", 0, 90), ("a2", "x", 5, 10), ("a3", "x", 2, 10), ("b1", "y", 1, 1), ("b2", "y", 1, 50)]
    assert sample_articles(rows, per_outlet=2) == ["a2", "a3", "b1", "b2"]
    assert sample_articles(rows, per_outlet=1) == ["a2", "b2"]  # label tie broken by the number of spans


def test_sample_tie_break_is_seeded_and_independent_of_order():
    rows = [(f"id{i}", "x", 1, 1) for i in range(50)]
    first = sample_articles(rows, per_outlet=5, seed=1)
    assert sorted(sample_articles(list(reversed(rows)), per_outlet=5, seed=1)) == sorted(first)
    assert sample_articles(rows, per_outlet=5, seed=2) != first


def test_kwic_spread_takes_rows_in_turn_from_each_outlet():
    hits = [(k, "big", k) for k in range(100)] + [(200, "small", 7)]
    kept = _spread(hits, 10)
    assert len(kept) == 10 and (200, 7) in kept


@pytest.fixture(scope="module")
def large_report(tmp_path_factory) -> tuple[Path, Corpus]:
    bench = _bench_module()
    if not bench.DATA.is_dir():
        pytest.skip(f"AllSides sample not found at {bench.DATA} (expected ../shared/gold beside the repo)")
    rows = bench.write_corpus(N_ARTICLES, tmp_path_factory.mktemp("large-corpus"))
    corpus = load_corpus(rows, clean="on")  # full page cleaning: these texts hold page furniture
    analysis = analyze(corpus)
    out = tmp_path_factory.mktemp("large-report")
    build_report(analysis, out_dir=out, formats=("html",))
    return out / "report.html", corpus


@pytest.mark.slow
def test_large_report_is_bounded_and_names_every_outlet(large_report):
    path, corpus = large_report
    assert path.stat().st_size < MAX_BYTES
    html = path.read_text(encoding="utf-8")
    outlets = {a.outlet_name for a in corpus.articles}
    assert len(outlets) > WIDE_OUTLETS
    missing = [o for o in outlets if htmllib.escape(o, quote=False) not in html]
    assert not missing
    assert "script-src 'none'" in html and "<script" not in html


@pytest.mark.slow
def test_large_report_shows_pairs_of_the_widest_stories_and_counts_the_rest(large_report):
    path, _ = large_report
    html = path.read_text(encoding="utf-8")
    pairs = html.split('<table class="aligned-pairs">')[1].split("</table>")[0]
    assert 0 < pairs.count("<tr><td>") <= MAX_STORIES * MAX_PAIRS
    more = re.search(r"Pairs of the (\d+) stories covered by most outlets; ([\d,]+) more stories", html)
    assert more is not None and int(more.group(1)) <= MAX_STORIES and int(more.group(2).replace(",", "")) > 0


@pytest.mark.slow
def test_large_report_samples_evidence_and_lists_every_other_article(large_report):
    path, corpus = large_report
    html = path.read_text(encoding="utf-8")
    evidence = html.split('<section id="evidence">')[1].split('<section id="kwic">')[0]
    n_outlets = len({a.outlet_id for a in corpus.articles})
    full = evidence.count('class="evidence-article"')
    assert n_outlets <= full <= 10 * n_outlets
    listed = len(re.findall(r'<tr id="article-\d+"', evidence))
    assert full + listed == len(corpus.articles)
    assert evidence.count('class="evidence-outlet"') == n_outlets


@pytest.mark.slow
def test_large_report_comparison_has_one_row_per_outlet_and_rankings(large_report):
    path, corpus = large_report
    html = path.read_text(encoding="utf-8")
    comparison = html.split('<section id="comparison">')[1].split('<section id="charts">')[0]
    n_outlets = len({a.outlet_id for a in corpus.articles})
    tables = comparison.split('<table class="compare-wide">')[1:]
    assert tables
    for table in tables:
        body = table.split("</table>")[0]
        assert body.count('<th scope="row">') == n_outlets
    ranked = comparison.split('<table class="rankings">')[1].split("</table>")[0]
    assert all(ol.count("<li") == n_outlets for ol in ranked.split('<ol class="ranked">')[1:])


@pytest.mark.slow
def test_large_report_caps_kwic_and_audit_and_links_resolve(large_report):
    path, _ = large_report
    html = path.read_text(encoding="utf-8")
    kwic = html.split('<section id="kwic">')[1].split('<section id="methodology">')[0]
    for table in kwic.split('<table class="kwic">')[1:]:
        assert table.split("</table>")[0].count("<tr>") <= KWIC_MAX_ROWS + 1  # + header row
    for table in html.split('<table class="removed">')[1:]:
        assert table.split("</table>")[0].count("<tr>") <= AUDIT_MAX_LINES + 1
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    assert targets and not targets - ids
