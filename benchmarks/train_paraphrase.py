"""Train the paraphrase model and write ``framing/models/paraphrase.json``.

Data: PolNeAR v1.0.0 (Newell et al. 2018, LREC) from ``../shared/gold/polnear``.
The train split minus a fixed held-out share
(:func:`framing.evaluation.paraphrase.is_held_out`, 15% of the articles) is
fitted; the held-out part is only scored. Hyper-parameters (regularisation,
cue threshold, cue-word cut-offs) are chosen on the dev split. The test split
is never read.

Recipe:

1. Cue words: words of gold Cue spans of indirect speech that are not lexicon
   cues, seen at least ``MIN_CUE_COUNT`` times as such a cue and at least
   ``MIN_CUE_RATE`` of their occurrences, except verbs of aim (``NOT_CUES``:
   "wants", "plans", "expect"). A learned word that the reporting-verb
   lexicon's header does not list as one of saying, judging or thinking
   (``learned_speech``) is a word of action: its candidates are only clauses
   (:mod:`framing.attribution.reported`), here as in the extractor, since both
   read contents through :func:`~framing.attribution.paraphrase.best_content`.
2. Candidates: :func:`framing.attribution.paraphrase.cue_candidates` on each
   article (the extractor's own cues, speakers and sentence tokens).
3. Cue model: logistic regression on
   :func:`~framing.attribution.paraphrase_features.cue_features`; a cue is
   positive when a gold relation with this cue has indirect content that one
   of its candidate spans matches (>= 50% of the longer span's words).
4. Span model: logistic regression on
   :func:`~framing.attribution.paraphrase_features.span_features` of the
   candidates of positive cues; positive = the candidate closest to the gold
   content (word F1), used as a ranker. ``--ranker pairwise`` fits the best
   candidate against each worse one instead (no better on dev; not shipped).
5. Rules kept beside the model (:mod:`framing.attribution.paraphrase_rules`:
   trailing attribution, "In X's telling", "Name: content" paragraphs) are
   scored with the model's readings, as the extractor uses them, and so is the second piece of
   "A, X said, B" (:func:`~framing.attribution.paraphrase.second_piece`, at A's probability), and so is the
   clause of "ADVERBIAL, X said, B" (:func:`~framing.attribution.paraphrase.past_adverbial`).
6. Threshold: the highest cue probability whose indirect-speech F1 on dev is
   within ``F1_TIE`` of the best (the F1 curve is flat there; precision is not).

Only weights (rounded, near-zero ones dropped), the cue-word list and summary
figures are written: no text. liblinear runs with a fixed seed, so the recipe
gives the same weights on every run.

Usage:
    .venv/bin/python benchmarks/train_paraphrase.py [--gold DIR] [--out FILE] [--c-cue C] [--c-span C]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from framing.attribution.context import Context
from framing.attribution.direct import attribute_direct
from framing.attribution.marks import quotations
from framing.attribution.paraphrase import (
    CueCandidate,
    best_content,
    cue_candidates,
    inside_quotes,
    past_adverbial,
    read_cue,
    rule_paraphrases,
    second_piece,
)
from framing.attribution.paraphrase_features import span_candidates, span_features
from framing.attribution.paraphrase_model import MODEL_FILE, ParaphraseModel
from framing.attribution.words import AUXILIARIES, DETERMINERS, FUNCTION_WORDS
from framing.corpus.segmentation import WORD_RE, split_sentences
from framing.evaluation import default_gold_dir
from framing.evaluation.paraphrase import (
    GoldArticle,
    ParaphraseScores,
    Predicted,
    is_held_out,
    load_articles,
    score_article,
)
from framing.lexicons import load_lexicon

MIN_CUE_COUNT = 3
MIN_CUE_RATE = 0.1
#: Verbs of wanting, planning and expecting: PolNeAR marks some as cues, but what follows is the
#: outlet's own report of an aim ("Japan wants its alliance ... to be more equal"), not reported speech.
NOT_CUES = frozenset(
    "want wants wanted wanting plan plans planned planning expect expects expected expecting "
    "intend intends intended intending aim aims aimed aiming seek seeks sought seeking".split()
)
WEIGHT_EPS = 0.005
#: Thresholds whose dev F1 is within this of the best count as ties; the highest (most precise) wins.
F1_TIE = 0.005
THRESHOLDS = np.round(np.arange(0.1, 0.8, 0.025), 3)


@dataclass
class Prepared:
    """One article's candidates, with what scoring needs."""

    art: GoldArticle
    ctx: Context
    cands: list[CueCandidate]
    covers: Callable[[int], bool]
    targets: list[tuple[int, int] | None] = field(default_factory=list)


def _words(text: str, a: int, b: int) -> set[int]:
    return {m.start() for m in WORD_RE.finditer(text, a, b)}


def _f1(x: set[int], y: set[int]) -> float:
    ov = len(x & y)
    return 0.0 if not ov else 2 * ov / (len(x) + len(y))


def _match(x: set[int], y: set[int]) -> bool:
    ov = len(x & y)
    return bool(ov) and ov >= 0.5 * max(len(x), len(y))


def _head(words: list[str], lexicon: set[str]) -> str | None:
    """The head of a cue with no lexicon form: its first word that is not a function word or auxiliary."""
    if any(w in lexicon for w in words):
        return None
    skip = FUNCTION_WORDS | AUXILIARIES | DETERMINERS
    return next((w for w in words if w not in skip and w.isalpha() and len(w) > 2 and not w.endswith("ly")), None)


def cue_words(arts: list[GoldArticle], *, min_count: int = MIN_CUE_COUNT, min_rate: float = MIN_CUE_RATE) -> list[str]:
    """Heads of cues of indirect speech seen often enough, and often enough as a cue, not in the lexicon."""
    lexicon = {r["term"].lower() for r in load_lexicon("reporting_verbs").rows}
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for art in arts:
        seen.update(w.lower() for w in WORD_RE.findall(art.text))
        for rel in art.relations:
            if rel.indirect:
                head = _head([w.lower() for a, b in rel.cue for w in WORD_RE.findall(art.text[a:b])], lexicon)
                if head:
                    as_cue[head] += 1
    return sorted(
        w for w, n in as_cue.items() if n >= min_count and n / max(seen[w], n) >= min_rate and w not in NOT_CUES
    )


def prepare(art: GoldArticle, model: ParaphraseModel) -> Prepared:
    """Candidates of one article and, for each, its label and gold content (None if negative)."""
    text = art.text
    ctx = Context.of(text, split_sentences(text))
    top = [q for q in quotations(text) if not q.nested]
    cands = cue_candidates(ctx, top, attribute_direct(ctx, top), model=model)
    prep = Prepared(art, ctx, cands, inside_quotes(top))
    for c in cands:
        target = None
        for rel in art.relations:
            if not any(a < c.cue.end and c.cue.start < b for a, b in rel.cue):
                continue
            tk = c.tokens
            for ga, gb in rel.indirect:
                gold = _words(text, ga, gb)
                for cand in span_candidates(tk, c.ci, c.cj, c.sp_lo, c.sp_hi):
                    s, e = tk.trimmed(cand.start, cand.end)
                    if _match(_words(text, tk.starts[s], tk.ends[e - 1]), gold):
                        target = (ga, gb)
                        break
                if target:
                    break
            if target:
                break
        prep.targets.append(target)
    return prep


def _counts(feats: list[str], sign: float = 1.0) -> dict[str, float]:
    out: dict[str, float] = {}
    for f in feats:
        out[f] = out.get(f, 0.0) + sign
    return out


def _pairs(groups: list[tuple[list[str], list[list[str]]]]) -> tuple[list[dict[str, float]], list[int]]:
    """Pairwise rows for a ranker: best candidate minus each other candidate, signs alternating."""
    rows: list[dict[str, float]] = []
    y: list[int] = []
    for best, others in groups:
        pos = _counts(best)
        for other in others:
            diff = dict(pos)
            for f, v in _counts(other, -1.0).items():
                diff[f] = diff.get(f, 0.0) + v
            diff = {f: v for f, v in diff.items() if v}
            if not diff:
                continue
            flip = len(y) % 2
            rows.append({f: -v for f, v in diff.items()} if flip else diff)
            y.append(0 if flip else 1)
    return rows, y


def _fit(rows: list[list[str]] | list[dict[str, float]], y: list[int], c: float, penalty: str, *,
         intercept: bool = True) -> tuple[dict[str, float], float]:
    vec = DictVectorizer()
    X = vec.fit_transform([r if isinstance(r, dict) else {f: 1 for f in r} for r in rows]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear wants 32-bit indices
    lr = LogisticRegression(C=c, solver="liblinear", max_iter=2000, l1_ratio=1.0 if penalty == "l1" else 0.0,
                            fit_intercept=intercept, random_state=0)
    lr.fit(X, np.array(y))
    names = vec.get_feature_names_out()
    coef = lr.coef_[0]
    weights = {str(names[i]): round(float(coef[i]), 4) for i in np.flatnonzero(np.abs(coef) >= WEIGHT_EPS)}
    return weights, round(float(lr.intercept_[0]) if intercept else 0.0, 4)


def fit(
    preps: list[Prepared], words: list[str], c_cue: float, c_span: float, penalty: str, *, ranker: str = "pointwise"
) -> ParaphraseModel:
    """Fit the span ranker on the cues with gold content, then the cue model on every cue's best content.

    ``ranker``: ``pairwise`` (the best candidate against each worse one, no
    intercept) or ``pointwise`` (each candidate: best or not).
    """
    span_rows, span_y = [], []
    groups: list[tuple[list[str], list[list[str]]]] = []
    for p in preps:
        text = p.art.text
        for c, target in zip(p.cands, p.targets, strict=True):
            if target is None:
                continue
            tk = c.tokens
            gold = _words(text, *target)
            cands = span_candidates(tk, c.ci, c.cj, c.sp_lo, c.sp_hi)
            f1s = []
            for cand in cands:
                s, e = tk.trimmed(cand.start, cand.end)
                f1s.append(_f1(_words(text, tk.starts[s], tk.ends[e - 1]), gold))
            best = int(np.argmax(f1s))
            cand_feats = [span_features(tk, c.ci, c.cj, cand, c.info) for cand in cands]
            groups.append((cand_feats[best], [f for f, f1 in zip(cand_feats, f1s, strict=True) if f1 < f1s[best]]))
            span_rows += cand_feats
            span_y += [int(k == best) for k in range(len(cands))]
    if ranker == "pairwise":
        pair_rows, pair_y = _pairs(groups)
        sw, sb = _fit(pair_rows, pair_y, c_span, penalty, intercept=False)
    else:
        sw, sb = _fit(span_rows, span_y, c_span, penalty)
    span_model = ParaphraseModel.from_dict({"cue": {"weights": {}}, "span": {"weights": sw, "bias": sb},
                                           "threshold": 0.5, "cue_words": words})
    cue_rows, cue_y = [], []
    for p in preps:
        text = p.art.text
        for c, target in zip(p.cands, p.targets, strict=True):
            found = best_content(c, span_model, p.covers)
            if found is None:
                continue
            feats, a, b = found
            cue_rows.append(feats)
            cue_y.append(int(target is not None and _match(_words(text, a, b), _words(text, *target))))
    cw, cb = _fit(cue_rows, cue_y, c_cue, penalty)
    print(f"cue rows {len(cue_rows)} (+{sum(cue_y)}), span rows {len(span_rows)}; weights {len(cw)} + {len(sw)}",
          file=sys.stderr)
    return ParaphraseModel.from_dict({"cue": {"weights": cw, "bias": cb}, "span": {"weights": sw, "bias": sb},
                                      "threshold": 0.5, "cue_words": words})


def evaluate(preps: list[Prepared], model: ParaphraseModel, thresholds: list[float]) -> dict[float, ParaphraseScores]:
    """Indirect-speech scores of the candidates at each cue threshold (speakers as mentioned, unresolved)."""
    out = {t: ParaphraseScores() for t in thresholds}
    for p in preps:
        read = [(read_cue(c, model, p.covers), c.speaker) for c in p.cands]
        scored = [(r.probability, Predicted((r.start, r.end), (sp.start, sp.end), sp.text)) for r, sp in read if r]
        for (r, sp), c in zip(read, p.cands, strict=True):  # "A, X said, B": B, at A's probability
            rest = (second_piece(c, r, p.covers) or past_adverbial(c, r, p.covers)) if r else None
            if r and rest:
                scored.append((r.probability, Predicted(rest, (sp.start, sp.end), sp.text)))
        for t in thresholds:
            taken = {c.cue.start for (r, _), c in zip(read, p.cands, strict=True) if r and r.probability >= t}
            rules = [Predicted((a, b), (sp.start, sp.end), sp.text)
                     for a, b, sp, _ in rule_paraphrases(p.ctx, p.covers, taken)]
            score_article(p.art, [pr for prob, pr in scored if prob >= t] + rules, out[t])
    return out


def _figures(sc: ParaphraseScores) -> dict[str, float]:
    return {"precision": round(sc.precision, 4), "recall": round(sc.recall, 4), "f1": round(sc.f1, 4),
            "speaker_accuracy_unresolved": round(sc.speaker_accuracy, 4), "n_gold": sc.tp + sc.fn}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--c-cue", type=float, default=1.0)
    ap.add_argument("--c-span", type=float, default=3.0)
    ap.add_argument("--penalty", choices=("l1", "l2"), default="l1")
    ap.add_argument("--ranker", choices=("pairwise", "pointwise"), default="pointwise")
    ap.add_argument("--min-cue-count", type=int, default=MIN_CUE_COUNT)
    ap.add_argument("--min-cue-rate", type=float, default=MIN_CUE_RATE)
    args = ap.parse_args()
    base = (args.gold or default_gold_dir()) / "polnear" / "data"
    train = load_articles(base / "train")
    dev = load_articles(base / "dev")
    if not train or not dev:
        print(f"PolNeAR train/dev not found under {base}", file=sys.stderr)
        return 1
    fit_arts = [a for a in train if not is_held_out(a.name)]
    held = [a for a in train if is_held_out(a.name)]
    words = cue_words(fit_arts, min_count=args.min_cue_count, min_rate=args.min_cue_rate)
    vocab_model = ParaphraseModel.from_dict({"cue": {"weights": {}}, "span": {"weights": {}}, "threshold": 0.5,
                                             "cue_words": words})
    preps = [prepare(a, vocab_model) for a in fit_arts]
    model = fit(preps, words, args.c_cue, args.c_span, args.penalty, ranker=args.ranker)
    dev_scores = evaluate([prepare(a, vocab_model) for a in dev], model, [float(t) for t in THRESHOLDS])
    top = max(sc.f1 for sc in dev_scores.values())
    threshold = max(t for t, sc in dev_scores.items() if sc.f1 >= top - F1_TIE)
    held_scores = evaluate([prepare(a, vocab_model) for a in held], model, [threshold])
    for t in THRESHOLDS:
        sc = dev_scores[float(t)]
        print(f"threshold {t:.3f}: dev P {sc.precision:.3f} R {sc.recall:.3f} F1 {sc.f1:.3f}", file=sys.stderr)
    data = {
        "name": "paraphrase",
        "version": 1,
        "description": "attributed paraphrase (indirect speech): cue and content-span scorers over string features",
        "trained_on": "PolNeAR v1.0.0 train split (Newell et al. 2018, LREC), minus the held-out share; "
                      "one annotator per article (lowest id); no test data",
        "date": datetime.date.today().isoformat(),
        "features": "framing.attribution.paraphrase_features (cue_features, span_features)",
        "script": "benchmarks/train_paraphrase.py",
        "fit": f"sklearn LogisticRegression(liblinear, {args.penalty}, C={args.c_cue} cue / {args.c_span} span); "
               f"weights rounded to 4 decimals, |w| < {WEIGHT_EPS} dropped; threshold = highest within "
               f"{F1_TIE} of the best dev F1",
        "split": {"n_fit_articles": len(fit_arts), "n_held_out_articles": len(held), "n_dev_articles": len(dev),
                  "held_out_share": 0.15},
        "cue_word_cutoffs": {"min_count": args.min_cue_count, "min_rate": args.min_cue_rate},
        "dev": _figures(dev_scores[threshold]),
        "train_held_out": _figures(held_scores[threshold]),
        "threshold": threshold,
        "cue_words": words,
        "cue": {"bias": model.cue.bias, "weights": dict(sorted(model.cue.weights.items()))},
        "span": {"bias": model.span.bias, "weights": dict(sorted(model.span.weights.items()))},
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(json.dumps({k: data[k] for k in ("threshold", "dev", "train_held_out")}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
