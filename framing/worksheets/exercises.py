"""Classroom exercises built from the span table: pure functions of an :class:`~framing.pipeline.Analysis`.

Every answer in the teacher's key is a row (or an aggregate of rows) of the
span table; nothing is re-extracted. Passages are runs of consecutive
sentences (``sentence`` spans) and are drawn with ``numpy.random.default_rng``
seeded by ``(seed, exercise number)``, so the same seed gives the same
worksheet. An exercise whose material is too thin is kept with ``omitted`` set
to the reason (the key prints it; the student sheet leaves the exercise out).

Exercises (:func:`build_worksheet`):

1. *Spot the hedges* -- a passage; the key lists each ``hedge`` (and, at the
   advanced level, ``booster``) span with its cue category and voice.
2. *Who is quoted?* -- a passage per outlet; the key lists the speakers of the
   ``quote`` (advanced: also ``paraphrase``) spans and their origin (``category``).
3. *Label detective* -- sentences with ``relationship_label`` spans; the key
   gives label, voice and polarity.
4. *Blind source* -- one excerpt per outlet with outlet names, self-references
   and author names replaced by ``[outlet]``/``[author]``; the key gives the
   outlet and its distinctive words (:func:`framing.comparison.keyness.keyness_table`).
5. *Readability* -- passages to rank, with Flesch-Kincaid grades in the key.
6. *Discussion* -- questions on the biggest between-outlet differences of the
   comparison table (:func:`framing.comparison.rates.compare_outlets`).

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.pipeline import analyze
    >>> ws = build_worksheet(analyze(load_corpus()), level="intro", seed=1)
    >>> [e.kind for e in ws.exercises]
    ['hedges', 'quotes', 'labels', 'blind', 'readability', 'discussion']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing.errors import FramingError, value_invalid_msg
from framing.features._matching import PhraseMatcher, normalise
from framing.pipeline import Analysis

#: Worksheet levels.
LEVELS: tuple[str, ...] = ("intro", "advanced")

#: A sentence shorter than this (in words) is page furniture ("Photo: Tass"), never part of a passage.
MIN_SENTENCE_WORDS = 6

#: Longest passage shown, in characters (a passage must fit on a printed page with room to write).
MAX_PASSAGE_CHARS = 1100

#: Plain-words reason each hedge/booster cue category weakens or strengthens a claim.
CUE_WHY: dict[str, str] = {
    "modal": "a modal verb: presents the claim as possible, not certain",
    "adverb": "an adverb of likelihood: signals the writer is not fully committed",
    "adjective": "an adjective of likelihood: the claim is probable or possible, not a fact",
    "approximator": "an approximator: makes a number or degree vaguer",
    "distancing": "a distancing word: keeps the writer apart from the claim",
    "evidential": "an evidential: the claim rests on appearance or report, not on knowledge",
    "lexical_verb": "a verb of belief or appearance (suggest, seem, believe): softens the claim",
    "multiword": "a hedging phrase: a fixed expression that softens the claim",
    "opinion": "an opinion marker: presents the claim as someone's view",
}
BOOSTER_WHY = "a booster: presents the claim as certain, shutting out doubt"

#: Plain words for the voice column.
VOICE_WORDS: dict[str, str] = {
    "authorial": "the outlet's own voice",
    "direct_quote": "a direct quote",
    "attributed_paraphrase": "a paraphrase of a source",
    "": "the outlet's own voice",
}


@dataclass(frozen=True)
class Settings:
    """How much each exercise asks of students at one level."""

    hedge_passages: int
    hedge_sentences: int
    hedge_min: int
    hedge_max: int
    hedge_features: tuple[str, ...]
    quote_outlets: int
    quote_sentences: int
    quote_features: tuple[str, ...]
    label_items: int
    blind_outlets: int
    blind_sentences: int
    readability_passages: int
    readability_gap: float
    discussion: int
    key_terms: int


SETTINGS: dict[str, Settings] = {
    "intro": Settings(
        hedge_passages=1, hedge_sentences=3, hedge_min=2, hedge_max=5, hedge_features=("hedge",),
        quote_outlets=2, quote_sentences=4, quote_features=("quote",), label_items=4,
        blind_outlets=3, blind_sentences=3, readability_passages=2, readability_gap=3.0, discussion=3, key_terms=6,
    ),
    "advanced": Settings(
        hedge_passages=2, hedge_sentences=4, hedge_min=3, hedge_max=8, hedge_features=("hedge", "booster"),
        quote_outlets=4, quote_sentences=5, quote_features=("quote", "paraphrase"), label_items=8,
        blind_outlets=5, blind_sentences=4, readability_passages=3, readability_gap=2.0, discussion=5, key_terms=10,
    ),
}


@dataclass(frozen=True)
class Passage:
    """A run of sentences of one article: ``text`` is ``Article.text[start:end]`` (or its anonymised form)."""

    article_id: str
    outlet_id: str
    outlet_name: str
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Cue:
    """One span of the span table shown in a key, with offsets relative to its passage."""

    feature: str
    start: int
    end: int
    rel_start: int
    rel_end: int
    text: str
    label: str = ""
    category: str = ""
    polarity: str = ""
    voice: str = ""
    speaker: str = ""
    why: str = ""


@dataclass
class Item:
    """A passage with the cues the key shows for it (and extra facts for the key)."""

    passage: Passage
    cues: list[Cue] = field(default_factory=list)
    letter: str = ""
    facts: dict[str, object] = field(default_factory=dict)


@dataclass
class Exercise:
    """One exercise: items for students, answers for the key, or the reason it was left out."""

    kind: str
    title: str
    instructions: str
    items: list[Item] = field(default_factory=list)
    overview: list[dict[str, object]] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    questions: list[dict[str, object]] = field(default_factory=list)
    omitted: str = ""
    note: str = ""


@dataclass
class Worksheet:
    """All exercises of one worksheet."""

    level: str
    seed: int
    title: str
    outlets: list[tuple[str, str]]
    n_articles: int
    exercises: list[Exercise]

    @property
    def included(self) -> list[Exercise]:
        """Exercises with enough material (the ones students get)."""
        return [e for e in self.exercises if not e.omitted]


# ---------------------------------------------------------------- passages


def _rng(seed: int, exercise: int) -> np.random.Generator:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, exercise])


def _sentences(analysis: Analysis, article_id: str) -> list[tuple[int, int, float]]:
    s = analysis.spans
    rows = s[(s["feature"] == "sentence") & (s["article_id"] == article_id)].sort_values("start", kind="mergesort")
    return [(int(a), int(b), float(w)) for a, b, w in zip(rows["start"], rows["end"], rows["score"], strict=True)]


def candidate_passages(analysis: Analysis, n_sentences: int) -> list[Passage]:
    """Every run of ``n_sentences`` consecutive content sentences, article by article, in order.

    A content sentence has at least :data:`MIN_SENTENCE_WORDS` words; runs
    longer than :data:`MAX_PASSAGE_CHARS` characters, and runs that start or
    end inside a direct quote (a quote the sentence splitter cut), are dropped.

    Example:
        >>> from framing.corpus.loading import load_corpus
        >>> from framing.pipeline import analyze
        >>> ps = candidate_passages(analyze(load_corpus()), 2)
        >>> all(len(p.sentences) == 2 for p in ps)
        True
    """
    out: list[Passage] = []
    s = analysis.spans
    quotes = s[s["feature"] == "quote"]
    for article in analysis.corpus.articles:
        sents = _sentences(analysis, article.id)
        mine = quotes[quotes["article_id"] == article.id]
        cut = list(zip(mine["start"].astype(int), mine["end"].astype(int), strict=True))
        for i in range(len(sents) - n_sentences + 1):
            run = sents[i : i + n_sentences]
            if any(w < MIN_SENTENCE_WORDS for _, _, w in run):
                continue
            start, end = run[0][0], run[-1][1]
            if end - start > MAX_PASSAGE_CHARS or any(a < start < b or a < end < b for a, b in cut):
                continue
            out.append(
                Passage(article.id, article.outlet_id, article.outlet_name, start, end, article.text[start:end],
                        tuple((a, b) for a, b, _ in run))
            )
    return out


def spans_in(analysis: Analysis, passage: Passage, features: Sequence[str]) -> pd.DataFrame:
    """Spans of these features lying wholly inside the passage, by position.

    Example:
        >>> from framing.corpus.loading import load_corpus
        >>> from framing.pipeline import analyze
        >>> a = analyze(load_corpus())
        >>> p = candidate_passages(a, 3)[0]
        >>> bool((spans_in(a, p, ["sentence"])["start"] >= p.start).all())
        True
    """
    s = analysis.spans
    mask = (
        (s["article_id"] == passage.article_id)
        & s["feature"].isin(list(features))
        & (s["start"] >= passage.start)
        & (s["end"] <= passage.end)
    )
    return s[mask].sort_values(["start", "end", "feature"], kind="mergesort")


def _cue(row: pd.Series, passage: Passage, why: str = "") -> Cue:
    return Cue(
        feature=str(row["feature"]), start=int(row["start"]), end=int(row["end"]),
        rel_start=int(row["start"]) - passage.start, rel_end=int(row["end"]) - passage.start,
        text=str(row["text"]), label=str(row["label"]), category=str(row["category"]),
        polarity=str(row["polarity"]), voice=str(row["voice"]), speaker=str(row["speaker"]), why=why,
    )


def _pick(rng: np.random.Generator, items: Sequence[Passage], k: int, *,
          distinct_articles: bool = True) -> list[Passage]:
    """Up to ``k`` passages drawn without replacement (at most one per article), in drawn order."""
    order = rng.permutation(len(items)) if items else np.array([], dtype=int)
    out: list[Passage] = []
    used: set[str] = set()
    for i in order:
        p = items[int(i)]
        if distinct_articles and p.article_id in used:
            continue
        out.append(p)
        used.add(p.article_id)
        if len(out) == k:
            break
    return out


def _by_outlet_order(analysis: Analysis, passages: list[Passage]) -> list[Passage]:
    order = {o: i for i, (o, _) in enumerate(analysis.corpus.outlets)}
    return sorted(passages, key=lambda p: (order.get(p.outlet_id, 0), p.article_id, p.start))


# ---------------------------------------------------------------- 1. hedges


def hedge_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Spot the hedges: passages with a few hedges; the key lists each with its cue category."""
    boosters = "booster" in settings.hedge_features
    ex = Exercise(
        kind="hedges",
        title="Spot the hedges" + (" and boosters" if boosters else ""),
        instructions=(
            "A hedge is a word that makes a claim less certain (may, perhaps, likely). Underline every hedge "
            "in the passage, then copy the hedges onto the lines below."
            if not boosters
            else "Underline every hedge (a word that makes a claim less certain: may, perhaps, likely) and circle "
            "every booster (a word that makes it sound certain: clearly, no doubt). For each, note whose voice it "
            "is in: the outlet's own, a direct quote, or a paraphrase of a source."
        ),
    )
    candidates = []
    for p in candidate_passages(analysis, settings.hedge_sentences):
        found = spans_in(analysis, p, settings.hedge_features)
        n_hedges = int((found["feature"] == "hedge").sum())
        if settings.hedge_min <= n_hedges and len(found) <= settings.hedge_max:
            candidates.append(p)
    chosen = _pick(_rng(seed, 1), candidates, settings.hedge_passages)
    if not chosen:
        ex.omitted = (
            f"no run of {settings.hedge_sentences} sentences holds between {settings.hedge_min} and "
            f"{settings.hedge_max} cues the tool found (it found {int((analysis.spans['feature'] == 'hedge').sum())} "
            "hedges in all)"
        )
        return ex
    for p in _by_outlet_order(analysis, chosen):
        cues = []
        for _, row in spans_in(analysis, p, settings.hedge_features).iterrows():
            why = BOOSTER_WHY if row["feature"] == "booster" else CUE_WHY.get(str(row["category"]), "a hedge")
            cues.append(_cue(row, p, why))
        ex.items.append(Item(passage=p, cues=cues))
    if len(chosen) < settings.hedge_passages:
        ex.note = f"only {len(chosen)} passage(s) had enough hedges (asked for {settings.hedge_passages})"
    return ex


# ---------------------------------------------------------------- 2. quotes


def _attributed(analysis: Analysis, passage: Passage, features: Sequence[str]) -> pd.DataFrame:
    found = spans_in(analysis, passage, features)
    return found[found["speaker"].astype(str).str.strip() != ""]


def speaker_rows(spans: pd.DataFrame) -> list[dict[str, object]]:
    """One row per speaker (in order of first appearance): speaker, origin, counts of quotes/paraphrases.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "quote", 0, 4, '"Hi"', speaker="Ann", category="china")])
        >>> speaker_rows(s)
        [{'speaker': 'Ann', 'origin': 'china', 'n_quote': 1, 'n_paraphrase': 0}]
    """
    out: dict[str, dict[str, object]] = {}
    for _, r in spans.sort_values(["article_id", "start"], kind="mergesort").iterrows():
        name = str(r["speaker"]).strip()
        if not name:
            continue
        row = out.setdefault(name, {"speaker": name, "origin": str(r["category"]), "n_quote": 0, "n_paraphrase": 0})
        key = "n_quote" if r["feature"] == "quote" else "n_paraphrase"
        row[key] = int(row[key]) + 1  # type: ignore[call-overload]
    return list(out.values())


def quote_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Who is quoted: one passage per outlet with quoted speakers; the key names them and their origin."""
    paraphrase = "paraphrase" in settings.quote_features
    ex = Exercise(
        kind="quotes",
        title="Who is quoted?",
        instructions=(
            "Read each passage. In the table, write everyone who is quoted: their name (or how they are described) "
            "and who they are: their job, organisation or country."
            + (" Also note whether their words are a direct quote (in quotation marks) or a paraphrase." if paraphrase
               else "")
        ),
    )
    by_outlet: dict[str, list[Passage]] = {}
    for p in candidate_passages(analysis, settings.quote_sentences):
        found = _attributed(analysis, p, settings.quote_features)
        if (found["feature"] == "quote").any() and found["speaker"].nunique() >= 2:
            by_outlet.setdefault(p.outlet_id, []).append(p)
    rng = _rng(seed, 2)
    outlets = sorted(by_outlet)
    if not outlets:
        ex.omitted = (
            f"no run of {settings.quote_sentences} sentences quotes two or more named speakers "
            f"(the tool found {int((analysis.spans['feature'] == 'quote').sum())} quotes in all)"
        )
        return ex
    picked_outlets = [outlets[int(i)] for i in rng.permutation(len(outlets))[: settings.quote_outlets]]
    chosen = [_pick(rng, by_outlet[o], 1)[0] for o in picked_outlets]
    for p in _by_outlet_order(analysis, chosen):
        found = _attributed(analysis, p, settings.quote_features)
        item = Item(passage=p, cues=[_cue(r, p) for _, r in found.iterrows()])
        item.facts["speakers"] = speaker_rows(found)
        ex.items.append(item)
    s = analysis.spans
    for outlet_id, outlet_name in analysis.corpus.outlets:
        mine = s[(s["outlet_id"] == outlet_id) & s["feature"].isin(list(settings.quote_features))]
        rows = speaker_rows(mine)
        origins: dict[str, int] = {}
        for r in rows:
            origins[str(r["origin"])] = origins.get(str(r["origin"]), 0) + 1
        ex.overview.append({"outlet_id": outlet_id, "outlet_name": outlet_name, "n_speakers": len(rows),
                            "origins": sorted(origins.items(), key=lambda t: (-t[1], t[0])), "speakers": rows})
    if len(chosen) < settings.quote_outlets:
        ex.note = f"only {len(chosen)} outlet(s) had a passage quoting two or more speakers"
    return ex


# ---------------------------------------------------------------- 3. labels


def label_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Label detective: sentences with relationship labels; the key gives label, voice and polarity."""
    advanced = settings.label_items > SETTINGS["intro"].label_items
    ex = Exercise(
        kind="labels",
        title="Label detective",
        instructions=(
            "Each sentence describes a relationship between countries. Write the word or phrase that names the "
            "relationship (for example ally, partner, friendship). Then tick who is speaking, and whether the sentence "
            + ("affirms the label, denies it, treats it as a possibility (hypothetical) or asks it as a question."
               if advanced else "says the relationship is like that, or says it is not.")
        ),
    )
    s = analysis.spans
    labels = s[s["feature"] == "relationship_label"]
    sentences = s[s["feature"] == "sentence"]
    texts = {a.id: a for a in analysis.corpus.articles}
    units: dict[str, list[Passage]] = {}
    for (article_id, sent), _ in labels.groupby(["article_id", "sentence"], sort=True):
        if int(sent) < 0:
            continue
        row = sentences[(sentences["article_id"] == article_id) & (sentences["sentence"] == sent)]
        if row.empty or float(row["score"].iloc[0]) < MIN_SENTENCE_WORDS:
            continue
        a, b = int(row["start"].iloc[0]), int(row["end"].iloc[0])
        if b - a > MAX_PASSAGE_CHARS // 2:
            continue
        art = texts[str(article_id)]
        units.setdefault(art.outlet_id, []).append(
            Passage(art.id, art.outlet_id, art.outlet_name, a, b, art.text[a:b], ((a, b),)))
    if sum(len(v) for v in units.values()) < 2:
        ex.omitted = f"fewer than two sentences with a relationship label (the tool found {len(labels)} labels)"
        return ex
    rng = _rng(seed, 3)
    pools = {o: [units[o][int(i)] for i in rng.permutation(len(units[o]))] for o in sorted(units)}
    if advanced:  # put a negated or quoted label first in each pool where there is one
        for o, pool in pools.items():
            def nuance(p: Passage) -> int:
                f = spans_in(analysis, p, ["relationship_label"])
                return int(((f["polarity"] != "affirmed") | (f["voice"] != "authorial")).any())
            pools[o] = sorted(pool, key=lambda p: -nuance(p))
    chosen: list[Passage] = []
    while len(chosen) < settings.label_items and any(pools.values()):
        for o in sorted(pools):  # round robin over outlets
            if pools[o] and len(chosen) < settings.label_items:
                chosen.append(pools[o].pop(0))
    for p in _by_outlet_order(analysis, chosen):
        ex.items.append(Item(passage=p, cues=[_cue(r, p) for _, r in spans_in(analysis, p, ["relationship_label"])
                                              .iterrows()]))
    for outlet_id, outlet_name in analysis.corpus.outlets:
        mine = labels[labels["outlet_id"] == outlet_id]
        counts: dict[str, dict[str, int]] = {}
        for _, r in mine.iterrows():
            c = counts.setdefault(str(r["label"]), {"own": 0, "sources": 0, "negated": 0, "total": 0})
            c["total"] += 1
            c["own" if str(r["voice"]) in ("authorial", "") else "sources"] += 1
            c["negated"] += int(r["polarity"] == "negated")
        ex.overview.append({
            "outlet_id": outlet_id, "outlet_name": outlet_name, "n_labels": len(mine),
            "labels": sorted(({"label": k, **v} for k, v in counts.items()),
                             key=lambda d: (-int(d["total"]), str(d["label"]))),  # type: ignore[call-overload]
        })
    return ex


# ---------------------------------------------------------------- 4. blind source


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


def blind_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Blind source: anonymised excerpts; the key gives each outlet and its distinctive words."""
    from framing.comparison.keyness import keyness_table

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
    keyness = keyness_table(analysis.corpus, min_count=2)
    hidden = {normalise(a) for o, n in outlets for group in outlet_aliases(o, n) for a in group} | {
        normalise(o) for o, _ in outlets}
    top: dict[str, list[str]] = {}
    for o, rows in keyness.groupby("outlet_id", sort=True):
        terms = [str(t) for t in rows[rows["z_score"] > 0]["term"] if normalise(str(t)) not in hidden]
        top[str(o)] = terms[:30]
    by_outlet: dict[str, list[Passage]] = {}
    for p in candidate_passages(analysis, settings.blind_sentences):
        by_outlet.setdefault(p.outlet_id, []).append(p)
    usable = [o for o, _ in outlets if by_outlet.get(o)]
    if len(usable) < 2:
        ex.omitted = f"fewer than two outlets have {settings.blind_sentences} consecutive full sentences"
        return ex
    rng = _rng(seed, 4)
    picked = sorted(usable[int(i)] for i in rng.permutation(len(usable))[: settings.blind_outlets])
    authors = sorted({a.author for a in analysis.corpus.articles if a.author.strip()})
    items: list[Item] = []
    for o in picked:
        pool = by_outlet[o]
        matcher = PhraseMatcher({t: t for t in top.get(o, [])})
        rich = [p for p in pool if len({m.value for m in matcher.finditer(p.text)}) >= 2]
        p = _pick(rng, rich or pool, 1)[0]
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


# ---------------------------------------------------------------- 5. readability


def readability_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Readability: passages to rank by difficulty; the key gives Flesch-Kincaid grades."""
    from framing.features.readability import readability

    k = settings.readability_passages
    ex = Exercise(
        kind="readability",
        title="Which is harder to read?",
        instructions=(
            f"Read the {k} passages. Rank them from hardest (1) to easiest ({k}) to read, and say what made the "
            "hardest one hard (long sentences? long or unusual words? many names?)."
        ),
    )
    pool = [p for p in candidate_passages(analysis, 4) if 60 <= len(p.text.split()) <= 170]
    rng = _rng(seed, 5)
    chosen: list[tuple[Passage, dict[str, float | int]]] = []
    for i in rng.permutation(len(pool)) if pool else []:
        p = pool[int(i)]
        if any(p.article_id == q.article_id for q, _ in chosen):
            continue
        m = readability(p.text)
        grade = float(m["fk_grade"])
        if math.isnan(grade) or any(abs(grade - float(n["fk_grade"])) < settings.readability_gap for _, n in chosen):
            continue
        chosen.append((p, m))
        if len(chosen) == k:
            break
    if len(chosen) < k:
        ex.omitted = (
            f"could not find {k} passages from different articles whose Flesch-Kincaid grades differ by at least "
            f"{settings.readability_gap:g} (a smaller gap is within the formula's noise on short passages)"
        )
        return ex
    ranked = sorted(range(k), key=lambda j: -float(chosen[j][1]["fk_grade"]))
    for j, (p, m) in enumerate(chosen):
        ex.items.append(Item(passage=p, letter=str(j + 1), facts={
            "fk_grade": float(m["fk_grade"]), "words_per_sentence": float(m["sentence_length_mean_words"]),
            "n_words": int(m["n_words"]), "flesch_reading_ease": float(m["flesch_reading_ease"]),
            "rank": ranked.index(j) + 1,
        }))
    ex.note = ("Flesch-Kincaid grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59 "
               "(textstat 0.7.8). On passages this short it is a rough guide; discuss where the class disagrees.")
    return ex


# ---------------------------------------------------------------- 6. discussion

#: Comparison measures a discussion question can be built on: key prefix -> question wording.
QUESTIONS: dict[str, str] = {
    "source_origin_china_share_pct": "{hi} gives {hi_v} of its quotes and paraphrases to Chinese sources; "
    "{lo} gives {lo_v}. Why might outlets turn to different sources, and how could that shape what readers believe?",
    "source_origin_russia_share_pct": "{hi} gives {hi_v} of its quotes and paraphrases to Russian sources; "
    "{lo} gives {lo_v}. Whose view of the relationship does each reader hear most?",
    "source_origin_us_share_pct": "{hi} gives {hi_v} of its quotes and paraphrases to US sources; {lo} gives "
    "{lo_v}. Does it matter which country's voices explain a story about China and Russia?",
    "label_negated_per_1000_words": "{hi} denies relationship labels (\"not an alliance\") {hi_v}; {lo} {lo_v}. "
    "What is gained by saying what a relationship is not?",
    "label_own_per_1000_words": "{hi} names the relationship in its own voice {hi_v}; {lo} {lo_v}. When should a "
    "newspaper label a relationship itself, and when should it leave that to the people it quotes?",
    "label_sources_per_1000_words": "In {hi}, labels for the relationship come from sources {hi_v}; in {lo} "
    "{lo_v}. Who gets to define the relationship in each outlet?",
    "hedge_per_1000_words": "{hi} uses hedges (may, likely, perhaps) {hi_v}; {lo} {lo_v}. Is more hedging a sign of "
    "caution, of uncertainty, or of something else?",
    "booster_per_1000_words": "{hi} uses boosters (clearly, no doubt) {hi_v}; {lo} {lo_v}. How does sounding "
    "certain change how convincing a report is?",
    "quote_share_of_words_pct": "Direct quotes make up {hi_v} of {hi}'s words but {lo_v} of {lo}'s. What does an "
    "article gain, and lose, by letting sources speak in their own words?",
    "sentences_negative_pct": "{hi} has {hi_v} negative sentences; {lo} {lo_v}. Is the difference in the events "
    "reported or in the way they are told?",
}
#: A share (e.g. of quotes) over fewer spans than this is too thin to discuss.
MIN_BASE = 5


def _fmt(value: float, unit: str) -> str:
    if unit.startswith("%"):
        return f"{value:.0f}%"
    if unit == "per 1,000 words":
        return f"{value:.1f} times per 1,000 words"
    return f"{value:.2f}"


def discussion_exercise(analysis: Analysis, settings: Settings, seed: int) -> Exercise:
    """Discussion questions on the largest between-outlet differences of the comparison table.

    Measures where an outlet's interval does not overlap the rest's (``differs_from_rest``) come first,
    then the largest relative spread ``(max - min) / max``; shares over fewer than :data:`MIN_BASE`
    spans are left out.
    """
    from framing.comparison.rates import compare_outlets, default_measures

    ex = Exercise(kind="discussion", title="Discuss",
                  instructions="Discuss in pairs, then write a short answer. Use examples from the passages above.")
    if len(analysis.corpus.outlets) < 2:
        ex.omitted = "needs at least two outlets (the corpus has one)"
        return ex
    measures = [m for m in default_measures(analysis.spans) if m.key in QUESTIONS]
    if not measures:
        ex.omitted = "the span table holds none of the measures the questions are built on"
        return ex
    table = compare_outlets(analysis.spans, analysis.articles, measures=measures, reps=200, seed=seed)
    table = table[(table["kind"] != "share_of") | (table["n_base"] >= MIN_BASE)].dropna(subset=["value"])
    ranked: list[tuple[int, float, str]] = []
    for key, rows in table.groupby("measure", sort=True):
        if len(rows) < 2 or int(rows["n_hits"].sum()) < 3:
            continue
        hi, lo = float(rows["value"].max()), float(rows["value"].min())
        if hi <= 0 or hi - lo <= 0:
            continue
        flagged = int((rows["differs_from_rest"].astype(str) != "").any())
        ranked.append((flagged, (hi - lo) / hi, str(key)))
    ranked.sort(key=lambda t: (-t[0], -t[1], t[2]))
    for _, spread, key in ranked[: settings.discussion]:
        rows = table[table["measure"] == key]
        rows = rows.sort_values(["value", "outlet_id"], ascending=[False, True], kind="mergesort")
        hi, lo = rows.iloc[0], rows.iloc[-1]
        unit = str(hi["unit"])
        text = QUESTIONS[key].format(hi=hi["outlet_name"], lo=lo["outlet_name"], hi_v=_fmt(float(hi["value"]), unit),
                                     lo_v=_fmt(float(lo["value"]), unit))
        ex.questions.append({
            "measure": key, "name": str(hi["name"]), "unit": unit, "text": text, "spread": spread,
            "rows": [{"outlet_name": str(r["outlet_name"]), "value": _fmt(float(r["value"]), unit),
                      "n_hits": int(r["n_hits"]), "caveats": str(r["caveats"])} for _, r in rows.iterrows()],
        })
    if not ex.questions:
        ex.omitted = "no measure differs between outlets with at least three spans behind it"
    return ex


# ---------------------------------------------------------------- the worksheet

BUILDERS = (hedge_exercise, quote_exercise, label_exercise, blind_exercise, readability_exercise,
            discussion_exercise)


def build_worksheet(analysis: Analysis, *, level: str = "intro", seed: int = 0) -> Worksheet:
    """All exercises for one corpus analysis, at one level, drawn with one seed.

    Args:
        analysis: Result of :func:`framing.pipeline.analyze` (all families).
        level: ``intro`` (fewer items, simpler wording) or ``advanced`` (more items, voice and polarity).
        seed: Seed of every random draw; the same seed gives the same worksheet.

    Returns:
        A :class:`Worksheet`; exercises without enough material carry ``omitted``.
    """
    if level not in SETTINGS:
        raise FramingError(value_invalid_msg("level", level, list(LEVELS)))
    settings = SETTINGS[level]
    exercises = [build(analysis, settings, seed) for build in BUILDERS]
    title = "How do news outlets frame the same story?"
    return Worksheet(level=level, seed=seed, title=title, outlets=analysis.corpus.outlets,
                     n_articles=len(analysis.corpus.articles), exercises=exercises)
