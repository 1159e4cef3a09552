"""Content boundaries beside the span model: the second piece of "A, X said, B", and "said in X that B".

When the model reads a cue's content before it ("The museum, Mr. Obama said,
..."), the sentence may go on after the attribution with the rest of the same
report: a predicate ("... said, would make visitors face hard truths"), a
"that" clause ("... noted, that the most-visited page was ...") or a
coordinated clause ("... the agency said in a June report, and those in the
bottom fifth paid 0.8 percent"). That rest is a second content piece with the
same speaker (PolNeAR annotates such a content as two pieces). A participle
(", adding ..."), a subordinate clause (", as talks began") or an appositive
of the speaker (", a historian") is not. After an introductory adverbial read
as the first piece ("Too often, Mr. Lee said, the debate is tribal"), any
clause that runs to the sentence end is that second piece (:func:`after_adverbial`).

A content the model starts at an adjunct of the cue ("said in its annual report
last year that ...") starts after the "that" instead (:func:`past_adjunct`), and
one it ends with the report's setting ("... in a statement on Thursday") ends
before it (:func:`setting_tail`).

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


def words_outside(tk: Tokens, s: int, e: int, covers: Callable[[int], bool]) -> int:
    """Word tokens of ``[s, e)`` outside quotation marks (``covers``: whether a position lies inside a quote).

    Example:
        >>> t = 'He said "ties grew" fast.'
        >>> words_outside(Tokens.of(t, 0, len(t)), 0, 7, lambda pos: 8 <= pos < 19)
        3
    """
    return sum(1 for j in range(s, e) if tk.shape[j] != "P" and not covers(tk.starts[j]))


def _after_comma(tk: Tokens, attribution_end: int) -> int | None:
    """The token after the comma that closes an attribution ("X said, ..."), within :data:`_MAX_ADJUNCT` tokens.

    None when a dash, colon, semicolon or parenthesis comes first, or no comma does.

    Example:
        >>> t = "Often, Lee said on Friday, talks fail."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> tk.low[_after_comma(tk, tk.low.index("said") + 1)]
        'talks'
    """
    k = attribution_end
    while k < min(attribution_end + _MAX_ADJUNCT, tk.last) and tk.low[k] != ",":
        if tk.low[k] in ("—", "–", ":", ";", "(", ")"):
            return None
        k += 1
    return k + 1 if k < tk.last and tk.low[k] == "," else None


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
    s = _after_comma(tk, attribution_end)
    if s is None:
        return None
    if s >= tk.last or tk.low[s] not in _OPENERS:
        return None
    if words_outside(tk, s, tk.last, covers) < 3:
        return None
    return tk.starts[s], tk.ends[tk.last - 1]


#: Words that open an introductory adverbial, not a subject ("Too often, X said, ...", "At one point, ...").
_LEAD_OPENERS = frozenset(
    "in on at after before during since until when while if although though because as like unlike despite for "
    "with without under over through among amid by from once too often still now then later earlier already "
    "again instead meanwhile ultimately finally eventually soon indeed perhaps".split()
)
#: Words that open no clause after the attribution: an adverbial or relative of its own.
_NOT_CLAUSE = _LEAD_OPENERS | frozenset("which who whom whose where according and but or so".split())


def after_adverbial(
    tk: Tokens, first: tuple[int, int], attribution_end: int, covers: Callable[[int], bool]
) -> tuple[int, int] | None:
    """``(start, end)`` characters of the clause after "ADVERBIAL, X said, CLAUSE", or None.

    When the piece read before a mid-sentence attribution only introduces the
    sentence ("Too often, Mr. Lee said, the debate is tribal"), what X says is
    the clause after the attribution, to the end of the sentence; the adverbial
    is the outlet's. ``first``: the tokens of the piece before the attribution.

    Example:
        >>> t = "Too often, Lee said, the debate is tribal."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> s, e = after_adverbial(tk, (0, 2), tk.low.index("said") + 1, lambda pos: False)
        >>> t[s:e]
        'the debate is tribal'
    """
    a, b = tk.trimmed(*first)
    if b <= a or tk.low[a] not in _LEAD_OPENERS or tk.word(b) != ",":
        return None
    s = _after_comma(tk, attribution_end)
    if s is None:
        return None
    if s >= tk.last or tk.low[s] in _NOT_CLAUSE or tk.low[s].endswith("ing") or tk.shape[s] == "P":
        return None  # ", adding ...", ", as talks began", ", according to ..."
    if words_outside(tk, s, tk.last, covers) < 3:
        return None
    return tk.starts[s], tk.ends[tk.last - 1]


#: Pronouns that are the subject of a reported clause ('said he "would be surprised"').
_SUBJECT_PRONOUNS = frozenset("he she they it we i you".split())
#: Verbs that name their object, not report a clause ('called Putin "my best friend"').
_NAMING = frozenset("call describe name dub label brand consider regard view".split())


def named_subject_quote(tk: Tokens, s: int, e: int, covers: Callable[[int], bool], lemma: str) -> bool:
    """Whether content ``[s, e)`` after a cue is a name and a quoted predicate ('says Kasich "has a record"').

    Its only word outside the quotation is the subject of the reported clause,
    a capitalised name or a subject pronoun, and the quotation follows it at once: the content is a
    paraphrase with a quoted part, as a longer one ('said that her family "came
    out ..."') is. A naming verb's object is no subject (``lemma``: the cue's).

    Example:
        >>> t = 'Lee says Kasich "has a record of bringing people together."'
        >>> tk = Tokens.of(t, 0, len(t))
        >>> named_subject_quote(tk, 2, tk.last, lambda pos: pos >= t.index('"'), "say")
        True
    """
    if lemma in _NAMING or e - s < 3 or covers(tk.starts[s]):
        return False
    if tk.shape[s] not in ("Cap", "CAPS") and tk.low[s] not in _SUBJECT_PRONOUNS:
        return False  # not 'the "relationship exceeds ..."': a quote with a determiner before it
    k = s + 1
    while k < e and tk.low[k] in ("’s", "'s"):
        k += 1  # "says Trump's "latest meltdown ...""
    return k < e and covers(tk.starts[k])


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


#: Prepositions that open the setting of the report at the end of a content ("in a statement", "on Twitter").
_SETTING_OPENERS = frozenset("in on at during via through".split())
#: Nouns naming where or how something was said: a phrase they head is the report's setting, not its content.
_SETTING_NOUNS = frozenset(
    "statement statements remarks interview interviews tweet tweets speech letter ruling op-ed post posts email "
    "emails conference briefing appearance hearing twitter facebook instagram television tv radio podcast "
    "memo filing testimony editorial column".split()
)
#: Words that may follow the setting noun ("in a statement on Thursday", "in a ruling released Thursday").
_SETTING_AFTER = frozenset("on with to at last next this earlier late released published posted".split())
#: Words a setting may take after its noun.
_MAX_SETTING_TAIL = 5
#: Prepositions that, before the setting noun, show it is not the head ("his crossover into television").
_NOT_BETWEEN = frozenset("in on at of into for from with by to through during".split())


def setting_tail(tk: Tokens, s: int, e: int) -> int:
    """Where content ``[s, e)`` ends once a closing phrase naming the report's setting is cut (``e`` if none).

    "attacked Machado in early-morning tweets", "urged more investment in a
    statement on Thursday": the medium of the report is not what was reported.
    The phrase opens with a preposition and reaches, within three plain words
    (no preposition, no gerund), a setting noun that heads it ("spending on
    television ads" is content); after the noun come at most five words,
    opening with a preposition or a time ("on Thursday", "released Thursday").

    Example:
        >>> t = "He urged more school investment in a statement on Thursday."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> tk.text_of(t, 2, setting_tail(tk, 2, tk.last))
        'more school investment'
    """
    for k in range(s + 1, e - 1):
        if tk.low[k] not in _SETTING_OPENERS or tk.shape[k - 1] == "P" or tk.low[k - 1] in ("either", "or", "and"):
            continue  # ", either through a speech or ...": a list, not the setting
        noun = next((j for j in range(k + 1, min(k + 5, e)) if tk.low[j] in _SETTING_NOUNS), None)
        if noun is None or e - noun - 1 > _MAX_SETTING_TAIL:
            continue
        between = range(k + 1, noun)
        if any(tk.shape[j] == "P" or tk.low[j] in _NOT_BETWEEN or (tk.low[j].endswith("ing") and "-" not in tk.low[j])
               for j in between):
            continue
        after = noun + 1
        if after < e and not (tk.low[after] in _SETTING_AFTER or tk.low[after].endswith("day")):
            continue
        if all(tk.shape[j] != "P" for j in range(after, e)):
            return k
    return e


__all__ = [
    "after_adverbial", "continuation", "named_subject_quote", "next_act", "past_adjunct", "setting_tail",
    "words_outside",
]
