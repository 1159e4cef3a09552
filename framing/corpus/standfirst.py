"""The standfirst: the article's own summary under its headline, kept with the body.

A standfirst (dek) is written by the outlet and sums up the article, so the
cleaner keeps it as the first paragraph of the text and flags it
``standfirst`` (see :mod:`framing.corpus.cleaning`). A line before the body
is the standfirst when it is

* **under the headline**: below the title's line, or anywhere before the body
  when the title is known but not in the text; with no title known, below the
  first header line of at least :data:`MIN_HEADLINE_WORDS` words (the headline);
* **last**: no other page-header text between it and the body (a byline, date,
  caption or section tag may come between);
* **prose**: :data:`MIN_WORDS` to :data:`MAX_WORDS` words in sentence case
  (at least :data:`MIN_LOWER_SHARE` of its words after the first start in
  lower case, so not a Title Case headline or a list of names), not a question
  headline, not a note in brackets, free of link, handle and credit marks
  (``http``, ``@``, ``|``), and not the title glued to a caption;
* **on topic**: it shares at least :data:`MIN_SHARED` content words with the
  title and the first body paragraphs; it is not a cut-off copy of a body
  paragraph nor a variant of the headline (:data:`MAX_TITLE_SHARE`);
* **lone**: the only header line below the headline in sentence case with at
  least :data:`MIN_OTHER_WORDS` words (so not one of several highlights); or a block of at most
  :data:`MAX_BULLETS` bullet points, each a summary of at least
  :data:`MIN_BULLET_WORDS` words (SCMP's standfirst bullets).

Everything else before the body stays out as ``header``: series blurbs ("A
daily summary of global reports on security issues."), correction notes in
brackets, lists of short headline bullets, several story highlights, bylines.

Example:
    >>> from framing.corpus.line_rules import _split_lines
    >>> lines = _split_lines("Ties deepen\\nThe two powers have grown closer since 2014.\\nBy Jane Doe\\n"
    ...                      "Russia and China have grown closer.\\nThe powers met.")
    >>> lines[0].rule = lines[1].rule = "header"; lines[2].rule = "byline"
    >>> standfirst_lines(lines, 3, title="Ties deepen")
    [1]
"""

from __future__ import annotations

import re

from framing.corpus.line_rules import (
    _BULLET_RE,
    _DATELINE_RE,
    _EN_STOP,
    _FINAL_RE,
    _HEADER_RULES,
    _key,
    _Line,
    _next_nonblank,
    _prev_nonblank,
)
from framing.corpus.segmentation import WORD_RE

#: Words a standfirst has at least (a bullet point: :data:`MIN_BULLET_WORDS`) and at most.
MIN_WORDS = 8
MAX_WORDS = 60
MIN_BULLET_WORDS = 12
#: Another header line in sentence case with at least this many words makes the standfirst not lone.
MIN_OTHER_WORDS = 5
#: More bullet points than this are a list, not a standfirst.
MAX_BULLETS = 4
#: Share of the words after the first that start in lower case (sentence case, not a headline).
MIN_LOWER_SHARE = 0.5
#: Content words shared with the title and the first :data:`TOPIC_PARAGRAPHS` body paragraphs.
MIN_SHARED = 2
TOPIC_PARAGRAPHS = 5
#: A line with at least this share of its content words in the title is a variant of the headline.
MAX_TITLE_SHARE = 0.6
#: A header line with at least this many words can be the headline above a standfirst.
MIN_HEADLINE_WORDS = 4

_NOT_PROSE_RE = re.compile(r"https?:|www\.|pic\.twitter|@\w|\s\|\s|\|$|^\|")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘]?[A-Z0-9])")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_BRACKETED_RE = re.compile(r"^[(\[].*[)\]]\W*$")


def dek_position(lines: list[_Line], i: int) -> bool:
    """A lone sentence set off from the body by header furniture: skipped when finding the body start.

    It is followed by a section tag, byline, date or the title; or by a photo
    caption when a byline or date comes right before it (headline, byline,
    date, standfirst, lead image). A lede with a dateline never is.
    """
    line = lines[i]
    if line.words > MAX_WORDS or _DATELINE_RE.match(line.text):
        return False
    nxt = _next_nonblank(lines, i)
    if nxt is None:
        return False
    if nxt.rule in _HEADER_RULES:
        return True
    prev = _prev_nonblank(lines, i)
    return nxt.rule == "caption" and prev is not None and prev.rule in ("byline", "date")


def question_headline(lines: list[_Line], i: int) -> bool:
    """A headline phrased as a question, directly above a byline, date or other non-sentence line.

    Or above a standfirst that is itself set off from the body by header furniture
    ("How deep are the ties?" / a summary sentence / "By Jane Doe").
    """
    line = lines[i]
    if not line.text.endswith("?") or line.words > 20:
        return False
    j = next((k for k in range(i + 1, len(lines)) if lines[k].text), None)
    if j is None:
        return False
    nxt = lines[j]
    if nxt.prose:
        return not nxt.rule and not nxt.text.endswith("?") and dek_position(lines, j)
    return not nxt.rule or nxt.rule in _HEADER_RULES or nxt.rule == "caption"


def _content_words(text: str) -> set[str]:
    """Lower-case words of four letters or more, not function words, possessive and plural ``s`` dropped."""
    words = (_POSSESSIVE_RE.sub("", m.group(0).casefold()) for m in WORD_RE.finditer(text))
    return {w[:-1] if w.endswith("s") else w for w in words if len(w) >= 4 and w.isalpha() and w not in _EN_STOP}


def _sentence_case(text: str) -> bool:
    words = [m.group(0) for m in WORD_RE.finditer(text) if m.group(0)[:1].isalpha()][1:]
    return bool(words) and sum(w[:1].islower() for w in words) >= MIN_LOWER_SHARE * len(words)


def _glued_headline(text: str) -> bool:
    """A caption sentence with a short headline glued after it: "Obama is campaigning hard. Obama picks Perez"."""
    pieces = _SENTENCE_END_RE.split(text)
    last = pieces[-1]
    return len(pieces) > 1 and not _FINAL_RE.search(last) and len(WORD_RE.findall(last)) < MIN_WORDS


def _summary_like(line: _Line) -> bool:
    """Long enough and in sentence case: could be a summary (or one of several highlights), not a name or label."""
    return line.words >= MIN_OTHER_WORDS and _sentence_case(line.text)


def _is_candidate(
    lines: list[_Line], i: int, *, title: str, title_key: str, topic: set[str], body_keys: list[str]
) -> bool:
    line = lines[i]
    text = line.text
    if not (MIN_BULLET_WORDS if _BULLET_RE.match(text) else MIN_WORDS) <= line.words <= MAX_WORDS:
        return False
    if _NOT_PROSE_RE.search(text) or _BRACKETED_RE.match(text) or question_headline(lines, i):
        return False
    key = _key(text)
    if (title_key and (key.endswith(title_key) or key.startswith(title_key))) or _glued_headline(text):
        return False  # a photo caption glued to the headline, or the headline glued to a summary
    words = _content_words(text)
    if not _sentence_case(text) or len(words & topic) < MIN_SHARED:
        return False
    if title_key and len(words & _content_words(title)) >= MAX_TITLE_SHARE * len(words):
        return False  # a variant of the headline
    cut = key.rsplit(" ", 1)[0]
    return not any(k.startswith(cut) for k in body_keys)  # a cut-off copy of a body paragraph


def standfirst_lines(lines: list[_Line], start: int, *, title: str = "") -> list[int]:
    """Indices of the lines before the body (which starts at line index ``start``) that are its standfirst.

    Lines before ``start`` carry their removal rule (``header`` for page-header
    lines no line rule named); lines from ``start`` on are decided (rule ``""``
    = kept). The standfirst is the last ``header`` text before the body and
    the only summary-like header line below the headline.
    """
    title_key = _key(title) if title.strip() else ""
    header = [i for i in range(start) if lines[i].text and lines[i].rule == "header"]
    titles = [i for i in range(start) if lines[i].rule == "title"]
    below = 0  # index of the first line below the headline
    if titles:  # the headline is in the text
        below = titles[-1] + 1
    elif not title_key:  # the headline is the first header line long enough to be one
        below = next((i + 1 for i in header if lines[i].words >= MIN_HEADLINE_WORDS), start)
    header = [i for i in header if i >= below]
    bullets = [i for i in header if _BULLET_RE.match(lines[i].text)]
    summaries = [i for i in header if i in bullets or _summary_like(lines[i])]
    if not summaries or summaries[-1] != header[-1]:
        return []  # no summary below the headline, or a header line between it and the body
    if any(lines[i].rule == "navigation" and lines[i].words > MIN_OTHER_WORDS for i in range(below, start)):
        return []  # "Story highlights ..." or a share widget: these lines are highlights or the headline
    if bullets:
        if summaries != bullets or len(bullets) > MAX_BULLETS:
            return []
    elif len(summaries) != 1:
        return []
    body = [x.text for x in lines[start:] if x.text and not x.rule][:TOPIC_PARAGRAPHS]
    topic = _content_words(" ".join([title, *body]))
    body_keys = [_key(t) for t in body]
    ok = [_is_candidate(lines, i, title=title, title_key=title_key, topic=topic, body_keys=body_keys)
          for i in summaries]
    return summaries if all(ok) else []
