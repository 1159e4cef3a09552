"""Attributions whose verb is not in the reporting-verb lexicon.

Two news patterns name a quote's speaker without a listed cue:

* after the quote, a speaker phrase and any past-tense verb, or the verb and
  then the phrase: ``,” Trump barked``, ``,” reacted Trump``,
  ``,” opined Cleveland's Plain Dealer`` (the verb becomes the cue);
* before the quote, a clause ending in a colon: ``Clinton: “``, ``Rep. Trey
  Gowdy (R-S.C.): “``, ``A footnote in the report makes that clear: “`` (the
  speaker phrase alone, or the subject of the clause; no cue).

Example:
    >>> from framing.attribution.context import Context
    >>> from framing.attribution.marks import quotations
    >>> t = "“Go back to Univision,” Trump barked."
    >>> sp, cue = verb_after(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t))
    >>> (sp.text, cue.text, cue.value.lemma)
    ('Trump', 'barked', 'bark')
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import Cue, CueMatch
from framing.attribution.marks import RawQuote
from framing.attribution.phrases import np_backward, np_forward
from framing.attribution.speakers import Speaker
from framing.attribution.words import AUXILIARIES, FUNCTION_WORDS, is_cap
from framing.matching import Match

_WORD_RE = re.compile(r"[^\W_]+(?:(?:\.?[\-‐‑]|[’'.,])[^\W_]+)*")
# A past-tense verb: a lower-case word ending in -ed (not a participle adjective before a noun is checked by caller).
_PAST_RE = re.compile(r"[a-z]{2,}ed")
_MAX_STRETCH_WORDS = 12
# Irregular past tenses of news attribution, with "back": ",” Trump shot back".
_BACK_VERBS = frozenset({"shot", "hit", "fought", "struck"})
_MAX_COLON_WORDS = 10
_PREPOSITIONS = frozenset({"in", "of", "for", "from", "at", "on", "with"})
# The object of such a preposition: a determiner and one word ("the report").
_PP_OBJECT_RE = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w’'\-]+")
_LEAD_RE = re.compile(r"[\s\-–—•*]+")


def _lemma(verb: str) -> str:
    """A rough base form of a regular past tense ("barked" -> "bark", "opined" -> "opine")."""
    v = verb.lower()
    if not v.endswith("ed"):
        return v
    if v.endswith("ied"):
        return v[:-3] + "y"
    if len(v) > 4 and v[-3] == v[-4] and v[-3] not in "aeiouls":
        return v[:-3]  # "jabbed" -> "jab"
    if v.endswith(("ined", "ated", "ized", "ised", "uded", "ored", "ured", "ived", "osed", "ased")):
        return v[:-1]
    return v[:-2]


def _cue(text: str, start: int, end: int) -> CueMatch:
    word = text[start:end]
    return Match(start, end, word, word.lower(), Cue(_lemma(word), "past", "speech", False))


def verb_after(ctx: Context, q: RawQuote, end: int) -> tuple[Speaker, CueMatch] | None:
    """``,” SPEAKER VERBED`` or ``,” VERBED SPEAKER`` after a quote, up to ``end``: speaker and verb, or None.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "“Your reputation is amazing,” Trump assured Jones."
        >>> sp, cue = verb_after(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t))
        >>> (sp.text, cue.text)
        ('Trump', 'assured')
    """
    text = ctx.text
    words = list(_WORD_RE.finditer(text, q.end, end))[: _MAX_STRETCH_WORDS + 1]
    lead = text[q.end : words[0].start()] if words else ""
    if not words or lead.strip(" ,\u00a0") or "\n" in lead:
        return None
    first = words[0]
    if _PAST_RE.fullmatch(first.group(0)):
        span = np_forward(text, first.end(), end, modifiers=True)
        if span and any(is_cap(w) for w in text[span[0] : span[1]].split()):
            sp = ctx.speaker_at(*span)
            return (sp, _cue(text, first.start(), first.end())) if sp else None
        return None
    for k, w in enumerate(words[1:], start=1):
        word = w.group(0)
        if text[words[k - 1].end() : w.start()].strip():
            return None  # punctuation inside the stretch: not a bare speaker phrase
        if _PAST_RE.fullmatch(word) or (word in _BACK_VERBS and text[w.end() : w.end() + 5] == " back"):
            span = np_backward(text, first.start(), w.start(), modifiers=True)
            if span is None or span[0] != first.start():
                return None
            sp = ctx.speaker_at(*span)
            return (sp, _cue(text, w.start(), w.end())) if sp else None
        if word.lower() in FUNCTION_WORDS and word.lower() not in ("of", "the"):
            return None
    return None


def colon_before(ctx: Context, lo: int, q: RawQuote) -> Speaker | None:
    """The speaker of a quote introduced by a clause ending in a colon (see the module docstring), or None.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "Rep. Trey Gowdy (R-S.C.): “Who told you that?”"
        >>> colon_before(Context.of(t, [(0, len(t))]), 0, quotations(t)[0]).text
        'Trey Gowdy'
    """
    text = ctx.text
    stretch = text[lo : q.start].rstrip()
    if not stretch.endswith(":"):
        return None
    colon = lo + len(stretch) - 1
    if not _WORD_RE.search(text, lo, colon):
        lo = ctx.para_of(q.start)[0]  # "Rep. Trey Gowdy (R-S.C.):" split after "(R-S.C.)" as a sentence
    lead = _LEAD_RE.match(text, lo, colon)
    start = lead.end() if lead else lo
    words = _WORD_RE.findall(text, start, colon)
    if not words or len(words) > _MAX_COLON_WORDS + 4:
        return None
    span = np_backward(text, start, colon, modifiers=True)
    if span is not None and span[0] == start and len(words) <= _MAX_COLON_WORDS:
        return ctx.speaker_at(start, span[1])  # "Clinton:", "Former secretary of state Hillary Clinton:"
    if len(words) <= _MAX_COLON_WORDS and is_cap(words[-1]) and not ctx.cues.between(start, colon):
        return ctx.speaker_at(start, colon)
    span = np_forward(text, start, colon, modifiers=True)
    if span is None:
        return None
    nxt = _WORD_RE.search(text, span[1], colon)
    if nxt is not None and nxt.group(0) in _PREPOSITIONS:  # "A footnote in the report makes that clear:"
        pp = _PP_OBJECT_RE.match(text, nxt.end(), colon)
        nxt = _WORD_RE.search(text, pp.end(), colon) if pp else None
    if nxt is None or not nxt.group(0)[:1].islower():
        return None
    word = nxt.group(0).lower()
    if word in FUNCTION_WORDS and word not in ("then", "also", "later") and word not in AUXILIARIES:
        return None
    return ctx.speaker_at(*span)


__all__ = ["colon_before", "verb_after"]
