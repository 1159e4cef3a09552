"""The report's sections, one module each, in page order.

:mod:`~framing.reporting.sections.overview`, :mod:`~framing.reporting.sections.table`,
:mod:`~framing.reporting.sections.figures`, :mod:`~framing.reporting.sections.evidence`,
:mod:`~framing.reporting.sections.kwic`, :mod:`~framing.reporting.sections.methodology`,
:mod:`~framing.reporting.sections.validity`, :mod:`~framing.reporting.sections.provenance`.
Each turns the analysis and the one comparison into plain data for the
template; :func:`framing.reporting.context.build_context` puts them together.
"""
