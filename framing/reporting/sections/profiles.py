"""One profile per outlet: what a class compares side by side, every figure from the one comparison.

Each profile gathers, for one outlet, the rows of
:class:`~framing.comparison.Comparison` a reader compares first: its labels
about the story (with counts), hedges and boosters in its own voice, who it
quotes (origins with counts, the most quoted source), its tone toward the
actors, its strongest frames, its distinctive words, and what it alone
includes (:attr:`~framing.comparison.Comparison.selection`, when computed).
A figure on too few hits shows its count, never an interval; ``▲``/``▼``
marks a figure that differs from the rest, as in the table.

Example:
    >>> _mark("higher"), _mark("")
    ('▲', '')
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from framing.comparison import Comparison
from framing.comparison.intervals import count_text
from framing.reporting.formatting import fmt_interval, fmt_value
from framing.reporting.wording import actor_name, origin_name

#: Frames and distinctive words listed per profile.
TOP_FRAMES = 3
TOP_WORDS = 6
#: "Only here" passages listed per profile (after every selection measure), and their length in characters.
TOP_SELECTION = 1
PASSAGE_CHARS = 140


def _mark(direction: str) -> str:
    return {"higher": "▲", "lower": "▼"}.get(direction, "")


def _figure(row: Any, href: str) -> dict[str, Any]:
    """One comparison row as a figure: value, interval or count, difference mark, link."""
    few = bool(row.few_hits)
    return {
        "key": str(row.measure), "name": str(row.name), "unit": str(row.unit), "kind": str(row.kind),
        "value": fmt_value(float(row.value), str(row.kind)),
        "ci": "" if few else fmt_interval(float(row.ci_low), float(row.ci_high), str(row.kind)),
        "count": count_text(str(row.kind), int(row.n_hits), float(row.n_base), str(row.unit)) if few else "",
        "n": int(row.n_hits), "mark": _mark(str(row.differs_from_rest)), "href": href,
    }


def profiles(comparison: Comparison, *, anchors_by_outlet: dict[str, str],
             shown_spans: set[int] | None = None) -> list[dict[str, Any]]:
    """One profile per outlet, in the comparison's outlet order.

    Args:
        comparison: The one comparison.
        anchors_by_outlet: Where a figure without a shown span links to, per outlet.
        shown_spans: Span rows shown in the evidence (None: all).
    """
    table = comparison.table
    story = comparison.story
    sel = comparison.selection
    sel_rows = None if sel is None else sel.outlet_rows() if hasattr(sel, "outlet_rows") else sel
    out = []
    for o, name in comparison.outlets:
        sub = table[table["outlet_id"] == o]
        fallback = f"#{anchors_by_outlet.get(o, 'evidence')}"

        def href(span: int, fallback: str = fallback) -> str:
            ok = span >= 0 and (shown_spans is None or span in shown_spans)
            return f"#span-{span}" if ok else fallback

        rows = {str(r.measure): r for r in sub.itertuples(index=False)}

        def fig(key: str, rows: dict[str, Any] = rows, href: Any = href) -> dict[str, Any] | None:
            r = rows.get(key)
            return None if r is None else _figure(r, href(int(r.first_span)))

        labels = [
            {"name": str(r.name).split(": ", 1)[-1], "n": int(r.n_hits), "href": href(int(r.first_span)),
             "mark": _mark(str(r.differs_from_rest))}
            for k, r in rows.items()
            if k.startswith("label_") and str(r.name).startswith("label: ") and int(r.n_hits) > 0]
        origins = [
            {"name": origin_name(k[len("source_origin_"):-len("_share_pct")]), "n": int(r.n_hits),
             "pct": fmt_value(float(r.value), str(r.kind)), "href": href(int(r.first_span)),
             "mark": _mark(str(r.differs_from_rest))}
            for k, r in rows.items() if k.startswith("source_origin_") and int(r.n_hits) > 0]
        tone = []
        for k, r in rows.items():
            if k.startswith("actor_") and k.endswith("_tone_mean") and int(r.n_hits) > 0:
                f = _figure(r, href(int(r.first_span)))
                f["name"] = actor_name(story, k[len("actor_"):-len("_tone_mean")])
                f["unit"] = ""  # the scale is said once, in the heading
                tone.append(f)
        frames = sorted((r for k, r in rows.items() if k.startswith("frame_") and int(r.n_hits) > 0),
                        key=lambda r: (-float(r.value), str(r.measure)))[:TOP_FRAMES]
        words = comparison.keyness[comparison.keyness["outlet_id"] == o].head(TOP_WORDS)
        src = comparison.sources.loc[o] if o in comparison.sources.index else None
        out.append({
            "id": o, "name": name,
            "n_articles": int(sub["n_articles"].iloc[0]) if len(sub) else 0,
            "labels_total": fig("label_per_1000_words"),
            "labels": labels,
            "labels_negated": int(rows["label_negated_per_1000_words"].n_hits)
            if "label_negated_per_1000_words" in rows else 0,
            "voice": [f for f in (fig("hedge_own_per_1000_words"), fig("booster_own_per_1000_words")) if f],
            "attributions": fig("attributions_per_1000_words"),
            "origins": origins,
            "most_quoted": "" if src is None else str(src.get("most_quoted", "") or ""),
            "n_sources": 0 if src is None else int(src.get("distinct_sources", 0) or 0),
            "tone": tone,
            "frames": [{"name": ", ".join(str(r.name).split(": ", 1)[-1].split()),
                        "pct": fmt_value(float(r.value), str(r.kind)), "n": int(r.n_hits),
                        "href": href(int(r.first_span)), "mark": _mark(str(r.differs_from_rest))} for r in frames],
            "words": [{"term": str(t), "n": int(n)} for t, n in zip(words["term"], words["count_outlet"], strict=True)],
            "selection": _selection(sel_rows, o, href),
        })
    return out


#: Selection measures a profile shows (all of them are in the selection section and the full table).
PROFILE_SELECTION: frozenset[str] = frozenset({"selection_only_here", "selection_left_out",
                                               "selection_sources_only_here"})


def _selection(selection: pd.DataFrame | None, outlet: str, href: Any) -> dict[str, Any] | None:
    """The outlet's rows of the selection (None: selection was not computed).

    ``selection`` is :meth:`framing.selection.result.Selection.outlet_rows`:
    columns ``outlet_id``, ``measure`` (key; empty for a passage), ``name`` (plain words), and any of ``value`` and
    ``unit`` (a figure), ``text`` (a passage) and ``first_span`` (span-table
    row of the passage, for the link).
    """
    if selection is None:
        return None
    if "outlet_id" not in selection.columns:
        return {"rows": [], "more": 0}
    sub = selection[selection["outlet_id"].astype(str) == outlet]
    if "measure" in sub.columns:  # a profile keeps three figures (and the passages); the section has them all
        sub = sub[sub["measure"].isin(PROFILE_SELECTION) | (sub["measure"].fillna("") == "")]
    text = sub["text"] if "text" in sub.columns else pd.Series("", index=sub.index)
    has_text = text.fillna("").astype(str).str.len() > 0
    rows = []
    passages = sub[has_text]
    for r in [*sub[~has_text].to_dict(orient="records"), *passages.head(TOP_SELECTION).to_dict(orient="records")]:
        value = r.get("value")
        has_value = isinstance(value, int | float) and not math.isnan(float(value))
        shown = "" if not has_value else f"{float(value):,.0f}" if float(value).is_integer() else f"{float(value):,.1f}"
        span = r.get("first_span")
        text = " ".join(str(r.get("text", "") or "").split())
        if len(text) > PASSAGE_CHARS:  # the link leads to the whole passage
            text = text[:PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
        rows.append({"name": str(r.get("name", "")), "text": text,
                     "value": shown, "unit": str(r.get("unit", "") or ""),
                     "href": href(int(span)) if isinstance(span, int | float) and not math.isnan(float(span)) else ""})
    return {"rows": rows, "more": max(0, len(passages) - TOP_SELECTION)}
