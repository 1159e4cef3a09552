"""The serial engine: every chunk in this process, one after the other.

Example:
    >>> from framing.model import Article
    >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")
    >>> [r.n_done for r in run_serial([[a], [a]], ["sentence"])]
    [1, 1]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from framing.engines.task import ChunkResult, analyze_chunk

if TYPE_CHECKING:
    from framing.model import Article
    from framing.story import Story


def run_serial(
    chunks: Sequence[Sequence[Article]], families: list[str], *, story: Story | None = None
) -> Iterator[ChunkResult]:
    """Run :func:`~framing.engines.task.analyze_chunk` on each chunk in turn; yield results in order."""
    for chunk in chunks:
        yield analyze_chunk(chunk, families, story=story)
