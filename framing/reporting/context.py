"""Everything the report template shows, as plain data: numbers are formatted here, not in templates.

:func:`build_context` puts the sections together (one module each under
:mod:`framing.reporting.sections`) from an
:class:`~framing.engines.memory.Analysis` (span table, cleaned texts), the one
:class:`~framing.comparison.Comparison` (every figure) and an optional
validity file. Untrusted text (article text, titles, outlet and speaker names)
stays plain ``str`` and is escaped by the template; the only markup made is
the highlighted article text (:func:`framing.reporting.highlight.render_text`,
which escapes every slice) and the packaged CSS.

Example:
    >>> [s for s, _ in SECTIONS][:3]
    ['overview', 'comparison', 'charts']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from markupsafe import Markup

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.reporting.formatting import static
from framing.reporting.sections.evidence import LEGEND, evidence, evidence_outlets, shown_articles
from framing.reporting.sections.figures import distinctive_words, figures
from framing.reporting.sections.kwic import label_contexts
from framing.reporting.sections.methodology import limitations
from framing.reporting.sections.overview import overview
from framing.reporting.sections.provenance import provenance
from framing.reporting.sections.table import comparison_table
from framing.reporting.sections.validity import validity_card

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

#: Headlines listed in the overview.
MAX_HEADLINES = 12


def build_context(
    analysis: Analysis,
    comparison: Comparison,
    *,
    command: str = "",
    validity: Path | None = None,
) -> dict[str, Any]:
    """All data the template needs (see module docstring).

    Above :data:`~framing.reporting.sections.evidence.EVIDENCE_ALL_MAX`
    articles, only a sample of articles per outlet is shown in full
    (:func:`~framing.reporting.sections.evidence.sample_articles`); the others
    are listed by title with their counts, and the overview and the
    removed-lines audit are per outlet. Above
    :data:`~framing.reporting.sections.table.WIDE_OUTLETS` outlets the
    comparison is transposed.
    """
    anchors = {a.id: f"article-{i + 1}" for i, a in enumerate(analysis.corpus.articles)}
    shown = shown_articles(analysis)
    outlets = list(comparison.outlets)
    outlet_anchors = {o: f"outlet-{k + 1}" for k, (o, _) in enumerate(outlets)}
    anchors_by_outlet: dict[str, str] = {}
    if shown is None:
        for a in analysis.corpus.articles:
            anchors_by_outlet.setdefault(a.outlet_id, anchors[a.id])
    else:
        anchors_by_outlet = dict(outlet_anchors)
    shown_spans = None if shown is None else set(np.flatnonzero(
        analysis.spans["article_id"].astype(str).isin(shown).to_numpy()).tolist())
    titles = [a.title for a in analysis.corpus.articles if a.title]
    articles = evidence(analysis, anchors, shown)
    n_shown = sum(1 for e in articles if e["full"])
    per_outlet = analysis.articles.groupby("outlet_id", sort=False).size().tolist()
    return {
        "title": f"How {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} framed one story",
        "story_titles": titles[:MAX_HEADLINES],
        "story_titles_more": max(0, len(titles) - MAX_HEADLINES),
        "sections": [{"id": i, "title": t} for i, t in SECTIONS],
        "css": Markup(static("report.css")),  # packaged file, not user data
        "overview": overview(analysis, anchors, outlet_anchors, shown),
        "comparison": comparison_table(comparison.table, outlets, anchors_by_outlet, shown_spans),
        "charts": figures(analysis, comparison),
        "keyness": distinctive_words(comparison),
        "evidence": articles,
        "sampled": shown is not None,
        "evidence_outlets": evidence_outlets(articles, outlets, outlet_anchors) if shown is not None else [],
        "sample_note": "" if shown is None else (
            f"{n_shown:,} of {len(articles):,} articles are shown in full: per outlet, those with the most "
            f"relationship labels (then the most spans; ties broken by a fixed seed). The others are listed under "
            f"each outlet with their counts; every figure above still counts all {len(articles):,} articles."),
        "legend": [{"feature": f, "name": n, "symbol": s, "description": d, "on": on,
                    "present": f in set(analysis.spans["feature"])} for f, n, s, d, on in LEGEND],
        "kwic": label_contexts(analysis, shown_spans=shown_spans),
        "validity": validity_card(validity),
        "limitations": limitations(per_outlet),
        "reps": f"{comparison.reps:,}",
        "level": f"{comparison.level * 100:g}%",
        "min_hits": comparison.min_hits,
        "provenance": provenance(analysis, command=command, story=comparison.story.name),
    }
