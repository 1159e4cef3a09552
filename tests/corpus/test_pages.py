"""Extraction from constructed pages (HTML and full-page text), the HTML cleaning level, and fast line rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus.cleaning import clean_text
from framing.corpus.line_rules import _LINE_RULES, _split_lines, _Test
from framing.corpus.loading import clean_level, extract_html, load_corpus
from framing.evaluation.cleaning import page_bodies, page_scores
from framing.evaluation.pages import TEMPLATES, build_page
from framing.evaluation.scoring import shingle_prf

BODY = [
    "BRUSSELS — European ministers agreed a new border deal early on Thursday after talks that ran all night.",
    "The agreement, which still needs the approval of national parliaments, sets common rules for asylum claims.",
    "What changes",
    "Officials said the text would be published next week, once lawyers had checked every clause of it.",
    "Critics said the deal did too little for people already waiting at the border, and promised to fight it.",
]


@pytest.fixture(scope="module")
def seed_bodies(gold_dir: Path, seeds_dir: Path):
    bodies = [b for b in page_bodies(gold_dir, seeds_dir=seeds_dir) if b.id.endswith(".txt")]
    if not bodies:
        pytest.skip(f"seed body gold not found under {gold_dir}")
    return bodies


def test_pages_are_deterministic_and_hold_the_body_and_furniture():
    for template in TEMPLATES:
        page = build_page(BODY, title="Ministers agree border deal", page_id="p1", template=template)
        assert page == build_page(BODY, title="Ministers agree border deal", page_id="p1", template=template)
        assert page.body == "\n\n".join(BODY)
        for para in BODY:
            assert para in page.text.splitlines(), (template, para)
        assert len(page.text.splitlines()) > 2 * len(BODY), template  # furniture around the body


def test_full_page_text_has_menus_one_item_per_line_and_share_bars_on_one_line():
    text = build_page(BODY, title="T", page_id="p1", template="daily").text.splitlines()
    assert "World" in text and "Politics" in text
    assert "Share Facebook Twitter Email" in text


def test_unknown_template_is_refused():
    with pytest.raises(ValueError, match="unknown template"):
        build_page(BODY, title="T", page_id="p", template="tabloid")


def test_html_path_keeps_the_crosshead_that_full_page_rules_remove(tmp_path: Path):
    """trafilatura has already taken out the article: its output is cleaned conservatively under ``auto``."""
    page = build_page(BODY, title="Ministers agree border deal", page_id="p2", template="daily")
    (tmp_path / "page.html").write_text(page.html, encoding="utf-8")
    auto = load_corpus(tmp_path / "page.html").articles[0]
    full = load_corpus(tmp_path / "page.html", clean="on").articles[0]
    assert "What changes" in auto.text.split("\n\n")
    assert "What changes" not in full.text.split("\n\n")
    assert auto.text.split("\n\n")[0] == BODY[0]
    assert "Advertisement" not in auto.text and "Read more" not in auto.text


def test_clean_level_of_html_extractions():
    assert clean_level("auto", rows=False, extracted=True) == "conservative"
    assert clean_level("on", rows=False, extracted=True) == "full"
    assert clean_level("off", rows=False, extracted=True) == "none"


def test_extract_html_refuses_a_page_without_text():
    with pytest.raises(ValueError, match="no article text"):
        extract_html("<html><body><script>var x = 1;</script></body></html>")


def test_seed_bodies_in_every_template_html_at_least_as_good_as_trafilatura_alone(seed_bodies):
    scores = page_scores(seed_bodies)
    mean = {k: sum(v) / len(v) for k, v in scores.items()}
    assert mean["html"] >= mean["trafilatura"]
    assert mean["html"] >= 0.95 and mean["text"] >= 0.95


def test_full_page_text_keeps_standfirst_and_body_of_each_seed(seed_bodies):
    for body in seed_bodies:
        for template in TEMPLATES:
            page = build_page(body.paragraphs, title=body.title, page_id=body.id, template=template, dek=body.dek)
            _p, recall, _f = shingle_prf(clean_text(page.text).text, page.body)
            assert recall >= 0.9, (body.id, template, recall)


# --- related-links box inside the body ------------------------------------------------------------


def test_related_links_rule_a_long_paragraph_after_the_box_restarts_the_body():
    long = ("Officials said the text would be published next week, once lawyers had checked it, and that the "
            "parliaments of all member states would then have three months to approve or reject it as a whole.")
    raw = (
        "Xi met Putin on Friday.\n\nThey signed ten deals.\n\nRead more\n\nChina backs Russia on security\n\n"
        "Markets slide as investors weigh rate outlook\n\n" + long + "\n\nBanks are wary.\n"
    )
    kept = clean_text(raw).text.split("\n\n")
    assert kept == ["Xi met Putin on Friday.", "They signed ten deals.", long, "Banks are wary."]


def test_related_links_rule_a_short_teaser_after_the_box_stays_out():
    raw = (
        "Xi met Putin on Friday.\n\nThey signed ten deals.\n\nRelated stories:\n\nChina backs Russia on security\n\n"
        "Experts are split on what the two sides agreed.\n"
    )
    assert clean_text(raw).text.split("\n\n") == ["Xi met Putin on Friday.", "They signed ten deals."]


# --- the fast line rules give what one search over all alternatives gives --------------------------


def _reference(test: _Test) -> re.Pattern[str]:
    parts = ([test.start.pattern] if test.start is not None else []) + [p.pattern for p, _ in test.anywhere]
    flags = (test.start or test.anywhere[0][0]).flags
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


_PIECES = [
    "We use cookies", "COOKIE policy", "Click HERE", "subscribe to", "SIGN UP FOR", "newsletter", "Get the app",
    "© 2024", "All Rights Reserved", "(Photo: AP)", "REUTERS/Tom Lee", "via Getty Images", "Photo: Xinhua",
    "Follow us", "share this story", "contributed to this report", "toggle caption", "Read more", "Share",
    "İ", "ſ", "K", "(Photos by Jo", "Image source: x", "we're on WhatsApp", "free trial", "full access",
    "the", "Xi met Putin", ".", ":", "/", " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=8))
def test_line_rule_tests_match_one_search_over_all_alternatives(pieces: list[str]):
    text = " ".join(pieces).strip()
    for _rule, test, _max in _LINE_RULES:
        assert test.hit(text, text.lower()) == bool(_reference(test).search(text)), (text, _rule)


def test_line_rule_tests_match_one_search_on_the_seed_lines(seeds_dir: Path):
    lines = [x.text for path in sorted(seeds_dir.glob("*.txt"))
             for x in _split_lines(path.read_text(encoding="utf-8")) if x.text]
    for _rule, test, _max in _LINE_RULES:
        reference = _reference(test)
        assert [test.hit(t, t.lower()) for t in lines] == [bool(reference.search(t)) for t in lines], _rule


# --- a question headline above a standfirst and a byline (full-page text) ----------------------------


def test_question_headline_rule_above_standfirst_and_byline_is_page_header():
    dek = "The two powers have grown closer since 2014, officials and analysts say."
    raw = (f"How deep are the ties between Moscow and Beijing?\n\n{dek}\n\nBy Jane Doe | March 3, 2022\n\n"
           "Russia and China have grown closer since 2014.\n\nThe powers met on Friday.\n")
    result = clean_text(raw)
    assert result.text.split("\n\n") == [dek, "Russia and China have grown closer since 2014.",
                                         "The powers met on Friday."]
    assert [x.flag for x in result.flagged] == ["standfirst"]
    assert {r.text: r.rule for r in result.removed}["How deep are the ties between Moscow and Beijing?"] == "header"


def test_question_headline_rule_keeps_a_lede_question_followed_by_the_body():
    raw = ("Is the four-day week here to stay?\n\nMany firms think so, a survey found on Monday.\n\n"
           "Workers at 60 companies took part.\n\nMost will keep the scheme.\n")
    assert clean_text(raw).text.split("\n\n")[0] == "Is the four-day week here to stay?"


# --- furniture seen in the constructed pages ----------------------------------------------------------


def test_navigation_rule_continue_reading_below_is_an_ad_label_not_the_end_of_the_article():
    raw = ("Xi met Putin on Friday.\n\nThey signed ten deals.\n\nContinue reading below\n\n"
           "Analysts said the deals were modest.\n\nBanks are wary.\n")
    result = clean_text(raw)
    assert result.text.split("\n\n") == ["Xi met Putin on Friday.", "They signed ten deals.",
                                         "Analysts said the deals were modest.", "Banks are wary."]
    assert {r.text: r.rule for r in result.removed} == {"Continue reading below": "navigation"}


def test_promo_rule_join_readers_for_a_free_newsletter():
    raw = ("Xi met Putin on Friday.\n\nLike what you read? Join 40,000 readers and get our free newsletter.\n\n"
           "They signed ten deals.\n")
    assert {r.rule for r in clean_text(raw).removed} == {"promo"}
