"""Agreement between people's hand-coding and the tool's spans: precision, recall, Cohen's kappa.

A class codes the sentences of the worksheet in ``coding_template.csv`` (one
row per sentence and feature; see :data:`CODING_COLUMNS`). ``start``/``end``
give the sentence (the *unit*) being coded; a coder writes the word or phrase
they found in ``text`` (one row per cue: copy the row for a second cue) or
leaves ``text`` blank for "nothing here". A coder who knows the exact offsets
may instead give ``start``/``end`` of the cue itself with ``text`` equal to it.

Definitions, per coder and feature (:func:`agreement_table`):

* **Units** are the sentences (``sentence`` spans) that overlap a coding row of
  that feature: only what the coder examined is compared.
* **Tool spans in scope** are the tool's spans of the feature overlapping a unit.
* A coder's cue and a tool span **match** when they are in the same article and
  their characters overlap; matching is one-to-one, greedy in text order.
* **Precision** = matched tool spans / tool spans (how many of the tool's finds
  the coder confirms); **recall** = matched coder cues / coder cues (how many of
  the coder's finds the tool also made). NaN when the denominator is 0.
* **Cohen's kappa** is computed over the units, each coded "feature present"
  (at least one cue overlaps the unit) or "absent" by the tool and by the coder
  (:func:`sklearn.metrics.cohen_kappa_score`); NaN where it is undefined (fewer
  than two units, or both sides give every unit the same code).

Example:
    >>> from framing.model import Span, spans_to_frame
    >>> text = "It may rain. It will snow."
    >>> spans = spans_to_frame([Span("a", "o", "sentence", 0, 12, "It may rain.", 0),
    ...     Span("a", "o", "sentence", 13, 26, "It will snow.", 1), Span("a", "o", "hedge", 3, 6, "may", 0)])
    >>> rows = [CodedRow(2, "a", "hedge", 0, 12, 3, 6, "may"), CodedRow(3, "a", "hedge", 13, 26, -1, -1, "")]
    >>> agreement_table(rows, spans)[["precision", "recall", "kappa"]].values.tolist()
    [[1.0, 1.0, 1.0]]
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
from framing.evaluation.scoring import precision_recall_f1
from framing.model import Corpus

#: Columns of ``coding_template.csv``, in order. ``unit_text`` (the sentence) and ``help`` are for reading only.
CODING_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "feature",
    "start",
    "end",
    "unit_text",
    "text",
    "label",
    "polarity",
    "voice",
    "speaker",
    "coder",
    "help",
)

#: Columns a coding file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "feature", "start", "end", "text")

#: Features people can code.
CODABLE_FEATURES: tuple[str, ...] = ("hedge", "booster", "relationship_label", "quote", "paraphrase", "actor", "frame")

#: Words a coder may write in ``voice`` / ``polarity`` -> the span table's value.
VOICE_ALIASES: dict[str, str] = {
    "authorial": "authorial", "own": "authorial", "outlet": "authorial", "author": "authorial",
    "writer": "authorial", "journalist": "authorial",
    "direct_quote": "direct_quote", "quote": "direct_quote", "direct": "direct_quote", "quoted": "direct_quote",
    "attributed_paraphrase": "attributed_paraphrase", "paraphrase": "attributed_paraphrase",
    "reported": "attributed_paraphrase", "indirect": "attributed_paraphrase",
}
POLARITY_ALIASES: dict[str, str] = {
    "affirmed": "affirmed", "affirm": "affirmed", "yes": "affirmed", "is": "affirmed", "positive": "affirmed",
    "negated": "negated", "negate": "negated", "denied": "negated", "no": "negated", "not": "negated",
    "is not": "negated", "negative": "negated",
    "hypothetical": "hypothetical", "might": "hypothetical", "possible": "hypothetical",
    "questioned": "questioned", "question": "questioned", "asks": "questioned",
}

#: Columns of :func:`agreement_table`.
AGREEMENT_COLUMNS: tuple[str, ...] = (
    "coder", "feature", "n_units", "n_tool", "n_coder", "n_matched", "precision", "recall", "f1", "kappa",
    "units_both", "units_tool_only", "units_coder_only", "units_neither",
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
        polarity: Coder's polarity, normalised (optional).
        voice: Coder's voice, normalised (optional).
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


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()).casefold()


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


def _int(value: str, where: str, column: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise FramingError(f"{where}: `{column}` must be a whole number, got {value!r}") from None


def parse_coding(text: str, corpus: Corpus, *, name: str = "coding file") -> list[CodedRow]:
    """Check a coding file's rows against the corpus and locate every coder's cue.

    Args:
        text: The CSV text (a leading BOM is allowed).
        corpus: The corpus the coding refers to.
        name: File name used in error messages.

    Returns:
        One :class:`CodedRow` per row.

    Raises:
        FramingError: one line naming the file, the row and the problem (missing
            column, unknown article or feature, offsets outside the text, a
            marked text not found in its unit, an unknown voice/polarity).

    Example:
        >>> from framing.model import Article, Corpus
        >>> c = Corpus([Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain.")])
        >>> parse_coding("article_id,feature,start,end,text\\na,hedge,0,12,may\\n", c)[0].cue_start
        3
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
        where = f"{name}, row {i}"
        article_id, feature = r.get("article_id", ""), r.get("feature", "")
        if article_id not in texts:
            raise FramingError(f"{where}: unknown article_id {article_id!r} (not in the corpus)")
        if feature not in CODABLE_FEATURES:
            raise FramingError(f"{where}: unknown feature {feature!r}; use one of {', '.join(CODABLE_FEATURES)}")
        start, end = _int(r.get("start", ""), where, "start"), _int(r.get("end", ""), where, "end")
        n = len(texts[article_id])
        if not 0 <= start < end <= n:
            raise FramingError(f"{where}: offsets {start}-{end} are outside article {article_id!r} (0-{n})")
        mark = r.get("text", "")
        cue = (-1, -1)
        if mark:
            if _norm(texts[article_id][start:end]) == _norm(mark):
                cue = (start, end)
            else:
                key = (r.get("coder", ""), article_id, feature, start, end, _norm(mark))
                found = locate(texts[article_id], mark, start, end, skip=seen.get(key, 0))
                if found is None:
                    raise FramingError(
                        f"{where}: text {mark!r} not found in article {article_id!r} between {start} and {end}"
                    )
                seen[key] = seen.get(key, 0) + 1
                cue = found
        voice = r.get("voice", "")
        if voice and _norm(voice).replace(" ", "_") not in VOICE_ALIASES:
            raise FramingError(f"{where}: voice {voice!r} not understood; write own, quote or paraphrase")
        polarity = r.get("polarity", "")
        if polarity and _norm(polarity) not in POLARITY_ALIASES:
            raise FramingError(f"{where}: polarity {polarity!r} not understood; write affirmed, negated, "
                               "hypothetical or questioned")
        out.append(CodedRow(
            row=i, article_id=article_id, feature=feature, start=start, end=end, cue_start=cue[0], cue_end=cue[1],
            text=mark, label=r.get("label", ""), polarity=POLARITY_ALIASES.get(_norm(polarity), ""),
            voice=VOICE_ALIASES.get(_norm(voice).replace(" ", "_"), ""), speaker=r.get("speaker", ""),
            coder=r.get("coder", ""),
        ))
    return out


def read_coding(path: str | Path, corpus: Corpus) -> list[CodedRow]:
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
    return parse_coding(text, corpus, name=str(path))


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


def agreement_table(rows: Sequence[CodedRow], spans: pd.DataFrame) -> pd.DataFrame:
    """Per coder and feature: units, counts, precision, recall, F1 and Cohen's kappa (module docstring).

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
        p, r, f1 = precision_recall_f1(m, len(tool_items), m, len(cue_items))
        records.append({
            "coder": coder, "feature": feature, "n_units": len(cmp.units), "n_tool": len(tool_items),
            "n_coder": len(cue_items), "n_matched": m, "precision": p, "recall": r, "f1": f1,
            "kappa": cohen_kappa(t, c),
            "units_both": sum(x & y for x, y in zip(t, c, strict=True)),
            "units_tool_only": sum(x & (1 - y) for x, y in zip(t, c, strict=True)),
            "units_coder_only": sum((1 - x) & y for x, y in zip(t, c, strict=True)),
            "units_neither": sum((1 - x) & (1 - y) for x, y in zip(t, c, strict=True)),
        })
    return pd.DataFrame(records, columns=list(AGREEMENT_COLUMNS))


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
                if not mine:
                    continue
                same = _norm(mine) == _norm(theirs) or (column == "label" and _norm(mine) == _norm(str(t["text"])))
                if column == "speaker":
                    same = bool(theirs) and (_norm(mine) in _norm(theirs) or _norm(theirs) in _norm(mine))
                if not same:
                    records.append({**base, "kind": f"{column}_differs", "article_id": c.article_id,
                                    "outlet_id": t["outlet_id"], "start": int(t["start"]), "end": int(t["end"]),
                                    "text": t["text"], "tool_label": t["label"], "tool_category": t["category"],
                                    "coder_value": mine, "tool_value": theirs, "row": c.row})
    out = pd.DataFrame(records, columns=list(DISAGREEMENT_COLUMNS))
    return out.sort_values(["coder", "feature", "article_id", "start", "kind"], kind="mergesort").reset_index(drop=True)
