"""PolNeAR attribution annotations (brat standoff): one parser and one loader for every validator.

PolNeAR (Newell et al. 2018) marks each attribution as a relation between
``Source``, ``Cue`` and ``Content`` spans; a span may be discontinuous. Content
pieces separated only by whitespace are joined. A content piece wholly enclosed
in quotation marks (curly, straight, or the two-character ``''`` and `````` of some
NYT text) is a direct quote (``direct``); the rest is indirect speech.
The annotation by the lowest annotator id is used where an article has several.

Example:
    >>> t = "He said ties grew."
    >>> ann = "T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 17\\tties grew\\n"
    >>> parse_brat(t, ann + "E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1")[0].content
    ((8, 17, False),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: A content piece wholly inside quotation marks (trailing punctuation allowed) is a direct quote.
DIRECT_RE = re.compile(r"\s*(?:[\"“]|''|``)[\s\S]*(?:[\"”]|'')[.,;:?!]*\s*")

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldRelation:
    """One PolNeAR attribution relation.

    Attributes:
        source: Source pieces (empty when the relation has no source).
        cue: Cue pieces.
        content: Content pieces, each ``(start, end, direct)``.
    """

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[tuple[int, int, bool], ...]

    @property
    def indirect(self) -> list[Span]:
        """Content pieces that are not direct quotes."""
        return [(a, b) for a, b, direct in self.content if not direct]


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article."""

    name: str
    text: str
    relations: list[GoldRelation]


def _pieces(text: str, frags: list[Span]) -> list[Span]:
    """Fragments joined where only whitespace separates them."""
    merged: list[list[int]] = []
    for a, b in sorted(frags):
        if merged and not text[merged[-1][1] : a].strip():
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def parse_brat(text: str, ann: str) -> list[GoldRelation]:
    """The attribution relations of one brat standoff file.

    Example:
        >>> t = "He said ties grew."
        >>> ann = "T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 17\\tties grew\\n"
        >>> parse_brat(t, ann + "E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1")[0].indirect
        [(8, 17)]
    """
    spans: dict[str, list[Span]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T") and " " in parts[1]:
            frags = parts[1].split(" ", 1)[1].split(";")
            try:
                spans[parts[0]] = [(int(a), int(b)) for a, b in (f.split() for f in frags)]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            relations.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for rel in relations:
        content = _pieces(text, spans.get(rel.get("Content", ""), []))
        out.append(GoldRelation(
            source=tuple(spans.get(rel.get("Source", ""), [])),
            cue=tuple(spans.get(rel.get("Cue", ""), [])),
            content=tuple((a, b, bool(DIRECT_RE.fullmatch(text[a:b]))) for a, b in content),
        ))
    return out


def load_articles(split_dir: Path) -> list[GoldArticle]:
    """The annotated articles of a PolNeAR split folder (lowest annotator id where there are several).

    Example:
        >>> load_articles(Path("/nonexistent"))
        []
    """
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not text_dir.is_dir():
        return []
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)
    out = []
    for tp in sorted(text_dir.glob("*.txt")):
        if tp.stem in anns:
            text = tp.read_text(encoding="utf-8")
            out.append(GoldArticle(tp.stem, text, parse_brat(text, anns[tp.stem].read_text(encoding="utf-8"))))
    return out
