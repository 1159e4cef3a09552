"""framing agreement: hand-coding vs the tool, figures computed by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from framing.agreement import BadRow, agreement_table, disagreements, parse_coding, read_coding
from framing.cli import main
from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.errors import FramingError
from framing.model import Article, Corpus, Span, spans_to_frame
from framing.worksheets.answers import POLARITY_OPTIONS, VOICE_OPTIONS
from framing.worksheets.class_report import class_summary

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
    assert t["class_found_of_tool_pct"] == pytest.approx(200 / 3)
    assert t["tool_found_of_class_pct"] == pytest.approx(200 / 3)
    # Units: tool [1,1,1,0,0], coder [1,1,0,1,0]: po = 3/5, pe = .6*.6 + .4*.4 = .52, kappa = .08/.48 = 1/6.
    assert t["kappa"] == pytest.approx((0.6 - 0.52) / (1 - 0.52))
    assert (t["units_both"], t["units_tool_only"], t["units_coder_only"], t["units_neither"]) == (2, 1, 1, 1)
    d = disagreements(rows, _hand_spans())
    assert d[["kind", "text"]].values.tolist() == [["tool_only", "Perhaps"], ["coder_only", "surely"]]


def test_only_examined_sentences_count() -> None:
    # The coder looked at sentence 0 only: "might" and "Perhaps" are out of scope, kappa is undefined (one unit).
    rows = parse_coding(_csv([("a", *SENTS[0], "may")]), _corpus())
    t = agreement_table(rows, _hand_spans()).iloc[0]
    assert (t["n_units"], t["n_tool"], t["class_found_of_tool_pct"], t["tool_found_of_class_pct"]) == (1, 1, 100, 100)
    assert math.isnan(t["kappa"]) and t["kappa_note"] == "not meaningful: only 1 sentence (needs at least 10)"


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
    assert row["class_found_of_tool_pct"] == pytest.approx(100 * matched / n_tool)
    assert row["tool_found_of_class_pct"] == pytest.approx(100 * matched / n_coder)
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


def test_typo_unknown_label_and_empty_cell_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    """Bad rows (a typo in `text`, an unknown feature, an empty offset) are named and skipped; the rest is scored."""
    path = tmp_path / "coding.csv"
    path.write_text("article_id,feature,start,end,text,coder\n"
                    f"a,hedge,{SENTS[0][0]},{SENTS[0][1]},may,\n"
                    f"a,hedge,{SENTS[1][0]},{SENTS[1][1]},mihgt,\n"       # typo: not in the sentence
                    f"a,hedgee,{SENTS[2][0]},{SENTS[2][1]},Perhaps,\n"   # unknown feature
                    "a,hedge,,27,might,\n"                                 # empty cell
                    f"a,hedge,{SENTS[2][0]},{SENTS[2][1]},Perhaps,\n", encoding="utf-8")
    problems: list[BadRow] = []
    rows = read_coding(path, _corpus(), problems=problems)
    assert [r.row for r in rows] == [2, 6]
    assert [p.row for p in problems] == [3, 4, 5]
    assert "text 'mihgt' not found" in problems[0].problem and "unknown feature 'hedgee'" in problems[1].problem
    assert "`start` must be a whole number" in problems[2].problem
    table = agreement_table(rows, _hand_spans())
    text = class_summary(table, problems)
    assert "row 3: text 'mihgt' not found" in text and "3 rows skipped" in text
    # Without `problems` the first bad row still stops with one line (the library's strict mode).
    with pytest.raises(FramingError, match="row 3"):
        read_coding(path, _corpus())


def test_results_worded_from_the_class_side_and_kappa_explained() -> None:
    rows = parse_coding(_csv([("a", *SENTS[0], "may"), ("a", *SENTS[1], ""), ("a", *SENTS[2], "Perhaps"),
                              ("a", *SENTS[3], "surely"), ("a", *SENTS[4], "")], coder=""), _corpus())
    text = class_summary(agreement_table(rows, _hand_spans()))
    assert "Hedges: the class found 2 of the tool's 3 hedges; the tool found 2 of the class's 3." in text
    assert "Kappa: not meaningful: only 5 sentences (needs at least 10)." in text
    assert "1 is full agreement, 0 is no better than chance" in text


def test_voice_options_of_sheet_template_and_key_are_one_set_and_someone_it_quotes_covers_paraphrase() -> None:
    """A coder's "quote" (the intro sheet's "someone it quotes") agrees with a tool paraphrase."""
    text = "Allies, he said, are what they are."
    c = Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text=text, text=text)])
    spans = spans_to_frame([Span("a", "o", "sentence", 0, len(text), text, 0, score=7.0),
                            Span("a", "o", "relationship_label", 0, 6, "Allies", 0, label="ally",
                                 polarity="hypothetical", voice="attributed_paraphrase", speaker="he")])
    for voice in ("quote", "someone it quotes", "someone paraphrased", "Paraphrase"):
        for polarity in ("says it might be (or asks)", "treats it as a possibility", "might"):
            rows = parse_coding("article_id,feature,start,end,text,voice,polarity\n"
                                f"a,relationship_label,0,{len(text)},Allies,{voice},{polarity}\n", c)
            assert disagreements(rows, spans).empty, (voice, polarity)
    rows = parse_coding(f"article_id,feature,start,end,text,voice\na,relationship_label,0,{len(text)},Allies,own\n",
                        c)
    assert disagreements(rows, spans)["kind"].tolist() == ["voice_differs"]
    # Every option a sheet offers is understood in the coding file.
    for level in ("intro", "advanced"):
        for word in [*VOICE_OPTIONS[level], *POLARITY_OPTIONS[level]]:
            column = "voice" if word in VOICE_OPTIONS[level] else "polarity"
            parse_coding(f"article_id,feature,start,end,text,{column}\na,relationship_label,0,6,Allies,{word}\n", c)


def test_cli_typo_row_exit_0_names_the_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_corpus()
    article = corpus.articles[0]
    spans = analyze(Corpus([article])).spans
    sents = spans[spans["feature"] == "sentence"].sort_values("start").head(12)
    lines = ["article_id,feature,start,end,text"]
    lines += [f"{article.id},hedge,{s},{e}," for s, e in zip(sents["start"], sents["end"], strict=True)]
    lines.append(f"{article.id},hedge,{sents['start'].iloc[0]},{sents['end'].iloc[0]},arround")
    path = tmp_path / "coding.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["agreement", str(path)]) == 0
    captured = capsys.readouterr()
    assert "row 14" in captured.out + captured.err and "arround" in captured.out + captured.err
