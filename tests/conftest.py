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
