"""Benchmarks: `make bench`. Speed and memory of the full analysis against a floor, at several corpus sizes.

The floor is what any per-sentence sentiment tool must do: split sentences, tokenise, and run VADER on every
sentence. Reporting full/floor as a ratio keeps the figure meaningful on a noisy, shared machine.

Each size runs in a fresh subprocess so peak RSS is that size's own. Usage:

    python benchmarks/run.py [--sizes 500,1000,3000,6000] [--engine auto] [--out benchmarks/results]

Data: ../shared/gold/article_bias_prediction/sample_6000 (6,000 articles, 20 outlets), read at run time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "gold" / "article_bias_prediction" / "sample_6000"


def load_articles(n: int):
    from framing.corpus.loading import make_article, slugify
    from framing.model import Article

    out: list[Article] = []
    for part in sorted(DATA.glob("part-*.jsonl.gz")):
        with gzip.open(part, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                art = make_article(
                    id=str(row["ID"]), outlet_id=slugify(row["source"]), outlet_name=row["source"],
                    raw_text=row["content_original"], source=f"{part.name}:{row['ID']}", title=row.get("title") or "",
                )
                if isinstance(art, Article):
                    out.append(art)
                if len(out) >= n:
                    return out
    return out


def floor_task(articles) -> tuple[int, int]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.corpus.segmentation import split_sentences, tokenize

    analyzer = SentimentIntensityAnalyzer()
    n_sent = n_tok = 0
    for a in articles:
        for s, e in split_sentences(a.text):
            n_tok += len(tokenize(a.text, s, e))
            analyzer.polarity_scores(a.text[s:e])
            n_sent += 1
    return n_sent, n_tok


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0


def one_size(n: int, engine: str, mode: str) -> dict[str, float]:
    """Run one measurement in this process; print JSON."""
    t0 = time.perf_counter()
    articles = load_articles(n)
    t_load = time.perf_counter() - t0
    result: dict[str, float] = {"n_articles": len(articles), "load_clean_s": t_load}
    if mode == "floor":
        from joblib import Parallel, delayed

        t1 = time.perf_counter()
        chunks = [articles[i : i + 25] for i in range(0, len(articles), 25)]
        if engine == "serial":
            parts = [floor_task(c) for c in chunks]
        else:
            parts = Parallel(n_jobs=-1, backend="loky")(delayed(floor_task)(c) for c in chunks)
        result["analyze_s"] = time.perf_counter() - t1
        result["n_sentences"] = sum(p[0] for p in parts)
    else:
        from framing.comparison.keyness import keyness_table
        from framing.engines.memory import analyze
        from framing.model import Corpus

        corpus = Corpus(articles=articles)
        t1 = time.perf_counter()
        analysis = analyze(corpus, engine=engine)
        result["analyze_s"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        keyness_table(corpus, min_count=10, top=30)
        result["compare_s"] = time.perf_counter() - t2
        result["n_sentences"] = int((analysis.spans["feature"] == "sentence").sum())
        result["n_spans"] = len(analysis.spans)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,3000,6000")
    parser.add_argument("--engine", default="auto", choices=["auto", "serial", "joblib"])
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="full", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(int(args.one), args.engine, args.mode)))
        return 0
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA}; nothing to do", file=sys.stderr)
        return 0
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        measured = {}
        for mode in ("floor", "full"):
            cmd = [sys.executable, __file__, "--one", str(n), "--engine", args.engine, "--mode", mode]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            measured[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        f, full = measured["floor"], measured["full"]
        rows.append({
            "articles": int(full["n_articles"]),
            "sentences": int(full["n_sentences"]),
            "floor_s": round(f["analyze_s"], 2),
            "full_s": round(full["analyze_s"], 2),
            "ratio_full_to_floor": round(full["analyze_s"] / f["analyze_s"], 2),
            "articles_per_s": round(full["n_articles"] / full["analyze_s"], 1),
            "sentences_per_s": round(full["n_sentences"] / full["analyze_s"], 1),
            "load_clean_s": round(full["load_clean_s"], 2),
            "keyness_s": round(full["compare_s"], 2),
            "peak_rss_mb": round(full["peak_rss_mb"], 0),
        })
        print(json.dumps(rows[-1]), flush=True)
    header = list(rows[0])
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"date: {date.today().isoformat()}; engine: {args.engine}",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(str(r[h]) for h in header) + " |" for r in rows]
    table = "\n".join(lines)
    print(table)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "bench.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
