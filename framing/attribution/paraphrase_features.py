"""Cheap token features for the paraphrase model: is a cue reporting, and which span is its content.

A sentence is a list of tokens (words and single punctuation marks). A cue is a
token range ``[ci, cj)``. Its content is one of a few candidate spans: after
the cue (``X said (that) CONTENT``, ``told reporters that CONTENT``) from one of
the next :data:`MAX_SKIP` + 1 tokens up to the sentence end or to a clause
boundary (a punctuation mark or a clause word such as "while" or "but"); or
before it (``CONTENT, X said``) from the sentence start or a boundary up to a
comma or dash before the speaker. Every feature is a string; the model
(:mod:`framing.attribution.paraphrase_model`) weighs them. Training
(``benchmarks/train_paraphrase.py``) and the extractor call these same
functions.

Example:
    >>> t = "Lee said that ties grew, but trade fell."
    >>> tk = Tokens.of(t, 0, len(t))
    >>> best = [c for c in span_candidates(tk, 1, 2, -1, -1) if c.direction == "after"]
    >>> [tk.text_of(t, c.start, c.end) for c in best[:3]]
    ['that ties grew', 'that ties grew, but trade fell', 'ties grew']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from framing.corpus.segmentation import WORD_RE

_TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\w\s]", re.UNICODE)
#: How many tokens after the cue the content may start (the object of "told", "on Tuesday", "that").
MAX_SKIP = 12
#: How many clause boundaries a candidate span may cross.
MAX_ENDS = 10
#: Punctuation that may end a reported clause.
BOUNDARY_MARKS = frozenset(",;:—–()[]")
#: Words that open a new clause, where reported content may stop.
CLAUSE_WORDS = frozenset(
    "and but while because which who whom whose although though after before when as if since so where until "
    "whereas unless or amid despite even than including nor yet".split()
)
_STOP_WORDS = BOUNDARY_MARKS | CLAUSE_WORDS
#: Words that open a subordinate clause at the start of a sentence ("While X announced A, B ...").
SUBORDINATORS = frozenset(
    "while after although though because as when if since before until whereas once unless even".split()
)
#: Prepositions that may open an adjunct after a reported object ("called for more investment | in a statement").
ADJUNCT_WORDS = frozenset("in on at during over from with by amid following through into".split())
#: How far after its start (in tokens) a content may end before such an adjunct, and how many of them count.
ADJUNCT_REACH, MAX_ADJUNCTS = 12, 3
#: Beyond the first three tokens after a cue, content starts only after one of these ("said on Monday that").
_START_AFTER = frozenset({"that", ",", ":", "—", "–"})
_QUOTES = frozenset("\"“”‘’«»'")
_DETERMINERS = frozenset("a an the his her their its our my your this that these those some any no every each".split())
_PRONOUNS = frozenset("he she it they we i you who which that".split())
_AUXILIARIES = frozenset(
    "is was were are be been being has have had do does did will would can could may might should must not "
    "n't also".split()
)


def word_class(word: str) -> str:
    """A closed-class tag for a lower-case token: ``det``, ``pron``, ``aux``, ``punct``, ``poss`` or ``w``.

    Example:
        >>> [word_class(w) for w in ("the", "he", "has", ",", "trump's", "said")]
        ['det', 'pron', 'aux', 'punct', 'poss', 'w']
    """
    if word in _DETERMINERS:
        return "det"
    if word in _PRONOUNS:
        return "pron"
    if word in _AUXILIARIES:
        return "aux"
    if not word[:1].isalnum():
        return "punct"
    return "poss" if word.endswith("'s") else "w"
_OPEN_QUOTES = frozenset("“«\"")
#: After a comma, marks closing a quotation (',"': the comma is the quoted words') and words opening examples
#: of the noun before it (", including X", ", such as X", ", like X"): the content goes on past that comma.
_GOES_ON_AFTER_COMMA = frozenset("”»\"’") | frozenset({"including", "such", "like"})


def speaker_shape(word: str) -> str:
    """Shape of the last word of a speaker mention: ``pron``, ``low`` or ``Cap``.

    Example:
        >>> [speaker_shape(w) for w in ("he", "starkest", "Lavrov")]
        ['pron', 'low', 'Cap']
    """
    if word.lower() in _PRONOUNS:
        return "pron"
    return "Cap" if word[:1].isupper() else "low"


def _shape(word: str) -> str:
    """A coarse word shape: ``P`` punctuation, ``D`` digits, ``Cap``, ``CAPS`` or ``low``."""
    if not word[:1].isalnum():
        return "P"
    if word[:1].isdigit():
        return "D"
    if word.isupper() and len(word) > 1:
        return "CAPS"
    return "Cap" if word[:1].isupper() else "low"


@dataclass(frozen=True)
class Tokens:
    """The tokens of one sentence.

    Attributes:
        starts: Offset of each token.
        ends: End of each token.
        low: Each token, lower-case, with straight apostrophes.
        shape: Each token's shape (see :func:`_shape`).
        last: Index after the last word token (trailing punctuation excluded).
        bounds: Indices of the tokens a reported clause may end before (:data:`BOUNDARY_MARKS`, :data:`CLAUSE_WORDS`).
        adjuncts: Indices of the prepositions a reported object may end before (:data:`ADJUNCT_WORDS`).
        memo: What is kept for the cues of the sentence: where content may stop, and the scores of
            feature parts (see :func:`~framing.attribution.paraphrase_ranking.best_candidate`).
    """

    starts: list[int]
    ends: list[int]
    low: list[str]
    shape: list[str]
    last: int
    bounds: list[int]
    adjuncts: list[int]
    memo: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> Tokens:
        """Tokens of ``text[lo:hi]``.

        Example:
            >>> Tokens.of("He said: yes.", 0, 13).low
            ['he', 'said', ':', 'yes', '.']
        """
        ms = list(_TOKEN_RE.finditer(text, lo, hi))
        words = [m.group(0) for m in ms]
        shape = [_shape(w) for w in words]
        last = len(words)
        while last > 0 and shape[last - 1] == "P":
            last -= 1
        low = [w.lower().replace("’", "'") for w in words]
        return cls(
            starts=[m.start() for m in ms],
            ends=[m.end() for m in ms],
            low=low,
            shape=shape,
            last=last,
            bounds=[k for k, w in enumerate(low) if w in _STOP_WORDS],
            adjuncts=[k for k, w in enumerate(low) if w in ADJUNCT_WORDS],
        )

    def __len__(self) -> int:
        return len(self.low)

    def word(self, i: int) -> str:
        """Token ``i`` lower-case, or ``<s>``/``</s>`` outside the sentence."""
        if i < 0:
            return "<s>"
        return self.low[i] if i < len(self.low) else "</s>"

    def trimmed(self, s: int, e: int) -> tuple[int, int]:
        """``[s, e)`` without punctuation at either end (an opening quote mark may stay at the start)."""
        while s < e and self.shape[s] == "P" and self.low[s] not in _OPEN_QUOTES:
            s += 1
        while e > s and self.shape[e - 1] == "P":
            e -= 1
        return s, e

    def text_of(self, text: str, s: int, e: int) -> str:
        """The text of tokens ``[s, e)``, trimmed (see :meth:`trimmed`)."""
        s, e = self.trimmed(s, e)
        return text[self.starts[s] : self.ends[e - 1]] if e > s else ""


@dataclass(frozen=True)
class CueInfo:
    """What the extractor knows about a cue besides its tokens.

    Attributes:
        lexical: ``kind/tense`` from the reporting-verb lexicon, or ``learned`` for a word of the model's list.
        speaker: ``before`` (X said), ``after`` (said X), or ``none``.
        speaker_kind: The kind of the speaker mention (``person``, ``pronoun``, ...).
        direct: Whether a direct quote already uses this cue.
        speaker_shape: Shape of the speaker mention: its last word's shape and its number of words
            (``low1``: one lower-case word, as in "the starkest warning").
    """

    lexical: str
    speaker: str
    speaker_kind: str
    direct: bool
    speaker_shape: str = ""


class Candidate(NamedTuple):
    """A candidate content span ``[start, end)`` in tokens, after or before the cue (a tuple: cheap to make)."""

    start: int
    end: int
    direction: str


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-6" if n < 7 else ("7-12" if n < 13 else "13+"))


_BUCKETS = tuple(_bucket(n) for n in range(13))


def _next_shape(tk: Tokens, k: int) -> str:
    """Class of the words after a boundary at ``k``: does a new clause with its own subject start?"""
    nxt = [j for j in range(k + 1, min(k + 3, len(tk))) if tk.low[j] not in CLAUSE_WORDS][:1]
    if not nxt:
        return "-"
    j = nxt[0]
    cls = word_class(tk.low[j])
    return f"{cls}|{tk.shape[j]}" if cls == "w" else cls


def _subordinate_opening(tk: Tokens, ci: int) -> bool:
    """Whether the sentence opens with a subordinator and no comma comes before the cue."""
    k = 0
    while k < ci and tk.shape[k] == "P":
        k += 1
    return k < ci and tk.low[k] in SUBORDINATORS and "," not in tk.low[k:ci]


def cue_features(tk: Tokens, ci: int, cj: int, info: CueInfo) -> list[str]:
    """Features of the cue ``[ci, cj)`` for "does it introduce reported content here".

    Example:
        >>> t = "China maintains a position of neutrality."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> cue_features(tk, 1, 2, CueInfo("speech/s", "before", "organisation", False))[:3]
        ['cue=maintains', 'lex=speech/s', 'spk=before']
    """
    w = " ".join(tk.low[ci:cj])
    prev, prev2, nxt, nxt2 = tk.word(ci - 1), tk.word(ci - 2), tk.word(cj), tk.word(cj + 1)
    feats = [
        f"cue={w}", f"lex={info.lexical}", f"spk={info.speaker}", f"spk={info.speaker}|kind={info.speaker_kind}",
        f"cue={w}|spk={info.speaker}", f"prev={prev}", f"prev2={prev2}", f"next={nxt}", f"next2={nxt2}",
        f"cue={w}|next={nxt}", f"prev={prev}|cue={w}", f"cue={w}|next2={nxt2}",
        f"cue={w}|nextshape={tk.shape[cj] if cj < len(tk) else '</s>'}",
        f"cueshape={tk.shape[ci]}|first={ci == 0}", f"suffix={w[-3:]}", f"suffix={w[-3:]}|next={nxt}",
        f"direct={info.direct}", f"lex={info.lexical}|direct={info.direct}",
        f"rest={_bucket(tk.last - cj)}", f"lead={_bucket(ci)}", f"cue={w}|end={cj >= tk.last}",
        f"sub={_subordinate_opening(tk, ci)}",
        f"prevclass={word_class(prev)}", f"prevclass={word_class(prev)}|nextclass={word_class(nxt)}",
        f"lex={info.lexical}|prevclass={word_class(prev)}", f"nextclass={word_class(nxt)}|nextshape="
        f"{tk.shape[cj] if cj < len(tk) else '</s>'}",
        f"midcap={ci > 0 and tk.shape[ci] in ('Cap', 'CAPS')}",
        f"spkshape={info.speaker_shape}", f"spkshape={info.speaker_shape}|lex={info.lexical}",
    ]
    if not _QUOTES.isdisjoint(tk.low):
        feats.append("sentquote")
        feats.append(f"quote_after={not _QUOTES.isdisjoint(tk.low[cj : cj + 3])}")
    return feats


def _insertion_opens(tk: Tokens) -> set[int]:
    """Dashes and brackets that open an insertion closed later in the sentence ("A – which X – B").

    Reported content does not end there: it resumes after the insertion.
    """
    opens: set[int] = set()
    dashes = [k for k in tk.bounds if tk.low[k] in "—–"]
    opens.update(dashes[0::2][: len(dashes) // 2])
    for k in tk.bounds:
        if tk.low[k] in "([" and any(tk.low[j] in ")]" for j in range(k + 1, len(tk))):
            opens.add(k)
    return opens


def _stops(tk: Tokens) -> list[int]:
    """Where content may end, in order (the same for every cue of the sentence).

    Not at a comma inside quotation marks ('is "utterly amoral," a "bully"') nor before examples of
    the noun it follows ('released polls, including ones showing Trump leading').
    """
    inserts = _insertion_opens(tk)
    return [e for e in tk.bounds if e < tk.last and e not in inserts
            and not (tk.low[e] == "," and e + 1 < len(tk) and tk.low[e + 1] in _GOES_ON_AFTER_COMMA)]


_STOPS = "stops"  # the key of :func:`_stops` in :attr:`Tokens.memo`


def span_candidates(tk: Tokens, ci: int, cj: int, sp_lo: int, sp_hi: int) -> list[Candidate]:
    """Candidate contents of the cue ``[ci, cj)`` whose speaker is tokens ``[sp_lo, sp_hi)`` (-1: none).

    After the cue: starts at one of the next three tokens (after the speaker when it
    follows the cue) or, up to :data:`MAX_SKIP` tokens on, after "that", a comma,
    colon or dash; ends at the sentence end or a boundary (not at a dash or bracket
    opening an insertion that closes later in the sentence). In a sentence that opens
    with a subordinate clause holding the cue ("After X announced A, B ..."), the
    content ends with that clause, at its comma.
    Before the cue: ends at a comma, dash or colon before the speaker and the cue,
    starts at the sentence start or after a boundary.
    """
    out: list[Candidate] = []
    first = max(cj, sp_hi) if sp_lo >= cj else cj
    sub_comma = None
    if _subordinate_opening(tk, ci):
        sub_comma = next((k for k in range(cj, tk.last) if tk.low[k] == ","), None)
    stops = tk.memo.get(_STOPS)
    if stops is None:
        stops = tk.memo[_STOPS] = _stops(tk)
    for s in range(first, min(first + MAX_SKIP + 1, tk.last)):
        if tk.shape[s] == "P" and tk.low[s] not in _OPEN_QUOTES:
            continue
        if s > first + 2 and tk.low[s - 1] not in _START_AFTER:
            continue
        lo = bisect.bisect_right(stops, s)
        ends = stops[lo : lo + MAX_ENDS]
        if sub_comma is not None:  # "While X announced A, B ...": A ends with the opening clause
            ends = [e for e in ends if e < sub_comma] + [sub_comma]
            out += [Candidate(s, e, "after") for e in ends if e > s]
            continue
        reach = min(s + ADJUNCT_REACH, tk.last, ends[0] if ends else tk.last)
        adjuncts = [e for e in tk.adjuncts if s + 1 < e < reach][:MAX_ADJUNCTS]
        out += [Candidate(s, e, "after") for e in [*adjuncts, *ends, tk.last]]
    limit = min(ci, sp_lo) if 0 <= sp_lo < ci else ci
    for e in [k for k in range(1, limit) if tk.low[k] in ",—–:"][-4:]:
        starts = [0] + [k + 1 for k in tk.bounds if k < e - 1][-MAX_ENDS:]
        for s in starts:
            a, b = tk.trimmed(s, e)
            if b > a:
                out.append(Candidate(s, e, "before"))
    seen: set[tuple[int, int]] = set()
    unique = []
    for c in out:
        key = tk.trimmed(c.start, c.end)
        if tk.low[key[0]] == "that" and key[1] - key[0] < 3:
            continue  # "that" and one word: a complementizer with a cut clause ("wrote that Russia | and ...")
        if key not in seen and key[1] > key[0]:
            seen.add(key)
            unique.append(c)
    return unique


def _direction_features(tk: Tokens, ci: int, cj: int, d: str, info: CueInfo) -> list[str]:
    """Span features that depend only on the cue and the direction."""
    w = " ".join(tk.low[ci:cj])
    return [f"dir={d}", f"dir={d}|cue={w}", f"dir={d}|spk={info.speaker}", f"dir={d}|lex={info.lexical}"]


def _word_or_caps(tk: Tokens, k: int) -> str:
    """Token ``k`` lower-case, or ``<CAPS>`` for an all-capitals word ("US" is not the pronoun "us")."""
    return "<CAPS>" if 0 <= k < len(tk) and tk.shape[k] == "CAPS" else tk.word(k)


def _start_features(tk: Tokens, cj: int, s: int, d: str, w: str) -> list[str]:
    """Span features that depend on the start (and the cue)."""
    feats = [f"dir={d}|first={_word_or_caps(tk, s)}", f"dir={d}|before={_word_or_caps(tk, s - 1)}",
             f"dir={d}|firstshape={tk.shape[s]}"]
    if d == "after":
        skipped = tk.low[cj:s]
        feats += [f"skip={_bucket(len(skipped))}", f"skip={_bucket(len(skipped))}|cue={w}"]
        feats += [f"skip={x}" for x in skipped[:MAX_SKIP]]
        feats.append(f"skipshape={'-'.join(tk.shape[cj:s][:4])}")
        # a "that" still ahead within reach: "told Blinken on Thursday that ..." reports what follows it
        ahead = "that" in tk.low[s + 1 : cj + MAX_SKIP + 1]
        feats += [f"thatahead={ahead}", f"thatahead={ahead}|cue={w}"]
    return feats


def _end_features(tk: Tokens, ci: int, e: int, d: str, w: str) -> list[str]:
    """Span features that depend on the end (and the cue)."""
    end = e >= tk.last
    feats = [
        f"dir={d}|last={tk.word(e - 1)}", f"dir={d}|endtok={tk.word(e)}",
        f"dir={d}|endtok={tk.word(e)}|after={tk.word(e + 1)}", f"dir={d}|sentend={end}",
        f"dir={d}|sub={_subordinate_opening(tk, ci)}|sentend={end}", f"dir={d}|cue={w}|sentend={end}",
    ]
    if e < tk.last:
        feats.append(f"dir={d}|stopclause={tk.low[e]}|{_next_shape(tk, e)}")
    if d == "before":
        feats += [f"gap={_bucket(ci - e)}", f"endmark={tk.word(e)}|prevcue={tk.word(ci - 1)}"]
    return feats


def _boundary_features(tk: Tokens, k: int, d: str) -> list[str]:
    """Features of a clause boundary ``k`` the span runs across (at most six count)."""
    return [f"dir={d}|cross={tk.low[k]}|{tk.word(k + 1)}", f"dir={d}|clause={tk.low[k]}|{_next_shape(tk, k)}",
            f"dir={d}|crossw={tk.low[k]}"]


def _crossed(tk: Tokens, s: int, e: int) -> list[int]:
    lo = bisect.bisect_right(tk.bounds, s)
    return tk.bounds[lo : min(bisect.bisect_left(tk.bounds, e), lo + 6)]


def _pair_features(tk: Tokens, ci: int, c: Candidate, n_crossed: int) -> list[str]:
    """Span features that depend on both ends."""
    d = c.direction
    feats = [f"dir={d}|len={_bucket(c.end - c.start)}", f"dir={d}|crossed={_bucket(n_crossed)}"]
    if d == "before":
        feats += [f"start0={c.start == 0}", f"start0={c.start == 0}|gap={_bucket(ci - c.end)}"]
    return feats


def span_features(tk: Tokens, ci: int, cj: int, c: Candidate, info: CueInfo) -> list[str]:
    """Features of one candidate content of the cue ``[ci, cj)``.

    Example:
        >>> t = "Lee said that ties grew."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> info = CueInfo("speech/past", "before", "", False)
        >>> "skip=that" in span_features(tk, 1, 2, Candidate(3, 5, "after"), info)
        True
    """
    w = " ".join(tk.low[ci:cj])
    d = c.direction
    crossed = _crossed(tk, c.start, c.end)
    feats = _direction_features(tk, ci, cj, d, info) + _start_features(tk, cj, c.start, d, w)
    feats += _end_features(tk, ci, c.end, d, w) + _pair_features(tk, ci, c, len(crossed))
    for k in crossed:
        feats += _boundary_features(tk, k, d)
    return feats


def content_features(tk: Tokens, cj: int, c: Candidate, outside_words: int) -> list[str]:
    """Features of the best content of a cue, for the cue decision ("said Friday" reports nothing).

    Example:
        >>> t = "Lee said Friday."
        >>> content_features(Tokens.of(t, 0, len(t)), 2, Candidate(2, 3, "after"), 1)[:2]
        ['best=after|words=1', 'best=after|first=friday']
    """
    d = c.direction
    words = sum(1 for k in range(c.start, c.end) if tk.shape[k] != "P")
    return [
        f"best={d}|words={_bucket(outside_words)}", f"best={d}|first={tk.word(c.start)}",
        f"best={d}|sentend={c.end >= tk.last}", f"best={d}|skip={_bucket(c.start - cj) if d == 'after' else '-'}",
        f"best={d}|quoted={outside_words < words}",
    ]


__all__ = [
    "BOUNDARY_MARKS", "CLAUSE_WORDS", "MAX_ENDS", "MAX_SKIP", "Candidate", "CueInfo", "SUBORDINATORS", "Tokens",
    "content_features", "cue_features", "span_candidates", "span_features", "speaker_shape",
]
