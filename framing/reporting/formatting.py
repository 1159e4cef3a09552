"""How the report writes numbers, and its packaged CSS: decided here, never in templates.

Example:
    >>> fmt_value(13.694, "rate"), fmt_interval(8.58, 20.49, "rate"), fmt_value(float("nan"), "mean")
    ('13.7', '8.6–20.5', 'n/a')
"""

from __future__ import annotations

import math
from importlib import resources

_KIND_DECIMALS: dict[str, int] = {"rate": 1, "share_words": 1, "share_sentences": 1, "share_of": 1, "mean": 2,
                                  "distinct": 0, "article_mean": 1}


def fmt_value(v: float, kind: str) -> str:
    """Format a figure for display (``n/a`` for NaN; signed for means)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    d = _KIND_DECIMALS.get(kind, 1)
    if kind == "mean":
        return f"{v:+.{d}f}".replace("-", "−")
    return f"{v:,.{d}f}"


def fmt_interval(lo: float, hi: float, kind: str) -> str:
    """Format an interval as ``lo–hi`` (empty when undefined)."""
    if any(x is None or (isinstance(x, float) and math.isnan(x)) for x in (lo, hi)):
        return ""
    return f"{fmt_value(lo, kind)}–{fmt_value(hi, kind)}"


def static(name: str) -> str:
    """A packaged file of ``framing/reporting/static`` (CSS), as text."""
    return resources.files("framing.reporting").joinpath("static", name).read_text(encoding="utf-8")

