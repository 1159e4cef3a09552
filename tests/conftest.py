"""Shared fixtures: the seed corpus, the gold folder, hostile-input helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus.loading import load_corpus
from framing.evaluation import default_gold_dir
from framing.model import Corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_analysis(seed_corpus: Corpus):
    from framing.engines.memory import analyze

    return analyze(seed_corpus)


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    gold = default_gold_dir()
    if not gold.is_dir():
        pytest.skip(f"gold data not found at {gold} (expected ../shared/gold beside the repo)")
    return gold


@pytest.fixture(scope="session")
def allsides_texts(gold_dir: Path):
    """The first ``n`` article texts of the AllSides sample (``allsides_texts(300)``); skips where it is absent."""
    import gzip
    import json

    path = gold_dir / "article_bias_prediction" / "sample_6000" / "part-00.jsonl.gz"

    def first(n: int) -> list[str]:
        if not path.is_file():
            pytest.skip(f"{path} not found")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return [json.loads(line)["content_original"] for _, line in zip(range(n), handle, strict=False)]

    return first
