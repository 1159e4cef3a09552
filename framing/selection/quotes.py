"""Quotes shared across outlets: the same speaker and overlapping words, and who cuts or extends them.

Statements are the span table's ``quote`` and ``paraphrase`` rows with a
speaker. Within a story, two statements of different outlets are *shared*
when their speakers can be the same source
(:func:`framing.selection.speakers.same_speaker`) and their words overlap: at
least :data:`MIN_SHARED_WORDS` content words in common (stop words left out;
words compared by their first :data:`STEM` letters, so "sanction" matches
"sanctions") making up at least :data:`MIN_CONTAINMENT` of the shorter
statement's content words.

Each shared pair says how the two versions relate, from the first one's side:
``same`` (the same words), ``cut`` (its words are all in the other, which has
more: the outlet quoted less of the statement), ``extended`` (the reverse),
``overlap`` (each has words the other lacks), or ``reworded`` (one of the two
is a paraphrase).

Example:
    >>> st = pd.DataFrame({"story_id": "s", "article_id": ["a", "b"], "outlet_id": ["x", "y"],
    ...     "feature": "quote", "start": [0, 0], "end": [60, 30], "speaker": ["Wang Yi", "Wang Yi"],
    ...     "text": ["“Security concerns should be taken seriously and resolved,”",
    ...              "“should be taken seriously.”"]})
    >>> shared_quotes(st)[["outlet_id", "relation", "other_outlet_id"]].values.tolist()
    [['x', 'extended', 'y'], ['y', 'cut', 'x']]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.selection.speakers import canonical_speakers, name_words, same_speaker

#: Columns of the statement table (quotes and paraphrases with a speaker, with their story).
STATEMENT_COLUMNS: tuple[str, ...] = ("story_id", "article_id", "outlet_id", "feature", "start", "end", "speaker",
                                      "text")
#: Columns of the shared-quote table: one row per (statement, statement of another outlet it shares).
SHARED_COLUMNS: tuple[str, ...] = (
    "story_id", "speaker", "article_id", "outlet_id", "feature", "start", "end", "text",
    "other_article_id", "other_outlet_id", "other_feature", "other_start", "other_end", "other_text",
    "shared_words", "relation",
)
#: Content words two statements must share.
MIN_SHARED_WORDS = 2
#: Share of the shorter statement's content words found in the other.
MIN_CONTAINMENT = 0.5
#: Letters that identify a word when comparing statements.
STEM = 6
#: Features that are statements.
STATEMENT_FEATURES: tuple[str, ...] = ("quote", "paraphrase")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def content_words(text: str) -> frozenset[str]:
    """The content words of a statement (stop words left out), as their first :data:`STEM` letters.

    Example:
        >>> sorted(content_words("We urge all parties to remain calm"))
        ['calm', 'partie', 'remain', 'urge']
    """
    words = (w.casefold().replace("’", "'") for w in _WORD.findall(text))
    return frozenset(w[:STEM] for w in words if w not in ENGLISH_STOP_WORDS and len(w) > 1)


def all_words(text: str) -> tuple[str, ...]:
    """Every word of a statement, case-folded, in order (to tell a cut from an extension)."""
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


def statement_table(spans: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """:data:`STATEMENT_COLUMNS` of a span table's attributed quotes and paraphrases, with each article's story."""
    rows = spans[spans["feature"].isin(list(STATEMENT_FEATURES)) & (spans["speaker"].astype(str).str.strip() != "")]
    story_of = dict(zip(stories["article_id"].astype(str), stories["story_id"].astype(str), strict=True))
    out = pd.DataFrame({
        "article_id": rows["article_id"].astype(str).to_numpy(),
        "outlet_id": rows["outlet_id"].astype(str).to_numpy(),
        "feature": rows["feature"].astype(str).to_numpy(),
        "start": rows["start"].astype(int).to_numpy(),
        "end": rows["end"].astype(int).to_numpy(),
        "speaker": rows["speaker"].astype(str).to_numpy(),
        "text": rows["text"].astype(str).to_numpy(),
    })
    out["story_id"] = [story_of.get(a, "") for a in out["article_id"]]
    return out[list(STATEMENT_COLUMNS)]


def _relation(a: tuple[str, str], b: tuple[str, str]) -> str:
    """How statement ``a`` (feature, text) relates to ``b``."""
    if a[0] != "quote" or b[0] != "quote":
        return "reworded"
    wa, wb = all_words(a[1]), all_words(b[1])
    sa, sb = set(wa), set(wb)
    if sa == sb:
        return "same"
    if sa < sb:
        return "cut"
    if sb < sa:
        return "extended"
    return "overlap"


def _stories(story_ids: np.ndarray) -> list[np.ndarray]:
    """Row positions of each story, stories in order of first appearance (as ``groupby(sort=False)``)."""
    codes, _ = pd.factorize(story_ids)
    if not len(codes):
        return []
    return np.split(np.argsort(codes, kind="stable"), np.cumsum(np.bincount(codes))[:-1])


def shared_quotes(statements: pd.DataFrame) -> pd.DataFrame:
    """Pairs of statements of different outlets that share a speaker and words (see the module docstring).

    Args:
        statements: :data:`STATEMENT_COLUMNS`.

    Returns:
        :data:`SHARED_COLUMNS`, both directions of each pair, in statement order;
        ``speaker`` is the story's one name for the source.
    """
    out: list[dict[str, object]] = []
    columns = ("article_id", "outlet_id", "feature", "start", "end", "speaker", "text")
    values = {c: statements[c].tolist() for c in columns}  # plain Python values, read once for all stories
    story_ids = statements["story_id"].astype(str).to_numpy(dtype=object)
    for positions in _stories(story_ids):
        if len({values["outlet_id"][p] for p in positions}) < 2:
            continue
        story = story_ids[positions[0]]
        recs = [{c: values[c][p] for c in columns} for p in positions]
        names = canonical_speakers(r["speaker"] for r in recs)
        words = [content_words(str(r["text"])) for r in recs]
        by_name: dict[str, list[int]] = {}  # candidates share a word of the speaker's name
        for i, r in enumerate(recs):
            for w in name_words(str(r["speaker"])):
                by_name.setdefault(w, []).append(i)
        for i, a in enumerate(recs):
            candidates = sorted({j for w in name_words(str(a["speaker"])) for j in by_name[w]})
            for j in candidates:
                b = recs[j]
                if a["outlet_id"] == b["outlet_id"] or not same_speaker(str(a["speaker"]), str(b["speaker"])):
                    continue
                common = words[i] & words[j]
                shorter = min(len(words[i]), len(words[j]))
                if len(common) < MIN_SHARED_WORDS or len(common) < MIN_CONTAINMENT * shorter:
                    continue
                out.append({
                    "story_id": str(story), "speaker": names.get(str(a["speaker"]), str(a["speaker"])),
                    "article_id": a["article_id"], "outlet_id": a["outlet_id"], "feature": a["feature"],
                    "start": a["start"], "end": a["end"], "text": a["text"],
                    "other_article_id": b["article_id"], "other_outlet_id": b["outlet_id"],
                    "other_feature": b["feature"], "other_start": b["start"], "other_end": b["end"],
                    "other_text": b["text"], "shared_words": len(common),
                    "relation": _relation((str(a["feature"]), str(a["text"])), (str(b["feature"]), str(b["text"]))),
                })
    return pd.DataFrame(out, columns=list(SHARED_COLUMNS))
