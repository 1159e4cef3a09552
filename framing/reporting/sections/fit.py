"""Does the story configuration fit the corpus? The warning banner the report opens with when it does not.

The story (``--story FILE``; default: the packaged sample story) names the
pair of parties whose relationship labels are counted. Run on news about
another pair, the figures are empty or count the wrong relationship, so the
report says so first. Two signs: fewer than :data:`MIN_DYAD_SHARE` of the
relationship labels found are about the configured pair, or a member of the
pair is hardly named (fewer than :data:`MIN_MENTIONS_PER_1000` mentions per
1,000 words).

Example:
    >>> fit_warning(labels=20, dyad_labels=2, mentions={"a": 50, "b": 40}, words=5000, story_name="A–B")[:40]
    'The story configuration (A–B) may not fi'
    >>> fit_warning(labels=20, dyad_labels=12, mentions={"a": 50, "b": 40}, words=5000, story_name="A–B")
    ''
"""

from __future__ import annotations

from framing.engines.memory import Analysis
from framing.reporting.wording import actor_name

#: Below this share of relationship labels about the configured pair, the story does not fit.
MIN_DYAD_SHARE = 0.25
#: Below this many mentions per 1,000 words of a member of the pair, the corpus hardly names it.
MIN_MENTIONS_PER_1000 = 1.0
#: The share rule applies only from this many labels on.
MIN_LABELS = 5


def fit_warning(*, labels: int, dyad_labels: int, mentions: dict[str, int], words: int, story_name: str) -> str:
    """The banner's text (empty: the story fits).

    Args:
        labels: Relationship labels found (any target).
        dyad_labels: Those about the configured pair.
        mentions: Mentions of each member of the pair.
        words: Words in the corpus.
        story_name: The story's name.
    """
    reasons = []
    if labels >= MIN_LABELS and dyad_labels < MIN_DYAD_SHARE * labels:
        reasons.append(f"only {dyad_labels} of the {labels} relationship labels found are about this pair")
    rare = [m for m, n in mentions.items() if words and n * 1000 / words < MIN_MENTIONS_PER_1000]
    if rare:
        named = ", ".join(f"{m} ({mentions[m]} mention{'s' if mentions[m] != 1 else ''})" for m in rare)
        reasons.append(f"the articles hardly name {named} in {words:,} words")
    if not reasons:
        return ""
    return (f"The story configuration ({story_name}) may not fit these articles: {'; and '.join(reasons)}. "
            "The relationship figures count labels about that pair only, so they may be empty or miss the "
            "relationship these articles are about. Describe your own story in a story file and run "
            "framing report --story STORY.toml (see framing/stories/ for examples).")


def story_fit(analysis: Analysis) -> str:
    """:func:`fit_warning` for an analysis: labels and member mentions counted from its span table."""
    spans = analysis.spans
    story = analysis.story
    labels = spans[spans["feature"] == "relationship_label"]
    actors = spans[spans["feature"] == "actor"]
    mentions = {actor_name(story, m): int((actors["label"] == m).sum()) for m in story.members}
    words = int(analysis.articles["n_words"].sum()) if len(analysis.articles) else 0
    return fit_warning(labels=len(labels), dyad_labels=int((labels["target"] == story.dyad).sum()),
                       mentions=mentions, words=words, story_name=story.name)
