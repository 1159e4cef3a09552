"""Keyword in context: every occurrence of a word or phrase, with voice, speaker and how a label counts.

Unlike a plain concordance, each row keeps character offsets into the
cleaned text, so it can be highlighted and traced. Voice, speaker and
sentence come from the span table (:func:`voice_at`), not from re-reading
the text: given an :class:`~framing.engines.memory.Analysis`, nothing is
re-extracted. An occurrence that is a relationship label carries the
label's category, polarity and target, and ``counted``: ``yes`` when its
target is the story's dyad (it counts in the story figures), ``no`` when it
is about another relationship; other occurrences leave these blank.
:func:`format_kwic` gives the lines ``framing kwic`` prints.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> rows = kwic(load_corpus(), "alliance")
    >>> {"article_id", "left", "match", "right", "voice", "speaker", "target", "counted"} <= set(rows.columns)
    True
    >>> sorted(set(rows["counted"]))
    ['no', 'yes']
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pandas as pd

from framing.engines.memory import Analysis, analyze
from framing.features.labels import FEATURE as LABEL
from framing.features.labels import category_name, counts_for_story, not_counted_note
from framing.matching import Match, PhraseMatcher
from framing.model import Article, Corpus
from framing.story import Story

#: A span row: ``(start, end, ...)``.
R = TypeVar("R", bound=tuple[Any, ...])

KWIC_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "outlet_name",
    "start",
    "end",
    "left",
    "match",
    "right",
    "sentence",
    "voice",
    "speaker",
    "category",
    "polarity",
    "target",
    "counted",
)

#: Columns a label occurrence fills (blank for other occurrences).
LABEL_COLUMNS: tuple[str, ...] = ("category", "polarity", "target", "counted")

#: The voice of the text inside each attribution span feature.
ATTRIBUTION_VOICES: dict[str, str] = {"quote": "direct_quote", "paraphrase": "attributed_paraphrase"}


def voice_at(spans: pd.DataFrame, offset: int) -> tuple[str, str]:
    """``(voice, speaker)`` of the character at ``offset`` of one article.

    The voice is that of the innermost ``quote`` or ``paraphrase`` span
    covering the offset (a quote inside a paraphrase is the quote's; of two
    spans with the same extent, the paraphrase's), else ``("authorial", "")``.

    Args:
        spans: Spans of one article (rows of other features are ignored).
        offset: Character offset into the article's cleaned text.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "paraphrase", 0, 30, "x", speaker="Lee"),
        ...                     Span("a", "o", "quote", 10, 20, "y", speaker="Kim")])
        >>> voice_at(s, 12), voice_at(s, 25), voice_at(s, 40)
        (('direct_quote', 'Kim'), ('attributed_paraphrase', 'Lee'), ('authorial', ''))
    """
    return _voice_in(_attributions(spans), offset)


def _attributions(spans: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """``(start, end, feature, speaker)`` of the quote and paraphrase rows of ``spans``."""
    rows = spans[spans["feature"].isin(list(ATTRIBUTION_VOICES))]
    return [(int(s), int(e), str(f), str(sp)) for s, e, f, sp in
            zip(rows["start"], rows["end"], rows["feature"], rows["speaker"], strict=True)]


def _voice_in(attributions: Sequence[tuple[int, int, str, str]], offset: int) -> tuple[str, str]:
    """:func:`voice_at` over :func:`_attributions` rows (in table order; rows not covering ``offset`` are skipped)."""
    best: tuple[int, int] | None = None
    found = ("authorial", "")
    for start, end, feature, speaker in attributions:
        if start <= offset < end:
            key = (end - start, 0 if feature == "paraphrase" else 1)
            if best is None or key < best:
                best, found = key, (ATTRIBUTION_VOICES[feature], speaker)
    return found


def _sentence_at(starts: list[int], ends: list[int], numbers: list[int], offset: int) -> int:
    """Index of the sentence span containing ``offset`` (-1 if between sentences)."""
    i = bisect.bisect_right(starts, offset) - 1
    return numbers[i] if i >= 0 and offset < ends[i] else -1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def kwic(
    source: Analysis | Corpus,
    term: str,
    *,
    window: int = 60,
    plurals: bool = True,
    story: Story | None = None,
) -> pd.DataFrame:
    """Every whole-word occurrence of ``term`` in all outlets.

    Args:
        source: An analysis (its analysed articles and span table are used),
            or a corpus (its quotes and paraphrases are found first, with
            :func:`framing.engines.memory.analyze`).
        term: A word or phrase (hyphen/space variants and plurals match).
        window: Characters of context on each side.
        plurals: Also match the regular plural.
        story: The story configuration the quotes of a corpus are found with
            (None: the default story); an analysis keeps its own.

    Returns:
        One row per occurrence, columns :data:`KWIC_COLUMNS`, in corpus order;
        :data:`LABEL_COLUMNS` are filled where the occurrence overlaps a
        relationship-label span (``counted``: ``yes``/``no``), else blank.
    """
    if not term.strip():
        raise ValueError("KWIC needs a non-empty term")
    if not isinstance(source, Analysis):
        source = analyze(source, families=["sentence", "quote", LABEL], story=story)
    return kwic_terms(source, [term], window=window, plurals=plurals)[term]


def kwic_terms(analysis: Analysis, terms: Sequence[str], *, window: int = 60,
               plurals: bool = True) -> dict[str, pd.DataFrame]:
    """:func:`kwic` of several terms over one analysis: each term's rows, as :func:`kwic` gives them.

    The articles are read one at a time, each searched for every term in turn, so each text's word
    index (:mod:`framing.matching`) is built once for all the terms, and the span rows of an article
    are looked up once.

    Example:
        >>> from framing.corpus.loading import load_corpus
        >>> from framing.engines.memory import analyze
        >>> rows = kwic_terms(analyze(load_corpus()), ["alliance", "bromance"])
        >>> sorted(rows), len(rows["bromance"]) > 0
        (['alliance', 'bromance'], True)
    """
    analysed = set(analysis.articles["article_id"].astype(str))
    matchers = {t: PhraseMatcher({t: t}, plurals=plurals) for t in dict.fromkeys(terms)}
    found: dict[str, list[tuple[Article, list[Match[str]]]]] = {t: [] for t in matchers}
    with_hits: set[str] = set()
    for article in analysis.corpus.articles:
        if article.id not in analysed:
            continue
        for t, matcher in matchers.items():
            hits = matcher.hits(article.text)
            if hits:
                found[t].append((article, hits))
                with_hits.add(article.id)
    spans = analysis.spans
    keep = spans["feature"].isin(["sentence", LABEL, *ATTRIBUTION_VOICES]) & spans["article_id"].isin(with_hits)
    by_article = {str(a): _ArticleSpans.of(rows) for a, rows in spans[keep].groupby("article_id", sort=False)}
    return {t: _rows(analysis, found[t], by_article, window=window) for t in matchers}


class _Around(Generic[R]):
    """Rows ``(start, end, ...)`` found by the offsets they cover, without reading every row for each offset.

    Rows are kept sorted by start; a search reads only those starting at most the longest row's length
    before it, so an article with 50,000 hits and thousands of spans costs hits x nearby spans, not
    hits x all spans.

    Example:
        >>> ix = _Around([(10, 20, "b"), (0, 5, "a"), (12, 14, "c")])
        >>> ix.overlapping(13, 15)  # in the given order
        [(10, 20, 'b'), (12, 14, 'c')]
    """

    def __init__(self, rows: Sequence[R]) -> None:
        order = sorted(range(len(rows)), key=lambda i: rows[i][0])
        self._rows = rows
        self._order = order
        self._starts = [int(rows[i][0]) for i in order]
        self._longest = max((int(r[1]) - int(r[0]) for r in rows), default=0)

    def overlapping(self, start: int, end: int) -> list[R]:
        """The rows with ``row_start < end`` and ``row_end > start``, in the order they were given."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        found = sorted(self._order[k] for k in range(lo, hi) if self._rows[self._order[k]][1] > start)
        return [self._rows[i] for i in found]


@dataclass(frozen=True)
class _ArticleSpans:
    """What the KWIC rows of one article read from the span table, read once for all terms."""

    starts: list[int]
    ends: list[int]
    numbers: list[int]
    attributions: _Around[tuple[int, int, str, str]]
    labels: _Around[tuple[int, int, str, str, str]]

    @classmethod
    def of(cls, mine: pd.DataFrame) -> _ArticleSpans:
        sentences = mine[mine["feature"] == "sentence"].sort_values("start", kind="mergesort")
        labels = mine[mine["feature"] == LABEL]
        return cls(sentences["start"].astype(int).tolist(), sentences["end"].astype(int).tolist(),
                   sentences["sentence"].astype(int).tolist(), _Around(_attributions(mine)),
                   _Around([(int(s), int(e), str(c), str(p), str(t)) for s, e, c, p, t in
                            zip(labels["start"], labels["end"], labels["category"], labels["polarity"],
                                labels["target"], strict=True)]))


def _rows(analysis: Analysis, found: list[tuple[Article, list[Match[str]]]], by_article: dict[str, _ArticleSpans],
          *, window: int) -> pd.DataFrame:
    """The KWIC rows of one term's hits, article by article."""
    rows: list[dict[str, object]] = []
    empty = _ArticleSpans([], [], [], _Around([]), _Around([]))
    for article, hits in found:
        text = article.text
        mine = by_article.get(article.id, empty)
        for m in hits:
            voice, speaker = _voice_in(mine.attributions.overlapping(m.start, m.start + 1), m.start)
            label = next(iter(mine.labels.overlapping(m.start, m.end)), None)  # the first, in table order
            info = {c: "" for c in LABEL_COLUMNS}
            if label is not None:
                counted = "yes" if counts_for_story(label[4], analysis.story) else "no"
                info = {"category": label[2], "polarity": label[3], "target": label[4], "counted": counted}
            rows.append(
                {
                    "article_id": article.id,
                    "outlet_id": article.outlet_id,
                    "outlet_name": article.outlet_name,
                    "start": m.start,
                    "end": m.end,
                    "left": _one_line(text[max(0, m.start - window) : m.start]),
                    "match": m.text,
                    "right": _one_line(text[m.end : m.end + window]),
                    "sentence": _sentence_at(mine.starts, mine.ends, mine.numbers, m.start),
                    "voice": voice,
                    "speaker": speaker,
                    **info,
                }
            )
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))


def label_note(row: Mapping[str, object]) -> str:
    """How one KWIC row counts: "counted: alliance, affirmed", "about X: not counted in the story figures", or "".

    Example:
        >>> label_note({"category": "alliance", "polarity": "negated", "target": "nato", "counted": "no"})
        'about nato: not counted in the story figures'
        >>> label_note({"category": "alliance", "polarity": "negated", "target": "x-y", "counted": "yes"})
        'counted: alliance, negated'
    """
    if row.get("counted") == "yes":
        return f"counted: {category_name(str(row.get('category', '')))}, {row.get('polarity')}"
    if row.get("counted") == "no":
        return not_counted_note(str(row.get("target", "")))
    return ""


def format_kwic(rows: pd.DataFrame, *, width: int) -> str:
    """The lines ``framing kwic`` prints, then a summary line.

    Each line gives the outlet, the context, the voice (and speaker) and, for
    a relationship label, its target, polarity and whether it is counted in
    the story figures.

    Args:
        rows: Rows of :func:`kwic`.
        width: Characters of context shown on each side.

    Example:
        >>> row = {"outlet_id": "ro", "left": "the Western", "match": "Alliance", "right": "has imposed", "voice":
        ...        "authorial", "speaker": "", "category": "alliance", "polarity": "affirmed",
        ...        "target": "western-alliance", "counted": "no"}
        >>> print(format_kwic(pd.DataFrame([row]), width=12))
                ro |  the Western [Alliance] has imposed  | authorial | label: western-alliance, affirmed, counted: no
        1 occurrence(s) in 1 outlet(s); labels: 0 counted in the story figures, 1 about other relationships
    """
    lines = []
    for r in rows.to_dict("records"):
        who = str(r["voice"]) + (f" ({r['speaker']})" if r["speaker"] else "")
        left, right = str(r["left"])[-width:], str(r["right"])[:width]
        label = (f" | label: {r['target']}, {r['polarity']}, counted: {r['counted']}"
                 if str(r.get("counted", "")) else "")
        lines.append(f"{r['outlet_id']:>10} | {left:>{width}} [{r['match']}] {right:<{width}} | {who}{label}")
    counted = rows["counted"].astype(str) if "counted" in rows else pd.Series([], dtype=str)
    n_yes, n_no = int((counted == "yes").sum()), int((counted == "no").sum())
    summary = f"{len(rows)} occurrence(s) in {rows['outlet_id'].nunique() if len(rows) else 0} outlet(s)"
    if n_yes or n_no:
        summary += f"; labels: {n_yes} counted in the story figures, {n_no} about other relationships"
    return "\n".join([*lines, summary])
