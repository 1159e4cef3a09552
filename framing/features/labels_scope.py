"""Where a cue of a relationship label reaches: clauses, noun phrases and determiners around a label.

The geometry that :mod:`framing.features.labels_polarity` (which cues scope
over a label) and :mod:`framing.features.labels_target` (which actors are its
arguments) share: a label's clause cut at reporting verbs
(:func:`label_clause`), whether a cue reaches a label within a scope
(:func:`reaches`: ``np``, ``clause``, ``complement``, ``subclause``), and the
determiner of the label's noun phrase (:func:`determiner_at`).

Example:
    >>> from framing.corpus.segmentation import tokenize
    >>> t = "They have not, for now, become an alliance"
    >>> reaches(t, tokenize(t), 13, t.index("alliance"), "clause")
    True
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from framing.features._context import context_ok
from framing.features.clauses import clause_around
from framing.lexicons import load_lexicon

__all__ = [
    "DEFINITE", "MAX_CLAUSE_WORDS", "MAX_NP_WORDS", "NP_STOP_WORDS", "Words", "boundary_words", "context_ok_at",
    "determiner_at", "has_determiner", "label_clause", "previous_words", "reaches", "start_words_before",
    "end_words_after", "words_between",
]

Words = list[tuple[int, int]]

MAX_CLAUSE_WORDS = 15
MAX_NP_WORDS = 3

_HARD_BOUNDARY_RE = re.compile(r"[;:—–()\[\]”?!]")
#: A single quotation mark that closes a quotation (after a word, before a space or punctuation).
_CLOSING_SINGLE_RE = re.compile(r"(?<=\w)[’'](?=[\s,.;:!?]|$)")
#: One that opens one (after a space or the text start, before a word).
_OPENING_SINGLE_RE = re.compile(r"(?:^|(?<=\s))[‘'](?=\w)")
#: Characters before a cue searched for the opening mark of a quotation that holds it.
_QUOTE_LOOKBACK = 200
#: Conjunctions and relative words across which a negation or modal cue does not reach a label
#: ("may be the closest since the 1950s honeymoon": the honeymoon is not hypothetical).
_SCOPE_STOP_WORDS = frozenset("but though although while whereas yet however because since which who whom when where "
                              "if unless whether".split())
#: The one reporting-verb list; forms marked ``ends_clause`` end a label's clause (and a cue's scope).
REPORTING_VERBS = "reporting_verbs"
NP_STOP_WORDS = frozenset(
    "of to in with from for by on at than as and or but yet rather instead that which who".split()
)
_CONTINUE_AFTER_COMMA = frozenset("including such notably especially particularly like".split())
_SUBJECT_WORDS = frozenset(
    "the a an this that these those there it they we he she i you its their his her our my".split()
)
DEFINITE = frozenset("the this that these those its their his her our your my".split())
_INDEFINITE = frozenset("a an any some no another such one".split())


def previous_words(text: str, words: Words, offset: int, n: int) -> list[str]:
    """The ``n`` lower-cased word tokens ending before ``offset`` (nearest last).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Russia’s best friend"
        >>> previous_words(t, tokenize(t), t.index("friend"), 2)
        ["russia's", 'best']
    """
    i = bisect.bisect_right(words, offset, key=_last)
    return [text[a:b].lower().replace("’", "'") for a, b in words[max(0, i - n) : i]]


def _first(word: tuple[int, int]) -> int:
    return word[0]


def _last(word: tuple[int, int]) -> int:
    return word[1]


def start_words_before(words: Words, offset: int, n: int, floor: int) -> int:
    """Start of the ``n``-th word before ``offset``, or ``floor`` when there are not that many."""
    i = bisect.bisect_left(words, offset, key=_first)
    return words[i - n][0] if i - n > 0 else floor


def end_words_after(words: Words, offset: int, n: int, ceiling: int) -> int:
    """End of the ``n``-th word after ``offset``, or ``ceiling`` when there are not that many."""
    j = bisect.bisect_left(words, offset, key=_first) + n
    return words[j][1] if j < len(words) - 1 else ceiling


def words_between(words: Words, start: int, end: int) -> Words:
    """Word tokens lying wholly inside ``[start, end)``."""
    return words[bisect.bisect_left(words, start, key=_first) : bisect.bisect_right(words, end, key=_last)]


def context_ok_at(text: str, words: Words, rules: str, start: int, end: int) -> bool:
    """Whether a lexicon row's ``context`` rules hold for the match at ``start``-``end``."""
    prev = previous_words(text, words, start, 1)
    j = bisect.bisect_left(words, end, key=_first)
    nxt = [text[a:b] for a, b in words[j : j + 1]]
    return context_ok(rules, previous=prev[-1] if prev else "", following=nxt[0] if nxt else "")


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    """Reporting-verb forms that end a label's clause (``ends_clause`` column of the reporting-verb list)."""
    return frozenset(r["term"].lower() for r in load_lexicon(REPORTING_VERBS).rows if r.get("ends_clause") == "y")


def boundary_words() -> frozenset[str]:
    """Words a cue's scope does not cross: conjunctions, relative words and clause-ending reporting verbs."""
    return _SCOPE_STOP_WORDS | _clause_verbs()


def label_clause(text: str, words: Words, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The label's clause (:func:`~framing.features.clauses.clause_around`) cut at reporting verbs ("X said ...")."""
    cs, ce = clause_around(text, start, end, sentence=sentence)
    verbs = _verb_words(text, words)
    for a, b in verbs[bisect.bisect_left(verbs, cs, key=_first) : bisect.bisect_right(verbs, ce, key=_first)]:
        if cs <= a and b <= start:
            cs = b
        elif a >= end and b <= ce:
            return cs, a
    return cs, ce


#: The word list last seen and its clause-ending reporting verbs (held, so its id is never reused).
_VERBS_SEEN: list[tuple[str, Words, Words]] = []


def _verb_words(text: str, words: Words) -> Words:
    """The clause-ending reporting verbs among ``words``, found once per sentence however many labels it holds."""
    if _VERBS_SEEN and _VERBS_SEEN[0][0] is text and _VERBS_SEEN[0][1] is words:
        return _VERBS_SEEN[0][2]
    verbs = _clause_verbs()
    found = [(a, b) for a, b in words if text[a:b].lower() in verbs]
    _VERBS_SEEN[:] = [(text, words, found)]
    return found


def reaches(text: str, words: Words, start: int, end: int, scope: str) -> bool:
    """Whether a cue ending at ``start`` scopes over a label starting at ``end``.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "no formal alliance"
        >>> reaches(t, tokenize(t), 2, t.index("alliance"), "np")
        True
    """
    gap = words_between(words, start, end)
    lowered = [text[a:b].lower() for a, b in gap]
    if _quote_closes(text, start, end):
        return False  # "hail ‘no limits’ partnership": the cue is inside a quotation, the label after it
    if scope == "np":
        return (
            len(gap) <= MAX_NP_WORDS
            and not re.search(r"[^\w\s\-‐‑'’“\"‘]", text[start:end])
            and not any(w in NP_STOP_WORDS for w in lowered)
        )
    if len(gap) > MAX_CLAUSE_WORDS or _HARD_BOUNDARY_RE.search(text, start, end):
        return False
    stop_words = boundary_words() if scope == "complement" else boundary_words() | {"that"}
    for k, ((a, _), w) in enumerate(zip(gap, lowered, strict=True)):
        if w not in stop_words:
            continue
        if w == "yet" and not re.search(r"[,;]\s*$", text[start:a]):
            continue  # "yet" stops only as a conjunction (", yet"), not as an adverb ("could yet become")
        if w == "since" and ((k and lowered[k - 1] == "ever") or lowered[k + 1 : k + 2] == ["then"]):
            continue  # "trying ever since to find alliances", "since then": adverbs
        return False
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    if commas and not text[start : start + commas[0]].strip():
        commas = commas[2:]  # "has not, consistent with ..., become": a parenthesis
    for c in commas:
        if scope == "subclause":
            return False
        after = [text[a:b].lower() for a, b in words if a > start + c and b <= end][:2]
        if after and after[0] in _CONTINUE_AFTER_COMMA:
            continue
        if after and after[0] in ("and", "or") and (len(after) < 2 or after[1] not in _SUBJECT_WORDS):
            nxt = [text[a:b] for a, b in words if a > start + c and b <= end][1:2]
            if not nxt or nxt[0][:1].islower():
                continue
        return False
    return True


def _quote_closes(text: str, start: int, end: int) -> bool:
    """Whether a single-quoted stretch that opens before ``start`` closes inside ``[start, end)``.

    A closing ’ after a word is also the apostrophe of a plural possessive
    ("the allies’ summit"), so it counts only when an opening ‘ comes before
    ``start`` and is not closed before it.

    Example:
        >>> t = "They hail ‘no limits’ partnership"
        >>> _quote_closes(t, t.index("no") + 2, t.index("partner")), _quote_closes("no allies’ talk", 2, 11)
        (True, False)
    """
    if not _CLOSING_SINGLE_RE.search(text, start, end):
        return False
    lo = max(0, start - _QUOTE_LOOKBACK)
    opens = [m.start() for m in _OPENING_SINGLE_RE.finditer(text, lo, start)]
    return bool(opens) and not _CLOSING_SINGLE_RE.search(text, opens[-1] + 1, start)


def determiner_at(text: str, words: Words, offset: int, *, definite_only: bool = False) -> int | None:
    """Start of the determiner or possessive of the noun phrase ending at ``offset`` (None: there is none).

    With ``definite_only`` only definite ones count (the, its, China's).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Moscow's strategic partner"
        >>> determiner_at(t, tokenize(t), t.index("partner"), definite_only=True)
        0
    """
    prev = previous_words(text, words, offset, MAX_NP_WORDS + 1)
    pos = offset
    for w in reversed(prev):
        a = [x for x in words if x[1] <= pos][-1]
        if re.search(r"[,;:—–()]", text[a[1] : pos]):
            return None
        pos = a[0]
        if w in DEFINITE or w.endswith("'s") or w.endswith("s'"):
            return pos
        if w in _INDEFINITE:
            return None if definite_only else pos
        if w in NP_STOP_WORDS or w in boundary_words():
            return None
    return None


def has_determiner(text: str, words: Words, offset: int) -> bool:
    """Whether the noun phrase ending at ``offset`` has a determiner or possessive ("the", "a", "China's").

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "expanding military blocs"
        >>> has_determiner(t, tokenize(t), t.index("blocs"))
        False
    """
    return determiner_at(text, words, offset) is not None
