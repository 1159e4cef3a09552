"""Section 7, the validity card: how well each measure agrees with human annotation.

The figures are those written by ``framing validate --json``; without that
file the card says how to make it.

Example:
    >>> validity_card(None)["ran"]
    False
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from framing.evaluation.run import read_json


def validity_card(validity: Path | None) -> dict[str, Any]:
    """The card's rows from a ``framing validate --json`` file (or why there are none)."""
    how = ("framing validate --json reports/validity.json   (or: make validity), then "
           "framing report --validity reports/validity.json")
    if validity is None:
        return {"ran": False, "rows": [], "how": how, "problem": ""}
    try:
        rows = read_json(validity)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        return {"ran": False, "rows": [], "how": how, "problem": f"{validity.name}: could not be read ({exc})"}
    return {
        "ran": True, "how": how, "problem": "", "file": validity.name,
        "rows": [{"measure": r.measure, "dataset": r.dataset, "metric": r.metric,
                  "value": "not run" if math.isnan(r.value) else f"{r.value:.3f}", "target": r.target,
                  "anchor": r.anchor, "n": f"{r.n:,}" if r.n else "", "note": r.note} for r in rows],
    }
