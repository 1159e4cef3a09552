"""Exercise 5, which is harder to read: passages to rank; the key gives Flesch-Kincaid grades.

Grades are of the passages shown (:func:`framing.features.readability.readability`),
not of whole articles, so they are not figures of the comparison.
"""

from __future__ import annotations

import math

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.features.readability import readability
from framing.worksheets.exercises.common import (
    Exercise,
    Item,
    Passage,
    Settings,
    candidate_passages,
    seeded,
    untaken_first,
)


def readability_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Readability: passages to rank by difficulty; the key gives Flesch-Kincaid grades."""
    k = settings.readability_passages
    ex = Exercise(
        kind="readability",
        title="Which is harder to read?",
        instructions=(
            f"Read the {k} passages. Rank them from hardest (1) to easiest ({k}) to read, and say what made the "
            "hardest one hard (long sentences? long or unusual words? many names?)."
        ),
    )
    if k < 2:
        ex.omitted = "not part of this level (the introductory lesson has no time for it)"
        return ex
    pool = [p for p in candidate_passages(analysis, 3, max_chars=settings.max_chars)
            if 50 <= len(p.text.split()) <= 120]
    rng = seeded(seed, 5)
    chosen: list[tuple[Passage, dict[str, float | int]]] = []
    for p in untaken_first([pool[int(i)] for i in rng.permutation(len(pool))] if pool else [], settings.avoid):
        if any(p.article_id == q.article_id for q, _ in chosen):
            continue
        m = readability(p.text)
        grade = float(m["fk_grade"])
        if math.isnan(grade) or any(abs(grade - float(n["fk_grade"])) < settings.readability_gap for _, n in chosen):
            continue
        chosen.append((p, m))
        if len(chosen) == k:
            break
    if len(chosen) < k:
        ex.omitted = (
            f"could not find {k} passages from different articles whose Flesch-Kincaid grades differ by at least "
            f"{settings.readability_gap:g} (a smaller gap is within the formula's noise on short passages)"
        )
        return ex
    ranked = sorted(range(k), key=lambda j: -float(chosen[j][1]["fk_grade"]))
    for j, (p, m) in enumerate(chosen):
        ex.items.append(Item(passage=p, letter=str(j + 1), facts={
            "fk_grade": float(m["fk_grade"]), "words_per_sentence": float(m["sentence_length_mean_words"]),
            "n_words": int(m["n_words"]), "flesch_reading_ease": float(m["flesch_reading_ease"]),
            "rank": ranked.index(j) + 1,
        }))
    ex.note = ("Flesch-Kincaid grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59 "
               "(textstat 0.7.8). On passages this short it is a rough guide; discuss where the class disagrees.")
    return ex
