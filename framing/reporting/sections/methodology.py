"""Section 6, methodology and limitations in plain words (sizes and settings read from the data).

Example:
    >>> limitations([1, 1, 1, 1, 1])[1][:52]
    'Five articles are five articles. A figure for an out'
    >>> number_words(1200), number_words(0, capital=True)
    ('1,200', 'No')
"""

from __future__ import annotations

from collections.abc import Sequence

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_words(n: int, *, capital: bool = False) -> str:
    """A count in words up to twelve, else in digits with thousands separators."""
    text = _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
    return text[:1].upper() + text[1:] if capital else text


def _size(per_outlet: Sequence[int]) -> str:
    """The "N articles are N articles" caution, for these article counts per outlet."""
    n = sum(per_outlet)
    noun = "article is" if n == 1 else "articles are"
    head = f"{number_words(n, capital=True)} {noun} {number_words(n)} {noun.split()[0]}."
    if all(k == 1 for k in per_outlet):
        return (f"{head} A figure for an outlet here describes this article, not the outlet's coverage in general; "
                "the warning \"rests on one article\" says so wherever it applies.")
    lo, hi = min(per_outlet), max(per_outlet)
    span = number_words(lo) if lo == hi else f"{number_words(lo)} to {number_words(hi)}"
    return (f"{head} A figure for an outlet here describes its {span} articles in this corpus, not the outlet's "
            "coverage in general; the warning \"rests on one article\" marks figures that rest on a single article.")


def limitations(per_outlet: Sequence[int]) -> list[str]:
    """The limitations listed under the methodology.

    Args:
        per_outlet: Number of analysed articles of each outlet.
    """
    return [
        "Counts come from word lists and rules, not from understanding. A cue can be missed (a label phrased in a "
        "new way) or counted wrongly (a word used in another sense). Every figure links to its words: check them.",
        _size(per_outlet),
        "Intervals resample sentences within an outlet. Sentences of one article are not independent, so the "
        "intervals are, if anything, too narrow. A difference is only called a difference where the intervals do "
        "not overlap.",
        "Sentiment scores measure the tone of words (VADER, calibrated on news), not an outlet's stance: reporting "
        "a war in neutral words still yields negative sentences.",
        "The word lists are English. For articles not in English the lexicon measures are marked \"not English\" "
        "and should not be compared.",
        "Cleaning removes page furniture (menus, captions, promotions) by rule; the removed lines are listed in the "
        "overview so that a wrongly removed line can be seen.",
    ]
