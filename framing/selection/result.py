"""Selection, computed once from an analysis: stories, alignments, shared quotes, sources and the per-outlet measures.

:func:`select_content` reads what the :class:`~framing.engines.memory.Analysis`
already holds (the span table's ``sentence``, ``quote``, ``paraphrase`` and
``actor`` rows, and each article's title, date and cleaned text for grouping)
and returns a :class:`Selection` of tidy tables; nothing is re-analysed.
:func:`framing.comparison.compare` stores it in ``Comparison.selection``.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> sel = select_content(analyze(load_corpus()), reps=20)
    >>> sel.stories["story_id"].nunique(), sorted(sel.measures["outlet_id"].unique())[:2]
    (1, ['dw', 'ro-site'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from framing.comparison.bootstrap import DEFAULT_REPS, DEFAULT_SEED
from framing.engines.memory import Analysis
from framing.features.quotes import named_sources
from framing.heap import release_freed
from framing.selection.align import MIN_WORDS, align_sentences, sentence_table
from framing.selection.measures import MEASURES, outlet_measures
from framing.selection.quotes import shared_quotes, statement_table
from framing.selection.sources import sources_matrix, voices
from framing.selection.stories import day_number, group_articles, story_text


@dataclass(frozen=True, eq=False)
class Selection:
    """What each outlet includes, leaves out, and whom it lets speak (see :func:`select_content`).

    Attributes:
        stories: One row per article: :data:`framing.selection.stories.STORY_COLUMNS`.
        alignments: :data:`framing.selection.align.ALIGN_COLUMNS`: each sentence's best counterpart per other outlet.
        measures: Per outlet and measure, the columns of ``Comparison.to_frame()``.
        shared_quotes: :data:`framing.selection.quotes.SHARED_COLUMNS`.
        sources: :data:`framing.selection.sources.SOURCE_COLUMNS` (who is quoted by whom).
        voices: :data:`framing.selection.sources.VOICE_COLUMNS` (who speaks about each actor).
        notes: Plain-words caveats about the whole selection (e.g. stories left out).
    """

    stories: pd.DataFrame
    alignments: pd.DataFrame
    measures: pd.DataFrame
    shared_quotes: pd.DataFrame
    sources: pd.DataFrame
    voices: pd.DataFrame
    notes: tuple[str, ...] = field(default=())

    def outlet_rows(self, *, passages: int = 3) -> pd.DataFrame:
        """Rows for the outlet profiles: each outlet's measures, then some of its "only here" sentences.

        Columns ``outlet_id``, ``measure`` (the key; empty for a passage), ``name``, ``value`` and ``unit``
        (shares in %), ``text`` (a passage) and
        ``first_span`` (the passage's sentence row in the span table; NaN for a measure).
        """
        rows: list[dict[str, object]] = []
        names = {key: name for key, _, name in MEASURES}
        only = self.alignments.groupby(["article_id", "start"], sort=False).agg(
            outlet_id=("outlet_id", "first"), text=("text", "first"), aligned=("aligned", "any"),
            span_row=("span_row", "first"))
        only = only[~only["aligned"]]
        for outlet in dict.fromkeys(self.measures["outlet_id"].astype(str)):
            for r in self.measures[self.measures["outlet_id"] == outlet].itertuples(index=False):
                rows.append({"outlet_id": outlet, "measure": str(r.measure),
                             "name": names.get(str(r.measure), str(r.measure)),
                             "value": float(r.value),
                             "unit": "%" if str(r.unit).startswith("%") else str(r.unit), "text": "",
                             "first_span": float("nan")})
            for r in only[only["outlet_id"] == outlet].head(passages).itertuples(index=False):
                rows.append({"outlet_id": outlet, "measure": "", "name": "only here", "value": float("nan"), "unit": "",
                             "text": str(r.text), "first_span": float(r.span_row) if r.span_row >= 0 else float("nan")})
        return pd.DataFrame(rows, columns=["outlet_id", "measure", "name", "value", "unit", "text", "first_span"])

    def to_dict(self) -> dict[str, Any]:
        """The tables as lists of records (JSON-ready but for NaN, which the caller converts)."""
        return {name: getattr(self, name).to_dict(orient="records")
                for name in ("stories", "measures", "shared_quotes", "sources", "voices", "alignments")} | {
            "notes": list(self.notes)}


def story_table(analysis: Analysis) -> pd.DataFrame:
    """Stories of the analysed articles (:func:`framing.selection.stories.group_articles`).

    A corpus with one article per outlet is one story by construction (the
    reader assembled several outlets' coverage of it): every article gets the
    same ``story_id``, and the nearest article and its similarity are still
    reported. Otherwise articles are grouped by similarity.
    """
    ids = set(analysis.articles["article_id"].astype(str))
    arts = [a for a in analysis.corpus.articles if a.id in ids]
    table = group_articles([a.id for a in arts], [a.outlet_id for a in arts],
                           [story_text(a.title, a.text) for a in arts], days=[day_number(a.published) for a in arts])
    per_outlet = pd.Series([a.outlet_id for a in arts]).value_counts()
    if len(arts) and int(per_outlet.max()) == 1:
        table = table.assign(story_id=str(table["story_id"].iloc[0]))
    return table


def select_content(
    analysis: Analysis,
    *,
    stories: pd.DataFrame | None = None,
    reps: int = DEFAULT_REPS,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
) -> Selection:
    """Selection across the outlets of an analysis, story by story.

    Args:
        analysis: Result of :func:`framing.engines.memory.analyze`.
        stories: ``article_id`` -> ``story_id`` (None: :func:`story_table`; one story for all: pass it).
        reps: Bootstrap resamples of articles per interval.
        seed: Seed of the bootstrap.
        level: Coverage of the intervals.
    """
    stories = story_table(analysis) if stories is None else stories
    release_freed()  # the article vectors of the grouping
    spans = analysis.spans
    outlets = list(dict.fromkeys(analysis.articles["outlet_id"].astype(str)))
    per_story = stories.groupby("story_id", sort=False)["outlet_id"].nunique()
    multi = {str(s) for s in per_story[per_story >= 2].index}
    sentences = sentence_table(spans, stories)
    alignments = align_sentences(sentences)
    release_freed()  # the stories' sentence vectors
    statements = statement_table(spans, stories)
    shared = shared_quotes(statements)
    named = set(named_sources(spans))
    sources = sources_matrix(statements, named=named)
    actor_rows = spans[spans["feature"] == "actor"]
    who = voices(statements[statements["story_id"].isin(multi)], actor_rows)
    counted = sentences[sentences["words"] >= MIN_WORDS]
    measures = outlet_measures(outlets, counted, alignments, statements, shared, sources, multi=multi, reps=reps,
                               seed=seed, level=level)
    alone = stories[~stories["story_id"].isin(multi)]
    notes = []
    if len(alone):
        notes.append(f"{len(alone):,} of {len(stories):,} articles are the only coverage of their story by any "
                     "outlet: selection is not computed for them (there is nothing to compare them with).")
    return Selection(stories=stories, alignments=alignments, measures=measures, shared_quotes=shared,
                     sources=sources, voices=who, notes=tuple(notes))
