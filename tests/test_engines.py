"""The engines: parallel, distributed and streamed runs give the same span table as a serial run."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from framing.engines.memory import analyze
from framing.engines.streaming import analyze_to_file
from framing.errors import FramingError
from framing.model import Corpus
from framing.story import Story, default_story, load_story, packaged_stories


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


def test_every_engine_runs_the_same_families_with_sentence_first():
    from framing.engines.run import resolve_families
    from framing.features import FAMILIES

    assert resolve_families(None) == list(FAMILIES)
    assert resolve_families(["frame", "hedging"]) == ["sentence", "frame", "hedging"]
    assert resolve_families(["hedging", "sentence"]) == ["hedging", "sentence"]


def test_unknown_family_or_engine_is_refused_before_anything_runs(seed_corpus: Corpus, tmp_path: Path):
    with pytest.raises(FramingError, match="family"):
        analyze(seed_corpus, families=["sentence", "nope"])
    with pytest.raises(FramingError, match="engine"):
        analyze(seed_corpus, engine="threads")
    out = tmp_path / "spans.csv"
    with pytest.raises(FramingError, match="family"):
        analyze_to_file(None, out, families=["nope"])
    assert list(tmp_path.iterdir()) == []  # no partial file


def test_a_failing_article_is_a_problem_and_the_others_go_on(seed_corpus: Corpus, monkeypatch):
    import framing.engines.task as task

    real = task.analyze_article
    bad = seed_corpus.articles[1].id

    def flaky(article, families=None, *, story=None):
        if article.id == bad:
            raise ValueError("boom")
        return real(article, families, story=story)

    monkeypatch.setattr(task, "analyze_article", flaky)
    result = task.analyze_chunk(seed_corpus.articles[:3], ["sentence"])
    assert [r["article_id"] for r in result.articles] == [seed_corpus.articles[0].id, seed_corpus.articles[2].id]
    assert len(result.problems) == 1 and "analysis failed (ValueError: boom)" in result.problems[0].reason
    assert set(result.spans["article_id"]) == {seed_corpus.articles[0].id, seed_corpus.articles[2].id}
    assert result.n_done == 3


def test_the_story_used_is_kept_and_defaults_to_the_sample_story(seed_analysis):
    assert seed_analysis.story == default_story()


def _other_story() -> Story:
    path = packaged_stories().get("india_us")
    if path is None:
        pytest.skip("no second packaged story (framing/stories/india_us.toml) yet")
    return load_story(path)


def test_a_story_reaches_every_extractor_whatever_the_engine(seed_corpus: Corpus, seed_analysis, tmp_path: Path):
    story = _other_story()
    serial = analyze(seed_corpus, story=story, engine="serial")
    assert serial.story is story
    labels = serial.spans[serial.spans["feature"] == "relationship_label"]
    assert not (labels["target"] == default_story().dyad).any()  # labels are about the other story's pair
    assert not serial.spans.equals(seed_analysis.spans)
    parallel = analyze(seed_corpus, story=story, engine="joblib", n_jobs=2, chunk_size=2)
    pd.testing.assert_frame_equal(parallel.spans, serial.spans)
    out = tmp_path / "spans.parquet"
    analyze_to_file(None, out, story=story, engine="serial")
    assert len(pd.read_parquet(out)) == len(serial.spans)


def test_span_table_holds_each_text_once(seed_analysis):
    """Memory at scale: a sentence's text is also its sentiment span's; the table keeps one string object
    for both (values unchanged), and an article whose cleaning removed nothing holds its text once."""
    spans = seed_analysis.spans
    sentences = spans[spans["feature"] == "sentence"].set_index(["article_id", "start", "end"])["text"]
    sentiment = spans[spans["feature"] == "sentiment"].set_index(["article_id", "start", "end"])["text"]
    both = sentences.index.intersection(sentiment.index)
    assert len(both) > 100
    assert all(sentences[k] is sentiment[k] for k in both)
    assert len({id(t) for t in spans["text"]}) == spans["text"].nunique()

    from framing.corpus.loading import make_article

    kept = make_article(id="a", outlet_id="o", outlet_name="O", raw_text="Xi meets Putin in Moscow.", source="x")
    assert kept.text is kept.raw_text
