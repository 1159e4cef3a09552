"""The data model: articles, the corpus, and the one span table.

Every cue any extractor finds is a :class:`Span` with character offsets into
``Article.text`` (the cleaned text). Tables, charts, highlights and worksheets
are all views of the span table whose columns are :data:`SPAN_COLUMNS`.

Example:
    >>> a = Article(id="a1", outlet_id="x", outlet_name="X", raw_text="Hi.", text="Hi.")
    >>> a.raw_offset(2)
    2
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Any

import pandas as pd

#: Columns of the span table, in order. ``text`` is ``Article.text[start:end]``.
SPAN_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "feature",
    "start",
    "end",
    "text",
    "sentence",
    "label",
    "category",
    "polarity",
    "target",
    "voice",
    "speaker",
    "score",
)

#: The three voices every character of an article is assigned to.
VOICES: tuple[str, ...] = ("authorial", "direct_quote", "attributed_paraphrase")

#: Polarity values of a relationship label (and other stance-bearing cues).
POLARITIES: tuple[str, ...] = ("affirmed", "negated", "hypothetical", "questioned")


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner removed from the raw text, and why.

    Attributes:
        line: 1-based line number in the raw text.
        text: The line as it was (without its line break).
        rule: Name of the rule that removed it (see ``framing.corpus.cleaning``).
    """

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class FlaggedLine:
    """A line the cleaner kept for a reason worth recording (``framing.corpus.cleaning.FLAGS``).

    Attributes:
        line: 1-based line number in the raw text.
        text: The line (stripped), as kept in the cleaned text.
        flag: ``standfirst`` or ``sole_content``.
        rule: For ``sole_content``, the rule that would have removed the line; else ``""``.
    """

    line: int
    text: str
    flag: str
    rule: str = ""


@dataclass(frozen=True)
class Segment:
    """A run of cleaned text copied verbatim from the raw text.

    ``Article.text[clean_start:clean_start+length] ==
    Article.raw_text[raw_start:raw_start+length]``.
    """

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class Article:
    """One article: metadata, raw text, cleaned text and the map between them.

    Attributes:
        id: Unique id within the corpus.
        outlet_id: Short machine id of the outlet (``scmp``).
        outlet_name: Human-readable outlet name.
        raw_text: The decoded input text, before cleaning.
        text: The cleaned text all span offsets refer to.
        segments: Runs of ``text`` copied from ``raw_text``; text between
            segments is inserted paragraph breaks.
        removed: Lines removed by the cleaner, with the rule.
        flagged: Lines the cleaner kept with a flag (the standfirst; a line kept as the only content).
        source: Path (or path:row) the article was read from.
    """

    id: str
    outlet_id: str
    outlet_name: str
    raw_text: str
    text: str
    title: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    language: str = "en"
    country: str = ""
    notes: str = ""
    source: str = ""
    segments: tuple[Segment, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    flagged: tuple[FlaggedLine, ...] = ()
    encoding: str = "utf-8"

    def raw_offset(self, offset: int) -> int | None:
        """Map an offset in ``text`` back to ``raw_text``.

        Returns ``None`` for characters the cleaner inserted (paragraph
        breaks). With no segments the texts are taken to be identical.
        """
        if not self.segments:
            return offset if 0 <= offset <= len(self.raw_text) else None
        starts = [s.clean_start for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        if offset < seg.clean_start + seg.length:
            return seg.raw_start + (offset - seg.clean_start)
        return None


@dataclass(frozen=True)
class LoadProblem:
    """Something that could not be loaded: where, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Corpus:
    """Articles plus every problem met while loading them.

    Example:
        >>> c = Corpus()
        >>> len(c), c.problems
        (0, [])
    """

    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    source: str = ""

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __str__(self) -> str:
        outlets = len({a.outlet_id for a in self.articles})
        return f"Corpus({len(self.articles)} articles, {outlets} outlets, {len(self.problems)} problems)"

    @property
    def outlets(self) -> list[tuple[str, str]]:
        """(outlet_id, outlet_name) pairs in order of first appearance."""
        seen: dict[str, str] = {}
        for a in self.articles:
            seen.setdefault(a.outlet_id, a.outlet_name)
        return list(seen.items())

    def get(self, article_id: str) -> Article:
        """Return the article with this id (``KeyError`` if absent)."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


@dataclass(frozen=True)
class Span:
    """One row of the span table. Unused text fields are ``""``; score is NaN.

    Example:
        >>> Span("a1", "x", "hedge", 0, 3, "may", sentence=0, label="may").as_row()["feature"]
        'hedge'
    """

    article_id: str
    outlet_id: str
    feature: str
    start: int
    end: int
    text: str
    sentence: int = -1
    label: str = ""
    category: str = ""
    polarity: str = ""
    target: str = ""
    voice: str = ""
    speaker: str = ""
    score: float = math.nan

    def as_row(self) -> dict[str, object]:
        """The span as a dict keyed by :data:`SPAN_COLUMNS`."""
        return {name: getattr(self, name) for name in _span_field_names()}


@lru_cache(maxsize=1)
def _span_field_names() -> tuple[str, ...]:
    """Field names of :class:`Span`, in order (looked up once, not per span)."""
    return tuple(f.name for f in fields(Span))


_SPAN_DTYPES: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence": "int64",
    "score": "float64",
}


def spans_to_frame(spans: Iterable[Span] | Sequence[dict[str, object]]) -> pd.DataFrame:
    """Build a span table (columns :data:`SPAN_COLUMNS`) from spans or row dicts.

    Text columns hold ``str`` objects (``""`` for a missing value), numeric columns their dtype.

    Example:
        >>> spans_to_frame([]).columns.tolist() == list(SPAN_COLUMNS)
        True
        >>> spans_to_frame([{"feature": "hedge", "start": 1, "end": 2, "sentence": 0}])["label"].tolist()
        ['']
    """
    rows: list[Any] = list(spans)
    # Column by column: no per-span dict is built (memory and time on large corpora).
    if all(isinstance(s, Span) for s in rows):
        columns: list[Sequence[object]] = [list(map(attrgetter(c), rows)) for c in SPAN_COLUMNS]
    else:
        columns = [[getattr(s, c) if isinstance(s, Span) else s.get(c) for s in rows] for c in SPAN_COLUMNS]
    data = {c: _column(c, values) for c, values in zip(SPAN_COLUMNS, columns, strict=True)}
    return pd.DataFrame(data, columns=list(SPAN_COLUMNS))


def _shared(values: Sequence[object]) -> list[object]:
    """``values`` with one string object per distinct value: the table holds each text once.

    A sentence's text is also its sentiment span's, an outlet id is every span's.

    Example:
        >>> a, b = _shared(["".join(["x", "y"]), "".join(["x", "y"])])
        >>> a is b
        True
    """
    seen: dict[object, object] = {}
    return [seen.setdefault(v, v) for v in values]


def _column(name: str, values: Sequence[object]) -> pd.Series:
    """One span-table column: its numeric dtype, or ``str`` objects with ``""`` for missing values."""
    dtype = _SPAN_DTYPES.get(name, "object")
    if dtype != "object":
        return pd.Series(values, dtype=object).astype(dtype) if None in values else pd.Series(values, dtype=dtype)
    if set(map(type, values)) <= {str}:  # the spans' own case: already text, built as it is
        return pd.Series(_shared(values), dtype=object)
    return pd.Series(values).fillna("").astype(str).astype(object)
