"""Clean scraped full-page article text, with an audit of every removed line.

The cleaner works line by line; it never edits inside a line. Each raw line is
either *kept* (stripped of surrounding whitespace, copied verbatim, one
paragraph per line) or *removed* with the name of the rule that removed it
(see :data:`RULES`). Three kinds of rules apply, in this order:

1. **Line rules** recognise furniture by its wording alone: navigation, share
   buttons, cookie banners, promos, copyright, comment counts, "Read more:"
   headers, credit lines, bylines, dates, photo captions and credits, section
   tags, lines in another language.
2. **Page rules** use the whole page: a line that occurs twice is furniture;
   a line just before a photo credit is image alt text.
3. **Position rules** find the article. The body starts at the first
   sentence-like line (ends in ``. ! ?``, or a closing quote mark) that is not
   a headline or a lone sentence followed straight away by header furniture
   (caption, byline, date, section tag, headline). The lines before the body
   are the page header, except the *standfirst* (dek): the article's own
   summary under the headline is **kept** as the first paragraph and flagged
   ``standfirst`` (the rule is in :mod:`framing.corpus.standfirst`). Inside
   the body, short headline-style lines without sentence-final punctuation are
   related-story links or crossheads and are removed (**crossheads are
   removed**: they belong to the article but are not running text). The body
   ends at an *end marker*: a bare "Read more:"/"Related" header, a credit line,
   a copyright or comments line, or a line from the page header seen again (the
   next story card starts). After an end marker only a new run of at least
   :data:`RESUME_RUN` sentence-like lines brings the body back, so teasers of
   other stories (one or two paragraphs under a headline) stay out; after a
   "Read more"/"Related" box inside the article one sentence-like line of at
   least :data:`RESUME_WORDS` words does too (a body paragraph, not a teaser).

**Levels** (:data:`LEVELS`): ``full`` applies all of the above (scraped pages);
``conservative`` applies only the line rules and drops only repeated lines
that are not sentences (texts that arrive clean: JSONL and CSV rows);
``none`` keeps every line. At every level, **the only content of an article
is never removed**: when the rules would remove every line, the lines that
are not pure furniture (:data:`PURE_FURNITURE`) are kept, or else all lines
with a letter or digit, and each is flagged ``sole_content`` with the rule it escaped (a headline, a
lede, a post on its own survives). Flags are listed in
:attr:`CleanResult.flagged`; kept lines are never in :attr:`CleanResult.removed`.

Example:
    >>> raw = "Skip to content\\nXi meets Putin\\n\\nXi met Putin on Friday.\\n\\nThey talked.\\n"
    >>> r = clean_text(raw, title="Xi meets Putin")
    >>> r.text
    'Xi met Putin on Friday.\\n\\nThey talked.'
    >>> [(x.line, x.rule) for x in r.removed]
    [(1, 'navigation'), (2, 'title')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from framing.corpus.line_rules import (
    _BIO_RE,
    _BULLET_RE,
    _END_CREDIT_RE,
    _END_RULES,
    _HEADER_REPEAT_RULES,
    _RELATED_HEAD_RE,
    _TEASER_MARKER_RE,
    PARAGRAPH_WORDS,
    RULES,
    _is_non_english,
    _is_prose,
    _key,
    _Line,
    _line_key,
    _line_rule,
    _next_nonblank,
    _split_lines,
)
from framing.corpus.standfirst import MAX_BULLETS, dek_position, question_headline, standfirst_lines
from framing.model import FlaggedLine, RemovedLine, Segment

__all__ = ["FLAGS", "LEVELS", "PURE_FURNITURE", "RULES", "CleanResult", "FlaggedLine", "clean_text"]

#: Cleaning levels, most thorough first.
LEVELS: tuple[str, ...] = ("full", "conservative", "none")
#: Flag name -> plain-words description of a line that was kept for a reason worth recording.
FLAGS: dict[str, str] = {
    "standfirst": "standfirst (dek) kept: the article's own summary under the headline, before the body",
    "sole_content": "kept although a rule would remove it: without it the article would have no text",
}
#: Rules that say a line is furniture by its wording alone; the sole-content fallback keeps other lines first.
PURE_FURNITURE = frozenset({
    "symbols", "navigation", "cookie_notice", "advertisement", "social", "promo", "copyright", "comments",
    "related_links", "credit", "byline", "date", "section_tag",
})
#: Sentence-like lines in a row needed to restart the body after an end marker.
RESUME_RUN = 3
#: After a related-links box, one sentence-like line of at least this many words brings the body back.
RESUME_WORDS = 30
#: Body lines that must be kept before an end marker can end the article.
MIN_BODY_BEFORE_END = 2


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text, the map back to the raw text and the audit.

    Attributes:
        text: Kept lines, each stripped of surrounding whitespace, joined by a blank line.
        segments: One per kept line: ``text[clean_start:clean_start+length] ==
            raw[raw_start:raw_start+length]``.
        removed: Every removed non-blank line with its 1-based line number and rule.
        flagged: Kept lines with a flag: the standfirst, and lines kept as the sole content.
    """

    text: str
    segments: tuple[Segment, ...]
    removed: tuple[RemovedLine, ...]
    flagged: tuple[FlaggedLine, ...] = ()


def _classify(lines: list[_Line], title: str, *, full: bool = True) -> None:
    """Apply the line rules and the page rules (alt text, repeats); set ``prose``.

    With ``full=False`` (the conservative level) only the line rules apply, and
    only repeated lines that are not sentences (widget text) are removed.
    """
    title_key = _key(title) if title.strip() else ""
    for line in lines:
        if line.text:
            line.rule = _line_rule(line, title_key)
    # Lines in another language are furniture only on a page that is mostly in English.
    foreign = [x for x in lines if full and x.text and not x.rule and _is_non_english(x.text, x.words, x.tokens)]
    if sum(x.words for x in foreign) * 2 < sum(x.words for x in lines):
        for line in foreign:
            line.rule = "non_english"
    for line in lines:
        if line.text:
            line.prose = not line.rule and _is_prose(line)
    # Image alt text: a headline-like line just before a photo credit, or a short all-lower-case label.
    for i, line in enumerate(lines):
        if not full or not line.text or line.rule or line.prose or line.words > PARAGRAPH_WORDS:
            continue
        nxt = _next_nonblank(lines, i)
        lower = line.text == line.text.lower() and line.words <= 8 and any(c.isalpha() for c in line.text)
        if lower or (nxt is not None and nxt.rule == "caption"):
            line.rule = "caption"
    # Repeated lines: furniture, except a long paragraph keeps its first copy.
    counts = Counter(_line_key(x) for x in lines if x.text and not x.rule)
    seen: set[str] = set()
    for line in lines:
        if not line.text or line.rule:
            continue
        k = _line_key(line)
        if counts[k] < 2 or (line.prose and not full):
            continue
        if line.prose and line.words >= 15 and k not in seen:
            seen.add(k)
            continue
        line.rule = "repeated"
        line.prose = False


def _body_start(lines: list[_Line]) -> int | None:
    """Index of the first body line: the first sentence-like line that is not a headline or standfirst.

    Before the body at most one question headline and one standfirst are
    skipped. Bullet points before it are standfirst bullets, unless there are
    more than :data:`~framing.corpus.standfirst.MAX_BULLETS` of them (then the article itself is a list).
    """
    first: int | None = None
    skipped_headline = skipped_dek = False
    bullets: list[int] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if not line.prose:
            continue
        if _BULLET_RE.match(line.text):
            bullets.append(i)
            continue
        if first is None:
            first = i
        if not skipped_headline and not skipped_dek and question_headline(lines, i):
            skipped_headline = True
            continue
        if not skipped_dek and dek_position(lines, i):
            skipped_dek = True
            continue
        start = i
        break
    if start is None:
        start = first if first is not None else (bullets[0] if bullets else None)
    if start is not None and len(bullets) > MAX_BULLETS and bullets[0] < start:
        return bullets[0]
    return start


def _walk_body(lines: list[_Line], start: int) -> None:
    """Decide every line from ``start`` on: keep (rule ``""``) or remove with a rule."""
    header_keys = {_line_key(x) for x in lines[:start] if x.text and not x.prose and x.words >= 2}
    after: str = ""  # "" while in the body, else the rule for lines after the end
    kept = 0
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.text:
            i += 1
            continue
        if after:
            if line.prose and (_run_length(lines, i) >= RESUME_RUN
                               or (after == "related_links" and line.words >= RESUME_WORDS)):
                after = ""
            else:
                line.rule = line.rule or after
                i += 1
                continue
        if line.rule:
            if kept < MIN_BODY_BEFORE_END:
                pass  # an end marker needs an article before it
            elif (
                line.rule in _END_RULES
                or (line.rule == "credit" and _END_CREDIT_RE.search(line.text))
                or (line.rule == "related_links" and _RELATED_HEAD_RE.search(line.text))
            ):
                after = "related_links" if line.rule == "related_links" else "after_article"
            elif line.rule in _HEADER_REPEAT_RULES and _line_key(line) in header_keys:
                after = "after_article"
            elif line.rule == "navigation" and _TEASER_MARKER_RE.search(line.text) and _mark_teaser(lines, i):
                after = "after_article"
        elif not line.prose:
            if _BULLET_RE.match(line.text) and line.words >= 5:
                line.prose = True  # a list item inside the body
            else:
                line.rule = "headline"
        kept += not line.rule
        i += 1


def _run_length(lines: list[_Line], i: int) -> int:
    """Number of sentence-like lines in a row from ``i`` (blank lines do not break a run)."""
    n = 0
    for line in lines[i:]:
        if not line.text:
            continue
        if not line.prose or line.rule:
            break
        n += 1
    return n


def _mark_teaser(lines: list[_Line], marker: int) -> bool:
    """Mark the short block of paragraphs under a headline before a 'keep reading' marker as a teaser."""
    block: list[_Line] = []
    j = marker - 1
    while j >= 0 and (not lines[j].text or (lines[j].prose and not lines[j].rule)):
        if lines[j].text:
            block.append(lines[j])
        j -= 1
    if not 1 <= len(block) <= 2 or j < 0 or lines[j].rule not in ("headline", "repeated", "caption"):
        return False
    for line in block:
        line.rule = "teaser"
    return True


def _mark_header(lines: list[_Line], start: int) -> None:
    """Lines before the body that no line rule named are the page ``header``."""
    for line in lines[:start]:
        if line.text and not line.rule:
            line.rule = "header"


def _mark_bios(lines: list[_Line]) -> None:
    """Remove author biographies among the first and the last kept lines."""
    kept = [x for x in lines if x.text and not x.rule]
    for seq in (kept, kept[::-1]):
        for line in seq[:-1]:
            if line.words > 60 or not _BIO_RE.search(line.text):
                break
            line.rule = "author_bio"


def _keep_sole_content(lines: list[_Line]) -> list[FlaggedLine]:
    """When every line would go, keep the lines that are not pure furniture (else all with a letter or digit)."""
    text_lines = [x for x in lines if x.text and x.rule != "symbols"]
    keep = [x for x in text_lines if x.rule not in PURE_FURNITURE] or text_lines
    flagged = [FlaggedLine(x.no, x.text, "sole_content", x.rule) for x in keep]
    for line in keep:
        line.rule = ""
    return flagged


def clean_text(raw: str, *, title: str = "", level: str = "full") -> CleanResult:
    """Clean article text; every removed non-blank line is listed with its rule, every flagged kept line with its flag.

    Args:
        raw: The decoded text (any line endings).
        title: The known headline, if any; lines equal to it are removed as ``title``.
        level: ``full`` (scraped pages), ``conservative`` (line rules only: texts that
            arrive clean) or ``none`` (every line kept); see :data:`LEVELS`.

    Returns:
        The cleaned text (one paragraph per kept line), its segments and the audit.

    Raises:
        ValueError: For an unknown ``level``.

    Example:
        >>> r = clean_text("Advertisement\\r\\nChina and Russia met.\\r\\n© 2022 News Ltd")
        >>> r.text, r.segments[0].raw_start, [x.rule for x in r.removed]
        ('China and Russia met.', 15, ['advertisement', 'copyright'])
        >>> r = clean_text("Share this article\\nChina and Russia sign energy deal", level="conservative")
        >>> r.text, [(x.flag, x.rule) for x in clean_text("China and Russia sign energy deal").flagged]
        ('China and Russia sign energy deal', [('sole_content', 'header')])
    """
    if level not in LEVELS:
        raise ValueError(f"unknown cleaning level {level!r} (expected one of {', '.join(LEVELS)})")
    lines = _split_lines(raw)
    flagged: list[FlaggedLine] = []
    if level != "none":
        _classify(lines, title, full=level == "full")
    start = _body_start(lines) if level == "full" else None
    if start is not None:
        _mark_header(lines, start)
        _walk_body(lines, start)
        _mark_bios(lines)
        for i in standfirst_lines(lines, start, title=title):
            flagged.append(FlaggedLine(lines[i].no, lines[i].text, "standfirst"))
            lines[i].rule = ""
    elif level == "full":
        for line in lines:
            if line.text and not line.rule:
                line.rule = "header"
    if not any(x.text and not x.rule for x in lines):
        flagged.extend(_keep_sole_content(lines))
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[RemovedLine] = []
    pos = 0
    for line in lines:
        if not line.text:
            continue
        if line.rule:
            removed.append(RemovedLine(line.no, line.text, line.rule))
            continue
        if parts:
            pos += 2
        segments.append(Segment(pos, line.start, len(line.text)))
        parts.append(line.text)
        pos += len(line.text)
    return CleanResult("\n\n".join(parts), tuple(segments), tuple(removed), tuple(flagged))
