"""Step 1: pairing quotation marks (framing.attribution.marks)."""

from __future__ import annotations

from framing.attribution.marks import pair_quote_marks, paragraphs, quotations


def _texts(t: str) -> list[str]:
    return [t[s:e] for s, e, _ in pair_quote_marks(t)]


def test_split_quote_gives_two_quotations() -> None:
    t = "“Ties are strong,” Lee said, “and they will stay strong.”"
    assert _texts(t) == ["“Ties are strong,”", "“and they will stay strong.”"]


def test_nested_single_quote_is_its_own_quote_and_apostrophes_are_not_quotes() -> None:
    t = "“The slogan was ‘The Soviet Union of today is our tomorrow,’ ” Torigian said of Russia’s and the US’ past."
    assert [(t[s:e], n) for s, e, n in pair_quote_marks(t)] == [
        ("“The slogan was ‘The Soviet Union of today is our tomorrow,’ ”", False),
        ("‘The Soviet Union of today is our tomorrow,’", True),
    ]


def test_apostrophe_after_plural_s_is_not_a_closing_quote() -> None:
    t = "“The US’ promised aid never came, and Russia’s hopes faded,” Chen said."
    assert _texts(t) == [t[: t.index("”") + 1]]


def test_straight_marks_toggle() -> None:
    t = 'He called it "a new era" and "a turning point".'
    assert _texts(t) == ['"a new era"', '"a turning point"']


def test_quote_open_at_paragraph_end_continues_when_the_next_paragraph_opens_with_a_mark() -> None:
    t = "“The first part goes on.\n\n“The second part ends,” Maslov said."
    assert _texts(t) == [t[: t.index(",”") + 2]]


def test_quote_open_at_paragraph_end_ends_with_its_paragraph_otherwise() -> None:
    t = "“An unclosed remark.\n\nAuthor text follows here."
    assert _texts(t) == ["“An unclosed remark."]


def test_marks_around_no_letters_are_not_a_quotation() -> None:
    assert pair_quote_marks("Scores: “ ” and '' here.") == []


def test_paragraphs_and_raw_quotes() -> None:
    assert paragraphs("One.\n\n  Two.\n") == [(0, 4), (6, 12)]
    assert [(q.start, q.end, q.nested) for q in quotations("“A ‘b’ c”")] == [(0, 9, False), (3, 6, True)]


def test_doubled_apostrophes_pair_as_quote_marks_in_nyt_text() -> None:
    # PolNeAR dev, NYT: quotations written ''...''
    t = "''This isn't tax reform,'' said Douglas Holtz-Eakin. ''It's anti-reform.''"
    assert _texts(t) == ["''This isn't tax reform,''", "''It's anti-reform.''"]


def test_backtick_opening_pairs_with_doubled_apostrophe_closing() -> None:
    t = "``It is a partnership,'' the minister said."
    assert _texts(t) == ["``It is a partnership,''"]


def test_doubled_apostrophe_quote_left_open_continues_into_the_next_paragraph() -> None:
    t = "''There is no evidence this would have any\n''effect at all,'' Mr. Burman said."
    assert _texts(t) == [t[: t.index(",''") + 3]]


def test_unpaired_doubled_apostrophe_that_opens_nothing_is_left_alone() -> None:
    t = "It's basically just a tax increase'' for the top bracket."
    assert _texts(t) == []
