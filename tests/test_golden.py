"""Golden span file: today's quote, paraphrase, label, hedge and booster spans of the seeds, frozen.

Any change to these rows must be deliberate: review it, then run
``tests/golden/regenerate.py`` on purpose (see ``tests/golden/README.md``).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pandas as pd

_SPEC = importlib.util.spec_from_file_location("golden_regenerate", Path(__file__).parent / "golden" / "regenerate.py")
assert _SPEC is not None and _SPEC.loader is not None
regenerate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(regenerate)

MAX_SHOWN = 40


def _rows(table: pd.DataFrame) -> Counter[tuple[str, ...]]:
    return Counter(tuple(r) for r in table[list(regenerate.COLUMNS)].itertuples(index=False, name=None))


def _show(row: tuple[str, ...]) -> str:
    d = dict(zip(regenerate.COLUMNS, row, strict=True))
    text = " ".join(d["text"].split())
    text = text if len(text) <= 70 else text[:45] + " … " + text[-20:]
    extras = ", ".join(f"{k}={d[k]}" for k in ("label", "category", "polarity", "target", "voice", "speaker") if d[k])
    return f"{d['article_id'][:3]} {d['feature']} {d['start']}-{d['end']} [{text}] {extras}"


def span_diff(golden: pd.DataFrame, current: pd.DataFrame) -> str:
    """Readable diff: rows removed from and added to the golden file ('' when identical)."""
    old, new = _rows(golden), _rows(current)
    removed, added = sorted((old - new).elements()), sorted((new - old).elements())
    if not removed and not added:
        return ""
    lines = [f"{len(removed)} golden span rows disappeared, {len(added)} new rows appeared:"]
    lines += [f"  - {_show(r)}" for r in removed[:MAX_SHOWN]]
    lines += [f"  + {_show(r)}" for r in added[:MAX_SHOWN]]
    if len(removed) > MAX_SHOWN or len(added) > MAX_SHOWN:
        lines.append(f"  ... (first {MAX_SHOWN} of each shown)")
    lines.append("If every change is intended, review it row by row, then regenerate on purpose:\n"
                 "  .venv/bin/python tests/golden/regenerate.py && git diff tests/golden/seed_spans.csv")
    return "\n".join(lines)


def test_seed_spans_match_the_golden_file(seed_analysis):
    golden = regenerate.read_golden()
    assert list(golden.columns) == list(regenerate.COLUMNS)
    diff = span_diff(golden, regenerate.golden_view(seed_analysis.spans))
    assert not diff, diff


def test_golden_file_covers_every_frozen_feature_with_voice_and_speaker():
    golden = regenerate.read_golden()
    assert set(golden["feature"]) == set(regenerate.FEATURES)
    assert (golden["voice"] != "").all()
    quotes = golden[golden["feature"] == "quote"]
    assert (quotes["speaker"] != "").mean() > 0.8


def test_diff_names_removed_and_added_rows():
    golden = regenerate.read_golden()
    changed = golden.copy()
    changed.loc[0, "polarity"] = "questioned"
    diff = span_diff(golden, changed)
    assert "1 golden span rows disappeared, 1 new rows appeared" in diff
    assert "polarity=questioned" in diff.splitlines()[2] and diff.splitlines()[1].startswith("  - ")
    assert "regenerate.py" in diff
    assert span_diff(golden, golden) == ""
