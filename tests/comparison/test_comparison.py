"""The one comparison: computed once, read by the report and the worksheets, written as CSV, Parquet or JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from framing.comparison import FRAME_COLUMNS, Comparison, compare
from framing.errors import FramingError
from framing.reporting import report_html
from framing.reporting.context import build_context
from framing.reporting.formatting import fmt_interval, fmt_value
from framing.selection.measures import MEASURES as SELECTION_MEASURES
from framing.worksheets import build_worksheet
from framing.worksheets.exercises.discussion import _fmt

REPS = 200


@pytest.fixture(scope="module")
def comparison(seed_analysis) -> Comparison:
    return compare(seed_analysis, reps=REPS)


def test_tidy_table_has_one_row_per_outlet_and_measure(comparison: Comparison, seed_analysis):
    frame = comparison.to_frame()
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert not frame.duplicated(["outlet_id", "measure"]).any()
    outlets = set(seed_analysis.articles["outlet_id"])
    assert set(frame["outlet_id"]) == outlets
    selection_keys = [k for k, _, _ in SELECTION_MEASURES]
    assert len(frame) == len(outlets) * (len(comparison.measures) + len(selection_keys))
    assert [m.key for m in comparison.measures] + selection_keys == list(dict.fromkeys(frame["measure"]))


def test_story_comes_from_the_analysis(comparison: Comparison, seed_analysis):
    assert comparison.story == seed_analysis.story
    assert comparison.to_dict()["story"]["name"] == seed_analysis.story.name


def test_keyness_readability_and_sources_are_held(comparison: Comparison, seed_analysis):
    assert (comparison.keyness["count_outlet"] >= 3).all()
    assert set(comparison.readability["article_id"]) == set(seed_analysis.articles["article_id"])
    per_outlet = comparison.table[comparison.table["measure"] == "readability_fk_grade"].set_index("outlet_id")
    by_article = comparison.readability.groupby("outlet_id")["fk_grade"].mean()
    for outlet, value in by_article.items():
        assert per_outlet.loc[outlet, "value"] == pytest.approx(value)
    assert set(comparison.sources.index) == set(seed_analysis.articles["outlet_id"])
    assert comparison.top_terms(2).groupby("outlet_id").size().max() == 2


@pytest.mark.parametrize("name", ["c.csv", "c.parquet", "c.json"])
def test_write_by_suffix_round_trips(comparison: Comparison, tmp_path: Path, name: str):
    path = comparison.write(tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # atomic: no temporary file left behind
    frame = comparison.to_frame()
    if name.endswith(".json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        back = pd.DataFrame(data["rows"])
        assert data["settings"]["reps"] == REPS and len(data["keyness"]) == len(comparison.keyness)
    elif name.endswith(".csv"):
        back = pd.read_csv(path, keep_default_na=False, na_values=[""])
        back["caveats"] = back["caveats"].fillna("")
    else:
        back = pd.read_parquet(path)
    assert list(back.columns) == list(FRAME_COLUMNS)
    pd.testing.assert_frame_equal(back.astype(frame.dtypes.to_dict()), frame, check_exact=False)


def test_format_beats_suffix_and_unknown_formats_are_refused(comparison: Comparison, tmp_path: Path):
    comparison.write(tmp_path / "out.txt", format="json")
    assert json.loads((tmp_path / "out.txt").read_text(encoding="utf-8"))["outlets"]
    with pytest.raises(FramingError, match="csv"):
        comparison.write(tmp_path / "out.xlsx")
    with pytest.raises(FramingError, match="format"):
        comparison.write(tmp_path / "out.csv", format="xml")


def test_json_has_no_nan(comparison: Comparison):
    text = comparison.to_json()
    assert "NaN" not in text
    rows = json.loads(text)["rows"]
    assert any(r["lo"] is None for r in rows)  # distinct counts and readability means have no interval


def test_report_worksheet_and_table_show_the_same_figures(seed_analysis, comparison: Comparison):
    """The report's cells, the worksheet's discussion figures and the tidy rows are one set of numbers."""
    rows = comparison.to_frame().set_index(["outlet_id", "measure"])
    table = comparison.table.set_index(["outlet_id", "measure"])
    context = build_context(seed_analysis, comparison)
    n_cells = 0
    for group in context["comparison"]["groups"]:
        for measure in group["rows"]:
            for cell in measure["cells"]:
                row = rows.loc[(cell["outlet_id"], measure["key"])]
                kind = table.loc[(cell["outlet_id"], measure["key"]), "kind"]
                assert cell["raw"] == pytest.approx(row["value"], nan_ok=True)
                assert cell["value"] == fmt_value(row["value"], kind)
                assert cell["ci"] == fmt_interval(row["lo"], row["hi"], kind)
                n_cells += 1
    assert n_cells == len(comparison.table)
    names = dict(comparison.outlets)
    for level in ("intro", "advanced"):
        ex = next(e for e in build_worksheet(seed_analysis, comparison=comparison, level=level).exercises
                  if e.kind == "discussion")
        assert ex.questions
        for q in ex.questions:
            by_name = {names[o]: o for o in names}
            for r in q["rows"]:
                row = rows.loc[(by_name[r["outlet_name"]], q["measure"])]
                assert r["value"] == _fmt(row["value"], q["unit"]) and r["n_hits"] == row["n_hits"]
                assert r["caveats"] == row["caveats"]
            hi = q["rows"][0]
            assert hi["value"] in q["text"] and hi["outlet_name"] in q["text"]


def test_defaults_are_the_same_comparison(seed_analysis):
    """Without a comparison, the report and the worksheet make the same one (no second set of settings)."""
    comp = compare(seed_analysis, reps=50)
    assert report_html(seed_analysis, reps=50) == report_html(seed_analysis, comparison=comp)
    default = compare(seed_analysis)
    own = build_worksheet(seed_analysis, level="advanced")
    shared = build_worksheet(seed_analysis, comparison=default, level="advanced")
    assert [q["text"] for e in own.exercises for q in e.questions] == [
        q["text"] for e in shared.exercises for q in e.questions]
    assert default.reps == 1000 and not math.isnan(default.level)
