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
from collections.abc import Callable
from functools import lru_cache

from framing.attribution.cues import cue_matcher
from framing.attribution.words import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    MODALS,
    NAME_CONNECTORS,
    PRONOUN_KINDS,
    TIME_WORDS,
    is_cap,
    word_kind,
)
from framing.corpus.segmentation import tokenize

#: The longest speaker phrase, in words.
_MAX_PHRASE_WORDS = 10
_PAREN_END_RE = re.compile(r"\s*\([^()\n]{1,40}\)[\s,]*$")
_APPOS_CUT_RE = re.compile(r",(?!\s+(?:a|an|the)\s)|;|\s[—–]\s|\s\((?![A-Z]+\))")


@lru_cache(maxsize=64)
def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The word tokens of ``text[lo:hi]``, kept for the rules that look at the same words again (do not change)."""
    return tokenize(text, lo, hi)


def _np_ish(word: str) -> bool:
    lw = word.lower()
    if lw in FUNCTION_WORDS and lw not in ("the",):
        return False
    if lw in AUXILIARIES:
        return False
    return is_cap(word) or bool(word_kind(word)) or ("-" in word and word[:1].isalpha())


_PREFIXED_CAP_RE = re.compile(r"(?:then|ex|former)-[A-Z]")
#: Prepositions of a time adjunct between a speaker and its cue ("Trump on Friday said").
_TIME_PREPS = frozenset({"on", "last", "this", "early", "late"})
#: Object and possessive pronouns: never a modifier inside a speaker phrase.
_OBJECT_PRONOUNS = frozenset("him her them me us you it its his their our my your who whom".split())
#: Negations and adverbs between a speaker and its cue ("Lawmakers have not said", "Clinton now says").
_VERB_ADVERBS = frozenset("not now still just twice".split())
_NEGATED_AUX_RE = re.compile(r"[a-z]+n[’']t")


def _skippable(word: str) -> bool:
    """An auxiliary, negation or adverb that may stand between a speaker and its cue (not "Kelly")."""
    lw = word.lower()
    return (
        lw in AUXILIARIES
        or lw in _VERB_ADVERBS
        or lw in MODALS  # "Rahm Emanuel may say"
        or bool(_NEGATED_AUX_RE.fullmatch(word))
        or (word.endswith("ly") and word[:1].islower())
        or lw in TIME_WORDS  # "Priebus later Thursday told"
    )


def _modifier_ok(word: str, *, participles: bool = True) -> bool:
    """A lower-case word that may modify a speaker noun ("retired", "district", "2008", "46-year-old").

    ``participles`` False: no "-ed" words (before a cue they are more often verbs: "an ad released").
    """
    lw = word.lower()
    if word[:1].isupper() or lw in FUNCTION_WORDS or lw in AUXILIARIES or lw in _OBJECT_PRONOUNS or lw in MODALS:
        return False
    if not participles and lw.endswith("ed"):
        return False
    if lw in DETERMINERS or lw.endswith(("ly", "ing")) or _is_cue_word(lw):
        return False
    return word[:1].isalnum()


def _of_the_name(text: str, toks: list[tuple[int, int]], j: int) -> bool:
    """Whether ``toks[j - 1]`` is the "the" of "Capitalised of the Capitalised" inside a name."""
    return (
        text[toks[j - 2][0] : toks[j - 2][1]] in ("of", "for", "on")
        and is_cap(text[toks[j - 3][0] : toks[j - 3][1]])
        and is_cap(text[toks[j][0] : toks[j][1]])
    )


def _name_follows(text: str, toks: list[tuple[int, int]], k: int) -> bool:
    """Whether a capitalised word follows ``toks[k]`` directly, in the same phrase ("CBS moderator Nancy Cordes")."""
    if k + 1 >= len(toks) or text[toks[k][1] : toks[k + 1][0]].strip():
        return False
    return is_cap(text[toks[k + 1][0] : toks[k + 1][1]])


def _dangling(word: str) -> bool:
    """A lower-case participle that cannot end a speaker phrase."""
    return word[:1].islower() and word.endswith(("ed", "ing")) and not word_kind(word)


def _cap_like(word: str) -> bool:
    """Capitalised, or a capitalised word after "then-"/"ex-" ("Yeltsin and then-Chinese leader Jiang Zemin")."""
    return is_cap(word) or bool(_PREFIXED_CAP_RE.match(word))


def _adjective_ing(word: str, before: str) -> bool:
    """An "-ing" word right after a determiner is an adjective ("the gambling tycoon", "the outgoing envoy")."""
    return word.endswith("ing") and word[:1].islower() and before.lower() in DETERMINERS and not _is_cue_word(word)


@lru_cache(maxsize=4096)
def _is_cue_word(word: str) -> bool:
    return any(True for _ in cue_matcher().finditer(word))


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
    """Index of the last token before ``hi`` that is not an auxiliary, modal, negation or adverb (-1 if none)."""
    i = len(toks) - 1
    while i >= 0 and (
        _skippable(text[toks[i][0] : toks[i][1]])
        or (text[toks[i][0] : toks[i][1]].lower() in _TIME_PREPS and i + 1 < len(toks)
            and text[toks[i + 1][0] : toks[i + 1][1]].lower() in TIME_WORDS)
    ):
        if text[toks[i][1] : hi if i == len(toks) - 1 else toks[i + 1][0]].strip():
            break
        i -= 1
    return i


def skip_auxiliaries_back(text: str, lo: int, hi: int) -> int:
    """End of ``text[lo:hi]`` before the auxiliaries and adverbs that end it ("X has not said" -> "X").

    Example:
        >>> t = "Six in 10 have not said"
        >>> t[:skip_auxiliaries_back(t, 0, t.index(" said"))]
        'Six in 10'
    """
    w = _tail_start(text, lo, hi)
    # the last words first (no word spans a space, so they are the last tokens of the range): all of them
    # only if every one of those is skipped
    toks = _words(text, w, hi) if w > lo else []
    i = _skip_auxiliaries(text, toks, hi)
    if i < 0:
        toks = _words(text, lo, hi)
        i = _skip_auxiliaries(text, toks, hi)
    if i == len(toks) - 1:
        return hi
    return toks[i][1] if i >= 0 else lo


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


def np_backward(text: str, lo: int, hi: int, *, modifiers: bool = False) -> tuple[int, int] | None:
    """Speaker phrase in ``text[lo:hi]`` ending at ``hi`` (after skipping auxiliaries): ``(start, end)``.

    With ``modifiers``, lower-case modifiers inside the phrase are kept
    ("Senate minority leader Harry Reid", "the Senate minority leader").

    Example:
        >>> t = "Sen. Claire McCaskill has also said"
        >>> s, e = np_backward(t, 0, t.index(" said"))
        >>> t[s:e]
        'Sen. Claire McCaskill'
        >>> t = "Senate minority leader Harry Reid told"
        >>> s, e = np_backward(t, 0, t.index(" told"), modifiers=True)
        >>> t[s:e]
        'Senate minority leader Harry Reid'
    """
    paren = _PAREN_END_RE.search(text, lo, hi) if text.find(")", lo, hi) >= 0 else None  # find: cheap
    if paren:
        hi = paren.start()
    w = _tail_start(text, lo, hi)
    # the phrase lies in the last words: tokenize only those, and all of the text if the phrase may reach further
    return _part_first(text, lo, hi, (w, hi) if w > lo else None,
                       lambda toks, partial: _np_in(text, toks, hi, modifiers=modifiers, partial=partial))


class _Short(Exception):
    """The last (or first) words of a text were not enough to find its speaker phrase."""


def _tail_start(text: str, lo: int, hi: int) -> int:
    """The space before the last :data:`_TAIL_CHARS` characters of ``text[lo:hi]`` (-1: none, or a short range)."""
    return text.find(" ", hi - _TAIL_CHARS, hi) if hi - lo > _TAIL_CHARS else -1


def _part_first(
    text: str, lo: int, hi: int, part: tuple[int, int] | None,
    find: Callable[[list[tuple[int, int]], bool], tuple[int, int] | None],
) -> tuple[int, int] | None:
    """``find`` over the tokens of ``text[part]`` (partial), else over all the tokens of ``text[lo:hi]``.

    All the tokens are read where there is no part, or where its tokens are too few (:class:`_Short`).
    """
    if part is not None:
        try:
            return find(_words(text, *part), True)
        except _Short:
            pass
    return find(_words(text, lo, hi), False)


#: How many characters at the end (:func:`np_backward`, :func:`skip_auxiliaries_back`) or the start
#: (:func:`np_forward`) of a range are tokenized first: most phrases lie within them.
_TAIL_CHARS = 48
#: The fewest tokens before the phrase that the last words must hold (the look-back of its tests).
_LOOK_BACK = 4


def _np_in(
    text: str, toks: list[tuple[int, int]], hi: int, *, modifiers: bool, partial: bool
) -> tuple[int, int] | None:
    """:func:`np_backward` over the tokens ``toks`` ending at ``hi``.

    With ``partial``, ``toks`` are the last tokens of the text only; :class:`_Short` is raised
    where the phrase, or a word it depends on, may lie before them.
    """
    if not toks:
        if partial:
            raise _Short
        return None
    i = _skip_auxiliaries(text, toks, hi)
    if i < 0:
        if partial:
            raise _Short
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
    if w.lower() in TIME_WORDS:
        return None
    if partial and i < _LOOK_BACK:
        raise _Short
    if not _np_ish(w) and not (modifiers and _modifier_ok(w, participles=False) and i > 0):
        return _common_noun_phrase(text, toks, i)
    j = i
    while j > 0 and i - j < _MAX_PHRASE_WORDS:
        pw = text[toks[j - 1][0] : toks[j - 1][1]]
        if not _gap_ok(text, toks[j - 1][1], toks[j][0], pw):
            break
        lpw = pw.lower()
        if lpw == "the" and j >= 3 and _of_the_name(text, toks, j):
            j -= 1  # "Office of the Director of National Intelligence"
            continue
        if lpw in DETERMINERS:
            j -= 1
            break
        if lpw in NAME_CONNECTORS and j - 2 >= 0:
            ppw = text[toks[j - 2][0] : toks[j - 2][1]]
            nxt = text[toks[j][0] : toks[j][1]]
            if is_cap(ppw) and (_cap_like(nxt) or (nxt == "the" and lpw != "the")):
                j -= 1
                continue
            break
        if lpw in PRONOUN_KINDS or lpw in TIME_WORDS or not (
            _np_ish(pw) or (modifiers and _modifier_ok(pw, participles=False)) or (modifiers and _adjective_ing(
                pw, text[toks[j - 2][0] : toks[j - 2][1]] if j >= 2 else ""))
        ):
            break
        j -= 1
    if partial and j < _LOOK_BACK:
        raise _Short
    if modifiers and text[toks[j][0] : toks[j][1]].lower() not in DETERMINERS:
        # lower-case words need a determiner ("the minority leader") or a name after them
        # ("retired neurosurgeon Ben Carson"); otherwise only the speaker nouns are kept
        if not any(is_cap(text[a:b]) for a, b in toks[j : i + 1]):
            while j <= i and not _np_ish(text[toks[j][0] : toks[j][1]]):
                j += 1
            if j > i:
                return None
    start = toks[j][0]
    if text[start : toks[j][1]].lower() in FUNCTION_WORDS:
        start = toks[j + 1][0] if j + 1 <= end_tok else start
    return (start, toks[end_tok][1])


def np_forward(text: str, lo: int, hi: int, *, modifiers: bool = False) -> tuple[int, int] | None:
    """Speaker phrase in ``text[lo:hi]`` starting at ``lo`` (after spaces): ``(start, end)``.

    With ``modifiers``, lower-case modifiers before the first capitalised word
    are kept ("retired neurosurgeon Ben Carson", "one district GOP leader").

    Example:
        >>> t = "said the Council on Foreign Relations in a report"
        >>> s, e = np_forward(t, 4, len(t))
        >>> t[s:e]
        'the Council on Foreign Relations'
        >>> t = "said retired neurosurgeon Ben Carson, asked about it"
        >>> s, e = np_forward(t, 4, len(t), modifiers=True)
        >>> t[s:e]
        'retired neurosurgeon Ben Carson'
    """
    w = text.find(" ", lo + _TAIL_CHARS, hi) if hi - lo > _TAIL_CHARS else -1
    # the phrase lies in the first words (no word spans a space, so they are the first tokens of the range)
    return _part_first(text, lo, hi, (lo, w) if w > lo else None,
                       lambda toks, partial: _np_from(text, toks, lo, modifiers=modifiers, partial=partial))


def _np_from(
    text: str, toks: list[tuple[int, int]], lo: int, *, modifiers: bool, partial: bool
) -> tuple[int, int] | None:
    """:func:`np_forward` over the tokens ``toks`` starting at ``lo``.

    With ``partial``, ``toks`` are the first tokens of the text only; :class:`_Short` is raised
    where the phrase, or a word it depends on, may lie after them.
    """
    if not toks or text[lo : toks[0][0]].strip():
        if partial:
            raise _Short
        return None
    j = 0
    first = text[toks[0][0] : toks[0][1]]
    if first.lower() in PRONOUN_KINDS:
        return toks[0]
    if first.lower() in DETERMINERS:
        j = 1
    k = j
    last = -1
    while k < len(toks) or partial:
        if partial and k + 1 >= len(toks):
            raise _Short  # the tests below may read the next token, which lies after the first words
        w = text[toks[k][0] : toks[k][1]]
        if k > 0 and not _gap_ok(text, toks[k - 1][1], toks[k][0], text[toks[k - 1][0] : toks[k - 1][1]]):
            break
        if w.lower() in NAME_CONNECTORS and last >= 0 and k + 1 < len(toks):
            nw = text[toks[k + 1][0] : toks[k + 1][1]]
            if is_cap(nw) and is_cap(text[toks[last][0] : toks[last][1]]):
                k += 1
                continue
            break
        if w.lower() in PRONOUN_KINDS:
            break
        if not _np_ish(w):
            named = any(is_cap(text[a:b]) for a, b in toks[j:k])
            if not (modifiers and (not named or _name_follows(text, toks, k)) and k - j < _MAX_PHRASE_WORDS
                    and _modifier_ok(w)):
                break
        last = k
        k += 1
    while modifiers and last > j and _dangling(text[toks[last][0] : toks[last][1]]):
        last -= 1  # "a trial brief released (by the team)": the phrase ends on its noun
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


__all__ = ["appositive_after", "np_backward", "np_forward", "skip_auxiliaries_back"]
