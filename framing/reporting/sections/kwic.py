"""Section 5, relationship labels in context: every label word, its voice and how it was counted.

Rows come from :func:`framing.kwic.kwic` over the analysis: voice and speaker
are read from the span table, nothing is re-extracted.

Example:
    >>> sorted(_spread([(0, "a", 1), (0, "a", 9), (1, "a", 3), (2, "b", 4)], 2))
    [(0, 1), (2, 4)]
"""

from __future__ import annotations

from typing import Any

from framing.engines.memory import Analysis
from framing.kwic import kwic

#: Keyword-in-context rows per label word (spread over outlets when there are more).
KWIC_MAX_ROWS = 40

#: Characters of context on each side of a label word.
WINDOW = 55


def _spread(hits: list[tuple[int, str, int]], limit: int) -> set[tuple[int, int]]:
    """At most ``limit`` of ``(article position, outlet, start)`` hits, taken in turn from each outlet."""
    queues: dict[str, list[tuple[int, int]]] = {}
    for pos, outlet, start in hits:
        queues.setdefault(outlet, []).append((pos, start))
    kept: set[tuple[int, int]] = set()
    depth = 0
    while len(kept) < limit and any(depth < len(q) for q in queues.values()):
        for q in queues.values():
            if depth < len(q) and len(kept) < limit:
                kept.add(q[depth])
        depth += 1
    return kept


def label_contexts(analysis: Analysis, *, max_rows: int = KWIC_MAX_ROWS, shown_spans: set[int] | None = None
                   ) -> list[dict[str, Any]]:
    """Every label word in context: all its occurrences when few, else ``max_rows`` spread over the outlets.

    Args:
        analysis: The analysis (its span table and cleaned texts).
        max_rows: Rows per label word.
        shown_spans: Span rows shown in the evidence (None: all); a row links to its span only if shown.
    """
    spans = analysis.spans
    labels = spans[spans["feature"] == "relationship_label"]
    if labels.empty:
        return []
    counted = {(str(r.article_id), int(r.start)): r for r in labels.itertuples(index=False)}
    spans_idx = {(str(a), int(s)): i for i, (a, s, f) in enumerate(
        zip(spans["article_id"], spans["start"], spans["feature"], strict=True))
        if f == "relationship_label" and (shown_spans is None or i in shown_spans)}
    analysed = set(analysis.articles["article_id"].astype(str))
    position = {a.id: k for k, a in enumerate(a for a in analysis.corpus.articles if a.id in analysed)}
    out = []
    for term in sorted({str(x) for x in labels["label"] if str(x)}):
        found = kwic(analysis, term, window=WINDOW)
        hits = [(position[str(a)], str(o), int(s))
                for a, o, s in zip(found["article_id"], found["outlet_id"], found["start"], strict=True)]
        keep = {(k, start) for k, _, start in hits} if len(hits) <= max_rows else _spread(hits, max_rows)
        rows = []
        for r in found.itertuples(index=False):
            key = (str(r.article_id), int(r.start))
            if (position[key[0]], key[1]) not in keep:
                continue
            span = counted.get(key)
            rows.append({
                "outlet": r.outlet_name, "left": r.left, "match": r.match, "right": r.right,
                "voice": str(r.voice).replace("_", " "), "speaker": r.speaker,
                "counted": f"{span.category}, {span.polarity}" if span is not None else "not counted",
                "href": f"#span-{spans_idx[key]}" if key in spans_idx else "",
            })
        out.append({"term": term, "n": len(hits), "rows": rows, "more": len(hits) - len(rows),
                    "spread": len(hits) > max_rows})
    return out
