"""Validate readability measures on OneStopEnglish (Vajjala & Lucic 2018).

Each of 189 Guardian texts exists at three levels written by teachers
(elementary < intermediate < advanced). A grade-like measure is valid here if
it orders the three versions of a story correctly. Rows: share of texts whose
three versions are all in order, and Kendall tau-b between the measure and
the level over all 567 files, for the Flesch-Kincaid grade and each other
measure (Flesch reading ease is reversed: higher = easier).

Example:
    >>> ordered_share(pd.DataFrame({"text_id": ["a"] * 3, "level_rank": [0, 1, 2], "v": [1.0, 2.0, 3.0]}), "v")
    (1.0, 1)
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from framing.evaluation import ValidationRow

OSE_DIR = "onestopenglish"
#: measure -> direction (+1: higher = harder).
DIRECTIONS: dict[str, int] = {
    "fk_grade": 1,
    "flesch_reading_ease": -1,
    "gunning_fog": 1,
    "smog_index": 1,
    "dale_chall": 1,
    "sentence_length_mean_words": 1,
    "mtld": 1,
}
ANCHOR = "none published for this metric (Vajjala & Lucic 2018 report classification accuracy, not ordering)"


def read_onestopenglish(gold_dir: Path) -> pd.DataFrame:
    """Manifest rows with the text of each file (``text_id``, ``level_rank``, ``text``)."""
    base = gold_dir / OSE_DIR
    man = pd.read_csv(base / "manifest.csv")
    man["text"] = [(base / f).read_text(encoding="utf-8-sig") for f in man["file"]]
    return man


def ordered_share(df: pd.DataFrame, col: str, *, direction: int = 1) -> tuple[float, int]:
    """(share of texts whose levels are strictly ordered by ``col``, number of texts with all three)."""
    ok = 0
    n = 0
    for _, g in df.groupby("text_id"):
        g = g.sort_values("level_rank")
        vals = [direction * float(v) for v in g[col]]
        if len(vals) != 3 or any(math.isnan(v) for v in vals):
            continue
        n += 1
        ok += int(vals[0] < vals[1] < vals[2])
    return (ok / n if n else math.nan), n


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Ordering share and Kendall tau per measure on OneStopEnglish."""
    from scipy.stats import kendalltau

    from framing.features.readability import readability

    if not (gold_dir / OSE_DIR / "manifest.csv").is_file():
        return [ValidationRow("readability", OSE_DIR, "ordered share", math.nan,
                              note=f"{gold_dir / OSE_DIR} not found")]
    man = read_onestopenglish(gold_dir)
    measures = pd.DataFrame([readability(t) for t in man["text"]])
    df = pd.concat([man[["text_id", "level_rank"]].reset_index(drop=True), measures], axis=1)
    rows: list[ValidationRow] = []
    for col, sign in DIRECTIONS.items():
        share, n = ordered_share(df, col, direction=sign)
        valid = df[col].notna()
        tau = float(kendalltau(sign * df.loc[valid, col], df.loc[valid, "level_rank"]).statistic)
        rows.append(ValidationRow(f"readability ({col})", "onestopenglish 189 texts x 3 levels",
                                  "share of texts with all 3 levels in order", share, anchor=ANCHOR, n=n,
                                  note=f"Kendall tau-b with level over {int(valid.sum())} files: {tau:.3f}"))
        if col == "fk_grade":
            rows.append(ValidationRow("readability (fk_grade)", "onestopenglish 567 files", "Kendall tau-b vs level",
                                      tau, anchor=ANCHOR, n=int(valid.sum())))
    return rows
