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


__all__ = ["possessor", "shared_subject"]
