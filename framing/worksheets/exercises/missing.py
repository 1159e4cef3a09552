"""Exercise 5, what's missing? A passage only one outlet carries; students find which outlets left it out.

Built on the comparison's selection (:attr:`framing.comparison.Comparison.selection`):
a passage is a run of consecutive content sentences of one article, none of
which is *aligned* with any other outlet covering the story (its alignment
rows, :data:`framing.selection.align.ALIGN_COLUMNS`). Only substantive
passages are drawn: the pool is the passages with the most substance
(:func:`substance`: a named source quoted or reported, a number), never page
furniture. The key lists, for every other outlet, whether it carries the
passage, its closest sentence (with the article-pack paragraph) and the
similarity; pairs within :data:`~framing.selection.align.BORDERLINE` of the
threshold are marked for the teacher to check before class.

Example:
    >>> substance("Russia sent 2,000 troops, Lavrov said.", ["Sergei Lavrov"])
    3
    >>> substance("Read more on our website today.", [])
    0
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.features.quotes import NAMED_SOURCE_TYPES
from framing.selection.align import ALIGN_THRESHOLD, BORDERLINE
from framing.worksheets.exercises.common import (
    Exercise,
    Item,
    Passage,
    Settings,
    by_outlet_order,
    candidate_passages,
    pick,
    seeded,
    spans_in,
)
from framing.worksheets.exercises.quotes import is_place_speaker

#: The option a student ticks when no other outlet carries the passage.
NONE_OPTION = "none of them"

_NUMBER = re.compile(r"\d")


def substance(text: str, sources: Sequence[str]) -> int:
    """How substantive a passage is: 2 for a named source quoted or reported in it, 1 for a number (see example)."""
    return 2 * bool(sources) + bool(_NUMBER.search(text))


def near_line(similarity: float) -> str:
    """Why a borderline outlet is checked: its closest sentence's similarity, beside the tool's line.

    Example:
        >>> near_line(0.1987)[:43]
        'its closest sentence is 0.19 similar, below'
    """
    side = "below" if similarity < ALIGN_THRESHOLD else "above"
    shown = math.floor(similarity * 100) / 100 if side == "below" else similarity
    return (f"its closest sentence is {shown:.2f} similar, {side} the {ALIGN_THRESHOLD:g} at which the tool "
            "counts it as the same, but close to it: read it and decide")


def _sources(analysis: Analysis, passage: Passage) -> list[str]:
    """Named sources (people, organisations; not countries) whose words the passage quotes or reports."""
    found = spans_in(analysis, passage, ["quote", "paraphrase"])
    story = analysis.story
    return list(dict.fromkeys(
        str(r["speaker"]) for _, r in found.iterrows()
        if str(r["label"]) in NAMED_SOURCE_TYPES and str(r["speaker"]).strip()
        and not is_place_speaker(str(r["speaker"]), story)))


def _rows(alignments: pd.DataFrame, passage: Passage) -> pd.DataFrame:
    """The alignment rows of the passage's sentences."""
    starts = [a for a, _ in passage.sentences]
    return alignments[(alignments["article_id"] == passage.article_id) & alignments["start"].isin(starts)]


def _only_here(alignments: pd.DataFrame, passage: Passage) -> bool:
    """Every sentence of the passage has alignment rows, and none is aligned with another outlet."""
    rows = _rows(alignments, passage)
    return len(rows) > 0 and set(rows["start"]) == {a for a, _ in passage.sentences} and not rows["aligned"].any()


def outlet_rows(alignments: pd.DataFrame, passage: Passage, names: dict[str, str]) -> list[dict[str, object]]:
    """Per other outlet: whether it carries the passage, and its closest sentence and similarity.

    A sentence's best counterpart in each other outlet is an alignment row; the
    outlet's closest sentence to the passage is its most similar counterpart.
    ``borderline``: within :data:`BORDERLINE` of :data:`ALIGN_THRESHOLD` (``check`` says why, for the key).
    """
    out = []
    rows = _rows(alignments, passage)
    for other, group in rows.groupby("other_outlet_id", sort=False):
        best = group.sort_values(["similarity", "start"], ascending=[False, True], kind="mergesort").iloc[0]
        sim = float(best["similarity"])
        out.append({
            "outlet_id": str(other), "outlet_name": names.get(str(other), str(other)),
            "carries": bool(group["aligned"].any()), "similarity": sim,
            "borderline": abs(sim - ALIGN_THRESHOLD) < BORDERLINE,
            "check": near_line(sim) if abs(sim - ALIGN_THRESHOLD) < BORDERLINE else "",
            "article_id": str(best["other_article_id"]), "start": int(best["other_start"]),
            "end": int(best["other_end"]), "closest": str(best["other_text"]), "ref": "", "option": "",
        })
    return out


def missing_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """What's missing? Passages only one outlet carries; the key says which outlets carry each, with the evidence."""
    ex = Exercise(
        kind="missing",
        title="What's missing?",
        instructions=(
            "Only one of the articles reports the passage below. Look through the other articles in the article "
            "pack: tick every outlet that also reports it (in any words), then say why the others might have left "
            "it out."
        ),
    )
    selection = comparison.selection
    if selection is None or selection.alignments.empty:
        ex.omitted = "the comparison has no selection (no two outlets cover the same story)"
        return ex
    if settings.missing_passages < 1:
        ex.omitted = "not part of this level"
        return ex
    alignments = selection.alignments
    scored = []
    for p in candidate_passages(analysis, settings.missing_sentences, max_chars=settings.max_chars):
        if _only_here(alignments, p):
            scored.append((substance(p.text, _sources(analysis, p)), p))
    best = max((s for s, _ in scored), default=0)
    if best == 0:
        ex.omitted = (f"no run of {settings.missing_sentences} sentences carried by one outlet only names a source "
                      "or gives a number")
        return ex
    pool = [p for s, p in scored if s == best]
    rng = seeded(seed, 6)
    names = dict(analysis.corpus.outlets)
    chosen: list[Passage] = []
    for p in pick(rng, pool, len(pool), avoid=settings.avoid):  # one passage per outlet, in drawn order
        if all(q.outlet_id != p.outlet_id for q in chosen):
            chosen.append(p)
        if len(chosen) == settings.missing_passages:
            break
    ex.note = (
        "The tool counts an outlet as reporting a sentence when one of its sentences is at least "
        f"{ALIGN_THRESHOLD:g} similar to it (shared words and parts of words, from 0 to 1). Similarity is not "
        "meaning: a reworded report can score lower, and a sentence that shares the words but says the "
        "opposite can score higher. Accept a tick that a student can back with a sentence of the pack."
    )
    for p in by_outlet_order(analysis, chosen):
        others = outlet_rows(alignments, p, names)
        item = Item(passage=p, facts={"outlets": others, "sources": _sources(analysis, p)})
        item.check = [f"{o['outlet_name']}: {o['check']}" for o in others if o["check"]]
        ex.items.append(item)
    it = "it" if len(ex.items) == 1 else "these passages"
    ex.questions.append({"text": f"Why might the other outlets have left {it} out? Think of space, readers, sources, "
                                 "and each outlet's view of the story.", "check": []})
    return ex


def place_in_pack(ex: Exercise, where: Callable[[str, int, int], str], option: Callable[[str, str], str]) -> None:
    """Give each outlet's closest sentence its place in the article pack, and the options students tick.

    Args:
        ex: The exercise (changed in place).
        where: ``(article_id, start, end)`` -> the pack reference ("Article 2, paragraph 5").
        option: ``(outlet_id, article_id)`` of an outlet's closest sentence -> the words of its tick-box option
            ("Deutsche Welle (Article 4)").
    """
    for item in ex.items:
        others = item.facts["outlets"]
        for o in others:  # type: ignore[attr-defined]
            o["ref"] = where(str(o["article_id"]), int(o["start"]), int(o["end"]))
            o["option"] = option(str(o["outlet_id"]), str(o["article_id"]))
        item.facts["options"] = [str(o["option"]) for o in others] + [NONE_OPTION]  # type: ignore[attr-defined]
        carried = [str(o["option"]) for o in others if o["carries"]]  # type: ignore[attr-defined]
        item.facts["ticked"] = carried or [NONE_OPTION]
