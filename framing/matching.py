"""The one lexicon matcher every feature family shares.

Terms are matched as whole words and phrases: a match may not start or end
inside a word, and a hyphen counts as part of a word, so ``ally`` never
matches in "especially", "rally" or "ally-ship", and ``alliance`` is not a
separate hit inside "quasi-alliance". Inside a phrase, any run of spaces
(including no-break spaces), a line break or a hyphen separates words, so
"marriage of convenience" also finds "marriage-of-convenience". Longer
phrases win over shorter ones starting at the same place.

Example:
    >>> m = PhraseMatcher({"ally": "alliance", "marriage of convenience": "convenience"}, plurals=True)
    >>> [(x.text, x.value) for x in m.finditer("Especially allies, a marriage-of-convenience rally.")]
    [('allies', 'alliance'), ('marriage-of-convenience', 'convenience')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_SEP = r"(?:[\s\u00a0]+|\s*[-‐‑–]\s*)"
_LEFT = r"(?<![\w\-‐‑])"
_RIGHT = r"(?![\w\-‐‑])"
_NORM_SEP_RE = re.compile(r"[\s\u00a0\-‐‑–]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_NON_SPACE_RE = re.compile(r"[^\s]+")
_INNER_HYPHEN_RE = re.compile(r"[^\s\-‐‑][-‐‑][^\s\-‐‑]")
_HYPHEN_SPLIT_RE = re.compile(r"([-‐‑])")
_HYPHEN_RE = re.compile(r"[-‐‑]")


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

    def _key(self, phrase: str) -> str:
        if self.case_sensitive:
            return _NORM_SEP_RE.sub(" ", phrase.translate(_APOSTROPHES)).strip()
        return normalise(phrase)

    @staticmethod
    def _pattern(phrase: str) -> str:
        words = [w for w in _NORM_SEP_RE.split(phrase.strip()) if w]
        parts = [re.escape(w.translate(_APOSTROPHES)).replace("'", "['’‘]") for w in words]
        return _SEP.join(parts)

    def __len__(self) -> int:
        return len(self._values)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match[T]]:
        """Yield non-overlapping matches in ``text[start:end]`` (absolute offsets)."""
        stop = len(text) if end is None else end
        found = self._found
        for m in self._regex.finditer(text, start, stop):
            hit = m.group(0)
            entry = found.get(hit)
            if entry is None:  # the term of a matched string, normalised once per distinct string
                entry = found[hit] = self._values[self._key(hit)]
            yield Match(m.start(), m.end(), hit, entry[0], entry[1])


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

    def _raw(self, text: str, start: int, end: int | None) -> list[Match[T]]:
        hits = [m for matcher in self._matchers for m in matcher.finditer(text, start, end)]
        hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match[T]] = []
        last_end = -1
        for m in hits:
            if m.start >= last_end:
                kept.append(m)
                last_end = m.end
        return kept

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match[T]]:
        """Yield kept matches in ``text[start:end]`` in text order (absolute offsets)."""
        kept = self._raw(text, start, end)
        stop = len(text) if end is None else end
        # Compounds only where there is a hyphen at all: most sentences have none, and the word loop is Python.
        if self._compounds and _HYPHEN_RE.search(text, start, stop):
            covered = [(m.start, m.end) for m in kept]
            for w in _NON_SPACE_RE.finditer(text, start, stop):
                ws, we = w.start(), w.end()
                if not _INNER_HYPHEN_RE.search(w.group(0)) or any(s < we and ws < e for s, e in covered):
                    continue
                pos = ws
                for part in _HYPHEN_SPLIT_RE.split(w.group(0)):
                    if part and part not in "-‐‑":
                        for m in self._raw(part, 0, None):
                            kept.append(Match(pos + m.start, pos + m.end, m.text, m.term, m.value))
                    pos += len(part)
            kept.sort(key=lambda m: m.start)
        for m in kept:
            if self._exclude is None or not self._exclude(m.value):
                yield m
