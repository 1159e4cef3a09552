"""framing worksheet: the key's answers are the span table's; the student sheet gives none away."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from framing.cli import main
from framing.corpus.loading import load_corpus
from framing.engines.memory import Analysis, analyze
from framing.model import Article, Corpus
from framing.worksheets.exercises import anonymise, build_worksheet, outlet_aliases, spans_in
from framing.worksheets.render import OUTPUT_FILES, render_worksheet, write_worksheet

LEVELS = ("intro", "advanced")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(load_corpus())


def _exercise(ws, kind):  # type: ignore[no-untyped-def]
    found = [e for e in ws.exercises if e.kind == kind]
    assert found, kind
    return found[0]


@pytest.mark.parametrize("level", LEVELS)
def test_key_hedges_are_the_span_tables_hedges(analysis: Analysis, level: str) -> None:
    ws = build_worksheet(analysis, level=level, seed=7)
    ex = _exercise(ws, "hedges")
    assert not ex.omitted and ex.items
    s = analysis.spans
    for item in ex.items:
        p = item.passage
        table = spans_in(analysis, p, ["hedge", "booster"] if level == "advanced" else ["hedge"])
        assert [(c.feature, c.start, c.end) for c in item.cues] == list(
            zip(table["feature"], table["start"], table["end"], strict=True))
        for c in item.cues:
            row = s[(s["article_id"] == p.article_id) & (s["feature"] == c.feature) & (s["start"] == c.start)
                    & (s["end"] == c.end)]
            assert len(row) == 1 and row["category"].iloc[0] == c.category
            assert p.text[c.rel_start:c.rel_end] == c.text == row["text"].iloc[0]


def _blind_excerpts(student: str) -> list[str]:
    return [html.unescape(x) for x in re.findall(r'<div class="passage blind-excerpt">(.*?)</div>', student, re.S)]


@pytest.mark.parametrize("level", LEVELS)
def test_student_sheet_gives_no_answers(analysis: Analysis, level: str) -> None:
    ws = build_worksheet(analysis, level=level, seed=7)
    student, key = render_worksheet(ws)
    # No highlighting, no key tables, no "why" explanations in the student version; all of them in the key.
    assert "<mark" not in student and "data-span" not in student and "Answer key" not in student
    hedges = _exercise(ws, "hedges")
    for c in (c for item in hedges.items for c in item.cues):
        assert c.why not in student
        assert c.why in html.unescape(key)
    assert key.count("<mark") >= sum(len(i.cues) for i in hedges.items)
    # Blind source (advanced only): the excerpts name no outlet (nor its acronym, self-reference or author) and no
    # answer is given.
    blind = _exercise(ws, "blind")
    if level == "intro":
        assert blind.omitted.startswith("not part of this level") and not _blind_excerpts(student)
        return
    excerpts = _blind_excerpts(student)
    assert len(excerpts) == len(blind.items) >= 2
    for text in excerpts:
        for outlet_id, name in ws.outlets:
            phrases, acronyms = outlet_aliases(outlet_id, name)
            assert not any(p.lower() in text.lower() for p in phrases), (name, text)
            assert not any(re.search(rf"\b{re.escape(a)}\b", text) for a in acronyms), (name, text)
    for item in blind.items:
        assert "Most distinctive words" not in student
        assert f"Excerpt {item.letter}</h3>" in student
        assert re.search(rf"Excerpt {item.letter}</h3>\s*<p class=\"answers\">Outlet: <strong>"
                         rf"{re.escape(html.escape(item.passage.outlet_name))}</strong>", key)


def test_anonymise_replaces_names_acronyms_self_references_and_authors() -> None:
    outlets = [("dw", "Deutsche Welle"), ("scmp", "South China Morning Post"), ("wapo", "The Washington Post")]
    text = ("DW spoke to the SCMP. The Post's Ann Lee wrote for South China Morning Post; "
            "Washington Post readers and the post office.")
    out = anonymise(text, outlets, ["Ann Lee"])
    assert out == ("[outlet] spoke to the [outlet]. [outlet]'s [author] wrote for [outlet]; "
                   "[outlet] readers and [outlet] office.")
    # Acronyms are matched by case: "dw" in lower case inside other words is untouched.
    assert anonymise("bandwidth and Dwight", outlets) == "bandwidth and Dwight"


def test_same_seed_same_bytes_different_seed_different_passages(analysis: Analysis, tmp_path: Path) -> None:
    a = write_worksheet(analysis, out_dir=tmp_path / "a", level="intro", seed=11)
    b = write_worksheet(analysis, out_dir=tmp_path / "b", level="intro", seed=11)
    assert [p.name for p in a] == list(OUTPUT_FILES)
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
    def starts(seed: int) -> list[tuple[str, int]]:
        ws = build_worksheet(analysis, level="advanced", seed=seed)
        return [(i.passage.article_id, i.passage.start) for e in ws.included for i in e.items]
    assert starts(11) == starts(11)
    assert starts(11) != starts(12)


def test_pdfs_render(analysis: Analysis, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint cannot be loaded: {exc}")
    write_worksheet(analysis, out_dir=tmp_path, level="advanced", seed=3)
    for name in ("worksheet.pdf", "answer_key.pdf"):
        pdf = tmp_path / name
        assert pdf.read_bytes().startswith(b"%PDF")
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / name[:-4])],
                       check=True, capture_output=True)
        assert list(tmp_path.glob(f"{name[:-4]}*.png"))


def test_thin_corpus_leaves_exercises_out_and_key_says_why() -> None:
    text = "It may rain <b>today</b>, perhaps later, said the forecaster in the town. " * 2
    corpus = Corpus([Article(id="x", outlet_id="solo", outlet_name="Solo <News>", raw_text=text, text=text)])
    ws = build_worksheet(analyze(corpus), level="intro", seed=0)
    omitted = {e.kind: e.omitted for e in ws.exercises if e.omitted}
    assert omitted["blind"] == "needs at least two outlets (the corpus has one)"
    assert {"quotes", "readability", "discussion"} <= set(omitted)
    student, key = render_worksheet(ws)
    assert "Exercises left out" in key and "needs at least two outlets" in key
    assert "Exercises left out" not in student and "Blind source" not in student
    # Untrusted text is escaped everywhere.
    assert "<b>today" not in student + key and "Solo <News>" not in student + key
    assert "Solo &lt;News&gt;" in student


def test_cli_worksheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worksheet", "--out", str(tmp_path), "--level", "advanced", "--seed", "5"]) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).name for p in printed] == list(OUTPUT_FILES)
    header = (tmp_path / "coding_template.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("article_id,outlet_id,feature,start,end,unit_text,text,")


def test_cli_worksheet_bad_level_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["worksheet", "--level", "expert"])
    assert exc.value.code == 2


def test_questions_name_the_story_and_quote_the_comparison(analysis: Analysis) -> None:
    """The discussion reads the one comparison; a question about outside sources names the story, not a pair."""
    import dataclasses

    from framing.comparison import compare

    story = dataclasses.replace(analysis.story, name="The Test Story")
    comp = compare(analysis, story=story)
    ws = build_worksheet(analysis, comparison=comp, level="advanced", seed=0)
    assert ws.story == "The Test Story"
    texts = [q["text"] for q in _exercise(ws, "discussion").questions]
    outside = [t for t in texts if "Does it matter which country" in t]
    assert outside and all(t.endswith("a story about The Test Story?") for t in outside)
    assert not any("China and Russia" in t for t in texts)
    # Blind source: the key's distinctive words are the comparison's keyness rows.
    blind = _exercise(ws, "blind")
    for item in blind.items:
        terms = set(comp.keyness.loc[comp.keyness["outlet_id"] == item.passage.outlet_id, "term"])
        assert set(item.facts["key_terms"]) <= terms  # type: ignore[arg-type]
