"""Issue 17: only true, answerable items; the lesson's material; the key marks what the teacher must check."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from framing.comparison import compare
from framing.engines.memory import Analysis
from framing.measures import OWN_VOICES
from framing.worksheets.answers import POLARITY_OPTIONS, VOICE_OPTIONS
from framing.worksheets.exercises import Exercise, Worksheet, build_worksheet, outlet_aliases, spans_in
from framing.worksheets.exercises.discussion import OUTLET_VOICE, QUESTIONS
from framing.worksheets.exercises.quotes import name_variants, named_in
from framing.worksheets.markdown import student_markdown
from framing.worksheets.pack import article_pack
from framing.worksheets.plan import lesson_plan
from framing.worksheets.render import render_worksheet, sheet_glossary, write_worksheet

LEVELS = ("intro", "advanced")


@pytest.fixture(scope="module")
def analysis(seed_analysis: Analysis) -> Analysis:
    return seed_analysis


def _exercise(ws: Worksheet, kind: str) -> Exercise:
    return next(e for e in ws.exercises if e.kind == kind)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("seed", [0, 7, 11])
def test_every_quote_items_expected_speaker_occurs_in_its_excerpt(analysis: Analysis, level: str, seed: int) -> None:
    """An SCMP quote without its attribution in the excerpt was keyed "Wang Yi": the speaker is now inside it."""
    ex = _exercise(build_worksheet(analysis, level=level, seed=seed), "quotes")
    assert not ex.omitted and ex.items
    for item in ex.items:
        table = spans_in(analysis, item.passage, ["quote", "paraphrase"])
        tool = {str(x) for x in table["speaker"] if str(x).strip()}
        speakers = item.facts["speakers"]
        expected = [r for r in speakers if r["expected"]]  # type: ignore[union-attr]
        assert len(expected) >= 2
        for r in speakers:  # type: ignore[union-attr]
            assert r["speaker"] in tool  # every answer is a speaker of the span table
        for r in expected:
            assert named_in(item.passage.text, str(r["speaker"])), (r["speaker"], item.passage.text)
            assert r["named_as"] in str(r["accepted"]).split(" / ")


def test_key_accepts_reported_speakers_and_name_variants(analysis: Analysis) -> None:
    """'according to Bochkov' is a right answer: reported speakers and family names are in the key."""
    assert name_variants("Danil Bochkov")[:2] == ["Danil Bochkov", "Bochkov"]
    assert named_in("“We call on all parties,” Wang said.", "Wang Yi") == "Wang"
    assert named_in("“We call on all parties,” he said.", "Wang Yi") == ""
    reported = [r for seed in range(4) for level in LEVELS
                for item in _exercise(build_worksheet(analysis, level=level, seed=seed), "quotes").items
                for r in item.facts["speakers"] if "reported" in str(r["how"])]  # type: ignore[union-attr]
    assert reported
    # A named, reported-only speaker is explained as such (descriptions, "analysts", get their own note).
    assert all("reported" in str(r["note"]) for r in reported if r["how"] == "reported" and r["named"])


@pytest.mark.parametrize("level", LEVELS)
def test_only_labels_about_the_storys_relationship_are_items(analysis: Analysis, level: str) -> None:
    """'military blocs' (a sentence that describes no relationship of the story) is never an item."""
    ex = _exercise(build_worksheet(analysis, level=level, seed=7), "labels")
    assert len(ex.items) >= 3
    for item in ex.items:
        table = spans_in(analysis, item.passage, ["relationship_label"])
        assert set(table["target"]) == {analysis.story.dyad}
        assert [(c.start, c.voice, c.polarity, c.label) for c in item.cues] == list(
            zip(table["start"], table["voice"], table["polarity"], table["label"], strict=True))


@pytest.mark.parametrize("level", LEVELS)
def test_every_option_the_key_uses_exists_on_the_sheet(analysis: Analysis, level: str) -> None:
    """The key said "hypothetical" where the sheet offered only "is like that / is not like that"."""
    for seed in (0, 7):
        ws = build_worksheet(analysis, level=level, seed=seed)
        student, key = render_worksheet(ws)
        ex = _exercise(ws, "labels")
        assert ex.options == {"voice": list(VOICE_OPTIONS[level]), "polarity": list(POLARITY_OPTIONS[level])}
        used = {v for item in ex.items for a in item.facts["answers"] for v in a.values()}  # type: ignore[union-attr]
        assert used and used <= set(ex.options["voice"]) | set(ex.options["polarity"])
        missing = _exercise(ws, "missing")  # "What's missing?" ticks the outlets that also carry its passage
        for item in missing.items:
            assert set(item.facts["ticked"]) <= set(item.facts["options"])  # type: ignore[arg-type]
            used |= set(item.facts["ticked"])  # type: ignore[arg-type]
        for option in used:
            assert html.escape(option) in student
        assert {html.unescape(t) for t in re.findall(r'<span class="tick">(.*?)</span>', key)} == used


def test_no_outlet_uses_figure_counts_quoted_words(analysis: Analysis) -> None:
    """'The Post uses boosters 5.0 times per 1,000 words' counted Maslov's quotes: the outlet's own voice only."""
    comp = compare(analysis)
    measures = {m.key: m for m in comp.measures}
    for key in OUTLET_VOICE:
        assert dict(measures[key].where).get("voice") == OWN_VOICES, key
    assert not {k for k in QUESTIONS if k.startswith(("hedge", "booster"))} - OUTLET_VOICE
    for level in LEVELS:
        for q in _exercise(build_worksheet(analysis, comparison=comp, level=level, seed=0), "discussion").questions:
            key = str(q["measure"])
            if re.search(r"\b(uses|in its own voice)\b", str(q["text"])):
                assert key in OUTLET_VOICE, q["text"]
            rows = comp.table[comp.table["measure"] == key]
            hits = dict(zip(rows["outlet_name"], rows["n_hits"], strict=True))
            assert all(r["n_hits"] == hits[r["outlet_name"]] for r in q["rows"])  # type: ignore[union-attr]


def test_article_pack_numbers_paragraphs_and_blind_mode_hides_the_outlet(analysis: Analysis) -> None:
    ws = build_worksheet(analysis, level="intro", seed=0)
    pack = article_pack(analysis)
    texts = {a.id: a.text for a in analysis.corpus.articles}
    for art in pack.articles:
        assert [p.number for p in art.paragraphs] == list(range(1, len(art.paragraphs) + 1))
        assert all(texts[art.article_id][p.start:p.end] == p.text for p in art.paragraphs)
    items = [i for e in ws.included if e.kind != "blind" for i in e.items]
    assert items and all(i.ref for i in items)
    for item in items:  # the reference names the paragraphs the passage lies in
        m = re.fullmatch(r"Article (\d+), paragraphs? (\d+)(?:-(\d+))?", item.ref)
        assert m, item.ref
        art = pack.articles[int(m.group(1)) - 1]
        paras = art.paragraphs[int(m.group(2)) - 1 : int(m.group(3) or m.group(2))]
        assert art.article_id == item.passage.article_id
        assert paras[0].start <= item.passage.start and item.passage.end <= paras[-1].end
    # Blind-source excerpts give no paragraph while the pack names the outlets.
    assert not any(i.ref for i in _exercise(ws, "blind").items)
    for art in article_pack(analysis, blind=True).articles:
        assert art.outlet_name == "" and art.author == ""
        body = " ".join(p.text for p in art.paragraphs) + " " + art.title
        for outlet_id, name in analysis.corpus.outlets:
            phrases, acronyms = outlet_aliases(outlet_id, name)
            assert not any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", body, re.IGNORECASE)
                           for p in phrases), name  # "the post-Cold War order" is no self-reference
            assert not any(re.search(rf"\b{re.escape(a)}\b", body) for a in acronyms), name


def test_markdown_sheet_glossary_and_lesson_plan(analysis: Analysis) -> None:
    ws = build_worksheet(analysis, level="intro", seed=0)
    md = student_markdown(ws, sheet_glossary(ws))
    student, _ = render_worksheet(ws)
    assert md.count("\n## ") == len(ws.included)
    for ex in ws.included:  # the same exercises and options as the PDF, no answers
        assert ex.title in md
        for option in ex.options.get("voice", []) + ex.options.get("polarity", []):
            assert f"[ ] {option}" in md
    assert "Check before class" not in md and "Answer key" not in md
    plan = lesson_plan(ws)
    assert sum(t.minutes_45 for t in plan.timings) == 45 and sum(t.minutes_90 for t in plan.timings) == 90
    assert {t for t, _ in plan.glossary} == {"hedge", "booster", "voice", "quote", "paraphrase", "label", "frame",
                                             "source", "tone"}
    assert all(t.how for t in plan.timings)
    # The intro sheet used "booster" and "paraphrase" without defining them: every glossary term it uses is on it.
    words = student.lower()
    for term, _ in plan.glossary:
        if re.search(rf"\b{term}s?\b", re.sub(r"<[^>]+>", " ", words.split("</header>")[1])):
            assert f"<strong>{term}</strong>" in student, term


def test_key_marks_uncertain_items_for_the_teacher(analysis: Analysis) -> None:
    marked = 0
    for seed in (0, 7):
        ws = build_worksheet(analysis, level="advanced", seed=seed)
        _, key = render_worksheet(ws)
        n_items = sum(1 for e in ws.included for i in e.items if i.check)
        n_questions = sum(1 for e in ws.included for q in e.questions if q["check"])
        assert key.count("Check before class:") == n_items + n_questions
        marked += n_items + n_questions
    assert marked > 0


def test_worksheet_writes_pack_plan_and_markdown_within_page_limits(analysis: Analysis, tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint cannot be loaded: {exc}")
    for level, limit in (("intro", 4), ("advanced", 8)):
        out = tmp_path / level
        names = {p.name for p in write_worksheet(analysis, out_dir=out, level=level, seed=0)}
        assert {"article_pack.pdf", "lesson_plan.pdf", "worksheet.md", "worksheet.pdf", "answer_key.pdf"} <= names
        info = subprocess.run(["pdfinfo", str(out / "worksheet.pdf")], check=True, capture_output=True, text=True)
        pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
        assert pages <= limit, (level, pages)


def test_spans_in_reads_each_article_in_position_order(analysis) -> None:
    """spans_in filters one article's rows, sorted once per table; it must give the rows, order and index
    labels that filtering the whole table and sorting by position gives, for every candidate passage."""
    from framing.worksheets.exercises.common import candidate_passages, spans_in

    s = analysis.spans
    features = ["hedge", "booster", "quote", "paraphrase", "relationship_label"]
    passages = candidate_passages(analysis, 2)
    assert len(passages) > 50
    for p in passages:
        mask = ((s["article_id"] == p.article_id) & s["feature"].isin(features) & (s["start"] >= p.start)
                & (s["end"] <= p.end))
        expected = s[mask].sort_values(["start", "end", "feature"], kind="mergesort")
        assert spans_in(analysis, p, features).equals(expected)
        assert list(spans_in(analysis, p, features).index) == list(expected.index)
