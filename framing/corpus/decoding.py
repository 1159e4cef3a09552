"""Bytes to text: refuse binary, detect the encoding, record the guess.

Example:
    >>> decode_bytes("café".encode("cp1252")).text
    'café'
"""

from __future__ import annotations

from dataclasses import dataclass

#: Largest input file read whole (bytes). Larger files are refused with this reason.
MAX_FILE_BYTES = 50 * 1024 * 1024

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF", "a PDF file"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


class DecodeError(ValueError):
    """The bytes are not usable text; the message is the reason."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    Line endings are kept as they are (the cleaner maps offsets through them).

    Raises:
        DecodeError: empty, binary, or not decodable.

    Example:
        >>> decode_bytes(b"\\xff\\xfeh\\x00i\\x00").encoding
        'utf-16'
    """
    if not data:
        raise DecodeError("empty file")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid UTF-16 despite its byte-order mark (byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
        return Decoded(text, "utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high <= 0.3 * min(len(data), 65536):
        # Mostly ASCII with a few non-UTF-8 bytes: a Western single-byte page (cp1252 is what browsers
        # assume for latin-1 labels). Statistical detectors misread such short samples as CJK.
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            return Decoded(data.decode("latin-1"), "latin-1")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not decodable as text in any known encoding")
    text = str(best)
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > max(5, len(text[:20000]) // 100):
        raise DecodeError("binary file (mostly control characters), not text")
    return Decoded(text, best.encoding)
