"""Command line: ``framing report|analyze|compare|stories|clean|kwic|validate|worksheet|agreement``.

Also ``python -m framing``.

Thin by design: parse arguments, call the library, print one-line errors.
Exit codes: 0 = done (at least one article analysed), 2 = nothing usable
(no article loaded, bad arguments or a bad file), 130 = interrupted.

Start-up stays cheap (``framing --help``): this module imports only the
standard library and light framing modules; each command imports what it
needs (pandas, nltk, the engines, the renderers) when it runs.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from framing import __version__
from framing.engines import ENGINES
from framing.errors import FramingError

if TYPE_CHECKING:

    from framing.engines.memory import Analysis
    from framing.model import Corpus, LoadProblem
    from framing.story import Story

EXIT_OK = 0
EXIT_NOTHING = 2
EXIT_INTERRUPTED = 130


def _err(message: str) -> None:
    print(f"framing: {message}", file=sys.stderr)


def _progress() -> bool:
    """Progress is shown on a terminal only: redirected or piped stderr stays silent."""
    return sys.stderr.isatty()


@contextmanager
def _step(desc: str) -> Iterator[None]:
    """A one-line indicator with the elapsed time while a step without counted units runs (terminal only).

    Example:
        >>> with _step("comparing"):  # not a terminal here: nothing is shown
        ...     pass
    """
    if not _progress():
        yield
        return
    from tqdm import tqdm

    bar = tqdm(desc=desc, bar_format="{desc}: {elapsed}", leave=False)
    done = threading.Event()

    def tick() -> None:
        while not done.wait(0.5):
            bar.refresh()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        bar.close()


def _load(path: str | None, *, quiet: bool = False, clean: str = "auto") -> Corpus:
    from framing.corpus.loading import load_corpus

    with _step("loading and cleaning"):
        corpus = load_corpus(path, clean=clean)
    if not quiet:
        _print_problems(corpus.problems)
    if not corpus.articles:
        raise FramingError(f"no article could be loaded from {corpus.source}")
    return corpus


def _story(path: str | None) -> Story | None:
    """The story configuration named by ``--story`` (None: the default story)."""
    if not path:
        return None
    from framing.story import load_story

    return load_story(path)


def _one_group(corpus: Corpus, *, stories: str | None, group: str) -> Corpus:
    """The articles of one story group of ``framing stories --out FILE`` (``--stories FILE --group ID``)."""
    import dataclasses

    import pandas as pd

    if not stories:
        raise FramingError("--group needs --stories FILE (written by `framing stories CORPUS --out FILE`)")
    path = Path(stories)
    try:
        table = pd.read_parquet(path) if path.suffix.lower() == ".parquet" else pd.read_csv(path, dtype=str)
    except (OSError, ValueError) as exc:
        raise FramingError(f"{stories}: cannot read the story table ({exc})") from exc
    if not {"article_id", "story_id"} <= set(table.columns):
        raise FramingError(f"{stories}: needs the columns article_id and story_id (from `framing stories`)")
    ids = set(table.loc[table["story_id"].astype(str) == group, "article_id"].astype(str))
    if not ids:
        known = ", ".join(sorted(set(table["story_id"].astype(str)))[:8])
        raise FramingError(f"{stories}: no article in story group {group!r} (groups include: {known})")
    articles = [a for a in corpus.articles if a.id in ids]
    if not articles:
        raise FramingError(f"story group {group!r}: none of its articles is in {corpus.source}")
    return dataclasses.replace(corpus, articles=articles)


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats must be html and/or pdf, got {value!r}")
    return formats


def _analyze(args: argparse.Namespace) -> Analysis:
    """The story, the corpus and its analysis, as the command's options say."""
    from framing.engines.memory import analyze

    story = _story(args.story)
    corpus = _load(args.corpus, clean=args.clean)
    if getattr(args, "group", None):
        corpus = _one_group(corpus, stories=args.stories, group=args.group)
    analysis = analyze(
        corpus,
        story=story,
        progress=_progress(),
        engine=args.engine,
        n_jobs=args.jobs,
        scheduler=args.scheduler,
    )
    _print_problems(analysis.problems[len(corpus.problems) :])  # articles whose analysis failed
    if analysis.articles.empty:
        raise FramingError(f"no article of {corpus.source} could be analysed")
    return analysis


def cmd_report(args: argparse.Namespace) -> int:
    """Analyse a corpus and write the comparison report."""
    from framing.reporting import build_report

    analysis = _analyze(args)
    with _step("comparing and rendering the report"):
        written = build_report(
            analysis,
            out_dir=Path(args.out),
            formats=args.format,
            command=args.command_line,
            validity=Path(args.validity) if args.validity else None,
            pdf_appendix=args.pdf_appendix,
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
    from framing.engines.streaming import analyze_to_file

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise FramingError(f"{args.out}: --out must end in .csv or .parquet")
    story = _story(args.story)
    summary = analyze_to_file(
        args.corpus, out, story=story, engine=args.engine, n_jobs=args.jobs, scheduler=args.scheduler,
        clean=args.clean, progress=_progress(),
    )
    _print_problems(summary.problems)
    if summary.n_articles == 0:
        raise FramingError(f"no article could be loaded from {args.corpus}")
    print(f"{summary.n_spans} spans from {summary.n_articles} articles -> {out}")
    return EXIT_OK


#: Formats of ``framing compare --out`` (those of :meth:`framing.comparison.Comparison.write`, not imported: start-up).
COMPARE_FORMATS: tuple[str, ...] = ("csv", "parquet", "json")


def _check_compare_out(out: Path, fmt: str | None) -> None:
    """Refuse an ``--out`` whose format is unknown before the corpus is analysed."""
    if fmt is None and out.suffix.lower().lstrip(".") not in COMPARE_FORMATS:
        raise FramingError(f"{out}: --out must end in .csv, .parquet or .json (or give --format)")


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare the outlets: every measure with its interval, counts and caveats; print it or write it."""
    from framing.comparison import compare
    from framing.comparison.terminal import comparison_text

    out = Path(args.out) if args.out else None
    if out is not None:
        _check_compare_out(out, args.format)
    analysis = _analyze(args)
    with _step("comparing"):
        comp = compare(analysis, story=analysis.story, selection=not args.no_selection)
    if out is None:
        print(comparison_text(comp.to_frame(), level=comp.level))
        return EXIT_OK
    comp.write(out, format=args.format)
    print(f"comparison of {analysis.articles['outlet_id'].nunique()} outlet(s) -> {out}")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    """Write each article's cleaned text and the audit of removed lines."""
    import pandas as pd

    from framing.atomic import write_text
    from framing.tables import write_table

    corpus = _load(args.corpus, clean=args.clean)
    out = Path(args.out)
    rows: list[dict[str, object]] = []
    for article in corpus.articles:
        name = Path(article.id).name or "article"
        write_text(out / f"{name}.txt", article.text)
        rows.extend({"article_id": article.id, "line": r.line, "text": r.text, "rule": r.rule} for r in article.removed)
    write_table(pd.DataFrame(rows, columns=["article_id", "line", "text", "rule"]), out / "removed.csv")
    kept = [{"article_id": a.id, "line": x.line, "text": x.text, "flag": x.flag, "rule": x.rule}
            for a in corpus.articles for x in a.flagged]
    write_table(pd.DataFrame(kept, columns=["article_id", "line", "text", "flag", "rule"]), out / "flagged.csv")
    print(f"{len(corpus.articles)} cleaned articles, removed.csv ({len(rows)} lines) and flagged.csv "
          f"({len(kept)} kept lines: standfirst, sole content) -> {out}")
    return EXIT_OK


def cmd_kwic(args: argparse.Namespace) -> int:
    """Print every occurrence of a term with context, voice and speaker."""
    from framing.kwic import format_kwic, kwic

    story = _story(args.story)
    corpus = _load(args.corpus, clean=args.clean)
    rows = kwic(corpus, args.term, window=args.width, story=story)
    if rows.empty:
        print(f"no occurrence of {args.term!r}")
        return EXIT_OK
    print(format_kwic(rows, width=args.width))
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
    from framing.worksheets.render import write_worksheet

    analysis = _analyze(args)
    with _step("writing the worksheet"):
        written = write_worksheet(analysis, out_dir=Path(args.out), level=args.level, seed=args.seed,
                                  blind_pack=args.blind_pack)
    for path in written:
        print(path)
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    """Compare a class's hand-coding with the tool, worded from the class's side; bad rows are listed and skipped."""
    from framing.agreement import BadRow, agreement_table, disagreements, read_coding
    from framing.engines.memory import analyze
    from framing.model import Corpus
    from framing.tables import write_table
    from framing.worksheets.class_report import class_summary

    corpus = _load(args.corpus, clean=args.clean)
    problems: list[BadRow] = []
    rows = read_coding(args.coding, corpus, problems=problems)
    if not rows:
        raise FramingError(f"{args.coding}: no usable coding rows" + (f" ({problems[0]})" if problems else ""))
    coded = {r.article_id for r in rows}
    analysis = analyze(Corpus([a for a in corpus.articles if a.id in coded], source=corpus.source))
    table, diffs = agreement_table(rows, analysis.spans), disagreements(rows, analysis.spans)
    print(class_summary(table, problems), end="")
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
    p.add_argument("--engine", choices=ENGINES, default="auto",
                   help="auto (parallel for large corpora), serial, joblib (processes), dask (cluster)")
    p.add_argument("--jobs", type=int, default=-1, help="worker processes for joblib (-1 = all cores)")
    p.add_argument("--scheduler", help="Dask scheduler address for --engine dask (default: a local cluster)")


#: Values of ``--clean`` (those of :data:`framing.corpus.loading.CLEAN_MODES`, not imported: start-up).
CLEAN_CHOICES: tuple[str, ...] = ("auto", "on", "off")


def _clean_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--clean", choices=CLEAN_CHOICES, default="auto",
                   help="remove page furniture: auto (default: full for .txt files and manifest folders; only lines "
                        "that are furniture by their wording for HTML extractions and JSONL/CSV rows), on (full for "
                        "all), off (keep every line)")


def _group_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stories", metavar="FILE", help="story groups written by `framing stories CORPUS --out FILE`")
    p.add_argument("--group", metavar="ID", help="compare only the articles of this story group (needs --stories)")


def _story_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--story", metavar="FILE", help="story configuration (TOML); default: the packaged sample story")


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
    p.add_argument("--validity", help="JSON written by `framing validate --json` for the validity card "
                   "(default: the figures measured at release, shipped with the package)")
    p.add_argument("--pdf-appendix", action="store_true", help="add the appendix to the PDF: full table, evidence, "
                   "boilerplate audit, validity card (the HTML always has everything)")
    _story_option(p)
    _group_options(p)
    _clean_option(p)
    _engine_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("analyze", help="write the span table (.csv or .parquet)")
    p.add_argument("corpus", help=corpus_help)
    p.add_argument("--out", required=True, help="output file, .csv or .parquet")
    _story_option(p)
    _clean_option(p)
    _engine_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("compare", help="compare the outlets: each measure with interval, counts and caveats")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--out", help="output file, .csv, .parquet or .json (default: print a table)")
    p.add_argument("--format", choices=COMPARE_FORMATS, help="format of --out (default: from its suffix)")
    p.add_argument("--no-selection", action="store_true", help="skip the selection measures (sentence alignment "
                   "across outlets: what each includes or leaves out), which cost most on large corpora")
    _story_option(p)
    _group_options(p)
    _clean_option(p)
    _engine_options(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("clean", help="write cleaned texts and removed.csv (the audit)")
    p.add_argument("corpus", help=corpus_help)
    p.add_argument("--out", required=True, help="output folder")
    _clean_option(p)
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("kwic", help="every occurrence of a word or phrase, in context, with voice and speaker")
    p.add_argument("term", help="word or phrase")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--width", type=int, default=40, help="characters of context on each side (default 40)")
    _story_option(p)
    _clean_option(p)
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
    p.add_argument("--blind-pack", action="store_true", help="hide the outlets in the article pack")
    _story_option(p)
    _clean_option(p)
    _engine_options(p)
    p.set_defaults(func=cmd_worksheet)

    p = sub.add_parser("agreement", help="compare hand-coding (coding_template.csv) with the tool: P, R, kappa")
    p.add_argument("coding", help="the filled-in coding CSV")
    p.add_argument("corpus", nargs="?", help=corpus_help)
    p.add_argument("--out", help="also write agreement.csv and disagreements.csv to this folder")
    _clean_option(p)
    p.set_defaults(func=cmd_agreement)

    from framing.selection.command import add_parser as add_stories

    add_stories(sub)
    return parser


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _quick_exit() -> None:
    """At interpreter exit, leave the heap out of the final garbage collections (once per process).

    Shutting down, Python collects the whole heap (every module and what it holds) several times:
    after a report, a tenth of the command's CPU, to free memory the process is about to return
    anyway. Freezing the heap first (an ``atexit`` hook, run after the command's own work) skips
    those passes; objects are still released by reference counting as the modules are cleared.
    """
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once per process, however often main() runs
    atexit.register(gc.freeze)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_NOTHING
    args.command_line = "framing " + shlex.join(argv)
    _quick_exit()
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
