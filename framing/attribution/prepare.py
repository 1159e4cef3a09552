"""The attribution step: segment an article, then give every character a voice.

Voices: ``direct_quote`` (inside quotation marks, marks included),
``attributed_paraphrase`` (reported content without marks: "X said that ...",
"..., observers said", "according to X, ...") or ``authorial`` (everything
else, no run). The steps, one module each: quote-mark pairing
(:mod:`~framing.attribution.marks`), direct quotes
(:mod:`~framing.attribution.direct`, with :mod:`~framing.attribution.titles`
for titles in quotation marks and :mod:`~framing.attribution.uncued` for
attributions without a listed verb), paraphrase
(:mod:`~framing.attribution.paraphrase`), resolution
(:mod:`~framing.attribution.resolution`, with pronoun and role antecedents in
:mod:`~framing.attribution.antecedents` and source origins in
:mod:`~framing.attribution.origins`), inheritance
(:mod:`~framing.attribution.inheritance`) and records
(:mod:`~framing.attribution.records`); speaker phrases, names and cue verbs
are the shared vocabulary.

Example:
    >>> from framing.model import Article
    >>> t = "“We disagree,” said Ann Lee, a professor at Peking University. “Strongly.”"
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(q.text, q.speaker, q.origin) for q in doc.quotes]
    [('“We disagree,”', 'Ann Lee', 'china'), ('“Strongly.”', 'Ann Lee', 'china')]
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from framing.attribution.context import Context
from framing.attribution.direct import attribute_direct
from framing.attribution.inheritance import inherit_speakers
from framing.attribution.marks import quotations
from framing.attribution.paraphrase import find_paraphrases
from framing.attribution.records import build_records
from framing.attribution.resolution import resolve_speakers
from framing.attribution.so_called import so_called_runs
from framing.corpus.segmentation import split_sentences_with_cuts
from framing.document import Doc, VoiceMap

if TYPE_CHECKING:
    from framing.model import Article
    from framing.story import Story


def attribute(doc: Doc, *, story: Story | None = None) -> Doc:
    """The document with its attribution records and voice map filled in.

    Args:
        doc: A segmented document.
        story: The story whose places give speakers' origins (None: the default story).

    Returns:
        A new :class:`~framing.document.Doc`; ``quotes`` holds direct quotes in
        text order, then paraphrases.

    Example:
        >>> from framing.model import Article
        >>> t = "Analysts said the talks failed. “It is over,” he said."
        >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)
        >>> doc = attribute(Doc(a, [(0, 31), (32, len(t))]))
        >>> [(r.voice, t[r.start:r.end]) for r in doc.voice.runs]
        [('attributed_paraphrase', 'the talks failed'), ('direct_quote', '“It is over,”')]
    """
    if not doc.text:
        return dataclasses.replace(doc, quotes=[], voice=VoiceMap())
    ctx = Context.of(doc.text, doc.sentences, story=story)
    raw = quotations(doc.text)
    top = [q for q in raw if not q.nested]
    attributions = attribute_direct(ctx, top)
    paraphrases = find_paraphrases(ctx, top, attributions)
    resolution = resolve_speakers(ctx, top, attributions, paraphrases)
    speakers = inherit_speakers(ctx, top, attributions, paraphrases, resolution)
    quotes, runs = build_records(ctx, raw, attributions, speakers, paraphrases, resolution.paraphrases)
    voice = VoiceMap(runs)
    named = so_called_runs(doc.text, voice)  # "so-called X": others' name for it
    return dataclasses.replace(doc, quotes=quotes, voice=VoiceMap(runs + named) if named else voice)


def prepare_doc(article: Article, *, story: Story | None = None) -> Doc:
    """Segment an article into sentences and attribute voice (quotes, paraphrase).

    Example:
        >>> from framing.model import Article
        >>> t = "“A,” Lee said, “B.”"
        >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
        >>> [(q.text, q.speaker) for q in doc.quotes]
        [('“A,”', 'Lee'), ('“B.”', 'Lee')]
    """
    sentences, cut = split_sentences_with_cuts(article.text)
    return attribute(Doc(article=article, sentences=sentences, cut=cut), story=story)


__all__ = ["attribute", "prepare_doc"]
