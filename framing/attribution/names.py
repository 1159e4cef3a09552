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

from framing.attribution.words import DETERMINERS, FUNCTION_WORDS, base, speaker_words

#: Two or more capitalised words (or initials) in a row.
NAME_RUN_RE = re.compile(r"(?:(?:[A-Z]\.)+|[A-Z][\w’'\-]*)(?:[ \u00a0]+(?:(?:[A-Z]\.)+|[A-Z][\w’'\-]*))+")


@dataclass
class NameRegistry:
    """Multi-word names of an article, for "Chen" -> "Chen Jun".

    Attributes:
        places: Lower-case single-word place names (never part of a person's name).
        counts: Mentions of each name.
        first: Offset of each name's first mention.
        titles: Titles written before a name ("Foreign Minister").
    """

    places: frozenset[str]
    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, places: frozenset[str]) -> NameRegistry:
        """Register every name of a text."""
        reg = cls(places)
        words = speaker_words()
        for m in NAME_RUN_RE.finditer(text):
            parts = m.group(0).split()
            n_all = len(parts)
            while parts and (
                words.get(parts[0].lower().rstrip(".")) == "title"
                or base(parts[0]).lower() in places
                or parts[0].lower() in FUNCTION_WORDS
                or parts[0].lower() in DETERMINERS
            ):
                parts.pop(0)
            if len(parts) < 2 or any(words.get(p.lower()) in ("org", "title") for p in parts):
                continue
            if any(base(p).lower() in places for p in parts):
                continue
            name = " ".join(parts)
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
        key = parts[0].lower()
        cands = [n for n in self.counts if n.split()[0].lower() == key or n.split()[-1].lower() == key]
        if not cands:
            return name
        return min(cands, key=lambda n: (-self.counts[n], self.first[n]))

    def is_org(self, name: str) -> bool:
        """Whether a name is an organisation or place rather than a person."""
        parts = name.split()
        return len(parts) == 1 and base(parts[0]).lower() in self.places


__all__ = ["NAME_RUN_RE", "NameRegistry"]
