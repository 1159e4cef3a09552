"""The comparison as a table for the terminal (``framing compare`` without ``--out``).

Example:
    >>> _cell(2.0, float("nan"), float("nan"), "")
    '2.00'
"""

from __future__ import annotations

import math

import pandas as pd


def _cell(value: float, lo: float, hi: float, caveats: object) -> str:
    if math.isnan(value):  # undefined, not zero
        text = "n/a"
    else:
        text = f"{value:.2f}" + ("" if math.isnan(lo) or math.isnan(hi) else f" [{lo:.2f}, {hi:.2f}]")
    return text + ("*" if isinstance(caveats, str | list | tuple) and len(caveats) > 0 else "")


def comparison_text(table: pd.DataFrame, *, level: float = 0.95) -> str:
    """The comparison as a terminal table: one row per measure, one column per outlet, ``value [lo, hi]``.

    Example:
        >>> import pandas as pd
        >>> rows = [("a", "hedges", "per_1k_words", 2.0, 1.0, 3.0, ""), ("b", "hedges", "per_1k_words",
        ...         float("nan"), float("nan"), float("nan"), "no words")]
        >>> table = pd.DataFrame(rows, columns=["outlet_id", "measure", "unit", "value", "lo", "hi", "caveats"])
        >>> print(comparison_text(table))
        measure (unit)                         a     b
        hedges (per_1k_words)  2.00 [1.00, 3.00]  n/a*
        <BLANKLINE>
        value [95% interval]; * has caveats (write them with --out FILE)
    """
    cells = [_cell(r.value, r.lo, r.hi, r.caveats) for r in table.itertuples(index=False)]
    rows = table.assign(row=table["measure"] + " (" + table["unit"] + ")", cell=cells)
    wide = rows.pivot(index="row", columns="outlet_id", values="cell")
    wide = wide.reindex(index=pd.unique(rows["row"]), columns=pd.unique(rows["outlet_id"])).fillna("")
    lines = [["measure (unit)", *map(str, wide.columns)], *([str(i), *r] for i, r in wide.iterrows())]
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    body = "\n".join(
        "  ".join([line[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True))])
        for line in lines
    )
    return f"{body}\n\nvalue [{level:.0%} interval]; * has caveats (write them with --out FILE)"
