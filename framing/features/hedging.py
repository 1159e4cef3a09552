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
  talks", "announced that they would"), or inside a "that"-clause of a past
  verb of saying or realising ("began to see that Russia would need") - future
  in the past;
* ``appear`` = show up ("appeared at the ceremony") and ``clear`` as a verb
  ("to clear the way") - lexicon context.

"will" is not a hedge. Voice and speaker come from :meth:`Doc.span`.

Example:
    >>> from framing.document import Doc
    >>> from framing.model import Article
    >>> t = "In May, Xi said it would hold talks. It is clear the deal may well fail."
    >>> doc = Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(s.feature, s.label) for s in extract(doc)]
    [('booster', 'clear'), ('hedge', 'may well')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.corpus.segmentation import tokenize
from framing.document import Doc
from framing.features._context import context_ok, is_month_may
from framing.features._matching import Match, PhraseMatcher
from framing.lexicons import Lexicon, load_lexicon
from framing.model import Span

HEDGE = "hedge"
BOOSTER = "booster"

#: score of a cue by its lexicon tier.
TIER_SCORE: dict[str, float] = {"core": 1.0, "borderline": 0.5}

_REPORTING = frozenset(
    "said says say told tells announced announces added adds stated states promised promises pledged pledges "
    "agreed agrees confirmed confirms declared declares insisted insists vowed vows claimed claims reported "
    "reports indicated signalled signaled warned warns predicted predicts expected expects hoped hopes "
    "decided decides".split()
)
_REPORT_WINDOW_WORDS = 8
#: Past-tense verbs of saying or realising that introduce a "that"-clause: "would" inside it is the
#: future in the past ("Yeltsin began to see that Russia would need…"), not speculation.
_PAST_THAT_VERBS = frozenset(
    "said told announced added stated promised pledged agreed confirmed declared insisted vowed claimed "
    "reported indicated signalled signaled warned predicted expected hoped decided saw realised realized "
    "knew understood recognised recognized learned learnt assured explained wrote see realise realize".split()
)
_CLAUSE_BREAK_RE = re.compile(r"[;:—–()]|,\s*(?:but|and|while|if)\b|\bif\b|\bbut\b", re.IGNORECASE)


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
    for a, b in reversed(before[-_REPORT_WINDOW_WORDS:]):
        if text[a:b].lower() in _REPORTING:
            return not _CLAUSE_BREAK_RE.search(text, b, offset)
    # Further back: "<past verb of saying/realising> that …" earlier in the same sentence, no "if" between.
    for i, (a, b) in enumerate(before[:-1]):
        na, nb = before[i + 1]
        if text[a:b].lower() in _PAST_THAT_VERBS and text[na:nb].lower() == "that":
            return not re.search(r"\bif\b|[;:]", text[nb:offset], re.IGNORECASE)
    return False


def make_hedge_extractor(
    *, hedges: str | Path = "hedges", boosters: str | Path = "boosters"
) -> HedgeExtractor:
    """Build a hedge/booster extractor from packaged lexicon names or a user's TSV paths.

    Example:
        >>> from framing.document import Doc
        >>> from framing.model import Article
        >>> t = "Visitors may leave. It may rain."
        >>> doc = Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
        >>> [s.start for s in make_hedge_extractor()(doc)]
        [23]
    """
    return HedgeExtractor(hedges=load_lexicon(hedges), boosters=load_lexicon(boosters))


@lru_cache(maxsize=1)
def _default_extractor() -> HedgeExtractor:
    return make_hedge_extractor()


def extract(doc: Doc) -> list[Span]:
    """Hedge and booster spans of ``doc`` with the packaged lexicons.

    Example:
        >>> from framing.document import Doc
        >>> from framing.model import Article
        >>> t = "The leaders appeared at the ceremony; the talks appear to have failed."
        >>> [s.text for s in extract(Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))]
        ['appear']
    """
    return _default_extractor()(doc)
