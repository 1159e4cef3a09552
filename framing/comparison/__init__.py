"""Comparison across outlets: one :class:`Comparison` holding every figure, computed once by :func:`compare`.

Modules: :mod:`~framing.comparison.comparison` (the value and the step),
:mod:`~framing.comparison.declarations` (which measures, from the feature
families), :mod:`~framing.comparison.rates` (values per outlet),
:mod:`~framing.comparison.bootstrap` (intervals),
:mod:`~framing.comparison.caveats` (flags as data),
:mod:`~framing.comparison.keyness` (distinctive words),
:mod:`~framing.comparison.sources` (who is quoted).

Example:
    >>> from framing.comparison import compare, Comparison
    >>> callable(compare) and Comparison.__name__
    'Comparison'
"""

from framing.comparison.bootstrap import DEFAULT_REPS, DEFAULT_SEED, generator, percentile_interval
from framing.comparison.caveats import MIN_HITS, add_caveats, differs
from framing.comparison.comparison import FORMATS, FRAME_COLUMNS, Comparison, compare
from framing.comparison.declarations import MEASURE_ORDER, default_measures
from framing.comparison.keyness import KEYNESS_COLUMNS, keyness_table, outlet_term_counts
from framing.comparison.rates import COMPARISON_COLUMNS, compare_outlets, measure_values, select
from framing.comparison.sources import summarise_sources

__all__ = [
    "COMPARISON_COLUMNS",
    "DEFAULT_REPS",
    "DEFAULT_SEED",
    "FORMATS",
    "FRAME_COLUMNS",
    "KEYNESS_COLUMNS",
    "MEASURE_ORDER",
    "MIN_HITS",
    "Comparison",
    "add_caveats",
    "compare",
    "compare_outlets",
    "default_measures",
    "differs",
    "generator",
    "keyness_table",
    "measure_values",
    "outlet_term_counts",
    "percentile_interval",
    "select",
    "summarise_sources",
]
