"""Readability per article: classic formulas, sentence length and lexical diversity.

Not spans: one row per article (:func:`readability_table`). Formulas come
from textstat 0.7.8 (pinned: 0.7.9+ calls ``nltk.download`` at run time):
Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG and Dale-Chall.
Sentence length uses framing's own sentences and words
(:func:`~framing.corpus.segmentation.split_sentences`,
:func:`~framing.corpus.segmentation.count_words`). Lexical diversity is MTLD
(:func:`mtld`). Undefined measures are NaN, never 0: textstat returns 0.0 for
empty text, and SMOG needs at least three sentences.

Example:
    >>> t = "The cat sat on the mat. It was warm. The dog did not mind at all."
    >>> m = readability(t)
    >>> m["n_sentences"], m["sentence_length_mean_words"]
    (3, 5.333333333333333)
    >>> math.isnan(readability("")["fk_grade"])
    True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd
import textstat

from framing.corpus.segmentation import count_words, split_sentences, tokenize
from framing.document import Doc
from framing.measures import Measure
from framing.model import Article
from framing.story import Story

#: Columns of :func:`readability_table` after ``article_id`` and ``outlet_id``.
MEASURES: tuple[str, ...] = (
    "flesch_reading_ease",
    "fk_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "sentence_length_mean_words",
    "mtld",
    "n_words",
    "n_sentences",
)

#: Per-article columns the comparison reports (their mean per outlet), with plain-words names.
READABILITY_COLUMNS: dict[str, str] = {
    "flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "fk_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "dale_chall": "Dale-Chall score",
    "sentence_length_mean_words": "mean sentence length (words)",
    "mtld": "lexical diversity (MTLD)",
}

#: MTLD's factor threshold (McCarthy & Jarvis 2010).
MTLD_THRESHOLD = 0.72


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    """Number of factors (full + partial) in one direction."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for tok in tokens:
        types.add(tok)
        count += 1
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1.0
            types = set()
            count = 0
            ttr = 1.0
    if count > 0:
        factors += (1.0 - ttr) / (1.0 - threshold)
    return factors


def mtld(tokens: Sequence[str], *, threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010, Behavior Research Methods 42:381-392).

    The mean length of sequential word runs that keep a type-token ratio above
    ``threshold``, averaged over a forward and a backward pass; a remainder
    counts as a partial factor. NaN when no factor is completed (too few or
    all-distinct tokens); the authors advise at least 100 tokens.

    Example:
        >>> round(mtld("the cat and the dog and the cat and the dog".split()), 3)  # 11 / (1 + 0.2/0.28)
        6.417
        >>> import math; math.isnan(mtld(["a", "b"]))
        True
    """
    if not tokens:
        return math.nan
    fwd = _mtld_pass(tokens, threshold)
    bwd = _mtld_pass(list(reversed(tokens)), threshold)
    vals = [len(tokens) / f for f in (fwd, bwd) if f > 0]
    if len(vals) < 2:
        return math.nan
    return (vals[0] + vals[1]) / 2.0


def readability(text: str) -> dict[str, float | int]:
    """All :data:`MEASURES` of one text (NaN where undefined).

    Example:
        >>> readability("Short.")["smog_index"]
        nan
    """
    sentences = split_sentences(text)
    n_words = count_words(text)
    n_sent = len(sentences)
    out: dict[str, float | int] = {m: math.nan for m in MEASURES}
    out["n_words"] = n_words
    out["n_sentences"] = n_sent
    if n_words == 0 or n_sent == 0:
        return out
    out["flesch_reading_ease"] = float(textstat.flesch_reading_ease(text))
    out["fk_grade"] = float(textstat.flesch_kincaid_grade(text))
    out["gunning_fog"] = float(textstat.gunning_fog(text))
    out["smog_index"] = float(textstat.smog_index(text)) if n_sent >= 3 else math.nan
    out["dale_chall"] = float(textstat.dale_chall_readability_score(text))
    out["sentence_length_mean_words"] = n_words / n_sent
    words = [text[s:e].lower().replace("’", "'") for s, e in tokenize(text)]
    out["mtld"] = mtld(words)
    return out


def readability_table(items: Iterable[Doc | Article]) -> pd.DataFrame:
    """One row per article: ``article_id``, ``outlet_id`` and :data:`MEASURES`.

    Example:
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="")
        >>> row = readability_table([a]).iloc[0]
        >>> row["article_id"], int(row["n_words"]), math.isnan(row["fk_grade"])
        ('a', 0, True)
    """
    rows = []
    for item in items:
        art = item.article if isinstance(item, Doc) else item
        rows.append({"article_id": art.id, "outlet_id": art.outlet_id, **readability(art.text)})
    df = pd.DataFrame(rows, columns=["article_id", "outlet_id", *MEASURES])
    for col in MEASURES:
        df[col] = df[col].astype("int64" if col.startswith("n_") else "float64")
    return df


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """The per-outlet mean of each readability column (:data:`READABILITY_COLUMNS`).

    Args:
        spans: Not used, except that ``spans=None`` with no ``articles`` means every column.
        articles: Per-article table: its readability columns become measures.
        story: Not used.

    Example:
        >>> [m.key for m in measures()][:2]
        ['readability_flesch_reading_ease', 'readability_fk_grade']
        >>> measures(pd.DataFrame({"feature": []}))
        []
    """
    if articles is not None:
        columns = [c for c in READABILITY_COLUMNS if c in articles.columns]
    else:
        columns = list(READABILITY_COLUMNS) if spans is None else []
    return [Measure(f"readability_{col}", "Readability", READABILITY_COLUMNS[col], "per-article mean",
                    "article_mean", column=col) for col in columns]
