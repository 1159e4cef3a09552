"""Step 1: pair quotation marks into quotations.

Curly, straight, guillemet and single marks are paired per paragraph (a line).
A straight ``"`` toggles; a curly mark's glyph decides, unless its context
contradicts it (a typo). A single mark between letters (``Russia’s``) or with no
open single quote (``the US’ economy``) is an apostrophe. Single quotes inside a
double quote are nested quotes. A quote open at the end of a paragraph
continues into the next one when that paragraph opens with a quote mark (news
convention) or its first double mark closes; otherwise it ends with its
paragraph.

Two-character marks (`````...''`` or ``''...''``, as in some NYT text) count as
a straight ``"`` where they pair up within their paragraph, or where the
odd one out opens a quote that runs on (``''A ...`` at a paragraph's end);
otherwise they are left alone, as before.

Example:
    >>> t = "“A,” she said, “B.”"
    >>> [t[q.start:q.end] for q in quotations(t)]
    ['“A,”', '“B.”']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_GLYPHS = "“„«"
_CLOSE_GLYPHS = "”»"
_MARK_RE = re.compile(r"``|''|[\"“”„«»‘’']")
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_SPACE_BEFORE = " \t\n\u00a0([{—–-/"


@dataclass
class RawQuote:
    """A quotation found by its marks: ``[start, end)`` with the marks, and whether it is nested.

    ``title`` is set by the direct-quote step when the marks enclose a name or
    title rather than anyone's words (:mod:`framing.attribution.titles`).
    """

    start: int
    end: int
    nested: bool = False
    title: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line.

    Example:
        >>> paragraphs("One.\\n\\nTwo.")
        [(0, 4), (6, 10)]
    """
    return [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]


def _is_space(ch: str) -> bool:
    return ch == "" or ch in _SPACE_BEFORE or ch.isspace()


def _wide_marks(text: str, pm: list[int]) -> set[int]:
    """The two-character marks of one paragraph's marks ``pm`` that act as a straight ``"``.

    They act when they pair up, or when the odd one out is last and opens
    (space or paragraph start before it, a letter or digit after it).

    Example:
        >>> t = "''A,'' he said."
        >>> sorted(_wide_marks(t, [0, 4]))
        [0, 4]
    """
    wide = [p for p in pm if text[p : p + 2] in ("``", "''")]
    if len(wide) % 2:
        last = wide[-1]
        if not (_is_space(text[last - 1] if last else "") and text[last + 2 : last + 3].isalnum()):
            return set()
    return set(wide)


def _continues(text: str, ps: int, pe: int, pm: list[int], wide: set[int]) -> tuple[bool, int]:
    """Whether a quote left open continues into the paragraph ``[ps, pe)`` with marks ``pm``.

    Returns ``(continues, offset of an opening mark that only repeats the open quote, or -1)``.
    """
    first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
    doubles = [p for p in pm if p in wide or text[p] not in "‘’'`"]
    if text[first] in "\"“„«" or first in wide:
        return True, first
    if doubles and (
        text[doubles[0]] in _CLOSE_GLYPHS
        or ((text[doubles[0]] == '"' or doubles[0] in wide) and not _is_space(text[doubles[0] - 1]))
    ):
        return True, -1
    return False, -1


def _split_wide(text: str, pm: list[int]) -> list[int]:
    """Marks ``pm`` with each two-character mark read as two one-character marks (the old reading)."""
    return [q for p in pm for q in ((p, p + 1) if text[p : p + 2] in ("``", "''") else (p,))]


def _double_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    """Whether a double mark opens or closes a quote (``open``/``close``)."""
    if ch == '"':
        return "close" if is_open else "open"
    if ch in _OPEN_GLYPHS:
        return "close" if (is_open and not _is_space(prev) and not nxt.isalnum()) else "open"
    return "open" if (not is_open and _is_space(prev) and nxt.isalnum()) else "close"


def pair_quote_marks(text: str) -> list[tuple[int, int, bool]]:
    """Paired quotations ``(start, end, nested)``, marks included, in text order.

    Example:
        >>> t = "He said “Russia’s ‘new era’ is here,” not the US’ one."
        >>> [t[s:e] for s, e, _ in pair_quote_marks(t)]
        ['“Russia’s ‘new era’ is here,”', '‘new era’']
    """
    out: list[RawQuote] = []
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    n = len(text)
    mi = 0
    pending: int | None = None
    pending_end = 0
    for ps, pe in paragraphs(text):
        pm: list[int] = []
        while mi < len(marks) and marks[mi] < pe:
            if marks[mi] >= ps:
                pm.append(marks[mi])
            mi += 1
        wide = _wide_marks(text, pm)
        if len(wide) < sum(1 for p in pm if text[p : p + 2] in ("``", "''")):
            pm = _split_wide(text, pm)
        dopen: int | None = None
        sopen: int | None = None
        skip = -1
        if pending is not None:
            continues, skip = _continues(text, ps, pe, pm, wide)
            if continues:
                dopen = pending
            else:
                out.append(RawQuote(pending, pending_end))
            pending = None
        for p in pm:
            if p == skip:
                continue
            width = 2 if p in wide else 1
            ch = '"' if p in wide else text[p]
            prev = text[p - 1] if p > ps else ""
            nxt = text[p + width] if p + width < n else ""
            if ch == "`":
                continue
            if ch in "‘’'":
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe inside a word
                opening = ch in "‘'" and (_is_space(prev) or prev in "\"“") and (nxt.isalnum() or nxt in "…")
                if opening:
                    sopen = p
                elif ch in "’'" and sopen is not None and not _is_space(prev):
                    if dopen is not None and sopen > dopen:
                        out.append(RawQuote(sopen, p + 1, nested=True))
                    elif dopen is None:
                        out.append(RawQuote(sopen, p + 1))
                    sopen = None
                continue
            if _double_role(ch, prev, nxt, dopen is not None) == "open":
                dopen = p
                sopen = None
            elif dopen is not None:
                out.append(RawQuote(dopen, p + width))
                dopen = None
                sopen = None
        if dopen is not None:
            pending, pending_end = dopen, pe
    if pending is not None:
        out.append(RawQuote(pending, pending_end))
    res = [(r.start, r.end, r.nested) for r in out if any(c.isalnum() for c in text[r.start : r.end])]
    return sorted(res)


def quotations(text: str) -> list[RawQuote]:
    """The paired quotations of a text as :class:`RawQuote`, in text order.

    Example:
        >>> [(q.start, q.end, q.nested) for q in quotations("“A ‘b’ c”")]
        [(0, 9, False), (3, 6, True)]
    """
    return [RawQuote(s, e, nested) for s, e, nested in pair_quote_marks(text)]


__all__ = ["RawQuote", "pair_quote_marks", "paragraphs", "quotations"]
