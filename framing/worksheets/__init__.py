"""Media-literacy classroom material from an analysis: worksheet, answer key and hand-coding template.

:mod:`~framing.worksheets.exercises` builds the exercises (pure functions of
the span table), :mod:`~framing.worksheets.render` renders and writes them,
:mod:`~framing.worksheets.coding` makes ``coding_template.csv`` for
``framing agreement`` (:mod:`framing.agreement`).

Example:
    >>> from framing.worksheets.exercises import LEVELS
    >>> LEVELS
    ('intro', 'advanced')
"""
