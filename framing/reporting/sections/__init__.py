"""The report's sections, one module each, in page order.

:mod:`~framing.reporting.sections.fit` (the warning when the story does not fit),
:mod:`~framing.reporting.sections.findings`, :mod:`~framing.reporting.sections.guide`,
:mod:`~framing.reporting.sections.profiles`, :mod:`~framing.reporting.sections.figures`,
:mod:`~framing.reporting.sections.methodology`; then the appendix:
:mod:`~framing.reporting.sections.table`, :mod:`~framing.reporting.sections.evidence`,
:mod:`~framing.reporting.sections.kwic`, :mod:`~framing.reporting.sections.overview`,
:mod:`~framing.reporting.sections.validity`, :mod:`~framing.reporting.sections.provenance`.
Each turns the analysis and the one comparison into plain data for the
template; :func:`framing.reporting.context.build_context` puts them together.
"""
