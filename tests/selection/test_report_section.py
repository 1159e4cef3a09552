"""The report's selection section on the seeds: its evidence links resolve to highlighted spans."""

from __future__ import annotations

import re

import pandas as pd

from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.reporting.render import environment
from framing.reporting.sections.evidence import evidence
from framing.reporting.sections.selection import selection_section
from framing.selection.result import select_content


def test_selection_links_resolve_to_highlighted_evidence_spans():
    analysis = analyze(load_corpus(), engine="serial")
    a = analysis.articles
    stories = pd.DataFrame({"article_id": a["article_id"], "outlet_id": a["outlet_id"], "story_id": "seeds"})
    sel = select_content(analysis, stories=stories, reps=20)
    data = selection_section(sel, shown=None, spans=analysis.spans.reset_index(drop=True))
    html = environment().get_template("_selection.html").render(selection=data)
    anchors = {x.id: f"article-{i + 1}" for i, x in enumerate(analysis.corpus.articles)}
    evidence_html = "".join(str(e["html"]) for e in evidence(analysis, anchors, None))
    links = set(re.findall(r'href="#(span-\d+)"', html))
    assert len(links) >= 10
    ids = set(re.findall(r'id="(span-\d+)"', evidence_html))
    assert links <= ids, "every link of the section lands on a span of the evidence"
    only = {f"span-{r}" for r in data["only_here_rows"]}
    assert only and only <= ids
    for r in list(data["only_here_rows"])[:5]:
        assert f"[data-span='{r}']" in html, "only-here sentences are highlighted by the section's style"
    assert "Who is quoted by whom" in html and "Wang Yi" in html
    assert "Similarity is not meaning" in html
    assert "<script" not in html
