"""Section 4, evidence: the articles with every span highlighted (a sample of them for big corpora).

Drawn from the span table and the cleaned text kept in the
:class:`~framing.engines.memory.Analysis`: nothing is re-extracted. Every span
becomes one ``<mark>`` (:func:`framing.reporting.highlight.render_text`,
which escapes every slice of the text).

Example:
    >>> _counts(["hedge", "quote", "hedge"])
    'hedge 2, quote 1'
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

from framing.comparison.bootstrap import DEFAULT_SEED
from framing.engines.memory import Analysis
from framing.features.labels import not_counted_note
from framing.features.labels_target import GENERIC
from framing.reporting.highlight import Item, css_token, render_text

#: Legend of the highlight styles: feature, name, symbol, description, shown by default.
LEGEND: tuple[tuple[str, str, str, str, bool], ...] = (
    ("relationship_label", "relationship label", "[L]",
     "boxed; badge gives the category (about the story) or \"about <target>\" (another relationship)", True),
    ("hedge", "hedge", "H", "dotted underline, badge H", True),
    ("booster", "booster", "B", "double underline, badge B", True),
    ("quote", "direct quote", "❝", "shaded, italic; badge names the speaker", True),
    ("paraphrase", "attributed paraphrase", "≈", "dashed underline; badge names the speaker", True),
    ("frame", "frame cue", "F", "wavy overline, badge F:frame", False),
    ("actor", "actor mention", "@", "thin underline, badge @actor", False),
    ("sentiment", "sentence sentiment", "±", "sentence tinted; badge gives the score", False),
)

#: Above this many articles the evidence shows a sample of articles per outlet; the others are listed by title.
EVIDENCE_ALL_MAX = 50
#: About this many articles are shown in full when sampling (2 to 10 per outlet).
EVIDENCE_SAMPLE_TOTAL = 40


def _item(idx: int, row: Any, *, dyad: str = "") -> Item:
    """The highlight of one span row: classes, badge and a plain-words title.

    A relationship label whose target is not the story's ``dyad`` is marked
    ``off-story``, badged "about <target>" and titled "about <target>: not
    counted in the story figures".
    """
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
        if dyad and str(row.target) != dyad:
            classes.append("off-story")
            badge = f"{mark}about {row.target or GENERIC}"
            bits.append(not_counted_note(str(row.target)))
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


def shown_articles(analysis: Analysis, *, seed: int = DEFAULT_SEED) -> set[str] | None:
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


def evidence(analysis: Analysis, anchors: dict[str, str], shown: set[str] | None) -> list[dict[str, Any]]:
    """The articles in full (``shown``, or all); with ``shown``, the others as title and counts."""
    spans = analysis.spans.reset_index(drop=True)
    article_ids = spans["article_id"].astype(str)
    full = spans if shown is None else spans[article_ids.isin(shown)]
    by_article: dict[str, list[Item]] = {}
    for idx, row in zip(full.index, full.itertuples(index=False), strict=True):
        by_article.setdefault(str(row.article_id), []).append(_item(int(idx), row, dyad=analysis.story.dyad))
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
            off = sum(1 for it in items if "off-story" in it.classes)
            entry.update(full=True, html=render_text(art.text, items), n_spans=len(items),
                         counts=_counts([it.feature for it in items]), off_story=off)
        else:
            feats = [f for f in features.get(art.id, []) if f != "sentence"]
            entry.update(full=False, html="", n_spans=len(features.get(art.id, [])), counts=_counts(feats))
        out.append(entry)
    return out


def evidence_outlets(articles: list[dict[str, Any]], outlets: list[tuple[str, str]],
                     outlet_anchors: dict[str, str]) -> list[dict[str, Any]]:
    """The evidence grouped by outlet (used when only a sample is shown in full)."""
    groups: dict[str, dict[str, Any]] = {
        o: {"id": o, "name": n, "anchor": outlet_anchors.get(o, f"outlet-{css_token(o)}"), "shown": [], "rest": []}
        for o, n in outlets}
    for e in articles:
        g = groups.get(e["outlet_id"])
        if g is not None:
            g["shown" if e["full"] else "rest"].append(e)
    return [g for g in groups.values() if g["shown"] or g["rest"]]
