"""Exercise 3, label detective: sentences with relationship labels; the key gives label, voice and polarity.

Advanced sheets put a negated or quoted label first in each outlet's pool,
so that students meet the hard cases.
"""

from __future__ import annotations

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.worksheets.exercises.common import (
    MAX_PASSAGE_CHARS,
    MIN_SENTENCE_WORDS,
    SETTINGS,
    Exercise,
    Item,
    Passage,
    Settings,
    by_outlet_order,
    make_cue,
    seeded,
    spans_in,
)


def label_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Label detective: sentences with relationship labels; the key gives label, voice and polarity."""
    advanced = settings.label_items > SETTINGS["intro"].label_items
    ex = Exercise(
        kind="labels",
        title="Label detective",
        instructions=(
            "Each sentence describes a relationship between countries. Write the word or phrase that names the "
            "relationship (for example ally, partner, friendship). Then tick who is speaking, and whether the sentence "
            + ("affirms the label, denies it, treats it as a possibility (hypothetical) or asks it as a question."
               if advanced else "says the relationship is like that, or says it is not.")
        ),
    )
    s = analysis.spans
    labels = s[s["feature"] == "relationship_label"]
    sentences = s[s["feature"] == "sentence"]
    texts = {a.id: a for a in analysis.corpus.articles}
    units: dict[str, list[Passage]] = {}
    for (article_id, sent), _ in labels.groupby(["article_id", "sentence"], sort=True):
        if int(sent) < 0:
            continue
        row = sentences[(sentences["article_id"] == article_id) & (sentences["sentence"] == sent)]
        if row.empty or float(row["score"].iloc[0]) < MIN_SENTENCE_WORDS:
            continue
        a, b = int(row["start"].iloc[0]), int(row["end"].iloc[0])
        if b - a > MAX_PASSAGE_CHARS // 2:
            continue
        art = texts[str(article_id)]
        units.setdefault(art.outlet_id, []).append(
            Passage(art.id, art.outlet_id, art.outlet_name, a, b, art.text[a:b], ((a, b),)))
    if sum(len(v) for v in units.values()) < 2:
        ex.omitted = f"fewer than two sentences with a relationship label (the tool found {len(labels)} labels)"
        return ex
    rng = seeded(seed, 3)
    pools = {o: [units[o][int(i)] for i in rng.permutation(len(units[o]))] for o in sorted(units)}
    if advanced:  # put a negated or quoted label first in each pool where there is one
        for o, pool in pools.items():
            def nuance(p: Passage) -> int:
                f = spans_in(analysis, p, ["relationship_label"])
                return int(((f["polarity"] != "affirmed") | (f["voice"] != "authorial")).any())
            pools[o] = sorted(pool, key=lambda p: -nuance(p))
    chosen: list[Passage] = []
    while len(chosen) < settings.label_items and any(pools.values()):
        for o in sorted(pools):  # round robin over outlets
            if pools[o] and len(chosen) < settings.label_items:
                chosen.append(pools[o].pop(0))
    for p in by_outlet_order(analysis, chosen):
        ex.items.append(Item(passage=p, cues=[make_cue(r, p) for _, r in spans_in(analysis, p, ["relationship_label"])
                                              .iterrows()]))
    for outlet_id, outlet_name in analysis.corpus.outlets:
        mine = labels[labels["outlet_id"] == outlet_id]
        counts: dict[str, dict[str, int]] = {}
        for _, r in mine.iterrows():
            c = counts.setdefault(str(r["label"]), {"own": 0, "sources": 0, "negated": 0, "total": 0})
            c["total"] += 1
            c["own" if str(r["voice"]) in ("authorial", "") else "sources"] += 1
            c["negated"] += int(r["polarity"] == "negated")
        ex.overview.append({
            "outlet_id": outlet_id, "outlet_name": outlet_name, "n_labels": len(mine),
            "labels": sorted(({"label": k, **v} for k, v in counts.items()),
                             key=lambda d: (-int(d["total"]), str(d["label"]))),  # type: ignore[call-overload]
        })
    return ex
