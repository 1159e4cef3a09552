"""Section 1, overview: the outlets, their articles and what cleaning removed from each.

Example:
    >>> from types import SimpleNamespace
    >>> _removed([SimpleNamespace(line=1, rule="menu", text="Home")], limit=1)
    ([{'line': 1, 'rule': 'menu', 'text': 'Home'}], 0)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.engines.memory import Analysis

#: Removed lines listed per audit block (per article, or per outlet when sampling); the rest are counted.
AUDIT_MAX_LINES = 30


def _removed(lines: Sequence[Any], limit: int = AUDIT_MAX_LINES) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` removed lines as rows, and how many more there are."""
    rows = [{"line": x.line, "rule": x.rule, "text": x.text} for x in lines[:limit]]
    return rows, max(0, len(lines) - limit)


def overview(analysis: Analysis, anchors: dict[str, str], outlet_anchors: dict[str, str],
             shown: set[str] | None) -> dict[str, Any]:
    """Corpus totals, one row per outlet (and per article when all are shown) and the removed-lines audit.

    Args:
        analysis: The analysis.
        anchors: Evidence anchor of each article id.
        outlet_anchors: Evidence anchor of each outlet id.
        shown: Articles shown in full (None: all; else the overview is per outlet).
    """
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
