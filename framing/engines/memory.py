"""Analyse a corpus held in memory: load → clean → segment → extract spans, into one :class:`Analysis`.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> result = analyze(load_corpus())
    >>> sorted(result.spans["outlet_id"].unique())
    ['dw', 'ro-site', 'rs', 'scmp', 'wapo']
    >>> result.families[0], result.story.name == default_story().name
    ('sentence', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from tqdm import tqdm

from framing.engines.run import resolve_families, run_chunks
from framing.engines.task import ARTICLE_COLUMNS
from framing.heap import release_freed
from framing.model import Corpus, LoadProblem, spans_to_frame
from framing.story import Story, default_story


@dataclass
class Analysis:
    """Result of :func:`analyze`.

    Attributes:
        corpus: The analysed corpus.
        spans: The span table (:data:`framing.model.SPAN_COLUMNS`).
        articles: One row per analysed article (:data:`framing.engines.task.ARTICLE_COLUMNS`).
        problems: Loading problems plus articles whose analysis failed.
        families: Feature families that were run.
        story: The story configuration the spans were found with.
    """

    corpus: Corpus
    spans: pd.DataFrame
    articles: pd.DataFrame
    problems: list[LoadProblem] = field(default_factory=list)
    families: tuple[str, ...] = ()
    story: Story = field(default_factory=default_story)


def analyze(
    corpus: Corpus,
    *,
    families: Sequence[str] | None = None,
    story: Story | None = None,
    progress: bool = False,
    engine: str = "auto",
    n_jobs: int = -1,
    chunk_size: int = 25,
    scheduler: str | None = None,
) -> Analysis:
    """Analyse every article of a corpus.

    Args:
        corpus: Loaded corpus.
        families: Feature families to run (default: all in :data:`framing.features.FAMILIES`).
            ``sentence`` is always run (word counts come from it).
        story: The story configuration (default: :func:`framing.story.default_story`).
        progress: Show a progress bar on stderr.
        engine: ``auto``, ``serial``, ``joblib`` or ``dask`` (see :func:`framing.engines.run.run_chunks`).
        n_jobs: Worker processes for ``joblib`` (-1 = all cores).
        chunk_size: Articles per task.
        scheduler: Dask scheduler address for ``engine="dask"``.

    Returns:
        An :class:`Analysis` with the span table and per-article table; the
        same whatever the engine and the order of articles within chunks.
    """
    fams = resolve_families(families)
    story = story if story is not None else default_story()
    problems = list(corpus.problems)
    frames: list[pd.DataFrame] = []  # one span table per chunk: Span objects are not all held at once
    rows: list[dict[str, object]] = []
    bar = None
    if progress:
        bar = tqdm(total=len(corpus.articles), desc="analysing", unit="article", leave=False)
    for result in run_chunks(
        corpus.articles, fams, story=story, engine=engine, n_jobs=n_jobs, chunk_size=chunk_size, scheduler=scheduler
    ):
        frames.append(result.spans)
        rows.extend(result.articles)
        problems.extend(result.problems)
        if bar is not None:
            bar.update(result.n_done)
    if bar is not None:
        bar.close()
    spans = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] if frames else spans_to_frame([])
    articles = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frames.clear()
    release_freed()  # the chunks' tables, now joined
    return Analysis(corpus=corpus, spans=spans, articles=articles, problems=problems, families=tuple(fams), story=story)
