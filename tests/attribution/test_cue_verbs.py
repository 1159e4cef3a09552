"""Step 2: cue verbs from the one reporting-verb lexicon (framing.attribution.cues)."""

from __future__ import annotations

from framing.attribution.cues import CueIndex, cue_matcher


def test_cues_have_lemma_tense_kind_and_paraphrase_flag() -> None:
    found = [(c.text, c.value.lemma, c.value.tense, c.value.kind) for c in cue_matcher().finditer(
        "Lavrov said, according to Tass, and a statement from the Kremlin."
    )]
    assert ("said", "say", "past", "speech") in found
    assert ("according to", "according to", "phrase", "source") in found


def test_forms_not_marked_for_attribution_are_not_cues() -> None:
    # "saw", "expected" are in the lexicon for the hedge rule only (attribution = n)
    assert [c.text for c in cue_matcher().finditer("He saw that it failed and expected more.")] == []


def test_cue_index_returns_cues_wholly_inside_a_range() -> None:
    t = "He said it. She told me."
    ix = CueIndex.of(t)
    assert [c.text for c in ix.between(0, len(t))] == ["said", "told"]
    assert [c.text for c in ix.between(4, 7)] == []  # "said" ends at 7 but starts at 3
    assert [c.text for c in ix.between(3, 7)] == ["said"]
