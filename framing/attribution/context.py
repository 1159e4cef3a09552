"""The per-document state every attribution step reads: text, sentences, paragraphs, names, cues.

Example:
    >>> t = "He said it.\\nShe left."
    >>> ctx = Context.of(t, [(0, 11), (12, 21)])
    >>> ctx.para_of(14), ctx.sentence_start(14), [c.text for c in ctx.cues.between(0, 11)]
    ((12, 21), 12, ['said'])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from framing.attribution.cues import CueIndex
from framing.attribution.marks import paragraphs
from framing.attribution.names import NameRegistry
from framing.attribution.speakers import Speaker, speaker_at
from framing.lexicons import read_word_list
from framing.story import Story, default_story

_SENT_END_RE = re.compile(r"[.!?](?=[\"”’']*(?:\s|$))")


@dataclass
class Context:
    """Per-document state shared by the attribution steps.

    Attributes:
        text: The article's cleaned text.
        sentences: ``(start, end)`` of each sentence.
        sent_starts: Start of each sentence.
        paras: ``(start, end)`` of each paragraph (non-blank line).
        para_starts: Start of each paragraph.
        names: The article's name registry.
        cues: The article's cues.
        story: The story (its places give speakers' origins).
        place_words: The story's one-word place, demonym and institution names, lower-case.
    """

    text: str
    sentences: list[tuple[int, int]]
    sent_starts: list[int]
    paras: list[tuple[int, int]]
    para_starts: list[int]
    names: NameRegistry
    cues: CueIndex
    story: Story
    place_words: frozenset[str]
    _speakers: dict[tuple[int, int, str], Speaker | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, text: str, sentences: list[tuple[int, int]], *, story: Story | None = None) -> Context:
        """Build the context of a text with its sentence offsets (story None: the default story)."""
        story = story or default_story()
        place_words = story.origin_words()
        paras = paragraphs(text)
        return cls(
            text=text,
            sentences=sentences,
            sent_starts=[s for s, _ in sentences],
            paras=paras,
            para_starts=[s for s, _ in paras],
            names=NameRegistry.of(text, place_words, phrases=story.place_phrases()),
            cues=CueIndex.of(text),
            story=story,
            place_words=place_words,
        )

    def para_of(self, pos: int) -> tuple[int, int]:
        """The paragraph containing ``pos`` (the first one if ``pos`` is before it)."""
        i = max(bisect.bisect_right(self.para_starts, pos) - 1, 0)
        return self.paras[i] if self.paras else (0, len(self.text))

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence containing ``pos`` (0 before the first)."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sentences[i][0] if i >= 0 else 0

    def speaker_at(self, start: int, end: int, appos: str = "") -> Speaker | None:
        """The speaker named by ``text[start:end]`` (see :func:`framing.attribution.speakers.speaker_at`).

        Kept per phrase: the steps ask about the same phrases again.
        """
        key = (start, end, appos)
        if key not in self._speakers:
            self._speakers[key] = speaker_at(self.text, start, end, self.names, appos)
        return self._speakers[key]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_word_list("abbreviations"))


def sentence_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence running on from ``pos`` (after its closing marks), at most ``hi``.

    Example:
        >>> t = "” Dr. Lee said. Then more."
        >>> t[:sentence_end(t, 1, len(t))]
        '” Dr. Lee said.'
    """
    for m in _SENT_END_RE.finditer(text, pos, hi):
        if text[m.start()] == ".":
            w = re.search(r"([\w.]+)$", text[max(pos, m.start() - 20) : m.start()])
            word = w.group(1).lower() if w else ""
            if len(word) == 1 or word in _abbreviations() or "." in word:
                continue
        return m.end()
    return hi


__all__ = ["Context", "sentence_end"]
