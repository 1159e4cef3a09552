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
    frames = []
    kept = sentences[sentences["words"] >= min_words]
    for story, group in kept.groupby("story_id", sort=False):
        outlets = list(dict.fromkeys(group["outlet_id"].astype(str)))
        if len(outlets) < 2:
            continue
        frames.append(_align_story(str(story), group.reset_index(drop=True), outlets, threshold))
    if not frames:
        return pd.DataFrame({c: [] for c in ALIGN_COLUMNS})
    return pd.concat(frames, ignore_index=True)[list(ALIGN_COLUMNS)]


def _align_story(story: str, group: pd.DataFrame, outlets: list[str], threshold: float) -> pd.DataFrame:
    matrix = vectorize(group["text"].astype(str).tolist())
    outlet_of = group["outlet_id"].astype(str).to_numpy()
    parts = []
    for other in outlets:
        cols = np.flatnonzero(outlet_of == other)
        rows = np.flatnonzero(outlet_of != other)
        index, sims = nearest(matrix[rows], matrix[cols], k=1)
        found = index[:, 0] >= 0
        match = group.iloc[cols[np.maximum(index[:, 0], 0)]]
        src = group.iloc[rows]
        sim = np.where(found, sims[:, 0], 0.0)
        parts.append(pd.DataFrame({
            "order": rows, "other_order": outlets.index(other),
            "story_id": story,
            "article_id": src["article_id"].astype(str).to_numpy(),
            "outlet_id": src["outlet_id"].astype(str).to_numpy(),
            "start": src["start"].astype(int).to_numpy(),
            "end": src["end"].astype(int).to_numpy(),
            "text": src["text"].astype(str).to_numpy(),
            "other_outlet_id": other,
            "other_article_id": match["article_id"].astype(str).to_numpy(),
            "other_start": match["start"].astype(int).to_numpy(),
            "other_end": match["end"].astype(int).to_numpy(),
            "other_text": match["text"].astype(str).to_numpy(),
            "similarity": np.round(sim, 4),
            "aligned": sim >= threshold,
            "span_row": _rows(src),
            "other_span_row": _rows(match),
        }))
    out = pd.concat(parts, ignore_index=True).sort_values(["order", "other_order"], kind="stable")
    return out.drop(columns=["order", "other_order"]).reset_index(drop=True)


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
        "text": rows["text"].astype(str).to_numpy(),
        "words": rows["score"].fillna(0).astype(int).to_numpy(),
    })
    out["story_id"] = [story_of.get(a, "") for a in out["article_id"]]
    out[SPAN_ROW] = np.flatnonzero((spans["feature"] == "sentence").to_numpy())
    return out[[*SENTENCE_COLUMNS, SPAN_ROW]]
