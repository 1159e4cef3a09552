"""Intervals that mean their label: inside the measure's range, and none where hits are few.

* A proportion (``share_of``: spans of a base, ``share_sentences``: sentences
  with a hit) gets the Wilson score interval of its counts (Wilson 1927;
  Brown, Cai & DasGupta 2001): it never leaves 0-100 %, and it is not
  degenerate at 0 or at 100 % as a bootstrap of few items is.
* Every other interval (bootstrap percentiles, :mod:`framing.comparison.bootstrap`)
  is clipped to the range of its kind (:func:`bounds`): rates and counts are
  never negative, shares never exceed 100 %, mean scores stay in -1...1.
* A figure resting on fewer than ``min_hits`` spans gets no interval at all:
  the reader sees the count ("2 in 1,016 words", :func:`count_text`), and the
  figure is never called a difference (:mod:`framing.comparison.caveats`).

Example:
    >>> lo, hi = wilson(np.array([0.0, 2.0]), np.array([10.0, 2.0]))
    >>> [round(float(x), 3) for x in lo], [round(float(x), 3) for x in hi]
    ([0.0, 0.342], [0.278, 1.0])
    >>> bounds("share_of"), bounds("mean")
    ((0.0, 100.0), (-1.0, 1.0))
    >>> count_text("rate", 2, 1016.0, "per 1,000 words")
    '2 in 1,016 words'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np

#: Kinds whose interval is the Wilson interval of their counts.
WILSON_KINDS: frozenset[str] = frozenset({"share_of", "share_sentences"})

_BOUNDS: dict[str, tuple[float, float]] = {
    "rate": (0.0, math.inf),
    "share_words": (0.0, 100.0),
    "share_sentences": (0.0, 100.0),
    "share_of": (0.0, 100.0),
    "mean": (-1.0, 1.0),
    "distinct": (0.0, math.inf),
}


def bounds(kind: str) -> tuple[float, float]:
    """The range a figure of this kind can take (in its unit).

    Example:
        >>> bounds("rate")
        (0.0, inf)
    """
    return _BOUNDS.get(kind, (-math.inf, math.inf))


def clip(values: np.ndarray, kinds: Sequence[str]) -> np.ndarray:
    """Each value clipped to :func:`bounds` of its kind (NaN stays NaN).

    Example:
        >>> clip(np.array([-0.5, 150.0, np.nan]), ["rate", "share_words", "mean"]).tolist()
        [0.0, 100.0, nan]
    """
    low = np.array([bounds(k)[0] for k in kinds], dtype=float)
    high = np.array([bounds(k)[1] for k in kinds], dtype=float)
    return np.clip(np.asarray(values, dtype=float), low, high)


def wilson(k: np.ndarray, n: np.ndarray, *, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of ``k`` successes in ``n`` trials, as proportions (NaN where ``n`` is 0).

    Example:
        >>> lo, hi = wilson(np.array([5.0]), np.array([10.0]))
        >>> round(float(lo[0]), 3), round(float(hi[0]), 3)
        (0.237, 0.763)
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.clip(k / n, 0.0, 1.0)
        denom = 1.0 + z * z / n
        centre = (p + z * z / (2.0 * n)) / denom
        half = z * np.sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denom
    lo = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    hi = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return lo, hi


def count_text(kind: str, n_hits: int, n_base: float, unit: str) -> str:
    """The count a reader sees instead of an interval when hits are few.

    Example:
        >>> count_text("share_of", 1, 3.0, "% of quotes and paraphrases")
        '1 of 3 quotes and paraphrases'
        >>> count_text("mean", 2, 2.0, "score (-1 to 1)")
        '2 scored spans'
    """
    base = f"{n_base:,.0f}" if n_base == n_base else "?"
    if kind == "rate":
        return f"{n_hits:,} in {base} words"
    if kind == "share_words":
        return f"{n_hits:,} spans in {base} words"
    if kind == "share_sentences":
        return f"{n_hits:,} of {base} sentences"
    if kind == "share_of":
        noun = unit.split("% of ", 1)[1] if "% of " in unit else "spans"
        return f"{n_hits:,} of {base} {noun}"
    if kind == "mean":
        return f"{n_hits:,} scored span" + ("" if n_hits == 1 else "s")
    return f"{n_hits:,} spans"
