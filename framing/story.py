"""The story configuration: which relationship a corpus is about, and who its actors are.

Nothing story-specific lives in code. A :class:`Story` names the dyad whose
relationship labels are counted, its member actors, and the data files
(lexicons) for actors, places/origins and relationship labels. The default is
the packaged sample story (``framing/stories/default.toml``); another story is
a TOML file passed as ``--story FILE`` on the CLI or ``story=`` in the API.

STATUS: interface stub written by the coordinator; the story helper fills it in.

Example:
    >>> story = default_story()
    >>> story.dyad, len(story.members)
    ('china-russia', 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Story:
    """A story configuration (picklable: it travels to worker processes).

    Attributes:
        name: Plain-words name of the story ("China–Russia relations").
        dyad: Id of the relationship whose labels the story figures count.
        members: Actor ids of the dyad's members.
        actors: Lexicon name or path: terms naming actors (and their origin).
        labels: Lexicon name or path: relationship labels.
        origins: Source-origin categories, in display order (ends with
            ``other`` and ``unknown``).
    """

    name: str
    dyad: str
    members: tuple[str, ...]
    actors: str = "actors"
    labels: str = "relationship_labels"
    origins: tuple[str, ...] = ()

    def origin_of(self, text: str) -> str:
        """Origin named in a speaker's description (the last place/demonym/institution cue), else ``unknown``."""
        raise NotImplementedError


@lru_cache(maxsize=1)
def default_story() -> Story:
    """The packaged sample story."""
    raise NotImplementedError


def load_story(path: str) -> Story:
    """Read a story TOML file; a bad file raises :class:`framing.errors.FramingError` naming the problem."""
    raise NotImplementedError
