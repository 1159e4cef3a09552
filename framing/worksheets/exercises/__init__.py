"""Classroom exercises built from the span table and the one comparison, one module per exercise.

Every answer in the teacher's key is a row (or an aggregate of rows) of the
span table, and every figure a question quotes is a row of the one
:class:`~framing.comparison.Comparison` (the report's figures); nothing is
re-extracted or recomputed. An exercise whose material is too thin is kept
with ``omitted`` set to the reason (the key prints it; the student sheet
leaves the exercise out).

Exercises (:func:`build_worksheet`), drawn with the seed
(:mod:`~framing.worksheets.exercises.common`):

1. *Spot the hedges* (:mod:`~framing.worksheets.exercises.hedges`) -- a passage;
   the key lists each ``hedge`` (and, at the advanced level, ``booster``) span
   with its cue category and voice.
2. *Who is quoted?* (:mod:`~framing.worksheets.exercises.quotes`) -- a passage per
   outlet; the key lists the speakers of the ``quote`` (advanced: also
   ``paraphrase``) spans and their origin (``category``).
3. *Label detective* (:mod:`~framing.worksheets.exercises.labels`) -- sentences with
   ``relationship_label`` spans; the key gives label, voice and polarity.
4. *Blind source* (:mod:`~framing.worksheets.exercises.blind`) -- one excerpt per
   outlet with outlet names, self-references and author names replaced by
   ``[outlet]``/``[author]``; the key gives the outlet and its distinctive words.
5. *What's missing?* (:mod:`~framing.worksheets.exercises.missing`) -- a passage
   only one outlet carries (the comparison's selection); the key says which
   outlets carry it, with each one's closest sentence and its similarity.
6. *Readability* (:mod:`~framing.worksheets.exercises.readability`) -- passages to
   rank, with Flesch-Kincaid grades in the key.
7. *Discussion* (:mod:`~framing.worksheets.exercises.discussion`) -- questions on
   the biggest between-outlet differences of the comparison.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> ws = build_worksheet(analyze(load_corpus()), level="intro", seed=1)
    >>> [e.kind for e in ws.exercises]
    ['hedges', 'quotes', 'labels', 'blind', 'missing', 'readability', 'discussion']
"""

from __future__ import annotations

import dataclasses

from framing.comparison import Comparison, compare
from framing.engines.memory import Analysis
from framing.errors import FramingError, value_invalid_msg
from framing.worksheets.exercises.blind import anonymise, blind_exercise, outlet_aliases
from framing.worksheets.exercises.common import (
    LEVELS,
    MAX_PASSAGE_CHARS,
    MIN_SENTENCE_WORDS,
    SETTINGS,
    VOICE_WORDS,
    Cue,
    Exercise,
    Item,
    Passage,
    Settings,
    Worksheet,
    candidate_passages,
    spans_in,
)
from framing.worksheets.exercises.discussion import QUESTIONS, discussion_exercise
from framing.worksheets.exercises.hedges import BOOSTER_WHY, CUE_WHY, hedge_exercise
from framing.worksheets.exercises.labels import label_exercise
from framing.worksheets.exercises.missing import missing_exercise, place_in_pack
from framing.worksheets.exercises.quotes import quote_exercise, speaker_rows
from framing.worksheets.exercises.readability import readability_exercise
from framing.worksheets.pack import article_pack, reference

__all__ = [
    "BOOSTER_WHY", "BUILDERS", "CUE_WHY", "LEVELS", "MAX_PASSAGE_CHARS", "MIN_SENTENCE_WORDS", "QUESTIONS",
    "SETTINGS", "VOICE_WORDS", "Cue", "Exercise", "Item", "Passage", "Settings", "Worksheet", "anonymise",
    "blind_exercise", "build_worksheet", "candidate_passages", "discussion_exercise", "hedge_exercise",
    "label_exercise", "missing_exercise", "outlet_aliases", "quote_exercise", "readability_exercise", "speaker_rows",
    "spans_in",
]

#: The exercises, in worksheet order.
BUILDERS = (hedge_exercise, quote_exercise, label_exercise, blind_exercise, missing_exercise, readability_exercise,
            discussion_exercise)


def build_worksheet(
    analysis: Analysis, *, comparison: Comparison | None = None, level: str = "intro", seed: int = 0,
    blind_pack: bool = False,
) -> Worksheet:
    """All exercises for one corpus analysis, at one level, drawn with one seed.

    Args:
        analysis: Result of :func:`framing.analyze` (all families).
        comparison: The comparison whose figures the questions quote (default:
            :func:`framing.comparison.compare` of the analysis, as the report makes it).
        level: ``intro`` (fewer items, simpler wording) or ``advanced`` (more items, voice and polarity).
        seed: Seed of every passage draw; the same seed gives the same worksheet.
        blind_pack: The article pack hides the outlets (:func:`framing.worksheets.pack.article_pack`);
            passages refer to its numbering.

    Returns:
        A :class:`Worksheet`; exercises without enough material carry ``omitted``;
        every passage carries its place in the article pack (``Item.ref``),
        except blind-source excerpts when the pack names the outlets.
    """
    if level not in SETTINGS:
        raise FramingError(value_invalid_msg("level", level, list(LEVELS)))
    comparison = comparison if comparison is not None else compare(analysis)
    settings = SETTINGS[level]
    exercises: list[Exercise] = []
    for build in BUILDERS:  # each exercise draws text the earlier ones do not use, where it can
        avoid = tuple((i.passage.article_id, i.passage.start, i.passage.end) for ex in exercises for i in ex.items)
        exercises.append(build(analysis, comparison, dataclasses.replace(settings, avoid=avoid), seed))
    pack = article_pack(analysis, blind=blind_pack, seed=seed)
    number = {a.article_id: a.number for a in pack.articles}
    names = dict(analysis.corpus.outlets)
    for ex in exercises:
        if ex.kind == "missing":
            place_in_pack(ex, lambda a, s, e: reference(pack, a, s, e),
                          lambda o, a: f"Article {number[a]}" if blind_pack else f"{names[o]} (Article {number[a]})")
        if ex.kind == "blind" and not blind_pack:
            continue
        for item in ex.items:
            item.ref = reference(pack, item.passage.article_id, item.passage.start, item.passage.end)
    title = "How do news outlets frame the same story?"
    return Worksheet(level=level, seed=seed, title=title, outlets=analysis.corpus.outlets,
                     n_articles=len(analysis.corpus.articles), exercises=exercises, story=comparison.story.name,
                     blind_pack=blind_pack)
