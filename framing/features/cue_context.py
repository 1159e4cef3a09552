"""Where a hedge or booster cue sits: its sentence's tokens and the word lists the sense rules read.

The sense rules (:mod:`framing.features.hedge_senses`,
:mod:`framing.features.would_sense`) look at a few tokens around a match in
its sentence; :class:`Sentence` tokenizes the sentence once and lower-cases
lazily, and :func:`word_lists` reads ``lexicons/hedge_senses.tsv``;
:func:`reporting_forms` reads the one reporting-verb list.

Example:
    >>> s = Sentence("Polls suggest a shift.", 0, 22)
    >>> s.low, in_list("evidence_subject", s.word(0))
    (['polls', 'suggest', 'a', 'shift'], True)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache

from framing.corpus.segmentation import tokenize
from framing.lexicons import load_lexicon

#: Lexicon of the word lists the rules read.
LEXICON = "hedge_senses"
#: The one reporting-verb list (its ``would`` column, and its past verbs of saying and believing).
REPORTING_VERBS = "reporting_verbs"
_PAST_KINDS = frozenset({"speech", "writing", "belief", "knowledge"})

#: How many tokens the rules look back or ahead within a clause.
LOOKBACK = 8
_PUNCT_RE = re.compile(r"[,;:()\[\]—–]")


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of ``hedge_senses.tsv`` (lower-case).

    Example:
        >>> "if" in word_lists()["condition"]
        True
    """
    return {
        row["term"]: frozenset(w.strip().lower() for w in row.get("words", "").split("|") if w.strip())
        for row in load_lexicon(LEXICON).rows
    }


def in_list(name: str, word: str) -> bool:
    """Whether ``word`` (lower-case) is in the word list ``name``.

    Example:
        >>> in_list("condition", "unless")
        True
    """
    return word in word_lists()[name]


class Sentence:
    """A sentence's tokens, lower-cased lazily, for the rules to look around a match.

    Args:
        text: The document text.
        start: Sentence start offset.
        end: Sentence end offset.

    Example:
        >>> s = Sentence("He said it would.", 0, 17)
        >>> s.low[:3], s.index(8)
        (['he', 'said', 'it'], 2)
    """

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.words = tokenize(text, start, end)

    @cached_property
    def low(self) -> list[str]:
        """Lower-case tokens with straight apostrophes."""
        return [self.text[a:b].lower().replace("’", "'") for a, b in self.words]

    @cached_property
    def _starts(self) -> list[int]:
        return [a for a, _ in self.words]

    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self._starts, offset)

    def word(self, k: int) -> str:
        """Lower-case token ``k``, or ``""`` outside the sentence."""
        return self.low[k] if 0 <= k < len(self.low) else ""

    def joined(self, k: int) -> bool:
        """Whether no punctuation (comma, dash, colon, bracket) lies between token ``k`` and token ``k + 1``."""
        if not 0 <= k < len(self.words) - 1:
            return False
        return _PUNCT_RE.search(self.text, self.words[k][1], self.words[k + 1][0]) is None

    def back(self, i: int, limit: int = LOOKBACK) -> list[int]:
        """Indices of up to ``limit`` tokens before token ``i``, nearest first, stopping at punctuation."""
        out: list[int] = []
        k = i - 1
        while k >= 0 and len(out) < limit and self.joined(k):
            out.append(k)
            k -= 1
        return out

    def ahead(self, j: int, limit: int = LOOKBACK) -> list[int]:
        """Indices of up to ``limit`` tokens from token ``j`` on, stopping at punctuation."""
        out: list[int] = []
        k = j
        while k < len(self.words) and len(out) < limit:
            out.append(k)
            if not self.joined(k):
                break
            k += 1
        return out

    def bare_after(self, end: int) -> bool:
        """Whether a word follows ``end`` with no punctuation between (False at the sentence end)."""
        k = self.index(end)
        return k < len(self.words) and _PUNCT_RE.search(self.text, end, self.words[k][0]) is None


@lru_cache(maxsize=1)
def reporting_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Verb forms of the reporting-verb list: (past, present, all).

    A "would" governed by one of them is reported speech or thought, or the future in the past ("said it
    would hold talks", "thought Obama would do it", "experts say the changes would be swamped"). *past*:
    the forms marked in the list's ``would`` column plus every past-tense verb of saying, writing,
    believing or knowing; *present*: the base and -s forms of saying, writing and believing (they do not
    govern after "I"/"we": "I don't think Putin would launch" is the speaker's own speculation); *all*:
    every form (a speaker's verb before ", suggesting").

    Example:
        >>> past, present, every = reporting_forms()
        >>> "thought" in past and "argues" in present and "told" in every
        True
    """
    past: set[str] = set()
    present: set[str] = set()
    every: set[str] = set()
    for row in load_lexicon(REPORTING_VERBS).rows:
        term = row["term"].lower()
        every.add(term)
        kind, tense = row.get("kind", ""), row.get("tense", "")
        if row.get("would", "") or (tense == "past" and kind in _PAST_KINDS):
            past.add(term)
        elif tense in ("base", "s", "ing") and kind in ("speech", "writing", "belief"):
            present.add(term)
    return frozenset(past), frozenset(present), frozenset(every)


def tense(s: Sentence) -> str:
    """``"present"`` if the sentence has a present-tense marker, else ``"past"`` if it has a past one, else ``""``.

    A marker right after a modal or "to" is an infinitive ("could do", "to have"), not a tense.

    Example:
        >>> t = "In December 1992 Yeltsin went to China."
        >>> tense(Sentence(t, 0, len(t)))
        'past'
    """
    after_modal = ("could", "would", "may", "might", "can", "will", "should", "must", "to")
    if any(in_list("present_marker", w) and s.word(k - 1) not in after_modal for k, w in enumerate(s.low)):
        return "present"
    return "past" if any(in_list("past_marker", w) or _old_year(w) for w in s.low) else ""


def _old_year(word: str) -> bool:
    """A year of the last century ("In December 1992"): past for any news of this century."""
    return len(word) == 4 and word.startswith("19") and word.isdigit()
