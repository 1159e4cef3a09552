"""The comparison report: one self-contained HTML file and a PDF made from it.

Flow: :func:`framing.comparison.compare` (every figure, interval and caveat,
computed once) → :mod:`framing.reporting.context` (one module per section
under :mod:`framing.reporting.sections`, everything formatted) →
:mod:`framing.reporting.charts` (deterministic SVG) → the one Jinja
environment (:mod:`framing.reporting.render`) → atomic writes; the PDF is
rendered by WeasyPrint (:mod:`framing.reporting.pdf`) from the same context
and template: findings on page 1, and the appendix (full table, evidence,
boilerplate audit, validity card) only with ``pdf_appendix``.

Example:
    >>> import tempfile, pathlib
    >>> from framing import analyze, load_corpus
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in build_report(analyze(load_corpus()), out_dir=out, formats=("html",), reps=50)]
    ['report.html']
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from framing.atomic import write_bytes, write_text
from framing.comparison import DEFAULT_REPS, DEFAULT_SEED, Comparison, compare
from framing.engines.memory import Analysis
from framing.heap import release_freed
from framing.reporting import pdf
from framing.reporting.context import build_context
from framing.reporting.pdf import PdfUnavailableError
from framing.reporting.render import render_html
from framing.story import Story

__all__ = ["PdfUnavailableError", "build_report", "report_html"]


def report_html(
    analysis: Analysis,
    *,
    comparison: Comparison | None = None,
    story: Story | None = None,
    command: str = "",
    validity: Path | None = None,
    reps: int = DEFAULT_REPS,
    seed: int = DEFAULT_SEED,
    for_pdf: bool = False,
    pdf_appendix: bool = False,
) -> str:
    """The report as one HTML string (deterministic: same analysis, same string).

    Args:
        analysis: Result of :func:`framing.analyze`.
        comparison: The comparison to show (default: ``compare(analysis, story=story, reps=reps, seed=seed)``).
        story: The story configuration (default: the analysis's); used only without ``comparison``.
        command: The command line, shown under provenance.
        validity: JSON written by ``framing validate --json`` (validity card; default: the
            figures measured at release, shipped with the package).
        reps: Bootstrap resamples per interval; used only without ``comparison``.
        seed: Seed of the bootstrap; used only without ``comparison``.
        for_pdf: The HTML the PDF is made from: without the appendix unless ``pdf_appendix``.
        pdf_appendix: With ``for_pdf``, keep the appendix (full table, evidence, audit, validity card).
    """
    if comparison is None:
        comparison = compare(analysis, story=story, reps=reps, seed=seed)
    context = build_context(analysis, comparison, command=command, validity=validity)
    return render_html({**context, "pdf": for_pdf, "pdf_appendix": pdf_appendix or not for_pdf})


def build_report(
    analysis: Analysis,
    *,
    out_dir: Path,
    formats: tuple[str, ...] = ("html", "pdf"),
    comparison: Comparison | None = None,
    story: Story | None = None,
    command: str = "",
    validity: Path | None = None,
    reps: int = DEFAULT_REPS,
    pdf_appendix: bool = False,
) -> list[Path]:
    """Write ``out_dir/report.html`` and/or ``out_dir/report.pdf`` atomically; return the paths written.

    The HTML always has everything. The PDF is made
    from the same context: the findings on page 1, and the appendix (full
    table, evidence, boilerplate audit, validity card) only with
    ``pdf_appendix``. The HTML is written to disk when ``"html"`` is in
    ``formats``, or when the PDF cannot be made, in which case
    :class:`framing.reporting.pdf.PdfUnavailableError` is raised *after* the
    HTML is in place; its message names the HTML file and what to install.

    Args:
        analysis: Result of :func:`framing.analyze`.
        out_dir: Output folder (created if needed).
        formats: Any of ``"html"``, ``"pdf"``.
        comparison: The comparison to show (default: :func:`framing.comparison.compare` of the analysis).
        story: The story configuration (default: the analysis's); used only without ``comparison``.
        command: The command line, shown under provenance.
        validity: JSON written by ``framing validate --json`` (validity card).
        reps: Bootstrap resamples per interval; used only without ``comparison``.
        pdf_appendix: Include the appendix in the PDF.
    """
    with _settled_heap():
        return _write_report(analysis, out=Path(out_dir), formats=formats, comparison=comparison, story=story,
                             command=command, validity=validity, reps=reps, pdf_appendix=pdf_appendix)


#: Threshold of the oldest generation while a report is made (Python's default: 10).
_OLDEST_THRESHOLD = 1000


@contextmanager
def _settled_heap() -> Iterator[None]:
    """Leave the objects that exist now (the analysis) out of garbage collection while the report is made.

    Charts and WeasyPrint allocate millions of short-lived objects; each full collection would
    walk the whole analysis again (about 8% of the report's CPU on the seeds). Full collections
    are put off (the young generations are still collected): what reaches the oldest generation
    mostly lives until the end, and the one collection that frees much (the charts' figures) is
    made explicitly, between the context and the PDF. Unfrozen, and the thresholds restored, afterwards.
    """
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], _OLDEST_THRESHOLD))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _write_report(analysis: Analysis, *, out: Path, formats: tuple[str, ...], comparison: Comparison | None,
                  story: Story | None, command: str, validity: Path | None, reps: int,
                  pdf_appendix: bool) -> list[Path]:
    if comparison is None:
        comparison = compare(analysis, story=story, reps=reps)
        release_freed()
    context = build_context(analysis, comparison, command=command, validity=validity)
    gc.collect()  # the charts' figures, dead but in cycles: let them go before the PDF is laid out
    release_freed()
    written: list[Path] = []
    html_path = out / "report.html"
    if "html" in formats:  # written and let go before the PDF's own HTML is made (10 MB each at 6,000 articles)
        write_text(html_path, render_html(context))
        written.append(html_path)
        release_freed()
    if "pdf" in formats:
        try:
            data = pdf.html_to_pdf(render_html({**context, "pdf": True, "pdf_appendix": pdf_appendix}))
        except PdfUnavailableError as exc:
            if html_path not in written:
                write_text(html_path, render_html(context))
            raise PdfUnavailableError(f"{html_path} written; {exc}") from exc
        pdf_path = out / "report.pdf"
        write_bytes(pdf_path, data)
        written.append(pdf_path)
    return written
