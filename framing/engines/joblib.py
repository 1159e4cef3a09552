"""The joblib engine: chunks in worker processes on this machine (loky backend).

Workers are started once per call and stopped when it ends; results come back
in submission order, so the tables are identical to the serial engine's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from joblib import Parallel, delayed
from joblib.externals.loky import get_reusable_executor

from framing.engines.task import ChunkResult, analyze_chunk

if TYPE_CHECKING:
    from framing.model import Article
    from framing.story import Story


def run_joblib(
    chunks: Sequence[Sequence[Article]], families: list[str], *, story: Story | None = None, n_jobs: int = -1
) -> Iterator[ChunkResult]:
    """Map :func:`~framing.engines.task.analyze_chunk` over ``chunks`` in ``n_jobs`` processes (-1: all cores)."""
    parallel = Parallel(n_jobs=n_jobs, backend="loky", return_as="generator")
    results: Iterator[ChunkResult] = parallel(delayed(analyze_chunk)(chunk, families, story=story) for chunk in chunks)
    yield from results
    # loky keeps its workers alive for a next call (5 minutes): a report would carry their memory (a few
    # hundred MB) through comparing and rendering. They go now; the next run starts new ones.
    get_reusable_executor().shutdown(wait=True)
