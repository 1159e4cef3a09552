"""Sentence spans: one row per sentence, score = its number of words.

Word and sentence counts in every table are sums over these rows, so they
are traceable like any other figure.

Example:
    >>> from framing.document import Doc
    >>> from framing.model import Article
    >>> doc = Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="One two. Three."))
    >>> [(s.text, s.score) for s in extract(doc)]
    [('One two.', 2.0), ('Three.', 1.0)]
"""

from __future__ import annotations

from framing.corpus.segmentation import count_words
from framing.document import Doc
from framing.model import Span


def extract(doc: Doc) -> list[Span]:
    """One ``sentence`` span per sentence with ``score`` = word count."""
    text = doc.text
    return [
        doc.span("sentence", s, e, sentence=i, score=float(count_words(text[s:e])))
        for i, (s, e) in enumerate(doc.sentences)
    ]
