"""Hedges and boosters: cues that weaken or strengthen the writer's (or a source's) commitment.

Features ``hedge`` and ``booster``; ``label`` = the canonical cue
(``hedges.tsv``/``boosters.tsv``), ``category`` = cue type (modal,
lexical_verb, adverb, adjective, multiword, opinion, approximator,
distancing, evidential), ``score`` = 1.0 for core cues and 0.5 for
borderline ones (approximators, distancing words, weak evidentials,
"potential"), so a table can include or drop them.

Non-epistemic uses are kept out where the text shows them:

* ``May`` the month: a capitalised "May" that is not sentence-initial, or is
  followed by a number or preceded by in/on/last/next/early/late/mid/since;
* ``may`` of permission ("you may leave", "visitors may") - lexicon context;
* ``could not``/``couldn't`` + verb (past ability, reported categorical) -
  lexicon context; "could not have" and "could not be ruled out" stay;
* ``would`` after a reporting verb in the same clause ("said it would hold
  talks", "announced that they would"; clauses from
  :mod:`framing.features.clauses`), or inside a "that"-clause of a past verb of
  saying or realising ("began to see that Russia would need") - future in the
  past. The verbs are the forms marked in the ``would`` column of the one
  reporting-verb list (``lexicons/reporting_verbs.tsv``);
* ``appear`` = show up ("appeared at the ceremony") and ``clear`` as a verb
  ("to clear the way") - lexicon context.

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

from framing.corpus.segmentation import tokenize
from framing.document import Doc
from framing.features._context import context_ok, is_month_may
from framing.features.clauses import has_break, that_clause_reaches
from framing.lexicons import Lexicon, load_lexicon
from framing.matching import Match, PhraseMatcher
from framing.measures import OWN_VOICES, SOURCE_VOICES, Measure
from framing.model import Span
from framing.story import Story

if TYPE_CHECKING:
    import pandas as pd

HEDGE = "hedge"
BOOSTER = "booster"

#: The one reporting-verb list (its ``would`` column marks the forms this family uses).
REPORTING_VERBS = "reporting_verbs"

#: score of a cue by its lexicon tier.
TIER_SCORE: dict[str, float] = {"core": 1.0, "borderline": 0.5}

_REPORT_WINDOW_WORDS = 8


@lru_cache(maxsize=1)
def _future_in_past_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting-verb forms after which "would" is the future in the past (``would`` column of the lexicon).

    The first set: a "would" shortly after the form in the same clause ("said it would hold talks"); the second:
    a "would" anywhere in a that-clause the form introduces ("began to see that Russia would need").
    """
    near: set[str] = set()
    that: set[str] = set()
    for row in load_lexicon(REPORTING_VERBS).rows:
        uses = set(row.get("would", "").split("|"))
        if "near" in uses:
            near.add(row["term"].lower())
        if "that" in uses:
            that.add(row["term"].lower())
    return frozenset(near), frozenset(that)


@dataclass(frozen=True)
class _Cue:
    feature: str
    term: str
    category: str
    score: float
    context: str


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
                    ),
                )
                for row in lex.rows
            ]
            self._matchers.append(PhraseMatcher(cues))

    def __call__(self, doc: Doc) -> list[Span]:
        """Hedge and booster spans of ``doc`` in text order."""
        text = doc.text
        spans: list[Span] = []
        for s, e in doc.sentences:
            words = tokenize(text, s, e)
            for matcher in self._matchers:
                for m in matcher.finditer(text, s, e):
                    if self._keep(text, s, words, m):
                        c = m.value
                        spans.append(doc.span(c.feature, m.start, m.end, label=c.term, category=c.category,
                                              score=c.score))
        spans.sort(key=lambda x: (x.start, x.end))
        return spans

    @staticmethod
    def _keep(text: str, sent_start: int, words: list[tuple[int, int]], m: Match[_Cue]) -> bool:
        before = [w for w in words if w[1] <= m.start]
        after = [w for w in words if w[0] >= m.end]
        prev = text[before[-1][0] : before[-1][1]] if before else ""
        nxt = text[after[0][0] : after[0][1]] if after else ""
        if not context_ok(m.value.context, previous=prev, following=nxt):
            return False
        term = m.value.term
        if term == "may" and is_month_may(m.text, prev, nxt, sentence_initial=not before):
            return False
        if term == "would" and _after_reporting_verb(text, sent_start, m.start, before):
            return False
        return True


def _after_reporting_verb(text: str, sent_start: int, offset: int, before: list[tuple[int, int]]) -> bool:
    """Whether a reporting verb comes shortly before ``offset`` in the same clause.

    Example:
        >>> t = "He said it would hold talks"
        >>> _after_reporting_verb(t, 0, 11, tokenize(t, 0, 10))
        True
    """
    near, that = _future_in_past_verbs()
    for a, b in reversed(before[-_REPORT_WINDOW_WORDS:]):
        if text[a:b].lower() in near:
            return not has_break(text, b, offset)
    # Further back: "<past verb of saying/realising> that …" earlier in the same sentence, its that-clause
    # still running (no "if" or ";" between).
    for i, (a, b) in enumerate(before[:-1]):
        na, nb = before[i + 1]
        if text[a:b].lower() in that and text[na:nb].lower() == "that":
            return that_clause_reaches(text, nb, offset)
    return False


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
