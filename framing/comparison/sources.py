"""Who each outlet lets speak: sources, quoted words and origin mix, from the span table.

Pure pandas over the ``quote`` and ``paraphrase`` rows the quotes extractor
emits (``speaker``, ``category`` = speaker origin, ``score`` = words); nothing is
re-extracted.

Example:
    >>> import pandas as pd
    >>> spans = pd.DataFrame({"outlet_id": ["a", "a", "a"], "feature": ["quote", "quote", "paraphrase"],
    ...     "label": ["person", "person", "person"],
    ...     "speaker": ["Xi", "Putin", "Xi"], "category": ["china", "russia", "china"],
    ...     "score": [10.0, 5.0, 8.0]})
    >>> row = summarise_sources(spans, {"a": 100}, origins=["china", "russia", "unknown"]).iloc[0]
    >>> int(row["distinct_sources"]), float(row["share_words_in_quotes"]), row["most_quoted"]
    (2, 0.15, 'Xi')
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from framing.features.quotes import SPEECH_TYPES, named_sources
from framing.nesting import part_of


def _in_paraphrase(rows: pd.DataFrame) -> np.ndarray:
    """Rows that are one statement with an enclosing paraphrase (none in a table without offsets)."""
    if not {"article_id", "start", "end", "text", "speaker"} <= set(rows.columns):
        return np.zeros(len(rows), dtype=bool)
    return part_of(rows, np.ones(len(rows), dtype=bool), rows["feature"] == "paraphrase") >= 0


def summarise_sources(
    spans: pd.DataFrame, words_per_outlet: Mapping[str, int] | pd.Series, *, origins: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-outlet source summary.

    Args:
        spans: Span table (needs ``outlet_id``, ``feature``, ``label``, ``speaker``, ``category``, ``score``).
        words_per_outlet: Total words of each outlet's articles (denominator of the share).
        origins: Speaker origins given a share column, in order (default: those in the spans, sorted).

    Returns:
        One row per outlet (index ``outlet_id``) with ``quotes``, ``paraphrases``,
        ``distinct_sources`` (named people and organisations quoted or paraphrased, as
        :func:`framing.features.quotes.named_sources` defines them),
        ``quote_words``, ``share_words_in_quotes`` (quote words / all words; NaN
        without a word count), ``share_origin_<origin>`` (share of the quotes and
        paraphrases by speaker origin, the statements ``source_origin_*_share_pct`` divides:
        titles in quotation marks left out, a paraphrase's own quoted words counting with it,
        :func:`framing.nesting.part_of`; NaN with none) and
        ``most_quoted`` (speaker with most quoted words, "" if none).
    """
    words = dict(words_per_outlet.items())
    rows = spans[spans["feature"].isin(["quote", "paraphrase"])]
    rows = rows.assign(in_paraphrase=_in_paraphrase(rows))
    if origins is None:
        origins = sorted({str(c) for c in rows["category"] if str(c)})
    outlets = list(dict.fromkeys(list(words) + rows["outlet_id"].tolist()))
    out = []
    for outlet in outlets:
        sub = rows[rows["outlet_id"] == outlet]
        quotes = sub[sub["feature"] == "quote"]
        attributed = sub[sub["label"].isin(SPEECH_TYPES) & ~sub["in_paraphrase"]]  # the statements counted
        quote_words = float(quotes["score"].fillna(0).sum())
        total = words.get(outlet)
        rec: dict[str, object] = {
            "outlet_id": outlet,
            "quotes": len(quotes),
            "paraphrases": int((sub["feature"] == "paraphrase").sum()),
            "distinct_sources": len(named_sources(sub)),
            "quote_words": quote_words,
            "share_words_in_quotes": quote_words / total if total else math.nan,
        }
        for origin in origins:
            n = len(attributed)
            rec[f"share_origin_{origin}"] = (attributed["category"] == origin).sum() / n if n else math.nan
        by_speaker = quotes[quotes["speaker"].astype(str) != ""].groupby("speaker")["score"].sum()
        rec["most_quoted"] = str(by_speaker.sort_values(ascending=False, kind="stable").index[0]) if len(
            by_speaker
        ) else ""
        out.append(rec)
    return pd.DataFrame(out).set_index("outlet_id") if out else pd.DataFrame()
