"""Target of a relationship label: which relationship it names (the story's dyad, or which other one).

A label gets the dyad's id only when the dyad is its argument: both members
modify it or stand in its clause or sentence ("Sino-Russian partnership",
"China and Russia are allies"), one member beside the other in the clause
("For Russia, China is an indispensable partner"), "their" or a label-only
sentence right after a sentence naming both, or a phrase for the pair ("the
two countries", ``dyad`` in the actors table) while both members are named
in that sentence, the :data:`CONTEXT_SENTENCES` before it or the
:data:`CONTEXT_AFTER` after it. "The two are
still friends" in an article about two senators is not about the dyad.

Otherwise the label is about another relationship, and its target says
which: the ``label_target`` of the actor that modifies it (``nato``,
``us-allies``, ``western-alliance``), ``<member>-generic`` for one member's
relationships ("China's allies"), ``<member>-<actor>`` ("Russia's
partnership with Iran"), ``<member>-companies`` for a partnership with a
member's firms ("partnerships with Chinese technology companies"), or
``generic``.

Example:
    >>> from framing.story import default_story
    >>> "generic" in possible_targets(default_story())
    True
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.document import Doc
from framing.features.labels_scope import Words, boundary_words, has_determiner, label_clause, previous_words
from framing.matching import CasedMatcher, Match
from framing.story import DYAD_PARTY, ActorTerm, Story

__all__ = ["CONTEXT_AFTER", "CONTEXT_SENTENCES", "GENERIC", "LabelTerm", "TargetRules", "possible_targets"]

#: Sentences before a label in which both members must be named for "the two countries" to mean the dyad.
CONTEXT_SENTENCES = 4
#: Sentences after a label that count too.
CONTEXT_AFTER = 2
#: Target of a label whose relationship names no actor.
GENERIC = "generic"
#: Suffix of the target of a label about a member's companies, not the state.
COMPANIES = "companies"

_LEFT_WINDOW_WORDS = 5
_WINDOW_STOP_RE = re.compile(r"[,;:—–()\[\]”?!]")
_POSSESSIVE_PRONOUNS = frozenset("its his her".split())
_RIGHT_LINKS = frozenset("with of between among".split())
_PLURAL_TAIL_RE = re.compile(r"(?:s|es|ies)$", re.IGNORECASE)
#: Head nouns after a member's adjective that name firms, not the state ("Chinese technology companies").
_FIRM_NOUNS = frozenset("companies company firms firm businesses business corporations enterprises banks bank "
                        "investors startups start-ups giants groups conglomerates manufacturers automakers "
                        "producers suppliers".split())
_NP_HEAD_WORDS = 3


@dataclass(frozen=True)
class LabelTerm:
    """A row of the label lexicon: canonical term, category and context rule."""

    term: str
    category: str
    context: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actors: frozenset[str]
    target: str


def possible_targets(story: Story) -> tuple[str, ...]:
    """Every target id the rules can give a label of this story other than the dyad, sorted.

    The comparison's "labels about other relationships" row selects these
    when it has no span table to read them from.

    Example:
        >>> from framing.story import default_story
        >>> {"nato", "us-allies", "china-generic"} <= set(possible_targets(default_story()))
        True
    """
    members = tuple(story.members)
    parties: set[str] = set()
    out = {GENERIC, *(f"{m}-generic" for m in members), *(f"{m}-{COMPANIES}" for m in members)}
    for t in story.actor_terms():
        if not t.parties:
            continue
        parties |= set(t.parties)
        out.add(t.label_target or "|".join(t.parties))
    out |= parties
    out |= {f"{m}-{p}" for m in members for p in parties}
    return tuple(sorted(out - {story.dyad, DYAD_PARTY} - {f"{m}-{DYAD_PARTY}" for m in members}))


def _mentions(hits: list[Match[ActorTerm]]) -> list[_Mention]:
    """Party mentions of matcher hits."""
    return [_Mention(m.start, m.end, frozenset(m.value.parties), m.value.label_target or "|".join(m.value.parties))
            for m in hits]


class TargetRules:
    """Places a label: the dyad id or the id of another relationship.

    Args:
        story: The dyad, its two members and the parties that place a label.
    """

    def __init__(self, *, story: Story):
        self.dyad_id = story.dyad
        self.members = tuple(story.members)
        self._member_set = frozenset(self.members)
        self._actors: CasedMatcher[ActorTerm] = story.party_matcher()
        # Mentions per sentence of the text last seen (held, so its id is never reused): each label of a
        # sentence reuses them, which keeps a sentence with many labels linear.
        self._seen: tuple[str, dict[tuple[int, int], list[_Mention]]] = ("", {})

    # ----------------------------------------------------------------- actors
    def mentions(self, text: str, start: int, end: int) -> list[_Mention]:
        """Mentions of label parties in ``text[start:end]`` (shared: do not modify the list)."""
        if self._seen[0] is not text:
            self._seen = (text, {})
        cache = self._seen[1]
        found = cache.get((start, end))
        if found is None:
            found = cache[(start, end)] = _mentions(self._actors.hits(text, start, end))
        return found

    def members_named(self, doc: Doc) -> list[frozenset[str]]:
        """Per sentence, the dyad members named in it or in the sentences around it.

        That is :data:`CONTEXT_SENTENCES` before and :data:`CONTEXT_AFTER`
        after (a standfirst says "the two nations" before the body names them).
        """
        if self._seen[0] is not doc.text:
            self._seen = (doc.text, {})
        cache = self._seen[1]
        for bounds, hits in zip(doc.sentences, self._actors.hits_in(doc.text, doc.sentences), strict=True):  # one pass
            if bounds not in cache:
                cache[bounds] = _mentions(hits)
        own = [frozenset(a for m in self.mentions(doc.text, s, e) for a in m.actors if a in self.members)
               for s, e in doc.sentences]
        return [frozenset().union(*own[max(0, i - CONTEXT_SENTENCES) : i + 1 + CONTEXT_AFTER])
                for i in range(len(own))]

    def _is_member(self, m: _Mention) -> bool:
        return bool(m.actors & self._member_set) or DYAD_PARTY in m.actors

    def _dyad_evidence(self, mentions: list[_Mention], named: frozenset[str]) -> bool:
        """Both members among the mentions, or a phrase for the pair while both are named nearby."""
        actors: set[str] = set()
        for m in mentions:
            actors |= m.actors
        if set(self.members) <= actors:
            return True
        return DYAD_PARTY in actors and set(self.members) <= named

    def _one_member(self, mentions: list[_Mention]) -> str:
        for m in mentions:
            for a in sorted(m.actors):
                if a in self.members:
                    return a
        return ""

    def _other(self, m: _Mention, label: Match[LabelTerm]) -> str:
        """Target id for a label another actor modifies: the table's id for alliances, else the actor."""
        if DYAD_PARTY in m.actors:
            return GENERIC  # "the two sides" with the members not named nearby
        return m.target if label.value.category == "alliance" else sorted(m.actors)[0]

    def _firm_argument(self, text: str, words: Words, m: _Mention) -> bool:
        """Whether a member's mention is an adjective of a firm noun ("Chinese technology companies")."""
        j = bisect.bisect_left(words, m.end, key=_first)
        for a, b in words[j : j + _NP_HEAD_WORDS]:
            if _WINDOW_STOP_RE.search(text, m.end, a):
                return False
            if text[a:b].lower() in _FIRM_NOUNS:
                return True
        return False

    # ----------------------------------------------------------------- target
    def target(self, doc: Doc, si: int, label: Match[LabelTerm], words: Words, named: frozenset[str]) -> str:
        """Target id of a label in sentence ``si`` (``named``: members named there and just before)."""
        text = doc.text
        s, e = doc.sentences[si]
        mentions = self.mentions(text, s, e)
        cs, ce = label_clause(text, words, (s, e), label.start, label.end)
        clause = [m for m in mentions if cs <= m.start < ce]
        others_in_clause = [m for m in clause if not self._is_member(m)]
        # 1. Actors modifying the label from the left ("NATO allies", "US and its allies", "Sino-Russian").
        i = bisect.bisect_left(words, label.start, key=_first)
        lo = words[max(0, i - _LEFT_WINDOW_WORDS)][0] if i > 0 else label.start
        stop = list(_WINDOW_STOP_RE.finditer(text, lo, label.start))
        if stop:
            lo = stop[-1].end()
        for w in words[max(0, i - _LEFT_WINDOW_WORDS) : i]:
            if text[w[0] : w[1]].lower() in boundary_words() | {"that"}:
                lo = max(lo, w[1])
        window = [m for m in mentions if lo <= m.start and m.end <= label.start]
        if window:
            nearest = window[-1]
            if not self._is_member(nearest):
                return self._other(nearest, label)
            if self._dyad_evidence(window, named):
                return self.dyad_id
            between = [w for w in words[bisect.bisect_left(words, nearest.end, key=_first) : i]
                       if w[1] <= label.start]
            if _possessive(text, nearest.end) or len(between) <= 1:
                # "China's allies", "Russian partners": one member's own relationships.
                if self._dyad_evidence(clause, named):
                    return self.dyad_id
                member = self._one_member(window)
                return f"{member}-generic" if member else GENERIC
        # 2. A possessive pronoun ("its alliances") refers to the nearest actor named before it.
        prev = previous_words(text, words, label.start, 3)
        if prev and prev[-1] in _POSSESSIVE_PRONOUNS:
            before = [m for m in mentions if m.end <= label.start]
            if before and not self._is_member(before[-1]):
                return self._other(before[-1], label)
        if prev and prev[-1] == "their" and self._dyad_evidence(self._context(doc, si), named):
            return self.dyad_id
        # 3. Actors after the label ("partnership with Iran", "with Chinese technology companies").
        j = bisect.bisect_left(words, label.end, key=_first)
        if j < len(words) and text[words[j][0] : words[j][1]].lower() in _RIGHT_LINKS:
            hi = words[min(len(words) - 1, j + 4)][1]
            stop_r = _WINDOW_STOP_RE.search(text, label.end, hi)
            hi = stop_r.start() if stop_r else hi
            right = [m for m in mentions if label.end <= m.start and m.end <= hi]
            firms = [m for m in right if self._is_member(m) and self._firm_argument(text, words, m)]
            if firms:
                return f"{self._one_member(firms)}-{COMPANIES}"
            if right and not any(self._is_member(m) for m in right):
                member = self._one_member(clause)
                actor = sorted(right[0].actors)[0]
                return f"{member}-{actor}" if member else self._other(right[0], label)
        # 4. A bare plural ("expanding military blocs") is generic unless its clause names the dyad.
        if _is_plural(label) and not has_determiner(text, words, label.start) \
                and not self._dyad_evidence(clause, named):
            member = self._one_member(clause)
            if member:
                return f"{member}-generic"
            if others_in_clause:
                return self._other(others_in_clause[0], label)
            if not any(self._is_member(m) for m in mentions):
                return GENERIC
        # 5-7. The dyad named in the clause or sentence; or one member here and the dyad just before.
        if self._dyad_evidence(clause, named) or self._dyad_evidence(mentions, named):
            return self.dyad_id
        before = self._context(doc, si - 1) if si > 0 else []
        member = self._one_member(clause) or self._one_member(mentions)
        if self._dyad_evidence(before, named) and (member or not mentions):
            return self.dyad_id
        if others_in_clause:
            return self._other(others_in_clause[0], label)
        if member:
            return f"{member}-generic"
        others = [m for m in mentions if not self._is_member(m)]
        return self._other(others[0], label) if others else GENERIC

    def _context(self, doc: Doc, si: int) -> list[_Mention]:
        """Actor mentions of sentence ``si`` and the one before it."""
        out: list[_Mention] = []
        for k in (si - 1, si):
            if k >= 0:
                out += self.mentions(doc.text, *doc.sentences[k])
        return out


def _first(word: tuple[int, int]) -> int:
    return word[0]


def _possessive(text: str, offset: int) -> bool:
    return text[offset : offset + 2] in ("'s", "’s") or text[offset - 1 : offset + 1] in ("s'", "s’")


def _is_plural(label: Match[LabelTerm]) -> bool:
    text, term = label.text.lower(), label.value.term.lower()
    return text != term and bool(_PLURAL_TAIL_RE.search(text))
