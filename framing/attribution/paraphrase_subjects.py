"""Speakers of paraphrase cues that the subject rules leave without one.

Two patterns name the speaker of a cue without being its subject:

* a verb coordinated with an earlier cue of the sentence shares that cue's
  speaker ("Lee criticized the bill and later said ties grew"; "Lee said A, adding B";
  "Lee responded by saying B");
* a noun cue takes its possessor ("his claim that ...", "Tulsa police's
  earlier claim that ...").

A learned cue of action ("signed", "went") neither lends nor takes a speaker
this way: "X went to Y and signed a treaty" reports nothing.

The cue model (:mod:`framing.attribution.paraphrase_model`) still decides
whether such a cue reports content: the candidate is marked (``shared`` or
``possessor`` speaker kind) so that it weighs them apart.

Example:
    >>> from framing.attribution.context import Context
    >>> t = "Lee met aides and said ties grew."
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> said = [c for c in ctx.cues.cues if c.text == "said"][0]
    >>> shared_subject(t, [(4, 7, Speaker("Lee", "person", 0, 3))], said, 0)[0].text
    'Lee'
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.marks import RawQuote
from framing.attribution.phrases import np_forward
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import subject_before
from framing.attribution.words import AUXILIARIES

#: Words that join a second verb to the first one's subject ("X criticized A and said B").
_COORDINATORS = frozenset({"and", "but", "or"})
#: What may open a participle or gerund whose subject is the main clause's ("X said A, adding B"; "by saying").
_GERUND_OPENERS = frozenset({",", "by", "while", "after", "before", "when", "in", "without"})
_COORD_RE = re.compile(r"[\w’'\-]+|,")
#: Possessive pronouns and the pronoun that names the same speaker.
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
#: "his claim", "his earlier claim", "Tulsa police's repeated claims": a possessor, at most one modifier of
#: time or manner, the cue ("Wang's remarks indicating ..." is no possessed cue: "remarks" is the head).
_POSSESSOR_RE = re.compile(
    r"(?:\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[\w.\-]+)['’]s)"
    r"\s+(?:(?:earlier|latest|recent|repeated|previous|initial|original|own|public|private|new|first|last)\s+)?$"
)

#: How the possessor word of :data:`_POSSESSOR_RE` ends.
_POSSESSOR_ENDS = ("'s", "’s", "his", "His", "her", "Her", "their", "Their", "its", "Its")


def _coordinated(text: str, prev_end: int, cue: CueMatch) -> bool:
    """Whether a cue is a verb coordinated with an earlier cue ending at ``prev_end``, sharing its subject.

    The words right before the cue, past auxiliaries and adverbs, are "and", "but" or
    "or" ("X met Y and has said B"), or, for a participle, a comma ("X said A, adding B") or a
    preposition or subordinator ("X responded by saying B").

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "Lee met aides and later said ties grew."
        >>> c = t.index("said")
        >>> _coordinated(t, t.index(" met") + 4, CueMatch(c, c + 4, "said", "say", Cue("say", "past", "speech", True)))
        True
    """
    words = _COORD_RE.findall(text[prev_end : cue.start])
    while words and (words[-1].lower() in AUXILIARIES or words[-1].lower().endswith("ly")):
        words.pop()
    if not words or len(words) > 40 or "." in text[prev_end : cue.start]:
        return False
    last = words[-1].lower()
    return last in _COORDINATORS or (last in _GERUND_OPENERS and cue.value.tense == "ing")


def shared_subject(
    text: str, earlier: list[tuple[int, int, Speaker]], cue: CueMatch, s_start: int
) -> tuple[Speaker, bool] | None:
    """The speaker of the last earlier cue of the sentence, when this cue is coordinated with it.

    ``earlier``: ``(cue start, cue end, speaker)`` of the cues before, in text order;
    the result is ``(speaker, False)`` (the speaker comes before the cue), or None.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "Lee met aides. Wang said ties grew."
        >>> c = CueMatch(20, 24, "said", "say", Cue("say", "past", "speech", True))
        >>> shared_subject(t, [(4, 7, Speaker("Lee", "person", 0, 3))], c, 15) is None
        True
    """
    for c_start, c_end, sp in reversed(earlier):
        if c_end <= cue.start:
            if c_start >= s_start and _coordinated(text, c_end, cue):
                return sp, False
            return None
    return None


_NOBODY_IN_RE = re.compile(
    r"\b(?:no\s*-?\s*one|nobody|none|nothing|neither)\s+(?:\w+\s+){0,2}?(?:in|at|of|from|among|inside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def quantified_away(text: str, sp: Speaker, s_start: int) -> bool:
    """Whether a speaker mention sits inside a negative quantifier's phrase ("No one in Paris would call ...").

    Such a subject names no source: the place or body after "in" is not the speaker.

    Example:
        >>> t = "No one in Paris would call it an alliance."
        >>> quantified_away(t, Speaker("Paris", "organisation", 10, 15), 0)
        True
    """
    return bool(_NOBODY_IN_RE.search(text[max(s_start, sp.start - 60) : sp.start]))


#: A bracket, appositive or adjunct right before a cue: "Rep. Lee (D-Mass.) said", "A lawyer, David Schulz,
#: said", "McConnell, who in 2010 said".
_BRACKET_RE = re.compile(
    r"(?:(?<=\bwho)\s+(?:in|on|at|last|earlier|later|once|this)\b[^,;]{0,30}"  # who in 2010 said
    r"|\([^()]{1,40}\)|\s--?[^-;]{1,120}--?|\s[—–][^—–;]{1,120}[—–]"  # (D-Mass.) said; -- co-editor of X -- said
    r"|,(?P<name>[^,;()\"“”]{1,60}),)\s*$"  # A lawyer for X, David Schulz, said
)


def bracketed_subject(ctx: Context, lo: int, cue: CueMatch) -> tuple[Speaker, bool] | None:
    """The subject of a verb cue before a bracket, dash pair or appositive that the subject rules stop at.

    "Rep. Lee (D-Mass.) said ...", "Kall -- co-editor of a book -- said ...":
    the subject rules are asked again as if the cue stood where the insertion opens.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "Rep. Stephen Lynch (D-Mass.) said the law does not require it."
        >>> cue = CueMatch(t.index("said"), t.index("said") + 4, "said", "said", Cue("say", "past", "speech", True))
        >>> bracketed_subject(Context.of(t, [(0, len(t))]), 0, cue)[0].text
        'Stephen Lynch'
    """
    if cue.value.kind == "learned" or cue.value.tense not in ("past", "s", "base"):
        return None
    m = _BRACKET_RE.search(ctx.text, lo, cue.start)
    if m is None or m.start() <= lo:
        return None
    if m.group("name") is not None:
        opening = m.end("name")  # the name in the appositive is the speaker: "A lawyer, David Schulz, | said"
    else:
        opening = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    sp = subject_before(ctx, lo, CueMatch(opening, opening, "", "", cue.value))
    return (sp, False) if sp is not None else None


def possessor(ctx: Context, cue: CueMatch, s_start: int) -> tuple[Speaker, bool] | None:
    """The possessor of a noun cue as its speaker ("his claim that ..."), or None.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "Contrary to Trump's earlier claim that"
        >>> c = CueMatch(t.index("claim"), t.index(" that"), "claim", "claim", Cue("claim", "base", "speech", True))
        >>> possessor(Context.of(t, [(0, len(t))]), c, 0)[0].text
        'Trump'
    """
    lo = max(s_start, cue.start - 80)
    if not any(w.endswith(_POSSESSOR_ENDS) for w in ctx.text[lo : cue.start].split()[-2:]):
        return None  # cheap: the possessor is one of the last two words (a modifier may follow it)
    m = _POSSESSOR_RE.search(ctx.text, lo, cue.start)
    if m is None:
        return None
    if m.group("pron"):
        a, b = m.span("pron")
        return Speaker(_POSSESSIVES[m.group("pron").lower()], "pronoun", a, b), False
    a, b = m.span("name")
    sp = ctx.speaker_at(a, b)
    return (sp, False) if sp is not None else None


#: "and said", "but also said": a verb coordinated with the sentence's first predicate.
_COORDINATED_RE = re.compile(r"\s(?:and|but)\s+(?:(?:also|later|then|again|repeatedly|publicly|has|have|had)\s+){0,2}$")
#: Words that open another clause or a relative before the coordination: its subject may not be the sentence's.
_OTHER_CLAUSE_RE = re.compile(
    r"(?:\b(?:who|whom|whose|which|that|when|while|because|if|after|before|although|though|as|where|said|says)\b|[;:\"“”])",
    re.IGNORECASE,
)
#: A finite verb right after the subject (an appositive between commas may come first).
_SUBJECT_VERB_RE = re.compile(
    r"(?:,[^,]{1,80},)?\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|are|was|were|will|would|[a-z]+ed|[a-z]+s|met|made|took|"
    r"gave|went|came|told|said|ran|won|lost|spoke|left|sent|got|became|sat|stood|held|led|put|set|kept)\b"
)


def coordinated_subject(ctx: Context, s_start: int, cue: CueMatch) -> tuple[Speaker, bool] | None:
    """The subject of the sentence when the cue is a verb coordinated with its first predicate, or None.

    "Ms. Ruiz, a delegate, toured the plant and said the jobs would stay": the
    sentence opens with a speaker phrase and its verb, and the cue follows
    "and" or "but" with no other clause, relative or quotation between.
    Only a lexicon verb of saying, writing or believing, finite and active.
    The result is ``(speaker, False)`` (the speaker comes before the cue), as
    :func:`shared_subject` gives for a cue coordinated with an earlier cue.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "Ms. Ruiz toured the plant and said the jobs would stay."
        >>> cue = CueMatch(t.index("said"), t.index("said") + 4, "said", "said", Cue("say", "past", "speech", True))
        >>> coordinated_subject(Context.of(t, [(0, len(t))]), 0, cue)[0].text
        'Ruiz'
    """
    v = cue.value
    if v.kind not in ("speech", "belief", "writing") or not v.paraphrase or v.tense not in ("s", "past"):
        return None
    text = ctx.text
    m = _COORDINATED_RE.search(text, s_start, cue.start)
    if m is None or m.end() != cue.start or _OTHER_CLAUSE_RE.search(text, s_start, m.start()):
        return None
    span = np_forward(text, s_start, m.start())
    if span is None or _SUBJECT_VERB_RE.match(text, span[1], m.start()) is None:
        return None
    sp = ctx.speaker_at(*span)
    return (sp, False) if sp is not None else None


def quote_in_subject(text: str, q: RawQuote, s_start: int) -> bool:
    """Whether a quote before a cue is a title or at most three quoted words inside the subject phrase.

    'Hemsley, the co-author of "Going Viral," said': the speaker is before the
    quote. A quote opening the sentence is a statement ('"...," Lee said').
    The caller checks that the quote has no attribution of its own.

    Example:
        >>> t = 'Ms. Osei, a critic of the "cash for votes" scheme, said'
        >>> quote_in_subject(t, RawQuote(t.index('"'), t.index(' scheme')), 0)
        True
        >>> quote_in_subject('"We won," Lee said', RawQuote(0, 9), 0)
        False
    """
    if q.start <= s_start or not text[s_start : q.start].strip(" \t\n\"“‘'"):
        return False
    return q.title or len(text[q.start : q.end].split()) <= 3


__all__ = ["coordinated_subject", "bracketed_subject", "possessor", "quantified_away", "quote_in_subject",
           "shared_subject"]
