"""Quotes and sources: the ``quote`` and ``paraphrase`` span family.

The attribution step (:func:`framing.attribution.prepare_doc`) finds the
quotes, paraphrases and speakers; this family turns its records into spans:
one ``quote`` row per direct quotation and one ``paraphrase`` row per
attributed-paraphrase run. ``start``/``end`` cover the quote with its marks
(or the reported clause); ``label`` is the quote type (``person``: a named
person said it; ``organisation``: a named organisation or document;
``unnamed``: a source described but not named, such as "observers", "a
spokesman" or "Western leaders"; ``title``: a name or title in quotation marks,
nobody's words; ``scare``: 1-3 words, no speaker; ``unattributed``: 4+ words,
no speaker; ``paraphrase`` rows use ``person``/``organisation``/``unnamed``);
``category`` is the speaker's origin (one of the story's origins, e.g. china,
russia, us, europe, other, unknown; ``other`` also for a joint source of
several origins such as "China and Russia");
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

from framing.measures import Measure, Where
from framing.story import default_story

if TYPE_CHECKING:
    import pandas as pd

    from framing.document import Doc
    from framing.model import Span
    from framing.story import Story

#: Span features of this family.
FEATURES: tuple[str, ...] = ("quote", "paraphrase")
#: Quote types (``label``) of someone's words: every type but ``title`` (a name or title in quotation marks);
#: "" keeps the rows of a span table made without quote types.
SPEECH_TYPES: tuple[str, ...] = ("person", "organisation", "unnamed", "scare", "unattributed", "")
#: Quote types (``label``) of a named source: what ``distinct_sources_count`` counts ("" as above).
NAMED_SOURCE_TYPES: tuple[str, ...] = ("person", "organisation", "")


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

    ``distinct_sources_count`` counts the distinct named sources (see
    :func:`named_sources`); the word share and the attribution rate leave out
    titles in quotation marks (label ``title``).

    A statement counts once: a paraphrase's own quoted words ('opposed
    external forces instigating a “colour revolution”': a ``quote`` row inside
    a ``paraphrase`` row of the same speaker, or of no speaker of its own;
    :func:`framing.nesting.part_of`) count with the paraphrase in the
    attribution rate, the named sources and the origin shares. The paraphrase
    share counts the paraphrase's words outside quotation marks (those are in
    the quote share), so the two shares never count a word twice. A paraphrase
    inside a paraphrase of the same speaker (one statement found twice) counts
    with the enclosing one in all of them.

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
    quoted: Where = (("label", SPEECH_TYPES),)
    if "quote" in features:
        out.append(Measure("quote_share_of_words_pct", g, "words in direct quotes", "% of words", "share_words",
                           ("quote",), quoted, english_only=False))
    if "paraphrase" in features:
        out.append(Measure("paraphrase_share_of_words_pct", g, "words in attributed paraphrase", "% of words",
                           "share_words", ("paraphrase",), outside=("quote",), outside_where=quoted,
                           within=("paraphrase",)))
    within = ("paraphrase",) if "paraphrase" in features else ()
    out.append(Measure("attributions_per_1000_words", g, "quotes and paraphrases", "per 1,000 words", "rate",
                       attributions, quoted, within=within))
    out.append(Measure("distinct_sources_count", g, "distinct named sources", "count", "distinct", attributions,
                       (("label", NAMED_SOURCE_TYPES),), within=within))
    for origin in origins:
        out.append(Measure(f"source_origin_{origin}_share_pct", g, f"source origin: {origin}",
                           "% of quotes and paraphrases", "share_of", attributions, (("category", (origin,)), *quoted),
                           base_features=attributions, base_where=quoted, within=within))  # of the statements above
    return out


def named_sources(spans: pd.DataFrame) -> list[str]:
    """The distinct named sources of a span table's quote and paraphrase rows, as ``distinct_sources_count`` counts.

    A named source is a speaker the article names: a person ("Wang Yi") or an
    organisation ("the Kremlin", "NATO"), with label ``person`` or
    ``organisation``. Groups and descriptions ("observers", "analysts",
    "Western leaders", "a spokesman") are sources but not named ones. A span
    table made without quote types (``label`` empty) counts every speaker.
    Speakers are compared ignoring letter case and spacing; the list is sorted.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "quote", 0, 4, '"Hi"', label="person", speaker="Wang Yi"),
        ...                     Span("a", "o", "paraphrase", 5, 9, "it is", label="unnamed", speaker="analysts"),
        ...                     Span("a", "o", "quote", 9, 14, '"Yes"', label="person", speaker="wang  yi")])
        >>> named_sources(s)
        ['wang yi']
    """
    rows = spans[spans["feature"].isin(list(FEATURES)) & spans["label"].isin(list(NAMED_SOURCE_TYPES))]
    return sorted({" ".join(str(s).split()).casefold() for s in rows["speaker"] if str(s).strip()})


__all__ = ["FEATURES", "NAMED_SOURCE_TYPES", "SPEECH_TYPES", "extract", "measures", "named_sources"]
