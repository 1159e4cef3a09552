"""The fallback speaker of a cue: a noun phrase the speaker rules do not take ("the new data shows").

:mod:`framing.attribution.paraphrase` offers it to the model, which weighs it as
such; after "according to" or an inverted "..., said" the phrase after the cue
is taken instead.

Example:
    >>> from framing.attribution.cues import Cue
    >>> t = "The new data shows that ties grew."
    >>> cue = CueMatch(13, 18, "shows", "shows", Cue("show", "s", "learned", True))
    >>> fallback_speaker(Context.of(t, [(0, len(t))]), 0, cue, len(t))[0].text
    'new data'
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.paraphrase_rules import phrase_after
from framing.attribution.speakers import Speaker
from framing.attribution.words import AUXILIARIES, DETERMINERS, FUNCTION_WORDS, MODALS, TIME_WORDS

#: Words a fallback subject phrase does not reach back across (clause openers, relatives, verbs of being).
_PHRASE_STOPS = FUNCTION_WORDS - frozenset("of for on at in from with by about".split())
#: Forms of "be": before a participle cue they make it passive.
BE = frozenset("is was were are be been being".split())
#: Nouns of time: "last year found" has no speaker.
_TIME_NOUNS = frozenset("year years week weeks day days month months time times night morning evening decade".split())
#: Words that end no fallback subject phrase.
_NO_HEAD = (
    _TIME_NOUNS | FUNCTION_WORDS | DETERMINERS | TIME_WORDS | MODALS | BE
    | frozenset("he she it they we i you who which that me him us them there let".split())
)
#: Prepositions a fallback subject phrase does not start with ("[of] 37 weapons police").
_PREPOSITIONS = frozenset("of for on at in from with by about".split())
#: How many words a fallback subject phrase may have.
_PHRASE_WORDS = 6
_PHRASE_WORD_RE = re.compile(r"[\w’'\-]+|[^\w\s]")


def phrase_subject(ctx: Context, lo: int, cue: CueMatch) -> Speaker | None:
    """The noun phrase right before a verb cue that the speaker rules do not take ("the new data shows").

    A fallback for the model: at most :data:`_PHRASE_WORDS` words of the cue's
    clause, after auxiliaries, ending in a lower-case word (a capitalised one
    the speaker rules would have taken) that is not a function word, pronoun,
    modal or word of time. Its kind is ``group`` and it is not named.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "The new transcript shows that he lied."
        >>> cue = CueMatch(19, 24, "shows", "shows", Cue("show", "s", "learned", True))
        >>> phrase_subject(Context.of(t, [(0, len(t))]), 0, cue).text
        'new transcript'
    """
    if cue.value.kind in ("source", "document") or cue.value.tense == "ing":
        return None
    if ctx.text[cue.end : cue.end + 6].split()[:1] == ["than"]:
        return None  # "easier said than done"
    lo = max(lo, cue.start - 40 * _PHRASE_WORDS)  # a bounded look-back
    toks = [(m.start(), m.end(), m.group(0)) for m in _PHRASE_WORD_RE.finditer(ctx.text, lo, cue.start)]
    while toks and (toks[-1][2].lower() in AUXILIARIES or toks[-1][2].lower() in ("not", "n't", "also")
                    or toks[-1][2].lower().endswith("ly")):
        if toks[-1][2].lower() in BE and cue.text.lower().endswith("ed"):
            return None  # a passive ("the idea was adopted"): its subject is no speaker
        toks.pop()
    if len(toks) > 1 and toks[-1][2].lower() in ("who", "that", "which"):
        toks.pop()  # "an architect who said", "the report that found": the noun the relative stands for
    if not toks:
        return None
    head = toks[-1][2]
    low = head.lower()
    if not head[:1].islower() or not head.isalpha() or low in _NO_HEAD or low.endswith(("ing", "ed")):
        return None  # not a noun: "including said", "renewed calls"
    k = len(toks) - 1
    while k > 0 and len(toks) - k < _PHRASE_WORDS:
        w = toks[k - 1][2]
        if not w[:1].isalnum() and w not in ("’s", "'s", "-") or w.lower() in _PHRASE_STOPS or w.endswith("ing"):
            break  # a clause opener, or the verb whose object the phrase is ("paying an architect who said")
        k -= 1
    while k < len(toks) - 1 and (toks[k][2].lower() in DETERMINERS or toks[k][2].lower() in _PREPOSITIONS):
        k += 1
    start, end = toks[k][0], toks[-1][1]
    return Speaker(ctx.text[start:end], "group", start, end)


def fallback_speaker(ctx: Context, lo: int, cue: CueMatch, s_end: int) -> tuple[Speaker, bool] | None:
    """A noun phrase the speaker rules do not take: after "according to" or an inverted "..., said", else before."""
    v = cue.value
    before = ctx.text[lo : cue.start].rstrip()
    if v.kind == "source" or (v.kind != "learned" and v.tense != "ing" and (not before or before.endswith(","))):
        sp = phrase_after(ctx.text, cue, s_end)
        if sp is not None:
            return sp, True
    sp = phrase_subject(ctx, lo, cue)
    return (sp, False) if sp is not None else None


__all__ = ["BE", "fallback_speaker", "phrase_subject"]
