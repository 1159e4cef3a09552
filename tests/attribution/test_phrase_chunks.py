"""Speaker phrases found from the first or last words of a range equal those found from all its tokens."""

from __future__ import annotations

import random

from framing.attribution import phrases
from framing.corpus.segmentation import tokenize

TEXTS = [
    "Officials at the Office of the Director of National Intelligence and the Council on Foreign Relations in "
    "Washington, D.C., who have not yet been named publicly, have also not said much, former secretary of state "
    "Hillary Rodham Clinton told the Senate minority leader Harry Reid of Nevada on Tuesday morning.",
    "said the Carnegie Endowment for International Peace Moscow Center senior fellow Dmitri Trenin, a former "
    "colonel, in a report on Thursday that the retired neurosurgeon Ben Carson would not run again.",
    "The  very  long  list of   Capitalised Words Going On And On Without Any Break At All Until Here may "
    "still later today have not yet actually said",
]

_WORDS = ("Lee of the Council on Foreign Relations for New York Times senior fellow the a his he they has have not "
          "also may now said told retired released outgoing gambling Sen. Dr. D.C., and ( ) , — U.S.-China "
          "then-Chinese 2008 46-year-old spokesman analysts Jiang Zemin").split()
_RNG = random.Random(7)
_NAMES = "Lee Council Foreign Relations New York Times Jiang Zemin of of the for on spokesman retired Sen.".split()
TEXTS += [" ".join(_RNG.choice(words) for _ in range(_RNG.randrange(8, 40))) for words in (_WORDS, _NAMES)
          for _ in range(40)]


def _full_skip(text: str, lo: int, hi: int) -> int:
    toks = tokenize(text, lo, hi)
    i = phrases._skip_auxiliaries(text, toks, hi)
    return hi if i == len(toks) - 1 else (toks[i][1] if i >= 0 else lo)


def test_partial_tokens_give_the_same_phrases() -> None:
    for t in TEXTS:
        cuts = sorted({0, len(t)} | {k for k, ch in enumerate(t) if ch == " "} | {k + 1 for k, ch in enumerate(t)
                                                                                 if ch == " "})
        for lo in cuts[::3]:
            for hi in cuts:
                if hi <= lo:
                    continue
                full = tokenize(t, lo, hi)
                for modifiers in (False, True):
                    assert phrases.np_forward(t, lo, hi, modifiers=modifiers) == phrases._np_from(
                        t, full, lo, modifiers=modifiers, partial=False), (lo, hi, modifiers)
                    assert phrases.np_backward(t, lo, hi, modifiers=modifiers) == phrases._np_in(
                        t, full, hi, modifiers=modifiers, partial=False), (lo, hi, modifiers)
                assert phrases.skip_auxiliaries_back(t, lo, hi) == _full_skip(t, lo, hi), (lo, hi)
