"""Same story, or not: group the articles of a corpus that cover the same event.

Each article (its title, counted twice, and its first :data:`LEAD_WORDS`
words) becomes a TF-IDF vector over words and character n-grams
(:func:`framing.selection.vectors.vectorize`). Every article is linked to its
nearest other article when their similarity reaches :data:`STORY_THRESHOLD`;
the connected components of these links are the stories. Where both articles
carry a publication date to the day, only articles published within
:data:`DATE_WINDOW_DAYS` days of each other can be neighbours (follow-up
stories on the same topic are otherwise hard to tell apart). Neighbours are
found in blocks of rows (:func:`framing.selection.vectors.nearest`), never
with a dense all-against-all matrix.

The threshold and the rule were calibrated on the AllSides stories of NeuS
(:mod:`framing.selection.calibration`); the figures are in
:data:`STORY_METHOD`.

Example:
    >>> rows = group_articles(
    ...     ["a", "b", "c"], ["x", "y", "z"],
    ...     ["Storm hits coast. A storm hit the coast on Monday, cutting power.",
    ...      "Coast storm cuts power. The storm cut power along the coast on Monday.",
    ...      "Budget passes. Parliament passed the budget after a long debate."])
    >>> rows["story_id"].tolist()
    ['story-1', 'story-1', 'story-2']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from framing.selection.vectors import nearest, vectorize

#: Columns of the story table (``framing stories --out``).
STORY_COLUMNS: tuple[str, ...] = ("article_id", "outlet_id", "story_id", "nearest_article_id", "similarity")

#: An article is linked to its nearest other article when their similarity reaches this (calibrated) ...
STORY_THRESHOLD = 0.25
#: ... or this, when both are dated to the day and published within :data:`DATE_WINDOW_DAYS` days.
STORY_THRESHOLD_DATED = 0.1
#: Articles dated to the day more than this many days apart are never neighbours.
DATE_WINDOW_DAYS = 3
#: Words of the article text (after the title) that represent it.
LEAD_WORDS = 300
#: Candidates examined per article when dates rule some out.
CANDIDATES = 20

#: How stories were decided, with the calibration figures (shown in the report's methodology).
STORY_METHOD = (
    "Articles are grouped into stories by the similarity of their title (counted twice) and first "
    f"{LEAD_WORDS} words: TF-IDF over words and character n-grams, cosine similarity (the mean of the word "
    f"and the character cosine). Each article is linked to its most similar other article when the similarity "
    f"is at least {STORY_THRESHOLD:g} and, where both are dated to the day, they were published within "
    f"{DATE_WINDOW_DAYS} days; linked articles form one story. Calibrated on the AllSides stories of NeuS "
    "(Lee et al. 2022; 506 stories, the headline and lead of 2-3 outlets each), split by story into a tuning "
    "and a check half. On the check half, with each article dated by its story's date plus or minus a day, "
    "the nearest other article is in the same story for 93% of articles and the grouping recovers the stories "
    "with an adjusted Rand index of 0.87 (threshold 0.1); without dates, 82% and 0.69 (threshold 0.25; "
    "those stories include many follow-ups on the same topic weeks apart, which wording alone does not separate)."
)

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def day_number(published: str) -> int | None:
    """The day of an ISO date (``YYYY-MM-DD...``) as an ordinal; None when not dated to the day.

    Example:
        >>> day_number("2022-02-04T10:00") - day_number("2022-02-01"), day_number("2022-02")
        (3, None)
    """
    m = _DAY.match(published or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
    except ValueError:
        return None


def story_text(title: str, text: str, *, lead_words: int = LEAD_WORDS) -> str:
    """What represents an article when grouping: its title twice and the first ``lead_words`` words.

    Example:
        >>> story_text("Storm", "one two three", lead_words=2)
        'Storm. Storm. one two'
    """
    head = f"{title}. {title}. " if title.strip() else ""
    return head + " ".join(text.split()[:lead_words])


def group_articles(
    ids: Sequence[str],
    outlets: Sequence[str],
    texts: Sequence[str],
    *,
    days: Sequence[int | None] | None = None,
    threshold: float = STORY_THRESHOLD,
    threshold_dated: float = STORY_THRESHOLD_DATED,
    window: int = DATE_WINDOW_DAYS,
) -> pd.DataFrame:
    """Group articles into stories (see the module docstring).

    Args:
        ids: Article ids (unique).
        outlets: Outlet id of each article.
        texts: What represents each article (:func:`story_text`).
        days: Publication day of each article (:func:`day_number`; None: undated).
        threshold: Least similarity of a link.
        threshold_dated: Least similarity of a link between two articles dated within ``window`` days.
        window: Most days between two dated neighbours.

    Returns:
        :data:`STORY_COLUMNS`, one row per article in input order; stories are
        numbered ``story-1``, ``story-2``... by their first article;
        ``nearest_article_id`` is ``""`` and ``similarity`` NaN for an article
        with no neighbour.
    """
    n = len(ids)
    if n == 0:
        return pd.DataFrame({c: [] for c in STORY_COLUMNS})
    index, sims, dated = _neighbours(vectorize(list(texts)), days, window)
    linked = sims >= np.where(dated, threshold_dated, threshold)
    rows = np.flatnonzero(linked)
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, index[rows])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    names: dict[int, str] = {}
    for lab in labels:
        names.setdefault(int(lab), f"story-{len(names) + 1}")
    return pd.DataFrame({
        "article_id": [str(a) for a in ids],
        "outlet_id": [str(o) for o in outlets],
        "story_id": [names[int(lab)] for lab in labels],
        "nearest_article_id": [str(ids[j]) if j >= 0 else "" for j in index],
        "similarity": np.round(sims, 4),
    })


def _neighbours(matrix: sp.csr_matrix, days: Sequence[int | None] | None,
                window: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest other article of each article (index -1, NaN: none), dates respected; both dated or not."""
    n = matrix.shape[0]
    k = 1 if days is None else min(CANDIDATES, max(1, n - 1))
    index, sims = nearest(matrix, matrix, k=k, exclude_self=True)
    if days is None:
        return index[:, 0], sims[:, 0], np.zeros(n, dtype=bool)
    day = np.array([np.nan if d is None else float(d) for d in days])
    cand_day = np.where(index >= 0, day[np.maximum(index, 0)], np.nan)
    too_far = np.abs(cand_day - day[:, None]) > window  # False where either is undated (NaN)
    ok = (index >= 0) & ~too_far
    first = np.where(ok.any(axis=1), np.argmax(ok, axis=1), -1)
    rows = np.arange(n)
    best = np.where(first >= 0, index[rows, np.maximum(first, 0)], -1)
    best_sim = np.where(first >= 0, sims[rows, np.maximum(first, 0)], np.nan)
    both = ~np.isnan(day) & (best >= 0) & ~np.isnan(day[np.maximum(best, 0)])
    return best, best_sim, both


def story_groups(table: pd.DataFrame) -> dict[str, list[str]]:
    """Article ids of each story of a :data:`STORY_COLUMNS` table, in table order.

    Example:
        >>> story_groups(pd.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s1"]}))
        {'s1': ['a', 'b']}
    """
    out: dict[str, list[str]] = {}
    for a, s in zip(table["article_id"], table["story_id"], strict=True):
        out.setdefault(str(s), []).append(str(a))
    return out
