"""Fit the tone-toward-actor model and write ``framing/models/tone_newsmtsc.json``.

Data: NewsMTSC ``train.jsonl`` (Hamborg & Donnay 2021), split by article
(``framing.evaluation.tone.is_held_out``): the model is fitted and the rules
are tuned on the 70% training part only; the held-out 30% is scored once
and its figures recorded. The devtest files of NewsMTSC are not used.

Model: multinomial logistic regression with an L1 penalty (scikit-learn
``saga``, balanced class weights) over the features of
``framing.features.tone_features.features`` that occur in at least
``MIN_COUNT`` training targets, each scaled by its largest absolute value;
the written weights are in unscaled units, zeros dropped, rounded to 5
decimals. Only weights and summary figures are written -- no text.

Usage:
    .venv/bin/python benchmarks/train_tone.py [--gold DIR] [--out FILE] [--check]

``--check`` refits and compares with the shipped file (all but ``date``)
instead of writing it (exit code 1 if they differ).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.preprocessing import MaxAbsScaler

from framing.evaluation import default_gold_dir
from framing.evaluation.sentiment import classes
from framing.evaluation.tone import HELD_OUT_TENTHS, macro_f1, read_targets, sentence_scores
from framing.features import tone
from framing.features.tone_features import DECAYS, WINDOW, features, locate

OUT = Path(__file__).resolve().parents[1] / "framing" / "models" / tone.MODEL_FILE
MIN_COUNT = 3
C = 0.3  # chosen by 5-fold grouped cross-validation on the training part (0.2, 0.3, 0.5 tried)
CLASSES = (-1, 0, 1)
RULE_GRID = {"decay_words": (2.0, 4.0, 8.0, 16.0), "other_clause": (0.0, 0.3, 0.6, 1.0),
             "speaker": (0.0, 0.3, 0.6, 1.0)}


def _classifier() -> LogisticRegression:
    return LogisticRegression(C=C, l1_ratio=1.0, solver="saga", class_weight="balanced", max_iter=5000,
                              tol=1e-4, random_state=0)


def _model_dict(clf: LogisticRegression, names: list[str], scale: np.ndarray) -> dict[str, Any]:
    assert tuple(int(c) for c in clf.classes_) == CLASSES
    coef = clf.coef_ / scale[None, :]
    weights = {n: [round(float(x), 5) for x in coef[:, j]]
               for j, n in enumerate(names) if np.any(np.round(coef[:, j], 5) != 0)}
    return {"classes": list(CLASSES), "intercept": [round(float(b), 5) for b in clf.intercept_],
            "weights": dict(sorted(weights.items()))}


def _tune_rules(mentions: list[tone.Mention], y: np.ndarray) -> tuple[dict[str, float], float]:
    """Grid search of the ``rules`` parameters (:data:`framing.features.tone.RULES`) on the training part."""
    best: tuple[float, dict[str, float]] = (-1.0, {})
    for values in itertools.product(*RULE_GRID.values()):
        params = dict(zip(RULE_GRID, values, strict=True))
        pred = classes(np.array([tone.rules_score(m, params) for m in mentions]), tone.NEUTRAL_BAND)
        f = macro_f1(y, pred)
        if f > best[0] + 1e-9:
            best = (f, params)
    return best[1], round(best[0], 4)


def fit(gold: Path) -> dict[str, Any]:
    df = read_targets(gold)
    train = df[~df["held_out"]].reset_index(drop=True)
    held = df[df["held_out"]].reset_index(drop=True)
    mentions = [locate(s, a, b) for s, a, b in zip(train["sentence"], train["start"], train["end"], strict=True)]
    feats = [features(m) if m is not None else {} for m in mentions]
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    keep = np.asarray((X != 0).sum(axis=0)).ravel() >= MIN_COUNT
    X = X[:, keep]
    names = [n for n, k in zip(vec.get_feature_names_out(), keep, strict=True) if k]
    scaler = MaxAbsScaler().fit(X)
    Xs = scaler.transform(X)
    y = train["y"].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        proba = cross_val_predict(_classifier(), Xs, y, groups=train["article"],
                                  cv=GroupKFold(5, shuffle=True, random_state=0), method="predict_proba")
        clf = _classifier().fit(Xs, y)
    cv_scores = np.array([tone.decision_score(*p) for p in proba])
    cv_pred = classes(cv_scores, tone.NEUTRAL_BAND)
    multi = train["multi"].to_numpy()
    model = _model_dict(clf, names, scaler.scale_)
    rules, rules_f1 = _tune_rules([m for m in mentions if m is not None],
                                  y[[m is not None for m in mentions]])
    figures = _held_out_figures(held, model)
    return {
        "name": "tone_newsmtsc",
        "version": 1,
        "date": date.today().isoformat(),
        "description": "tone toward a mention: multinomial logistic regression (L1) over target-aware VADER "
        "valence features and lower-case words near the mention (framing.features.tone_features)",
        "trained_on": "NewsMTSC train.jsonl (Hamborg & Donnay 2021, EACL; repository fhamborg/NewsMTSC, MIT)",
        "split": {"unit": "article (primary_gid up to the third underscore)",
                  "rule": f"held out when int(sha1(article)[:8], 16) % 10 < {HELD_OUT_TENTHS}",
                  "n_train": len(train), "n_held_out": len(held)},
        "fit": {"solver": "saga", "penalty": "l1", "C": C, "class_weight": "balanced", "min_count": MIN_COUNT,
                "scaling": "max-abs (weights written unscaled)", "window_words": WINDOW,
                "decays_words": list(DECAYS), "score": "framing.features.tone.decision_score, neutral band 0.05"},
        "cv_train": {"folds": "5, grouped by article, shuffled with seed 0",
                     "macro_f1": round(macro_f1(y, cv_pred), 4),
                     "macro_f1_multi_target": round(macro_f1(y[multi], cv_pred[multi]), 4)},
        "rules_tuning": {"grid": {k: list(v) for k, v in RULE_GRID.items()}, "best": rules,
                         "train_macro_f1": rules_f1},
        "held_out": figures,
        "script": "benchmarks/train_tone.py",
        **model,
    }


def _held_out_figures(held: pd.DataFrame, model: dict[str, Any]) -> dict[str, float]:
    """Macro F1 on the held-out part: the model just fitted, the rules, and whole-sentence VADER."""
    fitted = tone.ToneModel(classes=CLASSES, intercept=tuple(model["intercept"]),
                            weights={k: tuple(v) for k, v in model["weights"].items()}, meta={})
    located = [locate(s, a, b) for s, a, b in zip(held["sentence"], held["start"], held["end"], strict=True)]
    scored = {method: np.array([tone.score_mention(m, method=method, model=fitted) for m in located])
              for method in ("model", "rules")}
    y, multi = held["y"].to_numpy(), held["multi"].to_numpy()
    out: dict[str, float] = {}
    for name, sc in scored.items():
        pred = classes(np.nan_to_num(sc), tone.NEUTRAL_BAND)
        out[f"{name}_coverage"] = round(float(np.mean(~np.isnan(sc))), 4)
        out[f"{name}_macro_f1"] = round(macro_f1(y, pred), 4)
        out[f"{name}_macro_f1_multi_target"] = round(macro_f1(y[multi], pred[multi]), 4)
    pred = classes(sentence_scores(held, "vader"), 0.05)
    out["vader_sentence_macro_f1"] = round(macro_f1(y, pred), 4)
    out["vader_sentence_macro_f1_multi_target"] = round(macro_f1(y[multi], pred[multi]), 4)
    return out


def _dumps(model: dict[str, Any]) -> str:
    """JSON with one line per weight."""
    text = json.dumps(model, indent=1)
    return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]",
                  text) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    model = fit(args.gold or default_gold_dir())
    if args.check:
        old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
        same = {k: v for k, v in old.items() if k != "date"} == {k: v for k, v in model.items() if k != "date"}
        print("identical" if same else "DIFFERENT")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(_dumps(model), encoding="utf-8")
    print(json.dumps({k: v for k, v in model.items() if k != "weights"}, indent=1))
    print(f"{len(model['weights'])} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
