"""Voice attribution, the pipeline step between segmentation and extraction.

:func:`prepare_doc` segments an article and runs :func:`attribute`, which finds
direct quotes and attributed paraphrase, who said them and where the speakers
come from, and fills :attr:`framing.document.Doc.quotes` and the voice map
every extractor reads.

Example:
    >>> from framing.model import Article
    >>> t = "“Ties are strong,” Lee said."
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> doc.voice.at(3), doc.quotes[0].cue_lemma
    (('direct_quote', 'Lee'), 'say')
"""

from __future__ import annotations

from framing.attribution.marks import pair_quote_marks
from framing.attribution.prepare import attribute, prepare_doc
from framing.document import Quote

__all__ = ["Quote", "attribute", "pair_quote_marks", "prepare_doc"]
