"""An article prepared for extraction: sentences and who is speaking where.

:class:`Doc` is plain data, what every extractor receives: the article, its
sentence offsets, the voice map and the attribution records. The attribution
step (:func:`framing.attribution.prepare_doc`) fills it. Its :meth:`Doc.span`
is the one place a :class:`~framing.model.Span` is made, so every span gets its
sentence index, voice and speaker the same way.

Example:
    >>> from framing.model import Article
    >>> doc = Doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text="It may rain."), [(0, 12)])
    >>> doc.span("hedge", 3, 6, label="may").voice
    'authorial'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from framing.model import Article, Span


@dataclass(frozen=True)
class VoiceRun:
    """A run of characters ``[start, end)`` in one voice (and, if quoted, a speaker)."""

    start: int
    end: int
    voice: str
    speaker: str = ""


@dataclass
class VoiceMap:
    """Voice of every character: runs not covered are ``authorial``.

    Example:
        >>> vm = VoiceMap([VoiceRun(5, 9, "direct_quote", "Xi")])
        >>> vm.at(6), vm.at(2)
        (('direct_quote', 'Xi'), ('authorial', ''))
    """

    runs: list[VoiceRun] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.runs = sorted(self.runs, key=lambda r: (r.start, r.end))
        self._starts = [r.start for r in self.runs]
        # Largest end among the runs up to each index: the look-back in :meth:`at` stops where no earlier
        # run reaches the offset, so an authorial offset costs O(log n), not a walk over every run before it.
        self._reach = list(accumulate((r.end for r in self.runs), max))

    def at(self, offset: int) -> tuple[str, str]:
        """(voice, speaker) of the character at ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        # Runs may nest (a quote inside a paraphrase): the innermost covering run wins.
        best: VoiceRun | None = None
        while i >= 0:
            r = self.runs[i]
            if r.start <= offset < r.end and (best is None or r.end - r.start < best.end - best.start):
                best = r
            i -= 1
            if i >= 0 and (self._reach[i] <= offset or (best is not None and self.runs[i].end <= offset)):
                break
        if best is None:
            return ("authorial", "")
        return (best.voice, best.speaker)

    def of_span(self, start: int, end: int) -> tuple[str, str]:
        """Voice of a span: the voice of its first non-space character."""
        return self.at(start)


@dataclass(frozen=True)
class Quote:
    """One attribution record: a direct quotation or an attributed paraphrase.

    Attributes:
        start: Offset of the opening mark (or of the reported clause).
        end: Offset after the closing mark (or the clause).
        text: ``text[start:end]``.
        voice: ``direct_quote`` or ``attributed_paraphrase``.
        speaker: Normalised speaker ("" if none found).
        speaker_kind: ``person``, ``group``, ``organisation`` or "".
        speaker_start: Offset of the speaker mention this attribution used (-1 if inherited).
        speaker_end: End of that mention.
        cue: The cue as written ("said", "according to"); "" if inherited.
        cue_lemma: Its lemma ("say").
        cue_start: Offset of the cue (-1 if none).
        cue_end: End of the cue.
        affiliation: What the article says the speaker is ("an associate professor at ...").
        origin: Where the affiliation is based (one of the story's origins).
        quote_type: ``person``, ``organisation``, ``scare`` or ``unattributed``.
        nested: A quote inside another quote.
        words: Number of words inside.
    """

    start: int
    end: int
    text: str
    voice: str = "direct_quote"
    speaker: str = ""
    speaker_kind: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue: str = ""
    cue_lemma: str = ""
    cue_start: int = -1
    cue_end: int = -1
    affiliation: str = ""
    origin: str = "unknown"
    quote_type: str = "unattributed"
    nested: bool = False
    words: int = 0


@dataclass
class Doc:
    """An article with its sentence offsets, voice map and attribution records.

    Attributes:
        article: The article; all offsets refer to ``article.text``.
        sentences: ``(start, end)`` of each sentence, in order.
        voice: Voice map (filled by :func:`framing.attribution.attribute`).
        quotes: Attribution records: direct quotes in text order, then paraphrases.
        cut: Indices of the sentences that are bounded pieces of an overlong one
            (:func:`framing.corpus.segmentation.split_sentences_with_cuts`).
    """

    article: Article
    sentences: list[tuple[int, int]]
    voice: VoiceMap = field(default_factory=VoiceMap)
    quotes: Sequence[Quote] = field(default_factory=list)
    cut: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        """The cleaned text."""
        return self.article.text

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (-1 if between sentences)."""
        cached = self.__dict__.get("_starts")
        if cached is None or cached[0] is not self.sentences or len(cached[1]) != len(self.sentences):
            cached = (self.sentences, [s for s, _ in self.sentences])  # built once, not per call
            self.__dict__["_starts"] = cached
        i = bisect.bisect_right(cached[1], offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return -1

    def span(self, feature: str, start: int, end: int, **values: object) -> Span:
        """Make a span of this article, filling text, sentence, voice and speaker.

        Explicit ``voice``/``speaker`` values override the voice map.
        """
        if "voice" not in values or "speaker" not in values:
            voice, speaker = self.voice.of_span(start, end)
            values.setdefault("voice", voice)
            values.setdefault("speaker", speaker)
        if "sentence" not in values:
            values["sentence"] = self.sentence_index(start)
        return Span(
            article_id=self.article.id,
            outlet_id=self.article.outlet_id,
            feature=feature,
            start=start,
            end=end,
            text=self.article.text[start:end],
            **values,  # type: ignore[arg-type]
        )
