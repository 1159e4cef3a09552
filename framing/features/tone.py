"""Tone toward an actor: what a sentence says about the mention ``text[start:end]``.

:func:`tone_toward` scores a mention in -1..1 (NaN when it cannot tell: the
mention covers no word, or its sentence has no other word). It reads the
sentence's word valences once (:mod:`framing.features.valence`) and places
them relative to the mention (:mod:`framing.features.tone_features`): the
mention as subject, object or possessor of the evaluative words counts;
the evaluation of a topic that merely contains the name ("the Ukraine
crisis", "the crisis in Ukraine") and of what a speaker says ("X said the
deal is a disaster") is not tone toward it.

Two methods:

* ``model`` (default) -- a multinomial logistic regression over those
  target-aware features, the lower-case words beside the mention and VADER's
  evaluative words in the sentence, trained on 70% of the NewsMTSC training
  articles (Hamborg & Donnay 2021; recipe ``benchmarks/train_tone.py``,
  coefficients ``models/tone_newsmtsc.json``).
  The score is the winning class's margin: ``|score| <= 0.05`` is neutral,
  ``0.05 + 0.95 * (p_polar - p_neutral)`` otherwise (:func:`decision_score`).
* ``rules`` -- the sum of the valences of the mention's own words, of words
  nearby (weight ``exp(-(d-1)/16)`` at distance d words; 0.6 of that outside
  its clause) and of what it possesses, topic words left out, 0 for a
  speaker; squashed as VADER squashes (:data:`RULES`).

Both use the same ±0.05 neutral band as VADER (:data:`NEUTRAL_BAND`). On the
held-out 30% of NewsMTSC train, 3-class macro-F1 is 0.617 (model), 0.566
(rules) and 0.515 (plain VADER on the whole sentence); ``framing validate``
recomputes these (:mod:`framing.evaluation.tone`).

Example:
    >>> t = "Beijing praised the excellent deal, but Washington condemned it as a disaster."
    >>> tone_toward(t, 0, 7) > 0.05 > -0.05 > tone_toward(t, 40, 50)
    True
    >>> tone_label(tone_toward("The crisis in Ukraine deepened.", 14, 21))
    'neutral'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.corpus.segmentation import split_sentences
from framing.errors import FramingError, value_invalid_msg
from framing.features.tone_features import Mention, features, locate
from framing.features.valence import squash
from framing.model_files import read_model_json

#: ``|score| <= NEUTRAL_BAND`` is neutral (VADER's own band; the model's scores are built for it).
NEUTRAL_BAND = 0.05
#: File name of the shipped model (under ``framing/models``).
MODEL_FILE = "tone_newsmtsc.json"
#: Method used when none is named.
DEFAULT_METHOD = "model"
METHODS = ("model", "rules")
#: Parameters of the ``rules`` method (tuned on the training part of NewsMTSC train, see the model JSON).
RULES: dict[str, float] = {"decay_words": 16.0, "other_clause": 0.6, "speaker": 0.0, "alpha": 15.0}


@dataclass(frozen=True)
class ToneModel:
    """A multinomial logistic regression over :func:`~framing.features.tone_features.features`.

    Attributes:
        classes: Class labels in coefficient order (-1, 0, 1).
        intercept: One intercept per class.
        weights: Feature name -> one weight per class (features without weight are absent).
        meta: Everything else in the JSON (data, split, date, metrics).
    """

    classes: tuple[int, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any]

    def probabilities(self, feats: dict[str, float]) -> dict[int, float]:
        """Class probabilities of one mention's features.

        Example:
            >>> p = load_model().probabilities({})
            >>> round(sum(p.values()), 6)
            1.0
        """
        z = list(self.intercept)
        for name, x in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    z[k] += wk * x
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}

    def score(self, feats: dict[str, float]) -> float:
        """:func:`decision_score` of the class probabilities."""
        p = self.probabilities(feats)
        return decision_score(p[-1], p[0], p[1])


def decision_score(p_neg: float, p_neu: float, p_pos: float) -> float:
    """A score in -1..1 whose ±0.05 band is the model's decision.

    The sign is that of ``p_pos - p_neg``; the size is ``0.05 * (1 + r)`` when
    neutral wins (``r = max(p_neg, p_pos) - p_neu <= 0``) and
    ``0.05 + 0.95 * r`` when a polar class wins, so the score is continuous
    where neutral and a polar class tie.

    Example:
        >>> decision_score(0.2, 0.5, 0.3), decision_score(0.1, 0.3, 0.6)
        (0.04, 0.335)
    """
    u = p_pos - p_neg
    if u == 0:
        return 0.0
    r = max(p_neg, p_pos) - p_neu
    size = NEUTRAL_BAND * (1 + r) if r <= 0 else NEUTRAL_BAND + (1 - NEUTRAL_BAND) * r
    return round(math.copysign(size, u), 6)


def load_model(path: str | None = None) -> ToneModel:
    """Load the tone model (the shipped JSON by default).

    Example:
        >>> load_model().classes
        (-1, 0, 1)
    """
    data = read_model_json(MODEL_FILE, path)
    classes = tuple(int(c) for c in data["classes"])
    if classes != (-1, 0, 1):
        raise FramingError(f"{path or MODEL_FILE}: classes {list(classes)} != [-1, 0, 1]")
    return ToneModel(
        classes=classes,
        intercept=tuple(float(b) for b in data["intercept"]),
        weights={k: tuple(float(x) for x in w) for k, w in data["weights"].items()},
        meta={k: v for k, v in data.items() if k not in {"classes", "intercept", "weights"}},
    )


@lru_cache(maxsize=1)
def _shipped_model() -> ToneModel:
    return load_model()


def rules_score(m: Mention, params: Mapping[str, float] | None = None) -> float:
    """The ``rules`` method: distance-weighted valences about the mention, squashed to -1..1.

    Args:
        m: The located mention.
        params: Values for the keys of :data:`RULES` (default: :data:`RULES`).

    Example:
        >>> rules_score(locate("Critics said Boehner's plan was a disaster.", 13, 20)) < 0
        True
    """
    p = {**RULES, **(params or {})}
    if m.speaker and p["speaker"] == 0:
        return 0.0
    vals = m.valences.values
    c0, c1 = m.clause
    tau, x = p["decay_words"], 0.0
    for i, v in enumerate(vals):
        if not v or i in m.topic:
            continue
        if m.first <= i <= m.last:
            x += v
            continue
        d = m.first - i if i < m.first else i - m.last
        w = math.exp(-(d - 1) / tau)
        if m.possessive and m.last < i <= m.last + 3:
            w = 1.0
        elif not c0 <= i <= c1:
            w *= p["other_clause"]
        x += w * v
    if m.speaker:
        x *= p["speaker"]
    return squash(x, p["alpha"])


def score_mention(m: Mention | None, *, method: str = DEFAULT_METHOD, model: ToneModel | None = None) -> float:
    """Score a located mention (NaN for None or a mention that is its whole sentence).

    Example:
        >>> score_mention(locate("Critics condemned Boehner.", 18, 25)) < -0.05
        True
    """
    if m is None or len(m.valences.tokens) <= m.last - m.first + 1:
        return math.nan
    if method == "rules":
        return round(rules_score(m), 6)
    return (model or _shipped_model()).score(features(m))


def _sentence_of(text: str, start: int) -> tuple[int, int]:
    for s, e in split_sentences(text):
        if s <= start < e:
            return s, e
    return 0, len(text)


def tone_toward(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None, method: str | None = None
) -> float:
    """Tone of what ``text`` says about the mention ``text[start:end]``: -1..1, NaN when it cannot tell.

    Args:
        text: The text (a sentence, or a longer text: then the mention's sentence is used).
        start: Start offset of the mention in ``text``.
        end: End offset (exclusive).
        sentence: ``(start, end)`` of the mention's sentence in ``text`` (found when None).
        method: ``model`` (default) or ``rules``.

    Raises:
        FramingError: For offsets outside ``text`` or an unknown method.

    Example:
        >>> t = "The United States and NATO have said there is a real threat Russia could invade Ukraine."
        >>> tone_label(tone_toward(t, 22, 26))
        'neutral'
        >>> math.isnan(tone_toward("Ukraine", 0, 7))
        True
    """
    name = method or DEFAULT_METHOD
    if name not in METHODS:
        raise FramingError(value_invalid_msg("method", name, list(METHODS)))
    if not 0 <= start < end <= len(text):
        raise FramingError(f"mention offsets {start}:{end} are not inside a text of {len(text)} characters")
    ss, se = sentence if sentence is not None else _sentence_of(text, start)
    ss, se = min(ss, start), max(se, end)
    return score_mention(locate(text[ss:se], start - ss, end - ss), method=name)


def tone_label(score: float) -> str:
    """``negative``/``neutral``/``positive`` at the ±0.05 band; ``""`` for NaN.

    Example:
        >>> tone_label(0.05), tone_label(0.06), tone_label(float("nan"))
        ('neutral', 'positive', '')
    """
    if math.isnan(score):
        return ""
    if score > NEUTRAL_BAND:
        return "positive"
    if score < -NEUTRAL_BAND:
        return "negative"
    return "neutral"
