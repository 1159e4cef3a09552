"""Run every validator and format the validity table.

Example:
    >>> print(format_table([ValidationRow("m", "d", "F1", 0.9, anchor="0.8 (X 2020)")]).splitlines()[0].split())
    ['measure', 'dataset', 'metric', 'value', 'target', 'anchor', '(published)', 'n']
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
import os
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

from framing.atomic import write_text
from framing.errors import FramingError, value_invalid_msg
from framing.evaluation import VALIDATORS, ValidationRow, default_gold_dir
from framing.version import __version__


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


class ValidityFile(NamedTuple):
    """What :func:`read_json` returns: the rows, and when and with which version they were measured."""

    rows: list[ValidationRow]
    measured_on: str = ""
    framing_version: str = ""


def write_json(rows: Sequence[ValidationRow], path: Path, *, measured_on: str | None = None) -> None:
    """Write the rows as JSON (for the report's validity card): ``{measured_on, framing_version, rows}``.

    Args:
        rows: The validity rows.
        path: Output file (written atomically).
        measured_on: ISO date of the measurement (default: today, or the date of
            ``SOURCE_DATE_EPOCH`` when that is set, for reproducible builds).
    """
    if measured_on is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        day = (datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date() if epoch.isdigit()
               else datetime.date.today())
        measured_on = day.isoformat()
    data = {"measured_on": measured_on, "framing_version": __version__, "rows": [r.as_dict() for r in rows]}
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def read_json(path: Path | Traversable) -> ValidityFile:
    """Read a file written by :func:`write_json` (or the older format: a bare list of rows, with no date).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "v.json"
        >>> write_json([ValidationRow("m", "d", "F1", 0.5)], p, measured_on="2026-01-02")
        >>> f = read_json(p)
        >>> f.measured_on, f.rows[0].value
        ('2026-01-02', 0.5)
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = {} if isinstance(data, list) else data
    out = []
    for d in data if isinstance(data, list) else data["rows"]:
        d["value"] = math.nan if d.get("value") is None else float(d["value"])
        out.append(ValidationRow(**d))
    return ValidityFile(out, str(meta.get("measured_on", "")), str(meta.get("framing_version", "")))
