"""framing agreement: hand-coding vs the tool, figures computed by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from framing.agreement import agreement_table, disagreements, parse_coding, read_coding
from framing.cli import main
from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.errors import FramingError
from framing.model import Article, Corpus, Span, spans_to_frame

TEXT = "It may rain. It might snow. Perhaps it will hail. It will surely clear. The sun shines."
SENTS = [(0, 12), (13, 27), (28, 49), (50, 70), (71, 86)]


def _hand_spans() -> pd.DataFrame:
    spans = [Span("a", "o", "sentence", s, e, TEXT[s:e], i, score=3.0) for i, (s, e) in enumerate(SENTS)]
    for word, sent in (("may", 0), ("might", 1), ("Perhaps", 2)):
        start = TEXT.index(word)
        spans.append(Span("a", "o", "hedge", start, start + len(word), word, sent))
    return spans_to_frame(spans)


def _corpus() -> Corpus:
    return Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text=TEXT, text=TEXT)])


def _csv(rows: list[tuple[str, int, int, str]], coder: str = "ana") -> str:
    lines = ["article_id,feature,start,end,text,coder"]
    lines += [f"{a},hedge,{s},{e},{t},{coder}" for a, s, e, t in rows]
    return "\n".join(lines) + "\n"


def test_three_tool_spans_coder_finds_two_plus_one_other() -> None:
    # Coder examines all five sentences; marks "may", "might" (tool's) and "surely" (not a tool span).
    rows = parse_coding(_csv([("a", *SENTS[0], "may"), ("a", *SENTS[1], "might"), ("a", *SENTS[2], ""),
                              ("a", *SENTS[3], "surely"), ("a", *SENTS[4], "")]), _corpus())
    t = agreement_table(rows, _hand_spans()).iloc[0]
    assert (t["n_units"], t["n_tool"], t["n_coder"], t["n_matched"]) == (5, 3, 3, 2)
    assert t["precision"] == pytest.approx(2 / 3) and t["recall"] == pytest.approx(2 / 3)
    # Units: tool [1,1,1,0,0], coder [1,1,0,1,0]: po = 3/5, pe = .6*.6 + .4*.4 = .52, kappa = .08/.48 = 1/6.
    assert t["kappa"] == pytest.approx((0.6 - 0.52) / (1 - 0.52))
    assert (t["units_both"], t["units_tool_only"], t["units_coder_only"], t["units_neither"]) == (2, 1, 1, 1)
    d = disagreements(rows, _hand_spans())
    assert d[["kind", "text"]].values.tolist() == [["tool_only", "Perhaps"], ["coder_only", "surely"]]


def test_only_examined_sentences_count() -> None:
    # The coder looked at sentence 0 only: "might" and "Perhaps" are out of scope, kappa is undefined (one unit).
    rows = parse_coding(_csv([("a", *SENTS[0], "may")]), _corpus())
    t = agreement_table(rows, _hand_spans()).iloc[0]
    assert (t["n_units"], t["n_tool"], t["precision"], t["recall"]) == (1, 1, 1.0, 1.0)
    assert math.isnan(t["kappa"])


def test_coders_are_scored_separately_and_exact_offsets_work() -> None:
    # ben gives the cue's own offsets (3-6 = "may") instead of the sentence's.
    rows = parse_coding(_csv([("a", *SENTS[0], "may")], coder="ana") + "a,hedge,3,6,may,ben\n", _corpus())
    assert [(r.coder, r.cue_start, r.cue_end) for r in rows] == [("ana", 3, 6), ("ben", 3, 6)]
    t = agreement_table(rows, _hand_spans())
    assert t["coder"].tolist() == ["ana", "ben"] and t["n_matched"].tolist() == [1, 1]


def test_second_copy_of_a_word_in_one_sentence_is_the_next_occurrence() -> None:
    text = "It may or may not rain."
    c = Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text=text, text=text)])
    rows = parse_coding("article_id,feature,start,end,text\na,hedge,0,23,may\na,hedge,0,23,May\n", c)
    assert [(r.cue_start, r.cue_end) for r in rows] == [(3, 6), (10, 13)]


@pytest.mark.parametrize(
    ("csv_text", "problem"),
    [
        ("article_id,feature,start,text\n", "missing column(s) end"),
        ("article_id,feature,start,end,text\nzzz,hedge,0,5,\n", "row 2: unknown article_id 'zzz'"),
        ("article_id,feature,start,end,text\na,hedge,0,999,\n", "row 2: offsets 0-999 are outside article 'a'"),
        ("article_id,feature,start,end,text\na,hedge,x,5,\n", "row 2: `start` must be a whole number"),
        ("article_id,feature,start,end,text\na,hedge,0,12,\na,hedge,0,12,snow\n", "row 3: text 'snow' not found"),
        ("article_id,feature,start,end,text\na,mood,0,12,\n", "row 2: unknown feature 'mood'"),
        ("article_id,feature,start,end,text,voice\na,hedge,0,12,may,loud\n", "row 2: voice 'loud' not understood"),
    ],
)
def test_bad_coding_file_one_line_error(tmp_path: Path, csv_text: str, problem: str) -> None:
    path = tmp_path / "coding.csv"
    path.write_text(csv_text, encoding="utf-8")
    with pytest.raises(FramingError) as err:
        read_coding(path, _corpus())
    message = str(err.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_cli_agreement_on_seed_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_corpus()
    article = corpus.articles[0]
    spans = analyze(Corpus([article])).spans
    sents = spans[spans["feature"] == "sentence"].sort_values("start").head(30)
    hedges = spans[spans["feature"] == "hedge"]
    lines = ["article_id,outlet_id,feature,start,end,unit_text,text,label,polarity,voice,speaker,coder,help"]
    tool_units, coder_units, n_tool, n_coder = [], [], 0, 0
    dropped = added = False
    for _, s in sents.iterrows():
        inside = hedges[(hedges["start"] >= s["start"]) & (hedges["start"] < s["end"])]
        marks = [str(t) for t in inside["text"]]
        n_tool += len(marks)
        tool_units.append(int(bool(marks)))
        if marks and not dropped:  # the coder misses the tool's first hedge
            marks, dropped = marks[1:], True
        elif not marks and not added and len(str(s["text"]).split()) > 3:  # and marks a word the tool did not
            marks, added = [str(s["text"]).split()[1].strip(",.;:\"“”")], True
        n_coder += len(marks)
        coder_units.append(int(bool(marks)))
        for m in marks or [""]:
            lines.append(f"{article.id},,hedge,{s['start']},{s['end']},,{m},,,,,,")
    assert dropped and added and n_tool >= 3
    path = tmp_path / "coding.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["agreement", str(path), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "tool_only" in out and "coder_only" in out
    row = pd.read_csv(tmp_path / "agreement.csv").iloc[0]
    matched = n_tool - 1
    assert row["precision"] == pytest.approx(matched / n_tool)
    assert row["recall"] == pytest.approx(matched / n_coder)
    n = len(tool_units)
    po = sum(a == b for a, b in zip(tool_units, coder_units, strict=True)) / n
    p_t, p_c = sum(tool_units) / n, sum(coder_units) / n
    pe = p_t * p_c + (1 - p_t) * (1 - p_c)
    assert row["kappa"] == pytest.approx((po - pe) / (1 - pe))


def test_cli_bad_coding_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coding.csv"
    path.write_text("article_id,feature,start,end,text\nnope,hedge,0,5,\n", encoding="utf-8")
    assert main(["agreement", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "row 2: unknown article_id 'nope'" in err[0]
