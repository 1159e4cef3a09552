"""Who is quoted by whom, and who gets to speak about each actor, within each story covered by several outlets.

From the statement table (:func:`framing.selection.quotes.statement_table`)
and the span table's ``actor`` rows; names are merged within a story by
:func:`framing.selection.speakers.canonical_speakers`. Only named sources
count in the sources matrix (people and organisations, as
:func:`framing.features.quotes.named_sources` defines them): "analysts" or
"observers" quoted by every outlet are not one source.

Example:
    >>> st = pd.DataFrame({"story_id": "s", "article_id": ["a", "b", "b"], "outlet_id": ["x", "y", "y"],
    ...     "feature": "quote", "start": [0, 0, 9], "end": [5, 5, 14], "speaker": ["Putin", "Vladimir Putin", "Lee"],
    ...     "text": ["“Hi.”", "“Ho.”", "“No.”"]})
    >>> m = sources_matrix(st, named={"putin", "vladimir putin", "lee"})
    >>> m[["source", "outlet_id", "statements", "n_outlets", "outlets_in_story"]].values.tolist()
    [['Vladimir Putin', 'x', 1, 2, 2], ['Vladimir Putin', 'y', 1, 2, 2], ['Lee', 'y', 1, 1, 2]]
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from framing.selection.speakers import canonical_speakers

#: Columns of the sources matrix (long form: one row per story, source and outlet that quotes it).
SOURCE_COLUMNS: tuple[str, ...] = ("story_id", "source", "outlet_id", "statements", "article_id", "start", "end",
                                   "n_outlets", "outlets_in_story")
#: Columns of the voices table: who speaks about each actor, in which outlet.
VOICE_COLUMNS: tuple[str, ...] = ("story_id", "actor", "speaker", "outlet_id", "mentions", "article_id", "start",
                                  "end")


def sources_matrix(statements: pd.DataFrame, *, named: Collection[str] | None = None) -> pd.DataFrame:
    """Outlets x named sources, per story of several outlets (:data:`SOURCE_COLUMNS`).

    Args:
        statements: :data:`framing.selection.quotes.STATEMENT_COLUMNS`.
        named: Speakers that are named sources, case-folded with single spaces (None: all).

    Returns:
        One row per (story, source, outlet quoting it): its statements there,
        the first of them (``article_id``, ``start``, ``end``: a link target),
        how many outlets of the story quote the source, and how many cover the story.
    """
    story_of = statements["story_id"].astype(str).tolist()
    outlet_of = statements["outlet_id"].tolist()
    speaker_of = [str(x) for x in statements["speaker"]]
    article_of = statements["article_id"].tolist()
    start_of, end_of = statements["start"].tolist(), statements["end"].tolist()
    rows_of: dict[str, list[int]] = {}  # story -> its statements, stories and rows in table order
    outlets_of: dict[str, set[object]] = {}
    for i, (story, outlet) in enumerate(zip(story_of, outlet_of, strict=True)):
        rows_of.setdefault(story, []).append(i)
        outlets_of.setdefault(story, set()).add(outlet)
    out: list[dict[str, object]] = []
    for story, rows in rows_of.items():
        n_story = len(outlets_of[story])
        if n_story < 2:
            continue
        if named is not None:
            rows = [i for i in rows if " ".join(speaker_of[i].split()).casefold() in named]
        names = canonical_speakers(speaker_of[i] for i in rows)
        found: dict[tuple[str, object], list[int]] = {}  # (source, outlet) -> [statements, first row]
        quoting: dict[str, set[object]] = {}  # source -> outlets quoting it
        for i in rows:
            source = names[speaker_of[i]]
            entry = found.setdefault((source, outlet_of[i]), [0, i])
            entry[0] += 1
            quoting.setdefault(source, set()).add(outlet_of[i])
        for (source, outlet), (n, first) in found.items():
            out.append({"story_id": story, "source": source, "outlet_id": outlet, "statements": n,
                        "article_id": article_of[first], "start": int(start_of[first]), "end": int(end_of[first]),
                        "n_outlets": len(quoting[source]), "outlets_in_story": n_story})
    return pd.DataFrame(out, columns=list(SOURCE_COLUMNS))


def voices(statements: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Who speaks about each actor: actor mentions inside attributed quotes and paraphrases (:data:`VOICE_COLUMNS`).

    Args:
        statements: :data:`framing.selection.quotes.STATEMENT_COLUMNS`.
        actors: The span table's ``actor`` rows (``article_id``, ``start``, ``end``, ``label`` = actor id).

    Returns:
        One row per (story, actor, speaker, outlet) with the mentions and the first one.
    """
    counts: dict[tuple[str, str, str, str], list[object]] = {}
    starts_all = actors["start"].to_numpy(dtype=np.int64)
    ends_all = actors["end"].to_numpy(dtype=np.int64)
    labels_all = actors["label"].astype(str).to_numpy(dtype=object)
    codes, articles = pd.factorize(actors["article_id"].astype(str).to_numpy(dtype=object))
    # per article, its mentions as arrays in table order (one mask per statement, no frame filtering)
    by_article: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    if len(codes):
        for a, mine in zip(articles, np.split(np.argsort(codes, kind="stable"), np.cumsum(np.bincount(codes))[:-1]),
                           strict=True):
            by_article[str(a)] = (starts_all[mine], ends_all[mine], labels_all[mine])
    columns = [statements[c].tolist() for c in ("article_id", "start", "end", "story_id", "speaker", "outlet_id")]
    for article_id, start, end, story_id, speaker, outlet_id in zip(*columns, strict=True):
        mentions = by_article.get(str(article_id))
        if mentions is None:
            continue
        starts, ends, labels = mentions
        for i in np.flatnonzero((starts >= start) & (ends <= end)):
            key = (str(story_id), str(labels[i]), str(speaker), str(outlet_id))
            if key in counts:
                counts[key][0] = int(str(counts[key][0])) + 1
            else:
                counts[key] = [1, str(article_id), int(starts[i]), int(ends[i])]
    rows = [{"story_id": k[0], "actor": k[1], "speaker": k[2], "outlet_id": k[3], "mentions": v[0],
             "article_id": v[1], "start": v[2], "end": v[3]} for k, v in counts.items()]
    return pd.DataFrame(rows, columns=list(VOICE_COLUMNS))
