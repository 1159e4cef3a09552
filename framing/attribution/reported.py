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


@lru_cache(maxsize=1)
def _clause_only() -> frozenset[str]:
    return frozenset(load_lexicon("reporting_verbs").meta.get("clause_only_forms", "").split())


def clause_only_cue(word: str) -> bool:
    """Whether a cue form reports only a clause: its object is a topic, wish or act (lexicon ``clause_only_forms``).

    Example:
        >>> clause_only_cue("Commenting"), clause_only_cue("hopes"), clause_only_cue("said")
        (True, True, False)
    """
    return word.lower() in _clause_only()


#: Prepositions that open the topic of a clause-only cue ("talked about how ...", "commented on whether ...").
_TOPIC_PREPOSITIONS = frozenset("about on upon of over regarding".split())
#: Words that may stand between a clause-only cue and its clause.
_LEADS = _TOPIC_PREPOSITIONS | CLAUSE_OPENERS | _OBJECTS
#: Words that may stand before a noun of intention ("its new plans").
_PLAN_DETERMINERS = frozenset("the its their his our a an new fresh further".split())
#: Forms of "tell", whose first object is the addressee.
_TELL = frozenset("tell tells told telling".split())
#: Nouns of intention: "announced plans to ..." reports an act, not what was said.
_PLANS = frozenset("plan plans intention intentions intent bid bids decision readiness".split())


def plan_object(tk: Tokens, c: Candidate, cj: int) -> bool:
    """Whether candidate ``c`` after the cue is a plan or its aim ("announced (new) plans to deepen ties"), not content.

    Example:
        >>> t = "Beijing and Moscow have announced plans to deepen their partnership."
        >>> plan_object(Tokens.of(t, 0, len(t)), Candidate(5, 11, "after"), 5)
        True
    """
    if c.direction != "after":
        return False
    k = cj
    while k < len(tk.low) - 1 and k < cj + 2 and tk.low[k] in _PLAN_DETERMINERS:
        k += 1  # "announced (its new) plans to"; not "said | she plans to", where "plans" is a verb
    return tk.low[k] in _PLANS and tk.word(k + 1) == "to" and c.start <= k + 2


def topic_content(tk: Tokens, c: Candidate, cj: int) -> bool:
    """Whether candidate ``c`` of a clause-only cue is reported content, not a topic, wish or act.

    Only a clause after the cue counts (:func:`reported_content`), also after
    a preposition ("spoke about how the talks failed"); content before it is
    read only by the exact rules ("Ties are deep, he commented":
    :func:`framing.attribution.paraphrase_rules.trailing_content`), since the
    clause before a topic cue is the outlet's ("On Thursday, Lee talked ..."). A topic ("commenting on tensions abroad",
    "discussing ways to develop ..."), an infinitive ("hopes to find") or an
    object ("signed a treaty") is not.

    Example:
        >>> t = "Brazil stays neutral when commenting on tensions abroad, and Lee commented that ties grew."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> topic_content(tk, Candidate(5, 8, "after"), 5), topic_content(tk, Candidate(13, 15, "after"), 12)
        (False, True)
    """
    if c.direction == "before":
        return False
    if any(tk.low[k] not in _LEADS for k in range(cj, c.start)):
        return False  # past an object: "signed a pact | that later collapsed" is not the pact's content
    s = c.start
    if tk.low[s] in _TOPIC_PREPOSITIONS and s + 1 < c.end and tk.low[s + 1] in CLAUSE_OPENERS:
        s += 1
    return tk.low[s] not in _TOPIC_PREPOSITIONS and reported_content(tk, s, c.end)


#: Words that open an introductory adjunct, not reported content ("During his years in office, he said ...").
_ADJUNCT_OPENERS = frozenset(
    "during as in on at after before since while when once until by with without despite amid among following "
    "throughout last this earlier later several speaking heading campaigning to".split()
)


def introductory(tk: Tokens, c: Candidate) -> bool:
    """Whether a candidate before its cue is an introductory adjunct of the sentence, not content.

    It opens the sentence with a preposition, subordinator, time word or
    participle ("During his years in office,", "Speaking to reporters,", "On
    Thursday,") and ends at a comma.

    Example:
        >>> t = "Speaking to reporters, Lee said ties grew."
        >>> introductory(Tokens.of(t, 0, len(t)), Candidate(0, 3, "before"))
        True
    """
    if c.direction != "before" or c.start != 0:
        return False
    last = c.end if c.end < len(tk.low) and tk.low[c.end] == "," else c.end - 1
    first = 1 if tk.low[0] in ("but", "and", "so", "yet") and c.end > 1 else 0  # "But to prevent problems,"
    return tk.low[first] in _ADJUNCT_OPENERS and 0 <= last < len(tk.low) and tk.low[last] == ","


def reported_candidates(
    tk: Tokens, cands: list[Candidate], word: str, cj: int, *, learned: bool, clauses: bool = True
) -> list[Candidate]:
    """The candidates of cue ``word`` (ending before token ``cj``) that may be reported content.

    With ``clauses``, keeps after a learned cue of action only what it may report
    (:func:`learned_content`: not "imposed | sanctions"). Drops an introductory
    adjunct where content follows the cue (:func:`introductory`), a plan after a
    lexicon cue (:func:`plan_object`) and, with ``clauses``, all but a clause after
    a clause-only cue (:func:`topic_content`).

    Example:
        >>> t = "Paris hopes for a defence alliance."
        >>> reported_candidates(Tokens.of(t, 0, len(t)), [Candidate(2, 6, "after")], "hopes", 2, learned=False)
        []
    """
    if clauses and learned and action_cue(word):  # "imposed | sanctions": an act's object is not content
        cands = [c for c in cands if learned_content(tk, c, cj)]
    if any(c.direction == "after" for c in cands):  # "During his years in office, | he said ..."
        cands = [c for c in cands if not introductory(tk, c)]
    if not learned:  # not "announced | plans to ..." ("endorsed the plan to" is a stance)
        cands = [c for c in cands if not plan_object(tk, c, cj)]
    if word.lower() in _TELL:  # "told | her to leave", "told | the audience": the addressee is not content
        cands = [c for c in cands if c.direction == "before" or c.start > cj and tk.low[c.start] != "to"
                 or reported_content(tk, c.start, c.end)]
    if clauses and clause_only_cue(word):
        cands = [c for c in cands if topic_content(tk, c, cj)]
    return cands


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


__all__ = [
    "CLAUSE_OPENERS", "FINITE", "FINITE_REACH", "action_cue", "clause_only_cue", "learned_content", "reported_content",
    "introductory", "plan_object", "reported_candidates", "topic_content",
]
