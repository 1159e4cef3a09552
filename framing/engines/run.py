"""The one chunked run loop: which families run, how articles are chunked, which engine runs the chunks.

Both ways of analysing a corpus, in memory (:func:`framing.engines.memory.analyze`)
and streamed to a file (:func:`framing.engines.streaming.analyze_to_file`),
resolve their families with :func:`resolve_families` and iterate
:func:`run_chunks`; the engines differ only in where the chunks run.

Example:
    >>> from framing.model import Article
    >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")
    >>> families = resolve_families(["frame"])
    >>> families
    ['sentence', 'frame']
    >>> [len(r.articles) for r in run_chunks([a, a, a], families, engine="serial", chunk_size=2)]
    [2, 1]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from framing.engines import ENGINES
from framing.engines.serial import run_serial
from framing.engines.task import ChunkResult
from framing.errors import FramingError, value_invalid_msg
from framing.features import FAMILIES, get_extractor

if TYPE_CHECKING:
    from framing.model import Article
    from framing.story import Story

#: Below this many articles ``engine="auto"`` runs serially. Each worker process pays the import of the
#: pipeline (about 0.6 s of CPU) and the chunks are pickled both ways; on two cores that costs more than it
#: saves until a corpus takes half a minute or so (``make bench`` measures both).
PARALLEL_MIN_ARTICLES = 500


def resolve_families(families: Sequence[str] | None) -> list[str]:
    """The families to run, in order: those given (default: all), with ``sentence`` first if missing.

    ``sentence`` always runs: word and sentence counts come from it. An unknown
    family raises :class:`~framing.errors.FramingError` before anything runs.
    """
    resolved = list(families) if families is not None else list(FAMILIES)
    if "sentence" not in resolved:
        resolved.insert(0, "sentence")
    for family in resolved:
        get_extractor(family)
    return resolved


def choose_engine(engine: str, n_articles: int) -> str:
    """The engine that runs: ``auto`` becomes ``joblib`` for large corpora on a multi-core machine, else ``serial``.

    Example:
        >>> choose_engine("auto", 10), choose_engine("dask", 10)
        ('serial', 'dask')
    """
    if engine not in ENGINES:
        raise FramingError(value_invalid_msg("engine", engine, list(ENGINES)))
    if engine != "auto":
        return engine
    return "joblib" if n_articles >= PARALLEL_MIN_ARTICLES and (os.cpu_count() or 1) > 1 else "serial"


def run_chunks(
    articles: Sequence[Article],
    families: Sequence[str],
    *,
    story: Story | None = None,
    engine: str = "auto",
    n_jobs: int = -1,
    chunk_size: int = 25,
    scheduler: str | None = None,
) -> Iterator[ChunkResult]:
    """Analyse ``articles`` chunk by chunk with the chosen engine, yielding chunk results in input order.

    Args:
        articles: The articles, in order.
        families: Families as resolved by :func:`resolve_families`.
        story: The story configuration, passed to every extractor (None: the default story).
        engine: ``serial``; ``joblib`` (worker processes on this machine); ``dask``
            (a Dask scheduler at ``scheduler``, e.g. ``tcp://10.0.0.5:8786``, or a
            local cluster when ``scheduler`` is None); ``auto`` (joblib for
            :data:`PARALLEL_MIN_ARTICLES` or more on a multi-core machine, else
            serial). The results are identical whatever the engine.
        n_jobs: Worker processes for ``joblib`` (-1: all cores).
        chunk_size: Articles per task.
        scheduler: Dask scheduler address for ``engine="dask"``.
    """
    engine = choose_engine(engine, len(articles))
    size = max(1, chunk_size)
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    fams = list(families)
    if engine == "serial" or not chunks:
        return run_serial(chunks, fams, story=story)
    if engine == "joblib":
        from framing.engines.joblib import run_joblib  # joblib is imported by the runs that use it

        return run_joblib(chunks, fams, story=story, n_jobs=n_jobs)
    from framing.engines.dask import run_dask

    return run_dask(chunks, fams, story=story, scheduler=scheduler)
