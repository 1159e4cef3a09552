"""Run every validator and format the validity table.

Example:
    >>> print(format_table([ValidationRow("m", "d", "F1", 0.9, anchor="0.8 (X 2020)")]).splitlines()[0].split())
    ['measure', 'dataset', 'metric', 'value', 'target', 'anchor', '(published)', 'n']
"""

from __future__ import annotations

import importlib
import json
import math
from collections.abc import Sequence
from pathlib import Path

from framing.atomic import write_text
from framing.errors import FramingError, value_invalid_msg
from framing.evaluation import VALIDATORS, ValidationRow, default_gold_dir


def run_validation(*, gold_dir: Path | None = None, only: Sequence[str] | None = None) -> list[ValidationRow]:
    """Run the validators (all, or ``only`` these) against ``gold_dir``."""
    gold = gold_dir or default_gold_dir()
    names = list(only) if only else list(VALIDATORS)
    for n in names:
        if n not in VALIDATORS:
            raise FramingError(value_invalid_msg("only", n, list(VALIDATORS)))
    rows: list[ValidationRow] = []
    for name in names:
        try:
            module = importlib.import_module(f"framing.evaluation.{name}")
        except ModuleNotFoundError:
            rows.append(ValidationRow(name, "-", "-", math.nan, note="validator not implemented yet"))
            continue
        if not gold.is_dir():
            rows.append(ValidationRow(name, str(gold), "-", math.nan, note="gold data folder not found"))
            continue
        rows.extend(module.validate(gold))
    return rows


def _fmt(v: float) -> str:
    if isinstance(v, float) and math.isnan(v):
        return "n/a"
    return f"{v:.3f}"


def format_table(rows: Sequence[ValidationRow]) -> str:
    """Plain-text table: measure, dataset, metric, value, target, published anchor, n."""
    header = ("measure", "dataset", "metric", "value", "target", "anchor (published)", "n")
    body = [(r.measure, r.dataset, r.metric, _fmt(r.value), r.target, r.anchor, str(r.n)) for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(header)]
    widths = [min(w, 60) for w in widths]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for b in body:
        lines.append("  ".join(c[:60].ljust(w) for c, w in zip(b, widths, strict=True)))
    notes = [f"  * {r.measure} / {r.metric}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def write_json(rows: Sequence[ValidationRow], path: Path) -> None:
    """Write the rows as a JSON list (for the report's validity card)."""
    write_text(path, json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False) + "\n")


def read_json(path: Path) -> list[ValidationRow]:
    """Read rows written by :func:`write_json`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for d in data:
        d["value"] = math.nan if d.get("value") is None else float(d["value"])
        out.append(ValidationRow(**d))
    return out
