"""One name per source within a story: "Putin" and "Vladimir Putin" are the same speaker.

Speakers are compared by their words, ignoring case and punctuation. Within
one story, a name whose words are all part of exactly one longer name of the
story ("Putin" in "Vladimir Putin") is read as that name; a name that fits two
longer names ("Wang" in "Wang Yi" and "Wang Wenbin") is kept as it is.

Example:
    >>> canonical_speakers(["Vladimir Putin", "Putin", "Wang", "Wang Yi", "Wang Wenbin"])
    {'Vladimir Putin': 'Vladimir Putin', 'Putin': 'Vladimir Putin', 'Wang': 'Wang', 'Wang Yi': 'Wang Yi', \
'Wang Wenbin': 'Wang Wenbin'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> frozenset[str]:
    """The words of a speaker's name, case-folded (cached: a corpus has a few thousand speakers, met many times).

    Example:
        >>> sorted(name_words("M. Taylor Fravel"))
        ['fravel', 'm', 'taylor']
    """
    return frozenset(w.casefold() for w in _WORD.findall(name))


def canonical_speakers(names: Iterable[str]) -> dict[str, str]:
    """Each name of one story mapped to the one longer name that contains all its words (else itself)."""
    distinct = list(dict.fromkeys(str(n) for n in names if str(n).strip()))
    words = {n: name_words(n) for n in distinct}
    out: dict[str, str] = {}
    for name in distinct:
        mine = words[name]
        wider = [o for o in distinct if o != name and mine and mine < words[o]]
        maximal = {words[o] for o in wider if not any(words[o] < words[p] for p in wider)}
        if len(maximal) == 1:
            out[name] = next(o for o in wider if words[o] in maximal)
        else:
            out[name] = name
    return out


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names can be the same source (one's words are all in the other's).

    Example:
        >>> same_speaker("Putin", "Vladimir Putin"), same_speaker("Xi Jinping", "Xi Laiwang")
        (True, False)
    """
    wa, wb = name_words(a), name_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)
