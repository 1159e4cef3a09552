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
    """

    text: str
    kind: str
    start: int
    end: int
    affiliation: str = ""


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
    kinds = [word_kind(w) for w in words]
    k, e = _name_bounds(words, kinds, names.places)
    name_words = words[k:e]
    trailing = words[e:]
    if "org" in kinds:
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
        name = names.fullest(text[toks[k][0] : toks[e - 1][1]])
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


def speaker_at(text: str, start: int, end: int, names: NameRegistry, appos: str = "") -> Speaker | None:
    """The speaker named by ``text[start:end]`` with its appositive, or None if it names no speaker.

    A role ("one Chinese writer") with an all-capitalised appositive takes the
    appositive as its name; any other role is a person.

    Example:
        >>> t = "one Chinese writer"
        >>> speaker_at(t, 0, len(t), NameRegistry(frozenset({"chinese"})), appos="Xi Laiwang").text
        'Xi Laiwang'
    """
    name, kind, pre = classify(text, start, end, names)
    if not name:
        return None
    if kind != "pronoun" and name.lower() in speaker_words() and speaker_words()[name.lower()] != "group":
        return None
    aff = appos
    if kind == "role":
        toks = tokenize(appos)
        if toks and all(is_cap(appos[s:e]) for s, e in toks):
            # "one Chinese writer, Xi Laiwang," -> the appositive is the name
            return Speaker(names.fullest(appos), "person", start, end, text[start:end])
        kind = "person"
    if not aff and pre:
        aff = pre
    return Speaker(name, kind, start, end, aff)


__all__ = ["Speaker", "classify", "speaker_at"]
