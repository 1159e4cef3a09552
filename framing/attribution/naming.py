"""Naming and regarding verbs: "calling its ties an alliance", "regards New Delhi as a partner".

What a subject calls, regards, sees, views, describes or considers something
is that subject's wording, not the outlet's: the complement is an attributed
paraphrase of the subject (the object stays the outlet's: "see the
partnership as key" reports "key", not "partnership"). The verb must take an object and
a complement ("as ...", or "a/an ..." after the object), so "called for talks",
"we see a rise" and "was called" (a passive, no speaker) are not naming. A
naming verb after "to" or "of" is its governing verb's subject's ("did not
hesitate to call X its partner", "never tires of calling"), unless that
subject is a dummy ("it would be wrong to call"); a complement may open with
a possessive ("calling Germany its partner").

Example:
    >>> t = "Washington regards New Delhi as a vital partner."
    >>> [(t[a:b], sp.text) for a, b, sp, _ in naming_paraphrases(Context.of(t, [(0, len(t))]))]
    [('a vital partner', 'Washington')]
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import Cue, CueMatch
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import clause_subject, subject_before
from framing.attribution.words import DETERMINERS

#: Verbs whose complement follows "as" ("regards X as a partner").
_AS_VERBS = (
    r"regard(?:s|ed|ing)?|view(?:s|ed|ing)?|see|sees|saw|seeing|describe[sd]?|describing|"
    r"think(?:s|ing)?\s+of|thought\s+of|depict(?:s|ed|ing)?|portray(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing)"
)
#: Verbs whose complement follows the object directly ("calling its ties an alliance").
_OBJ_VERBS = (
    r"call(?:s|ed|ing)?|consider(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?"
)


def _first_letters(*alternations: str) -> str:
    """The first letters of the top-level alternatives of regular expressions.

    Example:
        >>> _first_letters("see|view(?:s|ing)?", "call")
        'csv'
    """
    firsts, depth, at_start = set(), 0, True
    for ch in "|".join(alternations):
        if at_start:
            firsts.add(ch)
        at_start = ch == "|" and depth == 0
        depth += (ch == "(") - (ch == ")")
    return "".join(sorted(firsts))


# every verb starts with one of these letters: the look-ahead lets the search pass other words at once
_VERB_RE = re.compile(
    rf"\b(?=[{_first_letters(_AS_VERBS, _OBJ_VERBS)}])(?:(?P<as>{_AS_VERBS})|(?P<obj>{_OBJ_VERBS}))\b", re.IGNORECASE
)
#: Words right after a verb that show it is not naming ("called for", "called off", "consider that").
_NOT_OBJECT = frozenset("for on off up in out back into to upon at by from with that whether if how what it's".split())
_BE = frozenset("is are was were be been being so".split())
_CLAUSE_END_RE = re.compile(r"[,;:.!?—–()\"“”]|\s(?:but|because|while|although|though|and\s+(?:is|are|was|were))\s")
_NOBODY_RE = re.compile(r"\b(?:[Nn]obody|[Nn]o one|[Nn]one of)\b")
#: How many words the object and complement may span.
_WINDOW = 12


def _lemma(verb: str) -> str:
    w = verb.lower().split()[0]
    for stem in ("regard", "view", "describ", "think", "thought", "depict", "portray", "characteri", "call",
                 "consider", "dub", "brand", "label", "see", "saw"):
        if w.startswith(stem):
            return {"describ": "describe", "thought": "think", "characteri": "characterize", "saw": "see"}.get(
                stem, stem)
    return w


def _complement_start(text: str, lo: int, hi: int, *, as_verb: bool) -> int:
    """Start of the complement in ``text[lo:hi]``: after "as", or (object verbs) at "a/an" after the object."""
    marks = ("as",) if as_verb else ("as", "a", "an", *_POSSESSIVES)
    for m in re.finditer(r"\S+", text[lo:hi]):
        if m.start() and m.group(0).lower() in marks:
            return lo + (m.end() + 1 if m.group(0).lower() == "as" else m.start())
    return lo


#: Possessive determiners that open a complement after the object ("calling Germany its partner").
_POSSESSIVES = ("its", "their", "his", "her", "our")
#: Words before a naming verb that make it the complement of another verb ("hesitate to call", "tires of calling").
_CONTROL_LINKS = frozenset("to of".split())
#: Words a verb chain back from such a link does not cross: a new clause or a conjunction.
_CHAIN_STOPS = frozenset("that which who whom whose when while if because as and or but than".split())
#: How many words of verbs and adverbs may stand between the subject and the link ("did not hesitate to").
_CHAIN_WORDS = 5
#: Subjects that are no speaker: dummy subjects ("it is wrong to call them allies").
_DUMMY_SUBJECTS = frozenset("it this that there what".split())


def _controlling_subject(ctx: Context, lo: int, verb_start: int) -> Speaker | None:
    """The subject of the verb that governs a naming verb after "to" or "of", or None.

    "Russia did not hesitate to call China its partner", "The Elysee never
    tires of calling Germany its partner": the naming is the subject's. The
    chain back from the link is at most :data:`_CHAIN_WORDS` words without
    punctuation or a clause word; a dummy subject ("it is wrong to call")
    names nobody.

    Example:
        >>> t = "Seoul did not hesitate to call Tokyo a partner."
        >>> _controlling_subject(Context.of(t, [(0, len(t))]), 0, t.index("call")).text
        'Seoul'
    """
    text = ctx.text
    toks = list(re.finditer(r"[\w’'\-]+|[^\w\s]", text[lo:verb_start]))
    if not toks or toks[-1].group(0).lower() not in _CONTROL_LINKS:
        return None
    for k in range(len(toks) - 2, max(-1, len(toks) - 2 - _CHAIN_WORDS), -1):
        w = toks[k].group(0)
        if not w[:1].isalpha() or w.lower() in _CHAIN_STOPS:
            return None
        at = lo + toks[k].start()
        cue = CueMatch(at, at + len(w), w, w.lower(), Cue(w.lower(), "s", "speech", True))
        sp = subject_before(ctx, lo, cue, clauses=False) if k else None
        if sp is not None:
            return None if sp.text.lower() in _DUMMY_SUBJECTS else sp
    return None


def naming_paraphrases(ctx: Context) -> list[tuple[int, int, Speaker, CueMatch]]:
    """``(start, end, speaker, cue)`` of each object-and-complement of a naming or regarding verb with a subject.

    Example:
        >>> t = "India does not consider itself a US ally. It called for talks."
        >>> [(t[a:b], sp.text) for a, b, sp, _ in naming_paraphrases(Context.of(t, [(0, 41), (42, len(t))]))]
        [('a US ally', 'India')]
    """
    text = ctx.text
    out = []
    for m in _VERB_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].split()
        ps, pe = ctx.para_of(m.start())
        s_start = max(ctx.sentence_start(m.start()), ps)
        if _NOBODY_RE.search(text, max(s_start, m.start() - 200), m.start()):
            continue  # "Nobody in the Kremlin thinks of X as ...": nobody's view, the outlet's claim
        if before and (before[-1].lower() in _BE or before[-1].endswith("-") or before[-1].lower() in DETERMINERS):
            continue  # a passive ("is called"), "so-called", or a noun ("an unexpected call"): no speaker here
        hi = min(pe, m.end() + 40 * _WINDOW)  # a bounded look-ahead
        stop = _CLAUSE_END_RE.search(text, m.end(), hi)
        end = stop.start() if stop else hi
        words = text[m.end() : end].split()[:_WINDOW]
        if len(words) < 2 or words[0].lower() in _NOT_OBJECT:
            continue
        low = [w.lower() for w in words]
        if m.group("as") and "as" not in low[1:]:
            continue
        if m.group("obj") and not any(w in ("a", "an", "as", *_POSSESSIVES) for w in low[1:]):
            continue
        cstart = _complement_start(text, m.end(), end, as_verb=bool(m.group("as")))
        cend = cstart + len(text[cstart:end].rstrip())
        verb = m.group(0)
        tense = "ing" if verb.lower().endswith("ing") else "past" if verb.lower().endswith(("ed", "saw")) else "s"
        cue = CueMatch(m.start(), m.end(), verb, verb.lower(), Cue(_lemma(verb), tense, "speech", True))
        sp = clause_subject(ctx, s_start, cue) if tense == "ing" else None
        sp = sp or subject_before(ctx, s_start, cue) or _controlling_subject(ctx, s_start, m.start())
        if sp is None or cend - cstart < 4 or (sp.text.islower() and " " not in sp.text and sp.kind != "pronoun"):
            continue  # no subject, or a modifier taken for one ("an unexpected call from")
        out.append((cstart, cend, sp, cue))
    return out


__all__ = ["naming_paraphrases"]
