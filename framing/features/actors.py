"""Actor mentions and the tone toward each: the ``actor`` spans of the sentiment family.

One span per mention of a tone actor of the story (``label`` = actor id from
the story's actors table, the ``actor`` column of ``lexicons/actors.tsv`` in
the sample story, e.g. ``china``, ``putin``; ``category`` = the actor's
kind). Its ``score`` is :func:`framing.features.tone.tone_toward` of the
mention in its sentence: what the sentence says about the actor (-1..1, NaN
when it cannot tell), so in "Beijing praised the deal, but Washington
condemned it" each capital gets its own tone, a speaker is not scored by
what they say, and "the crisis in Ukraine" says nothing about Ukraine.

Example:
    >>> t = "The US told us that Beijing Olympics guests and Sino-Russian officials met Nato."
    >>> [(m.text, m.value.actor) for m in find_actors(t)]
    [('US', 'us_west'), ('Sino', 'china'), ('Russian', 'russia'), ('Nato', 'nato')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.features.tone import tone_toward
from framing.matching import Match
from framing.measures import Measure
from framing.story import ActorTerm, Story, default_story

if TYPE_CHECKING:
    import pandas as pd

    from framing.document import Doc
    from framing.model import Span

#: The comparison gives the tone toward at most this many actors of a span table (most mentioned first).
MAX_ACTORS = 8


def find_actors(
    text: str, start: int = 0, end: int | None = None, *, story: Story | None = None
) -> list[Match[ActorTerm]]:
    """Tone-actor mentions in ``text[start:end]`` (the ``actor`` column of the story's actors table).

    Capitalised terms match case-sensitively; the longest match wins; rows
    with actor ``-`` block a shorter name inside them; parts of hyphenated
    compounds count ("China-Russia ties").

    Example:
        >>> [m.value.actor for m in find_actors("At the Beijing Olympics, Beijing spoke.")]
        ['china']
    """
    return (story or default_story()).actor_matcher().hits(text, start, end)


def actor_spans(doc: Doc, index: int, start: int, end: int, *, story: Story | None = None) -> list[Span]:
    """``actor`` spans of sentence ``index`` (``doc.text[start:end]``), each scored with :func:`tone_toward`.

    Example:
        >>> from framing.model import Article
        >>> from framing.attribution import prepare_doc
        >>> t = "Beijing praised the excellent deal, but Washington condemned it as a disaster."
        >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text="", text=t))
        >>> [(s.label, s.score > 0) for s in actor_spans(doc, 0, 0, len(t))]
        [('china', True), ('us_west', False)]
    """
    text = doc.text
    return [
        doc.span(
            "actor",
            m.start,
            m.end,
            sentence=index,
            label=m.value.actor,
            category=m.value.kind,
            target=m.value.actor,
            score=tone_toward(text, m.start, m.end, sentence=(start, end)),
        )
        for m in _sentence_actors(doc, index, start, end, story or default_story())
    ]


#: The actor hits of every sentence of the last document, found in one pass: (text, sentences, story, hits).
_LAST_DOC: list[tuple[str, list[tuple[int, int]], Story, list[list[Match[ActorTerm]]]]] = []


def _sentence_actors(doc: Doc, index: int, start: int, end: int, story: Story) -> list[Match[ActorTerm]]:
    """:func:`find_actors` in sentence ``index`` of ``doc``, found for all its sentences at once."""
    if not (0 <= index < len(doc.sentences) and doc.sentences[index] == (start, end)):
        return find_actors(doc.text, start, end, story=story)
    last = _LAST_DOC[0] if _LAST_DOC else None
    if last is None or last[0] is not doc.text or last[1] is not doc.sentences or last[2] is not story:
        last = (doc.text, doc.sentences, story, story.actor_matcher().hits_in(doc.text, doc.sentences))
        _LAST_DOC[:] = [last]
    return last[3][index]


def measures(
    spans: pd.DataFrame | None = None, *, story: Story | None = None, max_actors: int = MAX_ACTORS
) -> list[Measure]:
    """The mean tone toward each actor: of a span table's ``max_actors`` most mentioned, or of every tone actor.

    Example:
        >>> [m.name for m in measures()][:2]
        ['tone toward biden', 'tone toward china']
    """
    if spans is None:
        actors = list((story or default_story()).tone_actors())
    elif "actor" in set(spans["feature"]):
        counts = spans.loc[spans["feature"] == "actor", "label"].value_counts()
        ranked = sorted(((int(n), str(a)) for a, n in counts.items() if str(a)), key=lambda t: (-t[0], t[1]))
        actors = [a for _, a in ranked[:max_actors]]
    else:
        actors = []
    return [
        Measure(f"actor_{actor}_tone_mean", "Tone toward actors", f"tone toward {actor}", "score (-1 to 1)",
                "mean", ("actor",), (("label", (actor,)),))
        for actor in actors
    ]
