"""Step 5: resolve speaker mentions to speakers, in text order.

He/she resolve to a person (see :mod:`framing.attribution.antecedents`): one
named earlier in the same sentence before a quote, else the speaker or the
first person named in the nearest sentence before that names one, else the
last person speaker. We/they resolve to the last group (or organisation); it
to the last organisation. A role ("China’s foreign minister") resolves to the
person named earlier with that title. Short names become the fullest form in
the article ("Chen" -> "Chen Jun"). A speaker keeps the longest description
the article gives it, and its origin comes from
:func:`framing.attribution.origins.speaker_origin`.

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

import bisect
from dataclasses import dataclass, field

from framing.attribution.antecedents import named_before, nearest_person, person_mentions, role_holder
from framing.attribution.context import Context
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.origins import speaker_origin
from framing.attribution.paraphrase import Paraphrase
from framing.attribution.speakers import Speaker
from framing.attribution.words import PRONOUN_KINDS, opens_subordinate
from framing.story import UNKNOWN


@dataclass(frozen=True)
class Resolved:
    """A resolved speaker ("" if none) with its affiliation, origin and the mention it came from.

    ``named`` says whether the speaker is a named person or organisation (not a
    role, a group or an unresolved description: see
    :func:`framing.attribution.speakers.is_named`).
    """

    speaker: str
    kind: str
    affiliation: str
    origin: str
    start: int
    end: int
    named: bool = False


#: No speaker.
UNRESOLVED = Resolved("", "", "", UNKNOWN, -1, -1)


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
        affs: Speaker -> (longest description, its origin).
        last: Speaker kind -> the last speaker of that kind, and whether it is named.
        mentions: Person-name mentions outside quotes.
        spoken: ``(offset, order, speaker)`` of the person speakers resolved so far, sorted by offset.
    """

    ctx: Context
    top: list[RawQuote]
    affs: dict[str, tuple[str, str]] = field(default_factory=dict)
    last: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    _mentions: list[tuple[int, str]] | None = None
    spoken: list[tuple[int, int, str]] = field(default_factory=list)
    named: dict[str, bool] = field(default_factory=dict)

    @property
    def mentions(self) -> list[tuple[int, str]]:
        """Person-name mentions outside quotes (found on first use: only pronouns need them)."""
        if self._mentions is None:
            self._mentions = person_mentions(self.ctx, self.top)
        return self._mentions

    def name(self, sp: Speaker, prefix_lo: int | None, *, own_sentence: bool = True) -> tuple[str, str, bool]:
        """(speaker, kind, named) a mention stands for; a pronoun looks in ``text[prefix_lo:sp.start]`` first.

        ``own_sentence`` False: the pronoun follows its content ("CONTENT, he
        said"), so its own sentence is no place for its antecedent.
        """
        if sp.kind != "pronoun":
            if sp.kind == "person" and not sp.named:
                holder = role_holder(self.ctx, self.ctx.text[sp.start : sp.end], sp.start)
                if holder is not None:
                    return holder, "person", True
            return sp.text, sp.kind, sp.named
        want = PRONOUN_KINDS.get(sp.text, "person")
        if want == "person":
            found = named_before(self.ctx, self.top, sp.start, prefix_lo) if prefix_lo is not None else None
            if found is None:
                found = nearest_person(self.ctx, sp.start, self.spoken, self.mentions, own_sentence=own_sentence)
            if found is not None:
                return found, "person", self.named.get(found, True)
        if want in self.last:
            return self.last[want]
        if want == "group" and "organisation" in self.last:
            return self.last["organisation"]
        return "", "", False

    def resolve(self, sp: Speaker, prefix_lo: int | None, *, own_sentence: bool = True) -> Resolved:
        """Resolve a mention and remember its speaker, description and origin."""
        name, kind, named = self.name(sp, prefix_lo, own_sentence=own_sentence)
        if not name:
            return UNRESOLVED
        affs = self.affs
        aff = sp.affiliation if sp.kind != "pronoun" else ""
        if not aff and name not in affs:
            aff = self.ctx.names.titles.get(name, "")
        if aff and name in affs and len(affs[name][0]) >= len(aff):
            aff = ""
        mention = self.ctx.text[sp.start : sp.end] if sp.kind != "pronoun" else ""
        if aff or name not in affs:
            origin = speaker_origin(self.ctx.story, name, mention, aff)
            if origin == UNKNOWN and name in affs:
                origin = affs[name][1]
            affs[name] = (aff or affs.get(name, ("", ""))[0], origin)
        aff, origin = affs[name]
        self.last[kind] = (name, kind, named)
        self.named[name] = self.named.get(name, False) or named
        if kind == "person":
            bisect.insort(self.spoken, (sp.start, len(self.spoken), name))  # text order, for bisection
        return Resolved(name, kind, aff, origin, sp.start, sp.end, self.named[name])


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
            before = p.start < p.end <= p.cue.start and not opens_subordinate(ctx.text[p.start : p.end])
            out.paraphrases[i] = resolver.resolve(p.speaker, None, own_sentence=not before)
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
