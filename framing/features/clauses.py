"""The one clause splitter: where a sentence breaks into clauses.

Every rule that needs "the same clause" uses it: tone toward an actor reads
the actor's clause (:mod:`framing.features.tone_features`), a
relationship label is placed by the actors of its clause
(:mod:`framing.features.labels`), and "would" after a reporting verb is the
future in the past only when no clause break comes between
(:mod:`framing.features.hedging`; a reported that-clause is longer, see
:func:`that_clause_reaches`).

A clause breaks at

* ``;`` or ``:`` followed by a space, a spaced en or em dash, any em dash
  (not an unspaced en dash: "2014–2022", "China–Russia"), and parentheses;
* the words of ``lexicons/clause_breaks.tsv``: those with position ``any``
  (but, while, although, if...) wherever they follow a space, those with
  position ``after_comma`` (and, or, which, when...) only right after a comma.

A break word opens the next clause ("but Washington condemned it"); the
punctuation, comma and spaces of a break belong to neither clause.

Example:
    >>> t = "Beijing praised the deal, but Washington condemned it."
    >>> [t[s:e] for s, e in clause_bounds(t)]
    ['Beijing praised the deal', 'but Washington condemned it.']
    >>> has_break("He said that if talks fail, it would", 7, 36)
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.lexicons import load_lexicon

#: The lexicon of break words.
LEXICON = "clause_breaks"

_PUNCTUATION = r"\s*[;:]\s+|\s+[—–]\s+|\s*—\s*|\s*\(\s*|\s*\)\s*"
_WORD_END = r"(?![\w\-‐‑'’])"


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


@lru_cache(maxsize=4)
def break_pattern(lexicon: str = LEXICON) -> re.Pattern[str]:
    """The compiled clause-break pattern (punctuation plus the lexicon's words).

    Example:
        >>> bool(break_pattern().search("Russia has not yet replied"))
        False
    """
    anywhere: list[str] = []
    after_comma: list[str] = []
    for row in load_lexicon(lexicon).rows:
        position = row.get("position", "any").strip() or "any"
        (after_comma if position == "after_comma" else anywhere).append(row["term"].lower())
    parts = [_PUNCTUATION]
    if anywhere:
        parts.append(rf",?\s+(?=(?:{_alternation(anywhere)}){_WORD_END})")
    if after_comma:
        parts.append(rf",\s+(?=(?:{_alternation(after_comma)}){_WORD_END})")
    return re.compile("|".join(parts), re.IGNORECASE)


def clause_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into clauses; absolute offsets, breaks left out.

    Example:
        >>> t = "Moscow welcomed it; Kyiv, which was not consulted, was furious."
        >>> [t[s:e] for s, e in clause_bounds(t)]
        ['Moscow welcomed it', 'Kyiv', 'which was not consulted, was furious.']
    """
    return list(_clause_bounds(text, start, len(text) if end is None else end))


@lru_cache(maxsize=64)
def _clause_bounds(text: str, start: int, stop: int) -> tuple[tuple[int, int], ...]:
    """:func:`clause_bounds`, cached: every label or mention of a long sentence asks for the same clauses."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in break_pattern().finditer(text, start, stop):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = max(pos, m.end())
    if stop > pos:
        out.append((pos, stop))
    return tuple((s, e) for s, e in out if text[s:e].strip()) or ((start, stop),)


def clause_around(text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None) -> tuple[int, int]:
    """The clause of ``sentence`` (default: all of ``text``) in which ``text[start:end]`` starts.

    Example:
        >>> t = "Moscow welcomed it; Kyiv was furious."
        >>> s, e = clause_around(t, 20, 24)
        >>> t[s:e]
        'Kyiv was furious.'
    """
    ss, se = sentence if sentence is not None else (0, len(text))
    for cs, ce in clause_bounds(text, ss, se):
        if cs <= start < ce:
            return cs, ce
    return ss, se


@lru_cache(maxsize=4)
def _that_clause_stop(lexicon: str = LEXICON) -> re.Pattern[str]:
    words = [r["term"].lower() for r in load_lexicon(lexicon).rows if r.get("kind", "").strip() == "condition"]
    return re.compile(rf"\b(?:{_alternation(words)})\b|[;:]" if words else "[;:]", re.IGNORECASE)


def that_clause_reaches(text: str, start: int, end: int) -> bool:
    """Whether a that-clause opened at ``start`` ("said that ...") still runs at ``end``.

    A reported that-clause runs on across commas and coordination ("said that
    X would go, and that Y would follow", "…, but Z would …"), so the clause
    splitter's breaks do not end it; a condition word (kind ``condition`` in
    the lexicon: "if") or ``;``/``:`` does.

    Example:
        >>> t = "He said that talks would go on, and that a deal would follow if they agree, and it would last"
        >>> that_clause_reaches(t, 12, t.index("a deal would") + 7), that_clause_reaches(t, 12, len(t) - 4)
        (True, False)
    """
    return _that_clause_stop().search(text, start, end) is None


def has_break(text: str, start: int, end: int) -> bool:
    """Whether a clause break lies inside ``text[start:end]``.

    Example:
        >>> has_break("said, but it would", 0, 18), has_break("said it would", 0, 13)
        (True, False)
    """
    return break_pattern().search(text, start, end) is not None
