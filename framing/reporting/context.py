"""Everything the report template shows, as plain data: numbers are formatted here, not in templates.

:func:`build_context` puts the sections together (one module each under
:mod:`framing.reporting.sections`) from an
:class:`~framing.engines.memory.Analysis` (span table, cleaned texts), the one
:class:`~framing.comparison.Comparison` (every figure) and an optional
validity file. Untrusted text (article text, titles, outlet and speaker names)
stays plain ``str`` and is escaped by the template; the only markup made is
the highlighted article text (:func:`framing.reporting.highlight.render_text`,
which escapes every slice) and the packaged CSS.

Page order: the findings first (with a warning banner where the story
configuration does not fit the corpus), how to read the report, one profile
per outlet, then the evidence and reference sections. :data:`APPENDIX` lists
the sections the PDF leaves out unless asked for (``--pdf-appendix``); the
HTML always has everything.

Example:
    >>> [s for s, _ in SECTIONS][:3]
    ['findings', 'guide', 'profiles']
    >>> "validity" in APPENDIX
    True
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
from framing.reporting.sections.findings import excerpt, findings
from framing.reporting.sections.fit import story_fit
from framing.reporting.sections.guide import GLOSSARY
from framing.reporting.sections.kwic import label_contexts
from framing.reporting.sections.methodology import limitations
from framing.reporting.sections.overview import overview
from framing.reporting.sections.profiles import profiles
from framing.reporting.sections.provenance import provenance
from framing.reporting.sections.selection import selection_section
from framing.reporting.sections.table import comparison_table
from framing.reporting.sections.validity import badges, validity_card

#: Section ids, titles (the contents list), in page order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("findings", "What differs: the findings"),
    ("guide", "How to read this report"),
    ("profiles", "One profile per outlet"),
    ("selection", "What each outlet includes that the others don't"),
    ("charts", "Charts"),
    ("methodology", "Methodology and limitations"),
    ("comparison", "Side-by-side comparison (every figure)"),
    ("evidence", "Evidence: the articles with their spans"),
    ("kwic", "Relationship labels in context"),
    ("overview", "The articles and what cleaning removed"),
    ("validity", "Validity card"),
    ("provenance", "Provenance"),
)

#: Sections the PDF includes only with ``--pdf-appendix`` (the HTML always has them).
APPENDIX: frozenset[str] = frozenset({"comparison", "evidence", "kwic", "overview", "validity", "provenance"})

#: Headlines listed in the overview.
MAX_HEADLINES = 12


def _title(n_outlets: int, n_stories: int) -> str:
    """The report's title: one story, or how many the corpus covers.

    Example:
        >>> _title(5, 1), _title(20, 3902)
        ('How 5 outlets framed one story', 'How 20 outlets covered 3,902 stories')
    """
    plural = "s" if n_outlets != 1 else ""
    if n_stories <= 1:
        return f"How {n_outlets} outlet{plural} framed one story"
    return f"How {n_outlets} outlet{plural} covered {n_stories:,} stories"


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
    sel = comparison.selection
    n_stories = int(sel.stories["story_id"].nunique()) if sel is not None and len(sel.stories) else 1
    articles = evidence(analysis, anchors, shown)
    n_shown = sum(1 for e in articles if e["full"])
    per_outlet = analysis.articles.groupby("outlet_id", sort=False).size().tolist()
    card = validity_card(validity)
    features = set(analysis.spans["feature"].unique())
    table = comparison_table(comparison.table, outlets, anchors_by_outlet, shown_spans)
    for g in table["groups"]:
        for r in g["rows"]:
            r["badges"] = badges(r["key"], card)
    found = [{"text": f.text, "outlet": f.outlet, "direction": f.direction, "measure": f.measure,
              "href": f"#span-{f.span}" if f.span >= 0 else f"#{anchors_by_outlet.get(f.outlet_id, 'evidence')}",
              "excerpt": excerpt(analysis, f.span), "badges": badges(f.measure, card)}
             for f in findings(comparison, analysis, shown_spans=shown_spans)]
    profs = profiles(comparison, anchors_by_outlet=anchors_by_outlet, shown_spans=shown_spans)
    for p in profs:
        for key in ("labels_total", "attributions"):
            if p[key]:
                p[key]["badges"] = badges(p[key]["key"], card)
        for f in p["voice"] + p["tone"]:
            f["badges"] = badges(f["key"], card)
    return {
        "title": _title(len(outlets), n_stories),
        "stories_note": "" if n_stories <= 1 else (
            f"These articles cover {n_stories:,} different stories (grouped by 'framing stories'): the figures below "
            "pool them all, and the selection section compares outlets story by story. To compare the outlets on "
            "one story, write the groups with 'framing stories CORPUS --out stories.csv' and run "
            "'framing report CORPUS --stories stories.csv --group ID'."),
        "story": comparison.story.name,
        "fit_warning": story_fit(analysis),
        "outlet_names": [n for _, n in outlets],
        "findings": found,
        "glossary": GLOSSARY,
        "profiles": profs,
        "selection": selection_section(comparison.selection, shown=shown_spans,
                                       spans=analysis.spans.reset_index(drop=True), outlet_names=dict(outlets)),
        "appendix": sorted(APPENDIX),
        "pdf": False,
        "pdf_appendix": True,
        "story_titles": titles[:MAX_HEADLINES],
        "story_titles_more": max(0, len(titles) - MAX_HEADLINES),
        "sections": [{"id": i, "title": t, "appendix": i in APPENDIX} for i, t in SECTIONS],
        "css": Markup(static("report.css")),  # packaged file, not user data
        "overview": overview(analysis, anchors, outlet_anchors, shown),
        "comparison": table,
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
                    "present": f in features} for f, n, s, d, on in LEGEND],
        "kwic": label_contexts(analysis, shown_spans=shown_spans),
        "validity": card,
        "limitations": limitations(per_outlet),
        "reps": f"{comparison.reps:,}",
        "level": f"{comparison.level * 100:g}%",
        "min_hits": comparison.min_hits,
        "provenance": provenance(analysis, command=command, story=comparison.story.name),
    }
