"""Quotes and sources: the ``quote`` and ``paraphrase`` span family.

The attribution step (:func:`framing.attribution.prepare_doc`) finds the
quotes, paraphrases and speakers; this family turns its records into spans:
one ``quote`` row per direct quotation and one ``paraphrase`` row per
attributed-paraphrase run. ``start``/``end`` cover the quote with its marks
(or the reported clause); ``label`` is the quote type (``person``: a person or
group said it; ``organisation``: an organisation or document; ``scare``: 1-3
words, no speaker; ``unattributed``: 4+ words, no speaker; ``paraphrase`` rows
use ``person``/``organisation``); ``category`` is the speaker's origin (one of
the story's origins, e.g. china, russia, us, europe, other, unknown);
``target`` is the cue's lemma (``say``, ``according to``; empty when
inherited); ``polarity`` is empty; ``speaker`` is the normalised speaker;
``voice`` comes from the voice map; ``score`` is the number of words inside.

Example:
    >>> from framing.attribution import prepare_doc
    >>> from framing.model import Article
    >>> t = "“We disagree,” said Ann Lee, a professor at Peking University. “Strongly.”"
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(s.text, s.speaker, s.category) for s in extract(doc)]
    [('“We disagree,”', 'Ann Lee', 'china'), ('“Strongly.”', 'Ann Lee', 'china')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.measures import Measure
from framing.story import default_story

if TYPE_CHECKING:
    import pandas as pd

    from framing.document import Doc
    from framing.model import Span
    from framing.story import Story

#: Span features of this family.
FEATURES: tuple[str, ...] = ("quote", "paraphrase")


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """Quote and paraphrase spans of a document (see the module docstring for the columns).

    Args:
        doc: A document prepared by :func:`framing.attribution.prepare_doc`.
        story: Unused: origins were given by the attribution step.

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> t = "“Ties are strong,” Putin said."
        >>> s = extract(prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))
        >>> [(x.feature, x.label, x.speaker, x.target, x.voice, x.score) for x in s]
        [('quote', 'person', 'Putin', 'say', 'direct_quote', 3.0)]
    """
    out: list[Span] = []
    for q in doc.quotes:
        feature = "quote" if q.voice == "direct_quote" else "paraphrase"
        out.append(
            doc.span(
                feature,
                q.start,
                q.end,
                label=q.quote_type,
                category=q.origin,
                target=q.cue_lemma,
                speaker=q.speaker,
                score=float(q.words),
            )
        )
    out.sort(key=lambda s: (s.start, s.end))
    return out


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """The family's measures: shares of words quoted and paraphrased, attributions, sources, source origins.

    Args:
        spans: A span table: the measures it supports (none without quote or
            paraphrase rows; one origin share per origin present). None: every
            measure the family can emit, one origin share per origin of the story.
        articles: Unused (the family has no per-article columns).
        story: The story whose origins are listed when ``spans`` is None.

    Example:
        >>> [m.key for m in measures()][:3]
        ['quote_share_of_words_pct', 'paraphrase_share_of_words_pct', 'attributions_per_1000_words']
        >>> "source_origin_unknown_share_pct" in [m.key for m in measures()]
        True
    """
    if spans is None:
        features, origins = set(FEATURES), sorted((story or default_story()).origins)
    else:
        features = set(spans["feature"])
        values = spans.loc[spans["feature"].isin(list(FEATURES)), "category"]
        origins = sorted({str(v) for v in values if str(v)})
    attributions = tuple(x for x in FEATURES if x in features)
    if not attributions:
        return []
    g = "Quotes and sources"
    out: list[Measure] = []
    if "quote" in features:
        out.append(Measure("quote_share_of_words_pct", g, "words in direct quotes", "% of words", "share_words",
                           ("quote",), english_only=False))
    if "paraphrase" in features:
        out.append(Measure("paraphrase_share_of_words_pct", g, "words in attributed paraphrase", "% of words",
                           "share_words", ("paraphrase",)))
    out.append(Measure("attributions_per_1000_words", g, "quotes and paraphrases", "per 1,000 words", "rate",
                       attributions))
    out.append(Measure("distinct_sources_count", g, "distinct named sources", "count", "distinct", attributions))
    for origin in origins:
        out.append(Measure(f"source_origin_{origin}_share_pct", g, f"source origin: {origin}",
                           "% of quotes and paraphrases", "share_of", attributions, (("category", (origin,)),),
                           base_features=attributions))
    return out


__all__ = ["FEATURES", "extract", "measures"]
