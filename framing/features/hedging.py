"""Hedges and boosters: cues that weaken or strengthen the writer's (or a source's) commitment.

Features ``hedge`` and ``booster``; ``label`` = the canonical cue
(``hedges.tsv``/``boosters.tsv``), ``category`` = cue type (modal,
lexical_verb, adverb, adjective, multiword, opinion, approximator,
distancing, evidential), ``score`` = 1.0 for core cues and 0.5 for
borderline ones (approximators, distancing words, weak evidentials,
"potential"), so a table can include or drop them.

What counts is written in the guideline at the head of ``hedges.tsv`` and
``boosters.tsv``. A lexicon row's ``context`` cell (:mod:`framing.features._context`)
and ``sense`` cell (:mod:`framing.features.hedge_senses`,
:mod:`framing.features.would_sense`) keep out the uses the text shows are not
hedges or boosters: "May" the month, "you may" (permission), "could not
attend"; "would" that is not speculation (conditional, proposal, reported,
future in the past, habitual, "would like"); "likely voters"; "about" as the
preposition of a topic; "suggested"/"indicated" with a speaker as subject;
"appeared on MSNBC"; "military might"; "not clear" (a hedge, not the booster
"clear"), "steer clear of", "absolutely critical" (degree). A match inside a
longer match of the other feature is dropped ("uncertain" in the booster "in
no uncertain terms"). :meth:`HedgeExtractor.candidates` lists every match
with the reason it was dropped.

"will" is not a hedge. Voice and speaker come from :meth:`Doc.span`.

Example:
    >>> from framing.attribution import prepare_doc
    >>> from framing.model import Article
    >>> t = "In May, Xi said it would hold talks. It is clear the deal may well fail."
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(s.feature, s.label) for s in extract(doc)]
    [('booster', 'clear'), ('hedge', 'may well')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from framing.document import Doc
from framing.features._context import context_ok, is_month_may
from framing.features.cue_context import Sentence
from framing.features.hedge_senses import reason
from framing.lexicons import Lexicon, load_lexicon
from framing.matching import Match, PhraseMatcher
from framing.measures import OWN_VOICES, SOURCE_VOICES, Measure
from framing.model import Span
from framing.story import Story

if TYPE_CHECKING:
    import pandas as pd

HEDGE = "hedge"
BOOSTER = "booster"

#: score of a cue by its lexicon tier.
TIER_SCORE: dict[str, float] = {"core": 1.0, "borderline": 0.5}


@dataclass(frozen=True)
class _Cue:
    feature: str
    term: str
    category: str
    score: float
    context: str
    sense: str


class HedgeExtractor:
    """Finds hedge and booster cues; call it on a :class:`Doc`.

    Args:
        hedges: Hedge lexicon (``term``, ``category``, optional ``tier``, ``context``).
        boosters: Booster lexicon, same columns.

    Example:
        >>> ex = make_hedge_extractor()
        >>> len(ex.hedges.rows) > 50
        True
    """

    def __init__(self, *, hedges: Lexicon, boosters: Lexicon):
        self.hedges = hedges
        self.boosters = boosters
        self._matchers: list[PhraseMatcher[_Cue]] = []
        for feature, lex in ((HEDGE, hedges), (BOOSTER, boosters)):
            cues = [
                (
                    row["term"],
                    _Cue(
                        feature,
                        row["term"],
                        row.get("category", ""),
                        TIER_SCORE.get(row.get("tier", "core") or "core", 1.0),
                        row.get("context", ""),
                        row.get("sense", ""),
                    ),
                )
                for row in lex.rows
            ]
            self._matchers.append(PhraseMatcher(cues))

    def __call__(self, doc: Doc) -> list[Span]:
        """Hedge and booster spans of ``doc`` in text order."""
        return [span for span, why in self.candidates(doc) if not why]

    def candidates(self, doc: Doc) -> list[tuple[Span, str]]:
        """Every lexicon match of ``doc`` with the reason it is not a cue (``""`` for the cues), in text order.

        Example:
            >>> from framing.attribution import prepare_doc
            >>> from framing.model import Article
            >>> t = "Among likely voters, he is likely to win."
            >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
            >>> [(s.text, why) for s, why in make_hedge_extractor().candidates(doc)]
            [('likely', 'poll category (likely voters)'), ('likely', '')]
        """
        text = doc.text
        out: list[tuple[Span, str]] = []
        per_matcher = [matcher.hits_in(text, doc.sentences) for matcher in self._matchers]
        for i, (s, e) in enumerate(doc.sentences):
            sentence: Sentence | None = None
            found: list[tuple[Match[_Cue], str]] = []
            for hits in per_matcher:
                for m in hits[i]:
                    sentence = sentence or Sentence(text, s, e)
                    found.append((m, _why_not(sentence, m)))
            for m, why in found:
                why = why or _inside_other(m, [x for x, w in found if not w])
                c = m.value
                out.append((doc.span(c.feature, m.start, m.end, label=c.term, category=c.category, score=c.score),
                            why))
        out.sort(key=lambda x: (x[0].start, x[0].end))
        return out


def _why_not(s: Sentence, m: Match[_Cue]) -> str:
    """Why the match ``m`` is not a cue (context rule, month "May", sense rules), or ``""``."""
    k = s.index(m.start)
    j = s.index(m.end)
    prev = s.text[s.words[k - 1][0] : s.words[k - 1][1]] if k > 0 else ""
    nxt = s.text[s.words[j][0] : s.words[j][1]] if j < len(s.words) else ""
    if not context_ok(m.value.context, previous=prev, following=nxt):
        return "context"
    if m.value.term == "may" and is_month_may(m.text, prev, nxt, sentence_initial=k == 0):
        return "month"
    return reason(m.value.sense, s, m.start, m.end) if m.value.sense else ""


def _inside_other(m: Match[_Cue], kept: list[Match[_Cue]]) -> str:
    """Why ``m`` is dropped when a longer kept match of the other feature covers it, or ``""``.

    "uncertain" in the booster "in no uncertain terms", "clear" in the hedge "not clear".
    """
    for x in kept:
        longer = x.end - x.start > m.end - m.start
        if x.value.feature != m.value.feature and x.start <= m.start and m.end <= x.end and longer:
            return f"inside the {x.value.feature} '{x.value.term}'"
    return ""


def make_hedge_extractor(
    *, hedges: str | Path = "hedges", boosters: str | Path = "boosters"
) -> HedgeExtractor:
    """Build a hedge/booster extractor from packaged lexicon names or a user's TSV paths.

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> t = "Visitors may leave. It may rain."
        >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
        >>> [s.start for s in make_hedge_extractor()(doc)]
        [23]
    """
    return HedgeExtractor(hedges=load_lexicon(hedges), boosters=load_lexicon(boosters))


@lru_cache(maxsize=1)
def _default_extractor() -> HedgeExtractor:
    return make_hedge_extractor()


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """Hedge and booster spans of ``doc`` with the packaged lexicons (the same for every story).

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> t = "The leaders appeared at the ceremony; the talks appear to have failed."
        >>> [s.text for s in extract(prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))]
        ['appear']
    """
    return _default_extractor()(doc)


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """Hedges and boosters per 1,000 words: all, in the outlet's own voice, in sources' words.

    Args:
        spans: A span table (measures for the features it has), or None (both features).
        articles: Not used.
        story: Not used (hedges are the same in every story).

    Example:
        >>> [m.key for m in measures()][:2]
        ['hedge_per_1000_words', 'hedge_own_per_1000_words']
    """
    present = None if spans is None else set(spans["feature"])
    out: list[Measure] = []
    for feat, plural in ((HEDGE, "hedges"), (BOOSTER, "boosters")):
        if present is not None and feat not in present:
            continue
        g, f, unit = "Hedges and boosters", (feat,), "per 1,000 words"
        out.append(Measure(f"{feat}_per_1000_words", g, f"{plural}, all", unit, "rate", f))
        out.append(Measure(f"{feat}_own_per_1000_words", g, f"{plural}, outlet's own voice", unit, "rate", f,
                           (("voice", OWN_VOICES),)))
        out.append(Measure(f"{feat}_sources_per_1000_words", g, f"{plural}, sources' words", unit, "rate", f,
                           (("voice", SOURCE_VOICES),)))
    return out
