"""Polarity of relationship labels: adversarial sentences, one named group per scope rule.

Each sentence is built to trip a keyword counter ("never been closer partners"
contains "never" but affirms the label). The rules live in
:mod:`framing.features.labels_polarity` and the cue files.
"""

from __future__ import annotations

import pytest

from framing.attribution import prepare_doc
from framing.features.labels import extract
from framing.model import Article


def _polarities(text: str) -> list[tuple[str, str]]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [(s.text, s.polarity) for s in extract(doc)]


def _check(text: str, expected: list[str]) -> None:
    got = _polarities(text)
    assert [p for _, p in got] == expected, got


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia are by no means a marriage of convenience.", ["negated"]),
    ("China and Russia are far from an alliance.", ["negated"]),
    ("China and Russia are no longer partners.", ["negated"]),
    ("China and Russia are not yet allies.", ["negated"]),
    ("China and Russia have yet to form an alliance.", ["negated"]),
    ("China and Russia lack a formal alliance.", ["negated"]),
    ("China and Russia are hardly allies.", ["negated"]),
    ("China and Russia are anything but allies.", ["negated"]),
    ("China and Russia have refused to form an alliance.", ["negated"]),
    ("China and Russia would never become allies.", ["negated"]),
    ("China and Russia are neither allies nor friends.", ["negated", "negated"]),
])
def test_negation_cue_before_the_label_denies_it(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia are not an alliance but a partnership.", ["negated", "affirmed"]),
    ("China and Russia are allies, not rivals.", ["affirmed", "negated"]),
    ("China and Russia are partners, not allies.", ["affirmed", "negated"]),
    ("China and Russia are allies rather than partners.", ["affirmed", "negated"]),
    ("China and Russia are not so much allies as partners of convenience.", ["negated", "affirmed", "affirmed"]),
    ("China and Russia are not formal allies, but they are close partners.", ["negated", "affirmed"]),
])
def test_negation_stops_at_the_contrast(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia are not only partners but allies.", ["affirmed", "affirmed"]),
    ("China and Russia are not just partners; they are allies.", ["affirmed", "affirmed"]),
    ("China and Russia are more than partners.", ["affirmed"]),
])
def test_not_only_adds_and_denies_nothing(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia have never been closer partners.", ["affirmed"]),
    ("China and Russia could not be closer partners.", ["affirmed"]),
    ("Not since the 1950s have China and Russia been such close allies.", ["affirmed"]),
    ("Beijing and Moscow have never had a stronger partnership.", ["affirmed"]),
    ("China is not Russia's most important partner.", ["affirmed"]),
])
def test_negated_degree_affirms_the_label(text: str, expected: list[str]) -> None:
    """ "Never been closer partners" denies that they were ever closer, not that they are partners."""
    _check(text, expected)


def test_negation_before_movement_toward_the_label_still_denies_it() -> None:
    _check("China and Russia are no closer to an alliance.", ["negated"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing denied that China and Russia are forming an alliance.", ["negated"]),
    ("Russia rejected claims that it is China's ally.", ["negated"]),
    ("China and Russia dismissed talk of an alliance.", ["negated"]),
    ("Officials in Beijing insist China and Russia are not allies.", ["negated"]),
    ("Xi said China and Russia would never be allies.", ["negated"]),
])
def test_reported_denial_negates_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_dismissing_a_label_as_another_denies_neither() -> None:
    """The seed guideline: analysts "dismiss the Russia-China partnership as one of convenience" affirm both."""
    _check("Analysts dismiss the Russia-China partnership as one of convenience.", ["affirmed", "affirmed"])


@pytest.mark.parametrize(("text", "expected"), [
    ("An alliance between Beijing and Moscow is out of the question, officials said.", ["negated"]),
    ("A formal alliance between Russia and China is unlikely.", ["hypothetical"]),
    ("An alliance with Moscow was ruled out by Beijing.", ["negated"]),
])
def test_predicate_after_the_label_can_deny_it(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing and Moscow have not ruled out an alliance.", ["hypothetical"]),
    ("Putin did not deny that Russia and China were allies.", ["hypothetical"]),
])
def test_negated_denial_leaves_the_label_possible(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia could become allies.", ["hypothetical"]),
    ("If China and Russia were allies, the West would worry.", ["hypothetical"]),
    ("Should China and Russia become allies, Washington would face a new world.", ["hypothetical"]),
    ("China and Russia are unlikely to become allies.", ["hypothetical"]),
    ("China and Russia want to become allies.", ["hypothetical"]),
    ("Unless Beijing becomes Moscow's ally, the war will drag on.", ["hypothetical"]),
    ("Moscow hopes Beijing will become its ally.", ["hypothetical"]),
    ("China and Russia could yet become allies.", ["hypothetical"]),
])
def test_modal_and_conditional_make_the_label_hypothetical(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("The strategic partnership between China and Russia is not new.", ["affirmed"]),
    ("China does not want to damage its partnership with Russia.", ["affirmed"]),
    ("Xi and Putin have stopped short of calling their partnership an alliance.", ["affirmed", "negated"]),
    ("There are no limits to how far the quasi-alliance between Moscow and Beijing could develop.", ["affirmed"]),
    ("Putin wants his ally, the Chinese leader, to visit.", ["affirmed"]),
])
def test_a_definite_label_that_is_not_the_predicate_is_presupposed(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China does not see Russia as its ally.", ["negated"]),
    ("Beijing would not call Moscow its ally.", ["negated"]),
    ("Russia is hardly China's ally.", ["negated"]),
])
def test_a_definite_predicate_label_is_denied(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Are China and Russia allies?", ["questioned"]),
    ("Could Russia and China become allies?", ["questioned"]),
    ("Whether China and Russia are allies remains unclear.", ["questioned"]),
    ('"Are we allies?" Putin asked of China.', ["questioned"]),
])
def test_yes_no_question_questions_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Why are China and Russia allies?", ["affirmed"]),
    ("How strong is the partnership between China and Russia?", ["affirmed"]),
])
def test_wh_question_presupposes_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia pledged a partnership with no limits.", ["affirmed"]),
    ("China and Russia declared a friendship without limits.", ["affirmed"]),
    ("The alliance between China and Russia is no secret.", ["affirmed"]),
])
def test_negation_after_the_label_is_about_something_else(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("A Russia-China alliance would reshape the world.", ["hypothetical"]),
    ("Analysts say an alliance between Beijing and Moscow could emerge.", ["hypothetical"]),
    ("The alliance between Beijing and Moscow could deepen.", ["affirmed"]),
    ("Russia is a close ally of China and could help it.", ["affirmed"]),
])
def test_modal_after_an_indefinite_subject_label_makes_it_hypothetical(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("China and Russia may be as close as in the 1950s, since their honeymoon.", ["affirmed"]),
    ("Putin has been trying ever since to find alternative alliances.", ["hypothetical"]),
])
def test_since_opens_an_adjunct_outside_the_modal_scope_unless_it_is_an_adverb(text: str, expected: list[str]) -> None:
    _check(text, expected)


# Issue 13, item 2: kinds of error found on the adversarial set's check half; new sentences, not the set's.
@pytest.mark.parametrize(("text", "expected"), [
    ("It is not true that Seoul and Tokyo are allies.", ["negated"]),
    ("It is not the case that Ankara is a partner of Moscow.", ["negated"]),
    ("It would be wrong to call the ties between Ankara and Moscow an alliance.", ["negated"]),
    ("It is a mistake to describe Hanoi as a partner of Beijing.", ["negated"]),
])
def test_denial_of_a_that_clause_or_of_a_description_negates_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Seoul and Tokyo are still a long way from being allies.", ["negated"]),
    ("Ankara and Moscow are nowhere near a partnership.", ["negated"]),
    ("There is no such thing as a Turkish-Russian alliance.", ["negated"]),
])
def test_distance_and_non_existence_phrases_negate_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Turkish-Russian partnership is a myth.", ["negated"]),
    ("The alliance between Seoul and Tokyo is an illusion.", ["negated"]),
    ("“The Turkish-Russian partnership,” the senator wrote, “is a mirage.”", ["negated"]),
    ("The Turkish-Russian partnership, critics argue, is a fantasy.", ["negated"]),
])
def test_predicate_denying_existence_negates_its_subject_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_neither_denies_a_label_after_the_others_possessive() -> None:
    _check("Ankara and Moscow trade a lot, but neither wants to be the other's ally.", ["negated"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey has not always been a loyal ally of the United States.", ["affirmed"]),
    ("Turkey is by no means the only country in a partnership with Russia.", ["affirmed"]),
    ("Ankara never tires of calling Moscow its friend.", ["affirmed"]),
    ("Not a week goes by without Turkish ministers praising Azerbaijan as an ally.", ["affirmed"]),
    ("The question is not whether Seoul and Tokyo are partners but for how long.", ["affirmed"]),
])
def test_negation_of_constancy_exclusivity_or_of_a_negation_leaves_the_label(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Had Seoul and Tokyo been allies, the dispute would have ended.", ["hypothetical"]),
    ("Were Ankara a true partner, it would have joined the sanctions.", ["hypothetical"]),
    ("In a war, Turkey would be at most a reluctant ally of Russia.", ["hypothetical"]),
])
def test_counterfactual_inversion_and_bounded_modal_make_the_label_hypothetical(text: str,
                                                                                  expected: list[str]) -> None:
    _check(text, expected)
