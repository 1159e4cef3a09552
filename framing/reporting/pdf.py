"""PDF from the same HTML as the web page (WeasyPrint with the print CSS), so the two cannot disagree.

WeasyPrint needs the Pango system libraries. If they cannot be loaded,
:func:`html_to_pdf` raises :class:`PdfUnavailableError` (a
:class:`~framing.errors.FramingError`) that says what to install; the HTML
report is written before the PDF is attempted, so it is still there.

Example:
    >>> isinstance(PdfUnavailableError("x"), FramingError)
    True
"""

from __future__ import annotations

from framing.errors import FramingError

#: Debian/Ubuntu packages WeasyPrint needs at run time.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-dejavu-core fonts-wqy-microhei"


class PdfUnavailableError(FramingError):
    """WeasyPrint (or its system libraries) cannot be loaded."""


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render report HTML to PDF bytes (no creation or modification dates in the metadata).

    Raises:
        PdfUnavailableError: WeasyPrint or its system libraries are missing.
    """
    try:
        from weasyprint import HTML
    except (OSError, ImportError) as exc:  # OSError: libpango/libgobject not found
        raise PdfUnavailableError(
            f"PDF not written: WeasyPrint cannot load its system libraries ({exc}). Install them with "
            f"`apt-get install {SYSTEM_PACKAGES}` (Debian/Ubuntu), or write HTML only with --format html"
        ) from exc
    document = HTML(string=html, base_url=base_url).render()
    document.metadata.created = None
    document.metadata.modified = None
    data: bytes = document.write_pdf(identifier=b"framing-report", pdf_identifier=b"framing-report")
    return data
