"""A subject before a quoted predicate: 'Lee "has a record," said X' reports the subject with the quote.

A direct quote that opens in mid-clause, after the subject it predicates
('Clinton "caused tremendous havoc," he said', 'The "question remains open,"
Hasen wrote'), is a mixed quotation: the words before the quote are the
outlet's paraphrase of the same statement, and PolNeAR annotates subject and
quote as one content, partly quoted. :func:`subject_quotes` reads that content
for a quote with a trailing attribution (its cue after the quote): the
sentence opens with one to four words outside quotation marks, a noun phrase
(no comma; no connective, preposition or participle first), and the quote follows after a
space, its first letter lower-case (a predicate, not a new sentence). The
quoted words keep their direct-quote record and voice (the innermost run wins
in the voice map); the paraphrase record spans subject and quote, as a mixed
paraphrase after its cue does ('said that her family "came out ..."').

Example:
    >>> from framing.attribution.context import Context
    >>> from framing.attribution.direct import attribute_direct
    >>> from framing.attribution.marks import quotations
    >>> t = 'The port "is busier than it has been in a decade," the mayor said.'
    >>> ctx = Context.of(t, [(0, len(t))])
    >>> top = [q for q in quotations(t) if not q.nested]
    >>> [(t[a:b], sp.text) for a, b, sp, _ in subject_quotes(ctx, top, attribute_direct(ctx, top))]
    [('The port "is busier than it has been in a decade', 'mayor')]
"""

from __future__ import annotations

import re

from framing.attribution.context import Context
from framing.attribution.cues import CueMatch
from framing.attribution.direct import Attribution
from framing.attribution.marks import RawQuote
from framing.attribution.speakers import Speaker
from framing.attribution.words import FUNCTION_WORDS

#: Words the subject before the quote may have at most.
MAX_SUBJECT = 4
_SUBJECT_RE = re.compile(r"[ \t]*((?:[A-Za-z][\w’'.\-]*[ \t]+){0,3}[A-Za-z][\w’'.\-]*)[ \t]+$")
#: First words that make the words before the quote a connective or an adverbial, not a subject.
_NOT_SUBJECT = FUNCTION_WORDS | frozenset("now then instead still also perhaps maybe yes no well asked despite".split())
_TRIM = "\"“”'’‘ \t,.;:!?"


def subject_quotes(
    ctx: Context, top: list[RawQuote], attributions: list[Attribution]
) -> list[tuple[int, int, Speaker, CueMatch]]:
    """``(start, end, speaker, cue)`` of each subject-and-quoted-predicate content with a trailing attribution.

    ``top``: the top-level quotes; ``attributions``: their speakers and cues.

    Example:
        >>> from framing.attribution.direct import attribute_direct
        >>> from framing.attribution.marks import quotations
        >>> t = '"The port is busy," the mayor said.'
        >>> ctx = Context.of(t, [(0, len(t))])
        >>> top = [q for q in quotations(t) if not q.nested]
        >>> subject_quotes(ctx, top, attribute_direct(ctx, top))
        []
    """
    text, out = ctx.text, []
    for q, (sp, cue) in zip(top, attributions, strict=True):
        if sp is None or cue is None or cue.start < q.end or q.title:
            continue
        ps, _ = ctx.para_of(q.start)
        s = max(ctx.sentence_start(q.start), ps)
        m = _SUBJECT_RE.fullmatch(text, s, q.start)
        first = m.group(1).split()[0].lower() if m is not None else ""
        if m is None or first in _NOT_SUBJECT or first.endswith("ing"):
            continue  # "But", "Despite", "Citing": no subject
        inner = text[q.start : q.end].lstrip(_TRIM)
        if not inner[:1].islower():
            continue  # 'Lee: "We ..."', 'Then "I try ...": a new sentence in the quote'
        end = q.start + len(text[q.start : q.end].rstrip(_TRIM + "”"))
        out.append((m.start(1), end, sp, cue))
    return out


__all__ = ["MAX_SUBJECT", "subject_quotes"]
