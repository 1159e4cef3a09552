"""Agreement between a class's hand-coding and the tool's spans, worded from the class's side.

A class codes the sentences of the worksheet in ``coding_template.csv`` (one
row per sentence and feature; see :data:`CODING_COLUMNS`). ``start``/``end``
give the sentence (the *unit*) being coded; a coder writes the word or phrase
they found in ``text`` (one row per cue: copy the row for a second cue) or
leaves ``text`` blank for "nothing here". A coder who knows the exact offsets
may instead give ``start``/``end`` of the cue itself with ``text`` equal to it.
``voice`` and ``polarity`` take the words the worksheet offers
(:data:`VOICE_OPTIONS`, :data:`POLARITY_OPTIONS`: one set for sheet, template
and key) or a short alias (own, quote, direct, paraphrase; affirmed, negated).

A bad row (a typo in ``text``, an unknown feature or article, an empty or
non-numeric offset) is reported as a :class:`BadRow` and skipped when the
caller collects ``problems``; the rest is scored.

Definitions, per coder and feature (:func:`agreement_table`):

* **Units** are the sentences (``sentence`` spans) that overlap a coding row of
  that feature: only what the coder examined is compared.
* **Tool spans in scope** are the tool's spans of the feature overlapping a unit.
* A coder's cue and a tool span **match** when they are in the same article and
  their characters overlap; matching is one-to-one, greedy in text order.
* ``class_found_of_tool_pct`` = matched / tool spans ("the class found 8 of
  the tool's 10 hedges"); ``tool_found_of_class_pct`` = matched / coder cues
  ("the tool found 6 of the class's 9"). NaN when the denominator is 0.
* **Cohen's kappa** (:data:`KAPPA_EXPLAINED`) is computed over the units, each
  coded "feature present" or "absent" by the tool and by the coder
  (:func:`sklearn.metrics.cohen_kappa_score`); NaN where it is undefined.
  ``kappa_note`` says when it is not meaningful: fewer than
  :data:`MIN_KAPPA_UNITS` sentences, or one side gives every sentence the same code.

Example:
    >>> from framing.model import Span, spans_to_frame
    >>> text = "It may rain. It will snow."
    >>> spans = spans_to_frame([Span("a", "o", "sentence", 0, 12, "It may rain.", 0),
    ...     Span("a", "o", "sentence", 13, 26, "It will snow.", 1), Span("a", "o", "hedge", 3, 6, "may", 0)])
    >>> rows = [CodedRow(2, "a", "hedge", 0, 12, 3, 6, "may"), CodedRow(3, "a", "hedge", 13, 26, -1, -1, "")]
    >>> t = agreement_table(rows, spans)
    >>> t[["class_found_of_tool_pct", "tool_found_of_class_pct", "kappa"]].values.tolist()
    [[100.0, 100.0, 1.0]]
    >>> t["kappa_note"].iloc[0]
    'not meaningful: only 2 sentences (needs at least 10)'
"""

from __future__ import annotations

import csv
import io
import math
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from framing.errors import FramingError
from framing.model import Corpus
from framing.worksheets.answers import (
    CODABLE_FEATURES,
    CODING_COLUMNS,
    POLARITY_OPTIONS,
    POLARITY_WORDS_UNDERSTOOD,
    REQUIRED_COLUMNS,
    VOICE_OPTIONS,
    VOICE_WORDS_UNDERSTOOD,
)

__all__ = [
    "AGREEMENT_COLUMNS", "CODABLE_FEATURES", "CODING_COLUMNS", "DISAGREEMENT_COLUMNS", "KAPPA_EXPLAINED",
    "MIN_KAPPA_UNITS", "POLARITY_OPTIONS", "REQUIRED_COLUMNS", "VOICE_OPTIONS", "BadRow", "CodedRow",
    "agreement_table", "cohen_kappa", "disagreements", "kappa_note", "locate", "parse_coding", "read_coding",
]

#: Fewer sentences than this and kappa is shown as not meaningful.
MIN_KAPPA_UNITS = 10

#: Kappa in one sentence, for the class's report.
KAPPA_EXPLAINED = ("Kappa says how far the class and the tool agree on which sentences contain one, beyond the "
                   "agreement expected by chance: 1 is full agreement, 0 is no better than chance, below 0 is "
                   "worse than chance.")

#: Columns of :func:`agreement_table`.
AGREEMENT_COLUMNS: tuple[str, ...] = (
    "coder", "feature", "n_units", "n_tool", "n_coder", "n_matched", "class_found_of_tool_pct",
    "tool_found_of_class_pct", "kappa", "kappa_note", "units_both", "units_tool_only", "units_coder_only",
    "units_neither",
)

#: Columns of :func:`disagreements`.
DISAGREEMENT_COLUMNS: tuple[str, ...] = (
    "coder", "feature", "kind", "article_id", "outlet_id", "start", "end", "text", "tool_label", "tool_category",
    "coder_value", "tool_value", "row",
)


@dataclass(frozen=True)
class CodedRow:
    """One row of a coding file, checked.

    Attributes:
        row: Line number in the file (the header is line 1).
        article_id: Article coded.
        feature: Feature coded.
        start: Start of the unit (or of the cue) in ``Article.text``.
        end: End of the unit (or cue).
        cue_start: Start of the coder's cue, or -1 for "nothing found here".
        cue_end: End of the coder's cue, or -1.
        text: What the coder marked ("" = nothing).
        label: Coder's label (optional).
        polarity: Coder's polarity as written (optional; an option or alias of :data:`POLARITY_OPTIONS`).
        voice: Coder's voice as written (optional; an option or alias of :data:`VOICE_OPTIONS`).
        speaker: Coder's speaker (optional).
        coder: Who coded ("" if not given).
    """

    row: int
    article_id: str
    feature: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    text: str
    label: str = ""
    polarity: str = ""
    voice: str = ""
    speaker: str = ""
    coder: str = ""


@dataclass(frozen=True)
class BadRow:
    """A coding row that was skipped, and why.

    Example:
        >>> str(BadRow(5, "text 'arround' not found in article 'a' between 0 and 12"))
        "row 5: text 'arround' not found in article 'a' between 0 and 12"
    """

    row: int
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.problem}"


class _RowError(Exception):
    """A problem with one row (skipped or raised by :func:`parse_coding`)."""


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()).casefold()


def _word(s: str) -> str:
    return _norm(s).replace("_", " ")


def locate(text: str, phrase: str, start: int, end: int, *, skip: int = 0) -> tuple[int, int] | None:
    """Offsets of the ``skip``-th occurrence of ``phrase`` in ``text[start:end]`` (any case, any spacing).

    Example:
        >>> locate("It may, it MAY  well rain.", "may well", 0, 26)
        (11, 20)
    """
    plain = phrase.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    words = [re.escape(w).replace("'", "['’‘]").replace('"', '["“”]') for w in plain.split()]
    if not words:
        return None
    pattern = re.compile(r"[\s\u00a0]+".join(words), re.IGNORECASE)
    hits = list(pattern.finditer(text, start, end))
    if len(hits) <= skip:
        return None
    return hits[skip].start(), hits[skip].end()


def _int(value: str, column: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise _RowError(f"`{column}` must be a whole number, got {value!r}") from None


def _check_row(r: dict[str, str], row: int, texts: dict[str, str],
               seen: dict[tuple[str, str, str, int, int, str], int]) -> CodedRow:
    """One raw row as a :class:`CodedRow`; :class:`_RowError` names the problem."""
    article_id, feature = r.get("article_id", ""), r.get("feature", "")
    if article_id not in texts:
        raise _RowError(f"unknown article_id {article_id!r} (not in the corpus)")
    if feature not in CODABLE_FEATURES:
        raise _RowError(f"unknown feature {feature!r}; use one of {', '.join(CODABLE_FEATURES)}")
    start, end = _int(r.get("start", ""), "start"), _int(r.get("end", ""), "end")
    n = len(texts[article_id])
    if not 0 <= start < end <= n:
        raise _RowError(f"offsets {start}-{end} are outside article {article_id!r} (0-{n})")
    mark = r.get("text", "")
    cue = (-1, -1)
    if mark:
        if _norm(texts[article_id][start:end]) == _norm(mark):
            cue = (start, end)
        else:
            key = (r.get("coder", ""), article_id, feature, start, end, _norm(mark))
            found = locate(texts[article_id], mark, start, end, skip=seen.get(key, 0))
            if found is None:
                raise _RowError(f"text {mark!r} not found in article {article_id!r} between {start} and {end}")
            seen[key] = seen.get(key, 0) + 1
            cue = found
    voice, polarity = r.get("voice", ""), r.get("polarity", "")
    if voice and _word(voice) not in VOICE_WORDS_UNDERSTOOD:
        raise _RowError(f"voice {voice!r} not understood; write own, quote or paraphrase")
    if polarity and _word(polarity) not in POLARITY_WORDS_UNDERSTOOD:
        raise _RowError(f"polarity {polarity!r} not understood; write affirmed, negated, hypothetical or questioned")
    return CodedRow(row=row, article_id=article_id, feature=feature, start=start, end=end, cue_start=cue[0],
                    cue_end=cue[1], text=mark, label=r.get("label", ""), polarity=polarity, voice=voice,
                    speaker=r.get("speaker", ""), coder=r.get("coder", ""))


def parse_coding(text: str, corpus: Corpus, *, name: str = "coding file",
                 problems: list[BadRow] | None = None) -> list[CodedRow]:
    """Check a coding file's rows against the corpus and locate every coder's cue.

    Args:
        text: The CSV text (a leading BOM is allowed).
        corpus: The corpus the coding refers to.
        name: File name used in error messages.
        problems: Where given, a bad row (unknown article or feature, an
            empty or non-numeric offset, offsets outside the text, a marked
            text not found in its unit, an unknown voice/polarity) is appended
            here as a :class:`BadRow` and skipped; without it the first bad
            row raises.

    Returns:
        One :class:`CodedRow` per good row.

    Raises:
        FramingError: one line naming the file (and the row) and the problem:
            always for a missing column, for a bad row only without ``problems``.

    Example:
        >>> from framing.model import Article, Corpus
        >>> c = Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")])
        >>> bad: list[BadRow] = []
        >>> rows = parse_coding("article_id,feature,start,end,text\\na,hedge,0,12,may\\na,hedge,0,12,mey\\n", c,
        ...                     problems=bad)
        >>> [r.cue_start for r in rows], [str(b) for b in bad]
        ([3], ["row 3: text 'mey' not found in article 'a' between 0 and 12"])
        >>> parse_coding("article_id,feature,start,end\\n", c)
        Traceback (most recent call last):
        framing.errors.FramingError: coding file: missing column(s) text (needs article_id, feature, start, end, text)
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FramingError(f"{name}: missing column(s) {', '.join(missing)} (needs {', '.join(REQUIRED_COLUMNS)})")
    texts = {a.id: a.text for a in corpus.articles}
    out: list[CodedRow] = []
    seen: dict[tuple[str, str, str, int, int, str], int] = {}
    for i, raw in enumerate(reader, start=2):
        r = {str(k).strip(): str(v or "").strip() for k, v in raw.items() if k is not None}
        if not any(r.values()):
            continue
        try:
            out.append(_check_row(r, i, texts, seen))
        except _RowError as exc:
            if problems is None:
                raise FramingError(f"{name}, row {i}: {exc}") from None
            problems.append(BadRow(i, str(exc)))
    return out


def read_coding(path: str | Path, corpus: Corpus, *, problems: list[BadRow] | None = None) -> list[CodedRow]:
    """Read and check a coding CSV (see :func:`parse_coding`); errors name the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FramingError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" export on Windows
    return parse_coding(text, corpus, name=str(path), problems=problems)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass
class _Comparison:
    units: list[tuple[str, int, int]]
    tool: pd.DataFrame
    cues: list[CodedRow]
    pairs: list[tuple[int, int]]  # (tool row position, cue index)


def _compare(rows: Sequence[CodedRow], spans: pd.DataFrame, coder: str, feature: str) -> _Comparison:
    mine = [r for r in rows if r.coder == coder and r.feature == feature]
    sents = spans[(spans["feature"] == "sentence") & spans["article_id"].isin({r.article_id for r in mine})]
    units: set[tuple[str, int, int]] = set()
    for r in mine:
        s = sents[(sents["article_id"] == r.article_id) & (sents["start"] < r.end) & (sents["end"] > r.start)]
        units.update((r.article_id, int(a), int(b)) for a, b in zip(s["start"], s["end"], strict=True))
        if s.empty:  # no sentence there (e.g. a heading): the row's own extent is the unit
            units.add((r.article_id, r.start, r.end))
    unit_list = sorted(units)
    cand = spans[(spans["feature"] == feature) & spans["article_id"].isin({u[0] for u in unit_list})]
    keep = [any(u[0] == a and _overlap(s, e, u[1], u[2]) for u in unit_list)
            for a, s, e in zip(cand["article_id"], cand["start"], cand["end"], strict=True)]
    tool = cand[keep].sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)
    cues = sorted((r for r in mine if r.cue_start >= 0), key=lambda r: (r.article_id, r.cue_start, r.cue_end, r.row))
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for j, c in enumerate(cues):
        for i, (a, s, e) in enumerate(zip(tool["article_id"], tool["start"], tool["end"], strict=True)):
            if i not in used and a == c.article_id and _overlap(int(s), int(e), c.cue_start, c.cue_end):
                used.add(i)
                pairs.append((i, j))
                break
    return _Comparison(unit_list, tool, cues, pairs)


def _present(unit: tuple[str, int, int], items: Iterable[tuple[str, int, int]]) -> bool:
    return any(a == unit[0] and _overlap(s, e, unit[1], unit[2]) for a, s, e in items)


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa of two codings of the same units; NaN where undefined.

    Example:
        >>> round(cohen_kappa([1, 1, 1, 0, 0], [1, 1, 0, 1, 0]), 4)
        0.1667
        >>> cohen_kappa([1, 1], [1, 1])
        nan
    """
    if len(a) < 2 or (len(set(a)) == 1 and set(a) == set(b)):
        return math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(list(a), list(b), labels=[0, 1]))


def kappa_note(kappa: float, tool: Sequence[int], coder: Sequence[int]) -> str:
    """Why a kappa is not meaningful ("" when it is).

    Example:
        >>> kappa_note(1.0, [1, 0], [1, 0])
        'not meaningful: only 2 sentences (needs at least 10)'
        >>> kappa_note(math.nan, [1] * 12, [1] * 12)
        'not meaningful: the tool gives every one of the 12 sentences the same answer'
    """
    n = len(tool)
    if n < MIN_KAPPA_UNITS:
        return f"not meaningful: only {n} sentence{'s' if n != 1 else ''} (needs at least {MIN_KAPPA_UNITS})"
    for side, codes in (("the tool", tool), ("the class", coder)):
        if len(set(codes)) == 1:
            return f"not meaningful: {side} gives every one of the {n} sentences the same answer"
    return "" if not math.isnan(kappa) else "not meaningful: undefined"


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else math.nan


def agreement_table(rows: Sequence[CodedRow], spans: pd.DataFrame) -> pd.DataFrame:
    """Per coder and feature: units, counts, each side's share of the other's finds, kappa (module docstring).

    Args:
        rows: Checked coding rows (:func:`parse_coding`).
        spans: The tool's span table for the same corpus (with ``sentence`` spans).

    Returns:
        One row per (coder, feature) with :data:`AGREEMENT_COLUMNS`.
    """
    records = []
    for coder, feature in sorted({(r.coder, r.feature) for r in rows}):
        cmp = _compare(rows, spans, coder, feature)
        tool_items = list(zip(cmp.tool["article_id"], cmp.tool["start"].astype(int), cmp.tool["end"].astype(int),
                              strict=True))
        cue_items = [(c.article_id, c.cue_start, c.cue_end) for c in cmp.cues]
        t = [int(_present(u, tool_items)) for u in cmp.units]
        c = [int(_present(u, cue_items)) for u in cmp.units]
        m = len(cmp.pairs)
        kappa = cohen_kappa(t, c)
        records.append({
            "coder": coder, "feature": feature, "n_units": len(cmp.units), "n_tool": len(tool_items),
            "n_coder": len(cue_items), "n_matched": m, "class_found_of_tool_pct": _pct(m, len(tool_items)),
            "tool_found_of_class_pct": _pct(m, len(cue_items)), "kappa": kappa, "kappa_note": kappa_note(kappa, t, c),
            "units_both": sum(x & y for x, y in zip(t, c, strict=True)),
            "units_tool_only": sum(x & (1 - y) for x, y in zip(t, c, strict=True)),
            "units_coder_only": sum((1 - x) & y for x, y in zip(t, c, strict=True)),
            "units_neither": sum((1 - x) & (1 - y) for x, y in zip(t, c, strict=True)),
        })
    return pd.DataFrame(records, columns=list(AGREEMENT_COLUMNS))


def _same(column: str, mine: str, t: pd.Series) -> bool:
    """Whether a coder's answer agrees with the tool's (voices and polarities through the options' sets)."""
    theirs = str(t[column])
    if column == "voice":
        return theirs in VOICE_WORDS_UNDERSTOOD.get(_word(mine), ())
    if column == "polarity":
        return (theirs or "affirmed") in POLARITY_WORDS_UNDERSTOOD.get(_word(mine), ())
    if column == "speaker":
        return bool(theirs) and (_norm(mine) in _norm(theirs) or _norm(theirs) in _norm(mine))
    return _norm(mine) == _norm(theirs) or (column == "label" and _norm(mine) == _norm(str(t["text"])))


def disagreements(rows: Sequence[CodedRow], spans: pd.DataFrame) -> pd.DataFrame:
    """Every span only the tool found, every cue only the coder found, and mismatched attributes of matches.

    ``kind`` is ``tool_only``, ``coder_only`` or ``<column>_differs`` (label,
    polarity, voice or speaker of a matched pair, where the coder filled it in).
    """
    records: list[dict[str, object]] = []
    for coder, feature in sorted({(r.coder, r.feature) for r in rows}):
        cmp = _compare(rows, spans, coder, feature)
        matched_tool = {i for i, _ in cmp.pairs}
        matched_cue = {j for _, j in cmp.pairs}
        base = {"coder": coder, "feature": feature}
        for i, t in cmp.tool.iterrows():
            if i not in matched_tool:
                records.append({**base, "kind": "tool_only", "article_id": t["article_id"], "outlet_id": t["outlet_id"],
                                "start": int(t["start"]), "end": int(t["end"]), "text": t["text"],
                                "tool_label": t["label"], "tool_category": t["category"], "coder_value": "",
                                "tool_value": "", "row": -1})
        outlet = dict(zip(spans["article_id"], spans["outlet_id"], strict=True))
        for j, c in enumerate(cmp.cues):
            if j not in matched_cue:
                records.append({**base, "kind": "coder_only", "article_id": c.article_id,
                                "outlet_id": outlet.get(c.article_id, ""), "start": c.cue_start, "end": c.cue_end,
                                "text": c.text, "tool_label": "", "tool_category": "", "coder_value": c.label,
                                "tool_value": "", "row": c.row})
        for i, j in cmp.pairs:
            t, c = cmp.tool.iloc[i], cmp.cues[j]
            for column in ("label", "polarity", "voice", "speaker"):
                mine = getattr(c, column)
                theirs = str(t[column])
                if mine and not _same(column, mine, t):
                    records.append({**base, "kind": f"{column}_differs", "article_id": c.article_id,
                                    "outlet_id": t["outlet_id"], "start": int(t["start"]), "end": int(t["end"]),
                                    "text": t["text"], "tool_label": t["label"], "tool_category": t["category"],
                                    "coder_value": mine, "tool_value": theirs, "row": c.row})
    out = pd.DataFrame(records, columns=list(DISAGREEMENT_COLUMNS))
    return out.sort_values(["coder", "feature", "article_id", "start", "kind"], kind="mergesort").reset_index(drop=True)
