"""Align content across outlets: each sentence's closest counterpart in every other outlet's coverage of its story.

The sentences come from the span table (``sentence`` rows: article, offsets,
text); nothing is re-segmented. Within one story, the sentences of all its
articles are vectorised together (:func:`framing.selection.vectors.vectorize`:
TF-IDF over words and character n-grams, fitted on the story), and for every
sentence and every other outlet covering the story, the most similar sentence
of that outlet is found (:func:`framing.selection.vectors.nearest`, in blocks).
A sentence is *aligned* with that outlet when the similarity reaches
:data:`ALIGN_THRESHOLD`. Each alignment is a span relation (article, offsets ->
other article, offsets, similarity), so every selection figure can be traced
to the two passages.

Sentences of fewer than :data:`MIN_WORDS` words ("Read more.", datelines) are
not aligned and do not count.

Example:
    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet_id": ["x", "x", "y"], "story_id": "s",
    ...     "start": [0, 40, 0], "end": [39, 80, 41],
    ...     "text": ["The minister said talks would resume.", "A storm closed the airport on Friday.",
    ...              "Talks would resume, the minister said."], "words": [6, 7, 6]})
    >>> align_sentences(s)[["article_id", "start", "other_article_id", "aligned"]].values.tolist()
    [['a', 0, 'b', True], ['a', 40, 'b', False], ['b', 0, 'a', True]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.selection.terms import TermCounter
from framing.selection.vectors import nearest, vectorize

#: Columns of the alignment table: a sentence, its best counterpart in another outlet, and their similarity.
ALIGN_COLUMNS: tuple[str, ...] = (
    "story_id", "article_id", "outlet_id", "start", "end", "text",
    "other_outlet_id", "other_article_id", "other_start", "other_end", "other_text", "similarity", "aligned",
    "span_row", "other_span_row",
)

#: Columns :func:`align_sentences` needs.
SENTENCE_COLUMNS: tuple[str, ...] = ("article_id", "outlet_id", "story_id", "start", "end", "text", "words")
#: Optional column of the sentences: the row of the sentence in the span table (-1: none), for evidence links.
SPAN_ROW = "span_row"

#: A sentence is carried by another outlet when its best counterpart there is at least this similar (calibrated).
ALIGN_THRESHOLD = 0.2
#: Sentences shorter than this (words) are neither aligned nor counted.
MIN_WORDS = 4
#: Pairs within this distance of the threshold are "borderline" (shown for the reader to judge).
BORDERLINE = 0.05

#: How alignment was decided (shown in the report's methodology).
ALIGN_METHOD = (
    "Within a story, every sentence of at least "
    f"{MIN_WORDS} words is compared with every sentence of each other outlet: TF-IDF over words and character "
    "n-grams (fitted on the story's sentences), cosine similarity (the mean of the word and the character "
    f"cosine). Its best match in an outlet counts as the same content when the similarity is at least "
    f"{ALIGN_THRESHOLD:g}. The threshold was calibrated on the AllSides stories of NeuS (headline and lead of "
    "2-3 outlets per story): it is the similarity that a sentence's best match in the coverage of another "
    "story on the same topic reaches only 5% of the time (tuning half of the stories: 0.202, rounded to 0.2). "
    "On the check half, 5.6% of sentences align with such an unrelated story's coverage and 49% "
    "with their own story's other outlets. Similarity is not meaning: two sentences that share their words "
    "can still disagree (\"talks will resume\" and \"talks will "
    "not resume\"), and a sentence reworded throughout can fall below the threshold."
)


def align_sentences(sentences: pd.DataFrame, *, threshold: float = ALIGN_THRESHOLD,
                    min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Best counterpart of every sentence in each other outlet of its story.

    Args:
        sentences: :data:`SENTENCE_COLUMNS` (``words``: the sentence's word count).
        threshold: Least similarity of an alignment.
        min_words: Shorter sentences are left out.

    Returns:
        :data:`ALIGN_COLUMNS`: one row per (sentence, other outlet of its story),
        in the order of ``sentences`` then of outlets; stories covered by one
        outlet give no rows.
    """
    kept = sentences[sentences["words"] >= min_words]
    story = kept["story_id"].astype(str).to_numpy()
    outlet = kept["outlet_id"].astype(str).to_numpy()
    text = kept["text"].to_numpy(dtype=object)  # the span table's own strings: no copy of the sentences
    terms = TermCounter()  # each distinct word of the corpus is analysed once, whatever the story
    pairs = [_align_story(positions, outlet, text, terms) for positions in _stories(story)]
    if not any(len(p[0]) for p in pairs):
        return pd.DataFrame({c: [] for c in ALIGN_COLUMNS})
    src, match, other, sim = (np.concatenate(part) for part in zip(*pairs, strict=True))
    article = kept["article_id"].astype(str).to_numpy()
    start, end = kept["start"].astype(int).to_numpy(), kept["end"].astype(int).to_numpy()
    rows = _rows(kept)
    return pd.DataFrame({
        "story_id": story[src], "article_id": article[src], "outlet_id": outlet[src],
        "start": start[src], "end": end[src], "text": _shared(text[src]),
        "other_outlet_id": other, "other_article_id": article[match],
        "other_start": start[match], "other_end": end[match], "other_text": _shared(text[match]),
        "similarity": np.round(sim, 4), "aligned": sim >= threshold,
        "span_row": rows[src], "other_span_row": rows[match],
    })[list(ALIGN_COLUMNS)]


def _stories(story: np.ndarray) -> list[np.ndarray]:
    """Positions of each story's sentences, in order, stories by first appearance; those of one outlet included."""
    codes, _ = pd.factorize(story)
    if not len(codes):
        return []
    bounds = np.cumsum(np.bincount(codes))  # codes run 0..k-1 without gaps
    return np.split(np.argsort(codes, kind="stable"), bounds[:-1])


def _align_story(
    positions: np.ndarray, outlet: np.ndarray, text: np.ndarray, terms: TermCounter
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(sentence, counterpart, other outlet, similarity)`` of one story, as positions in the kept sentences.

    Rows in the order of the story's sentences, then of its outlets; none for a story of one outlet.
    """
    outlet_of = outlet[positions]
    outlets = list(dict.fromkeys(outlet_of.tolist()))
    if len(outlets) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=object), np.zeros(0)
    matrix = vectorize(text[positions].tolist(), terms=terms)
    src, match, other_k, sim = [], [], [], []
    for k, other in enumerate(outlets):
        cols = np.flatnonzero(outlet_of == other)
        rows = np.flatnonzero(outlet_of != other)
        index, sims = nearest(matrix[rows], matrix[cols], k=1)
        found = index[:, 0] >= 0
        src.append(rows)
        match.append(cols[np.maximum(index[:, 0], 0)])
        other_k.append(np.full(len(rows), k))
        sim.append(np.where(found, sims[:, 0], 0.0))
    rows_all, outlet_k = np.concatenate(src), np.concatenate(other_k)
    order = np.lexsort((outlet_k, rows_all))  # by sentence, then by outlet
    names = np.array(outlets, dtype=object)
    return (positions[rows_all[order]], positions[np.concatenate(match)[order]], names[outlet_k[order]],
            np.concatenate(sim)[order])


def _shared(texts: np.ndarray) -> pd.Series:
    """A text column that refers to the span table's strings (object dtype) instead of copying them into Arrow.

    Each sentence's text is then stored once however many rows show it (its row, and each other outlet's
    counterpart row): about 150 MB less at 6,000 articles.

    Example:
        >>> _shared(np.array(["a", "b"], dtype=object)).dtype
        dtype('O')
    """
    return pd.Series(texts, dtype=object, copy=False)


def _rows(frame: pd.DataFrame) -> np.ndarray:
    if SPAN_ROW in frame.columns:
        return frame[SPAN_ROW].astype(int).to_numpy()
    return np.full(len(frame), -1, dtype=np.int64)


def sentence_table(spans: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """The :data:`SENTENCE_COLUMNS` of a span table's ``sentence`` rows, with each article's story and :data:`SPAN_ROW`.

    Args:
        spans: The span table.
        stories: ``article_id`` -> ``story_id`` (e.g. :data:`framing.selection.stories.STORY_COLUMNS`).

    Example:
        >>> spans = pd.DataFrame({"article_id": ["a"], "outlet_id": ["x"], "feature": ["sentence"], "start": [0],
        ...                       "end": [3], "text": ["Hi."], "score": [1.0]})
        >>> sentence_table(spans, pd.DataFrame({"article_id": ["a"], "story_id": ["s"]}))["story_id"].tolist()
        ['s']
    """
    rows = spans[spans["feature"] == "sentence"]
    story_of = dict(zip(stories["article_id"].astype(str), stories["story_id"].astype(str), strict=True))
    out = pd.DataFrame({
        "article_id": rows["article_id"].astype(str).to_numpy(),
        "outlet_id": rows["outlet_id"].astype(str).to_numpy(),
        "start": rows["start"].astype(int).to_numpy(),
        "end": rows["end"].astype(int).to_numpy(),
        "text": _shared(rows["text"].to_numpy(dtype=object)),
        "words": rows["score"].fillna(0).astype(int).to_numpy(),
    })
    out["story_id"] = [story_of.get(a, "") for a in out["article_id"]]
    out[SPAN_ROW] = np.flatnonzero((spans["feature"] == "sentence").to_numpy())
    return out[[*SENTENCE_COLUMNS, SPAN_ROW]]
