"""Highlights: one element per span, nesting and crossing, escaping, text preserved."""

from __future__ import annotations

import re
from html import unescape

from framing.reporting.highlight import Item, render_text


def _text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_crossing_spans_are_closed_and_reopened_as_continuations():
    text = "He said \"we are allies. Truly.\" Then left."
    items = [Item("q", 8, 32, "quote"), Item("s1", 0, 23, "sentence"), Item("s2", 24, 42, "sentence"),
             Item("l", 16, 22, "relationship_label")]
    html = str(render_text(text, items))
    assert sorted(re.findall(r'data-span="([^"]+)"', html)) == ["l", "q", "s1", "s2"]
    assert re.findall(r'data-span-cont="([^"]+)"', html)  # the quote continues into the second sentence
    assert _text_of(html) == text
    assert html.count("<mark") == html.count("</mark>") and html.count("<span") == html.count("</span>")


def test_nested_label_inside_quote_is_inside_the_quote_element():
    html = str(render_text("\"allies\"", [Item("q", 0, 8, "quote"), Item("l", 1, 7, "relationship_label")]))
    assert html.index('data-span="q"') < html.index('data-span="l"') < html.index("</mark>") < html.rindex("</span>")


def test_untrusted_text_and_attributes_are_escaped():
    text = "<script>alert(1)</script> x"
    html = str(render_text(text, [Item("1", 0, 8, "quote", badge='"><img src=x onerror=alert(1)>',
                                       title="<b>")]))
    assert "<script>" not in html and "<img" not in html
    assert _text_of(html) == text


def test_badge_only_on_the_last_piece_and_zero_length_span_kept():
    html = str(render_text("abcdef", [Item("s", 0, 4, "sentence"), Item("q", 2, 6, "quote", badge="X"),
                                      Item("z", 3, 3, "hedge")]))
    assert html.count('data-badge="X"') == 1
    assert html.index('data-span-cont="q"') < html.index('data-badge="X"')
    assert 'data-span="z"' in html
