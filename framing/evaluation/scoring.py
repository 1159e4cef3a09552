"""Small, generic scoring helpers shared by the validators (P/R/F1).

Undefined measures are NaN, never 0: precision with nothing predicted, recall
with nothing in the gold, F1 when either is undefined.

Example:
    >>> prf(8, 2, 0)
    (0.8, 1.0, 0.888888888888889)
"""

from __future__ import annotations

import math
from collections import Counter

from framing.corpus.segmentation import WORD_RE


def precision_recall_f1(
    pred_correct: int, n_pred: int, gold_found: int, n_gold: int
) -> tuple[float, float, float]:
    """Precision, recall and F1 when matching is counted on each side.

    ``pred_correct`` of ``n_pred`` predictions match gold; ``gold_found`` of
    ``n_gold`` gold items are found (the two differ when matching is by
    overlap, not one-to-one). NaN where a measure is undefined; F1 is 0 when
    precision and recall are both defined and both 0.

    Example:
        >>> precision_recall_f1(3, 4, 3, 4)
        (0.75, 0.75, 0.75)
        >>> [math.isnan(v) for v in precision_recall_f1(0, 0, 0, 2)]
        [True, False, True]
    """
    p = pred_correct / n_pred if n_pred else math.nan
    r = gold_found / n_gold if n_gold else math.nan
    if math.isnan(p) or math.isnan(r):
        f = math.nan
    else:
        f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from one-to-one counts; NaN where a measure is undefined.

    Example:
        >>> prf(3, 1, 1)
        (0.75, 0.75, 0.75)
        >>> [math.isnan(v) for v in prf(0, 0, 2)]
        [True, False, True]
    """
    return precision_recall_f1(tp, tp + fp, tp, tp + fn)


def shingles(text: str, *, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-word shingles of ``text`` (case-folded word tokens).

    Example:
        >>> sorted(shingles("Xi met Putin in Beijing", n=4))
        [('met', 'putin', 'in', 'beijing'), ('xi', 'met', 'putin', 'in')]
    """
    words = [m.group(0) for m in WORD_RE.finditer(text.casefold())]
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def shingle_prf(pred: str, gold: str, *, n: int = 4) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``pred``'s ``n``-word shingles against ``gold``'s (multiset overlap).

    The usual score for boilerplate removal: how much of the kept text is
    article text (precision) and how much of the article text was kept (recall).

    Example:
        >>> shingle_prf("Menu. Xi met Putin in Beijing", "Xi met Putin in Beijing")
        (0.6666666666666666, 1.0, 0.8)
    """
    p_sh, g_sh = shingles(pred, n=n), shingles(gold, n=n)
    tp = sum((p_sh & g_sh).values())
    return prf(tp, sum(p_sh.values()) - tp, sum(g_sh.values()) - tp)
