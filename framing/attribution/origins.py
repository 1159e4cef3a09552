"""Where a source comes from: its origin, from what the article says about it.

In order:

1. A mention that joins sources of different origins ("Russia and China",
   "the United States and NATO", "Chinese and Russian officials") or names the
   story's pair ("the two countries") is a joint source: ``other``.
2. Else the speaker's description (appositive or pre-name titles: "Chinese
   Foreign Minister", "a fellow at the Carnegie Moscow Center"): its last
   place, demonym or institution cue that is not the speaker's field
   (:meth:`framing.story.Story.origin_of`).
3. Else the speaker's own name: a person of the actors tables ("Putin",
   "Boris Yeltsin"; ``kind`` leader or official), matched by full name or
   surname with spelling variants folded (:func:`name_key`: "Sergey"/"Sergei",
   "Dmitry"/"Dmitri"/"Dmitriy", "Zelensky"/"Zelenskyy", "Aleksey"/"Alexei"),
   or a place or institution that is the speaker ("the Kremlin", "Xinhua").
4. Else ``unknown``.

Example:
    >>> from framing.story import default_story
    >>> s = default_story()
    >>> [speaker_origin(s, n, m, "") for n, m in [("Sergey Lavrov", "Sergey Lavrov"), ("China and Russia",
    ...  "China and Russia"), ("Kremlin", "the Kremlin")]]
    ['russia', 'other', 'russia']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from framing.story import DYAD_PARTY, OTHER, UNKNOWN, Story

_JOINT_RE = re.compile(r"\s+(?:and|&)\s+|\s*,\s*")
_NON_LETTER_RE = re.compile(r"[^a-z ]+")
_DOUBLE_RE = re.compile(r"([a-z])\1+")


def name_key(name: str) -> str:
    """A person's name with transliteration variants folded, for matching spellings of one name.

    Lower case without accents; a leading "ye" becomes "e", "ks" becomes "x",
    "kh" becomes "h", every "y" becomes "i", and doubled letters are single.

    Example:
        >>> [name_key(n) for n in ("Sergey Lavrov", "Sergei Lavrov", "Dmitriy", "Dmitri", "Zelenskyy", "Zelensky")]
        ['sergei lavrov', 'sergei lavrov', 'dmitri', 'dmitri', 'zelenski', 'zelenski']
        >>> name_key("Yevgeny Primakov") == name_key("Evgeni Primakov"), name_key("Aleksey") == name_key("Alexei")
        (True, True)
    """
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    s = _NON_LETTER_RE.sub(" ", s)
    words = []
    for w in s.split():
        if w.startswith("ye"):
            w = w[1:]
        w = w.replace("ks", "x").replace("kh", "h").replace("y", "i")
        words.append(_DOUBLE_RE.sub(r"\1", w))
    return " ".join(words)


@lru_cache(maxsize=16)
def _people(story: Story) -> dict[str, str]:
    """Name key -> origin of the story's people (leaders and officials with an origin)."""
    return {name_key(term): origin for term, origin in story.person_origins()}


def person_origin(story: Story, name: str) -> str:
    """Origin of a person of the actors tables named ``name`` (full name or surname, any spelling), else unknown.

    Example:
        >>> from framing.story import default_story
        >>> person_origin(default_story(), "Boris Yeltsin"), person_origin(default_story(), "Ann Lee")
        ('russia', 'unknown')
    """
    people = _people(story)
    key = name_key(name)
    if key in people:
        return people[key]
    parts = key.split()
    if len(parts) > 1 and parts[-1] in people:
        return people[parts[-1]]
    return UNKNOWN


#: A leader's name before one of these nouns names that leader's side: "the Trump administration", "Putin's team".
_LEADERS_BODY_RE = re.compile(
    r"^(?:the\s+)?(?P<leader>.+?)(?:'s|’s)?\s+(?:administration|government|cabinet|team|camp|campaign|aides|"
    r"advisers|advisors|officials|spokesman|spokeswoman|spokesperson)$", re.IGNORECASE)


def _own_origin(story: Story, name: str) -> str:
    """Origin of a speaker from its own name: a place or institution, else a person of the actors tables.

    A leader's name before a noun for their government or staff counts as the leader's ("Trump administration").

    Example:
        >>> from framing.story import default_story
        >>> _own_origin(default_story(), "Trump administration"), _own_origin(default_story(), "Putin's aides")
        ('us', 'russia')
    """
    origin = story.origin_of(name)
    if origin != UNKNOWN:
        return origin
    body = _LEADERS_BODY_RE.match(name.strip())
    return person_origin(story, body.group("leader") if body else name)


def joint_origin(story: Story, mention: str) -> str:
    """``other`` when a mention joins sources of different origins or names the story's pair, else "".

    Example:
        >>> from framing.story import default_story
        >>> s = default_story()
        >>> [joint_origin(s, m) for m in ("the two countries", "Chinese and Russian officials", "Xi")]
        ['other', 'other', '']
    """
    for m in story.party_matcher().finditer(mention):
        if DYAD_PARTY in m.value.parties:
            return OTHER
    parts = [p for p in _JOINT_RE.split(mention) if p.strip()]
    if len(parts) < 2:
        return ""
    found = {_own_origin(story, p) for p in parts} - {UNKNOWN}
    return OTHER if len(found) > 1 else ""


@lru_cache(maxsize=8192)
def speaker_origin(story: Story, name: str, mention: str, description: str) -> str:
    """Origin of a speaker from its mention, description and name (see the module docstring).

    Args:
        story: The story (its actors and places tables).
        name: The resolved speaker ("Sergey Lavrov").
        mention: The text that mentions it ("Foreign Minister Sergey Lavrov"; "" for a pronoun).
        description: Its longest description in the article ("" if none).

    Example:
        >>> from framing.story import default_story
        >>> speaker_origin(default_story(), "Li Jingjie", "Li Jingjie", "Chinese Russia expert")
        'china'
    """
    joint = joint_origin(story, mention) if mention else ""
    if joint:
        return joint
    if description:
        origin = story.origin_of(description)
        if origin != UNKNOWN:
            return origin
    return _own_origin(story, name)


__all__ = ["joint_origin", "name_key", "person_origin", "speaker_origin"]
