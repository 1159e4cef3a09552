"""Section 3, charts: which charts the comparison gets (drawn by :mod:`framing.reporting.charts`).

Figures, counts and intervals are the comparison's
(:class:`framing.comparison.Comparison`); only the sentence-tone
distribution reads the span table. Heatmaps print the count behind each
cell, and measures on different scales (readability) get one colour scale
per column.

Example:
    >>> t = pd.DataFrame({"measure": ["m", "m"], "name": ["frame: trade", "frame: trade"],
    ...                   "outlet_name": ["A", "B"], "value": [1.0, 2.0]})
    >>> _pivot_named(t, ["m"], ["B", "A"])["trade"].tolist()
    [2.0, 1.0]
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.heap import release_freed
from framing.reporting import charts

#: Distinctive words listed per outlet.
TOP_TERMS = 10


def distinctive_words(comparison: Comparison) -> list[dict[str, Any]]:
    """The :data:`TOP_TERMS` most distinctive words of each outlet, with z-score and count."""
    keyness = comparison.keyness
    rows: list[dict[str, Any]] = []
    if not len(keyness):
        return rows
    for o, name in comparison.outlets:
        sub = keyness[keyness["outlet_id"] == o].head(TOP_TERMS)
        rows.append({"outlet": name, "terms": [
            {"term": t, "z": f"{z:.1f}", "n": int(n)} for t, z, n in
            zip(sub["term"], sub["z_score"], sub["count_outlet"], strict=True)]})
    return rows


class _Charts(list[charts.Chart]):
    """The charts drawn so far; each closed figure is collected as soon as its chart is kept.

    A closed matplotlib figure is garbage in reference cycles (artists, axes, the Agg canvas): 20 to 50 MB
    per chart at 6,000 articles. A report defers full collections (:func:`framing.reporting._settled_heap`),
    so without this the charts' figures would pile up (about 250 MB for the nine charts) until the last is drawn.
    """

    def append(self, chart: charts.Chart) -> None:
        super().append(chart)
        gc.collect()  # the figure just closed (the charts' own functions have returned)
        release_freed()


def figures(analysis: Analysis, comparison: Comparison) -> list[charts.Chart]:
    """The charts, in page order; a chart whose data is absent is left out."""
    table, keyness, outlets = comparison.table, comparison.top_terms(TOP_TERMS), list(comparison.outlets)
    level = f"{comparison.level * 100:g}%"
    names = [n for _, n in outlets]
    measures = list(dict.fromkeys(table["measure"]))
    out = _Charts()
    spans = analysis.spans
    # The comparison's label rows (labels about the story's relationship only), with their counts.
    label_keys = [m for m in measures if m.startswith("label_") and not m.startswith("label_about_")]
    by_kind = [m for m in label_keys if table.loc[table["measure"] == m, "name"].iloc[0].startswith("label: ")]
    by_voice = [m for m in ("label_own_per_1000_words", "label_sources_per_1000_words",
                            "label_negated_per_1000_words", "label_hypothetical_per_1000_words") if m in measures]
    if by_kind and float(table.loc[table["measure"].isin(by_kind), "n_hits"].sum()) > 0:
        panels = [("by kind of label", by_kind), ("by voice and polarity", by_voice)]
        panels = [(t, ms) for t, ms in panels if ms]
        out.append(charts.heatmap(
            "chart-labels", f"Relationship labels about {comparison.story.name}, by outlet",
            _pivot_named(table, by_kind, names),
            panels=[(t, _pivot_named(table, ms, names)) for t, ms in panels],
            counts=[_pivot_named(table, ms, names, column="n_hits") for _, ms in panels],
            cbar_label="per 1,000 words",
            alt="Heatmaps of relationship labels per 1,000 words, with the number of labels in each cell: rows are "
                "outlets; columns are kinds of label, then labels in the outlet's own voice, in its sources' words, "
                "denied and hypothetical.",
            caption="Per 1,000 words of each outlet; n is the number of labels behind each figure (a dark cell on "
                    "n=1 or 2 is one or two words). Labels about other relationships (\"the Western alliance\") "
                    "are not counted.",
        ))
    hb = [(title, [(f"{feat}_own_per_1000_words", "own voice"), (f"{feat}_sources_per_1000_words", "sources")])
          for feat, title in (("hedge", "Hedges"), ("booster", "Boosters")) if f"{feat}_own_per_1000_words" in measures]
    if hb:
        out.append(charts.interval_plot(
            "chart-hedges", f"Hedges and boosters with {level} intervals", table, hb, names, xlabel="per 1,000 words",
            alt="Dot plots with interval bars: hedges and boosters per 1,000 words for each outlet, circles for the "
                "outlet's own voice and squares for its sources.",
            caption=f"Bars are {level} bootstrap intervals over sentences. Overlapping bars mean no clear difference.",
        ))
    sent = spans[(spans["feature"] == "sentiment") & spans["score"].notna()]
    if len(sent):
        scores = pd.DataFrame({"score": sent["score"].to_numpy(dtype=float),
                               "outlet_name": sent["outlet_id"].map(dict(outlets)).to_numpy()})
        out.append(charts.distribution_plot(
            "chart-sentiment", "Sentence sentiment by outlet", scores, names,
            alt="Box plots with one dot per sentence: sentiment score from -1 to 1 for each outlet.",
            caption="Each dot is a sentence. Most news sentences score near 0 (neutral)."
            + (f" Dots: a fixed random sample of {charts.MAX_DOTS} sentences per outlet; boxes use every sentence."
               if int(scores["outlet_name"].value_counts().max()) > charts.MAX_DOTS else ""),
        ))
    actors = [m for m in measures if m.startswith("actor_")]
    if actors:
        data = _pivot_named(table, actors, names)
        out.append(charts.heatmap(
            "chart-actors", "Tone toward actors", data, diverging=True, fmt="+.2f", cbar_label="mean tone",
            counts=_pivot_named(table, actors, names, column="n_hits"),
            alt="Heatmap of the mean tone toward each actor (what the sentences say about it), per outlet; purple "
                "negative, orange positive, numbers in every cell.",
            caption="Mean tone toward each actor: what each sentence says about the mention (the actor as subject, "
                    "object or possessor; topics such as 'the crisis in Ukraine' and what a speaker says do not "
                    "count). n is the number of mentions scored. Empty cells: the outlet never names the actor.",
        ))
    quote_cols = [m for m in ("quote_share_of_words_pct", "paraphrase_share_of_words_pct") if m in measures]
    if quote_cols:
        data = _pivot_named(table, quote_cols, names)
        data = data.assign(**{"outlet's own words": (100 - data.sum(axis=1)).clip(lower=0)})
        out.append(charts.stacked_shares(
            "chart-quotes", "Whose words? Quotes, paraphrase and the outlet's own voice", data, xlabel="% of words",
            alt="Stacked bars per outlet: share of words in direct quotes, attributed paraphrase and the outlet's own "
                "voice.",
        ))
    origins = [m for m in measures if m.startswith("source_origin_")]
    if origins:
        data = _pivot_named(table, origins, names)
        out.append(charts.stacked_shares(
            "chart-origins", "Where the sources come from", data, xlabel="% of quotes and paraphrases",
            alt="Stacked bars per outlet: share of quotes and paraphrases by the origin of the source.",
        ))
    read = [m for m in measures if m.startswith("readability_")]
    if read:
        data = _pivot_named(table, read, names)
        out.append(charts.heatmap(
            "chart-readability", "Readability", data, fmt=".1f", per_column=True,
            alt="Table-like heatmap of readability scores per outlet, each column coloured on its own scale.",
            caption="Each column has its own colour scale (darkest: the highest value in that column): compare "
                    "outlets within a column, not across columns.",
        ))
    frames = [m for m in measures if m.startswith("frame_")]
    if frames:
        data = _pivot_named(table, frames, names)
        out.append(charts.heatmap(
            "chart-frames", "Frame emphasis", data, fmt=".0f", cbar_label="% of sentences",
            counts=_pivot_named(table, frames, names, column="n_hits"),
            alt="Heatmap: share of each outlet's sentences with a cue of each frame.",
            caption="% of the outlet's sentences with at least one cue of the frame; n is the number of those "
                    "sentences.",
        ))
    if len(keyness):
        out.append(charts.keyness_chart(
            "chart-keyness", "Distinctive words per outlet", keyness, dict(outlets),
            alt="Bar charts, one per outlet, of the words it uses most often compared with the other outlets.",
            caption="Log-odds with an informative Dirichlet prior (Monroe et al. 2008), each outlet against the rest.",
        ))
    return list(out)


def _pivot_named(table: pd.DataFrame, measures: Sequence[str], names: Sequence[str], *,
                 column: str = "value") -> pd.DataFrame:
    sub = table[table["measure"].isin(list(measures))]
    p = sub.pivot_table(index="outlet_name", columns="measure", values=column, aggfunc="first", dropna=False)
    p = p.reindex(index=list(names), columns=list(measures))
    label = dict(zip(sub["measure"], sub["name"], strict=False))
    p.columns = [label[m].split(": ", 1)[-1] for m in p.columns]
    return p
