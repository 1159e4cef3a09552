"""Speakers: what a speaker phrase names (a person, group, organisation or pronoun).

Example:
    >>> t = "Chinese Foreign Minister Wang Yi"
    >>> sp = speaker_at(t, 0, len(t), NameRegistry.of(t, frozenset({"chinese"})))
    >>> (sp.text, sp.kind, sp.affiliation)
    ('Wang Yi', 'person', 'Chinese Foreign Minister')
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.attribution.names import NameRegistry
from framing.attribution.words import DETERMINERS, FUNCTION_WORDS, PRONOUN_KINDS, base, is_cap, speaker_words, word_kind
from framing.corpus.segmentation import tokenize


@dataclass(frozen=True)
class Speaker:
    """A speaker mention.

    Attributes:
        text: The normalised speaker (a pronoun in lower case).
        kind: ``person``, ``group``, ``organisation`` or ``pronoun``.
        start: Offset of the mention.
        end: End of the mention.
        affiliation: Appositive or pre-name titles ("an associate professor at ...").
        named: Whether the mention names its speaker (see :func:`is_named`); a
            role ("the spokesman", kind ``person``) or a group is not named.
    """

    text: str
    kind: str
    start: int
    end: int
    affiliation: str = ""
    named: bool = False


def _name_bounds(words: list[str], kinds: list[str], places: frozenset[str]) -> tuple[int, int]:
    """``(k, e)``: the trailing run ``words[k:e]`` of capitalised words that are not titles or places."""
    k = len(words)
    while k > 0 and not is_cap(words[k - 1]):
        k -= 1
    e = k
    while k > 0 and is_cap(words[k - 1]) and kinds[k - 1] != "title" and base(words[k - 1]).lower() not in places:
        if words[k - 1].lower() in FUNCTION_WORDS or words[k - 1].lower() in DETERMINERS:
            break
        k -= 1
    return k, e


def _joint(text: str, toks: list[tuple[int, int]], names: NameRegistry) -> str:
    """"Xi and Putin", "Yeltsin and then-Chinese leader Jiang Zemin": named people joined by "and" ("" if not).

    Each part must name a person (a capitalised word that is not a title or a
    place: "Chinese and Russian officials" and "China and Russia" are not people).
    """
    cuts = [i for i, (a, b) in enumerate(toks) if text[a:b] in ("and", "&")]
    if not cuts:
        return ""
    bounds = [-1, *cuts, len(toks)]
    parts: list[str] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if hi - lo < 2:
            return ""
        name, kind, _ = classify(text, toks[lo + 1][0], toks[hi - 1][1], names)
        if kind != "person":
            return ""
        parts.append(name)
    return " and ".join(parts)


def _titles_only(kinds: list[str], e: int) -> bool:
    """Whether every word after the name (from ``e``) is a title ("Wang Yi, foreign minister")."""
    return all(k == "title" for k in kinds[e:])


def _place_cut(words: list[str], kinds: list[str]) -> int:
    """Index of "of"/"from" right after a name of two plain capitalised words (0 if none)."""
    for i in range(2, len(words) - 1):
        if words[i] in ("of", "from") and all(
            is_cap(words[j]) and not kinds[j] and words[j].lower() not in DETERMINERS for j in (i - 2, i - 1)
        ):
            return i
    return 0


def _normal_case(name: str) -> str:
    """"XI Jinping" -> "Xi Jinping": an all-capitals word in a person's name written otherwise in mixed case."""
    parts = name.split()
    if len(parts) < 2 or all(p.isupper() for p in parts):
        return name
    return " ".join(p.capitalize() if p.isalpha() and p.isupper() and len(p) > 1 else p for p in parts)


#: Marks and spaces that may stand between a sentence's end and its first word.
_LEADING = frozenset(" \t\u00a0\"“‘'")
#: How far back :func:`_at_sentence_start` looks through such marks (a bounded window, not the document).
_LOOK_BACK = 200


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether only spaces and opening marks stand between ``start`` and a sentence end (or the text start).

    Example:
        >>> texts = ("Intelligence said", "Yes. “Intelligence", "the Intelligence")
        >>> [_at_sentence_start(t, t.index("Intelligence")) for t in texts]
        [True, True, False]
    """
    i = start - 1
    floor = max(start - _LOOK_BACK, 0)
    while i >= floor and text[i] in _LEADING:
        i -= 1
    return i < 0 or i < floor or text[i] in ".!?\n:"


def is_named(text: str, start: int, name: str, kind: str, names: NameRegistry) -> bool:
    """Whether a speaker is named: a person's name, or an organisation's proper name.

    Roles ("a spokesman"), groups ("observers", "Western leaders") and pronouns
    are not named. An organisation is named by two or more capitalised words,
    an acronym, a place or institution word ("the Kremlin"), or one capitalised
    word that is not just the first word of a sentence ("Intelligence said").

    Example:
        >>> names = NameRegistry(frozenset({"kremlin"}))
        >>> [is_named(t, 0, t, "organisation", names) for t in ("Intelligence", "NATO", "Kremlin")]
        [False, True, True]
    """
    if kind == "person" or (kind == "group" and " and " in name and all(is_cap(p) for p in name.split(" and "))):
        return True  # a person, or named people ("Xi and Putin")
    if kind != "organisation":
        return False
    caps = [w for w in name.split() if is_cap(w)]
    if len(caps) >= 2 or any(w.isupper() and len(w) > 1 for w in caps):
        return True
    if not caps:
        return False
    word = base(caps[0]).lower()
    if word in names.places or caps[0] in names.counts:
        return True
    return not (name.split()[0] == caps[0] and _at_sentence_start(text, start))


def classify(text: str, start: int, end: int, names: NameRegistry) -> tuple[str, str, str]:
    """``(speaker, kind, pre-name titles)`` of the phrase ``text[start:end]``.

    Kinds: ``person``, ``group``, ``organisation``, ``role`` (a person named by
    a role: "the spokesman") or ``pronoun``.

    Example:
        >>> t = "the state-run Xinhua news agency"
        >>> classify(t, 0, len(t), NameRegistry(frozenset()))
        ('Xinhua news agency', 'organisation', '')
    """
    toks = tokenize(text, start, end)
    words = [text[s:e] for s, e in toks]
    if not words:
        return "", "", ""
    if len(words) == 1 and words[0].lower() in PRONOUN_KINDS:
        return words[0].lower(), "pronoun", ""
    joint = _joint(text, toks, names)
    if joint:
        return joint, "group", ""
    kinds = [word_kind(w) for w in words]
    cut = _place_cut(words, kinds)
    if cut:
        # "Scott Hawkins of Cheyenne", "Jeffrey Lewis of the James Martin Center": the person, and where from
        name, kind, pre = classify(text, start, toks[cut - 1][1], names)
        if kind == "person":
            return name, kind, f"{pre} {text[toks[cut][0] : toks[-1][1]]}".strip()
    k, e = _name_bounds(words, kinds, names.places)
    name_words = words[k:e]
    trailing = words[e:]
    # "Clinton's campaign chairman John Podesta" is a person; "Office of the Director of National Intelligence",
    # with a capitalised organisation word and a one-word "name", is not
    proper_org = any(kinds[i] == "org" and is_cap(words[i]) for i in range(k))
    titled_name = (
        bool(name_words) and k > 0 and kinds[k - 1] == "title" and "org" not in kinds[k:]
        and (len(name_words) >= 2 or not proper_org)
    )
    if kinds[-1] == "title" and "org" in kinds[e:] and not _titles_only(kinds, e):
        # "Clinton's campaign chairman", "the Kremlin spokesman": a role, whatever its organisation
        lead = next((i for i, w in enumerate(words) if w.lower() not in DETERMINERS), 0)
        return text[toks[lead][0] : toks[-1][1]], "role", ""
    if "org" in kinds and not titled_name:
        first = next((i for i, w in enumerate(words) if is_cap(w) and w.lower() not in DETERMINERS), None)
        if first is None:
            first = next((i for i, w in enumerate(words) if w.lower() not in DETERMINERS), 0)
        return text[toks[first][0] : toks[-1][1]], "organisation", ""
    if name_words and all(kinds[i] == "title" for i in range(e, len(words))):
        pre = text[toks[0][0] : toks[k][0]].strip() if k > 0 else ""
        if trailing:
            pre = f"{pre} {text[toks[e][0] : toks[-1][1]]}".strip()
        if pre.lower() in DETERMINERS:
            pre = ""
        name = _normal_case(names.fullest(text[toks[k][0] : toks[e - 1][1]]))
        if names.is_org(name):
            return name, "organisation", pre
        return name, "person", pre
    first = next((i for i, w in enumerate(words) if w.lower() not in DETERMINERS), 0)
    phrase = text[toks[first][0] : toks[-1][1]]
    head = words[-1].lower()
    if kinds[-1] == "group":
        return phrase, "group", ""
    if kinds[-1] == "title":
        return phrase, "role", ""
    if base(words[-1]).lower() in names.places or any(is_cap(w) for w in words):
        return phrase, "organisation", ""
    return (phrase, "group", "") if head.endswith("s") else (phrase, "role", "")


#: Negative quantifiers: a subject that names no source ("Nothing suggests that the alliance is weakening").
NO_SPEAKERS = frozenset(["nothing", "nobody", "no one", "no-one", "none", "neither"])


def speaker_at(text: str, start: int, end: int, names: NameRegistry, appos: str = "") -> Speaker | None:
    """The speaker named by ``text[start:end]`` with its appositive, or None if it names no speaker.

    A role ("one Chinese writer") with an all-capitalised appositive takes the
    appositive as its name; any other role is a person.

    Example:
        >>> t = "one Chinese writer"
        >>> speaker_at(t, 0, len(t), NameRegistry(frozenset({"chinese"})), appos="Xi Laiwang").text
        'Xi Laiwang'
    """
    if " ".join(text[start:end].lower().split()) in NO_SPEAKERS:
        return None  # "Nothing suggests that ...", "Nobody thinks ...": a negative quantifier names no source
    name, kind, pre = classify(text, start, end, names)
    if not name:
        return None
    bare = name == text[start:end].strip()
    if kind != "pronoun" and bare and name.lower() in speaker_words() and speaker_words()[name.lower()] != "group":
        return None  # a lone title ("Minister said"); "the spokesman said" is a role
    aff = appos
    named = is_named(text, start, name, kind, names)
    if kind == "role":
        toks = tokenize(appos)
        if toks and all(is_cap(appos[s:e]) for s, e in toks):
            # "one Chinese writer, Xi Laiwang," -> the appositive is the name
            return Speaker(names.fullest(appos), "person", start, end, text[start:end], named=True)
        kind, named = "person", False
    if not aff and pre:
        aff = pre
    if not aff and kind in ("person", "group") and not named:
        aff = text[start:end].strip()  # "China’s foreign minister", "Chinese analysts": the description itself
    return Speaker(name, kind, start, end, aff, named=named)


__all__ = ["Speaker", "classify", "is_named", "speaker_at"]
