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


#: Words that open no subject: subordinators, relatives, conjunctions, prepositions, the infinitive marker, an
#: inverted auxiliary ("can you believe") and a negative quantifier ("Nothing indicates that": nobody speaks).
_NOT_SUBJECT_OPENERS = frozenset(
    "when after before while once since until if although though because whenever as so and but or nor yet "
    "who whom whose which that what how why where whether to than with for in on at by from of about during "
    "under over into through without within across against among between like including having "
    "can could will would do does did no nothing nobody none neither".split()
)
#: Words that show a piece is a clause of its own, not the subject ("I wanted to go but thought").
_CLAUSE_INSIDE = frozenset("i he she we they you but".split())
#: Words that end no subject: generic ones ("one could say") and function words ("people over fears").
_NO_SUBJECT_END = _NOT_SUBJECT_OPENERS | frozenset("onto a an the one it there now then".split())
#: Sentence adverbs that open a clause with a comma, like a name would ("Instead, ...").
_SENTENCE_ADVERBS = frozenset(
    "instead still later earlier again afterward afterwards moreover furthermore nevertheless nonetheless overall "
    "thus therefore hence besides otherwise regardless sometimes often first second third finally tonight "
    "tomorrow recently yes well oh".split()
)
#: What ends a quote before its attribution ('"A," Name said').
_AFTER_QUOTE = (",\"", ",”", ",’", ",''", "?\"", "?”", "!\"", "!”", ",")
#: How many words the clause before a verb of saying may have to be read as its subject.
_SUBJECT_WORDS = 30
#: How many words the noun before a relative ("the study, which notes") may have.
_ANTECEDENT_WORDS = 6
#: How many words the chosen subject piece may have.
_PIECE_WORDS = 12


def _named_head(words: list[str]) -> bool:
    """Whether a comma piece is a name ("Lance Beebe", "Clinton"), not "Indeed", "Instead" or "Last October"."""
    low = [w.lower() for w in words]
    return (bool(words) and all(w[:1].isupper() or w in (".", "-", "’s", "'s") for w in words)
            and not (set(low) & (FUNCTION_WORDS | TIME_WORDS | _TIME_NOUNS | _SENTENCE_ADVERBS))
            and not (len(words) == 1 and low[0].endswith("ly")))


def clause_subject_phrase(ctx: Context, lo: int, cue: CueMatch) -> Speaker | None:
    """The subject of a finite verb of saying that the speaker rules miss: the clause before it.

    "Lance Beebe, 49, a Navy veteran who ..., said": a name before appositives
    is the speaker; otherwise the last comma piece before the verb ("By double
    digits, those surveyed say", "Some say", "26% say"), or the noun before a
    relative ("the study -- which notes that"). Only a lexicon verb of
    saying, believing or writing that reports content, in a finite active form,
    qualifies: not after "to" ("hard to say"), "be" ("could not be said for X"),
    a subordinator or relative, nor after a generic subject ("one could say"). Its kind is ``group``.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "By double digits, those surveyed say stricter laws would help."
        >>> cue = CueMatch(t.index("say"), t.index(" strict"), "say", "say", Cue("say", "base", "speech", True))
        >>> clause_subject_phrase(Context.of(t, [(0, len(t))]), 0, cue).text
        'those surveyed'
    """
    v = cue.value
    if v.kind not in ("speech", "belief", "writing") or not v.paraphrase or v.tense not in ("base", "s", "past"):
        return None
    if ctx.text[cue.end : cue.end + 6].split()[:1] == ["than"]:
        return None  # "easier said than done"
    if ctx.text[max(lo - 4, 0) : lo].rstrip().endswith(_AFTER_QUOTE):
        return None  # '"A," Name, a title, said': the attribution of a quote, read with it
    toks = [(m.start(), m.end(), m.group(0)) for m in _PHRASE_WORD_RE.finditer(ctx.text, lo, cue.start)]
    while toks and (toks[-1][2].lower() in AUXILIARIES | BE or toks[-1][2].lower() in ("not", "n't", "also")
                    or toks[-1][2].lower().endswith("ly")):
        if toks[-1][2].lower() in BE:
            return None  # a passive ("could not be said for X"): its subject is no speaker
        toks.pop()
    if not toks or len(toks) > _SUBJECT_WORDS or any(t[2] in "\"“”‘:;?!()[]" for t in toks):
        return None
    pieces: list[list[tuple[int, int, str]]] = [[]]
    for t in toks:
        if t[2] in (",", "—", "–", "--"):
            pieces.append([])
        else:
            pieces[-1].append(t)
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    if len(pieces) > 1 and [t[2].lower() for t in pieces[-1]] in (["which"], ["who"]):
        pieces.pop()  # "the study -- which notes that": the noun the relative stands for
        if len(pieces[-1]) > _ANTECEDENT_WORDS:
            return None
        toks = pieces[-1]
    if toks[-1][2].lower() in _NO_SUBJECT_END or (toks[-1][2].isdigit() and cue.text.endswith("ed")):
        return None  # "Name, a lawyer, replied later to suggest", "25 recommended delegates"
    piece = pieces[0] if len(pieces) > 1 and _named_head([t[2] for t in pieces[0]]) else pieces[-1]
    low = [t[2].lower() for t in piece]
    if (len(piece) > _PIECE_WORDS or low[0] in _NOT_SUBJECT_OPENERS or low[-1] in _NO_SUBJECT_END
            or _CLAUSE_INSIDE & set(low) or not (low[0][:1].isalnum() and (low[-1][:1].isalnum() or low[-1] == "%"))):
        return None  # not "By some standards one could say", "people over fears", nor a stray quotation mark
    if piece is pieces[-1] and len(pieces) > 1 and toks[-1] is not piece[-1]:
        return None  # the verb follows a comma: "..., said" is inverted, read elsewhere
    start, end = piece[0][0], piece[-1][1]
    return Speaker(ctx.text[start:end], "group", start, end)


def fallback_speaker(ctx: Context, lo: int, cue: CueMatch, s_end: int) -> tuple[Speaker, bool] | None:
    """A noun phrase the speaker rules do not take: after "according to" or an inverted "..., said", else before.

    The clause before a verb of saying (:func:`clause_subject_phrase`) comes first when it is a name
    before appositives ("Name, 49, a nurse who ..., said A"), last when no short noun phrase precedes.
    """
    v = cue.value
    before = ctx.text[lo : cue.start].rstrip()
    if v.kind == "source" or (v.kind != "learned" and v.tense != "ing" and (not before or before.endswith(","))):
        sp = clause_subject_phrase(ctx, lo, cue) if before else None  # "Name, 49, a nurse who ..., said"
        if sp is not None:
            return sp, False
        sp = phrase_after(ctx.text, cue, s_end)
        if sp is not None:
            return sp, True
    sp = phrase_subject(ctx, lo, cue) or clause_subject_phrase(ctx, lo, cue)
    return (sp, False) if sp is not None else None


__all__ = ["BE", "clause_subject_phrase", "fallback_speaker", "phrase_subject"]
