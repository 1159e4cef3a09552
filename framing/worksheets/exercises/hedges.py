"""Exercise 1, spot the hedges: passages with a few hedges; the key lists each with its cue category and voice.

Example:
    >>> CUE_WHY["modal"]
    'a modal verb: presents the claim as possible, not certain'
"""

from __future__ import annotations

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.worksheets.exercises.common import (
    Cue,
    Exercise,
    Item,
    Settings,
    by_outlet_order,
    candidate_passages,
    make_cue,
    pick,
    seeded,
    spans_in,
)

#: Plain-words reason each hedge/booster cue category weakens or strengthens a claim.
CUE_WHY: dict[str, str] = {
    "modal": "a modal verb: presents the claim as possible, not certain",
    "adverb": "an adverb of likelihood: signals the writer is not fully committed",
    "adjective": "an adjective of likelihood: the claim is probable or possible, not a fact",
    "approximator": "an approximator: makes a number or degree vaguer",
    "distancing": "a distancing word: keeps the writer apart from the claim",
    "evidential": "an evidential: the claim rests on appearance or report, not on knowledge",
    "lexical_verb": "a verb of belief or appearance (suggest, seem, believe): softens the claim",
    "multiword": "a hedging phrase: a fixed expression that softens the claim",
    "opinion": "an opinion marker: presents the claim as someone's view",
}
BOOSTER_WHY = "a booster: presents the claim as certain, shutting out doubt"

#: Cue categories whose words are hedges in some uses only: the teacher checks the tool's reading.
CHECK_CATEGORY: dict[str, str] = {
    "approximator": "a hedge only when it makes a number or amount vaguer (\"about 100,000\"), not in \"talked about\"",
    "lexical_verb": "a hedge when it softens the writer's claim, not when it reports what someone believes",
    "opinion": "a hedge when it marks a claim as only a view; some readers will call it plain reporting",
    "evidential": "a hedge when the claim rests on appearance (\"seems\"), not when it reports a fact",
}


def hedge_checks(cues: list[Cue]) -> list[str]:
    """Why the tool's answer for some cues is uncertain: what the teacher checks before class.

    Example:
        >>> hedge_checks([Cue("hedge", 0, 5, 0, 5, "about", category="approximator")])[0][:30]
        '"about": a hedge only when it '
    """
    out = []
    for c in cues:
        why = [CHECK_CATEGORY[c.category]] if c.category in CHECK_CATEGORY else []
        if c.voice == "attributed_paraphrase":
            why.append(f"it sits in words the tool reads as reported from {c.speaker or 'a source'} (its least "
                       "certain step), so whose hedge it is may be arguable")
        if why:
            out.append(f"\"{c.text}\": " + "; ".join(why))
    return out


def hedge_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Spot the hedges: passages with a few hedges; the key lists each with its cue category."""
    boosters = "booster" in settings.hedge_features
    ex = Exercise(
        kind="hedges",
        title="Spot the hedges" + (" and boosters" if boosters else ""),
        instructions=(
            "A hedge is a word that makes a claim less certain (may, perhaps, likely). Underline every hedge "
            "in the passage, then copy the hedges onto the lines below."
            if not boosters
            else "Underline every hedge (a word that makes a claim less certain: may, perhaps, likely) and circle "
            "every booster (a word that makes it sound certain: clearly, no doubt). For each, note whose voice it "
            "is in: the outlet's own, a direct quote, or a paraphrase of a source."
        ),
    )
    candidates = []
    for p in candidate_passages(analysis, settings.hedge_sentences, max_chars=settings.max_chars):
        found = spans_in(analysis, p, settings.hedge_features)
        n_hedges = int((found["feature"] == "hedge").sum())
        if settings.hedge_min <= n_hedges and len(found) <= settings.hedge_max:
            candidates.append(p)
    chosen = pick(seeded(seed, 1), candidates, settings.hedge_passages, avoid=settings.avoid)
    if not chosen:
        ex.omitted = (
            f"no run of {settings.hedge_sentences} sentences holds between {settings.hedge_min} and "
            f"{settings.hedge_max} cues the tool found (it found {int((analysis.spans['feature'] == 'hedge').sum())} "
            "hedges in all)"
        )
        return ex
    for p in by_outlet_order(analysis, chosen):
        cues = []
        for _, row in spans_in(analysis, p, settings.hedge_features).iterrows():
            why = BOOSTER_WHY if row["feature"] == "booster" else CUE_WHY.get(str(row["category"]), "a hedge")
            cues.append(make_cue(row, p, why))
        ex.items.append(Item(passage=p, cues=cues, check=hedge_checks(cues)))
    if len(chosen) < settings.hedge_passages:
        ex.note = f"only {len(chosen)} passage(s) had enough hedges (asked for {settings.hedge_passages})"
    return ex
