"""What a learned cue word of action may report: a clause, not an object, an infinitive or an adjunct.

The model's learned cue words (``framing/models/paraphrase.json``) are words
that introduced indirect speech in PolNeAR but are not rows of the
reporting-verb lexicon. The lexicon's header lists those of saying, judging
and thinking (``learned_speech``: "endorsed", "blamed", "cited"); their
noun-phrase object is what the source says or thinks, as for the lexicon's own
verbs. Every other learned word is a verb of action, perception or state
("imposed", "declined", "seen", "published": :func:`action_cue`). After such a
cue only *reported content* counts: a that/whether/wh-clause, a finite clause,
or a quotation. A bare noun-phrase object ("imposed | some of the harshest
sanctions"), an infinitive ("declined | to attend") or an adjunct ("seen |
strategic benefits, in the context of ...") is the outlet's own narration of
what the subject did, and so is a clause before the cue ("On Thursday, Xinhua
published ...").

A finite clause is recognised without a tagger: within its first
:data:`FINITE_REACH` tokens, before a punctuation mark, a finite auxiliary or
modal ("would", "has", "was") or a past-tense form ("-ed") that does not follow
a determiner, preposition or adverb ("the Kremlin rejected", not "the limited"),
before any relative, clause word, "to" or "-ing" form ("figures showing that
exports had fallen" is an object, not a clause).

Example:
    >>> from framing.attribution.paraphrase_features import Tokens
    >>> t = "China has seen strategic benefits, and analysts noted that ties grew."
    >>> tk = Tokens.of(t, 0, len(t))
    >>> reported_content(tk, 3, 4), reported_content(tk, 10, 11)
    (False, True)
"""

from __future__ import annotations

from functools import lru_cache

from framing.attribution.paraphrase_features import CLAUSE_WORDS, Candidate, Tokens
from framing.lexicons import load_lexicon

#: Words that open a reported clause: complementizers and wh-words.
CLAUSE_OPENERS = frozenset("that whether if how why what who whom when where which".split())
#: Finite auxiliaries and modals: a clause's verb.
FINITE = frozenset(
    "is are was were am has have had will would can could may might shall should must does did do "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't doesn't didn't "
    "don't".split()
)
#: Words after which an "-ed" form is an adjective or participle, not a finite verb.
_NOT_BEFORE_VERB = frozenset(
    "a an the his her their its our my your this these those some any no every each of for on at in from with by "
    "to about against into than more most very".split()
)
#: Opening quotation marks: quoted content.
_OPEN_QUOTES = frozenset("“«\"'‘")
#: Words a subject does not run across: its verb comes before them.
_NOT_SUBJECT = CLAUSE_OPENERS | CLAUSE_WORDS | {"to"}
#: Object pronouns that may stand between a cue and its clause ("reminded them that").
_OBJECTS = frozenset("him her them us me you".split())
#: How many tokens into a content its finite verb must come.
FINITE_REACH = 8


@lru_cache(maxsize=1)
def _learned_speech() -> frozenset[str]:
    return frozenset(load_lexicon("reporting_verbs").meta.get("learned_speech", "").split())


def action_cue(word: str) -> bool:
    """Whether a learned cue word is of the action class (not in the lexicon's ``learned_speech``).

    Example:
        >>> action_cue("Imposed"), action_cue("endorsed")
        (True, False)
    """
    return word.lower() not in _learned_speech()


def _participle(tk: Tokens, k: int) -> bool:
    """Whether token ``k`` is an "-ing" form (lower-case: "Beijing" is a name)."""
    return tk.shape[k] == "low" and len(tk.low[k]) > 5 and tk.low[k].endswith("ing")


def _finite(tk: Tokens, s: int, e: int) -> bool:
    """Whether tokens ``[s, e)`` open with a finite clause (see the module docstring)."""
    for k in range(s, min(e, s + FINITE_REACH)):
        w = tk.low[k]
        if k > s and (tk.shape[k] == "P" and w not in ("'", "’") or w in _NOT_SUBJECT or _participle(tk, k)):
            return False  # a verb past a comma, relative or participle is not this clause's ("figures showing")
        if w in FINITE and k > s:
            return True
        prev = tk.low[k - 1]
        if k > s and len(w) > 4 and w.endswith("ed") and prev not in _NOT_BEFORE_VERB and not prev.endswith("ly"):
            return True
    return False


def reported_content(tk: Tokens, s: int, e: int) -> bool:
    """Whether tokens ``[s, e)`` after a cue are reported content: a clause or a quotation.

    The token before ``s`` counts as an opener too ("noted that | ties grew").

    Example:
        >>> from framing.attribution.paraphrase_features import Tokens
        >>> t = "Western countries declined to attend."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> reported_content(tk, 3, 5)
        False
    """
    if s >= e:
        return False
    w = tk.low[s]
    if w in CLAUSE_OPENERS or w in _OPEN_QUOTES or (s > 0 and tk.low[s - 1] in CLAUSE_OPENERS):
        return w != "to"
    if w == "to" or w in CLAUSE_WORDS:
        return False  # an infinitive, or a new clause of the outlet's ("while Russia does not ...")
    return _finite(tk, s, e)


def learned_content(tk: Tokens, c: Candidate, cj: int) -> bool:
    """Whether candidate ``c`` of a learned cue of action ending before token ``cj`` is reported content.

    After the cue, the content must be a clause (:func:`reported_content`) that
    starts right after the cue, or after its opener ("that"), or after an
    object that is a name or pronoun ("reminded Congress that"), never after a
    noun object or a comma ("imposed sanctions, some of which have ...").
    Nothing before such a cue is its content ("On Thursday, Xinhua published
    ...", "Though he has given $60 million, ... established").

    Example:
        >>> t = "Brussels imposed sanctions, some of which have no precedent."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> learned_content(tk, Candidate(4, 10, "after"), 2), learned_content(tk, Candidate(0, 1, "before"), 2)
        (False, False)
    """
    if c.direction == "before":
        return False
    if not reported_content(tk, c.start, c.end):
        return False
    k = c.start - 1 if c.start > cj and tk.low[c.start - 1] in CLAUSE_OPENERS else c.start
    return all(tk.low[i] in _OBJECTS or tk.shape[i] in ("Cap", "CAPS") for i in range(cj, k))


__all__ = ["CLAUSE_OPENERS", "FINITE", "FINITE_REACH", "action_cue", "learned_content", "reported_content"]
