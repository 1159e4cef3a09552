"""Same story, or not: group the articles of a corpus that cover the same event.

Each article (its title, counted twice, and its first :data:`LEAD_WORDS`
words) becomes a TF-IDF vector over words and character n-grams
(:func:`framing.selection.vectors.vectorize`, numbers counted as words, half the weight on latent
topics). Each article's :data:`CANDIDATES` most similar other
articles are its edges in a sparse similarity graph (found in blocks of rows by
:func:`framing.selection.vectors.nearest`, never with a dense all-against-all
matrix); where both articles carry a publication date to the day, articles
published more than :data:`DATE_WINDOW_DAYS` days apart are not linked
(follow-up stories on the same topic are otherwise hard to tell apart).
Each similarity is then corrected for crowding (:func:`hub_adjusted`): a
broad piece that is fairly similar to everything on its topic counts for less.
Stories are formed by average linkage
(:func:`framing.selection.linkage.average_linkage`): two groups merge when
the average similarity of all their pairs reaches :data:`STORY_THRESHOLD`
(:data:`STORY_THRESHOLD_DATED` when all their articles are dated) and they
have no outlet in common. An article's reported neighbour is its most similar
article of another outlet by corrected similarity (of its own outlet when no
other is similar at all); its reported similarity is the plain cosine.

The thresholds were calibrated on the AllSides stories of NeuS
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

from framing.selection.linkage import average_linkage
from framing.selection.vectors import nearest, vectorize

#: Columns of the story table (``framing stories --out``).
STORY_COLUMNS: tuple[str, ...] = ("article_id", "outlet_id", "story_id", "nearest_article_id", "similarity")

#: Two groups of articles merge when the average similarity of their pairs reaches this (calibrated) ...
STORY_THRESHOLD = 0.35
#: ... or this, when every article of both groups is dated to the day.
STORY_THRESHOLD_DATED = 0.3
#: Articles dated to the day more than this many days apart are never neighbours.
DATE_WINDOW_DAYS = 3
#: Words of the article text (after the title) that represent it.
LEAD_WORDS = 300
#: Share of the similarity given to latent topics (:func:`framing.selection.vectors.topics`).
STORY_LSA = 0.5
#: Most similar other articles examined per article (the similarity graph's edges).
CANDIDATES = 20
#: Closest articles whose mean similarity is an article's "crowding" (:func:`hub_adjusted`).
HUB_NEIGHBOURS = 5

#: How stories were decided, with the calibration figures (shown in the report's methodology).
STORY_METHOD = (
    "Articles are grouped into stories by the similarity of their title (counted twice) and first "
    f"{LEAD_WORDS} words: TF-IDF over words (numbers included) and character n-grams, and latent topics "
    "(a truncated SVD of the word TF-IDF, one dimension per four articles, at most 300), cosine similarity "
    f"(a quarter words, a quarter characters, {STORY_LSA:g} topics). Each article is compared with its "
    f"{CANDIDATES} most similar others; where both are dated to the day, articles published more than "
    f"{DATE_WINDOW_DAYS} days apart are never in one story. Each similarity is corrected for crowding: less the "
    f"mean of the two articles' average similarity to their {HUB_NEIGHBOURS} closest others, plus the corpus "
    "mean of that average (a broad piece on a busy topic is fairly similar to many articles; what counts is how "
    "much closer than usual two articles are). Groups of articles merge, most similar first, "
    f"while the average similarity of all their pairs is at least {STORY_THRESHOLD:g} "
    f"({STORY_THRESHOLD_DATED:g} when all are dated) and they have no outlet in common (an outlet rarely runs "
    "two articles on one event), so a chain of follow-up stories does not become one story. Calibrated on the "
    "AllSides stories of NeuS (Lee et al. 2022; 506 stories, the headline and lead of 2-3 outlets each), split "
    "by story into a tuning and a check half; each threshold is the one with the best adjusted Rand index on the "
    "tuning half, averaged over the 145 named outlets and over the three AllSides sides played as three outlets "
    "(as when the same three outlets cover every event). On the check half without dates, the nearest article "
    "of another outlet is in the same story for 88% of articles and the grouping recovers the stories with an "
    "adjusted Rand index of 0.79 (three outlets: 90% and 0.91; samples of 100 events of three outlets: 94% and "
    "0.95); with each article dated by its story's date plus or minus a day, 95% and 0.90 (three outlets: 96% "
    "and 0.95). The stories without dates include many "
    "follow-ups on the same topic weeks apart, which wording alone does not separate."
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
        threshold: Least average similarity of two groups that merge.
        threshold_dated: The same, when every article of both groups is dated to the day.
        window: Most days between two dated articles of one story.

    Returns:
        :data:`STORY_COLUMNS`, one row per article in input order; stories are
        numbered ``story-1``, ``story-2``... by their first article;
        ``nearest_article_id`` is ``""`` and ``similarity`` NaN for an article
        with no neighbour.
    """
    n = len(ids)
    if n == 0:
        return pd.DataFrame({c: [] for c in STORY_COLUMNS})
    outlet = np.array([str(o) for o in outlets])
    index, sims, allowed = _candidates(vectorize(list(texts), numbers=True, lsa=STORY_LSA), days, window)
    adjusted = hub_adjusted(index, sims)
    best, best_sim = _nearest_other_outlet(index, sims, adjusted, allowed, outlet)
    rows = np.repeat(np.arange(n), index.shape[1])[allowed.ravel()]
    dated = [d is not None for d in days] if days is not None else None
    labels = average_linkage(n, rows, index[allowed], adjusted[allowed], outlet.tolist(), cut=threshold,
                             cut_dated=threshold_dated, dated=dated)
    return pd.DataFrame({
        "article_id": [str(a) for a in ids],
        "outlet_id": outlet.tolist(),
        "story_id": [f"story-{int(lab) + 1}" for lab in labels],
        "nearest_article_id": [str(ids[j]) if j >= 0 else "" for j in best],
        "similarity": np.round(best_sim, 4),
    })


def _candidates(matrix: sp.csr_matrix, days: Sequence[int | None] | None,
                window: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The :data:`CANDIDATES` most similar other articles of each article, and which of them dates allow.

    Returns ``(index, similarity, allowed)``, each ``n x k``; a candidate is
    allowed when it exists, is similar at all, and is not dated more than
    ``window`` days from the article (an undated article is never ruled out).
    """
    n = matrix.shape[0]
    index, sims = nearest(matrix, matrix, k=min(CANDIDATES, max(1, n - 1)), exclude_self=True)
    allowed = index >= 0
    if days is not None:
        day = np.array([np.nan if d is None else float(d) for d in days])
        cand_day = np.where(allowed, day[np.maximum(index, 0)], np.nan)
        allowed &= ~(np.abs(cand_day - day[:, None]) > window)  # NaN (undated) compares False
    return index, np.nan_to_num(sims), allowed


def hub_adjusted(index: np.ndarray, sims: np.ndarray, *, k: int = HUB_NEIGHBOURS) -> np.ndarray:
    """Similarities less the articles' crowding: ``s - (r_a + r_b) / 2 + mean(r)``, clipped to 0-1.

    An article's crowding ``r`` is its mean similarity to its ``k`` closest
    others (0 for a missing one). A broad piece on a busy topic ("the border",
    "the budget") is fairly similar to many articles and would be everyone's
    nearest neighbour (a hub); this local scaling (CSLS, Lample et al. 2018)
    ranks an article's neighbours by how much closer they are than usual.
    ``index`` and ``sims`` are :func:`_candidates`' (most similar first).

    Example:
        >>> sims = np.array([[0.8, 0.6], [0.8, 0.2], [0.6, 0.2]])  # crowding 0.8, 0.8, 0.6 (mean 0.73)
        >>> hub_adjusted(np.array([[1, 2], [0, 2], [0, 1]]), sims, k=1).round(2).tolist()
        [[0.73, 0.63], [0.73, 0.23], [0.63, 0.23]]
    """
    if index.size == 0:
        return sims.copy()
    crowd = sims[:, :k].mean(axis=1)
    other = np.where(index >= 0, crowd[np.maximum(index, 0)], crowd.mean())
    return np.clip(sims - (crowd[:, None] + other) / 2 + crowd.mean(), 0.0, 1.0)


def _nearest_other_outlet(index: np.ndarray, sims: np.ndarray, adjusted: np.ndarray, allowed: np.ndarray,
                          outlet: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each article's allowed candidate of another outlet (of its own if none) of highest ``adjusted`` similarity.

    Returns its index and its (unadjusted) similarity; -1, NaN: none.
    """
    rows = np.arange(index.shape[0])
    other = allowed & (outlet[np.maximum(index, 0)] != outlet[:, None])
    pick = np.where(other.any(axis=1), np.argmax(np.where(other, adjusted, -1.0), axis=1),
                    np.argmax(np.where(allowed, adjusted, -1.0), axis=1))
    found = allowed[rows, pick]
    best = np.where(found, index[rows, pick], -1)
    return best, np.where(found, sims[rows, pick], np.nan)


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
