"""Quotation marks around a name or title, not around anyone's words.

News puts quotation marks around the titles of shows, books, ads and
documents ("told “Fox and Friends”", "a memo titled “The Facts”", "How the
Grinch Stole Christmas") as well as around speech. Such a quotation is a
*title*: it has no speaker and inherits none. Two cues mark one:

* its words are capitalised (but "the", "of" and the like) and it is the
  object of a preposition or of "told" ("appeared on “Meet the Press”", "a
  segment of “Morning Joe”"), or of "titled", "entitled", "named" (a fragment
  after a preposition, "calling on all parties to “stay calm”", "disillusioned
  with “Western democracy”", is someone's words);
* "by" and a name follow it (“The Living Room to close,” by Times' Ben
  Sisario): a headline or book and its author;
* its words are in title case (2-10 words, two or more of four letters or
  more, every word capitalised but "the", "of", "and" and the like) and no
  attribution follows it; a chant ending in "!" or "?" is not a title.

Measured on PolNeAR train (840 articles), 93% of the quotations after a
preposition and 87% of the title-case ones are not annotated as anyone's
words (the title-case ones: 183 of 211).

Example:
    >>> from framing.attribution.marks import quotations
    >>> t = "She told “Fox and Friends” that “We Will Win Again” is the slogan."
    >>> [after_preposition(t, q) or title_case(t, q) for q in quotations(t)]
    [True, True]
"""

from __future__ import annotations

import re

from framing.attribution.marks import RawQuote

# A preposition or naming verb right before the quote, with an optional determiner and possessive name between.
_BEFORE_RE = re.compile(
    r"(?:^|[\s(])(?:on|in|of|at|from|with|to|into|for|told|titled|entitled|named)\s+"
    r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*(?:’s|'s)\s+)?$"
)
# "according to", "in the words of", "as X put it in": sources, not titles.
_SOURCE_BEFORE_RE = re.compile(r"(?:according\s+to|in\s+the\s+words\s+of)\s+$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*")
_LOOKBACK = 80
_BY_AFTER_RE = re.compile(r",?[ \t\u00a0]+by[ \t\u00a0]+[A-Z]")
# Words a title leaves in lower case ("Meet the Press", "Law and Order").
_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs is are".split())
_MAX_TITLE_WORDS = 10


def after_preposition(text: str, q: RawQuote) -> bool:
    """Whether the quote is the object of a preposition, of "told" or of "titled" (see the module docstring).

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "He appeared on “Meet the Press” and said “we will win.”"
        >>> [after_preposition(t, q) for q in quotations(t)]
        [True, False]
    """
    if not _capitalised_words(text, q, min_long=0):
        return False  # "calling on all parties to “stay calm”", "with “Western democracy”": someone's words
    before = text[max(0, q.start - _LOOKBACK) : q.start]
    if "\n" in before:
        before = before[before.rindex("\n") + 1 :]
    return bool(_BEFORE_RE.search(before)) and not _SOURCE_BEFORE_RE.search(before)


def byline_after(text: str, q: RawQuote) -> bool:
    """Whether "by" and a capitalised name follow the quote: a headline or book and its author.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "“The Living Room to close,” by Times' Ben Sisario: “A nightclub will shut.”"
        >>> [byline_after(t, q) for q in quotations(t)]
        [True, False]
    """
    return bool(_BY_AFTER_RE.match(text, q.end))


def title_case(text: str, q: RawQuote) -> bool:
    """Whether the quote's words are in title case (2-10 words; see the module docstring).

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "“How the Grinch Stole Christmas,” “USA! USA!” and “we Can Win Big”"
        >>> [title_case(t, q) for q in quotations(t)]
        [True, False, False]
    """
    return _capitalised_words(text, q, min_long=2)


def _capitalised_words(text: str, q: RawQuote, *, min_long: int) -> bool:
    """Up to ten words, all capitalised but small ones, at least ``min_long`` of four letters or more; no "!"/"?"."""
    inner = text[q.start + 1 : q.end - 1].strip().rstrip("’'\"”").strip()
    if not inner or inner[-1:] in "!?" or inner.rstrip(".,;:")[-1:] in "!?":
        return False
    words = _WORD_RE.findall(inner)
    if not words or len(words) > _MAX_TITLE_WORDS or not words[0][0].isupper() or len(words) < min(min_long, 2):
        return False
    return sum(len(w) >= 4 for w in words) >= min_long and all(
        w[0].isupper() or w.lower() in _SMALL_WORDS for w in words
    )


__all__ = ["after_preposition", "byline_after", "title_case"]
