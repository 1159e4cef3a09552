"""Feature family `sentiment`: tone of each sentence, and tone toward each actor.

Two kinds of spans:

* ``sentiment`` -- one per sentence; ``score`` in [-1, 1], ``label``
  ``negative``/``neutral``/``positive``, ``category`` = the scorer's name.
* ``actor`` -- one per mention of a tone actor of the story
  (:mod:`framing.features.actors`); ``score`` is the tone toward the actor:
  what its sentence says about it (:func:`framing.features.tone.tone_toward`),
  not the tone of the sentence or of the clause around the name.

Both read one VADER pass per sentence (:mod:`framing.features.valence`).

Scorers (:data:`SCORERS`): ``vader`` is plain VADER (vaderSentiment 3.3.2,
compound score, labels at +-0.05, Hutto & Gilbert 2014). ``vader_news`` (the
default, :func:`current_scorer_name`) is a news calibration of VADER: (1)
fixed news phrases whose VADER words carry no sentiment ("health care",
"interest rates", ``lexicons/sentiment_neutral.tsv``) and lexicon words
written with a capital inside a sentence (names: "Justice Department",
"Liberty Party") are masked, and news-event words VADER's lexicon lacks
("earthquake", "wounded", "hostage", "victory": ``lexicons/news_valence.tsv``,
rated by the developers on VADER's scale) are scored under VADER's rules;
(2) a four-coefficient linear model maps
VADER's compound, its positive and negative valence sums and the number of
negators to the human rating scale. The coefficients are package data
(``models/sentiment_vader_news.json``), fitted by
``benchmarks/train_sentiment.py`` on 70% of the NYT editorial snippets of
Hutto & Gilbert (2014). The score rises with every positive valence and falls
with every negative one (monotone), weighting negative words about 1.5 times as
heavily as positive ones, as the human raters did.

Example:
    >>> round(score_text("The talks were a great success."), 2) > 0
    True
    >>> label_for(score_text("The attack killed dozens.", scorer="vader"), scorer="vader")
    'negative'
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from framing.document import Doc
from framing.errors import FramingError, value_invalid_msg
from framing.features import actors
from framing.features.actors import MAX_ACTORS
from framing.features.actors import find_actors as find_actors
from framing.features.valence import mask_news_neutral as mask_news_neutral
from framing.features.valence import sentence_valences, squash, vader_pass
from framing.measures import Measure
from framing.model import Span
from framing.model_files import read_model_json
from framing.story import Story

if TYPE_CHECKING:
    import pandas as pd

#: Scorer used when none is named; override with ``$FRAMING_SENTIMENT_SCORER``.
DEFAULT_SCORER = "vader_news"

#: VADER's own neutral band for the compound score (Hutto & Gilbert 2014).
VADER_THRESHOLD = 0.05


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
            squash(self.pos_sum),
            squash(self.neg_sum),
            math.log1p(self.negators),
        ]


#: Names of :meth:`VaderFeatures.vector`'s entries, in order (the JSON model's ``features``).
FEATURE_NAMES: tuple[str, ...] = ("compound", "pos_sum_norm", "neg_sum_norm", "log1p_negators")



def vader_features(text: str, *, news_mask: bool = True) -> VaderFeatures:
    """VADER compound, valence sums and negator count of ``text`` (its one cached VADER pass).

    Example:
        >>> f = vader_features("It is not a good deal.")
        >>> f.negators, f.compound < 0
        (1, True)
    """
    v = sentence_valences(text, news_mask=news_mask)
    return VaderFeatures(compound=v.compound, pos_sum=v.pos_sum, neg_sum=v.neg_sum, negators=v.negators)


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
    data = read_model_json(MODEL_FILE, path)
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
    return vader_pass(text)[0]


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
    """Score once per process (a text may be scored by several measures)."""
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
        spans.extend(actors.actor_spans(doc, i, s, e, story=story))
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
    return out + actors.measures(spans, story=story, max_actors=max_actors)
