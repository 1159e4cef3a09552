"""Benchmarks (`make bench`): what a user pays for ``framing analyze``, against a floor, at several sizes.

Each measurement is a whole command in its own process, as a user runs it:

* **full**: ``framing analyze CORPUS.jsonl --out spans.parquet`` (import, loading, cleaning, analysis in
  the default engine with its worker processes, writing);
* **floor**: ``python benchmarks/floor.py CORPUS.jsonl``, one process: a regex sentence split, regex tokens
  and VADER on every sentence of the same texts.

CPU time is user + system time of the command and all its workers (``wait4`` on the command, whose reaped
workers are included), so the ratio does not depend on how many cores there are. Peak RSS is the largest
sum over the command's process tree, sampled every 0.2 s, and the largest single process (kernel's figure).
A stage breakdown comes from ``benchmarks/stages.py`` (serial, one process) at one size, and start-up from
``framing --help`` and ``framing kwic alliance`` on the seeds (CPU seconds, best of three). The seed report
(``framing report --out DIR``: HTML and PDF) is timed against its import floor
(``python -c "import framing, weasyprint, seaborn, sklearn"``), best of three each, in the same run.

Usage:
    python benchmarks/run.py [--sizes 500,1000,3000,6000] [--stages-size 1000] [--out benchmarks/results]
    python benchmarks/run.py --quick     (development: 200 articles, stages at 200)

Results: ``bench.md`` (the tables) and ``bench.json`` (the same figures) in the results folder.

Data: ../shared/gold/article_bias_prediction/sample_6000 (6,000 articles, 20 outlets), read at run time;
the JSONL corpora written from it stay in the (git-ignored) results folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "gold" / "article_bias_prediction" / "sample_6000"
BIN = Path(sys.executable).parent


def write_corpus(n: int, folder: Path) -> Path:
    """The first ``n`` articles of the sample as a JSONL corpus (id, outlet, title, text)."""
    folder = folder / "corpora"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"allsides_{n}.jsonl"
    if path.is_file():
        return path
    rows = 0
    with path.with_suffix(".part").open("w", encoding="utf-8") as out:
        for part in sorted(DATA.glob("part-*.jsonl.gz")):
            with gzip.open(part, "rt", encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    out.write(json.dumps({"id": str(row["ID"]), "outlet": row["source"],
                                          "title": row.get("title") or "", "text": row["content_original"]}) + "\n")
                    rows += 1
                    if rows >= n:
                        break
            if rows >= n:
                break
    path.with_suffix(".part").replace(path)
    return path


def _tree_rss_kb(root: int) -> int:
    """Sum of resident memory of ``root`` and its descendants (from /proc), in KiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(p, 0) for p in tree)


def measure(cmd: list[str]) -> dict[str, float]:
    """Run a command; its CPU seconds (with reaped workers), wall seconds and peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    # communicate() reaped the child; RUSAGE_CHILDREN accumulates it and the workers it reaped.
    return {"wall_s": wall, "rc": proc.returncode, "stdout": out, "stderr": err, "peak_tree_kb": peak[0]}


def timed(cmd: list[str]) -> dict[str, float]:
    """:func:`measure` with CPU time taken as the growth of this process's children usage."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = measure(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["max_process_mb"] = after.ru_maxrss / 1024.0  # largest single process so far (kernel figure)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result['rc']}):\n{result['stderr'][-2000:]}")
    return result


def articles_in(spans_path: Path) -> int:
    import pyarrow.parquet as pq

    return len(set(pq.read_table(spans_path, columns=["article_id"]).column(0).to_pylist()))


def startup() -> dict[str, float]:
    """CPU seconds of ``framing --help`` and ``framing kwic alliance`` (seeds), best of three runs each."""
    commands = {"help_cpu_s": ["--help"], "kwic_seeds_cpu_s": ["kwic", "alliance"]}
    return {name: round(min(timed([str(BIN / "framing"), *argv])["cpu_s"] for _ in range(3)), 2)
            for name, argv in commands.items()}


def report_figure() -> dict[str, float]:
    """CPU seconds of the seed report (HTML + PDF) and of its import floor, best of three each; their ratio."""
    floor = min(timed([sys.executable, "-c", "import framing, weasyprint, seaborn, sklearn"])["cpu_s"]
                for _ in range(3))
    with tempfile.TemporaryDirectory() as tmp:
        report = min(timed([str(BIN / "framing"), "report", "--out", tmp])["cpu_s"] for _ in range(3))
    return {"report_seeds_cpu_s": round(report, 2), "report_floor_cpu_s": round(floor, 2),
            "report_ratio": round(report / floor, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,3000,6000")
    parser.add_argument("--stages-size", type=int, default=1000, help="corpus size of the stage breakdown (0: none)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    parser.add_argument("--quick", action="store_true", help="development run: 200 articles, stages at 200")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.stages_size = "200", 200
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA}; nothing to do", file=sys.stderr)
        return 0
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        corpus = write_corpus(n, out_dir)
        floor = timed([sys.executable, str(ROOT / "benchmarks" / "floor.py"), str(corpus)])
        with tempfile.TemporaryDirectory() as tmp:
            spans = Path(tmp) / "spans.parquet"
            full = timed([str(BIN / "framing"), "analyze", str(corpus), "--out", str(spans)])
            analysed = articles_in(spans)
        sentences = json.loads(floor["stdout"])["sentences"]
        rows.append({
            "articles": n,
            "analysed": analysed,
            "floor_cpu_s": round(floor["cpu_s"], 1),
            "full_cpu_s": round(full["cpu_s"], 1),
            "ratio_cpu": round(full["cpu_s"] / floor["cpu_s"], 2),
            "full_wall_s": round(full["wall_s"], 1),
            "articles_per_s": round(n / full["wall_s"], 1),
            "articles_per_cpu_s": round(n / full["cpu_s"], 1),
            "full_ms_per_article": round(1000 * full["cpu_s"] / n, 1),
            "floor_ms_per_article": round(1000 * floor["cpu_s"] / n, 1),
            "floor_sentences": sentences,
            "peak_rss_tree_mb": round(full["peak_tree_kb"] / 1024.0),
            "peak_rss_process_mb": round(full["max_process_mb"]),
        })
        print(json.dumps(rows[-1]), flush=True)
    header = list(rows[0])
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"date: {date.today().isoformat()}; command: framing analyze CORPUS.jsonl --out spans.parquet "
        "(default engine) vs benchmarks/floor.py, CPU seconds of each whole command",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(str(r[h]) for h in header) + " |" for r in rows]
    stages: dict[str, float] = {}
    if args.stages_size:
        corpus = write_corpus(args.stages_size, out_dir)
        stages = json.loads(timed([sys.executable, str(ROOT / "benchmarks" / "stages.py"), str(corpus)])["stdout"])
        total = sum(stages.values())
        lines += ["", f"CPU by stage, {args.stages_size} articles, one process (serial):", "",
                  "| stage | cpu_s | ms_per_article | share |", "|---|---|---|---|"]
        lines += [f"| {k} | {v} | {1000 * v / args.stages_size:.2f} | {100 * v / total:.0f} % |"
                  for k, v in stages.items()]
    start = {**startup(), **report_figure()}
    lines += ["", "Start-up, CPU seconds (best of 3): " + ", ".join(f"{k} {v}" for k, v in start.items())]
    table = "\n".join(lines)
    print(table)
    (out_dir / "bench.md").write_text(table + "\n", encoding="utf-8")
    summary = {"date": date.today().isoformat(), "machine": lines[0], "sizes": rows,
               "stages": {"articles": args.stages_size, "cpu_s": stages}, "startup": start}
    (out_dir / "bench.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
