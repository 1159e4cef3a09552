"""Speakers of paraphrase cues that the plain phrase finder misses (issue 13 item 4)."""

import pytest

from framing.attribution.context import Context
from framing.attribution.paraphrase import cue_candidates


def _speakers(text: str) -> dict[str, str]:
    ctx = Context.of(text, [(0, len(text))])
    return {c.cue.text: c.speaker.text for c in cue_candidates(ctx, [], [])}


@pytest.mark.parametrize(
    ("rule", "text", "cue", "speaker"),
    [
        ("adverb before the verb", "Clinton now says the plan failed.", "says", "Clinton"),
        ("negation before the verb", "Lawmakers have not said whether they agree.", "said", "Lawmakers"),
        ("modal before the verb", "Rahm Emanuel may say that he won.", "say", "Rahm Emanuel"),
        ("share of those polled", "Six in 10 say he is decisive.", "say", "Six in 10"),
        ("percentage as speaker", "Twenty-four percent said they liked him.", "said", "Twenty-four percent"),
        ("determiner and lower-case modifiers", "The GOP presidential candidate says the deal is bad.", "says",
         "GOP presidential candidate"),
        ("lower-case noun phrase opening the sentence", "Instant polls showed Clinton won.", "showed", "Instant polls"),
        ("shared subject after 'and'", "Reid caucused in Nevada on Saturday and says he is fine.", "says", "Reid"),
        ("relative pronoun", "Barkley, who said the plan failed, left.", "said", "Barkley"),
    ],
)
def test_paraphrase_cue_speaker(rule: str, text: str, cue: str, speaker: str) -> None:
    assert _speakers(text).get(cue) == speaker, rule


def test_shared_subject_needs_the_clause_to_open_the_sentence() -> None:
    # the first clause starts after a quotation, so "sponsored" is no subject
    t = 'Clinton stressed it during a "Commander-in-Chief Forum" sponsored by NBC News and said she would act.'
    assert _speakers(t).get("said") != "sponsored"


@pytest.mark.parametrize(
    ("rule", "text", "cue", "speaker"),
    [
        ("share in words, no digit", "Six in ten say he is decisive.", "say", "Six in ten"),
        ("capitalised share word", "Nearly Half said they would vote.", "said", "Nearly Half"),
        ("fraction as speaker", "Two-thirds say the economy is worse.", "say", "Two-thirds"),
    ],
)
def test_share_speaker_found_without_a_digit(rule: str, text: str, cue: str, speaker: str) -> None:
    """The cheap look for a number or share word before the share rule must not lose these."""
    assert _speakers(text).get(cue) == speaker, rule


def test_possessive_base_any_apostrophe_and_case() -> None:
    from framing.attribution.words import base

    assert [base(w) for w in ("Russia’s", "NATO'S", "Jones'", "s", "bus")] == ["Russia", "NATO", "Jones'", "s", "bus"]
