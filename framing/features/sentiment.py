"""Feature family `sentiment`: tone of each sentence, and tone toward each actor.

Two kinds of spans:

* ``sentiment`` -- one per sentence; ``score`` in [-1, 1], ``label``
  ``negative``/``neutral``/``positive``, ``category`` = the scorer's name.
* ``actor`` -- one per actor mention (``label`` = actor id from the story's
  actors table, the ``actor`` column of ``lexicons/actors.tsv`` in the sample
  story, e.g. ``china``, ``putin``; ``category`` = the actor's kind);
  ``score`` is the sentiment of the **clause** containing the mention (the
  one clause splitter, :mod:`framing.features.clauses`), so in "Beijing
  praised the deal, but Washington condemned it" each capital gets its own
  clause's tone. A sentence naming two actors gives one row per actor.

Scorers (:data:`SCORERS`): ``vader`` is plain VADER (vaderSentiment 3.3.2,
compound score, labels at +-0.05, Hutto & Gilbert 2014). ``vader_news`` (the
default, :func:`current_scorer_name`) is a news calibration of VADER: (1)
fixed news phrases whose VADER words carry no sentiment ("health care",
"interest rates", ``lexicons/sentiment_neutral.tsv``) and lexicon words
written with a capital inside a sentence (names: "Justice Department",
"Liberty Party") are masked; (2) a four-coefficient linear model maps
VADER's compound, its positive and negative valence sums and the number of
negators to the human rating scale. The coefficients are package data
(``models/sentiment_vader_news.json``), fitted by
``benchmarks/train_sentiment.py`` on 70% of the NYT editorial snippets of
Hutto & Gilbert (2014). The score rises with every positive valence and falls
with every negative one (monotone), weighting negative words about twice as
heavily as positive ones, as the human raters did.

Example:
    >>> round(score_text("The talks were a great success."), 2) > 0
    True
    >>> label_for(score_text("The attack killed dozens.", scorer="vader"), scorer="vader")
    'negative'
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

from framing.corpus.segmentation import tokenize
from framing.document import Doc
from framing.errors import FramingError, value_invalid_msg
from framing.features.clauses import clause_around
from framing.lexicons import load_lexicon
from framing.matching import Match, PhraseMatcher
from framing.measures import Measure
from framing.model import Span
from framing.story import ActorTerm, Story, default_story

if TYPE_CHECKING:
    import pandas as pd

#: Scorer used when none is named; override with ``$FRAMING_SENTIMENT_SCORER``.
DEFAULT_SCORER = "vader_news"

#: The comparison gives the tone toward at most this many actors of a span table (most mentioned first).
MAX_ACTORS = 8

#: VADER's own neutral band for the compound score (Hutto & Gilbert 2014).
VADER_THRESHOLD = 0.05

_NEGATORS = frozenset(w.lower() for w in NEGATE)


class _Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER that also keeps the per-token valences of the last text scored."""

    def __init__(self) -> None:
        super().__init__()
        self.last_valences: list[float] = []

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        self.last_valences = [float(s) for s in sentiments]
        result: dict[str, float] = super().score_valence(sentiments, text)
        return result


@lru_cache(maxsize=1)
def _analyzer() -> _Analyzer:
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
    lexicon = _analyzer().lexicon
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
class VaderFeatures:
    """VADER's outputs used by the calibrated scorer.

    Attributes:
        compound: VADER compound score in [-1, 1].
        pos_sum: Sum of positive token valences (after VADER's rules).
        neg_sum: Sum of the absolute negative token valences.
        negators: Number of negation words (VADER's list, or ending in n't).
    """

    compound: float
    pos_sum: float
    neg_sum: float
    negators: int

    def vector(self) -> list[float]:
        """The model's inputs: compound, normalised pos/neg sums, log(1 + negators)."""
        return [
            self.compound,
            _normalise(self.pos_sum),
            _normalise(self.neg_sum),
            math.log1p(self.negators),
        ]


#: Names of :meth:`VaderFeatures.vector`'s entries, in order (the JSON model's ``features``).
FEATURE_NAMES: tuple[str, ...] = ("compound", "pos_sum_norm", "neg_sum_norm", "log1p_negators")


def _normalise(x: float, alpha: float = 15.0) -> float:
    """VADER's own squashing x / sqrt(x^2 + alpha)."""
    return x / math.sqrt(x * x + alpha)


def vader_features(text: str, *, news_mask: bool = True) -> VaderFeatures:
    """VADER compound, valence sums and negator count of ``text``.

    Example:
        >>> f = vader_features("It is not a good deal.")
        >>> f.negators, f.compound < 0
        (1, True)
    """
    sia = _analyzer()
    tokens = tokenize(text)
    scored = mask_news_neutral(text, tokens=tokens) if news_mask else text
    compound = float(sia.polarity_scores(scored)["compound"])
    vals = sia.last_valences if scored.strip() else []
    negators = sum(
        1 for s, e in tokens if (w := text[s:e].lower().replace("’", "'")) in _NEGATORS or w.endswith("n't")
    )
    return VaderFeatures(
        compound=compound,
        pos_sum=sum(v for v in vals if v > 0),
        neg_sum=-sum(v for v in vals if v < 0),
        negators=negators,
    )


@dataclass(frozen=True)
class CalibratedModel:
    """A linear map from :class:`VaderFeatures` to the human rating scale (-4..+4).

    Attributes:
        name: Scorer name.
        coef: One weight per :data:`FEATURE_NAMES` entry.
        intercept: Constant term.
        scale: Divisor bringing predicted ratings to [-1, 1].
        neutral_band: ``|score| <= neutral_band`` is ``neutral``.
        meta: Everything else in the JSON (training data, split, metrics).
    """

    name: str
    coef: tuple[float, ...]
    intercept: float
    scale: float
    neutral_band: float
    meta: dict[str, Any]

    def score(self, text: str) -> float:
        """Predicted rating / scale, clipped to [-1, 1]."""
        x = vader_features(text).vector()
        y = self.intercept + sum(c * v for c, v in zip(self.coef, x, strict=True))
        return max(-1.0, min(1.0, y / self.scale))


#: File name of the shipped calibration (under ``framing/models``).
MODEL_FILE = "sentiment_vader_news.json"


def load_model(path: str | None = None) -> CalibratedModel:
    """Load the calibrated scorer's coefficients (the shipped JSON by default).

    Example:
        >>> load_model().name
        'vader_news'
    """
    if path is None:
        raw = resources.files("framing").joinpath("models", MODEL_FILE).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    data = json.loads(raw)
    if tuple(data["features"]) != FEATURE_NAMES:
        raise FramingError(f"{path or MODEL_FILE}: features {data['features']} != {list(FEATURE_NAMES)}")
    meta = {k: v for k, v in data.items() if k not in {"name", "coef", "intercept", "scale", "neutral_band"}}
    return CalibratedModel(
        name=str(data["name"]),
        coef=tuple(float(c) for c in data["coef"]),
        intercept=float(data["intercept"]),
        scale=float(data["scale"]),
        neutral_band=float(data["neutral_band"]),
        meta=meta,
    )


@lru_cache(maxsize=1)
def _shipped_model() -> CalibratedModel:
    return load_model()


@dataclass(frozen=True)
class Scorer:
    """A sentence scorer: a score in [-1, 1] and the band that counts as neutral."""

    name: str
    description: str
    score: Callable[[str], float]
    neutral_band: Callable[[], float]


def _vader_score(text: str) -> float:
    return float(_analyzer().polarity_scores(text)["compound"])


#: Every available scorer by name.
SCORERS: dict[str, Scorer] = {
    "vader": Scorer(
        "vader",
        "VADER 3.3.2 compound score (Hutto & Gilbert 2014), neutral within +-0.05",
        _vader_score,
        lambda: VADER_THRESHOLD,
    ),
    "vader_news": Scorer(
        "vader_news",
        "VADER with news-neutral masking + linear calibration to human ratings "
        "(models/sentiment_vader_news.json)",
        lambda t: _shipped_model().score(t),
        lambda: _shipped_model().neutral_band,
    ),
}


def current_scorer_name() -> str:
    """Name of the scorer used when none is given (``$FRAMING_SENTIMENT_SCORER`` or the default).

    Example:
        >>> current_scorer_name() in SCORERS
        True
    """
    name = os.environ.get("FRAMING_SENTIMENT_SCORER", "").strip() or DEFAULT_SCORER
    return _check(name)


def _check(name: str) -> str:
    if name not in SCORERS:
        raise FramingError(value_invalid_msg("scorer", name, sorted(SCORERS)))
    return name


def score_text(text: str, *, scorer: str | None = None) -> float:
    """Sentiment of ``text`` in [-1, 1] under ``scorer`` (default :func:`current_scorer_name`).

    Example:
        >>> score_text("", scorer="vader")
        0.0
    """
    return _score_cached(text, _check(scorer or current_scorer_name()))


@lru_cache(maxsize=4096)
def _score_cached(text: str, scorer: str) -> float:
    """Score once per process: a sentence is scored for itself and again as an actor's clause."""
    return SCORERS[scorer].score(text)


def label_for(score: float, *, scorer: str | None = None) -> str:
    """``negative``/``neutral``/``positive`` for a score under ``scorer``'s neutral band.

    Example:
        >>> label_for(0.04, scorer="vader"), label_for(-0.3, scorer="vader")
        ('neutral', 'negative')
    """
    if math.isnan(score):
        return ""
    band = SCORERS[_check(scorer or current_scorer_name())].neutral_band()
    if score > band:
        return "positive"
    if score < -band:
        return "negative"
    return "neutral"


# --- tone toward a mention ------------------------------------------------------


def target_score(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None, scorer: str | None = None
) -> float:
    """Sentiment toward the mention ``text[start:end]``: the score of its clause.

    Falls back to the whole sentence when the clause itself has no sentiment
    words (a list fragment such as "China, Russia").

    Example:
        >>> t = "Beijing praised the excellent deal, but Washington condemned it as a disaster."
        >>> target_score(t, 0, 7) > 0 > target_score(t, 40, 50)
        True
    """
    ss, se = sentence if sentence is not None else (0, len(text))
    cs, ce = clause_around(text, start, end, sentence=(ss, se))
    if (cs, ce) != (ss, se) and _analyzer().polarity_scores(mask_news_neutral(text[cs:ce]))["compound"] == 0:
        cs, ce = ss, se
    return score_text(text[cs:ce], scorer=scorer)


# --- actors ---------------------------------------------------------------------


def find_actors(
    text: str, start: int = 0, end: int | None = None, *, story: Story | None = None
) -> list[Match[ActorTerm]]:
    """Tone-actor mentions in ``text[start:end]`` (the ``actor`` column of the story's actors table).

    Capitalised terms match case-sensitively; the longest match wins; rows
    with actor ``-`` block a shorter name inside them; parts of hyphenated
    compounds count ("China-Russia ties").

    Example:
        >>> t = "The US told us that Beijing Olympics guests and Sino-Russian officials met Nato."
        >>> [(m.text, m.value.actor) for m in find_actors(t)]
        [('US', 'us_west'), ('Sino', 'china'), ('Russian', 'russia'), ('Nato', 'nato')]
    """
    return list((story or default_story()).actor_matcher().finditer(text, start, end))


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """``sentiment`` spans (one per sentence) and ``actor`` spans (one per mention of the story's actors).

    Example:
        >>> from framing.model import Article
        >>> from framing.attribution import prepare_doc
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="",
        ...             text="Russia and China hailed their excellent ties. Washington warned of grave risks.")
        >>> [(s.feature, s.label) for s in extract(prepare_doc(a))]  # doctest: +NORMALIZE_WHITESPACE
        [('sentiment', 'positive'), ('actor', 'russia'), ('actor', 'china'),
         ('sentiment', 'negative'), ('actor', 'us_west')]
    """
    text = doc.text
    name = current_scorer_name()
    spans: list[Span] = []
    for i, (s, e) in enumerate(doc.sentences):
        sc = score_text(text[s:e], scorer=name)
        spans.append(
            doc.span("sentiment", s, e, sentence=i, score=sc, label=label_for(sc, scorer=name), category=name)
        )
        for m in find_actors(text, s, e, story=story):
            ts = target_score(text, m.start, m.end, sentence=(s, e), scorer=name)
            spans.append(
                doc.span(
                    "actor",
                    m.start,
                    m.end,
                    sentence=i,
                    label=m.value.actor,
                    category=m.value.kind,
                    target=m.value.actor,
                    score=ts,
                )
            )
    return spans


def measures(
    spans: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    *,
    story: Story | None = None,
    max_actors: int = MAX_ACTORS,
) -> list[Measure]:
    """Sentence tone (mean, % negative, % positive), then the mean tone toward each actor.

    Args:
        spans: A span table (its measures: tone toward its ``max_actors`` most
            mentioned actors), or None (every tone actor of the story, by id).
        articles: Not used.
        story: The story whose actors table names the actors (None: the default story).
        max_actors: Most actors of a span table to give a measure.

    Example:
        >>> [m.key for m in measures()][:4]
        ['sentence_sentiment_mean', 'sentences_negative_pct', 'sentences_positive_pct', 'actor_biden_tone_mean']
    """
    out: list[Measure] = []
    present = None if spans is None else set(spans["feature"])
    if present is None or "sentiment" in present:
        g, f = "Tone", ("sentiment",)
        out.append(Measure("sentence_sentiment_mean", g, "sentence sentiment, mean", "score (-1 to 1)", "mean", f))
        out.append(Measure("sentences_negative_pct", g, "negative sentences", "% of scored sentences", "share_of", f,
                           (("label", ("negative",)),), base_features=f))
        out.append(Measure("sentences_positive_pct", g, "positive sentences", "% of scored sentences", "share_of", f,
                           (("label", ("positive",)),), base_features=f))
    if spans is None:
        actors = list((story or default_story()).tone_actors())
    elif "actor" in (present or set()):
        counts = spans.loc[spans["feature"] == "actor", "label"].value_counts()
        ranked = sorted(((int(n), str(a)) for a, n in counts.items() if str(a)), key=lambda t: (-t[0], t[1]))
        actors = [a for _, a in ranked[:max_actors]]
    else:
        actors = []
    for actor in actors:
        out.append(Measure(f"actor_{actor}_tone_mean", "Tone toward actors", f"tone toward {actor}",
                           "score (-1 to 1)", "mean", ("actor",), (("label", (actor,)),)))
    return out
