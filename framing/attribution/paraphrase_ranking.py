"""Ranking a cue's candidate contents: the one whose span features score highest.

The span scorer of the paraphrase model is linear, so a candidate's score is
the sum of the scores of the parts of its features
(:mod:`framing.attribution.paraphrase_features`): direction, start, end,
pair and boundary features. Each part is scored once: boundary scores are
kept on the sentence, start and end scores for the cue, and direction and
pair scores, which depend on no sentence, for every cue read with the same
scorer.

Example:
    >>> from framing.attribution.paraphrase_features import span_candidates
    >>> t = "Lee said that ties grew."
    >>> tk = Tokens.of(t, 0, len(t))
    >>> info = CueInfo("speech/past", "before", "person", False)
    >>> c = best_candidate(tk, 1, 2, span_candidates(tk, 1, 2, -1, -1), info, lambda fs: float("skip=that" in fs))
    >>> tk.text_of(t, c.start, c.end)
    'ties grew'
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable

from framing.attribution.paraphrase_features import (
    _BUCKETS,
    Candidate,
    CueInfo,
    Tokens,
    _boundary_features,
    _bucket,
    _direction_features,
    _end_features,
    _pair_features,
    _start_features,
)

#: The scores of direction and pair features, per scorer (a few scorers kept).
_SHARED: dict[object, dict[tuple[object, ...], float]] = {}
_MAX_SCORERS = 8


def _shared(score: Callable[[list[str]], float]) -> dict[tuple[object, ...], float]:
    """The kept scores of the features that depend on no sentence, for one scorer."""
    kept = _SHARED.get(score)
    if kept is None:
        if len(_SHARED) >= _MAX_SCORERS:
            _SHARED.clear()
        kept = _SHARED[score] = {}
    return kept


def best_candidate(
    tk: Tokens, ci: int, cj: int, cands: list[Candidate], info: CueInfo, score: Callable[[list[str]], float]
) -> Candidate:
    """The candidate whose span features score highest, scoring each part of the features once.

    The score of a candidate is the sum of ``score`` over its direction, start,
    end, pair and boundary features (``score`` must be additive, with no bias).
    Ties go to the earlier candidate.

    Example:
        >>> from framing.attribution.paraphrase_features import span_candidates
        >>> t = "Lee said that ties grew, but trade fell."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> cands = span_candidates(tk, 1, 2, -1, -1)
        >>> info = CueInfo("speech/past", "before", "person", False)
        >>> c = best_candidate(tk, 1, 2, cands, info, lambda fs: float("dir=after|endtok=," in fs))
        >>> tk.text_of(t, c.start, c.end)
        'that ties grew'
    """
    w = " ".join(tk.low[ci:cj])
    # boundary features do not depend on the cue: their scores are kept on the sentence for its other cues
    cross = tk.memo.setdefault(score, {})  # direction -> score of each boundary (None: not scored yet)
    # start and end features depend on the cue: kept for this cue, which may be read again (with other candidates)
    starts, ends = tk.memo.setdefault((score, ci, cj, info), ({}, {}))
    # direction and pair features depend on no sentence: kept for every cue read with this scorer
    pairs = _shared(score)
    dir_key = (w, info.speaker, info.lexical)
    bounds = tk.bounds
    right, left = bisect.bisect_right, bisect.bisect_left
    best, best_score = cands[0], -math.inf
    for c in cands:
        d, s, e = c.direction, c.start, c.end
        lo = right(bounds, s)
        hi = max(lo, min(left(bounds, e), lo + 6))  # the boundaries crossed: at most six count
        before = d == "before"
        # what the pair features depend on, so that their strings are built once per distinct value
        n = e - s
        pk = (d, _BUCKETS[n] if 0 <= n < 13 else _bucket(n), hi - lo, before and s == 0,
              _bucket(ci - e) if before else "")
        pair = pairs.get(pk)
        if pair is None:
            pair = pairs[pk] = score(_pair_features(tk, ci, c, hi - lo))
        direction = pairs.get((d, dir_key))
        if direction is None:
            direction = pairs[(d, dir_key)] = score(_direction_features(tk, ci, cj, d, info))
        start = starts.get((d, s))
        if start is None:
            start = starts[(d, s)] = score(_start_features(tk, cj, s, d, w))
        end = ends.get((d, e))
        if end is None:
            end = ends[(d, e)] = score(_end_features(tk, ci, e, d, w))
        total = direction + start + end + pair
        if hi > lo:
            row = cross.get(d)
            if row is None:
                row = cross[d] = [None] * len(bounds)
            for k in range(lo, hi):
                if row[k] is None:
                    row[k] = score(_boundary_features(tk, bounds[k], d))
            total += sum(row[lo:hi])
        if total > best_score:
            best, best_score = c, total
    return best


__all__ = ["best_candidate"]
