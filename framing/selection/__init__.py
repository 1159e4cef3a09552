"""Selection: what each outlet includes, what it leaves out, and whom it lets speak.

Modules: :mod:`~framing.selection.vectors` (TF-IDF over words and character
n-grams, nearest neighbours in blocks), :mod:`~framing.selection.stories`
(grouping articles into stories), :mod:`~framing.selection.align` (each
sentence's best counterpart in every other outlet), :mod:`~framing.selection.speakers`
(one name per source), :mod:`~framing.selection.quotes` (shared quotes, cut or
extended), :mod:`~framing.selection.sources` (who is quoted by whom, who speaks
about each actor), :mod:`~framing.selection.measures` (per-outlet rows),
:mod:`~framing.selection.result` (the :class:`Selection` value),
:mod:`~framing.selection.calibration` (thresholds on NeuS),
:mod:`~framing.selection.command` (``framing stories``).

This package imports nothing at load time, so that :mod:`framing.comparison`
can import its modules without a cycle.

Example:
    >>> import framing.selection.stories as stories
    >>> stories.STORY_COLUMNS[:3]
    ('article_id', 'outlet_id', 'story_id')
"""
