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
    m = _POSSESSOR_RE.search(ctx.text, lo, cue.start)
    if m is None:
        return None
    if m.group("pron"):
        a, b = m.span("pron")
        return Speaker(_POSSESSIVES[m.group("pron").lower()], "pronoun", a, b), False
    a, b = m.span("name")
    sp = ctx.speaker_at(a, b)
    return (sp, False) if sp is not None else None


__all__ = ["bracketed_subject", "possessor", "quantified_away", "shared_subject"]
