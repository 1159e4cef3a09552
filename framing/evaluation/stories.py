"""Validate story grouping and sentence alignment on the check half of the NeuS AllSides stories.

Wraps :mod:`framing.selection.calibration`: the shipped thresholds
(:data:`framing.selection.stories.STORY_THRESHOLD`,
:data:`framing.selection.stories.STORY_THRESHOLD_DATED`,
:data:`framing.selection.align.ALIGN_THRESHOLD`) were tuned on the other
half; here they are only scored. Rows:

* nearest article of another outlet in the same story, and the adjusted Rand
  index of the grouping, without dates and with each article dated by its
  story's date plus or minus a day (NeuS dates stories, not articles); the
  note gives the same figures when the three AllSides sides play three outlets;
* the alignment threshold: the share of sentences whose best match in an
  unrelated story's coverage (same topic) reaches it, which calibration held
  at 5% on the tuning half, with the share that align in their own story.

Example:
    >>> rows = validate(Path("/nonexistent"))
    >>> rows[0].note.endswith("not found")
    True
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from framing.evaluation import ValidationRow

DATASET = "neus allsides stories (check half)"
ANCHOR = "no published figure for this task on NeuS (in-house calibration, Lee et al. 2022 data)"
#: Targets of issue 15 (held-out same-event data: 100 events, three US outlets each).
NEAREST_TARGET = ">= 0.90"
ARI_TARGET = ">= 0.80"


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Story-grouping and alignment rows on the check half of NeuS."""
    from framing.selection.align import ALIGN_THRESHOLD
    from framing.selection.calibration import (
        NULL_QUANTILE,
        STORIES_FILE,
        alignment_similarities,
        half,
        load_gold,
        story_scores,
    )

    path = Path(gold_dir) / STORIES_FILE
    if not path.is_file():
        return [ValidationRow("story grouping", DATASET, "nearest same story", math.nan, note=f"{path} not found")]
    check = [a for a in load_gold(gold_dir) if half(a.story) == "check"]
    rows: list[ValidationRow] = []
    for dated in (False, True):
        how = "dated +/-1 day" if dated else "no dates"
        nn, ari = story_scores(check, dated=dated)
        nn3, ari3 = story_scores(check, dated=dated, sides=True)
        rows.append(ValidationRow(
            f"story grouping ({how})", DATASET, "nearest other-outlet article in same story", nn, anchor=ANCHOR,
            target=NEAREST_TARGET, n=len(check),
            note=f"three sides as three outlets: {nn3:.3f}"))
        rows.append(ValidationRow(
            f"story grouping ({how})", DATASET, "adjusted Rand index", ari, anchor=ANCHOR, target=ARI_TARGET,
            n=len(check), note=f"three sides as three outlets: {ari3:.3f}"))
    own, null = alignment_similarities(check)
    rows.append(ValidationRow(
        "sentence alignment", DATASET, f"share aligned with an unrelated story (threshold {ALIGN_THRESHOLD:g})",
        float(np.mean(null >= ALIGN_THRESHOLD)), anchor=ANCHOR,
        target=f"~{1 - NULL_QUANTILE:.2f} (tuned to that on the tuning half)", n=int(len(null)),
        note=f"aligned with their own story's other outlets: {float(np.mean(own >= ALIGN_THRESHOLD)):.3f}"))
    return rows
