"""Who a pronoun or a role stands for: person mentions, the nearest named person, a role's named holder.

A pronoun speaker ("he said") stands for a person named earlier in its own
sentence before a quote (:func:`named_before`), else for the person of the
nearest sentence before it, up to two paragraphs back, that names one outside
quotes: the speaker resolved there, else the first person named there (the
subject, by news word order) (:func:`nearest_person`). A role ("China’s
foreign minister", "the Kremlin spokesman") stands for the person named
earlier with that title ("Chinese Foreign Minister Wang Yi") when the title's
words and place agree (:func:`role_holder`).

Example:
    >>> from framing.attribution.context import Context
    >>> t = "Ivanka Trump took the stage. Then she spoke. “We won,” she said."
    >>> ctx = Context.of(t, [(0, 28), (29, 44), (45, len(t))])
    >>> nearest_person(ctx, t.rindex("she"), [], person_mentions(ctx, []))
    'Ivanka Trump'
"""

from __future__ import annotations

import bisect
import re

from framing.attribution.context import Context
from framing.attribution.marks import RawQuote
from framing.attribution.names import NAME_RUN_RE
from framing.attribution.words import AUXILIARIES, DETERMINERS, FUNCTION_WORDS, base, speaker_words, word_kind

#: A run of capitalised words (a possible name mention).
_CAP_RUN_RE = re.compile(r"[A-Z][\w’'\-]*(?:[ \u00a0]+(?:(?:[A-Z]\.)+|[A-Z][\w’'\-]*))*")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")
#: How many paragraphs before a pronoun's own paragraph its antecedent may lie in.
PARAGRAPHS_BACK = 2


def _masked(ctx: Context, top: list[RawQuote], lo: int, hi: int) -> str:
    """``text[lo:hi]`` with the quotes blanked out (their words are no antecedents)."""
    pieces: list[str] = []
    pos = lo
    for t in top:
        if t.end <= pos or t.start >= hi:
            continue
        a, b = max(t.start, pos), min(t.end, hi)
        pieces += [ctx.text[pos:a], " " * (b - a)]
        pos = b
    pieces.append(ctx.text[pos:hi])
    return "".join(pieces)


def person_mentions(ctx: Context, top: list[RawQuote]) -> list[tuple[int, str]]:
    """``(offset, fullest name)`` of each mention of a person's name outside quotes, in text order.

    A mention is a run of capitalised words (leading titles, places and function
    words dropped) that is, or is the first or last word of, a name of two or
    more words in the article, or one word after a title ("President Obama").

    Example:
        >>> t = "Chen Jun spoke. Later Chen left Moscow."
        >>> person_mentions(Context.of(t, [(0, 15), (16, len(t))]), [])
        [(0, 'Chen Jun'), (22, 'Chen Jun')]
    """
    names = ctx.names
    words = speaker_words()
    out: list[tuple[int, str]] = []
    for m in _CAP_RUN_RE.finditer(_masked(ctx, top, 0, len(ctx.text))):
        parts = m.group(0).split()
        drop = 0
        while drop < len(parts) and (
            parts[drop].lower() in FUNCTION_WORDS
            or parts[drop].lower() in AUXILIARIES
            or words.get(parts[drop].lower().rstrip("."), "") in ("title", "group")
            or parts[drop].lower() in ctx.place_words
        ):
            drop += 1
        rest = [base(p) for p in parts[drop:]]
        if not rest:
            continue
        cand = " ".join(rest)
        full = names.fullest(cand) if len(rest) == 1 else cand
        titled = drop > 0 and words.get(parts[drop - 1].lower().rstrip("."), "") == "title"
        if full in names.counts or (titled and len(rest) == 1 and not word_kind(rest[0])):
            start = m.start() + len(" ".join(parts[:drop])) + (1 if drop else 0)
            out.append((start, full))  # "Chen Jun", "Chen" -> "Chen Jun", "President Obama" -> "Obama"
    return out


def _offset(item: tuple[int, str] | tuple[int, int, str]) -> int:
    return item[0]


def nearest_person(
    ctx: Context,
    at: int,
    spoken: list[tuple[int, int, str]],
    mentions: list[tuple[int, str]],
    *,
    own_sentence: bool = True,
) -> str | None:
    """The person of the nearest sentence before ``at`` that names one (see the module docstring).

    Both lists are in text order, so the nearest sentence that holds a speaker
    or a mention is found by bisection, not by walking back sentence by
    sentence (bounded cost, whatever the length of the document).

    Args:
        ctx: The document context.
        at: Offset of the pronoun.
        spoken: ``(offset, order, speaker)`` of the person speakers resolved so far, sorted by offset;
            ``order`` counts resolutions, and of two speakers in one sentence the later resolved wins.
        mentions: :func:`person_mentions` of the document (in text order).
        own_sentence: Whether the pronoun's own sentence before it may hold the
            antecedent (False for "CONTENT, he said": the content names others).

    Example:
        >>> t = "Ann Lee spoke. Bo Li came. Then he said no."
        >>> ctx = Context.of(t, [(0, 14), (15, 26), (27, len(t))])
        >>> nearest_person(ctx, t.index("he said"), [(0, 0, "Ann Lee")], person_mentions(ctx, []))
        'Bo Li'
    """
    si = bisect.bisect_right(ctx.sent_starts, at) - 1
    if si < 0:
        return None
    pi = bisect.bisect_right(ctx.para_starts, at) - 1
    floor = ctx.para_starts[max(pi - PARAGRAPHS_BACK, 0)] if ctx.para_starts else 0
    hi = at if own_sentence else ctx.sentences[si][0]
    # the last speaker or mention before ``hi`` marks the nearest sentence that names someone
    j = bisect.bisect_left(spoken, hi, key=_offset)
    m = bisect.bisect_left(mentions, hi, key=_offset)
    last = max(spoken[j - 1][0] if j else -1, mentions[m - 1][0] if m else -1)
    if last < floor:
        return None
    k = bisect.bisect_right(ctx.sent_starts, last) - 1
    if k < 0:
        return None  # before the first sentence: no sentence looked back on holds it
    lo = max(ctx.sentences[k][0], floor)
    said = spoken[bisect.bisect_left(spoken, lo, key=_offset) : j]
    if said:
        return max(said, key=lambda s: s[1])[2]
    return mentions[bisect.bisect_left(mentions, lo, key=_offset)][1]


def named_before(ctx: Context, top: list[RawQuote], at: int, prefix_lo: int) -> str | None:
    """The person named last in ``text[prefix_lo:at]`` outside quotes, if any.

    Example:
        >>> t = "As soon as Putin came to power, he said"
        >>> named_before(Context.of(t, [(0, len(t))]), [], t.index("he said"), 0)
        'Putin'
    """
    prefix = _masked(ctx, top, prefix_lo, at)
    found = sorted(
        list(NAME_RUN_RE.finditer(prefix)) + list(_CAPITALISED_RE.finditer(prefix)),
        key=lambda m: (m.start(), -m.end()),
        reverse=True,
    )
    names = ctx.names
    for m in found:
        cand = names.fullest(m.group(0))
        if cand in names.counts:
            return cand  # a name of the article first: "Marilyn Manson shared in a Twitter statement that he"
    for m in found:
        word = m.group(0).lower()
        before = prefix[: m.start()].split()[-1:]
        if (
            m.start() > 0
            and " " not in word
            and word not in FUNCTION_WORDS
            and word not in speaker_words()
            and word not in ctx.place_words
            and not (before and before[0].lower() in DETERMINERS)  # "a Twitter statement"
        ):
            return m.group(0)
    return None


def role_holder(ctx: Context, mention: str, at: int) -> str | None:
    """The person named before ``at`` with the title a role mention gives ("the foreign minister" -> "Wang Yi").

    Every title word of the role (speaker nouns of kind ``title``) must be in
    the person's pre-name title, and a place the role names must be the
    title's; the person named last before ``at`` wins.

    Example:
        >>> t = "Chinese Foreign Minister Wang Yi met Blinken. Later China’s foreign minister said more."
        >>> role_holder(Context.of(t, [(0, 45), (46, len(t))]), "China’s foreign minister", t.index(" said"))
        'Wang Yi'
    """
    words = [w for w in mention.split() if w.lower() not in DETERMINERS]
    titles = {w.lower().rstrip(".") for w in words if word_kind(w) == "title"}
    if not words or word_kind(words[-1]) != "title":
        return None
    origin = ctx.story.origin_of(mention)
    best: tuple[int, str] | None = None
    for name, title in ctx.names.titles.items():
        first = ctx.names.first.get(name, at)
        if first >= at:
            continue
        have = {w.lower().rstrip(".") for w in title.split()}
        if not titles <= have:
            continue
        if origin != "unknown" and ctx.story.origin_of(title) not in (origin, "unknown"):
            continue
        if best is None or first > best[0]:
            best = (first, name)
    return ctx.names.fullest(best[1]) if best else None


__all__ = ["PARAGRAPHS_BACK", "named_before", "nearest_person", "person_mentions", "role_holder"]
