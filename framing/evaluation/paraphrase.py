"""Validate attributed paraphrase (indirect speech) on PolNeAR, beside a naive regex peer.

Definitions (PolNeAR, Newell et al. 2018; brat Source/Cue/Content spans):

* **Gold indirect speech**: a piece of a ``Content`` span (discontinuous
  pieces separated only by whitespace are joined) that is *not* a direct quote,
  i.e. not wholly enclosed in quotation marks (see
  :mod:`framing.evaluation.quotes`). Content that is only partly quoted
  ("that X “...”") is indirect speech. PolNeAR annotates beliefs and stances
  too ("he figures that ...", "endorsed Sanders' approach"): so does the seed
  gold's *attributed_paraphrase* voice.
* **Predicted**: our ``attributed_paraphrase`` records (they have a speaker).
* **Match**: one-to-one, greedy in text order; the shared word tokens must be
  at least 50% of the word tokens of the *longer* span.
* **Speaker accuracy**, over matched paraphrases whose relation has a Source:
  our speaker mention overlaps the gold Source, or the last word of either
  occurs in the other.
* **Naive peer** ("X said that ..."): in each sentence, the first form of
  "say" or "tell"; the rest of the sentence (after an optional "that") is the
  content, and the words before the verb are the speaker.

The article's annotation by the lowest annotator id is used where there are
several. Only ``train`` and ``dev`` are read; the test split is held back.

Example:
    >>> rows = validate(Path("/nonexistent"))
    >>> rows[0].measure, rows[0].note.startswith("PolNeAR dev split not found")
    ('indirect speech', True)
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.corpus.segmentation import WORD_RE, split_sentences
from framing.evaluation import ValidationRow
from framing.evaluation.polnear import GoldArticle, Span, load_articles
from framing.evaluation.quotes import QuoteScores

_NAIVE_RE = re.compile(r"\b(?:say|says|said|tell|tells|told)\b(?:\s+that\b)?\s+", re.IGNORECASE)
_ANCHOR = "no published figure for PolNeAR indirect speech at this matching; naive regex peer in the next rows"
#: Share of the PolNeAR train articles kept out of fitting, for an honest train figure.
HELD_OUT_SHARE = 0.15

def is_held_out(name: str) -> bool:
    """Whether a PolNeAR train article is in the held-out part (a fixed hash of its name).

    Example:
        >>> sum(is_held_out(f"a{i}") for i in range(1000)) in range(100, 200)
        True
    """
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % 1000 < HELD_OUT_SHARE * 1000


def _tokens(text: str, span: Span) -> set[int]:
    return {m.start() for m in WORD_RE.finditer(text, span[0], span[1])}


def _words(s: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(s)]


@dataclass(frozen=True)
class Predicted:
    """A predicted paraphrase: its content and speaker mention (``(-1, -1)``: none or inherited)."""

    content: Span
    speaker: Span
    speaker_text: str


@dataclass
class ParaphraseScores(QuoteScores):
    """Counts behind the paraphrase rows (the quote counts; cue counts unused), and optionally the errors."""

    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched paraphrases with the right speaker (NaN with none)."""
        return self.speaker_ok / self.speaker_n if self.speaker_n else math.nan


def _speaker_ok(text: str, pred: Predicted, source: tuple[Span, ...]) -> bool:
    if pred.speaker[0] >= 0 and any(min(pred.speaker[1], b) > max(pred.speaker[0], a) for a, b in source):
        return True
    gold_words = _words(" ".join(text[a:b] for a, b in source))
    ours = _words(pred.speaker_text)
    return bool(ours and gold_words) and (ours[-1] in gold_words or gold_words[-1] in ours)


def score_article(art: GoldArticle, preds: list[Predicted], sc: ParaphraseScores, *, keep_errors: bool = False) -> None:
    """Add one article's matches to ``sc`` (see the module docstring).

    Example:
        >>> from framing.evaluation.polnear import GoldRelation
        >>> t = "He said ties grew fast."
        >>> art = GoldArticle("a", t, [GoldRelation(((0, 2),), ((3, 7),), ((8, 22, False),))])
        >>> sc = ParaphraseScores()
        >>> score_article(art, [Predicted((8, 17), (0, 2), "he")], sc)
        >>> sc.tp, sc.speaker_ok
        (1, 1)
    """
    text = art.text
    gold = [(span, rel) for rel in art.relations for span in rel.indirect]
    gold_toks = [_tokens(text, span) for span, _ in gold]
    matched: set[int] = set()
    for p in sorted(preds, key=lambda p: p.content):
        toks = _tokens(text, p.content)
        best, best_ov = -1, 0
        for k, gt in enumerate(gold_toks):
            ov = len(toks & gt)
            if k not in matched and ov and ov >= 0.5 * max(len(toks), len(gt)) and ov > best_ov:
                best, best_ov = k, ov
        if best < 0:
            sc.fp += 1
            if keep_errors:
                sc.errors.append({"article": art.name, "type": "fp", "text": text[p.content[0] : p.content[1]]})
            continue
        matched.add(best)
        sc.tp += 1
        source = gold[best][1].source
        if source:
            sc.speaker_n += 1
            ok = _speaker_ok(text, p, source)
            sc.speaker_ok += ok
            if keep_errors and not ok:
                sc.errors.append({"article": art.name, "type": "speaker", "ours": p.speaker_text,
                                  "gold": " ".join(text[a:b] for a, b in source)})
    sc.fn += len(gold) - len(matched)
    if keep_errors:
        sc.errors += [{"article": art.name, "type": "fn", "text": text[a:b]}
                      for k, ((a, b), _) in enumerate(gold) if k not in matched]


def naive_paraphrases(text: str) -> list[Predicted]:
    """The naive peer: "X said (...) that CONTENT" to the end of the sentence.

    Example:
        >>> t = "Lee said that ties grew."
        >>> [(t[p.content[0]:p.content[1]], p.speaker_text) for p in naive_paraphrases(t)]
        [('ties grew.', 'Lee')]
    """
    out = []
    for s, e in split_sentences(text):
        m = _NAIVE_RE.search(text, s, e)
        if m and WORD_RE.search(text, m.end(), e):
            out.append(Predicted((m.end(), e), (s, m.start()), text[s : m.start()].strip()))
    return out


def model_paraphrases(text: str) -> list[Predicted]:
    """Our attributed paraphrase records of a text.

    Example:
        >>> t = "Analysts said that the talks failed."
        >>> [(t[p.content[0]:p.content[1]], p.speaker_text) for p in model_paraphrases(t)]
        [('the talks failed', 'Analysts')]
    """
    from framing.attribution import prepare_doc  # the validator reads the pipeline, not the other way round
    from framing.model import Article

    doc = prepare_doc(Article(id="x", outlet_id="x", outlet_name="x", raw_text=text, text=text))
    return [Predicted((q.start, q.end), (q.speaker_start, q.speaker_end), q.speaker)
            for q in doc.quotes if q.voice == "attributed_paraphrase"]


def score_split(
    articles: list[GoldArticle], predict: Callable[[str], list[Predicted]], *, keep_errors: bool = False
) -> ParaphraseScores:
    """Score a predictor on articles.

    Example:
        >>> score_split([], naive_paraphrases).tp
        0
    """
    sc = ParaphraseScores()
    for art in articles:
        score_article(art, predict(art.text), sc, keep_errors=keep_errors)
    return sc


def split_parts(gold_dir: Path) -> Iterator[tuple[str, list[GoldArticle]]]:
    """``("dev", articles)`` and ``("train held-out", articles)`` where present.

    Example:
        >>> list(split_parts(Path("/nonexistent")))
        []
    """
    base = gold_dir / "polnear" / "data"
    dev = load_articles(base / "dev")
    if dev:
        yield "dev", dev
    held = [a for a in load_articles(base / "train") if is_held_out(a.name)]
    if held:
        yield "train held-out", held


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Indirect-speech P/R/F1 and speaker accuracy on PolNeAR dev, with the naive peer beside them.

    Example:
        >>> [r.metric for r in validate(Path("/nonexistent"))][:1]
        ['F1 (>=50% token overlap)']
    """
    articles = load_articles(gold_dir / "polnear" / "data" / "dev")
    if not articles:
        note = f"PolNeAR dev split not found under {gold_dir / 'polnear' / 'data' / 'dev'}"
        return [ValidationRow("indirect speech", "polnear dev", "F1 (>=50% token overlap)", math.nan, note=note)]
    sc = score_split(articles, model_paraphrases)
    naive = score_split(articles, naive_paraphrases)
    n = sc.tp + sc.fn
    return [
        ValidationRow("indirect speech", "polnear dev", "F1 (>=50% token overlap)", sc.f1, _ANCHOR, ">= 0.55", n,
                      "gold = Content pieces not wholly in quotation marks; overlap >= 50% of the longer span's words"),
        ValidationRow("indirect speech", "polnear dev", "precision", sc.precision, "", "", sc.tp + sc.fp),
        ValidationRow("indirect speech", "polnear dev", "recall", sc.recall, "", "", n),
        ValidationRow("indirect speech", "polnear dev", "naive 'X said that' F1", naive.f1, "", "", n,
                      f"regex peer: P {naive.precision:.2f}, R {naive.recall:.2f}"),
        ValidationRow("paraphrase speaker", "polnear dev", "speaker accuracy", sc.speaker_accuracy, "", ">= 0.85",
                      sc.speaker_n, "matched paraphrases with a gold Source; mention overlap or head-word match"),
        ValidationRow("paraphrase speaker", "polnear dev", "naive speaker accuracy", naive.speaker_accuracy, "", "",
                      naive.speaker_n, "regex peer: the words before the verb"),
    ]
