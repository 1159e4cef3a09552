"""The one clause splitter: each case names the rule it exercises (and which family relied on it)."""

from __future__ import annotations

import pytest

from framing.features.clauses import clause_around, clause_bounds, has_break, that_clause_reaches


def _clauses(text: str) -> list[str]:
    return [text[s:e] for s, e in clause_bounds(text)]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        # a contrastive conjunction opens the next clause, comma or not (sentiment, labels, hedges)
        ("Beijing praised the deal, but Washington condemned it.",
         ["Beijing praised the deal", "but Washington condemned it."]),
        ("Moscow agreed while Kyiv objected", ["Moscow agreed", "while Kyiv objected"]),
        # a condition is a clause of its own (the hedge rule's "if"; now also sentiment and labels)
        ("Russia will retaliate if the West imposes sanctions",
         ["Russia will retaliate", "if the West imposes sanctions"]),
        # coordination, relative and time words only after a comma
        ("China and Russia met, and the US watched", ["China and Russia met", "and the US watched"]),
        ("Kyiv, which was not consulted, objected", ["Kyiv", "which was not consulted, objected"]),
        ("It ended in May, when Putin visited", ["It ended in May", "when Putin visited"]),
        # "yet" as an adverb is no break; after a comma it is a conjunction
        ("Russia has not yet replied", ["Russia has not yet replied"]),
        ("It was cheap, yet nobody came", ["It was cheap", "yet nobody came"]),
        # "so-called" is not "so"
        ("the talks, so-called by the hosts", ["the talks, so-called by the hosts"]),
        # punctuation: "; " and ": ", a spaced dash, any em dash, parentheses
        ("Moscow welcomed it; Kyiv was furious.", ["Moscow welcomed it", "Kyiv was furious."]),
        ("He said: talks failed", ["He said", "talks failed"]),
        ("Ties are close — too close", ["Ties are close", "too close"]),
        ("The bloc (led by Russia) met", ["The bloc", "led by Russia", "met"]),
        # no break: an unspaced en dash (compounds, ranges) or a colon inside a time
        ("China–Russia ties from 2014–2022 at 10:30", ["China–Russia ties from 2014–2022 at 10:30"]),
    ],
)
def test_clause_bounds(text, clauses):
    assert _clauses(text) == clauses


def test_clause_around_finds_the_clause_of_a_mention_within_its_sentence():
    t = "First sentence. Beijing praised it, but Washington condemned it."
    s, e = clause_around(t, t.index("Washington"), t.index("Washington") + 10, sentence=(16, len(t)))
    assert t[s:e] == "but Washington condemned it."


def test_has_break_between_a_reporting_verb_and_would():
    t = "She says she was, which would be interesting"
    assert has_break(t, t.index("says") + 4, t.index("would"))
    assert not has_break("He said it would hold talks", 7, 16)


def test_a_that_clause_runs_across_coordination_but_not_a_condition():
    t = "He said that the deal was done, and that Beijing would choose"
    assert that_clause_reaches(t, t.index("that") + 4, t.index("would"))
    t = "He said that if talks fail it would end"
    assert not that_clause_reaches(t, t.index("that") + 4, t.index("would"))
