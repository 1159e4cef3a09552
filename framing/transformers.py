"""scikit-learn transformers: the report's measures, one row per article.

:class:`FramingFeatures` runs the same extractors as the report
(:func:`framing.engines.task.analyze_article`) on each text and turns the spans
into per-article rates and shares with the comparison table's own measure
definitions (the families' declarations collected by
:func:`framing.comparison.declarations.default_measures`, computed by
:func:`framing.comparison.rates.measure_values` grouped by article instead of
outlet). :class:`ReadabilityFeatures` gives the per-article readability
formulas (:func:`framing.features.readability.readability`).

Input is an iterable of raw article texts (or :class:`~framing.model.Article`
objects), e.g. a list or a pandas Series; each text is cleaned as the loader
cleans it. Undefined values are NaN, never 0 (an empty text has no words, so
no rate), so put an imputer before estimators that reject NaN.

Example:
    >>> ff = FramingFeatures(families=["hedging"]).fit(["It may rain."])
    >>> ff.get_feature_names_out()[:2].tolist()
    ['hedge_per_1000_words', 'hedge_own_per_1000_words']
    >>> ff.transform(["It may rain.", "It will rain."])[:, 0].round(1).tolist()
    [333.3, 0.0]
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.comparison.declarations import default_measures
from framing.comparison.rates import measure_values
from framing.corpus.loading import make_article
from framing.engines.task import analyze_article
from framing.features import FAMILIES
from framing.features.readability import MEASURES as READABILITY_MEASURES
from framing.features.readability import readability
from framing.measures import Measure
from framing.model import Article, Span, spans_to_frame
from framing.story import default_story

#: Families :class:`FramingFeatures` can run (``sentence`` always runs: it gives the word counts).
FEATURE_FAMILIES: tuple[str, ...] = tuple(f for f in FAMILIES if f != "sentence")

#: Span features each family emits that the measures use.
_FAMILY_FEATURES: dict[str, tuple[str, ...]] = {
    "quote": ("quote", "paraphrase"),
    "relationship_label": ("relationship_label",),
    "hedging": ("hedge", "booster"),
    "sentiment": ("sentiment",),
    "frame": ("frame",),
}

def negated_share(dyad: str) -> Measure:
    """Share of the labels about the story's relationship that are negated (the comparison gives a rate).

    Example:
        >>> negated_share("a-b").base_where
        (('target', ('a-b',)),)
    """
    about = (("target", (dyad,)),)
    return Measure("label_negated_share_pct", "Relationship labels", "share of labels negated",
                   "% of relationship labels", "share_of", ("relationship_label",),
                   (("polarity", ("negated",)), *about), base_features=("relationship_label",), base_where=about)


_STRING_MSG = "Iterable over raw text documents expected, string object received."


def as_articles(X: Any, *, clean: bool = True) -> list[Article]:
    """Turn transformer input into articles with ids ``"0"``, ``"1"``... (outlet unknown).

    Raises:
        ValueError: ``X`` is a bare string, or is not one-dimensional.
        TypeError: ``X`` is not iterable, or holds something other than str or Article.

    Example:
        >>> [a.text for a in as_articles(pd.Series(["Share this\\nXi met Putin in Beijing.", ""]))]
        ['Xi met Putin in Beijing.', '']
    """
    if isinstance(X, (str, bytes)):
        raise ValueError(_STRING_MSG)
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"one column of texts expected, got a DataFrame with {X.shape[1]} columns")
        X = X.iloc[:, 0]
    if isinstance(X, np.ndarray) and X.ndim != 1:
        raise ValueError(f"a 1-D sequence of texts expected, got an array of shape {X.shape}")
    if not isinstance(X, Iterable):
        raise TypeError(f"an iterable of texts expected, got {type(X).__name__}")
    out: list[Article] = []
    for i, doc in enumerate(X):
        if isinstance(doc, Article):
            out.append(dataclasses.replace(doc, id=str(i)))
        elif isinstance(doc, str):
            out.append(_article(str(i), doc, clean=clean))
        else:
            raise TypeError(f"document {i} is {type(doc).__name__}; expected str or framing.model.Article")
    return out


def _article(article_id: str, text: str, *, clean: bool) -> Article:
    if clean:
        made = make_article(id=article_id, outlet_id="", outlet_name="", raw_text=text, source=article_id)
        if isinstance(made, Article):
            return made
        text = ""  # nothing left after cleaning: an article with no words
    return Article(id=article_id, outlet_id="", outlet_name="", raw_text=text, text=text, source=article_id)


class _TextTransformer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Shared input handling, fitted names and tags of the text transformers."""

    clean: bool

    def _names(self) -> list[str]:
        raise NotImplementedError

    def _values(self, articles: list[Article]) -> np.ndarray:
        raise NotImplementedError

    def _validate_params(self) -> None:
        if not isinstance(self.clean, (bool, np.bool_)):
            raise ValueError(f"`clean` must be True or False, got {self.clean!r}")

    def fit(self, X: Any, y: Any = None) -> _TextTransformer:
        """Check the parameters and the input; fix the output columns. Returns ``self``."""
        self._validate_params()
        as_articles(X, clean=False)
        self.feature_names_out_ = np.asarray(self._names(), dtype=object)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """One row per document, one float column per feature (NaN where undefined)."""
        check_is_fitted(self, "feature_names_out_")
        articles = as_articles(X, clean=self.clean)
        values = self._values(articles)
        return np.asarray(values, dtype=float).reshape(len(articles), len(self.feature_names_out_))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns (units in the names, e.g. ``hedge_per_1000_words``)."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object).copy()

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class FramingFeatures(_TextTransformer):
    """Per-article framing measures: labels, hedges/boosters, quotes, tone and frames.

    The columns are the comparison table's measures (same keys, same ratio of
    sums, one article as the group) for every category the shipped lexicons
    can produce, plus :func:`negated_share` of the default story's dyad: e.g. ``label_per_1000_words``,
    ``label_negated_share_pct``, ``hedge_own_per_1000_words``,
    ``booster_sources_per_1000_words``, ``quote_share_of_words_pct``,
    ``sentence_sentiment_mean``, ``sentences_negative_pct``,
    ``frame_history_sentences_pct``.

    Args:
        families: Extractor families to run (default: all of :data:`FEATURE_FAMILIES`).
        per_words: Rates are per this many words (column names follow: ``per_1000_words``).
        clean: Clean raw texts as the corpus loader does (boilerplate lines removed).

    Attributes:
        feature_names_out_: Output column names.
        measures_: The :class:`~framing.comparison.rates.Measure` behind each column.
        families_: Families run.

    Example:
        >>> ff = FramingFeatures(families=["relationship_label"]).fit(["x"])
        >>> X = ff.transform(["China and Russia are not allies.", ""])
        >>> float(dict(zip(ff.get_feature_names_out(), X[0]))["label_negated_share_pct"]), math.isnan(X[1, 0])
        (100.0, True)
    """

    def __init__(self, *, families: Sequence[str] | None = None, per_words: float = 1000, clean: bool = True) -> None:
        self.families = families
        self.per_words = per_words
        self.clean = clean

    def _validate_params(self) -> None:
        super()._validate_params()
        self._check_families()
        pw = self.per_words
        if isinstance(pw, bool) or not isinstance(pw, numbers.Real) or not math.isfinite(pw) or pw <= 0:
            raise ValueError(f"`per_words` must be a positive number, got {pw!r}")

    def _check_families(self) -> tuple[str, ...]:
        fams = self.families
        if fams is None:
            return FEATURE_FAMILIES
        if isinstance(fams, str):
            raise ValueError(f"`families` must be a list of family names, e.g. [{fams!r}], not a string")
        chosen = tuple(fams)
        bad = [f for f in chosen if f not in FEATURE_FAMILIES]
        if bad or not chosen:
            raise ValueError(f"`families` value {list(chosen)!r} is invalid; choose from {list(FEATURE_FAMILIES)!r}")
        return tuple(f for f in FEATURE_FAMILIES if f in chosen)

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check parameters and input; fix :attr:`measures_` and the column names. Returns ``self``."""
        self.families_ = self._check_families()
        self.measures_ = list(_measures(self.families_))
        super().fit(X, y)
        return self

    def _names(self) -> list[str]:
        return [self._rename(m) for m in self.measures_]

    def _rename(self, m: Measure) -> str:
        if m.kind != "rate" or self.per_words == 1000:
            return m.key
        return m.key.replace("per_1000_words", f"per_{self.per_words:g}_words")

    def _values(self, articles: list[Article]) -> np.ndarray:
        fams = ["sentence", *self.families_]
        spans: list[Span] = []
        for art in articles:
            spans.extend(analyze_article(art, fams))
        table = measure_values(spans_to_frame(spans), self.measures_, groups=[a.id for a in articles])
        scale = np.array([self.per_words / 1000.0 if m.kind == "rate" else 1.0 for m in self.measures_])
        return table.to_numpy(dtype=float) * scale


@lru_cache(maxsize=16)
def _measures(families: tuple[str, ...]) -> tuple[Measure, ...]:
    """The comparison table's measures for every value the families can emit (their declarations, ``spans=None``)."""
    features = {f for fam in families for f in _FAMILY_FEATURES[fam]}
    wanted = [m for m in default_measures(None) if set(m.features) & features]
    if "relationship_label" in features:
        i = max(i for i, m in enumerate(wanted) if m.features == ("relationship_label",))
        wanted.insert(i + 1, negated_share(default_story().dyad))
    return tuple(wanted)


class ReadabilityFeatures(_TextTransformer):
    """Per-article readability: Flesch, FK grade, fog, SMOG, Dale-Chall, sentence length, MTLD.

    Args:
        clean: Clean raw texts as the corpus loader does.

    Example:
        >>> rf = ReadabilityFeatures().fit(["x"])
        >>> X = rf.transform(["The cat sat on the mat. It was warm. The dog did not mind.", ""])
        >>> names = rf.get_feature_names_out().tolist()
        >>> float(X[0, names.index("n_sentences")]), math.isnan(X[1, names.index("fk_grade")])
        (3.0, True)
    """

    def __init__(self, *, clean: bool = True) -> None:
        self.clean = clean

    def _names(self) -> list[str]:
        return list(READABILITY_MEASURES)

    def _values(self, articles: list[Article]) -> np.ndarray:
        names = self._names()
        return np.array([[float(readability(a.text)[n]) for n in names] for a in articles], dtype=float)
