"""Issue 17, second round: "What's missing?", the page limits for every seed, and what the first teacher noticed."""

from __future__ import annotations

import html
import re

import pytest

from framing.comparison import Comparison, compare
from framing.engines.memory import Analysis
from framing.selection.align import ALIGN_THRESHOLD, BORDERLINE
from framing.worksheets.exercises import Exercise, Worksheet, build_worksheet
from framing.worksheets.exercises.discussion import one_every
from framing.worksheets.exercises.missing import NONE_OPTION, substance
from framing.worksheets.exercises.quotes import is_place_speaker
from framing.worksheets.markdown import student_markdown
from framing.worksheets.render import render_documents, render_worksheet

LEVELS = ("intro", "advanced")


@pytest.fixture(scope="module")
def analysis(seed_analysis: Analysis) -> Analysis:
    return seed_analysis


@pytest.fixture(scope="module")
def comparison(analysis: Analysis) -> Comparison:
    return compare(analysis)


def _exercise(ws: Worksheet, kind: str) -> Exercise:
    return next(e for e in ws.exercises if e.kind == kind)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("seed", [0, 5, 8])
def test_whats_missing_passage_is_carried_by_its_outlet_only(analysis: Analysis, comparison: Comparison,
                                                              level: str, seed: int) -> None:
    """The passage's sentences are aligned with no other outlet; the key lists every other outlet with evidence."""
    ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed)
    ex = _exercise(ws, "missing")
    assert not ex.omitted and ex.items
    al = comparison.selection.alignments  # type: ignore[union-attr]
    story_outlets = {o for o, _ in analysis.corpus.outlets}
    for item in ex.items:
        p = item.passage
        rows = al[(al["article_id"] == p.article_id) & al["start"].isin([a for a, _ in p.sentences])]
        assert set(rows["start"]) == {a for a, _ in p.sentences} and not rows["aligned"].any()
        # Substantive: a named source or a number, never furniture; shown with its place in the article pack.
        assert substance(p.text, item.facts["sources"]) > 0  # type: ignore[arg-type]
        assert re.fullmatch(r"Article \d+, paragraphs? \d+(-\d+)?", item.ref)
        outlets = item.facts["outlets"]
        assert {o["outlet_id"] for o in outlets} == story_outlets - {p.outlet_id}  # type: ignore[union-attr]
        for o in outlets:  # type: ignore[union-attr]
            best = rows[rows["other_outlet_id"] == o["outlet_id"]]["similarity"].max()
            assert o["similarity"] == best and o["carries"] == (best >= ALIGN_THRESHOLD)
            assert o["closest"] and o["ref"].startswith("Article ")
            assert o["borderline"] == (abs(best - ALIGN_THRESHOLD) < BORDERLINE)
        # Borderline pairs, and only those, are for the teacher to check before class.
        assert len(item.check) == sum(bool(o["borderline"]) for o in outlets)  # type: ignore[union-attr]
        assert item.facts["ticked"] == [NONE_OPTION]  # nobody else carries it
        assert set(item.facts["ticked"]) <= set(item.facts["options"])  # type: ignore[arg-type]


def test_whats_missing_on_sheet_key_and_markdown(analysis: Analysis, comparison: Comparison) -> None:
    ws = build_worksheet(analysis, comparison=comparison, level="intro", seed=8)
    ex = _exercise(ws, "missing")
    student, key = render_worksheet(ws)
    md = student_markdown(ws)
    for option in ex.items[0].facts["options"]:  # type: ignore[union-attr]
        assert html.escape(option) in student and f"[ ] {option}" in md
    # The key ticks "none of them" and shows each outlet's closest sentence; the sheet ticks nothing.
    assert f'<span class="tick">{NONE_OPTION}</span>' in key and '<span class="tick">' not in student
    assert "Its closest sentence" in key and "Its closest sentence" not in student
    assert "What&#39;s missing?" in student and "## 4. What's missing?" in md
    assert ex.items[0].ref in md


def test_blind_pack_options_name_articles_not_outlets(analysis: Analysis, comparison: Comparison) -> None:
    ws = build_worksheet(analysis, comparison=comparison, level="intro", seed=8, blind_pack=True)
    options = _exercise(ws, "missing").items[0].facts["options"]
    assert all(re.fullmatch(r"Article \d+", o) for o in options[:-1]) and options[-1] == NONE_OPTION  # type: ignore[index]


def test_country_speakers_are_never_quote_items(analysis: Analysis, comparison: Comparison) -> None:
    """'Both Russia and China' said nothing a student can name: excerpts whose speaker is a country are not used."""
    story = analysis.story
    s = analysis.spans
    countries = {x for x in s.loc[s["feature"].isin(["quote", "paraphrase"]), "speaker"].astype(str)
                 if is_place_speaker(x, story)}
    assert {"China and Russia", "Beijing"} <= countries
    assert is_place_speaker("Both Russia and China", story) and is_place_speaker("the two countries", story)
    assert not is_place_speaker("Wang Yi", story) and not is_place_speaker("Xinhua news service", story)
    for level in LEVELS:
        for seed in (0, 7, 11):
            ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed)
            for item in _exercise(ws, "quotes").items:
                assert not {str(r["speaker"]) for r in item.facts["speakers"]} & countries  # type: ignore[union-attr]


def test_rates_per_1000_words_also_say_one_every_n_words(analysis: Analysis, comparison: Comparison) -> None:
    assert one_every(12.4) == "about one every 80 words" and one_every(0.0) == ""
    ws = build_worksheet(analysis, comparison=comparison, level="advanced", seed=8)
    texts = [str(q["text"]) for q in _exercise(ws, "discussion").questions]
    rate = re.compile(r"([\d.]+) times per 1,000 words( \(about one every [\d,]+ words\))?")
    rates = [m for t in texts for m in rate.finditer(t)]
    assert rates
    assert all(m.group(2) for m in rates)
    assert not any("0.0 times" in t for t in texts)  # a rate of zero reads "never (0 times in the text)"


def test_key_does_not_repeat_the_check_box_in_a_note_column(analysis: Analysis, comparison: Comparison) -> None:
    ws = build_worksheet(analysis, comparison=comparison, level="advanced", seed=0)
    _, key = render_worksheet(ws)
    assert "<th>Note</th>" not in key
    reasons = [r for item in _exercise(ws, "quotes").items for r in item.check]
    assert reasons
    for reason in reasons:  # each borderline speaker is explained in its item's check box, and nowhere else
        assert html.unescape(key).count(reason) == reasons.count(reason), reason


def test_pack_and_plan_have_their_own_templates_and_the_pack_footer_names_the_article(
        analysis: Analysis, comparison: Comparison) -> None:
    for blind in (False, True):
        ws = build_worksheet(analysis, comparison=comparison, level="intro", seed=0, blind_pack=blind)
        docs = render_documents(ws, analysis)
        pack, plan = docs["article_pack"], docs["lesson_plan"]
        assert "string(article)" in pack and "Lesson plan" in plan and "Name:" not in pack + plan
        heads = re.findall(r'<h2 class="article-head">(.*?)</h2>', pack)
        assert len(heads) == len(analysis.corpus.articles)
        names = [html.escape(n) for _, n in analysis.corpus.outlets]
        if blind:  # the footer says "Article N" only
            assert all(re.fullmatch(r"Article \d+", h) for h in heads)
        else:
            assert all(any(h.endswith(f": {n}") for n in names) for h in heads)


def _page_texts(html_text: str) -> list[str]:
    """The text of each page of the rendered document (WeasyPrint layout, no PDF written)."""
    weasyprint = pytest.importorskip("weasyprint", reason="WeasyPrint cannot be loaded")

    def walk(box):  # type: ignore[no-untyped-def]
        if hasattr(box, "text"):
            yield box.text
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    doc = weasyprint.HTML(string=html_text).render()
    return [" ".join(walk(p._page_box)) for p in doc.pages]


def _check_pages(analysis: Analysis, comparison: Comparison, level: str, seed: int, limit: int) -> None:
    ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed)
    pages = _page_texts(render_worksheet(ws)[0])
    assert len(pages) <= limit, (level, seed, len(pages))
    # An exercise's heading (and the blind source's list of outlets) is on the page of its first item.
    for n, ex in enumerate(ws.included, start=1):
        if not ex.items:
            continue
        page = next(t for t in pages if f"{n}. {ex.title}" in t)
        first = f"Passage {ex.items[0].letter}" if ex.kind == "readability" else f"{n}.1"
        assert first in page, (level, seed, ex.title)
        if ex.kind == "blind":
            assert "The outlets:" in page and "Excerpt" in page


@pytest.mark.parametrize("seed", range(12))
def test_intro_sheet_is_at_most_four_pages_for_every_seed(analysis: Analysis, comparison: Comparison,
                                                          seed: int) -> None:
    """Seed 8 gave 5 pages: the intro sheet has no blind source (it needs the whole pack read) and fits 4."""
    _check_pages(analysis, comparison, "intro", seed, 4)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_advanced_sheet_is_at_most_eight_pages(analysis: Analysis, comparison: Comparison, seed: int) -> None:
    _check_pages(analysis, comparison, "advanced", seed, 8)


@pytest.mark.parametrize("level", LEVELS)
def test_no_sentence_is_asked_about_in_two_exercises(analysis: Analysis, comparison: Comparison, level: str) -> None:
    """A teacher saw the same sentence as a hedge passage and again as a quote excerpt: later exercises avoid it."""
    for seed in range(12):
        ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed)
        used = [(ex.kind, i.passage) for ex in ws.exercises for i in ex.items]
        for n, (kind, p) in enumerate(used):
            for other_kind, q in used[n + 1:]:
                overlap = p.article_id == q.article_id and p.start < q.end and q.start < p.end
                assert kind == other_kind or not overlap, (level, seed, kind, other_kind, q.text[:60])
