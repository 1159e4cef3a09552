"""Which measures the comparison reports: collected from each feature family's declarations.

Each family module under :mod:`framing.features` declares its measures next
to its extractor with ``measures(spans, articles, *, story=None)``
(:mod:`framing.measures`). :func:`default_measures` calls them in report
order: a span table gives the measures that table supports (absent
families give none); ``spans=None`` gives every measure a family can emit
(the scikit-learn transformers' columns).

Example:
    >>> from framing.model import spans_to_frame, Span
    >>> spans = spans_to_frame([Span("a", "o", "hedge", 0, 3, "may", 0, voice="authorial")])
    >>> [m.key for m in default_measures(spans)]
    ['hedge_per_1000_words', 'hedge_own_per_1000_words', 'hedge_sources_per_1000_words']
"""

from __future__ import annotations

import importlib

import pandas as pd

from framing.features import FAMILIES
from framing.measures import Measure
from framing.story import Story

#: Order of the families' measures in the comparison (the report's table order); other families follow.
MEASURE_ORDER: tuple[str, ...] = ("relationship_label", "hedging", "quote", "sentiment", "frame", "readability")

#: Family modules that declare measures without being extractors (not in ``FAMILIES``).
EXTRA_MODULES: dict[str, str] = {"readability": "readability"}


def default_measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """The measures of every feature family, in report order (:data:`MEASURE_ORDER`).

    Args:
        spans: The span table (its measures), or None (every measure the families can emit).
        articles: Per-article table; its readability columns become measures.
        story: The story configuration (None: the default story).

    Returns:
        A list of :class:`~framing.measures.Measure`; families with no spans contribute nothing.
    """
    modules = {**FAMILIES, **EXTRA_MODULES}
    families = [f for f in MEASURE_ORDER if f in modules] + [f for f in modules if f not in MEASURE_ORDER]
    out: list[Measure] = []
    for family in families:
        module = importlib.import_module(f"framing.features.{modules[family]}")
        out.extend(module.measures(spans, articles, story=story))
    return out
