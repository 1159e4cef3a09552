"""Step 2: cue verbs, the reporting verbs and phrases that introduce what a source says.

The one reporting-verb list is ``framing/lexicons/reporting_verbs.tsv``: each
form with its lemma, tense (base/s/past/ing/phrase), kind (speech, writing,
belief, report, source, document) and whether it can introduce a paraphrase.
Attribution takes the forms marked ``attribution = y`` (the others serve the
hedge and label rules).

Example:
    >>> [(c.text, c.value.lemma, c.value.tense) for c in cue_matcher().finditer("X said, according to Y.")]
    [('said', 'say', 'past'), ('according to', 'according to', 'phrase')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from framing.lexicons import load_lexicon
from framing.matching import Match, PhraseMatcher


@dataclass(frozen=True)
class Cue:
    """What a reporting verb or phrase is.

    Attributes:
        lemma: Base form (``say``, ``according to``).
        tense: ``base``, ``s``, ``past``, ``ing`` or ``phrase``.
        kind: ``speech``, ``writing``, ``belief``, ``report``, ``source`` or ``document``.
        paraphrase: Whether it can introduce reported content without quotation marks.
    """

    lemma: str
    tense: str
    kind: str
    paraphrase: bool


#: A cue found in a text.
CueMatch = Match[Cue]


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[Cue]:
    """Matcher of the reporting-verb forms that attribution takes as cues.

    Example:
        >>> [c.value.kind for c in cue_matcher().finditer("as he wrote, as he saw")]
        ['writing']
    """
    lex = load_lexicon("reporting_verbs")
    terms = {
        r["term"]: Cue(r["lemma"], r["tense"], r["kind"], r["paraphrase"] == "y")
        for r in lex.rows
        if r.get("attribution", "y") == "y"
    }
    return PhraseMatcher(terms)


_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over per the to up via vs with".split())
_WORD_RE = re.compile(r"[^\W\d_][\w’'.-]*")
#: How far a headline line reaches either side of a cue (a longer line is body text, not a headline).
_HEADLINE_CHARS = 200


def _headline_verb(text: str, cue: CueMatch) -> bool:
    """A verb of saying in a title-case headline line ("Sanders Says He Will Run"), where every word is capitalised.

    Example:
        >>> t = "Bernie Sanders Says He Has Started Writing\\n\\nThe United States said no."
        >>> [c.text for c in CueIndex.of(t).cues]
        ['Says', 'said']
    """
    v = cue.value
    if v.tense not in ("s", "past") or v.lemma == "state" or not v.paraphrase:
        return False  # "United States" stays a name
    lo = text.rfind("\n", max(0, cue.start - _HEADLINE_CHARS), cue.start) + 1
    hi = text.find("\n", cue.end, cue.end + _HEADLINE_CHARS)
    if (lo == 0 and cue.start > _HEADLINE_CHARS) or hi < 0 and len(text) - cue.end > _HEADLINE_CHARS:
        return False
    words = [w for w in _WORD_RE.findall(text, lo, len(text) if hi < 0 else hi) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _name_like(text: str, cue: CueMatch) -> bool:
    """A capitalised cue word that does not open a sentence or a quote ("the United States", "Post Notes").

    A verb of saying in a title-case headline is no name (:func:`_headline_verb`).
    """
    if not cue.text[:1].isupper():
        return False
    before = text[max(0, cue.start - 3) : cue.start].rstrip(" \t\u00a0\"“‘'(—–-")
    return bool(before) and before[-1] not in ".!?:;\n" and not _headline_verb(text, cue)


@dataclass
class CueIndex:
    """The cues of one text, in order, for lookups by range.

    Example:
        >>> ix = CueIndex.of("He said it. She told me.")
        >>> [c.text for c in ix.between(10, 24)]
        ['told']
    """

    cues: list[CueMatch]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [c.start for c in self.cues]

    @classmethod
    def of(cls, text: str) -> CueIndex:
        """Find every cue of a text; a capitalised form inside a sentence is a name, not a cue ("United States").

        Example:
            >>> [c.text for c in CueIndex.of("The United States said no. Says who?").cues]
            ['said', 'Says']
        """
        return cls([c for c in cue_matcher().finditer(text) if not _name_like(text, c)])

    def between(self, lo: int, hi: int) -> list[CueMatch]:
        """Cues lying wholly inside ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.cues) and self.cues[i].start < hi:
            if self.cues[i].end <= hi:
                out.append(self.cues[i])
            i += 1
        return out


__all__ = ["Cue", "CueIndex", "CueMatch", "cue_matcher"]
