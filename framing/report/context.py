"""Everything the report template shows, as plain data: numbers are formatted here, not in templates.

:func:`build_context` turns an :class:`~framing.pipeline.Analysis` (plus the
comparison table and an optional validity file) into a dict of strings,
lists and safe markup. Untrusted text (article text, titles, outlet and
speaker names) stays plain ``str`` and is escaped by the template; the only
markup made here is the highlighted article text
(:func:`framing.report.highlight.render_text`, which escapes every slice) and
the packaged CSS.

Example:
    >>> fmt_value(13.694, "rate"), fmt_interval(8.58, 20.49, "rate"), fmt_value(float("nan"), "mean")
    ('13.7', '8.6–20.5', 'n/a')
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from framing.pipeline import Analysis
from framing.report import charts
from framing.report.highlight import Item, render_text

#: Section ids, titles (the contents list), in page order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("comparison", "Side-by-side comparison"),
    ("charts", "Charts"),
    ("evidence", "Evidence: the articles with their spans"),
    ("kwic", "Relationship labels in context"),
    ("methodology", "Methodology and limitations"),
    ("validity", "Validity card"),
    ("provenance", "Provenance"),
)

#: Legend of the highlight styles: feature, name, symbol, description, shown by default.
LEGEND: tuple[tuple[str, str, str, str, bool], ...] = (
    ("relationship_label", "relationship label", "[L]", "boxed; badge gives the category", True),
    ("hedge", "hedge", "H", "dotted underline, badge H", True),
    ("booster", "booster", "B", "double underline, badge B", True),
    ("quote", "direct quote", "❝", "shaded, italic; badge names the speaker", True),
    ("paraphrase", "attributed paraphrase", "≈", "dashed underline; badge names the speaker", True),
    ("frame", "frame cue", "F", "wavy overline, badge F:frame", False),
    ("actor", "actor mention", "@", "thin underline, badge @actor", False),
    ("sentiment", "sentence sentiment", "±", "sentence tinted; badge gives the score", False),
)

_KIND_DECIMALS: dict[str, int] = {"rate": 1, "share_words": 1, "share_sentences": 1, "share_of": 1, "mean": 2,
                                  "distinct": 0, "article_mean": 1}


def fmt_value(v: float, kind: str) -> str:
    """Format a figure for display (``n/a`` for NaN; signed for means)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    d = _KIND_DECIMALS.get(kind, 1)
    if kind == "mean":
        return f"{v:+.{d}f}".replace("-", "−")
    return f"{v:,.{d}f}"


def fmt_interval(lo: float, hi: float, kind: str) -> str:
    """Format an interval as ``lo–hi`` (empty when undefined)."""
    if any(x is None or (isinstance(x, float) and math.isnan(x)) for x in (lo, hi)):
        return ""
    return f"{fmt_value(lo, kind)}–{fmt_value(hi, kind)}"


def _static(name: str) -> str:
    return resources.files("framing.report").joinpath("static", name).read_text(encoding="utf-8")


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _source_path(source: str) -> Path | None:
    """The file an article came from (``path`` or ``path:row`` for JSONL/CSV rows)."""
    if not source:
        return None
    p = Path(source)
    if p.is_file():
        return p
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit() and Path(head).is_file():
        return Path(head)
    return None


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path.name


# ----------------------------------------------------------------------------- overview


def _overview(analysis: Analysis, anchors: dict[str, str]) -> dict[str, Any]:
    rows = {str(r.article_id): r for r in analysis.articles.itertuples(index=False)}
    outlets: list[dict[str, Any]] = []
    by_outlet: dict[str, dict[str, Any]] = {}
    for art in analysis.corpus.articles:
        if art.id not in rows:
            continue
        r = rows[art.id]
        o = by_outlet.get(art.outlet_id)
        if o is None:
            o = {"id": art.outlet_id, "name": art.outlet_name, "articles": []}
            by_outlet[art.outlet_id] = o
            outlets.append(o)
        o["articles"].append(
            {
                "anchor": anchors[art.id], "title": art.title or "(untitled)", "author": art.author or "—",
                "published": art.published or "—", "country": art.country or "—", "notes": art.notes,
                "language": art.language or "?", "not_english": bool(art.language) and art.language != "en",
                "words": f"{int(r.n_words):,}", "sentences": f"{int(r.n_sentences):,}",
                "removed_count": len(art.removed),
                "removed": [{"line": x.line, "rule": x.rule, "text": x.text} for x in art.removed],
            }
        )
    total_words = int(analysis.articles["n_words"].sum()) if len(analysis.articles) else 0
    return {
        "outlets": outlets,
        "n_articles": len(analysis.articles),
        "n_outlets": len(outlets),
        "n_words": f"{total_words:,}",
        "n_spans": f"{len(analysis.spans):,}",
        "problems": [{"path": Path(p.path).name if p.path else "", "reason": p.reason} for p in analysis.problems],
        "families": ", ".join(analysis.families),
    }


# ----------------------------------------------------------------------------- comparison table


def _comparison(table: pd.DataFrame, outlets: list[tuple[str, str]], anchors_by_outlet: dict[str, str]) -> dict:
    groups: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    # A warning that holds for every figure of an outlet is shown once, under the outlet's name.
    outlet_flags: dict[str, tuple[str, ...]] = {}
    for o, sub in table.groupby("outlet_id", sort=False):
        parts = [set(str(c).split("; ")) for c in sub["caveats"]]
        common = set.intersection(*parts) if parts else set()
        outlet_flags[str(o)] = tuple(f for f in ("rests on one article", "not English: English word lists do not apply")
                                     if f in common)
    for row in table.itertuples(index=False):
        g = index.get(row.group)
        if g is None:
            g = {"name": row.group, "rows": [], "_rows": {}}
            index[row.group] = g
            groups.append(g)
        m = g["_rows"].get(row.measure)
        if m is None:
            m = {"key": row.measure, "name": row.name, "unit": row.unit, "cells": []}
            g["_rows"][row.measure] = m
            g["rows"].append(m)
        fallback = anchors_by_outlet.get(row.outlet_id, "evidence")
        href = f"#span-{row.first_span}" if row.first_span >= 0 else f"#{fallback}"
        flags = [f for f in str(row.caveats).split("; ") if f and f not in outlet_flags.get(row.outlet_id, ())]
        m["cells"].append(
            {
                "value": fmt_value(row.value, row.kind),
                "ci": fmt_interval(row.ci_low, row.ci_high, row.kind),
                "href": href,
                "n_hits": int(row.n_hits),
                "differs": row.differs_from_rest,
                "flags": flags,
                "title": f"{row.outlet_name}: {row.name} = {fmt_value(row.value, row.kind)} {row.unit}; "
                f"{int(row.n_hits)} spans; rest of corpus {fmt_value(row.rest_value, row.kind)} "
                f"({fmt_interval(row.rest_ci_low, row.rest_ci_high, row.kind) or 'no interval'})",
            }
        )
    for g in groups:
        del g["_rows"]
    return {"outlets": [{"id": o, "name": n, "flags": list(outlet_flags.get(o, ()))} for o, n in outlets],
            "groups": groups}


# ----------------------------------------------------------------------------- charts


def _charts(analysis: Analysis, table: pd.DataFrame, keyness: pd.DataFrame | None,
            outlets: list[tuple[str, str]]) -> list[charts.Chart]:
    names = [n for _, n in outlets]
    measures = list(dict.fromkeys(table["measure"]))
    out: list[charts.Chart] = []
    spans = analysis.spans
    labels = spans[spans["feature"] == "relationship_label"]
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
            "chart-labels", "Relationship labels by outlet, voice and polarity", panels[0][1],
            panels=panels, cbar_label="per 1,000 words",
            alt="Heatmaps of relationship labels per 1,000 words: rows are outlets, columns are label categories; "
                "panels separate affirmed from negated labels and the outlet's own voice from its sources'.",
            caption="Per 1,000 words of each outlet. Negated labels (\"not an alliance\") are shown apart.",
        ))
    hb = [(title, [(f"{feat}_own_per_1000_words", "own voice"), (f"{feat}_sources_per_1000_words", "sources")])
          for feat, title in (("hedge", "Hedges"), ("booster", "Boosters")) if f"{feat}_own_per_1000_words" in measures]
    if hb:
        out.append(charts.interval_plot(
            "chart-hedges", "Hedges and boosters with 95% intervals", table, hb, names, xlabel="per 1,000 words",
            alt="Dot plots with interval bars: hedges and boosters per 1,000 words for each outlet, circles for the "
                "outlet's own voice and squares for its sources.",
            caption="Bars are 95% bootstrap intervals over sentences. Overlapping bars mean no clear difference.",
        ))
    sent = spans[(spans["feature"] == "sentiment") & spans["score"].notna()]
    if len(sent):
        scores = pd.DataFrame({"score": sent["score"].to_numpy(dtype=float),
                               "outlet_name": sent["outlet_id"].map(dict(outlets)).to_numpy()})
        out.append(charts.distribution_plot(
            "chart-sentiment", "Sentence sentiment by outlet", scores, names,
            alt="Box plots with one dot per sentence: sentiment score from -1 to 1 for each outlet.",
            caption="Each dot is a sentence. Most news sentences score near 0 (neutral).",
        ))
    actors = [m for m in measures if m.startswith("actor_")]
    if actors:
        data = _pivot_named(table, actors, names)
        out.append(charts.heatmap(
            "chart-actors", "Tone toward actors", data, diverging=True, fmt="+.2f", cbar_label="mean tone",
            alt="Heatmap of the mean tone of sentences mentioning each actor, per outlet; purple negative, orange "
                "positive, numbers in every cell.",
            caption="Mean sentiment of the clause around each mention. Empty cells: the outlet never names the actor.",
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
    if keyness is not None and len(keyness):
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


# ----------------------------------------------------------------------------- evidence


def _item(idx: int, row: Any) -> Item:
    feature = str(row.feature)
    classes: list[str] = []
    badge = ""
    attrs: dict[str, str] = {}
    bits = [feature.replace("_", " ")]
    if row.label:
        bits.append(f"label: {row.label}")
    if row.category:
        bits.append(f"category: {row.category}")
    if row.polarity:
        bits.append(f"polarity: {row.polarity}")
        classes.append(f"pol-{row.polarity}")
    if row.target:
        bits.append(f"target: {row.target}")
    if row.voice and feature != "sentence":
        bits.append(f"voice: {row.voice}")
    if row.speaker:
        bits.append(f"speaker: {row.speaker}")
    if not math.isnan(row.score) and feature != "sentence":
        bits.append(f"score: {row.score:+.2f}")
    if row.voice in ("direct_quote", "attributed_paraphrase") and feature in ("relationship_label", "hedge", "booster"):
        classes.append("in-source")
    if feature == "relationship_label":
        mark = {"negated": "¬", "hypothetical": "?", "questioned": "?"}.get(str(row.polarity), "")
        badge = f"{mark}{row.category or row.label or 'label'}"
    elif feature == "hedge":
        badge = "H"
    elif feature == "booster":
        badge = "B"
    elif feature in ("quote", "paraphrase"):
        badge = ("❝ " if feature == "quote" else "≈ ") + (str(row.speaker) or "unattributed")
    elif feature == "frame":
        badge = f"F:{row.label}"
    elif feature == "actor":
        badge = f"@{row.label}"
    elif feature == "sentiment":
        if not math.isnan(row.score):
            badge = f"{row.score:+.2f}"
        classes.append(f"senti-{row.label or 'neutral'}")
    return Item(id=str(idx), start=int(row.start), end=int(row.end), feature=feature, classes=tuple(classes),
                title="; ".join(bits), badge=badge, attrs=attrs)


def _evidence(analysis: Analysis, anchors: dict[str, str]) -> list[dict[str, Any]]:
    spans = analysis.spans.reset_index(drop=True)
    by_article: dict[str, list[Item]] = {}
    for idx, row in zip(range(len(spans)), spans.itertuples(index=False), strict=True):
        by_article.setdefault(str(row.article_id), []).append(_item(idx, row))
    analysed = set(analysis.articles["article_id"].astype(str))
    out = []
    for art in analysis.corpus.articles:
        if art.id not in analysed:
            continue
        items = by_article.get(art.id, [])
        counts: dict[str, int] = {}
        for it in items:
            counts[it.feature] = counts.get(it.feature, 0) + 1
        out.append({
            "anchor": anchors[art.id], "outlet": art.outlet_name, "title": art.title or "(untitled)",
            "html": render_text(art.text, items), "n_spans": len(items),
            "counts": ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items())),
        })
    return out


# ----------------------------------------------------------------------------- KWIC


def _kwic(analysis: Analysis, *, max_rows: int = 40) -> list[dict[str, Any]]:
    from framing.document import Doc
    from framing.kwic import kwic

    labels = analysis.spans[analysis.spans["feature"] == "relationship_label"]
    if labels.empty:
        return []
    counted = {(str(r.article_id), int(r.start)): r for r in labels.itertuples(index=False)}
    spans_idx = {(str(a), int(s)): i for i, (a, s, f) in enumerate(
        zip(analysis.spans["article_id"], analysis.spans["start"], analysis.spans["feature"], strict=True))
        if f == "relationship_label"}
    ids = set(labels["article_id"].astype(str))
    docs: dict[str, Doc] = {a.id: Doc.build(a) for a in analysis.corpus.articles if a.id in ids}
    out = []
    for term in sorted({str(x) for x in labels["label"] if str(x)}):
        hits = kwic(analysis.corpus, term, window=55, docs=docs)
        rows = []
        for r in hits.itertuples(index=False):
            key = (str(r.article_id), int(r.start))
            span = counted.get(key)
            rows.append({
                "outlet": r.outlet_name, "left": r.left, "match": r.match, "right": r.right,
                "voice": str(r.voice).replace("_", " "), "speaker": r.speaker,
                "counted": f"{span.category}, {span.polarity}" if span is not None else "not counted",
                "href": f"#span-{spans_idx[key]}" if key in spans_idx else "",
            })
        out.append({"term": term, "n": len(rows), "rows": rows[:max_rows], "more": max(0, len(rows) - max_rows)})
    return out


# ----------------------------------------------------------------------------- validity and provenance


def _validity(validity: Path | None) -> dict[str, Any]:
    how = ("framing validate --json reports/validity.json   (or: make validity), then "
           "framing report --validity reports/validity.json")
    if validity is None:
        return {"ran": False, "rows": [], "how": how, "problem": ""}
    from framing.evaluation.run import read_json

    try:
        rows = read_json(validity)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        return {"ran": False, "rows": [], "how": how, "problem": f"{validity.name}: could not be read ({exc})"}
    return {
        "ran": True, "how": how, "problem": "", "file": validity.name,
        "rows": [{"measure": r.measure, "dataset": r.dataset, "metric": r.metric,
                  "value": "not run" if math.isnan(r.value) else f"{r.value:.3f}", "target": r.target,
                  "anchor": r.anchor, "n": f"{r.n:,}" if r.n else "", "note": r.note} for r in rows],
    }


def _provenance(analysis: Analysis, command: str) -> dict[str, Any]:
    from framing import __version__
    from framing.lexicons import packaged_lexicons

    lexicons = [{"name": lx.name, "version": lx.version, "sha256": lx.sha256, "file": Path(lx.path).name,
                 "source": lx.meta.get("source", "")} for lx in packaged_lexicons()]
    files: dict[str, str] = {}
    for art in analysis.corpus.articles:
        p = _source_path(art.source)
        if p is not None and _display_path(p) not in files:
            files[_display_path(p)] = _sha256_file(p)
        elif p is None:
            files.setdefault(art.source or art.id, "(not a file)")
    return {
        "version": __version__,
        "command": command or "(called from Python)",
        "lexicons": lexicons,
        "inputs": [{"path": k, "sha256": v} for k, v in sorted(files.items())],
        "families": ", ".join(analysis.families),
    }


LIMITATIONS: tuple[str, ...] = (
    "Counts come from word lists and rules, not from understanding. A cue can be missed (a label phrased in a new "
    "way) or counted wrongly (a word used in another sense). Every figure links to its words: check them.",
    "Five articles are five articles. A figure for an outlet here describes this article, not the outlet's "
    "coverage in general; the warning \"rests on one article\" says so wherever it applies.",
    "Intervals resample sentences within an outlet. Sentences of one article are not independent, so the intervals "
    "are, if anything, too narrow. A difference is only called a difference where the intervals do not overlap.",
    "Sentiment scores measure the tone of words (VADER, calibrated on news), not an outlet's stance: reporting a "
    "war in neutral words still yields negative sentences.",
    "The word lists are English. For articles not in English the lexicon measures are marked \"not English\" and "
    "should not be compared.",
    "Cleaning removes page furniture (menus, captions, promotions) by rule; the removed lines are listed in the "
    "overview so that a wrongly removed line can be seen.",
)


def build_context(
    analysis: Analysis,
    table: pd.DataFrame,
    *,
    keyness: pd.DataFrame | None = None,
    command: str = "",
    validity: Path | None = None,
    reps: int = 1000,
) -> dict[str, Any]:
    """All data the template needs (see module docstring)."""
    anchors = {a.id: f"article-{i + 1}" for i, a in enumerate(analysis.corpus.articles)}
    anchors_by_outlet: dict[str, str] = {}
    for a in analysis.corpus.articles:
        anchors_by_outlet.setdefault(a.outlet_id, anchors[a.id])
    outlets = _outlet_pairs(analysis, table)
    key_rows: list[dict[str, Any]] = []
    if keyness is not None and len(keyness):
        for o, name in outlets:
            sub = keyness[keyness["outlet_id"] == o].head(10)
            key_rows.append({"outlet": name, "terms": [
                {"term": t, "z": f"{z:.1f}", "n": int(n)} for t, z, n in
                zip(sub["term"], sub["z_score"], sub["count_outlet"], strict=True)]})
    titles = [a.title for a in analysis.corpus.articles if a.title]
    return {
        "title": f"How {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} framed one story",
        "story_titles": titles,
        "sections": [{"id": i, "title": t} for i, t in SECTIONS],
        "css": Markup(_static("report.css")),  # packaged file, not user data
        "overview": _overview(analysis, anchors),
        "comparison": _comparison(table, outlets, anchors_by_outlet),
        "charts": _charts(analysis, table, keyness, outlets),
        "keyness": key_rows,
        "evidence": _evidence(analysis, anchors),
        "legend": [{"feature": f, "name": n, "symbol": s, "description": d, "on": on,
                    "present": f in set(analysis.spans["feature"])} for f, n, s, d, on in LEGEND],
        "kwic": _kwic(analysis),
        "validity": _validity(validity),
        "limitations": list(LIMITATIONS),
        "reps": f"{reps:,}",
        "provenance": _provenance(analysis, command),
    }


def _outlet_pairs(analysis: Analysis, table: pd.DataFrame) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for a in analysis.corpus.articles:
        if a.id in set(analysis.articles["article_id"].astype(str)):
            seen.setdefault(a.outlet_id, a.outlet_name)
    for o, n in zip(table["outlet_id"], table["outlet_name"], strict=True):
        seen.setdefault(str(o), str(n))
    return list(seen.items())

