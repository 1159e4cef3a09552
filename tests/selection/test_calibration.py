"""Story grouping and alignment on the check half of the NeuS AllSides stories (calibrated on the other half)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.selection.calibration import STORIES_FILE, half, load_gold, story_scores

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
    assert nn >= 0.75
    assert ari >= 0.60
