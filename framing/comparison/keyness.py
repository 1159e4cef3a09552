"""N-way keyness: each outlet against all the others.

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words", *Political Analysis* 16(4), eq. 16–22). The prior is
the whole corpus's word distribution scaled to ``prior_size`` pseudo-counts,
so rare words are shrunk toward "not distinctive". Every outlet is compared
with the pooled rest of the corpus at once (N-way, not two groups).

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> table = keyness_table(load_corpus(), min_count=3)
    >>> list(table.columns[:4])
    ['outlet_id', 'term', 'z_score', 'log_odds']
    >>> sorted(table["outlet_id"].unique())
    ['dw', 'ro-site', 'rs', 'scmp', 'wapo']
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.corpus.segmentation import WORD_RE
from framing.model import Corpus

KEYNESS_COLUMNS: tuple[str, ...] = (
    "outlet_id",
    "term",
    "z_score",
    "log_odds",
    "count_outlet",
    "count_rest",
    "per_1000_content_words_outlet",
    "per_1000_content_words_rest",
)


def _terms(text: str) -> Counter[str]:
    """Content-word counts of ``text``: each distinct word form is normalised once (:func:`_term`).

    Example:
        >>> _terms("Russia’s gas: Russia and the EU, 2022.")
        Counter({'russia': 2, 'gas': 1, 'eu': 1})
    """
    counts: Counter[str] = Counter()
    for form, k in Counter(WORD_RE.findall(text)).items():  # forms in first-seen order
        term = _term(form)
        if term:
            counts[term] += k
    return counts


@lru_cache(maxsize=1 << 16)
def _term(form: str) -> str:
    """The content word a word form counts as (lower-cased, without "'s"), or "" for a stop word or non-word."""
    w = form.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) < 2 or not any(c.isalpha() for c in w) or w in ENGLISH_STOP_WORDS:
        return ""
    return w


def outlet_term_counts(corpus: Corpus) -> dict[str, Counter[str]]:
    """Content-word counts per outlet (lower-cased, stop words removed)."""
    counts: dict[str, Counter[str]] = {}
    for article in corpus.articles:
        counts.setdefault(article.outlet_id, Counter()).update(_terms(article.text))
    _term.cache_clear()  # the corpus's word forms: up to 65,536 entries, not needed once counted
    return counts


def keyness_table(
    corpus: Corpus,
    *,
    min_count: int = 5,
    prior_size: float = 500.0,
    top: int | None = None,
    counts: dict[str, Counter[str]] | None = None,
) -> pd.DataFrame:
    """Distinctive words of each outlet versus all the others.

    Args:
        corpus: The corpus (cleaned texts are counted).
        min_count: Keep a term for an outlet only if it occurs at least this
            often in that outlet.
        prior_size: Total pseudo-counts of the informative Dirichlet prior.
        top: Keep the ``top`` highest z-scores per outlet (default: all).
        counts: Pre-computed :func:`outlet_term_counts` (optional).

    Returns:
        Tidy table (:data:`KEYNESS_COLUMNS`), sorted by outlet then z-score
        descending; positive z = over-used by the outlet.
    """
    per_outlet = counts if counts is not None else outlet_term_counts(corpus)
    if len(per_outlet) < 2:
        return pd.DataFrame(columns=list(KEYNESS_COLUMNS))
    total: Counter[str] = Counter()
    for c in per_outlet.values():
        total.update(c)
    vocab = sorted(total)
    index = {w: i for i, w in enumerate(vocab)}
    matrix = np.zeros((len(per_outlet), len(vocab)), dtype=np.float64)
    outlets = sorted(per_outlet)
    for r, o in enumerate(outlets):
        for w, n in per_outlet[o].items():
            matrix[r, index[w]] = n
    all_counts = matrix.sum(axis=0)
    alpha = prior_size * all_counts / all_counts.sum()
    alpha0 = alpha.sum()
    frames = []
    for r, o in enumerate(outlets):
        y_i = matrix[r]
        y_j = all_counts - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + alpha0 - y_j - alpha)
        )
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(var)
        keep = y_i >= min_count
        df = pd.DataFrame(
            {
                "outlet_id": o,
                "term": np.array(vocab, dtype=object)[keep],
                "z_score": z[keep],
                "log_odds": delta[keep],
                "count_outlet": y_i[keep].astype(int),
                "count_rest": y_j[keep].astype(int),
                "per_1000_content_words_outlet": 1000 * y_i[keep] / n_i if n_i else np.nan,
                "per_1000_content_words_rest": 1000 * y_j[keep] / n_j if n_j else np.nan,
            }
        )
        df = df.sort_values(["z_score", "term"], ascending=[False, True], kind="mergesort")
        if top is not None:
            df = df.head(top)
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return out[list(KEYNESS_COLUMNS)]
