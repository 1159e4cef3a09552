"""The word runs of a text where a lexicon match can start, found once for every matcher searching it.

:class:`framing.matching.PhraseMatcher` tries its regex only where a run equals the first word of one of its
terms; an article is searched sentence by sentence by every family's lexicons, so its runs are found once
(:func:`run_index`) and shared.

Example:
    >>> ix = RunIndex("Allies rally; ALLIES-led")
    >>> ix.runs, ix.starts
    (['Allies', 'rally', 'ALLIES'], [0, 7, 14])
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set
from itertools import accumulate, compress

#: Where a match can start: a run of word characters not preceded by a word character or a hyphen.
_RUN_RE = re.compile(r"((?<![\w\-‐‑])\w+)")
#: The folded form of a run with a non-ASCII character (the regex decides its case-folding).
UNFOLDED = "\x00"


class RunIndex:
    """The word runs of one text where a lexicon match can start, exact and lower-cased, with their offsets.

    Every matcher searching the same text shares it (:func:`run_index`), so the text is scanned for
    words once, whatever the number of lexicons and sentences.

    Example:
        >>> ix = RunIndex("Allies rally; ALLIES-led")
        >>> ix.starts_of({"allies"}, folded=True), ix.starts_of({"rally"}, folded=False), ix.crossing(2, 0)
        ([0, 14], [7], 0)
    """

    def __init__(self, text: str) -> None:
        parts = _RUN_RE.split(text)  # gap, run, gap, run, ..., gap
        self.runs = parts[1::2]
        self.starts = list(accumulate(map(len, parts)))[0:-1:2]  # each run starts where the text before it ends
        self.distinct = set(self.runs)
        self._folded: tuple[list[str], set[str]] | None = None

    def _fold(self) -> tuple[list[str], set[str]]:
        """Lower-cased runs; a run with a non-ASCII character becomes ``UNFOLDED`` (the regex decides it)."""
        if self._folded is None:
            if all(map(str.isascii, self.distinct)):
                folded = list(map(str.lower, self.runs))
            else:
                folded = [r.lower() if r.isascii() else UNFOLDED for r in self.runs]
            self._folded = (folded, set(folded))
        return self._folded

    def starts_of(self, leads: Set[str], *, folded: bool) -> list[int]:
        """Offsets of the runs in ``leads`` (lower-cased runs if ``folded``, with every non-ASCII run), in order."""
        runs, distinct = self._fold() if folded else (self.runs, self.distinct)
        keys = leads & distinct
        if folded and UNFOLDED in distinct:
            keys = keys | {UNFOLDED}
        if not keys:
            return []
        return list(compress(self.starts, map(keys.__contains__, runs)))

    def crossing(self, stop: int, start: int) -> int | None:
        """Start (>= ``start``) of the run that ``stop`` cuts, if any: the regex sees it end at ``stop``."""
        i = bisect_left(self.starts, stop) - 1
        if i >= 0 and self.starts[i] >= start and self.starts[i] + len(self.runs[i]) > stop:
            return self.starts[i]
        return None


_LAST_TEXT: list[str] = []
#: The texts indexed last, newest first: an article's index outlives the sentences a family indexes on its own.
_INDEXES: list[tuple[str, RunIndex]] = []
_KEEP_INDEXES = 4


def run_index(text: str, *, now: bool = False) -> RunIndex | None:
    """The run index of ``text`` once it is searched a second time (every family searches the same article).

    A text searched once (a sentence scored on its own) is not worth indexing: None, unless ``now`` (a search
    of all its sentences at once). The last :data:`_KEEP_INDEXES` texts keep theirs.
    """
    for kept, index in _INDEXES:
        if kept is text:
            return index
    if not now and (not _LAST_TEXT or _LAST_TEXT[0] is not text):
        _LAST_TEXT[:] = [text]
        return None
    index = RunIndex(text)
    _INDEXES[:] = [(text, index), *_INDEXES[: _KEEP_INDEXES - 1]]
    return index
