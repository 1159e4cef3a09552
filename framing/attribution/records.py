"""Step 7: attribution records and voice runs from the resolved quotes and paraphrases.

Example:
    >>> from framing.attribution.direct import attribute_direct
    >>> from framing.attribution.marks import quotations
    >>> t = "“We are ‘friends’ for ever,” Lee said."
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> raw = quotations(t)
    >>> top = [q for q in raw if not q.nested]
    >>> attrs = attribute_direct(ctx, top)
    >>> quotes, runs = build_records(ctx, raw, attrs, [UNRESOLVED], [], [])
    >>> [(q.text, q.quote_type, q.cue) for q in quotes]
    [('“We are ‘friends’ for ever,”', 'unattributed', 'said'), ('‘friends’', 'scare', '')]
"""

from __future__ import annotations

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.paraphrase import Paraphrase
from framing.attribution.resolution import UNRESOLVED, Resolved
from framing.corpus.segmentation import count_words
from framing.document import Quote, VoiceRun


def quote_type(words: int, speaker: str, kind: str, *, named: bool = True, title: bool = False) -> str:
    """What a quote is, by its speaker: see :func:`framing.attribution.speakers.is_named`.

    ``person`` or ``organisation``: a named one said it; ``unnamed``: a source
    described but not named ("observers", "a spokesman", "Western leaders");
    without a speaker ``title`` (a name or title in quotation marks), ``scare``
    (1-3 words) or ``unattributed``.

    Example:
        >>> quote_type(2, "", ""), quote_type(9, "NATO", "organisation")
        ('scare', 'organisation')
        >>> quote_type(5, "analysts", "group", named=False)
        'unnamed'
    """
    if speaker:
        if not named:
            return "unnamed"
        return "organisation" if kind == "organisation" else "person"
    if title:
        return "title"
    return "scare" if words <= 3 else "unattributed"


def _direct_record(text: str, q: RawQuote, res: Resolved, cue: CueMatch | None) -> Quote:
    name = res.speaker
    words = count_words(text[q.start : q.end])
    return Quote(
        start=q.start,
        end=q.end,
        text=text[q.start : q.end],
        speaker=name,
        speaker_kind=res.kind,
        speaker_start=res.start if name else -1,
        speaker_end=res.end if name else -1,
        cue=cue.text if cue is not None else "",
        cue_lemma=cue.value.lemma if cue is not None else "",
        cue_start=cue.start if cue is not None else -1,
        cue_end=cue.end if cue is not None else -1,
        affiliation=res.affiliation,
        origin=res.origin if name else "unknown",
        quote_type=quote_type(words, name, res.kind, named=res.named, title=q.title),
        nested=q.nested,
        words=words,
    )


def _paraphrase_record(text: str, p: Paraphrase, res: Resolved) -> Quote:
    words = count_words(text[p.start : p.end])
    return Quote(
        start=p.start,
        end=p.end,
        text=text[p.start : p.end],
        voice="attributed_paraphrase",
        speaker=res.speaker,
        speaker_kind=res.kind,
        speaker_start=p.speaker.start,
        speaker_end=p.speaker.end,
        cue=p.cue.text,
        cue_lemma=p.cue.value.lemma,
        cue_start=p.cue.start,
        cue_end=p.cue.end,
        affiliation=res.affiliation,
        origin=res.origin,
        quote_type=quote_type(words, res.speaker, res.kind, named=res.named),
        words=words,
    )


def build_records(
    ctx: Context,
    raw: list[RawQuote],
    attributions: list[Attribution],
    quote_speakers: list[Resolved],
    paraphrases: list[Paraphrase],
    paraphrase_speakers: list[Resolved],
) -> tuple[list[Quote], list[VoiceRun]]:
    """Records (direct quotes in text order, then named paraphrases) and their voice runs, sorted.

    A nested quote takes the speaker of the quote around it and has no cue.

    Args:
        ctx: The document context.
        raw: Every quotation, nested ones included.
        attributions: Speaker mention and cue of each top-level quote.
        quote_speakers: Resolved speaker of each top-level quote.
        paraphrases: Paraphrases (speaker-mention-only ones are skipped).
        paraphrase_speakers: Resolved speaker of each paraphrase.

    Example:
        >>> t = "Ties grew."
        >>> build_records(Context.of(t, [(0, len(t))]), [], [], [], [], [])
        ([], [])
    """
    text = ctx.text
    top = [q for q in raw if not q.nested]
    top_index = {(q.start, q.end): i for i, q in enumerate(top)}
    quotes: list[Quote] = []
    runs: list[VoiceRun] = []
    for q in raw:
        if q.nested:
            parent = next((k for k, t in enumerate(top) if t.start <= q.start and q.end <= t.end), -1)
            res, cue = (quote_speakers[parent] if parent >= 0 else UNRESOLVED), None
        else:
            k = top_index[(q.start, q.end)]
            res, cue = quote_speakers[k], attributions[k][1]
        quotes.append(_direct_record(text, q, res, cue))
        runs.append(VoiceRun(q.start, q.end, "direct_quote", res.speaker))
    for p, res in zip(paraphrases, paraphrase_speakers, strict=True):
        if p.end <= p.start or not res.speaker:
            continue
        quotes.append(_paraphrase_record(text, p, res))
        runs.append(VoiceRun(p.start, p.end, "attributed_paraphrase", res.speaker))
    runs.sort(key=lambda r: (r.start, r.end))
    return quotes, runs


__all__ = ["build_records", "quote_type"]
