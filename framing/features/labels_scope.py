"""Polarity of a relationship label: which negation, modal and question cues scope over it.

A cue (``negation_cues.tsv``, ``hypothetical_cues.tsv``) scopes over a label
when it comes first in the same clause, within the reach its ``scope``
column gives (``np``, ``clause``, ``complement``, ``subclause``), or, for a
cue with scope ``subject``, when it follows a label that is the subject of a
copula ("an alliance is out of the question", "was ruled out"), or, with
scope ``indefinite_subject``, an indefinite label that is its subject ("a
Russia-China alliance would reshape the world"). Then:

* ``negated`` wins, unless the denying verb is itself negated ("have not
  ruled out an alliance", "did not deny that they are allies":
  ``hypothetical``); a cue followed by a degree word is about the degree,
  not the label: "have never been closer partners", "could not be better
  friends", "not since the 1950s such close allies" are affirmed;
* ``questioned`` for a cue like "whether", or a yes/no question the label
  stands in ("Are they allies?", also inside a quotation); a wh-question
  presupposes its content ("Why are they allies?" stays affirmed);
* ``hypothetical`` for a modal, conditional, need/plan/attempt cue;
* a cue does not reach a definite label that is the object of another word
  after it: "do not want to lose their partnership", "could develop the
  quasi-alliance" and "closer to its ally" presuppose the label; "is not
  China's ally", "will become its ally" and "the proposed alliance" do not;
* else ``affirmed``.

Example:
    >>> from framing.corpus.segmentation import tokenize
    >>> t = "They have not, for now, become an alliance"
    >>> reaches(t, tokenize(t), 13, t.index("alliance"), "clause")
    True
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from framing.document import Doc
from framing.features._context import context_ok, is_month_may
from framing.features.clauses import clause_around
from framing.lexicons import Lexicon, load_lexicon
from framing.matching import PhraseMatcher

__all__ = [
    "Cue", "PolarityRules", "boundary_words", "determiner_at", "has_determiner", "label_clause", "previous_words",
    "reaches", "words_between",
]

Words = list[tuple[int, int]]

MAX_CLAUSE_WORDS = 15
MAX_NP_WORDS = 3
#: Words between a label and a ``subject`` cue after it ("an alliance between the two would be out of the question").
MAX_SUBJECT_GAP = 8
#: Words beyond a cue's reach that a cue search still covers on each side of a label: more than the longest
#: cue (4 words), so a cue cut by the window edge never reaches the label. The windows keep a sentence with
#: many labels linear.
CUE_WINDOW_MARGIN = 12

_HARD_BOUNDARY_RE = re.compile(r"[;:—–()\[\]”?!]")
#: Where the stretch of text holding a label ends: ? or !, or a full stop before a closing quotation mark.
_TERMINAL_RE = re.compile(r"[?!]|\.(?=[\"”’])")
#: Where a question can open inside a sentence (after a colon, dash or opening quotation mark).
_SEGMENT_START_RE = re.compile(r"[?!:;“\"—]")
#: Conjunctions and relative words across which a negation or modal cue does not reach a label
#: ("may be the closest since the 1950s honeymoon": the honeymoon is not hypothetical).
_SCOPE_STOP_WORDS = frozenset("but though although while whereas yet however because since which who whom when where "
                              "if unless whether".split())
#: The one reporting-verb list; forms marked ``ends_clause`` end a label's clause (and a cue's scope).
REPORTING_VERBS = "reporting_verbs"
NP_STOP_WORDS = frozenset(
    "of to in with from for by on at than as and or but yet rather instead that which who".split()
)
_CONTINUE_AFTER_COMMA = frozenset("including such notably especially particularly like".split())
_SUBJECT_WORDS = frozenset(
    "the a an this that these those there it they we he she i you its their his her our my".split()
)
DEFINITE = frozenset("the this that these those its their his her our your my".split())
_INDEFINITE = frozenset("a an any some no another such one".split())
#: Degree words: a negation before one of them denies the degree, not the label ("never been closer partners").
_DEGREE_WORDS = frozenset(
    "closer closest stronger strongest better best warmer warmest tighter deeper firmer friendlier more most "
    "such so".split()
)
#: Forms of "be" and linking verbs through which a ``subject`` cue reaches the label before it.
_COPULAS = frozenset("is are was were be been being remains remain remained seems seem seemed looks look 's "
                     "become becomes became becoming".split())
#: Adverbs skipped when looking for the verb before a label's determiner ("is not really China's ally").
_ADVERBS = frozenset("even yet ever quite also still just now already once again really truly".split())
#: Verbs whose second object is a predicate ("does not call Russia its ally").
_NAMING_VERBS = frozenset("call calls called calling consider considers considered considering deem deems deemed "
                          "name names named dub dubs dubbed label labels labelled labeled term terms termed".split())
#: Words that open a wh-question, which presupposes what it asks about ("Why are they allies?").
_WH_WORDS = frozenset("why how who whom whose what which when where".split())


@dataclass(frozen=True)
class Cue:
    """One row of a cue table: its polarity, where it reaches (``|``-separated scopes) and a context rule."""

    term: str
    polarity: str
    scope: str
    context: str

    @property
    def scopes(self) -> frozenset[str]:
        """The scopes of the cue (``clause`` when the cell is empty)."""
        return frozenset(s.strip() for s in (self.scope or "clause").split("|") if s.strip())


def previous_words(text: str, words: Words, offset: int, n: int) -> list[str]:
    """The ``n`` lower-cased word tokens ending before ``offset`` (nearest last).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Russia’s best friend"
        >>> previous_words(t, tokenize(t), t.index("friend"), 2)
        ["russia's", 'best']
    """
    i = bisect.bisect_right(words, offset, key=_last)
    return [text[a:b].lower().replace("’", "'") for a, b in words[max(0, i - n) : i]]


def _first(word: tuple[int, int]) -> int:
    return word[0]


def _last(word: tuple[int, int]) -> int:
    return word[1]


def _words_before(words: Words, offset: int, n: int, floor: int) -> int:
    """Start of the ``n``-th word before ``offset``, or ``floor`` when there are not that many."""
    i = bisect.bisect_left(words, offset, key=_first)
    return words[i - n][0] if i - n > 0 else floor


def _words_after(words: Words, offset: int, n: int, ceiling: int) -> int:
    """End of the ``n``-th word after ``offset``, or ``ceiling`` when there are not that many."""
    j = bisect.bisect_left(words, offset, key=_first) + n
    return words[j][1] if j < len(words) - 1 else ceiling


def words_between(words: Words, start: int, end: int) -> Words:
    """Word tokens lying wholly inside ``[start, end)``."""
    return words[bisect.bisect_left(words, start, key=_first) : bisect.bisect_right(words, end, key=_last)]


def context_ok_at(text: str, words: Words, rules: str, start: int, end: int) -> bool:
    """Whether a lexicon row's ``context`` rules hold for the match at ``start``-``end``."""
    prev = previous_words(text, words, start, 1)
    j = bisect.bisect_left(words, end, key=_first)
    nxt = [text[a:b] for a, b in words[j : j + 1]]
    return context_ok(rules, previous=prev[-1] if prev else "", following=nxt[0] if nxt else "")


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    """Reporting-verb forms that end a label's clause (``ends_clause`` column of the reporting-verb list)."""
    return frozenset(r["term"].lower() for r in load_lexicon(REPORTING_VERBS).rows if r.get("ends_clause") == "y")


def boundary_words() -> frozenset[str]:
    """Words a cue's scope does not cross: conjunctions, relative words and clause-ending reporting verbs."""
    return _SCOPE_STOP_WORDS | _clause_verbs()


def label_clause(text: str, words: Words, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The label's clause (:func:`~framing.features.clauses.clause_around`) cut at reporting verbs ("X said ...")."""
    cs, ce = clause_around(text, start, end, sentence=sentence)
    verbs = _verb_words(text, words)
    for a, b in verbs[bisect.bisect_left(verbs, cs, key=_first) : bisect.bisect_right(verbs, ce, key=_first)]:
        if cs <= a and b <= start:
            cs = b
        elif a >= end and b <= ce:
            return cs, a
    return cs, ce


#: The word list last seen and its clause-ending reporting verbs (held, so its id is never reused).
_VERBS_SEEN: list[tuple[str, Words, Words]] = []


def _verb_words(text: str, words: Words) -> Words:
    """The clause-ending reporting verbs among ``words``, found once per sentence however many labels it holds."""
    if _VERBS_SEEN and _VERBS_SEEN[0][0] is text and _VERBS_SEEN[0][1] is words:
        return _VERBS_SEEN[0][2]
    verbs = _clause_verbs()
    found = [(a, b) for a, b in words if text[a:b].lower() in verbs]
    _VERBS_SEEN[:] = [(text, words, found)]
    return found


def reaches(text: str, words: Words, start: int, end: int, scope: str) -> bool:
    """Whether a cue ending at ``start`` scopes over a label starting at ``end``.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "no formal alliance"
        >>> reaches(t, tokenize(t), 2, t.index("alliance"), "np")
        True
    """
    gap = words_between(words, start, end)
    lowered = [text[a:b].lower() for a, b in gap]
    if scope == "np":
        return (
            len(gap) <= MAX_NP_WORDS
            and not re.search(r"[^\w\s\-‐‑'’“\"‘]", text[start:end])
            and not any(w in NP_STOP_WORDS for w in lowered)
        )
    if len(gap) > MAX_CLAUSE_WORDS or _HARD_BOUNDARY_RE.search(text, start, end):
        return False
    stop_words = boundary_words() if scope == "complement" else boundary_words() | {"that"}
    for k, ((a, _), w) in enumerate(zip(gap, lowered, strict=True)):
        if w not in stop_words:
            continue
        if w == "yet" and not re.search(r"[,;]\s*$", text[start:a]):
            continue  # "yet" stops only as a conjunction (", yet"), not as an adverb ("could yet become")
        if w == "since" and ((k and lowered[k - 1] == "ever") or lowered[k + 1 : k + 2] == ["then"]):
            continue  # "trying ever since to find alliances", "since then": adverbs
        return False
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    if commas and not text[start : start + commas[0]].strip():
        commas = commas[2:]  # "has not, consistent with ..., become": a parenthesis
    for c in commas:
        if scope == "subclause":
            return False
        after = [text[a:b].lower() for a, b in words if a > start + c and b <= end][:2]
        if after and after[0] in _CONTINUE_AFTER_COMMA:
            continue
        if after and after[0] in ("and", "or") and (len(after) < 2 or after[1] not in _SUBJECT_WORDS):
            nxt = [text[a:b] for a, b in words if a > start + c and b <= end][1:2]
            if not nxt or nxt[0][:1].islower():
                continue
        return False
    return True


def _subject_reaches(text: str, words: Words, label_end: int, cue_start: int, *, copula: bool = True) -> bool:
    """Whether a ``subject`` cue at ``cue_start`` follows a copula whose subject is the label ending at ``label_end``.

    With ``copula=False`` the cue itself is the verb ("an alliance would
    reshape"): no copula is needed, the gap may be empty.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "An alliance is out of the question"
        >>> _subject_reaches(t, tokenize(t), t.index(" is"), t.index("out"))
        True
    """
    gap = [text[a:b].lower().replace("’", "'") for a, b in words_between(words, label_end, cue_start)]
    if (copula and not gap) or len(gap) > MAX_SUBJECT_GAP \
            or re.search(r"[,;:—–()\[\]“”\"?!]", text[label_end:cue_start]):
        return False
    return (not copula or any(w in _COPULAS for w in gap)) and not any(w in boundary_words() | {"that"} for w in gap)


def determiner_at(text: str, words: Words, offset: int, *, definite_only: bool = False) -> int | None:
    """Start of the determiner or possessive of the noun phrase ending at ``offset`` (None: there is none).

    With ``definite_only`` only definite ones count (the, its, China's).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Moscow's strategic partner"
        >>> determiner_at(t, tokenize(t), t.index("partner"), definite_only=True)
        0
    """
    prev = previous_words(text, words, offset, MAX_NP_WORDS + 1)
    pos = offset
    for w in reversed(prev):
        a = [x for x in words if x[1] <= pos][-1]
        if re.search(r"[,;:—–()]", text[a[1] : pos]):
            return None
        pos = a[0]
        if w in DEFINITE or w.endswith("'s") or w.endswith("s'"):
            return pos
        if w in _INDEFINITE:
            return None if definite_only else pos
        if w in NP_STOP_WORDS or w in boundary_words():
            return None
    return None


def has_determiner(text: str, words: Words, offset: int) -> bool:
    """Whether the noun phrase ending at ``offset`` has a determiner or possessive ("the", "a", "China's").

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "expanding military blocs"
        >>> has_determiner(t, tokenize(t), t.index("blocs"))
        False
    """
    return determiner_at(text, words, offset) is not None


def _presupposed(text: str, words: Words, cue: tuple[int, int], label_start: int) -> bool:
    """Whether a definite label after a cue is presupposed, so the cue does not deny or question it.

    It is when its definite determiner follows the cue and is the object of
    some other word ("do not want to lose their partnership", "could develop
    the quasi-alliance", "closer to its ally"); not when the noun phrase is
    the cue's own or a predicate ("is not China's ally", "will become its
    ally", "does not see Moscow as its ally", "would not call Russia its
    ally", but "stopped short of calling their partnership an alliance"
    presupposes the partnership), nor when the cue sits inside it ("the
    proposed alliance"). A noun phrase right after the cue is a predicate
    after a copula ("is not China's ally", "isn't its ally"), else an object
    or subject, so presupposed ("wants his ally to stay", "if America's
    partners refuse").

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "They do not want to lose their partnership; Russia is not China's ally"
        >>> w = tokenize(t)
        >>> _presupposed(t, w, (8, 11), t.index("partner")), _presupposed(t, w, (54, 57), t.index("ally"))
        (True, False)
    """
    cue_start, cue_end = cue
    det = determiner_at(text, words, label_start, definite_only=True)
    if det is None or det < cue_end:
        return False
    gap = [text[a:b].lower().replace("’", "'") for a, b in words_between(words, cue_end, det)]
    verbs = [w for w in gap if w not in _ADVERBS and not w.endswith("ly")]
    if not verbs:  # right after the cue: a predicate after "is not", else an object or subject
        before = [w for w in previous_words(text, words, cue_end, MAX_CLAUSE_WORDS)
                  if w not in _ADVERBS and not w.endswith("ly")]
        cue_words = len(words_between(words, cue_start, cue_end))
        head = before[-cue_words:] + before[:-cue_words][-1:]
        return not any(w in _COPULAS or w.removesuffix("n't") in _COPULAS for w in head)
    return verbs[-1] not in _COPULAS | {"as"} and not any(w in _NAMING_VERBS for w in verbs[:-1])


def _about_degree(text: str, words: Words, cue_end: int, label_start: int) -> bool:
    """Whether a degree word in the label's noun phrase follows the cue: the cue is about the degree, not the label.

    "have never been closer partners", "could not be better friends": the
    label is presupposed. A degree word followed by "to" is movement toward
    the label ("no closer to an alliance"): the cue still applies.
    """
    gap = words_between(words, cue_end, label_start)
    for k, (a, b) in enumerate(gap):
        if text[a:b].lower() in _DEGREE_WORDS:
            nxt = text[gap[k + 1][0] : gap[k + 1][1]].lower() if k + 1 < len(gap) else ""
            if nxt != "to" and reaches(text, words, b, label_start, "np"):
                return True
    return False


def asks_yes_no(text: str, words: Words, sentence: tuple[int, int], start: int) -> bool:
    """Whether the label at ``start`` stands in a yes/no question.

    The question is the stretch from the last ``?!:;“"—`` before the label
    (or the sentence start) to the first ``?`` or ``!`` (or full stop before a
    closing quotation mark) after it, else to the sentence end; it must end
    with ``?`` and not open with a wh-word.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Are they allies? Why are they allies?"
        >>> asks_yes_no(t, tokenize(t), (0, 16), 9), asks_yes_no(t, tokenize(t), (17, len(t)), t.rindex("allies"))
        (True, False)
    """
    s, e = sentence
    end = _TERMINAL_RE.search(text, start, e)
    if (end.group(0) if end else text[s:e].rstrip(" ”\"’')")[-1:]) != "?":
        return False
    opens = [m.end() for m in _SEGMENT_START_RE.finditer(text, s, start)]
    first = words_between(words, opens[-1] if opens else s, start)[:1]
    return not first or text[first[0][0] : first[0][1]].lower() not in _WH_WORDS


def _opens_clause_indefinite(text: str, words: Words, label_start: int) -> bool:
    """Whether the label is an indefinite noun phrase opening its clause (so the subject of what follows).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Analysts say an alliance would help. He is a close ally of Lee."
        >>> w = tokenize(t)
        >>> _opens_clause_indefinite(t, w, t.index("alliance")), _opens_clause_indefinite(t, w, t.index("ally"))
        (True, False)
    """
    det = determiner_at(text, words, label_start)
    if det is None or determiner_at(text, words, label_start, definite_only=True) is not None:
        return False
    before = previous_words(text, words, det, 1)
    if not before:
        return True
    prev_end = max(b for a, b in words if b <= det)
    return before[-1] in boundary_words() | {"and", "or", "that"} or bool(re.search(r"[,;:—–(“\"]", text[prev_end:det]))


class PolarityRules:
    """The polarity of a label from the cue tables.

    Args:
        negation_cues: Negation cue table (``term``, ``polarity``, ``scope``, optional ``context``).
        hypothetical_cues: Modal/conditional/question cue table, same columns.

    Example:
        >>> rules = PolarityRules(negation_cues=load_lexicon("negation_cues"),
        ...                       hypothetical_cues=load_lexicon("hypothetical_cues"))
        >>> rules.cues_of("ruled out")
        ['negated']
    """

    def __init__(self, *, negation_cues: Lexicon, hypothetical_cues: Lexicon):
        cues: list[tuple[str, Cue]] = []
        for table in (negation_cues, hypothetical_cues):
            for row in table.rows:
                cues.append((row["term"], Cue(row["term"], row["polarity"], row.get("scope", "clause") or "clause",
                                              row.get("context", ""))))
        self._cues = PhraseMatcher(cues)

    def cues_of(self, text: str) -> list[str]:
        """Polarities of the cues found in ``text`` (for tests and docs)."""
        return [m.value.polarity for m in self._cues.finditer(text) if m.value.polarity != "none"]

    def _valid(self, text: str, words: Words, cue_start: int, cue_end: int, c: Cue) -> bool:
        if c.polarity == "none" or not context_ok_at(text, words, c.context, cue_start, cue_end):
            return False
        if c.term == "may":
            prev_w = previous_words(text, words, cue_start, 1)
            nxt_w = [text[a:b] for a, b in words if a >= cue_end][:1]
            if is_month_may(text[cue_start:cue_end], prev_w[-1] if prev_w else "", nxt_w[0] if nxt_w else "",
                            sentence_initial=not prev_w):
                return False
        return True

    def _negated_verb(self, text: str, words: Words, sentence: tuple[int, int],
                      negations: list[tuple[int, int, Cue]]) -> bool:
        """Whether a denying verb that reaches the label is itself in a negation's scope ("did not deny that")."""
        for v_start, _, v in negations:
            if "complement" not in v.scopes:
                continue
            lo = _words_before(words, v_start, MAX_CLAUSE_WORDS + CUE_WINDOW_MARGIN, sentence[0])
            for cue in self._cues.finditer(text, lo, v_start):
                c = cue.value
                if c.polarity == "negated" and self._valid(text, words, cue.start, cue.end, c) \
                        and reaches(text, words, cue.end, v_start, "clause"):
                    return True
        return False

    def polarity(self, doc: Doc, si: int, start: int, end: int, words: Words) -> str:
        """``negated``, ``questioned``, ``hypothetical`` or ``affirmed`` for the label at ``start``-``end``."""
        text = doc.text
        s, e = doc.sentences[si]
        scoped: set[str] = set()
        negations: list[tuple[int, int, Cue]] = []
        lo = _words_before(words, start, MAX_CLAUSE_WORDS + CUE_WINDOW_MARGIN, s)
        for cue in self._cues.finditer(text, lo, start):
            c = cue.value
            if not self._valid(text, words, cue.start, cue.end, c) or _about_degree(text, words, cue.end, start):
                continue
            if not any(reaches(text, words, cue.end, start, sc) for sc in c.scopes - {"subject", "indefinite_subject"}):
                continue
            if _presupposed(text, words, (cue.start, cue.end), start):
                continue  # "could develop the quasi-alliance", "do not want to lose their partnership"
            scoped.add(c.polarity)
            if c.polarity == "negated":
                negations.append((cue.start, cue.end, c))
        if self._negated_verb(text, words, (s, e), negations):
            scoped = (scoped - {"negated"}) | {"hypothetical"}  # "have not ruled out an alliance": still possible
        for cue in self._cues.finditer(text, end, _words_after(words, end, MAX_SUBJECT_GAP + CUE_WINDOW_MARGIN, e)):
            c = cue.value
            if not c.scopes & {"subject", "indefinite_subject"} or not self._valid(text, words, cue.start, cue.end, c):
                continue
            if "subject" in c.scopes and _subject_reaches(text, words, end, cue.start):
                scoped.add(c.polarity)
            elif "indefinite_subject" in c.scopes and _subject_reaches(text, words, end, cue.start, copula=False) \
                    and _opens_clause_indefinite(text, words, start):
                scoped.add(c.polarity)  # "A Russia-China alliance would reshape the world"
        if "negated" in scoped:
            return "negated"
        if "questioned" in scoped or asks_yes_no(text, words, (s, e), start):
            return "questioned"
        if "hypothetical" in scoped:
            return "hypothetical"
        return "affirmed"
