"""Section 3, charts: which charts the comparison gets (drawn by :mod:`framing.reporting.charts`).

Figures and intervals are the comparison's (:class:`framing.comparison.Comparison`);
only the label heatmap and the sentence-tone distribution read the span table.

Example:
    >>> t = pd.DataFrame({"measure": ["m", "m"], "name": ["frame: trade", "frame: trade"],
    ...                   "outlet_name": ["A", "B"], "value": [1.0, 2.0]})
    >>> _pivot_named(t, ["m"], ["B", "A"])["trade"].tolist()
    [2.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
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


def figures(analysis: Analysis, comparison: Comparison) -> list[charts.Chart]:
    """The charts, in page order; a chart whose data is absent is left out."""
    table, keyness, outlets = comparison.table, comparison.top_terms(TOP_TERMS), list(comparison.outlets)
    level = f"{comparison.level * 100:g}%"
    names = [n for _, n in outlets]
    measures = list(dict.fromkeys(table["measure"]))
    out: list[charts.Chart] = []
    spans = analysis.spans
    # Only labels about the story's relationship, as in the comparison's label rows.
    labels = spans[(spans["feature"] == "relationship_label") & (spans["target"] == comparison.story.dyad)]
    if len(labels):
        words = analysis.articles.groupby("outlet_name")["n_words"].sum().reindex(names)
        lab = labels.assign(
            outlet_name=labels["outlet_id"].map(dict(outlets)),
            voice_group=labels["voice"].map(lambda v: "sources" if v in ("direct_quote", "attributed_paraphrase")
                                            else "own voice"),
            cat=labels["category"].replace("", "uncategorised"),
        )
        cats = sorted(set(lab["cat"]))
        panels = []
        for pol_name, pol_mask in (("affirmed / other", lab["polarity"] != "negated"),
                                   ("negated", lab["polarity"] == "negated")):
            sub = lab[pol_mask]
            for vg in ("own voice", "sources"):
                counts = sub[sub["voice_group"] == vg].groupby(["outlet_name", "cat"]).size().unstack(fill_value=0)
                counts = counts.reindex(index=names, columns=cats, fill_value=0)
                rate = counts.div(words, axis=0) * 1000
                panels.append((f"{pol_name}, {vg}", rate))
        out.append(charts.heatmap(
            "chart-labels", f"Relationship labels about {comparison.story.name}, by outlet, voice and polarity",
            panels[0][1],
            panels=panels, cbar_label="per 1,000 words",
            alt="Heatmaps of relationship labels per 1,000 words: rows are outlets, columns are label categories; "
                "panels separate affirmed from negated labels and the outlet's own voice from its sources'.",
            caption="Per 1,000 words of each outlet. Negated labels (\"not an alliance\") are shown apart; labels "
                    "about other relationships (\"the Western alliance\") are not counted.",
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
            alt="Heatmap of the mean tone toward each actor (what the sentences say about it), per outlet; purple "
                "negative, orange positive, numbers in every cell.",
            caption="Mean tone toward each actor: what each sentence says about the mention (the actor as subject, "
                    "object or possessor; topics such as 'the crisis in Ukraine' and what a speaker says do not "
                    "count). Empty cells: the outlet never names the actor.",
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
            "chart-readability", "Readability", data, fmt=".1f", cbar_label="value",
            alt="Table-like heatmap of readability scores per outlet.",
            caption="Scales differ by column: compare outlets within a column, not across columns.",
        ))
    frames = [m for m in measures if m.startswith("frame_")]
    if frames:
        data = _pivot_named(table, frames, names)
        out.append(charts.heatmap(
            "chart-frames", "Frame emphasis", data, fmt=".0f", cbar_label="% of sentences",
            alt="Heatmap: share of each outlet's sentences with a cue of each frame.",
            caption="% of the outlet's sentences with at least one cue of the frame.",
        ))
    if len(keyness):
        out.append(charts.keyness_chart(
            "chart-keyness", "Distinctive words per outlet", keyness, dict(outlets),
            alt="Bar charts, one per outlet, of the words it uses most often compared with the other outlets.",
            caption="Log-odds with an informative Dirichlet prior (Monroe et al. 2008), each outlet against the rest.",
        ))
    return out


def _pivot_named(table: pd.DataFrame, measures: Sequence[str], names: Sequence[str]) -> pd.DataFrame:
    sub = table[table["measure"].isin(list(measures))]
    p = sub.pivot_table(index="outlet_name", columns="measure", values="value", aggfunc="first", dropna=False)
    p = p.reindex(index=list(names), columns=list(measures))
    label = dict(zip(sub["measure"], sub["name"], strict=False))
    p.columns = [label[m].split(": ", 1)[-1] for m in p.columns]
    return p
