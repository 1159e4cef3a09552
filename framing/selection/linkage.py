"""Average-linkage clustering on a sparse similarity graph, with one article per outlet in a group.

Single-link chaining (join two articles whenever one is the other's nearest
neighbour) lets a run of follow-up stories on one topic become one group: on
6,000 AllSides articles the largest group chained 31 articles over months.
Here two groups merge only when the *average* similarity of all their pairs
reaches a cut, so one close pair is not enough, and never when they share an
outlet (an outlet rarely runs two articles on one event; two articles of one
outlet on one topic are most often successive stories). Pairs absent from the
graph (not among each other's nearest neighbours, or ruled out by dates) count
as similarity 0, which is what keeps the average honest without a dense
matrix.

Merges happen best pair first (ties: lower group numbers), so the result does
not depend on anything but the input.

Example:
    >>> labels = average_linkage(4, [0, 0, 2], [1, 2, 3], [0.6, 0.5, 0.4], ["x", "y", "x", "z"], cut=0.3)
    >>> labels.tolist()
    [0, 0, 1, 1]
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np


def average_linkage(
    n: int,
    rows: Sequence[int],
    cols: Sequence[int],
    sims: Sequence[float],
    outlets: Sequence[str],
    *,
    cut: float,
    cut_dated: float | None = None,
    dated: Sequence[bool] | None = None,
) -> np.ndarray:
    """Group labels of ``n`` items linked by the edges ``rows[i] - cols[i]`` of similarity ``sims[i]``.

    Args:
        n: Number of items.
        rows: One end of each edge (an edge given twice counts once, at its higher similarity).
        cols: The other end.
        sims: Similarity of each edge (0-1).
        outlets: Outlet of each item; two groups with an outlet in common never merge.
        cut: Least average similarity of two groups that merge.
        cut_dated: The cut when every item of both groups is dated (None: ``cut``).
        dated: Whether each item is dated (None: none is).

    Returns:
        One label per item, numbered 0, 1, ... by the group's first item.
    """
    pair: dict[tuple[int, int], float] = {}
    for a, b, s in zip(rows, cols, sims, strict=True):
        a, b, s = int(a), int(b), float(s)
        if a == b or not s > 0:
            continue
        key = (min(a, b), max(a, b))
        pair[key] = max(pair.get(key, 0.0), s)
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (a, b), s in pair.items():
        links[a][b] = s
        links[b][a] = s
    size = dict.fromkeys(range(n), 1)
    outs = {i: {str(outlets[i])} for i in range(n)}
    all_dated = {i: bool(dated[i]) if dated is not None else False for i in range(n)}
    members = {i: [i] for i in range(n)}
    heap = [(-s, a, b) for (a, b), s in sorted(pair.items())]
    heapq.heapify(heap)
    low = cut if cut_dated is None else min(cut, cut_dated)
    new = n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < low:
            break
        if a not in size or b not in size or outs[a] & outs[b]:
            continue
        both_dated = all_dated[a] and all_dated[b]
        if -neg < (cut_dated if both_dated and cut_dated is not None else cut):
            continue
        c = new
        new += 1
        size[c] = size.pop(a) + size.pop(b)
        outs[c] = outs.pop(a) | outs.pop(b)
        all_dated[c] = all_dated.pop(a) & all_dated.pop(b)
        members[c] = members.pop(a) + members.pop(b)
        la, lb = links.pop(a), links.pop(b)
        merged: dict[int, float] = {}
        for x, s in (*la.items(), *lb.items()):
            if x not in (a, b):
                merged[x] = merged.get(x, 0.0) + s
        links[c] = merged
        for x, s in merged.items():
            links[x].pop(a, None)
            links[x].pop(b, None)
            links[x][c] = s
            heapq.heappush(heap, (-s / (size[c] * size[x]), min(c, x), max(c, x)))
    labels = np.empty(n, dtype=np.int64)
    for number, group in enumerate(sorted(members.values(), key=min)):
        labels[group] = number
    return labels
