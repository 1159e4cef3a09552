"""Quotes and voice: direct quotations, who said them, and attributed paraphrase.

:func:`find_attributions` runs inside :meth:`framing.document.Doc.build` and
gives every character a voice: ``direct_quote`` (inside quotation marks, marks
included), ``attributed_paraphrase`` (reported content without marks: "X said
that ...", "..., observers said", "according to X, ...") or ``authorial``
(everything else). Rules, in order:

1. *Marks.* Curly, straight, guillemet and single marks are paired per
   paragraph (a line). A straight ``"`` toggles; a curly mark's glyph decides,
   unless its context contradicts it (a typo). A single mark between letters
   (``Russia’s``) or with no open single quote (``the US’ economy``) is an
   apostrophe. Single quotes inside a double quote are nested quotes. A quote
   open at the end of a paragraph continues into the next one when that
   paragraph opens with a quote mark (news convention) or its first double mark
   closes; otherwise it ends with its paragraph.
2. *Cue.* After the quote (when it ends with a comma, ``?``/``!`` before a
   lower-case word, or no punctuation) the text up to the first reporting verb
   (``framing/lexicons/reporting_verbs.tsv``) must be a speaker phrase
   (``,” Chen said``, ``,” said Wan, an ...``, ``,” the state-run Xinhua news
   service reported``); otherwise the last reporting verb between the start of
   the sentence and the quote is taken (``X said: “``, ``according to X, “``,
   ``X has called Y “``, ``, adding that “``).
3. *Speaker.* The noun phrase before the verb (or after it: "said X", "according
   to X"), its appositive (``, an associate professor at ...,``) or pre-name
   titles (``Chinese Foreign Minister``) as affiliation, titles stripped from the
   name. He/she resolve to a person named earlier in the same sentence before a
   quote, else to the last named person speaker, else to the last person
   mentioned. Names are normalised to their fullest form in the article
   ("Chen" -> "Chen Jun"). A quote with no cue of its own takes the speaker of
   the quote before it in its paragraph, of a later quote in the paragraph that
   has one, of the paraphrase it sits in, or (when it opens its paragraph) of
   the last attribution before.
4. *Origin* of the speaker: the last place, demonym or institution from
   ``source_origins.tsv`` in its affiliation (``unknown`` if none).

Span mapping (:func:`extract`): one ``quote`` row per direct quotation and one
``paraphrase`` row per attributed-paraphrase run. ``start``/``end`` cover the
quote with its marks (or the reported clause); ``label`` is the quote type
(``person``: a person or group said it; ``organisation``: an organisation or
document; ``scare``: 1-3 words, no speaker; ``unattributed``: 4+ words, no
speaker; ``paraphrase`` rows use ``person``/``organisation``); ``category`` is
the speaker's origin (china, russia, us, europe, other, unknown); ``target`` is
the cue's lemma (``say``, ``according to``; empty when inherited); ``polarity``
is empty; ``speaker`` is the normalised speaker; ``voice`` comes from the voice
map; ``score`` is the number of words inside.

Example:
    >>> from framing.document import Doc
    >>> from framing.model import Article
    >>> t = "“We disagree,” said Ann Lee, a professor at Peking University. “Strongly.”"
    >>> doc = Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(q.text, q.speaker, q.origin) for q in doc.quotes]
    [('“We disagree,”', 'Ann Lee', 'china'), ('“Strongly.”', 'Ann Lee', 'china')]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from framing.corpus.segmentation import count_words, tokenize
from framing.document import VoiceRun
from framing.features._matching import Match, PhraseMatcher
from framing.lexicons import load_lexicon, read_word_list

if TYPE_CHECKING:
    from framing.document import Doc
    from framing.model import Span

#: Origins a speaker can have.
ORIGINS: tuple[str, ...] = ("china", "russia", "us", "europe", "other", "unknown")


@dataclass(frozen=True)
class Quote:
    """One attribution: a direct quotation or an attributed paraphrase.

    Attributes:
        start: Offset of the opening mark (or of the reported clause).
        end: Offset after the closing mark (or the clause).
        text: ``text[start:end]``.
        voice: ``direct_quote`` or ``attributed_paraphrase``.
        speaker: Normalised speaker ("" if none found).
        speaker_kind: ``person``, ``group``, ``organisation`` or "".
        speaker_start: Offset of the speaker mention this attribution used (-1 if inherited).
        speaker_end: End of that mention.
        cue: The cue as written ("said", "according to"); "" if inherited.
        cue_lemma: Its lemma ("say").
        cue_start: Offset of the cue (-1 if none).
        cue_end: End of the cue.
        affiliation: What the article says the speaker is ("an associate professor at ...").
        origin: Where the affiliation is based (see :data:`ORIGINS`).
        quote_type: ``person``, ``organisation``, ``scare`` or ``unattributed``.
        nested: A quote inside another quote.
        words: Number of words inside.
    """

    start: int
    end: int
    text: str
    voice: str = "direct_quote"
    speaker: str = ""
    speaker_kind: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue: str = ""
    cue_lemma: str = ""
    cue_start: int = -1
    cue_end: int = -1
    affiliation: str = ""
    origin: str = "unknown"
    quote_type: str = "unattributed"
    nested: bool = False
    words: int = 0


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Cue:
    lemma: str
    tense: str
    kind: str
    paraphrase: bool


@lru_cache(maxsize=1)
def _cue_matcher() -> PhraseMatcher[_Cue]:
    lex = load_lexicon("reporting_verbs")
    terms = {r["term"]: _Cue(r["lemma"], r["tense"], r["kind"], r["paraphrase"] == "y") for r in lex.rows}
    return PhraseMatcher(terms)


@lru_cache(maxsize=1)
def _speaker_words() -> dict[str, str]:
    return {r["term"].lower(): r["kind"] for r in load_lexicon("speaker_nouns").rows}


@lru_cache(maxsize=1)
def _origin_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher({r["term"]: r["origin"] for r in load_lexicon("source_origins").rows})


@lru_cache(maxsize=1)
def _origin_words() -> frozenset[str]:
    return frozenset(r["term"].lower() for r in load_lexicon("source_origins").rows if " " not in r["term"])


def origin_of(text: str) -> str:
    """Origin named in an affiliation: the last place/demonym/institution cue, else ``unknown``.

    Example:
        >>> origin_of("an expert on Russia-China relations at the Carnegie Moscow Centre")
        'russia'
        >>> origin_of("a fellow at a think tank")
        'unknown'
    """
    hits = [m for m in _origin_matcher().finditer(text) if m.text[:1].isupper()]
    return hits[-1].value if hits else "unknown"


# Words that can never be part of a speaker phrase, even capitalised at a sentence start.
_FUNCTION = frozenset(
    "in but and as when while if after before since although though however meanwhile rather indeed so yet "
    "also then for on at by with from of to because that this these those there here what which who "
    "whom whose where why how not no nor or than even just only still now today yesterday last next "
    "during under over into onto about against between among through without within across".split()
)
_DETERMINERS = frozenset(
    "a an the one some many several two three four other another his her their its our my your this that "
    "these those most few".split()
)
_AUX = frozenset(
    "has have had also then later once recently previously already earlier reportedly would will is was "
    "were are did does do further again repeatedly publicly privately simply even often always never "
    "had's been being has since first long".split()
)
_CONNECTORS = frozenset("of for and & the on de van von bin al la le du da".split())
_PRONOUNS = {"he": "person", "she": "person", "i": "person", "we": "group", "they": "group", "it": "organisation"}

_QUOTE_CHARS = "\"“”„«»‘’'"
_OPEN_GLYPHS = "“„«"
_CLOSE_GLYPHS = "”»"
_MARK_RE = re.compile(r"[\"“”„«»‘’']")
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_SPACE_BEFORE = " \t\n\u00a0([{—–-/"
_PAREN_END_RE = re.compile(r"\s*\([^()\n]{1,40}\)[\s,]*$")
_DASH_NAME_RE = re.compile(r"[\s,]*[―—–-]{1,2}\s*")
_SENT_END_RE = re.compile(r"[.!?](?=[\"”’']*(?:\s|$))")
_APPOS_CUT_RE = re.compile(r",(?!\s+(?:a|an|the)\s)|;|\s[—–]\s|\s\((?![A-Z]+\))")


# --------------------------------------------------------------------------- marks


@dataclass
class _Raw:
    start: int
    end: int
    nested: bool = False


def _is_space(ch: str) -> bool:
    return ch == "" or ch in _SPACE_BEFORE or ch.isspace()


def pair_quote_marks(text: str) -> list[tuple[int, int, bool]]:
    """Paired quotations ``(start, end, nested)``, marks included, in text order.

    Example:
        >>> t = "He said “Russia’s ‘new era’ is here,” not the US’ one."
        >>> [t[s:e] for s, e, _ in pair_quote_marks(t)]
        ['“Russia’s ‘new era’ is here,”', '‘new era’']
    """
    out: list[_Raw] = []
    paras = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    n = len(text)
    mi = 0
    pending: int | None = None
    pending_end = 0
    for ps, pe in paras:
        pm: list[int] = []
        while mi < len(marks) and marks[mi] < pe:
            if marks[mi] >= ps:
                pm.append(marks[mi])
            mi += 1
        dopen: int | None = None
        sopen: int | None = None
        skip = -1
        if pending is not None:
            first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
            doubles = [p for p in pm if text[p] not in "‘’'"]
            if text[first] in "\"“„«":
                dopen, skip = pending, first
            elif doubles and (
                text[doubles[0]] in _CLOSE_GLYPHS
                or (text[doubles[0]] == '"' and not _is_space(text[doubles[0] - 1]))
            ):
                dopen = pending
            else:
                out.append(_Raw(pending, pending_end))
            pending = None
        for p in pm:
            if p == skip:
                continue
            ch = text[p]
            prev = text[p - 1] if p > ps else ""
            nxt = text[p + 1] if p + 1 < n else ""
            if ch in "‘’'":
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe inside a word
                opening = ch in "‘'" and (_is_space(prev) or prev in "\"“") and (nxt.isalnum() or nxt in "…")
                if opening:
                    sopen = p
                elif ch in "’'" and sopen is not None and not _is_space(prev):
                    if dopen is not None and sopen > dopen:
                        out.append(_Raw(sopen, p + 1, nested=True))
                    elif dopen is None:
                        out.append(_Raw(sopen, p + 1))
                    sopen = None
                continue
            if ch == '"':
                role = "close" if dopen is not None else "open"
            elif ch in _OPEN_GLYPHS:
                role = "close" if (dopen is not None and not _is_space(prev) and not nxt.isalnum()) else "open"
            else:
                role = "open" if (dopen is None and _is_space(prev) and nxt.isalnum()) else "close"
            if role == "open":
                dopen = p
                sopen = None
            elif dopen is not None:
                out.append(_Raw(dopen, p + 1))
                dopen = None
                sopen = None
        if dopen is not None:
            pending, pending_end = dopen, pe
    if pending is not None:
        out.append(_Raw(pending, pending_end))
    res = [(r.start, r.end, r.nested) for r in out if any(c.isalnum() for c in text[r.start : r.end])]
    return sorted(res)


# --------------------------------------------------------------------------- speaker phrases


@dataclass(frozen=True)
class _Speaker:
    text: str  # normalised speaker
    kind: str  # person / group / organisation / pronoun
    start: int
    end: int
    affiliation: str = ""


def _tok_kind(word: str) -> str:
    return _speaker_words().get(word.lower().rstrip("."), "")


def _base(word: str) -> str:
    w = word.replace("’", "'")
    return w[:-2] if w.lower().endswith("'s") else w


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _np_ish(word: str) -> bool:
    lw = word.lower()
    if lw in _FUNCTION and lw not in ("the",):
        return False
    if lw in _AUX:
        return False
    return _is_cap(word) or bool(_tok_kind(word)) or ("-" in word and word[:1].isalpha())


def _gap_ok(text: str, a: int, b: int, prev_word: str) -> bool:
    gap = text[a:b]
    if not gap:
        return True
    if gap.strip() == "":
        return "\n" not in gap
    if gap.strip() == "." and "\n" not in gap and (
        (prev_word[:1].isupper() and len(prev_word.replace(".", "")) <= 2) or _tok_kind(prev_word) == "title"
    ):
        return True  # initials and abbreviated titles: "M. Taylor Fravel", "Sen. Claire McCaskill"
    return gap.strip() == "&"


def _np_backward(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker phrase ending at ``hi`` (after skipping auxiliaries): ``(start, end)``."""
    paren = _PAREN_END_RE.search(text, lo, hi)
    if paren:
        hi = paren.start()
    toks = tokenize(text, lo, hi)
    if not toks:
        return None
    i = len(toks) - 1
    # skip auxiliaries/adverbs directly before the verb
    while i >= 0 and (text[toks[i][0] : toks[i][1]].lower() in _AUX or text[toks[i][0] : toks[i][1]].endswith("ly")):
        if text[toks[i][1] : hi if i == len(toks) - 1 else toks[i + 1][0]].strip():
            break
        i -= 1
    if i < 0:
        return None
    end_tok = i
    tail = text[toks[i][1] : (toks[i + 1][0] if i + 1 < len(toks) else hi)]
    if tail.strip():
        return None
    w = text[toks[i][0] : toks[i][1]]
    if w.lower() in _PRONOUNS:
        return toks[i]
    if w.lower() in _DETERMINERS or w.lower() in _FUNCTION:
        return None
    if not _np_ish(w):
        # "the announcer said": a common noun right after a determiner (and up to two modifiers)
        for back in (1, 2, 3):
            if i - back < 0:
                return None
            pw = text[toks[i - back][0] : toks[i - back][1]].lower()
            if pw in _DETERMINERS:
                return (toks[i - back][0], toks[end_tok][1])
            if pw in _FUNCTION or pw in _AUX or not _gap_ok(text, toks[i - back][1], toks[i - back + 1][0], pw):
                return None
        return None
    j = i
    while j > 0:
        pw = text[toks[j - 1][0] : toks[j - 1][1]]
        if not _gap_ok(text, toks[j - 1][1], toks[j][0], pw):
            break
        lpw = pw.lower()
        if lpw in _DETERMINERS:
            j -= 1
            break
        if lpw in _CONNECTORS and j - 2 >= 0:
            ppw = text[toks[j - 2][0] : toks[j - 2][1]]
            if _is_cap(ppw) and _is_cap(text[toks[j][0] : toks[j][1]]):
                j -= 1
                continue
            break
        if not _np_ish(pw) or lpw in _PRONOUNS:
            break
        j -= 1
    start = toks[j][0]
    if text[start : toks[j][1]].lower() in _FUNCTION:
        start = toks[j + 1][0] if j + 1 <= end_tok else start
    return (start, toks[end_tok][1])


def _np_forward(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker phrase starting at ``lo`` (after spaces): ``(start, end)``."""
    toks = tokenize(text, lo, hi)
    if not toks or text[lo : toks[0][0]].strip():
        return None
    j = 0
    first = text[toks[0][0] : toks[0][1]]
    if first.lower() in _PRONOUNS:
        return toks[0]
    if first.lower() in _DETERMINERS:
        j = 1
    k = j
    last = -1
    while k < len(toks):
        w = text[toks[k][0] : toks[k][1]]
        if k > 0 and not _gap_ok(text, toks[k - 1][1], toks[k][0], text[toks[k - 1][0] : toks[k - 1][1]]):
            break
        if w.lower() in _CONNECTORS and last >= 0 and k + 1 < len(toks):
            nw = text[toks[k + 1][0] : toks[k + 1][1]]
            if _is_cap(nw) and _is_cap(text[toks[last][0] : toks[last][1]]):
                k += 1
                continue
            break
        if not _np_ish(w) or w.lower() in _PRONOUNS:
            break
        last = k
        k += 1
    if last < 0:
        return None
    return (toks[0][0], toks[last][1])


def _appositive_after(text: str, pos: int, hi: int) -> str:
    """``, an associate professor at X,`` after a name: the appositive text (or "")."""
    m = re.match(r"\s*,\s*", text[pos:hi])
    if not m:
        return ""
    body = text[pos + m.end() : hi]
    cut = _APPOS_CUT_RE.search(body)
    if cut:
        body = body[: cut.start()]
    for c in _cue_matcher().finditer(body):
        before = body[: c.start].rstrip()
        if before.endswith(","):
            body = before[:-1]
            break
    body = body.strip().rstrip(",.;:”\"’")
    if not body or len(body) > 220:
        return ""
    fw = body.split()[0]
    if fw.lower() in _FUNCTION and fw.lower() not in ("the",):
        return ""
    return body


def _classify(text: str, start: int, end: int, registry: _Names) -> tuple[str, str, str]:
    """(speaker, kind, pre-name titles) of the phrase ``text[start:end]``."""
    toks = tokenize(text, start, end)
    words = [text[s:e] for s, e in toks]
    if not words:
        return "", "", ""
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0].lower(), "pronoun", ""
    kinds = [_tok_kind(w) for w in words]
    # trailing run of capitalised words that are not titles or places: the name
    k = len(words)
    while k > 0 and not _is_cap(words[k - 1]):
        k -= 1
    e = k
    while (
        k > 0
        and _is_cap(words[k - 1])
        and kinds[k - 1] != "title"
        and _base(words[k - 1]).lower() not in _origin_words()
    ):
        if words[k - 1].lower() in _FUNCTION or words[k - 1].lower() in _DETERMINERS:
            break
        k -= 1
    name_words = words[k:e]
    trailing = words[e:]
    if "org" in kinds:
        first = next((i for i, w in enumerate(words) if _is_cap(w) and w.lower() not in _DETERMINERS), None)
        if first is None:
            first = next((i for i, w in enumerate(words) if w.lower() not in _DETERMINERS), 0)
        return text[toks[first][0] : toks[-1][1]], "organisation", ""
    if name_words and all(kinds[i] == "title" for i in range(e, len(words))):
        pre = text[toks[0][0] : toks[k][0]].strip() if k > 0 else ""
        if trailing:
            pre = f"{pre} {text[toks[e][0] : toks[-1][1]]}".strip()
        if pre.lower() in _DETERMINERS:
            pre = ""
        name = registry.fullest(text[toks[k][0] : toks[e - 1][1]])
        if registry.is_org(name):
            return name, "organisation", pre
        return name, "person", pre
    first = next((i for i, w in enumerate(words) if w.lower() not in _DETERMINERS), 0)
    phrase = text[toks[first][0] : toks[-1][1]]
    head = words[-1].lower()
    if kinds[-1] == "group":
        return phrase, "group", ""
    if kinds[-1] == "title":
        return phrase, "role", ""
    if _base(words[-1]).lower() in _origin_words() or any(_is_cap(w) for w in words):
        return phrase, "organisation", ""
    return (phrase, "group", "") if head.endswith("s") else (phrase, "role", "")


class _Names:
    """Multi-word names in an article, for "Chen" -> "Chen Jun"."""

    _RUN = re.compile(r"(?:(?:[A-Z]\.)+|[A-Z][\w’'\-]*)(?:[ \u00a0]+(?:(?:[A-Z]\.)+|[A-Z][\w’'\-]*))+")

    def __init__(self, text: str) -> None:
        self.counts: Counter[str] = Counter()
        self.first: dict[str, int] = {}
        self.titles: dict[str, str] = {}
        words = _speaker_words()
        origins = _origin_words()
        for m in self._RUN.finditer(text):
            parts = m.group(0).split()
            n_all = len(parts)
            while parts and (
                words.get(parts[0].lower().rstrip(".")) == "title"
                or _base(parts[0]).lower() in origins
                or parts[0].lower() in _FUNCTION
                or parts[0].lower() in _DETERMINERS
            ):
                parts.pop(0)
            if len(parts) < 2 or any(words.get(p.lower()) in ("org", "title") for p in parts):
                continue
            if any(_base(p).lower() in origins for p in parts):
                continue
            name = " ".join(parts)
            if len(parts) < n_all:
                prefix = m.group(0).split()[: n_all - len(parts)]
                if any(words.get(p.lower().rstrip(".")) == "title" for p in prefix):
                    self.titles.setdefault(name, " ".join(prefix))
            self.counts[name] += 1
            self.first.setdefault(name, m.start())

    def fullest(self, name: str) -> str:
        """The fullest name in the article that ``name`` is the first or last word of."""
        parts = name.split()
        if len(parts) != 1:
            return name
        key = parts[0].lower()
        cands = [n for n in self.counts if n.split()[0].lower() == key or n.split()[-1].lower() == key]
        if not cands:
            return name
        return min(cands, key=lambda n: (-self.counts[n], self.first[n]))

    def is_org(self, name: str) -> bool:
        """Whether a name is an organisation or place rather than a person."""
        parts = name.split()
        return len(parts) == 1 and _base(parts[0]).lower() in _origin_words()


# --------------------------------------------------------------------------- attribution


class _Context:
    """Per-document state shared by the attribution steps."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.sentences = doc.sentences
        self.sent_starts = [s for s, _ in doc.sentences]
        self.names = _Names(self.text)
        self.cues = list(_cue_matcher().finditer(self.text))
        self.cue_starts = [c.start for c in self.cues]
        self.paras = [(m.start(), m.end()) for m in _LINE_RE.finditer(self.text)]
        self.para_starts = [s for s, _ in self.paras]

    def para_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.para_starts, pos) - 1, 0)
        return self.paras[i] if self.paras else (0, len(self.text))

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sentences[i][0] if i >= 0 else 0

    def cues_in(self, lo: int, hi: int) -> list[Match[_Cue]]:
        i = bisect.bisect_left(self.cue_starts, lo)
        out = []
        while i < len(self.cues) and self.cues[i].start < hi:
            if self.cues[i].end <= hi:
                out.append(self.cues[i])
            i += 1
        return out

    def speaker_at(self, start: int, end: int, appos: str = "") -> _Speaker | None:
        name, kind, pre = _classify(self.text, start, end, self.names)
        if not name:
            return None
        if kind != "pronoun" and name.lower() in _speaker_words() and _speaker_words()[name.lower()] != "group":
            return None
        aff = appos
        if kind == "role":
            toks = tokenize(appos)
            if toks and all(_is_cap(appos[s:e]) for s, e in toks):
                # "one Chinese writer, Xi Laiwang," -> the appositive is the name
                return _Speaker(self.names.fullest(appos), "person", start, end, self.text[start:end])
            kind = "person"
        if not aff and pre:
            aff = pre
        return _Speaker(name, kind, start, end, aff)


def _subject_before(ctx: _Context, lo: int, cue: Match[_Cue]) -> _Speaker | None:
    """Speaker phrase before a cue, with an appositive between commas if there is one."""
    text = ctx.text
    hi = cue.start
    seg = text[lo:hi]
    stripped = seg.rstrip()
    appos = ""
    if stripped.endswith(","):
        if cue.value.tense == "ing":
            return _clause_subject(ctx, ctx.sentence_start(lo), cue)
        # NAME, APPOSITIVE, said
        inner_end = lo + len(stripped) - 1
        body = text[lo:inner_end]
        commas = [m.start() for m in re.finditer(",", body)]
        for c in reversed(commas[-2:]):
            name_span = _np_backward(text, lo, lo + c)
            cand = text[lo + c + 1 : inner_end].strip()
            if not name_span or not cand or len(cand) > 220 or ctx.cues_in(lo + c, inner_end):
                continue
            sp = ctx.speaker_at(*name_span, appos=cand)
            if sp is None or sp.kind not in ("person", "organisation"):
                continue
            if sp.affiliation == text[name_span[0] : name_span[1]]:
                return sp  # "one Chinese writer, Xi Laiwang, described"
            first = cand.split()[0]
            det_start = first.lower() in ("a", "an", "the") or cand.isdigit()
            if det_start or (sp.kind == "person" and (_tok_kind(first) == "title" or first[:1].islower()
                                                     or _base(first).lower() in _origin_words())):
                return sp
        return None
    span = _np_backward(text, lo, hi)
    if not span:
        return None
    return ctx.speaker_at(*span, appos=appos)


def _subject_after(ctx: _Context, cue: Match[_Cue], hi: int) -> _Speaker | None:
    """Speaker phrase after a cue ("said X, a ...", "according to X")."""
    text = ctx.text
    lo = cue.end
    if cue.value.lemma == "tell":
        return None
    span = _np_forward(text, lo, hi)
    if not span:
        return None
    by = re.match(r"\s+(?:by|from)\b", text[span[1] : hi])
    if by and _tok_kind(text[span[0] : span[1]].split()[-1]) == "org":
        span = _np_forward(text, span[1] + by.end(), hi)
        if not span:
            return None
    appos = _appositive_after(text, span[1], hi)
    return ctx.speaker_at(*span, appos=appos)


def _clause_subject(ctx: _Context, lo: int, cue: Match[_Cue]) -> _Speaker | None:
    """Subject of the clause before a participle (", saying ...", ", adding that ...")."""
    text = ctx.text
    before = text[lo : cue.start].rstrip()
    if not before.endswith(","):
        return None
    body_end = lo + len(before) - 1
    commas = [m.end() for m in re.finditer(r",\s*", text[lo:body_end])]
    cstart = lo + commas[-1] if commas else lo
    span = _np_forward(text, cstart, body_end)
    if not span:
        return None
    return ctx.speaker_at(*span)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_word_list("abbreviations"))


def _sentence_end(text: str, pos: int, hi: int) -> int:
    for m in _SENT_END_RE.finditer(text, pos, hi):
        if text[m.start()] == ".":
            w = re.search(r"([\w.]+)$", text[max(pos, m.start() - 20) : m.start()])
            word = w.group(1).lower() if w else ""
            if len(word) == 1 or word in _abbreviations() or "." in word:
                continue
        return m.end()
    return hi


def _post_attribution(ctx: _Context, q: _Raw, hi: int) -> tuple[_Speaker, Match[_Cue] | None] | None:
    text = ctx.text
    inner = text[q.start + 1 : q.end - 1].rstrip().rstrip("’'‘ ").rstrip()
    last = inner[-1:] if inner else ""
    dash = _DASH_NAME_RE.match(text, q.end, hi)
    if dash and dash.group(0).strip(" ,"):
        # “...” ― Pamela Padilla
        span = _np_forward(text, dash.end(), hi)
        if span and _is_cap(text[span[0] : span[1]]):
            sp = ctx.speaker_at(*span)
            if sp is not None:
                return sp, None
    if last == ".":
        return None
    end = _sentence_end(text, q.end, hi)
    for cue in ctx.cues_in(q.end, end)[:1]:
        stretch = text[q.end : cue.start]
        lead = len(stretch) - len(stretch.lstrip(" ,;:—–\u00a0\n"))
        lo = q.end + lead
        if cue.value.kind in ("source", "document") or not text[lo : cue.start].strip():
            sp = _subject_after(ctx, cue, end)
            return (sp, cue) if sp else None
        sp = _subject_before(ctx, lo, cue)
        if sp is None:
            return None
        # the phrase must fill the stretch (", as Xi described" is allowed: "as" is skipped)
        pre = text[lo : sp.start].strip()
        if pre and pre.lower() not in ("as", "so", "and"):
            return None
        return sp, cue
    return None


def _pre_attribution(ctx: _Context, lo: int, q: _Raw) -> tuple[_Speaker | None, Match[_Cue]] | None:
    text = ctx.text
    cues = ctx.cues_in(lo, q.start)
    for cue in reversed(cues):
        if cue.value.kind in ("source", "document"):
            sp = _subject_after(ctx, cue, q.start)
            if sp:
                return sp, cue
            continue
        if cue.value.lemma == "put it":
            span = _np_backward(text, lo, cue.start)
            sp = ctx.speaker_at(*span) if span else None
            if sp:
                return sp, cue
            continue
        sp = _subject_before(ctx, lo, cue)
        if sp is None and cue.value.tense == "ing":
            sp = _clause_subject(ctx, ctx.sentence_start(lo), cue)
        if sp is None and not text[lo : cue.start].strip(" ,;:\n"):
            return None, cue  # ", he said, adding that “" with the subject in an earlier quote
        if sp is None:
            # "X told an interviewer that" after an earlier quote: coordinated verb, shared subject
            if re.fullmatch(r"[\s,]*(?:and|but|then|before|after)\s*", text[lo : cue.start]):
                return None, cue
            continue
        return sp, cue
    return None


# --------------------------------------------------------------------------- paraphrase

_TELL_OBJ_RE = re.compile(
    r"\s+(?:(?:me|us|him|her|them|reporters|journalists|DW|CNN|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})"
    r"|(?:an?|the)\s+[\w\-]+(?:\s+[\w\-]+)?)(?=[\s,.])"
)
_ADJUNCT_RE = re.compile(
    r"\s*(?:,\s*)?(?:(?:on|last|this|in|at|during|earlier|later|elsewhere|also|then|recently|previously|"
    r"publicly|privately|repeatedly|again|once|in\s+\w+)\b[^,.;:“”\"]{0,60}?)?\s*(?:,\s*)?that\b"
)
_CLAUSE_START_RE = re.compile(
    r"\s+(?:(?:he|she|it|they|we|i|there|this|these|those|the|a|an|his|her|their|its|our|some|many|no|none|"
    r"both|all|china|russia)\b|[A-Z])"
)


def _paraphrase_runs(ctx: _Context, cue: Match[_Cue], sent_end: int) -> tuple[int, int] | None:
    """Reported content after a cue ("X said (that) CONTENT"), or None."""
    text = ctx.text
    pos = cue.end
    if cue.value.lemma == "tell":
        m = _TELL_OBJ_RE.match(text, pos, sent_end)
        if m:
            pos = m.end()
    m = _ADJUNCT_RE.match(text, pos, sent_end)
    if m:
        start = m.end()
    else:
        if not _CLAUSE_START_RE.match(text, pos, sent_end):
            return None
        start = pos
    while start < sent_end and text[start].isspace():
        start += 1
    end = sent_end
    while end > start and text[end - 1] in " .\n":
        end -= 1
    if end - start < 3:
        return None
    return start, end


# --------------------------------------------------------------------------- main

# (speaker, kind, affiliation, origin, mention start, mention end)
_Res = tuple[str, str, str, str, int, int]


def _quote_type(words: int, speaker: str, kind: str) -> str:
    if speaker:
        return "organisation" if kind == "organisation" else "person"
    return "scare" if words <= 3 else "unattributed"


def find_attributions(doc: Doc) -> tuple[list[Quote], list[VoiceRun]]:
    """Direct quotes and attributed paraphrases of a document, and their voice runs.

    Returns ``(quotes, runs)``: every :class:`Quote` (direct quotes first, in text
    order, then paraphrases) and one :class:`~framing.document.VoiceRun` per quote
    and paraphrase (authorial text has no run).

    Example:
        >>> from framing.document import Doc
        >>> from framing.model import Article
        >>> t = "Analysts said the talks failed. “It is over,” he said."
        >>> qs, runs = find_attributions(Doc.build(Article(id="a", outlet_id="o", outlet_name="O",
        ...     raw_text=t, text=t)))
        >>> [(r.voice, t[r.start:r.end]) for r in runs]
        [('attributed_paraphrase', 'the talks failed'), ('direct_quote', '“It is over,”')]
    """
    text = doc.text
    if not text:
        return [], []
    ctx = _Context(doc)
    raw = [_Raw(s, e, nested) for s, e, nested in pair_quote_marks(text)]
    top = [q for q in raw if not q.nested]
    top_starts = [q.start for q in top]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(top_starts, pos) - 1
        return i >= 0 and top[i].start <= pos < top[i].end

    # 1. attribution of each top-level quote (raw speaker mention + cue)
    q_attr: list[tuple[_Speaker | None, Match[_Cue] | None]] = []
    for i, q in enumerate(top):
        ps, _ = ctx.para_of(q.start)
        _, pe = ctx.para_of(max(q.end - 1, q.start))
        nxt = top[i + 1].start if i + 1 < len(top) and top[i + 1].start < pe else pe
        found = _post_attribution(ctx, q, nxt)
        if found is None:
            lo = max(ps, ctx.sentence_start(q.start))
            if i > 0 and top[i - 1].end > lo and top[i - 1].end <= q.start:
                lo = top[i - 1].end
            if lo > q.start:
                lo = ps
            got = _pre_attribution(ctx, lo, q)
            q_attr.append(got if got else (None, None))
        else:
            q_attr.append(found)

    # 2. paraphrases: cues outside quotes that introduce or follow reported content
    used_cues = {c.start for _, c in q_attr if c is not None}
    para: list[tuple[int, int, _Speaker | None, Match[_Cue]]] = []
    for cue in ctx.cues:
        if in_quote(cue.start) or not cue.value.paraphrase and cue.value.kind != "source":
            continue
        s_start = ctx.sentence_start(cue.start)
        ps, pe = ctx.para_of(cue.start)
        s_start = max(s_start, ps)
        s_idx = bisect.bisect_right(ctx.sent_starts, cue.start) - 1
        s_end = ctx.sentences[s_idx][1] if s_idx >= 0 else pe
        # a sentence may have been split inside a quote: extend to the end of any open quote
        j = bisect.bisect_right(top_starts, s_end) - 1
        if j >= 0 and top[j].start < s_end < top[j].end:
            s_end = _sentence_end(text, top[j].end, pe)
        content: tuple[int, int] | None = None
        speaker: _Speaker | None = None
        if cue.value.kind == "source":
            sp = _subject_after(ctx, cue, s_end)
            if sp is None:
                continue
            speaker = sp
            after = text[sp.end : s_end]
            if text[s_start : cue.start].strip(" ,") == "":
                m = re.match(r"(?:,[^,]*)?\s*,\s*", after) if after.lstrip().startswith(",") else None
                if m:
                    content = (sp.end + m.end(), s_end)
            elif text[cue.start - 2 : cue.start].strip() == "," and not after.strip(" .”\"’"):
                content = (s_start, text.rfind(",", s_start, cue.start))
        else:
            lo = s_start
            k = bisect.bisect_right(top_starts, cue.start) - 1
            if k >= 0 and top[k].end <= cue.start and top[k].end > lo:
                lo = top[k].end
            sp = None
            if text[lo : cue.start].rstrip().endswith(",") and cue.value.tense != "ing":
                sp = _subject_after(ctx, cue, s_end)
            inverted = sp is not None
            if sp is None:
                sp = _subject_before(ctx, lo, cue)
            if sp is None and not text[lo : cue.start].strip(" ,"):
                sp = _subject_after(ctx, cue, s_end)
                inverted = sp is not None
            if sp is None and cue.value.tense == "ing":
                sp = _clause_subject(ctx, s_start, cue)
            if sp is None:
                continue
            speaker = sp
            # "CONTENT, X said." / "CONTENT, said X."
            tail_from = sp.end if not inverted else sp.end
            rest = text[max(tail_from, cue.end) : s_end]
            attr_start = sp.start if not inverted else cue.start
            before = text[s_start:attr_start].rstrip()
            if before.endswith(",") and _appositive_tail_ok(rest):
                cstart = s_start
                cend = s_start + len(before) - 1
                if before.lower().endswith(("as ,",)):
                    continue
                content = (cstart, cend)
                m_as = re.search(r",?\s*\bas\s*$", text[s_start:attr_start])
                if m_as:
                    content = None
            elif not inverted:
                content = _paraphrase_runs(ctx, cue, s_end)
        if content is None or content[1] - content[0] < 3:
            if speaker is not None and cue.start not in used_cues:
                para.append((cue.start, cue.start, speaker, cue))  # speaker mention only (for "he")
            continue
        cs, ce = content
        outside = text[cs:ce]
        for q in top:
            if q.start >= cs and q.end <= ce:
                outside = outside.replace(text[q.start : q.end], " ")
        if count_words(outside) < 2:
            if cue.start not in used_cues:
                para.append((cue.start, cue.start, speaker, cue))
            continue
        para.append((cs, ce, speaker, cue))

    # 3. resolve speakers in text order (pronouns, inheritance, fullest names, affiliations)
    events: list[tuple[int, int, int]] = []  # (position, kind 0=quote 1=paraphrase, index)
    for i, (_, qcue) in enumerate(q_attr):
        events.append((qcue.start if qcue is not None else top[i].start, 0, i))
    for i, (_cs, _ce, _sp, cue) in enumerate(para):
        events.append((cue.start, 1, i))
    events.sort()
    affs: dict[str, tuple[str, str]] = {}
    last: dict[str, tuple[str, str]] = {}  # kind -> (speaker, kind)
    none: _Res = ("", "", "", "unknown", -1, -1)
    q_res: list[_Res] = [none] * len(top)
    p_res: list[_Res] = [none] * len(para)
    last_para_speaker: dict[int, _Res] = {}

    def resolve(sp: _Speaker, at: int, prefix_lo: int | None) -> tuple[str, str]:
        if sp.kind != "pronoun":
            return sp.text, sp.kind
        want = _PRONOUNS.get(sp.text, "person")
        if want == "person" and prefix_lo is not None:
            prefix = text[prefix_lo:at]
            for t in top:
                if t.end > prefix_lo and t.start < at:
                    a, b = max(t.start, prefix_lo) - prefix_lo, min(t.end, at) - prefix_lo
                    prefix = prefix[:a] + " " * (b - a) + prefix[b:]
            found = list(_Names._RUN.finditer(prefix)) + list(re.finditer(r"\b[A-Z][a-z]+\b", prefix))
            for m in sorted(found, key=lambda m: (m.start(), -m.end()), reverse=True):
                cand = ctx.names.fullest(m.group(0))
                if cand in ctx.names.counts:
                    return cand, "person"
                word = m.group(0).lower()
                if (
                    m.start() > 0
                    and " " not in word
                    and word not in _FUNCTION
                    and word not in _speaker_words()
                    and word not in _origin_words()
                ):
                    return m.group(0), "person"
        if want in last:
            return last[want]
        if want == "group" and "organisation" in last:
            return last["organisation"]
        return "", ""

    def finish(sp: _Speaker, at: int, prefix_lo: int | None) -> _Res:
        name, kind = resolve(sp, at, prefix_lo)
        if not name:
            return none
        aff = sp.affiliation if sp.kind != "pronoun" else ""
        if not aff and name not in affs:
            aff = ctx.names.titles.get(name, "")
        if aff and name in affs and len(affs[name][0]) >= len(aff):
            aff = ""
        if aff:
            origin = origin_of(aff)
            if origin == "unknown" and name in affs:
                origin = affs[name][1]
            affs[name] = (aff, origin)
        elif kind == "organisation":
            affs.setdefault(name, ("", origin_of(name)))
        aff, origin = affs.get(name, ("", "unknown"))
        last[kind] = (name, kind)
        return (name, kind, aff, origin, sp.start, sp.end)

    for _pos, typ, i in events:
        if typ == 1:
            sp = para[i][2]
            if sp is not None:
                p_res[i] = finish(sp, sp.start, None)
            ps, _ = ctx.para_of(para[i][3].start)
            if p_res[i][0]:
                last_para_speaker[ps] = p_res[i]
            continue
        sp, qcue = q_attr[i]
        q = top[i]
        ps, _ = ctx.para_of(q.start)
        if sp is not None:
            prefix_lo = None
            if sp.kind == "pronoun" and qcue is not None and qcue.start < q.start:
                prefix_lo = max(ps, ctx.sentence_start(sp.start))
            q_res[i] = finish(sp, sp.start, prefix_lo)
        if q_res[i][0]:
            last_para_speaker[ps] = q_res[i]

    # inheritance for quotes without a cue of their own
    para_ranges = [(cs, ce, p_res[k]) for k, (cs, ce, _sp, _c) in enumerate(para) if ce > cs]
    for i, q in enumerate(top):
        if q_res[i][0]:
            continue
        ps, pe = ctx.para_of(q.start)
        inherited: _Res | None = None
        for cs, ce, res in para_ranges:
            if cs <= q.start and q.end <= ce and res[0]:
                inherited = res
        if inherited is None and q_attr[i][1] is not None and i > 0:
            inherited = q_res[i - 1] if q_res[i - 1][0] else None  # ", adding that “"
        if inherited is None:
            for k in range(i - 1, -1, -1):
                if top[k].start < ps:
                    break
                if q_res[k][0]:
                    inherited = q_res[k]
                    break
        if inherited is None:
            s_lo = ctx.sentence_start(q.start)
            for k in range(i + 1, len(top)):
                if top[k].start >= pe or ctx.sentence_start(top[k].start) != s_lo:
                    break
                if q_res[k][0] and q_attr[k][0] is not None:
                    inherited = q_res[k]
                    break
        if inherited is None and not text[ps : q.start].strip() and q.end - q.start > 0:
            # a quote opening its paragraph: the last speaker of the previous paragraph(s)
            prev = [p for p in last_para_speaker if p < ps]
            if prev:
                pp = max(prev)
                k = bisect.bisect_left(ctx.para_starts, ps)
                if k > 0 and ctx.para_starts[k - 1] == pp:
                    inherited = last_para_speaker[pp]
        if inherited:
            q_res[i] = inherited
            last_para_speaker[ps] = inherited

    # 4. records and runs
    quotes: list[Quote] = []
    runs: list[VoiceRun] = []
    top_index = {(q.start, q.end): i for i, q in enumerate(top)}
    for q in raw:
        if q.nested:
            parent = next((k for k, t in enumerate(top) if t.start <= q.start and q.end <= t.end), -1)
            res = q_res[parent] if parent >= 0 else none
            qcue = None
        else:
            k = top_index[(q.start, q.end)]
            res = q_res[k]
            qcue = q_attr[k][1]
        name, kind, aff, origin, m_start, m_end = res
        words = count_words(text[q.start : q.end])
        quotes.append(
            Quote(
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                speaker=name,
                speaker_kind=kind,
                speaker_start=m_start if name else -1,
                speaker_end=m_end if name else -1,
                cue=qcue.text if qcue is not None else "",
                cue_lemma=qcue.value.lemma if qcue is not None else "",
                cue_start=qcue.start if qcue is not None else -1,
                cue_end=qcue.end if qcue is not None else -1,
                affiliation=aff,
                origin=origin if name else "unknown",
                quote_type=_quote_type(words, name, kind),
                nested=q.nested,
                words=words,
            )
        )
        runs.append(VoiceRun(q.start, q.end, "direct_quote", name))
    for k, (cs, ce, sp, cue) in enumerate(para):
        if ce <= cs:
            continue
        name, kind, aff, origin, _ms, _me = p_res[k]
        if not name:
            continue
        quotes.append(
            Quote(
                start=cs,
                end=ce,
                text=text[cs:ce],
                voice="attributed_paraphrase",
                speaker=name,
                speaker_kind=kind,
                speaker_start=sp.start if sp else -1,
                speaker_end=sp.end if sp else -1,
                cue=cue.text,
                cue_lemma=cue.value.lemma,
                cue_start=cue.start,
                cue_end=cue.end,
                affiliation=aff,
                origin=origin,
                quote_type="organisation" if kind == "organisation" else "person",
                words=count_words(text[cs:ce]),
            )
        )
        runs.append(VoiceRun(cs, ce, "attributed_paraphrase", name))
    runs.sort(key=lambda r: (r.start, r.end))
    return quotes, runs


def _appositive_tail_ok(rest: str) -> bool:
    """After "X said" at the end of a sentence: nothing, an object or an appositive."""
    r = rest.strip()
    if not r or r in (".", ".”", "?", "!"):
        return True
    return r.startswith(",") or bool(re.fullmatch(r"[\w’'\- ]{0,40}[.!?]?[”\"’]?", r))


def extract(doc: Doc) -> list[Span]:
    """Quote and paraphrase spans of a document (see the module docstring for the columns).

    Example:
        >>> from framing.document import Doc
        >>> from framing.model import Article
        >>> t = "“Ties are strong,” Putin said."
        >>> s = extract(Doc.build(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))
        >>> [(x.feature, x.label, x.speaker, x.target, x.voice, x.score) for x in s]
        [('quote', 'person', 'Putin', 'say', 'direct_quote', 3.0)]
    """
    records: Sequence[object] = doc.quotes
    out: list[Span] = []
    for q in records:
        if not isinstance(q, Quote):
            continue
        feature = "quote" if q.voice == "direct_quote" else "paraphrase"
        out.append(
            doc.span(
                feature,
                q.start,
                q.end,
                label=q.quote_type,
                category=q.origin,
                target=q.cue_lemma,
                speaker=q.speaker,
                score=float(q.words),
            )
        )
    out.sort(key=lambda s: (s.start, s.end))
    return out


__all__ = ["ORIGINS", "Quote", "extract", "find_attributions", "origin_of", "pair_quote_marks"]
