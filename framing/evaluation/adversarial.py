"""Validate label polarity and voice on constructed adversarial sentences (``tests/data/adversarial_labels.tsv``).

The set is in-house: short news-like sentences written by the framing
developers to trip a keyword counter (negation at a distance, negated degree,
questions, conditionals, denials, reported speech without quotes, interrupted
and scare quotes, "so-called", labels in quoted titles, labels about other
relationships), on several country pairs. Its header gives the guideline.
It lives with the tests, not in the package: in an installed wheel the
validator says so and scores nothing.

Each row is one label mention (``term``, its ``nth`` occurrence in ``text``).
A snippet runs through the extractor of the story whose dyad it is about
(:func:`framing.story.packaged_stories`; the default story otherwise), and
the hit overlapping the mention is scored:

* polarity and voice accuracy on the mentions the extractor finds, per
  split (``dev``: tune rules on it; ``check``: only score it), with the
  mentions it misses counted apart;
* target "dyad vs other" on the snippets whose pair has a story.

The split is fixed by a hash of the snippet id (:func:`split_of`).

Example:
    >>> split_of("neg01") in ("dev", "check")
    True
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.attribution import prepare_doc
from framing.evaluation import ValidationRow
from framing.features.labels import extract
from framing.model import Article, Span
from framing.story import Story, default_story, load_story, packaged_stories

#: The set, relative to the repository this module sits in (absent from an installed wheel).
DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "adversarial_labels.tsv"
DATASET = "constructed adversarial sentences"
ANCHOR = "no published benchmark (in-house constructed set, single annotator)"
SPLITS = ("dev", "check")
#: Snippet ids of the mentions added in version 2 of the set (issue 13); the validator reports version 1 apart.
ADDED_PREFIX = "n13"


@dataclass(frozen=True)
class Item:
    """One gold label mention of the set (a row of the TSV)."""

    id: str
    dyad: str
    term: str
    nth: int
    about: str
    polarity: str
    voice: str
    trap: str
    text: str

    @property
    def start(self) -> int:
        """Character offset of the mention in ``text`` (-1 when the term is not there)."""
        pos = -1
        for _ in range(self.nth):
            pos = self.text.find(self.term, pos + 1)
            if pos < 0:
                return -1
        return pos


@dataclass(frozen=True)
class Scored:
    """An item and the extractor's hit on it (``None``: missed)."""

    item: Item
    span: Span | None
    dyad_id: str

    @property
    def polarity_ok(self) -> bool:
        """Whether the hit has the gold polarity."""
        return self.span is not None and self.span.polarity == self.item.polarity

    @property
    def voice_ok(self) -> bool:
        """Whether the hit has the gold voice."""
        return self.span is not None and self.span.voice == self.item.voice


def split_of(snippet_id: str) -> str:
    """``dev`` or ``check``: a fixed hash of the snippet id (every mention of a snippet is in one split).

    Example:
        >>> sorted({split_of(f"x{i}") for i in range(20)})
        ['check', 'dev']
    """
    return SPLITS[hashlib.sha256(snippet_id.encode("utf-8")).digest()[0] % 2]


def read_items(path: Path = DATA) -> list[Item]:
    """The rows of the set (lines starting with ``#`` are its header).

    Example:
        >>> read_items()[0].polarity in ("affirmed", "negated", "hypothetical", "questioned")
        True
    """
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    out = []
    for ln in lines[1:]:
        r = dict(zip(header, ln.split("\t"), strict=True))
        out.append(Item(r["id"], r["dyad"], r["term"], int(r["nth"]), r["about"], r["polarity"], r["voice"],
                        r["trap"], r["text"]))
    return out


@lru_cache(maxsize=1)
def _stories() -> dict[str, Story]:
    return {s.dyad: s for s in (load_story(p) for p in packaged_stories().values())}


def story_for(dyad: str) -> Story:
    """The packaged story whose dyad is ``dyad``, else the default story.

    Example:
        >>> story_for("india-us").members, story_for("france-germany").dyad
        (('india', 'us'), 'china-russia')
    """
    return _stories().get(dyad, default_story())


def score_items(items: list[Item]) -> list[Scored]:
    """Run each snippet once through its story's extractor and pair every item with the hit overlapping it."""
    out: list[Scored] = []
    spans: dict[tuple[str, str], list[Span]] = {}
    for it in items:
        story = story_for(it.dyad)
        key = (it.id, it.text)
        if key not in spans:
            art = Article(id=it.id, outlet_id="adversarial", outlet_name="adversarial", raw_text=it.text,
                          text=it.text)
            spans[key] = extract(prepare_doc(art), story=story)
        s, e = it.start, it.start + len(it.term)
        hit = next((sp for sp in spans[key] if sp.start < e and s < sp.end), None)
        out.append(Scored(it, hit, story.dyad))
    return out


def _ratio(num: int, den: int) -> float:
    return num / den if den else math.nan


def validate(gold_dir: Path) -> list[ValidationRow]:
    """Polarity and voice accuracy per split, mentions found, and target on story pairs (``gold_dir`` unused)."""
    del gold_dir
    measure = "label polarity / voice, constructed adversarial sentences"
    if not DATA.is_file():
        return [ValidationRow(measure, DATASET, "polarity accuracy", math.nan, ANCHOR, ">= 0.95", 0,
                              f"set not found at {DATA} (it ships with the source tree's tests, not the wheel)")]
    scored = score_items(read_items())
    rows: list[ValidationRow] = []
    for split in SPLITS:
        mine = [s for s in scored if split_of(s.item.id) == split]
        found = [s for s in mine if s.span is not None]
        n = len(found)
        missed = len(mine) - n
        note = f"{split} split ({'tune on it' if split == 'dev' else 'only scored'}); " \
               f"{n} of {len(mine)} mentions found, {missed} missed are not scored"
        ds = f"{DATASET} ({split})"
        first = [s for s in found if not s.item.id.startswith(ADDED_PREFIX)]
        v1 = f"; version-1 items only: {_ratio(sum(s.polarity_ok for s in first), len(first)):.3f} polarity, " \
             f"{_ratio(sum(s.voice_ok for s in first), len(first)):.3f} voice (n = {len(first)})"
        rows.append(ValidationRow(measure, ds, "polarity accuracy", _ratio(sum(s.polarity_ok for s in found), n),
                                  ANCHOR, ">= 0.95", n, note + v1))
        rows.append(ValidationRow(measure, ds, "voice accuracy", _ratio(sum(s.voice_ok for s in found), n),
                                  ANCHOR, ">= 0.90", n, "voice comes from the attribution step (VoiceMap)"))
        placed = [s for s in found if s.item.dyad == s.dyad_id and s.span is not None]
        ok = sum(1 for s in placed if s.span and (s.span.target == s.dyad_id) == (s.item.about == s.dyad_id))
        rows.append(ValidationRow(measure, ds, "target accuracy (dyad vs other)", _ratio(ok, len(placed)), ANCHOR,
                                  "", len(placed), "snippets about a packaged story's pair"))
    return rows
