"""A report split by its attribution: "A, X said, B" gives A and B, two pieces of one content.

When a sentence opens with a short piece, then a comma, the speaker, a
lexicon cue of speech and a comma ("Voters, Clinton suggested, don't have to
worry", "This campaign, he says, is different"), both sides of the
attribution are what the speaker said: PolNeAR annotates them as two pieces
of one content. The model reads at most one side, and the side before the cue
is often a single word (a subject, "Instead") that a content of its
own could not be. :func:`interrupted_pieces` reads both sides by rule: the
first piece from the sentence start to the comma, the second from the comma
that closes the attribution to the sentence end; a second piece with a quoted
predicate keeps the quote inside it ('is "doing better"'), as a mixed
paraphrase does. Left to the model: a second piece wholly in quotation marks
('That, the commission said, "would help."': the statement is the direct
quote's, recorded once), a time, a setting or a connective before the
attribution ("On Monday, he said, ...", "In a statement", "Still"), the
outlet's, and a participle or relative clause after it (", adding ...",
", who ...").

Example:
    >>> t = "Voters, Clinton suggested, need not worry about the banks."
    >>> tk = Tokens.of(t, 0, len(t))
    >>> ci = tk.low.index("suggested")
    >>> [t[a:b] for a, b in interrupted_pieces(tk, ci, ci + 1, (ci - 1, ci), lambda pos: False)]
    ['Voters', 'need not worry about the banks']
"""

from __future__ import annotations

from collections.abc import Callable

from framing.attribution.paraphrase_features import Tokens
from framing.attribution.paraphrase_pieces import words_outside
from framing.attribution.paraphrase_rules import quote_with_attribution
from framing.attribution.words import AUXILIARIES, DETERMINERS, TIME_WORDS

#: Words the first piece may have at most.
MAX_FIRST = 8
#: Tokens an adjunct of the cue may take before the closing comma ("said on Friday,").
MAX_ADJUNCT = 6
#: Words that show the first piece is a time, the setting of the report ("On Monday", "Last week").
_TIME = TIME_WORDS | frozenset(
    "today yesterday tonight morning afternoon evening night week weekend month year day time earlier later "
    "ago last recently now then days".split()
)
#: Nouns of the report's setting: "In a statement, X said" names where it was said, not what.
_SETTING = frozenset(
    "statement statements speech speeches interview interviews remarks post posts excerpt letter tweet tweets "
    "email emails memo op-ed column book testimony flight visit rally".split()
)
#: Verbs that show the first piece is a clause cut by the attribution ("It was, he said, ...").
_VERBS = frozenset("is was are were be been said says say has have had do does did".split())
#: Words that may stand between the comma and the speaker ("many economists", "Sen.").
_BEFORE_SPEAKER = DETERMINERS | frozenset("some most all both".split())
#: Openers of no second piece: a participle is tested apart (", adding ..."); these open an adverbial or relative.
_NOT_SECOND = frozenset(
    "which who whom whose where when while as according and but or so if because although though after before "
    "since until unless".split()
)
#: Openers of a subordinate clause: a first piece they open is one the speaker gives ("Unless X, he warned, Y").
_SUBORDINATE = frozenset("when while if unless after before since although though because until once".split())
#: Openers of no first piece: "as" ("As X said"), a relative clause, a connective of the outlet's own narration.
_NOT_FIRST = frozenset(
    "as which who whom whose where and or so yet but still however".split()
)
_QUOTES = frozenset("\"“”‘’'`")


def _first_piece(tk: Tokens, sp_lo: int) -> tuple[int, int] | None:
    """Tokens of the piece from the sentence start to the comma before the speaker, or None."""
    k = sp_lo - 1
    while k > 0 and sp_lo - k <= 2 and tk.low[k] in _BEFORE_SPEAKER:
        k -= 1
    if k < 1 or tk.low[k] != ",":
        return None
    s, e = tk.trimmed(0, k)
    if e <= s or e - s > MAX_FIRST + 3:
        return None
    span = range(s, e)
    if any(tk.low[j] in _QUOTES or (tk.shape[j] == "P" and tk.low[j] not in (".", "'s", "’s", "-")) for j in span):
        return None  # a quote, a list or a clause with its own punctuation: the model's
    words = [tk.low[j] for j in span if tk.shape[j] != "P"]
    if not words or len(words) > MAX_FIRST or words[0] in _NOT_FIRST:
        return None
    clause = words[0] in _SUBORDINATE  # "Unless the levee is raised": a clause of its own, verbs and all
    if any(w in _TIME or w in _SETTING or (w in _VERBS and not clause) for w in words):
        return None  # "On Monday", "In a statement": the setting; "It was": a cut clause
    if any(w[:1].isdigit() for w in words):
        return None  # "In 2012,": a time
    return s, e


def interrupted_pieces(
    tk: Tokens, ci: int, cj: int, sp: tuple[int, int], covers: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Character spans of the pieces around "A, X said, B" (A, then B if any), or [] if the cue is not so placed.

    ``ci``/``cj``: the cue's tokens; ``sp``: its speaker's tokens, before the
    cue (at most two auxiliaries between: "X has also said"); ``covers``:
    whether a position lies inside quotation marks.

    Example:
        >>> t = 'The port, the council said, is "busier than ever."'
        >>> tk = Tokens.of(t, 0, len(t))
        >>> ci = tk.low.index("said")
        >>> [t[a:b] for a, b in interrupted_pieces(tk, ci, ci + 1, (ci - 1, ci), lambda pos: pos >= t.index('"'))]
        ['The port', 'is "busier than ever']
    """
    sp_lo, sp_hi = sp
    if sp_lo < 2 or sp_hi > ci or any(w not in AUXILIARIES for w in tk.low[sp_hi:ci]) or ci - sp_hi > 2:
        return []
    first = _first_piece(tk, sp_lo)
    if first is None or covers(tk.starts[first[0]]):
        return []
    k = cj
    while k < min(cj + MAX_ADJUNCT, tk.last) and tk.low[k] != ",":
        if tk.shape[k] == "P" or tk.low[k] == "that":
            return []  # "said that ...", "said: ...": no interrupting attribution
        k += 1
    if k >= tk.last or tk.low[k] != ",":
        return []
    s = k + 1
    if s >= tk.last or tk.low[s] in _NOT_SECOND or (tk.low[s].endswith("ing") and tk.shape[s] == "low"):
        return []  # ", adding ...", ", who ...", ", according to ..."
    a, b = tk.trimmed(s, tk.last)
    lead = a + 1 if a < b and tk.low[a] == "that" else a  # 'that "..."' is the direct quote's
    if words_outside(tk, lead, b, covers) < 1 or quote_with_attribution(tk, a, b, covers):
        return []  # the rest is a direct quote: the statement is recorded once, as that quote
    # 'is "doing much better"': a quoted predicate with its verb outside is a paraphrase around the quote
    return [(tk.starts[first[0]], tk.ends[first[1] - 1]), (tk.starts[a], tk.ends[b - 1])]


__all__ = ["MAX_FIRST", "interrupted_pieces"]
