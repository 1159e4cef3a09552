"""Stream a corpus to a span-table file: read incrementally, write spans as they are produced.

Nothing is held but one batch of articles and its spans, so memory stays
bounded however large the JSONL/CSV input is. The output appears atomically
(a temporary file renamed into place when complete).

Example:
    >>> import tempfile, pathlib, pandas as pd
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "spans.csv"
    >>> summary = analyze_to_file(None, out, families=["sentence"], engine="serial")
    >>> summary.n_articles, list(pd.read_csv(out).columns)[:3]
    (5, ['article_id', 'outlet_id', 'feature'])
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.corpus.loading import iter_corpus
from framing.engines.run import PARALLEL_MIN_ARTICLES, choose_engine, resolve_families, run_chunks
from framing.model import Article, LoadProblem, spans_to_frame
from framing.story import Story, default_story


@dataclass
class StreamSummary:
    """What a streamed run did."""

    n_articles: int = 0
    n_spans: int = 0
    problems: list[LoadProblem] = field(default_factory=list)


class _SpanWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.parquet = path.suffix.lower() == ".parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self._writer: Any = None
        self._wrote_header = False

    def write(self, df: pd.DataFrame) -> None:
        if self.parquet:
            table = pa.Table.from_pandas(df, preserve_index=False)
            if self._writer is None:
                self._writer = pq.ParquetWriter(str(self.tmp), table.schema)
            self._writer.write_table(table)
        else:
            with self.tmp.open("a", encoding="utf-8", newline="") as handle:
                df.to_csv(handle, index=False, header=not self._wrote_header, lineterminator="\n")
            self._wrote_header = True

    def commit(self) -> None:
        if self.parquet:
            if self._writer is None:
                self.write(spans_to_frame([]))
            assert self._writer is not None
            self._writer.close()
        elif not self._wrote_header:
            self.write(spans_to_frame([]))
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self.tmp.unlink(missing_ok=True)


def analyze_to_file(
    corpus_path: str | Path | None,
    out: str | Path,
    *,
    families: Sequence[str] | None = None,
    story: Story | None = None,
    batch_size: int = 500,
    engine: str = "auto",
    n_jobs: int = -1,
    chunk_size: int = 25,
    scheduler: str | None = None,
    clean: str = "auto",
    progress: bool = False,
) -> StreamSummary:
    """Analyse a corpus batch by batch, appending spans to ``out`` (``.csv`` or ``.parquet``).

    Duplicate ids keep the first article. Output equals ``analyze(load_corpus(path, clean=clean),
    story=story).spans``; ``clean`` is that of :func:`framing.corpus.loading.load_corpus` (``auto``,
    ``on``, ``off``), the other options are those of :func:`framing.engines.memory.analyze`; ``progress``
    shows the articles read, cleaned and analysed so far on stderr. ``engine="auto"`` is decided once, on
    the first batch: a corpus that fills it runs in worker processes throughout.
    """
    fams = resolve_families(families)
    story = story if story is not None else default_story()
    summary = StreamSummary()
    writer = _SpanWriter(Path(out))
    seen: dict[str, str] = {}
    batch: list[Article] = []
    batch_size = max(batch_size, 1)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(desc="loading, cleaning, analysing", unit="article", leave=False)

    def flush() -> None:
        nonlocal engine
        if engine == "auto":  # decided once: a full first batch means a large corpus
            engine = choose_engine(engine, PARALLEL_MIN_ARTICLES if len(batch) >= batch_size else len(batch))
        for result in run_chunks(
            batch, fams, story=story, engine=engine, n_jobs=n_jobs, chunk_size=chunk_size, scheduler=scheduler
        ):
            summary.problems.extend(result.problems)
            summary.n_articles += len(result.articles)
            summary.n_spans += len(result.spans)
            writer.write(result.spans)
            if bar is not None:
                bar.update(result.n_done)
        batch.clear()

    try:
        for item in iter_corpus(corpus_path, clean=clean):
            if isinstance(item, LoadProblem):
                summary.problems.append(item)
                continue
            if item.id in seen:
                summary.problems.append(
                    LoadProblem(item.source, f"duplicate article id {item.id!r} (first in {seen[item.id]}); skipped")
                )
                continue
            seen[item.id] = item.source
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    return summary
