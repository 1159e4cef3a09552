"""Speaker phrases: the noun phrase before or after a cue, and its appositive.

A speaker phrase is a run of capitalised words, speaker nouns or hyphenated
words (with name connectors such as "of" between capitalised words), a
determiner plus a common noun ("the announcer"), or a pronoun.

Example:
    >>> t = "Analysts at the Carnegie Endowment for Peace said"
    >>> s, e = np_backward(t, 0, t.index(" said"))
    >>> t[s:e]
    'the Carnegie Endowment for Peace'
"""

from __future__ import annotations

import re

from framing.attribution.cues import cue_matcher
from framing.attribution.words import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    NAME_CONNECTORS,
    PRONOUN_KINDS,
    is_cap,
    word_kind,
)
from framing.corpus.segmentation import tokenize

_PAREN_END_RE = re.compile(r"\s*\([^()\n]{1,40}\)[\s,]*$")
_APPOS_CUT_RE = re.compile(r",(?!\s+(?:a|an|the)\s)|;|\s[—–]\s|\s\((?![A-Z]+\))")


def _np_ish(word: str) -> bool:
    lw = word.lower()
    if lw in FUNCTION_WORDS and lw not in ("the",):
        return False
    if lw in AUXILIARIES:
        return False
    return is_cap(word) or bool(word_kind(word)) or ("-" in word and word[:1].isalpha())


def _gap_ok(text: str, a: int, b: int, prev_word: str) -> bool:
    """Whether the gap ``text[a:b]`` between two words keeps them in one phrase."""
    gap = text[a:b]
    if not gap:
        return True
    if gap.strip() == "":
        return "\n" not in gap
    if gap.strip() == "." and "\n" not in gap and (
        (prev_word[:1].isupper() and len(prev_word.replace(".", "")) <= 2) or word_kind(prev_word) == "title"
    ):
        return True  # initials and abbreviated titles: "M. Taylor Fravel", "Sen. Claire McCaskill"
    return gap.strip() == "&"


def _skip_auxiliaries(text: str, toks: list[tuple[int, int]], hi: int) -> int:
    """Index of the last token before ``hi`` that is not an auxiliary or -ly adverb (-1 if none)."""
    i = len(toks) - 1
    while i >= 0 and (
        text[toks[i][0] : toks[i][1]].lower() in AUXILIARIES or text[toks[i][0] : toks[i][1]].endswith("ly")
    ):
        if text[toks[i][1] : hi if i == len(toks) - 1 else toks[i + 1][0]].strip():
            break
        i -= 1
    return i


def _common_noun_phrase(text: str, toks: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """"the announcer": a common noun right after a determiner (and up to two modifiers)."""
    for back in (1, 2, 3):
        if i - back < 0:
            return None
        pw = text[toks[i - back][0] : toks[i - back][1]].lower()
        if pw in DETERMINERS:
            return (toks[i - back][0], toks[i][1])
        if pw in FUNCTION_WORDS or pw in AUXILIARIES or not _gap_ok(text, toks[i - back][1], toks[i - back + 1][0], pw):
            return None
    return None


def np_backward(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker phrase in ``text[lo:hi]`` ending at ``hi`` (after skipping auxiliaries): ``(start, end)``.

    Example:
        >>> t = "Sen. Claire McCaskill has also said"
        >>> s, e = np_backward(t, 0, t.index(" said"))
        >>> t[s:e]
        'Sen. Claire McCaskill'
    """
    paren = _PAREN_END_RE.search(text, lo, hi)
    if paren:
        hi = paren.start()
    toks = tokenize(text, lo, hi)
    if not toks:
        return None
    i = _skip_auxiliaries(text, toks, hi)
    if i < 0:
        return None
    end_tok = i
    tail = text[toks[i][1] : (toks[i + 1][0] if i + 1 < len(toks) else hi)]
    if tail.strip():
        return None
    w = text[toks[i][0] : toks[i][1]]
    if w.lower() in PRONOUN_KINDS:
        return toks[i]
    if w.lower() in DETERMINERS or w.lower() in FUNCTION_WORDS:
        return None
    if not _np_ish(w):
        return _common_noun_phrase(text, toks, i)
    j = i
    while j > 0:
        pw = text[toks[j - 1][0] : toks[j - 1][1]]
        if not _gap_ok(text, toks[j - 1][1], toks[j][0], pw):
            break
        lpw = pw.lower()
        if lpw in DETERMINERS:
            j -= 1
            break
        if lpw in NAME_CONNECTORS and j - 2 >= 0:
            ppw = text[toks[j - 2][0] : toks[j - 2][1]]
            if is_cap(ppw) and is_cap(text[toks[j][0] : toks[j][1]]):
                j -= 1
                continue
            break
        if not _np_ish(pw) or lpw in PRONOUN_KINDS:
            break
        j -= 1
    start = toks[j][0]
    if text[start : toks[j][1]].lower() in FUNCTION_WORDS:
        start = toks[j + 1][0] if j + 1 <= end_tok else start
    return (start, toks[end_tok][1])


def np_forward(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker phrase in ``text[lo:hi]`` starting at ``lo`` (after spaces): ``(start, end)``.

    Example:
        >>> t = "said the Council on Foreign Relations in a report"
        >>> s, e = np_forward(t, 4, len(t))
        >>> t[s:e]
        'the Council on Foreign Relations'
    """
    toks = tokenize(text, lo, hi)
    if not toks or text[lo : toks[0][0]].strip():
        return None
    j = 0
    first = text[toks[0][0] : toks[0][1]]
    if first.lower() in PRONOUN_KINDS:
        return toks[0]
    if first.lower() in DETERMINERS:
        j = 1
    k = j
    last = -1
    while k < len(toks):
        w = text[toks[k][0] : toks[k][1]]
        if k > 0 and not _gap_ok(text, toks[k - 1][1], toks[k][0], text[toks[k - 1][0] : toks[k - 1][1]]):
            break
        if w.lower() in NAME_CONNECTORS and last >= 0 and k + 1 < len(toks):
            nw = text[toks[k + 1][0] : toks[k + 1][1]]
            if is_cap(nw) and is_cap(text[toks[last][0] : toks[last][1]]):
                k += 1
                continue
            break
        if not _np_ish(w) or w.lower() in PRONOUN_KINDS:
            break
        last = k
        k += 1
    if last < 0:
        return None
    return (toks[0][0], toks[last][1])


def appositive_after(text: str, pos: int, hi: int) -> str:
    """``, an associate professor at X,`` after a name at ``pos``: the appositive text (or "").

    Example:
        >>> t = "Chen Jun, an associate professor at Fudan University, said"
        >>> appositive_after(t, 8, len(t))
        'an associate professor at Fudan University'
    """
    m = re.match(r"\s*,\s*", text[pos:hi])
    if not m:
        return ""
    body = text[pos + m.end() : hi]
    cut = _APPOS_CUT_RE.search(body)
    if cut:
        body = body[: cut.start()]
    for c in cue_matcher().finditer(body):
        before = body[: c.start].rstrip()
        if before.endswith(","):
            body = before[:-1]
            break
    body = body.strip().rstrip(",.;:”\"’")
    if not body or len(body) > 220:
        return ""
    fw = body.split()[0]
    if fw.lower() in FUNCTION_WORDS and fw.lower() not in ("the",):
        return ""
    return body


__all__ = ["appositive_after", "np_backward", "np_forward"]
