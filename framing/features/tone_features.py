"""What a sentence says about a mention: the mention's roles and its target-aware features.

The tone toward an actor (:mod:`framing.features.tone`) is read from the
valences of the sentence's words (:mod:`framing.features.valence`, one VADER
pass per sentence), placed relative to the mention:

* **clause and distance** -- words of the mention's own clause (the one
  clause splitter, :mod:`framing.features.clauses`) and words near it, to
  its left (what is done to it: "critics *condemned* Boehner") and right
  (what it does or is: "Boehner *praised*...", "Boehner *is corrupt*");
* **possessor** -- "Clinton's *favourable* rating", "his *poor* showing":
  the possessed noun phrase is about the possessor;
* **topic, not actor** -- a mention inside a topic compound ("the Ukraine
  *crisis*", "the *war* in Syria") names where something happens; the topic
  word's valence is not about the actor and is left out entirely (the topic
  nouns are ``lexicons/tone_topics.tsv``);
* **speaker** -- a mention that is the source of reported speech ("X said",
  "according to X", "..., X said") is not what the speech evaluates; its
  words go to separate speaker features;
* **words** -- the lower-case words of five-word windows either side of
  the mention, and the sentence's words that VADER's lexicon knows (so the
  learned weights re-weigh evaluative words for news rather than learn the
  topics of the training news); names and capitalised words never count.

Example:
    >>> f = mention_features("The crisis in Ukraine deepened.", 14, 21)
    >>> f.get("s_neg", 0.0), f["topic"]
    (0.0, 1.0)
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from framing.features.clauses import clause_bounds
from framing.features.valence import Valences, analyzer, sentence_valences, squash
from framing.lexicons import load_lexicon

#: Words either side of the mention whose identity is a feature.
WINDOW = 5
#: Decay lengths (in words) of the left/right valence features.
DECAYS = (2, 6)
#: Prepositions right before the mention that are features ("against X", "by X").
PREPOSITIONS = ("against", "by", "for", "with", "to", "of", "on", "from", "about", "at", "in", "over", "under",
                "toward", "towards", "between", "among")
#: Words that may stand between a topic noun and the mention ("the war *in the* east of Ukraine").
_TOPIC_LINKS = frozenset({"in", "of", "over", "on", "at", "near", "around", "across", "inside", "within", "between"})
_TOPIC_FILLERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "eastern", "western", "northern",
                            "southern", "central"})
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its",
                       "we", "us", "our", "i", "me", "my", "you", "your"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_REPORTING_KINDS = frozenset({"speech", "writing", "belief"})
_SPEECH_AUXILIARIES = frozenset({"has", "have", "had", "also", "again", "then", "later", "once", "first", "since",
                                 "long", "too"})
_WORD_RE = re.compile(r"[a-z][a-z'’\-]*\Z")


@lru_cache(maxsize=1)
def reporting_words() -> frozenset[str]:
    """Speech, writing and belief verbs of ``lexicons/reporting_verbs.tsv`` that end a speaker's name.

    Past forms ("said", "wrote", "believed"), and present forms ("says")
    only where the lexicon lists the base form, i.e. where the base is
    rarely a noun ("says" but not "claims", "comments", "remarks").

    Example:
        >>> "said" in reporting_words(), "says" in reporting_words(), "comments" in reporting_words()
        (True, True, False)
    """
    rows = [r for r in load_lexicon("reporting_verbs").rows
            if r.get("kind") in _REPORTING_KINDS and " " not in r["term"]]
    bases = {r["lemma"] for r in rows if r.get("tense") == "base"}
    return frozenset(r["term"].lower() for r in rows
                     if r.get("tense") == "past" or (r.get("tense") == "s" and r["lemma"] in bases))


@lru_cache(maxsize=1)
def topic_nouns() -> frozenset[str]:
    """Nouns of events and situations that a place or actor name merely locates (``lexicons/tone_topics.tsv``).

    Example:
        >>> "crisis" in topic_nouns()
        True
    """
    return frozenset(r["term"].lower() for r in load_lexicon("tone_topics").rows)


@dataclass(frozen=True)
class Mention:
    """A mention in its sentence, as token indices into the sentence's :class:`Valences`.

    Attributes:
        sentence: The sentence text.
        valences: Its VADER pass.
        first: Index of the first token of the mention.
        last: Index of the last token of the mention.
        clause: ``(first, last)`` token indices of the mention's clause.
        topic: Tokens of a topic compound around the mention (left out of every feature).
        speaker: Whether the mention is the source of reported speech.
        possessive: Whether the mention is a possessor ("Clinton's", "his").
        in_quote: Whether the mention stands inside quotation marks.
    """

    sentence: str
    valences: Valences
    first: int
    last: int
    clause: tuple[int, int]
    topic: frozenset[int]
    speaker: bool
    possessive: bool
    in_quote: bool


class _SentenceWords:
    """What every mention of one sentence reads the same way: token bounds and which tokens are words.

    Example:
        >>> v = sentence_valences("Critics condemned Boehner.")
        >>> w = _sentence_words(v)
        >>> w.lexical, w.is_word(2)
        ((1,), False)
    """

    def __init__(self, v: Valences) -> None:
        self.valences = v
        self.starts = [s for s, _ in v.tokens]
        self.ends = [e for _, e in v.tokens]
        self._words: dict[int, bool] = {}
        lexicon = analyzer().lexicon
        #: Tokens that VADER's lexicon knows and that are lower-case words as written (``w:S`` features).
        self.lexical = tuple(i for i, w in enumerate(v.words) if w in lexicon and self.is_word(i))

    def is_word(self, i: int) -> bool:
        """:func:`_is_word` of token ``i``, computed once."""
        known = self._words.get(i)
        if known is None:
            known = self._words[i] = _is_word(self.valences.text, self.valences, i)
        return known

    def overlapping(self, start: int, end: int) -> tuple[int, int]:
        """First and last index of the tokens overlapping ``[start, end)``; first > last: none."""
        return bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end) - 1


_LAST_SENTENCE: list[_SentenceWords] = []


def _sentence_words(v: Valences) -> _SentenceWords:
    """The :class:`_SentenceWords` of a sentence's valences (kept for the last sentence: its mentions come together)."""
    if _LAST_SENTENCE and _LAST_SENTENCE[0].valences is v:
        return _LAST_SENTENCE[0]
    words = _SentenceWords(v)
    _LAST_SENTENCE[:] = [words]
    return words


def locate(sentence: str, start: int, end: int) -> Mention | None:
    """The mention ``sentence[start:end]`` with its roles, or None when it covers no word.

    Example:
        >>> m = locate("Critics said Boehner's plan was a disaster.", 13, 20)
        >>> m.possessive, m.speaker
        (True, False)
    """
    v = sentence_valences(sentence)
    words = _sentence_words(v)
    first, last = words.overlapping(start, end)
    if first > last or not sentence[start:end].strip():
        return None
    tail = sentence[end:end + 2]
    mention = sentence[start:end].lower()
    possessive = tail in ("'s", "’s") or (tail[:1] in ("'", "’") and mention.endswith("s")) or (
        mention in _POSSESSIVE_PRONOUNS)
    cstart, cend = next(((s, e) for s, e in clause_bounds(sentence) if s <= start < e), (0, len(sentence)))
    c_first, c_last = words.overlapping(cstart, cend)
    clause = (c_first, c_last) if c_first <= c_last else (first, last)
    return Mention(
        sentence=sentence,
        valences=v,
        first=first,
        last=last,
        clause=clause,
        topic=frozenset(_topic_tokens(sentence, v, first, last, end, possessive)),
        speaker=_is_speaker(v, first, last, sentence, start),
        possessive=possessive,
        in_quote=_in_quote(sentence[:start]),
    )


def _topic_tokens(sentence: str, v: Valences, first: int, last: int, end: int, possessive: bool) -> list[int]:
    """Tokens of a topic compound: "the Ukraine crisis", "the crisis in (the east of) Ukraine"."""
    words, topics, out = v.words, topic_nouns(), []
    nxt = last + 1
    if not possessive and nxt < len(words) and words[nxt] in topics and sentence[end:end + 1].isspace():
        out.append(nxt)  # "(the) Ukraine crisis"
    j = first - 1
    while j >= 0 and (words[j] in _TOPIC_FILLERS or words[j] in _TOPIC_LINKS) and first - j <= 3:
        j -= 1
    if 0 <= j < first - 1 and words[j] in topics and words[j + 1] in _TOPIC_LINKS:
        out.append(j)  # "the crisis in Ukraine"
    return out


def _is_speaker(v: Valences, first: int, last: int, sentence: str, start: int) -> bool:
    """Source of reported speech: "X said", "X and Y have also said", "according to X", "..., said X"."""
    verbs, words, n = reporting_words(), v.words, len(v.words)
    j = last + 1
    if j < n and words[j] in ("and", "or"):  # a conjoined name: "The United States and NATO have said"
        k = j + 1
        while k < n and k - j <= 4 and sentence[v.tokens[k][0]:v.tokens[k][0] + 1].isupper():
            k += 1
        if k > j + 1:
            j = k
    for _ in range(2):  # "has said", "also said", "had repeatedly said"
        if j < n and (words[j] in _SPEECH_AUXILIARIES or words[j].endswith("ly")):
            j += 1
    if j < n and words[j] in verbs:
        return True
    if first >= 2 and words[first - 1] == "to" and words[first - 2] == "according":
        return True
    before = sentence[:start].rstrip()
    return first >= 1 and words[first - 1] in verbs and before[-len(words[first - 1]) - 2:][:1] in {",", "”", '"'}


def _in_quote(before: str) -> bool:
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _sums(values: tuple[float, ...], idx: list[int] | range, alpha: float = 15.0) -> tuple[float, float]:
    pos = sum(values[i] for i in idx if values[i] > 0)
    neg = -sum(values[i] for i in idx if values[i] < 0)
    return squash(pos, alpha), squash(neg, alpha)


def features(m: Mention) -> dict[str, float]:
    """Target-aware features of a located mention (zeros are left out).

    Dense features: valence sums (positive and negative apart, squashed) of
    the sentence, the mention, its clause, the other clauses, the possessed
    phrase and decaying left/right windows; role flags; counts. Word
    features, lower-case words only: ``w:L:<word>`` and ``w:R:<word>``
    (windows of :data:`WINDOW` words), ``w:S:<word>`` (VADER lexicon words
    anywhere in the sentence).

    Example:
        >>> f = features(locate("Critics condemned Boehner.", 18, 25))
        >>> f["L2_neg"] > 0, "R2_neg" in f, f["w:L:condemned"]
        (True, False, 1.0)
    """
    v = m.valences
    vals, words, n = v.values, v.words, len(v.words)
    skip = set(range(m.first, m.last + 1)) | m.topic
    valenced = [i for i in v.scored if i not in skip]  # the few scored words
    c0, c1 = m.clause
    f: dict[str, float] = {}
    groups: dict[str, list[int] | range] = {
        "m": range(m.first, m.last + 1),
        "s": valenced,
        "c": [i for i in valenced if c0 <= i <= c1],
        "o": [i for i in valenced if not c0 <= i <= c1],
    }
    for name, idx in groups.items():
        f[f"{name}_pos"], f[f"{name}_neg"] = _sums(vals, idx)
    for tau in DECAYS:
        for side, dist in (("L", lambda i: m.first - 1 - i), ("R", lambda i: i - m.last - 1)):
            p = q = 0.0
            for i in valenced:
                d = dist(i)
                if d < 0:
                    continue
                w = math.exp(-d / tau)
                p += w * max(vals[i], 0.0)
                q -= w * min(vals[i], 0.0)
            f[f"{side}{tau}_pos"], f[f"{side}{tau}_neg"] = squash(p, 4.0), squash(q, 4.0)
    if m.possessive:
        f["poss"] = 1.0
        own = range(m.last + (0 if m.sentence[m.valences.tokens[m.last][1] - 2:][:1] in "'’" else 1),
                    min(n, m.last + 4))
        f["poss_pos"], f["poss_neg"] = _sums(vals, [i for i in own if i not in skip], 4.0)
    first_in_clause = m.first - c0 <= 1
    f["first"] = float(first_in_clause)
    f["first_c"] = float(first_in_clause) * (f["c_pos"] - f["c_neg"])
    if m.speaker:
        f["spk_pos"], f["spk_neg"] = f["s_pos"], f["s_neg"]
    f["speaker"] = float(m.speaker)
    f["topic"] = float(bool(m.topic))
    f["pron"] = float(m.sentence[v.tokens[m.first][0]:v.tokens[m.last][1]].strip("\"'“”‘’.,;:!?()").lower()
                      in _PRONOUNS)
    if m.first >= 1 and words[m.first - 1] in PREPOSITIONS:
        f[f"prep_{words[m.first - 1]}"] = 1.0
    f["in_quote"] = float(m.in_quote)
    f["negators"] = math.log1p(v.negators)
    f["words"] = math.log1p(n)
    lexicon = analyzer().lexicon
    known = _sentence_words(v)
    window = range(max(0, m.first - WINDOW), min(n, m.last + WINDOW + 1))
    # The sentence's lexicon words and the window's tokens, in order: the only tokens that can give a word feature.
    for i in sorted({*known.lexical, *window}):
        if i in skip or not known.is_word(i):
            continue
        if words[i] in lexicon:
            f[f"w:S:{words[i]}"] = 1.0
        if m.first - WINDOW <= i < m.first:
            f[f"w:L:{words[i]}"] = 1.0
        elif m.last < i <= m.last + WINDOW:
            f[f"w:R:{words[i]}"] = 1.0
    return {k: x for k, x in f.items() if x}


def _is_word(sentence: str, v: Valences, i: int) -> bool:
    """A lower-case word as written (no names, numbers or capitalised words)."""
    s, e = v.tokens[i]
    raw = sentence[s:e].strip("\"'“”‘’.,;:!?()[]{}—–-…*")
    return bool(raw) and raw[0].islower() and bool(_WORD_RE.match(v.words[i]))


def mention_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """:func:`features` of ``sentence[start:end]`` (empty when the mention covers no word).

    Example:
        >>> mention_features("Hi", 5, 9)
        {}
    """
    m = locate(sentence, start, end)
    return {} if m is None else features(m)
