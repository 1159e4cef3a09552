"""Article text with its spans highlighted: sliced at span offsets, every slice escaped.

Highlights come from the span table, never from searching the text again
(the way spaCy's displaCy renders entities). Spans may nest (a label inside a
quote) or cross (a quote running over a sentence end); a stack closes and
re-opens crossing elements. The first piece of a span carries
``data-span="<id>"`` (and ``id="span-<id>"`` for links); later pieces carry
``data-span-cont="<id>"``, so the number of distinct ``data-span`` values equals
the number of spans. The last piece carries the span's badge (``data-badge``).

Example:
    >>> items = [Item("1", 0, 9, "quote"), Item("2", 4, 12, "sentence")]
    >>> str(render_text("a <b> c. d", items)).count("data-span=")
    2
    >>> "a &lt;b" in str(render_text("a <b> c. d", items))
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup, escape

#: Features drawn as ``<mark>`` (cues); others are ``<span>``.
MARK_FEATURES: frozenset[str] = frozenset({"relationship_label", "hedge", "booster"})

#: Opening order for spans with the same extent: containers first.
_RANK: dict[str, int] = {
    "sentence": 0, "sentiment": 1, "quote": 2, "paraphrase": 3, "frame": 4, "actor": 5,
    "relationship_label": 6, "hedge": 7, "booster": 8,
}
_CLASS_RE = re.compile(r"[^a-z0-9_-]+")


def css_token(value: str) -> str:
    """A safe CSS class token from any string.

    Example:
        >>> css_token('Relationship Label"><script>')
        'relationship-label-script'
    """
    return _CLASS_RE.sub("-", value.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Item:
    """One span to draw: id, offsets, feature, extra classes and attributes."""

    id: str
    start: int
    end: int
    feature: str
    classes: tuple[str, ...] = ()
    title: str = ""
    badge: str = ""
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass
class _Piece:
    item: Item
    cont: bool
    final: bool = False

    def open_tag(self) -> str:
        it = self.item
        tag = "mark" if it.feature in MARK_FEATURES else "span"
        classes = " ".join(["hl", f"f-{css_token(it.feature)}", *(css_token(c) for c in it.classes)])
        parts = [f'<{tag} class="{escape(classes)}"']
        if self.cont:
            parts.append(f' data-span-cont="{escape(it.id)}"')
        else:
            parts.append(f' id="span-{escape(it.id)}" data-span="{escape(it.id)}"')
        if it.title:
            parts.append(f' title="{escape(it.title)}"')
        if self.final and it.badge:
            parts.append(f' data-badge="{escape(it.badge)}"')
        for k in sorted(it.attrs):
            parts.append(f' data-{css_token(k)}="{escape(it.attrs[k])}"')
        return "".join(parts) + ">"

    def close_tag(self) -> str:
        return "</mark>" if self.item.feature in MARK_FEATURES else "</span>"


def render_text(text: str, items: Iterable[Item]) -> Markup:
    """HTML of ``text`` with one element per item (continuations where items cross).

    Args:
        text: The article's cleaned text (untrusted; every slice is escaped).
        items: Spans to draw; offsets are clipped to the text.

    Returns:
        Safe markup; the concatenated text content equals ``text``.
    """
    n = len(text)
    clipped = []
    for it in items:
        s = min(max(it.start, 0), n)
        e = min(max(it.end, s), n)
        clipped.append((s, e, it))
    clipped.sort(key=lambda t: (t[0], -t[1], _RANK.get(t[2].feature, 9), t[2].id))
    starts: dict[int, list[tuple[int, int, Item]]] = {}
    for c in clipped:
        starts.setdefault(c[0], []).append(c)
    points = sorted({p for s, e, _ in clipped for p in (s, e)} | {n})
    out: list[object] = []
    stack: list[tuple[int, _Piece]] = []  # (end, open piece)
    pos = 0
    for p in points:
        if p > pos:
            out.append(str(escape(text[pos:p])))
            pos = p
        if any(end == p for end, _ in stack):
            reopen: list[tuple[int, _Piece]] = []
            while any(end == p for end, _ in stack):
                end, piece = stack.pop()
                out.append(piece.close_tag())
                if end == p:
                    piece.final = True
                else:
                    reopen.append((end, piece))
            for end, piece in reversed(reopen):
                new = _Piece(piece.item, cont=True)
                out.append(new)
                stack.append((end, new))
        for s, e, it in starts.get(p, []):
            piece = _Piece(it, cont=False)
            out.append(piece)
            if e == s:
                piece.final = True
                out.append(piece.close_tag())
            else:
                stack.append((e, piece))
    while stack:  # only reachable for spans ending past the text (clipped to n above)
        _, piece = stack.pop()
        piece.final = True
        out.append(piece.close_tag())
    return Markup("".join(x.open_tag() if isinstance(x, _Piece) else str(x) for x in out))
