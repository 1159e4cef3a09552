"""Sense rules: is a match of an ambiguous hedge or booster word used in its hedging (boosting) sense?

A lexicon row of ``hedges.tsv``/``boosters.tsv`` names its rules in the
``sense`` column (``|``-separated); each rule reads its word lists from
``lexicons/hedge_senses.tsv`` (through :mod:`framing.features.cue_context`)
and returns the reason the match is *not* a cue
(``""`` when it is). The guideline the rules apply is written in the header
of ``hedges.tsv`` and ``boosters.tsv``:

* ``would`` - a hedge only as someone's speculation (:mod:`framing.features.would_sense`);
* ``approximator`` - "about"/"around" before a number, not as the preposition
  of a topic ("his comment about 47 percent", "talked about a plan");
* ``likely`` - not the poll category "likely voters";
* ``evidential_verb`` - suggest/indicate with evidence as subject ("the data
  suggest", "this indicates"), not a person proposing or saying ("he
  suggested that they meet", "Twelve percent indicated");
* ``appear``, ``potential``, ``might``, ``could``, ``may`` - not "appear on
  TV", the noun "potential"/"might", "so she could", "could barely", "If I
  may", "as improbable as it may seem";
* ``negatable``, ``clear``, ``absolutely`` (boosters) - not negated ("it is
  not clear whether"), not in a condition ("if indeed"), not "steer clear
  of", not a degree intensifier ("absolutely critical").

Every rule looks at a few tokens around the match in its sentence, so the
cost is a constant per match.

Example:
    >>> t = "If talks fail, Russia would invade."
    >>> s = Sentence(t, 0, len(t))
    >>> reason("would", s, t.index("would"), t.index("would") + 5)
    'conditional'
"""

from __future__ import annotations

from collections.abc import Callable

from framing.features.cue_context import Sentence, in_list, reporting_forms
from framing.features.would_sense import would


def _is_number(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word[0] in "$€£" or in_list("quantity", word))


def approximator(s: Sentence, i: int, j: int) -> str:
    """Why "about"/"around" is not an approximator (before a number or quantity), or ``""``.

    Example:
        >>> t = "His comment about 47 percent. About a dozen came. They talked about a plan."
        >>> [approximator(Sentence(t, 0, len(t)), k, k + 1) for k in (2, 5, 11)]
        ['topic', '', 'topic']
    """
    nxt = s.word(j)
    if nxt in ("a", "an"):
        nxt = s.word(j + 1).split("-")[0]
    elif nxt == "as" and s.word(j + 2) == "as":
        nxt = "as"  # "about as high as"
    if not (_is_number(nxt) or in_list("approximate_degree", nxt)):
        return "topic"
    if in_list("topic_head", s.word(i - 1)) and s.joined(i - 1):
        return "topic"
    return ""


def likely(s: Sentence, i: int, j: int) -> str:
    """Why "likely" is not a hedge ("likely voters"), or ``""``.

    Example:
        >>> t = "Among likely Democratic voters, he is likely to win."
        >>> s = Sentence(t, 0, len(t))
        >>> likely(s, 1, 2), likely(s, 6, 7)
        ('poll category (likely voters)', '')
    """
    nxt = s.word(j)
    if in_list("voter", nxt) or (in_list("voter_modifier", nxt) and in_list("voter", s.word(j + 1))):
        return "poll category (likely voters)"
    return ""


def evidential_verb(s: Sentence, i: int, j: int) -> str:
    """Why suggest/indicate is a reporting verb (a person's), not a hedge (evidence as subject), or ``""``.

    The subject is the word before the verb (skipping adverbs and auxiliaries):
    evidence ("the data", "this", "which") makes a hedge; a pronoun, a name or
    a word for people ("he", "Gorbachev", "officials", "percent") a reporting
    verb; any other noun ("these assays suggest") a hedge.

    Example:
        >>> t = "The data suggest a shift. He suggested that they meet."
        >>> s = Sentence(t, 0, len(t))
        >>> evidential_verb(s, 2, 3), evidential_verb(s, 6, 7)
        ('', 'reporting verb')
    """
    form = s.low[i]
    k = i - 1
    if form.endswith("ed") and s.word(k) in ("is", "are", "was", "were", "been", "be"):
        return ""  # agentless passive: "it has been suggested that"
    while k >= 0 and (in_list("subject_skip", s.low[k]) or s.low[k].endswith(("ly", "n't"))):
        k -= 1
    if form.endswith("ing"):
        if in_list("gerund_preposition", s.word(k)):
            return "reporting verb"  # "rebuked Mr. Trump for suggesting that"
        if not s.joined(k):
            # ", suggesting that ...": a speaker's participle when the clause before has a verb of saying.
            forms = reporting_forms()[2]
            return "reporting verb" if any(w in forms for w in s.low[:k + 1]) else ""
    if k >= 0 and s.low[k] in ("and", "but", "or"):
        # "they want lower rates and suggest that": the subject of the first verb
        before = range(k - 1, max(-1, k - 9), -1)
        return "reporting verb" if any(_speaker(s, x) for x in before) else ""
    if k < 0 or in_list("evidence_subject", s.low[k]):
        return ""
    return "reporting verb" if _speaker(s, k) else ""


def _speaker(s: Sentence, k: int) -> bool:
    """Token ``k`` names a person or group who speaks: a pronoun, a capitalised name, a word for people."""
    return s.text[s.words[k][0]].isupper() or in_list("speaker_subject", s.low[k])


def appear(s: Sentence, i: int, j: int) -> str:
    """Why "appear" means show up, or ``""``.

    Example:
        >>> t = "She appeared on TV. He appears tired."
        >>> appear(Sentence(t, 0, 19), 1, 2), appear(Sentence(t, 20, len(t)), 1, 2)
        ('show up', '')
    """
    if not s.bare_after(s.words[j - 1][1]) or in_list("appear_not_before", s.word(j)):
        return "show up"
    return ""


def potential(s: Sentence, i: int, j: int) -> str:
    """Why "potential" is the noun, or ``""``.

    Example:
        >>> t = "Their God-given potential. A potential rival."
        >>> potential(Sentence(t, 0, 26), 2, 3), potential(Sentence(t, 27, len(t)), 1, 2)
        ('noun', '')
    """
    if not s.bare_after(s.words[j - 1][1]) or in_list("potential_noun_next", s.word(j)):
        return "noun"
    return ""


def might(s: Sentence, i: int, j: int) -> str:
    """Why "might" is the noun ("military might") or a rhetorical formula ("you might ask"), or ``""``.

    Example:
        >>> t = "Its military might grew."
        >>> might(Sentence(t, 0, len(t)), 2, 3)
        'noun'
    """
    if in_list("might_noun", s.word(i - 1)) or not s.bare_after(s.words[j - 1][1]):
        return "noun"
    if s.word(i - 1) in ("you", "one") and in_list("rhetorical_might", s.word(j)):
        return "rhetorical formula"
    return ""


def absolutely(s: Sentence, i: int, j: int) -> str:
    """Why "absolutely" is a degree intensifier, not a booster, or ``""``.

    Example:
        >>> t = "He's absolutely right. It is absolutely critical."
        >>> absolutely(Sentence(t, 0, 22), 1, 2), absolutely(Sentence(t, 23, len(t)), 2, 3)
        ('', 'degree intensifier')
    """
    if s.bare_after(s.words[j - 1][1]) and not in_list("absolutely_assertion", s.word(j)):
        return "degree intensifier"
    return ""


def could(s: Sentence, i: int, j: int) -> str:
    """Why "could" is past ability, purpose or a wish, or ``""``.

    Example:
        >>> t = "She left so he could rest. I could barely move. It could rain."
        >>> [could(Sentence(t, a, b), k, k + 1) for a, b, k in ((0, 26, 4), (27, 47, 1), (48, len(t), 1))]
        ['purpose or time', 'ability', '']
    """
    for k in (i - 2, i - 3):
        w = s.word(k)
        paired = {"that": s.word(k - 1) == "so", "as": s.word(k - 2) == "as"}  # "so that", "as high as"
        if in_list("could_purpose", w) and paired.get(w, True) and all(s.joined(x) for x in range(k, i)):
            return "purpose or time"
        if in_list("wish", w):
            return "wish"
    if in_list("could_ability", s.word(j)):
        return "ability"
    if any(s.low[k] == "if" for k in s.back(i, 5)):
        return "conditional"
    return ""


def may(s: Sentence, i: int, j: int) -> str:
    """Why "may" is permission or concession, or ``""``.

    Example:
        >>> t = "If I may, sir. As improbable as it may seem, it worked."
        >>> may(Sentence(t, 0, 14), 2, 3), may(Sentence(t, 15, len(t)), 4, 5)
        ('permission', 'concessive')
    """
    if any(s.low[k] == "if" for k in s.back(i, 3)):
        return "permission"
    if s.word(i - 2) == "as" and s.word(i - 4) == "as":
        return "concessive"
    return ""


# --- boosters ---------------------------------------------------------------------------------------------------


def negatable(s: Sentence, i: int, j: int) -> str:
    """Why a booster is negated or conditional ("not clear", "if indeed"), or ``""``.

    Example:
        >>> t = "It is not clear. If indeed he won."
        >>> negatable(Sentence(t, 0, 16), 3, 4), negatable(Sentence(t, 17, len(t)), 1, 2)
        ('negated', 'conditional')
    """
    back = s.back(i, 3)
    if any(in_list("negator", s.low[k]) or s.low[k].endswith("n't") for k in back):
        return "negated"
    if back and in_list("booster_condition", s.low[back[0]]):
        return "conditional"
    return ""


def clear(s: Sentence, i: int, j: int) -> str:
    """Why "clear" is not a booster ("steer clear of", "Real Clear Politics"), or ``""``.

    Example:
        >>> t = "They steered clear of it."
        >>> clear(Sentence(t, 0, len(t)), 2, 3)
        'not certainty'
    """
    if in_list("clear_not_before", s.word(j)):
        return "not certainty"
    if i > 0 and s.text[s.words[i][0]].isupper():
        return "name"
    return ""


#: Sense rules by the name used in the lexicons' ``sense`` column.
RULES: dict[str, Callable[[Sentence, int, int], str]] = {
    "would": would,
    "approximator": approximator,
    "likely": likely,
    "evidential_verb": evidential_verb,
    "appear": appear,
    "potential": potential,
    "might": might,
    "could": could,
    "may": may,
    "absolutely": absolutely,
    "negatable": negatable,
    "clear": clear,
}


def reason(rules: str, s: Sentence, start: int, end: int) -> str:
    """Why the match ``start:end`` fails one of ``rules`` (``|``-separated names), or ``""`` if it passes all.

    Example:
        >>> t = "Among likely voters."
        >>> reason("likely", Sentence(t, 0, len(t)), 6, 12)
        'poll category (likely voters)'
    """
    i = s.index(start)
    j = s.index(end)
    if j <= i:
        return ""
    for name in (r.strip() for r in rules.split("|")):
        if name:
            why = RULES[name](s, i, j)
            if why:
                return why
    return ""
