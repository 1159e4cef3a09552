"""Engines: run the analysis of each article over a corpus, in memory or streamed to a file.

One chunked run loop serves every engine. The modules, bottom up:

- :mod:`~framing.engines.task`: :func:`~framing.engines.task.analyze_article`
  (one article: prepare the document, then every feature family) and
  :func:`~framing.engines.task.analyze_chunk`, the task every engine maps over
  chunks of articles; it sorts each chunk's outcome into spans, article rows
  and problems.
- :mod:`~framing.engines.serial`, :mod:`~framing.engines.joblib` and
  :mod:`~framing.engines.dask`: executors. Each maps the task over chunks on
  this process, on local worker processes or on a Dask cluster, and yields the
  results in input order.
- :mod:`~framing.engines.run`: the run loop: which families run
  (:func:`~framing.engines.run.resolve_families`), chunking, and the choice of
  executor (:func:`~framing.engines.run.run_chunks`).
- :mod:`~framing.engines.memory` (:func:`~framing.engines.memory.analyze` →
  :class:`~framing.engines.memory.Analysis`) and
  :mod:`~framing.engines.streaming`
  (:func:`~framing.engines.streaming.analyze_to_file`): the two consumers of the
  loop, one keeping the tables in memory, one appending spans to a file.

This module imports nothing, so the command line can list the engines cheaply.

Example:
    >>> ENGINES
    ('auto', 'serial', 'joblib', 'dask')
"""

#: Engine names: ``auto`` picks ``joblib`` for large corpora on a multi-core machine, else ``serial``.
ENGINES: tuple[str, ...] = ("auto", "serial", "joblib", "dask")
