"""Keyword in context: every occurrence of a word or phrase, with voice and speaker.

Unlike a plain concordance, each row keeps character offsets into the
cleaned text, so it can be highlighted and traced.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> rows = kwic(load_corpus(), "alliance")
    >>> {"article_id", "left", "match", "right", "voice", "speaker"} <= set(rows.columns)
    True
"""

from __future__ import annotations

import pandas as pd

from framing.document import Doc
from framing.features._matching import PhraseMatcher
from framing.model import Corpus

KWIC_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "outlet_name",
    "start",
    "end",
    "left",
    "match",
    "right",
    "sentence",
    "voice",
    "speaker",
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def kwic(
    corpus: Corpus,
    term: str,
    *,
    window: int = 60,
    plurals: bool = True,
    docs: dict[str, Doc] | None = None,
) -> pd.DataFrame:
    """Every whole-word occurrence of ``term`` in all outlets.

    Args:
        corpus: The corpus to search.
        term: A word or phrase (hyphen/space variants and plurals match).
        window: Characters of context on each side.
        plurals: Also match the regular plural.
        docs: Already-built :class:`Doc` objects by article id (saves re-segmenting).

    Returns:
        One row per occurrence, columns :data:`KWIC_COLUMNS`, in corpus order.
    """
    if not term.strip():
        raise ValueError("KWIC needs a non-empty term")
    matcher = PhraseMatcher({term: term}, plurals=plurals)
    rows: list[dict[str, object]] = []
    for article in corpus.articles:
        text = article.text
        hits = list(matcher.finditer(text))
        if not hits:
            continue
        doc = (docs or {}).get(article.id) or Doc.build(article)
        for m in hits:
            voice, speaker = doc.voice.at(m.start)
            rows.append(
                {
                    "article_id": article.id,
                    "outlet_id": article.outlet_id,
                    "outlet_name": article.outlet_name,
                    "start": m.start,
                    "end": m.end,
                    "left": _one_line(text[max(0, m.start - window) : m.start]),
                    "match": m.text,
                    "right": _one_line(text[m.end : m.end + window]),
                    "sentence": doc.sentence_index(m.start),
                    "voice": voice,
                    "speaker": speaker,
                }
            )
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
