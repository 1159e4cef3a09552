"""Section 5, relationship labels in context: every label word, its voice and how it was counted.

Rows come from :func:`framing.kwic.kwic_terms` over the analysis: voice, speaker
and the label's category, polarity and target are read from the span table,
nothing is re-extracted. A label about the story's pair is "counted"; a
label about another relationship says so ("about western-alliance: not
counted in the story figures"); an occurrence the rules set aside is "not a
label here".

Example:
    >>> sorted(_spread([(0, "a", 1), (0, "a", 9), (1, "a", 3), (2, "b", 4)], 2))
    [(0, 1), (2, 4)]
"""

from __future__ import annotations

from typing import Any

from framing.engines.memory import Analysis
from framing.kwic import kwic_terms, label_note

#: Keyword-in-context rows per label word (spread over outlets when there are more).
KWIC_MAX_ROWS = 40

#: Characters of context on each side of a label word.
WINDOW = 55

#: "Counted as" of an occurrence of a label word that the rules did not take as a label (a name, a verb...).
NOT_A_LABEL = "not a label here"


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
    spans_idx: dict[str, list[tuple[int, int, int]]] = {}
    for i, (a, s, e, f) in enumerate(zip(spans["article_id"], spans["start"], spans["end"], spans["feature"],
                                         strict=True)):
        if f == "relationship_label" and (shown_spans is None or i in shown_spans):
            spans_idx.setdefault(str(a), []).append((int(s), int(e), i))
    analysed = set(analysis.articles["article_id"].astype(str))
    position = {a.id: k for k, a in enumerate(a for a in analysis.corpus.articles if a.id in analysed)}
    out = []
    terms = sorted({str(x) for x in labels["label"] if str(x)})
    for term, found in kwic_terms(analysis, terms, window=WINDOW).items():
        hits = [(position[str(a)], str(o), int(s))
                for a, o, s in zip(found["article_id"], found["outlet_id"], found["start"], strict=True)]
        keep = {(k, start) for k, _, start in hits} if len(hits) <= max_rows else _spread(hits, max_rows)
        rows = []
        for r in found.itertuples(index=False):
            key = (str(r.article_id), int(r.start))
            if (position[key[0]], key[1]) not in keep:
                continue
            note = label_note(r._asdict())
            rows.append({
                "outlet": r.outlet_name, "left": r.left, "match": r.match, "right": r.right,
                "voice": str(r.voice).replace("_", " "), "speaker": r.speaker,
                "counted": note or NOT_A_LABEL, "in_story": r.counted == "yes", "label": bool(r.counted),
                "href": next((f"#span-{i}" for s, e, i in spans_idx.get(key[0], []) if s < int(r.end) and key[1] < e),
                             ""),
            })
        out.append({"term": term, "n": len(hits), "rows": rows, "more": len(hits) - len(rows),
                    "spread": len(hits) > max_rows})
    return out
