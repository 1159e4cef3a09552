"""Content boundaries beside the span model: the second piece of "A, X said, B", and "said in X that B".

When the model reads a cue's content before it ("The museum, Mr. Obama said,
..."), the sentence may go on after the attribution with the rest of the same
report: a predicate ("... said, would make visitors face hard truths"), a
"that" clause ("... noted, that the most-visited page was ...") or a
coordinated clause ("... the agency said in a June report, and those in the
bottom fifth paid 0.8 percent"). That rest is a second content piece with the
same speaker (PolNeAR annotates such a content as two pieces). A participle
(", adding ..."), a subordinate clause (", as talks began") or an appositive
of the speaker (", a historian") is not.

A content the model starts at an adjunct of the cue ("said in its annual report
last year that ...") starts after the "that" instead (:func:`past_adjunct`).

Example:
    >>> t = "The museum, Mr. Obama said, would make visitors face hard truths."
    >>> tk = Tokens.of(t, 0, len(t))
    >>> said = tk.low.index("said")
    >>> s, e = continuation(tk, said + 1, 2, lambda pos: False)
    >>> t[s:e]
    'would make visitors face hard truths'
"""

from __future__ import annotations

from collections.abc import Callable

from framing.attribution.paraphrase_features import Tokens
from framing.attribution.words import AUXILIARIES, MODALS

#: Words that may open the rest of the report after the attribution.
_OPENERS = frozenset({"that", "and", "but", "or", "then", "not"}) | MODALS | (
    AUXILIARIES & frozenset("is was were are has have had does did do".split())
)
#: How many tokens an adjunct of the attribution may take before its comma ("said in a June report,").
_MAX_ADJUNCT = 8


def continuation(
    tk: Tokens, attribution_end: int, content_end: int, covers: Callable[[int], bool]
) -> tuple[int, int] | None:
    """``(start, end)`` characters of the rest of a report after its attribution, or None.

    Args:
        tk: The sentence's tokens.
        attribution_end: Token after the cue and its speaker.
        content_end: Token after the first piece (before the attribution).
        covers: Whether a position lies inside a quotation.

    Example:
        >>> t = "Ties are deep, Lee said, adding that trade grew."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> continuation(tk, tk.low.index("said") + 1, 3, lambda pos: False) is None
        True
    """
    if tk.word(content_end) != ",":
        return None
    k = attribution_end
    while k < min(attribution_end + _MAX_ADJUNCT, tk.last) and tk.low[k] != ",":
        if tk.low[k] in ("—", "–", ":", ";", "(", ")"):
            return None
        k += 1
    if k >= tk.last or tk.low[k] != ",":
        return None
    s = k + 1
    if s >= tk.last or tk.low[s] not in _OPENERS:
        return None
    outside = sum(1 for j in range(s, tk.last) if tk.shape[j] != "P" and not covers(tk.starts[j]))
    if outside < 3:
        return None
    return tk.starts[s], tk.ends[tk.last - 1]


#: Prepositions that open an adjunct of the cue, not its content ("said in its annual report last year that").
_ADJUNCT_OPENERS = frozenset("in on at during from to after before over through with via".split())


def past_adjunct(tk: Tokens, s: int, e: int) -> int:
    """Where content ``[s, e)`` starts once an adjunct of the cue before "that" is skipped (``s`` if none).

    "said in its annual report last year that it was monitoring ...": the content
    is what follows "that". The adjunct opens with a preposition and holds no
    punctuation; "that" must leave at least two words of content.

    Example:
        >>> t = "The agency said in its annual report last year that it was monitoring the drills."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> s = past_adjunct(tk, tk.low.index("in"), tk.last)
        >>> tk.text_of(t, s, tk.last)
        'it was monitoring the drills'
    """
    if s >= e or tk.low[s] not in _ADJUNCT_OPENERS:
        return s
    for k in range(s + 1, min(e - 2, s + 12)):
        if tk.shape[k] == "P":
            return s
        if tk.low[k] == "that":
            return k + 1
    return s


def next_act(tk: Tokens, s: int, e: int) -> int:
    """Where content ``[s, e)`` after its cue ends: before the speaker's next act (``e`` if none).

    A past-tense verb after "and" that follows a modal of the content ("said he
    would order a review and warned against hackers") is the speaker's next
    act: the tense shift ends the reported clause.

    Example:
        >>> t = "He said he would order a review and warned against hackers."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> tk.text_of(t, 2, next_act(tk, 2, tk.last))
        'he would order a review'
    """
    for k in range(s + 2, e - 1):
        w = tk.low[k + 1]
        if tk.low[k] == "and" and tk.shape[k + 1] == "low" and len(w) > 4 and w.endswith("ed") and any(
                tk.low[j] in MODALS for j in range(s, k)):  # "would order a review and warned against ..."
            return k
    return e


__all__ = ["continuation", "next_act", "past_adjunct"]
