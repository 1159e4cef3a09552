"""Command line: ``framing report|analyze|clean|kwic|validate|worksheet|agreement`` (also ``python -m framing``).

Thin by design: parse arguments, call the library, print one-line errors.
Exit codes: 0 = done (at least one article analysed), 2 = nothing usable
(no article loaded, bad arguments or a bad file), 130 = interrupted.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from framing import __version__
from framing.errors import FramingError
from framing.model import Corpus, LoadProblem

EXIT_OK = 0
EXIT_NOTHING = 2
EXIT_INTERRUPTED = 130


def _err(message: str) -> None:
    print(f"framing: {message}", file=sys.stderr)


def _load(path: str | None, *, quiet: bool = False) -> Corpus:
    from framing.corpus.loading import load_corpus

    corpus = load_corpus(path)
    if not quiet:
        _print_problems(corpus.problems)
    if not corpus.articles:
        raise FramingError(f"no article could be loaded from {corpus.source}")
    return corpus


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats must be html and/or pdf, got {value!r}")
    return formats


def cmd_report(args: argparse.Namespace) -> int:
    """Analyse a corpus and write the comparison report."""
    from framing.pipeline import analyze
    from framing.reporting import build_report

    corpus = _load(args.corpus)
    analysis = analyze(
        corpus, progress=sys.stderr.isatty(), engine=args.engine, n_jobs=args.jobs, scheduler=args.scheduler
    )
    written = build_report(
        analysis,
        out_dir=Path(args.out),
        formats=args.format,
        command=args.command_line,
        validity=Path(args.validity) if args.validity else None,
    )
    for path in written:
        print(path)
    return EXIT_OK


def _print_problems(problems: Sequence[LoadProblem]) -> None:
    from framing.corpus.loading import relpath

    if problems:
        _err(f"{len(problems)} problem(s); skipped:")
        for p in problems:
            print(f"  - {relpath(p.path)}: {p.reason}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    """Write the span table (CSV or Parquet), streaming the corpus batch by batch."""
    from framing.streaming import analyze_to_file

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise FramingError(f"{args.out}: --out must end in .csv or .parquet")
    summary = analyze_to_file(
        args.corpus, out, engine=args.engine, n_jobs=args.jobs, scheduler=args.scheduler
    )
    _print_problems(summary.problems)
    if summary.n_articles == 0:
        raise FramingError(f"no article could be loaded from {args.corpus}")
    print(f"{summary.n_spans} spans from {summary.n_articles} articles -> {out}")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    """Write each article's cleaned text and the audit of removed lines."""
    import pandas as pd

    from framing.atomic import write_text
    from framing.tables import write_table

    corpus = _load(args.corpus)
    out = Path(args.out)
    rows: list[dict[str, object]] = []
    for article in corpus.articles:
        name = Path(article.id).name or "article"
        write_text(out / f"{name}.txt", article.text)
        rows.extend({"article_id": article.id, "line": r.line, "text": r.text, "rule": r.rule} for r in article.removed)
    write_table(pd.DataFrame(rows, columns=["article_id", "line", "text", "rule"]), out / "removed.csv")
    print(f"{len(corpus.articles)} cleaned articles and removed.csv ({len(rows)} lines) -> {out}")
    return EXIT_OK


def cmd_kwic(args: argparse.Namespace) -> int:
    """Print every occurrence of a term with context, voice and speaker."""
    from framing.kwic import kwic

    corpus = _load(args.corpus)
    rows = kwic(corpus, args.term, window=args.width)
    if rows.empty:
        print(f"no occurrence of {args.term!r}")
        return EXIT_OK
    w = args.width
    for r in rows.to_dict("records"):
        who = str(r["voice"]) + (f" ({r['speaker']})" if r["speaker"] else "")
        left, right = str(r["left"])[-w:], str(r["right"])[:w]
        print(f"{r['outlet_id']:>10} | {left:>{w}} [{r['match']}] {right:<{w}} | {who}")
    print(f"{len(rows)} occurrence(s) in {rows['outlet_id'].nunique()} outlet(s)")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Score every measure against the gold data and print the validity table."""
    from framing.evaluation.run import format_table, run_validation, write_json

    gold = Path(args.gold) if args.gold else None
    rows = run_validation(gold_dir=gold, only=args.only)
    print(format_table(rows))
    if args.json:
        write_json(rows, Path(args.json))
        print(f"-> {args.json}")
    return EXIT_OK


def cmd_worksheet(args: argparse.Namespace) -> int:
    """Write a classroom worksheet, its answer key (HTML and PDF) and the hand-coding template."""
    from framing.pipeline import analyze
    from framing.worksheets.render import write_worksheet

    analysis = analyze(_load(args.corpus), progress=sys.stderr.isatty())
    for path in write_worksheet(analysis, out_dir=Path(args.out), level=args.level, seed=args.seed):
        print(path)
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    """Compare a class's hand-coding with the tool: precision, recall, kappa and the disagreements."""
    from framing.agreement import agreement_table, disagreements, read_coding
    from framing.model import Corpus
    from framing.pipeline import analyze
    from framing.tables import write_table

    corpus = _load(args.corpus)
    rows = read_coding(args.coding, corpus)
    if not rows:
        raise FramingError(f"{args.coding}: no coding rows")
    coded = {r.article_id for r in rows}
    analysis = analyze(Corpus([a for a in corpus.articles if a.id in coded], source=corpus.source))
    table, diffs = agreement_table(rows, analysis.spans), disagreements(rows, analysis.spans)
    print(table.drop(columns=["units_both", "units_tool_only", "units_coder_only", "units_neither"])
          .to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    print(f"\n{len(diffs)} disagreement(s):")
    for d in diffs.to_dict("records"):
        who = f"{d['coder']}: " if d["coder"] else ""
        extra = f" (coder: {d['coder_value']!r}, tool: {d['tool_value']!r})" if d["kind"].endswith("_differs") else ""
        print(f"  {who}{d['feature']} {d['kind']} {d['article_id']} {d['start']}-{d['end']} {d['text']!r}{extra}")
    if args.out:
        write_table(table, Path(args.out) / "agreement.csv")
        write_table(diffs, Path(args.out) / "disagreements.csv")
        print(f"-> {Path(args.out) / 'agreement.csv'}, {Path(args.out) / 'disagreements.csv'}")
    return EXIT_OK


def _engine_options(p: argparse.ArgumentParser) -> None:
    from framing.pipeline import ENGINES

    p.add_argument("--engine", choices=ENGINES, default="auto",
                   help="auto (parallel for large corpora), serial, joblib (processes), dask (cluster)")
    p.add_argument("--jobs", type=int, default=-1, help="worker processes for joblib (-1 = all cores)")
    p.add_argument("--scheduler", help="Dask scheduler address for --engine dask (default: a local cluster)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (one sub-command per task)."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news outlets frame one story; every figure traceable to its words.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    corpus_help = "folder (manifest.csv + .txt, or .html files), .html, .jsonl or .csv; default: the seeds"

    p = sub.add_parser("report", help="write the side-by-side comparison report (HTML and PDF)")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--format", type=_formats, default=("html", "pdf"), help="html,pdf (default: both)")
    p.add_argument("--validity", help="JSON written by `framing validate --json` for the validity card")
    _engine_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("analyze", help="write the span table (.csv or .parquet)")
    p.add_argument("corpus", help=corpus_help)
    p.add_argument("--out", required=True, help="output file, .csv or .parquet")
    _engine_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("clean", help="write cleaned texts and removed.csv (the audit)")
    p.add_argument("corpus", help=corpus_help)
    p.add_argument("--out", required=True, help="output folder")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("kwic", help="every occurrence of a word or phrase, in context, with voice and speaker")
    p.add_argument("term", help="word or phrase")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--width", type=int, default=40, help="characters of context on each side (default 40)")
    p.set_defaults(func=cmd_kwic)

    p = sub.add_parser("validate", help="score every measure against the gold data; print the validity table")
    p.add_argument("--gold", help="gold data folder (default: ../shared/gold)")
    p.add_argument("--json", help="also write the table as JSON to this file")
    p.add_argument("--only", action="append", help="run only this validator (repeatable)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("worksheet", help="write a classroom worksheet and answer key (HTML, PDF) and a coding template")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--level", choices=("intro", "advanced"), default="intro", help="intro (default) or advanced")
    p.add_argument("--out", default="reports/worksheet", help="output folder (default: reports/worksheet)")
    p.add_argument("--seed", type=int, default=0, help="seed of the passage draws (same seed, same files)")
    p.set_defaults(func=cmd_worksheet)

    p = sub.add_parser("agreement", help="compare hand-coding (coding_template.csv) with the tool: P, R, kappa")
    p.add_argument("coding", help="the filled-in coding CSV")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--out", help="also write agreement.csv and disagreements.csv to this folder")
    p.set_defaults(func=cmd_agreement)
    return parser


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_NOTHING
    args.command_line = "framing " + shlex.join(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args))
    except FramingError as exc:
        _err(str(exc))
        return EXIT_NOTHING
    except KeyboardInterrupt:
        _err("interrupted; files already in place were left as they were (outputs are written atomically)")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # no traceback reaches the user
        _err(f"internal error ({type(exc).__name__}: {exc}); please report it with the command line")
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
