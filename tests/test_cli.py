"""The command line: exit codes, one-line errors, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.model import SPAN_COLUMNS


def test_every_command_has_help(capsys):
    for cmd in ("report", "analyze", "compare", "clean", "kwic", "validate", "worksheet", "agreement"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0
        assert "usage: framing " + cmd in capsys.readouterr().out


def test_python_dash_m_framing_runs():
    out = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("framing ")


def test_analyze_writes_exactly_the_span_table(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "spans.csv"
    assert main(["analyze", str(seeds_dir), "--out", str(out)]) == 0
    spans = pd.read_csv(out, keep_default_na=False)
    assert list(spans.columns) == list(SPAN_COLUMNS)
    assert {"sentence"} <= set(spans["feature"])
    assert spans["outlet_id"].nunique() == 5


def test_analyze_parquet(seeds_dir: Path, tmp_path: Path):
    out = tmp_path / "spans.parquet"
    assert main(["analyze", str(seeds_dir), "--out", str(out)]) == 0
    assert list(pd.read_parquet(out).columns) == list(SPAN_COLUMNS)


def test_clean_writes_texts_and_audit(seeds_dir: Path, tmp_path: Path):
    assert main(["clean", str(seeds_dir), "--out", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.txt"))) == 5
    removed = pd.read_csv(tmp_path / "removed.csv")
    assert list(removed.columns) == ["article_id", "line", "text", "rule"]
    assert len(removed) > 0 and removed["rule"].str.len().gt(0).all()


def test_no_article_loaded_exits_2_with_one_line(tmp_path: Path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err and "no article could be loaded" in err
    assert "Traceback" not in err


def test_some_loaded_exits_0_and_lists_problems(tmp_path: Path, capsys):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "1", "outlet": "A", "text": "Xi met Putin in Beijing on Friday, officials said."}\n{broken\n',
        encoding="utf-8",
    )
    assert main(["analyze", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "x.csv")]) == 0
    assert "broken JSON" in capsys.readouterr().err


def test_missing_corpus_is_a_one_line_error(tmp_path: Path, capsys):
    assert main(["kwic", "alliance", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_bad_out_suffix(seeds_dir: Path, tmp_path: Path, capsys):
    assert main(["analyze", str(seeds_dir), "--out", str(tmp_path / "x.txt")]) == 2
    assert ".csv or .parquet" in capsys.readouterr().err


def test_kwic_prints_occurrences(seeds_dir: Path, capsys):
    assert main(["kwic", "alliance", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "[alliance]" in out and "occurrence(s) in" in out


def test_report_html_names_all_outlets(seeds_dir: Path, tmp_path: Path):
    assert main(["report", str(seeds_dir), "--out", str(tmp_path), "--format", "html"]) == 0
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for name in ("South China Morning Post", "Deutsche Welle", "The Washington Post", "Responsible Statecraft",
                 "Romanian analysis site"):
        assert name in html


def test_analyze_span_table_carries_voice_speaker_polarity_and_target(seeds_dir: Path, tmp_path: Path):
    from framing.model import POLARITIES, VOICES

    out = tmp_path / "spans.csv"
    assert main(["analyze", str(seeds_dir), "--out", str(out)]) == 0
    spans = pd.read_csv(out, keep_default_na=False)
    cues = spans[spans["feature"].isin(["quote", "paraphrase", "relationship_label", "hedge", "booster"])]
    assert {"quote", "paraphrase", "relationship_label", "hedge", "booster"} == set(cues["feature"])
    assert cues["voice"].isin(VOICES).all()
    quoted = cues[cues["voice"] != "authorial"]
    assert (quoted["speaker"] != "").mean() > 0.8  # what sources say is attributed to someone
    assert (cues.loc[cues["voice"] == "authorial", "speaker"] == "").all()
    quotes = spans[spans["feature"] == "quote"]
    assert (quotes["voice"] == "direct_quote").all() and "Vladimir Putin" in set(quotes["speaker"])
    labels = spans[spans["feature"] == "relationship_label"]
    assert labels["polarity"].isin(POLARITIES).all() and (labels["target"] != "").all()
    assert {"affirmed", "negated", "hypothetical"} <= set(labels["polarity"])
    for feature in ("hedge", "booster"):
        rows = spans[spans["feature"] == feature]
        assert {"authorial", "direct_quote"} <= set(rows["voice"]), feature


# --- start-up: heavy libraries are imported by the commands that need them, not by `framing --help` ---

HEAVY = ("pandas", "numpy", "nltk", "sklearn", "matplotlib", "weasyprint", "trafilatura", "joblib", "pyarrow")


def _imported_by(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split()[-len(HEAVY):]) & set(HEAVY)


def test_help_and_import_load_no_heavy_library():
    assert _imported_by("import framing") == set()
    assert _imported_by("import framing.cli") == set()
    assert _imported_by("import framing.cli\ntry:\n    framing.cli.main(['compare', '--help'])\n"
                        "except SystemExit:\n    pass") == set()


def test_public_names_load_on_first_use():
    assert _imported_by("import framing\nframing.load_corpus") >= {"pandas"}


def test_analysing_the_seeds_imports_no_nltk_sklearn_or_renderer():
    # segmentation is Punkt's rules written out (framing.corpus.segmentation), not nltk's 0.8 s import
    loaded = _imported_by("import framing\nframing.analyze(framing.load_corpus(), engine='serial')")
    assert loaded.isdisjoint({"nltk", "sklearn", "matplotlib", "weasyprint", "joblib"}), loaded


# --- --story: every command that analyses takes a story file ---


def test_every_analysing_command_takes_a_story_file():
    from framing.cli import build_parser

    parser = build_parser()
    for cmd in ("report", "analyze", "compare", "kwic", "worksheet"):
        args = parser.parse_args([cmd, *(["alliance"] if cmd == "kwic" else []), "--story", "my.toml",
                                  *(["x", "--out", "x.csv"] if cmd == "analyze" else [])])
        assert args.story == "my.toml", cmd


def test_bad_story_file_is_a_one_line_error(seeds_dir: Path, tmp_path: Path, capsys):
    bad = tmp_path / "story.toml"
    bad.write_text("name = \"x\"\nnot toml at all [\n", encoding="utf-8")
    for argv in (["analyze", str(seeds_dir), "--out", str(tmp_path / "x.csv")], ["kwic", "alliance"],
                 ["compare"], ["report", "--out", str(tmp_path)]):
        assert main([*argv, "--story", str(bad)]) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "story.toml" in err, argv
    assert not (tmp_path / "x.csv").exists()


def test_analyze_with_the_default_story_file_equals_no_story(seeds_dir: Path, tmp_path: Path):
    from framing.story import packaged_stories

    plain, storied = tmp_path / "plain.csv", tmp_path / "storied.csv"
    assert main(["analyze", str(seeds_dir), "--out", str(plain)]) == 0
    assert main(["analyze", str(seeds_dir), "--out", str(storied), "--story", str(packaged_stories()["default"])]) == 0
    assert plain.read_bytes() == storied.read_bytes()


# --- framing compare ---


def _has_compare() -> bool:
    try:
        from framing.comparison import compare  # noqa: F401
    except ImportError:
        return False
    return True


needs_compare = pytest.mark.skipif(not _has_compare(), reason="framing.comparison.compare not built yet (issue 12)")


@needs_compare
def test_compare_formats_are_those_the_comparison_writes():
    from framing.cli import COMPARE_FORMATS
    from framing.comparison import FORMATS

    assert COMPARE_FORMATS == FORMATS


@needs_compare
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_compare_writes_the_tidy_table(seeds_dir: Path, tmp_path: Path, suffix: str):
    out = tmp_path / f"comparison{suffix}"
    assert main(["compare", str(seeds_dir), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False) if suffix == ".csv" else pd.read_parquet(out)
    assert list(table.columns) == ["outlet_id", "measure", "unit", "value", "lo", "hi", "n_articles", "n_hits",
                                   "caveats"]
    assert sorted(table["outlet_id"].unique()) == ["dw", "ro-site", "rs", "scmp", "wapo"]


@needs_compare
def test_compare_json_and_format_option(seeds_dir: Path, tmp_path: Path):
    import json

    out = tmp_path / "comparison.txt"
    assert main(["compare", str(seeds_dir), "--out", str(out), "--format", "json"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"story", "rows"} <= set(data) and len(data["rows"]) > 0


@needs_compare
def test_compare_without_out_prints_one_row_per_measure(seeds_dir: Path, capsys):
    assert main(["compare", str(seeds_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert {"scmp", "dw", "wapo", "rs", "ro-site"} <= set(lines[0].split())
    assert lines[-1].startswith("value [95% interval]") and len(lines) > 5


@needs_compare
def test_compare_no_selection_skips_only_the_selection_measures(seeds_dir: Path, capsys):
    assert main(["compare", str(seeds_dir)]) == 0
    full = {line.split()[0] for line in capsys.readouterr().out.splitlines()[1:-1] if line.strip()}
    assert main(["compare", str(seeds_dir), "--no-selection"]) == 0
    lean = {line.split()[0] for line in capsys.readouterr().out.splitlines()[1:-1] if line.strip()}
    assert {m for m in full if m.startswith("selection_")} and not any(m.startswith("selection_") for m in lean)
    assert lean == {m for m in full if not m.startswith("selection_")}


def test_compare_refuses_an_unknown_suffix_before_analysing(tmp_path: Path, capsys):
    assert main(["compare", "--out", str(tmp_path / "comparison.xlsx")]) == 2
    assert ".csv, .parquet or .json" in capsys.readouterr().err


# --- --clean: short texts survive --------------------------------------------------------------

#: One-line news headlines (written for this test), with the rule each would trip on a full page.
HEADLINES: dict[str, str] = {
    "plain": "Stocks tumble as fears of a global recession deepen",
    "disaster": "Rescuers pull survivors from rubble after deadly earthquake",
    "title_case": "Local Library Celebrates 100 Years With Free Concert",
    "policy": "Senate passes bipartisan bill to expand veterans' health care",
    "attribution_colon": "Police: Man charged with murder in downtown shooting",
    "why_headline": "Why the housing market may finally be cooling",
    "question": "Is the four-day work week here to stay?",
    "quoted_phrase": "Xi and Putin pledge 'no limits' partnership ahead of Olympics",
    "good_news": "Teen inventor wins top science prize for water filter",
    "flood": "Flooding forces thousands to flee their homes in Bangladesh",
    "quote_first": "\"We will rebuild,\" mayor vows after tornado flattens town",
    "social_rule_wording": "Protesters follow him to the airport as minister resigns",
    "promo_rule_wording": "Subscribe to nothing: readers abandon paywalls, survey finds",
    "caption_rule_wording": "Photo: Crowds cheer as marathon winner crosses the line",
    "wire_prefix": "UPDATE 2-Oil prices climb after OPEC agrees deep output cuts",
    "praise": "Hospital staff praised for heroic response to bus crash",
    "short": "Court blocks controversial voter ID law",
    "final_stop": "Unemployment falls to lowest level in five decades.",
    "related_rule_wording": "Read more: Dozens killed in suicide bombing at market",
    "byline_rule_wording": "By the numbers: How the pandemic changed commuting",
}


def test_every_command_that_loads_a_corpus_takes_clean():
    from framing.cli import CLEAN_CHOICES, build_parser
    from framing.corpus.loading import CLEAN_MODES

    assert CLEAN_CHOICES == CLEAN_MODES

    parser = build_parser()
    for cmd in ("report", "analyze", "compare", "clean", "kwic", "worksheet", "agreement"):
        lead = {"kwic": ["alliance"], "agreement": ["coding.csv"]}.get(cmd, [])
        out = ["x", "--out", "x.csv"] if cmd in ("analyze", "clean") else []
        assert parser.parse_args([cmd, *lead, *out, "--clean", "off"]).clean == "off", cmd
        assert parser.parse_args([cmd, *lead, *out]).clean == "auto", cmd


def test_one_line_headlines_are_all_analysed_with_a_sentiment_span(tmp_path: Path):
    corpus = tmp_path / "headlines.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": k, "outlet": "Wire", "text": v}) for k, v in HEADLINES.items()),
                      encoding="utf-8")
    out = tmp_path / "spans.csv"
    assert main(["analyze", str(corpus), "--out", str(out), "--engine", "serial"]) == 0
    spans = pd.read_csv(out, keep_default_na=False)
    sentiment = spans[spans["feature"] == "sentiment"].set_index("article_id")
    assert set(sentiment.index) == set(HEADLINES)
    for case, text in HEADLINES.items():
        assert sentiment.loc[case, "text"] == text, case
        assert -1 <= float(sentiment.loc[case, "score"]) <= 1, case


def test_clean_off_keeps_page_furniture(seeds_dir: Path, tmp_path: Path):
    assert main(["clean", str(seeds_dir), "--out", str(tmp_path / "off"), "--clean", "off"]) == 0
    assert main(["clean", str(seeds_dir), "--out", str(tmp_path / "auto")]) == 0
    off, auto = (tmp_path / "off" / "002_c40ff58b17933c32.txt"), (tmp_path / "auto" / "002_c40ff58b17933c32.txt")
    assert off.read_text(encoding="utf-8").startswith("Follow us on social")
    assert auto.read_text(encoding="utf-8").startswith("It may come off as a bromance of convenience")


# --- progress: shown on a terminal, silent when stderr is a file or a pipe ---


def _analyze_seeds(seeds: Path, tmp_path: Path, *, tty: bool) -> str:
    """Run ``framing analyze`` on the seeds with stderr a pipe, or a pseudo-terminal; what stderr got."""
    import os
    import pty

    cmd = [sys.executable, "-m", "framing", "analyze", str(seeds), "--out", str(tmp_path / "spans.csv")]
    if not tty:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty has 0 columns
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait() == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_analyze_progress_is_silent_when_stderr_is_not_a_terminal(seeds_dir: Path, tmp_path: Path):
    assert _analyze_seeds(seeds_dir, tmp_path, tty=False) == ""


def test_analyze_progress_shows_articles_on_a_terminal(seeds_dir: Path, tmp_path: Path):
    err = _analyze_seeds(seeds_dir, tmp_path, tty=True)
    assert "analysing" in err and "5article" in err.replace(" ", ""), err


def test_compare_one_story_group_of_framing_stories(seeds_dir: Path, tmp_path: Path, capsys):
    stories = tmp_path / "stories.csv"
    assert main(["stories", str(seeds_dir), "--out", str(stories)]) == 0
    table = pd.read_csv(stories, dtype=str)
    group = table["story_id"].value_counts().index[0]
    out = tmp_path / "one.csv"
    assert main(["compare", str(seeds_dir), "--stories", str(stories), "--group", group, "--out", str(out)]) == 0
    expected = set(table.loc[table["story_id"] == group, "outlet_id"])
    assert set(pd.read_csv(out)["outlet_id"]) == expected
    capsys.readouterr()
    assert main(["compare", str(seeds_dir), "--stories", str(stories), "--group", "no-such-group"]) == 2
    assert "no article in story group 'no-such-group'" in capsys.readouterr().err
