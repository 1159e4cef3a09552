"""Label polarity on sentences built to trip a keyword counter (issue 13), one named group per rule.

The rules live in :mod:`framing.features.labels_polarity` and
:mod:`framing.features.labels_scope`; the constructed set these cases come
from is ``tests/data/adversarial_labels.tsv``, scored by
:mod:`framing.evaluation.adversarial` (``framing validate``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.attribution import prepare_doc
from framing.evaluation import adversarial
from framing.features.labels import extract
from framing.model import Article


def _polarities(text: str) -> list[str]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [s.polarity for s in extract(doc)]


@pytest.mark.parametrize(("text", "expected"), [
    ("No one would call them allies: Beijing and Moscow still guard their independence jealously.", ["negated"]),
    ("Nobody in the Kremlin seriously thinks of China as an ally.", ["negated"]),
    ("Moscow's partners are Beijing, Tehran and Pyongyang; none of them is a formal ally.", ["affirmed", "negated"]),
])
def test_no_one_nobody_and_none_deny_the_label(text: str, expected: list[str]) -> None:
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The president failed to assure allies that Washington would stand by them.", ["affirmed"]),
    ("China refused to consult its partners in Moscow.", ["affirmed"]),
    ("China and Russia failed to find allies in the region.", ["negated"]),
    ("China and Russia refused to form alliances.", ["negated"]),
])
def test_a_bare_label_after_to_and_a_verb_is_its_object_unless_the_verb_makes_it(
        text: str, expected: list[str]) -> None:
    """ "failed to assure allies": the allies exist; "failed to find allies": they do not."""
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The senator is set to appear at a Democracy Alliance gala on Friday.", ["affirmed"]),
    ("The Western Alliance has imposed sanctions on Russia.", ["affirmed"]),
])
def test_a_label_in_a_capitalised_name_is_outside_the_cues(text: str, expected: list[str]) -> None:
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ambassador insisted that Moscow and Beijing had no plans for a military alliance.", ["negated"]),
    ("China and Russia have no alliance.", ["negated"]),
])
def test_no_plans_denies_what_the_plan_would_bring(text: str, expected: list[str]) -> None:
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("No partner matters more to Moscow than Beijing.", ["affirmed"]),
    ("China has no ally other than Russia.", ["affirmed"]),
])
def test_no_label_compared_with_than_holds(text: str, expected: list[str]) -> None:
    """ "No partner matters more than Beijing": Beijing is the closest partner."""
    assert _polarities(text) == expected


def test_a_negated_only_denies_uniqueness_not_the_label() -> None:
    assert _polarities("Germany is not France's only partner in Europe, but it remains the most important one.") \
        == ["affirmed"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing, Tehran and Pyongyang are Moscow's partners, not its allies.", ["affirmed", "negated"]),
    ("Iran is neither Saudi Arabia's friend nor its enemy.", ["negated"]),
    ("Beijing would not call Moscow its ally.", ["negated"]),
])
def test_a_contrast_or_a_possessor_name_does_not_make_the_label_an_object(text: str, expected: list[str]) -> None:
    """ "Saudi" before "Arabia's" is part of the possessor, not a verb taking the label as object."""
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Xi, Putin hail ‘no limits’ partnership in Beijing", ["affirmed"]),
    ("Beijing says there is ‘no alliance’ with Moscow.", ["negated"]),
])
def test_a_cue_inside_a_quotation_does_not_reach_a_label_after_it(text: str, expected: list[str]) -> None:
    assert _polarities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Would Japan fight alongside its American ally? Few in Tokyo are sure.", ["affirmed"]),
    ("Is China Russia's ally?", ["questioned"]),
    ("China and Russia: allies or rivals?", ["questioned", "questioned"]),
])
def test_a_yes_no_question_asks_about_its_predicate_not_a_presupposed_object(
        text: str, expected: list[str]) -> None:
    assert _polarities(text) == expected


def test_past_wanted_is_a_wish() -> None:
    assert _polarities("Berlin never wanted a rival in Paris; it wanted a partner.") == ["negated", "hypothetical"]


def test_the_standfirst_honeymoon_after_since_is_affirmed() -> None:
    """SCMP standfirst: "may be the closest ... since 1950s honeymoon" (seed gold: affirmed)."""
    t = ("The relationship may be the closest the two nations have been since 1950s honeymoon that followed "
         "China’s fight against US and allied forces in the Korean war")
    assert _polarities(t) == ["affirmed", "affirmed"]


# ------------------------------------------------------------------ the constructed set and its validator
def test_the_set_is_well_formed_and_split_in_two() -> None:
    if not adversarial.DATA.is_file():
        pytest.skip(f"constructed set not found at {adversarial.DATA}")
    items = adversarial.read_items()
    assert 150 <= len(items) <= 330
    assert all(it.start >= 0 for it in items), [it.id for it in items if it.start < 0]
    assert {it.polarity for it in items} == {"affirmed", "negated", "hypothetical", "questioned"}
    assert {it.voice for it in items} == {"authorial", "direct_quote", "attributed_paraphrase"}
    assert len({it.dyad for it in items}) >= 5
    splits = [adversarial.split_of(it.id) for it in items]
    assert 0.4 < splits.count("dev") / len(splits) < 0.6


def test_the_validator_scores_both_splits() -> None:
    if not adversarial.DATA.is_file():
        pytest.skip(f"constructed set not found at {adversarial.DATA}")
    rows = adversarial.validate(Path("/nonexistent"))
    got = {(r.dataset.rsplit("(", 1)[-1].rstrip(")"), r.metric) for r in rows}
    assert {("dev", "polarity accuracy"), ("check", "voice accuracy")} <= got
    assert all(0.5 <= r.value <= 1.0 and r.n > 50 for r in rows if "target" not in r.metric)


def test_the_validator_says_when_the_set_is_absent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(adversarial, "DATA", tmp_path / "absent.tsv")
    (row,) = adversarial.validate(tmp_path)
    assert row.value != row.value and "not found" in row.note
