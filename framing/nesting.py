"""Spans inside spans: the quote that is part of a paraphrase, and a span's words outside nested spans.

A paraphrase often keeps some of its speaker's words in quotation marks
('China opposed external forces instigating a “colour revolution”'): the
span table then holds a ``paraphrase`` row and a ``quote`` row for one
statement, and both rows stay (every figure links to its words). Measures
that count statements count it once (:func:`part_of`, used through
``Measure.within``), and word shares that partition the text count each word
once (:func:`words_outside`, used through ``Measure.outside``).

A span is *part of* an enclosing span when, in the same article, its words
lie inside it (its text without the quotation marks, punctuation and spaces
at either edge: a paraphrase stops before the closing mark the quote
includes) and it has the same speaker (:func:`same_source`) or no speaker of
its own. This holds for a paraphrase inside a paraphrase of the same speaker
too ("China supported X, and opposed Y": one statement, found from "said" and
again from "opposed").

Example:
    >>> from framing.model import Span, spans_to_frame
    >>> t = 'Wang said China "firmly opposes" it.'
    >>> s = spans_to_frame([Span("a", "o", "paraphrase", 10, 32, t[10:32], speaker="Wang"),
    ...                     Span("a", "o", "quote", 16, 32, t[16:32], speaker="Wang")])
    >>> part_of(s, s["feature"] == "quote", s["feature"] == "paraphrase").tolist()
    [-1, 0]
    >>> words_outside(s, s["feature"] == "paraphrase", s["feature"] == "quote").tolist()
    [1.0, nan]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.corpus.segmentation import count_words
from framing.selection.speakers import same_speaker

__all__ = ["EDGE", "core", "part_of", "same_source", "words_outside"]

#: Characters at the edges of a span that are not its words: quotation marks, punctuation, spaces.
EDGE: str = "\"'“”‘’«»„‟‹›`.,;:!?…–—-() \t\n\u00a0"


def core(text: str) -> tuple[int, int]:
    """Offsets (into ``text``) of its words: the text less :data:`EDGE` characters at either end.

    Example:
        >>> t = '"caused havoc,"'
        >>> a, b = core(t)
        >>> t[a:b]
        'caused havoc'
    """
    left = len(text) - len(text.lstrip(EDGE))
    right = len(text.rstrip(EDGE))
    return (left, right) if right > left else (0, len(text))


def same_source(a: str, b: str) -> bool:
    """Whether two speakers of one article are the same source (the inner span's may be empty: no speaker).

    Example:
        >>> same_source("Putin", "Vladimir Putin"), same_source("", "Wang Yi"), same_source("Wang Yi", "Lavrov")
        (True, True, False)
    """
    inner, outer = " ".join(a.split()).casefold(), " ".join(b.split()).casefold()
    return not inner or inner == outer or same_speaker(inner, outer)


def _by_article(spans: pd.DataFrame, mask: np.ndarray) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, a in zip(np.flatnonzero(mask), spans["article_id"].to_numpy(dtype=object)[mask], strict=True):
        out.setdefault(str(a), []).append(int(i))
    return out


def part_of(spans: pd.DataFrame, parts: pd.Series | np.ndarray, wholes: pd.Series | np.ndarray) -> np.ndarray:
    """For each row, the position of the enclosing ``wholes`` row it is part of (see the module docstring), else -1.

    Args:
        spans: A span table (``article_id``, ``start``, ``end``, ``text``, ``speaker``).
        parts: Boolean mask of the rows that may be parts (quotes, paraphrases).
        wholes: Boolean mask of the rows that may enclose them (paraphrases); a row is never part of itself,
            and of two rows holding each other's words (one statement found twice) the first is the whole.

    Returns:
        Row positions (``int64``); where several rows enclose a part, the narrowest.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> s = spans_to_frame([Span("a", "o", "paraphrase", 0, 20, "x" * 20, speaker="Lavrov"),
        ...                     Span("a", "o", "quote", 5, 9, '"ab"', speaker="Wang Yi")])
        >>> part_of(s, s["feature"] == "quote", s["feature"] == "paraphrase").tolist()
        [-1, -1]
    """
    out = np.full(len(spans), -1, dtype=np.int64)
    is_part, is_whole = np.asarray(parts, dtype=bool), np.asarray(wholes, dtype=bool)
    if not is_part.any() or not is_whole.any():
        return out
    starts, ends = spans["start"].to_numpy(dtype=np.int64), spans["end"].to_numpy(dtype=np.int64)
    texts, speakers = spans["text"].to_numpy(dtype=object), spans["speaker"].to_numpy(dtype=object)
    lo, hi = starts.copy(), ends.copy()  # each candidate row's words: its span less the edge characters
    for r in np.flatnonzero(is_part | is_whole):
        left, right = core(str(texts[r]))
        lo[r], hi[r] = starts[r] + left, starts[r] + right
    enclosing = _by_article(spans, is_whole)
    for article, rows in _by_article(spans, is_part).items():
        outer = enclosing.get(article)
        if not outer:
            continue
        p, w = np.array(rows), np.array(outer)
        # the words of part p lie inside whole w; of two rows holding each other's words (one statement
        # found twice), the first is the whole
        holds = (starts[w] <= lo[p][:, None]) & (hi[p][:, None] <= ends[w]) & (p[:, None] != w)
        mutual = is_whole[p][:, None] & (p[:, None] < w) & (starts[p][:, None] <= lo[w]) & (hi[w] <= ends[p][:, None])
        for a, b in zip(*np.nonzero(holds & ~mutual), strict=True):
            i, j = int(p[a]), int(w[b])
            if same_source(str(speakers[i]), str(speakers[j])) and (
                    out[i] < 0 or (ends[j] - starts[j], j) < (ends[out[i]] - starts[out[i]], out[i])):
                out[i] = j  # the narrowest enclosing row
    return out


def words_outside(spans: pd.DataFrame, mask: pd.Series | np.ndarray, cover: pd.Series | np.ndarray) -> np.ndarray:
    """Words of each ``mask`` row outside the ``cover`` rows of its article (NaN for the other rows).

    The characters a cover row shares with the span are blanked before its
    words are counted (:func:`framing.corpus.segmentation.count_words`), so a
    paraphrase's words in quotation marks, counted by the quote share, are
    left out of the paraphrase share.

    Example:
        >>> from framing.model import Span, spans_to_frame
        >>> t = 'ties "are strong," he said'
        >>> s = spans_to_frame([Span("a", "o", "paraphrase", 0, 16, t[:16]), Span("a", "o", "quote", 5, 18, t[5:18])])
        >>> words_outside(s, s["feature"] == "paraphrase", s["feature"] == "quote").tolist()
        [1.0, nan]
    """
    selected, covering = np.asarray(mask, dtype=bool), np.asarray(cover, dtype=bool)
    out = np.full(len(spans), np.nan)
    starts, ends = spans["start"].to_numpy(dtype=np.int64), spans["end"].to_numpy(dtype=np.int64)
    texts = spans["text"].to_numpy(dtype=object)
    covers = _by_article(spans, covering)
    for article, rows in _by_article(spans, selected).items():
        others = np.array(covers.get(article, []), dtype=np.int64)
        others = others[np.argsort(starts[others], kind="stable")]
        first, longest = starts[others], int((ends[others] - starts[others]).max(initial=0))
        for i in rows:
            text = str(texts[i])
            # the covers that can overlap row i: starting before its end, and at most the longest cover before it
            near = others[np.searchsorted(first, starts[i] - longest):np.searchsorted(first, ends[i])]
            near = near[(ends[near] > starts[i]) & (near != i)]
            if not len(near):
                out[i] = float(count_words(text))
                continue
            chars = list(text)
            for j in near:
                lo, hi = max(starts[i], starts[j]), min(ends[i], ends[j])
                chars[lo - starts[i]:hi - starts[i]] = " " * (hi - lo)
            out[i] = float(count_words("".join(chars)))
    return out
