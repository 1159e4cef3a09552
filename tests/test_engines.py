"""Parallel, distributed and streamed runs give the same span table as a serial run."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from framing.model import Corpus
from framing.pipeline import analyze
from framing.streaming import analyze_to_file


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["article_id", "start", "end", "feature", "label"], kind="mergesort").reset_index(drop=True)


def test_joblib_equals_serial(seed_corpus: Corpus, seed_analysis):
    parallel = analyze(seed_corpus, engine="joblib", n_jobs=2, chunk_size=2)
    pd.testing.assert_frame_equal(parallel.spans, seed_analysis.spans)
    pd.testing.assert_frame_equal(parallel.articles, seed_analysis.articles)


def test_result_does_not_depend_on_article_order(seed_corpus: Corpus, seed_analysis):
    shuffled = list(seed_corpus.articles)
    random.Random(7).shuffle(shuffled)
    other = analyze(Corpus(articles=shuffled), engine="serial")
    pd.testing.assert_frame_equal(_sorted(other.spans), _sorted(seed_analysis.spans))


def test_dask_local_cluster_equals_serial(seed_corpus: Corpus, seed_analysis):
    pytest.importorskip("distributed", reason="dask.distributed not installed (pip install 'framing[dask]')")
    on_dask = analyze(seed_corpus, engine="dask", chunk_size=2)
    pd.testing.assert_frame_equal(on_dask.spans, seed_analysis.spans)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_streamed_file_equals_in_memory_table(seeds_dir: Path, tmp_path: Path, seed_analysis, suffix: str):
    out = tmp_path / f"spans{suffix}"
    summary = analyze_to_file(seeds_dir, out, batch_size=2, engine="serial")
    assert summary.n_articles == 5 and summary.n_spans == len(seed_analysis.spans)
    read = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out, keep_default_na=False)
    expected = seed_analysis.spans
    assert list(read.columns) == list(expected.columns)
    pd.testing.assert_series_equal(read["start"].astype("int64"), expected["start"], check_names=False)
    assert (read["text"].astype(str) == expected["text"]).all()
