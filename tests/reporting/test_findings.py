"""The report's opening: findings from the one comparison, profiles, the story-fit banner, validity badges."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from framing.comparison import compare
from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.reporting import report_html
from framing.reporting.sections.findings import MAX_FINDINGS, effect_size, findings
from framing.reporting.sections.fit import story_fit
from framing.reporting.sections.profiles import profiles
from framing.reporting.sections.validity import BADGES, badges, validity_card
from framing.story import load_story, packaged_stories


@pytest.fixture(scope="module")
def seed_comparison(seed_analysis):
    return compare(seed_analysis, reps=200)


def test_findings_are_differences_of_the_comparison_ranked_by_effect(seed_analysis, seed_comparison):
    found = findings(seed_comparison, seed_analysis)
    assert 3 <= len(found) <= MAX_FINDINGS
    table = seed_comparison.table.set_index(["outlet_id", "measure"])
    for f in found:
        row = table.loc[(f.outlet_id, f.measure)]
        assert row["differs_from_rest"] == f.direction and not row["few_hits"]
        assert f.effect == effect_size(row["kind"], row["value"], row["rest_value"])
    assert [f.effect for f in found] == sorted((f.effect for f in found), reverse=True)
    assert len({(f.outlet_id, seed_comparison.table.set_index("measure").loc[f.measure, "feature"].iloc[0])
                for f in found}) == len(found)


def test_finding_sentences_name_the_outlet_and_both_figures(seed_analysis, seed_comparison):
    for f in findings(seed_comparison, seed_analysis):
        row = seed_comparison.table.set_index(["outlet_id", "measure"]).loc[(f.outlet_id, f.measure)]
        assert f.outlet in f.text and "other outlets" in f.text
        assert f"{row['value']:.1f}" in f.text and f"{row['rest_value']:.1f}" in f.text


def test_finding_links_to_a_span_of_its_measure(seed_analysis, seed_comparison):
    spans = seed_analysis.spans
    for f in findings(seed_comparison, seed_analysis):
        assert f.span >= 0
        feature = seed_comparison.table.set_index("measure").loc[f.measure, "feature"].iloc[0]
        assert spans.iloc[f.span]["feature"] in str(feature).split(","), f


def test_no_finding_when_nothing_separates(seed_analysis, seed_comparison):
    table = seed_comparison.table.assign(differs_from_rest="")
    flat = type(seed_comparison)(**{**seed_comparison.__dict__, "table": table})
    assert findings(flat, seed_analysis) == []
    html = report_html(seed_analysis, comparison=flat)
    assert "Nothing separates the outlets clearly" in html


def test_few_hits_rows_are_never_findings(seed_analysis, seed_comparison):
    table = seed_comparison.table.copy()
    table["few_hits"] = True
    few = type(seed_comparison)(**{**seed_comparison.__dict__, "table": table})
    assert findings(few, seed_analysis) == []


def test_one_profile_per_outlet_with_counts_from_the_comparison(seed_comparison):
    profs = profiles(seed_comparison, anchors_by_outlet={})
    assert [p["id"] for p in profs] == [o for o, _ in seed_comparison.outlets]
    table = seed_comparison.table.set_index(["outlet_id", "measure"])
    for p in profs:
        for o in p["origins"]:
            assert o["n"] > 0
        assert sum(o["n"] for o in p["origins"]) == sum(
            int(table.loc[(p["id"], m), "n_hits"]) for m in table.loc[p["id"]].index if m.startswith("source_origin_"))


def test_profile_renders_selection_rows_when_computed(seed_comparison):
    import pandas as pd

    sel = pd.DataFrame({"outlet_id": ["dw"] * 5, "name": ["only here", "only here", "only here", "share", "sources"],
                        "value": [math.nan, math.nan, math.nan, 12.5, 3.0], "unit": ["", "", "", "%", "sources"],
                        "text": ["A passage", "B", "C", "", ""], "first_span": [3, 4, 5, math.nan, math.nan]})
    comp = type(seed_comparison)(**{**seed_comparison.__dict__, "selection": sel})
    dw = next(p for p in profiles(comp, anchors_by_outlet={}) if p["id"] == "dw")["selection"]
    assert dw["rows"][:3] == [{"name": "share", "text": "", "value": "12.5", "unit": "%", "href": ""},
                              {"name": "sources", "text": "", "value": "3", "unit": "sources", "href": ""},
                              {"name": "only here", "text": "A passage", "value": "", "unit": "", "href": "#span-3"}]
    assert len(dw["rows"]) == 3 and dw["more"] == 2  # every measure, the first passage


def test_every_measure_has_a_badge_or_says_it_has_none(seed_comparison):
    card = validity_card(None)
    for m in seed_comparison.measures:
        bs = badges(m.key, card)
        assert bs
        mapped = any(m.key.startswith(prefix) for prefix, _ in BADGES)
        assert (bs[0]["text"] == "no validity figure") != (mapped and bool(bs[0]["href"])), m.key
        for b in bs:
            if b["href"]:
                assert any(f"#{r['id']}" == b["href"] for r in card["rows"])


def test_shipped_release_figures_carry_date_and_version():
    card = validity_card(None)
    assert card["ran"] and card["rows"]
    assert re.fullmatch(r"measured at release, \d{4}-\d{2}-\d{2}, framing \S+", card["source"])


def test_old_list_format_of_validity_file_is_still_read(tmp_path: Path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps([{"measure": "m", "dataset": "d", "metric": "F1", "value": None}]), encoding="utf-8")
    card = validity_card(path)
    assert card["ran"] and card["rows"][0]["value"] == "not run" and card["source"] == "from old.json"


INDIA_US = [
    ("The Hindu", "Modi and Biden deepen a strategic partnership",
     "India and the United States are natural allies, Prime Minister Narendra Modi said in Washington on Thursday. "
     "The two countries signed agreements on defence and technology. \"India and America are partners for the "
     "century,\" Modi told reporters. Analysts in New Delhi said the partnership could reshape trade in the region. "
     "Washington sees New Delhi as a key partner in Asia, and India has bought more American weapons in recent "
     "years.\n\nThe visit was Modi's third to the United States as prime minister."),
    ("Dawn", "US courts India as a partner, with caveats",
     "The United States and India are not formal allies, officials in Washington said, but their ties have grown "
     "closer. India may remain cautious, a professor in New Delhi said, since it still buys oil from other "
     "suppliers. \"This is a partnership of convenience,\" said a former US diplomat. President Biden welcomed "
     "Modi at the White House. India and the US agreed to expand military exercises.\n\nTrade between India and "
     "the United States reached a record last year."),
]


@pytest.fixture(scope="module")
def india_us_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("india-us")
    rows = [{"id": f"iu{i}", "outlet": outlet, "title": title, "text": text}
            for i, (outlet, title, text) in enumerate(INDIA_US)]
    path = folder / "india_us.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return load_corpus(path)


def test_story_that_does_not_fit_gets_the_banner(india_us_corpus):
    analysis = analyze(india_us_corpus)
    warning = story_fit(analysis)
    assert "may not fit" in warning and "--story" in warning
    html = report_html(analysis, reps=20)
    assert 'id="story-warning"' in html and html.index('id="story-warning"') < html.index('id="findings"')


def test_india_us_story_file_gets_its_actors_and_dyad_and_no_banner(india_us_corpus):
    story = load_story(packaged_stories()["india_us"])
    analysis = analyze(india_us_corpus, story=story)
    spans = analysis.spans
    assert {"india", "us"} <= set(spans.loc[spans["feature"] == "actor", "label"])
    assert "india-us" in set(spans.loc[spans["feature"] == "relationship_label", "target"])
    assert story_fit(analysis) == ""
    html = report_html(analysis, reps=20)
    assert 'id="story-warning"' not in html and "India–US relations" in html


def test_seed_story_fits_the_seeds(seed_analysis):
    assert story_fit(seed_analysis) == ""


def test_effect_size_is_symmetric_and_capped():
    assert effect_size("rate", 2.0, 1.0) == effect_size("rate", 1.0, 2.0) == 1.0
    assert effect_size("rate", 0.0, 3.0) == effect_size("rate", 3.0, 0.0) == 5.0
    assert math.isnan(effect_size("rate", math.nan, 1.0))


@pytest.mark.slow
def test_fresh_copy_without_shared_shows_shipped_figures_with_their_date(tmp_path: Path):
    """A copy of the package with no ../shared beside it: the validity card shows the release figures."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    repo = tmp_path / "repo"
    shutil.copytree(root / "framing", repo / "framing", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "seeds", repo / "seeds")
    assert not (tmp_path / "shared").exists()
    code = ("from pathlib import Path; from framing import analyze, load_corpus; "
            "from framing.reporting import build_report; "
            "build_report(analyze(load_corpus(Path('seeds'))), out_dir=Path('out'), formats=('html',), reps=20)")
    env = {"PYTHONPATH": str(repo), "HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], cwd=repo, check=True, env=env)
    section = (repo / "out" / "report.html").read_text(encoding="utf-8").split('<section id="validity">')[1]
    shipped = json.loads((root / "framing" / "evaluation" / "validity_release.json").read_text(encoding="utf-8"))
    assert f"measured at release, {shipped['measured_on']}, framing {shipped['framing_version']}" in section
    assert len(re.findall(r'<tr id="validity-\d+">', section)) == len(shipped["rows"])
