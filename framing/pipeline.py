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

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pandas as pd

from framing.document import Doc
from framing.errors import FramingError, value_invalid_msg
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


#: Below this many articles ``engine="auto"`` runs serially (process start-up costs more than it saves).
PARALLEL_MIN_ARTICLES = 40

ChunkResult = list[tuple[str, list[Span] | None, dict[str, object] | LoadProblem]]


def analyze_chunk(articles: Sequence[Article], families: Sequence[str]) -> ChunkResult:
    """Analyse a chunk of articles (the task run by each worker process).

    Returns one ``(article_id, spans or None, article row or problem)`` per article, in order.
    """
    out: ChunkResult = []
    for article in articles:
        try:
            spans = analyze_article(article, families)
        except Exception as exc:  # one bad article never kills a run
            reason = f"analysis failed ({type(exc).__name__}: {exc})"
            out.append((article.id, None, LoadProblem(article.source or article.id, reason)))
            continue
        out.append((article.id, spans, _article_row(article, spans)))
    return out


def _chunks(items: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_chunks(
    articles: Sequence[Article],
    families: Sequence[str],
    *,
    engine: str = "auto",
    n_jobs: int = -1,
    chunk_size: int = 25,
    scheduler: str | None = None,
) -> Iterator[ChunkResult]:
    """Run :func:`analyze_chunk` over chunks with the chosen engine, yielding results in input order.

    Engines: ``serial``; ``joblib`` (loky worker processes on this machine);
    ``dask`` (a Dask distributed scheduler at ``scheduler``, e.g.
    ``tcp://10.0.0.5:8786``, or a local cluster when ``scheduler`` is None);
    ``auto`` (joblib for large corpora, serial otherwise). Results are identical
    whatever the engine.
    """
    chunks = _chunks(list(articles), max(1, chunk_size))
    if engine == "auto":
        engine = "joblib" if len(articles) >= PARALLEL_MIN_ARTICLES and (os.cpu_count() or 1) > 1 else "serial"
    if engine == "serial" or not chunks:
        for chunk in chunks:
            yield analyze_chunk(chunk, families)
    elif engine == "joblib":
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=n_jobs, backend="loky", return_as="generator")
        yield from parallel(delayed(analyze_chunk)(chunk, list(families)) for chunk in chunks)
    elif engine == "dask":
        from framing.distributed import run_on_dask

        yield from run_on_dask(chunks, list(families), scheduler=scheduler)
    else:
        raise FramingError(value_invalid_msg("engine", engine, list(ENGINES)))


ENGINES: tuple[str, ...] = ("auto", "serial", "joblib", "dask")


def analyze(
    corpus: Corpus,
    *,
    families: Sequence[str] | None = None,
    progress: bool = False,
    engine: str = "auto",
    n_jobs: int = -1,
    chunk_size: int = 25,
    scheduler: str | None = None,
) -> Analysis:
    """Analyse every article of a corpus.

    Args:
        corpus: Loaded corpus.
        families: Feature families to run (default: all in :data:`FAMILIES`).
            ``sentence`` is always run (word counts come from it).
        progress: Show a progress bar on stderr.
        engine: ``auto``, ``serial``, ``joblib`` or ``dask`` (see :func:`run_chunks`).
        n_jobs: Worker processes for ``joblib`` (-1 = all cores).
        chunk_size: Articles per task.
        scheduler: Dask scheduler address for ``engine="dask"``.

    Returns:
        An :class:`Analysis` with the span table and per-article table; the
        same whatever the engine and the order of articles within chunks.
    """
    fams = list(families) if families is not None else list(FAMILIES)
    if "sentence" not in fams:
        fams.insert(0, "sentence")
    for fam in fams:
        get_extractor(fam)  # fail early on an unknown family
    problems = list(corpus.problems)
    frames: list[pd.DataFrame] = []  # one span table per chunk: Span objects are not all held at once
    article_rows: list[dict[str, object]] = []
    results = run_chunks(
        corpus.articles, fams, engine=engine, n_jobs=n_jobs, chunk_size=chunk_size, scheduler=scheduler
    )
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(corpus.articles), desc="analysing", unit="article", leave=False)
    for chunk in results:
        rows: list[Span] = []
        for _, spans, row in chunk:
            if isinstance(row, LoadProblem):
                problems.append(row)
            else:
                rows.extend(spans or [])
                article_rows.append(row)
        frames.append(spans_to_frame(rows))
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()
    table = pd.DataFrame(article_rows, columns=list(ARTICLE_COLUMNS))
    spans_table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else spans_to_frame([]) if not frames \
        else frames[0]
    return Analysis(corpus=corpus, spans=spans_table, articles=table, problems=problems, families=tuple(fams))
