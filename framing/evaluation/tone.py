"""Validate the tone toward an actor (:func:`framing.tone_toward`) on NewsMTSC.

NewsMTSC (Hamborg & Donnay 2021) labels the sentiment of a news sentence
*toward* one or more named targets. Only its ``train.jsonl`` is here; it is
split once, by article (:func:`is_held_out`: the first 8 hex digits of the
SHA-1 of the article id, modulo 10, below 3 -- about 30% of the targets).
The model and the rules are fitted and tuned on the rest
(``benchmarks/train_tone.py``); the held-out part is only scored.

Rows, all on the held-out part, every tone score classed with the ±0.05 band:

* ``tone toward actor (model)`` and ``(rules)``: coverage (share of targets
  with a score, not NaN) and 3-class macro F1, on all targets and on
  sentences with two or more targets (where tone toward each target, not
  the sentence's tone, decides);
* the baselines: plain VADER (±0.05) and the ``vader_news`` scorer (its own
  band) on the whole sentence.

The 95% interval in the notes is a percentile bootstrap over sentences (1,000 resamples, seed 13).

Example:
    >>> is_held_out("allsides_1018_408_1_Hillary Clinton_2_17") == is_held_out("allsides_1018_408_9_Trump_0_5")
    True
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import numpy as np
import pandas as pd

from framing.evaluation import ValidationRow
from framing.evaluation.sentiment import NEWSMTSC_DIR, classes, read_newsmtsc

#: Share of NewsMTSC train articles held out (``sha1(article) % 10 < HELD_OUT_TENTHS``).
HELD_OUT_TENTHS = 3
#: Targets for the held-out test splits (issue 13).
TARGET_COVERAGE = ">= 0.80"
TARGET_F1 = ">= 0.56"
ANCHOR = "GRU-TSC (Hamborg & Donnay 2021): F1m on the official test sets, not verified here"
BOOTSTRAP = 1000
SEED = 13


def article_of(gid: str) -> str:
    """The article of a NewsMTSC ``primary_gid`` (``allsides_<article>_<story>`` or ``polusa_v1_<article>``).

    Example:
        >>> article_of("polusa_v1_4359001_-1_13_Donald Trump_1_6")
        'polusa_v1_4359001'
    """
    return "_".join(gid.split("_")[:3])


def is_held_out(gid: str) -> bool:
    """Whether the sentence's article is in the held-out 30% (fixed by a hash of the article id)."""
    digest = hashlib.sha1(article_of(gid).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 10 < HELD_OUT_TENTHS


def read_targets(gold_dir: Path) -> pd.DataFrame:
    """NewsMTSC train targets with ``article``, ``held_out`` and ``multi`` (two or more targets) columns."""
    df = read_newsmtsc(gold_dir)
    df["article"] = df["gid"].map(article_of)
    df["held_out"] = df["gid"].map(is_held_out)
    df["multi"] = df.groupby("sid")["y"].transform("size") > 1
    return df


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """3-class macro F1 over -1/0/+1 (a class absent from both sides scores 0, as scikit-learn does).

    Example:
        >>> macro_f1(np.array([-1, 0, 1, 1]), np.array([-1, 0, 1, 0]))
        0.777...
    """
    f = []
    for c in (-1, 0, 1):
        tp = float(np.sum((gold == c) & (pred == c)))
        denom = float(np.sum(gold == c) + np.sum(pred == c))
        f.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f))


def bootstrap_interval(gold: np.ndarray, pred: np.ndarray, groups: np.ndarray) -> tuple[float, float]:
    """95% percentile interval of :func:`macro_f1`, resampling whole sentences."""
    rng = np.random.default_rng(SEED)
    uniq, inverse = np.unique(groups, return_inverse=True)
    members = [np.flatnonzero(inverse == k) for k in range(len(uniq))]
    stats = []
    for _ in range(BOOTSTRAP):
        pick = np.concatenate([members[k] for k in rng.integers(0, len(uniq), len(uniq))])
        stats.append(macro_f1(gold[pick], pred[pick]))
    lo, hi = np.percentile(stats, [2.5, 97.5])
    return float(lo), float(hi)


def score_targets(df: pd.DataFrame, method: str) -> np.ndarray:
    """:func:`framing.features.tone.tone_toward` of every target (the sentence is the text)."""
    from framing.features.tone import tone_toward

    return np.array([tone_toward(s, a, b, sentence=(0, len(s)), method=method)
                     for s, a, b in zip(df["sentence"], df["start"], df["end"], strict=True)], dtype=float)


def sentence_scores(df: pd.DataFrame, scorer: str) -> np.ndarray:
    """Whole-sentence score of every target's sentence under a sentence scorer (the baseline)."""
    from framing.features.sentiment import score_text

    return np.array([score_text(s, scorer=scorer) for s in df["sentence"]], dtype=float)


def _rows(name: str, df: pd.DataFrame, scores: np.ndarray, band: float, *, target: bool) -> list[ValidationRow]:
    ds = "newsmtsc train, held-out 30% of articles"
    metric = f"3-class macro F1 (±{band:g} neutral band)"
    covered = ~np.isnan(scores)
    y = df["y"].to_numpy()
    pred = classes(np.nan_to_num(scores), band)
    multi = df["multi"].to_numpy()
    lo, hi = bootstrap_interval(y, pred, df["sid"].to_numpy())
    rows = [ValidationRow(name, ds, metric, macro_f1(y, pred),
                          anchor=ANCHOR, target=TARGET_F1 if target else "", n=len(y),
                          note=f"95% CI {lo:.3f}-{hi:.3f} (bootstrap over sentences); NaN counted as neutral; "
                          f"accuracy {float(np.mean(pred == y)):.3f}")]
    if target:
        rows.insert(0, ValidationRow(name, ds, "coverage (share of targets scored)", float(covered.mean()),
                                     target=TARGET_COVERAGE, n=len(y)))
    rows.append(ValidationRow(name, "newsmtsc train held-out, 2+ targets per sentence", metric,
                              macro_f1(y[multi], pred[multi]), n=int(multi.sum()),
                              note="where the tone toward each target, not the sentence's tone, decides"))
    return rows


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Tone-toward-actor rows on the held-out part of NewsMTSC train (a NaN row when it is absent)."""
    if not (gold_dir / NEWSMTSC_DIR / "train.jsonl").is_file():
        return [ValidationRow("tone toward actor", NEWSMTSC_DIR, "3-class macro F1", math.nan,
                              note=f"{gold_dir / NEWSMTSC_DIR / 'train.jsonl'} not found")]
    from framing.features.tone import NEUTRAL_BAND

    df = read_targets(gold_dir)
    held = df[df["held_out"]].reset_index(drop=True)
    rows: list[ValidationRow] = []
    for method in ("model", "rules"):
        rows += _rows(f"tone toward actor ({method})", held, score_targets(held, method), NEUTRAL_BAND,
                      target=method == "model")
    from framing.features.sentiment import SCORERS

    for scorer in ("vader", "vader_news"):
        rows += _rows(f"tone toward actor (baseline: {scorer}, whole sentence)", held,
                      sentence_scores(held, scorer), SCORERS[scorer].neutral_band(), target=False)
    return rows
