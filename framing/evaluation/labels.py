"""Validate relationship labels against the in-house seed gold (``seeds/relationship_labels.jsonl``).

The gold gives each label mention's absolute character offset in the raw seed
file. The extractor runs on an article whose text is the raw file, and only
hits on body lines count (``body.jsonl``: ``body_line_range`` minus
``non_body_lines_inside_range``), so the figures measure the label rules, not
the cleaner. A hit matches a gold mention when their character spans overlap.

* Detection is scored on the ``core`` tier. A hit on an ``extended`` mention is
  neither a true nor a false positive; a missed extended mention is no miss.
* Polarity, target and voice are scored on matched hits of both tiers. Gold
  ``reported_rejection`` counts as ``negated`` (the extractor does not emit
  ``reported_rejection``; see :mod:`framing.features.labels`).
* Target: "dyad vs not dyad" (primary) and the exact id (secondary). The
  seed gold is about the sample story, so the dyad is the default story's
  (:func:`framing.story.default_story`).

Example:
    >>> rows = validate(Path("/nonexistent"))
    >>> rows[0].note.startswith("missing")
    True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from framing.attribution import prepare_doc
from framing.corpus.decoding import decode_bytes
from framing.corpus.loading import default_corpus_path
from framing.evaluation import ValidationRow
from framing.evaluation.scoring import prf
from framing.features.labels import extract
from framing.model import Article, Span
from framing.story import default_story

DATASET = "seeds relationship_labels (body)"
ANCHOR = "no published benchmark (in-house seed gold, single annotator)"


@dataclass(frozen=True)
class LabelMatch:
    """One gold mention and the hit matched to it (``None`` if missed)."""

    gold: dict[str, object]
    span: Span | None


@dataclass(frozen=True)
class SeedScore:
    """Matches on the seeds' body text, plus hits that match no gold mention."""

    matches: list[LabelMatch]
    unmatched: list[Span]


def _seed_dir(gold_dir: Path) -> Path | None:
    for cand in (gold_dir.parent / "seeds", default_corpus_path()):
        if cand.is_dir() and any(cand.glob("*.txt")):
            return cand
    return None


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _body_offsets(text: str, info: dict[str, object]) -> list[tuple[int, int]]:
    """Character ranges of the body lines of a raw seed file."""
    line_range: list[int] = list(info["body_line_range"])  # type: ignore[call-overload]
    lo, hi = line_range[0], line_range[1]
    skip = set(info.get("non_body_lines_inside_range") or [])  # type: ignore[call-overload]
    ranges = []
    pos = 0
    for n, line in enumerate(text.splitlines(keepends=True), start=1):
        if lo <= n <= hi and n not in skip:
            ranges.append((pos, pos + len(line)))
        pos += len(line)
    return ranges


def score_seed_labels(gold_dir: Path) -> SeedScore | None:
    """Run the label extractor on the seed files and match hits to the gold.

    Returns ``None`` when the seed gold or the seed texts are absent.
    """
    gold_path = gold_dir / "seeds" / "relationship_labels.jsonl"
    body_path = gold_dir / "seeds" / "body.jsonl"
    seeds = _seed_dir(gold_dir)
    if not gold_path.is_file() or not body_path.is_file() or seeds is None:
        return None
    gold = _read_jsonl(gold_path)
    bodies = {str(b["file"]): b for b in _read_jsonl(body_path)}
    matches: list[LabelMatch] = []
    unmatched: list[Span] = []
    for name, info in sorted(bodies.items()):
        path = seeds / name
        if not path.is_file():
            continue
        raw = decode_bytes(path.read_bytes()).text
        article = Article(id=name, outlet_id=str(info.get("outlet", "")), outlet_name="", raw_text=raw, text=raw)
        doc = prepare_doc(article)
        body = _body_offsets(raw, info)
        hits = [s for s in extract(doc) if any(a <= s.start < b for a, b in body)]
        used: set[int] = set()
        for g in (g for g in gold if g["file"] == name):
            gs = int(g["term_offset"])  # type: ignore[call-overload]
            ge = gs + len(str(g["term"]))
            found = None
            for k, s in enumerate(hits):
                if k not in used and s.start < ge and gs < s.end:
                    found = s
                    used.add(k)
                    break
            matches.append(LabelMatch(g, found))
        unmatched += [s for k, s in enumerate(hits) if k not in used]
    return SeedScore(matches, unmatched)


def _ratio(num: int, den: int) -> float:
    return num / den if den else math.nan


def _norm_polarity(p: object) -> str:
    return "negated" if p == "reported_rejection" else str(p)


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Detection P/R/F1 (core tier) and polarity/target/voice accuracy on matched hits."""
    score = score_seed_labels(gold_dir)
    if score is None:
        return [
            ValidationRow(
                "relationship labels", DATASET, "F1 (core tier)", math.nan, ANCHOR, ">= 0.95", 0,
                f"missing seed gold or seed texts under {gold_dir}",
            )
        ]
    core = [m for m in score.matches if m.gold.get("tier") == "core"]
    tp = sum(1 for m in core if m.span is not None)
    fp = len(score.unmatched)
    p, r, f1 = prf(tp, fp, len(core) - tp)
    matched = [m for m in score.matches if m.span is not None]
    n = len(matched)
    pol = sum(1 for m in matched if m.span and m.span.polarity == _norm_polarity(m.gold["polarity"]))
    dyad_id = default_story().dyad
    dyad = sum(1 for m in matched if m.span and (m.span.target == dyad_id) == (m.gold["target"] == dyad_id))
    exact = sum(1 for m in matched if m.span and m.span.target == m.gold["target"])
    voice = sum(1 for m in matched if m.span and m.span.voice == m.gold["voice"])
    note_m = "matched hits, core + extended tiers"
    return [
        ValidationRow("relationship labels", DATASET, "precision (core tier)", p, ANCHOR, "", tp + fp,
                      f"{fp} hits match no gold mention; hits on extended mentions are not counted"),
        ValidationRow("relationship labels", DATASET, "recall (core tier)", r, ANCHOR, "", len(core),
                      "extended-tier mentions are optional"),
        ValidationRow("relationship labels", DATASET, "F1 (core tier)", f1, ANCHOR, ">= 0.95", len(core), ""),
        ValidationRow("label polarity", DATASET, "accuracy", _ratio(pol, n), ANCHOR, ">= 0.90", n,
                      f"{note_m}; gold reported_rejection scored as negated"),
        ValidationRow("label target", DATASET, "accuracy (dyad vs other)", _ratio(dyad, n), ANCHOR, ">= 0.90", n,
                      note_m),
        ValidationRow("label target", DATASET, "accuracy (exact id)", _ratio(exact, n), ANCHOR, "", n, note_m),
        ValidationRow("label voice", DATASET, "accuracy", _ratio(voice, n), ANCHOR, ">= 0.90", n,
                      f"{note_m}; voice comes from the quote extractor"),
    ]
