"""PDF from the same HTML as the web page (WeasyPrint with the print CSS), so the two cannot disagree.

WeasyPrint needs the Pango system libraries. If they cannot be loaded,
:func:`html_to_pdf` raises :class:`PdfUnavailableError` (a
:class:`~framing.errors.FramingError`) that says what to install; the HTML
report is written before the PDF is attempted, so it is still there.

The charts are 256-colour PNGs (:mod:`framing.reporting.charts`). WeasyPrint
would turn each into RGB and compress it twice (a sixth of the PDF's cost);
here each goes into the PDF as it is, an ``/Indexed`` image made of the PNG's
own palette and compressed rows: the same pixels, nothing re-encoded.

Example:
    >>> isinstance(PdfUnavailableError("x"), FramingError)
    True
    >>> _chunks(_png_demo())["IHDR"][0][9]  # colour type 3: palette
    3
"""

from __future__ import annotations

import base64
import io
import re
import struct
from hashlib import md5
from typing import Any

from framing.errors import FramingError

#: Debian/Ubuntu packages WeasyPrint needs at run time.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-dejavu-core fonts-wqy-microhei"

_PNG_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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
    cache = _palette_images(html)
    try:
        return _write(HTML(string=html, base_url=base_url), cache)
    except (TypeError, AttributeError):  # a WeasyPrint whose image internals differ: its own images
        if not cache:
            raise
        return _write(HTML(string=html, base_url=base_url), {})


def _write(page: Any, cache: dict[str, Any]) -> bytes:
    """The PDF of a WeasyPrint ``HTML``, without dates and with a fixed identifier (same input, same bytes)."""
    document = page.render(cache=cache)
    document.metadata.created = None
    document.metadata.modified = None
    data: bytes = document.write_pdf(identifier=b"framing-report", pdf_identifier=b"framing-report")
    return data


def _chunks(png: bytes) -> dict[str, list[bytes]]:
    """The chunks of a PNG file by type, in file order (empty when ``png`` is not a PNG)."""
    if not png.startswith(_PNG_SIGNATURE):
        return {}
    out: dict[str, list[bytes]] = {}
    pos = len(_PNG_SIGNATURE)
    while pos + 8 <= len(png):
        length, kind = struct.unpack("!I4s", png[pos: pos + 8])
        out.setdefault(kind.decode("latin-1"), []).append(png[pos + 8: pos + 8 + length])
        pos += 12 + length
    return out


def _png_demo() -> bytes:
    """A 2 x 1 palette PNG (for the examples)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 1), "white").quantize(4).save(out, format="PNG")
    return out.getvalue()


def _palette_images(html: str) -> dict[str, Any]:
    """WeasyPrint's image cache, filled in advance: each palette PNG ``data:`` URI of ``html`` as an ``/Indexed`` image.

    Images of any other kind (or any WeasyPrint without the hooks used here) are left to WeasyPrint.
    """
    try:
        from PIL import Image
        from weasyprint import DEFAULT_OPTIONS
        from weasyprint.images import RasterImage
    except ImportError:
        return {}
    if not hasattr(RasterImage, "get_x_object"):
        return {}

    class IndexedImage(RasterImage):  # type: ignore[misc]
        """A palette PNG placed in the PDF with its own palette and compressed rows."""

        def __init__(self, uri: str, png: bytes, chunks: dict[str, list[bytes]], cache: dict[str, Any]) -> None:
            width, height, bits = struct.unpack("!IIB", chunks["IHDR"][0][:9])
            # The base class keeps (and here compresses) only a 1 x 1 stand-in; the PNG's own data replace it.
            super().__init__(Image.new("RGB", (1, 1), "white"), md5(uri.encode(), usedforsecurity=False).hexdigest(),
                             None, None, cache, "none", DEFAULT_OPTIONS)
            self.width, self.height, self.ratio = width, height, width / height
            self._png, self._bits = png, bits
            self._palette, self._rows = chunks["PLTE"][0], b"".join(chunks["IDAT"])

        def get_x_object(self, interpolate: bool, dpi_ratio: float) -> Any:
            import pydyf

            if dpi_ratio != 1:  # down-sampling asked for (WeasyPrint's ``dpi`` option): WeasyPrint's own way
                rgb = io.BytesIO()
                Image.open(io.BytesIO(self._png)).convert("RGB").save(rgb, format="PNG")
                self.mode, self.image_data = "RGB", self.cache_image_data(rgb.getvalue())
                return super().get_x_object(interpolate, dpi_ratio)
            palette = b"<" + self._palette.hex().encode("ascii") + b">"
            return pydyf.Stream([self._rows], pydyf.Dictionary({
                "Type": "/XObject",
                "Subtype": "/Image",
                "Width": self.width,
                "Height": self.height,
                "ColorSpace": pydyf.Array(["/Indexed", "/DeviceRGB", len(self._palette) // 3 - 1, palette]),
                "BitsPerComponent": self._bits,
                "Interpolate": "true" if interpolate else "false",
                "Filter": "/FlateDecode",
                "DecodeParms": pydyf.Dictionary({"Predictor": 15, "Colors": 1, "BitsPerComponent": self._bits,
                                                 "Columns": self.width}),
            }))

    cache: dict[str, Any] = {}
    for uri in dict.fromkeys(_PNG_URI.findall(html)):
        png = base64.b64decode(uri.split(",", 1)[1])
        chunks = _chunks(png)
        header = chunks.get("IHDR", [b""])[0]
        # colour type 3 (palette), no interlacing, no transparency: the rows are the PDF image as they are
        if len(header) == 13 and header[9] == 3 and header[12] == 0 and "tRNS" not in chunks and chunks.get("IDAT") \
                and chunks.get("PLTE"):
            try:
                cache[uri] = IndexedImage(uri, png, chunks, cache)
            except (TypeError, AttributeError, ValueError):  # a WeasyPrint whose image class differs: its own way
                return {}
    return cache
