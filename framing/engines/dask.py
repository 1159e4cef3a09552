"""The Dask engine: chunks on a Dask distributed cluster, for corpora one machine cannot hold.

The same task as the other engines (:func:`framing.engines.task.analyze_chunk`)
is mapped over chunks of articles. Point it at a real cluster with the
scheduler's address (``framing analyze CORPUS --engine dask --scheduler
tcp://HOST:8786``); every worker needs ``framing`` installed (same version).
Without an address a local cluster is started for the call.

Dask is optional (``pip install "framing[dask]"``), so it is imported when the
engine runs, and its absence is a one-line error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from framing.engines.task import ChunkResult, analyze_chunk
from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.model import Article
    from framing.story import Story


def run_dask(
    chunks: Sequence[Sequence[Article]],
    families: list[str],
    *,
    story: Story | None = None,
    scheduler: str | None = None,
) -> Iterator[ChunkResult]:
    """Map :func:`~framing.engines.task.analyze_chunk` over ``chunks`` on Dask; yield results in order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise FramingError('the dask engine needs dask.distributed: pip install "framing[dask]"') from exc

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(analyze_chunk, list(chunks), families=families, story=story, pure=False)
        for future in futures:  # in submission order: results identical to the serial engine
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
