"""Validate the quote extractor on PolNeAR (dev split) and the seed quote annotations.

Definitions (PolNeAR, Newell et al. 2018; brat Source/Cue/Content spans):

* **Gold direct quote**: a piece of a ``Content`` span (discontinuous pieces
  separated only by whitespace are joined) whose text, trimmed, starts with an
  opening double quotation mark and ends with a closing one, optionally followed
  by ``.,;:?!``. Content that is only partly quoted ("that X “...”") is
  indirect speech in PolNeAR and is not a gold direct quote.
* **Predicted**: our top-level direct quotes (``voice == direct_quote``, not
  nested, not a ``title``) of 4 or more words, or with a speaker. Unattributed
  1-3 word items are scare quotes, and titles in quotation marks ("told “Fox
  and Friends”") are nobody's words; PolNeAR annotates neither. Predicted quotes lying
  inside a gold Content span that is not itself a quote (a quoted fragment of
  indirect speech) are not scored either way: PolNeAR has no unit for them.
* **Match**: one-to-one, greedy in text order; the overlap must cover at least
  50% of the *longer* of the two spans (quote marks included on both sides).
  **Exact match**: the same start and end, quote marks included (punctuation
  after the gold quote's closing mark, ``“...”.``, is dropped).
* **Speaker accuracy**, over matched quotes whose relation has a Source: correct
  when the speaker mention our rule used overlaps the gold Source span, or
  (for speakers inherited from an earlier quote or resolved pronouns) when the
  last word of our speaker occurs in the gold Source text or the gold Source's
  last word occurs in our speaker.
* **Cue accuracy**: our cue overlaps the gold Cue span, over matched quotes with
  a cue of their own.

The article's annotation by the lowest annotator id is used where there are
several. Only ``train`` and ``dev`` are read; the test split is held back.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from framing.attribution import prepare_doc
from framing.corpus.loading import default_corpus_path
from framing.document import Quote
from framing.evaluation import ValidationRow
from framing.evaluation.polnear import GoldRelation, load_articles
from framing.evaluation.scoring import prf
from framing.model import Article

_AFTER_CLOSE_RE = re.compile(r"[\"”’'][.,;:?!]+$")
_ANCHOR_F1 = "SFU Gender Gap Tracker 83.7 F1 (Asr et al. 2021); BBC citron 83.2 overlap F1 (Newell et al.)"
_ANCHOR_SPK = "SFU Gender Gap Tracker 86.5% speaker accuracy (Asr et al. 2021)"


@dataclass(frozen=True)
class GoldQuote:
    """One gold direct quote with its linked Source and Cue spans (``(-1, -1)`` if absent)."""

    start: int
    end: int
    source: tuple[int, int]
    source_text: str
    cue: tuple[int, int]


def _gold_quotes(text: str, relations: list[GoldRelation]) -> tuple[list[GoldQuote], list[tuple[int, int]]]:
    """Gold direct quotes and all Content pieces of one article's relations."""
    quotes: list[GoldQuote] = []
    contents: list[tuple[int, int]] = []
    for rel in relations:
        if not rel.content:
            continue
        src = rel.source or ((-1, -1),)
        cue = rel.cue or ((-1, -1),)
        src_span = (min(a for a, _ in src), max(b for _, b in src))
        cue_span = (min(a for a, _ in cue), max(b for _, b in cue))
        for a, b, direct in rel.content:
            contents.append((a, b))
            if direct:
                lead = len(text[a:b]) - len(text[a:b].lstrip())
                trail = len(text[a:b]) - len(text[a:b].rstrip())
                src_text = text[src_span[0] : src_span[1]] if src_span[0] >= 0 else ""
                quotes.append(GoldQuote(a + lead, b - trail, src_span, src_text, cue_span))
    return quotes, contents


def load_polnear(split_dir: Path) -> list[tuple[str, str, list[GoldQuote], list[tuple[int, int]]]]:
    """``(name, text, gold quotes, content pieces)`` per article of a PolNeAR split folder.

    Example:
        >>> load_polnear(Path("/nonexistent"))
        []
    """
    return [(art.name, art.text, *_gold_quotes(art.text, art.relations)) for art in load_articles(split_dir)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", s.lower())


def _last_word(s: str) -> str:
    words = re.findall(r"[^\W_]+", s.lower())
    return words[-1] if words else ""


@dataclass
class QuoteScores:
    """Counts behind the quote rows."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    cue_ok: int = 0
    cue_n: int = 0
    exact_tp: int = 0
    exact_fp: int = 0
    exact_fn: int = 0

    @property
    def exact_f1(self) -> float:
        """F1 of exact span matches (see the module docstring)."""
        return prf(self.exact_tp, self.exact_fp, self.exact_fn)[2]

    @property
    def precision(self) -> float:
        """Precision (NaN with no predictions)."""
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        """Recall (NaN with no gold)."""
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return prf(self.tp, self.fp, self.fn)[2]


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold quote without the punctuation after its closing mark (``“...”.`` -> ``“...”``)."""
    m = _AFTER_CLOSE_RE.search(text, start, end)
    return (start, m.start() + 1) if m else (start, end)


def _inside_indirect(q: Quote, gold_spans: list[tuple[int, int]], contents: list[tuple[int, int]]) -> bool:
    """A predicted quote lying inside indirect speech that overlaps no gold quote: not scored."""
    return any(a <= q.start and q.end <= b and (a, b) not in gold_spans for a, b in contents) and not any(
        _overlap((q.start, q.end), gs) for gs in gold_spans
    )


def score_polnear(split_dir: Path, *, errors: list[dict[str, object]] | None = None) -> QuoteScores:
    """Score direct quotes and speakers on one PolNeAR split (see the module docstring).

    Example:
        >>> score_polnear(Path("/nonexistent")).tp
        0
    """
    sc = QuoteScores()
    for name, text, gold, contents in load_polnear(split_dir):
        doc = prepare_doc(Article(id=name, outlet_id="polnear", outlet_name="PolNeAR", raw_text=text, text=text))
        preds = [
            q for q in doc.quotes
            if q.voice == "direct_quote" and not q.nested and q.quote_type != "title" and (q.words >= 4 or q.speaker)
        ]
        gold_spans = [(g.start, g.end) for g in gold]
        exact = {_core(text, g.start, g.end) for g in gold}
        sc.exact_fn += len(exact)
        matched: set[int] = set()
        for q in preds:
            if (q.start, q.end) in exact:
                sc.exact_tp += 1
                sc.exact_fn -= 1
                exact.discard((q.start, q.end))
            elif not _inside_indirect(q, gold_spans, contents):
                sc.exact_fp += 1
            best, best_ov = -1, 0
            for k, g in enumerate(gold):
                if k in matched:
                    continue
                ov = _overlap((q.start, q.end), (g.start, g.end))
                if ov >= 0.5 * max(q.end - q.start, g.end - g.start) and ov > best_ov:
                    best, best_ov = k, ov
            if best < 0:
                if not _inside_indirect(q, gold_spans, contents):
                    sc.fp += 1
                    if errors is not None:
                        errors.append({"article": name, "type": "fp", "text": q.text[:120], "speaker": q.speaker})
                continue
            matched.add(best)
            sc.tp += 1
            g = gold[best]
            if g.source[0] >= 0:
                sc.speaker_n += 1
                ok = q.speaker_start >= 0 and _overlap((q.speaker_start, q.speaker_end), g.source) > 0
                if not ok and q.speaker:
                    ours, theirs = _last_word(q.speaker), _last_word(g.source_text)
                    ok = bool(ours) and (ours in _words(g.source_text) or theirs in _words(q.speaker))
                sc.speaker_ok += ok
                if not ok and errors is not None:
                    errors.append(
                        {"article": name, "type": "speaker", "text": q.text[:80], "ours": q.speaker,
                         "gold": g.source_text}
                    )
            if q.cue_start >= 0 and g.cue[0] >= 0:
                sc.cue_n += 1
                sc.cue_ok += _overlap((q.cue_start, q.cue_end), g.cue) > 0
        for k, g in enumerate(gold):
            if k not in matched:
                sc.fn += 1
                if errors is not None:
                    errors.append({"article": name, "type": "fn", "text": text[g.start : g.end][:120]})
    return sc


@dataclass(frozen=True)
class SeedQuoteScore:
    """Counts on the seed quote annotations."""

    found: int = 0
    total: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    origin_ok: int = 0
    origin_n: int = 0


def score_seeds(seed_gold: Path, seeds_dir: Path) -> SeedQuoteScore:
    """Found quotes, speaker and origin agreement on the seed quote annotations.

    A gold quote is found when one of our direct quotes covers more than half of
    it; the speaker is checked for ``quote_type == person`` items with a named
    speaker, matching by containment either way or by surname; the origin
    (china, russia, us, europe, other, unknown) on every found quote.

    Example:
        >>> score_seeds(Path("/nonexistent.jsonl"), Path("/nonexistent")).total
        0
    """
    if not seed_gold.is_file() or not seeds_dir.is_dir():
        return SeedQuoteScore()
    gold = [json.loads(line) for line in seed_gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs: dict[str, list[Quote]] = {}
    found = spk_ok = spk_n = org_ok = 0
    for g in gold:
        f = str(g["file"])
        if f not in docs:
            t = (seeds_dir / f).read_text(encoding="utf-8")
            d = prepare_doc(Article(id=f, outlet_id="seed", outlet_name="seed", raw_text=t, text=t))
            docs[f] = [q for q in d.quotes if q.voice == "direct_quote"]
        gs, ge = int(g["offset"]), int(g["offset"]) + len(str(g["quote"]))
        hits = [q for q in docs[f] if _overlap((q.start, q.end), (gs, ge)) > 0.5 * (ge - gs)]
        hits.sort(key=lambda q: q.nested != bool(g["nested"]))
        if not hits:
            continue
        found += 1
        org_ok += hits[0].origin == g["speaker_origin"]
        gold_speaker = str(g["speaker"]).split(" (")[0].lower()
        if g["quote_type"] != "person" or gold_speaker == "unattributed":
            continue
        spk_n += 1
        ours = hits[0].speaker.lower()
        spk_ok += bool(ours) and (ours in gold_speaker or gold_speaker in ours or _last_word(ours) == _last_word(
            gold_speaker))
    return SeedQuoteScore(found, len(gold), spk_ok, spk_n, org_ok, found)


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Quote P/R/F1 (overlap and exact), speaker and cue accuracy on PolNeAR dev; seed recall, speakers, origins.

    Example:
        >>> [r.metric for r in validate(Path("/nonexistent"))][:1]
        ['F1 (>=50% overlap)']
    """
    rows: list[ValidationRow] = []
    dev = gold_dir / "polnear" / "data" / "dev"
    if not (dev / "text").is_dir():
        note = f"PolNeAR dev split not found under {dev}"
        for metric in ("F1 (>=50% overlap)", "F1 (exact span)", "speaker accuracy"):
            rows.append(ValidationRow("direct quotes", "polnear dev", metric, math.nan, note=note))
    else:
        sc = score_polnear(dev)
        n = sc.tp + sc.fn
        rows += [
            ValidationRow("direct quotes", "polnear dev", "F1 (>=50% overlap)", sc.f1, _ANCHOR_F1, ">= 0.93", n,
                          "gold = Content pieces enclosed in quotation marks; overlap >= 50% of the longer span"),
            ValidationRow("direct quotes", "polnear dev", "F1 (exact span)", sc.exact_f1, "", "", n,
                          "same start and end, quote marks included; titles in quotation marks are not predictions"),
            ValidationRow("direct quotes", "polnear dev", "precision", sc.precision, "", "", sc.tp + sc.fp),
            ValidationRow("direct quotes", "polnear dev", "recall", sc.recall, "", "", n),
            ValidationRow("quote speaker", "polnear dev", "speaker accuracy", sc.speaker_ok / sc.speaker_n
                          if sc.speaker_n else math.nan, _ANCHOR_SPK, ">= 0.90", sc.speaker_n,
                          "matched quotes with a gold Source; mention overlap or head-word match"),
            ValidationRow("quote cue", "polnear dev", "cue accuracy", sc.cue_ok / sc.cue_n if sc.cue_n else math.nan,
                          "", "", sc.cue_n, "our cue overlaps the gold Cue span"),
        ]
    seed_gold = gold_dir / "seeds" / "quotes.jsonl"
    seeds_dir = default_corpus_path()
    seeds = score_seeds(seed_gold, seeds_dir)
    if seeds.total:
        rows.append(ValidationRow("direct quotes", "seeds (in-house)", "recall", seeds.found / seeds.total, "", "1.0",
                                  seeds.total))
        rows.append(ValidationRow("quote speaker", "seeds (in-house)", "speaker accuracy",
                                  seeds.speaker_ok / seeds.speaker_n if seeds.speaker_n else math.nan, "", "1.0",
                                  seeds.speaker_n, "person quotes with a named speaker"))
        rows.append(ValidationRow("source origin", "seeds (in-house)", "accuracy (6 classes)",
                                  seeds.origin_ok / seeds.origin_n if seeds.origin_n else math.nan, "", ">= 0.95",
                                  seeds.origin_n, "origin only from what the article says; 'unknown' otherwise; "
                                  "joint sources of several origins 'other'"))
    return rows
