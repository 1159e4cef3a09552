"""Exercise 4, blind source: anonymised excerpts; the key gives each outlet and its distinctive words.

The distinctive words are the comparison's (:attr:`framing.comparison.Comparison.keyness`).
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.matching import PhraseMatcher, normalise
from framing.worksheets.exercises.common import (
    Exercise,
    Item,
    Passage,
    Settings,
    candidate_passages,
    pick,
    seeded,
)


def outlet_aliases(outlet_id: str, outlet_name: str) -> tuple[list[str], list[str]]:
    """Ways an article may name its outlet: (case-insensitive phrases, case-sensitive acronyms).

    Example:
        >>> outlet_aliases("wapo", "The Washington Post")
        (['The Washington Post', 'Washington Post', 'the Post'], ['TWP', 'WP', 'WAPO'])
    """
    words = outlet_name.split()
    phrases = [outlet_name]
    if len(words) > 1 and words[0].lower() == "the":
        phrases.append(" ".join(words[1:]))
    if len(words) > 1:
        phrases.append(f"the {words[-1]}")
    caps = [w for w in words if w[:1].isupper()]
    acronyms = []
    if len(caps) > 1:
        acronyms.append("".join(w[0] for w in caps))
        if caps[0].lower() == "the" and len(caps) > 2:
            acronyms.append("".join(w[0] for w in caps[1:]))
    if outlet_id.isalpha() and len(outlet_id) >= 2:
        acronyms.append(outlet_id.upper())
    return list(dict.fromkeys(phrases)), list(dict.fromkeys(a for a in acronyms if len(a) >= 2))


def anonymise(text: str, names: Sequence[tuple[str, str]], authors: Sequence[str] = ()) -> str:
    """Replace outlet names, acronyms, self-references and author names by ``[outlet]`` / ``[author]``.

    Args:
        text: Excerpt text.
        names: ``(outlet_id, outlet_name)`` of every outlet of the corpus.
        authors: Author names (full names only: a last name alone may be someone else's).

    Example:
        >>> anonymise("As the Post and DW reported, WaPo's Ann Lee said.", [("dw", "Deutsche Welle"),
        ...           ("wapo", "The Washington Post")], ["Ann Lee"])
        "As [outlet] and [outlet] reported, [outlet]'s [author] said."
    """
    phrases: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for outlet_id, name in names:
        ph, ac = outlet_aliases(outlet_id, name)
        phrases.update({p: "[outlet]" for p in ph})
        phrases.update({outlet_id: "[outlet]"} if outlet_id.isalpha() and len(outlet_id) > 3 else {})
        acronyms.update({a: "[outlet]" for a in ac})
    for author in authors:
        if len(author.strip()) > 2:
            phrases[author.strip()] = "[author]"
    out = text
    for matcher in (PhraseMatcher(acronyms, case_sensitive=True), PhraseMatcher(phrases)):
        hits = list(matcher.finditer(out))
        for m in sorted(hits, key=lambda m: m.start, reverse=True):
            out = out[: m.start] + m.value + out[m.end :]
    return out


def blind_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Blind source: anonymised excerpts; the key gives each outlet and its distinctive words."""
    ex = Exercise(
        kind="blind",
        title="Blind source",
        instructions=(
            "The excerpts below come from different outlets; names that would give the outlet away are replaced "
            "by [outlet] or [author]. Decide which outlet wrote each excerpt, and write down the words or "
            "features that gave it away."
        ),
    )
    outlets = analysis.corpus.outlets
    if len(outlets) < 2:
        ex.omitted = "needs at least two outlets (the corpus has one)"
        return ex
    if settings.blind_outlets < 2:
        ex.omitted = "not part of this level (students need to have read every article of the pack first)"
        return ex
    keyness = comparison.keyness
    hidden = {normalise(a) for o, n in outlets for group in outlet_aliases(o, n) for a in group} | {
        normalise(o) for o, _ in outlets}
    top: dict[str, list[str]] = {}
    for o, rows in keyness.groupby("outlet_id", sort=True):
        terms = [str(t) for t in rows[rows["z_score"] > 0]["term"] if normalise(str(t)) not in hidden]
        top[str(o)] = terms[:30]
    by_outlet: dict[str, list[Passage]] = {}
    for p in candidate_passages(analysis, settings.blind_sentences, max_chars=settings.max_chars):
        by_outlet.setdefault(p.outlet_id, []).append(p)
    usable = [o for o, _ in outlets if by_outlet.get(o)]
    if len(usable) < 2:
        ex.omitted = f"fewer than two outlets have {settings.blind_sentences} consecutive full sentences"
        return ex
    rng = seeded(seed, 4)
    picked = sorted(usable[int(i)] for i in rng.permutation(len(usable))[: settings.blind_outlets])
    authors = sorted({a.author for a in analysis.corpus.articles if a.author.strip()})
    items: list[Item] = []
    for o in picked:
        pool = by_outlet[o]
        matcher = PhraseMatcher({t: t for t in top.get(o, [])})
        rich = [p for p in pool if len({m.value for m in matcher.finditer(p.text)}) >= 2]
        p = pick(rng, rich or pool, 1, avoid=settings.avoid)[0]
        text = anonymise(p.text, outlets, authors)
        found = sorted({m.value for m in matcher.finditer(text)}, key=lambda t: top[o].index(t))
        blind = Passage(p.article_id, p.outlet_id, p.outlet_name, p.start, p.end, text, p.sentences)
        items.append(Item(passage=blind, facts={"key_terms": top.get(o, [])[: settings.key_terms],
                                                "terms_in_excerpt": found}))
    order = rng.permutation(len(items))
    for letter, i in zip("ABCDEFGHIJ", order, strict=False):
        item = items[int(i)]
        item.letter = letter
        ex.items.append(item)
    names = dict(outlets)
    ex.choices = sorted({names[o] for o in picked})
    return ex
