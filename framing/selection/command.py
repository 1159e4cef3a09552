"""``framing stories CORPUS --out stories.csv``: group a corpus's articles into stories.

Loads and cleans the corpus (no analysis), groups the articles
(:func:`framing.selection.stories.group_articles`), writes one row per article
(:data:`framing.selection.stories.STORY_COLUMNS`) and lists the stories on the
terminal with their outlets and the similarity evidence.

Example:
    >>> import argparse
    >>> sub = argparse.ArgumentParser().add_subparsers()
    >>> add_parser(sub).parse_args(["seeds", "--out", "s.csv"]).out
    's.csv'
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

#: Stories listed on the terminal (the rest are counted).
MAX_LISTED = 50


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``stories`` sub-command to an ``argparse`` sub-parser set; returns its parser."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "stories", help="group the articles into stories (same event); write article_id, outlet_id, story_id...")
    p.add_argument("corpus", nargs="?", help="folder, .html, .jsonl or .csv; default: the seeds")
    p.add_argument("--out", help="output file, .csv or .parquet (default: only list the stories)")
    p.add_argument("--clean", choices=("auto", "on", "off"), default="auto", help="remove page furniture (as analyze)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``framing stories``; returns the exit code (0 done, 2 nothing loaded)."""
    from framing.corpus.loading import load_corpus
    from framing.errors import FramingError
    from framing.selection.stories import day_number, group_articles, story_text
    from framing.tables import write_table

    corpus = load_corpus(args.corpus, clean=args.clean)
    if not corpus.articles:
        raise FramingError(f"no article could be loaded from {corpus.source}")
    arts = corpus.articles
    table = group_articles([a.id for a in arts], [a.outlet_id for a in arts],
                           [story_text(a.title, a.text) for a in arts], days=[day_number(a.published) for a in arts])
    if args.out:
        write_table(table, Path(args.out))
    print(stories_text(table, {a.id: a.title for a in arts}))
    if args.out:
        print(f"-> {args.out}")
    return 0


def stories_text(table: Any, titles: dict[str, str]) -> str:
    """The stories as terminal lines: size, outlets, and each article with its nearest neighbour's similarity.

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"article_id": ["a", "b"], "outlet_id": ["x", "y"], "story_id": ["story-1"] * 2,
        ...                   "nearest_article_id": ["b", "a"], "similarity": [0.4, 0.4]})
        >>> print(stories_text(t, {"a": "Storm", "b": "Storm hits"}))
        1 stories, 2 articles; 1 covered by two or more outlets
        story-1: 2 articles, 2 outlets (x, y)
          x  a  "Storm"  nearest b (0.400)
          y  b  "Storm hits"  nearest a (0.400)
    """
    groups = table.groupby("story_id", sort=False)
    multi = sum(1 for _, g in groups if g["outlet_id"].nunique() >= 2)
    lines = [f"{groups.ngroups:,} stories, {len(table):,} articles; {multi:,} covered by two or more outlets"]
    ordered = sorted(groups, key=lambda kv: (-kv[1]["outlet_id"].nunique(), -len(kv[1])))
    for name, g in ordered[:MAX_LISTED]:
        outlets = list(dict.fromkeys(g["outlet_id"]))
        lines.append(f"{name}: {len(g):,} articles, {len(outlets)} outlets ({', '.join(outlets)})")
        for r in g.itertuples(index=False):
            near = f"nearest {r.nearest_article_id} ({r.similarity:.3f})" if r.nearest_article_id else "no neighbour"
            lines.append(f"  {r.outlet_id}  {r.article_id}  \"{titles.get(r.article_id, '')[:70]}\"  {near}")
    if len(ordered) > MAX_LISTED:
        lines.append(f"... and {len(ordered) - MAX_LISTED:,} more stories (all in --out)")
    return "\n".join(lines)
