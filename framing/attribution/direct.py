"""Step 3: who said each direct quote, from the cue after it or before it.

After the quote (when it ends with a comma, ``?``/``!`` before a lower-case
word, or no punctuation) the text up to the first reporting verb must be a
speaker phrase (``,” Chen said``, ``,” said Wan, an ...``, ``,” the state-run
Xinhua news service reported``) or a dash and a name (``” ― Pamela Padilla``);
otherwise the last reporting verb between the start of the sentence and the
quote is taken (``X said: “``, ``according to X, “``, ``X has called Y “``,
``, adding that “``, ``But, said Solovey, “``). Without a listed verb, a
speaker phrase with any past-tense verb after the quote (``,” Trump barked``)
or a clause ending in a colon before it (``Clinton: “``) names the speaker
(:mod:`framing.attribution.uncued`).

Example:
    >>> from framing.attribution.marks import quotations
    >>> t = "“A,” she said, “B.”"
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> [(sp.text if sp else None, cue.text if cue else None) for sp, cue in attribute_direct(ctx, quotations(t))]
    [('she', 'said'), ('she', 'said')]
"""

from __future__ import annotations

import re

from framing.attribution.context import Context, sentence_end
from framing.attribution.cues import CueMatch
from framing.attribution.marks import RawQuote
from framing.attribution.phrases import np_backward, np_forward
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import clause_subject, head_with_modifier, subject_after, subject_before
from framing.attribution.titles import after_preposition, byline_after, title_case
from framing.attribution.uncued import colon_before, verb_after
from framing.attribution.words import DETERMINERS, is_cap

_DASH_NAME_RE = re.compile(r"[\s,]*[―—–-]{1,2}\s*")

#: The speaker mention and cue of a quote (either may be missing).
Attribution = tuple[Speaker | None, CueMatch | None]


def post_attribution(ctx: Context, q: RawQuote, hi: int) -> tuple[Speaker, CueMatch | None] | None:
    """Speaker and cue after a quote, up to ``hi`` (the next quote or the paragraph end), or None.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "“Ties are strong,” Chen said."
        >>> sp, cue = post_attribution(Context.of(t, [(0, len(t))]), quotations(t)[0], len(t))
        >>> (sp.text, cue.text)
        ('Chen', 'said')
    """
    text = ctx.text
    inner = text[q.start + 1 : q.end - 1].rstrip().rstrip("’'‘ ").rstrip()
    last = inner[-1:] if inner else ""
    dash = _DASH_NAME_RE.match(text, q.end, hi)
    if dash and dash.group(0).strip(" ,"):
        # “...” ― Pamela Padilla
        span = np_forward(text, dash.end(), hi)
        if span and is_cap(text[span[0] : span[1]]):
            sp = ctx.speaker_at(*span)
            if sp is not None:
                return sp, None
    if last == ".":
        return None
    end = sentence_end(text, q.end, hi)
    for cue in ctx.cues.between(q.end, end)[:1]:
        found = _lexicon_after(ctx, q, cue, end)
        if found is not None:
            return found
    return verb_after(ctx, q, end)  # ,” Trump barked.


def _lexicon_after(ctx: Context, q: RawQuote, cue: CueMatch, end: int) -> tuple[Speaker, CueMatch] | None:
    """The speaker of the first lexicon cue after a quote: the phrase between them, or after the cue."""
    text = ctx.text
    stretch = text[q.end : cue.start]
    lead = len(stretch) - len(stretch.lstrip(" ,;:—–\u00a0\n"))
    lo = q.end + lead
    if cue.value.kind in ("source", "document") or not text[lo : cue.start].strip():
        if cue.value.tense == "ing":
            return None  # ,” noting the need for ...: the participle's subject is not after it
        sp = subject_after(ctx, cue, end, modifiers=True)
        return (sp, cue) if sp else None
    sp = subject_before(ctx, lo, cue, modifiers=True, clauses=False)
    if sp is not None:
        # the phrase must fill the stretch (", as Xi described" is allowed: "as" is skipped)
        pre = text[lo : sp.start].strip()
        if not pre or pre.lower() in ("as", "so", "and") or pre.lower() in DETERMINERS:
            return sp, cue
    sp = head_with_modifier(ctx, lo, cue.start)  # ,” a spokesman for committee Democrats said
    return (sp, cue) if sp is not None else None


def pre_attribution(ctx: Context, lo: int, q: RawQuote) -> tuple[Speaker | None, CueMatch] | None:
    """Speaker and cue in ``text[lo:q.start]`` before a quote (the last cue that has one), or None.

    The speaker is None for a cue whose subject is in an earlier quote
    (", he said, adding that “"): the quote inherits it.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "Artyom Lukin said: “Limits are gone.”"
        >>> sp, cue = pre_attribution(Context.of(t, [(0, len(t))]), 0, quotations(t)[0])
        >>> (sp.text, cue.text)
        ('Artyom Lukin', 'said')
    """
    text = ctx.text
    cues = ctx.cues.between(lo, q.start)
    for cue in reversed(cues):
        if cue.value.kind in ("source", "document"):
            sp = subject_after(ctx, cue, q.start, modifiers=True)
            if sp:
                return sp, cue
            continue
        if cue.value.lemma == "put it":
            span = np_backward(text, lo, cue.start)
            sp = ctx.speaker_at(*span) if span else None
            if sp:
                return sp, cue
            continue
        sp = subject_before(ctx, lo, cue, modifiers=True, clauses=False)
        if sp is None and cue.value.tense == "ing":
            sp = clause_subject(ctx, ctx.sentence_start(lo), cue)
        if sp is None:
            sp = _inverted_before(ctx, cue, q)
        if sp is None and not text[lo : cue.start].strip(" ,;:\n"):
            return None, cue  # ", he said, adding that “" with the subject in an earlier quote
        if sp is None:
            # "X told an interviewer that" after an earlier quote: coordinated verb, shared subject
            if re.fullmatch(r"[\s,]*(?:and|but|then|before|after)\s*", text[lo : cue.start]):
                return None, cue
            continue
        return sp, cue
    return None


def _inverted_before(ctx: Context, cue: CueMatch, q: RawQuote) -> Speaker | None:
    """``But, said Solovey, “...”``: the speaker right after the cue, and only punctuation up to the quote."""
    sp = subject_after(ctx, cue, q.start, modifiers=True)
    gap = ctx.text[sp.end : q.start] if sp is not None else ""
    if sp is None or gap.strip(" ,:\u00a0") or not gap.strip():
        return None  # "said the proposal “smacks of ...”": the phrase is the subject of the quoted clause
    return sp


def attribute_direct(ctx: Context, top: list[RawQuote]) -> list[Attribution]:
    """Speaker mention and cue of each top-level quote (``(None, None)`` if it has none of its own).

    The cue after the quote wins; else the cue before it, looking back to the
    start of its sentence (or of its paragraph, or the end of the quote before).
    A quote around a name or title (:mod:`framing.attribution.titles`) is
    marked ``title`` and gets ``(None, None)``.

    Example:
        >>> from framing.attribution.marks import quotations
        >>> t = "According to Lukin, “ties are deep.”"
        >>> [(sp.text, cue.text) for sp, cue in attribute_direct(Context.of(t, [(0, len(t))]), quotations(t))]
        [('Lukin', 'According to')]
    """
    out: list[Attribution] = []
    for i, q in enumerate(top):
        if after_preposition(ctx.text, q) or byline_after(ctx.text, q):
            q.title = True  # "appeared on “Meet the Press”", "“The Living Room to close,” by Ben Sisario"
            out.append((None, None))
            continue
        ps, _ = ctx.para_of(q.start)
        _, pe = ctx.para_of(max(q.end - 1, q.start))
        nxt = top[i + 1].start if i + 1 < len(top) and top[i + 1].start < pe else pe
        found = post_attribution(ctx, q, nxt)
        if found is not None:
            out.append(found)
            continue
        if title_case(ctx.text, q):
            q.title = True  # “How the Grinch Stole Christmas”
            out.append((None, None))
            continue
        lo = max(ps, ctx.sentence_start(q.start))
        if i > 0 and top[i - 1].end > lo and top[i - 1].end <= q.start:
            lo = top[i - 1].end
        if lo > q.start:
            lo = ps
        got = pre_attribution(ctx, lo, q)
        if got is None:
            sp = colon_before(ctx, lo, q)  # "Clinton: “...”"
            out.append((sp, None))
            continue
        out.append(got)
    return out


__all__ = ["Attribution", "attribute_direct", "post_attribution", "pre_attribution"]
