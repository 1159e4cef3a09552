"""What every exercise shares: levels, settings, passages drawn from the span table, and the worksheet's data.

Passages are runs of consecutive sentences (``sentence`` spans) and are
drawn with ``numpy.random.default_rng`` seeded by ``(seed, exercise
number)``, so the same seed gives the same worksheet.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> a = analyze(load_corpus())
    >>> ps = candidate_passages(a, 2)
    >>> all(len(p.sentences) == 2 for p in ps)
    True
    >>> bool((spans_in(a, ps[0], ["sentence"])["start"] >= ps[0].start).all())
    True
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing.engines.memory import Analysis

#: Worksheet levels.
LEVELS: tuple[str, ...] = ("intro", "advanced")

#: A sentence shorter than this (in words) is page furniture ("Photo: Tass"), never part of a passage.
MIN_SENTENCE_WORDS = 6

#: Longest passage shown, in characters (a passage must fit on a printed page with room to write).
MAX_PASSAGE_CHARS = 1100


#: Plain words for the voice column.
VOICE_WORDS: dict[str, str] = {
    "authorial": "the outlet's own voice",
    "direct_quote": "a direct quote",
    "attributed_paraphrase": "a paraphrase of a source",
    "": "the outlet's own voice",
}


@dataclass(frozen=True)
class Settings:
    """How much each exercise asks of students at one level."""

    hedge_passages: int
    hedge_sentences: int
    hedge_min: int
    hedge_max: int
    hedge_features: tuple[str, ...]
    quote_outlets: int
    quote_sentences: int
    quote_features: tuple[str, ...]
    label_items: int
    blind_outlets: int
    blind_sentences: int
    readability_passages: int
    readability_gap: float
    discussion: int
    key_terms: int
    max_chars: int = MAX_PASSAGE_CHARS
    missing_passages: int = 1
    missing_sentences: int = 2
    #: Passages earlier exercises of the same worksheet use, as ``(article_id, start, end)``: later exercises
    #: draw other text where they can (:func:`taken_by`), so one sentence is not asked about twice.
    avoid: tuple[tuple[str, int, int], ...] = ()


SETTINGS: dict[str, Settings] = {
    # intro: one 45-minute lesson, at most 4 printed pages; advanced: at most 8. The intro sheet has no blind
    # source (it needs students who have read every article of the pack; "What's missing?" takes its place).
    "intro": Settings(
        hedge_passages=1, hedge_sentences=3, hedge_min=2, hedge_max=5, hedge_features=("hedge",),
        quote_outlets=2, quote_sentences=2, quote_features=("quote",), label_items=3,
        blind_outlets=0, blind_sentences=2, readability_passages=0, readability_gap=3.0, discussion=2, key_terms=6,
        max_chars=520, missing_passages=1, missing_sentences=2,
    ),
    "advanced": Settings(
        hedge_passages=2, hedge_sentences=3, hedge_min=3, hedge_max=8, hedge_features=("hedge", "booster"),
        quote_outlets=3, quote_sentences=3, quote_features=("quote", "paraphrase"), label_items=5,
        blind_outlets=4, blind_sentences=2, readability_passages=3, readability_gap=2.0, discussion=4, key_terms=10,
        max_chars=700, missing_passages=1, missing_sentences=2,
    ),
}


@dataclass(frozen=True)
class Passage:
    """A run of sentences of one article: ``text`` is ``Article.text[start:end]`` (or its anonymised form)."""

    article_id: str
    outlet_id: str
    outlet_name: str
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Cue:
    """One span of the span table shown in a key, with offsets relative to its passage."""

    feature: str
    start: int
    end: int
    rel_start: int
    rel_end: int
    text: str
    label: str = ""
    category: str = ""
    polarity: str = ""
    voice: str = ""
    speaker: str = ""
    why: str = ""


@dataclass
class Item:
    """A passage with the cues the key shows for it (and extra facts for the key)."""

    passage: Passage
    cues: list[Cue] = field(default_factory=list)
    letter: str = ""
    facts: dict[str, object] = field(default_factory=dict)
    ref: str = ""
    check: list[str] = field(default_factory=list)


@dataclass
class Exercise:
    """One exercise: items for students, answers for the key, or the reason it was left out."""

    kind: str
    title: str
    instructions: str
    items: list[Item] = field(default_factory=list)
    overview: list[dict[str, object]] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    questions: list[dict[str, object]] = field(default_factory=list)
    omitted: str = ""
    note: str = ""
    options: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Worksheet:
    """All exercises of one worksheet (``story``: the story's name)."""

    level: str
    seed: int
    title: str
    outlets: list[tuple[str, str]]
    n_articles: int
    exercises: list[Exercise]
    story: str = ""
    blind_pack: bool = False

    @property
    def included(self) -> list[Exercise]:
        """Exercises with enough material (the ones students get)."""
        return [e for e in self.exercises if not e.omitted]


def seeded(seed: int, exercise: int) -> np.random.Generator:
    """The random generator of one exercise: seeded by the worksheet's seed and the exercise number."""
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, exercise])


def article_sentences(analysis: Analysis, article_id: str) -> list[tuple[int, int, float]]:
    """``(start, end, words)`` of each sentence of an article, in order (from the rows :func:`spans_in` reads)."""
    found = _by_position(analysis.spans).get(article_id)
    if found is None:
        return []
    rows, feature, start, end = found
    words = rows["score"].to_numpy(dtype=float)
    return [(int(start[i]), int(end[i]), float(words[i])) for i in np.flatnonzero(feature == "sentence")]


def candidate_passages(analysis: Analysis, n_sentences: int, *, max_chars: int = MAX_PASSAGE_CHARS) -> list[Passage]:
    """Every run of ``n_sentences`` consecutive content sentences, article by article, in order.

    A content sentence has at least :data:`MIN_SENTENCE_WORDS` words; runs
    longer than ``max_chars`` characters, and runs that start or
    end inside a direct quote (a quote the sentence splitter cut), are dropped
    (see the module example).
    """
    out: list[Passage] = []
    s = analysis.spans
    quotes = s[s["feature"] == "quote"]
    for article in analysis.corpus.articles:
        sents = article_sentences(analysis, article.id)
        mine = quotes[quotes["article_id"] == article.id]
        cut = list(zip(mine["start"].astype(int), mine["end"].astype(int), strict=True))
        for i in range(len(sents) - n_sentences + 1):
            run = sents[i : i + n_sentences]
            if any(w < MIN_SENTENCE_WORDS for _, _, w in run):
                continue
            start, end = run[0][0], run[-1][1]
            if end - start > max_chars or any(a < start < b or a < end < b for a, b in cut):
                continue
            out.append(
                Passage(article.id, article.outlet_id, article.outlet_name, start, end, article.text[start:end],
                        tuple((a, b) for a, b, _ in run))
            )
    return out


def spans_in(analysis: Analysis, passage: Passage, features: Sequence[str]) -> pd.DataFrame:
    """Spans of these features lying wholly inside the passage, by position (see the module example)."""
    found = _by_position(analysis.spans).get(passage.article_id)
    if found is None:
        return analysis.spans.iloc[:0]
    rows, feature, start, end = found
    wanted = set(features)
    inside = np.fromiter((f in wanted for f in feature), dtype=bool, count=len(feature))
    return rows.iloc[np.flatnonzero(inside & (start >= passage.start) & (end <= passage.end))]


#: One article's span rows in position order, with their feature, start and end as arrays.
_ArticleRows = tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]

#: The span table last read by :func:`_by_position` (weakly: the cache is cleared when the table goes), by article.
_POSITIONS: list[tuple[weakref.ref[pd.DataFrame], dict[str, _ArticleRows]]] = []


def _by_position(spans: pd.DataFrame) -> dict[str, _ArticleRows]:
    """Each article's span rows sorted by start, end and feature (stable: table order among equals).

    A worksheet asks for the spans of hundreds of passages; each then filters one article's rows,
    already in order, instead of the whole table. A subset of a stably sorted table is in the
    order a stable sort of the subset gives, so the rows and their order are the same.
    """
    if _POSITIONS and _POSITIONS[0][0]() is spans:
        return _POSITIONS[0][1]
    ordered = spans.sort_values(["article_id", "start", "end", "feature"], kind="mergesort")
    groups = {str(a): (rows, rows["feature"].astype(str).to_numpy(dtype=object), rows["start"].to_numpy(dtype=np.int64),
                       rows["end"].to_numpy(dtype=np.int64))
              for a, rows in ordered.groupby("article_id", sort=False)}
    _POSITIONS[:] = [(weakref.ref(spans), groups)]
    weakref.finalize(spans, _POSITIONS.clear)
    return groups


def make_cue(row: pd.Series, passage: Passage, why: str = "") -> Cue:
    """A span-table row as a :class:`Cue` of a passage (offsets also relative to the passage)."""
    return Cue(
        feature=str(row["feature"]), start=int(row["start"]), end=int(row["end"]),
        rel_start=int(row["start"]) - passage.start, rel_end=int(row["end"]) - passage.start,
        text=str(row["text"]), label=str(row["label"]), category=str(row["category"]),
        polarity=str(row["polarity"]), voice=str(row["voice"]), speaker=str(row["speaker"]), why=why,
    )


def taken_by(passage: Passage, avoid: Sequence[tuple[str, int, int]]) -> bool:
    """Whether the passage shares text with one of the passages in ``avoid`` (``(article_id, start, end)``).

    Example:
        >>> p = Passage("a1", "o", "O", 100, 200, "x" * 100)
        >>> taken_by(p, [("a1", 190, 300)]), taken_by(p, [("a1", 200, 300)]), taken_by(p, [("a2", 0, 500)])
        (True, False, False)
    """
    return any(a == passage.article_id and s < passage.end and passage.start < e for a, s, e in avoid)


def untaken_first(passages: Sequence[Passage], avoid: Sequence[tuple[str, int, int]]) -> list[Passage]:
    """The passages in their order, those sharing no text with ``avoid`` first (the others stay as a fallback)."""
    return sorted(passages, key=lambda p: taken_by(p, avoid))


def pick(rng: np.random.Generator, items: Sequence[Passage], k: int, *,
         distinct_articles: bool = True, avoid: Sequence[tuple[str, int, int]] = ()) -> list[Passage]:
    """Up to ``k`` passages drawn without replacement (at most one per article), in drawn order.

    Passages overlapping ``avoid`` (text an earlier exercise uses) are drawn only when nothing else is left.
    """
    order = rng.permutation(len(items)) if items else np.array([], dtype=int)
    out: list[Passage] = []
    used: set[str] = set()
    for p in untaken_first([items[int(i)] for i in order], avoid):
        if distinct_articles and p.article_id in used:
            continue
        out.append(p)
        used.add(p.article_id)
        if len(out) == k:
            break
    return out


def by_outlet_order(analysis: Analysis, passages: list[Passage]) -> list[Passage]:
    """Passages in corpus outlet order, then by article and position."""
    order = {o: i for i, (o, _) in enumerate(analysis.corpus.outlets)}
    return sorted(passages, key=lambda p: (order.get(p.outlet_id, 0), p.article_id, p.start))



def widen(analysis: Analysis, passage: Passage, ok: Callable[[Passage], bool], *, extra: int = 2,
          max_chars: int = MAX_PASSAGE_CHARS * 3 // 2) -> Passage | None:
    """The passage, or the passage with up to ``extra`` sentences added before (then after) it, that is ``ok``.

    Used to widen an excerpt until the speaker of its quote is named in it;
    None when no widening within ``max_chars`` characters is ``ok``.

    Example:
        >>> from framing.corpus.loading import load_corpus
        >>> from framing.engines.memory import analyze
        >>> a = analyze(load_corpus())
        >>> p = candidate_passages(a, 1)[5]
        >>> w = widen(a, p, lambda q: len(q.sentences) == 2)
        >>> w is not None and len(w.sentences) == 2 and w.start <= p.start
        True
    """
    if ok(passage):
        return passage
    text = next(a.text for a in analysis.corpus.articles if a.id == passage.article_id)
    sents = [(a, b) for a, b, _ in article_sentences(analysis, passage.article_id)]
    first = next((i for i, (a, _) in enumerate(sents) if a >= passage.start), 0)
    last = max((i for i, (_, b) in enumerate(sents) if b <= passage.end), default=first)
    for before, after in [(k, 0) for k in range(1, extra + 1)] + [(0, k) for k in range(1, extra + 1)] + [
            (k, k) for k in range(1, extra + 1)]:
        i, j = first - before, last + after
        if i < 0 or j >= len(sents):
            continue
        start, end = sents[i][0], sents[j][1]
        if end - start > max_chars:
            continue
        wider = Passage(passage.article_id, passage.outlet_id, passage.outlet_name, start, end, text[start:end],
                        tuple(sents[i : j + 1]))
        if ok(wider):
            return wider
    return None
