"""Calibrate and check story grouping and sentence alignment on the AllSides stories of NeuS.

``../shared/gold/neus_allsides_stories/stories.jsonl.gz`` (read at run time,
never shipped) holds 506 AllSides stories, each with the headline and lead of
two or three outlets. The stories are split by a hash of their id into a
tuning half and a check half. On the tuning half the story threshold is the
one with the best adjusted Rand index, and the alignment threshold is the 95th
percentile of a sentence's best match in an unrelated story's coverage; the
check half gives the figures reported in
:data:`framing.selection.stories.STORY_METHOD` and
:data:`framing.selection.align.ALIGN_METHOD`.

The data carry the story's date, not each article's: for the dated figures
each article gets its story's date moved by a seeded -1, 0 or +1 day.

Example:
    >>> half("5607") in ("tune", "check")
    True
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from framing.corpus.segmentation import split_sentences
from framing.selection.align import align_sentences
from framing.selection.stories import (
    STORY_THRESHOLD,
    STORY_THRESHOLD_DATED,
    day_number,
    group_articles,
    story_text,
)

#: Where the stories are, relative to the gold folder.
STORIES_FILE = Path("neus_allsides_stories") / "stories.jsonl.gz"
#: Story thresholds tried on the tuning half.
STORY_GRID: tuple[float, ...] = (0.1, 0.15, 0.2, 0.25, 0.3, 0.325, 0.35, 0.375, 0.4, 0.45, 0.5)
#: Share of unrelated best matches allowed above the alignment threshold.
NULL_QUANTILE = 0.95


@dataclass(frozen=True)
class GoldArticle:
    """One outlet's headline and lead in one NeuS story."""

    story: str
    topic: str
    outlet: str
    title: str
    body: str
    day: int | None
    side: str = ""


def half(story: str) -> str:
    """``tune`` or ``check``: the half a story belongs to (a hash of its id)."""
    return "tune" if zlib.crc32(story.encode("utf-8")) % 2 == 0 else "check"


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """The articles of the NeuS stories, each dated by its story's date moved by a seeded -1/0/+1 day."""
    path = Path(gold_dir) / STORIES_FILE
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            sid = str(story["id"])
            base = day_number(str(story.get("date", "")))
            for side in sorted(story.get("news", {})):
                item = story["news"][side]
                body = item.get("newBody", "")
                body = "\n".join(body) if isinstance(body, list) else str(body)
                jitter = zlib.crc32(f"{sid}:{side}".encode()) % 3 - 1
                out.append(GoldArticle(sid, str(story.get("topic", "")), str(item.get("newsSource", side)),
                                       str(item.get("newsTitle", "")), body,
                                       None if base is None else base + jitter, side))
    return out


def story_scores(articles: Sequence[GoldArticle], *, threshold: float | None = None,
                 dated: bool, sides: bool = False) -> tuple[float, float]:
    """Nearest-other-article-in-same-story rate and adjusted Rand index of :func:`group_articles`.

    ``threshold`` (None: the shipped one) is the dated threshold with ``dated``, else the undated one.
    ``sides``: each AllSides side (left, center, right) plays one outlet, as when the same three outlets
    cover every event; else the outlets are the named ones (145 of them, most covering few stories).
    """
    ids = [str(i) for i in range(len(articles))]
    t_undated = STORY_THRESHOLD if threshold is None or dated else threshold
    t_dated = STORY_THRESHOLD_DATED if threshold is None or not dated else threshold
    outlets = [a.side if sides else a.outlet for a in articles]
    table = group_articles(ids, outlets, [story_text(a.title, a.body) for a in articles],
                           days=[a.day for a in articles] if dated else None, threshold=t_undated,
                           threshold_dated=t_dated)
    truth = [a.story for a in articles]
    nearest = table["nearest_article_id"].tolist()
    same = [bool(j) and truth[int(j)] == t for j, t in zip(nearest, truth, strict=True)]
    return float(np.mean(same)), float(adjusted_rand_score(truth, table["story_id"]))


def tune_story_threshold(articles: Sequence[GoldArticle], *, dated: bool = True) -> float:
    """The threshold of :data:`STORY_GRID` with the best mean adjusted Rand index over named outlets and sides.

    Ties: the lower threshold.
    """
    scores = [((story_scores(articles, threshold=t, dated=dated)[1]
                + story_scores(articles, threshold=t, dated=dated, sides=True)[1]) / 2, -t) for t in STORY_GRID]
    return -max(scores)[1]


def _sentences(article: GoldArticle, story_id: str, outlet: str) -> list[dict[str, object]]:
    text = f"{article.title}\n\n{article.body}"
    rows = []
    for s, e in split_sentences(text):
        rows.append({"article_id": f"{article.story}:{article.outlet}", "outlet_id": outlet, "story_id": story_id,
                     "start": s, "end": e, "text": text[s:e], "words": len(text[s:e].split())})
    return rows


def alignment_similarities(articles: Sequence[GoldArticle]) -> tuple[np.ndarray, np.ndarray]:
    """Best-match similarities of each sentence in its own story's other outlets, and in an unrelated story's.

    The unrelated story is another event on the same AllSides topic (the next
    such story in id order; the next story if the topic has one only), so the
    two share topical words but not content; its outlets play the other
    outlets (as many articles as the own story has).
    """
    by_story: dict[str, list[GoldArticle]] = {}
    for a in articles:
        by_story.setdefault(a.story, []).append(a)
    names = sorted(by_story)
    by_topic: dict[str, list[str]] = {}
    for name in names:
        by_topic.setdefault(by_story[name][0].topic, []).append(name)
    own: list[float] = []
    null: list[float] = []
    for k, name in enumerate(names):
        group = by_story[name]
        if len(group) < 2:
            continue
        peers = by_topic[group[0].topic]
        if len(peers) > 1:
            unrelated = by_story[peers[(peers.index(name) + 1) % len(peers)]]
        else:
            unrelated = by_story[names[(k + 1) % len(names)]]
        for i, article in enumerate(group):
            rows = _sentences(article, "own", "a")
            for j, other in enumerate(group):
                if j != i:
                    rows += _sentences(other, "own", f"o{j}")
            own += _best(rows, "a")
            rows = _sentences(article, "null", "a")
            for j, other in enumerate(unrelated[: len(group) - 1]):
                rows += _sentences(other, "null", f"o{j}")
            null += _best(rows, "a")
    return np.array(own), np.array(null)


def _best(rows: list[dict[str, object]], outlet: str) -> list[float]:
    """Per sentence of ``outlet``, its best similarity over the other outlets."""
    table = align_sentences(pd.DataFrame(rows), threshold=1.0)
    mine = table[table["outlet_id"] == outlet]
    return mine.groupby(["article_id", "start"], sort=False)["similarity"].max().tolist()


def calibrate(gold_dir: str | Path) -> dict[str, float]:
    """Tune on one half, check on the other: the figures of the methodology text."""
    articles = load_gold(gold_dir)
    tune = [a for a in articles if half(a.story) == "tune"]
    check = [a for a in articles if half(a.story) == "check"]
    out: dict[str, float] = {"tune_articles": len(tune), "check_articles": len(check)}
    for dated in (True, False):
        key = "dated" if dated else "undated"
        t = tune_story_threshold(tune, dated=dated)
        out[f"story_threshold_{key}"] = t
        for sides in (False, True):
            tag = f"{key}_sides" if sides else key
            for name, part in (("", check), ("_tune", tune)):
                nn, ari = story_scores(part, threshold=t, dated=dated, sides=sides)
                out.update({f"nearest_same_{tag}{name}": nn, f"ari_{tag}{name}": ari})
    own_t, null_t = alignment_similarities(tune)
    threshold = float(np.quantile(null_t, NULL_QUANTILE))
    own_c, null_c = alignment_similarities(check)
    out.update({"align_threshold": threshold, "align_null_rate_check": float(np.mean(null_c >= threshold)),
                "align_own_rate_check": float(np.mean(own_c >= threshold))})
    return out
