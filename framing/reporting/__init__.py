"""The comparison report: one self-contained HTML file and a PDF made from it.

Flow: :func:`framing.comparison.rates.compare_outlets` (figures, intervals,
caveats) → :mod:`framing.reporting.context` (everything formatted) →
:mod:`framing.reporting.charts` (deterministic SVG) → the one Jinja environment
(:mod:`framing.reporting.render`) → atomic writes; the PDF is rendered from the
same HTML by WeasyPrint (:mod:`framing.reporting.pdf`).

Example:
    >>> import tempfile, pathlib
    >>> from framing import analyze, load_corpus
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in build_report(analyze(load_corpus()), out_dir=out, formats=("html",), reps=50)]
    ['report.html']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing.atomic import write_bytes, write_text
from framing.pipeline import Analysis

__all__ = ["build_report", "report_html"]


def report_html(
    analysis: Analysis,
    *,
    command: str = "",
    validity: Path | None = None,
    reps: int = 1000,
    seed: int | None = None,
) -> str:
    """The report as one HTML string (deterministic: same analysis, same string)."""
    from framing.comparison.bootstrap import DEFAULT_SEED
    from framing.comparison.rates import compare_outlets
    from framing.reporting.context import build_context
    from framing.reporting.render import render_html

    table = compare_outlets(analysis.spans, _articles_with_readability(analysis), reps=reps,
                            seed=DEFAULT_SEED if seed is None else seed)
    keyness = _keyness(analysis)
    context = build_context(analysis, table, keyness=keyness, command=command, validity=validity, reps=reps)
    return render_html(context)


def build_report(
    analysis: Analysis,
    *,
    out_dir: Path,
    formats: tuple[str, ...] = ("html", "pdf"),
    command: str = "",
    validity: Path | None = None,
    reps: int = 1000,
) -> list[Path]:
    """Write ``out_dir/report.html`` and/or ``out_dir/report.pdf`` atomically; return the paths written.

    The HTML is always rendered (the PDF is made from it). It is written to
    disk when ``"html"`` is in ``formats``, or when the PDF cannot be made, in
    which case :class:`framing.reporting.pdf.PdfUnavailableError` is raised *after*
    the HTML is in place; its message names the HTML file and what to install.

    Args:
        analysis: Result of :func:`framing.pipeline.analyze`.
        out_dir: Output folder (created if needed).
        formats: Any of ``"html"``, ``"pdf"``.
        command: The command line, shown under provenance.
        validity: JSON written by ``framing validate --json`` (validity card).
        reps: Bootstrap resamples per interval.
    """
    from framing.reporting.pdf import PdfUnavailableError, html_to_pdf

    out = Path(out_dir)
    html = report_html(analysis, command=command, validity=validity, reps=reps)
    written: list[Path] = []
    html_path = out / "report.html"
    if "html" in formats:
        write_text(html_path, html)
        written.append(html_path)
    if "pdf" in formats:
        try:
            pdf = html_to_pdf(html)
        except PdfUnavailableError as exc:
            if html_path not in written:
                write_text(html_path, html)
            raise PdfUnavailableError(f"{html_path} written; {exc}") from exc
        pdf_path = out / "report.pdf"
        write_bytes(pdf_path, pdf)
        written.append(pdf_path)
    return written


def _articles_with_readability(analysis: Analysis) -> pd.DataFrame:
    """The per-article table, with readability columns added (unless already there)."""
    from framing.comparison.rates import READABILITY_COLUMNS
    from framing.features.readability import readability_table

    articles = analysis.articles
    if any(c in articles.columns for c in READABILITY_COLUMNS) or articles.empty:
        return articles
    ids = set(articles["article_id"].astype(str))
    table = readability_table([a for a in analysis.corpus.articles if a.id in ids])
    keep = ["article_id", *[c for c in READABILITY_COLUMNS if c in table.columns]]
    return articles.merge(table[keep], on="article_id", how="left")


def _keyness(analysis: Analysis) -> pd.DataFrame:
    """Distinctive words per outlet (top 10 per outlet, terms seen at least 3 times)."""
    from framing.comparison.keyness import keyness_table
    from framing.model import Corpus

    ids = set(analysis.articles["article_id"].astype(str))
    corpus = Corpus(articles=[a for a in analysis.corpus.articles if a.id in ids])
    return keyness_table(corpus, min_count=3, top=10)
