"""Exercise 3, label detective: sentences with relationship labels; the key gives label, voice and polarity.

Only labels about the story's relationship (target: the story's dyad) are
items, and only sentences whose every label is about it (a sentence that
also labels another relationship, "US allies", would have two answers).
Voice and polarity answers are options of the sheet
(:data:`~framing.worksheets.answers.VOICE_OPTIONS`,
:data:`~framing.worksheets.answers.POLARITY_OPTIONS`): the key ticks the
option the sheet offers. Advanced sheets put a negated or quoted label first
in each outlet's pool, so that students meet the hard cases.
"""

from __future__ import annotations

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.worksheets.answers import POLARITY_OPTIONS, VOICE_OPTIONS, option_for
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
    untaken_first,
)


def label_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Label detective: sentences with relationship labels; the key gives label, voice and polarity."""
    advanced = settings.label_items > SETTINGS["intro"].label_items
    level = "advanced" if advanced else "intro"
    ex = Exercise(
        kind="labels",
        title="Label detective",
        instructions=(
            f"Each sentence describes the relationship in the story ({comparison.story.name}). Write the word or "
            "phrase that names the relationship (for example ally, partner, friendship). Then tick who is speaking, "
            "and what the sentence says about the label."
        ),
        options={"voice": list(VOICE_OPTIONS[level]), "polarity": list(POLARITY_OPTIONS[level])},
    )
    s = analysis.spans
    every = s[s["feature"] == "relationship_label"]
    labels = every[every["target"].astype(str) == comparison.story.dyad]
    other = {(str(a), int(n)) for a, n in zip(every["article_id"], every["sentence"], strict=True)} - {
        (str(a), int(n)) for a, n in zip(labels["article_id"], labels["sentence"], strict=True)}
    mixed = {(str(a), int(n)) for a, n, t in zip(every["article_id"], every["sentence"], every["target"], strict=True)
             if str(t) != comparison.story.dyad}
    sentences = s[s["feature"] == "sentence"]
    texts = {a.id: a for a in analysis.corpus.articles}
    units: dict[str, list[Passage]] = {}
    for (article_id, sent), _ in labels.groupby(["article_id", "sentence"], sort=True):
        if int(sent) < 0 or (str(article_id), int(sent)) in mixed:
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
        ex.omitted = (f"fewer than two sentences label the story's relationship and nothing else (the tool found "
                      f"{len(labels)} labels about it, {len(other)} sentences labelling only other relationships)")
        return ex
    rng = seeded(seed, 3)
    pools = {o: [units[o][int(i)] for i in rng.permutation(len(units[o]))] for o in sorted(units)}
    if advanced:  # put a negated or quoted label first in each pool where there is one
        for o, pool in pools.items():
            def nuance(p: Passage) -> int:
                f = _labels_in(analysis, p, comparison.story.dyad)
                return int(((f["polarity"] != "affirmed") | (f["voice"] != "authorial")).any())
            pools[o] = sorted(pool, key=lambda p: -nuance(p))
    pools = {o: untaken_first(pool, settings.avoid) for o, pool in pools.items()}
    chosen: list[Passage] = []
    while len(chosen) < settings.label_items and any(pools.values()):
        for o in sorted(pools):  # round robin over outlets
            if pools[o] and len(chosen) < settings.label_items:
                chosen.append(pools[o].pop(0))
    for p in by_outlet_order(analysis, chosen):
        item = Item(passage=p, cues=[make_cue(r, p) for _, r in _labels_in(analysis, p, comparison.story.dyad)
                                     .iterrows()])
        item.facts["answers"] = [{"voice": option_for(VOICE_OPTIONS[level], c.voice),
                                  "polarity": option_for(POLARITY_OPTIONS[level], c.polarity or "affirmed")}
                                 for c in item.cues]
        item.check = label_checks(item)
        ex.items.append(item)
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


def _labels_in(analysis: Analysis, passage: Passage, dyad: str) -> pd.DataFrame:
    """The passage's relationship labels about the story's dyad."""
    found = spans_in(analysis, passage, ["relationship_label"])
    return found[found["target"].astype(str) == dyad]


def label_checks(item: Item) -> list[str]:
    """Why the tool's answer for a label item is uncertain: what the teacher checks before class.

    Example:
        >>> from framing.worksheets.exercises.common import Cue
        >>> p = Passage("a", "o", "O", 0, 30, "It is not an alliance, he said.")
        >>> label_checks(Item(p, [Cue("relationship_label", 13, 21, 13, 21, "alliance", polarity="negated",
        ...                           voice="attributed_paraphrase", speaker="he")]))[0][:37]
        '"alliance": the tool reads it as deni'
    """
    out = []
    for c in item.cues:
        why = []
        if c.polarity and c.polarity != "affirmed":
            why.append(f"the tool reads it as {POLARITY_WORDS.get(c.polarity, c.polarity)} (negation and "
                       "possibility cues are harder for the tool than plain statements)")
        if c.voice == "attributed_paraphrase":
            why.append("the tool reads it as someone's reported words (its least certain step)")
        if why:
            out.append(f"\"{c.text}\": " + "; ".join(why))
    return out


#: Plain words for a polarity in the key's notes.
POLARITY_WORDS: dict[str, str] = {"negated": "denied", "hypothetical": "only a possibility",
                                  "questioned": "asked as a question"}
