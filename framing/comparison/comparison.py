"""One comparison of the outlets, computed once: every figure the report, worksheets and notebooks show.

:func:`compare` turns an :class:`~framing.engines.memory.Analysis` into a
:class:`Comparison`: every measure per outlet with its interval, counts and
caveats (:func:`~framing.comparison.rates.compare_outlets`), the distinctive
words of each outlet (:func:`~framing.comparison.keyness.keyness_table`),
readability per article and per outlet, and who each outlet quotes
(:func:`~framing.comparison.sources.summarise_sources`). Consumers read this
value; none of them runs the bootstrap, keyness or readability itself, so a
figure is the same wherever it is shown.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> comp = compare(analyze(load_corpus()), reps=50)
    >>> list(comp.to_frame().columns)
    ['outlet_id', 'measure', 'unit', 'value', 'lo', 'hi', 'n_articles', 'n_hits', 'caveats']
    >>> sorted(comp.to_frame()["outlet_id"].unique())
    ['dw', 'ro-site', 'rs', 'scmp', 'wapo']
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.atomic import write_bytes
from framing.comparison.bootstrap import DEFAULT_REPS, DEFAULT_SEED
from framing.comparison.caveats import MIN_HITS
from framing.comparison.declarations import default_measures
from framing.comparison.keyness import keyness_table
from framing.comparison.rates import compare_outlets
from framing.comparison.sources import summarise_sources
from framing.engines.memory import Analysis
from framing.errors import FramingError, value_invalid_msg
from framing.features.readability import READABILITY_COLUMNS, readability_table
from framing.heap import release_freed
from framing.measures import Measure
from framing.model import Corpus
from framing.story import Story

if TYPE_CHECKING:
    from framing.selection.result import Selection

#: Columns of :meth:`Comparison.to_frame` (the ``framing compare`` table), in order.
FRAME_COLUMNS: tuple[str, ...] = ("outlet_id", "measure", "unit", "value", "lo", "hi", "n_articles", "n_hits",
                                  "caveats")

#: Output formats of :meth:`Comparison.write`.
FORMATS: tuple[str, ...] = ("csv", "parquet", "json")

#: A term is a distinctive word of an outlet only if the outlet uses it at least this often.
KEYNESS_MIN_COUNT = 3


@dataclass(frozen=True, eq=False)
class Comparison:
    """Every figure of one comparison of outlets (see :func:`compare`).

    Attributes:
        story: The story configuration the figures were computed for.
        outlets: ``(outlet_id, outlet_name)`` pairs, in corpus order.
        n_articles: Analysed articles.
        measures: The measures of :attr:`table`, in report order.
        table: One row per (outlet, measure):
            :data:`framing.comparison.rates.COMPARISON_COLUMNS` (value,
            interval, the pooled rest, counts, caveat flags).
        keyness: Distinctive words of each outlet against the rest
            (:data:`framing.comparison.keyness.KEYNESS_COLUMNS`; terms used at
            least :data:`KEYNESS_MIN_COUNT` times by the outlet), by z-score.
        readability: Readability per article (``article_id``, ``outlet_id``,
            :data:`framing.features.readability.MEASURES`); per outlet it is
            the ``readability_*`` rows of :attr:`table`.
        sources: Per outlet (index ``outlet_id``): quotes, paraphrases,
            distinct sources, quoted words, origin shares, most quoted.
        reps: Bootstrap resamples behind each interval.
        seed: Seed of the bootstrap.
        level: Coverage of the intervals.
        min_hits: Fewer hits than this earn the "few hits" caveat.
        selection: What each outlet includes, leaves out and whom it lets speak
            (:class:`framing.selection.result.Selection`; None when not computed).
    """

    story: Story
    outlets: tuple[tuple[str, str], ...]
    n_articles: int
    measures: tuple[Measure, ...]
    table: pd.DataFrame
    keyness: pd.DataFrame
    readability: pd.DataFrame
    sources: pd.DataFrame
    reps: int = DEFAULT_REPS
    seed: int = DEFAULT_SEED
    level: float = 0.95
    min_hits: int = MIN_HITS
    selection: Selection | None = None

    def to_frame(self) -> pd.DataFrame:
        """The tidy table: one row per (outlet, measure), columns :data:`FRAME_COLUMNS`.

        ``lo``/``hi`` are the interval (NaN where there is none);
        ``caveats`` the plain-words warnings joined by ``"; "``. The selection
        measures (``selection_*``) follow the other rows, outlet by outlet.
        """
        frame = self.table.rename(columns={"ci_low": "lo", "ci_high": "hi"})[list(FRAME_COLUMNS)]
        if self.selection is not None and len(self.selection.measures):
            frame = pd.concat([frame, self.selection.measures[list(FRAME_COLUMNS)]], ignore_index=True)
        return frame.reset_index(drop=True)

    def top_terms(self, n: int) -> pd.DataFrame:
        """The ``n`` most distinctive words of each outlet (rows of :attr:`keyness`)."""
        return self.keyness.groupby("outlet_id", sort=False).head(n).reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready data (NaN becomes None)."""
        return {
            "story": {"name": self.story.name, "dyad": self.story.dyad},
            "settings": {"reps": self.reps, "seed": self.seed, "level": self.level, "min_hits": self.min_hits},
            "n_articles": self.n_articles,
            "outlets": [{"outlet_id": o, "outlet_name": n} for o, n in self.outlets],
            "measures": [{"measure": m.key, "group": m.group, "name": m.name, "unit": m.unit, "kind": m.kind}
                         for m in self.measures],
            "rows": _records(self.to_frame()),
            "keyness": _records(self.keyness),
            "readability": _records(self.readability),
            "sources": _records(self.sources.reset_index()) if len(self.sources) else [],
            "selection": None if self.selection is None else {
                k: v if k == "notes" else [{str(c): _plain(x) for c, x in r.items()} for r in v]
                for k, v in self.selection.to_dict().items()},
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON (UTF-8 text, ending with a newline)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    def write(self, path: str | Path, *, format: str | None = None) -> Path:
        """Write the comparison atomically: the tidy table as CSV or Parquet, or everything as JSON.

        Args:
            path: Output file.
            format: ``csv``, ``parquet`` or ``json``; default: from the file's suffix.

        Returns:
            The path written.

        Raises:
            FramingError: The format is unknown, or none is given and the suffix names none.
        """
        target = Path(path)
        fmt = format if format is not None else target.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            what = "format" if format is not None else f"suffix of {target.name!r}"
            raise FramingError(value_invalid_msg(what, fmt, list(FORMATS)))
        if fmt == "json":
            data = self.to_json().encode("utf-8")
        elif fmt == "parquet":
            buf = io.BytesIO()
            self.to_frame().to_parquet(buf, index=False)
            data = buf.getvalue()
        else:
            data = self.to_frame().to_csv(index=False, lineterminator="\n").encode("utf-8")
        write_bytes(target, data)
        return target


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({str(k): _plain(v) for k, v in row.items()})
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return _plain(value.item())
    return value


def compare(
    analysis: Analysis,
    *,
    story: Story | None = None,
    reps: int = DEFAULT_REPS,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
    min_hits: int = MIN_HITS,
    selection: bool = True,
    stories: pd.DataFrame | None = None,
) -> Comparison:
    """Compare the outlets of an analysis: every figure, once.

    Args:
        analysis: Result of :func:`framing.engines.memory.analyze`.
        story: The story configuration (None: the analysis's, by default :func:`framing.story.default_story`).
        reps: Bootstrap resamples of sentences per interval.
        seed: Seed of the bootstrap.
        level: Coverage of the intervals.
        min_hits: Threshold of the "few hits" caveat.
        selection: Compute what each outlet includes and leaves out (:mod:`framing.selection`).
        stories: ``article_id`` -> ``story_id`` for the selection (None: grouped automatically,
            :func:`framing.selection.result.story_table`).

    Returns:
        A :class:`Comparison`.
    """
    story = story if story is not None else analysis.story
    ids = set(analysis.articles["article_id"].astype(str))
    analysed = [a for a in analysis.corpus.articles if a.id in ids]
    readability, articles = _readability(analysis, Corpus(articles=analysed))
    release_freed()  # the readability counts' words
    measures = default_measures(analysis.spans, articles, story=story)
    table = compare_outlets(analysis.spans, articles, measures=measures, reps=reps, seed=seed, level=level,
                            min_hits=min_hits)
    words = analysis.articles.groupby("outlet_id", sort=False)["n_words"].sum()
    outlets = dict(Corpus(articles=analysed).outlets)
    for o, n in zip(table["outlet_id"], table["outlet_name"], strict=True):
        outlets.setdefault(str(o), str(n))
    return Comparison(
        story=story,
        outlets=tuple(outlets.items()),
        n_articles=len(analysis.articles),
        measures=tuple(measures),
        table=table,
        keyness=keyness_table(Corpus(articles=analysed), min_count=KEYNESS_MIN_COUNT),
        readability=readability,
        sources=summarise_sources(analysis.spans, words, origins=story.origins or None),
        reps=reps,
        seed=seed,
        level=level,
        min_hits=min_hits,
        selection=_selection(analysis, stories, reps=reps, seed=seed, level=level) if selection else None,
    )


def _selection(analysis: Analysis, stories: pd.DataFrame | None, *, reps: int, seed: int,
               level: float) -> Selection:
    """The selection of an analysis (imported here: :mod:`framing.selection` reads the bootstrap of this package)."""
    from framing.selection.result import select_content

    return select_content(analysis, stories=stories, reps=reps, seed=seed, level=level)


def _readability(analysis: Analysis, corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Readability per article, and the per-article table with its columns (unless already there)."""
    articles = analysis.articles
    if any(c in articles.columns for c in READABILITY_COLUMNS):
        have = [c for c in articles.columns if c in READABILITY_COLUMNS]
        return articles[["article_id", "outlet_id", *have]].reset_index(drop=True), articles
    counted = {"n_words", "n_sentences"} <= set(articles.columns)
    counts = ({str(a): (int(w), int(n)) for a, w, n in
               zip(articles["article_id"], articles["n_words"], articles["n_sentences"], strict=True)}
              if counted else None)  # the analysis's own counts: the texts are not segmented again
    table = readability_table(corpus.articles, counts=counts)
    if articles.empty:
        return table, articles
    keep = ["article_id", *[c for c in READABILITY_COLUMNS if c in table.columns]]
    return table, articles.merge(table[keep], on="article_id", how="left")
