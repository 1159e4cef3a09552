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
   a standfirst; a *standfirst* (dek) is a lone sentence followed straight away
   by header furniture (caption, byline, date, section tag, headline). Inside
   the body, short headline-style lines without sentence-final punctuation are
   related-story links or crossheads and are removed (**crossheads are
   removed**: they belong to the article but are not running text). The body
   ends at an *end marker*: a bare "Read more:"/"Related" header, a credit line,
   a copyright or comments line, or a line from the page header seen again (the
   next story card starts). After an end marker only a new run of at least
   :data:`RESUME_RUN` sentence-like lines brings the body back, so teasers of
   other stories (one or two paragraphs under a headline) stay out.

Example:
    >>> raw = "Skip to content\\nXi meets Putin\\n\\nXi met Putin on Friday.\\n\\nThey talked.\\n"
    >>> r = clean_text(raw, title="Xi meets Putin")
    >>> r.text
    'Xi met Putin on Friday.\\n\\nThey talked.'
    >>> [(x.line, x.rule) for x in r.removed]
    [(1, 'navigation'), (2, 'title')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from framing.corpus.segmentation import WORD_RE, count_words
from framing.model import RemovedLine, Segment

#: Rule name -> plain-words description (shown in the report's audit).
RULES: dict[str, str] = {
    "symbols": "line with no letters or digits (separators, stray bullets or symbols)",
    "title": "the article's headline (equal to the known title)",
    "navigation": "site navigation or widget text ('Skip to content', 'Menu', 'Show more', 'keep reading')",
    "cookie_notice": "cookie or privacy banner",
    "advertisement": "advertisement marker ('Advertisement', 'Sponsored content')",
    "social": "share buttons or social-media prompt ('Share this article', 'Follow us on social')",
    "promo": "subscription, newsletter, app or 'learn more / click here' promotion",
    "copyright": "copyright or 'All rights reserved' notice",
    "comments": "comment count or comment-section prompt",
    "related_links": "'Read more:' or 'Related' header, an inline related link, or the link list after such a header",
    "credit": "credit or editing line ('X reported from Moscow.', 'Edited by', 'contributed to this report')",
    "byline": "byline ('By Jane Smith')",
    "date": "date or time stamp on a line of its own",
    "caption": "photo caption, photo credit or image alt text ('... Photo: Xinhua', '(Name/Pool/AP)', 'Image: ...')",
    "section_tag": "section or topic tag ('Analysis | Asia-Pacific', '#Analize / Name')",
    "non_english": "line in a language other than English (site furniture around an English article)",
    "repeated": "line that occurs more than once on the page (a long paragraph keeps its first copy)",
    "header": "page-header line before the article body (masthead, section label, author, headline)",
    "dek": "standfirst before the article body: a lone summary sentence or bullet points under the headline",
    "headline": "headline-style line inside the article (related-story link or crosshead): short, no final period",
    "after_article": "line after the article's end (after a credit, copyright or repeated page-header line)",
    "teaser": "excerpt of another story: a short block under a headline, followed by 'keep reading'",
    "author_bio": "author biography after the article ('Jane Smith is a reporter at ...')",
}

#: Sentence-like lines in a row needed to restart the body after an end marker.
RESUME_RUN = 3
#: More bullet points than this before the first paragraph are the article, not a standfirst.
MAX_DEK_BULLETS = 4
#: Body lines that must be kept before an end marker can end the article.
MIN_BODY_BEFORE_END = 2
#: Lines without final punctuation but at least this many words are paragraphs, not headlines.
PARAGRAPH_WORDS = 25

_EOL_RE = re.compile(r"\r\n|\r|\n")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«„"
_FINAL_RE = re.compile(r"[.!?…](?:\s?[\"'”’»)\]“])*$")
_COLON_END_RE = re.compile(r"[:;][\"'”’»)\]]*$")
_BULLET_RE = re.compile(r"^[•·▪●◦‣∙■□►▶–—*-]\s")
_HAS_ALNUM_RE = re.compile(r"[^\W_]")
#: "Biden warns Russia and China: But is Europe on board?" - no article or pronoun before a colon + capital.
_HEADLINE_COLON_RE = re.compile(
    r"^(?!.*\b(?:[Aa]n?|[Tt]he|[Ii]t|[Tt]his|[Tt]hat|I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey)\b[^:]*:)[^:]+:\s+[A-Z]"
)


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text, the map back to the raw text and the audit.

    Attributes:
        text: Kept lines, each stripped of surrounding whitespace, joined by a blank line.
        segments: One per kept line: ``text[clean_start:clean_start+length] ==
            raw[raw_start:raw_start+length]``.
        removed: Every removed non-blank line with its 1-based line number and rule.
    """

    text: str
    segments: tuple[Segment, ...]
    removed: tuple[RemovedLine, ...]


@dataclass
class _Line:
    no: int  # 1-based line number in the raw text
    start: int  # raw offset of the stripped text
    text: str  # stripped text ("" for a blank line)
    words: int
    rule: str = ""
    prose: bool = False  # sentence-like (could be a body paragraph)


def _rx(*patterns: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# --- line rules: (rule, pattern, max words; 0 = any length) -------------------------------------
_NAV_RE = _rx(
    r"^(?:\d+[.)]\s*)?skip to\b.*$",
    r"^(?:\d+[.)]\s*)?(?:jump|go|back|return) to\b.*$",
    r"^(?:(?:main|site|open|close) )?(?:menu|navigation)$",
    r"^(?:home|homepage|search|sign in|sign out|log ?in|log ?out|register|my account|account|close|back to top"
    r"|top|next|previous|prev|print|open in app|view all|see all|load more|show more|show less|see more|more"
    r"|back|expand|collapse|toggle navigation|play|play video|watch video|watch live|video|audio|listen"
    r"|loading|full story|read full (?:story|article)|(?:the )?latest|menu search|search menu"
    r"|enable accessibility|accessibility|language|english|edition|change edition)\W*$",
    r"^(?:keep|continue) reading.*$",
    r"^read (?:the )?(?:full|rest of the) (?:story|article)\W*$",
    r"^listen to (?:this|the) (?:article|story)\b.*$",
    r"^\d+\s*min(?:ute)?s?\s+(?:read|listen)\W*$",
    r"^(?:tags?|topics?|filed under|categories|keywords)\s*:.*$",
)
_COOKIE_RE = _rx(
    r"\b(?:we|this (?:site|website)|our (?:site|website|partners))(?: and our partners)? uses? cookies\b",
    r"\bcookies? (?:policy|settings|preferences|notice|consent|banner)\b",
    r"\b(?:accept|allow|reject|decline|enable)(?:ing)? (?:all )?cookies\b",
    r"\buse of cookies\b",
    r"\bby (?:continuing|using|clicking|browsing)\b.*\bcookies\b",
    r"^(?:accept|reject|allow|decline) (?:all|and close)\b.*$",
    r"^(?:manage|customi[sz]e) (?:cookie |privacy )?(?:preferences|settings|choices)\W*$",
    r"^privacy (?:policy|settings|notice)\W*$",
)
_AD_RE = _rx(
    r"^(?:advertisement|advertising|ads?|sponsored(?: content| story| post)?|sponsored by\b.*|paid (?:content|post)"
    r"|paid partner content|promoted(?: content| stories)?|partner content|supported by|presented by\b.*"
    r"|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
    r"|scroll (?:down )?to continue(?: with content| reading)?|ad feedback|report this ad)\W*$",
)
_SOCIAL_NAMES = r"facebook|twitter|x|whatsapp|linkedin|reddit|e-?mail|telegram|pinterest|flipboard|messenger"
_SOCIAL_RE = _rx(
    r"^(?:share|tweet|pin it|copy link|copy|link copied|e-?mail|print)(?: (?:this|the) (?:article|story|page|post"
    r"|link))?(?: (?:on|via|with|to) .*)?\W*$",
    rf"^(?:(?:{_SOCIAL_NAMES}|copy link|print|share|comment|comments|save|gift(?: this)? article)[\s,|/·•\-]*)+$",
    r"\bfollow (?:us|me|him|her|them|@)\b",
    r"^(?:like|follow|join) us on\b.*$",
    r"\bshare (?:this|the) (?:article|story|page)\b",
)
_PROMO_RE = _rx(
    r"^get more (?:with|from|of)\b.*$",
    r"^learn more\b.*$",
    r"\bclick here\b",
    r"^subscribe\b",
    r"\bsubscribe (?:to|now|today|for)\b",
    r"\bsign up (?:for|to|now|here|today)\b",
    r"\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|delivered|free)\b",
    r"\b(?:sign up|subscribe|inbox|delivered)\b.*\bnewsletters?\b",
    r"\b(?:download|get|install) (?:the|our) (?:free )?app\b",
    r"\bsupport (?:our|independent|quality) journalism\b",
    r"\bbecome a (?:member|subscriber|patron|supporter)\b",
    r"\balready (?:a subscriber|a member|have an account)\b",
    r"\b(?:unlimited|full) (?:digital )?access\b",
    r"\bfree trial\b",
    r"^(?:donate|support us|give now)\b.*$",
    r"\bfor more on (?:this|the) (?:subject|story|topic|issue)\b",
    r"^(?:have|got) a (?:news )?tip\b.*$",
    r"\bwe(?:'re| are) on (?:whatsapp|telegram)\b",
)
_COPYRIGHT_RE = _rx(r"^(?:©|\(c\)\s|copyright\b)", r"©", r"\ball rights reserved\b")
_COMMENTS_RE = _rx(
    r"^\d[\d,.]*\s*k?\s+(?:comments?|replies|responses)\W*$",
    r"^(?:comments?|view comments|show comments|hide comments|leave a (?:comment|reply)|add a comment"
    r"|post a comment|join the (?:conversation|discussion)|comments? (?:are|is) closed\b.*|\d+ repl(?:y|ies))\W*$",
    r"^(?:comments?|discussion)\s*\(\d+\)\W*$",
)
_RELATED_HEAD_RE = _rx(
    r"^(?:read (?:more|also|next)|related(?: articles?| stories| coverage| content| reading| links| news| topics"
    r"| posts| video)?|more (?:from|on|about|in|stories|news|coverage|to read)\b.*|see also|also read|also see"
    r"|most (?:read|popular|viewed|shared)|recommended(?: for you| stories| reading| articles)?"
    r"|you (?:may|might) also (?:like|be interested in|enjoy)|what to read next|further reading"
    r"|trending(?: now| stories)?|latest (?:news|stories|articles)|editor'?s'? picks?|top stories"
    r"|(?:don't|do not) miss|popular(?: now| stories)?|explore more|in other news)\s*:?$",
)
_RELATED_INLINE_RE = _rx(r"^(?:read (?:more|also|next)|related|see also|also read|more|watch|listen)\s*:\s*\S")
_CREDIT_RE = re.compile(
    r"^(?i:edited by)\b|^(?i:(?:additional )?reporting by)\b|^(?i:(?:writing|editing|compiled|translated|produced)"
    r" by)\b|\b(?i:contributed (?:reporting|to this (?:report|story|article)))\b"
    r"|^[A-Z][^.!?:]{0,60}\breported (?:from|in) [A-Z][^.!?:]{0,60}\.?$"
    r"|^(?i:the (?:views|opinions) expressed)\b"
    r"|^(?i:(?:this|the) (?:article|story|piece) (?:was |is |first )?(?:originally )?(?:published|appeared))\b"
    r"|^(?i:originally published)\b|^(?i:sources?)\s*:\s*\S"
)
_BYLINE_RE = re.compile(
    r"^(?i:by|written by|words by|story by|text by)\s+(?!(?:The|This|That|Then|Now|Its|It|In|On|At|A|An)\b)"
    r"[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){0,8}$|^(?i:authors?)\s*:\s*\S"
)
_MONTHS = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december"
).split()
_WEEKDAYS = "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday"
_DATE_ANCHORS = frozenset(_MONTHS) | frozenset(_WEEKDAYS.split()) | {"ago", "today", "yesterday"}
_DATE_FILLERS = frozenset(
    "published updated posted last modified first on at am pm a.m p.m gmt utc bst cet cest est edt et pt pst pdt"
    " ist hkt jst msk sgt aedt aest hours hour hrs hr mins min minutes minute days day seconds secs read reading"
    " time of the st nd rd th".split()
)
_YEARISH_RE = re.compile(r"^(?:1[89]|20)\d\d$|^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$")
_CAPTION_START_RE = re.compile(
    r"^(?i:(?:photo|image|picture|photograph|foto|graphic|illustration|video)s?\s*(?:source|credits?|by)?\s*:"
    r"|(?:photo|image|picture) (?:source|credit|by)\b|file photo\b|credit\s*:|getty images\b)"
)
_CAPTION_END_RE = re.compile(
    r"(?<![A-Za-z])(?:Photos?|Images?|Pictures?|Photograph|Credit|Foto|PHOTO|IMAGE)\s*(?:[Ss]ource|[Cc]redit)?"
    r"\s*:\s*[^.!?]{0,80}$"
    r"|\((?=[^()]*(?:/|\b(?:AP|AFP|Reuters|REUTERS|Getty|EPA|Xinhua|TASS|Tass|Sputnik|Bloomberg|Pool|Photo"
    r"|Images|Shutterstock|Alamy)\b))[^()]{2,100}\)$"
    r"|\b(?:REUTERS|AFP|AP|EPA|GETTY|XINHUA|TASS|SPUTNIK|AAP|ANP|KYODO|YONHAP|UPI|DPA)(?: Photo)?/[A-Z][^/]{1,40}$"
    r"|\b(?:via Getty Images|Getty Images|Shutterstock|Alamy|picture alliance)\s*$"
    r"|\((?:Photo|Image|Picture)s?\b[^()]*$"
)
_SECTION_SEP_RE = re.compile(r"\s[|/›»>·•]\s")
_EN_STOP = frozenset(
    "the a an of and to in is are was were be been being for on with that this these those it its as at by from"
    " or not no but has have had will would can could should may might must do does did he she they we you i his"
    " her their our my your him them me who which what when where why how there than then so if also after about"
    " into over more said says just only all some any new up out one two now very".split()
)
#: Frequent function words of other European languages (lower case only, so "ET" or "De Niro" do not count).
_FOREIGN_STOP = frozenset(
    "de la le les des du et est une și în cu din pentru sau der das und ist mit von zu dem nicht auf für los las"
    " que por para con del il di che gli della och att för het een niet się jest oraz że nie".split()
)
_BIO_RE = re.compile(
    r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,3}\s+(?:is|was|has been|serves as)\s+(?:a|an|the|our)\b.{0,160}?"
    r"\b(?:correspondent|reporter|editor|columnist|writer|journalist|contributor|bureau chief|producer|author of)\b"
    r"|^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,3}\s+covers\s.{0,100}\bfor\b"
)
#: "WASHINGTON —", "MT SOMERS, New Zealand (Reuters) -": a dateline opens a lede, never a standfirst.
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.,' ]{2,40}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?(?:\s*\([^()]{1,30}\))?\s*[-—–]\s"
)
_END_CREDIT_RE = _rx(
    r"^edited by\b", r"^(?:additional )?reporting by\b", r"\breported (?:from|in) ",
    r"\bcontributed (?:reporting|to this)\b", r"^the (?:views|opinions) expressed\b",
    r"^(?:this|the) (?:article|story|piece) (?:was |is |first )?(?:originally )?(?:published|appeared)\b",
    r"^originally published\b",
)
_TEASER_MARKER_RE = _rx(r"^(?:keep|continue) reading.*$", r"^read (?:the )?(?:full|rest of the) (?:story|article)\W*$")

#: Line rules in the order they are tried: (rule, pattern, max words or 0 for any).
_LINE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("navigation", _NAV_RE, 10),
    ("cookie_notice", _COOKIE_RE, 80),
    ("advertisement", _AD_RE, 8),
    ("social", _SOCIAL_RE, 15),
    ("promo", _PROMO_RE, 30),
    ("copyright", _COPYRIGHT_RE, 40),
    ("comments", _COMMENTS_RE, 8),
    ("related_links", _RELATED_HEAD_RE, 8),
    ("related_links", _RELATED_INLINE_RE, 30),
    ("credit", _CREDIT_RE, 25),
    ("byline", _BYLINE_RE, 14),
    ("caption", _CAPTION_START_RE, 40),
    ("caption", _CAPTION_END_RE, 0),
)

#: Rules whose line, met inside the body, ends the article.
_END_RULES = frozenset({"copyright", "comments"})
#: Rules of lines that end the article when they repeat a line of the page header (a new story card).
_HEADER_REPEAT_RULES = frozenset({"title", "section_tag"})
#: Rules that mark the page header; a lone sentence right before one of them is a standfirst.
_HEADER_RULES = frozenset({"byline", "date", "section_tag", "title"})


_KEY_TABLE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})


def _key(text: str) -> str:
    """Comparison key: case-folded words only (punctuation, quote styles and spacing ignored)."""
    return " ".join(m.group(0) for m in WORD_RE.finditer(text.casefold().translate(_KEY_TABLE)))


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _EOL_RE.finditer(raw)]
    bounds.append((len(raw), len(raw)))
    for no, (end, nxt) in enumerate(bounds, start=1):
        chunk = raw[pos:end]
        stripped = chunk.strip()
        lead = len(chunk) - len(chunk.lstrip())
        lines.append(_Line(no, pos + lead, stripped, count_words(stripped) if stripped else 0))
        pos = nxt
    return lines


def _is_date(text: str) -> bool:
    tokens = [m.group(0).casefold().rstrip(".") for m in WORD_RE.finditer(text)]
    if not tokens or len(tokens) > 14:
        return False
    anchored = False
    for tok in tokens:
        if tok in _DATE_ANCHORS or _YEARISH_RE.match(tok):
            anchored = True
        elif not (tok in _DATE_FILLERS or tok.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th|am|pm|h)", tok)):
            return False
    return anchored


def _is_section_tag(text: str, words: int) -> bool:
    if re.match(r"^#[^\W\d_]", text):
        return words <= 8
    return words <= 6 and not _FINAL_RE.search(text) and bool(_SECTION_SEP_RE.search(text))


def _is_non_english(text: str, words: int) -> bool:
    if words < 3:
        return False
    tokens = [m.group(0) for m in WORD_RE.finditer(text)]
    english = sum(t.casefold() in _EN_STOP for t in tokens)
    foreign = sum(t in _FOREIGN_STOP for t in tokens)
    return english <= len(tokens) * 0.05 and foreign >= len(tokens) * 0.1


def _line_rule(line: _Line, title_key: str) -> str:
    text, words = line.text, line.words
    if not _HAS_ALNUM_RE.search(text):
        return "symbols"
    if title_key and _key(text) == title_key:
        return "title"
    for rule, pattern, max_words in _LINE_RULES:
        if (max_words == 0 or words <= max_words) and pattern.search(text):
            return rule
    if _is_date(text):
        return "date"
    if _is_section_tag(text, words):
        return "section_tag"
    return ""


def _is_prose(line: _Line) -> bool:
    """Sentence-like: could be a paragraph of running text."""
    text, words = line.text, line.words
    if words == 0:
        return False
    if _FINAL_RE.search(text):
        if text.endswith("?") and words <= 14 and (words <= 3 or _HEADLINE_COLON_RE.search(text)):
            return False  # "Olympic disruption?", "Biden warns X: But is Europe on board?"
        return True
    if _COLON_END_RE.search(text) and words >= 3:
        return True  # introduces a quote or a list, or is a list item
    if text[0] in _OPENERS and text[-1] in _CLOSERS and words >= 4:
        return True  # a quoted paragraph with no final period
    return words >= PARAGRAPH_WORDS


def _next_nonblank(lines: list[_Line], i: int) -> _Line | None:
    for j in range(i + 1, len(lines)):
        if lines[j].text:
            return lines[j]
    return None


def _classify(lines: list[_Line], title: str) -> None:
    """Apply the line rules and the page rules (alt text, repeats); set ``prose``."""
    title_key = _key(title) if title.strip() else ""
    for line in lines:
        if line.text:
            line.rule = _line_rule(line, title_key)
    # Lines in another language are furniture only on a page that is mostly in English.
    foreign = [x for x in lines if x.text and not x.rule and _is_non_english(x.text, x.words)]
    if sum(x.words for x in foreign) * 2 < sum(x.words for x in lines):
        for line in foreign:
            line.rule = "non_english"
    for line in lines:
        if line.text:
            line.prose = not line.rule and _is_prose(line)
    # Image alt text: a headline-like line just before a photo credit, or a short all-lower-case label.
    for i, line in enumerate(lines):
        if not line.text or line.rule or line.prose or line.words > PARAGRAPH_WORDS:
            continue
        nxt = _next_nonblank(lines, i)
        lower = line.text == line.text.lower() and line.words <= 8 and any(c.isalpha() for c in line.text)
        if lower or (nxt is not None and nxt.rule == "caption"):
            line.rule = "caption"
    # Repeated lines: furniture, except a long paragraph keeps its first copy.
    counts = Counter(_key(x.text) for x in lines if x.text and not x.rule)
    seen: set[str] = set()
    for line in lines:
        if not line.text or line.rule:
            continue
        k = _key(line.text)
        if counts[k] < 2:
            continue
        if line.prose and line.words >= 15 and k not in seen:
            seen.add(k)
            continue
        line.rule = "repeated"
        line.prose = False


def _prev_nonblank(lines: list[_Line], i: int) -> _Line | None:
    for j in range(i - 1, -1, -1):
        if lines[j].text:
            return lines[j]
    return None


def _is_dek(lines: list[_Line], i: int) -> bool:
    """A lone summary sentence under the headline, set off from the body by header furniture.

    It is followed by a section tag, byline, date or the title; or by a photo
    caption when a byline or date comes right before it (headline, byline,
    date, standfirst, lead image). A lede with a dateline is never a standfirst.
    """
    line = lines[i]
    if line.words > 60 or _DATELINE_RE.match(line.text):
        return False
    nxt = _next_nonblank(lines, i)
    if nxt is None:
        return False
    if nxt.rule in _HEADER_RULES:
        return True
    prev = _prev_nonblank(lines, i)
    return nxt.rule == "caption" and prev is not None and prev.rule in ("byline", "date")


def _is_question_headline(lines: list[_Line], i: int) -> bool:
    """A headline phrased as a question, directly above a byline, date or other non-sentence line."""
    line = lines[i]
    if not line.text.endswith("?") or line.words > 20:
        return False
    nxt = _next_nonblank(lines, i)
    return nxt is not None and not nxt.prose and (not nxt.rule or nxt.rule in _HEADER_RULES or nxt.rule == "caption")


def _body_start(lines: list[_Line]) -> int | None:
    """Index of the first body line: the first sentence-like line that is not a headline or standfirst.

    Before the body at most one question headline and one standfirst are
    skipped. Bullet points before it are standfirst bullets, unless there are
    more than :data:`MAX_DEK_BULLETS` of them (then the article itself is a list).
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
        if not skipped_headline and not skipped_dek and _is_question_headline(lines, i):
            skipped_headline = True
            continue
        if not skipped_dek and _is_dek(lines, i):
            skipped_dek = True
            continue
        start = i
        break
    if start is None:
        start = first if first is not None else (bullets[0] if bullets else None)
    if start is not None and len(bullets) > MAX_DEK_BULLETS and bullets[0] < start:
        return bullets[0]
    return start


def _walk_body(lines: list[_Line], start: int) -> None:
    """Decide every line from ``start`` on: keep (rule ``""``) or remove with a rule."""
    header_keys = {_key(x.text) for x in lines[:start] if x.text and not x.prose and x.words >= 2}
    after: str = ""  # "" while in the body, else the rule for lines after the end
    kept = 0
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.text:
            i += 1
            continue
        if after:
            if line.prose and _run_length(lines, i) >= RESUME_RUN:
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
            elif line.rule in _HEADER_REPEAT_RULES and _key(line.text) in header_keys:
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
    """Name the lines before the body: standfirst sentences and bullets are ``dek``, the rest ``header``."""
    for i, line in enumerate(lines[:start]):
        if line.text and not line.rule:
            dek = (line.prose and not _is_question_headline(lines, i)) or bool(_BULLET_RE.match(line.text))
            line.rule = "dek" if dek else "header"


def _mark_bios(lines: list[_Line]) -> None:
    """Remove author biographies among the first and the last kept lines."""
    kept = [x for x in lines if x.text and not x.rule]
    for seq in (kept, kept[::-1]):
        for line in seq[:-1]:
            if line.words > 60 or not _BIO_RE.search(line.text):
                break
            line.rule = "author_bio"


def clean_text(raw: str, *, title: str = "") -> CleanResult:
    """Clean scraped page text; every removed non-blank line is listed with its rule.

    Args:
        raw: The decoded page text (any line endings).
        title: The known headline, if any; lines equal to it are removed as ``title``.

    Returns:
        The cleaned text (one paragraph per kept line), its segments and the audit.

    Example:
        >>> r = clean_text("Advertisement\\r\\nChina and Russia met.\\r\\n© 2022 News Ltd")
        >>> r.text, r.segments[0].raw_start, [x.rule for x in r.removed]
        ('China and Russia met.', 15, ['advertisement', 'copyright'])
    """
    lines = _split_lines(raw)
    _classify(lines, title)
    start = _body_start(lines)
    if start is None:
        for line in lines:
            if line.text and not line.rule:
                line.rule = "header"
    else:
        _mark_header(lines, start)
        _walk_body(lines, start)
        _mark_bios(lines)
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
    return CleanResult("\n\n".join(parts), tuple(segments), tuple(removed))
