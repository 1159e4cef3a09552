"""A small, offline language guess: is this text English?

Counts common function words of a few languages (and scripts for Chinese,
Japanese, Korean, Cyrillic, Arabic). Good enough to flag a non-English
article so English-only measures are marked not applicable; not a general
language identifier.

Example:
    >>> guess_language("The two countries said that they would meet in the spring.")
    'en'
    >>> guess_language("Die beiden Länder haben sich auf eine Zusammenarbeit mit der Regierung geeinigt.")
    'de'
"""

from __future__ import annotations

import re
from collections import Counter

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for it with as was on be by are this have from at not".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split()),
    "fr": frozenset("le la les de des et en un une du est que pour dans qui au sur pas par ne".split()),
    "es": frozenset("el la de que y en los del se las por un para con una su al lo como".split()),
    "ro": frozenset("și în de la cu pe un o care să din este pentru mai ce nu sunt au fost".split()),
    "it": frozenset("il di che la e per un una del della non sono con si le da gli".split()),
}

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("zh", r"[\u4e00-\u9fff]"),
    ("ja", r"[\u3040-\u30ff]"),
    ("ko", r"[\uac00-\ud7af]"),
    ("ru", r"[\u0400-\u04ff]"),
    ("ar", r"[\u0600-\u06ff]"),
)


def guess_language(text: str, *, sample_chars: int = 20000) -> str:
    """ISO 639-1 code of the likeliest language, or ``"und"`` when unsure."""
    sample = text[:sample_chars]
    letters = sum(map(str.isalpha, sample))
    if letters == 0:
        return "und"
    for code, pattern in _SCRIPTS:
        if len(re.findall(pattern, sample)) > 0.3 * letters:
            return code
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < 3:
        return "und"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in fw) / len(words) for lang, fw in _FUNCTION_WORDS.items()}
    best = max(sorted(scores), key=lambda k: scores[k])
    return best if scores[best] >= 0.08 else "und"
