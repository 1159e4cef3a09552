"""The one lexicon matcher every feature family shares.

Terms are matched as whole words and phrases: a match may not start or end
inside a word, and a hyphen counts as part of a word, so ``ally`` never
matches in "especially", "rally" or "ally-ship", and ``alliance`` is not a
separate hit inside "quasi-alliance". Inside a phrase, any run of spaces
(including no-break spaces), a line break or a hyphen separates words, so
"marriage of convenience" also finds "marriage-of-convenience". Longer
phrases win over shorter ones starting at the same place.

Speed: a text searched more than once (an article, sentence by sentence, by
every family's lexicons) is split into word runs once, shared by all
matchers; each matcher then tries its regex only where a run equals the first
word of one of its terms, which finds exactly what scanning every offset
finds. ``hits_in`` answers for all sentences of a text at once and skips the
sentences where no term can start.

Example:
    >>> m = PhraseMatcher({"ally": "alliance", "marriage of convenience": "convenience"}, plurals=True)
    >>> [(x.text, x.value) for x in m.finditer("Especially allies, a marriage-of-convenience rally.")]
    [('allies', 'alliance'), ('marriage-of-convenience', 'convenience')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import le
from typing import Generic, TypeVar

from framing.word_runs import RunIndex, run_index

T = TypeVar("T")

_SEP = r"(?:[\s\u00a0]+|\s*[-‐‑–]\s*)"
_LEFT = r"(?<![\w\-‐‑])"
_RIGHT = r"(?![\w\-‐‑])"
_NORM_SEP_RE = re.compile(r"[\s\u00a0\-‐‑–]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_NON_SPACE_RE = re.compile(r"[^\s]+")
_INNER_HYPHEN_RE = re.compile(r"[^\s\-‐‑][-‐‑][^\s\-‐‑]")
#: A word (run of non-space from a space or the text's start) with an inner hyphen; linear: lazy up to the hyphen.
_COMPOUND_RE = re.compile(r"(?<!\S)\S*?[^\s\-‐‑][-‐‑][^\s\-‐‑]\S*")
_HYPHEN_SPLIT_RE = re.compile(r"([-‐‑])")
_HYPHEN_RE = re.compile(r"[-‐‑]")
#: The leading run of word characters of a form's first word (where :mod:`framing.word_runs` lets a match start).
_LEAD_RE = re.compile(r"\w*")
#: Texts shorter than this are searched by the regex alone (compound parts, single phrases).
_INDEX_MIN_CHARS = 200
#: Distinct parts of hyphenated words whose hits a :class:`CasedMatcher` keeps (then it starts afresh).
_KEEP_PARTS = 4096


def normalise(phrase: str) -> str:
    """Lower-case, straight apostrophes, any word separator as one space.

    Example:
        >>> normalise("Marriage-of\u00a0Convenience")
        'marriage of convenience'
    """
    return _NORM_SEP_RE.sub(" ", phrase.translate(_APOSTROPHES).lower()).strip()


def plural_forms(word: str) -> list[str]:
    """Regular English plurals of a word (for lexicon variants).

    Example:
        >>> plural_forms("ally"), plural_forms("axis"), plural_forms("bloc")
        (['allies'], ['axes'], ['blocs'])
    """
    w = word.lower()
    if w.endswith("is"):
        return [word[:-2] + "es"]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    return [word + "s"]


def _grouped_body(forms: list[str], flags: int, pattern: Callable[[str], str]) -> str:
    """The alternation of ``forms`` (in order), dispatched on each form's first character.

    ``(?=a)(?:alts starting with a)|(?=b)(?:...)`` tries the same alternatives
    in the same relative order as the flat ``alt1|alt2|...`` wherever only one
    group can match a character, so the matches are identical; at each word
    start the regex engine tests a few dozen first characters instead of every
    term. Falls back to the flat alternation if two groups' first characters
    could match the same text character (e.g. case-folding collisions).

    Example:
        >>> b = _grouped_body(["ab", "b", "a"], re.IGNORECASE, re.escape)
        >>> [m.group(0) for m in re.finditer(b, "ab a b", re.IGNORECASE)]
        ['ab', 'a', 'b']
    """
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = next(w for w in _NORM_SEP_RE.split(form.strip()) if w)[0].translate(_APOSTROPHES)
        key = first if flags & re.IGNORECASE == 0 else first.lower()
        groups.setdefault(key, []).append(pattern(form))
    firsts = {k: re.escape(k).replace("'", "['’‘]") for k in groups}
    for k1, p1 in firsts.items():
        for k2 in firsts:
            if k1 != k2 and (re.fullmatch(p1, k2, flags) or re.fullmatch(firsts[k2], k1, flags)):
                return "|".join(pattern(f) for f in forms)
    return "|".join(f"(?={firsts[k]})(?:{'|'.join(alts)})" for k, alts in groups.items())


@dataclass(frozen=True)
class Match(Generic[T]):
    """One hit: offsets into the searched text, the text, and the term's value."""

    start: int
    end: int
    text: str
    term: str
    value: T


class PhraseMatcher(Generic[T]):
    """Find lexicon terms in text as whole words/phrases, longest first.

    Args:
        terms: Mapping from term (a word or phrase) to any value returned with
            each match (e.g. the lexicon row).
        plurals: Also match the regular plural of each term's last word.
        case_sensitive: Match case exactly (default: ignore case).

    Example:
        >>> m = PhraseMatcher({"may": 1}, case_sensitive=True)
        >>> [x.start for x in m.finditer("May rain may come")]
        [9]
    """

    def __init__(
        self,
        terms: Mapping[str, T] | Iterable[tuple[str, T]],
        *,
        plurals: bool = False,
        case_sensitive: bool = False,
    ) -> None:
        items = list(terms.items()) if isinstance(terms, Mapping) else list(terms)
        self._values: dict[str, tuple[str, T]] = {}
        self.case_sensitive = case_sensitive
        forms: list[str] = []
        for term, value in items:
            variants = [term]
            if plurals:
                head, _, last = term.rpartition(" ")
                variants += [f"{head} {p}".strip() for p in plural_forms(last)]
            for v in variants:
                key = self._key(v)
                if not key:
                    continue
                if key not in self._values:
                    self._values[key] = (term, value)
                    forms.append(v)
        forms.sort(key=lambda f: (-len(normalise(f)), normalise(f)))
        flags = 0 if case_sensitive else re.IGNORECASE
        body = _grouped_body(forms, flags, self._pattern) if forms else r"(?!x)x"
        self._regex = re.compile(f"{_LEFT}(?:{body}){_RIGHT}", flags)
        self._found: dict[str, tuple[str, T]] = {}
        # The word run a match starts with is the leading run of a form's first word (the regex then needs a
        # non-word character or the end), so only runs equal to one are tried. Without one (a form starting
        # with punctuation; a non-ASCII run whose case-folding the regex decides) every position is searched.
        leads = {_LEAD_RE.match(self._pattern_words(f)[0]).group() for f in forms}  # type: ignore[union-attr]
        self._leads: frozenset[str] | None = frozenset(leads if case_sensitive else {x.lower() for x in leads})
        if "" in leads or not (case_sensitive or all(x.isascii() for x in leads)):
            self._leads = None
        self._candidates: tuple[str, RunIndex, list[int]] | None = None

    def _key(self, phrase: str) -> str:
        if self.case_sensitive:
            return _NORM_SEP_RE.sub(" ", phrase.translate(_APOSTROPHES)).strip()
        return normalise(phrase)

    @staticmethod
    def _pattern_words(phrase: str) -> list[str]:
        return [w.translate(_APOSTROPHES) for w in _NORM_SEP_RE.split(phrase.strip()) if w]

    @classmethod
    def _pattern(cls, phrase: str) -> str:
        return _SEP.join(re.escape(w).replace("'", "['’‘]") for w in cls._pattern_words(phrase))

    def _candidates_of(self, text: str, *, now: bool = False) -> tuple[str, RunIndex, list[int]] | None:
        """(``text``, its run index, the sorted offsets where a match may start), or None: try every offset."""
        cached = self._candidates
        if cached is not None and cached[0] is text:
            return cached
        index = None if self._leads is None or len(text) < _INDEX_MIN_CHARS else run_index(text, now=now)
        if index is None or self._leads is None:
            return None
        self._candidates = (text, index, index.starts_of(self._leads, folded=not self.case_sensitive))
        return self._candidates

    def __len__(self) -> int:
        return len(self._values)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match[T]]:
        """Yield non-overlapping matches in ``text[start:end]`` (absolute offsets)."""
        yield from self.hits(text, start, end)

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[Match[T]]:
        """The matches of :meth:`finditer` as a list.

        Example:
            >>> [m.text for m in PhraseMatcher({"ally": 1}, plurals=True).hits("Allies, rally.")]
            ['Allies']
        """
        stop = len(text) if end is None else min(end, len(text))
        cached = self._candidates_of(text)
        if cached is None:
            return self._collect(self._regex.finditer(text, start, stop))
        starts = cached[2]
        tried = _with_cut(starts[bisect_left(starts, start) : bisect_left(starts, stop)], cached[1], text, start, stop)
        return self._collect(self._try(text, tried, start, stop))

    def hits_in(self, text: str, bounds: Sequence[tuple[int, int]]) -> list[list[Match[T]]]:
        """:meth:`hits` in each ``(start, end)`` of ``bounds`` (a text's sentences, in order).

        One pass over the text's candidate starts, each tried in its sentence: a sentence without one costs
        nothing.

        Example:
            >>> PhraseMatcher({"ally": 1}).hits_in("An ally. No.", [(0, 8), (9, 12)])
            [[Match(start=3, end=7, text='ally', term='ally', value=1)], []]
        """
        cached = self._candidates_of(text, now=True)
        groups = None if cached is None else _group(cached[2], bounds)
        if cached is None or groups is None:
            return [self.hits(text, s, e) for s, e in bounds]
        n = len(text)
        out: list[list[Match[T]]] = []
        for i, (s, e) in enumerate(bounds):
            stop = min(e, n)
            starts = groups.get(i)
            if starts is None and (stop == n or not (text[stop].isalnum() or text[stop] == "_")):
                out.append([])  # no candidate, and no word cut short at the end (``_with_cut``)
                continue
            tried = _with_cut(starts or [], cached[1], text, s, stop)
            out.append(self._collect(self._try(text, tried, s, stop)) if tried else [])
        return out

    def _collect(self, matches: Iterable[re.Match[str]]) -> list[Match[T]]:
        """Matches of the regex as :class:`Match` objects with their terms and values."""
        found = self._found
        out: list[Match[T]] = []
        for m in matches:
            hit = m.group(0)
            entry = found.get(hit)
            if entry is None:  # the term of a matched string, normalised once per distinct string
                entry = found[hit] = self._values[self._key(hit)]
            out.append(Match(m.start(), m.end(), hit, entry[0], entry[1]))
        return out

    def _try(self, text: str, tried: list[int], start: int, stop: int) -> list[re.Match[str]]:
        """The regex's matches in ``text[start:stop]``, as ``finditer`` finds them, tried at ``tried`` only.

        ``finditer`` tries every offset and resumes after each match; a match can only begin where a word run
        equal to a form's leading run begins (or at the run that ``stop`` cuts short), so trying those offsets
        in order, skipping any inside the last match, finds the same matches.
        """
        out: list[re.Match[str]] = []
        match = self._regex.match
        last_end = start
        for pos in tried:
            if pos >= last_end:
                m = match(text, pos, stop)
                if m is not None:
                    last_end = m.end()
                    out.append(m)
        return out


class CasedMatcher(Generic[T]):
    """Lexicon matching by the packaged lexicons' case convention, with exclusions and compounds.

    A term written with any capital letter is matched case-sensitively (so
    "US" is not "us"; its first letter may also be capitalised at a sentence
    start: "the West" -> "The West"); an all-lower-case term matches in any
    case. Overlapping hits keep the earliest, then longest. Terms whose value
    satisfies ``exclude`` are matched (so they block shorter terms inside
    them) and then dropped. With ``compounds``, each part of a hyphenated word not
    otherwise matched is tried alone ("China-Russia", "U.S.-led").

    Example:
        >>> m = CasedMatcher([("US", "us"), ("Beijing", "cn"), ("Beijing Olympics", "-")], exclude=lambda v: v == "-")
        >>> [(x.text, x.value) for x in m.finditer("US-Beijing talks at the Beijing Olympics, tell us.")]
        [('US', 'us'), ('Beijing', 'cn')]
    """

    def __init__(
        self,
        terms: Iterable[tuple[str, T]],
        *,
        plurals: bool = False,
        exclude: Callable[[T], bool] | None = None,
        compounds: bool = True,
    ) -> None:
        exact: list[tuple[str, T]] = []
        loose: list[tuple[str, T]] = []
        for term, value in terms:
            if term == term.lower():
                loose.append((term, value))
            else:
                exact.append((term, value))
                if term[:1].islower():
                    exact.append((term[:1].upper() + term[1:], value))
        self._matchers = (
            PhraseMatcher(exact, plurals=plurals, case_sensitive=True),
            PhraseMatcher(loose, plurals=plurals),
        )
        self._exclude = exclude
        self._compounds = compounds
        self._parts: dict[str, list[Match[T]]] = {}

    def _raw(self, text: str, start: int, end: int | None) -> list[Match[T]]:
        return _earliest_longest([m for matcher in self._matchers for m in matcher.hits(text, start, end)])

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match[T]]:
        """Yield kept matches in ``text[start:end]`` in text order (absolute offsets)."""
        yield from self.hits(text, start, end)

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[Match[T]]:
        """The matches of :meth:`finditer` as a list.

        Example:
            >>> [m.value for m in CasedMatcher([("US", "us")]).hits("US-led, us")]
            ['us']
        """
        kept = self._raw(text, start, end)
        stop = len(text) if end is None else end
        # Compounds only where there is a hyphen at all: most sentences have none, and the word loop is Python.
        if self._compounds and _HYPHEN_RE.search(text, start, stop):
            self._add_compounds(kept, text, start, stop)
        return self._kept(kept)

    def _add_compounds(self, kept: list[Match[T]], text: str, start: int, stop: int) -> None:
        """Add to ``kept`` (sorted again by start) the hits inside the parts of hyphenated words it does not cover."""
        covered = [(m.start, m.end) for m in kept]
        for w in _compound_words(text, start, stop):
            ws, we = w.start(), w.end()
            if any(s < we and ws < e for s, e in covered):
                continue
            pos = ws
            for part in _HYPHEN_SPLIT_RE.split(w.group(0)):
                if part and part not in "-‐‑":
                    for m in self._part_hits(part):
                        kept.append(Match(pos + m.start, pos + m.end, m.text, m.term, m.value))
                pos += len(part)
        kept.sort(key=lambda m: m.start)

    def _part_hits(self, part: str) -> list[Match[T]]:
        """``_raw(part, 0, None)``, once per distinct part ("Russian" in "Sino-Russian", "pro-Russian", ...)."""
        found = self._parts.get(part)
        if found is None:
            if len(self._parts) >= _KEEP_PARTS:
                self._parts.clear()
            found = self._parts[part] = self._raw(part, 0, None)
        return found

    def _kept(self, hits: list[Match[T]]) -> list[Match[T]]:
        """``hits`` without the excluded terms' (which only block shorter terms inside them)."""
        if self._exclude is None or not hits:
            return hits
        return [m for m in hits if not self._exclude(m.value)]

    def hits_in(self, text: str, bounds: Sequence[tuple[int, int]]) -> list[list[Match[T]]]:
        """:meth:`hits` in each ``(start, end)`` of ``bounds`` (a text's sentences, in order).

        Only the sentences with a hit of either case's matcher, or a hyphen (compounds), are searched again.

        Example:
            >>> CasedMatcher([("US", "us")]).hits_in("The US. Us.", [(0, 7), (8, 11)])[1]
            []
        """
        hyphens = _group([m.start() for m in _HYPHEN_RE.finditer(text)], bounds) if self._compounds else {}
        if hyphens is None:
            return [self.hits(text, s, e) for s, e in bounds]
        exact, loose = (m.hits_in(text, bounds) for m in self._matchers)
        out = []
        for i, (s, e) in enumerate(bounds):
            kept = _earliest_longest(exact[i] + loose[i])  # ``_raw(text, s, e)``
            if i in hyphens:
                self._add_compounds(kept, text, s, e)
            out.append(self._kept(kept))
        return out


def _compound_words(text: str, start: int, stop: int) -> list[re.Match[str]]:
    """The words of ``text[start:stop]`` (runs of non-space) with a hyphen inside ("China-Russia", "U.S.-led").

    Example:
        >>> [w.group(0) for w in _compound_words("so-called pro- US-led", 1, 21)]
        ['o-called', 'US-led']
    """
    out: list[re.Match[str]] = []
    pos = start
    if 0 < start < stop and not text[start - 1].isspace():  # the window starts inside a word: it starts there
        first = _NON_SPACE_RE.match(text, start, stop)
        if first is not None:
            if _INNER_HYPHEN_RE.search(first.group(0)):
                out.append(first)
            pos = first.end()
    out.extend(_COMPOUND_RE.finditer(text, pos, stop))
    return out


def _earliest_longest(hits: list[Match[T]]) -> list[Match[T]]:
    """Non-overlapping hits in text order: of overlapping ones, the earliest, then the longest."""
    if len(hits) > 1:
        hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match[T]] = []
    last_end = -1
    for m in hits:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
    return kept


def _with_cut(tried: list[int], index: RunIndex, text: str, start: int, stop: int) -> list[int]:
    """``tried`` and the start of the run that ``stop`` cuts short, if any: the regex sees a shorter word there."""
    if stop < len(text) and (text[stop].isalnum() or text[stop] == "_"):
        cut = index.crossing(stop, start)
        if cut is not None and (not tried or tried[-1] != cut):
            return [*tried, cut]
    return tried


def _group(offsets: list[int], bounds: Sequence[tuple[int, int]]) -> dict[int, list[int]] | None:
    """The sorted ``offsets`` by the index of the bound holding them; None if ``bounds`` are not sorted and disjoint.

    Example:
        >>> _group([1, 6, 9], [(0, 6), (7, 9), (9, 11)])
        {0: [1], 2: [9]}
    """
    firsts = [s for s, _ in bounds]
    nexts = firsts[1:]
    if not (all(map(le, firsts, nexts)) and all(map(le, [e for _, e in bounds], nexts))):
        return None
    out: dict[int, list[int]] = {}
    for pos in offsets:
        i = bisect_right(firsts, pos) - 1
        if i >= 0 and pos < bounds[i][1]:
            out.setdefault(i, []).append(pos)
    return out
