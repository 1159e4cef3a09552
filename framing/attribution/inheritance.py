"""Step 6: a quote with no speaker of its own continues someone else's.

In order of preference it takes the speaker of the paraphrase it sits in; of
the quote before it when its own cue has no subject (", adding that “"); of
the quote before it in its paragraph; of a later quote in the same sentence
that has its own speaker; or, when it opens its paragraph, of the last
attribution in the paragraph before.

Example:
    >>> from framing.attribution.direct import attribute_direct
    >>> from framing.attribution.marks import quotations
    >>> from framing.attribution.paraphrase import find_paraphrases
    >>> from framing.attribution.resolution import resolve_speakers
    >>> t = "“A,” Lee said. “B.”"
    >>> ctx = Context.of(t, [(0, 14), (15, len(t))])
    >>> top = quotations(t)
    >>> attrs = attribute_direct(ctx, top)
    >>> paras = find_paraphrases(ctx, top, attrs)
    >>> res = resolve_speakers(ctx, top, attrs, paras)
    >>> [r.speaker for r in res.quotes], [r.speaker for r in inherit_speakers(ctx, top, attrs, paras, res)]
    (['Lee', ''], ['Lee', 'Lee'])
"""

from __future__ import annotations

import bisect

from framing.attribution.context import Context
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.paraphrase import Paraphrase
from framing.attribution.resolution import Resolution, Resolved


class _Containing:
    """Paraphrases by start, to find those containing a quote without scanning all of them.

    A paraphrase containing ``[start, end)`` starts in ``[end - longest, start]``: a bounded window.
    """

    def __init__(self, paraphrases: list[Paraphrase], resolved: list[Resolved]):
        self._order = sorted(range(len(paraphrases)), key=lambda k: paraphrases[k].start)
        self._starts = [paraphrases[k].start for k in self._order]
        self._longest = max((p.end - p.start for p in paraphrases), default=0)
        self._paraphrases, self._resolved = paraphrases, resolved

    def speaker_of(self, q: RawQuote) -> Resolved | None:
        """The speaker of the last paraphrase (in attribution order) containing the quote."""
        lo = bisect.bisect_left(self._starts, q.end - self._longest)
        hi = bisect.bisect_right(self._starts, q.start)
        found = [k for k in self._order[lo:hi] if self._paraphrases[k].end > self._paraphrases[k].start
                 and q.end <= self._paraphrases[k].end and self._resolved[k].speaker]
        return self._resolved[max(found)] if found else None


def _from_earlier_quote(
    top: list[RawQuote], quotes: list[Resolved], i: int, para_start: int, contained: set[int]
) -> Resolved | None:
    """The speaker of the nearest earlier quote in the same paragraph (it may have begun in an earlier one).

    Quotes in ``contained`` took their speaker from a paraphrase around them
    (a quoted fragment of reported speech): they pass it on to no quote outside it.
    """
    for k in range(i - 1, -1, -1):
        if top[k].end <= para_start:
            break
        if quotes[k].speaker and k not in contained:
            return quotes[k]
    return None


def _from_later_quote(
    ctx: Context, top: list[RawQuote], attributions: list[Attribution], quotes: list[Resolved], i: int, para_end: int
) -> Resolved | None:
    """The speaker of a later quote in the same sentence with a speaker mention of its own."""
    s_lo = ctx.sentence_start(top[i].start)
    for k in range(i + 1, len(top)):
        if top[k].start >= para_end or ctx.sentence_start(top[k].start) != s_lo:
            break
        if quotes[k].speaker and attributions[k][0] is not None:
            return quotes[k]
    return None


def _from_previous_paragraph(ctx: Context, para_speaker: dict[int, Resolved], para_start: int) -> Resolved | None:
    """The last speaker of the paragraph right before."""
    k = bisect.bisect_left(ctx.para_starts, para_start)  # paragraph starts are the keys: no scan of them all
    return para_speaker.get(ctx.para_starts[k - 1]) if k > 0 else None


def inherit_speakers(
    ctx: Context,
    top: list[RawQuote],
    attributions: list[Attribution],
    paraphrases: list[Paraphrase],
    resolution: Resolution,
) -> list[Resolved]:
    """Speakers of the top-level quotes, with quotes lacking their own taking an inherited one.

    Args:
        ctx: The document context.
        top: Top-level quotes.
        attributions: Their speaker mentions and cues.
        paraphrases: Paraphrases and speaker mentions.
        resolution: Resolved speakers of quotes and paraphrases.

    Example:
        >>> from framing.attribution.direct import attribute_direct
        >>> from framing.attribution.marks import quotations
        >>> from framing.attribution.resolution import resolve_speakers
        >>> t = "“Ties are strong,” Lavrov said.\\n“They will stay strong.”"
        >>> ctx, top = Context.of(t, [(0, 31), (32, len(t))]), quotations(t)
        >>> attrs = attribute_direct(ctx, top)
        >>> [r.speaker for r in inherit_speakers(ctx, top, attrs, [], resolve_speakers(ctx, top, attrs, []))]
        ['Lavrov', 'Lavrov']
    """
    quotes = list(resolution.quotes)
    para_speaker = dict(resolution.para_speaker)
    containing = _Containing(paraphrases, resolution.paraphrases)
    contained: set[int] = set()
    for i, q in enumerate(top):
        if quotes[i].speaker or q.title:
            continue
        ps, pe = ctx.para_of(q.start)
        inherited = containing.speaker_of(q)
        if inherited is not None:
            contained.add(i)
        if inherited is None and attributions[i][1] is not None and i > 0:
            inherited = quotes[i - 1] if quotes[i - 1].speaker else None  # ", adding that “"
        if inherited is None:
            inherited = _from_earlier_quote(top, quotes, i, ps, contained)
        if inherited is None:
            inherited = _from_later_quote(ctx, top, attributions, quotes, i, pe)
        if inherited is None and not ctx.text[ps : q.start].strip() and q.end - q.start > 0:
            inherited = _from_previous_paragraph(ctx, para_speaker, ps)
        if inherited is not None:
            quotes[i] = inherited
            para_speaker[ps] = inherited
    return quotes


__all__ = ["inherit_speakers"]
