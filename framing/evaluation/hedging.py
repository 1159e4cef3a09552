"""Validate the hedge extractor against public speculation-cue gold (out of domain).

* ``sfu_review_negspec`` - SFU Review corpus, speculation cues (product, book,
  film... reviews; Konstantinova et al. 2012);
* ``bioscope`` - BioScope abstracts and full papers, speculation cues
  (biomedical; Vincze et al. 2008; the CoNLL-2010 shared task corpus).

Each document's sentences are joined into one text (blank line between
sentences, so sentence offsets are known without re-splitting) and the
``hedge`` spans are scored at cue level: a hit is correct when it overlaps a
gold speculation cue, a gold cue is found when a hit overlaps it. Also
reported: sentence level ("has a speculation cue"), core cues only, and the
most frequent gold cue words. Boosters have no public gold here.

Both corpora annotate cues a news hedge lexicon leaves out on purpose (SFU:
"if", "or", "can", "should"; BioScope: "or", "whether", "can"), so recall is
bounded well below 1; read the per-word rows.

Example:
    >>> rows = validate(Path("/nonexistent"))
    >>> [r.note.startswith("missing") for r in rows]
    [True, True]
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.document import Doc
from framing.evaluation import ValidationRow
from framing.evaluation.scoring import precision_recall_f1, prf
from framing.features.hedging import HEDGE, extract
from framing.model import Article

ANCHOR = (
    "CoNLL-2010 shared task (Farkas et al. 2010) used BioScope for hedge cue/scope detection with supervised, "
    "in-domain systems; this is a lexicon without training, scored out of domain"
)
TOP_WORDS = 8

#: Gold cue words the news hedge lexicon leaves out by design (conditionals, disjunction, deontic/dynamic modals).
OUT_OF_SCOPE = frozenset({"if", "or", "either", "can", "should", "must", "whether", "and/or", "either or"})


@dataclass
class GoldDoc:
    """One gold document: text, sentence offsets, speculation cues as char-span groups."""

    text: str
    sentences: list[tuple[int, int]]
    cues: list[list[tuple[int, int]]] = field(default_factory=list)


@dataclass
class CueScore:
    """Counts for cue- and sentence-level scoring."""

    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    sent_tp: int = 0
    sent_fp: int = 0
    sent_fn: int = 0
    pred_words: Counter[str] = field(default_factory=Counter)
    pred_ok_words: Counter[str] = field(default_factory=Counter)
    gold_words: Counter[str] = field(default_factory=Counter)
    gold_found_words: Counter[str] = field(default_factory=Counter)


def _join(sentences: list[tuple[str, list[list[tuple[int, int]]]]]) -> GoldDoc:
    """Join (sentence text, cue spans relative to it) into one document."""
    doc = GoldDoc("", [])
    parts: list[str] = []
    pos = 0
    for text, cues in sentences:
        doc.sentences.append((pos, pos + len(text)))
        doc.cues += [[(pos + a, pos + b) for a, b in cue] for cue in cues]
        parts.append(text)
        pos += len(text) + 2
    doc.text = "\n\n".join(parts)
    return doc


def _walk_sfu(
    el: ET.Element, inside: tuple[str, ...], tokens: list[str], cues: dict[str, list[tuple[int, int]]]
) -> None:
    """Collect the ``W`` tokens under ``el`` and the speculation cues they belong to."""
    if el.tag == "cue" and el.get("type") == "speculation":
        inside = (*inside, el.get("ID", ""))
    if el.tag == "W":
        tok = el.text or ""
        pos = sum(len(t) + 1 for t in tokens)
        for cid in inside:
            cues.setdefault(cid, []).append((pos, pos + len(tok)))
        tokens.append(tok)
    for child in el:
        _walk_sfu(child, inside, tokens, cues)


def read_sfu(folder: Path) -> Iterator[GoldDoc]:
    """Documents of the SFU Review corpus (tokens joined by spaces) with speculation cues."""
    for path in sorted(folder.glob("*/*.xml")):
        sentences = []
        for sent in ET.parse(path).getroot().iter("SENTENCE"):
            tokens: list[str] = []
            cues: dict[str, list[tuple[int, int]]] = {}
            _walk_sfu(sent, (), tokens, cues)
            sentences.append((" ".join(tokens), list(cues.values())))
        yield _join(sentences)


def _walk_bioscope(el: ET.Element, buf: list[str], cues: list[list[tuple[int, int]]]) -> None:
    """Append the text under ``el`` to ``buf``, recording speculation cue spans."""
    start = sum(len(x) for x in buf)
    buf.append(el.text or "")
    for child in el:
        _walk_bioscope(child, buf, cues)
        buf.append(child.tail or "")
    if el.tag == "cue" and el.get("type") == "speculation":
        cues.append([(start, sum(len(x) for x in buf))])


def read_bioscope(folder: Path) -> Iterator[GoldDoc]:
    """Documents of BioScope (abstracts and full papers) with speculation cues."""
    for name in ("abstracts.xml", "full_papers.xml"):
        path = folder / name
        if not path.is_file():
            continue
        for document in ET.parse(path).getroot().iter("Document"):
            sentences = []
            for sent in document.iter("sentence"):
                buf: list[str] = []
                cues: list[list[tuple[int, int]]] = []
                _walk_bioscope(sent, buf, cues)
                sentences.append(("".join(buf), cues))
            yield _join(sentences)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def score_hedges(docs: Iterator[GoldDoc], *, min_score: float = 0.0) -> CueScore:
    """Cue-level and sentence-level counts of ``hedge`` hits (score >= ``min_score``) against gold."""
    sc = CueScore()
    for i, g in enumerate(docs):
        article = Article(id=f"d{i}", outlet_id="gold", outlet_name="gold", raw_text=g.text, text=g.text)
        doc = Doc(article=article, sentences=g.sentences)
        hits = [(s.start, s.end) for s in extract(doc) if s.feature == HEDGE and s.score >= min_score]
        gold_spans = [sp for cue in g.cues for sp in cue]
        cue_words = [(" ".join(g.text[a:b] for a, b in cue).lower(), cue) for cue in g.cues]
        for h in hits:
            sc.pred += 1
            hit_words = [w for w, cue in cue_words if _overlaps(h, cue)]
            # a hit is counted under the gold cue word it matches, else under its own (last) word
            word = hit_words[0] if hit_words else g.text[h[0] : h[1]].lower().split()[-1]
            sc.pred_words[word] += 1
            if hit_words:
                sc.pred_ok += 1
                sc.pred_ok_words[word] += 1
        for word, cue in cue_words:
            sc.gold += 1
            sc.gold_words[word] += 1
            if any(_overlaps(h, cue) for h in hits):
                sc.gold_found += 1
                sc.gold_found_words[word] += 1
        for s, e in g.sentences:
            has_gold = any(s <= a < e for a, _ in gold_spans)
            has_pred = any(s <= a < e for a, _ in hits)
            sc.sent_tp += has_gold and has_pred
            sc.sent_fp += has_pred and not has_gold
            sc.sent_fn += has_gold and not has_pred
    return sc


def _rows(name: str, dataset: str, sc: CueScore, core: CueScore) -> list[ValidationRow]:
    p, r, f = precision_recall_f1(sc.pred_ok, sc.pred, sc.gold_found, sc.gold)
    sp, sr, sf = prf(sc.sent_tp, sc.sent_fp, sc.sent_fn)
    _, _, cf = precision_recall_f1(core.pred_ok, core.pred, core.gold_found, core.gold)
    measure = "hedge cues"
    out_gold = sum(n for w, n in sc.gold_words.items() if w in OUT_OF_SCOPE)
    out_found = sum(n for w, n in sc.gold_found_words.items() if w in OUT_OF_SCOPE)
    out_pred = sum(n for w, n in sc.pred_ok_words.items() if w in OUT_OF_SCOPE)
    _, _, inf = precision_recall_f1(
        sc.pred_ok - out_pred, sc.pred - out_pred, sc.gold_found - out_found, sc.gold - out_gold
    )
    rows = [
        ValidationRow(measure, dataset, "cue precision (overlap)", p, ANCHOR, "", sc.pred,
                      f"{name}; core + borderline"),
        ValidationRow(measure, dataset, "cue recall (overlap)", r, ANCHOR, "", sc.gold, f"{name}; core + borderline"),
        ValidationRow(measure, dataset, "cue F1 (overlap)", f, ANCHOR, "", sc.gold, f"{name}; core + borderline"),
        ValidationRow(measure, dataset, "cue F1 (overlap), core cues only", cf, ANCHOR, "", core.gold, name),
        ValidationRow(measure, dataset, "cue F1 (overlap), lexicon scope", inf, ANCHOR, "", sc.gold - out_gold,
                      f"{name}; gold cues {', '.join(sorted(OUT_OF_SCOPE))} left out (not news hedges by design)"),
        ValidationRow("hedged sentences", dataset, "sentence F1 (has a speculation cue)", sf, ANCHOR, "",
                      sc.sent_tp + sc.sent_fn, f"{name}; P={sp:.3f} R={sr:.3f}"),
    ]
    for word, n in sc.gold_words.most_common(TOP_WORDS):
        wp, wr, wf = precision_recall_f1(sc.pred_ok_words[word], sc.pred_words[word], sc.gold_found_words[word], n)
        rows.append(
            ValidationRow(measure, dataset, f"cue F1 for '{word}'", wf, "", "", n,
                          f"P={wp:.3f} R={wr:.3f}; {sc.pred_words[word]} hits")
        )
    return rows


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Cue-level P/R/F1 of hedges on SFU Review and BioScope speculation cues."""
    rows: list[ValidationRow] = []
    for folder, dataset, reader in (
        ("sfu_review_negspec", "sfu_review_negspec speculation", read_sfu),
        ("bioscope", "bioscope speculation (abstracts + full papers)", read_bioscope),
    ):
        path = gold_dir / folder
        if not path.is_dir():
            rows.append(ValidationRow("hedge cues", dataset, "cue F1 (overlap)", math.nan, ANCHOR, "", 0,
                                      f"missing {path}"))
            continue
        docs = list(reader(path))
        rows += _rows(folder, dataset, score_hedges(iter(docs)), score_hedges(iter(docs), min_score=1.0))
    return rows
