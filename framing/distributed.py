"""Run the extractors on Dask, for corpora one machine cannot hold.

The same task function as the local engine (:func:`framing.pipeline.analyze_chunk`)
is mapped over chunks of articles on a Dask distributed cluster. Point it at a
real cluster with the scheduler's address (``framing analyze CORPUS --engine dask
--scheduler tcp://HOST:8786``); every worker needs ``framing`` installed (same
version). Without an address a local cluster is started for the call.

Dask is optional: ``pip install "framing[dask]"``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.model import Article
    from framing.pipeline import ChunkResult


def run_on_dask(
    chunks: Sequence[Sequence[Article]], families: list[str], *, scheduler: str | None = None
) -> Iterator[ChunkResult]:
    """Map :func:`~framing.pipeline.analyze_chunk` over ``chunks`` on Dask; yield results in order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise FramingError('the dask engine needs dask.distributed: pip install "framing[dask]"') from exc
    from framing.pipeline import analyze_chunk

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(analyze_chunk, list(chunks), families=families, pure=False)
        for future in futures:  # in submission order: results identical to the serial engine
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
