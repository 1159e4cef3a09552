"""When is "would" a hedge? The sense rule for "would" in news.

"would" is a hedge only as someone's speculation ("I don't think Putin would
launch an invasion", "most business leaders would disagree", "I would say").
It is not a hedge as the consequence of a stated or implied condition ("if
...", "the plan would raise taxes", "A trade war would hurt", "would have +
participle"), in a question, as a wish ("would like"), as habitual past
("would often"), or as reported speech and the future in the past ("said it
would hold talks", "was sure Trump would triumph", "what would become the
Clean Power Plan"). A plain prediction with no sign of speculation is left
out too: in the hand-checked PolNeAR sample most such uses are plans,
proposals or narratives. The guideline is in the header of
``lexicons/hedges.tsv``; the word lists are in ``lexicons/hedge_senses.tsv``.

:func:`would` looks at the "would" in its sentence; every test is a few
tokens around it, or one pass over the sentence.

Example:
    >>> t = "If talks fail, Russia would invade."
    >>> s = Sentence(t, 0, len(t))
    >>> would(s, 4, 5)
    'conditional'
"""

from __future__ import annotations

import re

from framing.features.clauses import has_break, that_clause_reaches
from framing.features.cue_context import Sentence, in_list, reporting_forms, tense

_REPORT_WINDOW = 12
_TERMINATOR_RE = re.compile(r"[.!?](?=[\s\"”’')]|$)")


def _is_question(s: Sentence, end: int) -> bool:
    m = _TERMINATOR_RE.search(s.text, end, s.end)
    return m is not None and s.text[m.start()] == "?"


def _has_condition(s: Sentence) -> bool:
    low = s.low
    for k, w in enumerate(low):
        not_a_condition = w == "if" and (in_list("condition_not", s.word(k + 1)) or s.word(k - 1) == "as")
        if in_list("condition", w) and not not_a_condition:
            return True
        if w == "event" and s.word(k - 1) == "the" and s.word(k - 2) == "in":
            return True
    return False


def _inverted_condition(s: Sentence, i: int) -> bool:
    if not s.words or not in_list("condition_inverted", s.word(0)) or not s.text[s.words[0][0]].isupper():
        return False
    return "," in s.text[s.words[0][1] : s.words[i][0]]


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en", "wn", "ne")) or in_list("participle", word)


def _proposal(s: Sentence, i: int, back: list[int]) -> bool:
    """A proposal noun before the "would" in its clause, or before ", which/that would", or "Under ..."."""
    if any(in_list("proposal", s.low[k]) for k in back) or any(in_list("proposal_frame", w) for w in s.low[:i]):
        return True
    if s.word(i - 1) in ("which", "that") and not s.joined(i - 2):
        return any(in_list("proposal", s.word(k)) for k in range(i - 2, i - 6, -1))
    return False


def _hypothetical_subject(s: Sentence, i: int) -> bool:
    """An indefinite subject names a hypothetical event ("A trade war would hurt", "any change would occur").

    Either "a/an/any" shortly before the "would" with no "and/or/but/that/which/who" between, or among the
    first three words of its clause ("A Europe that is more independent would", "Yet even a minimal shift").
    """
    back = s.back(i, 10)
    for k in back:
        w = s.low[k]
        if w in ("and", "or", "but", "that", "which", "who"):
            break
        if in_list("hypothetical_determiner", w):
            return True
    if back and (back[-1] == 0 or not s.joined(back[-1] - 1)):
        return any(in_list("hypothetical_determiner", s.low[k]) for k in back[-3:])
    return False


def would(s: Sentence, i: int, j: int) -> str:
    """Why a "would" (tokens ``i:j``) is not speculation, or ``""``.

    Example:
        >>> t = "Under the plan, taxpayers would pay more. Most voters would call it a mistake."
        >>> would(Sentence(t, 0, 41), 4, 5), would(Sentence(t, 42, len(t)), 2, 3)
        ('proposal', '')
    """
    if not s.bare_after(s.words[j - 1][1]):
        return "elliptical"
    k = j + 1 if s.word(j) in ("not", "never") else j
    nxt, nxt2 = s.word(k), s.word(k + 1)
    if in_list("volition", nxt) or in_list("volition", f"{nxt} {nxt2}"):
        return "wish or politeness"
    if nxt == "have" and _is_participle(nxt2):
        return "counterfactual (would have)"
    if s.word(i - 1) in ("i", "we") and any(in_list("opinion", s.word(x)) for x in range(j, j + 3)):
        return ""  # "I would say", "What I would also say is": a hedged assertion
    if _is_question(s, s.words[j - 1][1]):
        return "question"
    if _has_condition(s) or _inverted_condition(s, i) or s.word(0) == "then" or nxt == "then":
        return "conditional"
    if _reported(s, i):
        return "reported or future in the past"
    back = s.back(i)
    if any(in_list("wish", s.low[k]) for k in back):
        return "wish or politeness"
    if any(in_list("indirect_question", s.low[k]) for k in back):
        return "indirect question"
    if _proposal(s, i, back):
        return "proposal"
    if any(in_list("poll_subject", s.low[k]) for k in back[:3]):
        return "poll answer"
    if _hypothetical_subject(s, i):
        return "conditional"
    near = back[:3] + s.ahead(j, 4)
    if any(in_list("habitual", s.low[k]) for k in near) or any(
        s.low[k] in ("every", "each") and in_list("habitual_time", s.word(k + 1)) for k in near
    ):
        return "habitual past"
    if tense(s) == "past":
        return "future in the past (narrative)"
    if not _speculation_sign(s, i, nxt):
        return "no sign of speculation"
    return ""


def _speculation_sign(s: Sentence, i: int, nxt: str) -> bool:
    """Whether the sentence marks a "would" (token ``i``) as someone's speculation, not a plain prediction.

    A first-person opinion before it ("I don't think Putin would launch"), a hedged performative ("I would
    say"), a generic subject ("no sane person would", "most people would"), or a pronoun speech tag after
    it ("... and would be caught in the middle, he said": the source's own prediction, not a plan or a
    finding the source reports).
    """
    if _opinion_before(s, i):
        return True
    if s.word(i - 1) in ("i", "we") and any(in_list("opinion", s.word(k)) for k in range(i + 1, i + 4)):
        return True
    if s.word(i - 1) == "one" or any(in_list("generic_subject", s.word(k)) for k in range(i - 1, i - 5, -1)):
        return True
    _, _, every = reporting_forms()
    tail = range(max(i + 2, len(s.low) - 3), len(s.low))
    return any(s.low[k] in every and in_list("tag_pronoun", s.word(k - 1)) and not s.joined(k - 2) for k in tail)


def _opinion_before(s: Sentence, i: int) -> bool:
    """"I think", "I don't think", "I'm sure", "we believe" ... before token ``i``."""
    return any(
        w in ("i", "we", "i'm", "we're") and any(in_list("opinion", s.word(x)) for x in range(k + 1, k + 3))
        for k, w in enumerate(s.low[:i])
    )


def _governs(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a verb of saying or believing that puts a later "would" in reported speech."""
    past, present, _ = reporting_forms()
    w = s.low[k]
    if w in past or in_list("finding_verb", w):
        if in_list("noun_form", w) and not in_list("noun_form_subject", s.word(k - 1)):
            return False  # "the United States would", "friendly states that would"
        return not in_list("noun_before", s.word(k - 1))
    if in_list("belief_adjective", w):
        return in_list("past_be", s.word(k - 1)) or s.word(k - 1) in ("made", "make", "makes")
    if w in present:
        before = [s.word(x) for x in range(k - 3, k)]
        return not ({"i", "we"} & set(before))
    # "The word was that the mine would close", "his prediction that Trump would be"
    return (in_list("past_be", w) or in_list("report_noun", w)) and s.word(k + 1) == "that"


def _reported(s: Sentence, i: int) -> bool:
    """Whether a verb of saying or believing governs the "would" at token ``i``.

    Either such a verb within 12 words before it with no clause break between, or one followed by "that"
    earlier in the sentence whose that-clause still runs at the "would" ("began to see that Russia would").
    """
    offset = s.words[i][0]
    for k in range(i - 1, max(-1, i - 1 - _REPORT_WINDOW), -1):
        if _governs(s, k):
            return not has_break(s.text, s.words[k][1], offset)
    for k in range(i - 1):
        if s.low[k + 1] == "that" and _governs(s, k):
            return that_clause_reaches(s.text, s.words[k + 1][1], offset)
    return False
