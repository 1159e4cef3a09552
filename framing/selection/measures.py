"""Selection measures per outlet, N-way: what it alone carries, what it leaves out, whom it shares and quotes.

Every measure is computed over the stories an outlet shares with at least one
other outlet; an outlet whose stories no other outlet covers gets NaN and a
caveat (selection needs something to compare with). The rows have the columns
of the comparison table (``outlet_id, measure, unit, value, lo, hi,
n_articles, n_hits, caveats``); shares get a percentile interval from
resampling the outlet's articles where it has five or more
(:mod:`framing.comparison.bootstrap`), else the Wilson interval of the counts,
in % like every share of the comparison; under ``MIN_HITS`` hits, no interval.

* ``selection_only_here``: share of the outlet's sentences that no other outlet carries;
* ``selection_left_out``: share of the story's shared content (sentence groups carried by two or more outlets)
  that the outlet does not carry;
* ``selection_shared_statements``: share of its attributed quotes and paraphrases that another outlet also carries;
* ``selection_cut_quotes``: its direct quotes that another outlet quotes at greater length;
* ``selection_sources_only_here`` / ``selection_sources_everyone``: named sources only it quotes / that every
  outlet of the story quotes.

Example:
    >>> [m for m, _, _ in MEASURES][:2]
    ['selection_only_here', 'selection_left_out']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from framing.comparison.bootstrap import DEFAULT_REPS, DEFAULT_SEED, generator, percentile_interval, resampled_sums
from framing.comparison.caveats import MIN_HITS, few_hits_text
from framing.comparison.intervals import wilson
from framing.comparison.rates import ARTICLE_BOOTSTRAP_MIN

#: Selection measures: key, unit, plain-words name.
MEASURES: tuple[tuple[str, str, str], ...] = (
    ("selection_only_here", "% of its sentences", "carried by no other outlet (\"only here\")"),
    ("selection_left_out", "% of shared content", "shared content it leaves out"),
    ("selection_shared_statements", "% of its quotes and paraphrases", "statements another outlet also carries"),
    ("selection_cut_quotes", "quotes", "quotes another outlet carries at greater length"),
    ("selection_sources_only_here", "sources", "named sources no other outlet quotes"),
    ("selection_sources_everyone", "sources", "named sources every outlet of the story quotes"),
)

#: Caveat of an outlet with no story shared with another outlet.
ALONE = "no other outlet covers its stories: selection not computed"


def content_units(alignments: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Group number of each counted sentence: sentences linked by alignments form one unit of content.

    Args:
        alignments: :data:`framing.selection.align.ALIGN_COLUMNS`.
        sentences: Counted sentences (``article_id``, ``start``), in a fixed order.

    Returns:
        One integer per sentence (index as ``sentences``).

    Example:
        >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [0, 9, 0]})
        >>> al = pd.DataFrame({"article_id": ["a"], "start": [0], "other_article_id": ["b"], "other_start": [0],
        ...                    "aligned": [True]})
        >>> content_units(al, s).tolist()
        [0, 1, 0]
    """
    key = {(str(a), int(s)): i for i, (a, s) in enumerate(zip(sentences["article_id"].tolist(),
                                                              sentences["start"].tolist(), strict=True))}
    hits = alignments[alignments["aligned"].astype(bool)]
    rows = [key.get((str(a), int(s)), -1) for a, s in zip(hits["article_id"].tolist(), hits["start"].tolist(),
                                                           strict=True)]
    cols = [key.get((str(a), int(s)), -1) for a, s in zip(hits["other_article_id"].tolist(),
                                                           hits["other_start"].tolist(), strict=True)]
    pairs = [(r, c) for r, c in zip(rows, cols, strict=True) if r >= 0 and c >= 0]
    n = len(sentences)
    graph = coo_matrix((np.ones(len(pairs)), ([p[0] for p in pairs], [p[1] for p in pairs])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return pd.Series(labels, index=sentences.index)


def _share_row(outlet: str, measure: str, unit: str, num: pd.Series, den: pd.Series, *, reps: int,
               seed: int, level: float) -> dict[str, object]:
    """A share in %: interval from resampling articles (5 or more), else the Wilson interval of the counts.

    ``num``, ``den``: counts per article. Under ``MIN_HITS`` hits there is no interval (the count is shown).
    """
    n, d = float(num.sum()), float(den.sum())
    if len(num) >= ARTICLE_BOOTSTRAP_MIN:
        low, high = percentile_interval(*resampled_sums(num.to_numpy(float)[:, None], den.to_numpy(float)[:, None],
                                                        rng=generator(f"{outlet}:{measure}", seed=seed), reps=reps),
                                        level=level)
    else:
        low, high = wilson(np.array([n]), np.array([d]), level=level)
    caveats = [] if d else ["nothing to count"]
    if d and n < MIN_HITS:
        low, high = np.array([math.nan]), np.array([math.nan])
        caveats.append(few_hits_text(MIN_HITS))
    return {"outlet_id": outlet, "measure": measure, "unit": unit, "value": 100.0 * n / d if d else math.nan,
            "lo": 100.0 * float(low[0]), "hi": 100.0 * float(high[0]), "n_articles": int(len(num)), "n_hits": int(n),
            "caveats": "; ".join(caveats)}


def _count_row(outlet: str, measure: str, unit: str, value: int, n_articles: int) -> dict[str, object]:
    return {"outlet_id": outlet, "measure": measure, "unit": unit, "value": float(value), "lo": math.nan,
            "hi": math.nan, "n_articles": n_articles, "n_hits": int(value), "caveats": ""}


def outlet_measures(
    outlets: list[str],
    sentences: pd.DataFrame,
    alignments: pd.DataFrame,
    statements: pd.DataFrame,
    shared: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    multi: set[str],
    reps: int = DEFAULT_REPS,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """The selection rows of each outlet (see the module docstring).

    Args:
        outlets: Outlet ids, in order.
        sentences: Counted sentences (``article_id``, ``outlet_id``, ``story_id``, ``start``).
        alignments: :data:`framing.selection.align.ALIGN_COLUMNS`.
        statements: :data:`framing.selection.quotes.STATEMENT_COLUMNS`.
        shared: :data:`framing.selection.quotes.SHARED_COLUMNS`.
        sources: :data:`framing.selection.sources.SOURCE_COLUMNS`.
        multi: Stories covered by two or more outlets.
        reps: Bootstrap resamples.
        seed: Seed of the bootstrap.
        level: Coverage of the intervals.
    """
    sents = sentences[sentences["story_id"].isin(multi)].reset_index(drop=True)
    carried = alignments[alignments["aligned"].astype(bool)]
    carried_keys = set(zip(carried["article_id"].astype(str).tolist(), carried["start"].astype(int).tolist(),
                           strict=True))
    sents["only_here"] = [(str(a), int(s)) not in carried_keys for a, s in zip(sents["article_id"].tolist(),
                                                                                sents["start"].tolist(), strict=True)]
    sents["unit"] = content_units(alignments, sents)
    unit_outlets = sents.groupby("unit")["outlet_id"].nunique()
    shared_units = set(unit_outlets[unit_outlets >= 2].index)
    story_units: dict[str, set[int]] = {}  # each story's shared units
    for story, unit in zip(sents["story_id"].tolist(), sents["unit"].tolist(), strict=True):
        if unit in shared_units:
            story_units.setdefault(story, set()).add(unit)
    stmts = statements[statements["story_id"].isin(multi)]
    shared_keys = set(zip(shared["article_id"].astype(str).tolist(), shared["start"].astype(int).tolist(),
                          strict=True))
    cut = shared[shared["relation"] == "cut"]
    rows: list[dict[str, object]] = []
    for outlet in outlets:
        mine = sents[sents["outlet_id"] == outlet]
        articles = sorted(set(mine["article_id"]))
        if not articles:
            rows += [{"outlet_id": outlet, "measure": m, "unit": u, "value": math.nan, "lo": math.nan,
                      "hi": math.nan, "n_articles": 0, "n_hits": 0, "caveats": ALONE} for m, u, _ in MEASURES]
            continue
        by_article = mine.groupby("article_id")
        rows.append(_share_row(outlet, "selection_only_here", MEASURES[0][1], by_article["only_here"].sum(),
                               by_article.size(), reps=reps, seed=seed, level=level))
        rows.append(_left_out_row(outlet, mine, story_units, reps=reps, seed=seed, level=level))
        my_st = stmts[stmts["outlet_id"] == outlet]
        is_shared = pd.Series([(str(a), int(s)) in shared_keys for a, s in zip(my_st["article_id"].tolist(),
                                                                                my_st["start"].tolist(), strict=True)],
                              dtype=float)
        per = pd.DataFrame({"article_id": my_st["article_id"].to_numpy(), "hit": is_shared.to_numpy()})
        grouped = per.groupby("article_id")["hit"]
        rows.append(_share_row(outlet, "selection_shared_statements", MEASURES[2][1],
                               grouped.sum().reindex(articles, fill_value=0.0),
                               grouped.size().reindex(articles, fill_value=0), reps=reps, seed=seed, level=level))
        n_cut = len(set(zip(*[cut.loc[cut["outlet_id"] == outlet, c] for c in ("article_id", "start")], strict=True)))
        rows.append(_count_row(outlet, "selection_cut_quotes", MEASURES[3][1], n_cut, len(articles)))
        src = sources[sources["outlet_id"] == outlet]
        rows.append(_count_row(outlet, "selection_sources_only_here", MEASURES[4][1],
                               int((src["n_outlets"] == 1).sum()), len(articles)))
        everyone = src[src["n_outlets"] == src["outlets_in_story"]]
        rows.append(_count_row(outlet, "selection_sources_everyone", MEASURES[5][1], len(everyone), len(articles)))
    return pd.DataFrame(rows)


def _left_out_row(outlet: str, mine: pd.DataFrame, story_units: dict[str, set[int]], *, reps: int,
                  seed: int, level: float) -> dict[str, object]:
    """Shared units of the outlet's stories it does not carry, resampled by story.

    ``story_units``: each story's content units carried by two or more outlets.
    """
    my_units = set(mine["unit"].tolist())
    stories = sorted(set(mine["story_id"].tolist()))
    den = pd.Series([len(story_units.get(s, ())) for s in stories], index=stories, dtype=float)
    num = pd.Series([sum(1 for u in story_units.get(s, ()) if u not in my_units) for s in stories], index=stories,
                    dtype=float)
    row = _share_row(outlet, "selection_left_out", MEASURES[1][1], num, den, reps=reps, seed=seed, level=level)
    row["n_articles"] = int(mine["article_id"].nunique())
    if not den.sum():
        row["caveats"] = "no content shared by other outlets in its stories"
    return row
