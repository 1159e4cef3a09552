"""The task every engine runs: analyse one article, and a chunk of articles.

:func:`analyze_article` is the pipeline for one article: prepare the document
(segment, then attribute voice: :func:`framing.attribution.prepare_doc`), then
run each feature family on it with the story configuration. It is a
pure, importable function, so worker processes can run it.
:func:`analyze_chunk` runs it over a chunk and sorts the outcome into the
chunk's span table, its article rows and its problems: an article whose
analysis fails is reported and skipped, and the others go on.

Example:
    >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain. It did.")
    >>> result = analyze_chunk([a], ["sentence"])
    >>> len(result.spans), result.articles[0]["n_sentences"], result.problems
    (2, 2, [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from framing.attribution import prepare_doc
from framing.features import FAMILIES, get_extractor
from framing.heap import fewer_collections
from framing.model import Article, LoadProblem, Span, spans_to_frame

if TYPE_CHECKING:
    from framing.story import Story

#: Columns of the per-article table.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "outlet_name",
    "title",
    "author",
    "published",
    "country",
    "language",
    "n_words",
    "n_sentences",
    "n_removed_lines",
    "source",
)


def analyze_article(
    article: Article, families: Sequence[str] | None = None, *, story: Story | None = None
) -> list[Span]:
    """All spans of one article, family by family, sorted by position.

    Args:
        article: A cleaned article.
        families: Feature families to run, in order (default: all in :data:`framing.features.FAMILIES`).
        story: The story configuration (None: the default story).

    Example:
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")
        >>> [s.feature for s in analyze_article(a, ["sentence"])]
        ['sentence']
    """
    doc = prepare_doc(article, story=story)
    spans: list[Span] = []
    for family in families or list(FAMILIES):
        spans.extend(get_extractor(family)(doc, story=story))
    spans.sort(key=lambda s: (s.start, s.end, s.feature, s.label))
    return spans


def article_row(article: Article, spans: Iterable[Span]) -> dict[str, object]:
    """The article's row of the per-article table (:data:`ARTICLE_COLUMNS`); words and sentences from its spans."""
    sentences = [s for s in spans if s.feature == "sentence"]
    return {
        "article_id": article.id,
        "outlet_id": article.outlet_id,
        "outlet_name": article.outlet_name,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "country": article.country,
        "language": article.language,
        "n_words": int(sum(s.score for s in sentences)),
        "n_sentences": len(sentences),
        "n_removed_lines": len(article.removed),
        "source": article.source,
    }


@dataclass
class ChunkResult:
    """What the analysis of one chunk produced (picklable: it comes back from worker processes).

    Attributes:
        spans: The span table of the chunk's analysed articles (:data:`framing.model.SPAN_COLUMNS`).
        articles: One row per analysed article (:data:`ARTICLE_COLUMNS`), in input order.
        problems: The articles whose analysis failed, and why.
    """

    spans: pd.DataFrame
    articles: list[dict[str, object]]
    problems: list[LoadProblem]

    @property
    def n_done(self) -> int:
        """Articles handled, analysed or not."""
        return len(self.articles) + len(self.problems)


def analyze_chunk(articles: Sequence[Article], families: Sequence[str], *, story: Story | None = None) -> ChunkResult:
    """Analyse a chunk of articles (the task each engine maps over chunks).

    Args:
        articles: The chunk, in order.
        families: Feature families to run, as resolved by :func:`framing.engines.run.resolve_families`.
        story: The story configuration (None: the default story).
    """
    spans: list[Span] = []
    rows: list[dict[str, object]] = []
    problems: list[LoadProblem] = []
    with fewer_collections():
        for article in articles:
            try:
                found = analyze_article(article, families, story=story)
            except Exception as exc:  # one bad article never kills a run
                problems.append(LoadProblem(article.source or article.id,
                                            f"analysis failed ({type(exc).__name__}: {exc})"))
                continue
            spans.extend(found)
            rows.append(article_row(article, found))
    return ChunkResult(spans=spans_to_frame(spans), articles=rows, problems=problems)
