"""Word valences: VADER's score for each word of a sentence, looked up once.

Both the sentence scorers (:mod:`framing.features.sentiment`) and the tone
toward a mention (:mod:`framing.features.tone`) read the same per-word
valences: one VADER pass over a sentence (cached by its text) gives the
compound score and the valence of every whitespace token, after VADER's own
rules (negation within three words, boosters, capitals, "but").

Before VADER sees a sentence, words that carry no sentiment in news are
masked (:func:`mask_news_neutral`): the fixed phrases of
``lexicons/sentiment_neutral.tsv`` ("health care", "interest rates") and
lexicon words written with a capital inside a sentence (names: "Justice
Department", "Liberty Party").

Example:
    >>> v = sentence_valences("Critics condemned the deal.")
    >>> [(w, round(x, 1)) for w, x in zip(v.words, v.values) if x]
    [('critics', -1.2), ('condemned', -1.9)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

from framing.corpus.segmentation import tokenize
from framing.lexicons import load_lexicon
from framing.matching import PhraseMatcher

#: VADER's negation words, lower case (its ``NEGATE`` list).
NEGATORS = frozenset(w.lower() for w in NEGATE)

#: Characters stripped from a token to give its word (VADER strips all ASCII punctuation).
_STRIP = "\"'“”‘’.,;:!?()[]{}—–-…*"
_NON_SPACE_RE = re.compile(r"\S+")


class _Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER that also keeps the per-token valences of the last text scored."""

    def __init__(self) -> None:
        super().__init__()
        self.last_valences: list[float] = []

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        self.last_valences = [float(s) for s in sentiments]
        result: dict[str, float] = super().score_valence(sentiments, text)
        return result


def squash(x: float, alpha: float = 15.0) -> float:
    """VADER's own squashing of a valence sum into -1..1: x / sqrt(x^2 + alpha).

    Example:
        >>> round(squash(3.0), 3)
        0.612
    """
    return x / math.sqrt(x * x + alpha)


@lru_cache(maxsize=1)
def analyzer() -> _Analyzer:
    """One VADER analyser per process (loading its lexicon takes ~50 ms)."""
    return _Analyzer()


@lru_cache(maxsize=1)
def _neutral_matcher() -> PhraseMatcher[str]:
    lex = load_lexicon("sentiment_neutral")
    return PhraseMatcher({r["term"]: r["term"] for r in lex.rows})


_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up via vs with".split()
)


def _is_title_case(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Headline style: every word except small function words starts with a capital."""
    words = [text[s:e] for s, e in tokens if text[s:e][:1].isalpha()]
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return len(content) >= 3 and all(w[:1].isupper() for w in content)


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
    chars = list(text)

    def blank(s: int, e: int) -> None:
        for i in range(s, e):
            if chars[i].isalnum():
                chars[i] = "x"

    for m in _neutral_matcher().finditer(text):
        blank(m.start, m.end)
    lexicon = analyzer().lexicon
    if tokens is None:
        tokens = tokenize(text)
    if not _is_title_case(text, tokens):
        for s, e in tokens:
            word = text[s:e]
            if not word[:1].isupper() or word.isupper() or word.lower() not in lexicon:
                continue
            j = s - 1
            while j >= 0 and text[j].isspace():
                j -= 1
            if j < 0 or text[j] in ".!?:;\"“‘'([—–-":
                continue
            blank(s, e)
    return "".join(chars)


@dataclass(frozen=True)
class Valences:
    """One VADER pass over a sentence.

    Attributes:
        text: The sentence.
        compound: VADER's compound score of the (masked) sentence, in [-1, 1].
        values: VADER's valence of each whitespace token after its rules (0 for most words).
        negators: Number of negation words (VADER's list, or ending in n't).
        pos_sum: Sum of VADER's positive valences (emoji included).
        neg_sum: Sum of VADER's absolute negative valences (emoji included).
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
        return tuple(i for i, x in enumerate(self.values) if x)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Each token lower-cased without surrounding punctuation."""
        return tuple(self.text[s:e].strip(_STRIP).lower() for s, e in self.tokens)


def sentence_valences(text: str, *, news_mask: bool = True) -> Valences:
    """Compound score and per-token valences of ``text`` (one VADER pass, cached by text).

    Example:
        >>> v = sentence_valences("It is not a good deal.")
        >>> v.negators, v.compound < 0, v.words[4]
        (1, True, 'good')
    """
    return _valences(text, news_mask)


@lru_cache(maxsize=256)
def _valences(text: str, news_mask: bool) -> Valences:
    sia = analyzer()
    words_at = tokenize(text)
    scored = mask_news_neutral(text, tokens=words_at) if news_mask else text
    n = len(text.split())
    compound, values, first = 0.0, [0.0] * n, []
    if scored.strip():
        compound = float(sia.polarity_scores(scored)["compound"])
        first = list(sia.last_valences)
        if len(first) != n:  # an emoji became words: score each token without its emoji
            plain = ("".join(ch for ch in tok if ch not in sia.emojis) or "x" for tok in scored.split())
            sia.polarity_scores(" ".join(plain))
        if len(sia.last_valences) == n:
            values = list(sia.last_valences)
    negators = sum(
        1 for s, e in words_at if (w := text[s:e].lower().replace("’", "'")) in NEGATORS or w.endswith("n't")
    )
    return Valences(
        text=text,
        compound=compound,
        values=tuple(values),
        negators=negators,
        pos_sum=sum(v for v in first if v > 0),
        neg_sum=-sum(v for v in first if v < 0),
    )
