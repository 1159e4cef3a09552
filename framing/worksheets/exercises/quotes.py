"""Exercise 2, who is quoted: a passage per outlet; the key names each speaker and their origin.

Example:
    >>> from framing.model import Span, spans_to_frame
    >>> s = spans_to_frame([Span("a", "o", "quote", 0, 4, '"Hi"', speaker="Ann", category="europe")])
    >>> speaker_rows(s)
    [{'speaker': 'Ann', 'origin': 'europe', 'n_quote': 1, 'n_paraphrase': 0}]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.worksheets.exercises.common import (
    Exercise,
    Item,
    Passage,
    Settings,
    by_outlet_order,
    candidate_passages,
    make_cue,
    pick,
    seeded,
    spans_in,
)


def _attributed(analysis: Analysis, passage: Passage, features: Sequence[str]) -> pd.DataFrame:
    found = spans_in(analysis, passage, features)
    return found[found["speaker"].astype(str).str.strip() != ""]


def speaker_rows(spans: pd.DataFrame) -> list[dict[str, object]]:
    """One row per speaker (in order of first appearance): speaker, origin, counts of quotes/paraphrases.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "quote", 0, 4, '"Hi"', speaker="Ann", category="china")])
        >>> speaker_rows(s)
        [{'speaker': 'Ann', 'origin': 'china', 'n_quote': 1, 'n_paraphrase': 0}]
    """
    out: dict[str, dict[str, object]] = {}
    for _, r in spans.sort_values(["article_id", "start"], kind="mergesort").iterrows():
        name = str(r["speaker"]).strip()
        if not name:
            continue
        row = out.setdefault(name, {"speaker": name, "origin": str(r["category"]), "n_quote": 0, "n_paraphrase": 0})
        key = "n_quote" if r["feature"] == "quote" else "n_paraphrase"
        row[key] = int(row[key]) + 1  # type: ignore[call-overload]
    return list(out.values())


def quote_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Who is quoted: one passage per outlet with quoted speakers; the key names them and their origin."""
    paraphrase = "paraphrase" in settings.quote_features
    ex = Exercise(
        kind="quotes",
        title="Who is quoted?",
        instructions=(
            "Read each passage. In the table, write everyone who is quoted: their name (or how they are described) "
            "and who they are: their job, organisation or country."
            + (" Also note whether their words are a direct quote (in quotation marks) or a paraphrase." if paraphrase
               else "")
        ),
    )
    by_outlet: dict[str, list[Passage]] = {}
    for p in candidate_passages(analysis, settings.quote_sentences):
        found = _attributed(analysis, p, settings.quote_features)
        if (found["feature"] == "quote").any() and found["speaker"].nunique() >= 2:
            by_outlet.setdefault(p.outlet_id, []).append(p)
    rng = seeded(seed, 2)
    outlets = sorted(by_outlet)
    if not outlets:
        ex.omitted = (
            f"no run of {settings.quote_sentences} sentences quotes two or more named speakers "
            f"(the tool found {int((analysis.spans['feature'] == 'quote').sum())} quotes in all)"
        )
        return ex
    picked_outlets = [outlets[int(i)] for i in rng.permutation(len(outlets))[: settings.quote_outlets]]
    chosen = [pick(rng, by_outlet[o], 1)[0] for o in picked_outlets]
    for p in by_outlet_order(analysis, chosen):
        found = _attributed(analysis, p, settings.quote_features)
        item = Item(passage=p, cues=[make_cue(r, p) for _, r in found.iterrows()])
        item.facts["speakers"] = speaker_rows(found)
        ex.items.append(item)
    s = analysis.spans
    for outlet_id, outlet_name in analysis.corpus.outlets:
        mine = s[(s["outlet_id"] == outlet_id) & s["feature"].isin(list(settings.quote_features))]
        rows = speaker_rows(mine)
        origins: dict[str, int] = {}
        for r in rows:
            origins[str(r["origin"])] = origins.get(str(r["origin"]), 0) + 1
        ex.overview.append({"outlet_id": outlet_id, "outlet_name": outlet_name, "n_speakers": len(rows),
                            "origins": sorted(origins.items(), key=lambda t: (-t[1], t[0])), "speakers": rows})
    if len(chosen) < settings.quote_outlets:
        ex.note = f"only {len(chosen)} outlet(s) had a passage quoting two or more speakers"
    return ex
