"""Media-literacy classroom material from an analysis: worksheet, answer key and hand-coding template.

:mod:`~framing.worksheets.exercises` builds the exercises (one module each,
from the span table and the one comparison), :mod:`~framing.worksheets.render`
renders and writes them, :mod:`~framing.worksheets.coding` makes
``coding_template.csv`` for ``framing agreement`` (:mod:`framing.agreement`).

Example:
    >>> from framing.worksheets import LEVELS
    >>> LEVELS
    ('intro', 'advanced')
"""

from framing.worksheets.coding import coding_template
from framing.worksheets.exercises import LEVELS, Worksheet, build_worksheet
from framing.worksheets.render import OUTPUT_FILES, render_worksheet, write_worksheet

__all__ = ["LEVELS", "OUTPUT_FILES", "Worksheet", "build_worksheet", "coding_template", "render_worksheet",
           "write_worksheet"]
