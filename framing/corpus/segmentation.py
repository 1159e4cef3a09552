"""Sentences and word tokens with character offsets, offline.

Choice: nltk's Punkt algorithm with **no trained model** but with an
abbreviation list shipped in ``framing/lexicons/abbreviations.txt``.
``nltk.sent_tokenize`` needs the ``punkt_tab`` download, which is not
available offline; untrained Punkt splits after every "U.S." or "Feb.";
pysbd is accurate but about 500x slower than a regex. Punkt with a curated
abbreviation list keeps Punkt's orthographic heuristics (lower-case next word
means no break), costs nothing to load and splits as well as pysbd on news.
Without a trained model Punkt's decision needs only the tokens either side of
a candidate end, so its rules are written out below (:func:`_punkt_spans`):
the same boundaries as nltk's ``PunktSentenceTokenizer`` with these
parameters (tested on the seeds and AllSides), four times faster, and without
importing nltk (0.8 s of CPU in every process). Paragraph breaks (a blank
line) always end a sentence.

Example:
    >>> t = 'Mr. Putin said the ties were "stronger than an alliance." Dr. Smith disagreed.'
    >>> [t[s:e] for s, e in split_sentences(t)][1]
    'Dr. Smith disagreed.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from framing.lexicons import read_word_list

#: A word token: letters/digits with inner apostrophes, hyphens, dots (U.S.) or commas in numbers.
WORD_RE = re.compile(r"[^\W_][^\W_]*+(?:(?:\.?[\-‐‑]|[’'.,])[^\W_]++)*+", re.UNICODE)
#: (The possessive ``*+``/``++`` give up nothing a match could need -- a run is followed by a non-word character --
#: and spare the regex engine its backtracking bookkeeping: the same tokens, found faster.)
_SPAN = re.Match.span
_HAS_WORD_RE = re.compile(r"[^\W_]")

_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0]*\n\s*")

#: A "sentence" longer than this (characters) is cut at the last clause mark or space before the limit
#: into bounded analysis units, and the cut is recorded (:func:`split_sentences_with_cuts`).
#: Real news sentences stay far below it (a 150-word sentence is ~1,000 characters); the cap keeps every
#: per-sentence rule linear on hostile input such as a 400 kB line without punctuation.
MAX_SENTENCE_CHARS = 2000
_CUT_RE = re.compile(r"[;:,]\s|\s")
#: "No. 1 seed", "Art. 5", "Vol. 2": a number abbreviation before a digit never ends a sentence.
_NUMBER_ABBREV_RE = re.compile(r"(?<![^\W\d_])(?:No|Nos|Art|Vol|Fig|Sec|pp?)\.$")
#: A sentence that would start with a lower-case word ("(D-Mass.) said", "the I.R.S. says") continues the one
#: before on the same line: Punkt's orthographic rule, which untrained Punkt lacks ("iPhone", "eBay" excepted).
_LOWER_START_RE = re.compile(r"[^\w\n]*[a-z](?![a-z]*[A-Z])")


# Punkt (Kiss & Strunk 2006) with no trained model: no collocations, no frequent sentence starters and no
# orthographic statistics, so a candidate end is decided by the token before it and the token after it alone.
# These are nltk's Punkt patterns (nltk.tokenize.punkt, 3.8-3.10) and decision rules for that case, written out
# here so that segmenting neither imports nltk (0.8 s of CPU in every process) nor builds an object per token;
# ``tests/corpus/test_segmentation.py`` checks that the boundaries equal nltk's on the seeds and AllSides.
_NON_WORD = r"""(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"""
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
#: A Punkt word token: punctuation other than a word-final period split off.
_PUNKT_WORD_RE = re.compile(
    rf"""(?:{_MULTI_CHAR}|(?=[^\(\"\`{{\[:;&\#\*@\)}}\]\-,])\S+?(?=\s|$|{_NON_WORD}|{_MULTI_CHAR}
    |,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}))|\S)""",
    re.VERBOSE,
)
#: A candidate sentence end: the mark, then punctuation or white space and the next token.
_END_CONTEXT_RE = re.compile(rf"[.?!](?=(?P<after>{_NON_WORD}|\s+(?P<next>\S+)))")
#: Closing quotes and brackets after the mark stay with the sentence before.
_REALIGN_RE = re.compile(r"[\"\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", re.MULTILINE)
_ELLIPSIS_RE = re.compile(r"\.\.+$")
_NUMBER_RE = re.compile(r"-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL_RE = re.compile(r"[^\W\d]\.$")
_PUNCTUATION = frozenset(";:,.!?")
_ASCII_SPACE = " \t\n\r\x0b\x0c"


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_word_list("abbreviations"))


def _ends_sentence(tok: str, nxt: str, abbreviations: frozenset[str]) -> bool:
    """Whether Punkt, untrained, ends a sentence after token ``tok`` followed by ``nxt``.

    Example:
        >>> abbr = frozenset({"dr"})
        >>> [_ends_sentence(tok, nxt, abbr) for tok, nxt in [("said.", "Dr."), ("Dr.", "Smith"), ("J.", "Bach")]]
        [True, False, False]
    """
    if tok in ("?", "!", "."):
        return True
    if not tok.endswith(".") or tok.endswith("..") or _ELLIPSIS_RE.match(tok):
        return False
    stem = tok[:-1].lower()
    if stem in abbreviations or stem.split("-")[-1] in abbreviations:
        return False
    if _INITIAL_RE.match(tok):  # "J. Bach": an initial ends nothing before a word or a mark
        return not (nxt in _PUNCTUATION or nxt[0].islower() or nxt[0].isupper())
    if _NUMBER_RE.match(tok):  # "the 5. of them": a number ends nothing before lower case or a mark
        return not (nxt in _PUNCTUATION or nxt[0].islower())
    return True


def _context_breaks(context: str, abbreviations: frozenset[str]) -> bool:
    """Whether a candidate context (word before, mark, what follows) holds a sentence end before a token."""
    tokens = [t for line in context.split("\n") if line.strip() for t in _PUNKT_WORD_RE.findall(line)]
    return any(_ends_sentence(tokens[i], tokens[i + 1], abbreviations) for i in range(len(tokens) - 1))


def _end_contexts(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Candidate ends with their context, overlapping candidates ("acting!!!") merged into the last one."""
    prev_start = prev_stop = 0
    prev: re.Match[str] | None = None
    for m in _END_CONTEXT_RE.finditer(text):
        space = max(text.rfind(c, prev_stop, m.start()) for c in _ASCII_SPACE)
        word_start = space + 1 if space > prev_stop else prev_start  # nltk: a space at the very start is no space
        if prev is not None and prev_stop <= word_start:
            yield prev, text[prev_start:prev_stop] + prev.group() + prev.group("after")
        prev, prev_start, prev_stop = m, word_start, m.start()
    if prev is not None:
        yield prev, text[prev_start:prev_stop] + prev.group() + prev.group("after")


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets of one paragraph, as nltk's untrained Punkt gives them (realigned).

    Example:
        >>> t = '(It ended.) "Yes." Mr. Smith left.'
        >>> [t[s:e] for s, e in _punkt_spans(t)]
        ['(It ended.)', '"Yes."', 'Mr. Smith left.']
    """
    abbreviations = _abbreviations()
    slices: list[tuple[int, int]] = []
    last = 0
    for m, context in _end_contexts(text):
        if _context_breaks(context, abbreviations):
            slices.append((last, m.end()))
            last = m.start("next") if m.group("next") else m.end()
    slices.append((last, len(text.rstrip())))
    out: list[tuple[int, int]] = []
    realign = 0
    for i, (start, end) in enumerate(slices):
        start += realign
        if i + 1 == len(slices):
            if start < end:
                out.append((start, end))
            continue
        nxt_start, nxt_end = slices[i + 1]
        closing = _REALIGN_RE.match(text[nxt_start:nxt_end])
        if closing:
            out.append((start, nxt_start + len(closing.group(0).rstrip())))
            realign = closing.end()
        else:
            realign = 0
            if start < end:
                out.append((start, end))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARAGRAPH_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]



def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns ``(start, end)`` offsets.

    Sentences never cross a paragraph break; leading/trailing whitespace is
    not part of a sentence, and a run with no letter or digit is not a
    sentence. Closing quotation marks after the final period
    stay with the sentence.

    Example:
        >>> t = "Talks ended at 5 p.m. on Feb. 3. Dr. Smith of the U.N. disagreed. No. 1 seed falls"
        >>> len(split_sentences(t))
        3
    """
    return split_sentences_with_cuts(text)[0]


def split_sentences_with_cuts(text: str) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """:func:`split_sentences`, and the indices of the units cut from a sentence over :data:`MAX_SENTENCE_CHARS`.

    Example:
        >>> sentences, cut = split_sentences_with_cuts("Short one. " + "Word " * 1000)
        >>> len(sentences), sorted(cut)
        (4, [1, 2, 3])
    """
    out: list[tuple[int, int]] = []
    cut: list[int] = []
    for ps, pe in _paragraphs(text):
        para = text[ps:pe]
        pieces: list[tuple[int, int]] = []
        for s, e in _punkt_spans(para):
            if pieces and (
                para[s : s + 1].isdigit() and _NUMBER_ABBREV_RE.search(para, 0, pieces[-1][1])
                or _LOWER_START_RE.match(para, s) and "\n" not in para[pieces[-1][1] : s]
            ):
                pieces[-1] = (pieces[-1][0], e)  # "No. 1 seed falls", "Rep. Lee (D-Mass.) said": one sentence
            else:
                pieces.append((s, e))
        for s, e in pieces:
            seg = para[s:e]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            if e - trail > s + lead and _HAS_WORD_RE.search(seg):
                start, end = ps + s + lead, ps + e - trail
                units = _cap(text, start, end)
                if units != [(start, end)]:
                    cut.extend(range(len(out), len(out) + len(units)))
                out.extend(units)
    return out, frozenset(cut)


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence into pieces of at most :data:`MAX_SENTENCE_CHARS`."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cuts = [m.end() for m in _CUT_RE.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit)]
        cut = cuts[-1] if cuts else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if _HAS_WORD_RE.search(text, start, piece_end):
            out.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and _HAS_WORD_RE.search(text, start, end):
        out.append((start, end))
    return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word tokens of ``text[start:end]`` as absolute ``(start, end)`` offsets.

    Example:
        >>> t = "The U.S.-China rivalry isn't new."
        >>> [t[s:e] for s, e in tokenize(t)]
        ['The', 'U.S.-China', 'rivalry', "isn't", 'new']
    """
    stop = len(text) if end is None else end
    return list(map(_SPAN, WORD_RE.finditer(text, start, stop)))


def count_words(text: str) -> int:
    """Number of word tokens in ``text``.

    Example:
        >>> count_words("Xi and Putin met, again.")
        5
    """
    return len(WORD_RE.findall(text))  # a list of strings costs less than a Match object per word
