"""Who speaks for a paraphrase cue: the subject of a reporting verb, and the subjects that report nothing.

A reporting verb's speaker is its subject before it ("Analysts said"), an
inverted one after it (", said Lee"), the head of a subject with a
prepositional post-modifier ("People close to Putin say": the people), or
the subject of the main clause before ", saying". A passive cue ("the idea
was adopted") and a one-word modifier of a noun cue ("his starkest warning")
have no speaker.

Example:
    >>> t = "Analysts in Moscow said ties grew."
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> verb_subject(ctx, 0, ctx.cues.between(0, len(t))[0], 0, len(t))[0].text
    'Analysts'
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.fallback import BE
from framing.attribution.phrases import skip_auxiliaries_back
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import clause_subject, head_with_modifier, subject_after, subject_before
from framing.attribution.words import DETERMINERS, word_kind

__all__ = ["clause_goes_on", "modified_subject", "modifier_speaker", "passive_cue", "verb_subject"]


#: A post-modifier that leaves its head the speaker: no comma, not "of" ("half of the voters"), and no
#: relative clause ("the prospect for countries which think alike": the countries think).
_NOUN_MODIFIER_RE = re.compile(r"(?!of\b)(?:(?!\b(?:which|who|whom|whose|that)\b)[^,])+")


def modified_subject(ctx: Context, lo: int, cue: CueMatch) -> Speaker | None:
    """A subject with a prepositional post-modifier that fills the clause before the cue.

    "Political observers in Virginia say", "A person familiar with the talks says": the
    head is the speaker, the modifier its description (the clause starts at ``lo`` or after its last comma).

    Example:
        >>> t = "Political observers in Virginia and around the country say"
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> modified_subject(ctx, 0, ctx.cues.between(0, len(t))[0]).text
        'Political observers'
    """
    text = ctx.text
    hi = skip_auxiliaries_back(text, lo, cue.start)
    comma = text.rfind(",", lo, hi)
    for start in dict.fromkeys((lo, comma + 1) if comma >= 0 else (lo,)):
        while start < hi and text[start] in " \t\u00a0\"“‘'":
            start += 1
        sp = head_with_modifier(ctx, start, hi)
        if (sp is not None and sp.kind in ("person", "group", "organisation")
                and _NOUN_MODIFIER_RE.fullmatch(sp.affiliation) and not sp.text.endswith(("ing", "ed"))):
            return sp  # not "Speaking in Beijing, X", "Based on polls", "half of GOP voters" (the voters speak)
    return None


def verb_subject(ctx: Context, lo: int, cue: CueMatch, s_start: int, s_end: int) -> tuple[Speaker, bool] | None:
    """The subject of a reporting verb and whether it follows the verb ("..., said X")."""
    text = ctx.text
    before = text[lo : cue.start].rstrip().rstrip("'\"”’").rstrip()  # ",'' said X": marks the quote pairing skips
    if before.endswith(",") and cue.value.tense != "ing":
        sp = subject_after(ctx, cue, s_end)
        if sp is not None and not clause_goes_on(text, sp.end, s_end):
            return sp, True
    sp = subject_before(ctx, lo, cue)
    if cue.value.tense != "ing" and (sp is None or sp.kind != "pronoun"):
        modified = modified_subject(ctx, lo, cue)  # "People close to Putin say": not "Putin"
        if modified is not None and (sp is None or modified.start < sp.start):
            sp = modified
    if sp is None and not text[lo : cue.start].strip(" ,"):
        sp = subject_after(ctx, cue, s_end)
        if sp is not None:
            return sp, True
    if sp is None and cue.value.tense == "ing":
        sp = clause_subject(ctx, s_start, cue)
    return (sp, False) if sp is not None else None


#: A finite verb right after a phrase: the phrase opens a clause ("said the program has sent").
_FINITE_AFTER_RE = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|does|did"
                              r"|do|(?:also|not|never)\b|[a-z]+(?:ed|es)\b)\b")


def clause_goes_on(text: str, end: int, hi: int) -> bool:
    """Whether a verb follows the phrase after a cue: it is the subject of the reported clause, not the speaker.

    "Feinstein, a Democrat, said the program has sent ...": "the program" is no inverted speaker.

    Example:
        >>> t = "said the program has sent a message"
        >>> clause_goes_on(t, t.index(" has"), len(t)), clause_goes_on("said Lee on Monday", 8, 18)
        (True, False)
    """
    return _FINITE_AFTER_RE.match(text, end, hi) is not None


def passive_cue(text: str, cue: CueMatch) -> bool:
    """Whether a cue is a past participle after a form of "be" ("was adopted", "are often considered").

    "was quoted (as saying)" names its speaker, so it is not counted.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "The idea was formally adopted in 1997."
        >>> passive_cue(t, CueMatch(t.index("adopted"), t.index(" in"), "adopted", "adopted",
        ...                      Cue("adopt", "past", "learned", True)))
        True
    """
    word = cue.text.lower()
    if not word.endswith(("ed", "en", "wn")) or word == "quoted":
        return False
    before = text[max(cue.start - 40, 0) : cue.start].split()
    while before and (before[-1].lower().endswith("ly") or before[-1].lower() in ("not", "also", "often", "widely")):
        before.pop()
    return bool(before) and before[-1].lower() in BE


def modifier_speaker(text: str, sp: Speaker, cue: CueMatch) -> bool:
    """Whether the "speaker" is one lower-case word that names no speaker: a modifier of a noun cue.

    "his starkest warning", "several big plans", "a phone call": the cue is a
    noun, and the word before it no subject. A cue in the past tense ("the
    airline said"), after an auxiliary or adverb ("the lawyers also pointed",
    "the caucuses will show", but not after "be": "the governments are aware") or in the
    base form after a plural ("polls show") is a verb, and the word its subject.

    Example:
        >>> from framing.attribution.cues import Cue
        >>> t = "the lawyers also pointed"
        >>> cue = CueMatch(17, 24, "pointed", "point", Cue("point", "past", "learned", True))
        >>> modifier_speaker(t, Speaker("lawyers", "group", 4, 11), cue)
        False
    """
    words = [w for w in text[sp.start : sp.end].split() if w.lower() not in DETERMINERS]
    if not (len(words) == 1 and words[0].islower() and sp.kind != "pronoun" and not word_kind(words[0])):
        return False
    tense = cue.value.tense
    verb = tense == "past" and not cue.text.lower().endswith("ing")
    gap = text[sp.end : cue.start].lower().split()
    verb = verb or bool(gap) and not BE & set(gap) or (tense == "base" and words[0].endswith("s") and not gap)
    return not verb
