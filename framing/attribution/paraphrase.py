"""Step 4: attributed paraphrase, reported content without quotation marks.

A cue outside quotes that can introduce reported content gives a paraphrase:
``X said (that) CONTENT``, ``CONTENT, X said.``, ``CONTENT, said X.``,
``according to X, CONTENT`` or ``CONTENT, according to X.``. A cue whose
content is too short (or all inside quotes) still records its speaker mention
(an empty run), so a later "he" can resolve to it.

Example:
    >>> t = "Analysts said that Moscow needs allies."
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> [(t[p.start:p.end], p.speaker.text) for p in find_paraphrases(ctx, [], [])]
    [('Moscow needs allies', 'Analysts')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.attribution.context import Context, sentence_end
from framing.attribution.cues import CueMatch
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import clause_subject, subject_after, subject_before
from framing.corpus.segmentation import count_words

# The object of "tell": a pronoun, reporters, a run of capitalised words or a short noun phrase.
_TELL_OBJ_RE = re.compile(
    r"\s+(?:(?:me|us|him|her|them|reporters|journalists|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})"
    r"|(?:an?|the)\s+[\w\-]+(?:\s+[\w\-]+)?)(?=[\s,.])"
)
_ACRONYM_RE = re.compile(r"\s+[A-Z]{2,}(?=\s)")
# After "told CNN": a day and a clause ("Friday night that", "Monday, calling"), or a subject of up to
# three words and its auxiliary verb ("President Francois Hollande was").
_OUTLET_CLAUSE_RE = re.compile(
    r"\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"(?:\s+that\b|,\s+[a-z])|[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,2}?"
    r"\s+(?:is|was|were|are|has|have|had|would|will|could|can|may|might|should|did|does|do)\b)"
)
_ADJUNCT_RE = re.compile(
    r"\s*(?:,\s*)?(?:(?:on|last|this|in|at|during|earlier|later|elsewhere|also|then|recently|previously|"
    r"publicly|privately|repeatedly|again|once|in\s+\w+)\b[^,.;:“”\"]{0,60}?)?\s*(?:,\s*)?that\b"
)
# A clause right after the cue: a pronoun, determiner or quantifier, or any capitalised word (a name).
_CLAUSE_START_RE = re.compile(
    r"\s+(?:(?:he|she|it|they|we|i|there|this|these|those|the|a|an|his|her|their|its|our|some|many|no|none|"
    r"both|all)\b|[A-Z])"
)


@dataclass(frozen=True)
class Paraphrase:
    """An attributed paraphrase (or, with ``start == end``, just the speaker mention of a cue).

    Attributes:
        start: Start of the reported content.
        end: Its end.
        speaker: The speaker mention.
        cue: The cue.
    """

    start: int
    end: int
    speaker: Speaker
    cue: CueMatch


@dataclass
class _Quotes:
    """Top-level quotes with their starts, for lookups by position."""

    top: list[RawQuote]
    starts: list[int]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.top[i].start <= pos < self.top[i].end

    def last_starting_at_or_before(self, pos: int) -> RawQuote | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.top[i] if i >= 0 else None


def _tell_object_end(text: str, pos: int, hi: int) -> int:
    """End of the object of "tell" at ``pos`` ("told reporters", "told NBC News", "told an interviewer").

    When a run of capitalised words leaves no clause after it but opens with an
    acronym (a news outlet) followed by a day or a subject and its verb, only
    the acronym is the object: "told CNN Friday night that", "told CNN
    President Hollande was there".
    """
    m = _TELL_OBJ_RE.match(text, pos, hi)
    if m is None:
        return pos
    if _ADJUNCT_RE.match(text, m.end(), hi) or _CLAUSE_START_RE.match(text, m.end(), hi):
        return m.end()
    outlet = _ACRONYM_RE.match(text, pos, hi)
    if outlet is not None and outlet.end() < m.end() and _OUTLET_CLAUSE_RE.match(text, outlet.end(), hi):
        return outlet.end()
    return m.end()


def reported_clause(ctx: Context, cue: CueMatch, sent_end: int) -> tuple[int, int] | None:
    """Reported content after a cue ("X said (that) CONTENT"), up to the sentence end, or None.

    Example:
        >>> t = "He told DW News that ties are good."
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> s, e = reported_clause(ctx, ctx.cues.between(0, len(t))[0], len(t))
        >>> t[s:e]
        'ties are good'
    """
    text = ctx.text
    pos = cue.end
    if cue.value.lemma == "tell":
        pos = _tell_object_end(text, pos, sent_end)
    m = _ADJUNCT_RE.match(text, pos, sent_end)
    if m:
        start = m.end()
    else:
        if not _CLAUSE_START_RE.match(text, pos, sent_end):
            return None
        start = pos
    while start < sent_end and text[start].isspace():
        start += 1
    end = sent_end
    while end > start and text[end - 1] in " .\n":
        end -= 1
    if end - start < 3:
        return None
    return start, end


def _appositive_tail_ok(rest: str) -> bool:
    """After "X said" at the end of a sentence: nothing, an object or an appositive."""
    r = rest.strip()
    if not r or r in (".", ".”", "?", "!"):
        return True
    return r.startswith(",") or bool(re.fullmatch(r"[\w’'\- ]{0,40}[.!?]?[”\"’]?", r))


def _sentence_bounds(ctx: Context, quotes: _Quotes, cue: CueMatch) -> tuple[int, int]:
    """The sentence of a cue within its paragraph, extended to the end of a quote it was split inside."""
    ps, pe = ctx.para_of(cue.start)
    s_start = max(ctx.sentence_start(cue.start), ps)
    s_idx = bisect.bisect_right(ctx.sent_starts, cue.start) - 1
    s_end = ctx.sentences[s_idx][1] if s_idx >= 0 else pe
    q = quotes.last_starting_at_or_before(s_end)
    if q is not None and q.start < s_end < q.end:
        s_end = sentence_end(ctx.text, q.end, pe)
    return s_start, s_end


#: A speaker and the span of the content it reports (None: no content, only the speaker mention).
_Found = tuple[Speaker, tuple[int, int] | None]


def _source_content(ctx: Context, cue: CueMatch, s_start: int, s_end: int) -> _Found | None:
    """"according to X, CONTENT" / "CONTENT, according to X.": the source and the content."""
    text = ctx.text
    sp = subject_after(ctx, cue, s_end)
    if sp is None:
        return None
    after = text[sp.end : s_end]
    content = None
    if text[s_start : cue.start].strip(" ,") == "":
        m = re.match(r"(?:,[^,]*)?\s*,\s*", after) if after.lstrip().startswith(",") else None
        if m:
            content = (sp.end + m.end(), s_end)
    elif text[cue.start - 2 : cue.start].strip() == "," and not after.strip(" .”\"’"):
        content = (s_start, text.rfind(",", s_start, cue.start))
    return sp, content


def _verb_subject(ctx: Context, lo: int, cue: CueMatch, s_start: int, s_end: int) -> tuple[Speaker, bool] | None:
    """The subject of a reporting verb and whether it follows the verb ("..., said X")."""
    text = ctx.text
    if text[lo : cue.start].rstrip().endswith(",") and cue.value.tense != "ing":
        sp = subject_after(ctx, cue, s_end)
        if sp is not None:
            return sp, True
    sp = subject_before(ctx, lo, cue)
    if sp is None and not text[lo : cue.start].strip(" ,"):
        sp = subject_after(ctx, cue, s_end)
        if sp is not None:
            return sp, True
    if sp is None and cue.value.tense == "ing":
        sp = clause_subject(ctx, s_start, cue)
    return (sp, False) if sp is not None else None


def _verb_content(ctx: Context, quotes: _Quotes, cue: CueMatch, s_start: int, s_end: int) -> _Found | None:
    """"X said (that) CONTENT" / "CONTENT, X said.": the speaker and the content (None: skip the cue)."""
    text = ctx.text
    lo = s_start
    q = quotes.last_starting_at_or_before(cue.start)
    if q is not None and q.end <= cue.start and q.end > lo:
        lo = q.end
    found = _verb_subject(ctx, lo, cue, s_start, s_end)
    if found is None:
        return None
    sp, inverted = found
    rest = text[max(sp.end, cue.end) : s_end]
    attr_start = cue.start if inverted else sp.start
    before = text[s_start:attr_start].rstrip()
    if before.endswith(",") and _appositive_tail_ok(rest):
        if before.lower().endswith("as ,"):
            return None
        if re.search(r",?\s*\bas\s*$", text[s_start:attr_start]):
            return sp, None  # "as X said": not a paraphrase
        return sp, (s_start, s_start + len(before) - 1)
    if not inverted:
        return sp, reported_clause(ctx, cue, s_end)
    return sp, None


def _outside_quotes_words(ctx: Context, top: list[RawQuote], cs: int, ce: int) -> int:
    """Words of ``text[cs:ce]`` outside the quotes lying wholly inside it."""
    outside = ctx.text[cs:ce]
    for q in top:
        if q.start >= cs and q.end <= ce:
            outside = outside.replace(ctx.text[q.start : q.end], " ")
    return count_words(outside)


def find_paraphrases(ctx: Context, top: list[RawQuote], attributions: list[Attribution]) -> list[Paraphrase]:
    """Paraphrases and speaker mentions of every cue outside quotes, in cue order.

    Args:
        ctx: The document context.
        top: Top-level quotes.
        attributions: Their attributions (:func:`framing.attribution.direct.attribute_direct`);
            their cues record no separate mention.

    Example:
        >>> t = "Ties are deep, Chen Jun said."
        >>> [(t[p.start:p.end], p.speaker.text) for p in find_paraphrases(Context.of(t, [(0, len(t))]), [], [])]
        [('Ties are deep', 'Chen Jun')]
    """
    quotes = _Quotes(top, [q.start for q in top])
    used_cues = {c.start for _, c in attributions if c is not None}
    out: list[Paraphrase] = []
    for cue in ctx.cues.cues:
        if quotes.covers(cue.start) or not cue.value.paraphrase and cue.value.kind != "source":
            continue
        s_start, s_end = _sentence_bounds(ctx, quotes, cue)
        if cue.value.kind == "source":
            found = _source_content(ctx, cue, s_start, s_end)
        else:
            found = _verb_content(ctx, quotes, cue, s_start, s_end)
        if found is None:
            continue
        speaker, content = found
        if content is not None and content[1] - content[0] >= 3:
            cs, ce = content
            if _outside_quotes_words(ctx, top, cs, ce) >= 2:
                out.append(Paraphrase(cs, ce, speaker, cue))
                continue
        if cue.start not in used_cues:
            out.append(Paraphrase(cue.start, cue.start, speaker, cue))  # speaker mention only (for "he")
    return out


__all__ = ["Paraphrase", "find_paraphrases", "reported_clause"]
