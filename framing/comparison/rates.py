"""Per-outlet measures from the span table: rates, shares and means, with intervals.

Pure functions of the span table and the per-article table; nothing is
re-extracted. Every measure is a ratio of sums over sentences (see
:mod:`framing.comparison.bootstrap`), so each gets a bootstrap interval for the
outlet and for all other outlets pooled ("the rest"). The bootstrap resamples
an outlet's articles where it has at least :data:`ARTICLE_BOOTSTRAP_MIN` of
them (sentences of one article are not independent), else its sentences.
Proportions of counted items get the Wilson interval instead, every interval
is clipped to its measure's range, and a figure resting on fewer than
``min_hits`` spans gets no interval (:mod:`framing.comparison.intervals`):

========================  =============================================  ==================
kind                      value                                          unit
========================  =============================================  ==================
``rate``                  1000 x selected spans / words                  per 1,000 words
``share_words``           100 x words inside selected spans / words      % of words
``share_sentences``       100 x sentences with a selected span / all     % of sentences
``share_of``              100 x selected spans / base spans              % (e.g. of quotes)
``mean``                  mean ``score`` of selected spans               score
``distinct``              distinct speakers of selected spans            count (no interval)
``article_mean``          mean of a per-article column (readability)     per column (no interval)
========================  =============================================  ==================

A measure declaring ``within`` counts a statement once: a span that is part
of an enclosing span of those features (a paraphrase's own quoted words: the
``quote`` row inside a ``paraphrase`` row of the same speaker,
:func:`framing.nesting.part_of`) is left out of its hits, its base and its
speakers; the enclosing span counts. A ``share_words`` measure declaring
``outside`` counts each selected span's words outside those spans
(:func:`framing.nesting.words_outside`), so that two shares never count a word
twice. The rows stay in the span table either way.

With ``min_hits=0``, an outlet with no hit gets the rate interval ``[0, 3/n]``
(the rule of three) instead of the bootstrap's degenerate ``[0, 0]``.

Which measures exist depends on which spans exist
(:func:`framing.comparison.declarations.default_measures`): absent families
simply give no rows.

Example:
    >>> from framing.model import spans_to_frame, Span
    >>> spans = spans_to_frame([Span("a", "o", "sentence", 0, 9, "It may be", 0, score=3.0),
    ...                         Span("a", "o", "hedge", 3, 6, "may", 0, label="may", voice="authorial")])
    >>> t = compare_outlets(spans, reps=50)
    >>> t.loc[t["measure"] == "hedge_per_1000_words", "value"].round(1).tolist()
    [333.3]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.comparison.bootstrap import DEFAULT_REPS, DEFAULT_SEED, generator, percentile_interval, resampled_sums
from framing.comparison.caveats import MIN_HITS, add_caveats
from framing.comparison.declarations import default_measures
from framing.comparison.intervals import WILSON_KINDS, clip, wilson
from framing.comparison.numerators import grouped_sums, matrices, select, sentence_rows
from framing.errors import FramingError, value_invalid_msg
from framing.measures import Measure

__all__ = ["COMPARISON_COLUMNS", "compare_outlets", "measure_values", "select", "sentence_rows"]

#: Columns of the comparison table, in order (caveat columns come from :func:`add_caveats`).
COMPARISON_COLUMNS: tuple[str, ...] = (
    "measure",
    "group",
    "name",
    "unit",
    "kind",
    "feature",
    "outlet_id",
    "outlet_name",
    "value",
    "ci_low",
    "ci_high",
    "rest_value",
    "rest_ci_low",
    "rest_ci_high",
    "n_articles",
    "n_hits",
    "n_base",
    "first_span",
    "english_only",
    "n_not_english",
    "one_article",
    "few_hits",
    "not_english",
    "differs_from_rest",
    "caveats",
)

#: Kinds whose zero-hit interval is the rule of three (95% upper bound 3/n; Hanley & Lippman-Hand 1983).
_ZERO_KINDS: frozenset[str] = frozenset({"rate", "share_words"})

#: An outlet with at least this many articles is resampled by article, not by sentence.
ARTICLE_BOOTSTRAP_MIN = 5


def _expanded(sums: tuple[np.ndarray, np.ndarray], den_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Resampled ``(numerator, distinct denominator)`` sums with one denominator column per measure."""
    return sums[0], sums[1][:, den_of]


def _sum_rows(matrix: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Column sums of the ``rows`` (a mask) of ``matrix``: ``matrix[rows].sum(axis=0)`` without the copy."""
    return matrix.sum(axis=0, where=rows[:, None])


def _sums_ratio(n: np.ndarray, d: np.ndarray) -> np.ndarray:
    """``n / d`` where ``d > 0``, else NaN."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(d > 0, n / np.where(d > 0, d, 1.0), np.nan)


def measure_values(
    spans: pd.DataFrame, measures: Sequence[Measure], *, by: str = "article_id", groups: Sequence[str] | None = None
) -> pd.DataFrame:
    """Each measure's value per group (article or outlet): the ratio of sums :func:`compare_outlets` reports.

    The same sentence rows and numerators/denominators as the comparison
    table, summed within each group instead of each outlet, so per-article
    values of a one-article outlet equal its ``value`` there. Undefined
    values (no words, no base spans, no scored span) are NaN, never 0;
    ``distinct`` is NaN for a group with no words; ``article_mean`` measures
    are NaN (they are per-article columns already).

    Args:
        spans: The span table (``sentence`` spans give word counts).
        measures: Measures to compute (see :class:`Measure`).
        by: ``article_id`` or ``outlet_id``.
        groups: Rows of the result, in order (default: groups in order of
            first appearance); a group with no spans gets NaN.

    Returns:
        A DataFrame indexed by group with one column per measure key.

    Example:
        >>> from framing.model import spans_to_frame, Span
        >>> s = spans_to_frame([Span("a", "o", "sentence", 0, 9, "It may be", 0, score=3.0),
        ...                     Span("a", "o", "hedge", 3, 6, "may", 0, label="may", voice="authorial")])
        >>> m = [Measure("hedge_per_1000_words", "g", "hedges", "per 1,000 words", "rate", ("hedge",))]
        >>> measure_values(s, m, groups=["a", "empty"])["hedge_per_1000_words"].round(1).tolist()
        [333.3, nan]
    """
    if by not in ("article_id", "outlet_id"):
        raise FramingError(value_invalid_msg("by", by, ["article_id", "outlet_id"]))
    ms = list(measures)
    spans = spans.reset_index(drop=True)
    keys = list(groups) if groups is not None else list(dict.fromkeys(str(g) for g in spans[by]))
    values = np.full((len(keys), len(ms)), np.nan)
    if len(spans):
        rows, where = sentence_rows(spans)
        num, den, den_of, hit_rows = matrices(spans, rows, where, ms)
        row_group = rows[by].astype(str).to_numpy(dtype=object)
        span_group = spans[by].astype(str).to_numpy(dtype=object)
        words = rows["n_words"].to_numpy(dtype=float)
        scales = np.array([m.scale for m in ms])
        for i, key in enumerate(keys):
            inside = row_group == key
            k_in = grouped_sums(num, inside.astype(np.int64), 2)[1]
            values[i] = _sums_ratio(k_in, den[inside].sum(axis=0)[den_of]) * scales
            for j, m in enumerate(ms):
                if m.kind == "distinct":
                    defined = words[inside].sum() > 0
                    mine = hit_rows[j][span_group[hit_rows[j]] == key]
                    values[i, j] = float(len(_speakers(spans, mine))) if defined else np.nan
                elif m.kind == "article_mean":
                    values[i, j] = np.nan
    return pd.DataFrame(values, index=pd.Index(keys, name=by), columns=[m.key for m in ms])


def _outlets(spans: pd.DataFrame, articles: pd.DataFrame | None) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    if articles is not None and len(articles):
        for o, name in zip(articles["outlet_id"], articles["outlet_name"], strict=True):
            seen.setdefault(str(o), str(name))
    for o in spans["outlet_id"]:
        seen.setdefault(str(o), str(o))
    return list(seen.items())


def _interval(num_sums: np.ndarray, den_sums: np.ndarray, n_rows: int, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval from resampled sums; NaN with fewer than two sentences."""
    if n_rows < 2 or num_sums.shape[0] < 1:
        return np.full(num_sums.shape[1], np.nan), np.full(num_sums.shape[1], np.nan)
    return percentile_interval(num_sums, den_sums, level=level)


def compare_outlets(
    spans: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    measures: Sequence[Measure] | None = None,
    reps: int = DEFAULT_REPS,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
    min_hits: int = MIN_HITS,
) -> pd.DataFrame:
    """The comparison table: one row per (measure, outlet), with intervals and caveats.

    Args:
        spans: The span table (``framing.model.SPAN_COLUMNS``; ``sentence`` spans give word counts).
        articles: Per-article table (outlet names, languages, readability columns).
        measures: Measures to compute (default: :func:`default_measures`).
        reps: Bootstrap resamples of sentences.
        seed: Seed of the bootstrap (combined with each outlet id).
        level: Interval coverage.
        min_hits: Threshold of the ``few_hits`` caveat.

    Returns:
        A DataFrame with :data:`COMPARISON_COLUMNS`; ``first_span`` is the
        span-table row index of the first span behind the figure (-1 if none).
        ``value`` is NaN where the measure is undefined (no words, no quotes...).
    """
    ms = list(measures) if measures is not None else default_measures(spans, articles)
    spans = spans.reset_index(drop=True)
    rows, where = sentence_rows(spans)
    num, den, den_of, hit_rows = matrices(spans, rows, where, ms)
    outlets = _outlets(spans, articles)
    row_outlet = rows["outlet_id"].to_numpy(dtype=object)
    span_outlet = spans["outlet_id"].to_numpy(dtype=object)
    art_counts: dict[str, int] = {}
    not_en: dict[str, int] = {}
    if articles is not None and len(articles):
        for o, lang in zip(articles["outlet_id"], articles["language"], strict=True):
            art_counts[str(o)] = art_counts.get(str(o), 0) + 1
            not_en[str(o)] = not_en.get(str(o), 0) + int(bool(str(lang)) and str(lang) != "en")
    else:
        for o, arts in spans.groupby("outlet_id")["article_id"]:
            art_counts[str(o)] = arts.nunique()
    scales = np.array([m.scale for m in ms])
    # One resampling per outlet (stratified); the rest's resampled sums are the others' sums.
    row_article = rows["article_id"].to_numpy(dtype=object)
    units = {o: _resampling_units(num, den, row_outlet == o, row_article, art_counts.get(o, 0)) for o, _ in outlets}
    sums = {o: _expanded(resampled_sums(u[0], u[1], rng=generator(o, seed=seed), reps=reps), den_of)
            for o, u in units.items()}
    total_num = sum((s[0] for s in sums.values()), np.zeros((reps, len(ms))))
    total_den = sum((s[1] for s in sums.values()), np.zeros((reps, len(ms))))
    records: list[dict[str, object]] = []
    for outlet_id, outlet_name in outlets:
        inside = row_outlet == outlet_id
        # column sums over the outlet's rows and the rest's, without copying either block of rows
        k_out, k_in = grouped_sums(num, inside.astype(np.int64), 2)
        n_in, n_out = _sum_rows(den, inside)[den_of], _sum_rows(den, ~inside)[den_of]
        value = _sums_ratio(k_in, n_in) * scales
        rest_value = _sums_ratio(k_out, n_out) * scales
        o_num, o_den = sums[outlet_id]
        n_units = len(units[outlet_id][0])
        n_rest = sum(len(u[0]) for o, u in units.items() if o != outlet_id)
        low, high = _interval(o_num, o_den, n_units, level)
        rlow, rhigh = _interval(total_num - o_num, total_den - o_den, n_rest, level)
        w_low, w_high = wilson(k_in, n_in, level=level)
        wr_low, wr_high = wilson(k_out, n_out, level=level)
        span_in = span_outlet == outlet_id
        for j, m in enumerate(ms):
            idx = hit_rows[j][span_in[hit_rows[j]]]
            rec: dict[str, object] = {
                "measure": m.key, "group": m.group, "name": m.name, "unit": m.unit, "kind": m.kind,
                "feature": ",".join(m.features), "outlet_id": outlet_id, "outlet_name": outlet_name,
                "value": float(value[j]), "ci_low": float(low[j] * scales[j]), "ci_high": float(high[j] * scales[j]),
                "rest_value": float(rest_value[j]), "rest_ci_low": float(rlow[j] * scales[j]),
                "rest_ci_high": float(rhigh[j] * scales[j]), "n_articles": art_counts.get(outlet_id, 0),
                "n_hits": len(idx), "n_base": float(n_in[j]),
                "first_span": int(idx[0]) if len(idx) else -1, "english_only": m.english_only,
                "n_not_english": not_en.get(outlet_id, 0),
            }
            n_base = float(n_in[j])
            if m.kind in WILSON_KINDS:
                rec["ci_low"], rec["ci_high"] = float(w_low[j] * scales[j]), float(w_high[j] * scales[j])
                rec["rest_ci_low"], rec["rest_ci_high"] = float(wr_low[j] * scales[j]), float(wr_high[j] * scales[j])
            elif len(idx) == 0 and m.kind in _ZERO_KINDS and n_base > 0:
                # The bootstrap of zero hits is the point [0, 0]; use the rule of three instead.
                rec["ci_low"], rec["ci_high"] = 0.0, float(scales[j] * 3.0 / n_base)
            if m.kind == "distinct":
                rec.update(_distinct(spans, hit_rows[j], span_in))
            elif m.kind == "article_mean" and articles is not None:
                rec.update(_article_mean(articles, m.column, outlet_id))
            records.append(rec)
    table = pd.DataFrame(records, columns=list(COMPARISON_COLUMNS[:20]))
    for column in ("ci_low", "ci_high", "rest_ci_low", "rest_ci_high"):
        table[column] = clip(table[column].to_numpy(dtype=float), list(table["kind"]))
    table = add_caveats(table, min_hits=min_hits)
    # Too few hits for an interval: the reader gets the count (n_hits, n_base), never an interval.
    table.loc[table["few_hits"], ["ci_low", "ci_high"]] = np.nan
    return table[list(COMPARISON_COLUMNS)]


def _resampling_units(
    num: sp.csc_matrix, den: np.ndarray, inside: np.ndarray, row_article: np.ndarray, n_articles: int
) -> tuple[np.ndarray, np.ndarray]:
    """The rows an outlet's bootstrap resamples: its sentences, or its articles (summed) when it has enough."""
    rows = np.flatnonzero(inside)
    if n_articles < ARTICLE_BOOTSTRAP_MIN or not len(rows):
        return num[rows].toarray(), den[rows]
    codes, uniques = pd.factorize(pd.Series(row_article[rows]))
    article_of = np.full(len(inside), -1, dtype=np.int64)
    article_of[rows] = codes
    return grouped_sums(num, article_of, len(uniques)), _article_sums(den[rows], codes, len(uniques))


def _article_sums(matrix: np.ndarray, codes: np.ndarray, n: int) -> np.ndarray:
    """Column sums of ``matrix``'s rows per article (``codes``: each row's article, 0..n-1)."""
    out = np.zeros((n, matrix.shape[1]))
    for j in range(matrix.shape[1]):
        out[:, j] = np.bincount(codes, weights=matrix[:, j], minlength=n)
    return out


def _speakers(spans: pd.DataFrame, rows: np.ndarray) -> set[str]:
    """The distinct speakers (spacing and case folded) of the span-table ``rows``."""
    speakers = spans["speaker"].to_numpy(dtype=object)[rows]
    return {" ".join(str(s).split()).casefold() for s in speakers if str(s).strip()}


def _distinct(spans: pd.DataFrame, rows: np.ndarray, span_in: np.ndarray) -> dict[str, object]:
    nan = float("nan")
    return {"value": float(len(_speakers(spans, rows[span_in[rows]]))), "ci_low": nan, "ci_high": nan,
            "rest_value": float(len(_speakers(spans, rows[~span_in[rows]]))), "rest_ci_low": nan,
            "rest_ci_high": nan, "n_base": nan}


def _article_mean(articles: pd.DataFrame, column: str, outlet_id: str) -> dict[str, object]:
    nan = float("nan")
    inside = articles["outlet_id"] == outlet_id
    vals = pd.to_numeric(articles.loc[inside, column], errors="coerce").dropna()
    rest = pd.to_numeric(articles.loc[~inside, column], errors="coerce").dropna()
    return {"value": float(vals.mean()) if len(vals) else nan, "ci_low": nan, "ci_high": nan,
            "rest_value": float(rest.mean()) if len(rest) else nan, "rest_ci_low": nan, "rest_ci_high": nan,
            "n_hits": int(len(vals)), "n_base": float(len(vals))}
