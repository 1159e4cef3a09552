"""Closed word classes that speaker phrases are built from, and the speaker-noun lexicon.

Example:
    >>> "the" in DETERMINERS, PRONOUN_KINDS["they"], word_kind("Minister")
    (True, 'group', 'title')
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.lexicons import load_lexicon

#: Words that can never be part of a speaker phrase, even capitalised at a sentence start.
FUNCTION_WORDS: frozenset[str] = frozenset(
    "in but and as when while if after before since although though however meanwhile rather indeed so yet "
    "also then for on at by with from of to because that this these those there here what which who "
    "whom whose where why how not no nor or than even just only still now today yesterday last next "
    "during under over into onto about against between among through without within across".split()
)
#: Words that open a noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    "a an the one some many several two three four other another his her their its our my your this that "
    "these those most few".split()
)
#: Auxiliaries and adverbs that may stand between a speaker and the cue ("X has also said").
AUXILIARIES: frozenset[str] = frozenset(
    "has have had also then later once recently previously already earlier reportedly would will is was "
    "were are did does do further again repeatedly publicly privately simply even often always never "
    "had's been being has since first long".split()
)
#: Words that open a subordinate clause: a clause they open before ", he said" is not what he said.
SUBORDINATORS: tuple[str, ...] = (
    "as soon as", "when", "after", "before", "while", "once", "since", "until", "if", "although", "though",
    "because", "whenever",
)
_SUBORDINATE_RE = re.compile(r"(?:" + "|".join(SUBORDINATORS) + r")\b", re.IGNORECASE)


def opens_subordinate(clause: str) -> bool:
    """Whether a clause opens with a subordinating conjunction ("As soon as Putin came to power").

    Example:
        >>> opens_subordinate("As soon as Putin came to power"), opens_subordinate("Iffy ties hold")
        (True, False)
    """
    return bool(_SUBORDINATE_RE.match(clause))
#: Modal verbs: never part of a speaker phrase ("Rahm Emanuel may say").
MODALS: frozenset[str] = frozenset("can could may might must shall should will would".split())
#: Days and months: capitalised, but never a speaker ("a TV ad released Thursday said"); not "May" (Theresa May).
TIME_WORDS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december".split()
)
#: Lower-case words inside a name ("Council on Foreign Relations", "bin Salman").
NAME_CONNECTORS: frozenset[str] = frozenset("of for and & the on de van von bin al la le du da".split())
#: Pronouns that can be speakers, and the kind of speaker each stands for.
PRONOUN_KINDS: dict[str, str] = {
    "he": "person", "she": "person", "i": "person", "we": "group", "they": "group", "it": "organisation",
}


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, str]:
    """Speaker nouns (``framing/lexicons/speaker_nouns.tsv``), lower-case, with their kind.

    Example:
        >>> speaker_words()["analysts"]
        'group'
    """
    return {r["term"].lower(): r["kind"] for r in load_lexicon("speaker_nouns").rows}


def word_kind(word: str) -> str:
    """Kind of a speaker noun (``title``, ``group``, ``org``, ...), else "".

    Example:
        >>> word_kind("Sen."), word_kind("said")
        ('title', '')
    """
    return speaker_words().get(word.lower().rstrip("."), "")


def base(word: str) -> str:
    """A word without its possessive ``'s``.

    Example:
        >>> base("Russia’s")
        'Russia'
    """
    w = word.replace("’", "'") if "’" in word else word
    return w[:-2] if w[-2:] in ("'s", "'S") else w  # only "'" and "s"/"S" lower-case to "'s"


def is_cap(word: str) -> bool:
    """Whether a word starts with a capital letter.

    Example:
        >>> is_cap("Lee"), is_cap("lee")
        (True, False)
    """
    return word[:1].isupper()


__all__ = [
    "AUXILIARIES", "DETERMINERS", "FUNCTION_WORDS", "MODALS", "NAME_CONNECTORS", "PRONOUN_KINDS", "SUBORDINATORS",
    "TIME_WORDS", "base", "is_cap", "opens_subordinate", "speaker_words", "word_kind",
]
