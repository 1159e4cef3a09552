"""Step 4: attributed paraphrase, reported content without quotation marks.

Every cue outside quotes is a candidate: the reporting verbs and phrases of the
lexicon, and the words the model learned from annotated news ("endorsed",
"seemed"). Its speaker is the subject the speaker rules find (before the cue,
after it, or the subject of the clause before ", saying"). Failing those, the
noun phrase right before a verb cue ("the new data shows") is a
fallback speaker that the model weighs as such; a cue with no speaker at all,
or a passive cue ("the idea was adopted"), gives nothing. The shipped model
(:mod:`framing.attribution.paraphrase_model`, trained on PolNeAR) then decides
whether the cue introduces reported content here ("China maintains a position"
does not) and which candidate span is that content, so that the content stops
at the end of the reported clause ("While X announced A, the leader will ..."
reports only A). A topic, wish or act after a clause-only cue ("commenting on X", "hopes to", "signed")
and a plan ("announced plans to") are no content (:func:`framing.attribution.reported.reported_candidates`).
A cue of the lexicon that introduces no content still records
its speaker mention (an empty run), so a later "he" can resolve to it.
Exact patterns are decided by rule beside the model
(:mod:`framing.attribution.paraphrase_rules`, :mod:`framing.attribution.naming`):
"CONTENT, a diplomat admitted.", "In X's telling, ...", "A, officials stress,
B", "Name: ..." paragraphs, and what a subject calls or regards something as.

Example:
    >>> t = "Analysts said that Moscow needs allies."
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> [(t[p.start:p.end], p.speaker.text) for p in find_paraphrases(ctx, [], [])]
    [('Moscow needs allies', 'Analysts')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from framing.attribution.context import Context, sentence_end
from framing.attribution.cues import Cue, CueMatch
from framing.attribution.direct import Attribution
from framing.attribution.fallback import fallback_speaker
from framing.attribution.marks import RawQuote
from framing.attribution.naming import naming_paraphrases
from framing.attribution.paraphrase_features import (
    Candidate,
    CueInfo,
    Tokens,
    content_features,
    cue_features,
    span_candidates,
    speaker_shape,
)
from framing.attribution.paraphrase_mixed import subject_quotes
from framing.attribution.paraphrase_model import ParaphraseModel, paraphrase_model
from framing.attribution.paraphrase_pieces import (
    after_adverbial,
    continuation,
    named_subject_quote,
    next_act,
    past_adjunct,
    setting_tail,
    words_outside,
)
from framing.attribution.paraphrase_ranking import best_candidate
from framing.attribution.paraphrase_rules import (
    colon_heads,
    interrupting,
    quote_with_attribution,
    telling_content,
    trailing_content,
)
from framing.attribution.paraphrase_speaker import modifier_speaker, passive_cue, verb_subject
from framing.attribution.paraphrase_split import interrupted_pieces
from framing.attribution.paraphrase_subjects import (
    bracketed_subject,
    coordinated_subject,
    possessor,
    quantified_away,
    quote_in_subject,
    shared_subject,
)
from framing.attribution.reported import action_cue, reported_candidates
from framing.attribution.speakers import Speaker
from framing.attribution.subjects import subject_after


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
    attributed: frozenset[int] = frozenset()  # starts of the quotes with a speaker or cue

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.top[i].start <= pos < self.top[i].end

    def last_starting_at_or_before(self, pos: int) -> RawQuote | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.top[i] if i >= 0 else None


@dataclass(frozen=True)
class CueCandidate:
    """A cue with its speaker, in the tokens of its sentence.

    Attributes:
        cue: The cue.
        speaker: Its speaker mention.
        tokens: The tokens of its sentence.
        ci: First token of the cue.
        cj: Token after the cue.
        sp_lo: First token of the speaker mention (-1 if outside the sentence).
        sp_hi: Token after it.
        info: What the features need to know besides the tokens.
        mention: Whether the cue records its speaker mention when it has no content.
    """

    cue: CueMatch
    speaker: Speaker
    tokens: Tokens
    ci: int
    cj: int
    sp_lo: int
    sp_hi: int
    info: CueInfo
    mention: bool


#: After "that", words showing it is a pronoun, not a complementizer ("said that was wrong").
_VERB_AFTER_THAT = frozenset("is was 's would will has had could can does did might may should must".split())
_WORD_RE = re.compile(r"(?<![\w\-])[A-Za-z]+(?![\w\-])")


def _tense(word: str) -> str:
    w = word.lower()
    return "ing" if w.endswith("ing") else "past" if w.endswith("ed") else "s" if w.endswith("s") else "base"


def _all_cues(ctx: Context, quotes: _Quotes, model: ParaphraseModel) -> list[CueMatch]:
    """The lexicon's cues and the model's learned cue words outside quotes, in text order."""
    lexical = [c for c in ctx.cues.cues if not quotes.covers(c.start)]
    out = list(lexical)
    if model.cue_words:
        ends = [c.end for c in ctx.cues.cues]
        for m in _WORD_RE.finditer(ctx.text):
            w = m.group(0)
            if w.lower() not in model.cue_words or quotes.covers(m.start()):
                continue
            i = bisect.bisect_right(ends, m.start())  # the first lexicon cue ending after this word starts
            if i < len(ctx.cues.cues) and ctx.cues.cues[i].start < m.end():
                continue
            out.append(CueMatch(m.start(), m.end(), w, w.lower(), Cue(w.lower(), _tense(w), "learned", True)))
    out.sort(key=lambda c: c.start)
    return out


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


def _speaker(ctx: Context, quotes: _Quotes, cue: CueMatch, s_start: int, s_end: int) -> tuple[Speaker, bool] | None:
    """The speaker of a cue and whether it follows the cue."""
    if cue.value.kind in ("source", "document"):
        sp = subject_after(ctx, cue, s_end)
        return (sp, True) if sp is not None else None
    lo = s_start
    q = quotes.last_starting_at_or_before(cue.start)
    if q is not None and q.end <= cue.start and q.end > lo and not (
            q.start not in quotes.attributed and quote_in_subject(ctx.text, q, s_start)):
        lo = q.end
    return verb_subject(ctx, lo, cue, s_start, s_end)



def _token_after(tk: Tokens, pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    return bisect.bisect_left(tk.starts, pos)


def cue_candidates(
    ctx: Context,
    top: list[RawQuote],
    attributions: list[Attribution],
    *,
    model: ParaphraseModel | None = None,
) -> list[CueCandidate]:
    """Every cue outside quotes that has a speaker, with its sentence tokens, in text order.

    ``model`` (default: the shipped one) gives the learned cue words.

    Example:
        >>> t = "Lee said ties grew."
        >>> [(c.cue.text, c.speaker.text, c.info.speaker) for c in cue_candidates(Context.of(t, [(0, 19)]), [], [])]
        [('said', 'Lee', 'before')]
    """
    model = model or paraphrase_model()
    said = frozenset(q.start for q, (sp, c) in zip(top, attributions, strict=True) if sp is not None or c is not None)
    quotes = _Quotes(top, [q.start for q in top], said)
    used = {c.start for _, c in attributions if c is not None}
    # cues with their speakers, in text order: a coordinated cue with none shares the last one's
    earlier = sorted(((c.start, c.end, sp) for sp, c in attributions if sp is not None and c is not None),
                     key=lambda x: x[:2])
    sentences: dict[tuple[int, int], Tokens] = {}
    out = []
    for cue in _all_cues(ctx, quotes, model):
        s_start, s_end = _sentence_bounds(ctx, quotes, cue)
        found = _speaker(ctx, quotes, cue, s_start, s_end)
        shared = owned = False
        if found is None and cue.start not in used and not (cue.value.kind == "learned" and action_cue(cue.text)):
            found = shared_subject(ctx.text, earlier, cue, s_start) or coordinated_subject(ctx, s_start, cue)
            # not "X met Y and signed a treaty"; "X toured a plant and said ..." shares the sentence's subject
            shared = found is not None
            if found is None:
                found = possessor(ctx, cue, s_start)
                owned = found is not None
        if found is None:
            found = bracketed_subject(ctx, s_start, cue)  # "Rep. Lee (D-Mass.) said"
        fallback = False
        if found is not None and not found[1] and modifier_speaker(ctx.text, found[0], cue):
            continue  # a modifier of a noun cue ("his starkest warning"); "according to police" names its source
        nobody = found is not None and quantified_away(ctx.text, found[0], s_start)
        if found is not None and not found[1] and (passive_cue(ctx.text, cue) or nobody):
            continue  # "the idea was adopted", "No one in Paris would call": the subject reports nothing
        if found is None:
            q = quotes.last_starting_at_or_before(cue.start)
            lo = q.end if q is not None and s_start < q.end <= cue.start else s_start
            found = fallback_speaker(ctx, lo, cue, s_end)
            if found is None:
                continue
            fallback = True
        sp, inverted = found
        tk = sentences.get((s_start, s_end))
        if tk is None:
            tk = sentences[(s_start, s_end)] = Tokens.of(ctx.text, s_start, s_end)
        ci, cj = _token_after(tk, cue.start), _token_after(tk, cue.end)
        if ci >= cj:
            continue
        inside = s_start <= sp.start and sp.end <= s_end
        sp_lo, sp_hi = (_token_after(tk, sp.start), _token_after(tk, sp.end)) if inside else (-1, -1)
        v = cue.value
        lexical = "learned" if v.kind == "learned" else f"{v.kind}/{v.tense}/{'y' if v.paraphrase else 'n'}"
        words = ctx.text[sp.start : sp.end].split()
        if sp.affiliation and ctx.text[sp.end : cue.start].strip().startswith(sp.affiliation):
            words += sp.affiliation.split()  # "Officials in Beijing and Moscow": the phrase before the cue is the shape
        shape = f"{speaker_shape(words[-1]) if words else '-'}{min(len(words), 3)}"
        kind = "phrase" if fallback else "shared" if shared else "possessor" if owned else sp.kind
        info = CueInfo(lexical, "after" if inverted else "before", kind, cue.start in used, shape)
        mention = (v.paraphrase and v.kind != "learned" or v.kind == "source") and cue.start not in used
        mention = mention and not (fallback or shared or owned)
        out.append(CueCandidate(cue, sp, tk, ci, cj, sp_lo, sp_hi, info, mention))
        if not fallback and not (v.kind == "learned" and action_cue(cue.text)):  # "X went to Y and signed ..."
            bisect.insort(earlier, (cue.start, cue.end, sp), key=lambda x: x[0])
    return out


@dataclass(frozen=True)
class Reading:
    """What the model reads for a cue: the probability that it reports content, and that content."""

    probability: float
    start: int
    end: int


def inside_quotes(top: list[RawQuote]) -> Callable[[int], bool]:
    """Whether a position lies inside one of the top-level quotes.

    Example:
        >>> inside_quotes([RawQuote(3, 9)])(4), inside_quotes([RawQuote(3, 9)])(9)
        (True, False)
    """
    return _Quotes(top, [q.start for q in top]).covers


def best_content(
    cand: CueCandidate, model: ParaphraseModel, covers: Callable[[int], bool], *, prune: bool = False,
    clauses: bool = True,
) -> tuple[list[str], int, int] | None:
    """The best content of a cue (character span) with the features of the cue decision, or None.

    The span scorer picks the content among the candidates; content needs two
    words outside quotation marks (``covers``: whether a position lies inside a
    quote), or a subject before a quoted predicate ('says Kasich "has a record"').
    With ``prune``, a cue that cannot reach the model's threshold
    whatever its content gives None at once. With ``clauses``, a learned cue of
    action reports only a clause (:mod:`framing.attribution.reported`).

    Example:
        >>> t = "Lee said that ties grew."
        >>> (c,) = cue_candidates(Context.of(t, [(0, len(t))]), [], [])
        >>> _, s, e = best_content(c, paraphrase_model(), lambda pos: False)
        >>> t[s:e]
        'ties grew'
    """
    tk = cand.tokens
    lead = cand.sp_lo if 0 <= cand.sp_lo < cand.ci else cand.ci
    if tk.word(lead - 1) == "as":
        return None  # "The ties, as Lavrov said, are strong": a parenthetical, no reported content
    cue_feats = cue_features(tk, cand.ci, cand.cj, cand.info)
    if prune and model.cue.score(cue_feats) + model.content_bound < model.logit_threshold:
        return None  # no content could lift this cue to the threshold
    cands = span_candidates(tk, cand.ci, cand.cj, cand.sp_lo, cand.sp_hi)
    if cand.info.speaker == "after" and tk.word(cand.sp_hi) == "," and any(c.end <= cand.ci for c in cands):
        # "A, said Lee, a historian.": the appositive after the speaker reports nothing
        cands = [c for c in cands if c.start < cand.sp_hi]
    cands = reported_candidates(tk, cands, cand.cue.text, cand.cj, learned=cand.info.lexical == "learned",
                                clauses=clauses)  # not "imposed | sanctions", "commenting | on tensions abroad"
    if not cands:
        return None
    best = best_candidate(tk, cand.ci, cand.cj, cands, cand.info, model.span.total)
    if best.direction == "after":
        start = past_adjunct(tk, best.start, best.end)  # not "in its report ... that"
        # not "would order A | and warned ...", not "A | in a statement on Thursday"
        best = Candidate(start, setting_tail(tk, start, next_act(tk, start, best.end)), "after")
    s, e = tk.trimmed(best.start, best.end)
    if tk.low[s] == "that" and e > s + 2 and tk.low[s + 1] not in _VERB_AFTER_THAT:
        s += 1  # the complementizer is not content ("said that ties grew"; "said that was wrong" keeps it)
    outside = words_outside(tk, s, e, covers)
    mixed = outside == 1 and best.direction == "after" and named_subject_quote(tk, s, e, covers, cand.cue.value.lemma)
    if (outside < 2 and not mixed) or quote_with_attribution(tk, s, e, covers):
        return None
    feats = cue_feats + content_features(tk, cand.cj, best, outside)
    return feats, tk.starts[s], tk.ends[e - 1]


def read_cue(
    cand: CueCandidate, model: ParaphraseModel, covers: Callable[[int], bool], *, prune: bool = False,
    clauses: bool = True,
) -> Reading | None:
    """The best content of a cue and the probability that the cue reports it (None: no content to read).

    ``prune``: skip the span search for cues that cannot reach the threshold (None for them);
    ``clauses``: see :func:`best_content`.

    Example:
        >>> t = "Putin traditionally maintains a position of neutrality."
        >>> (c,) = cue_candidates(Context.of(t, [(0, len(t))]), [], [])
        >>> read_cue(c, paraphrase_model(), lambda pos: False).probability < paraphrase_model().threshold
        True
    """
    sp = (cand.sp_lo, cand.sp_hi)
    trail = trailing_content(cand.tokens, cand.ci, cand.cj, sp, info=cand.info, cue=cand.cue.value, covers=covers)
    trail = trail or telling_content(cand.tokens, cand.ci, cand.cj, sp)
    if trail is not None:
        return Reading(1.0, *trail)
    found = best_content(cand, model, covers, prune=prune, clauses=clauses)
    if found is None:
        return None
    feats, start, end = found
    return Reading(model.cue_probability(feats), start, end)


def second_piece(cand: CueCandidate, r: Reading, covers: Callable[[int], bool]) -> tuple[int, int] | None:
    """The rest of a report read before its cue, after the attribution ("A, X said, B"), or None.

    See :mod:`framing.attribution.paraphrase_pieces`.

    Example:
        >>> t = "The museum, Obama said, would make visitors face hard truths."
        >>> (c,) = cue_candidates(Context.of(t, [(0, len(t))]), [], [])
        >>> s, e = second_piece(c, Reading(1.0, 0, 10), lambda pos: False)
        >>> t[s:e]
        'would make visitors face hard truths'
    """
    if r.end > cand.cue.start:
        return None
    tk = cand.tokens
    after = max(cand.cj, cand.sp_hi) if cand.sp_lo >= 0 else cand.cj
    return continuation(tk, after, _token_after(tk, r.end), covers)


def past_adverbial(cand: CueCandidate, r: Reading, covers: Callable[[int], bool]) -> tuple[int, int] | None:
    """The clause of "ADVERBIAL, X said, CLAUSE" when the reading is the adverbial before the attribution, or None.

    PolNeAR annotates the adverbial and the clause as two pieces of one content; so does the extractor.

    See :func:`framing.attribution.paraphrase_pieces.after_adverbial`.

    Example:
        >>> t = "At one point, she said, she was considering a run."
        >>> (c,) = [c for c in cue_candidates(Context.of(t, [(0, len(t))]), [], []) if c.cue.text == "said"]
        >>> s, e = past_adverbial(c, Reading(1.0, 0, 12), lambda pos: False)
        >>> t[s:e]
        'she was considering a run'
    """
    if r.end > cand.cue.start or cand.info.speaker != "before":
        return None  # not "If A, said Lee, a historian, ...": the appositive reports nothing
    tk = cand.tokens
    after = max(cand.cj, cand.sp_hi) if cand.sp_lo >= 0 else cand.cj
    return after_adverbial(tk, (_token_after(tk, r.start), _token_after(tk, r.end)), after, covers)


def _acts(cand: CueCandidate, model: ParaphraseModel, covers: Callable[[int], bool]) -> bool:
    """Whether a learned cue of action would report its object: it records its speaker mention instead."""
    if cand.info.lexical != "learned" or not action_cue(cand.cue.text):
        return False
    r = read_cue(cand, model, covers, prune=True, clauses=False)
    return r is not None and r.probability >= model.threshold


def _split(cand: CueCandidate, covers: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The pieces of "A, X said, B" for a lexicon cue of speech, writing or belief (see :mod:`.paraphrase_split`)."""
    v = cand.cue.value
    if not v.paraphrase or v.kind not in ("speech", "writing", "belief") or cand.info.speaker != "before":
        return []
    if cand.info.speaker_kind == "phrase" or cand.sp_lo < 0:
        return []
    return interrupted_pieces(cand.tokens, cand.ci, cand.cj, (cand.sp_lo, cand.sp_hi), covers)


def rule_paraphrases(
    ctx: Context, covers: Callable[[int], bool], taken: set[int]
) -> list[tuple[int, int, Speaker, CueMatch]]:
    """Paraphrases of exact patterns outside the cue model: "Name: ..." paragraphs, naming verbs, "A, X stress, B".

    ``taken``: the cue offsets of the model's paraphrases; a naming verb that is one of them adds nothing.

    Example:
        >>> t = "Washington regards New Delhi as a vital partner."
        >>> [t[a:b] for a, b, _, _ in rule_paraphrases(Context.of(t, [(0, len(t))]), lambda pos: False, set())]
        ['a vital partner']
    """
    named = [r for r in naming_paraphrases(ctx) if r[3].start not in taken and not covers(r[0])]
    cut = [r for r in interrupting(ctx) if not covers(r[0])]
    return colon_heads(ctx, covers) + named + cut


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
    model = paraphrase_model()
    covers = inside_quotes(top)
    out: list[Paraphrase] = []
    for cand in cue_candidates(ctx, top, attributions, model=model):
        split = _split(cand, covers)
        if split:
            out += [Paraphrase(a, b, cand.speaker, cand.cue) for a, b in split]
            continue
        r = read_cue(cand, model, covers, prune=True)
        if r is not None and r.probability >= model.threshold:
            out.append(Paraphrase(r.start, r.end, cand.speaker, cand.cue))
            rest = second_piece(cand, r, covers) or past_adverbial(cand, r, covers)  # "Too often, X said, A"
            if rest is not None:
                out.append(Paraphrase(*rest, cand.speaker, cand.cue))
        elif cand.mention or _acts(cand, model, covers):
            out.append(Paraphrase(cand.cue.start, cand.cue.start, cand.speaker, cand.cue))  # for a later "he"
    taken = {p.cue.start for p in out if p.start < p.end}
    heads = [Paraphrase(a, b, sp, cue) for a, b, sp, cue in rule_paraphrases(ctx, covers, taken)]
    spans = [(p.start, p.end) for p in out + heads if p.start < p.end]
    heads += [Paraphrase(a, b, sp, cue) for a, b, sp, cue in subject_quotes(ctx, top, attributions)
              if not any(min(b, y) > max(a, x) for x, y in spans)]  # 'Lee "has a record," X said'
    if heads:
        out = sorted(out + heads, key=lambda p: p.cue.start)
    return out


__all__ = [
    "CueCandidate", "Paraphrase", "Reading", "best_content", "cue_candidates", "find_paraphrases", "inside_quotes",
    "past_adverbial", "read_cue", "rule_paraphrases", "second_piece",
]
