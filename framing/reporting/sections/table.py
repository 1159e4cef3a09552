"""Section 2, the side-by-side comparison table (transposed, with rankings, for many outlets).

Every cell is a row of the one comparison (:class:`framing.comparison.Comparison`):
its value and interval formatted (or, where the hits are too few for an
interval, the count behind it: "2 in 1,016 words"), its caveats, and a link to
the first span behind it. A warning that holds for many cells is said once:
per outlet (one article, not English) or per group of measures (too few hits).

Example:
    >>> _by_value([{"raw": 1.0, "outlet": "A"}, {"raw": float("nan"), "outlet": "B"}, {"raw": 2.0, "outlet": "C"}])
    [{'raw': 2.0, 'outlet': 'C'}, {'raw': 1.0, 'outlet': 'A'}, {'raw': nan, 'outlet': 'B'}]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing.comparison.intervals import count_text
from framing.reporting.formatting import fmt_interval, fmt_value

#: The caveat text of too few hits (:mod:`framing.comparison.caveats`), said once per group, not per cell.
_FEW = "fewer than"

#: Above this many outlets the comparison is transposed: one table per group, outlets as rows, sorted by a measure.
WIDE_OUTLETS = 8


def comparison_table(table: pd.DataFrame, outlets: list[tuple[str, str]], anchors_by_outlet: dict[str, str],
                     shown_spans: set[int] | None = None) -> dict[str, Any]:
    """The table's groups, rows and cells (and, above :data:`WIDE_OUTLETS` outlets, the transposed tables).

    Args:
        table: The comparison table (:attr:`framing.comparison.Comparison.table`).
        outlets: ``(outlet_id, outlet_name)`` in column order.
        anchors_by_outlet: Where a cell without a shown span links to, per outlet.
        shown_spans: Span rows shown in the evidence (None: all).
    """
    groups: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    # A warning that holds for every figure of an outlet is shown once, under the outlet's name.
    outlet_flags: dict[str, tuple[str, ...]] = {}
    for o, sub in table.groupby("outlet_id", sort=False):
        parts = [set(str(c).split("; ")) for c in sub["caveats"]]
        common = set.intersection(*parts) if parts else set()
        outlet_flags[str(o)] = tuple(f for f in ("rests on one article", "not English: English word lists do not apply")
                                     if f in common)
    for row in table.itertuples(index=False):
        g = index.get(row.group)
        if g is None:
            g = {"name": row.group, "rows": [], "_rows": {}, "n_few": 0, "note": ""}
            index[row.group] = g
            groups.append(g)
        m = g["_rows"].get(row.measure)
        if m is None:
            m = {"key": row.measure, "name": row.name, "unit": row.unit, "cells": []}
            g["_rows"][row.measure] = m
            g["rows"].append(m)
        fallback = anchors_by_outlet.get(row.outlet_id, "evidence")
        linked = row.first_span >= 0 and (shown_spans is None or int(row.first_span) in shown_spans)
        href = f"#span-{row.first_span}" if linked else f"#{fallback}"
        flags = [f for f in str(row.caveats).split("; ")
                 if f and f not in outlet_flags.get(row.outlet_id, ()) and not f.startswith(_FEW)]
        few = bool(row.few_hits)
        g["n_few"] += few
        m["cells"].append(
            {
                "outlet_id": row.outlet_id, "outlet": row.outlet_name, "raw": float(row.value),
                "value": fmt_value(row.value, row.kind),
                "ci": fmt_interval(row.ci_low, row.ci_high, row.kind),
                "count": count_text(row.kind, int(row.n_hits), float(row.n_base), row.unit) if few else "",
                "href": href,
                "n_hits": int(row.n_hits),
                "differs": row.differs_from_rest,
                "flags": flags,
                "title": f"{row.outlet_name}: {row.name} = {fmt_value(row.value, row.kind)} {row.unit}; "
                f"{int(row.n_hits)} spans; rest of corpus {fmt_value(row.rest_value, row.kind)} "
                f"({fmt_interval(row.rest_ci_low, row.rest_ci_high, row.kind) or 'no interval'})",
            }
        )
    for g in groups:
        del g["_rows"]
        if g["n_few"]:
            g["note"] = (f"{g['n_few']} of these figures rest on too few hits for an interval: they show the count "
                         "behind them instead, and are never marked as a difference.")
    heads = [{"id": o, "name": n, "flags": list(outlet_flags.get(o, ())),
              "anchor": anchors_by_outlet.get(o, "evidence")} for o, n in outlets]
    wide = len(outlets) > WIDE_OUTLETS
    return {"outlets": heads, "groups": groups, "wide": wide,
            "tables": _transposed(groups, heads) if wide else [],
            "rankings": _rankings(groups) if wide else []}


def _by_value(cells: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cells from the highest value to the lowest (undefined last, then by outlet name)."""
    return sorted(cells, key=lambda c: (math.isnan(c["raw"]), -c["raw"] if not math.isnan(c["raw"]) else 0.0,
                                        c["outlet"]))


def _transposed(groups: list[dict[str, Any]], heads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table per group for many outlets: outlets are rows, sorted by the group's first measure."""
    out = []
    for g in groups:
        first = g["rows"][0]
        order = [c["outlet_id"] for c in _by_value(first["cells"])]
        cells = {(m["key"], c["outlet_id"]): c for m in g["rows"] for c in m["cells"]}
        head = {h["id"]: h for h in heads}
        rows = [{"outlet": head[o], "cells": [cells.get((m["key"], o)) for m in g["rows"]]} for o in order]
        out.append({"name": g["name"], "sorted_by": f"{first['name']} ({first['unit']})",
                    "measures": [{"key": m["key"], "name": m["name"], "unit": m["unit"]} for m in g["rows"]],
                    "rows": rows, "note": g["note"]})
    return out


def _rankings(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every measure with its outlets ranked from the highest value to the lowest."""
    return [{"key": m["key"], "name": m["name"], "unit": m["unit"], "group": g["name"], "cells": _by_value(m["cells"])}
            for g in groups for m in g["rows"]]
