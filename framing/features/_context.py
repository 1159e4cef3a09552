"""Context rules for lexicon rows: conditions on the words around a match.

A lexicon's optional ``context`` cell holds rules separated by ``;``:

* ``after:w1|w2`` - the word before the match must be one of these;
* ``not_after:w1|w2`` - the word before must not be one of these;
* ``before:w1|w2`` / ``not_before:w1|w2`` - the same for the word after;
* ``before_number`` - the word after must be a number ("around 30");
* ``needs_actor`` - not checked here: the labels extractor keeps such a match
  only when its sentence names an actor (``friend`` of states, not of people).

Words are compared lower-cased with straight apostrophes; a missing word is "".

Example:
    >>> context_ok("after:of", previous="of", following="that")
    True
    >>> context_ok("before_number; not_after:talk", previous="talk", following="30")
    False
"""

from __future__ import annotations

import re

_NUMBER_RE = re.compile(
    r"^(?:[\d$€£][\d.,%]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|a|half|"
    r"dozen|dozens)$"
)


_MONTH_BEFORE = frozenset("in on last next early late mid since until by from through of during this".split())


def is_month_may(word: str, previous: str, following: str, *, sentence_initial: bool) -> bool:
    """Whether a matched "may"/"May" is the month.

    It is when capitalised and not sentence-initial, followed by a number, or
    after in/on/last/next...

    Example:
        >>> is_month_may("May", "in", "2022", sentence_initial=False)
        True
        >>> is_month_may("May", "", "be", sentence_initial=True)
        False
    """
    if not word[:1].isupper():
        return False
    if previous.lower() in _MONTH_BEFORE or following[:1].isdigit():
        return True
    return not sentence_initial


def _words(cell: str) -> set[str]:
    return {w.strip().lower() for w in cell.split("|") if w.strip()}


def context_ok(rules: str, *, previous: str, following: str) -> bool:
    """Whether every rule in ``rules`` holds for the words around a match."""
    prev = previous.lower().replace("’", "'")
    nxt = following.lower().replace("’", "'")
    for rule in (r.strip() for r in rules.split(";")):
        if not rule:
            continue
        kind, _, arg = rule.partition(":")
        kind = kind.strip()
        if kind == "after" and prev not in _words(arg):
            return False
        if kind == "not_after" and prev in _words(arg):
            return False
        if kind == "before" and nxt not in _words(arg):
            return False
        if kind == "not_before" and nxt in _words(arg):
            return False
        if kind == "before_number" and not _NUMBER_RE.match(nxt):
            return False
    return True
