"""Word valences: VADER's score for each word of a sentence, looked up once.

Both the sentence scorers (:mod:`framing.features.sentiment`) and the tone
toward a mention (:mod:`framing.features.tone`) read the same per-word
valences: one VADER pass over a sentence (cached by its text) gives the
compound score and the valence of every whitespace token, after VADER's own
rules (negation within three words, boosters, capitals, "but").
:func:`vader_pass` is VADER 3.3.2's ``polarity_scores`` computed once per
token (each word lower-cased once, the rules run only at lexicon words):
the same numbers, about three times faster. It re-implements the rules of
vaderSentiment 3.3.2 (C.J. Hutto, MIT licence; Hutto & Gilbert 2014) over the
lexicon and constants the installed package ships; a test compares the two on
real text.

Before VADER sees a sentence, words that carry no sentiment in news are
masked (:func:`mask_news_neutral`): the fixed phrases of
``lexicons/sentiment_neutral.tsv`` ("health care", "interest rates") and
lexicon words written with a capital inside a sentence (names: "Justice
Department", "Liberty Party"). The sentence's compound score then also
counts news-event words that VADER's lexicon lacks ("earthquake",
"wounded", "hostage": ``lexicons/news_valence.tsv``, :func:`news_valences`),
under VADER's own rules; the per-word valences stay VADER's.

Example:
    >>> v = sentence_valences("Critics condemned the deal.")
    >>> [(w, round(x, 1)) for w, x in zip(v.words, v.values) if x]
    [('critics', -1.2), ('condemned', -1.9)]
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

from framing.corpus.segmentation import tokenize
from framing.lexicons import load_lexicon
from framing.matching import PhraseMatcher

#: VADER's negation words, lower case (its ``NEGATE`` list).
NEGATORS = frozenset(w.lower() for w in NEGATE)

#: Characters stripped from a token to give its word (VADER strips all ASCII punctuation).
_STRIP = "\"'“”‘’.,;:!?()[]{}—–-…*"
_NON_SPACE_RE = re.compile(r"\S+")


def squash(x: float, alpha: float = 15.0) -> float:
    """VADER's own squashing of a valence sum into -1..1: x / sqrt(x^2 + alpha).

    Example:
        >>> round(squash(3.0), 3)
        0.612
    """
    return x / math.sqrt(x * x + alpha)


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """One VADER analyser per process (loading its lexicon takes ~50 ms): its lexicon and emoji table."""
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    """The one-character keys of VADER's emoji table (the only ones its character loop can meet)."""
    return frozenset(k for k in analyzer().emojis if len(k) == 1)


def _describe_emoji(text: str) -> str:
    """VADER's replacement of each emoji by its description (``polarity_scores``'s first loop)."""
    emojis, out, prev_space = analyzer().emojis, [], True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out)


_NEGATE_SET = frozenset(NEGATE)
_PUNCT = string.punctuation


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lower-case word."""
    return word in _NEGATE_SET or "n't" in word


def _scalar(word: str, low: str, valence: float, cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: the push of a booster or dampener before a lexicon word."""
    scalar = BOOSTER_DICT.get(low)
    if scalar is None:
        return 0.0
    if valence < 0:
        scalar *= -1
    if word.isupper() and cap_diff:
        scalar += C_INCR if valence > 0 else -C_INCR
    return float(scalar)


def _rule_valence(words: list[str], low: list[str], i: int, cap_diff: bool, lex: Mapping[str, float]) -> float:
    """VADER's ``sentiment_valence`` of the lexicon word ``i`` (its 'no', caps, booster, negation and idiom rules)."""
    n = len(words)
    item = low[i]
    valence = lex[item]
    if item == "no" and i != n - 1 and low[i + 1] in lex:
        valence = 0.0
    if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") or (
            i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
        valence = lex[item] * N_SCALAR
    if words[i].isupper() and cap_diff:
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
    for k in range(3):
        if i > k and low[i - (k + 1)] not in lex:
            s = _scalar(words[i - (k + 1)], low[i - (k + 1)], valence, cap_diff)
            if k == 1 and s != 0:
                s = s * 0.95
            if k == 2 and s != 0:
                s = s * 0.9
            valence = _negation(valence + s, low, k, i)
            if k == 2:
                valence = _idioms(valence, low, i)
    if i > 0 and low[i - 1] not in lex and low[i - 1] == "least" and (
            i == 1 or (low[i - 2] != "at" and low[i - 2] != "very")):
        valence = valence * N_SCALAR
    return valence


def _negation(valence: float, low: list[str], k: int, i: int) -> float:
    """VADER's ``_negation_check`` for the word ``k + 1`` places before the lexicon word ``i``."""
    if k == 0:
        return valence * N_SCALAR if _negated(low[i - 1]) else valence
    if k == 1:
        if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
            return valence * 1.25
        if low[i - 2] == "without" and low[i - 1] == "doubt":
            return valence
        return valence * N_SCALAR if _negated(low[i - 2]) else valence
    if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in ("so", "this"):
        return valence * 1.25
    if low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
        return valence
    return valence * N_SCALAR if _negated(low[i - 3]) else valence


def _idioms(valence: float, low: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (special phrases, then two- and three-word boosters)."""
    one_zero, two_one_zero = f"{low[i - 1]} {low[i]}", f"{low[i - 2]} {low[i - 1]} {low[i]}"
    two_one, three_two_one = f"{low[i - 2]} {low[i - 1]}", f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    three_two = f"{low[i - 3]} {low[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(low) - 1 > i and (z := f"{low[i]} {low[i + 1]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[z]
    if len(low) - 1 > i + 1 and (z := f"{low[i]} {low[i + 1]} {low[i + 2]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[z]
    for gram in (three_two_one, three_two, two_one):
        if gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[gram]
    return valence


def _but_rule(low: list[str], sentiments: list[float]) -> None:
    """VADER's ``_but_check``, in place, with its quirk: each value goes to the first equal value's place."""
    if "but" not in low:
        return
    bi = low.index("but")
    for sentiment in sentiments:
        if not sentiment:
            continue  # 0 scaled is 0 wherever it lands
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
        elif si > bi:
            sentiments[si] = sentiment * 1.5


def _vader_words(text: str) -> tuple[str, list[str], list[str]]:
    """VADER's text (emoji described, stripped), its tokens (end punctuation stripped) and their lower case."""
    if not _emoji_chars().isdisjoint(text):
        text = _describe_emoji(text)
    text = text.strip()
    words = [w if len(s := w.strip(_PUNCT)) <= 2 else s for w in text.split()]
    return text, words, list(map(str.lower, words))


def _vader_scores(text: str, words: list[str], low: list[str], lex: Mapping[str, float]) -> tuple[float, list[float]]:
    """VADER's compound score and per-token valences of prepared tokens under the lexicon ``lex``."""
    if not words:
        return 0.0, []
    n = len(words)
    caps = sum(map(str.isupper, words))
    cap_diff = 0 < n - caps < n
    sentiments = [0.0] * n
    for i in compress(range(n), map(lex.__contains__, low)):  # the few lexicon words
        w = low[i]
        if w in BOOSTER_DICT or (w == "kind" and i < n - 1 and low[i + 1] == "of"):
            continue
        sentiments[i] = _rule_valence(words, low, i, cap_diff, lex)
    _but_rule(low, sentiments)
    total = float(sum(sentiments))
    bangs, questions = min(text.count("!"), 4), text.count("?")
    emphasis = bangs * 0.292 + (0 if questions <= 1 else questions * 0.18 if questions <= 3 else 0.96)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return round(normalize(total), 4), sentiments


def vader_pass(text: str, *, news: bool = False) -> tuple[float, list[float]]:
    """VADER 3.3.2's compound score of ``text`` and the valence of each of its tokens, in one pass.

    The same numbers as ``SentimentIntensityAnalyzer.polarity_scores`` (same
    lexicon, rules and rounding), computed once per token: each word is
    lower-cased once, and VADER's rules run only at the few lexicon words.
    With ``news``, the words of ``lexicons/news_valence.tsv`` join VADER's
    lexicon (:func:`news_lexicon`).

    Example:
        >>> vader_pass("The plan is not very good, but it works.")[0]
        -0.2051
        >>> vader_pass("Quake leaves dozens wounded")[0], vader_pass("Quake leaves dozens wounded", news=True)[0]
        (0.0, -0.7783)
    """
    prepared = _vader_words(text)
    return _vader_scores(*prepared, news_lexicon() if news else analyzer().lexicon)


@lru_cache(maxsize=1)
def news_valences() -> dict[str, float]:
    """The ratings of ``lexicons/news_valence.tsv``: news-event words VADER's lexicon lacks (-4..+4).

    Example:
        >>> news_valences()["earthquake"], "wins" in news_valences()
        (-2.5, False)
    """
    lex = analyzer().lexicon
    return {r["term"]: float(r["valence"]) for r in load_lexicon("news_valence").rows if r["term"] not in lex}


@lru_cache(maxsize=1)
def news_lexicon() -> dict[str, float]:
    """VADER's lexicon with :func:`news_valences` added (VADER's own ratings win)."""
    return {**news_valences(), **analyzer().lexicon}


@lru_cache(maxsize=1)
def _neutral_matcher() -> PhraseMatcher[str]:
    lex = load_lexicon("sentiment_neutral")
    return PhraseMatcher({r["term"]: r["term"] for r in lex.rows})


@lru_cache(maxsize=1)
def _neutral_keys() -> tuple[str, ...]:
    """One word of each neutral phrase (its longest): a phrase can only match where its word occurs."""
    keys = {max(re.findall(r"[^\W\d_]+", r["term"].casefold()), key=len, default="")
            for r in load_lexicon("sentiment_neutral").rows}
    return tuple(sorted(keys))


_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up via vs with".split()
)
#: Characters after which a capitalised word starts a sentence, quote or aside (so it is not masked as a name).
_OPENERS = frozenset(".!?:;\"“‘'([—–-")


def _is_title_case(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Headline style: every word except small function words starts with a capital (and there are 3 or more)."""
    content = 0
    for s, e in tokens:
        if not text[s].isalpha() or text[s:e].lower() in _TITLE_SMALL_WORDS:
            continue
        if not text[s].isupper():
            return False
        content += 1
    return content >= 3


def mask_news_neutral(text: str, *, tokens: list[tuple[int, int]] | None = None) -> str:
    """Blank out words VADER would score but that carry no sentiment in news.

    Masks (1) phrases of ``lexicons/sentiment_neutral.tsv`` and (2) VADER
    lexicon words written with an initial capital that do not start the text
    or follow sentence punctuation or an opening quote (parts of names). Title-
    case and all-caps words are left alone. Offsets are preserved.

    Example:
        >>> mask_news_neutral("The Justice Department cited health care costs.")
        'The xxxxxxx xxxxxxxxxx cited xxxxxx xxxx costs.'
    """
    folded = text.casefold()
    spans = ([(m.start, m.end) for m in _neutral_matcher().finditer(text)]
             if any(map(folded.__contains__, _neutral_keys())) else [])
    lexicon = analyzer().lexicon
    if tokens is None:
        tokens = tokenize(text)
    names = []
    for s, e in tokens:
        if not text[s].isupper():
            continue
        word = text[s:e]
        if word.isupper() or word.lower() not in lexicon:
            continue
        j = s - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and text[j] not in _OPENERS:
            names.append((s, e))
    if names and not _is_title_case(text, tokens):
        spans += names
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i].isalnum():
                chars[i] = "x"
    return "".join(chars)


@dataclass(frozen=True)
class Valences:
    """One VADER pass over a sentence.

    Attributes:
        text: The sentence.
        compound: VADER's compound score of the (masked) sentence, in [-1, 1]; with the
            news mask, news-event words (:func:`news_valences`) count too.
        values: VADER's valence of each whitespace token after its rules (0 for most words);
            VADER's own lexicon only (what the tone toward actors was trained on).
        negators: Number of negation words (VADER's list, or ending in n't).
        pos_sum: Sum of the positive valences behind ``compound`` (emoji included).
        neg_sum: Sum of the absolute negative valences behind ``compound`` (emoji included).
    """

    text: str
    compound: float
    values: tuple[float, ...]
    negators: int
    pos_sum: float = 0.0
    neg_sum: float = 0.0

    @cached_property
    def tokens(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of each whitespace token (VADER's tokens), relative to the sentence."""
        return tuple(m.span() for m in _NON_SPACE_RE.finditer(self.text))

    @cached_property
    def scored(self) -> tuple[int, ...]:
        """Indices of the tokens with a valence (the few that are not 0)."""
        return tuple(compress(range(len(self.values)), self.values))

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Each token lower-cased without surrounding punctuation."""
        return tuple(w.strip(_STRIP).lower() for w in self.text.split())  # ``split`` gives the tokens' text


def sentence_valences(text: str, *, news_mask: bool = True) -> Valences:
    """Compound score and per-token valences of ``text`` (one VADER pass, cached by text).

    Example:
        >>> v = sentence_valences("It is not a good deal.")
        >>> v.negators, v.compound < 0, v.words[4]
        (1, True, 'good')
    """
    return _valences(text, news_mask)


_POSITIVE = (0.0).__lt__  # 0 < v
_NEGATIVE = (0.0).__gt__  # 0 > v


@lru_cache(maxsize=256)
def _valences(text: str, news_mask: bool) -> Valences:
    words_at = tokenize(text)
    scored = mask_news_neutral(text, tokens=words_at) if news_mask else text
    n = len(text.split())
    compound, values = 0.0, [0.0] * n
    first: list[float] = []
    if scored.strip():
        prepared = _vader_words(scored)
        compound, first = _vader_scores(*prepared, analyzer().lexicon)
        per_token = first
        if news_mask and not news_valences().keys().isdisjoint(prepared[2]):
            compound, first = _vader_scores(*prepared, news_lexicon())
        if len(per_token) != n:  # an emoji became words: score each token without its emoji
            emojis = analyzer().emojis
            plain = ("".join(ch for ch in tok if ch not in emojis) or "x" for tok in scored.split())
            per_token = vader_pass(" ".join(plain))[1]
        if len(per_token) == n:
            values = per_token
    return Valences(
        text=text,
        compound=compound,
        values=tuple(values),
        negators=count_negators(text, words_at),
        pos_sum=sum(filter(_POSITIVE, first)),
        neg_sum=-sum(filter(_NEGATIVE, first)),
    )


def count_negators(text: str, tokens: list[tuple[int, int]] | None = None) -> int:
    """Number of word tokens that are VADER negation words or end in n't.

    Example:
        >>> count_negators("They didn’t agree, and never will. Notably, none did.")
        3
    """
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a letter whose lower case is longer: lower each token alone
        return sum(1 for s, e in (tokenize(text) if tokens is None else tokens)
                   if (w := text[s:e].lower().replace("’", "'")) in NEGATORS or w.endswith("n't"))
    words = [low[s:e] for s, e in (tokenize(text) if tokens is None else tokens)]
    count = sum(map(NEGATORS.__contains__, words))
    if "n't" in low:
        count += sum(1 for w in words if w.endswith("n't") and w not in NEGATORS)
    return count
