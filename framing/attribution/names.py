"""Names in an article: the registry that turns a short mention into the fullest name.

A name is a run of two or more capitalised words (initials allowed) that is
not a title, a place or an organisation word; leading titles are dropped and
remembered ("Foreign Minister Wang Yi" -> "Wang Yi", title "Foreign Minister").

Example:
    >>> names = NameRegistry.of("Chen Jun spoke. Later Chen said more.", frozenset())
    >>> names.fullest("Chen"), names.fullest("Li")
    ('Chen Jun', 'Li')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from framing.attribution.words import AUXILIARIES, DETERMINERS, FUNCTION_WORDS, base, speaker_words

#: A capitalised word or initials ("U.S."), its capital first: the search skips to capitals at once.
_NAME_WORD = r"[A-Z](?:\.(?:[A-Z]\.)*|[\w’'\-]*)"
#: Two or more capitalised words (or initials) in a row.
NAME_RUN_RE = re.compile(rf"{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD})+")


#: Verbs that end a name inside a capitalised run when more words follow ("Obama Says Museum ...";
#: "George Will" at the end of a run stays a name).
_HEADLINE_VERBS = frozenset("says said is are was were has have had will would can could may might must should".split())


@dataclass
class NameRegistry:
    """Multi-word names of an article, for "Chen" -> "Chen Jun".

    Attributes:
        places: Lower-case single-word place names (never part of a person's name).
        counts: Mentions of each name.
        first: Offset of each name's first mention.
        titles: Titles written before a name ("Foreign Minister"), also of one-word names
            ("President Obama": "Obama", which is not a registered name).
    """

    places: frozenset[str]
    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    _by_word: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=-1, repr=False, compare=False)

    @classmethod
    def of(cls, text: str, places: frozenset[str], *, phrases: frozenset[str] = frozenset()) -> NameRegistry:
        """Register every name of a text; ``phrases`` are lower-case place names of several words (not names)."""
        reg = cls(places)
        words = speaker_words()
        for m in NAME_RUN_RE.finditer(text):
            parts = m.group(0).split()
            verb = next((i for i in range(1, len(parts) - 1) if parts[i].lower() in _HEADLINE_VERBS), None)
            if verb is not None:
                parts = parts[:verb]  # a title-case headline: "Obama Says Museum Will Tell" holds the name "Obama"
            n_all = len(parts)
            while parts and (
                words.get(parts[0].lower().rstrip(".")) == "title"
                or base(parts[0]).lower() in places
                or parts[0].lower() in FUNCTION_WORDS
                or parts[0].lower() in DETERMINERS
                or parts[0].lower() in AUXILIARIES  # "Later Chen said"
            ):
                parts.pop(0)
            if len(parts) == 1 and len(parts) < n_all and not words.get(parts[0].lower()):
                prefix = m.group(0).split()[:-1]
                if words.get(prefix[-1].lower().rstrip(".")) == "title" and base(parts[0]).lower() not in places:
                    # "President Obama": a titled one-word name, for "the president" (not a registered name)
                    reg.titles.setdefault(base(parts[0]), " ".join(prefix))
                    reg.first.setdefault(base(parts[0]), m.start())
                continue
            if len(parts) < 2 or any(words.get(p.lower()) in ("org", "title") for p in parts):
                continue
            if any(base(p).lower() in places for p in parts):
                continue
            name = " ".join(parts)
            if name.lower() in phrases:
                continue  # "United States", "White House"
            if len(parts) < n_all:
                prefix = m.group(0).split()[: n_all - len(parts)]
                if any(words.get(p.lower().rstrip(".")) == "title" for p in prefix):
                    reg.titles.setdefault(name, " ".join(prefix))
            reg.counts[name] += 1
            reg.first.setdefault(name, m.start())
        return reg

    def fullest(self, name: str) -> str:
        """The fullest name in the article that ``name`` is the first or last word of."""
        parts = name.split()
        if len(parts) != 1:
            return name
        by_word = self._by_word if self._by_word is not None and self._indexed == len(self.counts) else self._index()
        return by_word.get(parts[0].lower(), name)

    def _index(self) -> dict[str, str]:
        """First or last word (lower case) -> the most mentioned name with it (then the first mentioned)."""
        cands: dict[str, list[str]] = {}
        for n in self.counts:
            words = n.split()
            for w in {words[0].lower(), words[-1].lower()}:
                cands.setdefault(w, []).append(n)
        self._by_word = {w: min(ns, key=lambda n: (-self.counts[n], self.first[n])) for w, ns in cands.items()}
        self._indexed = len(self.counts)
        return self._by_word

    def is_org(self, name: str) -> bool:
        """Whether a name is an organisation or place rather than a person."""
        parts = name.split()
        return len(parts) == 1 and base(parts[0]).lower() in self.places


__all__ = ["NAME_RUN_RE", "NameRegistry"]
