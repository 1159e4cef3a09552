"""Step 5: resolve speaker mentions to speakers, in text order.

He/she resolve to a person named earlier in the same sentence before a quote,
else to the last named person speaker, else to the last person mentioned;
we/they to the last group (or organisation); it to the last organisation.
Short names become the fullest form in the article ("Chen" -> "Chen Jun").
A speaker keeps the longest affiliation the article gives it, and its origin
is the last place named in that affiliation.

Example:
    >>> from framing.attribution.direct import attribute_direct
    >>> from framing.attribution.marks import quotations
    >>> from framing.attribution.paraphrase import find_paraphrases
    >>> t = "Chen Jun, a professor at Fudan University, said ties grew. “It was real,” he said."
    >>> ctx = Context.of(t, [(0, 58), (59, len(t))])
    >>> top = quotations(t)
    >>> attrs = attribute_direct(ctx, top)
    >>> res = resolve_speakers(ctx, top, attrs, find_paraphrases(ctx, top, attrs))
    >>> (res.quotes[0].speaker, res.quotes[0].origin)
    ('Chen Jun', 'china')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.attribution.context import Context
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.names import NAME_RUN_RE
from framing.attribution.paraphrase import Paraphrase
from framing.attribution.speakers import Speaker
from framing.attribution.words import FUNCTION_WORDS, PRONOUN_KINDS, speaker_words

_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Resolved:
    """A resolved speaker ("" if none) with its affiliation, origin and the mention it came from."""

    speaker: str
    kind: str
    affiliation: str
    origin: str
    start: int
    end: int


#: No speaker.
UNRESOLVED = Resolved("", "", "", "unknown", -1, -1)


@dataclass
class Resolution:
    """Resolved speakers of the quotes and paraphrases, and the last speaker of each paragraph.

    Attributes:
        quotes: One per top-level quote.
        paraphrases: One per paraphrase.
        para_speaker: Paragraph start -> the last resolved speaker in it.
    """

    quotes: list[Resolved]
    paraphrases: list[Resolved]
    para_speaker: dict[int, Resolved] = field(default_factory=dict)


@dataclass
class _Resolver:
    """What resolution remembers while reading the document in order.

    Attributes:
        ctx: The document context.
        top: Top-level quotes (their text is no antecedent for "he").
        affs: Speaker -> (longest affiliation, origin).
        last: Speaker kind -> the last speaker of that kind.
    """

    ctx: Context
    top: list[RawQuote]
    affs: dict[str, tuple[str, str]] = field(default_factory=dict)
    last: dict[str, tuple[str, str]] = field(default_factory=dict)

    def _named_before(self, at: int, prefix_lo: int) -> tuple[str, str] | None:
        """The person named last in ``text[prefix_lo:at]`` outside quotes, if any."""
        prefix = self.ctx.text[prefix_lo:at]
        for t in self.top:
            if t.end > prefix_lo and t.start < at:
                a, b = max(t.start, prefix_lo) - prefix_lo, min(t.end, at) - prefix_lo
                prefix = prefix[:a] + " " * (b - a) + prefix[b:]
        found = list(NAME_RUN_RE.finditer(prefix)) + list(_CAPITALISED_RE.finditer(prefix))
        names = self.ctx.names
        for m in sorted(found, key=lambda m: (m.start(), -m.end()), reverse=True):
            cand = names.fullest(m.group(0))
            if cand in names.counts:
                return cand, "person"
            word = m.group(0).lower()
            if (
                m.start() > 0
                and " " not in word
                and word not in FUNCTION_WORDS
                and word not in speaker_words()
                and word not in self.ctx.place_words
            ):
                return m.group(0), "person"
        return None

    def name(self, sp: Speaker, prefix_lo: int | None) -> tuple[str, str]:
        """(speaker, kind) a mention stands for; a pronoun looks in ``text[prefix_lo:sp.start]`` first."""
        if sp.kind != "pronoun":
            return sp.text, sp.kind
        want = PRONOUN_KINDS.get(sp.text, "person")
        if want == "person" and prefix_lo is not None:
            named = self._named_before(sp.start, prefix_lo)
            if named is not None:
                return named
        if want in self.last:
            return self.last[want]
        if want == "group" and "organisation" in self.last:
            return self.last["organisation"]
        return "", ""

    def resolve(self, sp: Speaker, prefix_lo: int | None) -> Resolved:
        """Resolve a mention and remember its speaker, affiliation and origin."""
        name, kind = self.name(sp, prefix_lo)
        if not name:
            return UNRESOLVED
        affs = self.affs
        origin_of = self.ctx.story.origin_of
        aff = sp.affiliation if sp.kind != "pronoun" else ""
        if not aff and name not in affs:
            aff = self.ctx.names.titles.get(name, "")
        if aff and name in affs and len(affs[name][0]) >= len(aff):
            aff = ""
        if aff:
            origin = origin_of(aff)
            if origin == "unknown" and name in affs:
                origin = affs[name][1]
            affs[name] = (aff, origin)
        elif kind == "organisation":
            affs.setdefault(name, ("", origin_of(name)))
        aff, origin = affs.get(name, ("", "unknown"))
        self.last[kind] = (name, kind)
        return Resolved(name, kind, aff, origin, sp.start, sp.end)


def resolve_speakers(
    ctx: Context, top: list[RawQuote], attributions: list[Attribution], paraphrases: list[Paraphrase]
) -> Resolution:
    """Resolve the speaker of every quote and paraphrase, in the order of their cues.

    Args:
        ctx: The document context.
        top: Top-level quotes.
        attributions: Their speaker mentions and cues.
        paraphrases: Paraphrases and speaker mentions.

    Example:
        >>> from framing.attribution.direct import attribute_direct
        >>> from framing.attribution.marks import quotations
        >>> t = "“It is over,” the Kremlin said."
        >>> ctx, top = Context.of(t, [(0, len(t))]), quotations(t)
        >>> resolve_speakers(ctx, top, attribute_direct(ctx, top), []).quotes[0].kind
        'organisation'
    """
    events: list[tuple[int, int, int]] = []  # (position, kind 0=quote 1=paraphrase, index)
    for i, (_, qcue) in enumerate(attributions):
        events.append((qcue.start if qcue is not None else top[i].start, 0, i))
    for i, p in enumerate(paraphrases):
        events.append((p.cue.start, 1, i))
    events.sort()
    resolver = _Resolver(ctx, top)
    out = Resolution([UNRESOLVED] * len(top), [UNRESOLVED] * len(paraphrases))
    for _pos, typ, i in events:
        if typ == 1:
            p = paraphrases[i]
            out.paraphrases[i] = resolver.resolve(p.speaker, None)
            ps, _ = ctx.para_of(p.cue.start)
            if out.paraphrases[i].speaker:
                out.para_speaker[ps] = out.paraphrases[i]
            continue
        sp, qcue = attributions[i]
        q = top[i]
        ps, _ = ctx.para_of(q.start)
        if sp is not None:
            prefix_lo = None
            if sp.kind == "pronoun" and qcue is not None and qcue.start < q.start:
                prefix_lo = max(ps, ctx.sentence_start(sp.start))
            out.quotes[i] = resolver.resolve(sp, prefix_lo)
        if out.quotes[i].speaker:
            out.para_speaker[ps] = out.quotes[i]
    return out


__all__ = ["UNRESOLVED", "Resolution", "Resolved", "resolve_speakers"]
