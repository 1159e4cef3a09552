"""``framing validate``: every measure scored against public gold data.

Each validator module exposes ``validate(gold_dir: Path) -> list[ValidationRow]``
and is listed in :data:`VALIDATORS`. A validator whose dataset is absent
returns a row with ``value`` NaN and a note saying what is missing; gold data
is read from ``../shared/gold`` (or ``FRAMING_GOLD``) and never copied into
the package.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

#: validator modules under ``framing.evaluation``, run in this order.
VALIDATORS: tuple[str, ...] = (
    "cleaning", "quotes", "paraphrase", "labels", "adversarial", "hedging", "sentiment", "tone", "readability",
    "stories",
)


@dataclass(frozen=True)
class ValidationRow:
    """One line of the validity table.

    Attributes:
        measure: What is measured (``direct quotes``).
        dataset: Gold data and split (``polnear dev``).
        metric: Metric name (``F1 (>=50% overlap)``).
        value: Our figure (NaN when it could not be computed).
        anchor: The best published figure for the task, as text with its source.
        target: The project's goal for this figure, if any (``>= 0.85``).
        n: Number of items scored.
        note: Plain-words caveat.
    """

    measure: str
    dataset: str
    metric: str
    value: float
    anchor: str = ""
    target: str = ""
    n: int = 0
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        """JSON-ready dict (NaN becomes None)."""
        d = asdict(self)
        if isinstance(self.value, float) and math.isnan(self.value):
            d["value"] = None
        return d


def default_gold_dir() -> Path:
    """``$FRAMING_GOLD`` if set, else ``../shared/gold`` from the working directory or the repo."""
    env = os.environ.get("FRAMING_GOLD")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        cand = base.parent / "shared" / "gold"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "gold"
