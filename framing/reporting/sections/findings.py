"""The report's opening: the few largest differences between outlets that survive their uncertainty, in words.

A finding is a row of the one :class:`~framing.comparison.Comparison` whose
interval does not overlap the interval of all other outlets together
(``differs_from_rest`` set; never a row on too few hits, nor one of the labels
about other relationships, which are not story figures). Findings are ranked
by effect size (:func:`effect_size`: the ratio of the outlet's figure to the
rest's, on a log scale; for a signed tone score, the difference), one per
outlet and feature, and at most :data:`MAX_FINDINGS` are kept. Each says in
plain words what differs (:func:`sentence`) and names the first span behind
it, so the report can link to the highlighted words. The worksheet can reuse
:func:`findings` as it is.

Example:
    >>> from framing import analyze, load_corpus
    >>> from framing.comparison import compare
    >>> analysis = analyze(load_corpus())
    >>> found = findings(compare(analysis, reps=50), analysis)
    >>> 1 <= len(found) <= MAX_FINDINGS and all(f.span >= 0 for f in found)
    True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.reporting.formatting import fmt_value
from framing.reporting.wording import actor_name, origin_name, times
from framing.story import Story

#: The most findings the report opens with.
MAX_FINDINGS = 7
#: Effect sizes are capped here (log2 units: 5 is 32 times), so "none in the others" does not swamp the ranking.
MAX_EFFECT = 5.0
#: A difference of this much on a -1..1 score ranks like a doubling of a rate.
SCORE_PER_DOUBLING = 0.25
#: Measures (key prefix) left out of the findings: labels about other relationships are not story figures.
OFF_STORY = "label_about_"
#: Characters of context shown each side of a finding's first span.
EXCERPT_CONTEXT = 110
#: Kinds whose value is a non-negative amount (ratios make sense).
_AMOUNTS = ("rate", "share_words", "share_sentences", "share_of", "distinct")
_SHARES = ("share_words", "share_sentences", "share_of")

#: What a rate measure counts, as a verb phrase after the outlet's name (key -> phrase).
_RATE_PHRASES: dict[str, str] = {
    "label_per_1000_words": "labels the relationship",
    "label_affirmed_per_1000_words": "affirms a label for the relationship",
    "label_negated_per_1000_words": "denies a label for the relationship (\"not an alliance\")",
    "label_hypothetical_per_1000_words": "uses a label for the relationship as a possibility (\"could become allies\")",
    "label_own_per_1000_words": "labels the relationship in its own voice",
    "label_sources_per_1000_words": "quotes sources who label the relationship",
    "label_about_other_relationships_per_1000_words": "labels other relationships than the story's",
    "hedge_per_1000_words": "hedges (\"may\", \"reportedly\")",
    "hedge_own_per_1000_words": "hedges in its own voice",
    "hedge_sources_per_1000_words": "quotes sources who hedge",
    "booster_per_1000_words": "uses boosters (\"clearly\", \"certainly\")",
    "booster_own_per_1000_words": "uses boosters in its own voice",
    "booster_sources_per_1000_words": "quotes sources who use boosters",
    "attributions_per_1000_words": "quotes or paraphrases sources",
}


@dataclass(frozen=True)
class Finding:
    """One difference between an outlet and the rest, in words.

    Attributes:
        outlet_id: The outlet.
        outlet: Its name.
        measure: The measure key (a row of the comparison table).
        group: The measure's group in the comparison table.
        direction: ``"higher"`` or ``"lower"`` than the rest.
        effect: Effect size (see :func:`effect_size`).
        text: The finding in plain words.
        span: Span-table row of the first span behind it (-1: none).
    """

    outlet_id: str
    outlet: str
    measure: str
    group: str
    direction: str
    effect: float
    text: str
    span: int


def effect_size(kind: str, value: float, rest: float) -> float:
    """How far an outlet's figure is from the rest's, in log2 units (capped at :data:`MAX_EFFECT`).

    Amounts (rates, shares, counts) compare by ratio; a signed score (tone)
    by difference, :data:`SCORE_PER_DOUBLING` ranking like a doubling.

    Example:
        >>> effect_size("rate", 4.0, 2.0), effect_size("rate", 1.0, 4.0), effect_size("mean", -0.2, 0.05)
        (1.0, 2.0, 1.0)
        >>> effect_size("share_of", 10.0, 0.0)
        5.0
    """
    if any(math.isnan(x) for x in (value, rest)):
        return math.nan
    if kind in _AMOUNTS:
        if value <= 0 or rest <= 0:
            return MAX_EFFECT if value != rest else 0.0
        return min(MAX_EFFECT, abs(math.log2(value / rest)))
    return min(MAX_EFFECT, abs(value - rest) / SCORE_PER_DOUBLING)


def _ratio(value: float, rest: float) -> float:
    return math.inf if rest <= 0 else value / rest


def sentence(row: Any, story: Story) -> str:
    """One comparison row (outlet against the rest) as a plain sentence.

    Args:
        row: A row of :attr:`~framing.comparison.Comparison.table` (``measure``,
            ``name``, ``unit``, ``kind``, ``outlet_name``, ``value``, ``rest_value``).
        story: The story (names the actors and the relationship).

    Example:
        >>> from types import SimpleNamespace
        >>> from framing.story import default_story
        >>> r = SimpleNamespace(measure="hedge_own_per_1000_words", name="hedges, outlet's own voice",
        ...                     unit="per 1,000 words", kind="rate", outlet_name="DW", value=10.0, rest_value=5.1)
        >>> sentence(r, default_story())
        'DW hedges in its own voice about twice as often as the other outlets (10.0 against 5.1 per 1,000 words).'
    """
    key, kind, outlet = str(row.measure), str(row.kind), str(row.outlet_name)
    v, rest = float(row.value), float(row.rest_value)
    nums = f"{fmt_value(v, kind)} against {fmt_value(rest, kind)}"
    if kind == "rate":
        phrase = _RATE_PHRASES.get(key)
        if phrase is None and key.startswith("label_"):
            phrase = f"labels the relationship \"{str(row.name).split(': ', 1)[-1]}\""
        elif phrase is None:
            phrase = f"has {row.name}"
        if v <= 0:
            return f"{outlet} never {phrase}; the other outlets do ({fmt_value(rest, kind)} {row.unit})."
        if rest <= 0:
            return f"Only {outlet} {phrase} ({fmt_value(v, kind)} {row.unit}; the other outlets: none)."
        return f"{outlet} {phrase} {times(_ratio(v, rest))} as often as the other outlets ({nums} {row.unit})."
    if kind in _SHARES:
        subject = _share_subject(key, str(row.name), story)
        ratio = _ratio(v, rest)
        if v <= 0:
            return f"None of {outlet}'s {subject}; in the other outlets, {fmt_value(rest, kind)}%."
        mult = times(ratio)
        share = "" if math.isinf(ratio) else f" ({mult}{' of' if ratio < 0.8 else ''} the share)"
        return (f"{fmt_value(v, kind)}% of {outlet}'s {subject}, against {fmt_value(rest, kind)}% in the other "
                f"outlets{share}.")
    if kind == "mean":
        way = "more positively" if v > rest else "more negatively"
        if key.startswith("actor_") and key.endswith("_tone_mean"):
            actor = actor_name(story, key[len("actor_"):-len("_tone_mean")])
            return (f"{outlet} writes about {actor} {way} than the other outlets "
                    f"(mean tone {nums}, on a scale from −1 to 1).")
        return f"{outlet}'s {row.name} is {way.split()[1]} than the other outlets' ({nums}, on a scale from −1 to 1)."
    word = "higher" if v > rest else "lower"
    return f"{outlet}: {row.name} is {word} than in the other outlets ({nums} {row.unit})."


def _share_subject(key: str, name: str, story: Story) -> str:
    """What a share measure's percentage is of, as "<base> <predicate>"."""
    if key == "quote_share_of_words_pct":
        return "words are direct quotes"
    if key == "paraphrase_share_of_words_pct":
        return "words are attributed paraphrase"
    if key.startswith("source_origin_") and key.endswith("_share_pct"):
        origin = key[len("source_origin_"):-len("_share_pct")]
        where = origin_name(origin)
        if origin == "unknown":
            return "quotes and paraphrases come from sources with no stated place"
        return f"quotes and paraphrases come from sources in {'the ' if where.isupper() else ''}{where}"
    if key.startswith("frame_") and key.endswith("_sentences_pct"):
        return f"sentences carry cues of the “{', '.join(name.split(': ', 1)[-1].split())}” frame"
    if key == "sentences_negative_pct":
        return "sentences read as negative"
    if key == "sentences_positive_pct":
        return "sentences read as positive"
    return f"{name}"


def findings(comparison: Comparison, analysis: Analysis, *, shown_spans: set[int] | None = None,
             limit: int = MAX_FINDINGS) -> list[Finding]:
    """The largest differences that survive their uncertainty, strongest first (empty: nothing separates).

    Args:
        comparison: The one comparison (its rows with ``differs_from_rest`` set).
        analysis: The analysis behind it (its span table: where the evidence is).
        shown_spans: Span rows shown in the evidence (None: all); a finding links
            to the first of its spans that is shown, or for an outlet that has
            none, to the first shown span of the outlet with the most.
        limit: At most this many findings (one per outlet and feature).
    """
    table = comparison.table
    if not len(table):
        return []
    n_spans = len(analysis.spans)

    def shown(i: int) -> bool:
        return 0 <= i < n_spans and (shown_spans is None or i in shown_spans)

    rows = table[(table["differs_from_rest"].astype(str) != "") & ~table["few_hits"].astype(bool)
                 & ~table["measure"].astype(str).str.startswith(OFF_STORY)]
    cands: list[Finding] = []
    for row in rows.itertuples(index=False):
        effect = effect_size(str(row.kind), float(row.value), float(row.rest_value))
        if math.isnan(effect) or effect <= 0:
            continue
        span = int(row.first_span)
        if not shown(span):  # the outlet has none (lower): show where the others have it
            others = table[(table["measure"] == row.measure) & (table["outlet_id"] != row.outlet_id)]
            others = others.sort_values("value", ascending=False, kind="stable")
            span = next((int(s) for s in others["first_span"] if shown(int(s))), -1)
        cands.append(Finding(str(row.outlet_id), str(row.outlet_name), str(row.measure), str(row.group),
                             str(row.differs_from_rest), effect, sentence(row, comparison.story), span))
    order = {m.key: i for i, m in enumerate(comparison.measures)}
    cands.sort(key=lambda f: (-f.effect, order.get(f.measure, len(order)), f.outlet_id))
    seen: set[tuple[str, str]] = set()
    out: list[Finding] = []
    feature = dict(zip(table["measure"], table["feature"], strict=False))
    for f in cands:
        key = (f.outlet_id, str(feature.get(f.measure, f.measure)) or f.measure)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
        if len(out) == limit:
            break
    return out


def excerpt(analysis: Analysis, span: int, *, context: int = EXCERPT_CONTEXT) -> dict[str, str] | None:
    """The words around a span (cut at word boundaries), for showing a finding's evidence in print.

    Returns ``{"before", "match", "after"}`` (plain text), or None for no span.
    """
    if span < 0 or span >= len(analysis.spans):
        return None
    row = analysis.spans.iloc[span]
    text = next((a.text for a in analysis.corpus.articles if a.id == str(row["article_id"])), "")
    start, end = int(row["start"]), int(row["end"])
    if not text or end > len(text):
        return None
    lo, hi = max(0, start - context), min(len(text), end + context)
    before, after = text[lo:start], text[end:hi]
    if lo > 0:
        before = "…" + before.split(" ", 1)[-1] if " " in before else before
    if hi < len(text):
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after
    return {"before": re.sub(r"\s+", " ", before), "match": re.sub(r"\s+", " ", text[start:end]),
            "after": re.sub(r"\s+", " ", after)}
