"""Exercise 6, discussion: questions on the largest between-outlet differences of the one comparison.

Questions about sources name the story's places (its ``origins``) and the
story; every figure is a row of :attr:`framing.comparison.Comparison.table`.

Example:
    >>> _fmt(2.345, "per 1,000 words"), _fmt(12.6, "% of words")
    ('2.3 times per 1,000 words (about one every 430 words)', '13%')
"""

from __future__ import annotations

import pandas as pd

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.worksheets.exercises.common import Exercise, Settings

#: Comparison measures a discussion question can be built on: measure key -> question wording. A question that
#: says what the outlet itself does is built on a measure of the outlet's own voice (:data:`OUTLET_VOICE`).
QUESTIONS: dict[str, str] = {
    "label_negated_per_1000_words": "In {hi}, relationship labels are denied (\"not an alliance\"), by the outlet "
    "or by the people it quotes, {hi_v}; in {lo}, {lo_v}. What is gained by saying what a relationship is not?",
    "label_own_per_1000_words": "{hi} names the relationship in its own voice {hi_v}; {lo} {lo_v}. When should a "
    "newspaper label a relationship itself, and when should it leave that to the people it quotes?",
    "label_sources_per_1000_words": "In {hi}, labels for the relationship come from sources {hi_v}; in {lo} "
    "{lo_v}. Who gets to define the relationship in each outlet?",
    "hedge_own_per_1000_words": "In its own voice (not counting the people it quotes), {hi} uses hedges (may, "
    "likely, perhaps) {hi_v}; {lo} {lo_v}. Is more hedging a sign of caution, of uncertainty, or of something else?",
    "booster_own_per_1000_words": "In its own voice (not counting the people it quotes), {hi} uses boosters "
    "(clearly, no doubt) {hi_v}; {lo} {lo_v}. How does sounding certain change how convincing a report is?",
    "quote_share_of_words_pct": "Direct quotes make up {hi_v} of {hi}'s words but {lo_v} of {lo}'s. What does an "
    "article gain, and lose, by letting sources speak in their own words?",
    "sentences_negative_pct": "{hi} has {hi_v} negative sentences (its own and its quotes'); {lo} {lo_v}. Is the "
    "difference in the events reported or in the way they are told?",
}

#: Measures whose question says what the outlet itself does: each counts the outlet's own voice only.
OUTLET_VOICE: frozenset[str] = frozenset({"label_own_per_1000_words", "hedge_own_per_1000_words",
                                          "booster_own_per_1000_words"})

#: Questions on the share of sources from one origin: for the story's members (in turn), and for any other place.
MEMBER_QUESTIONS: tuple[str, ...] = (
    "{hi} gives {hi_v} of its quotes and paraphrases to sources from {where}; {lo} gives {lo_v}. Why might "
    "outlets turn to different sources, and how could that shape what readers believe?",
    "{hi} gives {hi_v} of its quotes and paraphrases to sources from {where}; {lo} gives {lo_v}. Whose view of the "
    "relationship does each reader hear most?",
)
OUTSIDE_QUESTION = ("{hi} gives {hi_v} of its quotes and paraphrases to sources from {where}; {lo} gives {lo_v}. "
                    "Does it matter which country's voices explain a story about {story}?")

#: Origins that name no place: no question is asked about them.
NO_PLACE: frozenset[str] = frozenset({"other", "unknown"})

#: A share (e.g. of quotes) over fewer spans than this is too thin to discuss.
MIN_BASE = 5


def place_words(origin: str) -> str:
    """An origin id in running text: abbreviations in capitals with "the", other names capitalised.

    Example:
        >>> place_words("us"), place_words("europe")
        ('the US', 'Europe')
    """
    return f"the {origin.upper()}" if len(origin) <= 3 else origin.replace("_", " ").title()


def questions(comparison: Comparison) -> dict[str, tuple[str, str]]:
    """Question wording and the place it names (or "") by measure key, for the comparison's story.

    Example:
        >>> from framing.story import default_story
        >>> from types import SimpleNamespace
        >>> q = questions(SimpleNamespace(story=default_story()))
        >>> q["source_origin_us_share_pct"][1], q["hedge_own_per_1000_words"][1]
        ('the US', '')
    """
    story = comparison.story
    out = {key: (text, "") for key, text in QUESTIONS.items()}
    for origin in story.origins:
        if origin in NO_PLACE:
            continue
        if origin in story.members:
            text = MEMBER_QUESTIONS[story.members.index(origin) % len(MEMBER_QUESTIONS)]
        else:
            text = OUTSIDE_QUESTION
        out[f"source_origin_{origin}_share_pct"] = (text, place_words(origin))
    return out


def one_every(per_1000: float) -> str:
    """A rate per 1,000 words as "about one every N words" (N rounded as people say it; "" for none).

    Example:
        >>> one_every(12.4), one_every(2.6), one_every(0.3), one_every(0.0)
        ('about one every 80 words', 'about one every 380 words', 'about one every 3,300 words', '')
    """
    if not per_1000 > 0:
        return ""
    n = 1000 / per_1000
    step = 1 if n < 20 else 5 if n < 100 else 10 if n < 1000 else 100
    return f"about one every {max(1, round(n / step)) * step:,} words"


def _fmt(value: float, unit: str) -> str:
    """A figure in a question's words (a rate per 1,000 words also as "about one every N words"; zero as "never").

    Example:
        >>> _fmt(0.0, "per 1,000 words")
        'never (0 times in the text)'
    """
    if unit.startswith("%"):
        return f"{value:.0f}%"
    if unit == "per 1,000 words":
        if value == 0:
            return "never (0 times in the text)"
        every = one_every(value)
        return f"{value:.1f} times per 1,000 words" + (f" ({every})" if every else "")
    return f"{value:.2f}"


def discussion_exercise(analysis: Analysis, comparison: Comparison, settings: Settings, seed: int) -> Exercise:
    """Discussion questions on the largest between-outlet differences of the comparison.

    Every figure is a row of the one comparison (:attr:`Comparison.table`),
    so it is the report's figure. Measures where an outlet's interval does
    not overlap the rest's (``differs_from_rest``) come first, then the
    largest relative spread ``(max - min) / max``; shares over fewer than
    :data:`MIN_BASE` spans are left out.
    """
    ex = Exercise(kind="discussion", title="Discuss",
                  instructions="Discuss in pairs, then write a short answer. Use examples from the passages above.")
    if len(comparison.outlets) < 2:
        ex.omitted = "needs at least two outlets (the corpus has one)"
        return ex
    wording = questions(comparison)
    table = comparison.table[comparison.table["measure"].isin(list(wording))]
    if table.empty:
        ex.omitted = "the span table holds none of the measures the questions are built on"
        return ex
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
    for flagged, spread, key in ranked[: settings.discussion]:
        rows = table[table["measure"] == key]
        rows = rows.sort_values(["value", "outlet_id"], ascending=[False, True], kind="mergesort")
        hi, lo = rows.iloc[0], rows.iloc[-1]
        unit = str(hi["unit"])
        template, where = wording[key]
        text = template.format(hi=hi["outlet_name"], lo=lo["outlet_name"], hi_v=_fmt(float(hi["value"]), unit),
                               lo_v=_fmt(float(lo["value"]), unit), where=where, story=comparison.story.name)
        ex.questions.append({
            "measure": key, "name": str(hi["name"]), "unit": unit, "text": text, "spread": spread,
            "rows": [{"outlet_name": str(r["outlet_name"]), "value": _fmt(float(r["value"]), unit),
                      "n_hits": int(r["n_hits"]), "caveats": str(r["caveats"])} for _, r in rows.iterrows()],
            "check": _checks(hi, lo, bool(flagged)),
        })
    if not ex.questions:
        ex.omitted = "no measure differs between outlets with at least three spans behind it"
    return ex


def _checks(hi: pd.Series, lo: pd.Series, flagged: bool) -> list[str]:
    """Why a question's figures are uncertain: what the teacher checks before class."""
    out = []
    if not flagged:
        out.append("no outlet's interval separates from the rest here: present the gap as something to look into, "
                   "not as a finding")
    for r in (hi, lo):
        if str(r["caveats"]):
            out.append(f"{r['outlet_name']}: {r['caveats']}")
    return out
