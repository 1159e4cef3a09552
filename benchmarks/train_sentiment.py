"""Fit the ``vader_news`` calibration and write ``framing/models/sentiment_vader_news.json``.

The features are those of ``framing.features.sentiment.vader_features``
(VADER with the news mask and the news-event valences of
``framing/lexicons/news_valence.tsv``). Deterministic: ordinary least squares
on 70% of the NYT editorial snippets of
Hutto & Gilbert (2014) (the article-level split of
``framing.evaluation.sentiment.nyt_split``, seed 20140601); the held-out 30%
is only scored, never fitted. Only coefficients and summary figures are
written -- no text, no data.

Usage:
    .venv/bin/python benchmarks/train_sentiment.py [--gold DIR] [--out FILE] [--check]

``--check`` refits and compares with the shipped file instead of writing it
(exit code 1 if they differ).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from framing.evaluation import default_gold_dir
from framing.evaluation.sentiment import (
    NYT_SPLIT_SEED,
    NYT_TEST_SHARE,
    classes,
    f1s,
    nyt_split,
    pearson,
    read_vader_domain,
)
from framing.features.sentiment import FEATURE_NAMES, MODEL_FILE, vader_features

OUT = Path(__file__).resolve().parents[1] / "framing" / "models" / MODEL_FILE
SCALE = 4.0  # human ratings run from -4 to +4
BANDS = np.round(np.arange(0.0, 0.2001, 0.025), 3)
HUMAN_NEUTRAL = 0.5  # |mean rating| <= 0.5: the raters, on average, within half a point of neutral


def fit(gold: Path) -> dict[str, object]:
    nyt = read_vader_domain(gold, "nyt")
    X = np.array([vader_features(t).vector() for t in nyt["text"]])
    y = nyt["mean"].to_numpy()
    train, test = nyt_split(nyt["id"].tolist())
    A = np.c_[np.ones(int(train.sum())), X[train]]
    beta, *_ = np.linalg.lstsq(A, y[train], rcond=None)
    beta = np.round(beta, 6)
    pred = np.clip((beta[0] + X @ beta[1:]) / SCALE, -1.0, 1.0)
    gold = classes(y, HUMAN_NEUTRAL)
    # neutral band: the one maximising macro 3-class F1 on the training part (ties: smallest)
    scores = [f1s(gold[train], classes(pred[train], b))[1] for b in BANDS]
    band = float(BANDS[int(np.argmax(scores))])
    _, m_te = f1s(gold[test], classes(pred[test], band))
    w_te, _ = f1s(np.sign(y[test]).astype(int), classes(pred[test], band))
    return {
        "name": "vader_news",
        "version": 2,
        "description": "VADER 3.3.2 with news-neutral masking and news-event valences (lexicons/news_valence.tsv), "
        "linearly calibrated to mean human ratings",
        "features": list(FEATURE_NAMES),
        "coef": [float(b) for b in beta[1:]],
        "intercept": float(beta[0]),
        "scale": SCALE,
        "neutral_band": band,
        "trained_on": "vader_icwsm2014 nytEditorialSnippets_GroundTruth.txt (Hutto & Gilbert 2014, MIT)",
        "split": {
            "unit": "article (id prefix)",
            "seed": NYT_SPLIT_SEED,
            "test_share": NYT_TEST_SHARE,
            "n_train": int(train.sum()),
            "n_test": int(test.sum()),
        },
        "fit": "ordinary least squares (numpy.linalg.lstsq), coefficients rounded to 6 decimals; "
        "neutral band = argmax macro F1 on the training part over 0..0.2 step 0.025, "
        "gold classes: human mean > +0.5 / < -0.5 / else neutral",
        "held_out": {"pearson_r": round(pearson(pred[test], y[test]), 4),
                     "f1_macro_gold_pm0.5": round(m_te, 4), "f1_weighted_gold_sign": round(w_te, 4)},
        "script": "benchmarks/train_sentiment.py",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    model = fit(args.gold or default_gold_dir())
    text = json.dumps(model, indent=2) + "\n"
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("identical" if same else "DIFFERENT")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
