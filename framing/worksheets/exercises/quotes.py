"""Exercise 2, who is quoted: a passage per outlet; the key names each speaker, how they are quoted, and their origin.

Only answerable items: every speaker the key expects is named inside the
excerpt (:func:`named_in`; the excerpt is widened by a sentence or two until
it is, or the passage is not used). The key accepts direct and reported
speakers alike and every name variant (:func:`name_variants`: "Wang Yi",
"Wang"), and explains the borderline ones (a description rather than a name,
reported speech the tool found, a name given in full only elsewhere).
An excerpt whose speaker is a country or a pair of countries ("Both Russia
and China", "Beijing") is not used (:func:`is_place_speaker`): a country
does not speak, and students cannot tell who did.

Example:
    >>> from framing.model import Span, spans_to_frame
    >>> s = spans_to_frame([Span("a", "o", "quote", 0, 4, '"Hi"', speaker="Ann", category="europe")])
    >>> speaker_rows(s)[0]["speaker"], speaker_rows(s)[0]["n_quote"]
    ('Ann', 1)
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.features.quotes import NAMED_SOURCE_TYPES, named_sources
from framing.story import Story
from framing.worksheets.exercises.common import (
    Exercise,
    Item,
    Passage,
    Settings,
    by_outlet_order,
    candidate_passages,
    make_cue,
    pick,
    seeded,
    spans_in,
    widen,
)

#: Words that never name a speaker on their own (a last name is not one of them).
_NOT_NAMES = frozenset({"the", "of", "and", "for", "in", "on", "to", "a", "an", "de", "van", "von", "al"})


#: Actor kinds (the story's actors tables) that name a country, a bloc or a pair of them, not someone who speaks.
PLACE_KINDS: frozenset[str] = frozenset({"state", "bloc", "pair", "reference"})

_JOINS = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_LEADING = re.compile(r"^(?:both|the)\s+", re.IGNORECASE)


@lru_cache(maxsize=8)
def _place_terms(story: Story) -> frozenset[str]:
    """Lower-cased terms of the story's actors that name countries, blocs or pairs (a leading "the" dropped)."""
    return frozenset(_LEADING.sub("", t.term.lower()) for t in story.actor_terms() if t.kind in PLACE_KINDS)


def is_place_speaker(speaker: str, story: Story) -> bool:
    """Whether a speaker is only countries, blocs or pairs of them (the story's actors tables tell which).

    Example:
        >>> from framing.story import default_story
        >>> st = default_story()
        >>> [is_place_speaker(x, st) for x in ("Both Russia and China", "Moscow", "the two countries")]
        [True, True, True]
        >>> [is_place_speaker(x, st) for x in ("Wang Yi", "Xinhua news service", "")]
        [False, False, False]
    """
    parts = [_LEADING.sub("", p.strip()).lower() for p in _JOINS.split(_LEADING.sub("", speaker.strip()))]
    parts = [p for p in parts if p]
    terms = _place_terms(story)
    return bool(parts) and all(p in terms for p in parts)


def name_variants(speaker: str, label: str = "person") -> list[str]:
    """Ways a text names a speaker: the full name, without a leading "the", and a person's family name.

    The family name is the last word, or for a two-word name also the first
    (names written family name first: "Wang Yi" is "Wang").

    Example:
        >>> name_variants("Danil Bochkov")
        ['Danil Bochkov', 'Bochkov', 'Danil']
        >>> name_variants("Zsuzsa Anna Ferenczy")
        ['Zsuzsa Anna Ferenczy', 'Ferenczy']
        >>> name_variants("the Kremlin", "organisation")
        ['the Kremlin', 'Kremlin']
    """
    name = " ".join(speaker.split())
    out = [name]
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        out.append(" ".join(words[1:]))
    if label == "person" and len(words) > 1:
        family = [words[-1], words[0]] if len(words) == 2 else [words[-1]]
        out += [w for w in family if len(w) >= 3 and w.lower() not in _NOT_NAMES]
    return list(dict.fromkeys(out))


def named_in(text: str, speaker: str, label: str = "person") -> str:
    """The first variant of the speaker's name that occurs in ``text`` as whole words ("" if none does).

    Example:
        >>> named_in("“We call on all parties,” Wang said.", "Wang Yi")
        'Wang'
        >>> named_in("“We call on all parties,” he said.", "Wang Yi")
        ''
    """
    for variant in name_variants(speaker, label):
        if re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text, re.IGNORECASE):
            return variant
    return ""


def speaker_rows(spans: pd.DataFrame, text: str = "") -> list[dict[str, object]]:
    """One row per speaker (in order of first appearance) with how they are quoted and the names the key accepts.

    Args:
        spans: Quote and paraphrase rows.
        text: The excerpt; with it, ``named_as`` is the variant it uses ("" when the excerpt does not name them).

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "paraphrase", 0, 4, "it is", speaker="Ann Lee", label="person",
        ...                          category="china")])
        >>> r = speaker_rows(s, "Lee said it is.")[0]
        >>> r["how"], r["named_as"], r["accepted"], r["named"]
        ('reported', 'Lee', 'Ann Lee / Lee / Ann', True)
    """
    out: dict[str, dict[str, object]] = {}
    ordered = spans.sort_values(["article_id", "start"], kind="mergesort")
    for speaker, label_value, category, feature in zip(ordered["speaker"], ordered["label"], ordered["category"],
                                                       ordered["feature"], strict=True):
        name = str(speaker).strip()
        if not name:
            continue
        label = str(label_value)
        row = out.setdefault(name, {
            "speaker": name, "origin": str(category), "n_quote": 0, "n_paraphrase": 0,
            "named": label in NAMED_SOURCE_TYPES, "label": label,
            "accepted": " / ".join(name_variants(name, label)), "named_as": named_in(text, name, label),
        })
        key = "n_quote" if feature == "quote" else "n_paraphrase"
        row[key] = int(row[key]) + 1  # type: ignore[call-overload]
    for row in out.values():
        q, p = int(row["n_quote"]), int(row["n_paraphrase"])  # type: ignore[call-overload]
        row["how"] = "direct and reported" if q and p else "direct quote" if q else "reported"
    return list(out.values())


def expected(rows: list[dict[str, object]], features: tuple[str, ...]) -> list[dict[str, object]]:
    """The speakers every student should find: named sources of the level's features (``quote`` at intro)."""
    wanted = [r for r in rows if r["named"]]
    if "paraphrase" not in features:
        wanted = [r for r in wanted if int(r["n_quote"])]  # type: ignore[call-overload]
    return wanted


def _attributed(analysis: Analysis, passage: Passage) -> pd.DataFrame:
    found = spans_in(analysis, passage, ["quote", "paraphrase"])
    return found[found["speaker"].astype(str).str.strip() != ""]


def _answerable(analysis: Analysis, passage: Passage, features: tuple[str, ...]) -> bool:
    """Two or more expected speakers, every one named inside the excerpt, and no country among the speakers."""
    every = speaker_rows(_attributed(analysis, passage), passage.text)
    if any(is_place_speaker(str(r["speaker"]), analysis.story) for r in every):
        return False
    rows = expected(every, features)
    return len(rows) >= 2 and all(r["named_as"] for r in rows)


def _check(row: dict[str, object]) -> str:
    """Why a key's speaker is borderline ("" if not)."""
    name, named_as = str(row["speaker"]), str(row["named_as"])
    if not row["named"]:
        return f"\"{name}\" is a description, not a name: accept it, or any close wording"
    if not named_as:
        return f"{name} is not named in the excerpt (the tool follows the article): do not expect it"
    if row["how"] == "reported":
        return (f"{name}'s words are reported, not in quotation marks (found by the tool's paraphrase model, its "
                "least certain step): accept it, and check the tool's reading")
    if named_as != name:
        return f"the excerpt names {name} as \"{named_as}\": accept either"
    return ""


def quote_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Who is quoted: one passage per outlet naming two or more speakers; the key names them and their origin."""
    paraphrase = "paraphrase" in settings.quote_features
    ex = Exercise(
        kind="quotes",
        title="Who is quoted?",
        instructions=(
            "Read each passage. In the table, write everyone whose words are reported, in quotation marks or not: "
            "their name (or how they are described) and who they are: their job, organisation or country."
            + (" Also note whether their words are a direct quote (in quotation marks) or a paraphrase." if paraphrase
               else "")
        ),
    )
    by_outlet: dict[str, list[Passage]] = {}
    for p in candidate_passages(analysis, settings.quote_sentences, max_chars=settings.max_chars):
        found = _attributed(analysis, p)
        if not (found["feature"] == "quote").any():
            continue
        wide = widen(analysis, p, lambda q: _answerable(analysis, q, settings.quote_features),
                     max_chars=settings.max_chars * 5 // 4)
        if wide is not None:
            by_outlet.setdefault(p.outlet_id, []).append(wide)
    rng = seeded(seed, 2)
    outlets = sorted(by_outlet)
    if not outlets:
        ex.omitted = (
            f"no run of {settings.quote_sentences} sentences (or a little more) names two or more speakers whose "
            f"words it reports (the tool found {int((analysis.spans['feature'] == 'quote').sum())} quotes in all)"
        )
        return ex
    picked_outlets = [outlets[int(i)] for i in rng.permutation(len(outlets))[: settings.quote_outlets]]
    chosen = [pick(rng, by_outlet[o], 1, avoid=settings.avoid)[0] for o in picked_outlets]
    for p in by_outlet_order(analysis, chosen):
        found = _attributed(analysis, p)
        rows = speaker_rows(found, p.text)
        want = {str(r["speaker"]) for r in expected(rows, settings.quote_features)}
        shown = []
        for r in rows:  # a speaker the excerpt does not name is not an answer (the tool may also have misread)
            r["expected"] = str(r["speaker"]) in want
            r["note"] = _check(r)
            if r["named_as"] or not r["named"]:
                shown.append(r)
        item = Item(passage=p, cues=[make_cue(r, p) for _, r in found.iterrows()
                                     if str(r["feature"]) in settings.quote_features])
        item.facts["speakers"] = shown
        item.check = [f"{r['speaker']}: {r['note']}" for r in rows if r["note"]]
        ex.items.append(item)
    sources = comparison.sources
    s = analysis.spans
    for outlet_id, outlet_name in analysis.corpus.outlets:
        mine = s[(s["outlet_id"] == outlet_id) & s["feature"].isin(["quote", "paraphrase"])]
        n = int(sources.loc[outlet_id, "distinct_sources"]) if outlet_id in sources.index else len(named_sources(mine))
        top = str(sources.loc[outlet_id, "most_quoted"]) if outlet_id in sources.index else ""
        ex.overview.append({"outlet_id": outlet_id, "outlet_name": outlet_name, "n_sources": n,
                            "most_quoted": top, "sources": named_sources(mine)})
    if len(chosen) < settings.quote_outlets:
        ex.note = f"only {len(chosen)} outlet(s) had a passage naming two or more of the speakers it quotes"
    return ex
