"""Validate the cleaner: 4-word-shingle P/R/F1 of cleaned seed text against the hand-marked body.

Gold: ``seeds/body.jsonl`` (one record per seed file: body line range and the
non-body lines inside it). The gold body is the range's lines minus those
lines; the seed texts are read from the manifest folder the records name
(``seeds/`` beside the package) and the manifest gives each title.

Example:
    >>> rows = validate(Path("/nonexistent"))
    >>> rows[0].metric, math.isnan(rows[0].value)
    ('shingle F1 (4-word, mean over seeds)', True)
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.corpus.cleaning import clean_text
from framing.corpus.loading import default_corpus_path
from framing.evaluation import ValidationRow
from framing.evaluation.scoring import shingle_prf

ANCHOR = "naive long-line filter 0.83; trafilatura ~0.95 on unseen pages (issue target)"
TARGET = ">= 0.90"
MEASURE = "boilerplate removal"
DATASET = "seeds body.jsonl (5 in-house pages)"


@dataclass(frozen=True)
class SeedScore:
    """Shingle scores of one seed file."""

    file: str
    precision: float
    recall: float
    f1: float


def gold_body(raw: str, record: Mapping[str, Any]) -> str:
    """The gold body of a seed: lines in ``body_line_range`` minus ``non_body_lines_inside_range``.

    Example:
        >>> gold_body("a\\nb\\nc\\nd", {"body_line_range": [2, 4], "non_body_lines_inside_range": [3]})
        'b\\n\\nd'
    """
    first, last = (int(x) for x in record["body_line_range"])
    skip = {int(x) for x in record.get("non_body_lines_inside_range") or []}
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = [ln.strip() for no, ln in enumerate(lines, start=1) if first <= no <= last and no not in skip]
    return "\n\n".join(ln for ln in kept if ln)


def seed_scores(gold_dir: Path, *, seeds_dir: Path | None = None) -> list[SeedScore]:
    """Shingle P/R/F1 of the cleaner on every seed listed in ``gold_dir/seeds/body.jsonl``."""
    seeds = seeds_dir or default_corpus_path()
    titles: dict[str, str] = {}
    manifest = seeds / "manifest.csv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as fh:
            titles = {row["file"]: row.get("title") or "" for row in csv.DictReader(fh)}
    out: list[SeedScore] = []
    with (gold_dir / "seeds" / "body.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            path = seeds / record["file"]
            if not path.is_file():
                continue
            raw = path.read_text(encoding="utf-8")
            cleaned = clean_text(raw, title=titles.get(record["file"], "")).text
            p, r, f = shingle_prf(cleaned, gold_body(raw, record))
            out.append(SeedScore(record["file"], p, r, f))
    return out


def _mean(values: list[float]) -> float:
    vals = [v for v in values if not math.isnan(v)]
    return sum(vals) / len(vals) if vals else math.nan


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Rows for the seeds' mean shingle F1, precision and recall (NaN with a note when gold is absent)."""
    metrics = ("F1", "precision", "recall")
    body = gold_dir / "seeds" / "body.jsonl"
    if not body.is_file():
        return [
            ValidationRow(MEASURE, DATASET, f"shingle {m} (4-word, mean over seeds)", math.nan,
                          anchor=ANCHOR, target=TARGET if m == "F1" else "", note=f"gold file not found: {body}")
            for m in metrics
        ]
    scores = seed_scores(gold_dir)
    per_seed = ", ".join(f"{s.file[:3]} {s.f1:.3f}" for s in scores)
    values = {
        "F1": _mean([s.f1 for s in scores]),
        "precision": _mean([s.precision for s in scores]),
        "recall": _mean([s.recall for s in scores]),
    }
    note = f"per-seed F1: {per_seed}" if scores else "no seed text found"
    return [
        ValidationRow(MEASURE, DATASET, f"shingle {m} (4-word, mean over seeds)", values[m],
                      anchor=ANCHOR, target=TARGET if m == "F1" else "", n=len(scores), note=note)
        for m in metrics
    ]
