"""The speaker of a cue: the phrase before it, after it, or the subject of its clause.

Example:
    >>> t = "Chen Jun, an associate professor at Fudan University, said"
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> (cue,) = ctx.cues.between(0, len(t))
    >>> sp = subject_before(ctx, 0, cue)
    >>> (sp.text, sp.affiliation)
    ('Chen Jun', 'an associate professor at Fudan University')
"""

from __future__ import annotations

import re
from dataclasses import replace

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.phrases import appositive_after, np_backward, np_forward, skip_auxiliaries_back
from framing.attribution.speakers import Speaker
from framing.attribution.words import DETERMINERS, PRONOUN_KINDS, base, word_kind

# A prepositional post-modifier of a speaker phrase, up to the cue: no clause punctuation or quote marks.
_POST_MODIFIER_RE = re.compile(r"(?:of|for|from|at|with|in|on|close\s+to|familiar\s+with)\s[^.;:!?“”\"()]+")
_MAX_MODIFIER_WORDS = 12
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.]*")
_PARTY_MEMBER_RE = re.compile(r"(?:Democrat|Republican|Independent)\s+(?:of|from)\s+[A-Z]")
# A share of those polled as the speaker ("Twenty-four percent said", "Six in 10 say", "nearly half said").
_NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_SHARE_RE = re.compile(
    r"(?<![\w,-])(?:(?:nearly|almost|about|roughly|around|only|more\s+than|fewer\s+than|less\s+than|just\s+over"
    r"|just\s+under)\s+)?"
    rf"(?:{_NUMBER}\s+(?:percent|in\s+(?:\d{{1,2}}|three|four|five|ten)\b)"
    r"|(?:half|a\s+third|a\s+quarter|two-thirds|three-quarters|a\s+majority))\s*$",
    re.IGNORECASE,
)
# What every match of _SHARE_RE holds, under the same flags: where it is missing, the share is not looked for
# (the look-ahead on the first letters lets the search pass other characters at once).
_SHARE_HINT_RE = re.compile(r"(?=[\dphtqmi])(?:\d|percent|half|third|quarter|majority|in\s+(?:three|four|five|ten))",
                            re.IGNORECASE)
# How every match of _SHARE_RE ends (before its trailing spaces), under the same flags.
_SHARE_END_RE = re.compile(r"(?:percent|\d|three|four|five|ten|half|third|quarter|thirds|quarters|majority)$",
                           re.IGNORECASE)
# The end of a first clause whose subject the cue's clause shares ("X met Lee and then said").
_AND_RE = re.compile(r",?\s+and\s*$")
# "by" before the participle ("by saying"), and a verb after a subject ("Fiorina was upfront").
_BY_RE = re.compile(r"\s+by$")
_VERB_NEXT_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|are|was|were|will|would|[a-z]+ed|[a-z]+s)\b")
# "who" after the speaker it stands for ("Barkley, who said"); not "which" ("South Bend, which has seen").
_RELATIVE_RE = re.compile(r",\s*who\s*$")


def _appositive_ok(ctx: Context, sp: Speaker, name_span: tuple[int, int], cand: str) -> bool:
    """Whether ``cand`` (between commas after a name) is the speaker's appositive, not a new clause."""
    if sp.affiliation == ctx.text[name_span[0] : name_span[1]]:
        return True  # "one Chinese writer, Xi Laiwang, described"
    first = cand.split()[0]
    if _POSSESSIVE_RE.search(first) or _PARTY_TAG_RE.fullmatch(cand) or _PARTY_MEMBER_RE.match(cand):
        return True  # "Tad Devine, Sanders's chief strategist," / "Mitch McConnell, R-Ky.,"
    det_start = first.lower() in ("a", "an", "the") or cand.isdigit()
    return det_start or (
        sp.kind == "person"
        and (word_kind(first) == "title" or first[:1].islower() or base(first).lower() in ctx.place_words)
    )


def subject_before(
    ctx: Context, lo: int, cue: CueMatch, *, modifiers: bool = False, clauses: bool = True
) -> Speaker | None:
    """Speaker phrase in ``text[lo:cue]`` before a cue, with an appositive between commas if there is one.

    ``modifiers`` keeps lower-case modifiers in the phrase (see :func:`~framing.attribution.phrases.np_backward`).
    Failing a phrase, a share of those polled ("Six in 10 say") is the speaker;
    with ``clauses``, so is the antecedent of "who" or the subject of a
    first clause that opens the sentence ("X met Lee and said"). Beside a direct
    quote these clause subjects too often take the quote from its real speaker.

    Example:
        >>> t = "Ties grew, the analysts said"
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> sp = subject_before(ctx, 11, ctx.cues.between(0, len(t))[0])
        >>> (sp.text, sp.kind)
        ('analysts', 'group')
    """
    text = ctx.text
    hi = cue.start
    seg = text[lo:hi]
    stripped = seg.rstrip()
    if stripped.endswith(","):
        if cue.value.tense == "ing":
            return clause_subject(ctx, ctx.sentence_start(lo), cue)
        # NAME, APPOSITIVE, said
        inner_end = lo + len(stripped) - 1
        body = text[lo:inner_end]
        commas = [m.start() for m in re.finditer(",", body)]
        for c in reversed(commas[-2:]):
            name_span = np_backward(text, lo, lo + c, modifiers=modifiers)
            cand = text[lo + c + 1 : inner_end].strip()
            if not name_span or not cand or len(cand) > 220 or ctx.cues.between(lo + c, inner_end):
                continue
            sp = ctx.speaker_at(*name_span, appos=cand)
            if sp is None or (sp.kind not in ("person", "organisation") and not cand.lower().startswith("who ")):
                continue  # "an intelligence source, who was not authorized to speak, told"
            if _appositive_ok(ctx, sp, name_span, cand):
                return sp
        return None
    span = np_backward(text, lo, hi, modifiers=modifiers)
    sp = ctx.speaker_at(*span) if span else None
    sp = sp if sp is not None else _share(text, lo, hi)
    if sp is None and not modifiers:
        # lower-case modifiers after a determiner ("The GOP presidential candidate says") or as the
        # whole of a clause that opens the sentence ("Instant polls showed")
        long_span = np_backward(text, lo, hi, modifiers=True)
        if long_span and (
            text[long_span[0] : long_span[1]].split()[0].lower() in DETERMINERS
            or _plural_subject(ctx, lo, text[long_span[0] : long_span[1]], long_span[0])
        ):
            sp = ctx.speaker_at(*long_span)
    return sp if sp is not None or not clauses else _relative_or_shared(ctx, lo, hi)


def _plural_subject(ctx: Context, lo: int, phrase: str, start: int) -> bool:
    """Whether ``phrase`` at ``start`` is a plural noun phrase that opens the sentence ("Reputable surveys").

    Example:
        >>> t = "Reputable surveys show"
        >>> _plural_subject(Context.of(t, [(0, len(t))]), 0, "Reputable surveys", 0)
        True
    """
    words = phrase.split()
    return (
        start >= lo
        and not ctx.text[ctx.sentence_start(lo) : start].strip(" \"'“‘”’")
        and words[-1][:1].islower()
        and words[-1].endswith("s")
        and not words[-1].endswith(("ss", "’s", "'s"))
        and not words[0].lower().endswith(("ing", "’s", "'s"))
    )


def _share(text: str, lo: int, hi: int) -> Speaker | None:
    """A share of those polled ending ``text[lo:hi]`` before its auxiliaries ("Six in 10 have said").

    Example:
        >>> t = "Six in 10 say"
        >>> _share(t, 0, t.index(" say")).text
        'Six in 10'
    """
    if not _SHARE_HINT_RE.search(text, lo, hi):
        return None  # cheap: most phrases before a cue hold no number nor share word
    end = skip_auxiliaries_back(text, lo, hi)
    if not _SHARE_END_RE.search(text[lo:end].rstrip()[-16:]):
        return None  # cheap: the share ends the phrase (its longest last word has 8 letters)
    m = _SHARE_RE.search(text, lo, end)
    if not m:
        return None
    s = m.start() + len(m.group()) - len(m.group().lstrip())
    e = s + len(text[s : m.end()].strip())
    return Speaker(text[s:e], "group", s, e, text[s:e], named=False)


def _relative_or_shared(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """The antecedent of "who", or the subject of a first clause that opens the sentence.

    Example:
        >>> t = "Barkley, who said"
        >>> _relative_or_shared(Context.of(t, [(0, len(t))]), 0, t.index(" said")).text
        'Barkley'
    """
    text = ctx.text
    if text.find("who", lo, hi) < 0 and text.find("and", lo, hi) < 0:
        return None  # neither pattern can match: skip the tokenizing
    end = skip_auxiliaries_back(text, lo, hi)
    rel = _RELATIVE_RE.search(text, lo, end)
    if rel:
        span = np_backward(text, lo, rel.start(), modifiers=True)
        sp = ctx.speaker_at(*span) if span else None
        if sp is None:
            return None
        return replace(sp, end=rel.start() + len(rel.group().rstrip()))  # the mention runs on to the pronoun
    conj = _AND_RE.search(text, lo, end)
    if not conj or text[ctx.sentence_start(lo) : lo].strip(" \"'“‘”’"):
        return None  # the first clause must open the sentence ("”Forum” sponsored by NBC and said")
    start = lo + len(text[lo:conj.start()]) - len(text[lo:conj.start()].lstrip(" \"'“‘"))
    span = np_forward(text, start, conj.start(), modifiers=True)
    if not span or not re.match(r"\s+[a-z]", text[span[1] : conj.start()]):
        return None  # the first clause opens with its subject, then a verb
    first = text[span[0] : span[1]].split()[0]
    if not (first[:1].isupper() or first.lower() in DETERMINERS or first.lower() in PRONOUN_KINDS):
        return None
    return ctx.speaker_at(*span)


def subject_after(ctx: Context, cue: CueMatch, hi: int, *, modifiers: bool = False) -> Speaker | None:
    """Speaker phrase after a cue ("said X, a ...", "according to X"), up to ``hi``.

    ``modifiers`` keeps lower-case modifiers in the phrase (see :func:`~framing.attribution.phrases.np_forward`).

    Example:
        >>> t = "according to a report by the Brookings Institution"
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> subject_after(ctx, ctx.cues.between(0, len(t))[0], len(t)).text
        'Brookings Institution'
    """
    text = ctx.text
    lo = cue.end
    if cue.value.lemma == "tell":
        return None
    span = np_forward(text, lo, hi, modifiers=modifiers)
    if not span and cue.value.kind == "source":
        span = np_forward(text, lo, hi, modifiers=True)  # "according to police", "according to exit polls"
    if not span:
        return None
    by = re.match(r"\s+(?:by|from)\b", text[span[1] : hi])
    if by and word_kind(text[span[0] : span[1]].split()[-1]) == "org":
        span = np_forward(text, span[1] + by.end(), hi, modifiers=modifiers)
        if not span:
            return None
    appos = appositive_after(text, span[1], hi)
    return ctx.speaker_at(*span, appos=appos)


def head_with_modifier(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """A speaker phrase that fills ``text[lo:hi]`` with a post-modifier, kept as its description.

    ``a spokesman for committee Democrats``, ``Jeffrey Lewis of the James
    Martin Center``, ``a person close to the Clintons``: the head phrase
    (:func:`~framing.attribution.phrases.np_forward`) is the speaker and the
    prepositional rest (up to 12 words, no clause punctuation) its description.

    Example:
        >>> t = "a spokesman for committee Democrats said"
        >>> sp = head_with_modifier(Context.of(t, [(0, len(t))]), 0, t.index(" said"))
        >>> (sp.text, sp.affiliation)
        ('spokesman', 'for committee Democrats')
    """
    text = ctx.text
    span = np_forward(text, lo, hi, modifiers=True)
    if span is None:
        return None
    rest = text[span[1] : hi].strip()
    if not _POST_MODIFIER_RE.fullmatch(rest) or len(rest.split()) > _MAX_MODIFIER_WORDS:
        return None
    return ctx.speaker_at(span[0], span[1], appos=rest)


def _in_quote(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks opened after ``lo`` (a quoted clause has no speaker subject).

    Example:
        >>> t = "“As a result, Russia had begun"
        >>> _in_quote(t, 0, t.index("Russia")), _in_quote(t, 0, 0)
        (True, False)
    """
    seg = text[lo:pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def clause_subject(ctx: Context, lo: int, cue: CueMatch) -> Speaker | None:
    """Subject of the clause before a participle (", saying ...", ", adding that ...").

    Example:
        >>> t = "Lavrov met Wang, saying"
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> clause_subject(ctx, 0, ctx.cues.between(0, len(t))[0]).text
        'Lavrov'
    """
    text = ctx.text
    before = text[lo : cue.start].rstrip().rstrip("'\"”’")  # 'defended “New York values,” saying'
    by = _BY_RE.search(before)
    if by:
        before = before[: by.start()]  # "distanced himself by saying": the clause's subject speaks
    elif not before.endswith((",", "–", "—")):
        return None
    body_end = lo + len(before) - (0 if by else 1)
    starts = [lo] + [lo + m.end() for m in re.finditer(r",\s*", text[lo:body_end])]
    for k, cstart in enumerate(reversed(starts)):
        span = np_forward(text, cstart, body_end)
        sp = ctx.speaker_at(*span) if span else None
        if sp is None or span is None:
            continue
        appositive = k == 0 and len(starts) > 1 and not text[span[1] : body_end].strip()
        if k == 0 and not by and not appositive:
            return sp  # the nearest clause ("Lavrov met Wang, saying"), not an appositive ("Trump, the nominee,")
        if _VERB_NEXT_RE.match(text, span[1], body_end) and not _in_quote(text, lo, cstart):
            return sp  # an earlier clause with its verb ("Trump defended “New York values,” saying")
    return None


__all__ = ["clause_subject", "head_with_modifier", "subject_after", "subject_before"]
