"""Relationship labels: words that name the *type* of a relationship ("alliance", "marriage of convenience").

Each hit is a ``relationship_label`` span with:

* ``label`` - the canonical lexicon term, ``category`` - its lexicon category;
* ``polarity`` - ``negated`` when a negation cue (``negation_cues.tsv``) scopes
  over the label, ``questioned`` when the label is in a question the outlet
  asks (or after "whether"), ``hypothetical`` when a modal, conditional or
  need/plan/attempt cue (``hypothetical_cues.tsv``) scopes over it and the
  label is not presupposed by a definite noun phrase, else ``affirmed``.
  A cue scopes over a label when it comes first in the same clause (see the
  ``scope`` column of the cue files). The seed guideline's
  ``reported_rejection`` is not emitted: a speaker rejecting what the label
  names is ``negated`` (with voice telling who rejects it);
* ``target`` - the story's dyad id (``china-russia`` in the sample story)
  when the label describes the dyad's relationship, else the id of the other
  relationship (``us-allies``, ``nato``, ``western-alliance``,
  ``russia-generic``, ``generic``...);
* ``voice``/``speaker`` from :meth:`framing.document.Doc.span`.

The label lexicon, the dyad and its members and the parties that place a label
(the ``party`` and ``label_target`` columns of the actors table) come from the
story (:class:`framing.story.Story`); the cue lists are data files.
:func:`make_label_extractor` builds an extractor from a user's own files.

Example:
    >>> from framing.attribution import prepare_doc
    >>> from framing.model import Article
    >>> t = "Beijing and Moscow are by no means a marriage of convenience. NATO allies disagree."
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(s.label, s.polarity, s.target) for s in extract(doc)]
    [('marriage of convenience', 'negated', 'china-russia'), ('ally', 'affirmed', 'nato')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.segmentation import tokenize
from framing.document import Doc
from framing.errors import FramingError
from framing.features._context import context_ok, is_month_may
from framing.features.clauses import clause_around
from framing.lexicons import Lexicon, load_lexicon
from framing.matching import CasedMatcher, Match, PhraseMatcher
from framing.measures import OWN_VOICES, SOURCE_VOICES, Measure
from framing.model import POLARITIES, Span
from framing.story import DYAD_PARTY, ActorTerm, Story, default_story

if TYPE_CHECKING:
    import pandas as pd

FEATURE = "relationship_label"

#: Category of lexicon rows that name things which are not labels ("picture alliance").
EXCLUDE = "exclude"

_MAX_CLAUSE_WORDS = 15
_MAX_NP_WORDS = 3
_LEFT_WINDOW_WORDS = 5

_HARD_BOUNDARY_RE = re.compile(r"[;:—–()\[\]”?!]")
_WINDOW_STOP_RE = re.compile(r"[,;:—–()\[\]”?!]")
#: Conjunctions and relative words across which a negation or modal cue does not reach a label.
_SCOPE_STOP_WORDS = frozenset("but though although while whereas yet however because which who whom when where if "
                              "unless whether".split())
#: The one reporting-verb list; forms marked ``ends_clause`` end a label's clause (and a cue's scope).
REPORTING_VERBS = "reporting_verbs"
_NP_STOP_WORDS = frozenset(
    "of to in with from for by on at than as and or but yet rather instead that which who".split()
)
_CONTINUE_AFTER_COMMA = frozenset("including such notably especially particularly like".split())
_SUBJECT_WORDS = frozenset(
    "the a an this that these those there it they we he she i you its their his her our my".split()
)
_DEFINITE = frozenset("the this that these those its their his her our your my".split())
_INDEFINITE = frozenset("a an any some no another such one".split())
_POSSESSIVE_PRONOUNS = frozenset("its his her".split())
_RIGHT_LINKS = frozenset("with of between among".split())
_PLURAL_TAIL_RE = re.compile(r"(?:s|es|ies)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Term:
    term: str
    category: str
    context: str


@dataclass(frozen=True)
class _Cue:
    term: str
    polarity: str
    scope: str
    context: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actors: frozenset[str]
    target: str


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


class LabelExtractor:
    """Finds relationship labels with polarity and target; call it on a :class:`Doc`.

    Args:
        lexicon: Label lexicon (columns ``term``, ``category``, optional ``variants``, ``context``).
        story: The dyad, its two members and the parties that place a label.
        negation_cues: Negation cue table (``term``, ``polarity``, ``scope``, optional ``context``).
        hypothetical_cues: Modal/conditional/question cue table, same columns.

    Example:
        >>> ex = make_label_extractor()
        >>> ex.dyad_id, ex.members
        ('china-russia', ('china', 'russia'))
    """

    def __init__(self, *, lexicon: Lexicon, story: Story, negation_cues: Lexicon, hypothetical_cues: Lexicon):
        self.lexicon = lexicon
        self.dyad_id = story.dyad
        self.members = tuple(story.members)
        if not self.dyad_id or len(self.members) != 2:
            raise FramingError(f"story {story.name!r}: a dyad id and two members are needed, got "
                               f"{self.dyad_id!r} and {list(self.members)!r}")
        terms: list[tuple[str, _Term]] = []
        for row in lexicon.rows:
            t = _Term(row["term"], row.get("category", "other") or "other", row.get("context", ""))
            terms += [(v, t) for v in [row["term"], *_split(row.get("variants", ""))]]
        self._labels = PhraseMatcher(terms, plurals=True)
        cues: list[tuple[str, _Cue]] = []
        for table in (negation_cues, hypothetical_cues):
            for row in table.rows:
                cue = _Cue(row["term"], row["polarity"], row.get("scope", "clause"), row.get("context", ""))
                cues.append((row["term"], cue))
        self._cues = PhraseMatcher(cues)
        self._actors: CasedMatcher[ActorTerm] = story.party_matcher()

    # ----------------------------------------------------------------- actors
    def _mentions(self, text: str, start: int, end: int) -> list[_Mention]:
        hits = self._actors.finditer(text, start, end)
        return [_Mention(m.start, m.end, frozenset(m.value.parties), m.value.label_target or "|".join(m.value.parties))
                for m in hits]

    def _is_member(self, m: _Mention) -> bool:
        return bool(m.actors & set(self.members)) or DYAD_PARTY in m.actors

    def _dyad_evidence(self, mentions: list[_Mention]) -> bool:
        actors: set[str] = set()
        for m in mentions:
            actors |= m.actors
        return DYAD_PARTY in actors or set(self.members) <= actors

    def _one_member(self, mentions: list[_Mention]) -> str:
        for m in mentions:
            for a in sorted(m.actors):
                if a in self.members:
                    return a
        return ""

    # ----------------------------------------------------------------- target
    def _other(self, m: _Mention, label: Match[_Term]) -> str:
        """Target id for a label another actor modifies: the table's id for alliances, else the actor."""
        return m.target if label.value.category == "alliance" else sorted(m.actors)[0]

    def _target_id(self, doc: Doc, si: int, label: Match[_Term], words: list[tuple[int, int]]) -> str:
        text = doc.text
        s, e = doc.sentences[si]
        mentions = self._mentions(text, s, e)
        cs, ce = _clause(text, words, (s, e), label)
        clause = [m for m in mentions if cs <= m.start < ce]
        others_in_clause = [m for m in clause if not self._is_member(m)]
        # 1. Actors modifying the label from the left ("NATO allies", "US and its allies", "Sino-Russian").
        i = bisect.bisect_left([w[0] for w in words], label.start)
        lo = words[max(0, i - _LEFT_WINDOW_WORDS)][0] if i > 0 else label.start
        stop = list(_WINDOW_STOP_RE.finditer(text, lo, label.start))
        if stop:
            lo = stop[-1].end()
        for w in words[max(0, i - _LEFT_WINDOW_WORDS) : i]:
            if text[w[0] : w[1]].lower() in _boundary_words() | {"that"}:
                lo = max(lo, w[1])
        window = [m for m in mentions if lo <= m.start and m.end <= label.start]
        if window:
            nearest = window[-1]
            if not self._is_member(nearest):
                return self._other(nearest, label)
            if self._dyad_evidence(window):
                return self.dyad_id
            between = _words_between(words, nearest.end, label.start)
            if _possessive(text, nearest.end) or len(between) <= 1:
                # "China's allies", "Russian partners": one member's own relationships.
                if self._dyad_evidence(clause):
                    return self.dyad_id
                return f"{self._one_member(window)}-generic"
        # 2. A possessive pronoun ("its alliances") refers to the nearest actor named before it.
        prev = _previous_words(text, words, label.start, 3)
        if prev and prev[-1] in _POSSESSIVE_PRONOUNS:
            before = [m for m in mentions if m.end <= label.start]
            if before and not self._is_member(before[-1]):
                return self._other(before[-1], label)
        if prev and prev[-1] == "their" and self._dyad_evidence(self._context(doc, si)):
            return self.dyad_id
        # 3. Actors after the label ("partnership with Iran").
        j = bisect.bisect_left([w[0] for w in words], label.end)
        if j < len(words) and text[words[j][0] : words[j][1]].lower() in _RIGHT_LINKS:
            hi = words[min(len(words) - 1, j + 4)][1]
            stop_r = _WINDOW_STOP_RE.search(text, label.end, hi)
            hi = stop_r.start() if stop_r else hi
            right = [m for m in mentions if label.end <= m.start and m.end <= hi]
            if right and not any(self._is_member(m) for m in right):
                member = self._one_member(clause)
                actor = sorted(right[0].actors)[0]
                return f"{member}-{actor}" if member else self._other(right[0], label)
        # 4. A bare plural ("expanding military blocs") is generic unless its clause names the dyad.
        if _is_plural(label) and not _has_determiner(text, words, label.start) and not self._dyad_evidence(clause):
            member = self._one_member(clause)
            if member:
                return f"{member}-generic"
            if others_in_clause:
                return self._other(others_in_clause[0], label)
            if not any(self._is_member(m) for m in mentions):
                return "generic"
        # 5-7. The dyad named in the clause or sentence; or one member here and the dyad just before.
        if self._dyad_evidence(clause) or self._dyad_evidence(mentions):
            return self.dyad_id
        before = self._context(doc, si - 1) if si > 0 else []
        member = self._one_member(clause) or self._one_member(mentions)
        if self._dyad_evidence(before) and (member or not mentions):
            return self.dyad_id
        if others_in_clause:
            return self._other(others_in_clause[0], label)
        if member:
            return f"{member}-generic"
        others = [m for m in mentions if not self._is_member(m)]
        return self._other(others[0], label) if others else "generic"

    def _context(self, doc: Doc, si: int) -> list[_Mention]:
        """Actor mentions of sentence ``si`` and the one before it."""
        out: list[_Mention] = []
        for k in (si - 1, si):
            if k >= 0:
                out += self._mentions(doc.text, *doc.sentences[k])
        return out

    # --------------------------------------------------------------- polarity
    def _polarity(self, doc: Doc, si: int, label: Match[_Term], words: list[tuple[int, int]]) -> str:
        text = doc.text
        s, e = doc.sentences[si]
        scoped: set[str] = set()
        for cue in self._cues.finditer(text, s, label.start):
            c = cue.value
            if c.polarity == "none":
                continue
            if not _context_ok_at(text, words, c.context, cue.start, cue.end):
                continue
            if c.term == "may":
                prev_w = _previous_words(text, words, cue.start, 1)
                nxt_w = [text[a:b] for a, b in words if a >= cue.end][:1]
                if is_month_may(cue.text, prev_w[-1] if prev_w else "", nxt_w[0] if nxt_w else "",
                                sentence_initial=not prev_w):
                    continue
            if _reaches(text, words, cue.end, label.start, c.scope):
                scoped.add(c.polarity)
        if "negated" in scoped:
            return "negated"
        voice, _ = doc.voice.of_span(label.start, label.end)
        if "questioned" in scoped or (_is_question(text, s, e) and voice != "direct_quote"):
            return "questioned"
        if "hypothetical" in scoped and not _has_determiner(text, words, label.start, definite_only=True):
            return "hypothetical"
        return "affirmed"

    # ------------------------------------------------------------------- call
    def __call__(self, doc: Doc) -> list[Span]:
        """Relationship-label spans of ``doc``."""
        text = doc.text
        spans: list[Span] = []
        for si, (s, e) in enumerate(doc.sentences):
            words = tokenize(text, s, e)
            for m in self._labels.finditer(text, s, e):
                if m.value.category == EXCLUDE:
                    continue
                if not _context_ok_at(text, words, m.value.context, m.start, m.end):
                    continue
                if "needs_actor" in m.value.context and not self._mentions(text, s, e):
                    continue  # "friends visiting from Moravia": people, not states
                spans.append(doc.span(FEATURE, m.start, m.end, label=m.value.term, category=m.value.category,
                                      polarity=self._polarity(doc, si, m, words),
                                      target=self._target_id(doc, si, m, words)))
        return spans


# --------------------------------------------------------------------- helpers
def _previous_words(text: str, words: list[tuple[int, int]], offset: int, n: int) -> list[str]:
    """The ``n`` lower-cased word tokens ending before ``offset`` (nearest last)."""
    i = bisect.bisect_right([w[1] for w in words], offset)
    return [text[a:b].lower().replace("’", "'") for a, b in words[max(0, i - n) : i]]


def _context_ok_at(text: str, words: list[tuple[int, int]], rules: str, start: int, end: int) -> bool:
    prev = _previous_words(text, words, start, 1)
    nxt = [text[a:b] for a, b in words if a >= end][:1]
    return context_ok(rules, previous=prev[-1] if prev else "", following=nxt[0] if nxt else "")


def _words_between(words: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [w for w in words if start <= w[0] and w[1] <= end]


def _reaches(text: str, words: list[tuple[int, int]], start: int, end: int, scope: str) -> bool:
    """Whether a cue ending at ``start`` scopes over a label starting at ``end``.

    Example:
        >>> t = "They have not, for now, become an alliance"
        >>> _reaches(t, tokenize(t), 13, t.index("alliance"), "clause")
        True
    """
    gap = _words_between(words, start, end)
    lowered = [text[a:b].lower() for a, b in gap]
    if scope == "np":
        return (
            len(gap) <= _MAX_NP_WORDS
            and not re.search(r"[^\w\s\-‐‑'’“\"‘]", text[start:end])
            and not any(w in _NP_STOP_WORDS for w in lowered)
        )
    if len(gap) > _MAX_CLAUSE_WORDS or _HARD_BOUNDARY_RE.search(text, start, end):
        return False
    stop_words = _boundary_words() if scope == "complement" else _boundary_words() | {"that"}
    if any(w in stop_words for w in lowered):
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


def _has_determiner(text: str, words: list[tuple[int, int]], offset: int, *, definite_only: bool = False) -> bool:
    """Whether the noun phrase ending at ``offset`` has a determiner or possessive.

    With ``definite_only`` only definite ones count (the, its, China's): such a
    label is presupposed.
    """
    prev = _previous_words(text, words, offset, _MAX_NP_WORDS + 1)
    pos = offset
    idx = len(prev)
    for w in reversed(prev):
        idx -= 1
        a = [x for x in words if x[1] <= pos][-1]
        if re.search(r"[,;:—–()]", text[a[1] : pos]):
            return False
        pos = a[0]
        if w in _DEFINITE or w.endswith("'s") or w.endswith("s'"):
            return True
        if w in _INDEFINITE:
            return not definite_only
        if w in _NP_STOP_WORDS or w in _boundary_words():
            return False
    return False


def _possessive(text: str, offset: int) -> bool:
    return text[offset : offset + 2] in ("'s", "’s") or text[offset - 1 : offset + 1] in ("s'", "s’")


def _is_plural(label: Match[_Term]) -> bool:
    text, term = label.text.lower(), label.value.term.lower()
    return text != term and bool(_PLURAL_TAIL_RE.search(text))


def _is_question(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip(" ”\"’')").endswith("?")


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    """Reporting-verb forms that end a label's clause (``ends_clause`` column of the reporting-verb list)."""
    return frozenset(r["term"].lower() for r in load_lexicon(REPORTING_VERBS).rows if r.get("ends_clause") == "y")


def _boundary_words() -> frozenset[str]:
    return _SCOPE_STOP_WORDS | _clause_verbs()


def _clause(text: str, words: list[tuple[int, int]], sentence: tuple[int, int], label: Match[_Term]) -> tuple[int, int]:
    """The label's clause (:func:`~framing.features.clauses.clause_around`) cut at reporting verbs ("X said ...")."""
    cs, ce = clause_around(text, label.start, label.end, sentence=sentence)
    verbs = _clause_verbs()
    for a, b in words:
        if cs <= a and b <= label.start and text[a:b].lower() in verbs:
            cs = b
        elif a >= label.end and b <= ce and text[a:b].lower() in verbs:
            return cs, a
    return cs, ce


def make_label_extractor(
    *,
    story: Story | None = None,
    negation_cues: str | Path = "negation_cues",
    hypothetical_cues: str | Path = "hypothetical_cues",
) -> LabelExtractor:
    """Build a label extractor for a story (default: the sample story) and cue lists (names or TSV paths).

    The label lexicon is the story's ``labels``.

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> ex = make_label_extractor()
        >>> t = "Is it a friendship?"
        >>> [s.polarity for s in ex(prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))]
        ['questioned']
    """
    story = story or default_story()
    return LabelExtractor(
        lexicon=load_lexicon(story.labels),
        story=story,
        negation_cues=load_lexicon(negation_cues),
        hypothetical_cues=load_lexicon(hypothetical_cues),
    )


@lru_cache(maxsize=8)
def _extractor(story: Story) -> LabelExtractor:
    return make_label_extractor(story=story)


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """Relationship-label spans of ``doc`` for a story (default: the sample story).

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> t = "The Western Alliance imposed sanctions, especially on banks."
        >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
        >>> [(s.label, s.target) for s in extract(doc)]
        [('alliance', 'western-alliance')]
    """
    return _extractor(story or default_story())(doc)


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """Labels per 1,000 words: all, each category, each polarity, own voice and sources' words.

    Args:
        spans: A span table (the categories and polarities it has), or None (every category
            of the story's label lexicon and every polarity).
        articles: Not used.
        story: The story whose label lexicon lists the categories (None: the default story).

    Example:
        >>> [m.key for m in measures()][:3]
        ['label_per_1000_words', 'label_alliance_per_1000_words', 'label_convenience_per_1000_words']
    """
    if spans is None:
        rows = load_lexicon((story or default_story()).labels).rows
        categories = sorted({r.get("category", "") or "other" for r in rows} - {EXCLUDE})
        polarities: list[str] = list(POLARITIES)
    else:
        mine = spans.loc[spans["feature"] == FEATURE]
        if mine.empty:
            return []
        categories = sorted({str(v) for v in mine["category"] if str(v)})
        polarities = sorted({str(v) for v in mine["polarity"] if str(v)})
    g, f, unit = "Relationship labels", (FEATURE,), "per 1,000 words"
    out = [Measure("label_per_1000_words", g, "all relationship labels", unit, "rate", f)]
    out += [Measure(f"label_{c}_per_1000_words", g, f"label: {c.replace('_', ' ')}", unit, "rate", f,
                    (("category", (c,)),)) for c in categories]
    ordered = ["affirmed", "negated", *[p for p in sorted(polarities) if p not in ("affirmed", "negated")]]
    out += [Measure(f"label_{p}_per_1000_words", g, f"labels {p}", unit, "rate", f, (("polarity", (p,)),))
            for p in ordered]
    out.append(Measure("label_own_per_1000_words", g, "labels in the outlet's own voice", unit, "rate", f,
                       (("voice", OWN_VOICES),)))
    out.append(Measure("label_sources_per_1000_words", g, "labels in sources' words", unit, "rate", f,
                       (("voice", SOURCE_VOICES),)))
    return out
