"""Everything the report template shows, as plain data: numbers are formatted here, not in templates.

:func:`build_context` turns an :class:`~framing.pipeline.Analysis` (plus the
comparison table and an optional validity file) into a dict of strings,
lists and safe markup. Untrusted text (article text, titles, outlet and
speaker names) stays plain ``str`` and is escaped by the template; the only
markup made here is the highlighted article text
(:func:`framing.reporting.highlight.render_text`, which escapes every slice) and
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

import numpy as np
import pandas as pd
from markupsafe import Markup

from framing.comparison.bootstrap import DEFAULT_SEED
from framing.pipeline import Analysis
from framing.reporting import charts
from framing.reporting.highlight import Item, css_token, render_text

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

#: Above this many outlets the comparison is transposed: one table per group, outlets as rows, sorted by a measure.
WIDE_OUTLETS = 8
#: Above this many articles the evidence shows a sample of articles per outlet; the others are listed by title.
EVIDENCE_ALL_MAX = 50
#: About this many articles are shown in full when sampling (2 to 10 per outlet).
EVIDENCE_SAMPLE_TOTAL = 40
#: Removed lines listed per audit block (per article, or per outlet when sampling); the rest are counted.
AUDIT_MAX_LINES = 30
#: Headlines listed in the overview; input files listed under provenance.
MAX_HEADLINES = 12
MAX_INPUTS = 50
#: Keyword-in-context rows per label word (spread over outlets when there are more).
KWIC_MAX_ROWS = 40


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
    return resources.files("framing.reporting").joinpath("static", name).read_text(encoding="utf-8")


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


def _removed(lines: Sequence[Any], limit: int = AUDIT_MAX_LINES) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` removed lines as rows, and how many more there are."""
    rows = [{"line": x.line, "rule": x.rule, "text": x.text} for x in lines[:limit]]
    return rows, max(0, len(lines) - limit)


def _overview(analysis: Analysis, anchors: dict[str, str], outlet_anchors: dict[str, str],
              shown: set[str] | None) -> dict[str, Any]:
    rows = {str(r.article_id): r for r in analysis.articles.itertuples(index=False)}
    outlets: list[dict[str, Any]] = []
    by_outlet: dict[str, dict[str, Any]] = {}
    for art in analysis.corpus.articles:
        if art.id not in rows:
            continue
        r = rows[art.id]
        o = by_outlet.get(art.outlet_id)
        if o is None:
            o = {"id": art.outlet_id, "name": art.outlet_name, "anchor": outlet_anchors[art.outlet_id],
                 "articles": [], "n_words": 0, "n_sentences": 0, "n_removed": 0, "n_shown": 0, "not_english": 0,
                 "rules": {}, "removed": [], "notes": 0, "n_articles": 0}
            by_outlet[art.outlet_id] = o
            outlets.append(o)
        o["n_articles"] += 1
        o["n_words"] += int(r.n_words)
        o["n_sentences"] += int(r.n_sentences)
        o["n_removed"] += len(art.removed)
        o["n_shown"] += int(shown is None or art.id in shown)
        o["not_english"] += int(bool(art.language) and art.language != "en")
        if shown is not None:  # many articles: one row and one capped audit per outlet
            o["notes"] += int(bool(art.notes))
            for x in art.removed:
                o["rules"][x.rule] = o["rules"].get(x.rule, 0) + 1
                if len(o["removed"]) < AUDIT_MAX_LINES:
                    o["removed"].append({"line": x.line, "rule": x.rule, "text": x.text, "anchor": anchors[art.id],
                                         "title": art.title or "(untitled)"})
            continue
        removed, more = _removed(art.removed)
        o["articles"].append(
            {
                "anchor": anchors[art.id], "title": art.title or "(untitled)", "author": art.author or "—",
                "published": art.published or "—", "country": art.country or "—", "notes": art.notes,
                "language": art.language or "?", "not_english": bool(art.language) and art.language != "en",
                "words": f"{int(r.n_words):,}", "sentences": f"{int(r.n_sentences):,}",
                "removed_count": len(art.removed), "removed": removed, "removed_more": more,
            }
        )
    for o in outlets:
        o["rules"] = ", ".join(f"{k} {v:,}" for k, v in sorted(o["rules"].items(), key=lambda kv: (-kv[1], kv[0])))
        o["removed_more"] = max(0, o["n_removed"] - len(o["removed"]))
        for k in ("n_words", "n_sentences", "n_removed", "n_articles"):
            o[k] = f"{o[k]:,}"
    total_words = int(analysis.articles["n_words"].sum()) if len(analysis.articles) else 0
    return {
        "outlets": outlets,
        "per_outlet": shown is not None,
        "n_articles": len(analysis.articles),
        "n_outlets": len(outlets),
        "n_words": f"{total_words:,}",
        "n_spans": f"{len(analysis.spans):,}",
        "problems": [{"path": Path(p.path).name if p.path else "", "reason": p.reason} for p in analysis.problems],
        "families": ", ".join(analysis.families),
    }


# ----------------------------------------------------------------------------- comparison table


def _comparison(table: pd.DataFrame, outlets: list[tuple[str, str]], anchors_by_outlet: dict[str, str],
                shown_spans: set[int] | None = None) -> dict:
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
        linked = row.first_span >= 0 and (shown_spans is None or int(row.first_span) in shown_spans)
        href = f"#span-{row.first_span}" if linked else f"#{fallback}"
        flags = [f for f in str(row.caveats).split("; ") if f and f not in outlet_flags.get(row.outlet_id, ())]
        m["cells"].append(
            {
                "outlet_id": row.outlet_id, "outlet": row.outlet_name, "raw": float(row.value),
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
    heads = [{"id": o, "name": n, "flags": list(outlet_flags.get(o, ())),
              "anchor": anchors_by_outlet.get(o, "evidence")} for o, n in outlets]
    wide = len(outlets) > WIDE_OUTLETS
    return {"outlets": heads, "groups": groups, "wide": wide,
            "tables": _transposed(groups, heads) if wide else [],
            "rankings": _rankings(groups) if wide else []}


def _by_value(cells: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cells from the highest value to the lowest (undefined last, then by outlet name)."""
    return sorted(cells, key=lambda c: (math.isnan(c["raw"]), -c["raw"] if not math.isnan(c["raw"]) else 0.0,
                                        c["outlet"]))


def _transposed(groups: list[dict[str, Any]], heads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table per group for many outlets: outlets are rows, sorted by the group's first measure."""
    out = []
    for g in groups:
        first = g["rows"][0]
        order = [c["outlet_id"] for c in _by_value(first["cells"])]
        cells = {(m["key"], c["outlet_id"]): c for m in g["rows"] for c in m["cells"]}
        head = {h["id"]: h for h in heads}
        rows = [{"outlet": head[o], "cells": [cells.get((m["key"], o)) for m in g["rows"]]} for o in order]
        out.append({"name": g["name"], "sorted_by": f"{first['name']} ({first['unit']})",
                    "measures": [{"key": m["key"], "name": m["name"], "unit": m["unit"]} for m in g["rows"]],
                    "rows": rows})
    return out


def _rankings(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every measure with its outlets ranked from the highest value to the lowest."""
    return [{"key": m["key"], "name": m["name"], "unit": m["unit"], "group": g["name"], "cells": _by_value(m["cells"])}
            for g in groups for m in g["rows"]]


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
            caption="Each dot is a sentence. Most news sentences score near 0 (neutral)."
            + (f" Dots: a fixed random sample of {charts.MAX_DOTS} sentences per outlet; boxes use every sentence."
               if int(scores["outlet_name"].value_counts().max()) > charts.MAX_DOTS else ""),
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


def sample_articles(rows: Sequence[tuple[str, str, int, int]], *, per_outlet: int,
                    seed: int = DEFAULT_SEED) -> list[str]:
    """Ids of the articles to show in full: per outlet, those with the most labels, then the most spans.

    Ties are broken by a seeded hash of the id, so the choice is deterministic
    and does not depend on the order of the articles.

    Args:
        rows: ``(article_id, outlet_id, relationship labels, spans)`` per article.
        per_outlet: Articles kept per outlet.
        seed: Seed of the tie-break.

    Example:
        >>> sample_articles([("a", "x", 0, 5), ("b", "x", 2, 1), ("c", "y", 0, 0)], per_outlet=1)
        ['b', 'c']
    """
    def key(row: tuple[str, str, int, int]) -> tuple[int, int, str]:
        return -row[2], -row[3], hashlib.sha256(f"{seed}:{row[0]}".encode()).hexdigest()

    by_outlet: dict[str, list[tuple[str, str, int, int]]] = {}
    for row in rows:
        by_outlet.setdefault(row[1], []).append(row)
    kept = {r[0] for group in by_outlet.values() for r in sorted(group, key=key)[:per_outlet]}
    return [r[0] for r in rows if r[0] in kept]


def _shown_articles(analysis: Analysis, *, seed: int = DEFAULT_SEED) -> set[str] | None:
    """Articles shown in full (None: all of them, the corpus is small)."""
    ids = [str(x) for x in analysis.articles["article_id"]]
    if len(ids) <= EVIDENCE_ALL_MAX:
        return None
    spans = analysis.spans
    n_spans = spans["article_id"].astype(str).value_counts()
    n_labels = spans.loc[spans["feature"] == "relationship_label", "article_id"].astype(str).value_counts()
    outlets = [str(x) for x in analysis.articles["outlet_id"]]
    per_outlet = max(2, min(10, EVIDENCE_SAMPLE_TOTAL // max(1, len(set(outlets)))))
    rows = [(a, o, int(n_labels.get(a, 0)), int(n_spans.get(a, 0))) for a, o in zip(ids, outlets, strict=True)]
    return set(sample_articles(rows, per_outlet=per_outlet, seed=seed))


def _counts(features: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for f in features:
        counts[f] = counts.get(f, 0) + 1
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items()))


def _evidence(analysis: Analysis, anchors: dict[str, str], shown: set[str] | None) -> list[dict[str, Any]]:
    """The articles in full (``shown``, or all); with ``shown``, the others as title and counts."""
    spans = analysis.spans.reset_index(drop=True)
    article_ids = spans["article_id"].astype(str)
    full = spans if shown is None else spans[article_ids.isin(shown)]
    by_article: dict[str, list[Item]] = {}
    for idx, row in zip(full.index, full.itertuples(index=False), strict=True):
        by_article.setdefault(str(row.article_id), []).append(_item(int(idx), row))
    features: dict[str, list[str]] = {}
    if shown is not None:
        for a, f in zip(article_ids, spans["feature"], strict=True):
            features.setdefault(a, []).append(str(f))
    words = dict(zip(analysis.articles["article_id"].astype(str), analysis.articles["n_words"], strict=True))
    out = []
    for art in analysis.corpus.articles:
        if art.id not in words:
            continue
        entry: dict[str, Any] = {"anchor": anchors[art.id], "outlet": art.outlet_name, "outlet_id": art.outlet_id,
                 "title": art.title or "(untitled)", "words": f"{int(words[art.id]):,}"}
        if shown is None or art.id in shown:
            items = by_article.get(art.id, [])
            entry.update(full=True, html=render_text(art.text, items), n_spans=len(items),
                         counts=_counts([it.feature for it in items]))
        else:
            feats = [f for f in features.get(art.id, []) if f != "sentence"]
            entry.update(full=False, html="", n_spans=len(features.get(art.id, [])), counts=_counts(feats))
        out.append(entry)
    return out


def _evidence_outlets(evidence: list[dict[str, Any]], outlets: list[tuple[str, str]],
                      outlet_anchors: dict[str, str]) -> list[dict[str, Any]]:
    """The evidence grouped by outlet (used when only a sample is shown in full)."""
    groups: dict[str, dict[str, Any]] = {
        o: {"id": o, "name": n, "anchor": outlet_anchors.get(o, f"outlet-{css_token(o)}"), "shown": [], "rest": []}
        for o, n in outlets}
    for e in evidence:
        g = groups.get(e["outlet_id"])
        if g is not None:
            g["shown" if e["full"] else "rest"].append(e)
    return [g for g in groups.values() if g["shown"] or g["rest"]]


# ----------------------------------------------------------------------------- KWIC


def _spread(hits: list[tuple[int, str, int]], limit: int) -> set[tuple[int, int]]:
    """At most ``limit`` of ``(article position, outlet, start)`` hits, taken in turn from each outlet.

    Example:
        >>> sorted(_spread([(0, "a", 1), (0, "a", 9), (1, "a", 3), (2, "b", 4)], 2))
        [(0, 1), (2, 4)]
    """
    queues: dict[str, list[tuple[int, int]]] = {}
    for pos, outlet, start in hits:
        queues.setdefault(outlet, []).append((pos, start))
    kept: set[tuple[int, int]] = set()
    depth = 0
    while len(kept) < limit and any(depth < len(q) for q in queues.values()):
        for q in queues.values():
            if depth < len(q) and len(kept) < limit:
                kept.add(q[depth])
        depth += 1
    return kept


def _kwic(analysis: Analysis, *, max_rows: int = KWIC_MAX_ROWS, shown_spans: set[int] | None = None
          ) -> list[dict[str, Any]]:
    """Every label word in context: all its occurrences when few, else ``max_rows`` spread over the outlets."""
    from framing.document import Doc
    from framing.features._matching import PhraseMatcher
    from framing.kwic import kwic
    from framing.model import Corpus

    labels = analysis.spans[analysis.spans["feature"] == "relationship_label"]
    if labels.empty:
        return []
    counted = {(str(r.article_id), int(r.start)): r for r in labels.itertuples(index=False)}
    spans_idx = {(str(a), int(s)): i for i, (a, s, f) in enumerate(
        zip(analysis.spans["article_id"], analysis.spans["start"], analysis.spans["feature"], strict=True))
        if f == "relationship_label" and (shown_spans is None or i in shown_spans)}
    analysed = set(analysis.articles["article_id"].astype(str))
    articles = [a for a in analysis.corpus.articles if a.id in analysed]
    docs: dict[str, Doc] = {}
    position = {a.id: k for k, a in enumerate(articles)}
    out = []
    for term in sorted({str(x) for x in labels["label"] if str(x)}):
        matcher = PhraseMatcher({term: term}, plurals=True)  # the matcher kwic() uses, to count and choose rows
        hits = [(k, a.outlet_id, m.start) for k, a in enumerate(articles) for m in matcher.finditer(a.text)]
        keep = {(k, start) for k, _, start in hits} if len(hits) <= max_rows else _spread(hits, max_rows)
        chosen = [articles[k] for k in sorted({k for k, _ in keep})]
        for a in chosen:
            if a.id not in docs:
                docs[a.id] = Doc.build(a)
        rows = []
        for r in kwic(Corpus(articles=chosen), term, window=55, docs=docs).itertuples(index=False):
            key = (str(r.article_id), int(r.start))
            if (position[key[0]], key[1]) not in keep:
                continue
            span = counted.get(key)
            rows.append({
                "outlet": r.outlet_name, "left": r.left, "match": r.match, "right": r.right,
                "voice": str(r.voice).replace("_", " "), "speaker": r.speaker,
                "counted": f"{span.category}, {span.polarity}" if span is not None else "not counted",
                "href": f"#span-{spans_idx[key]}" if key in spans_idx else "",
            })
        out.append({"term": term, "n": len(hits), "rows": rows, "more": len(hits) - len(rows),
                    "spread": len(hits) > max_rows})
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
    inputs = [{"path": k, "sha256": v} for k, v in sorted(files.items())]
    return {
        "version": __version__,
        "command": command or "(called from Python)",
        "lexicons": lexicons,
        "inputs": inputs[:MAX_INPUTS],
        "inputs_more": max(0, len(inputs) - MAX_INPUTS),
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
    """All data the template needs (see module docstring).

    Above :data:`EVIDENCE_ALL_MAX` articles, only a sample of articles per
    outlet is shown in full (:func:`sample_articles`); the others are listed by
    title with their counts, and the overview and the removed-lines audit are
    per outlet. Above :data:`WIDE_OUTLETS` outlets the comparison is transposed.
    """
    anchors = {a.id: f"article-{i + 1}" for i, a in enumerate(analysis.corpus.articles)}
    shown = _shown_articles(analysis)
    outlets = _outlet_pairs(analysis, table)
    outlet_anchors = {o: f"outlet-{k + 1}" for k, (o, _) in enumerate(outlets)}
    anchors_by_outlet: dict[str, str] = {}
    if shown is None:
        for a in analysis.corpus.articles:
            anchors_by_outlet.setdefault(a.outlet_id, anchors[a.id])
    else:
        anchors_by_outlet = dict(outlet_anchors)
    shown_spans = None if shown is None else set(np.flatnonzero(
        analysis.spans["article_id"].astype(str).isin(shown).to_numpy()).tolist())
    key_rows: list[dict[str, Any]] = []
    if keyness is not None and len(keyness):
        for o, name in outlets:
            sub = keyness[keyness["outlet_id"] == o].head(10)
            key_rows.append({"outlet": name, "terms": [
                {"term": t, "z": f"{z:.1f}", "n": int(n)} for t, z, n in
                zip(sub["term"], sub["z_score"], sub["count_outlet"], strict=True)]})
    titles = [a.title for a in analysis.corpus.articles if a.title]
    evidence = _evidence(analysis, anchors, shown)
    n_shown = sum(1 for e in evidence if e["full"])
    return {
        "title": f"How {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} framed one story",
        "story_titles": titles[:MAX_HEADLINES],
        "story_titles_more": max(0, len(titles) - MAX_HEADLINES),
        "sections": [{"id": i, "title": t} for i, t in SECTIONS],
        "css": Markup(_static("report.css")),  # packaged file, not user data
        "overview": _overview(analysis, anchors, outlet_anchors, shown),
        "comparison": _comparison(table, outlets, anchors_by_outlet, shown_spans),
        "charts": _charts(analysis, table, keyness, outlets),
        "keyness": key_rows,
        "evidence": evidence,
        "sampled": shown is not None,
        "evidence_outlets": _evidence_outlets(evidence, outlets, outlet_anchors) if shown is not None else [],
        "sample_note": "" if shown is None else (
            f"{n_shown:,} of {len(evidence):,} articles are shown in full: per outlet, those with the most "
            f"relationship labels (then the most spans; ties broken by a fixed seed). The others are listed under "
            f"each outlet with their counts; every figure above still counts all {len(evidence):,} articles."),
        "legend": [{"feature": f, "name": n, "symbol": s, "description": d, "on": on,
                    "present": f in set(analysis.spans["feature"])} for f, n, s, d, on in LEGEND],
        "kwic": _kwic(analysis, shown_spans=shown_spans),
        "validity": _validity(validity),
        "limitations": list(LIMITATIONS),
        "reps": f"{reps:,}",
        "provenance": _provenance(analysis, command),
    }


def _outlet_pairs(analysis: Analysis, table: pd.DataFrame) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    analysed = set(analysis.articles["article_id"].astype(str))
    for a in analysis.corpus.articles:
        if a.id in analysed:
            seen.setdefault(a.outlet_id, a.outlet_name)
    for o, n in zip(table["outlet_id"], table["outlet_name"], strict=True):
        seen.setdefault(str(o), str(n))
    return list(seen.items())

