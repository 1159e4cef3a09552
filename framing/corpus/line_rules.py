"""Line rules of the cleaner: what page furniture looks like, line by line.

Each rule recognises furniture by a line's wording alone (navigation, share
buttons, cookie banners, promos, copyright, credits, bylines, dates, captions,
section tags, other languages); :func:`_line_rule` names the first rule a line
matches and :func:`_is_prose` says whether it could be running text. The
position rules that use these names live in :mod:`framing.corpus.cleaning`.

Example:
    >>> _line_rule(_split_lines("Share this article")[0], "")
    'social'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.corpus.segmentation import WORD_RE

#: Rule name -> plain-words description (shown in the report's audit).
RULES: dict[str, str] = {
    "symbols": "line with no letters or digits (separators, stray bullets or symbols)",
    "title": "the article's headline (equal to the known title)",
    "navigation": "site navigation or widget text ('Skip to content', 'Menu', 'Show more', 'keep reading', "
    "'Story highlights ...')",
    "cookie_notice": "cookie or privacy banner",
    "advertisement": "advertisement marker ('Advertisement', 'Sponsored content')",
    "social": "share buttons or social-media prompt ('Share this article', 'Follow us on social')",
    "promo": "subscription, newsletter, app or 'learn more / click here' promotion",
    "copyright": "copyright or 'All rights reserved' notice",
    "comments": "comment count or comment-section prompt",
    "related_links": "'Read more:' or 'Related' header, an inline related link, or the link list after such a header",
    "credit": "credit or editing line ('X reported from the capital.', 'Edited by', 'contributed to this report', "
    "'Updated on ... to reflect ...')",
    "byline": "byline ('By Jane Smith')",
    "date": "date or time stamp on a line of its own",
    "caption": "photo or video caption, photo credit or image alt text ('... Photo: Xinhua', '(Name/Pool/AP)', "
    "'Image: ...', 'Image copyright ... Image caption ...')",
    "section_tag": "section or topic tag ('Analysis | Asia-Pacific', '#Analize / Name')",
    "non_english": "line in a language other than English (site furniture around an English article)",
    "repeated": "line that occurs more than once on the page (a long paragraph keeps its first copy)",
    "header": "page-header line before the article body (masthead, section label, author, headline, series blurb)",
    "headline": "headline-style line inside the article (related-story link or crosshead): short, no final period",
    "after_article": "line after the article's end (after a credit, copyright or repeated page-header line)",
    "teaser": "excerpt of another story: a short block under a headline, followed by 'keep reading'",
    "author_bio": "author biography after the article ('Jane Smith is a reporter at ...')",
}


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



@dataclass
class _Line:
    no: int  # 1-based line number in the raw text
    start: int  # raw offset of the stripped text
    text: str  # stripped text ("" for a blank line)
    words: int
    rule: str = ""
    prose: bool = False  # sentence-like (could be a body paragraph)
    tokens: list[str] = field(default_factory=list, repr=False)  # word tokens (``WORD_RE``); len == words
    key: str | None = field(default=None, repr=False)  # :func:`_key` of the text, computed once when needed


@dataclass(frozen=True)
class _Test:
    """One line rule's pattern, split so that it is cheap on long lines.

    ``start`` holds the alternatives anchored at the line start (tried with
    ``match``, so a long paragraph is not scanned); each of ``anywhere`` is an
    unanchored alternative searched only when the lower-cased line contains
    one of its needles (literal pieces every match must contain; needles
    without ``i`` or ``s``, the two ASCII letters whose case-insensitive
    matches lower-case to something else), or always when it has none.
    """

    start: re.Pattern[str] | None
    anywhere: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()

    def hit(self, text: str, low: str) -> bool:
        """Whether the line matches (``low``: ``text.lower()``)."""
        if self.start is not None and self.start.match(text):
            return True
        for pattern, needles in self.anywhere:
            if needles:
                for needle in needles:
                    if needle in low:
                        break
                else:
                    continue
            if pattern.search(text):
                return True
        return False


def _rx(*patterns: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _test(*alternatives: str | tuple[str, tuple[str, ...]], flags: int = re.IGNORECASE) -> _Test:
    """A :class:`_Test` from alternatives: ``"^..."`` anchored, or ``(pattern, needles)`` unanchored."""
    anchored = [a for a in alternatives if isinstance(a, str)]
    if any(not a.startswith("^") for a in anchored):
        raise ValueError("an unanchored alternative needs its needles: (pattern, needles)")
    anywhere = tuple((re.compile(p, flags), needles) for p, needles in
                     (a for a in alternatives if not isinstance(a, str)))
    return _Test(_rx(*anchored, flags=flags) if anchored else None, anywhere)


# --- line rules: (rule, pattern, max words; 0 = any length) -------------------------------------
_NAV_RE = _test(
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
_COOKIE_RE = _test(
    (r"\b(?:we|this (?:site|website)|our (?:site|website|partners))(?: and our partners)? uses? cookies\b"
     r"|\bcookies? (?:policy|settings|preferences|notice|consent|banner)\b"
     r"|\b(?:accept|allow|reject|decline|enable)(?:ing)? (?:all )?cookies\b"
     r"|\buse of cookies\b|\bby (?:continuing|using|clicking|browsing)\b.*\bcookies\b", ("cook",)),
    r"^(?:accept|reject|allow|decline) (?:all|and close)\b.*$",
    r"^(?:manage|customi[sz]e) (?:cookie |privacy )?(?:preferences|settings|choices)\W*$",
    r"^privacy (?:policy|settings|notice)\W*$",
)
_AD_RE = _test(
    r"^(?:advertisement|advertising|ads?|sponsored(?: content| story| post)?|sponsored by\b.*|paid (?:content|post)"
    r"|paid partner content|promoted(?: content| stories)?|partner content|supported by|presented by\b.*"
    r"|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
    r"|scroll (?:down )?to continue(?: with content| reading)?|ad feedback|report this ad)\W*$",
)
_SOCIAL_NAMES = r"facebook|twitter|x|whatsapp|linkedin|reddit|e-?mail|telegram|pinterest|flipboard|messenger"
_SOCIAL_RE = _test(
    r"^(?:share|tweet|pin it|copy link|copy|link copied|e-?mail|print)(?: (?:this|the) (?:article|story|page|post"
    r"|link))?(?: (?:on|via|with|to) .*)?\W*$",
    rf"^(?:(?:{_SOCIAL_NAMES}|copy link|print|share|comment|comments|save|gift(?: this)? article)[\s,|/·•\-]*)+$",
    (r"\bfollow (?:us|me|him|her|them|@)\b", ("follow ",)),
    r"^(?:like|follow|join) us on\b.*$",
    (r"\bshare (?:this|the) (?:article|story|page)\b", ("hare th",)),
)
_PROMO_RE = _test(
    r"^get more (?:with|from|of)\b.*$",
    r"^learn more\b.*$",
    (r"\bclick here\b", ("ck here",)),
    r"^subscribe\b",
    (r"\bsubscribe (?:to|now|today|for)\b", ("ubscr",)),
    (r"\bsign up (?:for|to|now|here|today)\b", ("gn up ",)),
    (r"\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|delivered|free)\b"
     r"|\b(?:sign up|subscribe|inbox|delivered|join|free)\b.*\bnewsletters?\b", ("letter",)),
    (r"\b(?:download|get|install) (?:the|our) (?:free )?app\b", ("app",)),
    (r"\bsupport (?:our|independent|quality) journalism\b", ("journal",)),
    (r"\bbecome a (?:member|subscriber|patron|supporter)\b", ("become a ",)),
    (r"\balready (?:a subscriber|a member|have an account)\b", ("already ",)),
    (r"\b(?:unlimited|full) (?:digital )?access\b", ("acce",)),
    (r"\bfree trial\b", ("free tr",)),
    r"^(?:donate|support us|give now)\b.*$",
    (r"\bfor more on (?:this|the) (?:subject|story|topic|issue)\b", ("for more on ",)),
    r"^(?:have|got) a (?:news )?tip\b.*$",
    (r"\bwe(?:'re| are) on (?:whatsapp|telegram)\b", ("what", "telegram")),
)
_COPYRIGHT_RE = _test(
    r"^(?:©|\(c\)\s|copyright\b)", (r"©", ("©",)), (r"\ball rights reserved\b", ("all r",))
)
_COMMENTS_RE = _test(
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
_RELATED_INLINE_RE = _test(r"^(?:read (?:more|also|next)|related|see also|also read|more|watch|listen)\s*:\s*\S")
#: "Facebook denies censoring conservative stories Read more": a linked headline with its link label.
_RELATED_TAIL_RE = _test((r"\S\s+(?:Read more|READ MORE)$", ("read more",)), flags=0)
#: Widget labels glued to the text after them: "Story highlights ...", "CLOSE ..." (video box), "Collapse ...".
_WIDGET_RE = _test(
    r"^(?:(?i:story highlights)\s+\S|CLOSE\s+\S|Collapse\s+[A-Z0-9'\"‘“]|(?i:share all sharing options for:)\s*\S)",
    flags=0,
)
_CREDIT_RE = _test(
    r"^(?i:edited by)\b|^(?i:(?:additional )?reporting by)\b|^(?i:(?:writing|editing|compiled|translated|produced)"
    r" by)\b",
    (r"\b(?i:contributed (?:reporting|to this (?:report|story|article)))\b", ("contr",)),
    r"^[A-Z][^.!?:]{0,60}\breported (?:from|in) [A-Z][^.!?:]{0,60}\.?$"
    r"|^(?i:the (?:views|opinions) expressed)\b"
    r"|^(?i:(?:this|the) (?:article|story|piece) (?:was |is |first )?(?:originally )?(?:published|appeared))\b"
    r"|^(?i:originally published)\b|^(?i:sources?)\s*:\s*\S"
    r"|^(?i:(?:updated|corrected|correction|clarification|editor'?s note)\b.{0,120}\bto (?:reflect|include|correct"
    r"|clarify|add|update|remove|show)\b)",
    flags=0,
)
_BYLINE_RE = _test(
    r"^(?i:by|written by|words by|story by|text by)\s+(?!(?:The|This|That|Then|Now|Its|It|In|On|At|A|An)\b)"
    r"[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){0,8}$",
    r"^(?i:authors?)\s*:\s*\S",
    flags=0,
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
_CAPTION_START_RE = _test(
    r"^(?i:image copyright|image caption|media caption|media playback is unsupported|enlarge this image)\b",
    (r"\b(?i:toggle caption)\b", ("toggle cap",)),
    r"^(?i:(?:photo|image|picture|photograph|foto|graphic|illustration|video)s?\s*(?:source|credits?|by)?\s*:"
    r"|(?:photo|image|picture) (?:source|credit|by)\b|file photo\b|credit\s*:|getty images\b)",
    flags=0,
)
_CAPTION_END_RE = _test(
    (r"(?<![A-Za-z])(?:Photos?|Images?|Pictures?|Photograph|Credit|Foto|PHOTO|IMAGE)\s*(?:[Ss]ource|[Cc]redit)?"
     r"\s*:\s*[^.!?]{0,80}$", (":",)),
    (r"\((?=[^()]*(?:/|\b(?:AP|AFP|Reuters|REUTERS|Getty|EPA|Xinhua|TASS|Tass|Sputnik|Bloomberg|Pool|Photo"
     r"|Images?|Shutterstock|Alamy|Flickr|Wikimedia|YouTube)\b))[^()]{2,100}\)$", (")",)),
    (r"\b(?:REUTERS|AFP|AP|EPA|GETTY|XINHUA|TASS|SPUTNIK|AAP|ANP|KYODO|YONHAP|UPI|DPA)(?: Photo)?/[A-Z][^/]{1,40}$",
     ("/",)),
    (r"\b(?:via Getty Images|Getty Images|Shutterstock|Alamy|picture alliance)\s*$",
     ("mage", "hutter", "alamy", "ance")),
    (r"\((?:Photo|Image|Picture)s?\b[^()]*$", ("(",)),
    flags=0,
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
#: "Keep reading" under a teaser ends the article; "Continue reading below" is an advertisement label inside it.
_TEASER_MARKER_RE = _rx(
    r"^(?:keep|continue) reading(?!\s+(?:below|after)\b).*$",
    r"^read (?:the )?(?:full|rest of the) (?:story|article)\W*$",
)

#: Line rules in the order they are tried: (rule, pattern, max words or 0 for any).
_LINE_RULES: tuple[tuple[str, _Test, int], ...] = (
    ("navigation", _NAV_RE, 10),
    ("navigation", _WIDGET_RE, 40),
    ("cookie_notice", _COOKIE_RE, 80),
    ("advertisement", _AD_RE, 8),
    ("social", _SOCIAL_RE, 15),
    ("promo", _PROMO_RE, 30),
    ("copyright", _COPYRIGHT_RE, 40),
    ("comments", _COMMENTS_RE, 8),
    ("related_links", _Test(_RELATED_HEAD_RE), 8),  # every alternative is anchored
    ("related_links", _RELATED_INLINE_RE, 30),
    ("related_links", _RELATED_TAIL_RE, 30),
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


#: Quote and hyphen variants the comparison key maps to ASCII (one character to one, so order does not matter).
_KEY_PAIRS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("‐", "-"), ("‑", "-"))


def _key(text: str) -> str:
    """Comparison key: case-folded words only (punctuation, quote styles and spacing ignored)."""
    folded = text.casefold()
    if not folded.isascii():
        for old, new in _KEY_PAIRS:
            folded = folded.replace(old, new)
    return " ".join(WORD_RE.findall(folded))


def _line_key(line: _Line) -> str:
    """:func:`_key` of a line's text, computed once."""
    if line.key is None:
        line.key = _key(line.text)
    return line.key


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _EOL_RE.finditer(raw)]
    bounds.append((len(raw), len(raw)))
    for no, (end, nxt) in enumerate(bounds, start=1):
        chunk = raw[pos:end]
        stripped = chunk.strip()
        lead = len(chunk) - len(chunk.lstrip())
        tokens = WORD_RE.findall(stripped) if stripped else []
        lines.append(_Line(no, pos + lead, stripped, len(tokens), tokens=tokens))
        pos = nxt
    return lines


def _next_nonblank(lines: list[_Line], i: int) -> _Line | None:
    for j in range(i + 1, len(lines)):
        if lines[j].text:
            return lines[j]
    return None


def _prev_nonblank(lines: list[_Line], i: int) -> _Line | None:
    for j in range(i - 1, -1, -1):
        if lines[j].text:
            return lines[j]
    return None


def _is_date(text: str, words: list[str] | None = None) -> bool:
    """A date or time stamp on its own (``words``: the line's word tokens, when already known)."""
    words = WORD_RE.findall(text) if words is None else words
    if not words or len(words) > 14:
        return False
    tokens = [w.casefold().rstrip(".") for w in words]
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


def _is_non_english(text: str, words: int, tokens: list[str] | None = None) -> bool:
    if words < 3:
        return False
    tokens = WORD_RE.findall(text) if tokens is None else tokens
    if sum(map(_FOREIGN_STOP.__contains__, tokens)) < len(tokens) * 0.1:
        return False
    return sum(t.casefold() in _EN_STOP for t in tokens) <= len(tokens) * 0.05


def _line_rule(line: _Line, title_key: str) -> str:
    text, words = line.text, line.words
    if not _HAS_ALNUM_RE.search(text):
        return "symbols"
    if title_key and _line_key(line) == title_key:
        return "title"
    low = text.lower()
    for rule, test, max_words in _LINE_RULES:
        if (max_words == 0 or words <= max_words) and test.hit(text, low):
            return rule
    if _is_date(text, line.tokens):
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
