"""'So-called X': the outlet distances itself from the name X, which is others' word (no speaker).

The adversarial label set's guideline (``tests/data/adversarial_labels.tsv``)
gives a label after "so-called" the paraphrase voice: the name is what others
call the thing, not the outlet's own choice. A run of that voice, with no
speaker, covers the words after "so-called" up to :data:`MAX_WORDS` words, a
punctuation mark, a function word or an auxiliary ("the so-called alliance
between ..." covers "alliance"). Where the words already have a voice (inside a
quotation or another source's paraphrase), that voice stays.

Example:
    >>> t = "The so-called alliance between them is thin."
    >>> [(r.voice, t[r.start:r.end]) for r in so_called_runs(t, VoiceMap())]
    [('attributed_paraphrase', 'alliance')]
"""

from __future__ import annotations

import re

from framing.attribution.words import AUXILIARIES, FUNCTION_WORDS, MODALS
from framing.document import VoiceMap, VoiceRun

#: How many words after "so-called" the run may cover.
MAX_WORDS = 3
_SO_CALLED_RE = re.compile(r"\bso[\s-]called\s+", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w’'\-]+|\S")
_STOPS = FUNCTION_WORDS | AUXILIARIES | MODALS


def so_called_runs(text: str, voice: VoiceMap) -> list[VoiceRun]:
    """Paraphrase-voice runs (no speaker) for the names after "so-called" that have no voice yet.

    Example:
        >>> t = "Their so-called strategic partnership, analysts say, is hollow."
        >>> [t[r.start:r.end] for r in so_called_runs(t, VoiceMap())]
        ['strategic partnership']
    """
    out = []
    for m in _SO_CALLED_RE.finditer(text):
        end = start = m.end()
        for n, w in enumerate(_WORD_RE.finditer(text, start)):
            word = w.group(0)
            if n >= MAX_WORDS or not word[:1].isalnum() or word.lower() in _STOPS:
                break
            end = w.end()
        if end > start and voice.at(start)[0] == "authorial":
            out.append(VoiceRun(start, end, "attributed_paraphrase", ""))
    return out


__all__ = ["MAX_WORDS", "so_called_runs"]
