"""The shipped paraphrase model, read from ``framing/models/paraphrase.json``.

Two linear scorers over the string features of
:mod:`framing.attribution.paraphrase_features`:

* ``cue``: logistic regression, "this cue introduces reported content here";
  a cue counts when its probability reaches the file's ``threshold``.
* ``span``: a linear ranker over a cue's candidate contents; the highest score wins.
* ``cue_words``: words that were cues of indirect speech in the training data
  but are not in the reporting-verb lexicon ("endorsed", "seemed"); they are
  candidate cues too.

Weights are plain JSON (no pickle); the file says what it was trained on, when
and with which recipe (``benchmarks/train_paraphrase.py``).

Example:
    >>> m = paraphrase_model()
    >>> 0.0 < m.cue_probability(["cue=said", "next=that"]) <= 1.0
    True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from framing.model_files import read_model_json

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "paraphrase.json"


@dataclass(frozen=True)
class LinearScorer:
    """Sparse linear weights over string features."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: list[str]) -> float:
        """Bias plus the weights of the features present (unknown features weigh 0).

        Example:
            >>> LinearScorer({"a": 1.5}, -1.0).score(["a", "b"])
            0.5
        """
        return self.bias + self.total(features)

    def total(self, features: list[str]) -> float:
        """The weights of the features present, without the bias (an additive score).

        Example:
            >>> LinearScorer({"a": 1.5}, -1.0).total(["a", "a"])
            3.0
        """
        return sum(map(self.weights.get, features, repeat(0.0)))


@dataclass(frozen=True, eq=False)
class ParaphraseModel:
    """The cue and span scorers, the cue threshold and the learned cue words."""

    cue: LinearScorer
    span: LinearScorer
    threshold: float
    cue_words: frozenset[str]
    meta: dict[str, object]

    @property
    def content_bound(self) -> float:
        """The most the content features of a cue can add to its cue score (for pruning hopeless cues).

        Each template of :func:`~framing.attribution.paraphrase_features.content_features`
        contributes one feature, so the bound is the sum of each template's largest
        positive weight, for the better direction.
        """
        return _content_bound(self)

    @property
    def logit_threshold(self) -> float:
        """The threshold as a cue score (log-odds).

        Example:
            >>> ParaphraseModel.from_dict({"cue": {"weights": {}}, "span": {"weights": {}}, "threshold": 0.5,
            ...                            "cue_words": []}).logit_threshold
            0.0
        """
        t = min(max(self.threshold, 1e-9), 1 - 1e-9)
        return math.log(t / (1 - t))

    def cue_probability(self, features: list[str]) -> float:
        """Probability that the cue with these features introduces reported content."""
        z = self.cue.score(features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> ParaphraseModel:
        """Build from the JSON structure written by the training recipe.

        Example:
            >>> m = ParaphraseModel.from_dict({"cue": {"weights": {}, "bias": 0.0}, "span": {"weights": {}},
            ...                                "threshold": 0.5, "cue_words": ["endorsed"]})
            >>> sorted(m.cue_words), m.cue_probability([])
            (['endorsed'], 0.5)
        """
        cue: dict[str, object] = d["cue"]  # type: ignore[assignment]
        span: dict[str, object] = d["span"]  # type: ignore[assignment]
        return cls(
            cue=LinearScorer(dict(cue["weights"]), float(cue.get("bias", 0.0))),  # type: ignore[call-overload,arg-type]
            span=LinearScorer(dict(span["weights"]), float(span.get("bias", 0.0))),  # type: ignore[call-overload,arg-type]
            threshold=float(d["threshold"]),  # type: ignore[arg-type]
            cue_words=frozenset(d["cue_words"]),  # type: ignore[call-overload]
            meta={k: v for k, v in d.items() if k not in ("cue", "span", "cue_words")},
        )


@lru_cache(maxsize=4)
def _content_bound(model: ParaphraseModel) -> float:
    best = 0.0
    for d in ("after", "before"):
        tops: dict[str, float] = {}
        for f, w in model.cue.weights.items():
            if f.startswith(f"best={d}|"):
                template = f.split("=", 2)[1]
                tops[template] = max(tops.get(template, 0.0), w)
        best = max(best, sum(tops.values()))
    return best


@lru_cache(maxsize=1)
def paraphrase_model() -> ParaphraseModel:
    """The shipped model (read once)."""
    return ParaphraseModel.from_dict(read_model_json(MODEL_FILE.name))


__all__ = ["MODEL_FILE", "LinearScorer", "ParaphraseModel", "paraphrase_model"]
