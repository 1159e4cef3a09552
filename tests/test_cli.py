"""The command line: exit codes, one-line errors, outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.model import SPAN_COLUMNS


def test_every_command_has_help(capsys):
    for cmd in ("report", "analyze", "clean", "kwic", "validate"):
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
