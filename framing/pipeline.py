"""Run the extractors over a corpus: load → clean → segment → extract spans.

:func:`analyze_article` is a pure, importable function of one article (so it
can run in worker processes); :func:`analyze` runs it over a corpus, in
order, and returns the span table plus a per-article table. An article whose
analysis fails is reported and skipped; the others go on.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> result = analyze(load_corpus())
    >>> sorted(result.spans["outlet_id"].unique())
    ['dw', 'ro-site', 'rs', 'scmp', 'wapo']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from framing.document import Doc
from framing.features import FAMILIES, get_extractor
from framing.model import Article, Corpus, LoadProblem, Span, spans_to_frame

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


@dataclass
class Analysis:
    """Result of :func:`analyze`.

    Attributes:
        corpus: The analysed corpus.
        spans: The span table (:data:`framing.model.SPAN_COLUMNS`).
        articles: One row per analysed article (:data:`ARTICLE_COLUMNS`).
        problems: Loading problems plus articles whose analysis failed.
        families: Feature families that were run.
    """

    corpus: Corpus
    spans: pd.DataFrame
    articles: pd.DataFrame
    problems: list[LoadProblem] = field(default_factory=list)
    families: tuple[str, ...] = ()


def analyze_article(article: Article, families: Sequence[str] | None = None) -> list[Span]:
    """All spans of one article, family by family, sorted by position.

    Example:
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")
        >>> [s.feature for s in analyze_article(a, ["sentence"])]
        ['sentence']
    """
    doc = Doc.build(article)
    spans: list[Span] = []
    for family in families or list(FAMILIES):
        spans.extend(get_extractor(family)(doc))
    spans.sort(key=lambda s: (s.start, s.end, s.feature, s.label))
    return spans


def _article_row(article: Article, spans: Iterable[Span]) -> dict[str, object]:
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


def analyze(corpus: Corpus, *, families: Sequence[str] | None = None, progress: bool = False) -> Analysis:
    """Analyse every article of a corpus.

    Args:
        corpus: Loaded corpus.
        families: Feature families to run (default: all in :data:`FAMILIES`).
            ``sentence`` is always run (word counts come from it).
        progress: Show a progress bar on stderr.

    Returns:
        An :class:`Analysis` with the span table and per-article table.
    """
    fams = list(families) if families is not None else list(FAMILIES)
    if "sentence" not in fams:
        fams.insert(0, "sentence")
    for fam in fams:
        get_extractor(fam)  # fail early on an unknown family
    problems = list(corpus.problems)
    rows: list[Span] = []
    article_rows: list[dict[str, object]] = []
    articles: Iterable[Article] = corpus.articles
    if progress:
        from tqdm import tqdm

        articles = tqdm(corpus.articles, desc="analysing", unit="article", leave=False)
    for article in articles:
        try:
            spans = analyze_article(article, fams)
        except Exception as exc:  # one bad article never kills a run
            problems.append(LoadProblem(article.source or article.id, f"analysis failed ({type(exc).__name__}: {exc})"))
            continue
        rows.extend(spans)
        article_rows.append(_article_row(article, spans))
    table = pd.DataFrame(article_rows, columns=list(ARTICLE_COLUMNS))
    return Analysis(corpus=corpus, spans=spans_to_frame(rows), articles=table, problems=problems, families=tuple(fams))
