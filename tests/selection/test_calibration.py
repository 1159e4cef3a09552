"""Story grouping and alignment on the check half of the NeuS AllSides stories (calibrated on the other half)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.selection.calibration import STORIES_FILE, half, load_gold, story_scores
from framing.selection.linkage import average_linkage

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


@pytest.fixture(scope="module")
def check_half():
    if not (GOLD / STORIES_FILE).is_file():
        pytest.skip(f"gold data absent: {GOLD / STORIES_FILE}")
    return [a for a in load_gold(GOLD) if half(a.story) == "check"]


def test_nearest_article_same_story_and_grouping_with_dates(check_half):
    nn, ari = story_scores(check_half, dated=True)
    assert nn >= 0.90
    assert ari >= 0.80


def test_without_dates_follow_up_stories_merge_but_most_neighbours_hold(check_half):
    nn, ari = story_scores(check_half, dated=False)
    assert nn >= 0.86
    assert ari >= 0.76


def test_without_dates_three_outlets_covering_every_event_are_kept_apart(check_half):
    """One outlet per side: no story may hold two articles of one outlet, which stops follow-ups chaining."""
    nn, ari = story_scores(check_half, dated=False, sides=True)
    assert nn >= 0.88
    assert ari >= 0.88


def test_average_linkage_one_close_pair_does_not_chain_three_stories():
    """a-b and b-c are close, a-c unrelated: single link would join all three; the average does not."""
    labels = average_linkage(3, [0, 1], [1, 2], [0.5, 0.3], ["x", "y", "z"], cut=0.25)
    assert labels.tolist() == [0, 0, 1]


def test_average_linkage_never_puts_two_articles_of_one_outlet_in_a_story():
    labels = average_linkage(3, [0, 1, 0], [1, 2, 2], [0.9, 0.9, 0.9], ["x", "y", "x"], cut=0.2)
    assert labels.tolist() in ([0, 0, 1], [0, 1, 1])


def test_numbers_tell_two_monthly_job_reports_apart():
    """Numbers count as words: the same figure in two reports of one month outweighs the shared topic words."""
    from framing.selection.vectors import nearest, vectorize

    texts = ["Employers added 235,000 jobs in August, far below expectations.",
             "Jobs report disappoints: only 235,000 positions added in August.",
             "Employers added 943,000 jobs in July, a strong labor market."]
    idx, _ = nearest(vectorize(texts, numbers=True)[:1], vectorize(texts, numbers=True)[1:], k=1)
    assert int(idx[0, 0]) == 0


def test_latent_topics_join_the_cosine_with_unit_rows():
    from framing.selection.vectors import vectorize

    texts = ["Senate passes budget bill", "Budget bill clears the Senate", "Storm hits the coast",
             "Coast braces for the storm", "Court rules on police case", "Police case reaches the court"]
    m = vectorize(texts, numbers=True, lsa=0.5)
    assert m.shape[0] == 6
    assert abs(float((m.multiply(m)).sum(axis=1).max()) - 1.0) < 1e-4


def test_crowding_correction_prefers_a_specific_neighbour_over_a_hub():
    """Article 0's plain nearest is the hub 1 (similar to everything); corrected, its own-event partner 2 wins."""
    import numpy as np

    from framing.selection.stories import hub_adjusted

    index = np.array([[1, 2, 3], [3, 4, 0], [0, 1, 3], [1, 0, 2], [1, 0, 2]])
    sims = np.array([[0.5, 0.48, 0.0], [0.6, 0.6, 0.5], [0.48, 0.2, 0.0], [0.6, 0.0, 0.0], [0.6, 0.0, 0.0]])
    adjusted = hub_adjusted(index, sims, k=2)
    assert adjusted[0, 1] > adjusted[0, 0]
    assert ((adjusted >= 0) & (adjusted <= 1)).all()
