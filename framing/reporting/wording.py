"""Plain words for the report's summaries: names of actors and origins, and "how many times" phrases.

Actor names come from the story's actors table (the first name, not an
adjective, written for an id), so nothing story-specific lives here.

Example:
    >>> times(2.1), times(0.32), times(1.3), times(14.0)
    ('about twice', 'about a third', 'about 1.3 times', 'about 14 times')
"""

from __future__ import annotations

from functools import lru_cache

from framing.story import OTHER, UNKNOWN, Story

#: Plain names of the two catch-all origins.
_ORIGIN_WORDS = {OTHER: "other countries", UNKNOWN: "no stated place"}
_FRACTIONS = ((2, "half"), (3, "a third"), (4, "a quarter"), (5, "a fifth"), (10, "a tenth"))


def times(ratio: float) -> str:
    """``ratio`` (the outlet's figure over the rest's) in words: "about twice", "about a third".

    Follow it with "as often as" (rates) or "the share of" (shares).

    Example:
        >>> times(1.0), times(0.5), times(0.02), times(float("inf"))
        ('about', 'about half', 'less than a tenth', 'far more than')
    """
    if ratio == float("inf"):
        return "far more than"
    if ratio <= 0.075:
        return "less than a tenth"
    if ratio < 0.8:
        k = min(_FRACTIONS, key=lambda f: abs(1 / f[0] - ratio))
        return f"about {k[1]}"
    if ratio < 1.15:
        return "about"
    if ratio < 1.75:
        return f"about {ratio:.1f} times"
    if ratio < 2.5:
        return "about twice"
    return f"about {round(ratio):,} times"


@lru_cache(maxsize=64)
def _actor_names(story: Story) -> dict[str, str]:
    names: dict[str, str] = {}
    for t in story.actor_terms():
        if not t.adjective and t.actor and t.actor != "-":
            names.setdefault(t.actor, t.term)
    return names


def actor_name(story: Story, actor: str) -> str:
    """The first name the story's actors table gives an actor id (the id itself if none).

    Example:
        >>> from framing.story import default_story
        >>> actor_name(default_story(), "nobody_here")
        'nobody here'
    """
    return _actor_names(story).get(actor, actor.replace("_", " "))


def origin_name(origin: str) -> str:
    """Plain name of a source origin id: capitalised (upper case up to two letters), or the catch-all's words.

    Example:
        >>> origin_name("unknown"), origin_name("us"), origin_name("europe")
        ('no stated place', 'US', 'Europe')
    """
    if origin in _ORIGIN_WORDS:
        return _ORIGIN_WORDS[origin]
    return " ".join(w.upper() if len(w) <= 2 else w.capitalize() for w in origin.split("_"))
