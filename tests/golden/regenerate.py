"""Regenerate ``seed_spans.csv``, the golden span table of the five seeds. Run only on purpose.

Run it only after a deliberate change to an extractor or lexicon, then
review the diff of ``seed_spans.csv`` by hand (``git diff tests/golden``):
every added or removed row must be a change you meant. Never regenerate just
to make ``tests/test_golden.py`` pass.

Usage::

    .venv/bin/python tests/golden/regenerate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "seed_spans.csv"

#: Span features frozen in the golden file (sentence, sentiment, actor and frame are left out to keep it reviewable).
FEATURES: tuple[str, ...] = ("quote", "paraphrase", "relationship_label", "hedge", "booster")
#: Columns of the golden file.
COLUMNS: tuple[str, ...] = (
    "article_id", "feature", "start", "end", "text", "label", "category", "polarity", "target", "voice", "speaker",
)


def golden_view(spans: pd.DataFrame) -> pd.DataFrame:
    """The golden rows and columns of a span table, as strings, in a stable order."""
    table = spans.loc[spans["feature"].isin(FEATURES), list(COLUMNS)]
    table = table.sort_values(["article_id", "start", "end", "feature", "label"]).reset_index(drop=True)
    return table.astype(str)


def current_spans() -> pd.DataFrame:
    """The golden view of today's extraction of the seeds."""
    from framing import analyze
    from framing.corpus.loading import load_corpus

    spans = analyze(load_corpus(SEEDS), families=["quote", "relationship_label", "hedging"], engine="serial").spans
    return golden_view(spans)


def read_golden(path: Path = GOLDEN) -> pd.DataFrame:
    """The frozen golden file, every cell a string (empty cells stay ``""``)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def main() -> int:
    """Write the golden file and say how many rows it has."""
    table = current_spans()
    table.to_csv(GOLDEN, index=False)
    print(f"wrote {len(table)} rows to {GOLDEN.relative_to(ROOT)}; now review `git diff tests/golden` by hand")
    return 0


if __name__ == "__main__":
    sys.exit(main())
