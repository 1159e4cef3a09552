"""Hostile corpora: nothing crashes, nothing is lost, every problem is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze

GOOD = "Xi Jinping met Vladimir Putin in Beijing on Friday. The two leaders praised their partnership."


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_hundred_megabyte_file_is_refused_with_the_reason(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(100 * 1024 * 1024)
    corpus = load_corpus(big)
    assert len(corpus) == 0
    assert "over the 50 MiB limit" in corpus.problems[0].reason and "JSONL" in corpus.problems[0].reason


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("extremely_long_line", "alliance " * 8_000),
        ("only_punctuation", "?!... --- ,,, ;;; “” ‘’ ...\n\n!!!"),
        ("no_sentence_final_punctuation", "the two sides may be allies\nbut they deny it\n\nperhaps not"),
        ("mixed_line_endings", "First line ends here.\r\nSecond one.\rThird one.\n\nFourth, “quoted,” he said.\r\n"),
        ("unbalanced_quotes", "“He said the alliance was real. ‘Maybe not,” she said. \"Odd"),
        ("control_characters", "Xi\u200b met\u00a0Putin.\u2028New line\x0b here."),
    ],
)
def test_hostile_text_is_analysed_without_crash_and_spans_are_valid(tmp_path: Path, name: str, text: str):
    corpus = load_corpus(_jsonl(tmp_path / f"{name}.jsonl", [{"id": name, "outlet": "O", "text": text}]))
    analysis = analyze(corpus, engine="serial")
    assert analysis.problems == [] or all("no article text" in p.reason for p in analysis.problems)
    for article in corpus:
        spans = analysis.spans[analysis.spans["article_id"] == article.id]
        for row in spans.itertuples():
            assert 0 <= row.start < row.end <= len(article.text)
            assert article.text[row.start : row.end] == row.text


def test_mixed_corpus_every_valid_article_analysed_every_invalid_listed(tmp_path: Path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", [{"id": "a1", "outlet": "A", "text": GOOD}, {"id": "a2", "outlet": "A"}])
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "d.html").write_text("<html><body><p>" + GOOD + "</p><script>alert(1)</script></body></html>")
    assert main(["analyze", str(folder), "--out", str(tmp_path / "spans.csv")]) == 0
    captured = capsys.readouterr()
    assert "a.jsonl:2: missing required field(s): text" in captured.err
    assert "c.png: unknown file type" in captured.err
    assert "from 3 articles" in captured.out
    assert "Traceback" not in captured.err


def test_all_invalid_exits_2(tmp_path: Path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "x.txt").write_bytes(b"PK\x03\x04zip")
    (folder / "y.txt").write_text("   \n  ", encoding="utf-8")
    assert main(["report", str(folder), "--out", str(tmp_path / "r"), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "x.txt: binary file (a zip archive)" in err and "y.txt: no text" in err
    assert not (tmp_path / "r" / "report.html").exists()


def test_duplicate_ids_across_files_keep_the_first(tmp_path: Path):
    folder = tmp_path / "dups"
    folder.mkdir()
    _jsonl(folder / "1.jsonl", [{"id": "same", "outlet": "A", "text": GOOD}])
    _jsonl(folder / "2.jsonl", [{"id": "same", "outlet": "B", "text": GOOD}])
    corpus = load_corpus(folder)
    assert [a.outlet_name for a in corpus] == ["A"]
    assert "duplicate article id 'same'" in corpus.problems[0].reason


def test_inputs_are_never_modified(seeds_dir: Path, tmp_path: Path):
    before = {p.name: p.read_bytes() for p in seeds_dir.iterdir()}
    assert main(["clean", str(seeds_dir), "--out", str(tmp_path / "clean")]) == 0
    assert {p.name: p.read_bytes() for p in seeds_dir.iterdir()} == before
