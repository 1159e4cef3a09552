"""What a measure is: the declaration each feature family makes next to its extractor.

A :class:`Measure` says what is counted (span features and filters), over what
(words, sentences, base spans) and in which unit. Each family module under
``framing.features`` declares its measures with a ``measures(...)`` function;
the comparison (:mod:`framing.comparison`), the scikit-learn transformers, the
report's legend and the worksheet questions all read those declarations.

Example:
    >>> m = Measure("hedge_own_per_1000_words", "Hedges and boosters", "hedges, outlet's own voice",
    ...             "per 1,000 words", "rate", ("hedge",), (("voice", OWN_VOICES),))
    >>> m.scale
    1000.0
"""

from __future__ import annotations

from dataclasses import dataclass

#: Voices counted as the outlet's own and as its sources'.
OWN_VOICES: tuple[str, ...] = ("authorial", "")
SOURCE_VOICES: tuple[str, ...] = ("direct_quote", "attributed_paraphrase")

Where = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Measure:
    """One row group of the comparison: what is counted and how.

    Attributes:
        key: Column-style id with its unit (``hedge_own_per_1000_words``).
        group: Section of the table (``Hedges and boosters``).
        name: Plain-words name (``hedges, outlet's own voice``).
        unit: Unit shown to readers (``per 1,000 words``).
        kind: How the value is computed (see module docstring).
        features: Span features selected.
        where: Extra filters: ``(column, allowed values)`` pairs.
        base_features: For ``share_of``: features of the denominator spans.
        base_where: For ``share_of``: filters of the denominator spans.
        column: For ``article_mean``: the per-article column.
        english_only: The measure relies on English word lists.
        within: Features of enclosing statements: a selected span of another
            feature that is part of one of their spans (same article, its
            words inside, same speaker or none: a paraphrase's own quoted
            words; :func:`framing.nesting.part_of`) counts with it, not on its
            own (also in the ``share_of`` base).
        outside: For ``share_words``: features whose spans' words are left out
            of the selected spans' words (:func:`framing.nesting.words_outside`),
            so that two word shares never count a word twice.
        outside_where: Filters of the ``outside`` spans.
    """

    key: str
    group: str
    name: str
    unit: str
    kind: str
    features: tuple[str, ...] = ()
    where: Where = ()
    base_features: tuple[str, ...] = ()
    base_where: Where = ()
    column: str = ""
    english_only: bool = True
    within: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    outside_where: Where = ()

    @property
    def scale(self) -> float:
        """Multiplier from the raw ratio to the unit."""
        return {"rate": 1000.0, "share_words": 100.0, "share_sentences": 100.0, "share_of": 100.0}.get(self.kind, 1.0)
