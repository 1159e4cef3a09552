"""The cleaner: seeds against the hand-marked body, synthetic full pages, hard cases, hostile input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus.cleaning import FLAGS, LEVELS, RULES, CleanResult, clean_text
from framing.evaluation.cleaning import gold_body
from framing.evaluation.scoring import shingle_prf


def paragraphs(result: CleanResult) -> list[str]:
    return result.text.split("\n\n") if result.text else []


def removed_rules(result: CleanResult) -> dict[str, str]:
    return {r.text: r.rule for r in result.removed}


def standfirst(result: CleanResult) -> list[str]:
    return [x.text for x in result.flagged if x.flag == "standfirst"]


def body(result: CleanResult) -> list[str]:
    """The kept paragraphs after the standfirst."""
    return [p for p in paragraphs(result) if p not in standfirst(result)]


def assert_segments_map(raw: str, result: CleanResult) -> None:
    for seg in result.segments:
        clean = result.text[seg.clean_start : seg.clean_start + seg.length]
        assert clean == raw[seg.raw_start : seg.raw_start + seg.length]
    covered = sum(seg.length for seg in result.segments)
    assert covered + 2 * max(len(result.segments) - 1, 0) == len(result.text)


# --- seeds against gold ------------------------------------------------------------------------


def _seed_records(gold_dir: Path) -> list[dict]:
    path = gold_dir / "seeds" / "body.jsonl"
    if not path.is_file():
        pytest.skip(f"seed body gold not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seed_titles(seeds_dir: Path) -> dict[str, str]:
    with (seeds_dir / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row["title"] for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def seed_cases(gold_dir: Path, seeds_dir: Path) -> list[tuple[dict, str, CleanResult]]:
    titles = _seed_titles(seeds_dir)
    cases = []
    for rec in _seed_records(gold_dir):
        raw = (seeds_dir / rec["file"]).read_text(encoding="utf-8")
        cases.append((rec, raw, clean_text(raw, title=titles.get(rec["file"], ""))))
    return cases


def test_seed_text_starts_with_standfirst_then_first_body_paragraph(seed_cases):
    for rec, _raw, result in seed_cases:
        deks = list(rec["dek"] or [])
        assert len(standfirst(result)) == len(deks), rec["file"]
        for kept, dek in zip(paragraphs(result), deks, strict=False):
            assert kept.endswith(dek), rec["file"]  # SCMP's standfirst bullets keep their bullet sign
        assert body(result)[0].startswith(rec["body_first_sentence"]), rec["file"]


def test_standfirst_rule_keeps_the_responsible_statecraft_dek(seed_cases):
    """The README's example label: 'bromance of convenience' is in the standfirst, which belongs to the article."""
    rs = next(result for rec, _raw, result in seed_cases if rec["outlet"] == "Responsible Statecraft")
    dek = "It may come off as a bromance of convenience, but the relationship between the two powers was nurtured"
    assert paragraphs(rs)[0].startswith(dek)
    assert [(x.line, x.flag) for x in rs.flagged] == [(7, "standfirst")]


def test_seed_text_ends_with_last_body_paragraph(seed_cases):
    for rec, _raw, result in seed_cases:
        assert rec["body_last_sentence"] in paragraphs(result)[-1], rec["file"]


def test_seed_text_has_no_boilerplate_or_title(seed_cases):
    for rec, _raw, result in seed_cases:
        unwanted = list(rec["boilerplate_examples"]) + [rec["title"]]
        for line in unwanted:
            assert line not in result.text, (rec["file"], line)
        assert rec["title"] not in paragraphs(result)


def test_seed_shingle_f1_per_seed(seed_cases):
    for rec, raw, result in seed_cases:
        _p, _r, f1 = shingle_prf("\n\n".join(body(result)), gold_body(raw, rec))
        assert f1 >= 0.95, (rec["file"], f1)


def test_seed_offsets_map_to_raw(seed_cases):
    for _rec, raw, result in seed_cases:
        assert_segments_map(raw, result)


def test_seed_audit_lists_every_removed_line_with_a_known_rule(seed_cases):
    for _rec, raw, result in seed_cases:
        lines = raw.splitlines()
        kept = set(paragraphs(result))
        for r in result.removed:
            assert r.rule in RULES
            assert lines[r.line - 1].strip() == r.text
        for x in result.flagged:
            assert x.flag in FLAGS and lines[x.line - 1].strip() == x.text and x.text in kept
        nonblank = [ln.strip() for ln in lines if ln.strip()]
        assert len(nonblank) == len(result.removed) + len(paragraphs(result))
        assert all(p in kept for p in paragraphs(result))


# --- synthetic full pages ----------------------------------------------------------------------

NEWS_PAGE = """Skip to main content
Menu
Home
World
We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.
Accept all
Ministers agree new border deal after all-night talks
By Jane Smith
Published: 3 February 2022, 10:15 GMT
Share this article
Facebook Twitter WhatsApp Email
BRUSSELS — European ministers agreed a new border deal early on Thursday after talks that ran through the night.

The agreement, which still needs the approval of national parliaments, sets common rules for asylum claims.

Advertisement

Nobody expected it.

“We will not let this chance slip away,” the Dutch minister told reporters.

“This is a good day for Europe”

Sign up for our newsletter to get the best stories in your inbox every morning.

Officials said the text would be published next week, once lawyers had checked it.

Related: Five things to know about the asylum pact

Critics said the deal did too little for people already waiting at the border.

Jane Smith is a correspondent for Example News based in Brussels.
© 2022 Example News Ltd. All rights reserved.
Related stories:
EU leaders meet in Paris to discuss energy prices
What the new border rules mean for travellers
23 comments
"""

NEWS_BODY = [
    "BRUSSELS — European ministers agreed a new border deal early on Thursday after talks that ran through the night.",
    "The agreement, which still needs the approval of national parliaments, sets common rules for asylum claims.",
    "Nobody expected it.",
    "“We will not let this chance slip away,” the Dutch minister told reporters.",
    "“This is a good day for Europe”",
    "Officials said the text would be published next week, once lawyers had checked it.",
    "Critics said the deal did too little for people already waiting at the border.",
]


def test_synthetic_page_keeps_exactly_the_body():
    result = clean_text(NEWS_PAGE, title="Ministers agree new border deal after all-night talks")
    assert paragraphs(result) == NEWS_BODY
    assert_segments_map(NEWS_PAGE, result)


def test_synthetic_page_names_each_furniture_rule():
    rules = removed_rules(clean_text(NEWS_PAGE, title="Ministers agree new border deal after all-night talks"))
    assert rules["Skip to main content"] == "navigation"
    assert rules["Menu"] == "navigation"
    cookie = "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy."
    assert rules[cookie] == "cookie_notice"
    assert rules["Ministers agree new border deal after all-night talks"] == "title"
    assert rules["By Jane Smith"] == "byline"
    assert rules["Published: 3 February 2022, 10:15 GMT"] == "date"
    assert rules["Share this article"] == "social"
    assert rules["Facebook Twitter WhatsApp Email"] == "social"
    assert rules["Advertisement"] == "advertisement"
    assert rules["Sign up for our newsletter to get the best stories in your inbox every morning."] == "promo"
    assert rules["Related: Five things to know about the asylum pact"] == "related_links"
    assert rules["Jane Smith is a correspondent for Example News based in Brussels."] == "author_bio"
    assert rules["© 2022 Example News Ltd. All rights reserved."] == "copyright"
    assert rules["What the new border rules mean for travellers"] in ("after_article", "related_links")
    assert "23 comments" in rules


def test_synthetic_page_without_known_title_still_drops_headline():
    result = clean_text(NEWS_PAGE)
    assert paragraphs(result) == NEWS_BODY
    assert removed_rules(result)["Ministers agree new border deal after all-night talks"] == "header"


TEASER_PAGE = """Opinion | Europe
Why the border deal matters
The asylum pact is imperfect, but it is the union's first common answer in a decade.
Opinion | Europe
For ten years the union argued about asylum without moving.

Now it has a text that all governments can sign.

That alone is progress, even if the details disappoint.

Photo: Example/Agency
Opinion | Europe
Farmers block roads in protest at fuel prices
Tractors blocked three motorways on Monday as farmers protested.
keep reading
Central bank holds rates
The bank left its main rate unchanged at 4 percent.

Economists had expected the move.
keep reading
"""


def test_after_article_teasers_removed_after_repeated_section_tag():
    result = clean_text(TEASER_PAGE, title="Why the border deal matters")
    assert paragraphs(result) == [
        "The asylum pact is imperfect, but it is the union's first common answer in a decade.",
        "For ten years the union argued about asylum without moving.",
        "Now it has a text that all governments can sign.",
        "That alone is progress, even if the details disappoint.",
    ]
    dek = "The asylum pact is imperfect, but it is the union's first common answer in a decade."
    assert standfirst(result) == [dek]
    rules = removed_rules(result)
    assert rules["Tractors blocked three motorways on Monday as farmers protested."] == "after_article"


def test_teaser_block_before_keep_reading_removed():
    raw = (
        "China and Russia held talks on Friday.\n\nThe talks lasted three hours.\n\nBoth sides praised them.\n\n"
        "Japan debuts as a weapons exporter\n\nJapan has eased its ban on exporting weapons.\n\nkeep reading\n\n"
        "Another story\n\nIt ran long.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == [
        "China and Russia held talks on Friday.",
        "The talks lasted three hours.",
        "Both sides praised them.",
    ]
    assert removed_rules(result)["Japan has eased its ban on exporting weapons."] == "teaser"


# --- hard cases, one per rule ------------------------------------------------------------------


def test_caption_rule_photo_credit_variants():
    raw = (
        "Troops drill in Russia. Photo: Xinhua\n"
        "Putin and Xi meet in 2019. (Alexander Zemlianichenko/Pool/AP)\n"
        "Are the two edging closer?Image: Yin Bogu/AP Photo/picture alliance\n"
        "Photo source: Daniren/Alamy\n"
        "Kishida boards the carrier off Yokosuka, Japan November 6, 2022. REUTERS/Tim Kelly\n"
        "The two leaders met on Friday.\n\nThey agreed on trade.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["The two leaders met on Friday.", "They agreed on trade."]
    assert {r.rule for r in result.removed} == {"caption"}


def test_caption_rule_alt_text_before_credit():
    raw = "Xi and Putin met.\n\nThey talked.\n\nputin xi\n\nPhoto source:\n\nThey agreed.\n"
    rules = removed_rules(clean_text(raw))
    assert rules == {"putin xi": "caption", "Photo source:": "caption"}


def test_credit_rule_ends_article_and_read_more_list_dropped():
    raw = (
        "Xi met Putin on Friday.\n\nThey signed ten deals.\n\nIlyushina reported from Moscow.\n\nRead more:\n\n"
        "China backs Russia in its demands\n\nIs Russia or China the biggest cyber threat? Experts are split.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin on Friday.", "They signed ten deals."]
    rules = removed_rules(result)
    assert rules["Ilyushina reported from Moscow."] == "credit"
    assert rules["Is Russia or China the biggest cyber threat? Experts are split."] == "after_article"


def test_related_links_rule_mid_article_list_then_body_resumes():
    raw = (
        "Xi met Putin on Friday.\n\nThey signed ten deals.\n\nRead more:\n\nChina backs Russia on security\n\n"
        "Analysts said the deals were modest.\n\nTrade grew by a third last year.\n\nBanks are wary of sanctions.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == [
        "Xi met Putin on Friday.",
        "They signed ten deals.",
        "Analysts said the deals were modest.",
        "Trade grew by a third last year.",
        "Banks are wary of sanctions.",
    ]


def test_end_marker_rule_needs_an_article_before_it():
    raw = (
        "Michael Kruse is a senior staff writer.\n\nJohn Doe contributed to this report.\n\n"
        "In 1979 she spoke.\n\nIt mattered.\n"
    )
    assert paragraphs(clean_text(raw))[-2:] == ["In 1979 she spoke.", "It mattered."]


def test_headline_rule_removes_related_headlines_and_crossheads():
    raw = (
        "Xi met Putin on Friday.\n\n"
        "China-Russia friendship forged after bridging decades-old differences\n\n"
        "They signed ten deals.\n\nOlympic disruption?\n\n"
        "Biden warns Russia and China: But is Europe on board?\n\n"
        "It raises the question: Does anybody have a better idea?\n\nWhy now?\n\nThe Games open on Friday.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == [
        "Xi met Putin on Friday.",
        "They signed ten deals.",
        "It raises the question: Does anybody have a better idea?",
        "The Games open on Friday.",
    ]
    assert set(removed_rules(result).values()) == {"headline"}


def test_headline_rule_keeps_short_and_quoted_paragraphs():
    raw = "Xi met Putin.\n\nNo.\n\n“We will stand together”\n\nHe said so:\n\n“Never.”\n\nIt ended.\n"
    assert paragraphs(clean_text(raw)) == [
        "Xi met Putin.", "No.", "“We will stand together”", "He said so:", "“Never.”", "It ended."
    ]


def test_repeated_rule_drops_both_copies_of_short_lines_and_later_copies_of_paragraphs():
    para = "Russia and China have built a de facto alliance without limit, observers said, with frequent drills."
    head = "'Old friends' agree to build ties"
    raw = f"Xi met Putin.\n\n{head}\n\n{head}\n\n{para}\n\n{para}\n\nEnd.\n"
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin.", para, "End."]
    assert [r.rule for r in result.removed] == ["repeated"] * 3


def test_standfirst_rule_lone_sentence_before_section_tag_is_kept():
    raw = (
        "How deep are the ties?\n\nThe partnership may look like a marriage of convenience, but it is older.\n\n"
        "Analysis | Asia-Pacific\n\nThe partnership has grown since the marriage.\n\nIt began long ago.\n"
    )
    result = clean_text(raw, title="How deep are the ties?")
    dek = "The partnership may look like a marriage of convenience, but it is older."
    assert paragraphs(result) == [dek, "The partnership has grown since the marriage.", "It began long ago."]
    assert standfirst(result) == [dek]
    assert removed_rules(result) == {"How deep are the ties?": "title", "Analysis | Asia-Pacific": "section_tag"}


def test_standfirst_rule_lone_sentence_after_date_before_lead_image_without_known_title():
    raw = (
        "Can the crisis push Russia closer to China?\nWilliam Yang\nFebruary 3, 2022\n\n"
        "The presidents are meeting as relations with the West deteriorate and Russia seeks China.\n\n"
        "Screen shot of the virtual meeting\nAre they edging closer?Image: Yin Bogu/AP Photo\n\n"
        "Xi and Putin will meet on Friday as relations with the West sour.\n\nIt is their first meeting in two years.\n"
    )
    result = clean_text(raw)
    assert body(result) == [
        "Xi and Putin will meet on Friday as relations with the West sour.", "It is their first meeting in two years."
    ]
    assert standfirst(result) == [
        "The presidents are meeting as relations with the West deteriorate and Russia seeks China."
    ]


def test_standfirst_rule_unpunctuated_summary_under_a_known_title():
    """Guardian style: the standfirst has no final full stop, and the title is not in the text."""
    raw = (
        "Two months ago the senator had a heart attack and trailed in the polls – now he is leading the race\n\n"
        "The senator, who had a heart attack in October, now leads the polls in Iowa.\n\n"
        "His rivals are worried about the race.\n"
    )
    result = clean_text(raw, title="Sanders surges in Iowa")
    assert standfirst(result) == [raw.split("\n")[0]]
    assert len(paragraphs(result)) == 3


@pytest.mark.parametrize(
    ("case", "lines"),
    [
        ("series_blurb_bullet", ["• A daily summary of global reports on security issues."]),
        ("correction_note_in_brackets", ["(This story corrects the date of the senator's heart attack in the polls)"]),
        ("short_headline_bullets", ["• Senator leads the polls", "• Rivals worried", "• Iowa votes"]),
        ("several_highlights", ["The senator had a heart attack and now leads the polls in Iowa",
                                "His rivals are worried about the race in Iowa"]),
        ("caption_glued_to_headline", ["The senator leads the polls after his heart attack. Senator surges in Iowa"]),
        ("headline_variant", ["Heart attack senator surges in the Iowa polls as rivals worry"]),
        ("title_case_headline", ["A Senator's Heart Attack And The Polls In Iowa Race"]),
        ("tweet", ["The senator leads the polls in Iowa pic.twitter.com/abc — Jane Doe (@jdoe) May 2, 2019"]),
        ("off_topic_blurb", ["A personalised news feed of stories that matter to you and your family"]),
    ],
)
def test_standfirst_rule_keeps_no_furniture(case: str, lines: list[str]):
    raw = "\n".join(lines) + (
        "\nThe senator, who had a heart attack in October, now leads the polls in Iowa.\n"
        "His rivals are worried about the race.\n"
    )
    result = clean_text(raw, title="Heart attack senator surges in Iowa polls")
    assert standfirst(result) == [], case
    assert paragraphs(result)[0].startswith("The senator, who had a heart attack"), case


def test_standfirst_rule_line_above_the_headline_is_not_a_standfirst():
    raw = (
        "A personalised news feed of stories that matter to you and the senator\n"
        "Heart attack senator surges in Iowa polls\n"
        "The senator, who had a heart attack in October, now leads the polls in Iowa.\n\nHis rivals worry.\n"
    )
    assert standfirst(clean_text(raw, title="Heart attack senator surges in Iowa polls")) == []


def test_dek_rule_never_takes_a_lede_before_an_inline_caption():
    raw = (
        "NEW YORK (Reuters) - Lawyers for separated families said a judge ruled on Friday.\n\n"
        "FILE PHOTO: Children wait at a shelter in Texas. REUTERS/Jane Doe\n\n"
        "The families were separated last year.\n\nThe ruling can be appealed.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result)[0].startswith("NEW YORK (Reuters)")
    assert len(paragraphs(result)) == 3


def test_standfirst_rule_bullets_kept_only_when_each_is_a_summary_but_bulleted_article_kept():
    raw = (
        "Title here\n  • The ties may be the closest since the 1950s\n  • China could shield Russia\n"
        "Xi met Putin.\nThey talked.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin.", "They talked."]
    raw = (
        "China-Russia ties deepen\n"
        "  • The relationship may be the closest the two nations have been since the 1950s honeymoon\n"
        "  • As the second-largest economy, China could provide Russia with some immunity against sanctions\n"
        "Xi met Putin as Russia faces sanctions.\nThe relationship has grown since the 1950s.\n"
    )
    result = clean_text(raw, title="China-Russia ties deepen")
    assert [p[:12] for p in standfirst(result)] == ["• The relati", "• As the sec"]
    assert body(result) == ["Xi met Putin as Russia faces sanctions.", "The relationship has grown since the 1950s."]
    listing = "\n".join(f"• Update {i}: police made {i} more arrests." for i in range(6))
    listing += "\nThat is all for tonight.\n"
    assert len(paragraphs(clean_text(listing))) == 7


def test_non_english_rule_and_section_tags():
    raw = (
        "Verifica Menajeria de Fake News Apasa Aici!\n#Analize / Mălina Mîndruțescu\n\n"
        "China is watching closely.\n\nRussia needs buyers.\n\n#Ultimele buletine de știri\n"
    )
    rules = removed_rules(clean_text(raw))
    assert rules["Verifica Menajeria de Fake News Apasa Aici!"] == "non_english"
    assert rules["#Analize / Mălina Mîndruțescu"] == "section_tag"
    assert rules["#Ultimele buletine de știri"] == "section_tag"


def test_promo_rule_lines():
    raw = (
        "Get more with myNEWS\nLearn more\nXi met Putin.\n\nThey talked.\n\n"
        "For more on the subject, please click here.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin.", "They talked."]
    assert {r.rule for r in result.removed} == {"promo"}


def test_cookie_rule_leaves_body_sentences_about_cookies():
    raw = (
        "Santa eats our cookies every year.\n\nWe accept that.\n\n"
        "This site uses cookies to improve your experience.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Santa eats our cookies every year.", "We accept that."]


def test_navigation_rule_numbered_skip_links_and_glued_widgets():
    raw = "1. Skip to content\n  2. Skip to main menu\nXi met Putin.\n\nkeep readingShow less\n\nThey talked.\n"
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin.", "They talked."]
    assert {r.rule for r in result.removed} == {"navigation"}


# --- line endings, characters, hostile input ---------------------------------------------------


def test_crlf_and_cr_line_endings_map_offsets_to_raw():
    for eol in ("\r\n", "\r"):
        raw = eol.join(["Menu", "Xi met\u00a0Putin on Friday.", "", "  They talked.  ", ""])
        result = clean_text(raw)
        assert paragraphs(result) == ["Xi met\u00a0Putin on Friday.", "They talked."]
        assert_segments_map(raw, result)
        assert result.removed[0].line == 1


def test_no_break_spaces_kept_inside_lines():
    raw = "Xi met\u00a0Putin.\u00a0\n\nThey\u00a0talked.\n"
    assert clean_text(raw).text == "Xi met\u00a0Putin.\n\nThey\u00a0talked."


def test_empty_and_blank_input():
    for raw in ("", "   ", "\n\n\r\n", "\u00a0"):
        result = clean_text(raw)
        assert result.text == "" and result.segments == () and result.removed == ()


def test_rules_have_descriptions():
    assert all(isinstance(v, str) and len(v) > 10 for v in RULES.values())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=400), st.text(max_size=30))
def test_arbitrary_unicode_never_crashes_and_maps(raw: str, title: str):
    result = clean_text(raw, title=title)
    assert_segments_map(raw, result)
    assert all(r.rule in RULES for r in result.removed)


# --- the only content is never removed; cleaning levels ------------------------------------------


@pytest.mark.parametrize(
    ("case", "raw", "rule"),
    [
        ("headline_without_final_stop", "China and Russia sign sweeping energy deal", "header"),
        ("headline_equal_to_title", "Xi meets Putin", "title"),
        ("question_headline_is_a_sentence", "Is the four-day week here to stay?", ""),
        ("headline_worded_like_a_share_prompt", "Protesters follow him to the airport", "social"),
        ("lede_worded_like_a_promo", "Readers subscribe to fewer papers than ever, a survey finds.", "promo"),
    ],
)
def test_sole_content_rule_keeps_a_lone_line_at_every_level(case: str, raw: str, rule: str):
    for level in LEVELS:
        result = clean_text(raw, title="Xi meets Putin", level=level)
        assert result.text == raw and result.removed == (), (case, level)
        if level == "full":
            assert [(x.flag, x.rule) for x in result.flagged] == ([("sole_content", rule)] if rule else []), case


def test_sole_content_rule_keeps_the_lines_that_are_not_pure_furniture():
    raw = "Advertisement\n\nMarkets tumble as Fed raises rates\n\nShare this article\n"
    result = clean_text(raw)
    assert result.text == "Markets tumble as Fed raises rates"
    assert removed_rules(result) == {"Advertisement": "advertisement", "Share this article": "social"}
    assert [(x.line, x.flag, x.rule) for x in result.flagged] == [(3, "sole_content", "header")]


def test_sole_content_rule_keeps_pure_furniture_only_when_it_is_all_there_is_but_never_symbols():
    assert clean_text("Advertisement\n---\n").text == "Advertisement"
    assert clean_text("--- *** ---\n").text == ""


def test_conservative_level_removes_only_furniture_by_wording():
    raw = (
        "Xi meets Putin\nBy Jane Smith\nXi met Putin on Friday.\nShare this article\nOld friends agree deal\n"
        "Image copyright Reuters Image caption Putin in Beijing\nThey signed ten deals.\n© 2022 News Ltd\nRelated\n"
    )
    result = clean_text(raw, title="Xi meets Putin", level="conservative")
    assert paragraphs(result) == ["Xi met Putin on Friday.", "Old friends agree deal", "They signed ten deals."]
    assert set(removed_rules(result).values()) == {"title", "byline", "social", "caption", "copyright",
                                                   "related_links"}
    full = clean_text(raw, title="Xi meets Putin")
    assert paragraphs(full) == ["Xi met Putin on Friday.", "They signed ten deals."]


def test_conservative_level_drops_repeated_widget_lines_but_keeps_repeated_sentences():
    raw = "Urgent Poll:\n\nUrgent Poll:\n\nNo.\n\nXi met Putin.\n\nNo.\n"
    assert paragraphs(clean_text(raw, level="conservative")) == ["No.", "Xi met Putin.", "No."]


def test_none_level_keeps_every_line_and_maps_offsets():
    raw = "Menu\r\n\r\nAdvertisement\r\nXi met Putin.\r\n"
    result = clean_text(raw, level="none")
    assert paragraphs(result) == ["Menu", "Advertisement", "Xi met Putin."] and result.removed == ()
    assert_segments_map(raw, result)


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="unknown cleaning level"):
        clean_text("Xi met Putin.", level="light")


# --- furniture seen in news extracted by newspaper3k (AllSides) -------------------------------------


def test_caption_rule_video_and_image_caption_widgets():
    raw = (
        "Media playback is unsupported on your device Media caption Trump: North Korea will regret it\n"
        "Image copyright Getty Images Image caption Mr Trump spoke on Friday\n"
        "Enlarge this image toggle caption Jim Watson/AFP via Getty Images\n"
        "Nahal Brigade soldiers in the Golan Heights. (IDF via Flickr)\n"
        "The president spoke on Friday.\n\nHe warned North Korea.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["The president spoke on Friday.", "He warned North Korea."]
    assert set(removed_rules(result).values()) == {"caption"}


def test_navigation_rule_glued_widget_labels():
    raw = (
        "Story highlights It is still unclear who was behind the attacks\n"
        "CLOSE USA TODAY's Paul Singer discusses the primary results. USA TODAY\n"
        "Share All sharing options for: What happens if symptoms don't go away?\n"
        "Close to 500 people were evacuated on Friday.\n\nCollapse of the bridge was feared.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Close to 500 people were evacuated on Friday.", "Collapse of the bridge was feared."]
    assert set(removed_rules(result).values()) == {"navigation"}


def test_related_links_rule_linked_headline_with_read_more_label():
    raw = (
        "Xi met Putin.\n\nFacebook denies censoring conservative stories Read more\n\n"
        "They talked, he said. Read more.\n"
    )
    result = clean_text(raw)
    assert paragraphs(result) == ["Xi met Putin.", "They talked, he said. Read more."]
    assert removed_rules(result) == {"Facebook denies censoring conservative stories Read more": "related_links"}


def test_credit_rule_update_and_correction_notes():
    raw = (
        "Xi met Putin on Friday.\n\nThey talked.\n\n"
        "Updated on Sept. 27 at 7:06 p.m. ET to reflect the latest information from federal agencies\n\n"
        "CORRECTION: This story has been updated to correct the spelling of a name.\n\n"
        "The update to the treaty was signed.\n"
    )
    result = clean_text(raw)
    assert "The update to the treaty was signed." in paragraphs(result)
    assert sum(r.rule == "credit" for r in result.removed) == 2
