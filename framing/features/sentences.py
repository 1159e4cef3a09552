"""Sentence spans: one row per sentence, score = its number of words.

A sentence over :data:`~framing.corpus.segmentation.MAX_SENTENCE_CHARS`
is analysed in bounded pieces; each piece's row has the label ``cut``.

Word and sentence counts in every table are sums over these rows, so they
are traceable like any other figure.

Example:
    >>> from framing.attribution import prepare_doc
    >>> from framing.model import Article
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="One two. Three."))
    >>> [(s.text, s.score) for s in extract(doc)]
    [('One two.', 2.0), ('Three.', 1.0)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.corpus.segmentation import count_words
from framing.document import Doc
from framing.measures import Measure
from framing.model import Span
from framing.story import Story

if TYPE_CHECKING:
    import pandas as pd

#: Label of the row of a sentence piece cut from an overlong sentence.
CUT = "cut"


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """One ``sentence`` span per sentence with ``score`` = word count (the same for every story).

    The label is :data:`CUT` for a piece of an overlong sentence, else empty.
    """
    text = doc.text
    return [
        doc.span("sentence", s, e, sentence=i, score=float(count_words(text[s:e])), label=CUT if i in doc.cut else "")
        for i, (s, e) in enumerate(doc.sentences)
    ]


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """None: sentence spans are the word counts every rate divides by, not a measure of their own.

    Example:
        >>> measures()
        []
    """
    return []
