"""Section "What each outlet includes that the others don't": aligned passages, "only here", who is quoted by whom.

Plain data for ``templates/_selection.html`` from the one
:class:`~framing.selection.result.Selection` in the comparison: the measures
per outlet, side-by-side aligned passages, each outlet's "only here"
sentences (links to their sentence spans in the evidence, which the section's
style highlights), the outlets x sources table (cells link to a quote),
borderline pairs near the threshold, and how alignment was decided.

Example:
    >>> selection_section(None, shown=None) is None
    True
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from framing.selection.align import ALIGN_METHOD, ALIGN_THRESHOLD, BORDERLINE
from framing.selection.measures import MEASURES
from framing.selection.result import Selection
from framing.selection.stories import STORY_METHOD

#: Aligned pairs shown side by side, per story.
MAX_PAIRS = 8
#: Stories whose aligned pairs are shown (those covered by most outlets first); the rest are counted.
MAX_STORIES = 30
#: "Only here" sentences listed per outlet.
MAX_ONLY_HERE = 8
#: Borderline pairs shown.
MAX_BORDERLINE = 6
#: Sources (rows) of the who-is-quoted-by-whom table.
MAX_SOURCES = 25
#: Legend of the highlight this section adds to the evidence.
LEGEND = ("only here", "a sentence no other outlet covering the story carries (tinted, with a left rule)")


def _href(row: float | int, rows_shown: set[int] | None) -> str:
    if isinstance(row, float) and math.isnan(row):
        return ""
    r = int(row)
    return f"#span-{r}" if r >= 0 and (rows_shown is None or r in rows_shown) else ""


def selection_section(selection: Selection | None, *, shown: set[int] | None,
                      spans: pd.DataFrame | None = None,
                      outlet_names: dict[str, str] | None = None) -> dict[str, Any] | None:
    """The section's data (None: selection was not computed).

    Args:
        selection: ``Comparison.selection``.
        shown: Span-table rows drawn in the evidence (None: all); links go only to those.
        spans: The span table (to link source cells to their quote spans).
        outlet_names: Display name of each outlet id (default: the ids).
    """
    if selection is None:
        return None
    al = selection.alignments
    names = {k: n for k, _, n in MEASURES}
    label = dict(outlet_names or {})
    measures = [{"outlet_id": str(r.outlet_id), "outlet": label.get(str(r.outlet_id), str(r.outlet_id)),
                 "key": str(r.measure), "name": names.get(str(r.measure), str(r.measure)),
                 "value": _fmt(float(r.value), str(r.unit)), "interval": _interval(r), "caveats": str(r.caveats)}
                for r in selection.measures.itertuples(index=False)]
    outlets = list(dict.fromkeys(m["outlet_id"] for m in measures))
    cell = {(m["key"], m["outlet_id"]): m for m in measures}
    wide = {"outlets": [label.get(o, o) for o in outlets],
            "rows": [{"name": name, "cells": [cell.get((key, o)) for o in outlets]}
                     for key, _, name in MEASURES if any((key, o) in cell for o in outlets)]}
    pairs = []
    by_story = al[al["aligned"].astype(bool)].groupby("story_id", sort=False)
    breadth = by_story["outlet_id"].nunique()
    stories = breadth.sort_values(ascending=False, kind="stable").index  # widest coverage first, then story order
    for story in stories[:MAX_STORIES]:
        best = by_story.get_group(story).sort_values("similarity", ascending=False, kind="stable")
        best = best[best["outlet_id"] < best["other_outlet_id"]].head(MAX_PAIRS)
        for r in best.itertuples(index=False):
            pairs.append(_pair(r, str(story), shown))
    per_sentence = al.groupby(["article_id", "start"], sort=False).agg(
        outlet_id=("outlet_id", "first"), text=("text", "first"), aligned=("aligned", "any"),
        span_row=("span_row", "first"), best=("similarity", "max"))
    only = per_sentence[~per_sentence["aligned"]]
    only_here = [{"outlet_id": str(o), "n": len(g),
                  "rows": [{"text": str(r.text), "href": _href(r.span_row, shown), "best": f"{r.best:.2f}"}
                           for r in g.head(MAX_ONLY_HERE).itertuples(index=False)]}
                 for o, g in only.groupby("outlet_id", sort=False)]
    near = al[(al["similarity"] - ALIGN_THRESHOLD).abs() <= BORDERLINE]
    near = near.assign(dist=(near["similarity"] - ALIGN_THRESHOLD).abs()).sort_values("dist", kind="stable")
    borderline = [_pair(r, str(r.story_id), shown) for r in near.head(MAX_BORDERLINE).itertuples(index=False)]
    for group in (pairs, borderline):
        for pr in group:
            pr["left_outlet"] = label.get(pr["left_outlet"], pr["left_outlet"])
            pr["right_outlet"] = label.get(pr["right_outlet"], pr["right_outlet"])
    for o in only_here:
        o["outlet"] = label.get(str(o["outlet_id"]), str(o["outlet_id"]))
    return {
        "measures": measures,
        "wide": wide,
        "pairs": pairs,
        "more_stories": max(0, len(stories) - MAX_STORIES),
        "only_here": only_here,
        "only_here_rows": sorted({int(x) for x in only["span_row"] if int(x) >= 0 and (shown is None or
                                                                                          int(x) in shown)}),
        "sources": {**(src := _sources(selection, spans, shown)),
                    "outlets": [label.get(o, o) for o in src["outlets"]]},
        "borderline": borderline,
        "threshold": f"{ALIGN_THRESHOLD:g}",
        "method": [STORY_METHOD, ALIGN_METHOD],
        "notes": list(selection.notes),
        "legend": {"name": LEGEND[0], "description": LEGEND[1]},
    }


def _fmt(value: float, unit: str) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:.0f}%" if unit.startswith("%") else f"{value:,.0f}"


def _interval(r: Any) -> str:
    lo, hi = float(r.lo), float(r.hi)
    if math.isnan(lo) or math.isnan(hi):
        few = "fewer than" in str(r.caveats)
        return f"{int(r.n_hits)} hit{'' if int(r.n_hits) == 1 else 's'}: too few for an interval" if few else ""
    return f"{lo:.0f}–{hi:.0f}%"


def _pair(r: Any, story: str, shown: set[int] | None) -> dict[str, Any]:
    return {"story": story, "left_outlet": str(r.outlet_id), "left": str(r.text), "left_href": _href(r.span_row, shown),
            "right_outlet": str(r.other_outlet_id), "right": str(r.other_text),
            "right_href": _href(r.other_span_row, shown), "similarity": f"{float(r.similarity):.2f}"}


def _sources(selection: Selection, spans: pd.DataFrame | None, shown: set[int] | None) -> dict[str, Any]:
    """Outlets x sources: statements per cell, each cell linking to the source's first statement there."""
    src = selection.sources
    outlets = list(dict.fromkeys(selection.measures["outlet_id"].astype(str)))
    if src.empty:
        return {"outlets": outlets, "rows": [], "more": 0}
    row_of: dict[tuple[str, int, int], int] = {}
    if spans is not None:
        st = spans[spans["feature"].isin(["quote", "paraphrase"])]
        for idx, a, s, e in zip(st.index, st["article_id"].astype(str), st["start"], st["end"], strict=True):
            row_of.setdefault((a, int(s), int(e)), int(idx))
    order = src.groupby("source", sort=False).agg(n=("n_outlets", "max"), k=("statements", "sum"))
    order = order.sort_values(["n", "k"], ascending=False, kind="stable")
    rows = []
    for source in order.index[:MAX_SOURCES]:
        sub = src[src["source"] == source]
        cells = []
        for o in outlets:
            hit = sub[sub["outlet_id"] == o]
            if hit.empty:
                cells.append({"n": 0, "href": ""})
            else:
                h = hit.iloc[0]
                row = row_of.get((str(h["article_id"]), int(h["start"]), int(h["end"])), -1)
                cells.append({"n": int(hit["statements"].sum()), "href": _href(row, shown)})
        n_out = int(sub["n_outlets"].max())
        rows.append({"source": str(source), "cells": cells,
                     "who": "everyone" if n_out == int(sub["outlets_in_story"].max()) else
                     ("only one" if n_out == 1 else f"{n_out} outlets")})
    return {"outlets": outlets, "rows": rows, "more": max(0, len(order) - MAX_SOURCES)}
