"""Validate the sentiment scorers against human ratings (VADER ICWSM-2014, NewsMTSC).

Rows:

* plain VADER on all 5,190 NYT editorial snippets: Pearson r and 3-class F1
  (reproduces Hutto & Gilbert 2014, Table 3: r = 0.492, F1 = 0.55);
* the default calibrated scorer and plain VADER on the held-out 30% of NYT
  *articles* (:func:`nyt_split`, seed :data:`NYT_SPLIT_SEED`);
* both scorers on the other VADER domains (tweets, movie and product
  reviews) and on NewsMTSC sentences whose targets all share one polarity
  (news text the calibration never saw).

The tone toward each NewsMTSC target is validated in :mod:`framing.evaluation.tone`.

3-class F1 for the reproduction follows the paper: predicted class from the
scorer's neutral band, gold class = sign of the human mean rating (0 =
neutral), support-weighted F1 (scikit-learn's "avg / total" of 2014); this
gold has almost no neutral items (244 of 5,190), so held-out comparisons use
macro F1 against gold classes with ``|mean| <= 0.5`` neutral, and give the
paper-protocol figure in the note.

Example:
    >>> nyt_split(["1_1", "1_2", "2_1"])[0].tolist() == nyt_split(["1_1", "1_2", "2_1"])[0].tolist()
    True
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from framing.evaluation import ValidationRow

#: Seed and share of the NYT article-level hold-out (used by training and validation alike).
NYT_SPLIT_SEED = 20140601
NYT_TEST_SHARE = 0.3

VADER_DIR = "vader_icwsm2014"
NEWSMTSC_DIR = "newsmtsc"
DOMAINS: dict[str, str] = {
    "nyt": "nytEditorialSnippets",
    "tweets": "tweets",
    "movies": "movieReviewSnippets",
    "products": "amazonReviewSnippets",
}
#: Hutto & Gilbert (2014) Table 3, VADER row: (r, F1) per domain.
PAPER_VADER: dict[str, tuple[float, float]] = {
    "nyt": (0.492, 0.55),
    "tweets": (0.881, 0.96),
    "movies": (0.451, 0.61),
    "products": (0.565, 0.63),
}
PAPER_HUMAN_NYT_R = 0.745
#: Human gold for macro F1: |mean rating| <= 0.5 is neutral.
HUMAN_NEUTRAL = 0.5


def read_vader_domain(gold_dir: Path, domain: str) -> pd.DataFrame:
    """One VADER ground-truth file as ``id``, ``mean`` (-4..4), ``text``.

    Example:
        >>> read_vader_domain(Path("/nonexistent"), "nyt")
        Traceback (most recent call last):
        ...
        FileNotFoundError: /nonexistent/vader_icwsm2014/nytEditorialSnippets_GroundTruth.txt
    """
    path = gold_dir / VADER_DIR / f"{DOMAINS[domain]}_GroundTruth.txt"
    if not path.is_file():
        raise FileNotFoundError(str(path))
    df = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["id", "mean", "text"],
        quoting=csv.QUOTE_NONE,
        encoding="utf-8-sig",
        dtype={"id": str},
        keep_default_na=False,
    )
    df["text"] = df["text"].astype(str).str.strip()
    df["mean"] = df["mean"].astype(float)
    return df


def nyt_split(ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(train, test) boolean masks: 30% of NYT *articles* (id prefix) held out, seeded.

    Sentences of one editorial never straddle the split.
    """
    arts = pd.Series([str(i).split("_")[0] for i in ids])
    unique = sorted(set(arts), key=lambda a: (len(a), a))
    rng = np.random.default_rng(NYT_SPLIT_SEED)
    n_test = int(round(NYT_TEST_SHARE * len(unique)))
    test_arts = set(rng.choice(np.array(unique, dtype=object), size=n_test, replace=False).tolist())
    test = arts.isin(test_arts).to_numpy()
    return ~test, test


def read_newsmtsc(gold_dir: Path) -> pd.DataFrame:
    """NewsMTSC ``train.jsonl`` exploded to one row per target.

    Columns: ``sid`` (sentence number), ``gid`` (the sentence's ``primary_gid``),
    ``sentence``, ``start``, ``end``, ``mention``, ``y`` (-1/0/+1).
    """
    path = gold_dir / NEWSMTSC_DIR / "train.jsonl"
    if not path.is_file():
        raise FileNotFoundError(str(path))
    rows = []
    with path.open(encoding="utf-8") as fh:
        for sid, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            for t in rec["targets"]:
                rows.append(
                    {
                        "sid": sid,
                        "gid": rec["primary_gid"],
                        "sentence": rec["sentence_normalized"],
                        "start": int(t["from"]),
                        "end": int(t["to"]),
                        "mention": t["mention"],
                        "y": {2: -1, 4: 0, 6: 1}[int(t["polarity"])],
                    }
                )
    return pd.DataFrame(rows)


def newsmtsc_sentences(targets: pd.DataFrame) -> pd.DataFrame:
    """Sentence-level polarity: sentences whose targets all share one polarity."""
    g = targets.groupby("sid").agg(sentence=("sentence", "first"), y=("y", "first"), k=("y", "nunique"))
    return g[g["k"] == 1].reset_index()[["sid", "sentence", "y"]]


def classes(values: np.ndarray, band: float) -> np.ndarray:
    """-1/0/+1 with ``|x| <= band`` neutral.

    Example:
        >>> classes(np.array([-0.3, 0.0, 0.06]), 0.05).tolist()
        [-1, 0, 1]
    """
    return np.where(values > band, 1, np.where(values < -band, -1, 0))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson r (NaN when either side is constant).

    Example:
        >>> round(pearson(np.array([1.0, 2, 3]), np.array([1.0, 2, 4])), 3)
        0.982
    """
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def f1s(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    """(support-weighted F1, macro F1) over the three classes."""
    from sklearn.metrics import f1_score

    w = float(f1_score(gold, pred, labels=[-1, 0, 1], average="weighted", zero_division=0))
    m = float(f1_score(gold, pred, labels=[-1, 0, 1], average="macro", zero_division=0))
    return w, m


def _scores(texts: Sequence[str], scorer: str) -> np.ndarray:
    from framing.features.sentiment import score_text

    return np.array([score_text(t, scorer=scorer) for t in texts], dtype=float)


def _band(scorer: str) -> float:
    from framing.features.sentiment import SCORERS

    return SCORERS[scorer].neutral_band()


def _vader_rows(gold_dir: Path) -> list[ValidationRow]:
    from framing.features.sentiment import current_scorer_name

    default = current_scorer_name()
    rows: list[ValidationRow] = []
    nyt = read_vader_domain(gold_dir, "nyt")
    y = nyt["mean"].to_numpy()
    sign = np.sign(y).astype(int)
    plain = _scores(nyt["text"].tolist(), "vader")
    w, m = f1s(sign, classes(plain, _band("vader")))
    r_paper, f_paper = PAPER_VADER["nyt"]
    rows.append(
        ValidationRow("sentence sentiment (vader)", "vader_icwsm2014 nyt (all)", "Pearson r", pearson(plain, y),
                      anchor=f"{r_paper} (VADER, Hutto & Gilbert 2014); humans {PAPER_HUMAN_NYT_R}",
                      n=len(y), note="reproduction of the published figure with vaderSentiment 3.3.2"))
    rows.append(
        ValidationRow("sentence sentiment (vader)", "vader_icwsm2014 nyt (all)", "3-class F1 (weighted)", w,
                      anchor=f"{f_paper} (VADER, Hutto & Gilbert 2014)", n=len(y),
                      note=f"compound +-0.05 vs sign of human mean; macro F1 {m:.3f}"))
    train, test = nyt_split(nyt["id"].tolist())
    texts_te = nyt["text"][test].tolist()
    y_te, sign_te = y[test], sign[test]
    scored: dict[str, np.ndarray] = {"vader": plain[test]}
    if default != "vader":
        scored[default] = _scores(texts_te, default)
    gold5_te = classes(y_te, HUMAN_NEUTRAL)
    for name, sc in scored.items():
        w, _ = f1s(sign_te, classes(sc, _band(name)))
        _, m5 = f1s(gold5_te, classes(sc, _band(name)))
        tgt = ">= 0.55" if name == default else ""
        rows.append(ValidationRow(f"sentence sentiment ({name})", "vader_icwsm2014 nyt held-out 30% articles",
                                  "Pearson r", pearson(sc, y_te), anchor=f"{r_paper} (VADER, all NYT)",
                                  target=tgt, n=len(y_te),
                                  note=f"split: seed {NYT_SPLIT_SEED}, 30% of articles"))
        rows.append(ValidationRow(f"sentence sentiment ({name})", "vader_icwsm2014 nyt held-out 30% articles",
                                  "3-class macro F1 (human |mean|<=0.5 neutral)", m5, n=len(y_te),
                                  note=f"paper protocol (sign of mean, weighted F1): {w:.3f}"))
    for dom in ("tweets", "movies", "products"):
        d = read_vader_domain(gold_dir, dom)
        yd = d["mean"].to_numpy()
        for name in dict.fromkeys(["vader", default]):
            sc = _scores(d["text"].tolist(), name)
            w, _ = f1s(np.sign(yd).astype(int), classes(sc, _band(name)))
            _, m = f1s(classes(yd, HUMAN_NEUTRAL), classes(sc, _band(name)))
            r_p, f_p = PAPER_VADER[dom]
            rows.append(ValidationRow(f"sentence sentiment ({name})", f"vader_icwsm2014 {dom} (other domain)",
                                      "Pearson r", pearson(sc, yd), anchor=f"{r_p} (VADER, Hutto & Gilbert 2014)",
                                      n=len(yd), note=f"3-class F1 paper protocol {w:.3f} (paper {f_p}), "
                                      f"macro (|mean|<=0.5 neutral) {m:.3f}; not used in training"))
    return rows


def _newsmtsc_rows(gold_dir: Path) -> list[ValidationRow]:
    from framing.features.sentiment import current_scorer_name

    default = current_scorer_name()
    rows: list[ValidationRow] = []
    tg = read_newsmtsc(gold_dir)
    sent = newsmtsc_sentences(tg)
    ys = sent["y"].to_numpy()
    for name in dict.fromkeys(["vader", default]):
        sc = _scores(sent["sentence"].tolist(), name)
        _, m = f1s(ys, classes(sc, _band(name)))
        rows.append(ValidationRow(f"sentence sentiment ({name})", "newsmtsc train, sentences with one polarity",
                                  "3-class macro F1", m, n=len(ys),
                                  note=f"second news domain, not used in training; Spearman "
                                  f"{pd.Series(sc).corr(pd.Series(ys), method='spearman'):.3f}"))
    return rows


def validate(gold_dir: Path) -> list[ValidationRow]:
    """All sentiment validity rows (NaN rows with a note where data are missing)."""
    rows: list[ValidationRow] = []
    if (gold_dir / VADER_DIR).is_dir():
        rows += _vader_rows(gold_dir)
    else:
        rows.append(ValidationRow("sentence sentiment", VADER_DIR, "Pearson r", math.nan,
                                  note=f"{gold_dir / VADER_DIR} not found"))
    if (gold_dir / NEWSMTSC_DIR).is_dir():
        rows += _newsmtsc_rows(gold_dir)
    else:
        rows.append(ValidationRow("sentence sentiment", NEWSMTSC_DIR, "3-class macro F1", math.nan,
                                  note=f"{gold_dir / NEWSMTSC_DIR} not found"))
    return rows
