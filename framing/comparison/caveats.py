"""Caveats as data: flags a reader must see next to a figure, decided here, not in templates.

Flags added to the comparison table (:func:`add_caveats`):

* ``one_article`` -- the outlet's figure rests on one article;
* ``few_hits`` -- fewer than :data:`MIN_HITS` spans behind a count-based figure;
* ``not_english`` -- an English-only measure over an outlet with a non-English article;
* ``differs_from_rest`` -- ``higher`` / ``lower`` only where the outlet's 95% interval
  and the interval of all other outlets pooled do not overlap, else ``""`` (never for a
  figure resting on fewer than :data:`MIN_HITS` spans);
* ``caveats`` -- the plain-words warnings, joined by ``"; "``.

Example:
    >>> import pandas as pd
    >>> t = pd.DataFrame({"value": [2.0], "ci_low": [1.5], "ci_high": [2.5], "rest_ci_low": [0.5],
    ...     "rest_ci_high": [1.0], "n_articles": [1], "n_hits": [3], "kind": ["rate"],
    ...     "english_only": [True], "n_not_english": [0]})
    >>> row = add_caveats(t).iloc[0]
    >>> row["differs_from_rest"], row["caveats"]
    ('', 'rests on one article; fewer than 5 hits')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Fewer spans than this behind a count-based figure earns the ``few_hits`` flag.
MIN_HITS = 5

#: Measure kinds whose figure is built from counted spans (so ``few_hits`` applies).
COUNT_KINDS: frozenset[str] = frozenset({"rate", "share_words", "share_sentences", "share_of", "mean", "distinct"})


def few_hits_text(min_hits: int = MIN_HITS) -> str:
    """The caveat of a figure resting on fewer than ``min_hits`` spans (one wording everywhere).

    Example:
        >>> few_hits_text(5)
        'fewer than 5 hits'
    """
    return f"fewer than {min_hits} hits"


def differs(low: float, high: float, rest_low: float, rest_high: float) -> str:
    """``higher``/``lower`` if the two intervals do not overlap, else ``""`` (also when undefined).

    Example:
        >>> differs(1.0, 2.0, 2.5, 3.0), differs(1.0, 2.0, 1.5, 3.0), differs(float("nan"), 1.0, 0.0, 0.5)
        ('lower', '', '')
    """
    if any(np.isnan(v) for v in (low, high, rest_low, rest_high)):
        return ""
    if low > rest_high:
        return "higher"
    if high < rest_low:
        return "lower"
    return ""


def add_caveats(table: pd.DataFrame, *, min_hits: int = MIN_HITS) -> pd.DataFrame:
    """Return a copy of the comparison table with the caveat columns added.

    Args:
        table: Needs ``value, ci_low, ci_high, rest_ci_low, rest_ci_high,
            n_articles, n_hits, kind, english_only, n_not_english``.
        min_hits: Threshold of the ``few_hits`` flag.

    Returns:
        The table plus ``one_article, few_hits, not_english, differs_from_rest, caveats``.
    """
    out = table.copy()
    out["one_article"] = out["n_articles"].astype(int) == 1
    out["few_hits"] = out["kind"].isin(COUNT_KINDS) & (out["n_hits"].astype(int) < min_hits)
    out["not_english"] = out["english_only"].astype(bool) & (out["n_not_english"].astype(int) > 0)
    out["differs_from_rest"] = [
        differs(float(a), float(b), float(c), float(d))
        for a, b, c, d in zip(out["ci_low"], out["ci_high"], out["rest_ci_low"], out["rest_ci_high"], strict=True)
    ]
    # A figure resting on fewer than ``min_hits`` spans shows its count, not an interval: never a difference.
    out.loc[out["few_hits"], "differs_from_rest"] = ""
    texts = []
    for row in out.itertuples(index=False):
        parts = []
        if row.one_article:
            parts.append("rests on one article")
        if row.few_hits:
            parts.append(few_hits_text(min_hits))
        if row.not_english:
            parts.append("not English: English word lists do not apply")
        texts.append("; ".join(parts))
    out["caveats"] = texts
    return out
